/**
 * Undoing a write that failed, and clearing up after one that succeeded, as pure operations
 * (write-ops.ts) from the workbook's state as office-rollback.ts loads it: the temporary sheets
 * deleted (a very hidden one made hidden first: Excel refuses to delete it, @types/office-js
 * `Worksheet.delete`), renamed sheets and tables given their names back, sheets updated in place
 * restored from their backups; and the Dutch message when even that failed.
 */
import { type CellArea, sameName, spanning } from "./office-cells";
import type { Visibility, WriteOp } from "./write-ops";
import type { Garbage, TargetBackup } from "./write-plan";

/** Sheet names quoted for a message: 'A', 'B'. */
const quote = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(", ");

/** A sheet as loaded for deleting or restoring. */
export interface SheetNow {
  name: string;
  id: string;
  visibility: Visibility;
}

/** A sheet deleted: made Hidden first when it is VeryHidden (Excel refuses to delete that,
 * @types/office-js `Worksheet.delete`). */
function deleteSheetOps(sheet: SheetNow): WriteOp[] {
  const hide: WriteOp[] = sheet.visibility === "VeryHidden" ? [{ op: "setVisibility", sheet: sheet.name, visibility: "Hidden" }] : [];
  return [...hide, { op: "deleteSheet", sheet: sheet.name }];
}

/**
 * Deletes what a completed swap left behind, as it is now: the named sheets that still exist
 * and the named old charts still on their sheets.
 * @param sheets the sheets now. @param charts per entry of `garbage.charts` (same order) the
 *   names of the charts on that sheet now.
 */
export function garbageOps(garbage: Garbage, sheets: readonly SheetNow[], charts: readonly string[][]): WriteOp[] {
  const ops = sheets.filter((s) => garbage.sheets.some((n) => sameName(n, s.name))).flatMap(deleteSheetOps);
  garbage.charts.forEach((g, i) => {
    for (const chart of charts[i]) if (g.names.includes(chart)) ops.push({ op: "deleteChart", sheet: g.sheet, chart });
  });
  return ops;
}

/** How to undo a write that failed or was cancelled before its swap was complete. */
export interface Undo {
  /** Temporary sheets by name (staged sheets, the new meta sheet, backups) ... */
  temporary: string[];
  /** ... and by id, for the staged sheets the swap may already have renamed. */
  temporaryIds: string[];
  /** Our earlier sheets (replaced ones, the old meta sheet) with their names before the swap. */
  renamedSheets: { id: string; name: string }[];
  /** Tables of the replaced sheets: original name and the temporary name the swap gives them. */
  renamedTables: { from: string; to: string }[];
  /** Sheets updated in place, with their backups (set once the backups exist). */
  targets: TargetBackup[];
}

/** The workbook as loaded for an undo. */
export interface UndoState {
  sheets: SheetNow[];
  /** Every table name in the workbook. */
  tables: string[];
  /** Per entry of `undo.targets` (same order): its tables, charts and used range now. */
  targets: { tables: string[]; charts: string[]; used: CellArea | null }[];
}

/**
 * The undo still to do, given the sheets now: a sheet updated in place whose backup sheet is gone
 * was restored completely by an earlier attempt (deleting the backup is the last operation of
 * its restore, and a request that fails keeps only what ran before the failure), so it is left
 * out. An undo is therefore safe to attempt again after it failed part-way.
 */
export function pendingUndo(undo: Undo, sheets: readonly SheetNow[]): Undo {
  return { ...undo, targets: undo.targets.filter((t) => sheets.some((s) => sameName(s.name, t.backup))) };
}

/**
 * The Dutch message when a write failed and putting the workbook back failed too (twice): the
 * error, which sheets updated in place may be half updated and where their earlier content is
 * (a backup sheet the user must not throw away), and which temporary sheets may be removed.
 * @param base the Dutch message of the error that stopped the write.
 * @example rollbackFailedMessage("Excel reageert niet.", { temporary: ["_batbzk_tmp1", "_batbzk_tmp3"], temporaryIds: [], renamedSheets: [], renamedTables: [],
 *   targets: [{ sheet: "Tekort", backup: "_batbzk_tmp3", old: null, tables: [], widths: [], charts: [] }] })
 *   // "Excel reageert niet. Het terugzetten van de werkmap is niet gelukt. Blad 'Tekort' is mogelijk maar half bijgewerkt;
 *   //  de vorige inhoud staat op blad '_batbzk_tmp3'. Verwijder dat blad pas als u die inhoud niet meer nodig hebt.
 *   //  De tijdelijke bladen ('_batbzk_tmp1') konden niet worden opgeruimd; verwijder ze zelf."
 */
