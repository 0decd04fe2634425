/**
 * Kerkrade's plans as printed ("Plannen corporaties voor de periode 2021 – 2025", then "• 478
 * woningen sloop" … "• 332 woningen renovatie"; test/support/seed-tables.ts): recognised as a
 * published list of plans, read per line with sheet and cell, summarised as the net change in the
 * number of dwellings (renovatie apart), shown on the Vergelijking sheet and in the JSON, reported
 * in Dutch, and never put into the tekort. Expected figures are computed here from the printed
 * lines, never taken from the code under test.
 */
import { detectTable } from "../../src/ingest/detect";
import { planLine, readPlanList } from "../../src/ingest/plannen-lijst";
import { summarisePlanList } from "../../src/domain/plannen-lijst";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { buildJson } from "../../src/report/json";
import { vergelijkingSheet } from "../../src/report/vergelijking-sheet";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import type { CellValue, RawTable } from "../../src/ingest/types";
import { seedRawTable, seedTable, seedWorkbook, type SeedCells } from "../support/seed-tables";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";

const ID = "kerkrade-plannen-2021-2025";
const SHEET = seedTable(ID).sheet;

/** The printed lines, read here: [count, kind] per "• N woningen <kind>". */
const PRINTED: [number, string][] = seedTable(ID).printed.map((r) => {
  const m = /^• (\d+) woningen (\w+)$/.exec(r[0].trim());
  if (!m) throw new Error(`not a plan line: ${r[0]}`);
  return [Number(m[1]), m[2]];
});
const count = (kind: string) => PRINTED.filter(([, k]) => k === kind).reduce((s, [n]) => s + n, 0);
const NETTO = count("nieuwbouw") + count("aankoop") - count("sloop") - count("verkoop");

/** The seed sheet with every line rewritten by `line` (caption and blank row kept). */
function variant(line: (text: string) => CellValue[]): RawTable {
  const t = seedRawTable(ID, { cells: "text" });
  const captionRows = seedTable(ID).caption.length + 1;
  return { ...t, values: t.values.map((r, i) => (i < captionRows ? r : line(String(r[0])))) };
}

describe("Kerkrade plans 2021-2025 as printed", () => {
  it("the printed lines are the five kinds; net +127 (515 − 478 + 125 − 35), renovatie 332", () => {
    expect(PRINTED.map(([, k]) => k).sort()).toEqual(["aankoop", "nieuwbouw", "renovatie", "sloop", "verkoop"]);
    expect(NETTO).toBe(515 - 478 + 125 - 35);
    expect(NETTO).toBe(127);
    expect(count("renovatie")).toBe(332);
  });

  for (const cells of ["excel", "text"] as SeedCells[]) {
    it(`is recognised as a list of plans and read line by line, with the period of the caption (${cells})`, () => {
      const table = seedRawTable(ID, { cells });
      const d = detectTable(table);
      expect(d.kind).toBe("plannenlijst");
      expect(d.reden).toContain("2021–2025");
      const read = readPlanList(table);
      expect(read.periode).toEqual({ van: 2021, tot: 2025 });
      expect(read.bijschrift).toBe("Plannen corporaties voor de periode 2021 – 2025");
      expect(read.issues).toEqual([]);
      // Caption (2 rows) and a blank row: the first line is sheet row 4, column A.
      expect(read.items.map((i) => [i.aantal, i.soort, i.cell])).toEqual(PRINTED.map(([n, k], r) => [n, k, `A${4 + r}`]));
      expect(read.items[0].regel).toBe(seedTable(ID).printed[0][0].trim());
    });
  }

  it("reads the same without the bullet, and with bullet, number and words in cells of their own", () => {
    const want = readPlanList(seedRawTable(ID)).items.map((i) => [i.aantal, i.soort]);
    const bare = variant((t) => [t.replace(/^•\s*/, "")]);
    const spread = variant((t) => {
      const m = /^(•)\s*(\d+)\s+(.*)$/.exec(t.trim())!;
      return ["•", Number(m[2]), m[3]];
    });
    for (const t of [bare, spread]) {
      expect(detectTable(t).kind).toBe("plannenlijst");
      expect(readPlanList(t).items.map((i) => [i.aantal, i.soort])).toEqual(want);
    }
    // Spread over cells, the cell named is that of the number (column B).
    expect(readPlanList(spread).items[0].cell).toBe("B4");
  });

  it("a line between the others that is no plan is reported with its cell and not counted; no period is said", () => {
    const t = seedRawTable(ID, { cells: "text" });
    const values = t.values.map((r) => [...r]);
    values.splice(5, 0, ["• een aantal woningen sloop"]);
    const read = readPlanList({ ...t, sheet: "Plannen", values: values.slice(2) });
    expect(read.items).toHaveLength(PRINTED.length);
    expect(read.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["plannenlijst-regel-onbekend", "waarschuwing", "A4"],
      ["plannenlijst-geen-periode", "info", "A2"],
    ]);
    expect(read.issues[0].message).toMatch(/^Cel A4 op blad 'Plannen': '• een aantal woningen sloop' staat tussen de geplande wijzigingen/);
  });

  it("one line, or lines that name no change, are no list", () => {
    expect(planLine(["• 478 woningen huurverhoging"])).toBeNull();
    const one: RawTable = { sheet: "Tekst", tableName: null, originRow: 1, originCol: 1, values: [["Plannen 2021-2025"], ["• 478 woningen sloop"]] };
    expect(detectTable(one).kind).toBe("onbekend");
  });

  it("summarised: per kind, added, removed, net change and the sum as printed", () => {
    const s = summarisePlanList(readPlanList(seedRawTable(ID)));
    expect(s.perSoort).toEqual({
      nieuwbouw: count("nieuwbouw"), sloop: count("sloop"), verkoop: count("verkoop"), aankoop: count("aankoop"), renovatie: count("renovatie"),
    });
    expect([s.erbij, s.eraf, s.netto, s.renovatie]).toEqual([count("nieuwbouw") + count("aankoop"), count("sloop") + count("verkoop"), NETTO, count("renovatie")]);
    expect(s.berekening).toBe(`${count("nieuwbouw")} − ${count("sloop")} + ${count("aankoop")} − ${count("verkoop")} = +${NETTO}`);
  });
});

