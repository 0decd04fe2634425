/**
 * Opening an .xlsx chosen by the user in the browser page, on the page itself. The file session
 * (reader, analysis and result writer: src/session/xlsx-session.ts) is loaded only here, on first
 * use (dynamic import), and not with the page. The browser page proper does this in a Web Worker instead
 * (src/browser/worker-client.ts); this default serves the component tests and any host without
 * workers.
 */
import type { FileSession } from "./session";

/** Turns a chosen file into a file session. */
export type OpenFile = (file: File) => Promise<FileSession>;

/**
 * Opens a file as an .xlsx workbook on the calling thread, loading the file session on first use.
 * @throws UserError (Dutch) when the file is not a readable .xlsx workbook.
 */
export async function openXlsxFile(file: File): Promise<FileSession> {
  const { openXlsxSession } = await import("./xlsx-session");
  return openXlsxSession(file, file.name);
}
