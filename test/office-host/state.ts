/**
 * The in-memory workbook behind the host's proxies: sheets with cells, tables and charts.
 * Operations here run at `context.sync()` time, in queue order; they throw Office.js-style errors.
 *
 * Comments marked ASSUMPTION describe Excel behaviour imitated without a documented source
 * (manual test checklist).
 */
import { richError } from "./errors";
import { CellStore } from "./cells";
import { type Area, parseAddress, qualifiedSheet, areaAddress } from "./range";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface TableState {
  name: string;
  sheet: SheetState;
  area: Area;
  style: string;
}

export interface SheetArea {
  sheet: SheetState;
  area: Area;
}

export interface SeriesState {
  name: string;
  values: SheetArea;
  xValues: SheetArea | null;
}

export interface ChartState {
  name: string;
  type: string;
  sheet: SheetState;
  source: SheetArea;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string | null } | null;
  series: SeriesState[];
}

/** Font and width settings are recorded, not rendered. */
export interface FormatRecord {
  address: string;
  prop: string;
  value: unknown;
}

export class SheetState {
  visibility: Visibility = "Visible";
  deleted = false;
  /** The cells, stored by column (cells.ts). */
  readonly cells = new CellStore();
  readonly tables: TableState[] = [];
  readonly charts: ChartState[] = [];
  /** Column number → width in points. */
  readonly columnWidths = new Map<number, number>();
  readonly formats: FormatRecord[] = [];

  /**
   * @param id `Worksheet.id`: unique in the workbook, kept through renames and moves (documented);
   *   see `WorkbookState.reopen` for what happens when the file is reopened.
   */
  constructor(
    public id: string,
    public name: string,
  ) {}

  /** The stored cell (undefined when it holds nothing). */
  cell(r: number, c: number) {
    return this.cells.get(r, c);
  }

  /**
   * The used range. `valuesOnly`: only cells with a value or formula count (documented for
   * `getUsedRange(valuesOnly)`); otherwise cells that only carry a number format count too.
   * @returns null for a blank sheet (documented: `getUsedRangeOrNullObject` gives a null object).
   */
  usedArea(valuesOnly: boolean): Area | null {
    return this.cells.usedArea(valuesOnly);
  }

