/**
 * A byte-level scanner of a worksheet part's XML (ECMA-376 Part 1, §18.3.1: `worksheet`,
 * `sheetData`, `row`, `c`, `v`, `f`, `is`; §18.3.1.13 `col`), fed the inflated bytes chunk by
 * chunk, that hands over one row at a time as `CellValue`s, with shared strings and date number
 * formats resolved. Written for speed: a general XML tokeniser (saxes) was several times slower
 * on the sheet of a million rows (figures: docs/performance.md). It reads only what
 * the analysis and the `--uit` copy need and skips every other element.
 *
 * What it reads, and how (the in-memory route, ExcelJS, reads the same values):
 * - `<row r="n">`: the row number; without `r`, the row after the previous one (the attribute is
 *   optional). `ht` (height) for the copy.
 * - `<c r="B7" s="3" t="...">`: the column from `r` (without `r`: the column after the previous
 *   cell); `t`: `s` shared string (index into the shared strings), `str` (formula text result),
 *   `inlineStr` (text in `<is>`: every `<t>` outside phonetic runs `<rPh>`), `b` (boolean: 0 or
 *   1), `e` (error: `{ error: "#N/A" }`), `d` (ISO 8601 date), `n` or absent (a number; a date
 *   when the cell's style has a date number format, {@link StyleTable}).
 * - `<f>`: kept as the formula text for the copy; the value is the cached result in `<v>`.
 * - `<col min max width>` inside `<cols>`: column widths for the copy.
 * - Entities (`&amp;`, `&#233;`, `&#xE9;`), CDATA sections, comments and processing
 *   instructions; element names with a namespace prefix (`<x:row>`).
 *
 * Damage is refused, not guessed at: a row number beyond Excel's last row (1,048,576) or not
 * after the previous row, a column beyond XFD (16,384), or a single row of more than 256 MB of
 * XML throws `SheetXmlError` (the caller reports the file as damaged). The scanner never holds
 * more than the row being read plus one chunk.
 */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../domain/excel-limits";
import type { CellValue } from "../ingest/types";

/** The largest piece of XML held while waiting for the end of one row (bytes). */
const MAX_CARRY = 256 * 1024 * 1024;

/** A sheet part the scanner cannot read: the file is damaged. */
export class SheetXmlError extends Error {}

/** Per style index (`s`): whether its number format shows a date, for number cells. */
export interface StyleTable {
  /** `isDate[s]` is true when cell style `s` has a date or time number format. */
  isDate: readonly boolean[];
  /** The workbook counts dates from 1904 (`workbookPr date1904`, §18.2.28) instead of 1900. */
  date1904: boolean;
}

/** One row as the scanner hands it over; its arrays are reused for the next row. */
export interface SheetRow {
  /** Excel row number, 1-based. */
  number: number;
  /** Cell `c` (0-based) is column `c + 1`; ends at the last cell with a value (trailing empty
   * cells left out), empty cells are null. */
  values: CellValue[];
  /** Copy only (`withFormat`): per column the cell's style index (`s`), -1 where the row has no cell. */
  styles: number[];
  /** Copy only: per column the shared string index of a `t="s"` cell, else -1. */
  shared: number[];
  /** Copy only: per column the formula text, or null. */
  formulas: (string | null)[];
  /** Copy only: the number of columns up to the last cell element (with or without a value). */
  cellCount: number;
  /** Row height in points (`ht`), or 0 when not set. */
  height: number;
}

/** A column width range from `<cols>` (1-based columns). */
export interface ColumnWidth {
  min: number;
  max: number;
  width: number;
}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const EQ = 0x3d;
const COLON = 0x3a;
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?

