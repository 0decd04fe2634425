import { readDemand } from "../../src/ingest/demand";
import { csvTable, rawTable } from "./tables";
import { printedNumber, seedSheet, seedTable } from "../support/seed-tables";
import type { CellValue, DemandIngest } from "../../src/ingest/types";
import type { DemandEntry } from "../../src/domain/types";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const key = (e: DemandEntry) => `${e.groep}|${e.scenario ?? ""}|${e.categorie}${e.zorgprofiel ? `(${e.zorgprofiel})` : ""}|${e.jaar}`;

const ID = "parkstad-tabel-1";

/**
 * Parkstad Tabel 1 as printed, read here (independently of src/ingest): the woonvorm rows under
 * each group row ("Ouderen (basisscenario)", "Mensen met een verstandelijke beperking
 * (onderkant)") as groep|scenario|categorie|jaar → number; totals ("Ouderen totaal") and groups
 * with only a total are no woonvorm rows.
 */
function expectedFromPrinted(): Map<string, number> {
  const [head, ...rows] = seedTable(ID).printed;
  const cat: Record<string, string> = {
    "regulier wonen": "regulier", "nultreden in regulier wonen": "nultreden", "geclusterd wonen": "geclusterd",
    "zorggeschikt/woonzorgcentrum (SOM)": "zorggeschikt(SOM)", "zorggeschikt/woonzorgcentrum (PG)": "zorggeschikt(PG)",
    "gespikkeld wonen": "gespikkeld",
  };
  const out = new Map<string, number>();
  let groep = "";
  let scenario = "";
  for (const r of rows) {
    const label = r[0].trim();
    const g = /^(?:ouderen|mensen met een (lichamelijke|verstandelijke) beperking)(?: \((\w+?)(?:scenario)?\))?$/i.exec(label);
    if (g) {
      groep = g[1] ? `${g[1]} beperking` : "ouderen";
      scenario = g[2] ?? "";
      continue;
    }
    if (!(label in cat)) continue;
    head.slice(1).forEach((y, i) => out.set(`${groep}|${scenario}|${cat[label]}|${y}`, printedNumber(r[1 + i])!));
  }
  return out;
}

function check(ing: DemandIngest): void {
  const expected = expectedFromPrinted();
  expect(expected.size).toBe(2 * 5 * 3 + 2 * 2 * 3);
  expect(new Map(ing.entries.map((e) => [key(e), e.vraag]))).toEqual(expected);
  expect(ing.entries).toHaveLength(expected.size);
}

