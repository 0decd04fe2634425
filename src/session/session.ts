/**
 * What the steps of the pane need from an opened workbook, wherever the work runs: a
 * description of its sheets, the stock preview, the analysis (with progress and cancellation)
 * and writing the result sheets. Inside Excel it runs on the page over the Office.js port
 * ({@link portSession}); the browser page runs the same session in a Web Worker
 * (src/browser/worker-client.ts), so the page itself only renders.
 */
import { UserError } from "../domain/issues";
import type { Rules } from "../domain/rules";
import type { MappingOverrides } from "../ingest/types";
import type { AnalyseOptions, AnalysisResult } from "../analysis/result";
import { describeWorkbook, previewStock, type SheetDetection, type StockPreview } from "../analysis/preview";
import type { RunControl, StoredSettings, WorkbookReader, WorkbookWriter, WriteOutcome } from "../workbook/port";
import { SharedSheetReads } from "./shared-read";
import type { Scenario, WhatIfView } from "./whatif-view";
import type { RunSummary } from "./session-work";

/** The sheets of a workbook as recognised, and the settings an earlier run saved in it. */
export interface WorkbookDescription {
  sheets: SheetDetection[];
  /** Null when the workbook holds no saved settings. */
  settings: StoredSettings | null;
}

/** What to analyse: the analysis options without the callbacks. */
export type RunOptions = Omit<AnalyseOptions, "onProgress" | "signal">;

/** Progress of a run: Dutch name of the step in progress and the fraction done (0..1). */
export type RunProgress = (stap: string, fractie: number) => void;

/** The figures of a finished run (defined with the run's work in ./session-work.ts). */
export type { RunSummary };

/** One opened workbook, with the analysis over it. */
export interface AnalysisSession {
  /** @throws UserError (Dutch) when the workbook cannot be read. */
  describe(): Promise<WorkbookDescription>;
  /**
   * The stock sheet's header row and column mapping as the mapping step shows them.
   * @param control cancellation of this request and progress of the sheet's read (rows done, rows
   *   in all, per chunk); honoured when {@link previewCancellable} is true.
   * @throws UserError "Analyse geannuleerd." when `control.signal` aborts; the reader's Dutch errors.
   */
  preview(sheet: string, rules: Rules, overrides: MappingOverrides, control?: RunControl): Promise<StockPreview>;
  /**
   * Runs the whole analysis; the session keeps the result for {@link writeResults}.
   * @throws UserError "Analyse geannuleerd." when `signal` aborts, or the pipeline's Dutch errors.
   */
  analyse(options: RunOptions, onProgress: RunProgress, signal: AbortSignal): Promise<RunSummary>;
  /**
   * Writes the result sheets of the last analysis into the workbook (never over a user's sheet).
   * @param control this run's cancellation and per-chunk progress (done, total); honoured when
   *   {@link writeCancellable} is true.
   * @param scenario the what-if scenario the sheets show (default: the one of the run's rules);
   *   pass the same in `settings.regels.watAls` so that a re-run gives the same sheets.
   * @throws Error when no analysis has finished yet, or when the session has no writer;
   *   UserError "Analyse geannuleerd." when a cancellable write is cancelled (the workbook is
   *   then as it was).
   */
  writeResults(settings: StoredSettings, control?: RunControl, scenario?: Scenario): Promise<WriteOutcome>;
  /**
   * The what-if scenario on the last analysis, recomputed from its kept base (no re-run, no
   * re-classification): milliseconds for 100,000 dwellings (domain/whatif.ts).
   * @throws UserError (Dutch) when no analysis with a stock per dwelling has finished.
   */
  whatIf(scenario: Scenario): Promise<WhatIfView>;
  /** True when {@link writeResults} can be cancelled at every chunk (the Office.js adapter). */
  readonly writeCancellable?: boolean;
  /** True when the preview's read of the stock reports progress per chunk and can be cancelled
   * (the Office.js adapter). */
  readonly previewCancellable?: boolean;
}

/** Waits for the next macrotask, so that the page can repaint and handle input in between. */
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Share of the progress bar for reading the workbook: the pipeline reports "Werkmap lezen"
 * from 0 to 0.3 (after each sheet, src/analysis/analyse.ts `analyseWorkbook`). */