describe("Kerkrade plans 2021-2025 in a workbook with the opgave 2030 and the BAT table as printed", () => {
  let withPlans: Awaited<ReturnType<typeof analyseWorkbook>>;
  let without: Awaited<ReturnType<typeof analyseWorkbook>>;
  beforeAll(async () => {
    const read = async (wb: ReturnType<typeof seedWorkbook>) =>
      analyseWorkbook(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())), { rules: DEFAULT_RULES });
    withPlans = await read(seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-opgave-2030", ID]));
    without = await read(seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-opgave-2030"]));
  });

  it("the sheet is used, and reported once in Dutch with sheet and cell, saying why it is not in the tekort", () => {
    expect(withPlans.tables.find((t) => t.sheet === SHEET)).toMatchObject({ kind: "plannenlijst", used: true });
    const issues = withPlans.issues.filter((i) => i.code === "plannen-zonder-klasse");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "waarschuwing", sheet: SHEET, cell: "A4" });
    expect(issues[0].message).toContain(`Cel A4 op blad '${SHEET}': de plannen voor 2021–2025 (478 sloop, 515 nieuwbouw, 35 verkoop, 125 aankoop en 332 renovatie) geven netto +127 woningen (515 − 478 + 125 − 35 = +127).`);
    expect(issues[0].message).toContain("Renovatie (332 woningen) verandert het aantal niet");
    expect(issues[0].message).toContain("niet in welke BAT-klasse of welk woontype");
    expect(issues[0].message).toContain("Jaar, Soort, Aantal en BAT (of Woontype)");
  });

  it("is never put into the tekort: the tekort and the supply are those of the workbook without the list", () => {
    expect(withPlans.tekort.length).toBeGreaterThan(0);
    expect(withPlans.tekort).toEqual(without.tekort);
    expect(withPlans.supply).toEqual(without.supply);
    expect(withPlans.plannen).toEqual([]);
    expect(withPlans.aanbodPerJaar).toEqual([]);
  });

  it("the Vergelijking sheet shows every line, its change in the number of dwellings and the net change", () => {
    const sheet = vergelijkingSheet(withPlans)!;
    expect(sheet.notes).toContain(`Gepubliceerde plannen zonder BAT-klasse of woontype op blad '${SHEET}' (2021–2025): netto +127 woningen (515 − 478 + 125 − 35 = +127); renovatie 332 woningen, apart (verandert het aantal niet).`);
    const table = sheet.tables.find((t) => t.name === "Vergelijking_Plannen")!;
    const change = table.columns.findIndex((c) => c.header === "Verandering aantal");
    const sign: Record<string, number | null> = { nieuwbouw: 1, aankoop: 1, sloop: -1, verkoop: -1, renovatie: null };
    expect(table.rows.slice(0, -1).map((r) => [r[1], r[4], r[5], r[change]])).toEqual(PRINTED.map(([n, k], i) => [`A${4 + i}`, k, n, sign[k] === null ? null : sign[k]! * n]));
    expect(table.rows.at(-1)![change]).toBe(NETTO);
  });

  it("the JSON has the same figures in plannenZonderKlasse", () => {
    const doc = buildJson(withPlans);
    expect(doc.plannenZonderKlasse).toHaveLength(1);
    expect(doc.plannenZonderKlasse[0]).toMatchObject({
      blad: SHEET, periode: { van: 2021, tot: 2025 }, erbij: 640, eraf: 513, netto: NETTO, renovatie: 332, berekening: "515 − 478 + 125 − 35 = +127",
    });
    expect(doc.plannenZonderKlasse[0].regels.map((r) => [r.aantal, r.soort])).toEqual(PRINTED);
    expect(buildJson(without).plannenZonderKlasse).toEqual([]);
  });

  it("without a table of planned changes, the list is compared with none (tabel null)", () => {
    expect(withPlans.plannenZonderKlasse[0].tabel).toBeNull();
  });

  it("the command line (streaming reader) gives the same section and names the net change in its summary", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-plannen-"));
    const file = path.join(dir, "kerkrade.xlsx");
    writeFileSync(file, new Uint8Array(await seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-opgave-2030", ID]).xlsx.writeBuffer()));
    let printed = "";
    const json = path.join(dir, "kerkrade.json");
    expect(await main(["analyse", file, "--json", json], { out: (t) => void (printed += t), err: () => undefined })).toBe(0);
    const doc = JSON.parse(readFileSync(json, "utf8")) as ReturnType<typeof buildJson>;
    expect(doc.plannenZonderKlasse).toEqual(buildJson(withPlans).plannenZonderKlasse);
    expect(printed).toContain(`Gepubliceerde plannen op blad '${SHEET}': netto +127 woningen (515 − 478 + 125 − 35 = +127)`);
  });
});

