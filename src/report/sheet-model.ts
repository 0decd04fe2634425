/**
 * Sheet models: what a result sheet contains, independent of how it is written.
 * The same models go to every workbook adapter (ExcelJS file, Office.js), so every route
 * produces the same sheets (docs/architecture.md: the three doors share the report layer).
 */

/** How a column's values are formatted: `text` (always written as text, never as a formula),
 * `integer` (dwellings, '#,##0'), `number` (one decimal), `percent` (fraction 0..1 shown as '0%'),
 * `year` (plain '0'). */
export type ColumnKind = "text" | "integer" | "number" | "percent" | "year";

/** One column of a result table: Dutch header as shown, kind, optional width in characters. */
export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  width?: number;
}

/** A cell value in a result table: text, a number, or empty. */
export type ModelValue = string | number | null;

/** One Excel table on a result sheet, with a caption written in the row above it. */
export interface TableModel {
  /** Excel table name: letters, digits and underscores, unique within the workbook. */
  name: string;
  caption: string;
  columns: ColumnSpec[];
  rows: ModelValue[][];
}

/**
 * The rows of a table made one at a time when asked: the per-dwelling table of a million
 * dwellings has a million rows of 15 values (about 200 MB as arrays), which a streaming writer
 * needs one by one and never all at once.
 */
export interface RowSource {
  /** Number of rows. */
  readonly length: number;
  /** Row `i` (0-based, `i < length`): a fresh array each call. */
  at(i: number): ModelValue[];
}

/** The row source of each table made by {@link lazyTable}. */
const ROW_SOURCES = new WeakMap<TableModel, RowSource>();

/**
 * A table whose rows are made when asked. Its `rows` is a getter that makes all of them, once,
 * on first use (for the adapter that needs them as an array: ExcelJS's in-memory model, xlsx.ts);
 * {@link tableRowCount}, {@link tableRowAt} and {@link sliceTable} use the source without making
 * them all. Copying the table with spread (`{ ...table }`) makes the rows and gives a plain table.
 * @example tableRowAt(lazyTable({ name: "Tekort", caption: "Tekort per jaar", columns: [] }, { length: 2, at: (i) => [2025 + i * 5] }), 1) === [2030]
 */
export function lazyTable(head: Omit<TableModel, "rows">, source: RowSource): TableModel {
  let made: ModelValue[][] | null = null;
  const table: TableModel = {
    ...head,
    get rows(): ModelValue[][] {
      if (made === null) {
        made = new Array<ModelValue[]>(source.length);
        for (let i = 0; i < source.length; i++) made[i] = source.at(i);
      }
      return made;
    },
  };
  ROW_SOURCES.set(table, source);
  return table;
}

/** Number of rows of a table (without making the rows of a {@link lazyTable}).
 * @example tableRowCount(lazyTable({ name: "Woningen", caption: "", columns: [] }, { length: 1048575, at: () => { throw new Error("not made"); } })) === 1048575 */
export function tableRowCount(table: TableModel): number {
  return (ROW_SOURCES.get(table) ?? table.rows).length;
}

/** Row `i` of a table (made when asked for a {@link lazyTable}).
 * @example tableRowAt({ name: "Tekort", caption: "", columns: [], rows: [["nultreden", -227], ["geclusterd", 12]] }, 1) === ["geclusterd", 12] */
export function tableRowAt(table: TableModel, i: number): ModelValue[] {
  const source = ROW_SOURCES.get(table);
  return source === undefined ? table.rows[i] : source.at(i);
}

/**
 * The table with only rows `start` up to (not including) `end`, other fields as given in
 * `changes`; still made when asked if `table` is a {@link lazyTable}.
 * @example sliceTable({ name: "Tekort", caption: "", columns: [], rows: [[2025], [2030], [2035]] }, 1, 3, { name: "Tekort_2" }) === { name: "Tekort_2", caption: "", columns: [], rows: [[2030], [2035]] }
 */
