/**
 * The what-if panel's computation: the scenario the inputs describe, sent to the session (on the
 * page in Excel, in the Web Worker on the browser page) a moment after the last change, and the
 * view of the latest scenario. The analysis is never run again: the session recomputes from the
 * what-if base it kept (domain/whatif.ts), in milliseconds.
 *
 * Replies that arrive after a newer scenario was asked for are dropped, so the view always shows
 * the last inputs.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "../../session/errors";
import type { AnalysisSession, RunSummary } from "../../session/session";
import type { Scenario, WhatIfView } from "../../session/whatif-view";

/** Pause after the last change before the scenario is computed: typing "25" computes once. */
export const WHAT_IF_DELAY_MS = 150;

/** State of the panel's computation. */
export interface WhatIfState {
  /** The scenario the inputs describe (null: the run has no what-if). */
  scenario: Scenario | null;
  /** The view of the last scenario computed. */
  view: WhatIfView | null;
  /** "busy" from a change until its view is there. */
  status: "idle" | "busy" | "ready" | "error";
  /** Dutch message when the computation failed. */
  error: string | null;
}

const IDLE: WhatIfState = { scenario: null, view: null, status: "idle", error: null };

/**
 * @param session the session that ran the analysis (null: none yet).
 * @param summary that run's summary; a new summary starts from its own scenario.
 * @param delayMs pause after the last change (default {@link WHAT_IF_DELAY_MS}).
 * @returns the state and `update(scenario)` for the inputs.
 */
export function useWhatIf(
  session: AnalysisSession | null,
  summary: RunSummary | null,
  delayMs = WHAT_IF_DELAY_MS,
): WhatIfState & { update: (scenario: Scenario) => void } {
  const [state, setState] = useState<WhatIfState>(IDLE);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const compute = useCallback(
    (scenario: Scenario) => {
      if (!session) return;
      const id = ++seq.current;
      session.whatIf(scenario).then(
        (view) => {
          if (seq.current === id) setState((s) => ({ ...s, view, status: "ready", error: null }));
        },
        (err: unknown) => {
          if (seq.current === id) setState((s) => ({ ...s, status: "error", error: errorMessage(err) }));
        },
      );
    },
    [session],
  );

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  // A new run: its own scenario, computed at once.
  useEffect(() => {
    clearTimer();
    seq.current++;
    const standaard = summary?.watAls?.standaard ?? null;
    if (!session || !standaard) {
      setState(IDLE);
      return;
    }
    setState({ scenario: standaard, view: null, status: "busy", error: null });
    compute(standaard);
    return clearTimer;
  }, [session, summary, compute]);

  const update = useCallback(
    (scenario: Scenario) => {
      clearTimer();
      // Replies to earlier scenarios are stale from now on.
      seq.current++;
      setState((s) => ({ ...s, scenario, status: "busy" }));
      timer.current = setTimeout(() => {
        timer.current = null;
        compute(scenario);
      }, delayMs);
    },
    [compute, delayMs],
  );

  return { ...state, update };
}
