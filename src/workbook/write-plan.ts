/**
 * The write of result sheets through Office.js as a plan: pure data, no Office.js. Given the
 * sheet models and the workbook's state as office.ts loaded it (sheet names and ids, the meta
 * sheet, tables, defined names, visibility), these functions say which names everything gets and
 * which operations run in which request; office.ts loads, asks, and executes (office-apply.ts).
 *
 * A write goes in stages (design.md; office.ts `writeResults` documents the guarantees):
 * 1. {@link planStaging}: every new sheet under a temporary name, cells in blocks (chunked into
 *    requests by office-requests.ts), then the new meta sheet;
 * 2. {@link planTargets}: just before the swap, against the sheets as they are then: which of our
 *    earlier sheets are updated in place and which are replaced (or a Dutch error when a user
 *    added a sheet with one of our names meanwhile);
 * 3. {@link planSwap}: the meta rows, a backup of each sheet updated in place, and the swap (one
 *    request that holds only what can be undone: renames, additions, rewrites with a backup);
 * 4. undo-plan.ts `garbageOps`: what the swap left behind, deleted (a very hidden sheet made
 *    hidden first: Excel refuses to delete it, @types/office-js `Worksheet.delete`);
 * and on failure up to the swap, undo-plan.ts `undoOps` and `restoreOps` put the workbook back.
 * The operations are the data types of write-ops.ts.
 */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../domain/excel-limits";
import { UserError } from "../domain/issues";
import { nlInt } from "../report/format";
import { columnWidths, layoutSheet, type ModelValue, type SheetModel, tableRowAt, tableRowCount, type TableModel } from "../report/sheet-model";
import { chooseSheetName, META_SHEET, type MetaContent, type MetaIds, metaRows, type OwnSheets, resolveOwnSheets, type SheetRef } from "./marker";
import { cellFormat, type CellArea, sameName, sentValue, widthInPoints } from "./office-cells";
import type { StoredSettings, WriteOutcome } from "./port";
import type { CellsStep, FontSpec, Step, WriteOp } from "./write-ops";
import { chartSpecs } from "./write-charts";

/** Style of our Excel tables. */
const TABLE_STYLE = "TableStyleMedium2";
/** Prefix of every temporary sheet and table name. */
const TEMP_PREFIX = "_batbzk_tmp";


/** A result table as planned: its temporary and final names. */
export interface TablePlan {
  model: TableModel;
  tempName: string;
  finalName: string;
}

/** A result sheet as planned. */
export interface SheetPlan {
  model: SheetModel;
  tempName: string;
  finalName: string;
  tables: TablePlan[];
  /** Staged without tables and charts (cells and formats only), because it is expected to be
   * copied onto our earlier sheet in place; tables and charts are then made at the swap. */
  bare: boolean;
}

/** The workbook as loaded before a write. */
export interface WorkbookState {
  /** Every sheet (the meta sheet included), in workbook order. */
  sheets: SheetRef[];
  /** The meta sheet's content (parseMeta of its rows; empty without one). */
  meta: MetaContent;
  /** Table names per sheet. */
  tables: { sheet: string; names: string[] }[];
  /** The workbook's defined names: tables share their namespace (support.microsoft.com
   * "Rename an Excel table"), so a user's name "Tekort_Categorie" would make ours fail. */
  definedNames: string[];
}

/**
 * Hands out names not in use: temporary sheet names `_batbzk_tmp1`, `2`, ...; temporary table
 * names `_batbzk_tmp_t1`, ...; and final table names (the wanted one, or `_2`, `_3`, ... when a
 * user's table or defined name has it). Names are compared without regard to case.
 */
export class NameAllocator {
  private readonly sheets: Set<string>;
  private readonly tables: Set<string>;
  private readonly finalTables: Set<string>;
  private tableCounter = 0;

