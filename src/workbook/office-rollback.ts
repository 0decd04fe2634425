/// <reference types="office-js" />
/**
 * After the swap of a write, or instead of it: loads what is in the workbook now and executes
 * the pure operations of undo-plan.ts that undo a failed write ({@link rollBack}) or remove
 * what a completed swap left behind ({@link collectGarbage}).
 */
import { parseRangeAddress, sameName } from "./office-cells";
import { applyOp, type ChartLookup, sheetByName } from "./office-apply";
import { garbageOps, pendingUndo, restoreOps, type SheetNow, type Undo, undoOps } from "./undo-plan";
import type { Visibility } from "./write-ops";
import type { Garbage } from "./write-plan";

/** Charts loaded per sheet, as a lookup for `deleteChart`. */
function chartLookup(loaded: { sheet: string; charts: Excel.ChartCollection }[]): ChartLookup {
  return (sheet, name) => loaded.find((l) => sameName(l.sheet, sheet))?.charts.items.find((c) => c.name === name);
}

function sheetsNow(worksheets: Excel.WorksheetCollection): SheetNow[] {
  return worksheets.items.map((ws) => ({ name: ws.name, id: ws.id, visibility: ws.visibility as Visibility }));
}

/**
 * Puts the workbook back as it was before a write whose swap failed part-way or did not run
 * (undo-plan.ts `undoOps`, then `restoreOps` when sheets were updated in place). Three requests
 * at most: the state now, the undo, the restore of sheets updated in place. Safe to call again
 * after it failed part-way: it looks first, and leaves out sheets already restored (`pendingUndo`).
 * @returns false when Excel refused (the caller then tells the user what to remove).
 */
export async function rollBack(context: Excel.RequestContext, undo: Undo): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id,items/visibility");
    const tables = context.workbook.tables.load("items/name");
    const targets = undo.targets.map((t) => {
      const ws = worksheets.getItem(t.sheet);
      return {
        sheet: t.sheet,
        tables: ws.tables.load("items/name"),
        charts: ws.charts.load("items/name"),
        used: ws.getUsedRangeOrNullObject(false).load("address"),
      };
    });
    await context.sync();
    const sheets = sheetsNow(worksheets);
    // After an earlier attempt that failed part-way: only the sheets not yet restored.
    const pending = pendingUndo(undo, sheets);
    const loaded = targets.filter((_, i) => pending.targets.includes(undo.targets[i]));
    const ops = undoOps(pending, {
      sheets,
      tables: tables.items.map((t) => t.name),
      targets: loaded.map((t) => ({
        tables: t.tables.items.map((x) => x.name),
        charts: t.charts.items.map((c) => c.name),
        used: t.used.isNullObject ? null : parseRangeAddress(t.used.address),
      })),
    });
    const sheet = sheetByName(context);
    const charts = chartLookup(loaded);
    for (const op of ops) applyOp(context, op, sheet, charts);
    if (pending.targets.length === 0) {
      await context.sync();
      return true;
    }
    const copied = pending.targets.map((t) => worksheets.getItem(t.sheet).tables.load("items/name"));
    await context.sync();
    for (const op of restoreOps(pending, copied.map((c) => c.items.map((t) => t.name)))) applyOp(context, op, sheet);
    await context.sync();
    return true;
  } catch {
    // Reported by the caller together with the original error.
    return false;
  }
}

/**
 * Deletes what a completed swap left behind (undo-plan.ts `garbageOps`): the named sheets where
 * they still exist (a very hidden one made hidden first) and the named old charts on sheets
 * updated in place. Two requests; safe to call again after a failure (it looks before it deletes).
 * @returns false when Excel refused.
 */
export async function collectGarbage(context: Excel.RequestContext, garbage: Garbage): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id,items/visibility");
    const charts = garbage.charts.map((g) => ({ sheet: g.sheet, charts: worksheets.getItem(g.sheet).charts.load("items/name") }));
    await context.sync();
    const ops = garbageOps(garbage, sheetsNow(worksheets), charts.map((c) => c.charts.items.map((x) => x.name)));
    const sheet = sheetByName(context);
    const lookup = chartLookup(charts);
    for (const op of ops) applyOp(context, op, sheet, lookup);
    if (ops.length > 0) await context.sync();
    return true;
  } catch {
    return false;
  }
}
