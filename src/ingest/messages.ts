/**
 * Building `Issue`s and the small pieces of Dutch text that go into them (cell addresses,
 * quoted cell values, Dutch number formatting), plus a collector that caps repetitive
 * warnings so that a million-row table with one bad column does not produce a million lines.
 */
import { formatGetal } from "../domain/format";
import { cellAddress, type Issue } from "../domain/issues";
import type { CellValue, RawTable } from "./types";

/**
 * A1 address of `table.values[r][c]`: row `originRow + r`, column `originCol + c`.
 *
 * @param table the raw table (only origin fields are used).
 * @param r 0-based row index into `values`.
 * @param c 0-based column index into `values[r]`.
 * @example tableCell({ originRow: 3, originCol: 2 }, 11, 7) === "I14"
 */
export function tableCell(table: Pick<RawTable, "originRow" | "originCol">, r: number, c: number): string {
  return cellAddress(table.originRow + r, table.originCol + c);
}

/**
 * Formats a number the Dutch way for messages: thousands grouped with ".", decimals after ","
 * (45060 → "45.060", 1729.5 → "1.729,5", -12 → "-12"). At most 4 decimals.
 *
 * @param n finite number.
 * @example formatNumber(45060) === "45.060"; formatNumber(1729.5) === "1.729,5"; formatNumber(-12) === "-12"; formatNumber(0.12345) === "0,1235"
 */
export function formatNumber(n: number): string {
  return formatGetal(n, 4);
}

/**
 * Are two sums equal, allowing for floating-point noise (1e-6)? Used when checking published
 * totals, which may hold decimals.
 * @example sameNumber(0.1 + 0.2, 0.3) === true; sameNumber(12268, 12268.5) === false
 */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Longest cell text shown in a message before it is cut off with "…". */
const MAX_QUOTED = 60;

/**
 * A cell value as it should appear quoted in a message: `'BAT 5'`, `'2,5'`, `'#N/A'`,
 * `'(leeg)'`. Long texts are cut to 60 characters.
 *
 * @param v one cell as read.
 * @example quoteValue("BAT 5") === "'BAT 5'"; quoteValue(2.5) === "'2,5'"; quoteValue({ error: "#N/B" }) === "'#N/B'"; quoteValue("  ") === "'(leeg)'";
 *   quoteValue("x".repeat(70)) === `'${"x".repeat(59)}…'`
 */
export function quoteValue(v: CellValue | undefined): string {
  let text: string;
  if (v === null || v === undefined) text = "(leeg)";
  else if (typeof v === "string") text = v.trim() === "" ? "(leeg)" : v.trim();
  else if (typeof v === "number") text = formatNumber(v);
  else if (typeof v === "boolean") text = v ? "WAAR" : "ONWAAR";
  else if (v instanceof Date) text = Number.isNaN(v.getTime()) ? "(ongeldige datum)" : v.toISOString().slice(0, 10);
  else text = v.error;
  if (text.length > MAX_QUOTED) text = text.slice(0, MAX_QUOTED - 1) + "…";
  return `'${text}'`;
}

/**
 * Collects issues; `addCapped` keeps at most `cap` issues per key (e.g. one per column and
 * problem) and `finish` adds one summary issue per key that went over, so nothing is silently
 * dropped. Use it for warnings and info only: every `fout` that sets a row aside must be kept.
 */
export class IssueLog {
  readonly issues: Issue[] = [];
  private readonly overflow = new Map<string, { count: number; summary: (extra: number) => Issue }>();
  private readonly perKey = new Map<string, number>();

  /** @param cap issues kept per key before summarising (default 100). */
  constructor(private readonly cap = 100) {}

  /** Adds an issue unconditionally. */
  add(issue: Issue): void {
    this.issues.push(issue);
  }

  /**
   * Adds an issue unless `key` already has `cap` issues; the excess is counted and reported
   * by `finish` through `summary(extra)`.
   *
   * @param key grouping key, e.g. "bouwlaag-onleesbaar|H".
   * @param issue the issue, built lazily only when it will be kept.
   * @param summary builds the summary issue for `extra` issues not shown one by one.
   * @param cap issues kept for this key (default: the log's cap).
   */
  addCapped(key: string, issue: () => Issue, summary: (extra: number) => Issue, cap = this.cap): void {
    const n = this.perKey.get(key) ?? 0;
    if (n < cap) {
      this.perKey.set(key, n + 1);
      this.issues.push(issue());
      return;
    }
    const o = this.overflow.get(key);
    if (o) o.count++;
    else this.overflow.set(key, { count: 1, summary });
  }

  /** Appends the summaries and returns all issues, in order of arrival. */
  finish(): Issue[] {
    for (const { count, summary } of this.overflow.values()) this.issues.push(summary(count));
    this.overflow.clear();
    return this.issues;
  }
}

/**
 * The one Dutch text for a table whose first header cell, caption or sheet name calls its figures
 * an "opgave" without saying which: the needed dwellings (demand) or a shortage (vraag − aanbod).
 * Names the cell and says how to choose demand (saldo.ts and detect.ts both use it).
 * @param sheet the sheet; @param cell A1 address of the cell that names the opgave (the first header
 *   cell or a title row), or null when only the sheet name does.
 * @param read "tekort": the table is read as a published result and recomputed; "niet": it is not read.
 * @example opgaveChoiceText("Blad1", "A1", "tekort") === "Cel A1 op blad 'Blad1' noemt een opgave. Dat kan de vraag zijn (de woningen die nodig zijn) of een tekort (vraag min aanbod); gelezen als gepubliceerd tekort en nagerekend op het blad Vergelijking. Is het de vraag, kies het blad dan als vraag in stap 1 van het taakvenster of met --vraag \"Blad1\" op de opdrachtregel."
 */
export function opgaveChoiceText(sheet: string, cell: string | null, read: "tekort" | "niet"): string {
  const choose = `Is het de vraag, kies het blad dan als vraag in stap 1 van het taakvenster of met --vraag "${sheet}" op de opdrachtregel`;
  return `${cell === null ? `De naam van blad '${sheet}'` : `Cel ${cell} op blad '${sheet}'`} noemt een opgave. Dat kan de vraag zijn (de woningen die nodig zijn) of een tekort (vraag min aanbod)` +
    (read === "tekort"
      ? `; gelezen als gepubliceerd tekort en nagerekend op het blad Vergelijking. ${choose}.`
      : `. ${choose}; is het een tekort, dan is het een uitkomst en hoeft u niets te kiezen.`);
}
