/**
 * Settling the BAT scale of a stock table's BAT column once all rows are read: decide the
 * scale (bat-scale.ts), give every row in that scale its `bat`/`batScale`, and set aside, with
 * a `fout` naming the cell, every row whose value is written in the other scale.
 */
import { type Issue, makeIssue } from "../domain/issues";
import type { BatScale } from "../domain/types";
import type { StockColumns } from "../domain/stock-columns";
import { cellText } from "./cells";
import { formScale } from "./bat-values";
import { scaleName } from "../domain/bat";
import { decideBatScale, scaleConflict, type ScaleSetting } from "./bat-scale";
import { IssueLog, formatNumber, tableCell } from "./messages";
import type { ParsedRows, TablePlace } from "./stock-row";

/** Result of {@link settleBatScale}. */
export interface SettledRows {
  /** Rows kept, in table order, column-wise. */
  rows: StockColumns;
  /** Rows set aside (earlier `fout`s and scale conflicts). */
  rejected: number;
  batScale: BatScale | null;
  /** `info` "bat-schaal" saying which scale and why; null when there are no BAT values. */
  info: Issue | null;
}

/**
 * Decides the BAT column's scale and settles every row.
 *
 * Also adds one `waarschuwing` "bat-schrijfwijze" when the column holds "BAT0" next to VERA
 * codes: VERA has no BAT0, so the column probably holds Limburg scores written without a space
 * ("BAT0" … "BAT4"). The rows are still settled by the rule (nothing is guessed); the warning
 * tells the user how to write them so they can be read.
 *
 * @param parsed rows as read by `readStockRow`, in table order.
 * @param table where the table sits (for cell addresses).
 * @param batCol 0-based BAT column, undefined when there is none.
 * @param batHeader header text of the BAT column (for messages).
 * @param setting user scale setting.
 * @param numericScale scale plain numbers were read on.
 * @param log where row-level issues go.
 */
export function settleBatScale(
  parsed: ParsedRows, table: TablePlace, batCol: number | undefined, batHeader: string, setting: ScaleSetting,
  numericScale: BatScale, log: IssueLog,
): SettledRows {
  const n = parsed.length;
  const rowIndex = (i: number) => parsed.rows.rowNumber[i] - table.originRow;
  // Values by how they were written: Limburg form, VERA form, plain number.
  const written = { limburg: 0, vera: 0, getal: 0 };
  let bareZero = -1;
  for (let i = 0; i < n; i++) {
    const level = parsed.level(i);
    if (level < 0) continue;
    const form = parsed.form(i);
    written[form]++;
    if (bareZero < 0 && form === "limburg" && level === 0 && batCol !== undefined) {
      const raw = cellText(parsed.batCells[i]);
      if (raw !== null && raw.toLowerCase() === "bat0") bareZero = rowIndex(i);
    }
  }
  // Plain numbers count towards the scale they are read on.
  const counts = {
    limburg: written.limburg + (numericScale === "limburg" ? written.getal : 0),
    vera: written.vera + (numericScale === "vera" ? written.getal : 0),
  };
  const batScale = decideBatScale(setting, counts.limburg, counts.vera);
  let rejected = 0;
  for (let i = 0; i < n; i++) {
    const level = parsed.level(i);
    if (level >= 0 && batScale !== null) {
      const form = parsed.form(i);
      if (formScale(form, numericScale) === batScale) {
        parsed.rows.setBat(i, level, batScale);
      } else if (batCol !== undefined) {
        const cell = tableCell(table, rowIndex(i), batCol);
        const raw = cellText(parsed.batCells[i]) ?? "";
        const { code, message } = scaleConflict(`Cel ${cell} op blad '${table.sheet}'`, raw, level, form,
          batScale, setting, counts, "de rij");
        log.add(makeIssue(code, "fout", table.sheet, cell, message));
        parsed.reject(i);
      }
    }
    if (!parsed.ok(i)) rejected++;
  }
  // The rows set aside are dropped from the columns (in place), and the unused room freed.
  const rows = parsed.rows;
  if (rejected > 0) rows.keep((i) => parsed.ok(i));
  rows.trim();
  if (bareZero >= 0 && batCol !== undefined && written.vera > 0) {
    const cell = tableCell(table, bareZero, batCol);
    log.add(makeIssue("bat-schrijfwijze", "waarschuwing", table.sheet, cell,
      `In kolom '${batHeader}' op blad '${table.sheet}' staat 'BAT0' (cel ${cell}) naast VERA-codes zoals 'BAT1'. ` +
      `VERA kent geen BAT0; staan hier Limburgse scores zonder spatie, schrijf ze dan als 'BAT 0' … 'BAT 4' of als ` +
      `getal 0 … 4 en lees het bestand opnieuw.`));
  }
  const info = batScale === null ? null : makeIssue("bat-schaal", "info", table.sheet, null,
    scaleInfo(table.sheet, batScale, setting, written.getal, written[batScale]));
  return { rows, rejected, batScale, info };
}

/** Info text: which scale, and why. */
function scaleInfo(sheet: string, scale: BatScale, setting: ScaleSetting, plain: number, coded: number): string {
  if (setting !== "auto") return `BAT-scores op blad '${sheet}' zijn gelezen op de ${scaleName(scale)}, zoals gekozen in de instellingen.`;
  const how = scale === "vera"
    ? `herkend aan ${formatNumber(coded)} VERA-codes (BAT1 t/m BAT5)`
    : coded === 0
      ? `alleen getallen: die gelden als Limburgse score, tenzij in de instellingen de VERA-schaal is gekozen`
      : `herkend aan ${formatNumber(coded)} Limburgse waarden (zoals 'BAT 2' of 'rollatorbewoonbaar')` +
        (plain > 0 ? ` en ${formatNumber(plain)} getallen` : "");
  return `BAT-scores op blad '${sheet}' zijn gelezen op de ${scaleName(scale)} (${how}).`;
}
