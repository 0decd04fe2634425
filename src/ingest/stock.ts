/**
 * Reading a stock table (voorraad): one row per dwelling (VHE), grouped rows with an `aantal`
 * column, or a wide BAT table (delegated to wide-bat.ts). product.md §2.
 *
 * Balance, always: `rowsRead === rows.length + rowsRejected`. Blank rows, title rows, the
 * header, repeated headers, footnotes, rows with nothing in a recognised column and total rows
 * are not data rows; all but blank rows get an `info` so the user can see they were skipped.
 */
import type { Issue } from "../domain/issues";
import type { CellValue, MappingOverrides, RawTable, StockIngest } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { findHeaderRow } from "./header";
import { mapColumns, stockHeaderScore } from "./mapping";
import { IssueLog, formatNumber, makeIssue, sameNumber, tableCell } from "./messages";
import { isNoteText, isTotalRow, rowFill } from "./row-kinds";
import { makeStockRowContext, readStockRow, type ParsedStockRow } from "./stock-row";
import { numericScaleFor, type ScaleSetting } from "./bat-scale";
import { settleBatScale } from "./stock-scale";
import { batHeaderColumns, isWideBatHeader, readWideBat } from "./wide-bat";

/** Options of {@link readStock}. */
export interface StockOptions {
  /** User's column choices, field → header text. */
  overrides?: MappingOverrides;
  /** BAT scale: detect from the values ("auto") or as the user set it. */
  scale: ScaleSetting;
}

/**
 * Header score of a candidate row for stock and wide BAT tables (for `findHeaderRow`): the
 * number of recognised stock fields (and override texts found), plus the number of BAT class
 * columns when the row is a wide BAT header.
 *
 * @param row candidate header row.
 * @param overrides optional user overrides.
 */
export function voorraadHeaderScore(row: CellValue[], overrides?: MappingOverrides): number {
  const wide = isWideBatHeader(row) ? batHeaderColumns(row).length : 0;
  return stockHeaderScore(row, overrides) + wide;
}

/** An empty result (headerRow 0) with one `fout` saying that no header was found. */
function noHeader(table: RawTable): StockIngest {
  return {
    rows: [], rowsRead: 0, rowsRejected: 0, batScale: null, mapping: {}, headerRow: 0,
    issues: [makeIssue("geen-kopregel", "fout", table.sheet, null,
      `Op blad '${table.sheet}' is in de eerste 30 rijen geen kopregel met bekende kolommen gevonden ` +
      `(zoals 'VHE-nummer', 'BAT-score', 'Aantal' of 'BAT 0' … 'BAT 4'). Zet de kolomkoppen in één rij ` +
      `boven de gegevens, of kies de kolommen zelf (--kolom veld="Kop" of in het taakvenster).`)],
  };
}

/**
 * Reads a stock table.
 *
 * - Header: the best-scoring row among the first 30 (title and blank rows skipped). A wide BAT
 *   header ("BAT 0" … "BAT 4" columns) hands the table to `readWideBat`.
 * - Columns: `mapColumns` (synonyms + overrides). No BAT column → `waarschuwing`
 *   "bat-kolom-ontbreekt" (every dwelling's BAT is then unknown).
 * - Rows: every field of `StockRow` (see stock-row.ts). A row is set aside, with a `fout`
 *   naming the cell, when its BAT is unreadable, not whole or out of range, its `aantal` is
 *   zero, negative, decimal or text, its BAT form contradicts the column's scale, or its id was
 *   seen before (the message names both cells; the first row counts).
 * - BAT scale: see bat-scale.ts. The chosen scale and how it was chosen is an `info`.
 * - Total rows ("Totaal", "TOTAAL", "Generaal totaal", ...) are never counted; with an `aantal`
 *   column, the total is checked against the rows above it (since the previous total, or all)
 *   and a mismatch is a `waarschuwing` "totaal-klopt-niet" naming the total's cell.
 *
 * @param table raw cells of one sheet or Excel table.
 * @param options overrides and BAT scale setting.
 * @returns rows, the balance `rowsRead = rows.length + rowsRejected`, the scale, the mapping as
 *   header texts, the 1-based header row (0 when none was found) and all issues.
 */
