/**
 * The parts of an .xlsx package the fast reader needs, found the way ECMA-376 Part 2 (Open
 * Packaging Conventions) says: the zip's central directory (read with zip.js, random access, so
 * the parts can be read in any order whatever their order in the file), the package
 * relationships (`_rels/.rels`) to the workbook part, the workbook's relationships to its
 * worksheets, shared strings and styles (Part 1, §18.2), the workbook part for the sheets in
 * workbook order with their visibility and the 1904 date system. Worksheets are then scanned
 * by src/workbook/sheet-xml.ts.
 *
 * Platform-neutral: the caller passes a zip.js `Reader` (a file handle on the command line, a
 * `Blob` in the browser) and an {@link Inflate} (Node's zlib, or the browser's
 * `DecompressionStream`): zip.js finds the entries and hands over the compressed bytes
 * (`passThrough: "compressed"`), the platform inflates them (zip.js's own inflater was several times
 * slower on the sheet of a million rows: docs/performance.md). Small XML parts are parsed with
 * saxes, a conforming XML tokeniser; the worksheets with the byte scanner.
 */
import { configure, ZipReader, type Entry, type FileEntry, type Reader } from "@zip.js/zip.js";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { META_SHEET } from "./marker";
import { relationshipsPartOf } from "./package-parts";
import { isStrictWorkbook } from "./strict-namespaces";
import { SheetXmlScanner, type ColumnWidth, type SheetRow, type StyleTable } from "./sheet-xml";

configure({ useWebWorkers: false });

/** Inflates raw deflate data (RFC 1951), chunk by chunk. Rejects on damaged data. */
export type Inflate = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/** A part that cannot be read: the package is damaged. */
export class PackageError extends Error {}

/** The most bytes of one small XML part (workbook, relationships, styles) read into memory. */
const MAX_SMALL_PART = 64 * 1024 * 1024;
/** The most shared strings (text) held: beyond this the file is refused as damaged. */
const MAX_SHARED_STRING_CHARS = 512 * 1024 * 1024;

/** One worksheet of the workbook, in workbook order. */
export interface SheetEntry {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** The part's path inside the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

/** The zip entries by path, and how to get their bytes. */
export class ZipParts {
  /** @param inflate the platform's inflater, also for parts the result writer holds (zip-sink.ts `holdRaw`). */
  private constructor(private readonly entries: Map<string, Entry>, private readonly lower: Map<string, Entry>, readonly inflate: Inflate) {}

  /**
   * Reads the zip's central directory.
   * @throws PackageError (or zip.js's error) when it is not a zip archive.
   */
  static async open(reader: Reader<unknown>, inflate: Inflate): Promise<ZipParts> {
    const zip = new ZipReader(reader);
    const list = await zip.getEntries();
    const entries = new Map<string, Entry>();
    const lower = new Map<string, Entry>();
    for (const e of list) {
      if (e.directory) continue;
      const name = e.filename.replace(/^\/+/, "");
      entries.set(name, e);
      lower.set(name.toLowerCase(), e);
    }
    return new ZipParts(entries, lower, inflate);
  }

  /** The entry of a part, matched exactly or else case-insensitively (part names are case-insensitive, OPC §9.1.1.1). */
  private entry(part: string): Entry | undefined {
    return this.entries.get(part) ?? this.lower.get(part.toLowerCase());
  }

  /** The part's uncompressed size in bytes as the central directory states it (0 when missing). */
  size(part: string): number {
    return this.entry(part)?.uncompressedSize ?? 0;
  }

