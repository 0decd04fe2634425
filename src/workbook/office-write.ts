/// <reference types="office-js" />
/**
 * The write of result sheets through Office.js (OfficeWorkbook.writeResults in office.ts, which
 * loads this module with the first write, so the task pane's first load stays small): loads the
 * workbook's state, asks write-plan.ts for the plan, and executes it stage by stage
 * (office-apply.ts), undoing on failure and clearing up after the swap (office-rollback.ts).
 * office.ts `writeResults` documents the guarantees.
 */
import { cellAddress, UserError } from "../domain/issues";
import type { SheetModel } from "../report/sheet-model";
import { META_SHEET } from "./marker";
import { applyOp, runSteps, type RunStepsControl, sheetByName } from "./office-apply";
import { parseRangeAddress, sameName } from "./office-cells";
import { toUserError } from "./office-errors";
import { metaFromRange, sheetRefs } from "./office-meta";
import { collectGarbage, rollBack } from "./office-rollback";
import type { StoredSettings, WriteOutcome } from "./port";
import { garbageLeftMessage, rollbackFailedMessage, type Undo } from "./undo-plan";
import {
  type Garbage,
  planStaging,
  planSwap,
  planTargets,
  type StagingPlan,
  type SwapPlan,
  type SwapTargets,
  type TargetState,
  widthColumns,
  withTableAreas,
} from "./write-plan";

export { checkFitsGrid } from "./write-plan";

/** What a write needs of the adapter: whether sheets may be updated in place (ExcelApi 1.9),
 * the budgets per request, cancellation and progress. */
export interface WriteControl extends RunStepsControl {
  inPlace: boolean;
}

/**
 * Writes the result sheets and the meta sheet in one `Excel.run` batch (see office.ts
 * `writeResults`). The models must fit on Excel's grid (`checkFitsGrid`, checked before).
 * @returns the sheet used per kind and Dutch messages.
 * @throws UserError "Analyse geannuleerd." when cancelled; the Office error as it came (the
 *   caller turns it into Dutch) after the workbook was put back; a Dutch UserError naming the
 *   temporary sheets when putting it back failed too.
 */
export async function writeSheets(context: Excel.RequestContext, models: SheetModel[], settings: StoredSettings, control: WriteControl): Promise<WriteOutcome> {
  // 1. The workbook as it is: sheets with ids, our previous sheets (meta), table names in use.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  await context.sync();
  const metaSheet = worksheets.items.find((ws) => sameName(ws.name, META_SHEET)) ?? null;
  const metaRange = metaSheet ? metaSheet.getUsedRangeOrNullObject(true).load("address,values") : null;
  const tablesBySheet = worksheets.items.map((ws) => ({ sheet: ws.name, tables: ws.tables.load("items/name") }));
  const definedNames = context.workbook.names.load("items/name");
  await context.sync();
  // 2. Names, and the steps that write everything under temporary names (write-plan.ts).
  const staging = planStaging(
    models,
    {
      sheets: sheetRefs(worksheets.items),
      meta: metaFromRange(metaRange),
      tables: tablesBySheet.map((t) => ({ sheet: t.sheet, names: t.tables.items.map((x) => x.name) })),
      definedNames: definedNames.items.map((n) => n.name),
    },
    control.inPlace,
  );
  const outcome = staging.outcome;
  // 3. Write everything under temporary names; 4. the meta rows with the new sheets' ids;
  // 5. back up our sheets to be updated in place; 6. the swap, in one request: the commit;
  // 7. remove what the swap left behind. Up to the commit every change can be undone
  // (rollBack): the swap itself only renames, adds, and rewrites sheets that have a backup,
  // because a request that fails part-way keeps what ran before the failing operation.
  const undo: Undo = { temporary: [...staging.temporary], temporaryIds: [], renamedSheets: [], renamedTables: [], targets: [] };
  let garbage: Garbage = { sheets: [], charts: [] };
  try {
    await runSteps(context, staging.steps, control);
    control.checkCancelled();
    // Look again just before the swap: the user may have added, removed or renamed sheets
    // meanwhile. The temporary sheets' ids are the final ones (a rename keeps the id).
    const now = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    const targets = planTargets(staging, sheetRefs(now.items));
    const { plan: swap, tables } = await loadTargets(context, staging, targets, settings);
    undo.temporaryIds = swap.temporaryIds;
    await runSteps(context, [swap.meta], { ...control, onProgress: undefined });
    // 5. A backup of each sheet to be updated in place, so that a swap that fails part-way
    // can be undone.
    if (swap.backups.length > 0) {
      control.checkCancelled();
      undo.temporary.push(...swap.backups.map((b) => b.backup));
      const sheet = sheetByName(context);
      for (const op of swap.backupOps) applyOp(context, op, sheet);
      const areas = tables.map((t) => t.items.map((table) => table.getRange().load("address")));
      await context.sync();
      undo.targets = withTableAreas(swap.backups, areas.map((a) => a.map((r) => parseRangeAddress(r.address))));
    }
    control.checkCancelled();
    // 6. The swap, in one request.
    undo.renamedTables = swap.renamedTables;
    undo.renamedSheets = swap.renamedSheets;
    const sheet = sheetByName(context);
    for (const op of swap.swap) applyOp(context, op, sheet);
    await context.sync();
    garbage = swap.garbage;
  } catch (err) {
    // Tried twice: a second attempt looks again and continues where the first stopped.
    if ((await rollBack(context, undo)) || (await rollBack(context, undo))) throw err;
    // Not put back: say honestly which sheets may be half updated and where their earlier
    // content is, and which temporary sheets can go.
    const out = new UserError(rollbackFailedMessage(toUserError(err).message, undo));
    out.cause = err;
    throw out;
  }
  // 7. The swap is done: what it left behind goes (old sheets, backups, old charts). Should
  // that fail, the result stands and the user is told what is left.
  if (!(await collectGarbage(context, garbage)) && !(await collectGarbage(context, garbage))) {
    outcome.messages.push(garbageLeftMessage(garbage));
  }
  return outcome;
}

