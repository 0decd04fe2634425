/**
 * Reads what the first steps need from a workbook: its sheets with the kind of table each one
 * holds and the settings saved with it by an earlier run (the session's `describe`).
 */
import { useCallback, useEffect, useState } from "react";
import type { SheetDetection } from "../../analysis/preview";
import type { StoredSettings } from "../../workbook/port";
import { errorMessage } from "../../session/errors";
import type { AnalysisSession } from "../../session/session";

/** State of reading the workbook. */
export interface WorkbookInfo {
  status: "idle" | "loading" | "ready" | "error";
  sheets: SheetDetection[];
  /** Settings saved in the workbook, null when there are none. */
  settings: StoredSettings | null;
  /** Dutch message when reading failed. */
  error: string | null;
  /** The session this state belongs to (the state of a previous workbook is never mistaken for this one). */
  source: AnalysisSession | null;
}

/**
 * @param source the opened workbook (null: nothing opened yet).
 * @returns the state and `reload()` to read the workbook again (after the user changed it).
 */
export function useWorkbookInfo(source: AnalysisSession | null): WorkbookInfo & { reload: () => void } {
  const [state, setState] = useState<WorkbookInfo>({ status: "idle", sheets: [], settings: null, error: null, source: null });
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (!source) {
      setState({ status: "idle", sheets: [], settings: null, error: null, source: null });
      return;
    }
    let live = true;
    setState((s) => (s.source === source ? { ...s, status: "loading", error: null } : { status: "loading", sheets: [], settings: null, error: null, source }));
    source.describe().then(
      ({ sheets, settings }) => {
        if (live) setState({ status: "ready", sheets, settings, error: null, source });
      },
      (err: unknown) => {
        if (live) setState({ status: "error", sheets: [], settings: null, error: errorMessage(err), source });
      },
    );
    return () => {
      live = false;
    };
  }, [source, request]);
  const reload = useCallback(() => setRequest((n) => n + 1), []);
  return { ...state, reload };
}