  /**
   * @param sheets sheet names in use. @param tables table and defined names in use.
   * @param userTables the tables and defined names our final table names must avoid (not those
   *   of our own sheets, which are replaced).
   */
  constructor(sheets: readonly string[], tables: readonly string[], userTables: readonly string[]) {
    this.sheets = new Set(sheets.map((n) => n.toLowerCase()));
    this.tables = new Set(tables.map((n) => n.toLowerCase()));
    this.finalTables = new Set(userTables.map((n) => n.toLowerCase()));
  }

  tempSheet(): string {
    let i = 1;
    while (this.sheets.has(`${TEMP_PREFIX}${i}`)) i++;
    this.sheets.add(`${TEMP_PREFIX}${i}`);
    return `${TEMP_PREFIX}${i}`;
  }

  tempTable(): string {
    let name: string;
    do name = `${TEMP_PREFIX}_t${++this.tableCounter}`;
    while (this.tables.has(name.toLowerCase()));
    this.tables.add(name.toLowerCase());
    return name;
  }

  finalTable(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.finalTables.has(name.toLowerCase()); i++) name = `${wanted}_${i}`;
    this.finalTables.add(name.toLowerCase());
    return name;
  }
}

/** The first stage of a write: names, and the steps that write every sheet under a temporary name. */
export interface StagingPlan {
  sheets: SheetPlan[];
  /** Temporary name of the new meta sheet. */
  metaTemp: string;
  /** Every temporary sheet of the staging (the staged sheets, the new meta sheet). */
  temporary: string[];
  /** Adds the sheets and writes them (cells, formats, and tables and charts unless bare), then
   * adds the new meta sheet. */
  steps: Step[];
  /** The sheet used per kind and the messages so far (a user's sheet with our name, a renamed
   * earlier result). */
  outcome: WriteOutcome;
  /** The meta sheet as loaded, and its name then (null: none). */
  previous: MetaContent;
  metaName: string | null;
  /** The names handed out so far (the swap hands out more). */
  names: NameAllocator;
}

/**
 * Plans the staging of a write (see the module comment).
 * @param models the result sheets. @param state the workbook before the write.
 * @param inPlace whether sheets may be updated in place (ExcelApi 1.9, office.ts).
 * The models are expected to fit on Excel's grid (office.ts checks with {@link checkFitsGrid}
 * before it loads anything).
 */
export function planStaging(models: readonly SheetModel[], state: WorkbookState, inPlace: boolean): StagingPlan {
  const metaRef = state.sheets.find((s) => sameName(s.name, META_SHEET)) ?? null;
  const own = resolveOwnSheets(state.meta, state.sheets, metaRef?.id ?? null);
  const isOwn = (n: string) => Object.values(own.current).some((o) => o !== undefined && sameName(o, n));
  const existing = state.sheets.map((s) => s.name);
  const allTables = [...state.tables.flatMap((t) => t.names), ...state.definedNames];
  const userTables = [...state.tables.filter((t) => !isOwn(t.sheet)).flatMap((t) => t.names), ...state.definedNames];
  const names = new NameAllocator(existing, allTables, userTables);
  const outcome: WriteOutcome = { sheets: {}, messages: [...own.messages] };
  const usedSheetNames = existing.filter((n) => !isOwn(n) && !sameName(n, META_SHEET));
  const sheets: SheetPlan[] = models.map((model) => {
    const { name, message } = chooseSheetName(model.name, usedSheetNames, new Set());
    usedSheetNames.push(name);
    if (message) outcome.messages.push(message);
    outcome.sheets[model.kind] = name;
    const current = own.current[model.kind];
    return {
      model,
      tempName: names.tempSheet(),
      finalName: name,
      tables: model.tables.map((t) => ({ model: t, tempName: names.tempTable(), finalName: names.finalTable(t.name) })),
      bare: inPlace && current !== undefined && sameName(current, name),
    };
  });
  const metaTemp = names.tempSheet();
  const steps: Step[] = [...sheets.flatMap(stagingSteps), { op: "addSheet", sheet: metaTemp }];
  return { sheets, metaTemp, temporary: [...sheets.map((p) => p.tempName), metaTemp], steps, outcome, previous: state.meta, metaName: metaRef?.name ?? null, names };
}

