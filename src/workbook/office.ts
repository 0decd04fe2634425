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
 * This module reads, and starts a write. The write itself is office-write.ts (loaded with the
 * first write, so the task pane's first load stays small): it loads the workbook's state and
 * executes the plan of write-plan.ts (pure: names, staging steps, backups, swap; the charts in
 * write-charts.ts; undo and clean-up in undo-plan.ts; the operations as data in write-ops.ts). The Excel calls of one planned operation and the chunked sync
 * loop are in office-apply.ts, the undo and clean-up requests in office-rollback.ts,
 * request-size arithmetic in office-requests.ts, cell and address helpers in office-cells.ts,
 * worksheet ids and the meta sheet's content in office-meta.ts, error messages in office-errors.ts.
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
import type { CellValue, RawTable } from "../ingest/types";
import type { SheetKind, SheetModel } from "../report/sheet-model";
import { META_SHEET, resolveOwnSheets } from "./marker";
import { type CellArea, a1, parseRangeAddress, sameName, trimmedRow } from "./office-cells";
import { officeErrorCode, shouldShrink, toUserError } from "./office-errors";
import { cancelled, sheetMissing } from "./messages";
import { metaFromRange, sheetRefs } from "./office-meta";
import { DEFAULT_CHUNK_CELLS, DEFAULT_REQUEST_BYTES, INITIAL_BYTES_PER_CELL, jsonSize } from "./office-requests";
import type { RunControl, SheetInfo, StoredSettings, WorkbookPort, WriteOutcome } from "./port";

/** The lowest ExcelApi requirement set this adapter needs: the manifest's <Requirements> names it
 * (test/workbook/office-requirements.test.ts holds them equal). */
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
const IN_PLACE_EXCEL_API = "1.9";

/** Office.js's requirement check when Office.js is loaded; true otherwise. */
function officeSupports(excelApi: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, v: string): boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", excelApi) : true;
}

/**
 * Syncs a request that looks up sheet `name` by name (`worksheets.getItem`).
 * @throws UserError "Blad '…' bestaat niet in de werkmap." (messages.ts `sheetMissing`) when
 *   Excel answers ItemNotFound; any other error as it came (the batch makes it a Dutch UserError).
 */
async function syncNamingSheet(context: Excel.RequestContext, name: string): Promise<void> {
  try {
    await context.sync();
  } catch (err) {
    if (officeErrorCode(err) === "ItemNotFound") throw sheetMissing(name);
    throw err;
  }
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
    if (this.options.signal?.aborted) throw cancelled();
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
      await syncNamingSheet(context, name);
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
        await syncNamingSheet(context, name);
      } catch (err) {
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
      await syncNamingSheet(context, name);
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
   * operation of every request in turn and compares by hash); an undo that fails is tried once
   * more, continuing where it stopped, and should that fail too the message names each sheet
   * updated in place that may be half updated and the sheet holding its earlier content
   * (test/workbook/office-rollback.test.ts).
   *
   * Text is always written as text: cells holding text get number format "@" before their value
   * is written (in the same request, format first), so "=HYPERLINK(…)", "+31…", "-" or "@x" never
   * become formulas or numbers. ExcelApi 1.7 (see the module comment).
   * @returns the sheet name used per kind and Dutch messages (renamed or kept sheets).
   * @throws UserError "Analyse geannuleerd." when cancelled; a Dutch UserError when a sheet
   *   would not fit on Excel's grid (nothing written) or on an Office error.
   */
  async writeResults(models: SheetModel[], settings: StoredSettings): Promise<WriteOutcome> {
    // Loaded with the first write, not with the pane (the first load's budget, test/e2e/bundle.test.ts).
    const write = await import("./office-write");
    for (const model of models) write.checkFitsGrid(model);
    return this.batch(async (context) => {
      this.checkCancelled();
      return write.writeSheets(context, models, settings, {
        inPlace: this.inPlace,
        cells: this.chunkCells,
        bytes: this.requestBytes,
        checkCancelled: () => this.checkCancelled(),
        onProgress: this.options.onProgress,
      });
    });
  }
}
