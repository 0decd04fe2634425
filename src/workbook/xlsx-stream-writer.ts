/**
 * Writing the result workbook as a stream, for the command line (`--uit`) and the browser page's
 * download: the input's sheets are copied during a reading pass (on the command line the
 * analysis's own, src/analysis/xlsx-pass.ts; in the page a copy-only pass after the analysis,
 * src/workbook/xlsx-copy.ts), through `SheetCopyTarget` of src/workbook/sheet-copy.ts, then the
 * result sheets are added with the layout of the in-memory
 * adapter (src/workbook/xlsx.ts: `layoutSheet`, `NUMBER_FORMATS`, title, notes, captions, Excel
 * tables with style TableStyleMedium2), then the very hidden meta sheet `_batbzk` that lets a
 * later run recognise our sheets. Platform-neutral: the zip goes to the `ZipSink` it is given
 * (src/workbook/zip-sink.ts: a file with Node's zlib on the command line, a Blob with the
 * browser's `CompressionStream` in the page). Nothing is held but the row being written and the compressed
 * bytes of the sheet being written and of those queued before it and not yet in the file
 * (src/workbook/zip-sink.ts: the parts are queued, so a sheet is made while the one before it is
 * written; the next sheet waits while more than `MAX_QUEUED_BYTES`, 32 MiB, are queued).
 *
 * The input's styles part and shared strings are the base of the output's: the result sheets'
 * cell formats and texts are appended after them (src/workbook/styles-append.ts,
 * src/workbook/shared-strings-part.ts), so every style index and shared-string index of the
 * input stays valid in the output. That lets an input sheet be copied in one of two ways:
 * - **as stored** (the usual case): a sheet part without relationships (no tables, comments,
 *   drawings, hyperlinks, printer settings) is copied into the output zip as the input stores it,
 *   still compressed (zip.js `passThrough`), never inflated or parsed for the copy. Everything
 *   the sheet's XML holds stays: cells, formulas (shared formulas too), styles, merged cells,
 *   conditional formatting, data validation, autofilter, frozen panes and other sheet views,
 *   row and column settings, print settings.
 * - **re-generated** from the rows the pass reads (a sheet with relationships, whose ids the
 *   copied XML would point to nothing with): every cell value (text, numbers, dates, booleans,
 *   errors) with its style index, shared strings (rich text too) by their index, formulas with
 *   their cached result (cells of a shared formula other than its first become their cached
 *   value), row heights, column widths and the sheet's visibility. Not kept there: merged cells,
 *   Excel tables and autofilters, conditional formatting, data validation, hyperlinks (their
 *   text stays), comments, images and charts, sheet views, print settings.
 * Both ways: defined names (print areas, named ranges) are not carried over; the input's theme is
 * (it gives the styles' theme colours their meaning); dates stay in the input's date system.
 *
 * Result rows are serialised here as XML text, encoded into a reused buffer that goes to zlib,
 * never through a spreadsheet library's row and cell objects. Text is written as a shared string
 * when it repeats in its column (src/workbook/shared-texts.ts), else as an inline string; never
 * as a formula. Table parts as ExcelJS's TableXform wrote them (package-parts.ts `tablePart`).
 */
/// <reference path="./exceljs-theme.d.ts" />
import { columnLetter } from "../domain/issues";
import type { ModelValue, SheetModel } from "../report/sheet-model";
import { columnWidths, layoutSheet, NUMBER_FORMATS, tableRowAt, tableRowCount } from "../report/sheet-model";
import { chooseSheetName, META_SHEET, metaRows } from "./marker";
import {
  appXml, contentTypes, coreXml, packageRels, relationshipsPartOf, sheetEnd, sheetStart, sheetTableRels, tablePart, workbookRels, workbookXml,
  type ColRange, type OutputSheet, type PackageContents,
} from "./package-parts";
import type { StoredSettings, WriteOutcome } from "./port";
import { ColumnTally, SharedTexts } from "./shared-texts";
import { writeSharedStringsPart } from "./shared-strings-part";
import { fromSource, type SheetCopy, type SheetCopyTarget } from "./sheet-copy";
import type { SheetRow } from "./sheet-xml";
import { appendCellFormats, type CellFormatSpec } from "./styles-append";
import { toTransitional } from "./strict-namespaces";
import { relationshipCount, type StreamedSheet, type WorkbookInfo, type ZipParts } from "./xlsx-parts";
import { textElement, xmlText } from "./xml-text";
import { holdRaw, type DeflatedPart, type HeldEntry, type ZipSink } from "./zip-sink";
// ExcelJS's default theme (the one a new workbook of Excel has, 8 KB of XML), for an input
// without a theme part (a Strict workbook converted, a file from another writer). Imported
// statically, so the browser page's worker has it in its own bundle: no chunk to load at the
// moment of a download.
import DEFAULT_THEME from "exceljs/lib/xlsx/xml/theme1.js";

