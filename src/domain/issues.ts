/**
 * Row- and table-level problems found while reading or classifying data.
 *
 * Data problems are never thrown: every step returns its result together with a list of
 * `Issue`s. Exceptions are reserved for programming errors and for I/O failures, which the
 * adapters translate into a Dutch message (see `UserError`).
 */
import type { IssueCode } from "./issue-codes";

/** Severity as shown to the user: `fout` (row set aside or result incomplete), `waarschuwing`
 * (result computed, but an assumption was made), `info` (for the record). */
export type Severity = "fout" | "waarschuwing" | "info";

export type { IssueCode } from "./issue-codes";

/**
 * One problem, in the shape of the JSON `meldingen` entries (docs/json.md) but with English keys.
 *
 * - `code`: stable machine code, one of `ISSUE_CODES` (src/domain/issue-codes.ts), e.g.
 *   `bat-buiten-bereik`, `schalen-gemengd`, `totaal-klopt-niet`.
 * - `sheet`: worksheet name, or null when the problem is not tied to a sheet.
 * - `cell`: A1 address (e.g. `"I14"`), or null when the problem concerns a whole table.
 * - `message`: plain Dutch sentence that says what is wrong and what to do about it.
 */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  message: string;
}

/**
 * The one constructor of an {@link Issue}; every step that reports a problem builds it here.
 * @param code one of `ISSUE_CODES`; the compiler rejects any other string.
 * @param message plain Dutch sentence naming the cell (when there is one) and what to do.
 * @example makeIssue("bat-buiten-bereik", "fout", "Voorraad", "I14", "…") === { code: "bat-buiten-bereik", severity: "fout", sheet: "Voorraad", cell: "I14", message: "…" }
 */
export function makeIssue(code: IssueCode, severity: Severity, sheet: string | null, cell: string | null, message: string): Issue {
  return { code, severity, sheet, cell, message };
}

/**
 * An error whose `message` is a plain Dutch sentence fit to show to a user as it is
 * (CLI: one line on stderr, exit code 1). Thrown for I/O failures and for "nothing could be
 * analysed" situations, never for row-level data problems.
 */
export class UserError extends Error {
  /** @param message plain Dutch text, one line. @param exitCode CLI exit status (1 = nothing analysed, 2 = wrong usage). */
  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message);
    this.name = "UserError";
  }
}

/** Converts 1-based column number to Excel letters: 1 → "A", 27 → "AA".
 * @example columnLetter(1) === "A"; columnLetter(27) === "AA"; columnLetter(16384) === "XFD" */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address from 1-based row and column numbers: (14, 9) → "I14".
 * @example cellAddress(14, 9) === "I14"; cellAddress(1, 28) === "AB1" */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