describe("readDemand on Parkstad Tabel 1 as printed", () => {
  const ing = readDemand(rawTable(seedSheet(ID), { sheet: "Vraag" }));

  it("keeps every scenario: basis/trend for ouderen, onderkant/bovenkant for verstandelijke beperking", () => {
    check(ing);
    const scen = (groep: string) => [...new Set(ing.entries.filter((e) => e.groep === groep).map((e) => e.scenario))].sort();
    expect(scen("ouderen")).toEqual(["basis", "trend"]);
    expect(scen("verstandelijke beperking")).toEqual(["bovenkant", "onderkant"]);
  });

  it("never counts totals, and the group totals check out (45,060 etc.)", () => {
    const ouderenBasis2023 = ing.entries.filter((e) => e.groep === "ouderen" && e.scenario === "basis" && e.jaar === 2023);
    expect(sum(ouderenBasis2023.map((e) => e.vraag))).toBe(45060);
    const trend2040 = ing.entries.filter((e) => e.groep === "ouderen" && e.scenario === "trend" && e.jaar === 2040);
    expect(sum(trend2040.map((e) => e.vraag))).toBe(51700);
    expect(ing.issues.filter((i) => i.code === "totaal-klopt-niet")).toEqual([]);
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("reports each group with only a total once, and counts nothing for it", () => {
    const only = ing.issues.filter((i) => i.code === "alleen-totaal");
    expect(only).toHaveLength(8);
    // As printed: "woningbehoefte statushouders (onderkant) | 240 | 240 | 240".
    const printed = seedTable(ID).printed.find((r) => r[0] === "woningbehoefte statushouders (onderkant)")!;
    const statushouders = only.find((i) => i.message.includes("groep 'woningbehoefte statushouders' (onderkant)"))!;
    expect(statushouders.message).toBe(
      `Cel ${statushouders.cell} op blad 'Vraag': groep 'woningbehoefte statushouders' (onderkant) heeft alleen een totaal (${printedNumber(printed[1])} in 2023); niet meegeteld in het tekort, want de woonvorm is onbekend. Splits het totaal in woonvormen om het mee te tellen.`);
    const lichamelijk = seedTable(ID).printed.find((r) => r[0] === "Mensen met een lichamelijke beperking")!;
    expect(only.find((i) => i.message.includes("groep 'lichamelijke beperking'"))!.message).toContain(`(${printedNumber(lichamelijk[1])} in 2023)`);
    expect(ing.entries.some((e) => e.groep === "woningbehoefte statushouders" || e.groep === "lichamelijke beperking")).toBe(false);
  });

  it("gives every entry its sheet and the A1 cell of its number", () => {
    const first = ing.entries[0];
    expect(first).toMatchObject({ sheet: "Vraag", groep: "ouderen", scenario: "basis", categorie: "regulier", jaar: 2023, vraag: 23050, cell: "B5" });
    const vgPlek = ing.entries.find((e) => e.groep === "verstandelijke beperking" && e.scenario === "bovenkant" && e.categorie === "gespikkeld" && e.jaar === 2040)!;
    expect(vgPlek.vraag).toBe(880);
    expect(seedSheet(ID)[Number(vgPlek.cell.slice(1)) - 1][3]).toBe(880);
  });

  it("reads the same table with Dutch text numbers ('45.060')", () => {
    check(readDemand(rawTable(seedSheet(ID, { cells: "text" }))));
  });
});

describe("readDemand on other layouts", () => {
  it("reads the CSV-like wide layout (groep | scenario | woonvorm | 2023 | 2030 | 2040)", () => {
    const ing = readDemand(rawTable(csvTable("parkstad-vraag-ouderen-vg-2023-2040.csv")));
    check(ing);
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(ing.issues.filter((i) => i.code === "alleen-totaal")).toHaveLength(8);
  });

  it("reads a long table (woonvorm, jaar, scenario, gemeente, vraag)", () => {
    const values: CellValue[][] = [
      ["Woonvorm", "Jaar", "Scenario", "Gemeente", "Vraag"],
      ["Geclusterd wonen", 2030, "basis", "Kerkrade", 1100],
      ["Geclusterd wonen", "2040", "basis", "Kerkrade", "1.250"],
      ["BAT 2", 2030, "basis", "Kerkrade", 300],
      ["Totaal", 2030, "basis", "Kerkrade", 1400],
      ["Zorggeschikt (PG)", "later", "basis", "Kerkrade", 10],
    ];
    const ing = readDemand(rawTable(values, { sheet: "Lang" }));
    expect(ing.entries.map((e) => [e.niveau, e.categorie, e.jaar, e.gebied, e.vraag, e.cell])).toEqual([
      ["bzk", "geclusterd", 2030, "Kerkrade", 1100, "E2"], ["bzk", "geclusterd", 2040, "Kerkrade", 1250, "E3"],
      ["bat", "2", 2030, "Kerkrade", 300, "E4"],
    ]);
    expect(ing.issues.map((i) => [i.code, i.cell])).toEqual([["jaar-ongeldig", "B6"]]);
  });

  it("requires a year in long demand tables", () => {
    const ing = readDemand(rawTable([["Woonvorm", "Vraag"], ["Geclusterd wonen", 10]]));
    expect(ing.entries).toEqual([]);
    expect(ing.issues[0]).toMatchObject({ code: "jaar-ontbreekt", severity: "fout" });
  });
});

describe("readDemand problems", () => {
  const base = (): CellValue[][] => [
    ["Woonvorm", 2023, 2030],
    ["Ouderen (basisscenario)", null, null],
    ["Regulier wonen", 100, 110],
    ["Geclusterd wonen", 50, 60],
    ["Totaal", 150, 170],
  ];

  it("warns when the categories do not add up to the total, naming the cell, sum and total", () => {
    const v = base();
    v[4][2] = 175;
    const ing = readDemand(rawTable(v, { sheet: "Vraag" }));
    const w = ing.issues.filter((i) => i.code === "totaal-klopt-niet");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "waarschuwing", cell: "C5" });
    expect(w[0].message).toBe("Cel C5 op blad 'Vraag': het totaal (175) voor ouderen, basis, 2030 is niet gelijk aan de som van de woonvormen (170). Het totaal telt niet mee; controleer de tabel.");
    expect(ing.entries).toHaveLength(4);
  });

  it("sets aside unknown categories with a warning, and bad numbers with a fout naming the cell", () => {
    const v = base();
    v.splice(4, 0, ["Beschermd wonen", 5, 5]);
    v[2][2] = "n.b.";
    v[3][1] = -50;
    const ing = readDemand(rawTable(v, { sheet: "Vraag" }));
    expect(ing.issues.filter((i) => i.severity !== "info").map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["getal-ongeldig", "fout", "C3"], ["getal-ongeldig", "fout", "B4"], ["categorie-onbekend", "waarschuwing", "A5"],
      ["totaal-klopt-niet", "waarschuwing", "B6"], ["totaal-klopt-niet", "waarschuwing", "C6"],
    ]);
    expect(ing.entries.map((e) => e.cell)).toEqual(["B3", "C4"]);
  });

  it("sets aside the same category twice in one group and year", () => {
    const v = base();
    v.splice(4, 0, ["regulier", 1, 1]);
    const ing = readDemand(rawTable(v));
    expect(ing.issues.filter((i) => i.code === "categorie-dubbel").map((i) => i.cell)).toEqual(["B5", "C5"]);
  });

  it("treats a group heading that carries numbers as a group with only a total", () => {
    const v: CellValue[][] = [["Woonvorm", 2023], ["Mensen met een lichamelijke beperking", 315], ["Ouderen", null], ["Geclusterd wonen", 10]];
    const ing = readDemand(rawTable(v));
    expect(ing.entries).toEqual([expect.objectContaining({ groep: "ouderen", categorie: "geclusterd", vraag: 10 })]);
    expect(ing.issues.filter((i) => i.code === "alleen-totaal")).toHaveLength(1);
  });

  it("warns when BAT classes of both scales occur in one table", () => {
    const ing = readDemand(rawTable([["Woonvorm", 2030], ["BAT 1", 10], ["BAT2", 20]]));
    expect(ing.issues.find((i) => i.code === "schalen-gemengd")).toMatchObject({ severity: "waarschuwing", cell: "B3" });
  });

  it("reports a table without a header", () => {
    const ing = readDemand(rawTable([["x"], ["y"]]));
    expect(ing.issues[0]).toMatchObject({ code: "geen-kopregel", severity: "fout" });
  });
});

describe("readDemand: figures in brackets after the demand (a published opgave)", () => {
  const table = (caption: string, cells: string[]) => rawTable([[caption], [], ["BAT 1", "BAT 2", "BAT 3"], cells], { sheet: "Opgave" });

  it("takes the sign convention and rounding from the caption, as for a saldo table", () => {
    const d = readDemand(table("De opgave voor 2030 (vraag − aanbod), afgerond op 5-tallen", ["1.180 (-145)", "1.136 (+180)", "549 (+134)"]));
    expect(d.tussenHaakjes).toMatchObject({ teken: "vraag-min-aanbod", afgerondOp5: true });
    expect(d.tussenHaakjes!.entries.map((e) => e.waarde)).toEqual([-145, 180, 134]);
  });

  it("without a caption that says so, every figure a multiple of 5 means rounded to 5 (as for a saldo table); one that is not, not", () => {
    expect(readDemand(table("Vraag 2030", ["1.180 (-145)", "1.136 (+180)", "549 (+135)"])).tussenHaakjes?.afgerondOp5).toBe(true);
    expect(readDemand(table("Vraag 2030", ["1.180 (-145)", "1.136 (+180)", "549 (+134)"])).tussenHaakjes?.afgerondOp5).toBe(false);
  });
});

