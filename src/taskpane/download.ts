/**
 * Browser page helpers: the result file's name and saving bytes as a download through a Blob
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

/** Saves bytes as a file download (Blob URL and a temporary link). Browser only. */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
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
