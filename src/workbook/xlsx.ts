/**
 * The workbook port over an .xlsx file held in memory, through ExcelJS. Used by the command line,
 * the tests and (later) the browser page. Reading converts ExcelJS cell values to `CellValue`s;
 * writing lays out sheet models as Excel tables with Dutch headers and number formats.
 */
import ExcelJS from "exceljs";
import { checkContainer } from "./container";
import { sheetMissing, unreadableWorkbook } from "./messages";
import { UserError } from "../domain/issues";
import type { CellValue, RawTable } from "../ingest/types";
import { columnWidths, layoutSheet, NUMBER_FORMATS, type SheetKind, type SheetModel } from "../report/sheet-model";
import { chooseSheetName, META_SHEET, metaRows, parseMeta } from "./marker";
import type { SheetInfo, StoredSettings, WorkbookPort, WriteOutcome } from "./port";

/** Converts one ExcelJS cell value to a `CellValue`: formulas give their cached result, rich
 * text and hyperlinks their text, errors a `CellError`. */
export function toCellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && !(result instanceof Date)) return "error" in result ? { error: String(result.error) } : null;
      return result as CellValue;
    }
    if ("text" in v) {
      const text = (v as ExcelJS.CellHyperlinkValue).text;
      return typeof text === "string" ? text : null;
    }
  }
  return null;
}

/** Maps an ExcelJS load failure to a plain Dutch message. */
function loadError(err: unknown, label: string): UserError {
  const raw = err instanceof Error ? err.message : String(err);
  if (/password|encrypt|CDF|compound/i.test(raw)) {
    return new UserError(`${label} is met een wachtwoord beveiligd of versleuteld; sla de werkmap zonder wachtwoord op en probeer het opnieuw.`);
  }
  return unreadableWorkbook(label);
}

