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
import ExcelJS from "exceljs";
import { META_SHEET } from "../../src/workbook/marker";
import type { SheetInfo } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

/** The cache's folder; `BAT_BZK_TESTS_CACHE` names another (e.g. an empty one, to time a first run). */
const CACHE_DIR = process.env.BAT_BZK_TESTS_CACHE ?? path.resolve(__dirname, "../../node_modules/.cache/bat-bzk-tests");
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

/** Per process: the serialised model of each workbook already read (by cache path). */
const models = new Map<string, Promise<Buffer>>();
/** Per process: one workbook made from each model, only ever read (by cache path). */
const sharedReads = new Map<string, XlsxWorkbook>();

/** The serialised ExcelJS model of `bytes`: from this process, the cache, or `parse()` (whose
 * model is then stored). Every parse is ExcelJS's `xlsx.load` of the bytes, so the entry is the
 * same whichever route made it. */
function modelOf(bytes: Uint8Array, parse: () => Promise<ExcelJS.Workbook>): { file: string; model: Promise<Buffer> } {
  const file = entryPath("model", bytes);
  let model = models.get(file);
  if (!model) {
    model = (async () => {
      let m = readEntry(file);
      if (!m) {
        m = serialize((await parse()).model);
        writeEntry(file, m);
      }
      return m;
    })();
    models.set(file, model);
  }
  return { file, model };
}

/**
 * `deserialize` with the model's dates made in this realm. node:v8 is one of Node's own modules,
 * which Jest does not load into a test's sandbox, so the dates it makes are Node's: `instanceof
 * Date` is false for them in the test (and in the code under test, which runs there too), and
 * `XlsxWorkbook.readSheet` read such a cell as empty. Dates are where ExcelJS's model keeps them:
 * cell values, formula results and the workbook's own properties (created, modified, printed);
 * only those are looked at (a walk over every object of the Kerkrade model took 0.2-0.4 s).
 *
 * Also the merged cells: ExcelJS's worksheet model getter lists them as `merges`, its setter reads
 * `mergeCells` (as its .xlsx reader gives them), so a model read back as it was stored lost every
 * merge (a sheet with C1:D2 merged read one column narrower than ExcelJS's own parse of the file).
 */
function deserializeHere(data: Buffer): unknown {
  const m = deserialize(data) as Record<string, unknown> & { worksheets?: CellRows[]; sheets?: CellRows[] };
  const foreign = (v: unknown): v is Date => v !== null && typeof v === "object" && !(v instanceof Date) && Object.prototype.toString.call(v) === "[object Date]";
  for (const key of Object.keys(m)) if (foreign(m[key])) m[key] = new Date(m[key].getTime());
  for (const ws of [...(m.worksheets ?? []), ...(m.sheets ?? [])]) {
    if (ws.merges && !ws.mergeCells) ws.mergeCells = ws.merges;
    for (const row of ws.rows ?? []) {
      for (const cell of row?.cells ?? []) {
        if (!cell) continue;
        if (foreign(cell.value)) cell.value = new Date(cell.value.getTime());
        if (foreign(cell.result)) cell.result = new Date(cell.result.getTime());
      }
    }
  }
  return m;
}

/** The rows and merges of a worksheet's model, as far as {@link deserializeHere} looks at them. */
interface CellRows {
  rows?: ({ cells?: ({ value?: unknown; result?: unknown } | null)[] } | null)[];
  /** The merged ranges as the model getter lists them, and as the model setter reads them. */
  merges?: string[];
  mergeCells?: string[];
}

/** A workbook made from a serialised ExcelJS model (ExcelJS's .xlsx reader ends the same way). */
function fromModel(model: Buffer): XlsxWorkbook {
  const wb = XlsxWorkbook.empty();
  wb.workbook.model = deserializeHere(model) as ExcelJS.WorkbookModel;
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
 * `sheets`, which it reads the order from): both lose those rows. Each such sheet's model is
 * marked `rowsLeftOut` (the model setter ignores the key).
 */
