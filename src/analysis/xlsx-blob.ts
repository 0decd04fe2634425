/**
 * The browser page's analysis of an .xlsx the user chose (run in its Web Worker): the reading
 * pass of the command line (src/analysis/xlsx-pass.ts) over the file opened by
 * src/workbook/xlsx-blob.ts.
 */
import type { XlsxBlob } from "../workbook/xlsx-blob";
import { analysePackage, type StreamAnalyseOptions, type StreamAnalysis } from "./xlsx-pass";

/**
 * The reading pass and the analysis of an opened .xlsx file.
 * @returns the same result as `bat-bzk analyse` on the same file.
 * @throws UserError as `analysePackage`.
 */
export function analyseXlsxBlob(file: XlsxBlob, options: StreamAnalyseOptions): Promise<StreamAnalysis> {
  return analysePackage(() => file.zip(), { label: file.label, ...options });
}
