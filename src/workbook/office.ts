/// <reference types="office-js" />
/**
 * The workbook port inside Excel, through the Office.js Excel JavaScript API.
 *
 * Runtime access to Excel goes only through the injected `run` (in production `Excel.run`, in
 * tests the in-memory host of test/office-host); this module uses Office.js types only, so it
 * loads (and compiles for the CLI) without office.js.
 *
 * Batching (design.md, office-js-docs-pr docs/excel/performance.md): functions queue loads and
 * writes on proxies and call `context.sync()` once per step or chunk, never per row. Large sheets
 * are read and written in chunks of rows sized from a byte budget per request (default 2 MiB of
 * UTF-8 JSON: writes measure each row's values and formats before sending, reads size the next
 * chunk from the measured size of the previous ones), bounded by a cell budget, so that every
 * request and response stays well under Excel on the web's 5 MB limit; on a size error the chunk
 * is halved and retried. The number of syncs therefore grows with rows / chunk. Calculation is
 * suspended in every write request; progress is reported and cancellation checked per chunk.
 *
 * Our own sheets are recognised through the meta sheet, by `Worksheet.id` where the ids are
 * valid and by name otherwise (marker.ts).
 *
 * Requirement sets (lowest that the code needs: ExcelApi 1.7):
 * - ExcelApi 1.1: worksheets (load, add, getItem, delete, name, id), Range values/numberFormat/
 *   address/rowCount/columnCount/format.font, tables.add with a string address, Table.name/style,
 *   charts.add, Chart.title/setPosition, ChartSeries.name, getSelectedRange, Worksheet.activate;
 * - ExcelApi 1.2: setting Worksheet.visibility (the very hidden meta sheet), RangeFormat.columnWidth
 *   (set, and read for the backup of a sheet updated in place), Table.convertToRange (undo);
 * - ExcelApi 1.4: getItemOrNullObject, getUsedRangeOrNullObject, isNullObject;
 * - ExcelApi 1.6: Application.suspendApiCalculationUntilNextSync;
 * - ExcelApi 1.7: ChartSeries.setXAxisValues (category labels of the Tekort chart, whose label
 *   and value columns are not adjacent). Only this one call needs 1.7; without the Tekort chart
 *   the requirement would be 1.6.
 * - ExcelApi 1.9, optional (checked at run time, `IN_PLACE_EXCEL_API`): Range.copyFrom, to update
 *   our earlier result sheets in place; Range.clear, Table.delete, Chart.delete (1.1) with it.
 */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../domain/excel-limits";
import { cellAddress, UserError } from "../domain/issues";
import type { CellValue, RawTable } from "../ingest/types";
import { CHART_TABLES, columnWidths, layoutSheet, NUMBER_FORMATS, type ColumnKind, type ModelValue, type SheetKind, type SheetModel, type TableModel } from "../report/sheet-model";
import { nlInt } from "../report/format";
import { chooseSheetName, META_SHEET, type MetaIds, metaRows, parseMeta, resolveOwnSheets, type SheetRef } from "./marker";
import { officeErrorCode, shouldShrink, toUserError } from "./office-errors";
import type { RunControl, SheetInfo, StoredSettings, WorkbookPort, WriteOutcome } from "./port";

/** The lowest ExcelApi requirement set this adapter needs (for the manifest's <Requirements>). */
export const REQUIRED_EXCEL_API = "1.7";

/** `Excel.run`'s shape: runs a batch function with a fresh request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Options of the Office.js adapter. */
export interface OfficeWorkbookOptions extends RunControl {
  /**
   * Upper bound of cells per request when reading or writing in chunks (default
   * {@link DEFAULT_CHUNK_CELLS}). The byte budget usually decides first.
   */
  chunkCells?: number;
  /**
   * Budget in bytes per request (writing) and response (reading): the UTF-8 JSON size of the
   * values and number formats in it (default {@link DEFAULT_REQUEST_BYTES}). Chunks are sized
   * from it; on a size error from Excel the chunk is halved and retried.
   */
  requestBytes?: number;
  /**
   * Whether Excel supports an ExcelApi requirement set ("1.9"). Default: Office.js's
   * `Office.context.requirements.isSetSupported("ExcelApi", v)` when Office.js is loaded, else
   * true (tests, with the in-memory host that models it).
   */
  supports?: (excelApi: string) => boolean;
}

/**
 * The requirement set for updating our earlier result sheets in place (`Range.copyFrom`,
 * ExcelApi 1.9: Microsoft 365, Excel 2021 and later, Excel on the web). Without it (Excel 2016,
 * 2019) they are replaced by new sheets as before, and a user's reference to them breaks.
 */
export const IN_PLACE_EXCEL_API = "1.9";

/** Office.js's requirement check when Office.js is loaded; true otherwise. */
function officeSupports(excelApi: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, v: string): boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", excelApi) : true;
}

/**
 * Default byte budget per request or response: 2 MiB, 40% of Excel on the web's 5 MB limit
 * ("Excel on the web has a payload size limit for requests and responses of 5MB",
 * office-js-docs-pr docs/concepts/resource-limits-and-performance-optimization.md). The margin
 * covers what Excel adds around the values (object paths, operation names) and the estimate of
 * a read's size before it is made.
 */
export const DEFAULT_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * Default upper bound of cells per request: 200,000 (13,333 rows of a 15-column table), far
 * below the documented 5,000,000 cells per read and in line with chunks of 5,000-20,000 rows
 * (toolchain.md). Keeps a request of many tiny cells (empty texts, zeros) from growing large in
 * work for Excel even when its bytes are few.
 */
export const DEFAULT_CHUNK_CELLS = 200_000;

/**
 * Bytes per cell assumed for the first chunk of a read, before any response has been measured:
 * a value of up to ~46 characters with quotes and a comma (stock sheets hold ids, codes, short
 * names and numbers: typically 5-25 bytes). Later chunks are sized from the largest bytes per
 * row measured so far.
 */
export const INITIAL_BYTES_PER_CELL = 50;

/** Allowance in a request per operation other than cell values (a range address, a table, a
 * format), in bytes. */
const OPERATION_BYTES = 300;


/**
 * Length in bytes of a string encoded as UTF-8 (what goes over the wire; `String.length` counts
 * UTF-16 code units: "é" is 1 unit and 2 bytes, "→" 1 unit and 3 bytes, an emoji 2 units and 4).
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    // 0x80-0x7FF: 2 bytes; a surrogate half: 2 of the pair's 4 bytes; other BMP: 3 bytes.
    n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/** Text that JSON.stringify copies as it is, one byte per character (the common case). */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7f]*$/;

/** Characters that JSON.stringify escapes with two characters (\n, \", ...); other control
 * characters become \uXXXX (6 bytes). */
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x22, 0x5c]);

/**
 * UTF-8 size of `JSON.stringify(v)` for one cell value (text, number, boolean or null), computed
 * without building the JSON text (the write loop measures millions of cells).
 */
export function jsonCellSize(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (typeof v !== "string") return 4; // null
  if (PLAIN_ASCII.test(v)) return v.length + 2;
  let n = v.length + 2;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    if (c < 0x20 || c === 0x22 || c === 0x5c) n += SHORT_ESCAPES.has(c) ? 1 : 5;
    else if (c === 0x7f) continue;
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A paired surrogate is 2 of 4 bytes; a lone one is escaped as \uXXXX (6 bytes).
      const pairedHigh = c <= 0xdbff && i + 1 < v.length && v.charCodeAt(i + 1) >= 0xdc00 && v.charCodeAt(i + 1) <= 0xdfff;
      const pairedLow = c >= 0xdc00 && i > 0 && v.charCodeAt(i - 1) >= 0xd800 && v.charCodeAt(i - 1) <= 0xdbff;
      n += pairedHigh || pairedLow ? 1 : 5;
    } else n += c < 0x800 ? 1 : 2;
  }
  return n;
}

/** UTF-8 size of `JSON.stringify(row)` for a row of cell values: brackets, commas, cells. */
export function jsonRowSize(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += jsonCellSize(v);
  return n;
}