  /** "Blad1!A1:C5" as `Range.address` gives it. */
  address(area: Area): string {
    return `${qualifiedSheet(this.name)}!${areaAddress(area)}`;
  }
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

/**
 * Sheet names Excel reserves. Documented (support.microsoft.com "Rename a worksheet"): a
 * worksheet cannot be named "History", a word Excel uses internally (change tracking).
 */
const RESERVED_SHEET_NAMES: ReadonlySet<string> = new Set(["history"]);

/**
 * Names that Excel refuses for a table or defined name because they read as a cell or row/column
 * reference. Documented (support.microsoft.com "Rename an Excel table", "Define and use names in
 * formulas"): not "C", "c", "R" or "r"; not the same as a cell reference such as "Z$100" or
 * "R1C1". A1 columns go up to XFD (16,384), rows up to 1,048,576.
 */
export function looksLikeReference(name: string): boolean {
  if (/^[rRcC]$/.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const col = [...a1[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    if (col <= 16_384 && row >= 1 && row <= 1_048_576) return true;
  }
  return /^[rR]\d*[cC]\d*$/.test(name) || /^[rR]\d+$/.test(name) || /^[cC]\d+$/.test(name);
}

/** A workbook-scoped defined name (`Workbook.names`). */
export interface NameState {
  name: string;
  /** The formula it stands for, e.g. "=Blad1!$A$1". */
  formula: string;
}

/** A GUID-shaped worksheet id for the n-th sheet added in this session (deterministic, so
 * failures are reproducible). */
function sessionId(n: number): string {
  const hex = n.toString(16).toUpperCase().padStart(8, "0");
  return `{${hex}-5BA7-4C1D-9E2F-0BA7B2C${hex.slice(3)}}`;
}

/** The whole workbook. */
export class WorkbookState {
  readonly sheets: SheetState[] = [];
  active: SheetState | null = null;
  /** The user's selection; "multiple" stands for a multi-area selection. */
  selection: SheetArea | "multiple" | null = null;
  /** Workbook-scoped defined names (`Workbook.names`, ExcelApi 1.1). */
  readonly names: NameState[] = [];
  private sheetCounter = 0;
  private tableCounter = 0;
  private chartCounter = 0;

  find(name: string): SheetState | undefined {
    // ASSUMPTION: worksheet lookup by name is case-insensitive, like sheet names in Excel.
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /**
   * Checks a sheet name as Excel does (documented, support.microsoft.com "Rename a worksheet"):
   * 1-31 characters, none of [ ] : * ? / \, not starting or ending with an apostrophe, not the
   * reserved "History"; unique, case-insensitive.
   * ASSUMPTION: a bad name fails with InvalidArgument, a taken name with ItemAlreadyExists.
   */
  checkSheetName(name: string, except: SheetState | null, where: string): void {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'") || RESERVED_SHEET_NAMES.has(name.toLowerCase())) {
      throw richError("InvalidArgument", where);
    }
    const other = this.find(name);
    if (other && other !== except) throw richError("ItemAlreadyExists", where);
  }

  /** Adds a sheet at the end (documented: "added at the end of existing worksheets"). */
  addSheet(name: string | undefined, where = "WorksheetCollection.add"): SheetState {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.find(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen, null, where);
    const sheet = new SheetState(sessionId(++this.sheetCounter), chosen);
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  /**
   * Simulates saving, closing and reopening the file on an Excel that does not keep worksheet ids
   * between sessions: every sheet gets a new id derived from its position. ASSUMPTION from
   * OfficeDev/office-js-docs#297 ("the ID remains constant within a single session but will
   * change between sessions") and OfficeDev/office-js#1390 (ids such as
   * {00000000-0001-0000-0003-000000000000} after opening in another Excel version).
   */
  reopen(): void {
    this.sheets.forEach((s, i) => (s.id = `{00000000-0001-0000-${i.toString(16).padStart(4, "0").toUpperCase()}-000000000000}`));
  }

  private visibleCount(): number {
    return this.sheets.filter((s) => s.visibility === "Visible").length;
  }

  /**
   * Deletes a sheet with its tables and charts, and turns references to it in formulas on other
   * sheets into #REF! (as Excel does when a referenced sheet is deleted).
   * Documented (@types/office-js `Worksheet.delete`; office-js-docs-pr
   * docs/excel/excel-add-ins-worksheets.md; OfficeDev/office-js#365): "if the worksheet's
   * visibility is set to VeryHidden, the delete operation will fail with an InvalidOperation
   * exception". ASSUMPTION: deleting the only visible sheet fails with InvalidOperation; deleting
   * the active sheet makes the next visible sheet active.
   */
  deleteSheet(sheet: SheetState): void {
    if (sheet.visibility === "VeryHidden") throw richError("InvalidOperation", "Worksheet.delete");
    if (sheet.visibility === "Visible" && this.visibleCount() === 1) throw richError("InvalidOperation", "Worksheet.delete");
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    this.rewriteReferences(sheet.name, null);
    if (this.active === sheet) this.active = this.sheets.slice(i).concat(this.sheets.slice(0, i)).find((s) => s.visibility === "Visible") ?? null;
  }

  /** ASSUMPTION: hiding the only visible sheet fails with InvalidOperation. */
  setVisibility(sheet: SheetState, visibility: string): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") throw richError("InvalidArgument", "Worksheet.visibility");
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleCount() === 1) throw richError("InvalidOperation", "Worksheet.visibility");
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.active === sheet) this.active = this.sheets.find((s) => s.visibility === "Visible") ?? null;
  }

  /** ASSUMPTION: activating a hidden or very hidden sheet fails with InvalidOperation. */
  activate(sheet: SheetState): void {
    if (sheet.visibility !== "Visible") throw richError("InvalidOperation", "Worksheet.activate");
    this.active = sheet;
  }

  allTables(): TableState[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  findTable(name: string): TableState | undefined {
    const lower = name.toLowerCase();
    return this.allTables().find((t) => t.name.toLowerCase() === lower);
  }

  findName(name: string): NameState | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /**
   * Checks a table name. Documented (support.microsoft.com "Rename an Excel table"): starts with
   * a letter, underscore or backslash; then letters, digits, periods, underscores; no spaces; at
   * most 255 characters; not "C"/"R" nor a cell reference ("A1", "R1C1"); unique in the
   * workbook, case-insensitive, and tables share that namespace with defined names ("Define and
   * use names in formulas": a table name is a defined name).
   * ASSUMPTION: any violation fails with InvalidArgument.
   */
  checkTableName(name: string, except: TableState | null): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255 || looksLikeReference(name)) throw richError("InvalidArgument", "Table.name");
    const other = this.findTable(name);
    if ((other && other !== except) || this.findName(name)) throw richError("InvalidArgument", "Table.name");
  }

