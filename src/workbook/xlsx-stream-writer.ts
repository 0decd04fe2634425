/**
 * Writing the result workbook of the command line (`--uit`) with ExcelJS's streaming writer
 * (`stream.xlsx.WorkbookWriter`): the input's sheets are copied row by row during the reading
 * pass (src/analysis/xlsx-pass.ts, through `SheetCopyTarget` of src/workbook/sheet-copy.ts), then the result sheets are added with the
 * layout of the in-memory adapter (src/workbook/xlsx.ts: `layoutSheet`, `NUMBER_FORMATS`, title,
 * notes, captions, Excel tables with style TableStyleMedium2), then the very hidden meta sheet
 * `_batbzk` that lets a later run recognise our sheets. Nothing is held but the row being written.
 *
 * Rows are serialised here, straight to the sheet's XML stream (style ids from the writer's style
 * table), instead of through ExcelJS's row and cell objects: for a million rows that is several
 * times faster and makes far less garbage. Text is written as a shared string when it repeats in
 * its column (the bounded table of src/workbook/shared-texts.ts, written as
 * `xl/sharedStrings.xml` at the end), else as an inline string; never as a formula.
 *
 * Excel tables: ExcelJS's streaming writer has no `addTable`; this module adds the table parts
 * itself (the table XML rendered by ExcelJS's own TableXform, a relationship from the sheet, a
 * `<tableParts>` element and the content type), so the result sheets hold real Excel tables, as
 * on the in-memory route.
 *
 * What the copy keeps of the input sheets (read by src/analysis/xlsx-pass.ts): every cell value
 * (text, numbers, dates, booleans, errors), rich text of shared strings (its runs with their
 * fonts), formulas with their cached result (cells of a shared formula other than its first
 * become their cached value: the reader does not expand shared formulas), cell styles (number
 * formats, fonts, fills, borders, alignment; the input's styles part read by ExcelJS's own styles
 * reader), row heights, column widths and the sheet's visibility; cells holding empty text become
 * empty cells (also in the result sheets). What it does not keep: merged cells, Excel tables and
 * autofilters of the input, conditional formatting, data validation, hyperlinks (their text
 * stays), comments, images and charts, defined names, frozen panes and other sheet views, print
 * settings.
 */
import { promises as fs, type WriteStream } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { columnLetter } from "../domain/issues";
import type { ModelValue, SheetModel } from "../report/sheet-model";
import { columnWidths, layoutSheet, NUMBER_FORMATS, tableRowAt, tableRowCount } from "../report/sheet-model";
import { chooseSheetName, META_SHEET, metaRows } from "./marker";
import type { StoredSettings, WriteOutcome } from "./port";
import type { SheetCopy, SheetCopyTarget } from "./sheet-copy";
import type { StreamedSheet } from "./xlsx-parts";
import { ColumnTally, SharedTexts } from "./shared-texts";
import { textElement, xmlText } from "./xml-text";

export { xmlText } from "./xml-text";

const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform") as new () => {
  parseStream(stream: NodeJS.ReadableStream): Promise<unknown>;
  getStyleModel(id: number): unknown;
};
const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform") as new () => { prepare(model: unknown, options: unknown): void; toXml(model: unknown): string };
const ContentTypesXform = require("exceljs/lib/xlsx/xform/core/content-types-xform") as new () => { toXml(model: unknown): string };
const RichTextXform = require("exceljs/lib/xlsx/xform/strings/rich-text-xform") as new () => { toXml(model: unknown): string };

const TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

/** The parts of ExcelJS's streaming writer used here beyond its typings. */
interface InternalWorkbookWriter {
  zip: { append(data: string, options: { name: string }): void };
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown[];
  media: unknown[];
  addContentTypes(): Promise<void>;
  addSharedStrings(): Promise<void>;
}
interface InternalWorksheetWriter {
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeCloseWorksheet(): void;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _write(text: string): void;
  startedData?: boolean;
  /** ExcelJS's StreamBuf: takes text or a buffer (copied into its own buffers when written). */
  stream: { write(data: string | Buffer): void };
}
interface InternalStyles {
  addStyleModel(model: Partial<ExcelJS.Style>, cellType?: number): number;
}