const READ_SHARE = 0.3;

/** The result workbook of the browser page and what writing it did (renamed sheets). */
export interface ResultFile {
  /** The .xlsx file (MIME type XLSX_MIME). */
  file: Blob;
  outcome: WriteOutcome;
}

/** A workbook opened from a file (browser page): the session plus the result as a new file. */
export interface FileSession extends AnalysisSession {
  /**
   * Writes a copy of the workbook with the result sheets of the last analysis and returns it as an
   * .xlsx file (a Blob: it crosses from the worker to the page without a copy); the user's file is
   * never changed. `scenario` as for {@link AnalysisSession.writeResults}.
   * @throws UserError (Dutch) when the file cannot be read for the copy (damaged, or gone).
   */
  resultFile(settings: StoredSettings, scenario?: Scenario): Promise<ResultFile>;
  /** Releases the workbook (and the worker holding it). Further calls fail. */
  close(): void;
}

/** Shown when the what-if panel asks before an analysis with a stock per dwelling is there. */
export const NO_WHATIF = "Er is nog geen analyse met een voorraad per woning om mee te rekenen. Klik eerst op Analyseren.";

/**
 * A session on the calling thread over a workbook port (Excel; in a worker the .xlsx file).
 * @param reader where the tables are read (the workbook, or Excel's current selection).
 * @param writer where the result sheets go; absent: {@link AnalysisSession.writeResults} fails.
 */
export function portSession(reader: WorkbookReader, writer?: WorkbookWriter): AnalysisSession {
  let last: AnalysisResult | null = null;
  // The preview reads the stock sheet once (in chunks, with progress, cancellable) and keeps it
  // for every mapping or BAT-scale change; describing the workbook again (the pane reopened or
  // refreshed) starts afresh. A run always reads the workbook anew, so it sees the user's latest
  // edits.
  let previewReads = new SharedSheetReads(reader);
  return {
    async describe() {
      previewReads.clear();
      previewReads = new SharedSheetReads(reader);
      const [sheets, settings] = await Promise.all([describeWorkbook(reader), reader.readSettings()]);
      return { sheets, settings };
    },
    preview(sheet, rules, overrides, control) {
      const reads = previewReads;
      return previewStock({ readSheet: (name) => reads.read(name, control) }, sheet, rules, overrides);
    },
    async analyse(options, onProgress, signal) {
      last = null;
      // A reader that reads in chunks (Office.js) is bound to this run: cancel takes effect at
      // the next chunk, and the chunks of the sheet being read fill the rest of the reading share.
      let readBase = 0;
      let stap = "Werkmap lezen";
      const runReader =
        reader.forRun?.({
          signal,
          onProgress: (done, total) => onProgress(stap, readBase + (READ_SHARE - readBase) * (total > 0 ? done / total : 1)),
        }) ?? reader;
      const work = await import("./session-work");
      const result = await work.analyseWorkbook(runReader, {
        ...options,
        signal,
        // Between the steps after reading: let the page repaint (and see a cancel) on a large stock.
        pause: yieldToPage,
        onProgress: (s, fractie) => {
          stap = s;
          if (s === "Werkmap lezen") readBase = Math.max(readBase, fractie);
          onProgress(s, fractie);
        },
      });
      last = result;
      return work.runSummary(result);
    },
    async writeResults(settings, control, scenario) {
      if (!writer) throw new Error("session: this workbook cannot be written");
      if (!last) throw new Error("session: no analysis to write");
      const runWriter = (control && writer.forRun?.(control)) ?? writer;
      const { resultSheets } = await import("./session-work");
      return runWriter.writeResults(resultSheets(last, scenario), settings);
    },
    async whatIf(scenario) {
      const { whatIfOf } = await import("./session-work");
      const view = last ? whatIfOf(last, scenario) : null;
      if (!view) throw new UserError(NO_WHATIF);
      return view;
    },
    writeCancellable: writer?.forRun !== undefined,
    previewCancellable: reader.forRun !== undefined,
  };
}
