/**
 * Excel route: "Scenario naar werkmap" writes the result sheets again with the what-if scenario
 * of the panel (the session keeps the analysis; only the sheets are rebuilt), with per-chunk
 * progress and, where the session allows it, cancellation that leaves the workbook as it was.
 */
import { useCallback, useRef, useState } from "react";
import type { StoredSettings } from "../../workbook/port";
import { errorMessage, isCancellation } from "../../session/errors";
import type { AnalysisSession } from "../../session/session";
import type { Scenario } from "../../session/whatif-view";

/** State of writing the scenario. */
export interface ScenarioWriteState {
  status: "idle" | "busy" | "done" | "cancelled" | "error";
  /** Fraction of the write done (0..1) while busy. */
  fractie: number;
  /** Dutch confirmation or error message. */
  message: string | null;
}

const IDLE: ScenarioWriteState = { status: "idle", fractie: 0, message: null };

/** @returns the state, `write(...)` (true when written), `cancel()` and `reset()`. */
export function useScenarioWrite(): ScenarioWriteState & {
  write: (session: AnalysisSession, settings: StoredSettings, scenario: Scenario) => Promise<boolean>;
  cancel: () => void;
  reset: () => void;
} {
  const [state, setState] = useState<ScenarioWriteState>(IDLE);
  const controller = useRef<AbortController | null>(null);

  const write = useCallback(async (session: AnalysisSession, settings: StoredSettings, scenario: Scenario) => {
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ status: "busy", fractie: 0, message: null });
    try {
      const outcome = await session.writeResults(
        settings,
        { signal: ctrl.signal, onProgress: (done, total) => setState((s) => ({ ...s, fractie: Math.max(s.fractie, total > 0 ? done / total : 1) })) },
        scenario,
      );
      const sheets = [outcome.sheets.tekort, outcome.sheets.aanpassingspotentieel].filter(Boolean).map((n) => `'${n}'`);
      const extra = outcome.messages.length ? ` ${outcome.messages.join(" ")}` : "";
      setState({
        status: "done",
        fractie: 1,
        message: `Het scenario staat in de werkmap: de bladen ${sheets.join(" en ")} tonen het naast de basis, en het is bij de regels bewaard.${extra}`,
      });
      return true;
    } catch (err) {
      const cancelled = isCancellation(err);
      setState({ status: cancelled ? "cancelled" : "error", fractie: 0, message: cancelled ? "Schrijven geannuleerd; de werkmap is zoals hij was." : errorMessage(err) });
      return false;
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState(IDLE), []);
  return { ...state, write, cancel, reset };
}
