/**
 * Saving a file as a download in the browser (the browser page's result workbook): a Blob URL
 * on a temporary link. Nothing leaves the machine: the file is made in memory and handed to the
 * browser. DOM only, so it lives with the components, not in src/session.
 */

/**
 * Saves `blob` as a download named `fileName` (Blob URL and a temporary, hidden link that is
 * clicked and removed; the URL is released 10 s later, once the browser has started the download).
 * Browser only: needs `document` and `URL.createObjectURL`.
 */
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
