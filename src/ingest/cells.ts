/**
 * Reading single cells: missing values, text, Dutch numbers, fractions and booleans.
 *
 * Every function here takes one `CellValue` (as delivered by a workbook adapter) and returns a
 * typed value or `null` when the cell is missing or cannot be read. None of them throws and none
 * of them reports: the caller knows the sheet and cell and writes the Dutch message.
 *
 * The conventions: numbers arrive as numbers or as Dutch text ('1.729', '12,5', '62%', ' 3 ');
 * booleans as ja/nee/j/n/x/1/0/waar/onwaar/yes/no; error cells (#N/A, #REF!) and blanks are
 * missing values (docs/handleiding.md §3).
 */
import type { CellValue } from "./types";

/** Excel error texts in English and Dutch Excel, upper case, as they appear when an adapter
 * delivers an error cell as plain text. */
const ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#N/A", "#N/B", "#REF!", "#VERW!", "#VALUE!", "#WAARDE!", "#DIV/0!", "#DEEL/0!", "#NAME?",
  "#NAAM?", "#NUM!", "#GETAL!", "#NULL!", "#LEEG!", "#SPILL!", "#OVERLOOP!", "#CALC!",
  "#BEREKENEN!", "#FIELD!", "#VELD!", "#BLOCKED!", "#GEBLOKKEERD!", "#CONNECT!", "#VERBINDING!",
  "#BUSY!", "#BEZET!", "#UNKNOWN!", "#ONBEKEND!", "#GETTING_DATA",
]);

/** Texts that published tables use for "nothing here": a lone dash or en/em dash. */
const DASHES: ReadonlySet<string> = new Set(["-", "\u2013", "\u2014", "--"]);

/** True for the error-object form `{ error: "#N/A" }`. */
function isCellError(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** True when `s` is only whitespace (including non-breaking spaces). Cheap char loop, no regex. */
function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 0x202f && c !== 0x2009) {
      return false;
    }
  }
  return true;
}

/**
 * Is this cell a missing value?
 *
 * Missing: `null`/`undefined`, text that is empty or whitespace only, an error object
 * (`{ error: "#N/A" }`), an error written as text ("#N/A", "#REF!", "#WAARDE!", "#DEEL/0!", ...
 * in English and Dutch Excel, case-insensitive), a lone dash ("-", "–", "—", as published
 * tables print for "nothing"), and a non-finite number (NaN). Not missing: 0, `false`, any date.
 *
 * @param v one cell as read.
 * @returns true when the cell carries no value.
 * @example isMissing(" ") === true; isMissing("#N/B") === true; isMissing("–") === true; isMissing(0) === false; isMissing("nee") === false
 */
export function isMissing(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  switch (typeof v) {
    case "string": {
      if (v.length === 0 || isBlankText(v)) return true;
      const t = v.trim();
      if (t.charCodeAt(0) === 35 /* # */) return ERROR_TEXTS.has(t.toUpperCase());
      return t.length <= 2 && DASHES.has(t);
    }
    case "number":
      return !Number.isFinite(v);
    case "boolean":
      return false;
    default:
      if (v instanceof Date) return false;
      return isCellError(v);
  }
}

/** What {@link excelError} returns for NaN: an error whose code is unknown. */
export const UNKNOWN_ERROR = "";

/**
 * The Excel error a cell holds, or null: the error object (`{ error: "#REF!" }`), an error
 * written as text ("#N/A", "#WAARDE!", ... see {@link isMissing}), or NaN (what a streaming
 * reader makes of a formula whose cached result is an error; its code is then unknown and
 * {@link UNKNOWN_ERROR} is returned). Such a cell is a missing value, but the reader may want
 * to say so: an error is a broken formula, not an empty cell.
 *
 * @param v one cell as read.
 * @returns the error text as written ("#REF!"), UNKNOWN_ERROR for NaN, or null.
 * @example excelError({ error: "#REF!" }) === "#REF!"; excelError(" #WAARDE! ") === "#WAARDE!"; excelError(NaN) === UNKNOWN_ERROR; excelError("1.975") === null
 */
export function excelError(v: CellValue | undefined): string | null {
  if (typeof v === "string") {
    const t = v.trim();
    return t.charCodeAt(0) === 35 && ERROR_TEXTS.has(t.toUpperCase()) ? t : null;
  }
  if (typeof v === "number") return Number.isNaN(v) ? UNKNOWN_ERROR : null;
  if (v !== null && v !== undefined && isCellError(v)) return String(v.error);
  return null;
}

