/**
 * Random layouts of a table for the layout property tests (test/ingest/layout*.property.test.ts):
 * the same table with its columns moved, unrelated columns added, title rows above it and blank
 * rows in its body, as users have tables after pasting or exporting them.
 *
 * A layout only ever moves whole columns (a header cell stays with its data) and only inserts
 * rows and columns, so every cell of the laid-out sheet either comes from one cell of the table
 * or is new. `laidOut.source(row, col)` says which, so that findings that name a cell can be
 * compared with those of the table as printed, relative to the table.
 *
 * API: `layoutArbitrary(width, opts)` (fast-check), `applyLayout(values, layout, opts)`,
 * `cellIndex("C7")` (A1 address → 0-based row and column, origin A1).
 */
import fc from "fast-check";
import type { CellValue } from "../../src/ingest/types";

/** An unrelated column: its header and its value in (0-based) sheet row r. */
export type UnrelatedColumn = readonly [header: string, value: (r: number) => CellValue];

export interface Layout {
  /** Order of the movable columns: a permutation of their indices (see `ApplyOptions.fixed`). */
  order: readonly number[];
  /** Unrelated columns added (index into the unrelated list; duplicates are dropped), and where. */
  extra: readonly { which: number; at: number }[];
  /** Title rows inserted above everything (one text cell each). */
  titles: readonly string[];
  /** Positions (in body rows) where a blank row is inserted; taken modulo the body length + 1. */
  blanks: readonly number[];
}

export interface LayoutOptions {
  /** Whether the movable columns are shuffled (else kept in order). */
  permute: boolean;
  /** Number of unrelated columns to choose from (0: none are added). */
  unrelated: number;
  titles: readonly string[];
  /** At most this many blank rows (default 4). */
  maxBlanks?: number;
}

/** Layouts of a table with `width` movable columns. */
export function layoutArbitrary(width: number, opts: LayoutOptions): fc.Arbitrary<Layout> {
  const order = opts.permute
    ? fc.shuffledSubarray([...Array(width).keys()], { minLength: width, maxLength: width })
    : fc.constant([...Array(width).keys()]);
  return fc.record({
    order,
    extra: opts.unrelated > 0
      ? fc.array(fc.record({ which: fc.integer({ min: 0, max: opts.unrelated - 1 }), at: fc.nat() }), { maxLength: 3 })
      : fc.constant([]),
    titles: fc.array(fc.constantFrom(...opts.titles), { maxLength: 3 }),
    blanks: fc.array(fc.nat(), { maxLength: opts.maxBlanks ?? 4 }),
  });
}

export interface ApplyOptions {
  /** 0-based index of the (last) header row; the rows above it (caption, upper header rows) are
   * kept as they are, except that an unrelated column has an empty cell there. */
  headerAt: number;
  /** Leading columns that stay in place (e.g. the row-label column); the others are movable. */
  fixed: number;
  unrelated: readonly UnrelatedColumn[];
  /** Unrelated columns may also go before the fixed columns (default: only after them). */
  unrelatedBeforeFixed?: boolean;
  /** Rows above the header that are a caption (kept in column A, not moved with the columns);
   * default: every row above the header is a caption. Upper header rows move with their columns. */
  captionRows?: number;
  /** First input row after the table (a blank row, footnotes): those rows are kept as they are,
   * after the body; default: the table runs to the last row. */
  trailingFrom?: number;
}

export interface LaidOut {
  values: CellValue[][];
  /** The table cell (0-based row, column in the input) that sheet cell (row, col) comes from;
   * null for an inserted cell. */
  source(row: number, col: number): { row: number; col: number } | null;
}

/** Lays out `values` as `layout` says: the titles, then the caption rows as they are, the
 * header and body rows with their columns in the new order, blank rows among the body rows, then
 * the trailing rows as they are. */
export function applyLayout(values: readonly CellValue[][], layout: Layout, opts: ApplyOptions): LaidOut {
  const width = Math.max(...values.map((r) => r.length));
  const captionRows = opts.captionRows ?? opts.headerAt;
  const trailingFrom = opts.trailingFrom ?? values.length;
  const kept = (r: number) => r < captionRows || r >= trailingFrom;
  const movable = [...Array(width - opts.fixed).keys()];
  const order = [...Array(opts.fixed).keys(), ...layout.order.map((k) => opts.fixed + movable[k])];
  const seen = new Set<number>();
  const extra = layout.extra.filter((e) => !seen.has(e.which) && seen.add(e.which));
  // Column map: sheet column → input column (null: an unrelated column, by its index).
  const columns: ({ from: number } | { unrelated: number })[] = order.map((c) => ({ from: c }));
  for (const e of extra) {
    const first = opts.unrelatedBeforeFixed ? 0 : opts.fixed;
    const at = first + (e.at % (columns.length - first + 1));
    columns.splice(at, 0, { unrelated: e.which });
  }
  const rows: { from: number | null; cells: CellValue[] }[] = values.map((row, r) => {
    if (kept(r)) return { from: r, cells: [...row] };
    return {
      from: r,
      cells: columns.map((c) => {
        if ("from" in c) return row[c.from] ?? null;
        const [header, value] = opts.unrelated[c.unrelated];
        return r === opts.headerAt ? header : r < opts.headerAt ? null : value(r);
      }),
    };
  });
  const head = rows.slice(0, opts.headerAt + 1);
  const body = rows.slice(opts.headerAt + 1, trailingFrom);
  for (const b of [...layout.blanks].sort((x, y) => y - x)) body.splice(b % (body.length + 1), 0, { from: null, cells: [] });
  const all = [...layout.titles.map((t) => ({ from: null, cells: [t] as CellValue[] })), ...head, ...body, ...rows.slice(trailingFrom)];
  return {
    values: all.map((r) => r.cells),
    source(row, col) {
      const r = all[row]?.from;
      if (r === null || r === undefined) return null;
      if (kept(r)) return { row: r, col };
      const c = columns[col];
      return c && "from" in c ? { row: r, col: c.from } : null;
    },
  };
}

/** "C7" → { row: 6, col: 2 } (0-based, origin A1). @throws Error for anything else. */
export function cellIndex(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}
