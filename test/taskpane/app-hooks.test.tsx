/** @jest-environment jsdom */
/**
 * App's effects as hooks, each on its own: the saved settings applied once per workbook when it
 * has been read (useSettingsRestore), and the opened file (useOpenedFile: the previous session
 * closed, a Dutch message when opening fails, the "just opened" flag taken once). The component
 * suites (tables-step, browser, keyboard) show them together in the pane.
 */
import { act, renderHook } from "@testing-library/react";
import { useOpenedFile } from "../../src/taskpane/hooks/useOpenedFile";
import { useSettingsRestore } from "../../src/taskpane/hooks/useSettingsRestore";
import type { WorkbookInfo } from "../../src/taskpane/hooks/useWorkbookInfo";
import type { RestoredSettings } from "../../src/taskpane/settings-restore";
import type { AnalysisSession, FileSession } from "../../src/session/session";
import { UserError } from "../../src/domain/issues";

/** A stand-in session: only its identity and `close` are used here. */
function session(): FileSession & { closed: number } {
  const s = { closed: 0, close: () => void s.closed++ };
  return s as unknown as FileSession & { closed: number };
}

const info = (source: AnalysisSession | null, status: WorkbookInfo["status"], voorraad?: string): WorkbookInfo => ({
  status,
  sheets: [{ sheet: "Voorraad" }, { sheet: "Vraag" }] as WorkbookInfo["sheets"],
  settings: voorraad ? { voorraad } : null,
  error: null,
  source,
});

describe("useSettingsRestore", () => {
  test("applied once per workbook, only when its own information is ready; again after forget()", () => {
    const a = session();
    const b = session();
    const applied: RestoredSettings[] = [];
    const { result, rerender } = renderHook(({ wb, i }: { wb: AnalysisSession | null; i: WorkbookInfo }) => useSettingsRestore(wb, i, (r) => applied.push(r)), {
      initialProps: { wb: a as AnalysisSession | null, i: info(a, "loading") },
    });
    expect(applied).toHaveLength(0);
    rerender({ wb: a, i: info(a, "ready", "Voorraad") });
    expect(applied.map((r) => r.voorraad)).toEqual([{ kind: "sheet", name: "Voorraad" }]);
    // Read again (reload): not applied again.
    rerender({ wb: a, i: info(a, "ready", "Vraag") });
    expect(applied).toHaveLength(1);
    // Another workbook, while the information still belongs to the first: not yet.
    rerender({ wb: b, i: info(a, "ready", "Vraag") });
    expect(applied).toHaveLength(1);
    rerender({ wb: b, i: info(b, "ready", "Vraag") });
    expect(applied.map((r) => r.voorraad)).toEqual([{ kind: "sheet", name: "Voorraad" }, { kind: "sheet", name: "Vraag" }]);
    // forget(): the same workbook counts as new.
    act(() => result.current.forget());
    rerender({ wb: b, i: { ...info(b, "ready"), sheets: [...info(b, "ready").sheets] } });
    expect(applied).toHaveLength(3);
  });
});

describe("useOpenedFile", () => {
  test("opening a file: onOpened first, the previous session closed, 'just opened' taken once; a failure in Dutch", async () => {
    const first = session();
    const second = session();
    const files: Record<string, FileSession> = { "a.xlsx": first, "b.xlsx": second };
    const calls: string[] = [];
    const openFile = async (f: File) => {
      const s = files[f.name];
      if (!s) throw new UserError("Dit bestand is geen Excel-werkmap (.xlsx).");
      return s;
    };
    const { result, unmount } = renderHook(() => useOpenedFile(openFile, () => calls.push("onOpened")));
    await act(() => result.current.open(new File([], "a.xlsx")));
    expect(result.current.file).toEqual({ session: first, name: "a.xlsx" });
    expect([result.current.busy, result.current.error, calls]).toEqual([false, null, ["onOpened"]]);
    expect(result.current.takeJustOpened()).toBe(true);
    expect(result.current.takeJustOpened()).toBe(false);
    await act(() => result.current.open(new File([], "b.xlsx")));
    expect(result.current.file?.name).toBe("b.xlsx");
    expect([first.closed, second.closed]).toEqual([1, 0]);
    await act(() => result.current.open(new File([], "c.txt")));
    expect(result.current.error).toBe("Dit bestand is geen Excel-werkmap (.xlsx).");
    expect(result.current.file?.name).toBe("b.xlsx");
    expect(calls).toHaveLength(2);
    unmount();
    expect(second.closed).toBe(1);
  });
});
