/**
 * The command line's route through an .xlsx file: one streaming pass with ExcelJS's streaming
 * reader (`stream.xlsx.WorkbookReader`), so that a stock of a million rows is analysed without
 * ever holding the sheet's cells.
 *
 * Per sheet, the first rows (default 5,000) are kept for recognition. A sheet that ends within
 * them is recognised on all its rows, exactly as `analyseWorkbook` does. A larger sheet is
 * recognised on those rows; when it is a stock table they are handed to a `StockRowReader` and
 * every further row goes straight to it (only the parsed `StockRow`s are kept); a large demand
 * or supply table is kept whole (those are small in practice); any other large sheet is not
 * kept. After the pass, `analyseSheets` (pipeline.ts) does the rest, as for every route.
 *
 * Sheets are visited in workbook order, with the product's meta sheet (`_batbzk`) first so that
 * our own result sheets of an earlier run are recognised and skipped before their rows are read.
 * To get that order the pass drives ExcelJS's reader itself (the zip entries arrive in file
 * order): sheets that cannot be read yet (shared strings, styles or the workbook part come
 * later in the file, as in files written by Excel and ExcelJS) are parked in a temporary file,
 * exactly as ExcelJS's own reader does, and read when their turn comes.
 *
 * Differences with the in-memory route (src/workbook/xlsx.ts), none of which matter for the
 * sample workbooks (test/workbook/xlsx-stream.test.ts holds both routes to the same result):
 * merged cells hold their value in the top-left cell only (the in-memory reader repeats it over
 * the merged range); a sheet larger than the recognition buffer is recognised on its first rows.
 * A formula whose cached result is an error reads as missing on both routes.
 */
import { promises as fs, createReadStream, createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { UserError } from "../domain/issues";
import { StockRowReader } from "../ingest/stock";
import type { CellValue, RawTable, TableKind } from "../ingest/types";
import {
  analyseSheets, checkChosenSheets, isStockCandidate, needsCells, recogniseSheet, stockOptionsFor,
  type AnalyseOptions, type AnalysisResult, type SheetRead,
} from "../pipeline";
import { META_SHEET, parseMeta, type MetaContent } from "./marker";
import { toCellValue } from "./xlsx";
import { checkContainer, containerMessage, isOle, isZip } from "./container";

// ExcelJS internals used to drive its streaming reader in our own order (exceljs is pinned at
// 4.4.0 in package.json; these are the same modules its WorkbookReader.parse() uses).
const exceljsRequire = createRequire(require.resolve("exceljs"));
const unzipper = exceljsRequire("unzipper") as { Parse(options: { forceStream: boolean }): NodeJS.ReadWriteStream };
const iterateStream = require("exceljs/lib/utils/iterate-stream") as (stream: NodeJS.ReadableStream) => AsyncIterable<ZipEntry>;
const WorksheetReaderClass = require("exceljs/lib/stream/xlsx/worksheet-reader") as new (options: {
  workbook: unknown; id: string; iterator: AsyncIterable<unknown>; options: unknown;
}) => InternalWorksheetReader;

interface ZipEntry extends NodeJS.ReadableStream {
  path: string;
  autodrain(): void;
}

/** The parts of ExcelJS's WorkbookReader this module uses. */
interface InternalWorkbookReader {
  options: Record<string, unknown>;
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string; Type: string }[];
  sharedStrings?: unknown[];
  _parseRels(entry: ZipEntry): Promise<void>;
  _parseWorkbook(entry: ZipEntry): Promise<void>;
  _parseSharedStrings(entry: ZipEntry): AsyncIterable<unknown>;
  _parseStyles(entry: ZipEntry): Promise<void>;
}

interface InternalWorksheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
  id: string;
  columns: ExcelJS.Column[] | null;
}

/** One worksheet as the pass visits it. */
export interface StreamedSheet {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Its rows, in order (rows without cells are absent: mind `row.number`). Read once. */
  rows: AsyncIterable<ExcelJS.Row>;
  /** Column definitions (widths) once the first row has been read; null when the sheet has none. */
  columns(): ExcelJS.Column[] | null;
  /** Every sheet of the workbook, in workbook order (the meta sheet included). */
  workbookSheets: string[];
}

/** Reader options: shared strings cached (as ExcelJS does by default), styles cached so that date
 * cells are dates (as in the in-memory reader), hyperlinks ignored (cells keep their text). */
