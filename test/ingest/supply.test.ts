import { readSupply } from "../../src/ingest/supply";
import { csvTable, parkstadSupplyPublished, rawTable } from "./tables";

describe("readSupply on Parkstad Tabel 2 in the published layout", () => {
  const ing = readSupply(rawTable(parkstadSupplyPublished(), { sheet: "Aanbod" }));

  it("reads every category with its group and the year from the column header", () => {
    expect(ing.entries.map((e) => [e.groep, e.categorie, e.zorgprofiel, e.jaar, e.aanbod])).toEqual([
      ["ouderen", "regulier", null, 2023, 117250],
      ["ouderen", "nultreden", null, 2023, 29313],
      ["ouderen", "geclusterd", null, 2023, 10793],
      ["ouderen", "zorggeschikt", "SOM", 2023, 1043],
      ["ouderen", "zorggeschikt", "PG", 2023, 2207],
      ["verstandelijke beperking", "geclusterd", null, 2023, 861],
      ["verstandelijke beperking", "gespikkeld", null, 2023, 26],
    ]);
    expect(ing.entries.every((e) => e.sheet === "Aanbod" && /^B\d+$/.test(e.cell))).toBe(true);
  });

  it("checks the total that comes before its parts (887 = 861 + 26) without counting it", () => {
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(ing.entries.some((e) => e.aanbod === 887)).toBe(false);
  });

  it("warns when that total does not match", () => {
    const v = parkstadSupplyPublished();
    const row = v.findIndex((r) => r[0] === "Totaal");
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
