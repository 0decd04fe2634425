/**
 * A file session over an .xlsx workbook chosen in the browser page: the page's work, run in its
 * Web Worker (src/browser/analysis.worker.ts), or on the page itself in the component tests.
 *
 * Reading goes through the command line's fast reader (src/workbook/xlsx-blob.ts): the sheets
 * are described from their first rows, the mapping step's preview reads the stock sheet from
 * the file (a large sheet streamed, never held as cells), and the analysis is the command
 * line's reading pass, so a stock of a million rows is analysed without a workbook model.
 *
 * The result file (download) is written by the command line's streaming writer
 * (src/workbook/xlsx-stream-writer.ts) into a `Blob` (src/workbook/result-blob.ts, parts deflated
 * by the browser's `CompressionStream`): a second, copy-only pass over the file
 * (src/workbook/xlsx-copy.ts) copies the user's sheets, most of them as stored, then the result
 * sheets of the kept analysis and the meta sheet follow. No workbook model is built: what is held
 * is the written file (mostly in Blob parts, which the browser may keep outside the worker's
 * memory) and the compressed sheet being made.
 */
import { detectTable } from "../ingest/detect";
import { readStock, StockRowReader } from "../ingest/stock";
import type { AnalysisResult } from "../analysis/result";
import { sheetDetection, stockPreview, type StockPreview } from "../analysis/preview";
import { makeIssue, UserError } from "../domain/issues";
import { analyseXlsxBlob } from "../analysis/xlsx-blob";
import { HEAD_ROWS_KEPT, XlsxBlob, type WorkbookHeads } from "../workbook/xlsx-blob";
import { sheetMissing } from "../workbook/messages";
import { writeResultBlob } from "../workbook/result-blob";
import { XLSX_MIME } from "./download";
import type { SheetModel } from "../report/sheet-model";
import type { StoredSettings } from "../workbook/port";
import { NO_WHATIF, type FileSession, type ResultFile, type RunProgress } from "./session";
import { resultSheets, runSummary, whatIfOf } from "./session-work";

/** Share of the progress bar for reading the workbook (as in session.ts: the pipeline reports
 * "Werkmap lezen" from 0 to 0.3). */
const READ_SHARE = 0.3;

/** `result` with a warning per message (the renames of result sheets), as the command line lists them. */
function withMessages(result: AnalysisResult, messages: readonly string[]): AnalysisResult {
  if (messages.length === 0) return result;
  return { ...result, issues: [...result.issues, ...messages.map((m) => makeIssue("blad-hernoemd", "waarschuwing", null, null, m))] };
}

/**
 * The browser page's result file: src/workbook/result-blob.ts `writeResultBlob` with the .xlsx
 * MIME type (see there for the sheets, names and errors).
 * @param xlsx the user's file, opened (read again here, not changed).
 * @param models the result sheets (`resultSheets` of src/session/session-work.ts), in order,
 *   given the messages of result sheets renamed (listed on Controle: see `writeResultBlob`).
 * @param settings saved in the meta sheet, so that a later run recognises our sheets and settings.
 * @returns the file (MIME type {@link XLSX_MIME}) and where the result sheets went.
 * @throws UserError (Dutch, one line) when the user's file cannot be read for the copy.
 */
export function writeResultFile(xlsx: XlsxBlob, models: (renames: readonly string[]) => SheetModel[], settings: StoredSettings): Promise<ResultFile> {
  return writeResultBlob(xlsx, models, settings, XLSX_MIME);
}

/**
 * Opens an .xlsx file as a file session. Reads the first rows of every sheet (so that a
 * damaged file is refused here, as before).
 * @param file the file (a `File` from the page: read in slices, never whole), or its bytes.
 * @param fileName shown in messages ("Bestand 'x.xlsx' ...").
 * @param options.headRows rows of each sheet kept for the description and the preview (default
 *   {@link HEAD_ROWS_KEPT}, the reading pass's recognition buffer; tests use fewer, to exercise
 *   the streamed preview of a larger sheet on a small file).
 * @throws UserError (Dutch) when the file is not a readable .xlsx workbook.
 */