const READER_OPTIONS = { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" } as const;

const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;

/** Maps a read failure to the Dutch message of the in-memory route. */
export function unreadableWorkbook(label: string): UserError {
  return new UserError(`${label} is geen leesbare Excel-werkmap (.xlsx); open het bestand in Excel en sla het op als Excel-werkmap.`);
}

/** Excel's last row (1,048,576); a row number beyond it means a damaged sheet. */
const EXCEL_MAX_ROWS = 1_048_576;

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

/** How long to wait for the next zip entry once the whole file has been taken in; only a zip
 * that stops without its central directory ever waits this long. */
const ZIP_STALL_MS = 10_000;

/**
 * The entries of unzipper's `Parse` stream, one at a time, each to be consumed or drained before
 * the next is asked for. Not ExcelJS's `iterateStream`: `Parse` emits 'end' as soon as its input
 * has been written in, which for a small file (or the last 64 KB of a large one) is before the
 * last entries are parsed, so iterating until 'end' intermittently lost the parts at the end of
 * the file (in files written with JSZip, the workbook part itself). Here the iteration ends only
 * when `Parse` ends its readable side (after the end-of-central-directory record), and fails on
 * its errors (a truncated file: "FILE_ENDED"), which are also passed to the entry being read so
 * that a reader of that entry does not wait forever.
 */
async function* zipEntries(zip: NodeJS.ReadWriteStream): AsyncGenerator<ZipEntry> {
  const stream = zip as unknown as import("node:stream").Duplex;
  let error: unknown = null;
  let current: ZipEntry | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onError = (err: unknown) => {
    error ??= err;
    const entry = current as unknown as import("node:stream").Readable | null;
    if (entry && entry.listenerCount("error") > 0) entry.emit("error", err);
    poke();
  };
  stream.on("error", onError);
  stream.on("readable", poke);
  stream.on("finish", poke);
  // A damaged entry (a size field that promises more data than the file holds) can leave every
  // stream waiting with nothing left to do: Node then empties its event loop. Fail the read
  // instead of ending with nothing (the command line would exit 0 without a word).
  const onIdle = () => onError(new Error("xlsx-stream: reading stopped halfway (damaged zip entry)"));
  process.on("beforeExit", onIdle);
  try {
    for (;;) {
      if (error) throw error;
      const entry = stream.read() as ZipEntry | null;
      if (entry !== null) {
        current = entry;
        // An entry's stream may fail after its reader has given up (a damaged file): never let
        // that be an unhandled 'error' event. Its readers still see the error through their own listeners.
        entry.on("error", ignore);
        yield entry;
        continue;
      }
      if (stream.readableEnded || (stream as unknown as { _readableState: { ended: boolean } })._readableState.ended) return;
      let stalled = false;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (stream.writableFinished) {
          const timer = setTimeout(() => {
            stalled = true;
            poke();
          }, ZIP_STALL_MS);
          const done = resolve;
          wake = () => {
            clearTimeout(timer);
            done();
          };
        }
      });
      if (stalled && !error && stream.readableLength === 0) throw new Error("zip ended without its central directory");
    }
  } finally {
    process.off("beforeExit", onIdle);
    stream.off("error", onError);
    stream.off("readable", poke);
    stream.off("finish", poke);
    // The parse goes on in the background after an early end; its late errors are of no use.
    stream.on("error", ignore);
  }
}

function ignore(): void {
  // An error nobody is waiting for any more.
}

/**
 * Visits the worksheets of an .xlsx in workbook order, the meta sheet `_batbzk` first, with
 * ExcelJS's streaming reader. Each sheet's rows must be read (or abandoned) before the next
 * sheet is asked for. Temporary files (sheets parked until the parts they need have been read)
 * are removed when the iteration ends, also on errors.
 *
 * @param input file path or readable stream of the .xlsx.
 */