/**
 * Loads what the swap needs of the sheets updated in place (tables with their styles,
 * charts, used ranges, column widths; the staged sheet's used range) and of the replaced
 * sheets (table names), then plans the swap (write-plan.ts `planSwap`). One request.
 * @returns the plan, and the tables of each sheet updated in place (their areas are loaded with
 *   the backup).
 */
async function loadTargets(
  context: Excel.RequestContext,
  staging: StagingPlan,
  targets: SwapTargets,
  settings: StoredSettings,
): Promise<{ plan: SwapPlan; tables: Excel.TableCollection[] }> {
  const worksheets = context.workbook.worksheets;
  const inPlace = targets.inPlace.map((plan) => {
    const target = worksheets.getItem(plan.finalName);
    return {
      tables: target.tables.load("items/name,items/style"),
      charts: target.charts.load("items/name"),
      staged: worksheets.getItem(plan.tempName).getUsedRangeOrNullObject(false).load("address"),
      // Only the used part is cleared: clearing whole columns would touch 17 billion cells
      // (OperationCellsExceedLimit on the web).
      used: target.getUsedRangeOrNullObject(false).load("address"),
      widths: widthColumns(plan).map((col) => ({ col, format: target.getRange(cellAddress(1, col)).format.load("columnWidth") })),
    };
  });
  const replaced = targets.replaced.map((name) => worksheets.getItem(name).tables.load("items/name"));
  if (inPlace.length > 0 || replaced.length > 0) await context.sync();
  const state: TargetState[] = inPlace.map((t) => ({
    tables: t.tables.items.map((table) => ({ name: table.name, style: table.style })),
    charts: t.charts.items.map((c) => c.name),
    used: t.used.isNullObject ? null : parseRangeAddress(t.used.address),
    // The staged sheet always has its title in A1, so its used range is never null.
    staged: parseRangeAddress(t.staged.address),
    widths: t.widths.map((w) => ({ col: w.col, points: w.format.columnWidth })),
  }));
  const plan = planSwap(staging, targets, { inPlace: state, replacedTables: replaced.map((r) => r.items.map((t) => t.name)) }, settings);
  return { plan, tables: inPlace.map((t) => t.tables) };
}