function lightModel(model: Buffer): Buffer | null {
  const m = deserialize(model) as { worksheets: SheetModel[]; sheets?: SheetModel[] };
  const large = new Set<string>();
  for (const ws of m.worksheets) {
    if (ws.name === META_SHEET || ws.rows.length < LARGE_SHEET_ROWS || (ws.mergeCells?.length ?? 0) > 0 || (ws.merges?.length ?? 0) > 0) continue;
    large.add(ws.name);
  }
  if (large.size === 0) return null;
  const swap = (list: SheetModel[]) => list.map((ws) => (large.has(ws.name) ? { ...ws, rows: [], rowsLeftOut: true } : ws));
  return serialize({ ...m, worksheets: swap(m.worksheets), ...(m.sheets ? { sheets: swap(m.sheets) } : {}) });
}

/** A light model and the names of the sheets it left the rows out of. */
interface Light {
  model: Buffer;
  sheets: Set<string>;
}

/** Per process: each model's light model (by cache path; null: no sheet is large). */
const lights = new Map<string, Light | null>();

/** The light model of the model cached at `file` for `bytes`: from this process, the cache, or made (and stored). */
function lightOf(file: string, bytes: Uint8Array, model: Buffer): Light | null {
  let light = lights.get(file);
  if (light === undefined) {
    // Keyed by the code that strips the rows and its constants too, so a changed rule never reads an old entry.
    const lightFile = entryPath("light", Buffer.concat([bytes, Buffer.from(`${lightModel.toString()}\0${LARGE_SHEET_ROWS}\0${META_SHEET}`)]));
    const stored = readEntry(lightFile);
    // An empty entry: no sheet is large.
    const buffer = stored ? (stored.length > 0 ? stored : null) : lightModel(model);
    if (!stored) writeEntry(lightFile, buffer ?? new Uint8Array(0));
    const sheets = buffer ? (deserialize(buffer) as { worksheets: (SheetModel & { rowsLeftOut?: boolean })[] }).worksheets.filter((ws) => ws.rowsLeftOut) : [];
    light = buffer ? { model: buffer, sheets: new Set(sheets.map((ws) => ws.name)) } : null;
    lights.set(file, light);
  }
  return light;
}

/** An ExcelJS worksheet's internal row setter (worksheet.js `_parseRows`, which its `model` setter calls first). */
type RowsFromModel = { _parseRows(model: SheetModel): void };

/**
 * A workbook equal to `fromModel(model)` that makes its own ExcelJS workbook only when something
 * touches it (a write, or a test using `.workbook`): until then its reads are answered by
 * `shared()`, which holds the same model and is never written (made at its first read, so a test
 * that writes or takes `.workbook` at once builds one workbook, not two). Building the Kerkrade
 * model takes the better part of a second, and many tests only read.
 *
 * A write through `writeResults` makes the own workbook from the light model when there is one: the same
 * sheets, the large ones without rows. `writeResults` adds, renames and removes sheets and writes
 * only into the sheets it adds, so a sheet left without rows (`rowless`, by its name in `shared`)
 * holds what the same sheet of `shared` holds: `readSheet` reads it there and `listSheets` takes
 * its size from there. Anything else that needs the workbook (`.workbook`, `toBuffer`) first gives
 * those sheets their rows from `model`.
 */