export { xmlText } from "./xml-text";


/** A cell value as the row writer takes it. */
type XmlValue = ModelValue | boolean | Date | { error: string } | undefined;

/** 0-based column → letters, cached ("A" … "XFD"). */
const COLUMN_LETTERS: string[] = [];
function letters(c: number): string {
  let l = COLUMN_LETTERS[c];
  if (l === undefined) {
    l = columnLetter(c + 1);
    COLUMN_LETTERS[c] = l;
  }
  return l;
}

/** 0-based column → the start of its cells' markup up to the row number (`<c r="B`), cached. */
const CELL_OPEN: string[] = [];
function cellOpen(c: number): string {
  let o = CELL_OPEN[c];
  if (o === undefined) {
    o = `<c r="${letters(c)}`;
    CELL_OPEN[c] = o;
  }
  return o;
}

/** Rows written between two checks of the compressor's backlog (`DeflatedPart.drain`). */
const ROWS_PER_PAUSE = 256;

/** The cell formats of the result sheets, in the order of {@link RESULT_FORMATS}. */
type FormatKey = "title" | "note" | "caption" | "integer" | "number" | "percent" | "year";
const RESULT_FORMATS: readonly [FormatKey, CellFormatSpec][] = [
  ["title", { font: { bold: true, size: 14 } }],
  ["note", { font: { italic: true, color: "FF555555" } }],
  ["caption", { font: { bold: true } }],
  ["integer", { numFmt: NUMBER_FORMATS.integer! }],
  ["number", { numFmt: NUMBER_FORMATS.number! }],
  ["percent", { numFmt: NUMBER_FORMATS.percent! }],
  ["year", { numFmt: NUMBER_FORMATS.year! }],
];

/** The style attribute for style index `s` (` s="5"`, or "" for style 0). */
function sAttr(s: number): string {
  return s > 0 ? ` s="${s}"` : "";
}

/** The opening tag of row `rowNumber` (1-based), with its height in points when it has one. */
function rowStart(rowNumber: number, height?: number): string {
  return height ? `<row r="${rowNumber}" ht="${height}" customHeight="1">` : `<row r="${rowNumber}">`;
}

/** Days from the date system's epoch (1899-12-30, or 1904-01-01) to `d`, as Excel stores dates. */
function dateSerial(d: Date, date1904: boolean): number {
  return (date1904 ? 24107 : 25569) + d.getTime() / 86_400_000;
}

/** An inline-string cell of text `v` (not empty) at `ref`, with style attribute `s`. */
function inlineText(ref: string, v: string, s: string): string {
  return `<c r="${ref}"${s} t="inlineStr"><is>${textElement(v)}</is></c>`;
}

/** Writes the rows of one sheet as XML into a part (exported for tests). */
export class RowWriter {
  private readonly tally = new ColumnTally();
  /**
   * Per 0-based column of {@link values}: the rest of a shared-string cell's markup after its row
   * number (`" t="s"><v>105366</v></c>`, with the column's style attribute), per shared index
   * minus the table's base; made once per column and text instead of once per cell. `style` is
   * the attribute the tails were made with (a column written with another style starts afresh).
   */
  private readonly sharedTails: { style: string; tails: string[] }[] = [];

  /** The pieces of the row {@link values} is making (one array, reused for every row). */
  private readonly pieces: string[] = [];

  constructor(readonly part: DeflatedPart, private readonly texts: SharedTexts, private readonly date1904: boolean) {}

  /** The XML of a text cell (shared when it repeats in its column), or "" for empty text. */
  private text(ref: string, c: number, v: string, s: string): string {
    if (v === "") return s === "" ? "" : `<c r="${ref}"${s}/>`;
    const k = this.texts.index(v, c, this.tally);
    return k >= 0 ? `<c r="${ref}"${s} t="s"><v>${k}</v></c>` : inlineText(ref, v, s);
  }