/** UTF-8 size of the JSON of a 2-D array of cell values. */
export function jsonSize(rows: readonly (readonly unknown[])[]): number {
  let n = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) n += jsonRowSize(row);
  return n;
}

const CANCELLED = "Analyse geannuleerd.";
const TABLE_STYLE = "TableStyleMedium2";
const TEMP_PREFIX = "_batbzk_tmp";

/**
 * Excel error values as `Range.values` returns them for error cells (English; Dutch forms are
 * included in case a localised Excel returns those). A text cell that holds exactly such a text
 * is read as an error too: the ingest treats both as a missing value, so `valueTypes` (which
 * would double the response size) is not loaded.
 */
const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
  "#LEEG!", "#DEEL/0!", "#WAARDE!", "#VERW!", "#NAAM?", "#GETAL!", "#N/B", "#OVERLOOP!", "#BEREKENEN!",
  "#VELD!", "#GEBLOKKEERD!", "#VERBINDING!", "#BEZET!", "#ONBEKEND!",
]);

/**
 * One element of `Range.values` as a `CellValue`: "" (empty cell) → null; an error text such as
 * "#N/A" → `{ error }`; numbers, booleans and other text as they are. Dates arrive as serial
 * numbers (Office.js gives no Date objects; number formats are not loaded to tell them apart).
 */
export function officeCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return ERROR_VALUES.has(v) ? { error: v } : v;
  return String(v);
}