export async function* streamWorksheets(input: string | Readable): AsyncGenerator<StreamedSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as string, READER_OPTIONS) as unknown as InternalWorkbookReader;
  const source: Readable = typeof input === "string" ? createReadStream(input) : input;
  const zip = unzipper.Parse({ forceStream: true });
  source.on("error", (err) => zip.emit("error", err));
  source.pipe(zip as unknown as NodeJS.WritableStream);

  let tmpDir: string | null = null;
  const parked = new Map<string, string>(); // zip path → temporary file
  const done = new Set<string>(); // zip paths visited
  let sharedStringsRead = false;
  let stylesRead = false;
  let metaDone = false;

  /** Zip path of each sheet, in workbook order (once the workbook part and its rels are read). */
  const order = (): { name: string; state: string; zipPath: string }[] | null => {
    const sheets = reader.model?.sheets;
    const rels = reader.workbookRels;
    if (!sheets || !rels) return null;
    const out: { name: string; state: string; zipPath: string }[] = [];
    for (const s of sheets) {
      const rel = rels.find((r) => r.Id === s.rId);
      if (!rel) continue;
      const target = path.posix.normalize(rel.Target.startsWith("/") ? rel.Target.slice(1) : `xl/${rel.Target}`);
      // Worksheets only (chart sheets have no cells), as the in-memory reader lists them.
      if (WORKSHEET_ENTRY.test(target)) out.push({ name: s.name, state: s.state ?? "visible", zipPath: target });
    }
    // The meta sheet first: it says which sheets are our own results.
    out.sort((a, b) => Number(b.name === META_SHEET) - Number(a.name === META_SHEET));
    return out;
  };

  const sheetFrom = (info: { name: string; state: string; zipPath: string }, iterator: AsyncIterable<unknown>): StreamedSheet => {
    const ws = new WorksheetReaderClass({ workbook: reader, id: info.zipPath, iterator, options: reader.options });
    ws.name = info.name;
    ws.state = info.state;
    const workbookSheets = (order() ?? []).map((x) => x.name);
    return { name: info.name, state: info.state, rows: ws, columns: () => ws.columns, workbookSheets };
  };

  /** The next sheet in workbook order that is not visited yet, or null when all are. */
  const nextInOrder = (): { name: string; state: string; zipPath: string } | null => {
    const o = order();
    if (!o) return null;
    return o.find((s) => !done.has(s.zipPath)) ?? null;
  };

  try {
    for await (const entry of zipEntries(zip)) {
      switch (entry.path) {
        case "xl/_rels/workbook.xml.rels":
          await reader._parseRels(entry);
          break;
        case "xl/workbook.xml":
          await reader._parseWorkbook(entry);
          break;
        case "xl/sharedStrings.xml":
          for await (const _ of reader._parseSharedStrings(entry)) void _;
          sharedStringsRead = true;
          break;
        case "xl/styles.xml":
          await reader._parseStyles(entry);
          stylesRead = true;
          break;
        default:
          if (WORKSHEET_ENTRY.test(entry.path)) {
            const next = nextInOrder();
            const hasMeta = order()?.some((s) => s.name === META_SHEET) ?? true;
            const ready = sharedStringsRead && stylesRead && next !== null && next.zipPath === entry.path &&
              (metaDone || !hasMeta || next.name === META_SHEET);
            if (ready) {
              done.add(entry.path);
              if (next!.name === META_SHEET) metaDone = true;
              yield sheetFrom(next!, iterateStream(entry));
            } else {
              tmpDir ??= await fs.mkdtemp(path.join(os.tmpdir(), "bat-bzk-"));
              const file = path.join(tmpDir, `${parked.size + 1}.xml`);
              await new Promise<void>((resolve, reject) => {
                const out = createWriteStream(file);
                out.on("error", reject);
                out.on("finish", () => resolve());
                entry.on("error", reject);
                entry.pipe(out);
              });
              parked.set(entry.path, file);
            }
          }
          break;
      }
      entry.autodrain();
    }
    // The sheets parked in temporary files, in workbook order (meta first).
    for (const info of order() ?? []) {
      if (done.has(info.zipPath)) continue;
      done.add(info.zipPath);
      const file = parked.get(info.zipPath);
      if (!file) continue;
      yield sheetFrom(info, createReadStream(file));
      await fs.rm(file, { force: true });
    }
    // A zip without a workbook part (another kind of zip archive) is not a workbook.
    if (order() === null) throw new Error("xlsx-stream: no xl/workbook.xml with its relationships");
  } finally {
    if (typeof input === "string") source.destroy();
    if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
  }
}

/**
 * Converts a row of the streaming reader to cells, into `out` (reused by the caller). Cell `c`
 * (0-based) is column `c + 1`; the row ends at its last cell with a value, as in
 * `XlsxWorkbook.readSheet`.
 */
export function rowCells(row: ExcelJS.Row, out: CellValue[]): CellValue[] {
  const cells = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells;
  let last = -1;
  if (cells) {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const v = cell === undefined ? undefined : cell.value;
      if (v === null || v === undefined) {
        out[i] = null;
        continue;
      }
      out[i] = toCellValue(v);
      last = i;
    }
  } else {
    row.eachCell((cell, col) => {
      for (let i = last + 1; i < col - 1; i++) out[i] = null;
      out[col - 1] = toCellValue(cell.value);
      last = col - 1;
    });
  }
  out.length = last + 1;
  return out;
}