/**
 * The cell as trimmed text, or null when it is missing (see {@link isMissing}).
 *
 * Numbers become their plain JavaScript text (1729 → "1729", 12.5 → "12.5"; no thousands
 * separators, so ids such as VHE numbers stay as written). Dates become ISO text: "2024-01-31"
 * at midnight UTC, the full ISO timestamp otherwise; an invalid date is missing. Booleans become
 * "WAAR"/"ONWAAR" as Dutch Excel shows them. Text that looks like a formula ("=HYPERLINK(...)")
 * is returned as the same plain text: nothing is ever evaluated.
 *
 * @param v one cell as read.
 * @returns trimmed text, or null.
 * @example cellText("  Gemeente Beekdaelen ") === "Gemeente Beekdaelen"; cellText(1729) === "1729"; cellText(true) === "WAAR";
 *   cellText(new Date(Date.UTC(2024, 0, 31))) === "2024-01-31"; cellText("#N/B") === null
 */
export function cellText(v: CellValue | undefined): string | null {
  if (isMissing(v)) return null;
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  if (v instanceof Date) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return null;
    const iso = v.toISOString();
    return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
  }
  return null;
}

/** Characters accepted as spaces between digit groups: space, NBSP, narrow NBSP, thin space. */
function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Plain integer digits only ("1729"); used as the fast path. */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when `parts[1..]` all have exactly three digits and `parts[0]` has one to three. */
function isThousandsGrouping(parts: string[]): boolean {
  if (parts.length < 2) return false;
  if (!isDigits(parts[0]) || parts[0].length > 3) return false;
  for (let i = 1; i < parts.length; i++) {
    if (parts[i].length !== 3 || !isDigits(parts[i])) return false;
  }
  return true;
}

/** Scientific notation as Excel may write it in text exports ("1,5E+03" is not accepted). */
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][+-]?\d+$/;

/**
 * Parses the unsigned part of a numeric text (no sign, no spaces). Returns null when the text
 * is not a number in one of the accepted notations.
 */
function parseUnsigned(s: string): number | null {
  if (isDigits(s)) return Number(s);
  const hasDot = s.indexOf(".") >= 0;
  const hasComma = s.indexOf(",") >= 0;
  if (hasDot && hasComma) {
    // The separator that comes last is the decimal separator; the other one groups thousands.
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    const decimalSep = lastComma > lastDot ? "," : ".";
    const groupSep = decimalSep === "," ? "." : ",";
    const at = s.lastIndexOf(decimalSep);
    const intPart = s.slice(0, at);
    const frac = s.slice(at + 1);
    if (!isDigits(frac)) return null;
    const groups = intPart.split(groupSep);
    if (!isThousandsGrouping(groups)) return null;
    return Number(groups.join("") + "." + frac);
  }
  if (hasComma) {
    const parts = s.split(",");
    if (parts.length === 2) {
      // Dutch: the comma is the decimal separator ("12,5", also "1,729" = 1.729).
      if (!isDigits(parts[1]) || (parts[0] !== "" && !isDigits(parts[0]))) return null;
      return Number((parts[0] || "0") + "." + parts[1]);
    }
    return isThousandsGrouping(parts) ? Number(parts.join("")) : null;
  }
  if (hasDot) {
    const parts = s.split(".");
    // Dutch thousands: a dot followed by groups of exactly three digits ("1.729", "1.234.567").
    if (isThousandsGrouping(parts)) return Number(parts.join(""));
    if (parts.length === 2 && isDigits(parts[1]) && (parts[0] === "" || isDigits(parts[0]))) {
      return Number((parts[0] || "0") + "." + parts[1]);
    }
    if (SCIENTIFIC.test(s)) return Number(s);
    return null;
  }
  if (SCIENTIFIC.test(s)) return Number(s);
  return null;
}

