/**
 * The streamed JSON document is, character for character, `JSON.stringify(buildJson(result),
 * null, 2)` plus a newline, on the sample workbooks and on a stock with warnings, unknown BAT,
 * care profiles and a sheet name that needs escaping; and it parses to exactly buildJson.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildJson } from "../../src/report/json";
import { jsonText, writeJson } from "../../src/report/json-stream";
import { awkwardStock as awkward } from "../support/awkward-stock";
import { ASSETS, SAMPLES } from "../support/paths";
import { expectEqualData } from "../support/equal";
import { cachedWorkbook } from "../support/workbook-cache";

async function sample(file: string, voorraad?: string): Promise<AnalysisResult> {
  return analyseWorkbook(await cachedWorkbook(readFileSync(path.join(ASSETS, file))), { rules: DEFAULT_RULES, voorraad });
}

/** The Kerkrade sample's analysis with the default rules, made once per file: three tests write
 * it and only read it. */
let kerkradeResult: Promise<AnalysisResult> | null = null;
const kerkrade = (): Promise<AnalysisResult> => (kerkradeResult ??= sample(SAMPLES.kerkrade));

describe("writeJson", () => {
  test.each([
    ["Kerkrade (per dwelling)", kerkrade],
    ["Kerkrade (wide BAT table: no dwelling ids)", () => sample(SAMPLES.kerkrade, "BAT per corporatie")],
    ["Parkstad (no stock: supply table)", () => sample(SAMPLES.parkstad)],
    ["awkward values", awkward],
  ])("%s: same text as JSON.stringify(buildJson(...), null, 2)", async (_label, make) => {
    const result = await make();
    const doc = buildJson(result);
    const expected = `${JSON.stringify(doc, null, 2)}\n`;
    const text = await jsonText(result);
    expect(text).toBe(expected);
    expectEqualData(JSON.parse(text), buildJson(result));
  });

  test("awkward values are really there (escaping, warnings, null BAT, profiles)", async () => {
    const doc = buildJson(await awkward());
    expect(doc.woningen.some((w) => w.bron.startsWith('Voorraad "2024"!'))).toBe(true);
    expect(doc.woningen.some((w) => w.bat === null)).toBe(true);
    expect(doc.woningen.some((w) => w.meldingen.length > 0)).toBe(true);
    expect(doc.woningen.some((w) => w.zorgprofiel !== null)).toBe(true);
  });

  test("small chunks, and a sink that applies backpressure, give the same text", async () => {
    const result = await kerkrade();
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

  test.each([
    ["default chunks", undefined],
    ["small chunks (pieces larger than a chunk go out whole)", 4096],
  ])("a byte sink gets the same text as UTF-8 (%s)", async (_label, chunkSize) => {
    const result = await awkward();
    const expected = `${JSON.stringify(buildJson(result), null, 2)}\n`;
    // Non-ASCII text (ë, ≥, the sheet's quotes) so that the encoding is exercised.
    expect([...expected].some((ch) => ch.charCodeAt(0) > 127)).toBe(true);
    const chunks: Uint8Array[] = [];
    await writeJson(result, { writeBytes: (c) => new Promise<void>((resolve) => { chunks.push(c); setImmediate(resolve); }) }, { chunkSize });
    expect(chunks.every((c) => c.length > 0)).toBe(true);
    if (chunkSize !== undefined) {
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.some((c) => c.length > chunkSize)).toBe(true);
    }
    expect(Buffer.concat(chunks).toString("utf8")).toBe(expected);
  });

  test("a byte sink on the Kerkrade sample, in small chunks, gives the text's UTF-8 bytes", async () => {
    const result = await kerkrade();
    const chunks: Uint8Array[] = [];
    await writeJson(result, { writeBytes: (c) => void chunks.push(c) }, { chunkSize: 4096 });
    expect(chunks.length).toBeGreaterThan(100);
    expect(Buffer.concat(chunks).equals(Buffer.from(await jsonText(result), "utf8"))).toBe(true);
  });
});