/** Receives the input sheets, row by row, during the pass (the `--uit` copy). */
export interface SheetCopyTarget {
  /** A sheet starts; returns what receives its rows. */
  startSheet(sheet: StreamedSheet): SheetCopy;
}

/** One sheet being copied. */
export interface SheetCopy {
  row(row: ExcelJS.Row): void | Promise<void>;
  end(): void | Promise<void>;
}

/** Options of {@link analyseXlsxStream}. */
export interface StreamAnalyseOptions extends AnalyseOptions {
  /** How to name the file in messages, e.g. "Bestand 'voorraad.xlsx'". */
  label?: string;
  /** Rows of a sheet kept for recognition before a larger sheet is streamed (default 5,000). */
  recogniseRows?: number;
  /** When set, every input sheet except our own result sheets and the meta sheet is handed to
   * it, row by row, in the same pass. */
  copy?: SheetCopyTarget;
}

/** How each sheet was read: kept as cells, streamed into the stock reader, or not kept. */
export type SheetRoute = "bewaard" | "voorraad-gestroomd" | "niet-bewaard" | "eigen-resultaat";

/** What the pass did, for the benchmark and for tests that the stock is never held as cells. */
export interface StreamStats {
  sheets: { name: string; rows: number; route: SheetRoute; kind: TableKind | null }[];
  /** The most rows held as cells at once for one sheet (recognition buffer, small tables). */
  maxHeldRows: number;
  /** Rows that went straight into a stock reader without being held. */
  stockRowsStreamed: number;
}

/** Result of {@link analyseXlsxStream}. */
export interface StreamAnalysis {
  result: AnalysisResult;
  stats: StreamStats;
  /** Our result sheets of an earlier run (kind → name) and the settings saved with them. */
  previous: MetaContent;
  /** The input's sheets other than our own results and the meta sheet, in workbook order. */
  inputSheets: string[];
}

/** Wraps a failure of the copy target so it is not mistaken for an unreadable input. */
class CopyFailure extends Error {
  constructor(readonly original: unknown) {
    super("copy failed");
  }
}

async function copyStep(step: () => void | Promise<void>): Promise<void> {
  try {
    await step();
  } catch (err) {
    throw new CopyFailure(err);
  }
}

/** Collects one sheet: recognition buffer, then kept cells, the stock reader, or nothing. */
class SheetCollector {
  private values: CellValue[][] | null = [];
  private stock: StockRowReader | null = null;
  private recognised: { kind: TableKind; reden: string } | null = null;
  private next = 1;
  rows = 0;
  streamed = 0;
  maxHeld = 0;

  constructor(private readonly name: string, private readonly options: StreamAnalyseOptions, private readonly limit: number) {}

  private table(values: CellValue[][]): RawTable {
    return { sheet: this.name, tableName: null, originRow: 1, originCol: 1, values };
  }

  /** One row; `cells` may be reused by the caller. */
  push(rowNumber: number, cells: CellValue[]): void {
    this.rows++;
    const gap = rowNumber - this.next;
    this.next = rowNumber + 1;
    if (this.stock) {
      if (gap > 0) this.stock.skip(gap);
      this.stock.push(cells);
      this.streamed++;
      return;
    }
    const values = this.values;
    if (values === null) return;
    for (let i = 0; i < gap; i++) values.push([]);
    values.push(cells.slice());
    if (values.length > this.maxHeld) this.maxHeld = values.length;
    if (this.recognised === null && values.length > this.limit) this.decide(values);
  }

  /** A large sheet: recognise it on the rows so far and choose its route. */
  private decide(values: CellValue[][]): void {
    const r = recogniseSheet(this.table(values), this.options);
    this.recognised = r;
    if (isStockCandidate(this.name, r.kind, this.options)) {
      this.stock = new StockRowReader({ sheet: this.name }, stockOptionsFor(this.options));
      for (const row of values) this.stock.push(row);
      this.values = null;
    } else if (!needsCells(r.kind)) {
      // Not usable as demand, supply or CBS-route table: its cells are not needed.
      this.values = null;
    }
  }

  finish(): { read: SheetRead; route: SheetRoute } {
    if (this.recognised === null) {
      // A sheet within the recognition buffer: exactly as the in-memory route.
      const table = this.table(this.values ?? []);
      const { kind, reden } = recogniseSheet(table, this.options);
      let stock = null;
      if (isStockCandidate(this.name, kind, this.options)) {
        const reader = new StockRowReader({ sheet: this.name }, stockOptionsFor(this.options));
        for (const row of table.values) reader.push(row);
        stock = reader.finish();
      }
      return { read: { name: this.name, kind, reden, table, stock }, route: "bewaard" };
    }
    const { kind, reden } = this.recognised;
    if (this.stock) {
      return { read: { name: this.name, kind, reden, table: null, stock: this.stock.finish() }, route: "voorraad-gestroomd" };
    }
    const table = this.values === null ? null : this.table(this.values);
    return { read: { name: this.name, kind, reden, table, stock: null }, route: table ? "bewaard" : "niet-bewaard" };
  }
}