/** A cell value as the row writer takes it. */
type XmlValue = ExcelJS.CellValue | undefined;

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

const VALUE_TYPE_DATE = 4; // ExcelJS Enums.ValueType.Date

/**
 * Writes rows of one sheet as XML, straight into the sheet stream of ExcelJS's streaming writer
 * (which still writes the sheet's frame: columns, sheetData, closing parts). Style ids come from
 * the writer's style table, memoised per style object.
 */
class RowXml {
  /** ` s="id"` (or "" for style 0) per style object, for plain and for date cells. */
  private readonly styleAttrs = new Map<Partial<ExcelJS.Style>, string>();
  private readonly dateStyleAttrs = new Map<Partial<ExcelJS.Style>, string>();
  private readonly richText = new RichTextXform();
  /** Which columns of this sheet still add texts to the shared table. */
  private readonly tally = new ColumnTally();
  private started = false;
  /** Row XML not yet handed to the sheet stream, as UTF-8 in `buffer[0, used)` (see {@link RowXml.flush}). */
  private readonly buffer = Buffer.allocUnsafe(PENDING_BYTES);
  private used = 0;

  constructor(
    private readonly ws: InternalWorksheetWriter,
    private readonly styles: InternalStyles,
    private readonly texts: SharedTexts,
  ) {}

  /** The style attribute of a cell: ` s="id"` with the writer's style id, or "" for style 0. */
  private sAttr(style: Partial<ExcelJS.Style> | null, date: boolean): string {
    if (style === null && !date) return "";
    const key = style ?? STYLE.none;
    const cache = date ? this.dateStyleAttrs : this.styleAttrs;
    let attr = cache.get(key);
    if (attr === undefined) {
      const id = this.styles.addStyleModel(key, date ? VALUE_TYPE_DATE : undefined);
      attr = id === 0 ? "" : ` s="${id}"`;
      cache.set(key, attr);
    }
    return attr;
  }