/** Which of our earlier sheets are updated in place or replaced, against the sheets just before the swap. */
export interface SwapTargets {
  /** The sheets now. */
  sheets: SheetRef[];
  /** Our sheets now, by the meta sheet as loaded before the write. */
  own: OwnSheets;
  /** Sheets updated in place: bare plans whose final name is our sheet of that kind now. */
  inPlace: SheetPlan[];
  /** Our other sheets now (by name), replaced: renamed out of the way in the swap, deleted after it. */
  replaced: string[];
}

/**
 * Decides, against the sheets as they are just before the swap (the user may have added,
 * removed or renamed sheets meanwhile), which of our sheets are updated in place and which are
 * replaced.
 * @throws UserError (Dutch) when a sheet that is not ours now has the final name of one of ours.
 */
export function planTargets(staging: StagingPlan, sheets: SheetRef[]): SwapTargets {
  const metaId = sheets.find((r) => staging.metaName !== null && sameName(r.name, staging.metaName))?.id ?? null;
  const own = resolveOwnSheets(staging.previous, sheets, metaId);
  const isOwn = (n: string) => Object.values(own.current).some((o) => o !== undefined && sameName(o, n));
  const clash = staging.sheets.find((p) => sheets.some((s) => sameName(s.name, p.finalName) && !isOwn(s.name)));
  if (clash) {
    throw new UserError(`Tijdens het schrijven is een blad '${clash.finalName}' aan de werkmap toegevoegd. Er is niets gewijzigd; probeer het opnieuw.`);
  }
  const inPlace = staging.sheets.filter((p) => {
    const current = own.current[p.model.kind];
    return p.bare && current !== undefined && sameName(current, p.finalName);
  });
  const isInPlace = (n: string) => inPlace.some((p) => sameName(p.finalName, n));
  const replaced = sheets.map((s) => s.name).filter((n) => isOwn(n) && !isInPlace(n));
  return { sheets, own, inPlace, replaced };
}

/** The 1-based columns whose widths a write sets on a sheet (to note for a backup). */
export function widthColumns(plan: SheetPlan): number[] {
  return [...columnWidths(plan.model).keys()].map((ci) => ci + 1);
}

/** A sheet to be updated in place, as loaded just before the swap. */
export interface TargetState {
  /** Its tables with their styles (their areas are loaded with the backup, {@link withTableAreas}). */
  tables: { name: string; style: string }[];
  /** Names of its charts. */
  charts: string[];
  /** Its used range (formats included; null when blank), and the staged sheet's. */
  used: CellArea | null;
  staged: CellArea;
  /** Widths in points of the columns of {@link widthColumns} (null: not uniform). */
  widths: { col: number; points: number | null }[];
}

/** What is needed to put a sheet updated in place back as it was. */
export interface TargetBackup {
  sheet: string;
  /** Temporary sheet holding a copy of the old used range (cells, number formats, fonts). */
  backup: string;
  old: CellArea | null;
  tables: { name: string; style: string; area: CellArea }[];
  /** Widths in points of the columns the swap sets (null: not uniform, left alone). */
  widths: { col: number; points: number | null }[];
  /** Names of the charts on it before the swap. */
  charts: string[];
}

/** A backup as planned, before its tables' areas are loaded (in the backup's own request). */
export type PlannedBackup = Omit<TargetBackup, "tables"> & { tables: { name: string; style: string }[] };

/**
 * The backups with their tables' areas, once those are loaded (per backup, per table, in order).
 * @throws Error when the areas do not match the tables (a programming error).
 */
export function withTableAreas(backups: readonly PlannedBackup[], areas: readonly (readonly CellArea[])[]): TargetBackup[] {
  return backups.map((b, i) => {
    if (areas[i]?.length !== b.tables.length) throw new Error(`withTableAreas: ${b.tables.length} tables on '${b.sheet}', ${areas[i]?.length ?? 0} areas`);
    return { ...b, tables: b.tables.map((t, j) => ({ ...t, area: areas[i][j] })) };
  });
}