export function readStock(table: RawTable, options: StockOptions): StockIngest {
  const values = table.values;
  const headerIndex = findHeaderRow(values, (row) => voorraadHeaderScore(row, options.overrides));
  if (headerIndex < 0) return noHeader(table);
  const header = values[headerIndex];
  if (isWideBatHeader(header)) return readWideBat(table, headerIndex, options);

  const sheet = table.sheet;
  const headerRow = table.originRow + headerIndex;
  const mapped = mapColumns(header, options.overrides ?? {}, { sheet, headerRowNumber: headerRow, originCol: table.originCol });
  const { mapping, headers } = mapped;
  const issues: Issue[] = [...mapped.issues];
  const log = new IssueLog();
  const numericScale = numericScaleFor(options.scale);
  const ctx = makeStockRowContext(table, mapping, headers, numericScale, log);

  if (mapping.bat === undefined) {
    issues.push(makeIssue("bat-kolom-ontbreekt", "waarschuwing", sheet, null,
      `Op blad '${sheet}' is geen kolom met BAT-scores gevonden (kopregel rij ${headerRow}). Alle woningen ` +
      `krijgen BAT onbekend. Staat de score er wel, kies die kolom dan zelf (--kolom bat="Kop" of in het taakvenster).`));
  }

  const mappedCols = [...new Set(Object.values(mapping))];
  const headerTexts = header.map((v) => cellText(v));
  const parsed: ParsedStockRow[] = [];
  /** id → 0-based row index of its first occurrence. */
  const seenIds = new Map<string, number>();
  let rowsRead = 0;
  let sinceTotal = 0;
  let grand = 0;
  let invalidSinceTotal = 0;

  const skip = (r: number, why: string): void => {
    log.addCapped("rij-overgeslagen",
      () => makeIssue("rij-overgeslagen", "info", sheet, tableCell(table, r, 0),
        `Rij ${table.originRow + r} op blad '${sheet}' is overgeslagen: ${why}.`),
      (extra) => makeIssue("rij-overgeslagen", "info", sheet, null,
        `Op blad '${sheet}' zijn nog ${extra} rijen overgeslagen (kopregels, voetnoten of rijen zonder gegevens in herkende kolommen).`));
  };

  for (let r = headerIndex + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const fill = rowFill(cells);
    if (fill.count === 0) continue;

    if (isTotalRow(cells, mapping.id)) {
      if (mapping.aantal !== undefined) {
        checkTotal(table, r, mapping.aantal, sinceTotal, grand, invalidSinceTotal, log);
      }
      sinceTotal = 0;
      invalidSinceTotal = 0;
      continue;
    }
    let hasData = false;
    for (const c of mappedCols) {
      if (!isMissing(cells[c])) {
        hasData = true;
        break;
      }
    }
    if (!hasData) {
      skip(r, "er staat niets in een herkende kolom");
      continue;
    }
    if (isRepeatedHeader(cells, mappedCols, headerTexts)) {
      skip(r, "dit is een herhaalde kopregel");
      continue;
    }
    if (fill.count === 1) {
      const only = cells[fill.first];
      if (typeof only === "string" && isNoteText(only)) {
        skip(r, `het is een voetnoot ('${only.trim().slice(0, 40)}')`);
        continue;
      }
    }

    rowsRead++;
    const p = readStockRow(ctx, r);
    if (p.aantalForTotals === null) invalidSinceTotal++;
    else {
      sinceTotal += p.aantalForTotals;
      grand += p.aantalForTotals;
    }
    if (p.row.id !== null && mapping.id !== undefined) {
      const first = seenIds.get(p.row.id);
      if (first !== undefined) {
        p.ok = false;
        const here = tableCell(table, r, mapping.id);
        log.add(makeIssue("id-dubbel", "fout", sheet, here,
          `Cel ${here} op blad '${sheet}': eenheid '${p.row.id}' staat ook in cel ${tableCell(table, first, mapping.id)}; ` +
          `deze rij is apart gezet (de eerste telt). Controleer of het om dezelfde woning gaat en verwijder of corrigeer de dubbele rij.`));
      } else {
        seenIds.set(p.row.id, r);
      }
    }
    parsed.push(p);
  }

  const settled = settleBatScale(parsed, table, mapping.bat, headers.bat ?? "", options.scale, numericScale, log);
  const { rows, rejected, batScale } = settled;
  if (settled.info !== null) issues.push(settled.info);
  issues.push(...log.finish());
  return { rows, rowsRead, rowsRejected: rejected, batScale, mapping: headers, headerRow, issues };
}

/** A copy of the header inside the data (exports that repeat it per page): the first mapped
 * column holds its own header text, and so does a second one when there is one. */
function isRepeatedHeader(cells: CellValue[], mappedCols: number[], headerTexts: (string | null)[]): boolean {
  let same = 0;
  for (const c of mappedCols) {
    const v = cells[c];
    const h = headerTexts[c];
    if (typeof v !== "string" || h === null || v.length < h.length || v.trim() !== h) return false;
    if (++same === 2) return true;
  }
  return same === mappedCols.length;
}

/** Compares a total row's aantal with the rows above it. */
function checkTotal(
  table: RawTable, r: number, col: number, sinceTotal: number, grand: number, invalid: number, log: IssueLog,
): void {
  const v = (table.values[r] ?? [])[col];
  const total = parseDutchNumber(v);
  if (total === null) return;
  if (sameNumber(total, sinceTotal) || sameNumber(total, grand)) return;
  const cell = tableCell(table, r, col);
  const note = invalid > 0 ? ` (${invalid} rijen met een ongeldig aantal zijn niet meegerekend)` : "";
  log.add(makeIssue("totaal-klopt-niet", "waarschuwing", table.sheet, cell,
    `Cel ${cell} op blad '${table.sheet}': het totaal (${formatNumber(total)}) is niet gelijk aan de som van de ` +
    `rijen erboven (${formatNumber(sinceTotal)})${note}. Het totaal telt niet mee; controleer de tabel.`));
}