describe("Kerkrade plans as printed beside a table of planned changes (Jaar, Soort, Aantal, BAT)", () => {
  /** The printed totals as a planned-changes table: every kind in 2023, plus a change in 2026 (outside the period). */
  const planTable = (sloop: number) => [
    ["Jaar", "Soort", "Aantal", "BAT", "Van BAT"],
    ...PRINTED.map(([n, k]) => [2023, k, k === "sloop" ? sloop : n, k === "renovatie" ? 1 : 0, k === "renovatie" ? 0 : null]),
    [2026, "sloop", 40, 0, null],
  ];
  const analyse = async (sloop: number) => {
    const wb = seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-opgave-2030", ID]);
    const ws = wb.addWorksheet("Plannen tabel");
    for (const r of planTable(sloop)) ws.addRow(r);
    return analyseWorkbook(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())), { rules: DEFAULT_RULES });
  };

  it("the table counts in the tekort, the list does not; equal totals per kind within 2021–2025 are said (info)", async () => {
    const r = await analyse(count("sloop"));
    expect(r.plannen.length).toBe(PRINTED.length + 1);
    const t = r.plannenZonderKlasse[0].tabel!;
    expect(t).toMatchObject({ sheet: "Plannen tabel", netto: NETTO, verschillen: [] });
    expect(t.perSoort.sloop).toBe(count("sloop")); // the 2026 change is outside the period
    const issue = r.issues.find((i) => i.code === "plannen-zonder-klasse")!;
    expect(issue.severity).toBe("info");
    expect(issue.message).toContain("de geplande wijzigingen op blad 'Plannen tabel' wel. Hun totalen per soort over 2021–2025 komen overeen met de lijst.");
    const table = vergelijkingSheet(r)!.tables.find((x) => x.name === "Vergelijking_Plannen")!;
    const inTable = table.columns.findIndex((c) => c.header === "In de tabel met wijzigingen");
    expect(table.rows.map((row) => row[inTable])).toEqual([...PRINTED.map(([n]) => n), NETTO]);
    expect(buildJson(r).plannenZonderKlasse[0].tabel).toEqual({ blad: "Plannen tabel", perSoort: t.perSoort, netto: NETTO, verschillen: [] });
  });

  it("totals that differ are a warning naming both figures per kind", async () => {
    const r = await analyse(count("sloop") - 8);
    expect(r.plannenZonderKlasse[0].tabel!.verschillen).toEqual([`sloop ${count("sloop")} in de lijst, ${count("sloop") - 8} in de tabel`]);
    const issue = r.issues.find((i) => i.code === "plannen-zonder-klasse")!;
    expect(issue.severity).toBe("waarschuwing");
    expect(issue.message).toContain(`wijken af van de lijst: sloop ${count("sloop")} in de lijst, ${count("sloop") - 8} in de tabel. Controleer welke klopt; het tekort rekent met de tabel.`);
  });
});


describe("a workbook with only Kerkrade's plans as printed", () => {
  it("is refused with a message that names the list it found and why it alone gives no analysis", async () => {
    const wb = seedWorkbook([ID]);
    const run = async () => analyseWorkbook(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())), { rules: DEFAULT_RULES });
    await expect(run()).rejects.toThrow(/Geen voorraad-, aanbod- of vraagtabel gevonden/);
    await expect(run()).rejects.toThrow(`Blad '${SHEET}' is een gepubliceerde lijst met plannen`);
    await expect(run()).rejects.toThrow(/alleen samengevat op het blad Vergelijking/);
  });
});

describe("Kerkrade's plans as printed beside a BAT stock and no published saldo table", () => {
  it("the Vergelijking sheet shows the list and no notes about recomputing saldo tables it does not hold", async () => {
    const wb = seedWorkbook(["kerkrade-bat-per-corporatie", ID]);
    const result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())), { rules: DEFAULT_RULES });
    expect(result.vergelijking).toEqual([]);
    const sheet = vergelijkingSheet(result);
    expect(sheet?.title).toBe("Vergelijking: gepubliceerde cijfers gecontroleerd");
    const notes = sheet?.notes.join("\n") ?? "";
    expect(notes).toContain(`+${NETTO}`);
    expect(notes).not.toContain("nagerekend met de vraag en het aanbod");
    expect(notes).not.toContain("Status: gelijk");
  });
});
