/**
 * The browser page's worker reads with the command line's reader (issue 12, item 3): the worker
 * service (analysis-service.ts over openXlsxSession, as analysis.worker.ts wires it) and
 * `bat-bzk analyse` (analyseXlsxStream over the file on disk) give the same analysis of the
 * Kerkrade sample; the stock sheet is never held as cells; the description and the mapping
 * step's preview (streamed for a sheet larger than the rows kept) equal those of ExcelJS's
 * in-memory workbook, the page's reader before issue 12. One analysis per route, shared by the
 * tests (beforeAll).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { createAnalysisService } from "../../src/browser/analysis-service";
import type { WorkerReply } from "../../src/browser/protocol";
import type { AnalysisResult } from "../../src/analysis/result";
import { describeWorkbook, previewStock } from "../../src/analysis/preview";
import { buildJson } from "../../src/report/json";
import { openXlsxSession } from "../../src/session/xlsx-session";
import type { RunSummary } from "../../src/session/session";
import { runSummary } from "../../src/session/session-work";
import { analyseXlsxBlob } from "../../src/analysis/xlsx-blob";
import { XlsxBlob } from "../../src/workbook/xlsx-blob";
import { analyseXlsxStream, type StreamStats } from "../../src/analysis/xlsx-file";
import { streamWorksheets } from "../../src/workbook/xlsx-stream";
import { expectEqualData } from "../support/equal";
import { cachedWorkbook } from "../support/workbook-cache";
import { ASSETS, SAMPLES } from "../support/paths";

const STOCK = "Voorraad (synthetisch)";
const KERKRADE = SAMPLES.kerkrade;
const file = path.join(ASSETS, KERKRADE);
const sample = () => new File([readFileSync(file)], KERKRADE);

/** Runs requests through the worker's service (as analysis.worker.ts does) and collects the replies. */
async function throughWorker(requests: object[]): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  const service = createAnalysisService((r) => replies.push(r), openXlsxSession);
  requests.forEach((r, i) => service.receive({ id: i + 1, ...r }));
  await service.idle();
  return replies;
}

const done = (replies: WorkerReply[], id: number): unknown => {
  const r = replies.find((x) => x.id === id && x.kind !== "progress");
  if (r?.kind !== "done") throw new Error(`request ${id}: ${JSON.stringify(r)}`);
  return r.value;
};

describe("browser page worker and command line: one reader, one analysis", () => {
  let cli: AnalysisResult;
  let cliStats: StreamStats;
  let worker: AnalysisResult;
  let workerStats: StreamStats;
  let summary: RunSummary;
  let progress: number[];

  beforeAll(async () => {
    const fromCli = await analyseXlsxStream(file, { rules: DEFAULT_RULES, label: `Bestand '${KERKRADE}'` });
    cli = fromCli.result;
    cliStats = fromCli.stats;
    // The worker's reader over the File (Blob slices, DecompressionStream), as the session runs it.
    const fromBlob = await analyseXlsxBlob(await XlsxBlob.open(sample(), `Bestand '${KERKRADE}'`), { rules: DEFAULT_RULES });
    worker = fromBlob.result;
    workerStats = fromBlob.stats;
    // And the worker's service itself: open, then the analysis with progress.
    const replies = await throughWorker([
      { kind: "open", file: sample(), name: KERKRADE },
      { kind: "analyse", options: { rules: DEFAULT_RULES } },
    ]);
    done(replies, 1);
    summary = done(replies, 2) as RunSummary;
    progress = replies.filter((r) => r.kind === "progress").map((r) => (r as { fractie: number }).fractie);
  }, 120_000);

  test("the same JSON document, dwelling by dwelling, and the same summary in the page", () => {
    expect(worker.stock?.rowsRead).toBeGreaterThan(1000);
    expectEqualData(buildJson(worker), buildJson(cli));
    expect(summary).toEqual(runSummary(cli));
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    expect(progress.at(-1)).toBe(1);
  });

  test("the same reading pass: the stock streamed, never held as cells beyond the recognition buffer", () => {
    expect(workerStats).toEqual(cliStats);
    const stock = workerStats.sheets.find((s) => s.name === STOCK)!;
    expect(stock).toMatchObject({ kind: "voorraad", route: "voorraad-gestroomd" });
    expect(workerStats.maxHeldRows).toBeLessThanOrEqual(5001);
  });
});

describe("browser page worker: describe and preview without a workbook model", () => {
  test("the same sheets and the same stock preview as ExcelJS's in-memory workbook, streamed or from held rows", async () => {
    const model = await cachedWorkbook(readFileSync(file));
    // The stock sheet has 7,827 rows: beyond the 5,000 kept, so its preview is streamed; with
    // 10,000 kept it is read from the held rows.
    const streaming = await openXlsxSession(sample(), KERKRADE);
    const holding = await openXlsxSession(sample(), KERKRADE, { headRows: 10_000 });
    const described = await streaming.describe();
    expect(described.sheets).toEqual(await describeWorkbook(model));
    expect(described.sheets.find((s) => s.sheet === STOCK)).toMatchObject({ kind: "voorraad", rowCount: 7827 });
    expect(await holding.describe()).toEqual(described);

    const overrides = { segment: "Huurklasse" };
    const expected = await previewStock(model, STOCK, DEFAULT_RULES, overrides);
    expect(expected.mapping.segment).toBe("Huurklasse");
    const streamed = await streaming.preview(STOCK, DEFAULT_RULES, overrides);
    expect(streamed).toEqual(expected);
    expect(await holding.preview(STOCK, DEFAULT_RULES, overrides)).toEqual(expected);
    // The same request again is answered from the last streamed read.
    expect(await streaming.preview(STOCK, DEFAULT_RULES, overrides)).toBe(streamed);
    await expect(streaming.preview("Bestaat niet", DEFAULT_RULES, {})).rejects.toThrow("Blad 'Bestaat niet' bestaat niet in de werkmap.");
  });
});

describe("progress within a large sheet", () => {
  test("the share of a sheet's XML read grows with its rows and reaches 1 at its end (no <dimension> needed)", async () => {
    const seen: number[] = [];
    for await (const sheet of streamWorksheets(file)) {
      if (sheet.name !== STOCK) continue;
      expect(sheet.progress()).toBe(0);
      await sheet.read((row) => {
        if (row.number % 1000 === 0) seen.push(sheet.progress());
      });
      seen.push(sheet.progress());
    }
    expect(seen.length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[0]).toBeLessThan(0.5);
    expect(seen.at(-1)).toBe(1);
  });
});