/** An .xlsx workbook in memory behind the `WorkbookPort` interface. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /**
   * Loads an .xlsx from bytes.
   * @param data file contents. @param label how to name the file in messages (e.g. "Bestand 'x.xlsx'").
   * @throws UserError (Dutch) when the bytes are not a readable .xlsx workbook.
   */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, label = "Het bestand"): Promise<XlsxWorkbook> {
    const workbook = new ExcelJS.Workbook();
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    // Not a zip container: empty, CSV, old .xls or an encrypted (CFB) file, each with its own
    // Dutch message (the same as the command line's, container.ts).
    checkContainer(bytes, label);
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (err) {
      throw loadError(err, label);
    }
    return new XlsxWorkbook(workbook);
  }

  /** A new, empty workbook (tests, browser page). */
  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  private meta() {
    const ws = this.workbook.getWorksheet(META_SHEET);
    if (!ws) return parseMeta([]);
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows.push([1, 2, 3].map((c) => toCellValue(row.getCell(c).value)));
    });
    return parseMeta(rows);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const own = this.meta().sheets;
    const kindByName = new Map(Object.entries(own).map(([k, n]) => [n as string, k as SheetKind]));
    return this.workbook.worksheets
      .filter((ws) => ws.name !== META_SHEET)
      .map((ws) => ({
        name: ws.name,
        rowCount: ws.actualRowCount === 0 ? 0 : ws.rowCount,
        columnCount: ws.actualColumnCount === 0 ? 0 : ws.columnCount,
        resultKind: kindByName.get(ws.name) ?? null,
      }));
  }

  async readSheet(name: string): Promise<RawTable> {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw sheetMissing(name);
    const sheetValues = ws.getSheetValues() as unknown as (ExcelJS.CellValue[] | undefined)[];
    const values: CellValue[][] = [];
    for (let r = 1; r < sheetValues.length; r++) {
      const src = sheetValues[r];
      if (!src) {
        values.push([]);
        continue;
      }
      const out: CellValue[] = new Array(Math.max(src.length - 1, 0));
      for (let c = 1; c < src.length; c++) out[c - 1] = toCellValue(src[c]);
      values.push(out);
    }
    return { sheet: name, tableName: null, originRow: 1, originCol: 1, values };
  }

  async readSettings(): Promise<StoredSettings | null> {
    return this.meta().settings;
  }

  /**
   * Writes the result sheets: our previous result sheets (listed in the meta sheet) are replaced;
   * a user's sheet with the same name is left alone and ours gets another name ("Tekort (2)"),
   * with a Dutch message in the outcome.
   *
   * All or nothing: our previous sheets and the meta sheet are first set aside under temporary
   * names, the new sheets are written, and only then are the old ones removed. When writing
   * fails, the sheets written so far are removed and the old ones get their names back, so the
   * workbook is as it was and a second attempt starts clean.
   * @throws whatever ExcelJS throws while laying out a sheet (after the rollback).
   */
  async writeResults(models: SheetModel[], settings: StoredSettings): Promise<WriteOutcome> {
    const ownNames = new Set(Object.values(this.meta().sheets) as string[]);
    const parked = this.workbook.worksheets
      .filter((ws) => ownNames.has(ws.name) || ws.name === META_SHEET)
      .map((ws) => ({ ws, name: ws.name }));
    for (const p of parked) p.ws.name = this.freeName("_batbzk_oud");
    const userNames = this.workbook.worksheets.filter((ws) => !parked.some((p) => p.ws === ws)).map((ws) => ws.name);

    const outcome: WriteOutcome = { sheets: {}, messages: [] };
    const added: ExcelJS.Worksheet[] = [];
    try {
      for (const model of models) {
        const { name, message } = chooseSheetName(model.name, [...userNames, ...added.map((w) => w.name)], new Set());
        if (message) outcome.messages.push(message);
        const ws = this.workbook.addWorksheet(name);
        added.push(ws);
        writeSheet(ws, model);
        outcome.sheets[model.kind] = name;
      }
      const meta = this.workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
      added.push(meta);
      for (const row of metaRows(outcome.sheets, settings)) meta.addRow(row);
    } catch (err) {
      for (const ws of added) this.workbook.removeWorksheet(ws.id);
      for (const p of parked) p.ws.name = p.name;
      throw err;
    }
    for (const p of parked) this.workbook.removeWorksheet(p.ws.id);
    return outcome;
  }

  /** A sheet name starting with `base` that no sheet has (compared case-insensitively). */
  private freeName(base: string): string {
    const taken = new Set(this.workbook.worksheets.map((ws) => ws.name.toLowerCase()));
    for (let i = 1; ; i++) {
      if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
    }
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }
}

/** Lays one sheet model out on an ExcelJS worksheet (title, notes, captions, Excel tables). */
function writeSheet(ws: ExcelJS.Worksheet, model: SheetModel): void {
  const layout = layoutSheet(model);
  const title = ws.getCell(1, 1);
  title.value = model.title;
  title.font = { bold: true, size: 14 };
  model.notes.forEach((note, i) => {
    const cell = ws.getCell(layout.notesStartRow + i, 1);
    cell.value = note;
    cell.font = { italic: true, color: { argb: "FF555555" } };
  });
  model.tables.forEach((table, ti) => {
    const pos = layout.tables[ti];
    const caption = ws.getCell(pos.captionRow, 1);
    caption.value = table.caption;
    caption.font = { bold: true };
    const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
    ws.addTable({
      name: table.name,
      ref: `A${pos.headerRow}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: rows.map((r) => r.slice()),
    });
    table.columns.forEach((col, ci) => {
      const fmt = NUMBER_FORMATS[col.kind];
      for (let r = pos.headerRow + 1; r <= pos.lastRow; r++) {
        const cell = ws.getCell(r, ci + 1);
        if (col.kind !== "text" && fmt) cell.numFmt = fmt;
      }
    });
  });
  const widths = columnWidths(model);
  for (const [ci, w] of widths) ws.getColumn(ci + 1).width = w;
}