  /** The XML of one cell in 0-based column `c` (`ref` its address), or "" when there is nothing to write. */
  cell(ref: string, c: number, v: XmlValue, s: string): string {
    if (v === null || v === undefined) return s === "" ? "" : `<c r="${ref}"${s}/>`;
    switch (typeof v) {
      case "string":
        return this.text(ref, c, v, s);
      case "number":
        return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : "";
      case "boolean":
        return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      default:
        break;
    }
    if (v instanceof Date) {
      const t = v.getTime();
      return Number.isNaN(t) ? "" : `<c r="${ref}"${s}><v>${dateSerial(v, this.date1904)}</v></c>`;
    }
    if ("error" in v) return `<c r="${ref}"${s} t="e"><v>${xmlText(String(v.error))}</v></c>`;
    return "";
  }

  /** Writes one row: `cellsXml` are its cells' XML, joined. */
  row(rowNumber: number, cellsXml: string, height?: number): void {
    if (cellsXml === "" && !height) return;
    this.part.write(`${rowStart(rowNumber, height)}${cellsXml}</row>`);
  }

  /**
   * Writes a row of values with one style attribute per column (result tables). The same cells
   * as {@link cell} gives, with the two kinds of the per-dwelling table's cells made from cached
   * pieces: a text written as a shared string, and a finite number. The row's pieces are
   * gathered in {@link pieces} and joined once, into one flat string: `+=` made a tree of some
   * forty concatenations per row that writing it had to flatten (about a third more main-thread
   * time for the per-dwelling rows, docs/performance.md).
   */
  values(rowNumber: number, values: readonly XmlValue[], styles: readonly string[]): void {
    const pieces = this.pieces;
    const suffix = String(rowNumber);
    pieces.length = 0;
    pieces.push(rowStart(rowNumber));
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      const s = styles[c] ?? "";
      if (typeof v === "string" && v !== "") {
        // One lookup per cell: index() counts it in the column's tally (a -1 is written inline
        // here, not through cell(), which would look the text up, and count it, again).
        const k = this.texts.index(v, c, this.tally);
        if (k >= 0) pieces.push(cellOpen(c), suffix, this.sharedTail(c, s, k));
        else pieces.push(inlineText(letters(c) + suffix, v, s));
      } else if (typeof v === "number" && Number.isFinite(v)) {
        pieces.push(cellOpen(c), suffix, `"${s}><v>`, String(v), "</v></c>");
      } else {
        const xml = this.cell(letters(c) + suffix, c, v, s);
        if (xml !== "") pieces.push(xml);
      }
    }
    // A row without cells is not written (as row() does).
    if (pieces.length === 1) return;
    pieces.push("</row>");
    this.part.write(pieces.join(""));
  }

  /** `" t="s"><v>k</v></c>` with style attribute `s`, for shared index `k` in 0-based column `c`. */
  private sharedTail(c: number, s: string, k: number): string {
    let col = this.sharedTails[c];
    if (col === undefined || col.style !== s) {
      col = { style: s, tails: [] };
      this.sharedTails[c] = col;
    }
    const at = k - this.texts.base;
    let tail = col.tails[at];
    if (tail === undefined) {
      tail = `"${s} t="s"><v>${k}</v></c>`;
      col.tails[at] = tail;
    }
    return tail;
  }

  /**
   * Writes a row read from an input sheet (`withFormat`): each cell with its style index and,
   * for a shared string, its index (the input's shared strings come first in the output's).
   */
  inputRow(row: SheetRow): void {
    // Pieces joined once, as in values().
    const pieces = this.pieces;
    const suffix = String(row.number);
    const height = row.height || undefined;
    pieces.length = 0;
    pieces.push(rowStart(row.number, height));
    for (let i = 0; i < row.cellCount; i++) {
      const si = row.styles[i];
      if (si === undefined || si < 0) continue;
      const s = sAttr(si);
      const shared = row.shared[i];
      if (shared >= 0) {
        pieces.push(cellOpen(i), suffix, `"${s} t="s"><v>${shared}</v></c>`);
        continue;
      }
      const ref = letters(i) + suffix;
      const value = (i < row.values.length ? row.values[i] : null) as XmlValue;
      const formula = row.formulas[i];
      const xml = formula ? this.formulaCell(ref, formula, value, s) : this.cell(ref, i, value, s);
      if (xml !== "") pieces.push(xml);
    }
    // A row without cells is written only for its height (as row() does).
    if (pieces.length === 1 && !height) return;
    pieces.push("</row>");
    this.part.write(pieces.join(""));
  }

  /** A formula cell with its cached result. */
  private formulaCell(ref: string, formula: string, result: XmlValue, s: string): string {
    const f = `<f>${xmlText(formula)}</f>`;
    if (typeof result === "string") return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(result)}</v></c>`;
    if (typeof result === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${result ? 1 : 0}</v></c>`;
    if (typeof result === "number" && Number.isFinite(result)) return `<c r="${ref}"${s}>${f}<v>${result}</v></c>`;
    if (result instanceof Date && !Number.isNaN(result.getTime())) return `<c r="${ref}"${s}>${f}<v>${dateSerial(result, this.date1904)}</v></c>`;
    if (result && typeof result === "object" && "error" in result) {
      return `<c r="${ref}"${s} t="e">${f}<v>${xmlText(String((result as { error: unknown }).error))}</v></c>`;
    }
    return `<c r="${ref}"${s}>${f}</c>`;
  }
}