function copyOnWrite(shared: () => XlsxWorkbook, model: Buffer, lightOf: () => Light | null): XlsxWorkbook {
  let own: XlsxWorkbook | null = null;
  const rowless = new Map<ExcelJS.Worksheet, string>();
  /** The own workbook made light (only for `writeResults`) or whole. */
  const make = (allowLight: boolean): XlsxWorkbook => {
    if (!own) {
      const light = allowLight ? lightOf() : null;
      own = fromModel(light?.model ?? model);
      if (light) for (const ws of own.workbook.worksheets) if (light.sheets.has(ws.name)) rowless.set(ws, ws.name);
    }
    if (!allowLight && rowless.size > 0) {
      const full = deserializeHere(model) as { worksheets: SheetModel[] };
      for (const [ws, name] of rowless) (ws as unknown as RowsFromModel)._parseRows(full.worksheets.find((m) => m.name === name)!);
      rowless.clear();
    }
    return own;
  };
  const copy = Object.create(XlsxWorkbook.prototype) as XlsxWorkbook;
  Object.defineProperty(copy, "workbook", { get: () => make(false).workbook });
  const define = (name: string, value: (...args: never[]) => unknown) => Object.defineProperty(copy, name, { value, writable: true, configurable: true });
  define("readSettings", () => XlsxWorkbook.prototype.readSettings.call(own ?? shared()));
  define("readSheet", async (name: string) => {
    const ws = own?.workbook.getWorksheet(name);
    const from = ws ? rowless.get(ws) : undefined;
    if (from === undefined) return XlsxWorkbook.prototype.readSheet.call(own ?? shared(), name);
    return { ...(await shared().readSheet(from)), sheet: name };
  });
  define("listSheets", async (): Promise<SheetInfo[]> => {
    if (!own) return shared().listSheets();
    const list = await XlsxWorkbook.prototype.listSheets.call(own);
    if (rowless.size === 0) return list;
    const sizes = new Map((await shared().listSheets()).map((s) => [s.name, s]));
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
  // On a miss the workbook just parsed is the shared one (building another from its model would
  // cost as much again: the first run after a clone parses every workbook).
  let parsed: XlsxWorkbook | null = null;
  const entry = modelOf(bytes, async () => (parsed = await parse(bytes, source)).workbook);
  const model = await entry.model;
  if (parsed && !sharedReads.has(entry.file)) sharedReads.set(entry.file, parsed);
  const shared = (): XlsxWorkbook => {
    let wb = sharedReads.get(entry.file);
    if (!wb) sharedReads.set(entry.file, (wb = fromModel(model)));
    return wb;
  };
  return copyOnWrite(shared, model, () => lightOf(entry.file, bytes, model));
}

/**
 * A fresh ExcelJS workbook equal to `new ExcelJS.Workbook()` after `xlsx.load(bytes)`, from the
 * same cache (no project code: on a miss ExcelJS parses the bytes itself). For tests that read
 * a workbook with ExcelJS alone (test/samples.test.ts).
 */
export async function cachedExcelJsWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // On a miss the caller gets the workbook just parsed (no one else has it).
  let parsed: ExcelJS.Workbook | null = null;
  const model = await modelOf(bytes, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return (parsed = wb);
  }).model;
  if (parsed) return parsed;
  const wb = new ExcelJS.Workbook();
  wb.model = deserializeHere(model) as ExcelJS.WorkbookModel;
  return wb;
}

/** Per process: bytes already built (by key). */
const built = new Map<string, Promise<Uint8Array>>();

/**
 * Bytes built once for all test files: `build()` runs only when the cache has no entry for `key`,
 * these `inputs` (the bytes the build starts from) and the build's own source text (so an edited
 * build is never served its old output), all hashed into the entry's name. Every call gets its
 * own copy of the bytes.
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
  // Each caller its own bytes: a test that damages its input in place must not damage another's.
  return out.then((bytes) => bytes.slice());
}

/**
 * `XlsxWorkbook.fromBuffer` of the bytes ExcelJS writes for `wb` (`wb.xlsx.writeBuffer()`), for a
 * test that builds a workbook only to analyse it from its bytes: the bytes are built once for all
 * test files and runs, keyed by the workbook's content, and parsed through the model cache
 * ({@link cachedWorkbook}). The content is ExcelJS's model of `wb`, which is what its writer
 * renders, without the created and modified times a new workbook is stamped with (so the same
 * workbook built again is the same key; those times only go into docProps/core.xml).
 */
export async function cachedRoundTrip(wb: ExcelJS.Workbook): Promise<XlsxWorkbook> {
  return cachedWorkbook(await cachedWrittenBytes(wb));
}

/** The bytes ExcelJS writes for `wb`, built once for all test files and runs (see {@link cachedRoundTrip}). */
export function cachedWrittenBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const { created: _created, modified: _modified, ...content } = wb.model;
  return cachedBytes("written", [Buffer.from(contentText(content))], async () => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/**
 * A text that is the same exactly when `value` (plain data: ExcelJS's model) is: JSON, with the
 * values JSON would lose or merge tagged (undefined, NaN, ±Infinity, -0, dates). Not V8's
 * serialiser: its bytes for equal data differ between processes (a number stored as an integer
 * or as a double, an array with holes after `spliceRows`), so the key would change every run.
 */
function contentText(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return `\u0000date:${raw.getTime()}`;
    if (v === undefined) return "\u0000undefined";
    if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) return `\u0000number:${Object.is(v, -0) ? "-0" : String(v)}`;
    return v;
  });
}
