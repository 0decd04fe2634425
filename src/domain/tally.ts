/**
 * Aggregated issues for large stocks: count how many rows and dwellings share one kind of
 * problem and keep a few example rows, then emit ONE `Issue` per kind instead of one per row.
 *
 * Cost per counted row: no strings are built until `toIssues` is called, and no object is made
 * but for the examples. Two ways in: `add(kind, row)` for a `StockRow` at hand (one Map lookup),
 * and, for the domain core's per-row loops over column-wise stock, `handle(kind)` once per kind
 * and then `addAt(handle, cols, i)` per row (a few array reads and additions; row `i` is made as
 * a `StockRow` only when it becomes one of the kept examples). Both count the same
 * (test/domain/tally.test.ts).
 */
import { type Issue, type Severity, makeIssue, type IssueCode } from "./issues";
import type { StockRow } from "./types";
import type { StockColumns } from "./stock-columns";
import { formatGetal, formatWoningen } from "./format";

/**
 * One kind of problem. Create it once (not per row) and pass the same object to `IssueTally.add`.
 * `text` completes the sentence "<n> woningen: ..." (plain Dutch, no final full stop).
 */
export interface TallyKind {
  code: IssueCode;
  severity: Severity;
  text: string;
  /** What the user can do about it, one Dutch sentence appended to the issue (optional). */
  hint?: string;
}

/** The counts of one kind. */
class Counter {
  /** Table rows: stock rows read from the same sheet row (one per cell of a wide BAT table or a
   * cross table, which come one after another) count once. */
  rows = 0;
  /** Dwellings: the sum of the counted rows' `aantal`. */
  dwellings = 0;
  /** The first `maxExamples` counted table rows. */
  readonly examples: StockRow[] = [];
  /** Sheet and row number of the last counted row (NaN: none yet). */
  lastSheet: string | null = null;
  lastRowNumber = NaN;
  /** Place in the order of the issues: when the kind was first counted (−1: not yet). */
  firstCounted = -1;

  constructor(readonly kind: TallyKind) {}
}

/** Counts rows and dwellings per `TallyKind`, in first-seen order. */
export class IssueTally {
  private readonly index = new Map<TallyKind, number>();
  private readonly counters: Counter[] = [];
  /** Kinds counted so far (the next kind's `firstCounted`). */
  private counted = 0;

  /** @param maxExamples how many example rows each issue names (default 5). */
  constructor(private readonly maxExamples = 5) {}

  /**
   * The handle of `kind` for {@link IssueTally.addAt}: a small whole number, the same on every
   * call. A kind gets its place in the order of the issues when it is first counted, not here.
   */
  handle(kind: TallyKind): number {
    let h = this.index.get(kind);
    if (h === undefined) {
      h = this.counters.length;
      this.counters.push(new Counter(kind));
      this.index.set(kind, h);
    }
    return h;
  }

  /** Counts `row` (its `aantal` dwellings) under `kind`. */
  add(kind: TallyKind, row: StockRow): void {
    const c = this.counters[this.handle(kind)];
    if (this.count(c, row.aantal, row.sheet, row.rowNumber)) c.examples.push(row);
  }

  /**
   * Counts row `i` of `cols` (its `aantal` dwellings) under the kind of `handle`
   * ({@link IssueTally.handle}): the same as `add(kind, cols.row(i))`, without making the row
   * unless it is kept as an example.
   */
  addAt(handle: number, cols: StockColumns, i: number): void {
    const c = this.counters[handle];
    const sheetColumn = cols.text.sheet;
    if (this.count(c, cols.aantal[i], sheetColumn.values[sheetColumn.codes[i]], cols.rowNumber[i])) c.examples.push(cols.row(i));
  }

  /**
   * The counting that `add` and `addAt` share: adds `aantal` dwellings to `c`, and a table row
   * unless the row is on the same sheet row as the last one counted.
   * @returns true when the row is to be kept as an example (a new table row, examples not full).
   */
  private count(c: Counter, aantal: number, sheet: string | null, rowNumber: number): boolean {
    c.dwellings += aantal;
    if (c.lastRowNumber === rowNumber && c.lastSheet === sheet) return false;
    c.lastRowNumber = rowNumber;
    c.lastSheet = sheet;
    if (c.rows++ === 0) c.firstCounted = this.counted++;
    return c.examples.length < this.maxExamples;
  }

  /** Number of dwellings counted under `kind` (0 when never counted). */
  dwellings(kind: TallyKind): number {
    const h = this.index.get(kind);
    return h === undefined ? 0 : this.counters[h].dwellings;
  }

  /**
   * One issue per kind, e.g. "7.824 woningen: geclusterd niet te bepalen omdat de kolom
   * 'ontmoetingsruimte' ontbreekt. Bijvoorbeeld rij 14, 15, 16, 17, 18 en meer." `sheet` is the
   * sheet of the examples when they share one, `cell` is null (the issue covers many rows).
   * Kinds in the order in which they were first counted; a kind with a handle but never counted
   * gives no issue.
   */
  toIssues(): Issue[] {
    const out: Issue[] = [];
    const order = this.counters.filter((c) => c.rows > 0).sort((a, b) => a.firstCounted - b.firstCounted);
    for (const c of order) {
      const kind = c.kind;
      const rowsPart = c.rows !== c.dwellings ? ` (${formatGetal(c.rows)} ${c.rows === 1 ? "rij" : "rijen"})` : "";
      out.push(makeIssue(kind.code, kind.severity, commonSheet(c.examples), null,
        `${formatWoningen(c.dwellings)}${rowsPart}: ${kind.text}. ${describeExamples(c.examples, c.rows)}${kind.hint ? ` ${kind.hint}` : ""}`));
    }
    return out;
  }
}

function commonSheet(rows: StockRow[]): string | null {
  if (rows.length === 0) return null;
  const s = rows[0].sheet;
  for (const r of rows) if (r.sheet !== s) return null;
  return s;
}

/** "Bijvoorbeeld rij 14, 15 en 16." or "Rij 14." or with sheet names when they differ.
 * @example describeExamples([{ sheet: "Voorraad", rowNumber: 14 }], 1) === "Rij 14 (blad Voorraad).";
 *   describeExamples([{ sheet: "Voorraad", rowNumber: 14 }, { sheet: "Voorraad", rowNumber: 15 }], 40) === "Bijvoorbeeld rij 14, 15 en meer (blad Voorraad).";
 *   describeExamples([{ sheet: "Kerkrade", rowNumber: 2 }, { sheet: "Landgraaf", rowNumber: 9 }], 2) === "Bijvoorbeeld rij Kerkrade!2, Landgraaf!9." */
export function describeExamples(rows: StockRow[], total: number): string {
  if (rows.length === 0) return "";
  const sameSheet = commonSheet(rows) !== null;
  const refs = rows.map((r) => (sameSheet ? String(r.rowNumber) : `${r.sheet}!${r.rowNumber}`));
  if (total === 1) return `Rij ${refs[0]}${sameSheet ? ` (blad ${rows[0].sheet})` : ""}.`;
  const more = total > rows.length ? " en meer" : "";
  return `Bijvoorbeeld rij ${refs.join(", ")}${more}${sameSheet ? ` (blad ${rows[0].sheet})` : ""}.`;
}
