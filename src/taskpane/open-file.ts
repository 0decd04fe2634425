/**
 * Opening an .xlsx chosen by the user in the browser page. ExcelJS is large (about 1 MB), so
 * it is loaded only here, on first use (dynamic import), and not with the page.
 */
import type { WorkbookPort } from "../workbook/port";

/** A workbook opened from a file: the port plus a way to get the (updated) bytes back. */
export type FilePort = WorkbookPort & { toBuffer(): Promise<Uint8Array> };

/** Turns a chosen file into a workbook port. */
export type OpenFile = (file: File) => Promise<FilePort>;

/**
 * Opens a file as an .xlsx workbook, loading ExcelJS on first use.
 * @throws UserError (Dutch) when the file is not a readable .xlsx workbook.
 */
export async function openXlsxFile(file: File): Promise<FilePort> {
  const { XlsxWorkbook } = await import("../workbook/xlsx");
  return XlsxWorkbook.fromBuffer(await file.arrayBuffer(), `Bestand '${file.name}'`);
}
