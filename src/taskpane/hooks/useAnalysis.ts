/**
 * Runs the analysis for the task pane and the browser page: the pipeline call, its progress,
 * cancellation through an AbortController, and (Excel route) writing the result sheets.
 * Components only call `run` and `cancel` and show the state; they never call the workbook.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { analyseWorkbook, type AnalyseOptions, type AnalysisResult } from "../../pipeline";
import { UserError } from "../../domain/issues";
import { buildSheets } from "../../report/sheets";
import type { StoredSettings, WorkbookReader, WorkbookWriter, WriteOutcome } from "../../workbook/port";
import { CANCELLED_MESSAGE, errorMessage, isCancellation } from "../errors";

/** Where a run is. `writing` cannot be cancelled (the sheets are being replaced). */
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
    try {
      const result = await untilAborted(
        analyseWorkbook(request.reader, {
          ...request.options,
          signal: ctrl.signal,
          onProgress: (stap, fractie) => {
            if (current() && !ctrl.signal.aborted) setState((s) => ({ ...s, stap, fractie: fractie * share }));
          },
        }),
        ctrl.signal,
      );
      let outcome: WriteOutcome | null = null;
      if (request.writer) {
        if (ctrl.signal.aborted) throw new UserError(CANCELLED_MESSAGE);
        writing.current = true;
        if (current()) setState((s) => ({ ...s, status: "writing", stap: WRITE_STEP, fractie: share }));
        outcome = await request.writer.writeResults(buildSheets(result, { afronden: request.options.rules.tekort.afronden }), request.settings);
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
    // Once the sheets are being written, stopping halfway would leave a mix of old and new.
    if (!writing.current) controller.current?.abort();
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    runId.current++;
    setState(IDLE);
  }, []);

  return { ...state, run, cancel, reset };
}
