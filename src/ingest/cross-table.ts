/**
 * Cross tables woningtype × huurklasse: a stock published as counts per dwelling type (rows:
 * "Grondgebonden =1", "Gestapeld zonder Lift", …) and rent class (columns: "Goedkoop",
 * "Betaalbaar 1", "Betaalbaar 2", "Duur", "Geliberaliseerd"), as in the Kerkrade agreements
 * ("Sociale huurwoningaanbod corporaties Kerkrade per peildatum 01-01-2020"). Read as an
 * aggregate stock: one grouped row per filled cell, with the woningtype of its row and the
 * count as `aantal`; BAT unknown. Enough for the adaptation potential, which follows the
 * woningtype. The TOTAAL row and column are checked, never counted.
 */
import { type Issue, makeIssue } from "../domain/issues";
import type { StockRow } from "../domain/types";
import { StockColumns } from "../domain/stock-columns";
import type { CellValue, RawTable, StockIngest } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { findHeaderRow } from "./header";
import { formatNumber, quoteValue, tableCell } from "./messages";
import { normaliseHeader } from "./normalise";
import { isBlankRow, isNoteText, isTitleRow, isTotalLabel } from "./row-kinds";
import { emptyStockRow } from "./stock-row";

/** Rent classes (huurprijsklassen) as column headers, normalised. Source: the Kerkrade
 * agreements' definitions (goedkoop, betaalbaar 1 and 2, duur, geliberaliseerd) and the usual
 * "middenhuur", "vrije sector". */
const RENT_CLASSES: ReadonlySet<string> = new Set([
  "goedkoop", "betaalbaar", "betaalbaar1", "betaalbaar2", "betaalbaarlaag", "betaalbaarhoog", "duur", "duurtotliberalisatiegrens",
  "geliberaliseerd", "middenhuur", "vrijesector", "bovenliberalisatiegrens", "onderaftoppingsgrens", "bovenaftoppingsgrens",
]);

/** Words that make a row label a dwelling type. */
const TYPE_WORDS = ["grondgebonden", "gestapeld", "eengezins", "meergezins", "flat", "portiek", "galerij", "etage", "lift",
  "benedenwoning", "bovenwoning", "tussenwoning", "hoekwoning", "maisonnette", "appartement", "anders", "overig"];

/** Columns of a cross-table header: rent classes (≥ 3) and an optional total column (-1 when none).
 * @example crossHeader(["Woningtype", "Goedkoop", "Betaalbaar", "Duur", "Totaal"]) ===
 *   { classes: [{ col: 1, label: "Goedkoop" }, { col: 2, label: "Betaalbaar" }, { col: 3, label: "Duur" }], total: 4 };
 *   crossHeader(["Woningtype", "Goedkoop", "Duur"]) === null */
export function crossHeader(row: readonly CellValue[]): { classes: { col: number; label: string }[]; total: number } | null {
  const classes: { col: number; label: string }[] = [];
  let total = -1;
  for (let c = 0; c < row.length; c++) {
    const t = cellText(row[c]);
    if (t === null) continue;
    if (RENT_CLASSES.has(normaliseHeader(t))) classes.push({ col: c, label: t });
    else if (isTotalLabel(t) && total < 0) total = c;
  }
  return classes.length >= 3 ? { classes, total } : null;
}

/**
 * Row label column: of the columns left of the rent classes (the total column excluded), the one
 * whose cells under the header most often name a dwelling type; without any, the column just left
 * of the first rent class. So a total column or an unrelated column ("Code", "Opmerking") between
 * the labels and the rent classes does not take the labels' place.
 * @param rows the rows under the header (the first 40 are looked at).
 */
