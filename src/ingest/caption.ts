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
 * @example captionParts({ sheet: "Tabel 3", tableName: null, originRow: 1, originCol: 1, values: [["Tabel 3: Aanbod – vraag (- = tekort), per 1 januari 2024"], [], ["Woonvorm", "2030"]] }, 2) ===
 *   ["Tabel 3", "", "Tabel 3: Aanbod – vraag (- = tekort), per 1 januari 2024"]
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

/** {@link captionParts} joined by spaces, lower case, accents removed: for looking up words.
 * @example captionWords({ sheet: "Geïnventariseerd aanbod", tableName: "Aanbod", originRow: 1, originCol: 1, values: [["Woonvorm", "2030"]] }, 0) === "geinventariseerd aanbod aanbod" */
export function captionWords(table: RawTable, headerIndex: number): string {
  return captionParts(table, headerIndex).join(" ").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/**
 * The reference date a caption names ("per peildatum 01-01-2020", "per 1 januari 2024",
 * "1-1-2020"), as day-month-year without leading zeros ("1-1-2020"); null when it names none or
 * more than one.
 * @param headerIndex 0-based header row; the sheet name, table name and title rows above it are read.
 * @example captionDate({ sheet: "Tabel 3", tableName: null, originRow: 1, originCol: 1, values: [["Tabel 3: Aanbod – vraag (- = tekort), per 1 januari 2024"], [], ["Woonvorm", "2030"]] }, 2) === "1-1-2024";
 *   captionDate({ sheet: "Voorraad per peildatum 01-01-2020", tableName: null, originRow: 1, originCol: 1, values: [] }, 0) === "1-1-2020"
 */
export function captionDate(table: RawTable, headerIndex: number): string | null {
  const text = captionParts(table, headerIndex).join(" ").toLowerCase();
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/g)) found.add(`${Number(m[1])}-${Number(m[2])}-${m[3]}`);
  for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})(?!\\d)`, "g"))) {
    found.add(`${Number(m[1])}-${MONTHS.indexOf(m[2]) + 1}-${m[3]}`);
  }
  return found.size === 1 ? [...found][0] : null;
}

