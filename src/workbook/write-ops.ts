/**
 * The operations of a write through Office.js, as data (write-plan.ts and undo-plan.ts make
 * them, office-apply.ts turns each into Excel calls): sheets and tables added, renamed,
 * hidden, deleted; cells cleared, copied, formatted; charts added and deleted; and blocks of
 * cells to write. Pure types.
 */
import type { CellArea } from "./office-cells";
import type { ChartSpec } from "./write-charts";

/** Font settings of an area, applied in the order bold, italic, size, color. */
export interface FontSpec {
  area: CellArea;
  bold?: true;
  italic?: true;
  size?: number;
  color?: string;
}

/** A sheet's visibility as Office.js names it. */
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/**
 * One operation on the workbook, as data. Sheets and tables are named as they are when the
 * operation runs (operations of one request run in order).
 */
export type WriteOp =
  | { op: "addSheet"; sheet: string }
  | { op: "renameSheet"; sheet: string; to: string }
  | { op: "setVisibility"; sheet: string; visibility: Visibility }
  | { op: "deleteSheet"; sheet: string }
  | { op: "addTable"; sheet: string; area: CellArea; name: string; style: string }
  | { op: "renameTable"; table: string; to: string }
  | { op: "deleteTable"; table: string }
  | { op: "convertTableToRange"; table: string }
  /** Values, formats and fonts of an area removed (`Range.clear`). */
  | { op: "clear"; sheet: string; area: CellArea }
  /** Cells, formats and fonts of the same area on sheet `from` copied here (`Range.copyFrom`). */
  | { op: "copyFrom"; sheet: string; area: CellArea; from: string }
  /** Column widths in points (by 1-based column), then fonts. */
  | { op: "format"; sheet: string; widths: { col: number; points: number }[]; fonts: FontSpec[] }
  | ChartSpec
  /** A chart of that name on the sheet, as loaded just before (office-apply.ts). */
  | { op: "deleteChart"; sheet: string; chart: string };

/**
 * A block of cells to write: rows of values and number formats made one at a time when sent,
 * so a table of a million rows is never copied as a whole.
 */
export interface CellsStep {
  op: "cells";
  sheet: string;
  /** Top-left cell (1-based) and size of the block. */
  row: number;
  col: number;
  width: number;
  count: number;
  /** Values and number formats of the i-th row (0-based). `formats` may return the same array
   * for consecutive rows (read-only). */
  values: (i: number) => (string | number)[];
  formats: (i: number) => string[];
  /** Whether the rows count for progress (table body rows). */
  counts: boolean;
}

/** One unit of writing work: a block of cells, or an operation. */
export type Step = CellsStep | WriteOp;