const utf8 = new TextDecoder("utf-8");

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isNameEnd(b: number): boolean {
  return b === 0x20 || b === GT || b === SLASH || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Replaces XML entity and character references in decoded text (§2.4 of XML 1.0). */
function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    switch (e) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return "\"";
      case "apos": return "'";
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/** Excel's serial date to a Date, as ExcelJS does (`utils.excelToDate`), so both routes agree. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Cell kinds from the `t` attribute. */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

/**
 * The scanner of one worksheet part. Feed it with {@link push} (chunks of UTF-8 bytes, in order)
 * and {@link end}; it calls `onRow` for each row with at least one cell element, in file order.
 */
export class SheetXmlScanner {
  private carry: Uint8Array | null = null;
  private inSheetData = false;
  private inCols = false;
  private sheetDataDone = false;
  private lastRow = 0;
  private readonly row: SheetRow = { number: 0, values: [], styles: [], shared: [], formulas: [], cellCount: 0, height: 0 };
  /** Column widths from `<cols>`, once read (null when the sheet has none). */
  columns: ColumnWidth[] | null = null;
  /** The last row of the used range as the sheet's `<dimension ref="A1:O5000">` states it
   * (§18.3.1.35), once read; null when the sheet has none. Written by the program that saved the
   * file and not checked against the rows: an estimate for progress, never used for reading. */
  dimensionRows: number | null = null;

  /**
   * @param sharedStrings the workbook's shared strings (index → text).
   * @param styles date formats per style index.
   * @param onRow receives each row; its arrays are reused after it returns.
   * @param withFormat also collect styles, formulas and row heights (for the copy).
   */
  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly styles: StyleTable,
    private readonly onRow: (row: SheetRow) => void,
    private readonly withFormat = false,
  ) {}

  /** Scans the next chunk; may call `onRow` any number of times. @throws SheetXmlError. */
  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry !== null) {
      const joined = new Uint8Array(this.carry.length + chunk.length);
      joined.set(this.carry, 0);
      joined.set(chunk, this.carry.length);
      buf = joined;
      this.carry = null;
    }
    const stop = this.scan(buf);
    if (stop < buf.length) {
      if (buf.length - stop > MAX_CARRY) throw new SheetXmlError("row too long");
      this.carry = buf.slice(stop);
    }
  }

  /** The part has ended. @throws SheetXmlError when it ends inside a row or tag. */
  end(): void {
    const buf = this.carry ?? new Uint8Array(0);
    this.carry = null;
    const stop = this.scan(buf);
    if (stop < buf.length) throw new SheetXmlError("sheet XML ends halfway");
    if (this.inSheetData && !this.sheetDataDone) throw new SheetXmlError("sheetData not closed");
  }

  /**
   * Scans `buf` from the start; returns the offset of the first byte not consumed (the start of
   * a tag or row that is not complete in `buf`).
   */
  private scan(buf: Uint8Array): number {
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const lt = nextLt(buf, pos);
      if (lt < 0) return n;
      if (lt + 1 >= n) return lt;
      const b1 = buf[lt + 1];
      if (b1 === QUESTION || b1 === BANG) {
        const e = skipMarkup(buf, lt, b1);
        if (e < 0) return lt;
        pos = e;
        continue;
      }
      const closing = b1 === SLASH;
      const i = tagName(buf, closing ? lt + 2 : lt + 1);
      if (i < 0) return lt;
      const local = TAG_LOCAL[0];
      const len = i - local;
      if (!this.inSheetData) {
        const gt = tagEnd(buf, i);
        if (gt < 0) return lt;
        const selfClosing = buf[gt - 1] === SLASH;
        if (len === 9 && nameIs(buf, local, "sheetData")) {
          if (!closing && !selfClosing && !this.sheetDataDone) this.inSheetData = true;
          else if (!closing) this.sheetDataDone = true;
        } else if (len === 4 && nameIs(buf, local, "cols")) {
          this.inCols = !closing && !selfClosing;
        } else if (len === 3 && this.inCols && !closing && nameIs(buf, local, "col")) {
          this.readCol(buf, i, gt);
        } else if (len === 9 && !closing && nameIs(buf, local, "dimension")) {
          this.readDimension(buf, i, gt);
        }
        pos = gt + 1;
        continue;
      }
      // Inside sheetData: rows.
      if (closing) {
        const gt = tagEnd(buf, i);
        if (gt < 0) return lt;
        if (len === 9 && nameIs(buf, local, "sheetData")) {
          this.inSheetData = false;
          this.sheetDataDone = true;
        }
        pos = gt + 1;
        continue;
      }
      if (len === 3 && buf[local] === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77) {
        const e = this.readRow(buf, lt, i);
        if (e < 0) return lt;
        pos = e;
        continue;
      }
      // Anything else inside sheetData (extensions): skipped.
      const gt = tagEnd(buf, i);
      if (gt < 0) return lt;
      pos = gt + 1;
    }
    return n;
  }

  private readCol(buf: Uint8Array, from: number, gt: number): void {
    let min = 0;
    let max = 0;
    let width = 0;
    forEachAttribute(buf, from, gt, (nameAt, nameLen, vStart, vEnd) => {
      if (nameLen === 3 && nameIs(buf, nameAt, "min")) min = intAt(buf, vStart, vEnd);
      else if (nameLen === 3 && nameIs(buf, nameAt, "max")) max = intAt(buf, vStart, vEnd);
      else if (nameLen === 5 && nameIs(buf, nameAt, "width")) width = parseFloat(latin1(buf, vStart, vEnd));
    });
    if (min >= 1 && max >= min && max <= EXCEL_MAX_COLUMNS && Number.isFinite(width) && width > 0) {
      (this.columns ??= []).push({ min, max, width });
    }
  }

  private readDimension(buf: Uint8Array, from: number, gt: number): void {
    forEachAttribute(buf, from, gt, (nameAt, nameLen, vStart, vEnd) => {
      if (nameLen !== 3 || !nameIs(buf, nameAt, "ref")) return;
      const m = /(\d+)$/.exec(latin1(buf, vStart, vEnd));
      const rows = m ? Number(m[1]) : NaN;
      if (Number.isInteger(rows) && rows >= 1 && rows <= EXCEL_MAX_ROWS) this.dimensionRows = rows;
    });
  }

  /**
   * Reads one `<row>` element starting at `lt` (its name ends at `nameEnd`). Returns the offset
   * after it, or -1 when it is not complete in `buf`. Hands the row to `onRow`.
   */
  private readRow(buf: Uint8Array, lt: number, nameEnd: number): number {
    const gt = tagEnd(buf, nameEnd);
    if (gt < 0) return -1;
    let number = 0;
    let height = 0;
    forEachAttribute(buf, nameEnd, gt, (nameAt, nameLen, vStart, vEnd) => {
      if (nameLen === 1 && buf[nameAt] === 0x72 /* r */) number = intAt(buf, vStart, vEnd);
      else if (nameLen === 2 && buf[nameAt] === 0x68 && buf[nameAt + 1] === 0x74 /* ht */) height = parseFloat(latin1(buf, vStart, vEnd)) || 0;
    });
    if (number === 0) number = this.lastRow + 1;
    if (number < 1 || number > EXCEL_MAX_ROWS || number <= this.lastRow) throw new SheetXmlError(`row number ${number} out of order or range`);
    const row = this.row;
    const values = row.values;
    values.length = 0;
    if (this.withFormat) {
      row.styles.length = 0;
      row.shared.length = 0;
      row.formulas.length = 0;
    }
    row.number = number;
    row.height = height;
    let filled = 0; // values[0..filled) hold a value or null
    let lastValue = -1;
    let cellCount = 0;
    if (buf[gt - 1] === SLASH) {
      // <row/>: no cells.
      this.lastRow = number;
      return gt + 1;
    }
    const n = buf.length;
    let pos = gt + 1;
    let col = 0; // 1-based column of the previous cell
    for (;;) {
      const lt2 = nextLt(buf, pos);
      if (lt2 < 0 || lt2 + 1 >= n) return -1;
      const b1 = buf[lt2 + 1];
      if (b1 === BANG || b1 === QUESTION) {
        pos = skipMarkup(buf, lt2, b1);
        if (pos < 0) return -1;
        continue;
      }
      const closing = b1 === SLASH;
      const i = tagName(buf, closing ? lt2 + 2 : lt2 + 1);
      if (i < 0) return -1;
      const local = TAG_LOCAL[0];
      const len = i - local;
      const gt2 = tagEnd(buf, i);
      if (gt2 < 0) return -1;
      if (closing) {
        if (len === 3 && nameIs(buf, local, "row")) {
          pos = gt2 + 1;
          break;
        }
        pos = gt2 + 1;
        continue;
      }
      if (!(len === 1 && buf[local] === 0x63 /* c */)) {
        if (len === 3 && nameIs(buf, local, "row")) throw new SheetXmlError("row inside row");
        // Row extensions: skip the element (self-closing or up to its end tag).
        pos = buf[gt2 - 1] === SLASH ? gt2 + 1 : skipElement(buf, gt2 + 1, local, len);
        if (pos < 0) return -1;
        continue;
      }
      // A cell.
      cellAttributes(buf, i, gt2, CELL_ATTRIBUTES);
      let c = CELL_ATTRIBUTES[0];
      const s = CELL_ATTRIBUTES[1];
      const t = CELL_ATTRIBUTES[2];
      if (c === 0) c = col + 1;
      if (c > EXCEL_MAX_COLUMNS) throw new SheetXmlError(`column ${c} beyond XFD`);
      col = c;
      let vStart = -1;
      let vEnd = -1;
      let text: string | null = null; // inline string text
      let formula: string | null = null;
      if (buf[gt2 - 1] === SLASH) {
        pos = gt2 + 1;
      } else {
        // Children: v, f, is (with t / r / rPh), up to </c>.
        let p = gt2 + 1;
        let inPhonetic = false;
        for (;;) {
          const l3 = nextLt(buf, p);
          if (l3 < 0 || l3 + 1 >= n) return -1;
          const c1 = buf[l3 + 1];
          if (c1 === BANG || c1 === QUESTION) {
            p = skipMarkup(buf, l3, c1);
            if (p < 0) return -1;
            continue;
          }
          const cl = c1 === SLASH;
          const j = tagName(buf, cl ? l3 + 2 : l3 + 1);
          if (j < 0) return -1;
          const lo = TAG_LOCAL[0];
          const ll = j - lo;
          const g = tagEnd(buf, j);
          if (g < 0) return -1;
          if (cl) {
            p = g + 1;
            if (ll === 1 && buf[lo] === 0x63) break; // </c>
            if (ll === 3 && nameIs(buf, lo, "rPh")) inPhonetic = false;
            if (ll === 3 && nameIs(buf, lo, "row")) throw new SheetXmlError("cell not closed");
            continue;
          }
          const selfClose = buf[g - 1] === SLASH;
          if (ll === 1 && buf[lo] === 0x76 /* v */) {
            if (selfClose) {
              vStart = vEnd = g + 1;
              p = g + 1;
              continue;
            }
            const e = textEnd(buf, g + 1);
            if (e < 0) return -1;
            vStart = g + 1;
            vEnd = e;
            p = e;
          } else if (ll === 1 && buf[lo] === 0x66 /* f */) {
            if (selfClose) {
              p = g + 1;
              continue;
            }
            const e = textEnd(buf, g + 1);
            if (e < 0) return -1;
            if (this.withFormat) formula = textOf(buf, g + 1, e);
            p = e;
          } else if (ll === 1 && buf[lo] === 0x74 /* t */) {
            if (selfClose) {
              if (!inPhonetic) text ??= "";
              p = g + 1;
              continue;
            }
            const e = textEnd(buf, g + 1);
            if (e < 0) return -1;
            if (!inPhonetic) text = (text ?? "") + textOf(buf, g + 1, e);
            p = e;
          } else if (ll === 3 && nameIs(buf, lo, "rPh")) {
            inPhonetic = !selfClose;
            p = g + 1;
          } else if (ll === 3 && nameIs(buf, lo, "row")) {
            throw new SheetXmlError("cell not closed");
          } else {
            p = g + 1;
          }
        }
        pos = p;
      }
      // The value.
      let v: CellValue = null;
      switch (t) {
        case T_NUMBER:
          if (vStart >= 0) {
            const x = numberAt(buf, vStart, vEnd);
            v = s > 0 && this.styles.isDate[s] === true && Number.isFinite(x) ? excelDate(x, this.styles.date1904) : x;
          }
          break;
        case T_SHARED:
          if (vStart >= 0) {
            const k = intAt(buf, vStart, vEnd);
            const str = k >= 0 ? this.sharedStrings[k] : undefined;
            v = str === undefined ? null : str;
          }
          break;
        case T_STR:
          if (vStart >= 0) v = textOf(buf, vStart, vEnd);
          else if (text !== null) v = text;
          break;
        case T_INLINE:
          if (text !== null) v = text;
          else if (vStart >= 0) v = textOf(buf, vStart, vEnd);
          break;
        case T_BOOL:
          if (vStart >= 0) v = intAt(buf, vStart, vEnd) !== 0;
          break;
        case T_ERROR:
          if (vStart >= 0) v = { error: textOf(buf, vStart, vEnd) };
          break;
        case T_DATE:
          if (vStart >= 0) {
            const iso = textOf(buf, vStart, vEnd);
            const d = new Date(iso);
            v = Number.isNaN(d.getTime()) ? iso : d;
          }
          break;
      }
      const k = c - 1;
      while (filled < k) values[filled++] = null;
      values[k] = v;
      if (k >= filled) filled = k + 1;
      if (v !== null && k > lastValue) lastValue = k;
      else if (v === null && k === lastValue) lastValue = lastNonNull(values, k);
      if (this.withFormat) {
        while (row.styles.length < k) {
          row.styles.push(-1);
          row.shared.push(-1);
          row.formulas.push(null);
        }
        row.styles[k] = s < 0 ? 0 : s;
        row.shared[k] = t === T_SHARED && vStart >= 0 ? intAt(buf, vStart, vEnd) : -1;
        row.formulas[k] = formula;
        if (c > cellCount) cellCount = c;
      }
    }
    values.length = lastValue + 1;
    row.cellCount = cellCount;
    this.lastRow = number;
    this.onRow(row);
    return pos;
  }
}

