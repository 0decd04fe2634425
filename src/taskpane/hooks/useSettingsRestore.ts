/**
 * Applies the settings saved in a workbook once per workbook, as soon as it has been read
 * (settings-restore.ts turns them into the pane's choices).
 */
import { useCallback, useEffect, useRef } from "react";
import type { AnalysisSession } from "../../session/session";
import { restoreSettings, type RestoredSettings } from "../settings-restore";
import type { WorkbookInfo } from "./useWorkbookInfo";

/**
 * @param workbook the workbook now (null: none opened).
 * @param info what useWorkbookInfo read of it.
 * @param apply called once per workbook with its restored choices, when `info` is ready for it.
 * @returns `forget()`: the next workbook read is treated as new, even the same one.
 */
export function useSettingsRestore(workbook: AnalysisSession | null, info: WorkbookInfo, apply: (restored: RestoredSettings) => void): { forget: () => void } {
  const appliedFor = useRef<AnalysisSession | null>(null);
  // The latest `apply` (a new function each render), without making the effect depend on it.
  const latest = useRef(apply);
  latest.current = apply;
  const { status, source, settings, sheets } = info;
  useEffect(() => {
    if (!workbook || status !== "ready" || source !== workbook || appliedFor.current === workbook) return;
    appliedFor.current = workbook;
    latest.current(restoreSettings(settings, sheets.map((s) => s.sheet)));
  }, [workbook, status, source, settings, sheets]);
  const forget = useCallback(() => {
    appliedFor.current = null;
  }, []);
  return { forget };
}