  /**
   * `names.add(name, reference)` (ExcelApi 1.4). Same name rules as tables (documented, see
   * {@link checkTableName}); a clash with a table or a name fails.
   * ASSUMPTION: a clash fails with ItemAlreadyExists, a bad name with InvalidArgument.
   */
  addName(name: string, formula: string): NameState {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255 || looksLikeReference(name)) throw richError("InvalidArgument", "NamedItemCollection.add");
    if (this.findTable(name) || this.findName(name)) throw richError("ItemAlreadyExists", "NamedItemCollection.add");
    const item = { name, formula };
    this.names.push(item);
    return item;
  }

  /**
   * Keeps formulas pointing at their sheet as Excel does: when a sheet is renamed, references to
   * it in formulas on every sheet take the new name; when it is deleted (`to` null), they become
   * #REF! (documented Excel behaviour, support.microsoft.com "How to correct a #REF! error":
   * "deleting a referenced sheet"). The host only models plain references `Name!A1` and
   * `'Na me'!A1` (what a user's cross-sheet formula is).
   */
  rewriteReferences(from: string, to: string | null): void {
    const esc = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''");
    const pattern = new RegExp(`(?:'${esc}'|\\b${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from) ? esc : "(?!)"})!(\\$?[A-Za-z]{1,3}\\$?\\d+)`, "gi");
    for (const sheet of this.sheets) {
      for (const [r, c, cell] of sheet.cells.formulaCells()) {
        const next = cell.formula.replace(pattern, (_m, ref: string) => (to === null ? "#REF!" : `${qualifiedSheet(to)}!${ref}`));
        if (next !== cell.formula) sheet.cells.setFormula(r, c, next);
      }
    }
  }

  /** A cell as `Range.values` returns it, with a formula without cached value evaluated. */
  readCell(sheet: SheetState, r: number, c: number): string | number | boolean {
    const live = sheet.cells.liveFormula(r, c);
    return live === undefined ? sheet.cells.read(r, c) : this.evaluate(sheet, live);
  }

  /**
   * The value of a formula cell as the host evaluates it: only a plain reference to one cell
   * (`=Tekort!C5`, `='Mijn blad'!B2`, `=B2`) is evaluated, to that cell's value ("" → 0 as in
   * Excel); #REF! references give the error #REF!; anything else reads "#NAME?" (host limitation:
   * no formula engine).
   */
  evaluate(sheet: SheetState, formula: string): string | number | boolean {
    if (formula.includes("#REF!")) return "#REF!";
    const m = /^=(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(formula);
    if (!m) return "#NAME?";
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const target = name === undefined ? sheet : this.find(name);
    if (!target) return "#REF!";
    const { area } = parseAddress(`${m[3]}${m[4]}`);
    const v = target.cells.read(area.r0, area.c0);
    return v === "" ? 0 : v;
  }

  /**
   * `tables.add(address, hasHeaders)`. Documented: an address without a sheet name refers to the
   * active worksheet; a table may not overlap another table (MergedRangeConflict).
   * ASSUMPTION: with `hasHeaders`, header cells are turned into text; empty header cells get
   * "Column1", "Column2", ... and duplicates get a number appended.
   */
  addTable(address: string, hasHeaders: boolean): TableState {
    const { sheet: sheetName, area } = parseAddress(address);
    const sheet = sheetName === null ? this.active : this.find(sheetName);
    if (!sheet) throw richError(sheetName === null ? "InvalidOperation" : "ItemNotFound", "TableCollection.add");
    if (!hasHeaders) throw richError("InvalidArgument", "TableCollection.add", "not modelled in host: tables without a header row");
    for (const t of this.allTables()) {
      if (t.sheet === sheet && t.area.r0 <= area.r1 && area.r0 <= t.area.r1 && t.area.c0 <= area.c1 && area.c0 <= t.area.c1) {
        throw richError("MergedRangeConflict", "TableCollection.add");
      }
    }
    const seen = new Set<string>();
    for (let c = area.c0; c <= area.c1; c++) {
      const cell = sheet.cell(area.r0, c) ?? {};
      let text = cell.value === undefined || cell.value === "" ? `Column${c - area.c0 + 1}` : String(cell.value);
      for (let n = 2; seen.has(text.toLowerCase()); n++) text = `${text}${n}`;
      seen.add(text.toLowerCase());
      sheet.cells.set(area.r0, c, { value: text, format: cell.format });
    }
    let n = ++this.tableCounter;
    while (this.findTable(`Table${n}`) || this.findName(`Table${n}`)) n = ++this.tableCounter;
    const table: TableState = { name: `Table${n}`, sheet, area, style: "TableStyleMedium2" };
    sheet.tables.push(table);
    return table;
  }

  /**
   * `charts.add(type, sourceData, seriesBy)`.
   * ASSUMPTION (Excel's chart data detection, seriesBy "Columns" or "Auto" with more rows than
   * columns): leading columns whose cells below the first row are all text or empty are the
   * category labels; when the first row is text above every value column it gives the series
   * names; every other column is one series. "Rows" is not modelled.
   */
  addChart(sheet: SheetState, type: string, source: SheetArea, seriesBy: string): ChartState {
    const rows = source.area.r1 - source.area.r0 + 1;
    const cols = source.area.c1 - source.area.c0 + 1;
    if (seriesBy === "Rows" || (seriesBy === "Auto" && cols > rows)) throw richError("InvalidArgument", "ChartCollection.add", "not modelled in host: series by rows");
    const src = source.sheet;
    const isText = (r: number, c: number) => {
      const cell = src.cell(r, c);
      return !cell || (cell.formula === undefined && (cell.value === undefined || typeof cell.value === "string"));
    };
    const firstRowText = [...Array(cols).keys()].every((i) => isText(source.area.r0, source.area.c0 + i));
    const dataR0 = firstRowText && rows > 1 ? source.area.r0 + 1 : source.area.r0;
    let labelCols = 0;
    while (labelCols < cols - 1 && [...Array(source.area.r1 - dataR0 + 1).keys()].every((i) => isText(dataR0 + i, source.area.c0 + labelCols))) labelCols++;
    const xValues: SheetArea | null = labelCols > 0 ? { sheet: src, area: { r0: dataR0, r1: source.area.r1, c0: source.area.c0, c1: source.area.c0 + labelCols - 1 } } : null;
    const series: SeriesState[] = [];
    for (let c = source.area.c0 + labelCols; c <= source.area.c1; c++) {
      const header = dataR0 > source.area.r0 ? src.cell(source.area.r0, c)?.value : undefined;
      series.push({
        name: typeof header === "string" && header !== "" ? header : `Series${series.length + 1}`,
        values: { sheet: src, area: { r0: dataR0, r1: source.area.r1, c0: c, c1: c } },
        xValues,
      });
    }
    const chart: ChartState = { name: `Chart ${++this.chartCounter}`, type, sheet, source, seriesBy, title: null, position: null, series };
    sheet.charts.push(chart);
    return chart;
  }
}
