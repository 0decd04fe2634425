/**
 * Cells and addresses as the Office.js adapter sends and receives them: `Range.address` parsed
 * into a rectangle and back to A1 text, a `Range.values` element as a `CellValue`, a model value
 * as it must be sent so the cell holds exactly it, and a cell's number format. Pure: no Office.js.
 */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../domain/excel-limits";
import { cellAddress } from "../domain/issues";
import type { CellValue } from "../ingest/types";
import { NUMBER_FORMATS, type ColumnKind, type ModelValue } from "../report/sheet-model";

/** A rectangle on a sheet: 1-based top-left and size. */
export interface CellArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Excel error values as `Range.values` returns them for error cells (English; Dutch forms are
 * included in case a localised Excel returns those). A text cell that holds exactly such a text
 * is read as an error too: the ingest treats both as a missing value, so `valueTypes` (which
 * would double the response size) is not loaded.
 */
const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
  "#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B", "#OVERLOOP!", "#BEREKENEN!",
  "#VELD!", "#GEBLOKKEERD!", "#VERBINDING!", "#BEZET!", "#ONBEKEND!",
]);

/**
 * One element of `Range.values` as a `CellValue`: "" (empty cell) → null; an error text such as
 * "#N/A" → `{ error }`; numbers, booleans and other text as they are. Dates arrive as serial
 * numbers (Office.js gives no Date objects; number formats are not loaded to tell them apart).
 * @example officeCellValue("") // null
 * @example officeCellValue("#N/B") // { error: "#N/B" }
 */
export function officeCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return ERROR_VALUES.has(v) ? { error: v } : v;
  return String(v);
}

/** A row of `Range.values` as cell values, without its trailing empty cells. */
export function trimmedRow(row: unknown[]): CellValue[] {
  const cells = row.map(officeCellValue);
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * Parses an address as `Range.address` gives it: "Blad1!B3:D10", "'Mijn blad'!A1", "B3", and the
 * whole-column / whole-row forms "A:C" and "3:5" (a selection of entire columns).
 * @example parseRangeAddress("'Mijn blad'!B3:D10") // { row: 3, col: 2, rows: 8, cols: 3 }
 * @throws Error for anything else (a programming error, not a user error).
 */
export function parseRangeAddress(address: string): CellArea {
  const ref = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [a, b = a] = ref.split(":");
  let m = /^([A-Z]+)(\d+)$/.exec(a);
  let n = /^([A-Z]+)(\d+)$/.exec(b);
  if (m && n) {
    const r0 = Number(m[2]), c0 = col(m[1]), r1 = Number(n[2]), c1 = col(n[1]);
    return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
  }
  m = /^([A-Z]+)$/.exec(a);
  n = /^([A-Z]+)$/.exec(b);
  if (m && n) {
    const c0 = col(m[1]), c1 = col(n[1]);
    return { row: 1, col: Math.min(c0, c1), rows: EXCEL_MAX_ROWS, cols: Math.abs(c1 - c0) + 1 };
  }
  m = /^(\d+)$/.exec(a);
  n = /^(\d+)$/.exec(b);
  if (m && n) {
    const r0 = Number(m[1]), r1 = Number(n[1]);
    return { row: Math.min(r0, r1), col: 1, rows: Math.abs(r1 - r0) + 1, cols: EXCEL_MAX_COLUMNS };
  }
  throw new Error(`Unexpected range address from Excel: ${address}`);
}

/**
 * "A1:C5" (or "A1" for a single cell) for an area.
 * @example a1({ row: 1, col: 1, rows: 5, cols: 3 }) // "A1:C5"
 */
export function a1(area: CellArea): string {
  const first = cellAddress(area.row, area.col);
  return area.rows === 1 && area.cols === 1 ? first : `${first}:${cellAddress(area.row + area.rows - 1, area.col + area.cols - 1)}`;
}

/**
 * An area qualified by its sheet, the name always quoted (Excel accepts quotes on every name).
 * @example qualified("Mijn 'blad'", { row: 1, col: 1, rows: 1, cols: 1 }) // "'Mijn ''blad'''!A1"
 */
export function qualified(sheet: string, area: CellArea): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1(area)}`;
}

/** The smallest area holding all of `areas` (at least one). */
export function spanning(areas: readonly CellArea[]): CellArea {
  const row = Math.min(...areas.map((a) => a.row));
  const col = Math.min(...areas.map((a) => a.col));
  const rowEnd = Math.max(...areas.map((a) => a.row + a.rows));
  const colEnd = Math.max(...areas.map((a) => a.col + a.cols));
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

/** Sheet and table names compared as Excel does: without regard to case. */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A value as it must be sent through `Range.values` so that the cell holds exactly `v`: text
 * starting with an apostrophe gets a second one in front, because Excel takes a leading
 * apostrophe as its quote prefix and drops it ("'s-Hertogenbosch" would become
 * "s-Hertogenbosch"; test/office-host/range.ts `interpretWrite`, OfficeDev/office-js#6687).
 * Empty (null) becomes "" (the cell is cleared).
 * @example sentValue("'s-Hertogenbosch") // "''s-Hertogenbosch"
 */
export function sentValue(v: ModelValue): string | number {
  if (v === null) return "";
  return typeof v === "string" && v.startsWith("'") ? `'${v}` : v;
}

/** Number format of a cell: text always "@" (so it is never taken as a formula or a number);
 * numbers the column's format ("General" in a text column); empty cells the column's format. */
export function cellFormat(kind: ColumnKind, v: ModelValue): string {
  if (typeof v === "string") return "@";
  if (typeof v === "number" && kind === "text") return "General";
  return NUMBER_FORMATS[kind] ?? "General";
}

/** Character width → points (Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px).
 * An approximation: Office.js sets widths in points, ExcelJS in characters.
 * @example widthInPoints(10) // 56.25 */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
