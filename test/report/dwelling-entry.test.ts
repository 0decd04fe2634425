/**
 * The sheet's table per dwelling (BZK_Woningen on BZK-indeling) and the JSON's `woningen` say the
 * same of every dwelling, since both are made from one entry (src/report/dwelling-entry.ts): on
 * the Kerkrade sample, on the awkward stock, and on a result that holds no adaptation assessment
 * for some dwellings ("onbekend" on both sides, as docs/json.md lists it).
 */
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildJson, type JsonWoning } from "../../src/report/json";
import { jsonText } from "../../src/report/json-stream";
import { tableRowAt, tableRowCount, type ModelValue, type TableModel } from "../../src/report/sheet-model";
import { buildSheets } from "../../src/report/sheets";
import { dwellingEntry, type DwellingEntry } from "../../src/report/dwelling-entry";
import { batCode } from "../../src/domain/bat";
import { awkwardStock } from "../support/awkward-stock";
import { KERKRADE } from "../support/paths";
import { expectEqualData } from "../support/equal";
import { cachedWorkbook } from "../support/workbook-cache";

/** The Kerkrade sample's analysis with the default rules, made once per file (two tests read it). */
let kerkradeResult: Promise<AnalysisResult> | null = null;
const kerkradeAnalysis = async (): Promise<AnalysisResult> => (kerkradeResult ??= analyseWorkbook(await cachedWorkbook(readFileSync(KERKRADE)), { rules: DEFAULT_RULES }));

/** The per-dwelling table of the sheets, rows in dwelling order (a sample fits one sheet). */
function sheetRows(result: AnalysisResult): ModelValue[][] {
  const sheet = buildSheets(result).find((s) => s.kind === "bzk-indeling")!;
  const table: TableModel = sheet.tables.find((t) => t.name === "BZK_Woningen")!;
  expect(table.columns.map((c) => c.header)).toEqual([
    "VHE", "Bron (blad!rij)", "Complex", "Eigenaar", "Gemeente", "Aantal", "BAT", "BZK-type", "Nultreden", "Geclusterd",
    "Zorggeschikt", "Zorgprofiel", "Aanpassing", "Reden", "Waarschuwingen",
  ]);
  return Array.from({ length: tableRowCount(table) }, (_, i) => tableRowAt(table, i));
}

/** A JSON entry as the sheet's columns would show it (BAT as its code, flags as ja/nee). */
function asSheetColumns(w: JsonWoning, result: AnalysisResult): ModelValue[] {
  const jaNee = (b: boolean) => (b ? "ja" : "nee");
  const bat = w.bat === null ? null : result.batScale === "vera" ? `BAT${w.bat}` : String(w.bat);
  return [w.id, w.bron, bat, w.bzk, jaNee(w.nultreden), jaNee(w.geclusterd), jaNee(w.zorggeschikt), w.zorgprofiel, w.aanpassing, w.reden, w.meldingen.join(" ")];
}

/** The sheet row's columns that the JSON also has, in the order of {@link asSheetColumns}. */
function shared(row: ModelValue[]): ModelValue[] {
  return [row[0], row[1], row[6], row[7], row[8], row[9], row[10], row[11], row[12], row[13], row[14]];
}

/** Every dwelling with an id is in the JSON, in order, with the same values as on its sheet row;
 * rows without an id are on the sheet only. Also checks the streamed JSON lists the same. */
async function expectAgreement(result: AnalysisResult): Promise<void> {
  const rows = sheetRows(result);
  const doc = buildJson(result);
  expect(rows).toHaveLength(result.dwellings.length);
  const withId = rows.filter((r) => r[0] !== null);
  expect(doc.woningen).toHaveLength(withId.length);
  // Every row compared, in one comparison (a Jest expect per row was most of this test's time).
  expectEqualData(withId.map(shared), doc.woningen.map((w) => asSheetColumns(w, result)));
  expectEqualData((JSON.parse(await jsonText(result)) as { woningen: JsonWoning[] }).woningen, doc.woningen);
}

test("Kerkrade: the sheet's row and the JSON's entry agree for every dwelling", async () => {
  const result = await kerkradeAnalysis();
  expect(result.dwellings.length).toBeGreaterThan(7000);
  await expectAgreement(result);
});

test("the awkward stock (no BAT, no id, warnings, profiles): sheet and JSON agree", async () => {
  const result = await awkwardStock();
  const rows = sheetRows(result);
  expect(rows.some((r) => r[0] === null)).toBe(true);
  expect(rows.some((r) => r[6] === null)).toBe(true);
  expect(rows.some((r) => r[14] !== "")).toBe(true);
  await expectAgreement(result);
});

test("a dwelling without an adaptation assessment is 'onbekend' on the sheet and in the JSON", async () => {
  const full = await awkwardStock();
  const result: AnalysisResult = { ...full, adapted: full.adapted.slice(0, 3) };
  const rows = sheetRows(result);
  expect(rows.slice(3).every((r) => r[12] === "onbekend")).toBe(true);
  expect(buildJson(result).woningen.slice(3).every((w) => w.aanpassing === "onbekend")).toBe(true);
  await expectAgreement(result);
});

/** The entry as it was built before it read the columns: from the dwelling made on demand. */
function entryFromDwelling(result: AnalysisResult, i: number): DwellingEntry {
  const d = result.dwellings.dwelling(i);
  const row = d.row;
  return {
    id: row.id, bron: `${row.sheet}!${row.rowNumber}`, complex: row.complex, eigenaar: row.eigenaar, gemeente: row.gemeente,
    aantal: row.aantal, bat: row.bat, batCode: row.bat === null ? null : batCode(row.bat, row.batScale ?? result.batScale),
    bzk: d.bzk, nultreden: d.nultreden, geclusterd: d.geclusterd, zorggeschikt: d.zorggeschikt, zorgprofiel: d.zorgprofiel,
    aanpassing: result.adapted[i]?.aanpassing ?? "onbekend", reden: d.reden, meldingen: d.warnings,
  };
}

test("the entry read from the columns equals the one built from the dwelling, for every dwelling of Kerkrade and the awkward stock", async () => {
  const kerkrade = await kerkradeAnalysis();
  const awkward = await awkwardStock();
  for (const result of [kerkrade, awkward]) {
    const entries = Array.from({ length: result.dwellings.length }, (_, i) => dwellingEntry(result, i));
    expectEqualData(entries, Array.from({ length: result.dwellings.length }, (_, i) => entryFromDwelling(result, i)));
  }
  // Both kinds of row are covered: zorggeschikt with a profile, and a profile on a row that is not zorggeschikt.
  expect(awkward.dwellings.toArray().some((d) => d.zorggeschikt && d.row.zorgprofiel !== null)).toBe(true);
  expect([kerkrade, awkward].some((r) => r.dwellings.toArray().some((d) => !d.zorggeschikt && d.row.zorgprofiel !== null))).toBe(true);
  expect(() => dwellingEntry(awkward, awkward.dwellings.length)).toThrow(RangeError);
});
