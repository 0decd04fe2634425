/**
 * The command line's route through an .xlsx file: the reading pass of src/workbook/xlsx-pass.ts
 * over the file on disk (random access through a file handle: the zip's central directory, then
 * only the parts needed; inflated with Node's zlib, src/workbook/zip-node.ts), so that a stock of
 * a million rows is analysed without ever holding the sheet's cells or the whole file.
 * An input given as a stream (tests) is read into memory first.
 */
import { promises as fs } from "node:fs";
import type { Readable } from "node:stream";
import { UserError } from "../domain/issues";
import { checkContainer, containerMessage, isOle, isZip } from "./container";
import { analysePackage, type StreamAnalyseOptions, type StreamAnalysis } from "../analysis/xlsx-pass";
import { readWorkbookInfo, worksheets, ZipParts, type StreamedSheet } from "./xlsx-parts";
import { bytesReader, openZipFile, zlibInflate } from "./zip-node";

export type { SheetCopy, SheetCopyTarget, SheetRoute, StreamAnalyseOptions, StreamAnalysis, StreamStats } from "../analysis/xlsx-pass";
export type { StreamedSheet } from "./xlsx-parts";
export type { SheetRow } from "./sheet-xml";

/** Maps a read failure to the Dutch message of the in-memory route. */
export function unreadableWorkbook(label: string): UserError {
  return new UserError(`${label} is geen leesbare Excel-werkmap (.xlsx); open het bestand in Excel en sla het op als Excel-werkmap.`);
}

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

/** Opens the package of a file path or a stream; `close` releases the file. */
async function openInput(input: string | Readable): Promise<{ open: () => Promise<ZipParts>; close: () => Promise<void> }> {
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
 * closed when the iteration ends. For tests and tools; the command line uses
 * {@link analyseXlsxStream}.
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

/**
 * Analyses an .xlsx file in one streaming pass (src/workbook/xlsx-pass.ts), optionally copying
 * the input sheets to a writer on the way.
 *
 * @param input file path or readable stream.
 * @param options analysis options, plus the file's label for messages and the copy target.
 * @returns the same `AnalysisResult` as `analyseWorkbook` on the same file, plus what the pass did.
 * @throws UserError (Dutch) for an unreadable file, a missing `--voorraad`/`--vraag` sheet,
 *   a workbook without stock, demand or supply, or a cancelled run.
 */
export async function analyseXlsxStream(input: string | Readable, options: StreamAnalyseOptions): Promise<StreamAnalysis> {
  const { open, close } = await openInput(input);
  const onDebug = options.onDebug ?? (process.env.BAT_BZK_DEBUG ? (err: unknown) => process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`) : undefined);
  // A damaged part can leave every stream waiting with nothing left to do: Node then empties its
  // event loop and the command would exit 0 without a word. Fail the read instead.
  let onIdle: () => void = () => undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    onIdle = () => reject(new UserError(containerMessage("zip", options.label ?? "Het bestand")));
  });
  process.on("beforeExit", onIdle);
  try {
    return await Promise.race([analysePackage(open, { ...options, onDebug }), stalled]);
  } finally {
    process.off("beforeExit", onIdle);
    await close();
  }
}