function lastNonNull(values: CellValue[], below: number): number {
  for (let i = below - 1; i >= 0; i--) if (values[i] !== null) return i;
  return -1;
}

/** The offset of the next `<` at or after `from`, or -1: `buf.indexOf(LT, from)` as a plain loop,
 * which is about twice as fast for the few bytes between the tags of a cell (several calls
 * per cell). */
function nextLt(buf: Uint8Array, from: number): number {
  const n = buf.length;
  for (let i = from; i < n; i++) if (buf[i] === LT) return i;
  return -1;
}

function nameIs(buf: Uint8Array, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (buf[at + i] !== name.charCodeAt(i)) return false;
  return true;
}

function indexOfSeq(buf: Uint8Array, seq: string, from: number): number {
  const first = seq.charCodeAt(0);
  let i = from;
  for (;;) {
    i = buf.indexOf(first, i);
    if (i < 0 || i + seq.length > buf.length) return -1;
    if (nameIs(buf, i, seq)) return i;
    i++;
  }
}

/** Past a `<!...>` construct at `lt` (comment, CDATA outside text, DOCTYPE); -1 when incomplete. */
function skipBang(buf: Uint8Array, lt: number): number {
  if (nameIs(buf, lt, "<!--")) {
    const e = indexOfSeq(buf, "-->", lt + 4);
    return e < 0 ? -1 : e + 3;
  }
  if (nameIs(buf, lt, "<![CDATA[")) {
    const e = indexOfSeq(buf, "]]>", lt + 9);
    return e < 0 ? -1 : e + 3;
  }
  if (lt + 9 > buf.length) return -1;
  const e = buf.indexOf(GT, lt + 2);
  return e < 0 ? -1 : e + 1;
}