/** A row of `Range.values` as cell values, without its trailing empty cells. */
function trimmedRow(row: unknown[]): CellValue[] {
  const cells = row.map(officeCellValue);
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** A rectangle on a sheet: 1-based top-left and size. */
export interface CellArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Parses an address as `Range.address` gives it: "Blad1!B3:D10", "'Mijn blad'!A1", "B3", and the
 * whole-column / whole-row forms "A:C" and "3:5" (a selection of entire columns).
 * @throws Error for anything else (a programming error, not a user error).
 */
export function parseRangeAddress(address: string): CellArea {
  const ref = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [a, b = a] = ref.split(":");
  let m = /^([A-Z]+)(\d+)$/.exec(a);
  let n = /^([A-Z]+)(\d+)$/.exec(b);
  if (m && n) {
    const r0 = Number(m[2]), c0 = col(m[1]), r1 = Number(n[2]), c1 = col(n[1]);
    return { row: Math.min(r0, r1), col: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
  }
  m = /^([A-Z]+)$/.exec(a);
  n = /^([A-Z]+)$/.exec(b);
  if (m && n) {
    const c0 = col(m[1]), c1 = col(n[1]);
    return { row: 1, col: Math.min(c0, c1), rows: EXCEL_MAX_ROWS, cols: Math.abs(c1 - c0) + 1 };
  }
  m = /^(\d+)$/.exec(a);
  n = /^(\d+)$/.exec(b);
  if (m && n) {
    const r0 = Number(m[1]), r1 = Number(n[1]);
    return { row: Math.min(r0, r1), col: 1, rows: Math.abs(r1 - r0) + 1, cols: EXCEL_MAX_COLUMNS };
  }
  throw new Error(`Unexpected range address from Excel: ${address}`);
}

/** "A1:C5" (or "A1") for an area. */
function a1(area: CellArea): string {
  const first = cellAddress(area.row, area.col);
  return area.rows === 1 && area.cols === 1 ? first : `${first}:${cellAddress(area.row + area.rows - 1, area.col + area.cols - 1)}`;
}

/** Sheet name quoted for a qualified address: 'Naam'!A1 (quotes are always accepted). */
function qualified(sheet: string, area: CellArea): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1(area)}`;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** True for text that Excel would take as a formula (or a signed number) when written through
 * `Range.values` into a cell not formatted as text: it starts with =, +, - or @. */
export function looksLikeFormula(s: string): boolean {
  return s.length > 0 && (s[0] === "=" || s[0] === "+" || s[0] === "-" || s[0] === "@");
}

/** Character width → points (Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px).
 * An approximation: Office.js sets widths in points, ExcelJS in characters. */
function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** One unit of writing work: a block of cells, or an operation on a (temporary) sheet. */
type Step =
  | {
      kind: "cells";
      sheet: string;
      /** Top-left cell (1-based) and size of the block. */
      row: number;
      col: number;
      width: number;
      count: number;
      /** Values and number formats of the i-th row (0-based), made when the row is sent, so a
       * table of a million rows is never copied as a whole. `formats` may return the same
       * array for consecutive rows (read-only). */
      values: (i: number) => (string | number)[];
      formats: (i: number) => string[];
      /** Whether the rows count for progress (table body rows). */
      counts: boolean;
    }
  | { kind: "op"; apply: (context: Excel.RequestContext, sheet: (name: string) => Excel.Worksheet) => void };

/** A result table as planned: where it goes and its temporary and final names. */
interface TablePlan {
  model: TableModel;
  tempName: string;
  finalName: string;
}

/** A result sheet as planned. */
interface SheetPlan {
  model: SheetModel;
  tempName: string;
  finalName: string;
  tables: TablePlan[];
  /** Staged without tables and charts (cells and formats only), because it is expected to be
   * copied onto our earlier sheet in place; tables and charts are then made at the swap. */
  bare: boolean;
}

/**
 * The workbook port over the open Excel workbook (Office.js).
 *
 * Every method runs one `run` batch and rethrows failures as `UserError` with a plain Dutch
 * message (see office-errors.ts). Cancellation through the signal (of the options, or of one run
 * through `forRun`) is checked before every chunk and rejects with UserError("Analyse geannuleerd.").
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly chunkCells: number;
  private readonly requestBytes: number;
  /** Whether our earlier result sheets are updated in place (Range.copyFrom, ExcelApi 1.9). */
  private readonly inPlace: boolean;

  /**
   * @param run `Excel.run` in production; the test host's `run` in tests.
   * @param options budgets per request, progress callback and cancellation.
   * @throws RangeError when a budget is not a positive number (a programming error).
   */
  constructor(
    private readonly run: ExcelRun,
    private readonly options: OfficeWorkbookOptions = {},
  ) {
    const budget = options.chunkCells ?? DEFAULT_CHUNK_CELLS;
    if (!Number.isFinite(budget) || budget < 1) throw new RangeError(`chunkCells must be at least 1, got ${budget}`);
    this.chunkCells = Math.floor(budget);
    const bytes = options.requestBytes ?? DEFAULT_REQUEST_BYTES;
    if (!Number.isFinite(bytes) || bytes < 1) throw new RangeError(`requestBytes must be at least 1, got ${bytes}`);
    this.requestBytes = Math.floor(bytes);
    this.inPlace = (options.supports ?? officeSupports)(IN_PLACE_EXCEL_API);
  }

  /**
   * The same workbook bound to one run: its own cancellation signal and progress callback (the
   * budgets stay). The task pane makes one per run, so cancelling one run never touches another.
   */
  forRun(control: RunControl): OfficeWorkbook {
    return new OfficeWorkbook(this.run, {
      chunkCells: this.chunkCells,
      requestBytes: this.requestBytes,
      supports: () => this.inPlace,
      signal: control.signal,
      onProgress: control.onProgress,
    });
  }

  /** Runs one batch; anything thrown comes out as a Dutch UserError. */
  private async batch<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(fn);
    } catch (err) {
      throw toUserError(err);
    }
  }

  private checkCancelled(): void {
    if (this.options.signal?.aborted) throw new UserError(CANCELLED);
  }

  /**
   * The workbook's sheets (all but the meta sheet, hidden ones included, like the ExcelJS
   * adapter) with the size of their used range (cells with values; 0 × 0 when blank) and, for
   * our own result sheets (listed in the meta sheet, recognised by worksheet id or name as
   * marker.ts `resolveOwnSheets` decides; earlier results the user renamed included), their kind.
   * Two syncs: the sheet list, then every used range and the meta sheet's values together.
   * ExcelApi 1.4 (getUsedRangeOrNullObject).
   * @throws UserError (Dutch) on an Office error.
   */
  async listSheets(): Promise<SheetInfo[]> {
    return this.batch(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync();
      const entries = worksheets.items
        .filter((ws) => !sameName(ws.name, META_SHEET))
        .map((ws) => ({ name: ws.name, used: ws.getUsedRangeOrNullObject(true).load("rowCount,columnCount") }));
      const metaSheet = worksheets.items.find((ws) => sameName(ws.name, META_SHEET));
      const metaRange = metaSheet ? metaSheet.getUsedRangeOrNullObject(true).load("address,values") : null;
      await context.sync();
      const own = resolveOwnSheets(metaFromRange(metaRange), sheetRefs(worksheets.items), metaSheet?.id ?? null);
      const results = [
        ...(Object.entries(own.current) as [SheetKind, string][]),
        ...own.kept.map((k): [SheetKind, string] => [k.kind, k.name]),
      ];
      const kindOf = (name: string): SheetKind | null => results.find(([, n]) => sameName(n, name))?.[0] ?? null;
      return entries.map(({ name, used }) => ({
        name,
        rowCount: used.isNullObject ? 0 : used.rowCount,
        columnCount: used.isNullObject ? 0 : used.columnCount,
        resultKind: kindOf(name),
      }));
    });
  }

  /**
   * All values of a sheet's used range (cells with values, ignoring formatting) as one RawTable
   * whose origin is the used range's top-left cell. Rows are read in chunks of the cell budget,
   * one sync per chunk; trailing empty cells of each row are dropped (rows may be ragged).
   * ExcelApi 1.4.
   * @throws UserError "Blad '…' bestaat niet in de werkmap." for an unknown sheet; UserError
   *   "Analyse geannuleerd." when cancelled; a Dutch UserError for other Office errors.
   */
  async readSheet(name: string): Promise<RawTable> {
    return this.batch(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true).load("address");
      try {
        await context.sync();
      } catch (err) {
        if (officeErrorCode(err) === "ItemNotFound") throw new UserError(`Blad '${name}' bestaat niet in de werkmap.`);
        throw err;
      }
      if (used.isNullObject) return { sheet: name, tableName: null, originRow: 1, originCol: 1, values: [] };
      const area = parseRangeAddress(used.address);
      const values = await this.readArea(context, ws, area);
      return { sheet: name, tableName: null, originRow: area.row, originCol: area.col, values };
    });
  }

  /**
   * Reads an area in row chunks, one sync each. A chunk's rows are bounded by the cell budget and
   * by the byte budget divided by the largest average bytes per row measured on a chunk so far
   * (with a 20% margin; the first chunk assumes {@link INITIAL_BYTES_PER_CELL}). On a size error
   * from Excel the estimate is doubled (the chunk halved) and the chunk retried.
   */
  private async readArea(context: Excel.RequestContext, ws: Excel.Worksheet, area: CellArea): Promise<CellValue[][]> {
    const out: CellValue[][] = [];
    const maxRows = Math.max(1, Math.floor(this.chunkCells / area.cols));
    let bytesPerRow = area.cols * INITIAL_BYTES_PER_CELL;
    let measured = false;
    let done = 0;
    while (done < area.rows) {
      this.checkCancelled();
      const rows = Math.min(area.rows - done, maxRows, Math.max(1, Math.floor(this.requestBytes / (bytesPerRow * 1.2))));
      const chunk = ws.getRange(a1({ row: area.row + done, col: area.col, rows, cols: area.cols })).load("values");
      try {
        // One sync per chunk of rows (thousands of cells), never per row: chunking is the point.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (err) {
        if (rows > 1 && shouldShrink(err, rows * bytesPerRow)) {
          bytesPerRow = Math.max(bytesPerRow, this.requestBytes / rows) * 2;
          continue;
        }
        throw err;
      }
      const values = chunk.values;
      const average = jsonSize(values) / rows;
      bytesPerRow = measured ? Math.max(bytesPerRow, average) : Math.max(1, average);
      measured = true;
      for (const row of values) out.push(trimmedRow(row));
      done += rows;
      this.options.onProgress?.(done, area.rows);
    }
    return out;
  }

  /**
   * The first `rows` rows of a sheet's used range (cells with values) as a RawTable, in one
   * request: for recognising a table and showing its header without reading the whole sheet
   * (opening the pane on a stock of 100,000 rows costs one small request per sheet). The used
   * range's first row is widened downwards with `getResizedRange` (ExcelApi 1.7) in the same
   * request; rows beyond the used range are dropped.
   * @param rows at least 1. @throws UserError as {@link readSheet}.
   */
  async readHead(name: string, rows: number): Promise<RawTable> {
    return this.batch(async (context) => {
      this.checkCancelled();
      const ws = context.workbook.worksheets.getItem(name);
      // getUsedRange (not ...OrNullObject): a blank sheet gives A1, so the head can be asked for
      // in the same request (documented in @types/office-js).
      const used = ws.getUsedRange(true).load("address");
      const head = used.getRow(0).getResizedRange(Math.max(1, Math.floor(rows)) - 1, 0).load("values");
      try {
        await context.sync();
      } catch (err) {
        if (officeErrorCode(err) === "ItemNotFound") throw new UserError(`Blad '${name}' bestaat niet in de werkmap.`);
        // A used range too close to the sheet's end to widen: read it whole (it is short).
        if (officeErrorCode(err) === "InvalidArgument") return this.readSheet(name);
        throw err;
      }
      const area = parseRangeAddress(used.address);
      const values = head.values.slice(0, area.rows).map(trimmedRow);
      const blank = values.every((r) => r.length === 0);
      return { sheet: name, tableName: null, originRow: area.row, originCol: area.col, values: blank ? [] : values };
    });
  }

  /**
   * The saved settings from the meta sheet, or null when there are none (or they are not valid
   * JSON). Two small syncs. ExcelApi 1.4.
   * @throws UserError (Dutch) on an Office error.
   */
  async readSettings(): Promise<StoredSettings | null> {
    return this.batch(async (context) => {
      const meta = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
      await context.sync();
      if (meta.isNullObject) return null;
      const used = meta.getUsedRangeOrNullObject(true).load("address,values");
      await context.sync();
      return metaFromRange(used).settings;
    });
  }

  /**
   * The user's selection as a RawTable on its own sheet: the part of the selected range that
   * lies within the sheet's used range (a selection of whole columns reads only the used rows),
   * read in chunks like `readSheet`. ExcelApi 1.4.
   * @throws UserError (Dutch), e.g. "Selecteer één aaneengesloten gebied …" for a multi-area
   *   selection (Office error InvalidSelection).
   */
  async readSelection(): Promise<RawTable> {
    return this.batch(async (context) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const ws = selected.worksheet;
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      const sel = parseRangeAddress(selected.address);
      const empty: RawTable = { sheet: ws.name, tableName: null, originRow: sel.row, originCol: sel.col, values: [] };
      if (used.isNullObject) return empty;
      const u = parseRangeAddress(used.address);
      const row = Math.max(sel.row, u.row);
      const col = Math.max(sel.col, u.col);
      const rowEnd = Math.min(sel.row + sel.rows, u.row + u.rows) - 1;
      const colEnd = Math.min(sel.col + sel.cols, u.col + u.cols) - 1;
      if (rowEnd < row || colEnd < col) return empty;
      const area = { row, col, rows: rowEnd - row + 1, cols: colEnd - col + 1 };
      const values = await this.readArea(context, ws, area);
      return { sheet: ws.name, tableName: null, originRow: row, originCol: col, values };
    });
  }

  /**
   * Makes a sheet the active one. ExcelApi 1.1.
   * @throws UserError "Blad '…' bestaat niet in de werkmap." for an unknown sheet; a Dutch
   *   UserError for other Office errors (e.g. a very hidden sheet cannot be activated).
   */
  async activateSheet(name: string): Promise<void> {
    return this.batch(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      try {
        await context.sync();
      } catch (err) {
        if (officeErrorCode(err) === "ItemNotFound") throw new UserError(`Blad '${name}' bestaat niet in de werkmap.`);
        throw err;
      }
    });
  }

  /**
   * Writes the result sheets with the same layout as the ExcelJS adapter (title, notes, captions,
   * each table an Excel table with Dutch headers and number formats), a chart on the Tekort and
   * Aanpassingspotentieel sheets, and the settings in the very hidden meta sheet.
   *
   * Only our own current result sheets are replaced (marker.ts `resolveOwnSheets`: by worksheet
   * id when the recorded ids are valid, otherwise by name). A user's sheet with one of our names
   * is never touched and ours gets "<naam> (2)" (with a message); an earlier result sheet that
   * the user renamed (e.g. "Tekort oud") is kept as it is, recorded as `bewaard`, and no longer
   * updated (with a message).
   *
   * All or nothing: new sheets are written under temporary names, in chunks sized from the byte
   * and cell budgets (one sync each, calculation suspended, progress after each); only when all
   * are written does one request, the swap, put them in place. With ExcelApi 1.9 an earlier
   * result sheet of the same kind and name is updated in place (its tables deleted, its cells
   * cleared, the temporary sheet's cells copied over with `Range.copyFrom`, widths, tables and
   * charts made again), so a user's references to it keep working; otherwise the old sheet and
   * its tables are renamed out of the way and the new sheet takes the name. The old meta sheet is
   * renamed out of the way too. A request that fails on one operation keeps what ran before it
   * (OfficeExtension.Error `traceMessages` in @types/office-js: the trace messages "executed
   * before the error occurred"; the in-memory host does the same), so the swap holds only what
   * can be undone: renames, additions, and the rewrite of sheets updated in place, of which a
   * backup (cells, formats, fonts on a temporary sheet; tables, widths and charts noted) is made
   * in the request before it. Old charts, old sheets, backups and temporary sheets are deleted
   * after the swap (a very hidden sheet made hidden first: Excel refuses to delete it); should
   * that fail twice the result stands and a message says what is left. On failure or
   * cancellation (checked before every chunk and before the swap) up to and including the swap,
   * `rollBack` puts the workbook back as it was (test/support/fail-operations.ts fails every
   * operation of every request in turn and compares by hash).
   *
   * Text is always written as text: cells holding text get number format "@" before their value
   * is written (in the same request, format first), so "=HYPERLINK(…)", "+31…", "-" or "@x" never
   * become formulas or numbers. ExcelApi 1.7 (see the module comment).
   * @returns the sheet name used per kind and Dutch messages (renamed or kept sheets).
   * @throws UserError "Analyse geannuleerd." when cancelled; a Dutch UserError when a sheet
   *   would not fit on Excel's grid (nothing written) or on an Office error.
   */
  async writeResults(models: SheetModel[], settings: StoredSettings): Promise<WriteOutcome> {
    for (const model of models) checkFitsGrid(model);
    return this.batch(async (context) => {
      this.checkCancelled();
      // 1. The workbook as it is: sheets with ids, our previous sheets (meta), table names in use.
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      await context.sync();
      const existing = worksheets.items.map((ws) => ws.name);
      const metaSheet = worksheets.items.find((ws) => sameName(ws.name, META_SHEET)) ?? null;
      const metaName = metaSheet?.name ?? null;
      const metaRange = metaSheet ? metaSheet.getUsedRangeOrNullObject(true).load("address,values") : null;
      const tablesBySheet = worksheets.items.map((ws) => ({ sheet: ws.name, tables: ws.tables.load("items/name") }));
      // Tables share their namespace with defined names (support.microsoft.com "Rename an Excel
      // table"): a user's name "Tekort_Categorie" would make our table name fail.
      const definedNames = context.workbook.names.load("items/name");
      await context.sync();
      const previous = metaFromRange(metaRange);
      const own = resolveOwnSheets(previous, sheetRefs(worksheets.items), metaSheet?.id ?? null);
      const isOwn = (n: string) => Object.values(own.current).some((o) => o !== undefined && sameName(o, n));
      const userNames = definedNames.items.map((n) => n.name);
      const allTableNames = [...tablesBySheet.flatMap((t) => t.tables.items.map((x) => x.name)), ...userNames];
      const takenTableNames = new Set(
        [...tablesBySheet.filter((t) => !isOwn(t.sheet)).flatMap((t) => t.tables.items.map((x) => x.name)), ...userNames].map((n) => n.toLowerCase()),
      );

      // 2. Names: final (never a user's sheet), temporary (unused), and table names.
      const outcome: WriteOutcome = { sheets: {}, messages: [...own.messages] };
      const usedSheetNames = existing.filter((n) => !isOwn(n) && !sameName(n, META_SHEET));
      const taken = new Set(existing.map((n) => n.toLowerCase()));
      const tempName = (): string => {
        let i = 1;
        while (taken.has(`${TEMP_PREFIX}${i}`)) i++;
        taken.add(`${TEMP_PREFIX}${i}`);
        return `${TEMP_PREFIX}${i}`;
      };
      const allTablesLower = new Set(allTableNames.map((n) => n.toLowerCase()));
      let tableCounter = 0;
      const tempTableName = (): string => {
        let name: string;
        do name = `${TEMP_PREFIX}_t${++tableCounter}`;
        while (allTablesLower.has(name.toLowerCase()));
        allTablesLower.add(name.toLowerCase());
        return name;
      };
      const finalTableName = (wanted: string): string => {
        let name = wanted;
        for (let i = 2; takenTableNames.has(name.toLowerCase()); i++) name = `${wanted}_${i}`;
        takenTableNames.add(name.toLowerCase());
        return name;
      };
      const plans: SheetPlan[] = models.map((model) => {
        const { name, message } = chooseSheetName(model.name, usedSheetNames, new Set());
        usedSheetNames.push(name);
        if (message) outcome.messages.push(message);
        outcome.sheets[model.kind] = name;
        return {
          model,
          tempName: tempName(),
          finalName: name,
          tables: model.tables.map((t) => ({ model: t, tempName: tempTableName(), finalName: finalTableName(t.name) })),
          bare: this.inPlace && own.current[model.kind] !== undefined && sameName(own.current[model.kind]!, name),
        };
      });
      const metaTemp = tempName();
      const temporary = [...plans.map((p) => p.tempName), metaTemp];

      // 3. Write everything under temporary names; 4. the meta rows with the new sheets' ids;
      // 5. back up our sheets to be updated in place; 6. the swap, in one request: the commit;
      // 7. remove what the swap left behind. Up to the commit every change can be undone
      // (rollBack): the swap itself only renames, adds, and rewrites sheets that have a backup,
      // because a request that fails part-way keeps what ran before the failing operation.
      const steps: Step[] = plans.flatMap(sheetSteps);
      steps.push({ kind: "op", apply: (ctx) => void ctx.workbook.worksheets.add(metaTemp) });
      const undo: Undo = { temporary: [...temporary], temporaryIds: [], renamedSheets: [], renamedTables: [], targets: [] };
      const garbage: Garbage = { sheets: [], charts: [] };
      try {
        await this.runSteps(context, steps);
        this.checkCancelled();
        // Look again just before the swap: the user may have added, removed or renamed sheets
        // meanwhile. The temporary sheets' ids are the final ones (a rename keeps the id).
        const now = context.workbook.worksheets.load("items/name,items/id");
        await context.sync();
        const refs = sheetRefs(now.items);
        const names = refs.map((r) => r.name);
        undo.temporaryIds = refs.filter((r) => r.id !== "" && temporary.some((t) => sameName(t, r.name))).map((r) => r.id);
        const ownNow = resolveOwnSheets(previous, refs, refs.find((r) => metaName !== null && sameName(r.name, metaName))?.id ?? null);
        const isOwnNow = (n: string) => Object.values(ownNow.current).some((o) => o !== undefined && sameName(o, n));
        const clash = plans.find((p) => names.some((n) => sameName(n, p.finalName) && !isOwnNow(n)));
        if (clash) {
          throw new UserError(`Tijdens het schrijven is een blad '${clash.finalName}' aan de werkmap toegevoegd. Er is niets gewijzigd; probeer het opnieuw.`);
        }
        // Our sheets of a kind written before are updated in place (same sheet object, so a
        // user's formula, chart or PivotTable on it keeps working); needs ExcelApi 1.9. Our other
        // sheets are replaced: renamed out of the way in the swap, deleted after it.
        const inPlace = new Map<SheetPlan, InPlaceTarget>();
        for (const plan of plans) {
          const current = ownNow.current[plan.model.kind];
          if (!plan.bare || current === undefined || !sameName(current, plan.finalName)) continue;
          const target = worksheets.getItem(current);
          inPlace.set(plan, {
            sheet: target,
            tables: target.tables.load("items/name,items/style"),
            charts: target.charts.load("items/name"),
            used: worksheets.getItem(plan.tempName).getUsedRangeOrNullObject(false).load("address"),
            // Only the used part is cleared: clearing whole columns would touch 17 billion cells
            // (OperationCellsExceedLimit on the web).
            old: target.getUsedRangeOrNullObject(false).load("address"),
          });
        }
        const isInPlace = (n: string) => [...inPlace.keys()].some((p) => sameName(p.finalName, n));
        const replaced = names.filter((n) => isOwnNow(n) && !isInPlace(n)).map((name) => ({ name, tables: worksheets.getItem(name).tables.load("items/name") }));
        if (inPlace.size > 0 || replaced.length > 0) await context.sync();
        const idOf = (name: string) => refs.find((r) => sameName(r.name, name))?.id ?? "";
        const ids: MetaIds = {
          sheets: Object.fromEntries(plans.map((p) => [p.model.kind, idOf(inPlace.has(p) ? p.finalName : p.tempName)])),
          kept: ownNow.kept.filter((k) => !plans.some((p) => sameName(p.finalName, k.name))),
          metaId: idOf(metaTemp),
        };
        await this.runSteps(context, [textBlock(metaTemp, 1, 1, metaRows(outcome.sheets, settings, ids))], false);
        // 5. A backup of each sheet to be updated in place (its cells, formats and fonts on a
        // temporary sheet; its tables, column widths and charts noted), so that a swap that fails
        // part-way can be undone.
        if (inPlace.size > 0) {
          this.checkCancelled();
          const pending: (() => TargetBackup)[] = [];
          for (const [plan, target] of inPlace) {
            const backup = tempName();
            undo.temporary.push(backup);
            worksheets.add(backup);
            const old = target.old.isNullObject ? null : parseRangeAddress(target.old.address);
            if (old) worksheets.getItem(backup).getRange(a1(old)).copyFrom(target.sheet.getRange(a1(old)), "All");
            const tables = target.tables.items.map((t) => ({ name: t.name, style: t.style, range: t.getRange().load("address") }));
            const widths = [...columnWidths(plan.model).keys()].map((ci) => ({ col: ci + 1, format: target.sheet.getRange(cellAddress(1, ci + 1)).format.load("columnWidth") }));
            const charts = target.charts.items.map((c) => c.name);
            pending.push(() => ({
              sheet: target.sheet,
              backup,
              old,
              tables: tables.map((t) => ({ name: t.name, style: t.style, address: t.range.address })),
              widths: widths.map((w) => ({ col: w.col, width: w.format.columnWidth })),
              charts,
            }));
          }
          await context.sync();
          undo.targets = pending.map((f) => f());
        }
        this.checkCancelled();
        // 6. The swap, in one request.
        const sheetByName = (name: string) => worksheets.getItem(name);
        for (const { name, tables } of replaced) {
          for (const t of tables.items) {
            const to = tempTableName();
            undo.renamedTables.push({ from: t.name, to });
            t.name = to;
          }
          const scratch = tempName();
          undo.renamedSheets.push({ id: idOf(name), name });
          garbage.sheets.push(scratch);
          worksheets.getItem(name).name = scratch;
        }
        for (const plan of plans) {
          const target = inPlace.get(plan);
          const layout = layoutSheet(plan.model);
          if (!target) {
            if (plan.bare) {
              // Staged to be copied, but our sheet was removed or renamed meanwhile: give the
              // staged sheet its tables and charts now.
              for (const step of [...tableSteps(plan, layout, plan.tempName, "final"), ...chartSteps(plan.model, layout, plan.tempName)]) {
                if (step.kind === "op") step.apply(context, sheetByName);
              }
            } else {
              for (const t of plan.tables) context.workbook.tables.getItem(t.tempName).name = t.finalName;
            }
            worksheets.getItem(plan.tempName).name = plan.finalName;
            continue;
          }
          const ws = target.sheet;
          for (const t of target.tables.items) t.delete();
          // The old charts stay until after the swap (a chart cannot be made again as it was).
          garbage.charts.push({ sheet: ws, names: target.charts.items.map((c) => c.name) });
          if (!target.old.isNullObject) ws.getRange(a1(parseRangeAddress(target.old.address))).clear();
          // The temporary sheet always has its title in A1, so its used range is never null.
          const used = parseRangeAddress(target.used.address);
          ws.getRange(a1(used)).copyFrom(worksheets.getItem(plan.tempName).getRange(a1(used)), "All");
          for (const step of [formatStep(plan.model, layout, plan.finalName, true), ...tableSteps(plan, layout, plan.finalName, "final"), ...chartSteps(plan.model, layout, plan.finalName)]) {
            if (step.kind === "op") step.apply(context, sheetByName);
          }
          garbage.sheets.push(plan.tempName);
        }
        // The old meta sheet is renamed out of the way (it stays very hidden) and deleted after
        // the swap; the new one takes its name.
        const oldMeta = metaName !== null ? names.find((n) => sameName(n, metaName)) : undefined;
        if (oldMeta !== undefined) {
          const scratch = tempName();
          undo.renamedSheets.push({ id: idOf(oldMeta), name: oldMeta });
          garbage.sheets.push(scratch);
          worksheets.getItem(oldMeta).name = scratch;
        }
        const meta = worksheets.getItem(metaTemp);
        meta.visibility = "VeryHidden";
        meta.name = META_SHEET;
        await context.sync();
      } catch (err) {
        const undone = await rollBack(context, undo);
        if (undone) throw err;
        const base = toUserError(err);
        const out = new UserError(`${base.message} De tijdelijke bladen (${undo.temporary.map((n) => `'${n}'`).join(", ")}) konden niet worden opgeruimd; verwijder ze zelf.`);
        out.cause = err;
        throw out;
      }
      // 7. The swap is done: what it left behind goes (old sheets, backups, old charts). Should
      // that fail, the result stands and the user is told what is left.
      for (const t of undo.targets) garbage.sheets.push(t.backup);
      if (!(await collectGarbage(context, garbage)) && !(await collectGarbage(context, garbage))) {
        outcome.messages.push(
          `Het resultaat staat in de werkmap, maar niet alles van de vorige analyse kon worden opgeruimd (bladen ${garbage.sheets.map((n) => `'${n}'`).join(", ")}, verborgen of zichtbaar, en oude grafieken op de resultaatbladen). Verwijder wat er nog staat zelf; de volgende analyse ruimt de oude grafieken op.`,
        );
      }
      return outcome;
    });
  }

  /**
   * Runs write steps in requests of at most the byte budget (UTF-8 JSON of the values and number
   * formats, plus {@link OPERATION_BYTES} per operation) and the cell budget, one sync per
   * request, calculation suspended in each. Progress (body rows of all tables) after each request
   * when `report` is set. On a size error the request is retried with half the budgets (nothing
   * of a rejected request was applied).
   */
  private async runSteps(context: Excel.RequestContext, steps: Step[], report = true): Promise<void> {
    const total = steps.reduce((n, s) => n + (s.kind === "cells" && s.counts ? s.count : 0), 0);
    let cellBudget = this.chunkCells;
    let byteBudget = this.requestBytes;
    let done = 0;
    let pos = { step: 0, row: 0 };
    let lastFormats: string[] | null = null;
    let lastFormatsSize = 0;
    /** The error that made the current request shrink, until a request succeeds. */
    let shrunkBy: unknown = null;
    while (pos.step < steps.length) {
      this.checkCancelled();
      const sheets = new Map<string, Excel.Worksheet>();
      const sheet = (name: string) => {
        let ws = sheets.get(name);
        if (!ws) sheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
        return ws;
      };
      context.application.suspendApiCalculationUntilNextSync();
      let cells = 0;
      let bytes = 0;
      let units = 0;
      let counted = 0;
      const p = { ...pos };
      while (p.step < steps.length) {
        const step = steps[p.step];
        if (step.kind === "op") {
          if (units > 0 && (cells + 1 > cellBudget || bytes + OPERATION_BYTES > byteBudget)) break;
          step.apply(context, sheet);
          cells += 1;
          bytes += OPERATION_BYTES;
          units++;
          p.step++;
          continue;
        }
        // Rows of this block that fit: measured one by one (their JSON is what is sent).
        const values: (string | number)[][] = [];
        const formats: string[][] = [];
        if (units > 0 && bytes + OPERATION_BYTES > byteBudget) break;
        bytes += OPERATION_BYTES;
        while (p.row + values.length < step.count) {
          const i = p.row + values.length;
          const rowValues = step.values(i);
          const rowFormats = step.formats(i);
          if (rowFormats !== lastFormats) {
            lastFormats = rowFormats;
            lastFormatsSize = jsonRowSize(rowFormats);
          }
          const rowBytes = jsonRowSize(rowValues) + lastFormatsSize + 2;
          const fits = cells + step.width <= cellBudget && bytes + rowBytes <= byteBudget;
          if (!fits && units + values.length > 0) break;
          values.push(rowValues);
          formats.push(rowFormats);
          cells += step.width;
          bytes += rowBytes;
        }
        const take = values.length;
        if (take === 0) break;
        const range = sheet(step.sheet).getRange(a1({ row: step.row + p.row, col: step.col, rows: take, cols: step.width }));
        range.numberFormat = formats;
        range.values = values;
        units += take;
        if (step.counts) counted += take;
        p.row += take;
        if (p.row >= step.count) {
          p.step++;
          p.row = 0;
        } else break;
      }
      try {
        // One sync per request of the budget, never per row: chunking is the point.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (err) {
        if (units > 1 && shouldShrink(err, bytes)) {
          cellBudget = Math.max(1, Math.floor(cells / 2));
          byteBudget = Math.max(1, Math.floor(bytes / 2));
          shrunkBy ??= err;
          continue;
        }
        // A retry after a GeneralException that fails otherwise (a sheet or table of the first
        // attempt was applied after all): the first error is the one to report.
        throw shrunkBy !== null && officeErrorCode(shrunkBy) === "GeneralException" ? shrunkBy : err;
      }
      shrunkBy = null;
      pos = p;
      done += counted;
      if (report) this.options.onProgress?.(done, total);
    }
  }
}

/** The Office.js worksheets as name + id (both loaded). */
function sheetRefs(items: Excel.Worksheet[]): SheetRef[] {
  return items.map((ws) => ({ name: ws.name, id: ws.id }));
}

/**
 * Refuses a sheet model that does not fit on Excel's grid (1,048,576 rows × 16,384 columns),
 * before anything is written.
 * @throws UserError (Dutch) naming the sheet and the number of rows it would need.
 */
function checkFitsGrid(model: SheetModel): void {
  const layout = layoutSheet(model);
  const lastRow = layout.tables.reduce((m, t) => Math.max(m, t.lastRow), layout.notesStartRow + model.notes.length - 1);
  const widest = model.tables.reduce((m, t) => Math.max(m, t.columns.length), 1);
  if (lastRow > EXCEL_MAX_ROWS) {
    throw new UserError(
      `Het blad '${model.name}' zou ${nlInt(lastRow)} rijen krijgen; een Excel-blad heeft er hoogstens ${nlInt(EXCEL_MAX_ROWS)}. Er is niets geschreven. Analyseer de voorraad in delen (bijvoorbeeld per gemeente), of gebruik de opdrachtregel met --json.`,
    );
  }
  if (widest > EXCEL_MAX_COLUMNS) throw new UserError(`Het blad '${model.name}' zou ${nlInt(widest)} kolommen krijgen; een Excel-blad heeft er hoogstens ${nlInt(EXCEL_MAX_COLUMNS)}. Er is niets geschreven.`);
}

/** Meta content from the meta sheet's used range (values of columns A..D from row 2). */
function metaFromRange(range: Excel.Range | null) {
  if (!range || range.isNullObject) return parseMeta([]);
  const area = parseRangeAddress(range.address);
  const rows: unknown[][] = [];
  range.values.forEach((row, i) => {
    if (area.row + i < 2) return;
    rows.push([1, 2, 3, 4].map((c) => {
      const j = c - area.col;
      return j >= 0 && j < row.length ? officeCellValue(row[j]) : null;
    }));
  });
  return parseMeta(rows);
}

/** Number format of a cell: text always "@" (so it is never taken as a formula or a number);
 * numbers the column's format ("General" in a text column); empty cells the column's format. */
function cellFormat(kind: ColumnKind, v: ModelValue): string {
  if (typeof v === "string") return "@";
  if (typeof v === "number" && kind === "text") return "General";
  return NUMBER_FORMATS[kind] ?? "General";
}

/**
 * A value as it must be sent through `Range.values` so that the cell holds exactly `v`: text
 * starting with an apostrophe gets a second one in front, because Excel takes a leading
 * apostrophe as its quote prefix and drops it ("'s-Hertogenbosch" would become
 * "s-Hertogenbosch"; test/office-host/range.ts `interpretWrite`, OfficeDev/office-js#6687).
 * Empty (null) becomes "" (the cell is cleared).
 */
export function sentValue(v: ModelValue): string | number {
  if (v === null) return "";
  return typeof v === "string" && v.startsWith("'") ? `'${v}` : v;
}

