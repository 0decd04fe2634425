/**
 * The command line's access to an .xlsx file, for the reading pass of src/analysis/xlsx-pass.ts
 * (run by src/analysis/xlsx-file.ts): the file on disk (random access through a file handle: the zip's central directory, then
 * only the parts needed; inflated with Node's zlib, src/workbook/zip-node.ts), so that a stock of
 * a million rows is analysed without ever holding the sheet's cells or the whole file.
 * An input given as a stream (tests) is read into memory first.
 */
import { promises as fs } from "node:fs";
import type { Readable } from "node:stream";
import { UserError } from "../domain/issues";
import { checkContainer, isOle, isZip } from "./container";
import { readWorkbookInfo, worksheets, ZipParts, type StreamedSheet } from "./xlsx-parts";
import { bytesReader, openZipFile, zlibInflate } from "./zip-node";


/** Bytes read to tell a text file from other non-workbooks (see container.ts). */
const HEAD_BYTES = 4096;

/**
 * Checks what a file is before it is read: a zip container (an .xlsx) passes; an empty file, a
 * text file (a CSV renamed to .xlsx), an old .xls, a password-protected workbook (both OLE
 * compound files, told apart by the streams inside) or anything else gets its own Dutch message
 * (src/workbook/container.ts). An OLE file is read whole to find its directory.
 * @throws UserError (Dutch, exit code 1), also when the file does not exist or cannot be read.
 */
export async function checkXlsxFile(file: string, label: string): Promise<void> {
  let head: Uint8Array;
  let whole: Uint8Array | null = null;
  try {
    const handle = await fs.open(file, "r");
    try {
      const bytes = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(bytes, 0, HEAD_BYTES, 0);
      head = bytes.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    if (isZip(head)) return;
    if (isOle(head)) whole = await fs.readFile(file);
  } catch (err) {
    throw fileError(err, label);
  }
  checkContainer(whole ?? head, label);
}

/** The Dutch message for a file that cannot be opened or read. */
function fileError(err: unknown, label: string): UserError {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return new UserError(`${label} bestaat niet. Controleer de naam en de map van het bestand.`);
    case "EISDIR":
      return new UserError(`${label} is een map, geen bestand. Geef het pad van de werkmap zelf.`);
    case "EACCES":
    case "EPERM":
    case "EBUSY":
      return new UserError(`${label} is niet te lezen: geen toegang, of het bestand is in gebruik. Sluit het in Excel of vraag om leesrechten.`);
    default:
      return new UserError(`${label} is niet te lezen (${code ?? "onbekende fout"}). Controleer of het bestand bereikbaar is en probeer het opnieuw.`);
  }
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The package of a file path or a stream, opened when asked: nothing is read until `open` is
 * called, so this never rejects itself.
 * @param input file path, or a readable stream of the .xlsx (read into memory whole).
 * @returns `open`, which opens the file (a stream: reads it) and reads the zip's central
 *   directory, and `close`, which releases the file handle (nothing to do for a stream or before
 *   `open`; call it once, also after a failure).
 * @throws from `open`: Node's file error (`ENOENT`, `EISDIR`, `EACCES`, ...; the caller makes it
 *   Dutch, e.g. {@link checkXlsxFile} beforehand) or the stream's error, and `PackageError`
 *   (xlsx-parts.ts) or zip.js's error when the bytes are not a zip archive.
 */
export async function openInput(input: string | Readable): Promise<{ open: () => Promise<ZipParts>; close: () => Promise<void> }> {
  let close: () => Promise<void> = async () => undefined;
  const open = async () => {
    if (typeof input === "string") {
      const f = await openZipFile(input);
      close = f.close;
      return ZipParts.open(f.reader, zlibInflate);
    }
    return ZipParts.open(bytesReader(await readAll(input)), zlibInflate);
  };
  return { open, close: () => close() };
}

/**
 * Visits the worksheets of an .xlsx in workbook order, the meta sheet `_batbzk` first. Each
 * sheet's rows must be read (or abandoned) before the next sheet is asked for. The file is
 * closed when the iteration ends. For tests and tools; the command line analyses a file with
 * `analyseXlsxStream` (src/analysis/xlsx-file.ts).
 * @param input file path or readable stream of the .xlsx.
 */
export async function* streamWorksheets(input: string | Readable): AsyncGenerator<StreamedSheet> {
  const { open, close } = await openInput(input);
  try {
    const zip = await open();
    yield* worksheets(zip, await readWorkbookInfo(zip));
  } finally {
    await close();
  }
}
