/**
 * Finding the header row of a table that may have title rows, blank rows and notes above it.
 */
import type { CellValue } from "./types";
import { isBlankRow, isTitleRow } from "./row-kinds";

/** How many rows from the top are searched for a header. */
export const HEADER_SCAN_ROWS = 30;

/**
 * Returns the 0-based index of the header row.
 *
 * Looks at the first {@link HEADER_SCAN_ROWS} rows, skips blank rows and title rows (a single
 * text cell such as "Tabel 1. Vraag naar woonvormen" or "Bron: ..."), scores the others with
 * `scorer` (e.g. the number of recognised column headers) and returns the first row with the
 * highest score. Rows scoring 0 or less are never a header.
 *
 * @param values the table's cells, `values[r][c]`.
 * @param scorer score of a candidate row; higher is more header-like.
 * @returns 0-based row index into `values`, or -1 when no row scores above 0.
 * @example findHeaderRow([["Tabel 1. Vraag naar woonvormen"], [], ["Woonvorm", "2025", "2030"], ["Nultreden", 1975, 2010]], (row) => row.filter((v) => typeof v === "string").length) === 2;
 *   findHeaderRow([[1, 2], [3, 4]], (row) => row.filter((v) => typeof v === "string").length) === -1
 */
export function findHeaderRow(values: CellValue[][], scorer: (row: CellValue[]) => number): number {
  let best = -1;
  let bestScore = 0;
  const end = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < end; r++) {
    const row = values[r];
    if (isBlankRow(row) || isTitleRow(row)) continue;
    const score = scorer(row);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