/** Past the `<?…?>` (processing instruction) or `<!…>` (comment, CDATA, DOCTYPE) at `lt`,
 * whose second byte `b1` is `?` or `!`; -1 when it is not complete in `buf`. */
function skipMarkup(buf: Uint8Array, lt: number, b1: number): number {
  if (b1 === BANG) return skipBang(buf, lt);
  const e = indexOfSeq(buf, "?>", lt + 2);
  return e < 0 ? -1 : e + 2;
}

/** Where the local part of the name {@link tagName} read last starts (after a `prefix:`); a
 * scratch slot read right after each call, so that no object is made per tag. */
const TAG_LOCAL = new Int32Array(1);

/**
 * Reads the element name that starts at `nameStart` (`x:row` or `row`): returns the offset just
 * past it and sets `TAG_LOCAL[0]` to the start of its local part; -1 when the name runs to the
 * end of `buf` (the tag is not complete).
 */
function tagName(buf: Uint8Array, nameStart: number): number {
  const n = buf.length;
  let i = nameStart;
  let colon = -1;
  while (i < n && !isNameEnd(buf[i])) {
    if (buf[i] === COLON) colon = i;
    i++;
  }
  if (i >= n) return -1;
  TAG_LOCAL[0] = colon >= 0 ? colon + 1 : nameStart;
  return i;
}

