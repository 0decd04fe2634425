/**
 * Complex facts under headers that were not recognised (issue 10). An ERP export whose complex
 * size, meeting room or share of 55+ residents sit under its own headers ("Eenheden per
 * cluster", "Gemeenschapsruimte", "Senioren %") is otherwise read as if those facts were absent:
 * each complex counts only the rows in the file (3 of its 24 dwellings, say), so no dwelling
 * becomes geclusterd, and the only trace is the info line listing the unused columns.
 *
 * {@link ComplexColumnSurvey} watches the columns the mapping left unused while the stock is
 * read (the first {@link SURVEY_ROWS} data rows, so a million-row sheet costs no more), and finds
 * the columns that hold one fact-like value per complex: a number, a percentage, yes/no or a
 * meeting-room word, the same on every row of a complex. Such a column whose whole numbers are at
 * least the dwellings each complex has in the file, together at least {@link SIZE_RATIO} × as
 * many, and for some complex at least {@link MIN_SIZE_EVIDENCE}, is taken for the complex size: the complexes of the file look
 * incomplete, and a `waarschuwing` names the sheet, the column and an example complex. The
 * other such columns are returned as possible complex facts; the pipeline warns about them when
 * no dwelling becomes geclusterd (src/analysis/compute.ts).
 */
import { type Issue, makeIssue } from "../domain/issues";
import { cellAddress } from "../domain/issues";
import type { StockRow } from "../domain/types";
import type { CellValue, ColumnMapping, StockField, FieldHeaders } from "./types";
import { isMissing, parseDutchNumber, parseFraction } from "./cells";
import { parseOntmoetingsruimte } from "./stock-fields";
import { formatNumber, quoteValue } from "./messages";
import { formatLijst } from "../domain/format";

/** Data rows watched; enough complexes to judge a column, bounded cost on a million rows. */
export const SURVEY_ROWS = 20_000;
/** Most unused columns watched (an export may have a hundred). */
const MAX_COLUMNS = 60;
/** The complexes of the file look incomplete when a size column says at least this many times
 * the dwellings the file holds for them. */
export const SIZE_RATIO = 1.5;
/** Share of the complexes (with ≥ 2 rows) whose rows must agree for a column to be per complex. */
const AGREE_SHARE = 0.9;
/** Largest plausible complex size (a larger whole number is no size; years are excluded too). */
const MAX_SIZE = 1500;
/** A size column must say at least this many dwellings for some complex the file holds fewer of:
 * smaller counts (rooms, floors) do not decide geclusterd (minimum 12 dwellings, rules.ts). */
const MIN_SIZE_EVIDENCE = 10;

/** A column that holds one value per complex. */
export interface ComplexColumn {
  /** 0-based column. */
  col: number;
  header: string;
  /** A1 address of the header cell. */
  cell: string;
  /** What the values look like: "grootte" the number of dwellings per complex (more than the
   * file holds), "ruimte" yes/no or meeting-room words, "aandeel" percentages or fractions,
   * "gegeven" another fact-like value (numbers). */
  soort: ComplexColumnKind;
}

/** Result of {@link ComplexColumnSurvey.finish}. */
export interface ComplexSurvey {
  columns: ComplexColumn[];
  issues: Issue[];
}

/** See {@link ComplexColumn.soort}. */
export type ComplexColumnKind = "grootte" | "ruimte" | "aandeel" | "gegeven";

const MIXED = Symbol("mixed");

interface ColumnState {
  col: number;
  /** complex key → the column's value on its rows (MIXED when rows differ). */
  values: Map<string, string | typeof MIXED>;
  /** Values that are no fact (free text: a name, an address). */
  texts: number;
  filled: number;
  /** All values are whole numbers in 2..MAX_SIZE. */
  sizes: boolean;
  /** All values are yes/no or meeting-room words. */
  rooms: boolean;
  /** All values are percentages or fractions strictly between 0 and 1 (0 and 1 allowed too). */
  shares: boolean;
}

interface ComplexCount {
  complex: string;
  rows: number;
  dwellings: number;
}

/** A value as a comparable token: "p" a percentage, "n" a number, "r" a yes/no or room word;
 * null for free text. */
function factToken(v: CellValue): string | null {
  if (typeof v === "string" && v.trim().endsWith("%")) {
    const f = parseFraction(v);
    return f === null ? null : `p${f}`;
  }
  const n = parseDutchNumber(v);
  if (n !== null) return `n${n}`;
  const room = parseOntmoetingsruimte(v);
  return room === null ? null : `r${room}`;
}

/**
 * Watches the unused columns of a per-dwelling stock table for complex facts; see the module
 * comment. Feed every data row with {@link add}, then call {@link finish} once.
 */
