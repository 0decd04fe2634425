/**
 * The column step's preview: the stock sheet read with the current mapping overrides (the
 * session's `preview`), read again whenever the sheet, the overrides or the BAT scale change.
 */
import { useEffect, useRef, useState } from "react";
import type { StockPreview } from "../../analysis/preview";
import type { Rules } from "../../domain/rules";
import type { MappingOverrides } from "../../ingest/types";
import { errorMessage } from "../../session/errors";
import type { AnalysisSession } from "../../session/session";

/** State of the preview. */
export interface StockPreviewState {
  status: "idle" | "loading" | "ready" | "error";
  preview: StockPreview | null;
  error: string | null;
}

/**
 * @param session the workbook (Excel: or the selection); null: nothing to preview.
 * @param sheet the stock sheet; null: no stock sheet chosen or found.
 * @param rules current rules (only the BAT scale matters for the preview).
 * @param overrides the user's column choices.
 * @param refresh bump to read again (e.g. after "Opnieuw inlezen").
 */
export function useStockPreview(
  session: AnalysisSession | null,
  sheet: string | null,
  rules: Rules,
  overrides: MappingOverrides,
  refresh: number,
): StockPreviewState {
  const [state, setState] = useState<StockPreviewState>({ status: "idle", preview: null, error: null });
  const rulesRef = useRef(rules);
  rulesRef.current = rules;
  const batSchaal = rules.batSchaal;
  useEffect(() => {
    if (!session || !sheet) {
      setState({ status: "idle", preview: null, error: null });
      return;
    }
    let live = true;
    // Keep showing the previous preview while the new one is read (no flicker).
    setState((s) => ({ ...s, status: "loading", error: null }));
    session.preview(sheet, { ...rulesRef.current, batSchaal }, overrides).then(
      (preview) => {
        if (live) setState({ status: "ready", preview, error: null });
      },
      (err: unknown) => {
        if (live) setState({ status: "error", preview: null, error: errorMessage(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [session, sheet, batSchaal, overrides, refresh]);
  return state;
}
