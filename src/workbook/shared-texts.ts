/**
 * The shared-string table of the result workbook written by the command line (`--uit`,
 * src/workbook/xlsx-stream-writer.ts): texts that repeat (gemeente, complex, woningtype, BAT
 * classes, "ja"/"nee") are written once in `xl/sharedStrings.xml` and referred to by number from
 * each cell (`<c t="s"><v>n</v></c>`), instead of as an inline string in every cell. That is
 * fewer bytes to make and to deflate for the million-row sheets.
 *
 * The table is bounded, so memory stays flat however many rows are written:
 * - a column whose texts are mostly new (VHE numbers, "blad!rij" references) is closed: after
 *   each {@link WINDOW} lookups in a column, if more than half of them added a text, the
 *   column's later texts are written inline (not even looked up);
 * - at most {@link MAX_ENTRIES} texts and {@link MAX_CHARS} UTF-16 code units in all; past that,
 *   texts not yet in the table are written inline.
 * Which cells get a shared string and which an inline one changes nothing of the cells' values.
 */
import { textElement } from "./xml-text";

/** Lookups per column between two checks of how many of them were new texts. */
export const WINDOW = 1024;
/** Most texts held (a `Map` entry of about 50-80 bytes each, plus the text). */
export const MAX_ENTRIES = 1 << 17;
/** Most UTF-16 code units of text held, together (about 2 bytes each). */
export const MAX_CHARS = 4 << 20;

/** Per column of one sheet: the state of the "mostly new texts?" check. */
export class ColumnTally {
  /** Lookups in the current window, per column (0-based). */
  private readonly seen: number[] = [];
  /** Texts added in the current window, per column. */
  private readonly added: number[] = [];
  /** Columns whose texts are written inline from now on. */
  private readonly inline: boolean[] = [];

  /** Is column `c` still adding texts to the table? */
  open(c: number): boolean {
    return this.inline[c] !== true;
  }

  /** Counts one lookup in column `c`, `isNew` when it added a text; closes the column when a
   * window had more new texts than repeats. */
  count(c: number, isNew: boolean): void {
    const seen = (this.seen[c] ?? 0) + 1;
    const added = (this.added[c] ?? 0) + (isNew ? 1 : 0);
    if (seen >= WINDOW) {
      if (added * 2 > seen) this.inline[c] = true;
      this.seen[c] = 0;
      this.added[c] = 0;
    } else {
      this.seen[c] = seen;
      this.added[c] = added;
    }
  }
}

/** The workbook's table of shared texts (one per written workbook). */
export class SharedTexts {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  private chars = 0;
  /** Cells that refer to the table (the `count` of `<sst>`). */
  private refs = 0;

  /**
   * @param base the index of this table's first text in the workbook's shared strings: the
   *   number of shared strings of the input that come before it (src/workbook/shared-strings-part.ts).
   */
  constructor(readonly base = 0) {}

  /** Cells that referred to the table so far. */
  get references(): number {
    return this.refs;
  }

  /** Number of distinct texts in the table (ExcelJS's writer reads `count` to decide whether to
   * list the part in the workbook's relationships and content types). */
  get count(): number {
    return this.texts.length;
  }

  /**
   * The table index of `text` (not empty) written in column `c` of a sheet whose tally is
   * `tally`, adding it when there is room and the column still adds; -1 when the cell is to get
   * an inline string.
   */
  index(text: string, c: number, tally: ColumnTally): number {
    // A closed column is not even looked up: its texts are mostly unique (a hash each).
    if (!tally.open(c)) return -1;
    let id = this.ids.get(text);
    if (id !== undefined) {
      this.refs++;
      tally.count(c, false);
      return this.base + id;
    }
    tally.count(c, true);
    if (this.texts.length >= MAX_ENTRIES || this.chars + text.length > MAX_CHARS) return -1;
    id = this.texts.length;
    this.texts.push(text);
    this.ids.set(text, id);
    this.chars += text.length;
    this.refs++;
    return this.base + id;
  }

  /** The table's `<si>` elements, in order, with the namespace prefix `prefix` (e.g. "" or "x:"). */
  *entries(prefix = ""): Generator<string> {
    for (const t of this.texts) {
      const el = textElement(t);
      yield prefix === "" ? `<si>${el}</si>` : `<${prefix}si><${prefix}${el.slice(1, -2)}${prefix}t></${prefix}si>`;
    }
  }

  /** The `xl/sharedStrings.xml` part (XML text; its length is about the table's text plus 20
   * characters per entry). */
  toXml(): string {
    const parts: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.refs}" uniqueCount="${this.texts.length}">`,
    ];
    for (const t of this.texts) parts.push(`<si>${textElement(t)}</si>`);
    parts.push("</sst>");
    return parts.join("");
  }
}