  /** Whether the package holds the part. */
  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** The part's uncompressed bytes, chunk by chunk. @throws PackageError for a missing, encrypted or oddly compressed part. */
  async *stream(part: string): AsyncGenerator<Uint8Array> {
    const e = this.entry(part) as FileEntry | undefined;
    if (!e || e.directory) throw new PackageError(`part ${part} missing`);
    if (e.encrypted) throw new PackageError(`part ${part} encrypted`);
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw new PackageError(`part ${part}: compression ${e.compressionMethod}`);
    const pipe = new TransformStream<Uint8Array, Uint8Array>();
    // zip.js runs each getData in one of a few codec slots (`maxWorkers`); a read given up
    // halfway must end its getData, or the slot stays taken and later reads wait for zip.js's
    // 5-second timeout each. Aborting and cancelling on an early end frees it.
    const abort = new AbortController();
    const writing = e.getData(pipe.writable, { passThrough: "compressed", signal: abort.signal });
    // zip.js refuses a part without closing the stream (e.g. "Ambiguous archive": the local
    // header disagrees with the central directory): the reading side must fail too.
    const failed = writing.then(() => new Promise<never>(() => undefined));
    failed.catch(() => undefined);
    let complete = false;
    try {
      const raw = readableChunks(pipe.readable, failed);
      if (e.compressionMethod === 0) yield* raw;
      else yield* this.inflate(raw);
      await writing;
      complete = true;
    } finally {
      if (!complete) {
        abort.abort();
        pipe.readable.cancel().catch(() => undefined);
      }
    }
  }

  /**
   * The part's entry as stored (compressed), for a copy into another zip without inflating it
   * (zip.js's `passThrough`); null when the part is missing, encrypted or compressed otherwise
   * than stored or deflated.
   */
  raw(part: string): { entry: Entry; pipeTo(writable: WritableStream<Uint8Array>): Promise<unknown> } | null {
    const e = this.entry(part) as FileEntry | undefined;
    if (!e || e.directory || e.encrypted || (e.compressionMethod !== 0 && e.compressionMethod !== 8)) return null;
    return { entry: e, pipeTo: (writable) => e.getData(writable, { passThrough: true }) };
  }

  /** The part's whole text (UTF-8). @throws PackageError when it is missing or larger than 64 MB. */
  async text(part: string): Promise<string> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const c of this.stream(part)) {
      size += c.length;
      if (size > MAX_SMALL_PART) throw new PackageError(`part ${part} too large`);
      chunks.push(c);
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    return new TextDecoder("utf-8").decode(all);
  }
}

async function* readableChunks(readable: ReadableStream<Uint8Array>, failed: Promise<never>): AsyncGenerator<Uint8Array> {
  const reader = readable.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), failed]);
      if (next.done) {
        done = true;
        return;
      }
      if (next.value && next.value.length > 0) yield next.value;
    }
  } finally {
    if (!done) reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Calls `onOpen` for every start tag of a small XML document (local name, attributes by qualified name). */
function eachElement(xml: string, onOpen: (local: string, attrs: Record<string, string>) => void): void {
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = tag.name;
    const colon = name.indexOf(":");
    onOpen(colon >= 0 ? name.slice(colon + 1) : name, tag.attributes as Record<string, string>);
  });
  parser.on("error", (err) => {
    throw new PackageError(`XML: ${err.message}`);
  });
  parser.write(xml).close();
}

/** A relationship: Id, Type (the last path segment, e.g. "worksheet") and the target part's path. */
interface Relationship {
  id: string;
  type: string;
  part: string;
}

/** Resolves a relationship target against the part that holds the relationships (OPC §9.3). */
function resolveTarget(base: string, target: string): string {
  const stack = target.startsWith("/") ? [] : base.split("/").slice(0, -1);
  for (const seg of target.replace(/^\/+/, "").split("/")) {
    if (seg === "..") stack.pop();
    else if (seg !== "." && seg !== "") stack.push(seg);
  }
  return stack.join("/");
}