/** The `>` that ends the tag whose name ends at `from`, skipping quoted attribute values; -1 when incomplete. */
function tagEnd(buf: Uint8Array, from: number): number {
  const n = buf.length;
  let i = from;
  while (i < n) {
    const b = buf[i];
    if (b === GT) return i;
    if (b === QUOTE || b === APOS) {
      const e = buf.indexOf(b, i + 1);
      if (e < 0) return -1;
      i = e + 1;
      continue;
    }
    i++;
  }
  return -1;
}

/** Scratch for {@link nextAttribute}: name offset, name length, value start, value end. */
const ATTRIBUTE = new Int32Array(4);

/**
 * The next plain attribute of a tag in `buf[from..gt)`, into `at` as [name offset, name length,
 * value start, value end]. A prefixed attribute (xml:space, r:id) is not one of the plain ones
 * read here and is passed over; so is a word without a value (not XML). No callback and no
 * allocation: {@link cellAttributes} calls it for every attribute of fifteen million cells.
 * @returns the offset just after the attribute's closing quote, or -1 when there is none left
 *   (or the tag is broken from there on: an unquoted value, a quote that is not closed).
 */
function nextAttribute(buf: Uint8Array, from: number, gt: number, at: Int32Array): number {
  let i = from;
  while (i < gt) {
    while (i < gt && (isSpace(buf[i]) || buf[i] === SLASH)) i++;
    if (i >= gt) return -1;
    const nameAt = i;
    let colon = -1;
    while (i < gt && buf[i] !== EQ && !isSpace(buf[i])) {
      if (buf[i] === COLON) colon = i;
      i++;
    }
    const nameEnd = i;
    while (i < gt && isSpace(buf[i])) i++;
    if (buf[i] !== EQ) continue; // an attribute without a value: not XML; skip the word
    i++;
    while (i < gt && isSpace(buf[i])) i++;
    const q = buf[i];
    if (q !== QUOTE && q !== APOS) return -1;
    const vEnd = buf.indexOf(q, i + 1);
    if (vEnd < 0 || vEnd > gt) return -1;
    if (colon < 0) {
      at[0] = nameAt;
      at[1] = nameEnd - nameAt;
      at[2] = i + 1;
      at[3] = vEnd;
      return vEnd + 1;
    }
    i = vEnd + 1;
  }
  return -1;
}

