/**
 * A1 addresses and cell storage rules of the in-memory Excel host.
 *
 * Comments marked ASSUMPTION describe Excel behaviour that the host imitates without a
 * documented source; they belong in the manual test checklist against real Excel.
 */
import { RichApiError, richError } from "./errors";

/** Excel's grid size. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A stored cell. `formula` is set when Excel took the written text as a formula. */
export interface CellState {
  value?: string | number | boolean;
  /** An error value such as "#N/A" (the cell's value type is then "Error"). */
  error?: string;
  formula?: string;
  /** Number format; absent means "General". */
  format?: string;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Sheet name as Excel writes it in a qualified address.
 * ASSUMPTION: Excel quotes a sheet name unless it is letters, digits and underscores not starting
 * with a digit (it also quotes names that look like cell references, which the host ignores);
 * an apostrophe inside is doubled.
 */
export function qualifiedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1" or "A1:C5" for an area (full columns and rows are written as cell ranges). */
export function areaAddress(a: Area): string {
  const first = `${columnLetters(a.c0)}${a.r0}`;
  return a.r0 === a.r1 && a.c0 === a.c1 ? first : `${first}:${columnLetters(a.c1)}${a.r1}`;
}

/**
 * Parses "A1", "A1:C5", "A:C", "3:5", optionally sheet-qualified ("Blad1!A1", "'Mijn blad'!A1").
 * @throws RichApiError InvalidArgument for anything else, as Excel does for a bad address.
 */
export function parseAddress(address: string): { sheet: string | null; area: Area } {
  let sheet: string | null = null;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    let s = ref.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    ref = ref.slice(bang + 1);
  }
  const bad = (): RichApiError => richError("InvalidArgument", "Worksheet.getRange");
  const parts = ref.replace(/\$/g, "").split(":");
  if (parts.length < 1 || parts.length > 2) throw bad();
  const ends = parts.map((p) => {
    let m = /^([A-Za-z]{1,3})(\d+)$/.exec(p);
    if (m) return { c: columnNumber(m[1]), r: Number(m[2]) };
    m = /^([A-Za-z]{1,3})$/.exec(p);
    if (m && parts.length === 2) return { c: columnNumber(m[1]), r: null };
    m = /^(\d+)$/.exec(p);
    if (m && parts.length === 2) return { c: null, r: Number(m[1]) };
    throw bad();
  });
  const [a, b] = [ends[0], ends[ends.length - 1]];
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) throw bad();
  const area: Area = {
    r0: a.r ?? 1,
    r1: b.r ?? MAX_ROWS,
    c0: a.c ?? 1,
    c1: b.c ?? MAX_COLS,
  };
  if (area.r0 > area.r1) [area.r0, area.r1] = [area.r1, area.r0];
  if (area.c0 > area.c1) [area.c0, area.c1] = [area.c1, area.c0];
  if (area.r0 < 1 || area.c0 < 1 || area.r1 > MAX_ROWS || area.c1 > MAX_COLS) throw bad();
  return { sheet, area };
}

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/**
 * How Excel stores one element of a `Range.values` write into a cell with number format `format`
 * (documented in @types/office-js on `values`: "If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula").
 *
 * - `null`: the cell is left unchanged (returns null). ASSUMPTION (Office.js treats null in a
 *   written 2-D array as "no change").
 * - `""`: clears value and formula (returns {}); the number format stays.
 * - number / boolean: stored as they are, also in a text-formatted ("@") cell. ASSUMPTION.
 * - text starting with an apostrophe, in any cell: the apostrophe is Excel's quote prefix, not
 *   part of the value; the rest is stored as text ("'=1" → the text "=1", "''s-Hertogenbosch" →
 *   "'s-Hertogenbosch"). Documented for typing (support.microsoft.com "Format numbers as text":
 *   type an apostrophe before the entry) and seen through Office.js (OfficeDev/office-js#6687:
 *   the leading single quote is not part of what `Range.formulas`/`values` return, and setting
 *   it makes the cell quote-prefixed). ASSUMPTION: also so in a cell formatted "@".
 * - other text in a cell whose number format is "@": stored as text, whatever it starts with.
 * - text in any other cell (Excel parses it as if typed):
 *   - starting with "=" → formula;
 *   - "+" or "-" followed by a plain number → that number; "+" or "-" followed by anything else
 *     → formula (ASSUMPTION: Excel treats "+31 6 1234" as the formula "=+31 6 1234"); a lone
 *     "+" or "-" stays text (ASSUMPTION);
 *   - "@" followed by something → formula (ASSUMPTION: "@" is Excel's implicit-intersection
 *     operator and typed "@x" becomes "=@x");
 *   - a plain number ("12", "1.5") → number; "TRUE"/"FALSE" (any case) → boolean. ASSUMPTION
 *     (en-US parsing; dates and locale-specific number texts are not modelled);
 *   - an error text such as "#N/A" → error value (ASSUMPTION, as typing it does);
 *   - anything else → text.
 * A formula is not evaluated: its value reads as the error "#NAME?" (host limitation).
 * @returns the new content (without format), or null for "unchanged".
 * @throws RichApiError InvalidArgument for a non-finite number or a value of another type.
 */
export function interpretWrite(input: unknown, format: string): Omit<CellState, "format"> | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw richError("InvalidArgument", "Range.values");
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw richError("InvalidArgument", "Range.values");
  if (input === "") return {};
  if (input.startsWith("'")) return input.length > 1 ? { value: input.slice(1) } : {};
  if (format === "@") return { value: input };
  const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
  if (input.startsWith("=") || (input.length > 1 && input.startsWith("@"))) {
    return { formula: input.startsWith("=") ? input : `=${input}` };
  }
  if (input.length > 1 && (input.startsWith("+") || input.startsWith("-"))) {
    return numeric.test(input) ? { value: Number(input) } : { formula: `=${input}` };
  }
  if (numeric.test(input)) return { value: Number(input) };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === "true" };
  if (ERROR_VALUES.has(input.toUpperCase())) return { error: input.toUpperCase() };
  return { value: input };
}