/** A block of text cells (title, notes, captions, headers, meta rows); rows of equal length. */
function textBlock(sheet: string, row: number, col: number, rows: string[][]): Step {
  const width = rows[0]?.length ?? 0;
  const formats = Array.from({ length: width }, () => "@");
  const quoted = rows.some((r) => r.some((v) => v.startsWith("'"))) ? rows.map((r) => r.map(sentValue) as string[]) : rows;
  return { kind: "cells", sheet, row, col, width, count: rows.length, values: (i) => quoted[i], formats: () => formats, counts: false };
}

/** The steps that write one result sheet under its temporary name. */
function sheetSteps(plan: SheetPlan): Step[] {
  const { model, tempName } = plan;
  const layout = layoutSheet(model);
  const steps: Step[] = [{ kind: "op", apply: (context) => void context.workbook.worksheets.add(tempName) }];
  steps.push(textBlock(tempName, 1, 1, [[model.title], ...model.notes.map((n) => [n])]));
  model.tables.forEach((table, ti) => {
    const pos = layout.tables[ti];
    steps.push(textBlock(tempName, pos.captionRow, 1, [[table.caption]]));
    steps.push(textBlock(tempName, pos.headerRow, 1, [table.columns.map((c) => c.header)]));
    const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
    const columns = table.columns;
    // Consecutive rows mostly have the same formats: the same array is handed out again then.
    let lastFormats: string[] = [];
    const formatsOf = (row: readonly ModelValue[]): string[] => {
      let same = lastFormats.length === columns.length;
      for (let ci = 0; same && ci < columns.length; ci++) same = lastFormats[ci] === cellFormat(columns[ci].kind, row[ci] ?? null);
      return same ? lastFormats : (lastFormats = columns.map((c, ci) => cellFormat(c.kind, row[ci] ?? null)));
    };
    steps.push({
      kind: "cells",
      sheet: tempName,
      row: pos.headerRow + 1,
      col: 1,
      width: columns.length,
      count: rows.length,
      values: (i) => columns.map((_, ci) => sentValue(rows[i][ci] ?? null)),
      formats: (i) => formatsOf(rows[i]),
      counts: table.rows.length > 0,
    });
  });
  steps.push(formatStep(model, layout, tempName));
  // A sheet to be copied in place gets its tables and charts on the target at the swap: a copy
  // of a range holding a whole table would bring a copy of the table along.
  if (!plan.bare) steps.push(...tableSteps(plan, layout, tempName, "temp"), ...chartSteps(model, layout, tempName));
  return steps;
}