/** What a completed swap leaves behind: sheets (by their name after the swap) and old charts. */
export interface Garbage {
  sheets: string[];
  charts: { sheet: string; names: string[] }[];
}

/** The rest of a write, from the meta rows to the swap. */
export interface SwapPlan {
  /** The new meta sheet's rows (with the sheets' ids). */
  meta: CellsStep;
  /** Ids of the temporary sheets (the swap may rename them). */
  temporaryIds: string[];
  /** One request: a backup sheet per sheet updated in place, its old cells copied there (the
   * tables' areas are loaded in the same request: {@link withTableAreas}). */
  backupOps: WriteOp[];
  backups: PlannedBackup[];
  /** The swap, one request. */
  swap: WriteOp[];
  /** Our earlier sheets (replaced ones, the old meta sheet) with their ids and names before the swap. */
  renamedSheets: { id: string; name: string }[];
  /** Tables of the replaced sheets: name before and the temporary name the swap gives them. */
  renamedTables: { from: string; to: string }[];
  /** What to delete once the swap is done (backups included). */
  garbage: Garbage;
}

/**
 * Plans the meta rows, the backups and the swap.
 * @param staging the staging plan (its name allocator hands out the backup and scratch names).
 * @param targets from {@link planTargets}.
 * @param state per sheet of `targets.inPlace` (same order) its state; per sheet of
 *   `targets.replaced` (same order) its table names.
 * @param settings saved in the meta sheet.
 */
export function planSwap(
  staging: StagingPlan,
  targets: SwapTargets,
  state: { inPlace: TargetState[]; replacedTables: string[][] },
  settings: StoredSettings,
): SwapPlan {
  const { names } = staging;
  const idOf = (name: string) => targets.sheets.find((r) => sameName(r.name, name))?.id ?? "";
  const target = (p: SheetPlan): TargetState | undefined => state.inPlace[targets.inPlace.indexOf(p)];
  const ids: MetaIds = {
    sheets: Object.fromEntries(staging.sheets.map((p) => [p.model.kind, idOf(target(p) ? p.finalName : p.tempName)])),
    kept: targets.own.kept.filter((k) => !staging.sheets.some((p) => sameName(p.finalName, k.name))),
    metaId: idOf(staging.metaTemp),
  };
  const meta = textBlock(staging.metaTemp, 1, 1, metaRows(staging.outcome.sheets, settings, ids));
  const temporaryIds = targets.sheets.filter((r) => r.id !== "" && staging.temporary.some((t) => sameName(t, r.name))).map((r) => r.id);

  // A backup of each sheet to be updated in place: its cells, formats and fonts on a temporary
  // sheet; its tables, column widths and charts noted.
  const backupOps: WriteOp[] = [];
  const backups: PlannedBackup[] = targets.inPlace.map((plan, i) => {
    const t = state.inPlace[i];
    const backup = names.tempSheet();
    backupOps.push({ op: "addSheet", sheet: backup });
    if (t.used) backupOps.push({ op: "copyFrom", sheet: backup, area: t.used, from: plan.finalName });
    return { sheet: plan.finalName, backup, old: t.used, tables: t.tables, widths: t.widths, charts: t.charts };
  });

  const swap: WriteOp[] = [];
  const renamedSheets: { id: string; name: string }[] = [];
  const renamedTables: { from: string; to: string }[] = [];
  const garbage: Garbage = { sheets: [], charts: [] };
  targets.replaced.forEach((name, i) => {
    for (const from of state.replacedTables[i]) {
      const to = names.tempTable();
      renamedTables.push({ from, to });
      swap.push({ op: "renameTable", table: from, to });
    }
    const scratch = names.tempSheet();
    renamedSheets.push({ id: idOf(name), name });
    garbage.sheets.push(scratch);
    swap.push({ op: "renameSheet", sheet: name, to: scratch });
  });
  for (const plan of staging.sheets) {
    const t = target(plan);
    if (!t) {
      if (plan.bare) {
        // Staged to be copied, but our sheet was removed or renamed meanwhile: give the staged
        // sheet its tables and charts now.
        swap.push(...tableOps(plan, plan.tempName, "final"), ...chartSpecs(plan.model, plan.tempName));
      } else {
        for (const tp of plan.tables) swap.push({ op: "renameTable", table: tp.tempName, to: tp.finalName });
      }
      swap.push({ op: "renameSheet", sheet: plan.tempName, to: plan.finalName });
      continue;
    }
    const sheet = plan.finalName;
    for (const table of t.tables) swap.push({ op: "deleteTable", table: table.name });
    // The old charts stay until after the swap (a chart cannot be made again as it was).
    garbage.charts.push({ sheet, names: t.charts });
    if (t.used) swap.push({ op: "clear", sheet, area: t.used });
    swap.push({ op: "copyFrom", sheet, area: t.staged, from: plan.tempName });
    swap.push(formatOp(plan.model, sheet, true), ...tableOps(plan, sheet, "final"), ...chartSpecs(plan.model, sheet));
    garbage.sheets.push(plan.tempName);
  }
  // The old meta sheet is renamed out of the way (it stays very hidden) and deleted after the
  // swap; the new one takes its name.
  const oldMeta = staging.metaName !== null ? targets.sheets.find((s) => sameName(s.name, staging.metaName!))?.name : undefined;
  if (oldMeta !== undefined) {
    const scratch = names.tempSheet();
    renamedSheets.push({ id: idOf(oldMeta), name: oldMeta });
    garbage.sheets.push(scratch);
    swap.push({ op: "renameSheet", sheet: oldMeta, to: scratch });
  }
  swap.push({ op: "setVisibility", sheet: staging.metaTemp, visibility: "VeryHidden" });
  swap.push({ op: "renameSheet", sheet: staging.metaTemp, to: META_SHEET });
  garbage.sheets.push(...backups.map((b) => b.backup));
  return { meta, temporaryIds, backupOps, backups, swap, renamedSheets, renamedTables, garbage };
}