/** The widths of {@link columnWidths} as `<col>` ranges. */
function widthRanges(widths: Map<number, number>): ColRange[] {
  return [...widths].sort((a, b) => a[0] - b[0]).map(([ci, width]) => ({ min: ci + 1, max: ci + 1, width }));
}

/**
 * A result workbook written as a stream to a `ZipSink`. Use: pass it as `copy` to
 * `analyseXlsxStream` (or to `copyWorkbook`), then `writeResults`, then `commit` (or `abort` on
 * failure). On the command line: `new XlsxStreamWriter(await openZipFileSink(file))`
 * (src/workbook/zip-node.ts); in the browser: over a `BlobOutput` (src/workbook/zip-blob.ts).
 */
export class XlsxStreamWriter implements SheetCopyTarget {
  private readonly sheets: OutputSheet[] = [];
  private readonly tables: string[] = [];
  private finished = false;
  private source: { zip: ZipParts; info: WorkbookInfo } | null = null;
  /** The input's shared strings and theme parts as stored (the input is closed before `commit`). */
  private held: { sharedStrings: HeldEntry | null; theme: HeldEntry | null } = { sharedStrings: null, theme: null };
  /** The workbook's shared texts after the input's (see src/workbook/shared-texts.ts). */
  private texts = new SharedTexts();
  private styles: { xml: string; attr: Record<FormatKey, string> } | null = null;
  /** Input sheets copied as stored and re-generated (for tests and the docs). */
  readonly copied = { stored: [] as string[], regenerated: [] as string[] };

  /** @param sink the zip the workbook goes to (closed by {@link commit} or {@link abort}). */
  constructor(private readonly sink: ZipSink) {}

  /** Names of the sheets written so far. */
  get sheetNames(): readonly string[] {
    return this.sheets.map((s) => s.name);
  }

  private get date1904(): boolean {
    return this.source?.info.date1904 ?? false;
  }

  /** The styles part and the result formats' style attributes (made once, from the input's styles). */
  private async resultStyles(): Promise<{ xml: string; attr: Record<FormatKey, string> }> {
    if (this.styles) return this.styles;
    const src = this.source;
    const input = src && src.info.stylesPart !== null ? await fromSource(src.zip.text(src.info.stylesPart)) : null;
    let made: { xml: string; ids: number[] };
    try {
      made = appendCellFormats(input === null ? null : toTransitional(input), RESULT_FORMATS.map(([, spec]) => spec));
    } catch {
      // An input styles part without the lists (no valid style index in its sheets either).
      made = appendCellFormats(null, RESULT_FORMATS.map(([, spec]) => spec));
    }
    const attr = {} as Record<FormatKey, string>;
    RESULT_FORMATS.forEach(([key], i) => (attr[key] = sAttr(made.ids[i])));
    this.styles = { xml: made.xml, attr };
    return this.styles;
  }

  /** The input package (`SheetCopyTarget`): its styles, shared strings and theme are the output's base. */
  async startWorkbook(zip: ZipParts, info: WorkbookInfo): Promise<void> {
    this.source = { zip, info };
    const hold = async (part: string | null) => {
      const raw = part === null ? null : zip.raw(part);
      return raw ? fromSource(holdRaw(raw, zip.inflate)) : null;
    };
    // A Strict theme is in other namespaces: the default theme replaces it (see strict-namespaces.ts).
    this.held = { sharedStrings: await hold(info.sharedStringsPart), theme: info.strict ? null : await hold(info.themePart) };
    this.texts = new SharedTexts(this.held.sharedStrings ? info.sharedStrings.length : 0);
    await this.resultStyles();
  }

  /** The next worksheet part's path. */
  private nextPart(): string {
    return `xl/worksheets/sheet${this.sheets.length + 1}.xml`;
  }