export function rollbackFailedMessage(base: string, undo: Undo): string {
  const backups = new Set(undo.targets.map((t) => t.backup.toLowerCase()));
  const temporary = undo.temporary.filter((n) => !backups.has(n.toLowerCase()));
  const parts = [base];
  if (undo.targets.length === 1) {
    const [t] = undo.targets;
    parts.push(
      `Het terugzetten van de werkmap is niet gelukt. Blad '${t.sheet}' is mogelijk maar half bijgewerkt; de vorige inhoud staat op blad '${t.backup}'. Verwijder dat blad pas als u die inhoud niet meer nodig hebt.`,
    );
  } else if (undo.targets.length > 1) {
    const list = undo.targets.map((t) => `'${t.sheet}' (vorige inhoud op blad '${t.backup}')`).join(", ");
    parts.push(
      `Het terugzetten van de werkmap is niet gelukt. Deze bladen zijn mogelijk maar half bijgewerkt: ${list}. Verwijder de bladen met de vorige inhoud pas als u die niet meer nodig hebt.`,
    );
  }
  if (temporary.length > 0) parts.push(`De tijdelijke bladen (${quote(temporary)}) konden niet worden opgeruimd; verwijder ze zelf.`);
  return parts.join(" ");
}

/**
 * The first request of an undo: temporary sheets deleted (by name, or by id where the swap had
 * renamed them; backups kept), new charts and all tables off the sheets updated in place, our
 * renamed tables and sheets given their names back, and each sheet updated in place cleared and
 * its old cells, formats and fonts copied back from its backup.
 */
export function undoOps(undo: Undo, state: UndoState): WriteOp[] {
  const isBackup = (name: string) => undo.targets.some((t) => sameName(t.backup, name));
  const temporary = state.sheets.filter(
    (s) => !isBackup(s.name) && (undo.temporaryIds.includes(s.id) || undo.temporary.some((n) => sameName(n, s.name))),
  );
  const ops: WriteOp[] = temporary.flatMap(deleteSheetOps);
  undo.targets.forEach((t, i) => {
    const now = state.targets[i];
    for (const chart of now.charts) if (!t.charts.includes(chart)) ops.push({ op: "deleteChart", sheet: t.sheet, chart });
    for (const table of now.tables) ops.push({ op: "deleteTable", table });
  });
  const tables = new Set(state.tables.map((n) => n.toLowerCase()));
  for (const r of [...undo.renamedTables].reverse()) {
    if (tables.has(r.to.toLowerCase())) ops.push({ op: "renameTable", table: r.to, to: r.from });
  }
  for (const r of undo.renamedSheets) {
    const now = state.sheets.find((s) => r.id !== "" && s.id === r.id);
    if (now && now.name !== r.name) ops.push({ op: "renameSheet", sheet: now.name, to: r.name });
  }
  undo.targets.forEach((t, i) => {
    const areas = [state.targets[i].used, t.old].filter((a): a is CellArea => a !== null);
    if (areas.length > 0) ops.push({ op: "clear", sheet: t.sheet, area: spanning(areas) });
    if (t.old) ops.push({ op: "copyFrom", sheet: t.sheet, area: t.old, from: t.backup });
  });
  return ops;
}

/**
 * The second request of an undo with sheets updated in place: tables that came along with the
 * copied cells made plain cells (ASSUMPTION, docs/handmatige-test.md: a copy of a range holding a
 * whole table may bring a copy of the table), the old tables added again with their names and
 * styles, the column widths as they were, and the backups deleted.
 * @param copied per entry of `undo.targets` (same order) the table names on it after the first request.
 */
export function restoreOps(undo: Undo, copied: readonly string[][]): WriteOp[] {
  const ops: WriteOp[] = copied.flat().map((table) => ({ op: "convertTableToRange", table }));
  for (const t of undo.targets) {
    for (const old of t.tables) ops.push({ op: "addTable", sheet: t.sheet, area: old.area, name: old.name, style: old.style });
    const widths = t.widths.flatMap((w) => (w.points === null ? [] : [{ col: w.col, points: w.points }]));
    if (widths.length > 0) ops.push({ op: "format", sheet: t.sheet, widths, fonts: [] });
    ops.push({ op: "deleteSheet", sheet: t.backup });
  }
  return ops;
}

/**
 * The note when the clean-up after a successful swap failed twice: the result stands; it names
 * the sheets left (old sheets and backups, which may be hidden) and the sheets that still carry
 * old charts, each only when there are any.
 * @example garbageLeftMessage({ sheets: ["_batbzk_tmp2"], charts: [{ sheet: "Tekort", names: ["Grafiek 1"] }] }) ===
 *   "Het resultaat staat in de werkmap, maar niet alles van de vorige analyse kon worden opgeruimd. Verwijder zelf blad '_batbzk_tmp2' (het kan verborgen zijn). Op blad 'Tekort' staan nog oude grafieken; de volgende analyse ruimt die op."
 */
export function garbageLeftMessage(garbage: Garbage): string {
  const parts = ["Het resultaat staat in de werkmap, maar niet alles van de vorige analyse kon worden opgeruimd."];
  const { sheets } = garbage;
  if (sheets.length === 1) parts.push(`Verwijder zelf blad ${quote(sheets)} (het kan verborgen zijn).`);
  if (sheets.length > 1) parts.push(`Verwijder zelf de bladen ${quote(sheets)} (ze kunnen verborgen zijn).`);
  const chartSheets = [...new Set(garbage.charts.filter((c) => c.names.length > 0).map((c) => c.sheet))];
  if (chartSheets.length > 0) {
    parts.push(`Op ${chartSheets.length === 1 ? "blad" : "de bladen"} ${quote(chartSheets)} staan nog oude grafieken; de volgende analyse ruimt die op.`);
  }
  return parts.join(" ");
}
