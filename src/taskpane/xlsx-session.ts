/**
 * A file session over an .xlsx workbook held in memory (ExcelJS): the browser page's work, run
 * in its Web Worker (src/browser/analysis.worker.ts), or on the page itself in the component
 * tests. This module imports ExcelJS; the pane loads it only on demand.
 */
import { XlsxWorkbook } from "../workbook/xlsx";
import { XLSX_MIME } from "./download";
import { cachedReader, portSession, type FileSession } from "./session";

/**
 * Opens .xlsx bytes as a file session.
 * @param bytes the file's contents. @param fileName shown in messages ("Bestand 'x.xlsx' ...").
 * @throws UserError (Dutch) when the bytes are not a readable .xlsx workbook.
 */
export async function openXlsxSession(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<FileSession> {
  let workbook: XlsxWorkbook | null = await XlsxWorkbook.fromBuffer(bytes, `Bestand '${fileName}'`);
  const open = (): XlsxWorkbook => {
    if (!workbook) throw new Error("session: the workbook was closed");
    return workbook;
  };
  const session = portSession(cachedReader(workbook), {
    writeResults: (models, settings) => open().writeResults(models, settings),
  });
  return {
    ...session,
    async resultFile(settings, scenario) {
      const outcome = await session.writeResults(settings, undefined, scenario);
      const bytes = await open().toBuffer();
      return { file: new Blob([bytes as BlobPart], { type: XLSX_MIME }), outcome };
    },
    close() {
      workbook = null;
    },
  };
}