export async function openXlsxSession(file: Blob | ArrayBuffer | Uint8Array, fileName: string, options: { headRows?: number } = {}): Promise<FileSession> {
  const blob = file instanceof Blob ? file : new Blob([file as BlobPart]);
  let xlsx: XlsxBlob | null = await XlsxBlob.open(blob, `Bestand '${fileName}'`);
  const heads: WorkbookHeads = await xlsx.heads(options.headRows ?? HEAD_ROWS_KEPT);
  const open = (): XlsxBlob => {
    if (!xlsx) throw new Error("session: the workbook was closed");
    return xlsx;
  };
  let last: AnalysisResult | null = null;
  // The preview of a sheet larger than its head: the last one, for the same sheet and settings.
  let streamed: { key: string; preview: Promise<StockPreview> } | null = null;

  const previewStreamed = async (sheet: string, key: string, read: () => Promise<StockPreview>): Promise<StockPreview> => {
    if (streamed?.key !== key) {
      const preview = read();
      streamed = { key, preview };
      preview.catch(() => {
        if (streamed?.preview === preview) streamed = null;
      });
    }
    return streamed.preview;
  };

  const session: FileSession = {
    async describe() {
      const sheets = heads.sheets.map((h) => sheetDetection(h.name, h.rowCount, detectTable(h.table)));
      return { sheets, settings: heads.previous.settings };
    },

    async preview(sheet, rules, overrides) {
      const head = heads.sheets.find((h) => h.name === sheet);
      if (!head) throw sheetMissing(sheet);
      const options = { overrides, scale: rules.batSchaal };
      if (head.complete) {
        const ingest = readStock(head.table, options);
        return stockPreview(sheet, ingest, head.table.values[ingest.headerRow - 1] ?? []);
      }
      return previewStreamed(sheet, JSON.stringify([sheet, options]), async () => {
        const reader = new StockRowReader({ sheet }, options);
        let next = 1;
        await open().streamSheet(sheet, (rowNumber, values) => {
          if (rowNumber > next) reader.skip(rowNumber - next);
          next = rowNumber + 1;
          reader.push(values);
        });
        const ingest = reader.finish();
        return stockPreview(sheet, ingest, head.table.values[ingest.headerRow - 1] ?? []);
      });
    },

    async analyse(options, onProgress: RunProgress, signal) {
      last = null;
      const rowsOf = new Map(heads.sheets.map((h) => [h.name, h.rowCount]));
      const sheetShare = READ_SHARE / Math.max(1, heads.sheets.length);
      let readBase = 0;
      let shown = 0;
      const report = (stap: string, fractie: number) => {
        shown = Math.max(shown, fractie);
        onProgress(stap, shown);
      };
      const { result } = await analyseXlsxBlob(open(), {
        ...options,
        signal,
        onProgress: (stap, fractie) => {
          if (stap === "Werkmap lezen") readBase = Math.max(readBase, fractie);
          report(stap, fractie);
        },
        // Within a large sheet: the share of its XML read (or, without a size, its rows against
        // the rows its <dimension> announced).
        onRows: (sheet, rows, fraction) => {
          const total = rowsOf.get(sheet) ?? 0;
          const done = fraction > 0 ? fraction : total > 0 ? Math.min(1, rows / total) : 0;
          report("Werkmap lezen", Math.min(READ_SHARE, readBase + sheetShare * done));
        },
      });
      last = result;
      return runSummary(result);
    },

    async writeResults(settings, _control, scenario) {
      const outcome = await session.resultFile(settings, scenario);
      return outcome.outcome;
    },

    async resultFile(settings, scenario) {
      if (!last) throw new Error("session: no analysis to write");
      const result = last;
      return writeResultFile(open(), (renames) => resultSheets(withMessages(result, renames), scenario), settings);
    },

    async whatIf(scenario) {
      const view = last ? whatIfOf(last, scenario) : null;
      if (!view) throw new UserError(NO_WHATIF);
      return view;
    },

    close() {
      xlsx = null;
      last = null;
      streamed = null;
    },
  };
  return session;
}