/**
 * Analyses an .xlsx file in one streaming pass (see the module comment), optionally copying the
 * input sheets to a writer on the way.
 *
 * @param input file path or readable stream.
 * @param options analysis options, plus the file's label for messages and the copy target.
 * @returns the same `AnalysisResult` as `analyseWorkbook` on the same file, plus what the pass did.
 * @throws UserError (Dutch) for an unreadable file, a missing `--voorraad`/`--vraag` sheet,
 *   a workbook without stock, demand or supply, or a cancelled run.
 */
export async function analyseXlsxStream(input: string | Readable, options: StreamAnalyseOptions): Promise<StreamAnalysis> {
  const label = options.label ?? "Het bestand";
  const limit = options.recogniseRows ?? 5000;
  const { onProgress, signal } = options;
  onProgress?.("Werkmap lezen", 0);
  let previous: MetaContent = { sheets: {}, settings: null };
  let own = new Set<string>();
  const reads: SheetRead[] = [];
  const stats: StreamStats = { sheets: [], maxHeldRows: 0, stockRowsStreamed: 0 };
  let checked = false;
  const cells: CellValue[] = [];

  try {
    for await (const sheet of streamWorksheets(input)) {
      if (sheet.name === META_SHEET) {
        const rows: unknown[][] = [];
        for await (const row of sheet.rows) {
          if (row.number === 1) continue;
          rows.push([1, 2, 3].map((c) => toCellValue(row.getCell(c).value)));
        }
        previous = parseMeta(rows);
        own = new Set(Object.values(previous.sheets) as string[]);
        continue;
      }
      if (!checked) {
        // The first input sheet: the meta sheet (first in order) has been read, so the input
        // sheets are known; a wrong --voorraad/--vraag is reported before the long part.
        checked = true;
        checkChosenSheets(sheet.workbookSheets.filter((n) => n !== META_SHEET && !own.has(n)), options);
      }
      if (own.has(sheet.name)) {
        // Our own result sheet of an earlier run: replaced, never read.
        stats.sheets.push({ name: sheet.name, rows: 0, route: "eigen-resultaat", kind: null });
        continue;
      }
      if (signal?.aborted) throw new UserError("Analyse geannuleerd.");
      const collector = new SheetCollector(sheet.name, options, limit);
      let copy: SheetCopy | undefined;
      if (options.copy) {
        const target = options.copy;
        await copyStep(() => void (copy = target.startSheet(sheet)));
      }
      let n = 0;
      for await (const row of sheet.rows) {
        // Beyond Excel's last row the file is damaged (and the gap would be filled row by row).
        if (row.number > EXCEL_MAX_ROWS || row.number < 1) throw new Error(`xlsx-stream: row number ${row.number} out of range`);
        collector.push(row.number, rowCells(row, cells));
        if (copy) {
          try {
            const pending = copy.row(row);
            if (pending) await pending;
          } catch (err) {
            throw new CopyFailure(err);
          }
        }
        if ((++n & 0x3fff) === 0 && signal?.aborted) throw new UserError("Analyse geannuleerd.");
      }
      if (copy) {
        const c = copy;
        await copyStep(() => c.end());
      }
      const { read, route } = collector.finish();
      reads.push(read);
      stats.sheets.push({ name: sheet.name, rows: collector.rows, route, kind: read.kind });
      stats.maxHeldRows = Math.max(stats.maxHeldRows, collector.maxHeld);
      stats.stockRowsStreamed += collector.streamed;
      onProgress?.("Werkmap lezen", (0.3 * stats.sheets.length) / Math.max(1, sheet.workbookSheets.length));
    }
  } catch (err) {
    if (err instanceof CopyFailure) throw err.original;
    if (err instanceof UserError) throw err;
    if (process.env.BAT_BZK_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    // The file passed checkXlsxFile (a zip), so it is damaged, incomplete or another zip.
    throw new UserError(containerMessage("zip", label));
  }
  const inputSheets = reads.map((r) => r.name);
  checkChosenSheets(inputSheets, options);
  onProgress?.("Werkmap lezen", 0.3);
  const result = analyseSheets(reads, options);
  return { result, stats, previous, inputSheets };
}
