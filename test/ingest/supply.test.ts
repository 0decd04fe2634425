import { readSupply } from "../../src/ingest/supply";
import { csvTable, rawTable } from "./tables";
import { printedNumber, printedRow, seedSheet, seedTable } from "../support/seed-tables";

const ID = "parkstad-tabel-2";
/** The 2023 figure printed on the row `label` (the `occurrence`-th such row). */
const printed2023 = (label: string, occurrence = 0) => printedNumber(printedRow(ID, label, occurrence)[1])!;
/** The printed row of the verstandelijke beperking group, which carries the group's total. */
const VG_ROW = seedTable(ID).printed.findIndex((r) => r[0].startsWith("mensen met een verstandelijke beperking"));

describe("readSupply on Parkstad Tabel 2 as printed", () => {
  const ing = readSupply(rawTable(seedSheet(ID), { sheet: "Aanbod" }));

  it("reads every category with its group and the year from the column header", () => {
    expect(ing.entries.map((e) => [e.groep, e.categorie, e.zorgprofiel, e.jaar, e.aanbod])).toEqual([
      ["ouderen", "regulier", null, 2023, printed2023("regulier wonen")],
      ["ouderen", "nultreden", null, 2023, printed2023("nultreden in regulier wonen")],
      ["ouderen", "geclusterd", null, 2023, printed2023("geclusterd wonen")],
      ["ouderen", "zorggeschikt", "SOM", 2023, printed2023("zorggeschikt/woonzorgcentrum (SOM)")],
      ["ouderen", "zorggeschikt", "PG", 2023, printed2023("zorggeschikt/woonzorgcentrum (PG)")],
      ["verstandelijke beperking", "geclusterd", null, 2023, printed2023("geclusterd wonen", 1)],
      ["verstandelijke beperking", "gespikkeld", null, 2023, printed2023("gespikkeld wonen")],
    ]);
    expect(ing.entries.every((e) => e.sheet === "Aanbod" && /^B\d+$/.test(e.cell))).toBe(true);
  });

  it("checks the total that comes before its parts (887 = 861 + 26) without counting it", () => {
    const total = printedNumber(seedTable(ID).printed[VG_ROW][1])!;
    expect(total).toBe(887);
    expect(total).toBe(printed2023("geclusterd wonen", 1) + printed2023("gespikkeld wonen"));
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(ing.entries.some((e) => e.aanbod === total)).toBe(false);
  });

  it("warns when that total does not match", () => {
    const v = seedSheet(ID);
    const row = seedTable(ID).caption.length + 1 + VG_ROW;
    v[row][1] = 890;
    const w = readSupply(rawTable(v, { sheet: "Aanbod" })).issues.filter((i) => i.code === "totaal-klopt-niet");
    expect(w).toEqual([expect.objectContaining({ cell: `B${row + 1}` })]);
    expect(w[0].message).toContain("het totaal (890) voor verstandelijke beperking, 2023 is niet gelijk aan de som van de woonvormen (887)");
  });

  it("reads the CSV layout (groep | woonvorm | 2023) the same way", () => {
    const csv = readSupply(rawTable(csvTable("parkstad-aanbod-2023.csv")));
    expect(csv.entries.map((e) => e.aanbod)).toEqual(ing.entries.map((e) => e.aanbod));
    expect(csv.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("accepts a long supply table without a year (jaar null)", () => {
    const s = readSupply(rawTable([["Woonvorm", "Aantal"], ["Nultredenwoning", 120], ["Geclusterd", 30]]));
    expect(s.entries.map((e) => [e.categorie, e.jaar, e.aanbod])).toEqual([["nultreden", null, 120], ["geclusterd", null, 30]]);
  });
});
