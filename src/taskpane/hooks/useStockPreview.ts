/**
 * The column step's preview: the stock sheet read with the current mapping overrides (the
 * session's `preview`), worked out again whenever the sheet, the overrides or the BAT scale
 * change. The session reads the sheet once and keeps it, so a change costs no read; while the
 * sheet is read (Excel: in chunks) the state carries the rows read so far, and `cancel()` stops
 * the read.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { StockPreview } from "../../analysis/preview";
import type { Rules } from "../../domain/rules";
import type { MappingOverrides } from "../../ingest/types";
import { errorMessage, isCancellation } from "../../session/errors";
import type { AnalysisSession } from "../../session/session";

/** State of the preview. `cancelled`: the user stopped the read (ask again with `refresh`). */
export interface StockPreviewState {
  status: "idle" | "loading" | "ready" | "error" | "cancelled";
  preview: StockPreview | null;
  error: string | null;
  /** While loading: rows of the stock sheet read so far and in all (null before the first
   * chunk, and for sessions that do not report it). */
  progress: { done: number; total: number } | null;
}

const IDLE: StockPreviewState = { status: "idle", preview: null, error: null, progress: null };

/**
 * @param session the workbook (Excel: or the selection); null: nothing to preview.
 * @param sheet the stock sheet; null: no stock sheet chosen or found (or not wanted yet).
 * @param rules current rules (only the BAT scale matters for the preview).
 * @param overrides the user's column choices.
 * @param refresh bump to ask again (e.g. after "Opnieuw inlezen", or after a cancel).
 * @returns the state and `cancel()`, which stops the read under way (state `cancelled`).
 */
export function useStockPreview(
  session: AnalysisSession | null,
  sheet: string | null,
  rules: Rules,
  overrides: MappingOverrides,
  refresh: number,
): StockPreviewState & { cancel: () => void } {
  const [state, setState] = useState<StockPreviewState>(IDLE);
  const rulesRef = useRef(rules);
  rulesRef.current = rules;
  const controller = useRef<AbortController | null>(null);
  const batSchaal = rules.batSchaal;
  useEffect(() => {
    if (!session || !sheet) {
      setState(IDLE);
      return;
    }
    let live = true;
    const ctrl = new AbortController();
    controller.current = ctrl;
    // Keep showing the previous preview while the new one is worked out (no flicker).
    setState((s) => ({ ...s, status: "loading", error: null, progress: null }));
    session
      .preview(sheet, { ...rulesRef.current, batSchaal }, overrides, {
        signal: ctrl.signal,
        onProgress: (done, total) => {
          if (live) setState((s) => (s.status === "loading" ? { ...s, progress: { done, total } } : s));
        },
      })
      .then(
        (preview) => {
          if (live) setState({ status: "ready", preview, error: null, progress: null });
        },
        (err: unknown) => {
          if (!live) return;
          if (isCancellation(err)) setState((s) => ({ ...s, status: "cancelled", error: null, progress: null }));
          else setState({ status: "error", preview: null, error: errorMessage(err), progress: null });
        },
      );
    return () => {
      live = false;
      // Not wanted any more; the session keeps reading when the next request (a mapping change)
      // asks for the same sheet, and stops otherwise.
      ctrl.abort();
      if (controller.current === ctrl) controller.current = null;
    };
  }, [session, sheet, batSchaal, overrides, refresh]);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...state, cancel };
}