/**
 * Fonts (title, notes, captions) and column widths of a result sheet named `sheetName`; only the
 * widths with `widthsOnly` (a sheet updated in place gets its fonts with the copied cells).
 */
function formatStep(model: SheetModel, layout: ReturnType<typeof layoutSheet>, sheetName: string, widthsOnly = false): Step {
  return {
    kind: "op",
    apply: (_context, sheet) => {
      const ws = sheet(sheetName);
      for (const [ci, w] of columnWidths(model)) ws.getRange(cellAddress(1, ci + 1)).format.columnWidth = widthInPoints(w);
      if (widthsOnly) return;
      const title = ws.getRange("A1").format.font;
      title.bold = true;
      title.size = 14;
      if (model.notes.length > 0) {
        const notes = ws.getRange(a1({ row: layout.notesStartRow, col: 1, rows: model.notes.length, cols: 1 })).format.font;
        notes.italic = true;
        notes.color = "#555555";
      }
      for (const pos of layout.tables) ws.getRange(cellAddress(pos.captionRow, 1)).format.font.bold = true;
    },
  };
}

/** The Excel tables of a result sheet on sheet `sheetName`, named with their temporary or final names. */
function tableSteps(plan: SheetPlan, layout: ReturnType<typeof layoutSheet>, sheetName: string, names: "temp" | "final"): Step[] {
  return plan.tables.map((t, ti) => {
    const pos = layout.tables[ti];
    const area = { row: pos.headerRow, col: 1, rows: pos.lastRow - pos.headerRow + 1, cols: t.model.columns.length };
    return {
      kind: "op",
      apply: (_context, sheet) => {
        // Values are written before the table is added (design.md; performance.md "Importing
        // data into tables"). The address names the sheet: without it Excel uses the active sheet.
        const table = sheet(sheetName).tables.add(qualified(sheetName, area), true);
        table.name = names === "temp" ? t.tempName : t.finalName;
        table.style = TABLE_STYLE;
      },
    };
  });
}

