/**
 * Request-size arithmetic of the Office.js adapter: the budgets per request, the UTF-8 JSON size
 * of cell values as they go over the wire, and the division of write steps into requests within
 * those budgets. Pure: no Office.js (office-apply.ts sends what {@link nextRequest} chose).
 *
 * Why budgets: "Excel on the web has a payload size limit for requests and responses of 5MB"
 * (office-js-docs-pr docs/concepts/resource-limits-and-performance-optimization.md); writes
 * measure each row's values and formats before sending, reads size the next chunk from the
 * measured size of the previous ones (office.ts `readArea`).
 */
import type { CellsStep, Step } from "./write-ops";

/**
 * Default byte budget per request or response: 2 MiB, 40% of Excel on the web's 5 MB limit.
 * The margin covers what Excel adds around the values (object paths, operation names) and the
 * estimate of a read's size before it is made.
 */
export const DEFAULT_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * Default upper bound of cells per request: 200,000 (13,333 rows of a 15-column table), far
 * below the documented 5,000,000 cells per read and in line with chunks of 5,000-20,000 rows
 * (toolchain.md). Keeps a request of many tiny cells (empty texts, zeros) from growing large in
 * work for Excel even when its bytes are few.
 */
export const DEFAULT_CHUNK_CELLS = 200_000;

/**
 * Bytes per cell assumed for the first chunk of a read, before any response has been measured:
 * a value of up to ~46 characters with quotes and a comma (stock sheets hold ids, codes, short
 * names and numbers: typically 5-25 bytes). Later chunks are sized from the largest bytes per
 * row measured so far.
 */
export const INITIAL_BYTES_PER_CELL = 50;

/** Allowance in a request per operation other than cell values (a range address, a table, a
 * format), in bytes. */
export const OPERATION_BYTES = 300;

/**
 * Length in bytes of a string encoded as UTF-8 (what goes over the wire; `String.length` counts
 * UTF-16 code units: "é" is 1 unit and 2 bytes, "→" 1 unit and 3 bytes, an emoji 2 units and 4).
 * @example utf8Length("café →") // 9
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    // 0x80-0x7FF: 2 bytes; a surrogate half: 2 of the pair's 4 bytes; other BMP: 3 bytes.
    n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/** Text that JSON.stringify copies as it is, one byte per character (the common case). */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7f]*$/;

/** Characters that JSON.stringify escapes with two characters (\n, \", ...); other control
 * characters become \uXXXX (6 bytes). */
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x22, 0x5c]);

/**
 * UTF-8 size of `JSON.stringify(v)` for one cell value (text, number, boolean or null), computed
 * without building the JSON text (the write loop measures millions of cells).
 * @example jsonCellSize("a\"b") // 6
 */
function jsonCellSize(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (typeof v !== "string") return 4; // null
  if (PLAIN_ASCII.test(v)) return v.length + 2;
  let n = v.length + 2;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    if (c < 0x20 || c === 0x22 || c === 0x5c) n += SHORT_ESCAPES.has(c) ? 1 : 5;
    else if (c === 0x7f) continue;
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A paired surrogate is 2 of 4 bytes; a lone one is escaped as \uXXXX (6 bytes).
      const pairedHigh = c <= 0xdbff && i + 1 < v.length && v.charCodeAt(i + 1) >= 0xdc00 && v.charCodeAt(i + 1) <= 0xdfff;
      const pairedLow = c >= 0xdc00 && i > 0 && v.charCodeAt(i - 1) >= 0xd800 && v.charCodeAt(i - 1) <= 0xdbff;
      n += pairedHigh || pairedLow ? 1 : 5;
    } else n += c < 0x800 ? 1 : 2;
  }
  return n;
}

/** UTF-8 size of `JSON.stringify(row)` for a row of cell values: brackets, commas, cells.
 * @example jsonRowSize(["ab", 12, null]) // 14 */
export function jsonRowSize(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += jsonCellSize(v);
  return n;
}

/** UTF-8 size of the JSON of a 2-D array of cell values.
 * @example jsonSize([[1, 2], ["x"]]) // 13 */
export function jsonSize(rows: readonly (readonly unknown[])[]): number {
  let n = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) n += jsonRowSize(row);
  return n;
}

/** Where the next request starts: a step, and within a block of cells its next row (0-based). */
export interface StepPosition {
  step: number;
  row: number;
}

/** Limits of one request. */
export interface RequestBudget {
  cells: number;
  bytes: number;
}

/** Remembers the last row's formats and their size across requests (consecutive rows mostly
 * share one formats array, measured once). */
export interface FormatsMemo {
  formats: string[] | null;
  size: number;
}

/** A piece of a request: an operation, or rows of a block of cells from its row `row`. */
export type RequestPiece =
  | { kind: "op"; step: Exclude<Step, CellsStep> }
  | { kind: "cells"; step: CellsStep; row: number; values: (string | number)[][]; formats: string[][] };

/** One request as chosen by {@link nextRequest}. */
export interface PlannedRequest {
  pieces: RequestPiece[];
  /** Where the request after this one starts. */
  next: StepPosition;
  /** Cells and bytes (values, formats, and {@link OPERATION_BYTES} per operation or block). */
  cells: number;
  bytes: number;
  /** Operations plus rows in the request; rows counted for progress. */
  units: number;
  counted: number;
}

/**
 * The next request of a write: as many steps from `from` as fit the budget, an operation counting
 * one cell and {@link OPERATION_BYTES}, a block of cells measured row by row (the UTF-8 JSON of
 * its values and formats) and split where the budget ends. At least one operation or row, even
 * when that alone exceeds the budget. Empty when `from` is past the last step.
 */
export function nextRequest(steps: readonly Step[], from: StepPosition, budget: RequestBudget, memo: FormatsMemo): PlannedRequest {
  const pieces: RequestPiece[] = [];
  let cells = 0;
  let bytes = 0;
  let units = 0;
  let counted = 0;
  const p = { ...from };
  while (p.step < steps.length) {
    const step = steps[p.step];
    if (step.op !== "cells") {
      if (units > 0 && (cells + 1 > budget.cells || bytes + OPERATION_BYTES > budget.bytes)) break;
      pieces.push({ kind: "op", step });
      cells += 1;
      bytes += OPERATION_BYTES;
      units++;
      p.step++;
      continue;
    }
    // Rows of this block that fit: measured one by one (their JSON is what is sent).
    const values: (string | number)[][] = [];
    const formats: string[][] = [];
    if (units > 0 && bytes + OPERATION_BYTES > budget.bytes) break;
    bytes += OPERATION_BYTES;
    while (p.row + values.length < step.count) {
      const i = p.row + values.length;
      const rowValues = step.values(i);
      const rowFormats = step.formats(i);
      if (rowFormats !== memo.formats) {
        memo.formats = rowFormats;
        memo.size = jsonRowSize(rowFormats);
      }
      const rowBytes = jsonRowSize(rowValues) + memo.size + 2;
      const fits = cells + step.width <= budget.cells && bytes + rowBytes <= budget.bytes;
      if (!fits && units + values.length > 0) break;
      values.push(rowValues);
      formats.push(rowFormats);
      cells += step.width;
      bytes += rowBytes;
    }
    const take = values.length;
    if (take === 0) break;
    pieces.push({ kind: "cells", step, row: p.row, values, formats });
    units += take;
    if (step.counts) counted += take;
    p.row += take;
    if (p.row >= step.count) {
      p.step++;
      p.row = 0;
    } else break;
  }
  return { pieces, next: p, cells, bytes, units, counted };
}