  /** Copies one input sheet (`SheetCopyTarget`): as stored when it can, else row by row. */
  async startSheet(sheet: StreamedSheet): Promise<SheetCopy> {
    const part = this.nextPart();
    const src = this.source;
    // A Strict sheet is re-generated: stored, it would keep the Strict namespace names.
    const raw = src && !src.info.strict && (await fromSource(relationshipCount(src.zip, sheet.part))) === 0 ? src.zip.raw(sheet.part) : null;
    if (raw) {
      // Copied while the pass reads the sheet for the analysis; the pass awaits `end` (so the
      // input stays open until the copy is written, and a damaged part fails the pass) and calls
      // `check` every few hundred rows (so a full disk stops the pass early, not at the sheet's end).
      const copying = this.sink.copyRaw(part, raw);
      this.sheets.push({ name: sheet.name, state: sheet.state, part });
      this.copied.stored.push(sheet.name);
      return { check: () => this.sink.throwIfFailed(), end: () => copying };
    }
    this.copied.regenerated.push(sheet.name);
    this.sheets.push({ name: sheet.name, state: sheet.state, part });
    const rows = new RowWriter(this.sink.part(), this.texts, this.date1904);
    let started = false;
    let n = 0;
    const start = () => {
      if (started) return;
      started = true;
      // <cols> comes before the rows in the input, so it is known when the first row arrives.
      const cols = (sheet.columns() ?? []).map((c) => ({ min: c.min, max: Math.min(c.max, 16384), width: c.width }));
      rows.part.write(sheetStart(cols));
    };
    return {
      row: (row) => {
        start();
        rows.inputRow(row);
        if (++n % ROWS_PER_PAUSE === 0) return rows.part.drain();
      },
      // An entry queued before this sheet (still being written) may have failed.
      check: () => this.sink.throwIfFailed(),
      end: () => {
        start();
        rows.part.write(sheetEnd([]));
        // Written while the pass reads on; a failure surfaces at the next sheet or at commit. The
        // pass waits until the sink's queue, with all of this part, is back within its bound (for
        // a part above MAX_QUEUED_BYTES: until most of it is in the file), not for its writing.
        return this.sink.add(part, rows.part);
      },
    };
  }

  /**
   * The names {@link writeResults} will give these result sheets, given the sheets copied so far:
   * the preferred name, or "<name> (2)", "(3)", ... when a sheet of the user has it (compared
   * case-insensitively, as Excel does), with a Dutch message for each such rename. Call it after
   * the pass and before building the Controle sheet, so that the message can be listed there.
   * @param models the result sheets' preferred names, in writing order.
   */
  planNames(models: readonly Pick<SheetModel, "name">[]): { name: string; message: string | null }[] {
    const taken = [...this.sheetNames];
    return models.map((m) => {
      const choice = chooseSheetName(m.name, taken, new Set());
      taken.push(choice.name);
      return choice;
    });
  }