async function relationships(zip: ZipParts, part: string): Promise<Relationship[]> {
  const relsPart = relationshipsPartOf(part);
  if (!zip.has(relsPart)) return [];
  const out: Relationship[] = [];
  eachElement(await zip.text(relsPart), (local, a) => {
    if (local !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
    let target = a.Target;
    try {
      target = decodeURIComponent(target);
    } catch {
      // A malformed escape: the target as written.
    }
    out.push({ id: a.Id, type: (a.Type ?? "").split("/").pop() ?? "", part: resolveTarget(part, target) });
  });
  return out;
}

/**
 * How many relationships a part has (`Relationship` elements of its relationships part, external
 * targets such as hyperlinks included); 0 when it has no relationships part.
 */
export async function relationshipCount(zip: ZipParts, part: string): Promise<number> {
  const relsPart = relationshipsPartOf(part);
  if (!zip.has(relsPart)) return 0;
  let n = 0;
  eachElement(await zip.text(relsPart), (local) => {
    if (local === "Relationship") n++;
  });
  return n;
}

/** Built-in number formats that show a date or time (ECMA-376 Part 1, §18.8.30: ids 14-22 and 45-47). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a format code shows a date or time: a y, m, d, h, s or b outside quotes and brackets
 * (the rule ExcelJS applies, `utils.isDateFmt`, so that both routes read the same cells as dates). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}

/** Date formats per cell style (`cellXfs`, §18.8.10) from the styles part. */
function styleTable(xml: string | null, date1904: boolean): StyleTable {
  const isDate: boolean[] = [];
  if (xml === null) return { isDate, date1904 };
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const local = tag.name.slice(tag.name.indexOf(":") + 1);
    const a = tag.attributes as Record<string, string>;
    if (local === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
    else if (local === "cellXfs") inCellXfs = true;
    else if (local === "xf" && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    if (tag.name.slice(tag.name.indexOf(":") + 1) === "cellXfs") inCellXfs = false;
  });
  parser.on("error", (err) => {
    throw new PackageError(`styles: ${err.message}`);
  });
  parser.write(xml).close();
  for (const id of xfFormats) {
    const code = custom.get(id);
    isDate.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return { isDate, date1904 };
}

/**
 * The shared strings (§18.4.9): per `<si>` the text of its `<t>` elements, rich text runs joined,
 * phonetic runs (`<rPh>`) left out. Streamed through saxes chunk by chunk.
 */
async function sharedStrings(zip: ZipParts, part: string | null): Promise<string[]> {
  const out: string[] = [];
  if (part === null || !zip.has(part)) return out;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = "";
  let chars = 0;
  const parser = new SaxesParser();
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  parser.on("opentag", (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case "si":
        inSi = true;
        current = "";
        return;
      case "t":
        inT = inSi;
        break;
      case "rPh":
        if (!tag.isSelfClosing) phonetic++;
        break;
    }
  });
  const onText = (text: string) => {
    if (inT && phonetic === 0) {
      current += text;
      chars += text.length;
    }
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case "si":
        out.push(current);
        inSi = false;
        return;
      case "t":
        inT = false;
        break;
      case "rPh":
        phonetic = Math.max(0, phonetic - 1);
        return;
    }
  });
  parser.on("error", (err) => {
    throw new PackageError(`shared strings: ${err.message}`);
  });
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of zip.stream(part)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (chars > MAX_SHARED_STRING_CHARS) throw new PackageError("shared strings too large");
  }
  parser.write(decoder.decode());
  parser.close();
  return out;
}

/** What the reader knows of a workbook before its sheets are read. */
export interface WorkbookInfo {
  /** Worksheets in workbook order (chart sheets and dialog sheets are not listed). */
  sheets: SheetEntry[];
  sharedStrings: string[];
  styles: StyleTable;
  /** The styles part's path, or null (the `--uit` copy appends the result sheets' cell formats to it). */
  stylesPart: string | null;
  /** The shared strings part's path, or null. */
  sharedStringsPart: string | null;
  /** The theme part's path, or null. */
  themePart: string | null;
  /** Whether dates are counted from 1904 (`workbookPr/@date1904`). */
  date1904: boolean;
  /** The sheet shown when the workbook opens (`workbookView/@activeTab`), by name, or null. */
  activeSheet: string | null;
  /** Whether the workbook part is Strict OOXML (its namespace names differ from Transitional). */
  strict?: boolean;
}

/**
 * Reads the workbook part, its relationships, the shared strings and the date formats.
 * @throws PackageError when the package has no workbook part.
 */
