/**
 * Runs the analysis for the task pane and the browser page through a session (on the page in
 * Excel, in a Web Worker on the browser page): its progress, cancellation through an
 * AbortController, and (Excel route) writing the result sheets. Components only call `run` and
 * `cancel` and show the state; they never call the workbook.
 *
 * Every run has its own AbortController. A session over the Office.js adapter binds it to each
 * chunk of a read or write (session.ts), so a cancel takes effect at the next chunk, the bar moves
 * per chunk, and a cancelled write leaves the workbook as it was.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { UserError } from "../../domain/issues";
import type { StoredSettings, WriteOutcome } from "../../workbook/port";
import { CANCELLED_MESSAGE, errorMessage, isCancellation } from "../../session/errors";
import type { AnalysisSession, RunOptions, RunSummary } from "../../session/session";

/** Where a run is. `writing`: the result sheets are being written by a session whose write
 * cannot be cancelled halfway; a cancellable write (Office.js) stays `running`. */
export type RunStatus = "idle" | "running" | "writing" | "done" | "cancelled" | "error";

/** State of the current (or last) run. */
export interface AnalysisState {
  status: RunStatus;
  /** Dutch name of the step in progress ("Werkmap lezen", "Woningen indelen", ...). */
  stap: string | null;
  /** Fraction done, 0..1. */
  fractie: number;
  /** What the pane shows of the finished run (the full result stays in the session). */
  summary: RunSummary | null;
  /** Excel route: the sheets written and any renames. */
  outcome: WriteOutcome | null;
  /** Dutch message of a failed or cancelled run. */
  error: string | null;
  /** The session of the finished run, which keeps its result (for the what-if panel). */
  session: AnalysisSession | null;
}

/** What to run. */
export interface RunRequest {
  session: AnalysisSession;
  /** Excel route: the session writes the result sheets right after the analysis. */
  write: boolean;
  options: RunOptions;
  /** Saved with the result sheets so that a colleague gets the same result. */
  settings: StoredSettings;
}

/** The step name shown while the result sheets are written. */
export const WRITE_STEP = "Resultaatbladen schrijven";

const IDLE: AnalysisState = { status: "idle", stap: null, fractie: 0, summary: null, outcome: null, error: null, session: null };

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
 * @returns the run state plus `run(request)` (resolves with the summary, or null when the run
 *   failed, was cancelled or was replaced by a newer run), `cancel()` and `reset()`.
 */
export function useAnalysis(): AnalysisState & {
  run: (request: RunRequest) => Promise<RunSummary | null>;
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

  const run = useCallback(async (request: RunRequest): Promise<RunSummary | null> => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    const id = ++runId.current;
    const current = () => runId.current === id;
    const share = request.write ? 0.9 : 1;
    writing.current = false;
    setState({ ...IDLE, status: "running", stap: "Werkmap lezen", fractie: 0 });
    try {
      // The bar only moves forward (chunk progress and step progress interleave).
      const advance = (fractie: number, stap?: string) => {
        if (current() && !ctrl.signal.aborted) setState((s) => ({ ...s, stap: stap ?? s.stap, fractie: Math.max(s.fractie, fractie) }));
      };
      const onProgress = (stap: string, fractie: number) => advance(fractie * share, stap);
      const summary = await untilAborted(request.session.analyse(request.options, onProgress, ctrl.signal), ctrl.signal);
      let outcome: WriteOutcome | null = null;
      if (request.write) {
        if (ctrl.signal.aborted) throw new UserError(CANCELLED_MESSAGE);
        const cancellable = request.session.writeCancellable === true;
        writing.current = !cancellable;
        if (current()) setState((s) => ({ ...s, status: cancellable ? "running" : "writing", stap: WRITE_STEP, fractie: share }));
        // Not raced against the signal: a cancelled write rejects only once the workbook is
        // back as it was.
        outcome = await request.session.writeResults(request.settings, {
          signal: ctrl.signal,
          onProgress: (done, total) => advance(share + (1 - share) * (total > 0 ? done / total : 1)),
        });
        writing.current = false;
      }
      if (!current()) return null;
      setState({ status: "done", stap: "Klaar", fractie: 1, summary, outcome, error: null, session: request.session });
      return summary;
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
