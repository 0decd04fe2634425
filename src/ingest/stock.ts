/**
 * Reading a stock table (voorraad) from a `RawTable`: one row per dwelling (VHE), grouped rows
 * with an `aantal` column, or a wide BAT table (delegated to wide-bat.ts); docs/handleiding.md §3.
 *
 * The work is done by `StockRowReader` (stock-reader.ts), which takes rows one at a time so that
 * the streaming workbook reader of the command line shares this very implementation.
 *
 * Balance, always: `rowsRead === rows.length + rowsRejected`. Blank rows, title rows, the
 * header, repeated headers, footnotes, rows with nothing in a recognised column and total rows
 * are not data rows; all but blank rows get an `info` so the user can see they were skipped.
 */
import type { RawTable, StockIngest } from "./types";
import { StockRowReader, type StockOptions } from "./stock-reader";

export { StockRowReader, stockHeaderScore, type StockOptions, type StockSource } from "./stock-reader";

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
 * @example ((r) => [r.rows.toArray().map((x) => [x.id, x.complex, x.bat, x.rowNumber]), r.rowsRead, r.rowsRejected, r.batScale, r.headerRow, r.issues.map((i) => `${i.code} ${i.cell}`)])(
 *   readStock({ sheet: "Voorraad", tableName: null, originRow: 1, originCol: 1, values: [
 *     ["VHE-nummer", "Complex", "BAT-score", "Aantal"], ["1001", "C12", 3, 1], ["1002", "C12", "BAT 4 Verpleegzorg geschikt", 1], ["1003", "C12", "BAT 5", 1], ["Totaal", null, null, 3]] },
 *   { scale: "auto" })) ===
 *   [[["1001", "C12", 3, 2], ["1002", "C12", 4, 3]], 3, 1, "limburg", 1, ["bat-schaal null", "bat-buiten-bereik C4"]]
 */
export function readStock(table: RawTable, options: StockOptions): StockIngest {
  const reader = new StockRowReader(table, options);
  const values = table.values;
  for (let r = 0; r < values.length; r++) reader.push(values[r] ?? []);
  return reader.finish();
}