  /** The XML of one cell in 0-based column `c` (`ref` its address), or "" when there is nothing to write. */
  cell(ref: string, c: number, v: XmlValue, style: Partial<ExcelJS.Style> | null): string {
    if (v === null || v === undefined) return style === null ? "" : `<c r="${ref}"${this.sAttr(style, false)}/>`;
    switch (typeof v) {
      case "string": {
        if (v === "") return style === null ? "" : `<c r="${ref}"${this.sAttr(style, false)}/>`;
        const k = this.texts.index(v, c, this.tally);
        return k >= 0 ? `<c r="${ref}"${this.sAttr(style, false)} t="s"><v>${k}</v></c>`
          : `<c r="${ref}"${this.sAttr(style, false)} t="inlineStr"><is>${textElement(v)}</is></c>`;
      }
      case "number":
        return Number.isFinite(v) ? `<c r="${ref}"${this.sAttr(style, false)}><v>${v}</v></c>` : "";
      case "boolean":
        return `<c r="${ref}"${this.sAttr(style, false)} t="b"><v>${v ? 1 : 0}</v></c>`;
      default:
        break;
    }
    if (v instanceof Date) {
      const t = v.getTime();
      return Number.isNaN(t) ? "" : `<c r="${ref}"${this.sAttr(style, true)}><v>${25569 + t / 86_400_000}</v></c>`;
    }
    if ("error" in v) return `<c r="${ref}"${this.sAttr(style, false)} t="e"><v>${xmlText(String(v.error))}</v></c>`;
    if ("richText" in v) {
      const runs = v.richText.map((run) => this.richText.toXml(run)).join("");
      return `<c r="${ref}"${this.sAttr(style, false)} t="inlineStr"><is>${runs}</is></c>`;
    }
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as ExcelJS.CellFormulaValue;
      const result = f.result as unknown;
      const formula = typeof f.formula === "string" && f.formula !== "" ? `<f>${xmlText(f.formula)}</f>` : "";
      if (formula === "") return this.cell(ref, c, result as XmlValue, style);
      if (typeof result === "string") return `<c r="${ref}"${this.sAttr(style, false)} t="str">${formula}<v>${xmlText(result)}</v></c>`;
      if (typeof result === "boolean") return `<c r="${ref}"${this.sAttr(style, false)} t="b">${formula}<v>${result ? 1 : 0}</v></c>`;
      if (typeof result === "number" && Number.isFinite(result)) return `<c r="${ref}"${this.sAttr(style, false)}>${formula}<v>${result}</v></c>`;
      if (result instanceof Date) return `<c r="${ref}"${this.sAttr(style, true)}>${formula}<v>${25569 + result.getTime() / 86_400_000}</v></c>`;
      if (result && typeof result === "object" && "error" in result) {
        return `<c r="${ref}"${this.sAttr(style, false)} t="e">${formula}<v>${xmlText(String((result as { error: unknown }).error))}</v></c>`;
      }
      return `<c r="${ref}"${this.sAttr(style, false)}>${formula}</c>`;
    }
    if ("text" in v) return this.cell(ref, c, (v as ExcelJS.CellHyperlinkValue).text, style);
    return "";
  }

  /** A rich text cell from the runs of the input's shared string (`<r>` elements as XML). */
  inlineXml(ref: string, runsXml: string, style: Partial<ExcelJS.Style> | null): string {
    return `<c r="${ref}"${this.sAttr(style, false)} t="inlineStr"><is>${runsXml}</is></c>`;
  }

  /** Writes one row: `cells` are the row's cell XML texts, already joined. */
  row(rowNumber: number, cellsXml: string, height?: number): void {
    if (!this.started) {
      this.started = true;
      if (!this.ws.startedData) {
        this.ws._writeColumns();
        this.ws._writeOpenSheetData();
        this.ws.startedData = true;
      }
    }
    if (cellsXml === "" && !height) return;
    const ht = height ? ` ht="${height}" customHeight="1"` : "";
    const xml = `<row r="${rowNumber}"${ht}>${cellsXml}</row>`;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.used + xml.length * 3 > this.buffer.length) {
      this.flush();
      if (xml.length * 3 > this.buffer.length) {
        this.ws.stream.write(xml);
        return;
      }
    }
    this.used += this.buffer.write(xml, this.used, "utf8");
  }

  /**
   * Hands the rows gathered so far to the sheet stream as one buffer. Each row's XML is encoded
   * straight into that buffer: a write per row cost a buffer allocation and a pass through the
   * stream machinery each (a visible share of a profiled `--uit` run), and one write of all
   * rows joined as a string cost more, in encoding the long concatenation. Call before waiting
   * on the compressor and before the sheet is committed; a full buffer is handed on by itself.
   * The buffer is used again: the sheet stream (ExcelJS's StreamBuf in batch mode, piped into
   * the zip entry) copies what it is given into its own 64 KiB buffers before `write` returns,
   * so a fresh 256 KiB per flush (a gigabyte of external memory at a million rows, which V8
   * counts towards its next full collection) is not needed.
   */
  flush(): void {
    if (this.used === 0) return;
    this.ws.stream.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** Writes a row of values with one style per column (result tables). */
  values(rowNumber: number, values: readonly XmlValue[], styles: readonly (Partial<ExcelJS.Style> | null)[]): void {
    let xml = "";
    const suffix = String(rowNumber);
    for (let c = 0; c < values.length; c++) xml += this.cell(letters(c) + suffix, c, values[c], styles[c] ?? null);
    this.row(rowNumber, xml);
  }
}

/**
 * zlib level of the workbook's parts: 1, the fastest, which is also what compress-commons (under
 * archiver, under ExcelJS's writer) uses when none is given; stated here so that it cannot
 * change unnoticed. On the sheet XML of the 100,000-dwelling bench workbook after shared strings
 * (2 × 51 MB), deflating one sheet took about 0.2-0.25 s of CPU at level 1 for 6.4 MB, 0.33-0.40 s
 * at level 4 for 5.5 MB and 0.65-0.95 s at level 6 for 4.9 MB (docs/performance.md).
 */
const DEFLATE_LEVEL = 1;