/**
 * The charts of a result sheet (kept simple):
 * - first chart, right of the first table:
 *   - Tekort: clustered columns of the Tekort column for the first block of "per categorie" rows
 *     (one demand set: the first niveau/groep/jaar/scenario/gebied in table order), with Categorie
 *     (and Zorgprofiel when filled) as category labels. Needs ExcelApi 1.7 (setXAxisValues).
 *   - Aanpassingspotentieel: stacked columns of Geschikt/Potentieel/Ongeschikt per Gemeente and
 *     Segment, from the table's first columns (Excel takes the text columns as labels and the
 *     header row as series names).
 * - further charts, right of every table and below the chart before, from the tables named in
 *   report/sheet-model.ts `CHART_TABLES` (and the CBS route's table per gemeente):
 *   - Tekort: the tekort per woontype and year, baseline and what-if side by side (two series,
 *     named by their headers "Tekort basis" and "Tekort wat-als"; Woontype and Jaar as labels);
 *   - Aanpassingspotentieel: geschikt/potentieel/ongeschikt stacked per gemeente, from the CBS
 *     route's table per gemeente (the whole stock; its Totaal row left out) when there is one,
 *     otherwise from the stock's table per gemeente.
 */
function chartSteps(model: SheetModel, layout: ReturnType<typeof layoutSheet>, tempName: string): Step[] {
  const steps: Step[] = [];
  const firstPos = layout.tables[0];
  let nextTop = 1;
  const first = firstChart(model, layout, tempName);
  if (first) {
    steps.push(first);
    nextTop = firstPos.headerRow + CHART_ROWS + 2;
  }
  const widest = Math.max(...model.tables.map((t) => t.columns.length));
  const extra = (tableName: string, title: string, type: "ColumnClustered" | "ColumnStacked", values: string[], labels: string[], skipLast = false) => {
    const ti = model.tables.findIndex((t) => t.name === tableName);
    const table = model.tables[ti];
    const count = table ? table.rows.length - (skipLast ? 1 : 0) : 0;
    if (!table || count <= 0) return;
    const col = (header: string) => table.columns.findIndex((c) => c.header === header);
    const v = values.map(col);
    const l = labels.map(col);
    // Values and labels each in adjacent columns (one range each).
    if (v.some((c, i) => c < 0 || c !== v[0] + i) || l.some((c, i) => c < 0 || c !== l[0] + i)) return;
    const pos = layout.tables[ti];
    const top = Math.max(pos.headerRow, nextTop);
    nextTop = top + CHART_ROWS + 2;
    const left = widest + 2;
    steps.push({
      kind: "op",
      apply: (_context, sheet) => {
        const ws = sheet(tempName);
        // The header row gives the series names; the labels are set per series.
        const chart = ws.charts.add(type, ws.getRange(a1({ row: pos.headerRow, col: v[0] + 1, rows: count + 1, cols: v.length })), "Columns");
        const labelRange = a1({ row: pos.headerRow + 1, col: l[0] + 1, rows: count, cols: l.length });
        for (let i = 0; i < v.length; i++) chart.series.getItemAt(i).setXAxisValues(ws.getRange(labelRange));
        chart.title.text = title;
        chart.setPosition(cellAddress(top, left), cellAddress(top + CHART_ROWS, left + 8));
      },
    });
  };
  if (model.kind === "tekort") {
    extra(CHART_TABLES.tekort, "Tekort per woontype en jaar: basis en wat-als (cumulatief)", "ColumnClustered", ["Tekort basis", "Tekort wat-als"], ["Woontype", "Jaar"]);
  }
  if (model.kind === "aanpassingspotentieel") {
    const title = "Aanpassingspotentieel per gemeente (woningen)";
    const series = ["Geschikt", "Potentieel", "Ongeschikt"];
    if (model.tables.some((t) => t.name === CBS_GEMEENTE_TABLE)) extra(CBS_GEMEENTE_TABLE, title, "ColumnStacked", series, ["Gemeente"], true);
    else extra(CHART_TABLES.gemeente, title, "ColumnStacked", series, ["Gemeente"]);
  }
  return steps;
}

