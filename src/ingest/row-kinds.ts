/**
 * Recognising rows that are not data: blank rows, title rows above a header ("Tabel 1. Vraag
 * naar ..."), footnotes below a table ("Bron: ...") and total rows ("Totaal", "TOTAAL",
 * "Generaal totaal"). Shared by every reader so that they agree on what is never counted.
 */
import type { CellValue } from "./types";
import { isMissing } from "./cells";
import { normaliseLabel } from "./normalise";

/**
 * Number of non-missing cells in a row, and the index of the first one.
 *
 * @param row one row of cells (may be shorter than the table).
 * @returns `{ count, first }`, `first` = -1 when the row is blank.
 * @example rowFill([null, " ", "Kerkrade", 1975]) === { count: 2, first: 2 }; rowFill(undefined) === { count: 0, first: -1 }
 */
export function rowFill(row: readonly CellValue[] | undefined): { count: number; first: number } {
  let count = 0;
  let first = -1;
  if (!row) return { count, first };
  for (let c = 0; c < row.length; c++) {
    if (!isMissing(row[c])) {
      count++;
      if (first < 0) first = c;
    }
  }
  return { count, first };
}

/** True when every cell of the row is missing (see `isMissing`).
 * @example isBlankRow([null, "", " ", "#N/B"]) === true; isBlankRow([null, 0]) === false */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return rowFill(row).count === 0;
}

/**
 * True for a title-like row: exactly one non-missing cell, and that cell is text
 * ("Tabel 1. Vraag naar woonvormen", "Bron: Companen", "Peildatum 1-1-2020").
 * @example isTitleRow(["Tabel 1. Vraag naar woonvormen", null, null]) === true; isTitleRow([null, 2020]) === false; isTitleRow(["Kerkrade", 1975]) === false
 */
export function isTitleRow(row: readonly CellValue[] | undefined): boolean {
  const { count, first } = rowFill(row);
  return count === 1 && typeof row![first] === "string";
}

/** Labels that mark a total row, after `normaliseLabel`. */
const TOTAL_LABELS: ReadonlySet<string> = new Set([
  "totaal", "total", "totalen", "totals", "subtotaal", "subtotal", "eindtotaal",
  "generaal totaal", "totaal generaal", "grand total", "totaal aantal",
]);

/** Words a total label may start with, followed by a space or colon ("Totaal Parkstad"). */
const TOTAL_PREFIXES: readonly string[] = ["totaal ", "totaal:", "subtotaal ", "subtotaal:", "total "];

/**
 * The group a "... totaal" label closes: "Ouderen totaal" → "Ouderen", "Huur – totaal" →
 * "Huur"; null when the label does not end in the word totaal/total or has nothing before it.
 * (Parkstad Tabel 1 closes each scenario of the group ouderen with "Ouderen totaal".)
 *
 * @param text cell text.
 * @example closingTotalGroup("Ouderen totaal") === "Ouderen"; closingTotalGroup("Huur – totaal") === "Huur"; closingTotalGroup("Subtotaal") === null; closingTotalGroup("Totaal") === null
 */
export function closingTotalGroup(text: string): string | null {
  const n = text.length;
  // Cheap check first: the last letter is "l" (totaal, total).
  let end = n - 1;
  while (end >= 0 && text.charCodeAt(end) <= 0x20) end--;
  if (end < 4 || (text.charCodeAt(end) | 0x20) !== 0x6c) return null;
  const m = /^(.*?\S)[\s:\u2013-]+(?:totaal|total)$/i.exec(text.trim());
  if (!m) return null;
  const group = m[1].replace(/[\s:\u2013-]+$/, "").trim();
  if (group === "" || /^(sub|eind|generaal|grand)$/i.test(group)) return null;
  return group;
}

/**
 * Is this label a total ("Totaal", "TOTAAL", "total", "Generaal totaal", "Subtotaal",
 * "Totaal Parkstad", and a group's closing total such as "Ouderen totaal")? Case- and space-insensitive. A cheap first-letter check keeps it fast
 * on ids and numbers.
 *
 * @param text cell text.
 * @example isTotalLabel("TOTAAL") === true; isTotalLabel("Totaal Parkstad") === true; isTotalLabel(" Generaal  totaal ") === true; isTotalLabel("SOM") === false; isTotalLabel("Gemeente Beekdaelen") === false
 */
export function isTotalLabel(text: string): boolean {
  if (closingTotalGroup(text) !== null) return true;
  const t0 = text.trimStart().charCodeAt(0) | 0x20; // lower-case ASCII letter
  // t, s, e, g: first letters of every total label. ("som" is deliberately not a total label:
  // it is also the zorgprofiel SOM.)
  if (t0 !== 0x74 && t0 !== 0x73 && t0 !== 0x65 && t0 !== 0x67) return false;
  const t = normaliseLabel(text);
  if (TOTAL_LABELS.has(t)) return true;
  for (const p of TOTAL_PREFIXES) if (t.startsWith(p)) return true;
  return false;
}

/** Openings of footnotes under published tables. */
const NOTE_PREFIXES: readonly string[] = [
  "bron", "noot", "toelichting", "opmerking", "let op", "peildatum", "*", "¹", "²", "(*)",
  "n.b.", "nb:", "source",
];

/**
 * Does this text look like a footnote or source line ("Bron: Companen 2024", "* voorlopig",
 * "Noot: ...")?
 *
 * @param text cell text.
 * @example isNoteText("Bron: Companen 2024") === true; isNoteText("* voorlopig") === true; isNoteText("Beekdaelen") === false
 */
export function isNoteText(text: string): boolean {
  const t = text.trimStart().toLowerCase();
  for (const p of NOTE_PREFIXES) if (t.startsWith(p)) return true;
  return false;
}

/**
 * Is this a total row? True when one of the first three filled cells, or the cell in
 * `labelCol`, is text that `isTotalLabel` accepts.
 *
 * @param row one row of cells.
 * @param labelCol optional column that holds the row label or id.
 * @example isTotalRow([null, "Totaal", 1975, 62]) === true; isTotalRow(["Kerkrade", 1975, 62]) === false; isTotalRow([1, 2, 3, "Totaal"], 3) === true
 */
export function isTotalRow(row: readonly CellValue[], labelCol?: number): boolean {
  let seen = 0;
  for (let c = 0; c < row.length && seen < 3; c++) {
    const v = row[c];
    if (isMissing(v)) continue;
    seen++;
    if (typeof v === "string" && isTotalLabel(v)) return true;
  }
  if (labelCol !== undefined && labelCol >= 0) {
    const v = row[labelCol];
    if (typeof v === "string" && isTotalLabel(v)) return true;
  }
  return false;
}
