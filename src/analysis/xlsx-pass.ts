/**
 * The reading pass over an .xlsx, platform-neutral (the command line and the browser page's
 * worker both run it): the worksheets in workbook order, the meta sheet `_batbzk` first so that
 * our own result sheets of an earlier run are recognised and skipped before their rows are read,
 * each sheet's rows scanned straight from the inflated XML (src/workbook/xlsx-parts.ts,
 * src/workbook/sheet-xml.ts), never a workbook model in memory.
 *
 * Per sheet, the first rows (default 5,000) are kept for recognition. A sheet that ends within
 * them is recognised on all its rows, exactly as `analyseWorkbook` does. A larger sheet is
 * recognised on those rows; when it is a stock table they are handed to a `StockRowReader` and
 * every further row goes straight to it (only the parsed `StockRow`s are kept); a large demand
 * or supply table is kept whole (those are small in practice); any other large sheet is not
 * kept. After the pass, `analyseSheets` (src/analysis/analyse.ts) does the rest, as for every route.
 *
 * Differences with the in-memory route (src/workbook/xlsx.ts), none of which matter for the
 * sample workbooks (test/workbook/xlsx-stream.test.ts holds both routes to the same result):
 * merged cells hold their value in the top-left cell only (the in-memory reader repeats it over
 * the merged range); a sheet larger than the recognition buffer is recognised on its first rows.
 */
import { UserError } from "../domain/issues";
import { StockRowReader } from "../ingest/stock";
import type { CellValue, RawTable, TableKind } from "../ingest/types";
import { analyseSheets } from "./analyse";
import { checkChosenSheets, isStockCandidate, needsCells, recogniseSheet, stockOptionsFor } from "./choose";
import type { AnalyseOptions, AnalysisResult, SheetRead } from "./result";
import { checkCancelled } from "./ledger";
import { containerMessage } from "../workbook/container";
import { META_SHEET, parseMeta, type MetaContent } from "../workbook/marker";
import { COPY_CHECK_ROWS, CopySourceError, type SheetCopy, type SheetCopyTarget } from "../workbook/sheet-copy";
import { readWorkbookInfo, worksheets, type ZipParts } from "../workbook/xlsx-parts";

/** Options of {@link analyseXlsxStream}. */
export interface StreamAnalyseOptions extends AnalyseOptions {
  /** How to name the file in messages, e.g. "Bestand 'voorraad.xlsx'". */
  label?: string;
  /** Rows of a sheet kept for recognition before a larger sheet is streamed (default 5,000). */
  recogniseRows?: number;
  /** When set, every input sheet except our own result sheets and the meta sheet is handed to
   * it, row by row, in the same pass. */
  copy?: SheetCopyTarget;
  /** Called every 16,384 rows of a sheet with the rows read so far and the share of the sheet's
   * XML read (0..1; the browser's progress). */
  onRows?: (sheet: string, rows: number, fraction: number) => void;
  /** Receives the raw error behind an "unreadable file" message (BAT_BZK_DEBUG on the command line). */
  onDebug?: (err: unknown) => void;
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
    // The input could not be read while copying it: an unreadable input, like any other read.
    if (err instanceof CopySourceError) throw err.original;
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
 * Analyses an opened .xlsx package in one pass (see the module comment), optionally copying
 * the input sheets to a writer on the way.
 *
 * @param open opens the package (zip central directory); called inside the pass so that its
 *   failure is reported as an unreadable file.
 * @param options analysis options, plus the file's label for messages and the copy target.
 * @returns the same `AnalysisResult` as `analyseWorkbook` on the same file, plus what the pass did.
 * @throws UserError (Dutch) for an unreadable file, a missing `--voorraad`/`--vraag` sheet,
 *   a workbook without stock, demand or supply, or a cancelled run.
 */
export async function analysePackage(open: () => Promise<ZipParts>, options: StreamAnalyseOptions): Promise<StreamAnalysis> {
  const label = options.label ?? "Het bestand";
  const limit = options.recogniseRows ?? 5000;
  const { onProgress, signal } = options;
  onProgress?.("Werkmap lezen", 0);
  let previous: MetaContent = { sheets: {}, settings: null };
  let own = new Set<string>();
  const reads: SheetRead[] = [];
  const stats: StreamStats = { sheets: [], maxHeldRows: 0, stockRowsStreamed: 0 };
  let checked = false;

  try {
    const zip = await open();
    const info = await readWorkbookInfo(zip);
    if (options.copy?.startWorkbook) {
      const target = options.copy;
      await copyStep(() => target.startWorkbook!(zip, info));
    }
    for await (const sheet of worksheets(zip, info)) {
      if (sheet.name === META_SHEET) {
        const rows: unknown[][] = [];
        await sheet.read((row) => {
          if (row.number === 1) return;
          rows.push([0, 1, 2].map((c) => row.values[c] ?? null));
        });
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
      checkCancelled(signal);
      const collector = new SheetCollector(sheet.name, options, limit);
      let copy: SheetCopy | undefined;
      if (options.copy) {
        const target = options.copy;
        await copyStep(async () => void (copy = await target.startSheet(sheet)));
      }
      let n = 0;
      const c = copy as SheetCopy | undefined;
      const onCopy = c?.row?.bind(c);
      const onCheck = c?.check?.bind(c);
      await sheet.read((row) => {
        collector.push(row.number, row.values);
        if ((++n & 0x3fff) === 0) {
          checkCancelled(signal);
          options.onRows?.(sheet.name, n, sheet.progress());
        }
        if (onCopy || onCheck) {
          let pending: void | Promise<void>;
          try {
            if (onCheck && (n & (COPY_CHECK_ROWS - 1)) === 0) onCheck();
            pending = onCopy?.(row);
          } catch (err) {
            throw new CopyFailure(err);
          }
          if (pending) return pending.catch((err: unknown) => Promise.reject(new CopyFailure(err)));
        }
      }, { withFormat: onCopy !== undefined });
      if (c) await copyStep(() => c.end());
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
    options.onDebug?.(err);
    // The file passed the container check (a zip), so it is damaged, incomplete or another zip.
    throw new UserError(containerMessage("zip", label));
  }
  const inputSheets = reads.map((r) => r.name);
  checkChosenSheets(inputSheets, options);
  onProgress?.("Werkmap lezen", 0.3);
  const result = analyseSheets(reads, options);
  return { result, stats, previous, inputSheets };
}
