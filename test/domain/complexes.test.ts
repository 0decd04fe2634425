import { collectComplexes } from "../../src/domain/complexes";
import { complexRows, stockRow } from "./fixtures";

describe("collectComplexes", () => {
  test("aggregates facts per owner and complex, in order of first appearance", () => {
    const rows = [
      stockRow({ complex: "7", eigenaar: "Weller", aantal: 4, label55plus: true }),
      stockRow({ bat: 1 }),
      stockRow({ complex: "7", eigenaar: "Woonpunt", aantal: 2 }),
      stockRow({ complex: "7", eigenaar: "Weller", aantal: 6, label55plus: false, ontmoetingsruimte: "inpandig" }),
      stockRow({ complex: "7", eigenaar: "Weller", aantal: 1 }),
    ];
    const { complexes, rowComplex, presence } = collectComplexes(rows);
    expect(Array.from(rowComplex)).toEqual([0, -1, 1, 0, 0]);
    expect(complexes).toHaveLength(2);
    const weller = complexes[0];
    expect(weller).toMatchObject({
      complex: "7",
      eigenaar: "Weller",
      geteld: 11,
      woningen: 11,
      ontmoetingsruimte: "inpandig",
      label55plusJa: 4,
      label55plusNee: 6,
      label55plusOnbekend: 1,
      wlz: null,
      conflicts: [],
    });
    expect(weller.firstRow).toEqual(rows[0]);
    expect(complexes[1]).toMatchObject({ eigenaar: "Woonpunt", geteld: 2 });
    expect(presence).toMatchObject({ complex: true, ontmoetingsruimte: true, label55plus: true, wlz: false, bat: true, aandeel55plus: false });
  });

  test("conflicting values: the room and Wlz on any row count, sizes and shares take the smallest", () => {
    const rows = [
      ...complexRows(3, { complex: "C", ontmoetingsruimte: "geen", wlz: false, complexgrootte: 30, aandeel55plus: 0.8 }),
      ...complexRows(3, { complex: "C", ontmoetingsruimte: "aangrenzend", wlz: true, complexgrootte: 25, aandeel55plus: 0.55 }),
    ];
    const [c] = collectComplexes(rows).complexes;
    expect(c).toMatchObject({ ontmoetingsruimte: "aangrenzend", wlz: true, grootteGegeven: 25, woningen: 25, aandeel55plus: 0.55 });
    expect(c.conflicts).toEqual([
      "ontmoetingsruimte verschilt per rij (aangrenzend, geen); aangrenzend aangehouden",
      "complexgrootte verschilt per rij (25 tot 30); 25 aangehouden",
      "aandeel 55+ verschilt per rij (55% tot 80%); 55% aangehouden",
      "Wlz-zorg verschilt per rij (ja en nee); ja aangehouden",
    ]);
  });

  test("a given size below the dwellings in the table is replaced by the count", () => {
    const [c] = collectComplexes(complexRows(15, { complex: "K", complexgrootte: 10 })).complexes;
    expect(c.woningen).toBe(15);
    expect(c.conflicts).toEqual(["complexgrootte 10 is kleiner dan het aantal woningen in de tabel (15); 15 aangehouden"]);
  });

  test("unsorted rows of a complex are still one complex", () => {
    const rows = [stockRow({ complex: "A" }), stockRow({ complex: "B" }), stockRow({ complex: "A" }), stockRow({ complex: "B" })];
    const { complexes, rowComplex } = collectComplexes(rows);
    expect(complexes.map((c) => [c.complex, c.geteld])).toEqual([["A", 2], ["B", 2]]);
    expect(Array.from(rowComplex)).toEqual([0, 1, 0, 1]);
  });
});