/**
 * Reads a number written as a number or as Dutch text.
 *
 * - A finite number is returned as it is. Booleans, dates, errors and missing cells give null
 *   (a date is not a number, even though Excel stores it as one).
 * - Text: surrounding whitespace is ignored; spaces between digit groups are removed ("1 729"
 *   → 1729); an optional leading "+", "-" or "−" sets the sign ("-12" → -12).
 * - Both "." and ",": the last one is the decimal separator, the other groups thousands in
 *   groups of three ("1.729,5" → 1729.5; "1,729.5" → 1729.5).
 * - Only ",": one comma is the decimal separator ("12,5" → 12.5, "1,729" → 1.729); several
 *   commas must group thousands ("1,234,567").
 * - Only ".": **ambiguity rule** — when every dot is followed by a group of exactly three digits
 *   and the first group has one to three digits, the dots group thousands ("1.729" → 1729,
 *   "1.500" → 1500, "1.234.567" → 1234567), as in Dutch notation. Otherwise a single dot is a
 *   decimal point ("1.5" → 1.5, "12.25" → 12.25, "1.7290" → 1.729), as in text exports from
 *   English software. So "1.500" and "1.5" differ by a factor 1000; whoever needs "1.500" to
 *   mean one and a half must write "1,5".
 * - Anything else (letters, "%", "12,5,3", "1.72.5") → null.
 *
 * @param v one cell as read.
 * @returns the number, or null when the cell is missing or not a number.
 * @example parseDutchNumber("1.975") === 1975; parseDutchNumber("12,5") === 12.5; parseDutchNumber("1.729,5") === 1729.5;
 *   parseDutchNumber("1 729") === 1729; parseDutchNumber("−227") === -227; parseDutchNumber("1.5") === 1.5; parseDutchNumber("1.72") === 1.72;
 *   parseDutchNumber("62%") === null; parseDutchNumber("n.v.t.") === null
 */
export function parseDutchNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  let s = v.trim();
  if (s.length === 0) return null;
  let sign = 1;
  const first = s.charCodeAt(0);
  if (first === 45 /* - */ || first === 0x2212 /* − */) {
    sign = -1;
    s = s.slice(1).trimStart();
  } else if (first === 43 /* + */) {
    s = s.slice(1).trimStart();
  }
  if (s.length === 0) return null;
  // Remove spaces between digit groups ("1 729"), but only between digits.
  let compact = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isGroupSpace(c)) {
      const prev = s.charCodeAt(i - 1);
      const next = s.charCodeAt(i + 1);
      if (prev >= 48 && prev <= 57 && next >= 48 && next <= 57) continue;
      return null;
    }
    compact += s[i];
  }
  const n = parseUnsigned(compact);
  if (n === null || !Number.isFinite(n)) return null;
  return sign * n;
}

/**
 * Reads a share as a fraction 0..1.
 *
 * - Text with a percent sign: "62%", "62 %", "62,5%" → 0.62, 0.625 (must be 0..100 %).
 * - A number or numeric text without percent sign: 0..1 is taken as a fraction (0.62 → 0.62,
 *   "0,62" → 0.62, 1 → 1); above 1 and at most 100 it is read as a percentage (62 → 0.62).
 *   So 1 means 100 %, never 1 %.
 * - Negative, above 100, or not a number → null.
 *
 * @param v one cell as read.
 * @returns fraction in [0, 1], or null.
 * @example parseFraction("62%") === 0.62; parseFraction("62,5 %") === 0.625; parseFraction("0,62") === 0.62; parseFraction(62) === 0.62;
 *   parseFraction(1) === 1; parseFraction("120%") === null; parseFraction(-0.1) === null
 */
export function parseFraction(v: CellValue | undefined): number | null {
  if (typeof v === "string") {
    const t = v.trim();
    if (t.endsWith("%")) {
      const n = parseDutchNumber(t.slice(0, -1));
      if (n === null || n < 0 || n > 100) return null;
      return n / 100;
    }
  }
  const n = parseDutchNumber(v);
  if (n === null || n < 0 || n > 100) return null;
  return n <= 1 ? n : n / 100;
}

/** Texts read as true/false, lower case. "x" marks a ticked box and means true. */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ["ja", true], ["j", true], ["x", true], ["1", true], ["waar", true], ["true", true],
  ["yes", true], ["y", true], ["wel", true], ["aanwezig", true], ["✓", true],
  ["nee", false], ["n", false], ["0", false], ["onwaar", false], ["false", false],
  ["no", false], ["geen", false], ["afwezig", false], ["niet", false], ["niet aanwezig", false],
]);

/**
 * Reads a yes/no cell.
 *
 * Accepted (case-insensitive, surrounding spaces ignored): ja, j, x (a ticked box), 1, waar,
 * true, yes, y, wel, aanwezig, ✓ → true; nee, n, 0, onwaar, false, no, geen, afwezig, niet,
 * "niet aanwezig" → false. Excel booleans as they are; the numbers 1 and 0.
 *
 * @param v one cell as read.
 * @returns true/false, or null when missing or not recognised (the caller reports it).
 * @example parseDutchBoolean(" Ja ") === true; parseDutchBoolean("x") === true; parseDutchBoolean("niet aanwezig") === false; parseDutchBoolean(0) === false; parseDutchBoolean("misschien") === null
 */
export function parseDutchBoolean(v: CellValue | undefined): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== "string") return null;
  const t = v.trim().toLowerCase();
  const hit = BOOLEAN_WORDS.get(t);
  return hit === undefined ? null : hit;
}
