/**
 * Browser page helpers: the result file's name and saving a file as a download through a Blob
 * URL. Nothing leaves the machine: the file is made in memory and handed to the browser.
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

/** Saves a file as a download (Blob URL and a temporary link). Browser only. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
