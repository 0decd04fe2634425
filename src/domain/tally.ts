/**
 * Aggregated issues for large stocks: count how many rows and dwellings share one kind of
 * problem and keep a few example rows, then emit ONE `Issue` per kind instead of one per row.
 *
 * Cost per counted row: one Map lookup and a few additions; no strings are built until
 * `toIssues` is called.
 */
import { type Issue, type Severity, makeIssue, type IssueCode } from "./issues";
import type { StockRow } from "./types";
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

interface Counter {
  /** Table rows: stock rows read from the same sheet row (one per cell of a wide BAT table or a
   * cross table, which come one after another) count once. */
  rows: number;
  dwellings: number;
  examples: StockRow[];
  last: StockRow | null;
}

/** Counts rows and dwellings per `TallyKind`, in first-seen order. */
export class IssueTally {
  private readonly counters = new Map<TallyKind, Counter>();

  /** @param maxExamples how many example rows each issue names (default 5). */
  constructor(private readonly maxExamples = 5) {}

  /** Counts `row` (its `aantal` dwellings) under `kind`. */
  add(kind: TallyKind, row: StockRow): void {
    let c = this.counters.get(kind);
    if (c === undefined) {
      c = { rows: 0, dwellings: 0, examples: [], last: null };
      this.counters.set(kind, c);
    }
    c.dwellings += row.aantal;
    const sameRow = c.last !== null && c.last.rowNumber === row.rowNumber && c.last.sheet === row.sheet;
    c.last = row;
    if (sameRow) return;
    c.rows++;
    if (c.examples.length < this.maxExamples) c.examples.push(row);
  }

  /** Number of dwellings counted under `kind` (0 when never counted). */
  dwellings(kind: TallyKind): number {
    return this.counters.get(kind)?.dwellings ?? 0;
  }

  /**
   * One issue per kind, e.g. "7.824 woningen: geclusterd niet te bepalen omdat de kolom
   * 'ontmoetingsruimte' ontbreekt. Bijvoorbeeld rij 14, 15, 16, 17, 18 en meer." `sheet` is the
   * sheet of the examples when they share one, `cell` is null (the issue covers many rows).
   */
  toIssues(): Issue[] {
    const out: Issue[] = [];
    for (const [kind, c] of this.counters) {
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