function labelColumn(h: { classes: { col: number }[]; total: number }, rows: readonly (readonly CellValue[])[]): number {
  const first = Math.min(...h.classes.map((c) => c.col));
  let best = Math.max(0, first - 1);
  let bestCount = 0;
  for (let c = first - 1; c >= 0; c--) {
    if (c === h.total) continue;
    let count = 0;
    for (const row of rows.slice(0, 40)) {
      const t = cellText(row[c])?.toLowerCase();
      if (t !== undefined && TYPE_WORDS.some((w) => t.includes(w))) count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Is this a cross table woningtype × huurklasse? A header with at least three rent classes and,
 * under it, row labels of which most name a dwelling type.
 *
 * @returns the 0-based header row, or -1.
 * @example findCrossTable({ sheet: "Kruistabel", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Woningtype", "Goedkoop", "Betaalbaar", "Duur", "Totaal"], ["Eengezinswoning", "1.045", 310, 0, "1.355"], ["Gestapeld met lift", 220, 140, 12, 372]] }) === 0;
 *   findCrossTable({ sheet: "Vraag", tableName: null, originRow: 1, originCol: 1, values: [["Woonvorm", 2025], ["Nultreden", 1975]] }) === -1
 */
export function findCrossTable(table: RawTable): number {
  const idx = findHeaderRow(table.values, (row) => crossHeader(row)?.classes.length ?? 0);
  if (idx < 0) return -1;
  const h = crossHeader(table.values[idx])!;
  const lc = labelColumn(h, table.values.slice(idx + 1));
  let typed = 0;
  let other = 0;
  for (const row of table.values.slice(idx + 1, idx + 40)) {
    const label = cellText(row[lc]);
    if (label === null || isTotalLabel(label) || isNoteText(label)) continue;
    const t = label.toLowerCase();
    if (TYPE_WORDS.some((w) => t.includes(w))) typed++;
    else other++;
  }
  return typed > 0 && typed >= other ? idx : -1;
}

/**
 * Reads a cross table woningtype × huurklasse as an aggregate stock (see the module comment).
 * Counts must be whole numbers ≥ 0 ("1.045" as printed is read as 1045); another value is a
 * `fout` naming the cell, and the cell is set aside. A TOTAAL row or column that differs from the
 * sum is a `waarschuwing`.
 *
 * @param table raw cells; the header is found with {@link findCrossTable}.
 * @returns the grouped rows (one per filled cell, zero counts left out), the balance
 *   rowsRead = rows + rowsRejected (per cell; cells holding 0 are no data row), mapping { woningtype, aantal } as header texts.
 * @example ((r) => [r.rows.toArray().map((x) => [x.woningtype, x.aantal, x.rowNumber]), r.rowsRead, r.rowsRejected, r.issues.map((i) => i.code)])(readCrossTable(
 *   { sheet: "Kruistabel", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Woningtype", "Goedkoop", "Betaalbaar", "Duur", "Totaal"], ["Eengezinswoning", "1.045", 310, 0, "1.355"], ["Gestapeld met lift", 220, 140, 12, 372]] })) ===
 *   [[["Eengezinswoning", 1045, 2], ["Eengezinswoning", 310, 2], ["Gestapeld met lift", 220, 3], ["Gestapeld met lift", 140, 3], ["Gestapeld met lift", 12, 3]],
 *    5, 0, ["kruistabel-uitgevouwen"]]
 */
export function readCrossTable(table: RawTable): StockIngest {
  const sheet = table.sheet;
  const idx = findCrossTable(table);
  const issues: Issue[] = [];
  if (idx < 0) {
    return {
      rows: new StockColumns(0), rowsRead: 0, rowsRejected: 0, batScale: null, mapping: {}, headerRow: 0,
      issues: [makeIssue("geen-kopregel", "fout", sheet, null,
        `Op blad '${sheet}' is geen kopregel met huurprijsklassen (Goedkoop, Betaalbaar, Duur, Geliberaliseerd) gevonden.`)],
    };
  }
  const h = crossHeader(table.values[idx])!;
  const lc = labelColumn(h, table.values.slice(idx + 1));
  const rows: StockRow[] = [];
  let rowsRead = 0;
  let rejected = 0;
  const colSums = new Map<number, number>();
  let totalRow: { r: number; cells: readonly CellValue[] } | null = null;
  for (let r = idx + 1; r < table.values.length; r++) {
    const cells = table.values[r] ?? [];
    if (isBlankRow(cells) || isTitleRow(cells)) continue;
    const label = cellText(cells[lc]);
    if (label !== null && isTotalLabel(label)) { totalRow = { r, cells }; continue; }
    let rowSum = 0;
    for (const cl of h.classes) {
      const v = cells[cl.col];
      if (isMissing(v)) continue;
      const n = parseDutchNumber(v);
      if (n === 0) continue; // no dwellings: not a data row (the balance counts filled cells)
      rowsRead++;
      const cell = tableCell(table, r, cl.col);
      if (n === null || n < 0 || !Number.isInteger(n)) {
        rejected++;
        issues.push(makeIssue("aantal-ongeldig", "fout", sheet, cell,
          `Cel ${cell} op blad '${sheet}': ${quoteValue(v)} is geen aantal woningen (geheel getal van 0 of meer); de cel telt niet mee.`));
        continue;
      }
      rowSum += n;
      colSums.set(cl.col, (colSums.get(cl.col) ?? 0) + n);
      const row = emptyStockRow(sheet, table.originRow + r);
      row.woningtype = label;
      row.aantal = n;
      rows.push(row);
    }
    if (h.total >= 0 && !isMissing(cells[h.total])) {
      const t = parseDutchNumber(cells[h.total]);
      if (t !== null && t !== rowSum) {
        const cell = tableCell(table, r, h.total);
        issues.push(makeIssue("totaal-klopt-niet", "waarschuwing", sheet, cell,
          `Cel ${cell} op blad '${sheet}': het totaal (${formatNumber(t)}) van ${quoteValue(label)} is niet gelijk aan de som van de huurklassen (${formatNumber(rowSum)}). Het totaal telt niet mee.`));
      }
    }
  }
  if (totalRow !== null) {
    for (const cl of h.classes) {
      const t = parseDutchNumber(totalRow.cells[cl.col]);
      const sum = colSums.get(cl.col) ?? 0;
      if (t !== null && t !== sum) {
        const cell = tableCell(table, totalRow.r, cl.col);
        issues.push(makeIssue("totaal-klopt-niet", "waarschuwing", sheet, cell,
          `Cel ${cell} op blad '${sheet}': het totaal (${formatNumber(t)}) voor ${quoteValue(cl.label)} is niet gelijk aan de som van de woningtypen (${formatNumber(sum)}). Het totaal telt niet mee.`));
      }
    }
  }
  issues.push(makeIssue("kruistabel-uitgevouwen", "info", sheet, null,
    `Blad '${sheet}' is gelezen als kruistabel woningtype × huurklasse (kopregel rij ${table.originRow + idx}): elke ingevulde cel ` +
    `telt als een groep woningen van dat woningtype, zonder BAT-score. Het aanpassingspotentieel volgt uit het woningtype; ` +
    `de BAT-indeling is onbekend. Totaalrij en totaalkolom tellen niet mee.`));
  return {
    rows: StockColumns.fromRows(rows), rowsRead, rowsRejected: rejected, batScale: null,
    mapping: { woningtype: cellText(table.values[idx][lc]) ?? "", aantal: h.classes.map((c) => c.label).join(", ") },
    headerRow: table.originRow + idx, issues,
  };
}
