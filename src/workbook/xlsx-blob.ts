/**
 * The browser page's route through an .xlsx file (run in its Web Worker): the fast reader of
 * the command line (src/workbook/xlsx-parts.ts, src/workbook/sheet-xml.ts and the reading pass
 * of src/analysis/xlsx-pass.ts) over the `File` the user chose (src/workbook/zip-blob.ts: random
 * access through `Blob.slice`, inflated by the browser's `DecompressionStream`). No workbook
 * model is built and the file is never read whole into memory: a stock of a million rows is
 * analysed holding only its parsed rows, as on the command line.
 *
 * Three kinds of pass, each reading the file again (a `File` is a handle to the file on disk):
 * - {@link XlsxBlob.heads}: the first rows of every sheet (for recognising the tables and the
 *   mapping step), stopping each sheet after them;
 * - {@link XlsxBlob.streamSheet}: every row of one sheet, held by nobody (the mapping step's
 *   preview of a stock sheet larger than its head);
 * - {@link XlsxBlob.zip}: the package, for the reading pass of the command line and the analysis
 *   (`analyseXlsxBlob`, src/analysis/xlsx-blob.ts), and for the copy-only pass of the download
 *   (src/workbook/xlsx-copy.ts, src/session/xlsx-session.ts `resultFile`).
 */
import { UserError } from "../domain/issues";
import type { CellValue, RawTable } from "../ingest/types";
import { checkContainer, containerMessage, isOle, isZip } from "./container";
import { META_SHEET, parseMeta, type MetaContent } from "./marker";
import { sheetMissing } from "./messages";
import { readWorkbookInfo, worksheets, ZipParts } from "./xlsx-parts";
import { BlobZipReader, readSlice, webInflate } from "./zip-blob";

/** Rows of each sheet kept by {@link XlsxBlob.heads}: the recognition buffer of the reading pass
 * (src/analysis/xlsx-pass.ts), so that a sheet is recognised on the same rows when described and when run. */
export const HEAD_ROWS_KEPT = 5000;

/** Bytes read to tell a text file from other non-workbooks (see container.ts). */
const HEAD_BYTES = 4096;

/** The first rows of one input sheet (not one of our own result sheets, not the meta sheet). */
export interface SheetHead {
  name: string;
  /** Rows of the used range: the last row number when the whole sheet was read, else the
   * sheet's `<dimension>` (or the rows read when it has none). */
  rowCount: number;
  /** Columns of the widest row read. */
  columnCount: number;
  /** The rows read, from row 1 (missing rows as empty arrays). */
  table: RawTable;
  /** True when `table` holds every row of the sheet. */
  complete: boolean;
}

/** What {@link XlsxBlob.heads} found. */
export interface WorkbookHeads {
  /** The input sheets in workbook order. */
  sheets: SheetHead[];
  /** Our result sheets of an earlier run (kind → name) and the settings saved with them. */
  previous: MetaContent;
}

/** Thrown inside a sheet's read to stop it once its head is read. */
class HeadRead extends Error {}

/** An .xlsx file (a Blob) opened for reading. */
export class XlsxBlob {
  private constructor(private readonly blob: Blob, readonly label: string) {}

  /**
   * Checks what the file is (the command line's check, src/workbook/xlsx-stream.ts
   * `checkXlsxFile`): a zip container passes; an empty file, a text file, an old .xls, a
   * password-protected workbook or anything else gets its own Dutch message. Only the first
   * 4 KB are read (an OLE file whole, to find its directory).
   * @param label how to name the file in messages, e.g. "Bestand 'voorraad.xlsx'".
   * @throws UserError (Dutch), also when the browser cannot read the file.
   */
  static async open(blob: Blob, label: string): Promise<XlsxBlob> {
    const head = await readSlice(blob, 0, Math.min(HEAD_BYTES, blob.size), label);
    if (!isZip(head)) checkContainer(isOle(head) ? await readSlice(blob, 0, blob.size, label) : head, label);
    return new XlsxBlob(blob, label);
  }

  /** The file's package, opened anew (the reading pass of src/analysis/xlsx-pass.ts reads it). */
  zip(): Promise<ZipParts> {
    return ZipParts.open(new BlobZipReader(this.blob, this.label), webInflate);
  }

  /** Runs a pass; a failure that is not already a Dutch message means a damaged file. */
  private async pass<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(containerMessage("zip", this.label));
    }
  }

  /**
   * Reads the meta sheet and the first `rows` rows of every other sheet (our own result sheets
   * of an earlier run are left out, unread).
   * @throws UserError (Dutch) when the file is damaged or cannot be read.
   */
  heads(rows = HEAD_ROWS_KEPT): Promise<WorkbookHeads> {
    return this.pass(async () => {
      const zip = await this.zip();
      let previous: MetaContent = { sheets: {}, settings: null };
      let own = new Set<string>();
      const sheets: SheetHead[] = [];
      for await (const sheet of worksheets(zip, await readWorkbookInfo(zip))) {
        if (sheet.name === META_SHEET) {
          const meta: unknown[][] = [];
          await sheet.read((row) => {
            if (row.number > 1) meta.push([0, 1, 2].map((c) => row.values[c] ?? null));
          });
          previous = parseMeta(meta);
          own = new Set(Object.values(previous.sheets) as string[]);
          continue;
        }
        if (own.has(sheet.name)) continue;
        const values: CellValue[][] = [];
        let columnCount = 0;
        let last = 0;
        let complete = true;
        try {
          await sheet.read((row) => {
            if (row.number > rows) throw new HeadRead();
            while (values.length < row.number - 1) values.push([]);
            values.push(row.values.slice());
            columnCount = Math.max(columnCount, row.values.length);
            last = row.number;
          });
        } catch (err) {
          if (!(err instanceof HeadRead)) throw err;
          complete = false;
        }
        const rowCount = complete ? last : Math.max(sheet.dimensionRows() ?? 0, values.length);
        sheets.push({ name: sheet.name, rowCount, columnCount, complete, table: { sheet: sheet.name, tableName: null, originRow: 1, originCol: 1, values } });
      }
      return { sheets, previous };
    });
  }

  /**
   * Reads every row of one sheet, handing each to `onRow` (its `values` are reused after the
   * call) and keeping none.
   * @throws UserError (Dutch) when the sheet does not exist, the file is damaged or cannot be read.
   */
  streamSheet(name: string, onRow: (rowNumber: number, values: CellValue[]) => void): Promise<void> {
    return this.pass(async () => {
      const zip = await this.zip();
      for await (const sheet of worksheets(zip, await readWorkbookInfo(zip))) {
        if (sheet.name !== name) continue;
        await sheet.read((row) => onRow(row.number, row.values));
        return;
      }
      throw sheetMissing(name);
    });
  }
}
