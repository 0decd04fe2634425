/**
 * The streamed JSON document is, character for character, `JSON.stringify(buildJson(result),
 * null, 2)` plus a newline, on the sample workbooks and on a stock with warnings, unknown BAT,
 * care profiles and a sheet name that needs escaping; and it parses to exactly buildJson.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildJson } from "../../src/report/json";
import { jsonText, writeJson } from "../../src/report/json-stream";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { cachedWorkbook } from "../support/workbook-cache";

const ASSETS = path.resolve(__dirname, "../../assets");

async function sample(file: string, voorraad?: string): Promise<AnalysisResult> {
  return analyseWorkbook(await cachedWorkbook(readFileSync(path.join(ASSETS, file))), { rules: DEFAULT_RULES, voorraad });
}

/** A small stock with the awkward cases: quotes in the sheet name, missing BAT, warnings,
 * zorggeschikt dwellings with a profile, a row without id, an unknown VERA code. */
async function awkward(): Promise<AnalysisResult> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Voorraad "2024"');
  ws.addRow(["VHE", "Complex", "BAT", "Ontmoetingsruimte", "Aandeel 55+", "Wlz", "Zorgprofiel", "Aantal", "Toegankelijkheidslabel"]);
  for (let i = 0; i < 14; i++) ws.addRow([`V${i}`, "C1", (i % 5) as number, "ja", "70%", "ja", i % 2 ? "PG" : "SOM", 1, null]);
  ws.addRow(["V\\20", "C2", null, null, null, null, null, 1, "XYZ"]);
  ws.addRow([null, "C3", 2, "nee", null, null, null, 4, null]);
  ws.addRow(["V\u00e921 \u2013 \u201cquote\u201d", "C3", 3, "onbekend", "x", null, null, 1, null]);
  const v = wb.addWorksheet("Vraag");
  v.addRow(["Woonvorm", 2030]);
  v.addRow(["nultreden", 40]);
  v.addRow(["geclusterd", 20]);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
}

describe("writeJson", () => {
  test.each([
    ["Kerkrade (per dwelling)", () => sample("kerkrade-sociale-huur-2020.xlsx")],
    ["Kerkrade (wide BAT table: no dwelling ids)", () => sample("kerkrade-sociale-huur-2020.xlsx", "BAT per corporatie")],
    ["Parkstad (no stock: supply table)", () => sample("parkstad-woonzorg-2023.xlsx")],
    ["awkward values", awkward],
  ])("%s: same text as JSON.stringify(buildJson(...), null, 2)", async (_label, make) => {
    const result = await make();
    const expected = `${JSON.stringify(buildJson(result), null, 2)}\n`;
    const text = await jsonText(result);
    expect(text).toBe(expected);
    expect(JSON.parse(text)).toEqual(buildJson(result));
  });

  test("awkward values are really there (escaping, warnings, null BAT, profiles)", async () => {
    const doc = buildJson(await awkward());
    expect(doc.woningen.some((w) => w.bron.startsWith('Voorraad "2024"!'))).toBe(true);
    expect(doc.woningen.some((w) => w.bat === null)).toBe(true);
    expect(doc.woningen.some((w) => w.meldingen.length > 0)).toBe(true);
    expect(doc.woningen.some((w) => w.zorgprofiel !== null)).toBe(true);
  });

  test("small chunks, and a sink that applies backpressure, give the same text", async () => {
    const result = await sample("kerkrade-sociale-huur-2020.xlsx");
    const chunks: string[] = [];
    await writeJson(result, { write: (c) => new Promise<void>((resolve) => { chunks.push(c); setImmediate(resolve); }) }, { chunkSize: 4096 });
    expect(chunks.length).toBeGreaterThan(100);
    // Dwellings are cut into chunks; a section other than `woningen` (bounded by the number of
    // groups, tekort rows and capped messages, never by dwellings) goes out in one piece.
    const { woningen, ...rest } = buildJson(result);
    expect(woningen.length).toBeGreaterThan(7000);
    const largestSection = Math.max(...Object.values(rest).map((v) => JSON.stringify(v, null, 2).length));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(Math.max(largestSection * 1.2, 4096) + 2000);
    expect(chunks.join("")).toBe(`${JSON.stringify(buildJson(result), null, 2)}\n`);
  });
});
