/**
 * Parsed sample workbooks shared across test files and test runs.
 *
 * Parsing the Kerkrade sample with ExcelJS takes about a second and a half in a Jest worker, and
 * a dozen test files need it. The first file to need a workbook parses it and stores ExcelJS's
 * model, serialised with Node's structured clone (node:v8), under `node_modules/.cache/`; every
 * later file (and run) reads that instead of parsing again. Each call returns an independent
 * workbook (copy on write: its own model is deserialised at the first write), so tests may write
 * into it. The first write through `writeResults` (a run in Excel mode, saved settings) builds the
 * copy without the rows of its large sheets (a stock): writing results never changes a sheet that
 * was there, so those rows are read from the shared workbook until something needs the whole copy
 * (`.workbook`, `toBuffer`), which then gets them.
 *
 * The cache key is the SHA-256 of the .xlsx bytes plus ExcelJS's and V8's versions, so a rebuilt
 * sample, another ExcelJS or another Node never reads a stale or incompatible entry. Writes go to
 * a temporary file first and are renamed into place, so two workers never read a half-written
 * entry. When the cache directory cannot be written the workbook is simply parsed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { deserialize, serialize } from "node:v8";
import type ExcelJS from "exceljs";
import { META_SHEET } from "../../src/workbook/marker";
import type { SheetInfo } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

const CACHE_DIR = path.resolve(__dirname, "../../node_modules/.cache/bat-bzk-tests");
const EXCELJS_VERSION = (JSON.parse(readFileSync(require.resolve("exceljs/package.json"), "utf8")) as { version: string }).version;

/** The cache entry's path for `bytes` (a workbook's .xlsx bytes) and a purpose tag. */
function entryPath(tag: string, bytes: Uint8Array): string {
  const hash = createHash("sha256").update(bytes).update(`\0${tag}\0${EXCELJS_VERSION}\0${process.versions.v8}`).digest("hex");
  return path.join(CACHE_DIR, `${tag}-${hash.slice(0, 32)}.bin`);
}

function readEntry(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function writeEntry(file: string, data: Uint8Array): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    // A read-only checkout: the next file parses again, nothing else changes.
  }
}

/** ExcelJS's parse as the cache found it: a test may replace `XlsxWorkbook.fromBuffer` by this
 * cache (test/taskpane/helpers.tsx `fromBufferCached`), and a miss must still parse. */
const parse = XlsxWorkbook.fromBuffer.bind(XlsxWorkbook);

/** A cached workbook in this process: its serialised model, the same model without the rows of its
 * large sheets (made at the first `writeResults`; null when no sheet is large), and one workbook
 * made from the model that is only ever read. */
interface Entry {
  model: Buffer;
  light: () => Buffer | null;
  shared: XlsxWorkbook;
}

/** Per process: each workbook already read (by cache path). */
const models = new Map<string, Promise<Entry>>();

/** A workbook made from a serialised ExcelJS model (ExcelJS's .xlsx reader ends the same way). */
function fromModel(model: Buffer): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  wb.workbook.model = deserialize(model);
  return wb;
}

/** Rows from which a sheet is left out of the light model (Kerkrade's stock has 7,825). */
const LARGE_SHEET_ROWS = 1000;

/** ExcelJS's model of a worksheet, as far as the light model needs it. */
interface SheetModel {
  name: string;
  rows: unknown[];
  /** Merged ranges: `mergeCells` as ExcelJS's reader gives them, `merges` as `workbook.model` does. */
  mergeCells?: unknown[];
  merges?: unknown[];
}

/**
 * The model without the rows of its large sheets (at least {@link LARGE_SHEET_ROWS} rows; not the
 * meta sheet, which `writeResults` reads, nor a sheet with merged cells, whose merges make rows),
 * serialised; null when no sheet is large. ExcelJS's workbook model lists its sheets twice, each
 * sheet's model made twice (`worksheets`, which the model setter builds the sheets from, and
 * `sheets`, which it reads the order from): both lose those rows.
 */
function lightModel(model: Buffer): Buffer | null {
  const m = deserialize(model) as { worksheets: SheetModel[]; sheets?: SheetModel[] };
  const large = new Set<string>();
  for (const ws of m.worksheets) {
    if (ws.name === META_SHEET || ws.rows.length < LARGE_SHEET_ROWS || (ws.mergeCells?.length ?? 0) > 0 || (ws.merges?.length ?? 0) > 0) continue;
    large.add(ws.name);
  }
  if (large.size === 0) return null;
  const swap = (list: SheetModel[]) => list.map((ws) => (large.has(ws.name) ? { ...ws, rows: [] } : ws));
  return serialize({ ...m, worksheets: swap(m.worksheets), ...(m.sheets ? { sheets: swap(m.sheets) } : {}) });
}

/** An ExcelJS worksheet's internal row setter (worksheet.js `_parseRows`, which its `model` setter calls first). */
type RowsFromModel = { _parseRows(model: SheetModel): void };