/**
 * Refuses a sheet model that does not fit on Excel's grid (1,048,576 rows × 16,384 columns),
 * before anything is written.
 * @throws UserError (Dutch) naming the sheet and the number of rows it would need.
 */
export function checkFitsGrid(model: SheetModel): void {
  const layout = layoutSheet(model);
  const lastRow = layout.tables.reduce((m, t) => Math.max(m, t.lastRow), layout.notesStartRow + model.notes.length - 1);
  const widest = model.tables.reduce((m, t) => Math.max(m, t.columns.length), 1);
  if (lastRow > EXCEL_MAX_ROWS) {
    throw new UserError(
      `Het blad '${model.name}' zou ${nlInt(lastRow)} rijen krijgen; een Excel-blad heeft er hoogstens ${nlInt(EXCEL_MAX_ROWS)}. Er is niets geschreven. Analyseer de voorraad in delen (bijvoorbeeld per gemeente), of gebruik de opdrachtregel met --json.`,
    );
  }
  if (widest > EXCEL_MAX_COLUMNS) throw new UserError(`Het blad '${model.name}' zou ${nlInt(widest)} kolommen krijgen; een Excel-blad heeft er hoogstens ${nlInt(EXCEL_MAX_COLUMNS)}. Er is niets geschreven.`);
}

/** A block of text cells (title, notes, captions, headers, meta rows); rows of equal length. */
function textBlock(sheet: string, row: number, col: number, rows: string[][]): CellsStep {
  const width = rows[0]?.length ?? 0;
  const formats = Array.from({ length: width }, () => "@");
  const quoted = rows.some((r) => r.some((v) => v.startsWith("'"))) ? rows.map((r) => r.map(sentValue) as string[]) : rows;
  return { op: "cells", sheet, row, col, width, count: rows.length, values: (i) => quoted[i], formats: () => formats, counts: false };
}

