/**
 * The result file of the browser page: its name and MIME type. Pure; handing the file to the
 * browser (DOM) is src/taskpane/save-blob.ts.
 */

/** MIME type of an .xlsx workbook. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Name of the result file for an input file name.
 * @example resultFileName("kerkrade.xlsx") === "kerkrade-resultaat.xlsx"
 */
export function resultFileName(inputName: string): string {
  const base = inputName.replace(/\.xlsx$/i, "") || "werkmap";
  return `${base}-resultaat.xlsx`;
}