/** Bytes of row XML gathered before they are written to the sheet stream (see `RowXml.flush`). */
const PENDING_BYTES = 256 * 1024;

/** Rows written between two checks of the zip compressor's backlog (see `breathe`). */
const ROWS_PER_PAUSE = 256;
/** Uncompressed sheet XML waiting for the compressor above which writing waits. */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * Lets the zip stream catch up: ExcelJS's streaming writer pushes each sheet's XML into the
 * zip entry's input without backpressure, so a fast producer (a million result rows) would pile
 * it all up in memory. This waits while the entry's input (archiver's PassThrough behind the
 * sheet stream) holds more than {@link MAX_BACKLOG_BYTES}, so memory stays flat however many
 * rows are written.
 */
async function breathe(ws: unknown): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  // archiver wraps the sheet stream in a PassThrough of readable-stream 2 (no writableLength).
  type State = { length?: number } | undefined;
  const pipes = (ws as { stream?: { pipes?: { _writableState?: State; _readableState?: State }[] } }).stream?.pipes;
  const pt = pipes?.[0];
  if (!pt) return;
  const backlog = () => (pt._writableState?.length ?? 0) + (pt._readableState?.length ?? 0);
  // Bounded wait (about a minute) so a stalled zip can never hang the run.
  for (let i = 0; i < 30_000 && backlog() > MAX_BACKLOG_BYTES; i++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
  }
}

/** The widths of {@link columnWidths} as an array by column index (0-based). */
function widthList(widths: Map<number, number>): number[] {
  const out: number[] = [];
  for (const [ci, w] of widths) out[ci] = w;
  return out;
}

/** Does a style of the streaming reader carry anything (as opposed to the default)? */
function hasStyle(s: Partial<ExcelJS.Style> | undefined): boolean {
  return !!s && !!(s.numFmt || s.font || s.fill || s.border || s.alignment || s.protection);
}


/** Shared style objects: ExcelJS's writer recognises a style object it has seen before by
 * identity, so a million cells with one shared style cost one style lookup each. */
const STYLE = {
  none: {} as Partial<ExcelJS.Style>,
  title: { font: { bold: true, size: 14 } } as Partial<ExcelJS.Style>,
  note: { font: { italic: true, color: { argb: "FF555555" } } } as Partial<ExcelJS.Style>,
  caption: { font: { bold: true } } as Partial<ExcelJS.Style>,
  byKind: Object.fromEntries(
    Object.entries(NUMBER_FORMATS).map(([kind, fmt]) => [kind, kind === "text" || !fmt ? {} : { numFmt: fmt }]),
  ) as Record<string, Partial<ExcelJS.Style>>,
};

/**
 * A result workbook written as a stream to a file. Use: pass it as `copy` to
 * `analyseXlsxStream`, then `writeResults`, then `commit` (or `abort` on failure).
 */
export class XlsxStreamWriter implements SheetCopyTarget {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly out: WriteStream;
  private readonly tables: { target: string }[] = [];
  private readonly names: string[] = [];
  private finished = false;
  private failure: Error | null = null;
  private inputStyles: { getStyleModel(id: number): unknown } | null = null;
  private inputRichText: ReadonlyMap<number, string> = new Map();
  private readonly inputStyleCache = new Map<number, Partial<ExcelJS.Style> | null>();
  /** The workbook's shared-string table (bounded; see src/workbook/shared-texts.ts). */
  private readonly texts = new SharedTexts();

  /**
   * Opens `file` for writing (so that a folder that does not exist or a file that is in use
   * fails here, with the system's error code).
   * @param file where the workbook goes (the caller writes to a temporary name and renames).
   */
  static async open(file: string): Promise<XlsxStreamWriter> {
    const handle = await fs.open(file, "w");
    return new XlsxStreamWriter(file, handle.createWriteStream());
  }