export function sliceTable(table: TableModel, start: number, end: number, changes: Partial<Omit<TableModel, "rows">> = {}): TableModel {
  const head = { name: table.name, caption: table.caption, columns: table.columns, ...changes };
  const source = ROW_SOURCES.get(table);
  if (source === undefined) return { ...head, rows: table.rows.slice(start, end) };
  const from = Math.max(0, Math.min(start, source.length));
  const to = Math.max(from, Math.min(end, source.length));
  return lazyTable(head, { length: to - from, at: (i) => source.at(from + i) });
}

/** Which of the product's result sheets this is; also the marker that recognises our sheets.
 * "bzk-indeling-vervolg" holds the per-dwelling rows that do not fit on BZK-indeling (only for a
 * stock of more than about 1,048,000 rows, see sheets.ts). */
export type SheetKind = "bzk-indeling" | "bzk-indeling-vervolg" | "tekort" | "aanpassingspotentieel" | "vergelijking" | "controle";

/** Every result sheet kind, in the order the sheets are written. */
export const SHEET_KINDS: readonly SheetKind[] = ["bzk-indeling", "bzk-indeling-vervolg", "tekort", "aanpassingspotentieel", "vergelijking", "controle"];

/**
 * One result sheet: a title (row 1), note lines on the rules and sources used (rows below the
 * title), then its tables stacked vertically with one blank row between them.
 */
export interface SheetModel {
  kind: SheetKind;
  /** Preferred sheet name (Dutch); an adapter may add " (2)" when a user's sheet has this name. */
  name: string;
  title: string;
  notes: string[];
  tables: TableModel[];
}

/** Excel number format per column kind. */
export const NUMBER_FORMATS: Record<ColumnKind, string | null> = {
  text: "@",
  integer: "#,##0",
  number: "#,##0.0",
  percent: "0%",
  year: "0",
};

/**
 * Layout of a sheet model on the grid, shared by every adapter so they place things identically.
 * Returns, per table, the 1-based row of its caption and of its header row.
 */
export function layoutSheet(model: SheetModel): { notesStartRow: number; tables: { captionRow: number; headerRow: number; lastRow: number }[] } {
  const notesStartRow = 2;
  let row = notesStartRow + model.notes.length + 1;
  const tables = model.tables.map((t) => {
    const captionRow = row;
    const headerRow = row + 1;
    const lastRow = headerRow + Math.max(tableRowCount(t), 1);
    row = lastRow + 2;
    return { captionRow, headerRow, lastRow };
  });
  return { notesStartRow, tables };
}

/** Column widths in characters, shared by every adapter: per 0-based column the widest of the
 * header and a sample of the first 200 values (or the model's width), between 8 and 60. */
export function columnWidths(model: SheetModel): Map<number, number> {
  const widths = new Map<number, number>();
  for (const table of model.tables) {
    table.columns.forEach((col, ci) => {
      let w = col.width ?? col.header.length + 2;
      if (col.width === undefined) {
        for (let r = 0; r < Math.min(tableRowCount(table), 200); r++) {
          const v = tableRowAt(table, r)[ci];
          if (v !== null) w = Math.max(w, String(v).length + 2);
        }
      }
      widths.set(ci, Math.min(Math.max(widths.get(ci) ?? 8, w), 60));
    });
  }
  return widths;
}

/**
 * Names of the tables that charts are drawn from (src/workbook/write-charts.ts): their columns are
 * label columns first, then adjacent value columns (one series each, named by the header).
 * - `tekort`: Woontype, Jaar | Tekort basis, Tekort wat-als (the last table of the Tekort sheet);
 * - `gemeente`: Gemeente | Geschikt, Potentieel, Ongeschikt (then Onbekend, Totaal).
 */
export const CHART_TABLES = { tekort: "Tekort_Grafiek", gemeente: "Potentieel_Gemeente" } as const;