/** The steps that write one result sheet under its temporary name. */
function stagingSteps(plan: SheetPlan): Step[] {
  const { model, tempName } = plan;
  const layout = layoutSheet(model);
  const steps: Step[] = [{ op: "addSheet", sheet: tempName }];
  steps.push(textBlock(tempName, 1, 1, [[model.title], ...model.notes.map((n) => [n])]));
  model.tables.forEach((table, ti) => {
    const pos = layout.tables[ti];
    steps.push(textBlock(tempName, pos.captionRow, 1, [[table.caption]]));
    steps.push(textBlock(tempName, pos.headerRow, 1, [table.columns.map((c) => c.header)]));
    // Row by row (tableRowAt), never `table.rows`: that would make all rows of the per-dwelling
    // table at once (a million in the Excel pane). An empty table gets one blank body row.
    const count = tableRowCount(table);
    const columns = table.columns;
    const blank: ModelValue[] = columns.map(() => null);
    // `values(i)` and `formats(i)` are asked in turn for the same row: it is made once.
    let lastIndex = -1;
    let lastRow: ModelValue[] = blank;
    const rowAt = (i: number): ModelValue[] => {
      if (count === 0) return blank;
      if (i !== lastIndex) [lastIndex, lastRow] = [i, tableRowAt(table, i)];
      return lastRow;
    };
    // Consecutive rows mostly have the same formats: the same array is handed out again then.
    let lastFormats: string[] = [];
    const formatsOf = (row: readonly ModelValue[]): string[] => {
      let same = lastFormats.length === columns.length;
      for (let ci = 0; same && ci < columns.length; ci++) same = lastFormats[ci] === cellFormat(columns[ci].kind, row[ci] ?? null);
      return same ? lastFormats : (lastFormats = columns.map((c, ci) => cellFormat(c.kind, row[ci] ?? null)));
    };
    steps.push({
      op: "cells",
      sheet: tempName,
      row: pos.headerRow + 1,
      col: 1,
      width: columns.length,
      count: Math.max(count, 1),
      values: (i) => {
        const row = rowAt(i);
        return columns.map((_, ci) => sentValue(row[ci] ?? null));
      },
      formats: (i) => formatsOf(rowAt(i)),
      counts: count > 0,
    });
  });
  steps.push(formatOp(model, tempName));
  // A sheet to be copied in place gets its tables and charts on the target at the swap: a copy
  // of a range holding a whole table would bring a copy of the table along.
  if (!plan.bare) steps.push(...tableOps(plan, tempName, "temp"), ...chartSpecs(model, tempName));
  return steps;
}

/**
 * Column widths and fonts (title, notes, captions) of a result sheet named `sheet`; only the
 * widths with `widthsOnly` (a sheet updated in place gets its fonts with the copied cells).
 */
function formatOp(model: SheetModel, sheet: string, widthsOnly = false): WriteOp {
  const widths = [...columnWidths(model)].map(([ci, w]) => ({ col: ci + 1, points: widthInPoints(w) }));
  if (widthsOnly) return { op: "format", sheet, widths, fonts: [] };
  const layout = layoutSheet(model);
  const fonts: FontSpec[] = [{ area: { row: 1, col: 1, rows: 1, cols: 1 }, bold: true, size: 14 }];
  if (model.notes.length > 0) fonts.push({ area: { row: layout.notesStartRow, col: 1, rows: model.notes.length, cols: 1 }, italic: true, color: "#555555" });
  for (const pos of layout.tables) fonts.push({ area: { row: pos.captionRow, col: 1, rows: 1, cols: 1 }, bold: true });
  return { op: "format", sheet, widths, fonts };
}

/** The Excel tables of a result sheet on sheet `sheet`, named with their temporary or final names.
 * Values are written before the table is added (design.md; office-js-docs-pr
 * docs/excel/performance.md "Importing data into tables"). */
function tableOps(plan: SheetPlan, sheet: string, names: "temp" | "final"): WriteOp[] {
  const layout = layoutSheet(plan.model);
  return plan.tables.map((t, ti) => {
    const pos = layout.tables[ti];
    const area = { row: pos.headerRow, col: 1, rows: pos.lastRow - pos.headerRow + 1, cols: t.model.columns.length };
    return { op: "addTable", sheet, area, name: names === "temp" ? t.tempName : t.finalName, style: TABLE_STYLE };
  });
}