  private constructor(readonly file: string, out: WriteStream) {
    this.out = out;
    out.on("error", (err) => {
      this.failure ??= err;
    });
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: DEFLATE_LEVEL } },
    });
    const w = this.writer as unknown as InternalWorkbookWriter;
    const tables = this.tables;
    const texts = this.texts;
    // Our table stands in for ExcelJS's: its `count` decides the relationship and content type.
    w.sharedStrings = texts;
    w.addSharedStrings = function addSharedStrings(this: InternalWorkbookWriter): Promise<void> {
      if (texts.count > 0) this.zip.append(texts.toXml(), { name: "xl/sharedStrings.xml" });
      return Promise.resolve();
    };
    // Content types with the table parts (ExcelJS's streaming writer leaves them out).
    w.addContentTypes = function addContentTypes(this: InternalWorkbookWriter): Promise<void> {
      const xml = new ContentTypesXform().toXml({
        worksheets: this._worksheets.filter(Boolean), sharedStrings: this.sharedStrings, commentRefs: this.commentRefs,
        media: this.media, tables,
      });
      this.zip.append(xml, { name: "[Content_Types].xml" });
      return Promise.resolve();
    };
  }

  /** Names of the sheets written so far. */
  get sheetNames(): readonly string[] {
    return this.names;
  }

  /** The row writer of a sheet of this workbook. */
  private rowXml(ws: ExcelJS.Worksheet): RowXml {
    return new RowXml(ws as unknown as InternalWorksheetWriter, (this.writer as unknown as { styles: InternalStyles }).styles, this.texts);
  }

  /** Reads the input's cell styles (`SheetCopyTarget`): ExcelJS's own styles reader. */
  async startWorkbook(stylesXml: string | null, richText: ReadonlyMap<number, string>): Promise<void> {
    this.inputRichText = richText;
    if (stylesXml === null) return;
    const styles = new StylesXform();
    await styles.parseStream(Readable.from([stylesXml]));
    this.inputStyles = styles;
  }

  /** The style of input style index `s`, one object per index (so the writer's cache hits), or null for none. */
  private inputStyle(s: number): Partial<ExcelJS.Style> | null {
    if (s <= 0 || this.inputStyles === null) return null;
    let style = this.inputStyleCache.get(s);
    if (style === undefined) {
      const model = this.inputStyles.getStyleModel(s) as Partial<ExcelJS.Style> | null;
      style = model && hasStyle(model) ? model : null;
      this.inputStyleCache.set(s, style);
    }
    return style;
  }

  /** Copies one input sheet (`SheetCopyTarget`). */
  startSheet(sheet: StreamedSheet): SheetCopy {
    const ws = this.writer.addWorksheet(sheet.name, { state: sheet.state as ExcelJS.WorksheetState });
    this.names.push(sheet.name);
    const xml = this.rowXml(ws);
    let columnsSet = false;
    let rows = 0;
    const setColumns = () => {
      if (columnsSet) return;
      columnsSet = true;
      const cols = sheet.columns();
      if (!cols || cols.length === 0) return;
      const widths: Partial<ExcelJS.Column>[] = [];
      for (const c of cols) {
        // Ranges up to the last used column only (a <col> up to XFD would make 16,384 entries).
        for (let i = c.min; i <= Math.min(c.max, c.min + 1023); i++) widths[i - 1] = { width: c.width };
      }
      for (let i = 0; i < widths.length; i++) widths[i] ??= {};
      ws.columns = widths;
    };
    return {
      row: (row) => {
        setColumns();
        const suffix = String(row.number);
        let out = "";
        for (let i = 0; i < row.cellCount; i++) {
          const s = row.styles[i];
          if (s === undefined || s < 0) continue;
          const value = i < row.values.length ? row.values[i] : null;
          const runs = row.shared[i] >= 0 ? this.inputRichText.get(row.shared[i]) : undefined;
          if (runs !== undefined) {
            out += xml.inlineXml(letters(i) + suffix, runs, this.inputStyle(s));
            continue;
          }
          const formula = row.formulas[i];
          const v: XmlValue = formula ? ({ formula, result: value } as ExcelJS.CellFormulaValue) : (value as XmlValue);
          out += xml.cell(letters(i) + suffix, i, v, this.inputStyle(s));
        }
        xml.row(row.number, out, row.height || undefined);
        if (++rows % ROWS_PER_PAUSE === 0) {
          xml.flush();
          return breathe(ws);
        }
      },
      end: () => {
        setColumns();
        xml.flush();
        ws.commit();
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
    const taken = [...this.names];
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
    const meta = this.writer.addWorksheet(META_SHEET, { state: "veryHidden" });
    const xml = this.rowXml(meta);
    metaRows(outcome.sheets, settings).forEach((row, i) => xml.values(i + 1, row, []));
    xml.flush();
    meta.commit();
    return outcome;
  }

  /** Lays one sheet model out (title, notes, captions, Excel tables), as src/workbook/xlsx.ts. */
  private async writeSheet(name: string, model: SheetModel): Promise<void> {
    const ws = this.writer.addWorksheet(name);
    this.names.push(name);
    const layout = layoutSheet(model);
    ws.columns = widthList(columnWidths(model)).map((w) => ({ width: w })) as Partial<ExcelJS.Column>[];
    const xml = this.rowXml(ws);
    xml.values(1, [model.title], [STYLE.title]);
    model.notes.forEach((note, i) => xml.values(layout.notesStartRow + i, [note], [STYLE.note]));
    const parts: string[] = [];
    let written = 0;
    for (let ti = 0; ti < model.tables.length; ti++) {
      const table = model.tables[ti];
      const pos = layout.tables[ti];
      xml.values(pos.captionRow, [table.caption], [STYLE.caption]);
      xml.values(pos.headerRow, table.columns.map((c) => c.header), table.columns.map(() => null));
      const styles = table.columns.map((c) => {
        const st = STYLE.byKind[c.kind];
        return st && st.numFmt ? st : null;
      });
      // Rows one at a time (a per-dwelling table's rows are made when asked, never all held).
      const count = tableRowCount(table);
      const empty: ModelValue[] = table.columns.map(() => null);
      for (let r = 0; r < Math.max(count, 1); r++) {
        // Empty text is written as an empty cell (see the module comment).
        xml.values(pos.headerRow + 1 + r, count > 0 ? tableRowAt(table, r) : empty, styles);
        if (++written % ROWS_PER_PAUSE === 0) {
          xml.flush();
          await breathe(ws);
        }
      }
      parts.push(this.addTable(ws, table.name, table.columns.map((c) => c.header), pos.headerRow, pos.lastRow));
    }
    xml.flush();
    // <tableParts> goes last in the sheet, just before </worksheet>.
    const internal = ws as unknown as InternalWorksheetWriter;
    const close = internal._writeCloseWorksheet.bind(internal);
    internal._writeCloseWorksheet = () => {
      if (parts.length > 0) {
        internal._write(`<tableParts count="${parts.length}">${parts.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`);
      }
      close();
    };
    ws.commit();
  }

  /** Adds the table part for one table; returns its relationship id in the sheet. */
  private addTable(ws: ExcelJS.Worksheet, name: string, headers: string[], headerRow: number, lastRow: number): string {
    const id = this.tables.length + 1;
    const target = `table${id}.xml`;
    const ref = `A${headerRow}:${columnLetter(headers.length)}${lastRow}`;
    const model = {
      id, name, displayName: name, tableRef: ref, autoFilterRef: ref, headerRow: true, totalsRow: false,
      style: { theme: "TableStyleMedium2", showFirstColumn: false, showLastColumn: false, showRowStripes: true, showColumnStripes: false },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
    };
    const xform = new TableXform();
    xform.prepare(model, {});
    (this.writer as unknown as InternalWorkbookWriter).zip.append(xform.toXml(model), { name: `xl/tables/${target}` });
    this.tables.push({ target });
    return (ws as unknown as InternalWorksheetWriter)._sheetRelsWriter.addRelationship({ Target: `../tables/${target}`, Type: TABLE_REL });
  }

  /** Finishes the zip and closes the file. */
  async commit(): Promise<void> {
    this.finished = true;
    await this.writer.commit();
    if (this.failure) throw this.failure;
  }

  /** Stops writing after a failure; the caller removes the file. */
  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await new Promise<void>((resolve) => {
      this.out.once("close", () => resolve());
      this.out.destroy();
    });
  }
}