/**
 * A workbook equal to `fromModel(model)` that makes its own ExcelJS workbook only when something
 * touches it (a write, or a test using `.workbook`): until then its reads are answered by
 * `shared`, which holds the same model and is never written. Building the Kerkrade model takes
 * the better part of a second, and many tests only read.
 *
 * A write through `writeResults` makes the own workbook from `light` when there is one: the same
 * sheets, the large ones without rows. `writeResults` adds, renames and removes sheets and writes
 * only into the sheets it adds, so a sheet left without rows (`rowless`, by its name in `shared`)
 * holds what the same sheet of `shared` holds: `readSheet` reads it there and `listSheets` takes
 * its size from there. Anything else that needs the workbook (`.workbook`, `toBuffer`) first gives
 * those sheets their rows from `model`.
 */
function copyOnWrite({ shared, model, light: lightOf }: Entry): XlsxWorkbook {
  let own: XlsxWorkbook | null = null;
  const rowless = new Map<ExcelJS.Worksheet, string>();
  /** The own workbook made light (only for `writeResults`) or whole. */
  const make = (allowLight: boolean): XlsxWorkbook => {
    if (!own) {
      const light = allowLight ? lightOf() : null;
      own = fromModel(light ?? model);
      if (light) {
        const sharedNames = new Set(shared.workbook.worksheets.filter((ws) => ws.actualRowCount > 0).map((ws) => ws.name));
        for (const ws of own.workbook.worksheets) if (ws.actualRowCount === 0 && sharedNames.has(ws.name)) rowless.set(ws, ws.name);
      }
    }
    if (!allowLight && rowless.size > 0) {
      const full = deserialize(model) as { worksheets: SheetModel[] };
      for (const [ws, name] of rowless) (ws as unknown as RowsFromModel)._parseRows(full.worksheets.find((m) => m.name === name)!);
      rowless.clear();
    }
    return own;
  };
  const copy = Object.create(XlsxWorkbook.prototype) as XlsxWorkbook;
  Object.defineProperty(copy, "workbook", { get: () => make(false).workbook });
  const define = (name: string, value: (...args: never[]) => unknown) => Object.defineProperty(copy, name, { value, writable: true, configurable: true });
  define("readSettings", () => XlsxWorkbook.prototype.readSettings.call(own ?? shared));
  define("readSheet", async (name: string) => {
    const ws = own?.workbook.getWorksheet(name);
    const from = ws ? rowless.get(ws) : undefined;
    if (from === undefined) return XlsxWorkbook.prototype.readSheet.call(own ?? shared, name);
    return { ...(await shared.readSheet(from)), sheet: name };
  });
  define("listSheets", async (): Promise<SheetInfo[]> => {
    if (!own) return shared.listSheets();
    const list = await XlsxWorkbook.prototype.listSheets.call(own);
    if (rowless.size === 0) return list;
    const sizes = new Map((await shared.listSheets()).map((s) => [s.name, s]));
    return list.map((s) => {
      const ws = own!.workbook.getWorksheet(s.name);
      const from = ws ? rowless.get(ws) : undefined;
      const size = from === undefined ? undefined : sizes.get(from);
      return size ? { ...s, rowCount: size.rowCount, columnCount: size.columnCount } : s;
    });
  });
  define("writeResults", (...args: Parameters<XlsxWorkbook["writeResults"]>) => XlsxWorkbook.prototype.writeResults.apply(make(true), args));
  return copy;
}

/**
 * A fresh in-memory workbook equal to `XlsxWorkbook.fromBuffer(bytes, source)`, from the shared
 * cache when it holds these bytes (copy on write: reads before the first write are answered by one
 * shared, never-written workbook). `source` names the workbook in parse errors, as fromBuffer does.
 */
export async function cachedWorkbook(bytes: Uint8Array, source?: string): Promise<XlsxWorkbook> {
  const file = entryPath("model", bytes);
  let entry = models.get(file);
  if (!entry) {
    entry = (async () => {
      let model = readEntry(file);
      if (!model) {
        model = serialize((await parse(bytes, source)).workbook.model);
        writeEntry(file, model);
      }
      let light: Buffer | null | undefined;
      const lightOf = () => {
        if (light === undefined) {
          // Keyed by the code that strips the rows too, so a changed rule never reads an old entry.
          const lightFile = entryPath("light", Buffer.concat([bytes, Buffer.from(lightModel.toString())]));
          const stored = readEntry(lightFile);
          // An empty entry: no sheet is large.
          light = stored ? (stored.length > 0 ? stored : null) : lightModel(model!);
          if (!stored) writeEntry(lightFile, light ?? new Uint8Array(0));
        }
        return light;
      };
      return { model, light: lightOf, shared: fromModel(model) };
    })();
    models.set(file, entry);
  }
  return copyOnWrite(await entry);
}

/** Per process: bytes already built (by key). */
const built = new Map<string, Promise<Uint8Array>>();

/**
 * Bytes built once for all test files: `build()` runs only when the cache has no entry for `key`,
 * these `inputs` (the bytes the build starts from) and the build's own source text (so an edited
 * build is never served its old output), all hashed into the entry's name.
 */
export function cachedBytes(key: string, inputs: Uint8Array[], build: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = entryPath(key, Buffer.concat([...inputs, Buffer.from(build.toString())]));
  let out = built.get(file);
  if (!out) {
    out = (async () => {
      const cached = readEntry(file);
      if (cached) return new Uint8Array(cached);
      const bytes = await build();
      writeEntry(file, bytes);
      return bytes;
    })();
    built.set(file, out);
  }
  return out;
}