/** Calls `f` for each plain attribute in `buf[from..gt)` ({@link nextAttribute}): name offset and length, value bounds. */
function forEachAttribute(buf: Uint8Array, from: number, gt: number, f: (nameAt: number, nameLen: number, vStart: number, vEnd: number) => void): void {
  for (let i = nextAttribute(buf, from, gt, ATTRIBUTE); i >= 0; i = nextAttribute(buf, i, gt, ATTRIBUTE)) {
    f(ATTRIBUTE[0], ATTRIBUTE[1], ATTRIBUTE[2], ATTRIBUTE[3]);
  }
}

/** Scratch for {@link cellAttributes}: column (1-based, 0 when absent), style, cell kind (doubles:
 * an absurd style number in a damaged file is kept as it is, not wrapped). */
const CELL_ATTRIBUTES = new Float64Array(3);

/**
 * The `r`, `s` and `t` attributes of a `<c>` tag in `buf[from..gt)`, into `out` as [column
 * (1-based, 0 without `r`), style index (0 without `s`), kind (T_NUMBER without `t`)]. Read with
 * {@link nextAttribute} in a plain loop, without the callback of {@link forEachAttribute}: one
 * cell per call, fifteen million calls for a million-row stock, so no closure is made per cell.
 */
function cellAttributes(buf: Uint8Array, from: number, gt: number, out: Float64Array): void {
  out[0] = 0;
  out[1] = 0;
  out[2] = T_NUMBER;
  const at = ATTRIBUTE;
  for (let i = nextAttribute(buf, from, gt, at); i >= 0; i = nextAttribute(buf, i, gt, at)) {
    if (at[1] !== 1) continue;
    const a = buf[at[0]];
    if (a === 0x72 /* r */) out[0] = columnOf(buf, at[2], at[3]);
    else if (a === 0x73 /* s */) out[1] = intAt(buf, at[2], at[3]);
    else if (a === 0x74 /* t */) out[2] = typeOf(buf, at[2], at[3]);
  }
}

/** The end of a text node starting at `from`: the `<` of the closing tag, with CDATA sections inside; -1 when incomplete. */
function textEnd(buf: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    const lt = nextLt(buf, i);
    if (lt < 0 || lt + 1 >= buf.length) return -1;
    if (buf[lt + 1] === 0x21) {
      const e = skipBang(buf, lt);
      if (e < 0) return -1;
      i = e;
      continue;
    }
    return lt;
  }
}