  /**
   * Adds the result sheets and the meta sheet. Names: as `XlsxWorkbook.writeResults` — the
   * preferred name, or "<name> (2)" when an input sheet has it (our own sheets of an earlier run
   * were not copied, so they are replaced).
   */
  async writeResults(models: SheetModel[], settings: StoredSettings): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { sheets: {}, messages: [] };
    const names = this.planNames(models);
    for (let i = 0; i < models.length; i++) {
      const { name, message } = names[i];
      if (message) outcome.messages.push(message);
      await this.writeSheet(name, models[i]);
      outcome.sheets[models[i].kind] = name;
    }
    const part = this.nextPart();
    this.sheets.push({ name: META_SHEET, state: "veryHidden", part });
    const rows = new RowWriter(this.sink.part(), this.texts, this.date1904);
    rows.part.write(sheetStart([]));
    metaRows(outcome.sheets, settings).forEach((row, i) => rows.values(i + 1, row, []));
    rows.part.write(sheetEnd([]));
    await this.sink.add(part, rows.part);
    return outcome;
  }

  /** Lays one sheet model out (title, notes, captions, Excel tables), as src/workbook/xlsx.ts. */
  private async writeSheet(name: string, model: SheetModel): Promise<void> {
    // A part queued before failed (a full disk): stop here rather than make more sheets.
    this.sink.throwIfFailed();
    const { attr } = await this.resultStyles();
    const part = this.nextPart();
    this.sheets.push({ name, state: "visible", part });
    const layout = layoutSheet(model);
    const rows = new RowWriter(this.sink.part(), this.texts, this.date1904);
    rows.part.write(sheetStart(widthRanges(columnWidths(model))));
    rows.values(1, [model.title], [attr.title]);
    model.notes.forEach((note, i) => rows.values(layout.notesStartRow + i, [note], [attr.note]));
    const tableTargets: string[] = [];
    let written = 0;
    for (let ti = 0; ti < model.tables.length; ti++) {
      const table = model.tables[ti];
      const pos = layout.tables[ti];
      rows.values(pos.captionRow, [table.caption], [attr.caption]);
      rows.values(pos.headerRow, table.columns.map((c) => c.header), []);
      const styles = table.columns.map((c) => (c.kind === "text" ? "" : attr[c.kind as FormatKey] ?? ""));
      // Rows one at a time (a per-dwelling table's rows are made when asked, never all held).
      const count = tableRowCount(table);
      const empty: ModelValue[] = table.columns.map(() => null);
      for (let r = 0; r < Math.max(count, 1); r++) {
        // Empty text is written as an empty cell.
        rows.values(pos.headerRow + 1 + r, count > 0 ? tableRowAt(table, r) : empty, styles);
        if (++written % ROWS_PER_PAUSE === 0) await rows.part.drain();
      }
      tableTargets.push(this.addTable(table.name, table.columns.map((c) => c.header), pos.headerRow, pos.lastRow));
    }
    rows.part.write(sheetEnd(tableTargets.map((_, i) => `rId${i + 1}`)));
    // Queued, its writing not awaited: zip.js writes the part (66 MB compressed for a million
    // dwellings) while the next sheet is made; a failure surfaces at the next sheet or at commit.
    // Awaited is only the queue being back within its bound with all of this part (backpressure:
    // the next sheet is made once at most MAX_QUEUED_BYTES, 32 MiB, of deflated bytes wait for the
    // file, so a slow disk does not make every sheet be held at once).
    await this.sink.add(part, rows.part);
    if (tableTargets.length > 0) {
      await this.sink.addText(relationshipsPartOf(part), sheetTableRels(tableTargets.map((t) => `../${t.replace(/^xl\//, "")}`)));
    }
  }

  /** Queues the table part for one table (see {@link writeSheet}). @returns its part's path. */
  private addTable(name: string, headers: string[], headerRow: number, lastRow: number): string {
    const id = this.tables.length + 1;
    const part = `xl/tables/table${id}.xml`;
    const ref = `A${headerRow}:${columnLetter(headers.length)}${lastRow}`;
    void this.sink.addText(part, tablePart(id, name, ref, headers));
    this.tables.push(part);
    return part;
  }

  /**
   * Writes the workbook-level parts, finishes the zip and closes its output. The parts are queued
   * (src/workbook/zip-sink.ts): the shared strings are made while the sheets before them are
   * still being written; `close` waits for all of them.
   * @throws the first failure of any part queued since the writer was opened.
   */
  async commit(): Promise<void> {
    const src = this.source;
    const { xml: stylesXml } = await this.resultStyles();
    await this.sink.addText("xl/styles.xml", stylesXml);
    const sst = this.held.sharedStrings;
    const sharedStrings = sst !== null || this.texts.count > 0;
    if (sharedStrings) {
      const part = this.sink.part();
      await writeSharedStringsPart(part, sst ? sst.content() : null, this.texts.base, this.texts);
      await this.sink.add("xl/sharedStrings.xml", part);
    }
    const theme = this.held.theme;
    if (theme) void this.sink.copyRaw("xl/theme/theme1.xml", theme);
    else await this.sink.addText("xl/theme/theme1.xml", DEFAULT_THEME);
    const active = src?.info.activeSheet ? this.sheets.findIndex((s) => s.name === src.info.activeSheet) : -1;
    const contents: PackageContents = { sheets: this.sheets, tables: this.tables, sharedStrings, date1904: this.date1904, activeTab: Math.max(0, active) };
    await this.sink.addText("xl/workbook.xml", workbookXml(contents));
    await this.sink.addText("xl/_rels/workbook.xml.rels", workbookRels(contents));
    await this.sink.addText("[Content_Types].xml", contentTypes(contents));
    await this.sink.addText("_rels/.rels", packageRels());
    await this.sink.addText("docProps/app.xml", appXml(contents));
    await this.sink.addText("docProps/core.xml", coreXml(new Date()));
    await this.sink.close();
    this.finished = true;
  }

  /** Stops writing after a failure; the caller removes the file (or drops the Blob's bytes). */
  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.sink.abort();
  }
}