/** Height of a chart in rows. */
const CHART_ROWS = 17;

/** The CBS route's table per gemeente (report/cbs-sheet.ts), whose last row is the Totaal. */
const CBS_GEMEENTE_TABLE = "Aanpassing_CBS_Gemeente";

/** The first chart of a sheet, from its first table (see {@link chartSteps}). */
function firstChart(model: SheetModel, layout: ReturnType<typeof layoutSheet>, tempName: string): Step | null {
  const table = model.tables[0];
  if (!table || table.rows.length === 0) return null;
  const pos = layout.tables[0];
  const col = (header: string) => table.columns.findIndex((c) => c.header === header);
  const place = (chart: Excel.Chart, title: string) => {
    chart.title.text = title;
    const left = table.columns.length + 2;
    chart.setPosition(cellAddress(pos.headerRow, left), cellAddress(pos.headerRow + CHART_ROWS, left + 8));
  };
  if (model.kind === "tekort") {
    const [lezing, categorie, zorgprofiel, tekort] = ["Lezing", "Categorie", "Zorgprofiel", "Tekort"].map(col);
    if (lezing < 0 || categorie < 0 || tekort < 0) return null;
    const first = table.rows.findIndex((r) => r[lezing] === "per categorie");
    if (first < 0) return null;
    const setCols = ["Niveau", "Groep", "Jaar", "Scenario", "Gebied"].map(col).filter((i) => i >= 0);
    let last = first;
    while (
      last + 1 < table.rows.length &&
      table.rows[last + 1][lezing] === "per categorie" &&
      setCols.every((i) => table.rows[last + 1][i] === table.rows[first][i])
    ) last++;
    const rows = last - first + 1;
    const row = pos.headerRow + 1 + first;
    const withProfile = zorgprofiel === categorie + 1 && table.rows.slice(first, last + 1).some((r) => r[zorgprofiel] !== null);
    const subtitle = ["Jaar", "Scenario", "Gebied"].map(col).filter((i) => i >= 0).map((i) => table.rows[first][i]).filter((v) => v !== null && v !== "");
    return {
      kind: "op",
      apply: (_context, sheet) => {
        const ws = sheet(tempName);
        const chart = ws.charts.add("ColumnClustered", ws.getRange(a1({ row, col: tekort + 1, rows, cols: 1 })), "Columns");
        const series = chart.series.getItemAt(0);
        series.name = "Tekort";
        series.setXAxisValues(ws.getRange(a1({ row, col: categorie + 1, rows, cols: withProfile ? 2 : 1 })));
        place(chart, `Tekort per categorie${subtitle.length > 0 ? ` (${subtitle.join(", ")})` : ""}`);
      },
    };
  }
  if (model.kind === "aanpassingspotentieel") {
    const [geschikt, potentieel, ongeschikt] = ["Geschikt", "Potentieel", "Ongeschikt"].map(col);
    if (geschikt < 1 || potentieel !== geschikt + 1 || ongeschikt !== geschikt + 2) return null;
    const area = { row: pos.headerRow, col: 1, rows: table.rows.length + 1, cols: ongeschikt + 1 };
    return {
      kind: "op",
      apply: (_context, sheet) => {
        const ws = sheet(tempName);
        const chart = ws.charts.add("ColumnStacked", ws.getRange(a1(area)), "Columns");
        place(chart, "Aanpassingspotentieel per gemeente en segment (woningen)");
      },
    };
  }
  return null;
}

