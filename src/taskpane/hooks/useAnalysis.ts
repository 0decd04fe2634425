/**
 * Runs the analysis for the task pane and the browser page: the pipeline call, its progress,
 * cancellation through an AbortController, and (Excel route) writing the result sheets.
 * Components only call `run` and `cancel` and show the state; they never call the workbook.
 *
 * Every run has its own AbortController. A reader or writer that offers `forRun` (the Office.js
 * adapter) is bound to that run's signal and progress, so a cancel takes effect at the next
 * chunk of a read or write, and the progress bar moves per chunk. Writing through such a writer
 * can be cancelled too: it writes under temporary names and leaves the workbook as it was.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { analyseWorkbook, type AnalyseOptions, type AnalysisResult } from "../../pipeline";
import { UserError } from "../../domain/issues";
import { buildSheets } from "../../report/sheets";
import type { RunControl, StoredSettings, WorkbookReader, WorkbookWriter, WriteOutcome } from "../../workbook/port";
import { CANCELLED_MESSAGE, errorMessage, isCancellation } from "../errors";

/** Where a run is. `writing`: the result sheets are being written by a writer that cannot be
 * cancelled halfway (one without `forRun`); a cancellable write stays `running`. */
export type RunStatus = "idle" | "running" | "writing" | "done" | "cancelled" | "error";

/** State of the current (or last) run. */
export interface AnalysisState {
  status: RunStatus;
  /** Dutch name of the step in progress ("Werkmap lezen", "Woningen indelen", ...). */
  stap: string | null;
  /** Fraction done, 0..1. */
  fractie: number;
  result: AnalysisResult | null;
  /** Excel route: the sheets written and any renames. */
  outcome: WriteOutcome | null;
  /** Dutch message of a failed or cancelled run. */
  error: string | null;
}

/** What to run. */
export interface RunRequest {
  reader: WorkbookReader;
  /** Excel route: the result sheets are written here right after the analysis. */
  writer?: WorkbookWriter;
  options: Omit<AnalyseOptions, "onProgress" | "signal">;
  /** Saved with the result sheets so that a colleague gets the same result. */
  settings: StoredSettings;
}

/** The step name shown while the result sheets are written. */
export const WRITE_STEP = "Resultaatbladen schrijven";

const IDLE: AnalysisState = { status: "idle", stap: null, fractie: 0, result: null, outcome: null, error: null };

/** Share of the bar for reading the workbook: the pipeline reports "Werkmap lezen" from 0 to
 * 0.3 (after each sheet, pipeline.ts `analyseWorkbook`). */
const READ_SHARE = 0.3;

/** Rejects with the cancellation error as soon as `signal` aborts; otherwise follows `work`. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new UserError(CANCELLED_MESSAGE));
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/**
 * @returns the run state plus `run(request)` (resolves with the result, or null when the run
 *   failed, was cancelled or was replaced by a newer run), `cancel()` and `reset()`.
 */
export function useAnalysis(): AnalysisState & {
  run: (request: RunRequest) => Promise<AnalysisResult | null>;
  cancel: () => void;
  reset: () => void;
} {
  const [state, setState] = useState<AnalysisState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const runId = useRef(0);
  const writing = useRef(false);

  useEffect(
    () => () => {
      // Leaving the page: stop a run that is still reading.
      if (!writing.current) controller.current?.abort();
    },
    [],
  );

  const run = useCallback(async (request: RunRequest): Promise<AnalysisResult | null> => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    const id = ++runId.current;
    const current = () => runId.current === id;
    const share = request.writer ? 0.9 : 1;
    writing.current = false;
    setState({ ...IDLE, status: "running", stap: "Werkmap lezen", fractie: 0 });
    // Moves the bar forward only (chunk progress and step progress interleave).
    const advance = (fractie: number, stap?: string) => {
      if (current() && !ctrl.signal.aborted) setState((s) => ({ ...s, stap: stap ?? s.stap, fractie: Math.max(s.fractie, fractie) }));
    };
    // Reading: chunks of the sheet being read fill the rest of the reading share (the stock
    // sheet, by far the largest, dominates); later steps come from the pipeline.
    let readBase = 0;
    const readControl: RunControl = {
      signal: ctrl.signal,
      onProgress: (done, total) => advance(readBase + (READ_SHARE * share - readBase) * (total > 0 ? done / total : 1)),
    };
    const reader = request.reader.forRun?.(readControl) ?? request.reader;
    const writeControl: RunControl = {
      signal: ctrl.signal,
      onProgress: (done, total) => advance(share + (1 - share) * (total > 0 ? done / total : 1)),
    };
    const writer = request.writer?.forRun?.(writeControl) ?? request.writer;
    const cancellableWrite = request.writer?.forRun !== undefined;
    try {
      const result = await untilAborted(
        analyseWorkbook(reader, {
          ...request.options,
          signal: ctrl.signal,
          onProgress: (stap, fractie) => {
            if (stap === "Werkmap lezen") readBase = Math.max(readBase, fractie * share);
            if (current() && !ctrl.signal.aborted) setState((s) => ({ ...s, stap, fractie: Math.max(s.fractie, fractie * share) }));
          },
        }),
        ctrl.signal,
      );
      let outcome: WriteOutcome | null = null;
      if (writer) {
        if (ctrl.signal.aborted) throw new UserError(CANCELLED_MESSAGE);
        writing.current = !cancellableWrite;
        if (current()) setState((s) => ({ ...s, status: cancellableWrite ? "running" : "writing", stap: WRITE_STEP, fractie: share }));
        // Not raced against the signal: a cancelled write rejects only once the workbook is
        // back as it was.
        outcome = await writer.writeResults(buildSheets(result, { afronden: request.options.rules.tekort.afronden }), request.settings);
        writing.current = false;
      }
      if (!current()) return null;
      setState({ status: "done", stap: "Klaar", fractie: 1, result, outcome, error: null });
      return result;
    } catch (err) {
      writing.current = false;
      if (current()) {
        const cancelled = isCancellation(err);
        setState({ ...IDLE, status: cancelled ? "cancelled" : "error", error: cancelled ? CANCELLED_MESSAGE : errorMessage(err) });
      }
      return null;
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    // A writer without `forRun` cannot stop halfway without leaving a mix of old and new.
    if (!writing.current) controller.current?.abort();
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    runId.current++;
    setState(IDLE);
  }, []);

  return { ...state, run, cancel, reset };
}