export class ComplexColumnSurvey {
  private readonly columns: ColumnState[];
  private readonly counts = new Map<string, ComplexCount>();
  private seen = 0;

  private constructor(
    private readonly sheet: string,
    private readonly headerRowNumber: number,
    private readonly originCol: number,
    private readonly headerTexts: readonly (string | null)[],
    private readonly sizeMapped: boolean,
    cols: number[],
  ) {
    this.columns = cols.map((col) => ({ col, values: new Map(), texts: 0, filled: 0, sizes: true, rooms: true, shares: true }));
  }

  /**
   * A survey of the header's unused columns, or null when there is nothing to watch: no complex
   * column, or no unused column with a header.
   * @param mapping the stock mapping (field → 0-based column).
   * @param headerTexts the header row's texts (null for an empty cell).
   */
  static create(
    place: { sheet: string; originCol: number }, headerRowNumber: number, mapping: ColumnMapping,
    headerTexts: readonly (string | null)[],
  ): ComplexColumnSurvey | null {
    if (mapping.complex === undefined) return null;
    const used = new Set(Object.values(mapping));
    const cols: number[] = [];
    for (let c = 0; c < headerTexts.length && cols.length < MAX_COLUMNS; c++) {
      if (headerTexts[c] !== null && !used.has(c)) cols.push(c);
    }
    if (cols.length === 0) return null;
    return new ComplexColumnSurvey(place.sheet, headerRowNumber, place.originCol, headerTexts, mapping.complexgrootte !== undefined, cols);
  }

  /** One data row as read (`row`) and its cells. Rows without a complex are ignored. */
  add(row: StockRow, cells: readonly CellValue[]): void {
    if (row.complex === null || this.seen >= SURVEY_ROWS) return;
    this.seen++;
    const key = `${row.eigenaar ?? ""}\u0000${row.complex}`;
    const count = this.counts.get(key);
    if (count === undefined) this.counts.set(key, { complex: row.complex, rows: 1, dwellings: row.aantal });
    else {
      count.rows++;
      count.dwellings += row.aantal;
    }
    for (const s of this.columns) {
      const v = cells[s.col];
      if (v === undefined || isMissing(v)) continue;
      s.filled++;
      const token = factToken(v);
      if (token === null) {
        s.texts++;
        s.sizes = s.rooms = s.shares = false;
        continue;
      }
      const n = token.startsWith("r") ? NaN : Number(token.slice(1));
      if (s.sizes && !(token.startsWith("n") && Number.isInteger(n) && n >= 2 && n <= MAX_SIZE)) s.sizes = false;
      if (s.rooms && !token.startsWith("r")) s.rooms = false;
      if (s.shares && !(token.startsWith("p") || (n >= 0 && n <= 1 && !Number.isInteger(n)))) s.shares = false;
      const before = s.values.get(key);
      if (before === undefined) s.values.set(key, token);
      else if (before !== token) s.values.set(key, MIXED);
    }
  }

  /** The columns holding one fact-like value per complex, and the warning when a size column
   * says the complexes of the file are incomplete. */
  finish(): ComplexSurvey {
    const columns: ComplexColumn[] = [];
    const issues: Issue[] = [];
    let sizeFound = false;
    for (const s of this.columns) {
      if (s.filled === 0 || s.texts > s.filled * (1 - AGREE_SHARE)) continue;
      let multi = 0;
      let agree = 0;
      for (const [key, value] of s.values) {
        if (this.counts.get(key)!.rows < 2) continue;
        multi++;
        if (value !== MIXED) agree++;
      }
      if (multi < 2 || agree < multi * AGREE_SHARE) continue;
      const header = this.headerTexts[s.col] ?? "";
      const cell = cellAddress(this.headerRowNumber, this.originCol + s.col);
      const size = !this.sizeMapped && !sizeFound && s.sizes ? this.sizeEvidence(s) : null;
      if (size === null) {
        if (!isYearColumn(s)) columns.push({ col: s.col, header, cell, soort: s.rooms ? "ruimte" : s.shares ? "aandeel" : "gegeven" });
        continue;
      }
      sizeFound = true;
      columns.push({ col: s.col, header, cell, soort: "grootte" });
      issues.push(makeIssue("complexen-onvolledig", "waarschuwing", this.sheet, cell,
        `Op blad '${this.sheet}' lijken de complexen onvolledig: kolom ${quoteValue(header)} (${cell}) noemt per complex ` +
        `meer woningen dan het bestand bevat (bijvoorbeeld complex ${quoteValue(size.example.complex)}: ` +
        `${formatNumber(size.example.dwellings)} in het bestand, ${formatNumber(size.example.given)} in de kolom; ` +
        `samen ${formatNumber(size.file)} tegen ${formatNumber(size.given)}). De kolom is niet herkend, dus telt elk complex ` +
        `alleen de woningen in het bestand en lijkt het te klein om geclusterd te zijn. Is dit het aantal woningen per ` +
        `complex, kies de kolom dan als complexgrootte (--kolom complexgrootte="${header}" of in het taakvenster).`));
    }
    return { columns, issues };
  }