/** An earlier result sheet updated in place, as loaded before the swap. */
interface InPlaceTarget {
  sheet: Excel.Worksheet;
  tables: Excel.TableCollection;
  charts: Excel.ChartCollection;
  /** The staged (temporary) sheet's used range, and the target's. */
  used: Excel.Range;
  old: Excel.Range;
}

/** What is needed to put a sheet updated in place back as it was. */
interface TargetBackup {
  sheet: Excel.Worksheet;
  /** Temporary sheet holding a copy of the old used range (cells, number formats, fonts). */
  backup: string;
  old: CellArea | null;
  tables: { name: string; style: string; address: string }[];
  /** Widths in points of the columns the swap sets (null: not uniform, left alone). */
  widths: { col: number; width: number | null }[];
  /** Names of the charts on it before the swap. */
  charts: string[];
}

/** How to undo a write that failed or was cancelled before its swap was complete. */
interface Undo {
  /** Temporary sheets by name (staged sheets, the new meta sheet, backups) ... */
  temporary: string[];
  /** ... and by id, for the staged sheets the swap may already have renamed. */
  temporaryIds: string[];
  /** Our earlier sheets (replaced ones, the old meta sheet) with their names before the swap. */
  renamedSheets: { id: string; name: string }[];
  /** Tables of the replaced sheets: original name and the temporary name the swap gives them. */
  renamedTables: { from: string; to: string }[];
  /** Sheets updated in place, with their backups (set once the backups exist). */
  targets: TargetBackup[];
}

/** What a completed swap leaves behind: sheets (by their name after the swap) and old charts. */
interface Garbage {
  sheets: string[];
  charts: { sheet: Excel.Worksheet; names: string[] }[];
}

/**
 * Puts the workbook back as it was before a write whose swap failed part-way or did not run:
 * temporary sheets deleted (by name, or by id where the swap had renamed them), our renamed
 * sheets and tables given their names back, and each sheet updated in place restored from its
 * backup (new charts and tables off, cells, formats and fonts copied back, the old tables added
 * again with their names and styles, column widths as they were). Three requests.
 * @returns false when Excel refused (the caller then tells the user what to remove).
 */
async function rollBack(context: Excel.RequestContext, undo: Undo): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id,items/visibility");
    const tables = context.workbook.tables.load("items/name");
    const targets = undo.targets.map((t) => ({
      t,
      tables: t.sheet.tables.load("items/name"),
      charts: t.sheet.charts.load("items/name"),
      used: t.sheet.getUsedRangeOrNullObject(false).load("address"),
    }));
    await context.sync();
    const isBackup = (name: string) => undo.targets.some((t) => sameName(t.backup, name));
    for (const ws of worksheets.items) {
      if (isBackup(ws.name)) continue;
      if (!undo.temporaryIds.includes(ws.id) && !undo.temporary.some((n) => sameName(n, ws.name))) continue;
      // A very hidden sheet cannot be deleted (@types/office-js Worksheet.delete).
      if (ws.visibility === "VeryHidden") ws.visibility = "Hidden";
      ws.delete();
    }
    for (const { t, tables: now, charts } of targets) {
      for (const chart of charts.items) if (!t.charts.includes(chart.name)) chart.delete();
      for (const table of now.items) table.delete();
    }
    const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
    for (const r of [...undo.renamedTables].reverse()) {
      if (tableNames.has(r.to.toLowerCase())) context.workbook.tables.getItem(r.to).name = r.from;
    }
    for (const r of undo.renamedSheets) {
      const ws = worksheets.items.find((s) => r.id !== "" && s.id === r.id);
      if (ws && ws.name !== r.name) ws.name = r.name;
    }
    for (const { t, used } of targets) {
      const now = used.isNullObject ? null : parseRangeAddress(used.address);
      const areas = [now, t.old].filter((a): a is CellArea => a !== null);
      if (areas.length > 0) t.sheet.getRange(a1(spanning(areas))).clear();
      if (t.old) t.sheet.getRange(a1(t.old)).copyFrom(worksheets.getItem(t.backup).getRange(a1(t.old)), "All");
    }
    if (targets.length === 0) {
      await context.sync();
      return true;
    }
    // A copy of a range holding a whole table may bring a copy of the table along (ASSUMPTION,
    // docs/handmatige-test.md): such copies become plain cells before the old tables come back.
    const copied = targets.map(({ t }) => t.sheet.tables.load("items/name"));
    await context.sync();
    for (const c of copied) for (const table of c.items) table.convertToRange();
    for (const { t } of targets) {
      for (const old of t.tables) {
        const table = t.sheet.tables.add(old.address, true);
        table.name = old.name;
        table.style = old.style;
      }
      for (const w of t.widths) if (w.width !== null) t.sheet.getRange(cellAddress(1, w.col)).format.columnWidth = w.width;
      worksheets.getItem(t.backup).delete();
    }
    await context.sync();
    return true;
  } catch {
    // Reported by the caller together with the original error.
    return false;
  }
}

/** The smallest area holding all of `areas` (at least one). */
function spanning(areas: CellArea[]): CellArea {
  const row = Math.min(...areas.map((a) => a.row));
  const col = Math.min(...areas.map((a) => a.col));
  const rowEnd = Math.max(...areas.map((a) => a.row + a.rows));
  const colEnd = Math.max(...areas.map((a) => a.col + a.cols));
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

/**
 * Deletes what a completed swap left behind: the named sheets where they still exist (a very
 * hidden one made hidden first) and the named old charts on sheets updated in place. Two
 * requests; safe to call again after a failure (it looks before it deletes).
 * @returns false when Excel refused.
 */
async function collectGarbage(context: Excel.RequestContext, garbage: Garbage): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const charts = garbage.charts.map((g) => ({ names: g.names, now: g.sheet.charts.load("items/name") }));
    await context.sync();
    let deleting = false;
    for (const ws of worksheets.items) {
      if (!garbage.sheets.some((n) => sameName(n, ws.name))) continue;
      // A very hidden sheet cannot be deleted (@types/office-js Worksheet.delete).
      if (ws.visibility === "VeryHidden") ws.visibility = "Hidden";
      ws.delete();
      deleting = true;
    }
    for (const c of charts) {
      for (const chart of c.now.items) {
        if (!c.names.includes(chart.name)) continue;
        chart.delete();
        deleting = true;
      }
    }
    if (deleting) await context.sync();
    return true;
  } catch {
    return false;
  }
}
