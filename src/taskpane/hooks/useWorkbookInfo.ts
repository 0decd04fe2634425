/**
 * Reads what the first steps need from a workbook: its sheets with the kind of table each one
 * holds (describeWorkbook) and the settings saved with it by an earlier run.
 */
import { useCallback, useEffect, useState } from "react";
import { describeWorkbook, type SheetDetection } from "../../preview";
import type { StoredSettings, WorkbookReader } from "../../workbook/port";
import { errorMessage } from "../errors";

/** State of reading the workbook. */
export interface WorkbookInfo {
  status: "idle" | "loading" | "ready" | "error";
  sheets: SheetDetection[];
  /** Settings saved in the workbook, null when there are none. */
  settings: StoredSettings | null;
  /** Dutch message when reading failed. */
  error: string | null;
  /** The reader this state belongs to (the state of a previous workbook is never mistaken for this one). */
  reader: WorkbookReader | null;
}

/**
 * @param reader the workbook (null: nothing opened yet).
 * @returns the state and `reload()` to read the workbook again (after the user changed it).
 */
export function useWorkbookInfo(reader: WorkbookReader | null): WorkbookInfo & { reload: () => void } {
  const [state, setState] = useState<WorkbookInfo>({ status: "idle", sheets: [], settings: null, error: null, reader: null });
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (!reader) {
      setState({ status: "idle", sheets: [], settings: null, error: null, reader: null });
      return;
    }
    let live = true;
    setState((s) => (s.reader === reader ? { ...s, status: "loading", error: null } : { status: "loading", sheets: [], settings: null, error: null, reader }));
    Promise.all([describeWorkbook(reader), reader.readSettings()]).then(
      ([sheets, settings]) => {
        if (live) setState({ status: "ready", sheets, settings, error: null, reader });
      },
      (err: unknown) => {
        if (live) setState({ status: "error", sheets: [], settings: null, error: errorMessage(err), reader });
      },
    );
    return () => {
      live = false;
    };
  }, [reader, request]);
  const reload = useCallback(() => setRequest((n) => n + 1), []);
  return { ...state, reload };
}