  /** Evidence that a whole-number column is the complex size: never below the dwellings in the
   * file (for ≥ AGREE_SHARE of the complexes) and together ≥ SIZE_RATIO × as many; null if not. */
  private sizeEvidence(s: ColumnState): { file: number; given: number; example: { complex: string; dwellings: number; given: number } } | null {
    let file = 0;
    let given = 0;
    let below = 0;
    let n = 0;
    let example: { complex: string; dwellings: number; given: number } | null = null;
    for (const [key, value] of s.values) {
      if (value === MIXED) continue;
      const count = this.counts.get(key)!;
      const size = Number(value.slice(1));
      n++;
      file += count.dwellings;
      given += size;
      if (size < count.dwellings) below++;
      else if (example === null && size > count.dwellings && size >= MIN_SIZE_EVIDENCE) example = { complex: count.complex, dwellings: count.dwellings, given: size };
    }
    if (n < 2 || example === null || below > n * (1 - AGREE_SHARE) || given < file * SIZE_RATIO) return null;
    return { file, given, example };
  }
}

/** Whole numbers that all look like years (1800..2100): a bouwjaar, not a complex fact. */
function isYearColumn(s: ColumnState): boolean {
  for (const v of s.values.values()) {
    if (v === MIXED) continue;
    const n = v.startsWith("n") ? Number(v.slice(1)) : NaN;
    if (!(Number.isInteger(n) && n >= 1800 && n <= 2100)) return false;
  }
  return true;
}

/** The complex facts of the geclusterd criteria: field, Dutch name, the kind of column it may be. */
const CLUSTER_FIELDS: readonly [StockField, string, ComplexColumnKind][] = [
  ["ontmoetingsruimte", "ontmoetingsruimte", "ruimte"], ["aandeel55plus", "aandeel 55-plussers", "aandeel"],
  ["complexgrootte", "aantal woningen per complex", "grootte"],
];

/**
 * The warning for a stock in which no dwelling became geclusterd while complex facts may sit in
 * columns that were not recognised: a geclusterd criterion has no column and the survey found
 * columns with one value per complex. Null when that is not the case.
 *
 * @param sheet the stock sheet.
 * @param mapping the stock mapping (field → header text).
 * @param columns the survey's columns (`StockIngest.complexKolommen`).
 * @param counts geclusterd and nultreden dwellings of the stock (cumulative): the warning needs
 *   nultreden dwellings (geclusterd requires nultreden) and no geclusterd one.
 */
export function unrecognisedComplexFactsIssue(
  sheet: string, mapping: FieldHeaders, columns: readonly ComplexColumn[] | undefined,
  counts: { geclusterd: number; nultreden: number },
): Issue | null {
  if (!columns || columns.length === 0 || counts.geclusterd > 0 || counts.nultreden === 0) return null;
  const missing = CLUSTER_FIELDS.filter(([f]) => mapping[f] === undefined);
  if (missing.length === 0) return null;
  const one = columns.length === 1;
  const listed = formatLijst(columns.map((c) => `${quoteValue(c.header)} (${c.cell})`));
  // A likely column per missing field, by the look of its values.
  const choices = missing.flatMap(([field, , kind]) => {
    const c = columns.find((x) => x.soort === kind);
    return c ? [`--kolom ${field}="${c.header}"`] : [];
  });
  const how = choices.length > 0 ? `bijvoorbeeld ${choices.join(" ")}, of in het taakvenster` : `--kolom veld="Kop" of in het taakvenster`;
  return makeIssue("complexgegevens-niet-herkend", "waarschuwing", sheet, columns[0].cell,
    `Op blad '${sheet}' is geen woning geclusterd, en er is geen kolom gevonden voor ${formatLijst(missing.map(([, name]) => name))}. ` +
    `${one ? "Kolom" : "De kolommen"} ${listed} ${one ? "heeft" : "hebben"} per complex één waarde en ${one ? "kan" : "kunnen"} zulke ` +
    `complexgegevens zijn; ${one ? "hij is" : "ze zijn"} niet herkend en dus niet gebruikt. Hoort een ervan bij zo'n veld, kies die kolom dan ` +
    `(${how}).`);
}