/** The text of `buf[from..to)`: UTF-8, CDATA sections unwrapped, comments dropped, entities decoded. */
function textOf(buf: Uint8Array, from: number, to: number): string {
  let ascii = true;
  let special = false;
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b >= 0x80) ascii = false;
    else if (b === LT || b === AMP) special = true;
  }
  let s = ascii ? latin1(buf, from, to) : utf8.decode(buf.subarray(from, to));
  if (!special) return s;
  if (s.indexOf("<") >= 0) {
    s = s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g, (_m, cdata: string | undefined) =>
      cdata === undefined ? "" : cdata.replace(/&/g, "&amp;"));
  }
  return decodeEntities(s);
}

function latin1(buf: Uint8Array, from: number, to: number): string {
  if (to - from < 64) {
    let s = "";
    for (let i = from; i < to; i++) s += String.fromCharCode(buf[i]);
    return s;
  }
  return utf8.decode(buf.subarray(from, to));
}

/** A non-negative decimal integer at `buf[from..to)`; NaN-free: -1 when it is not one. */
function intAt(buf: Uint8Array, from: number, to: number): number {
  let x = 0;
  let any = false;
  let i = from;
  while (i < to && isSpace(buf[i])) i++;
  for (; i < to; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) break;
    x = x * 10 + d;
    any = true;
  }
  if (!any) return buf[i] === 0x2d /* - */ ? -1 : -1;
  return x;
}

/**
 * The number in a `<v>`: digits with an optional sign and decimal point are computed exactly as
 * `parseFloat` would (an integer below 2^53 divided by a power of ten is correctly rounded);
 * anything else (exponents, entities, junk) goes through `parseFloat`, as ExcelJS reads it.
 */
function numberAt(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  let neg = false;
  if (buf[i] === 0x2d) {
    neg = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < to; i++) {
    const b = buf[i];
    if (b === 0x2e && !dot) {
      dot = true;
      continue;
    }
    const d = b - 0x30;
    if (d < 0 || d > 9) return parseFloat(textOf(buf, from, to));
    m = m * 10 + d;
    digits++;
    if (dot) scale++;
  }
  if (digits === 0 || digits > 15 || scale > 22) return parseFloat(textOf(buf, from, to));
  const x = scale === 0 ? m : m / POW10[scale];
  return neg ? -x : x;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** The 1-based column of a reference such as "AB12" (0 when it has no letters). */
function columnOf(buf: Uint8Array, from: number, to: number): number {
  let c = 0;
  let i = from;
  for (; i < to; i++) {
    const b = buf[i];
    if (b >= 0x41 && b <= 0x5a) c = c * 26 + (b - 0x40);
    else if (b >= 0x61 && b <= 0x7a) c = c * 26 + (b - 0x60);
    else break;
    if (c > EXCEL_MAX_COLUMNS) return c;
  }
  return c;
}

function typeOf(buf: Uint8Array, from: number, to: number): number {
  const len = to - from;
  if (len === 1) {
    switch (buf[from]) {
      case 0x73: return T_SHARED;
      case 0x62: return T_BOOL;
      case 0x65: return T_ERROR;
      case 0x64: return T_DATE;
      default: return T_NUMBER;
    }
  }
  if (len === 3 && nameIs(buf, from, "str")) return T_STR;
  if (len === 9 && nameIs(buf, from, "inlineStr")) return T_INLINE;
  return T_NUMBER;
}

/** Past the end tag of an element whose content starts at `from`; -1 when incomplete. Nested
 * elements of the same name are counted. */
function skipElement(buf: Uint8Array, from: number, nameAt: number, nameLen: number): number {
  const name = latin1(buf, nameAt, nameAt + nameLen);
  let depth = 1;
  let i = from;
  for (;;) {
    const lt = nextLt(buf, i);
    if (lt < 0 || lt + 1 >= buf.length) return -1;
    const closing = buf[lt + 1] === SLASH;
    const ns = closing ? lt + 2 : lt + 1;
    let j = ns;
    let co = -1;
    while (j < buf.length && !isNameEnd(buf[j])) {
      if (buf[j] === COLON) co = j;
      j++;
    }
    if (j >= buf.length) return -1;
    const g = tagEnd(buf, j);
    if (g < 0) return -1;
    const lo = co >= 0 ? co + 1 : ns;
    if (j - lo === nameLen && latin1(buf, lo, j) === name) {
      if (closing) depth--;
      else if (buf[g - 1] !== SLASH) depth++;
      if (depth === 0) return g + 1;
    }
    i = g + 1;
  }
}
