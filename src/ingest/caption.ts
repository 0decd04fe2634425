/**
 * What names a table besides its header: the sheet name, the Excel table name and the title rows
 * above the header (a caption as printed, "Tabel 3: Aanbod – vraag (- = tekort)"). Table
 * recognition (detect.ts) looks for words in it; the saldo reader (saldo.ts) also reads the sign
 * convention and rounding from it.
 */
import type { RawTable } from "./types";
import { cellText } from "./cells";
import { isTitleRow } from "./row-kinds";

/**
 * Sheet name, table name ("" when none) and the texts of the title rows above the header, in
 * order (blank rows and other rows above the header are skipped).
 * @param headerIndex 0-based header row; rows before it are searched.
 */
export function captionParts(table: RawTable, headerIndex: number): string[] {
  const parts = [table.sheet, table.tableName ?? ""];
  for (let r = 0; r < headerIndex; r++) {
    const row = table.values[r];
    if (!isTitleRow(row)) continue;
    for (const v of row) {
      const t = cellText(v);
      if (t !== null) parts.push(t);
    }
  }
  return parts;
}

/** {@link captionParts} joined by spaces, lower case, accents removed: for looking up words. */
export function captionWords(table: RawTable, headerIndex: number): string {
  return captionParts(table, headerIndex).join(" ").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}
