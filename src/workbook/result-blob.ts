/**
 * The browser page's result file as a `Blob`: the user's sheets copied from the chosen file in a
 * copy-only pass (src/workbook/xlsx-copy.ts), then the result sheets and the meta sheet, all by
 * the command line's streaming writer (src/workbook/xlsx-stream-writer.ts) into a zip gathered in
 * a Blob (src/workbook/zip-blob.ts `BlobOutput`), its parts deflated by the web's
 * `CompressionStream` (src/workbook/deflate-codec.ts). No workbook model is built. Used by the
 * page's session (src/session/xlsx-session.ts `writeResultFile`) and by the bench
 * (scripts/bench/worker-path.js).
 */
import type { SheetModel } from "../report/sheet-model";
import { WEB_DEFLATE } from "./deflate-codec";
import type { StoredSettings, WriteOutcome } from "./port";
import { forUser } from "./sheet-copy";
import type { XlsxBlob } from "./xlsx-blob";
import { copyWorkbook } from "./xlsx-copy";
import { XlsxStreamWriter } from "./xlsx-stream-writer";
import { BlobOutput } from "./zip-blob";
import { ZipSink } from "./zip-sink";

/**
 * Writes the result workbook of `xlsx` (see the module comment). Sheet names as the command
 * line's `--uit`: our own result sheets and meta sheet of an earlier run are left out (replaced);
 * a user's sheet that has one of our names keeps it, ours becomes "<naam> (2)", said in
 * `outcome.messages` and, as on the command line, on the Controle sheet (the models are built
 * again with those messages).
 * @param xlsx the user's file, opened (read again here, never changed).
 * @param models the result sheets, in order, given the Dutch messages of the renames (none, or
 *   one per result sheet that gets another name) to list among the run's messages.
 * @param settings saved in the meta sheet, so that a later run recognises our sheets and settings.
 * @param type the Blob's MIME type.
 * @returns the file and where the result sheets went (kind → sheet name).
 * @throws UserError (Dutch, one line) when the file cannot be read for the copy: damaged where the
 *   analysis did not read it ("… is beschadigd of onvolledig …", the command line's message), or
 *   no longer readable since it was chosen.
 */
export async function writeResultBlob(
  xlsx: XlsxBlob,
  models: (renames: readonly string[]) => SheetModel[],
  settings: StoredSettings,
  type: string,
): Promise<{ file: Blob; outcome: WriteOutcome }> {
  const output = new BlobOutput();
  const writer = new XlsxStreamWriter(new ZipSink(output, WEB_DEFLATE));
  try {
    await copyWorkbook(() => xlsx.zip(), writer, xlsx.label);
    let sheets = models([]);
    const renames = writer.planNames(sheets).flatMap((p) => (p.message ? [p.message] : []));
    if (renames.length > 0) sheets = models(renames);
    const outcome = await writer.writeResults(sheets, settings);
    await writer.commit();
    return { file: output.blob(type), outcome };
  } catch (err) {
    await writer.abort();
    throw forUser(err, xlsx.label);
  }
}