export async function readWorkbookInfo(zip: ZipParts): Promise<WorkbookInfo> {
  const root = await relationships(zip, "");
  const office = root.find((r) => r.type === "officeDocument");
  const workbookPart = office && zip.has(office.part) ? office.part : "xl/workbook.xml";
  if (!zip.has(workbookPart)) throw new PackageError("no workbook part");
  const rels = await relationships(zip, workbookPart);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let activeTab = 0;
  const allSheets: string[] = [];
  const workbookXml = await zip.text(workbookPart);
  const strict = isStrictWorkbook(workbookXml);
  eachElement(workbookXml, (local, a) => {
    if (local === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
    if (local === "workbookView" && a.activeTab !== undefined) activeTab = Number(a.activeTab) || 0;
    if (local !== "sheet") return;
    allSheets.push(a.name ?? "");
    const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const rel = rels.find((r) => r.id === id);
    if (!rel || rel.type !== "worksheet" || a.name === undefined) return;
    sheets.push({ name: a.name, state: a.state ?? "visible", part: rel.part });
  });
  if (rels.length === 0) throw new PackageError("workbook without relationships");
  const sst = rels.find((r) => r.type === "sharedStrings")?.part ?? (zip.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : null);
  const stylesRel = rels.find((r) => r.type === "styles")?.part ?? (zip.has("xl/styles.xml") ? "xl/styles.xml" : null);
  const stylesPart = stylesRel !== null && zip.has(stylesRel) ? stylesRel : null;
  const styles = styleTable(stylesPart === null ? null : await zip.text(stylesPart), date1904);
  const theme = rels.find((r) => r.type === "theme")?.part ?? null;
  return {
    sheets, sharedStrings: await sharedStrings(zip, sst), styles, stylesPart,
    sharedStringsPart: sst !== null && zip.has(sst) ? sst : null,
    themePart: theme !== null && zip.has(theme) ? theme : null,
    date1904,
    activeSheet: allSheets[activeTab] ?? null,
    strict,
  };
}

/** One worksheet as the pass visits it. */
export interface StreamedSheet {
  name: string;
  /** The worksheet part's path inside the zip. */
  part: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Every worksheet of the workbook, in workbook order (the meta sheet included). */
  workbookSheets: string[];
  /**
   * Reads the sheet's rows, in order (rows without cells are absent: mind `row.number`), calling
   * `onRow` for each; a promise it returns is awaited before the next chunk of the part is read.
   * Read once. @throws SheetXmlError or PackageError on a damaged part.
   */
  read(onRow: (row: SheetRow) => void | Promise<void>, options?: { withFormat?: boolean }): Promise<void>;
  /** Column widths from `<cols>` (null when the sheet has none, or before `<cols>` has been read:
   * it comes before the rows, so it is known when the first row arrives). */
  columns(): ColumnWidth[] | null;
  /** The last row of the used range as the sheet's `<dimension>` states it (an estimate, for
   * progress), or null when it has none or before it has been read (it comes before the rows). */
  dimensionRows(): number | null;
  /** The share of the sheet's part read so far (0..1, by its uncompressed size in the central
   * directory): progress within a large sheet, whether or not it has a `<dimension>`. */
  progress(): number;
}

/**
 * Visits the worksheets of an .xlsx in workbook order, the meta sheet `_batbzk` first (it says
 * which sheets are our own results of an earlier run). A worksheet listed in the workbook
 * whose part is missing is skipped.
 */
export async function* worksheets(zip: ZipParts, info: WorkbookInfo): AsyncGenerator<StreamedSheet> {
  const order = [...info.sheets].sort((a, b) => Number(b.name === META_SHEET) - Number(a.name === META_SHEET));
  const workbookSheets = order.map((s) => s.name);
  for (const s of order) {
    if (!zip.has(s.part)) continue;
    let scanner: SheetXmlScanner | null = null;
    const size = zip.size(s.part);
    let bytes = 0;
    yield {
      name: s.name,
      part: s.part,
      state: s.state,
      workbookSheets,
      columns: () => scanner?.columns ?? null,
      dimensionRows: () => scanner?.dimensionRows ?? null,
      progress: () => (size > 0 ? Math.min(1, bytes / size) : 0),
      read: async (onRow, options) => {
        let pending: Promise<void>[] = [];
        const sc = new SheetXmlScanner(info.sharedStrings, info.styles, (row) => {
          const p = onRow(row);
          if (p) pending.push(p);
        }, options?.withFormat ?? false);
        scanner = sc;
        for await (const chunk of zip.stream(s.part)) {
          bytes += chunk.length;
          sc.push(chunk);
          if (pending.length > 0) {
            const waiting = pending;
            pending = [];
            await Promise.all(waiting);
          }
        }
        sc.end();
        await Promise.all(pending);
      },
    };
  }
}
