/**
 * Reading a stock table (voorraad) row by row: {@link StockRowReader} takes the rows one at a
 * time, so that a streaming workbook reader can feed a million-row sheet without ever holding
 * its cells; `readStock` (stock.ts) feeds it a `RawTable`. One implementation for both routes.
 *
 * One row per dwelling (VHE), grouped rows with an `aantal` column, a wide BAT table
 * (delegated to wide-bat.ts) or a cross table woningtype × huurklasse (delegated to
 * cross-table.ts); wide and cross tables are small and are buffered whole.
 *
 * Balance, always: `rowsRead === rows.length + rowsRejected`. Blank rows, title rows, the
 * header, repeated headers, footnotes, rows with nothing in a recognised column and total rows
 * are not data rows; all but blank rows get an `info` so the user can see they were skipped.
 *
 * Memory: the first {@link HEADER_SCAN_ROWS} rows are copied while the header is looked for;
 * after that each row is parsed as it arrives and only its `StockRow` is kept (plus one byte,
 * a reference to its BAT cell and its id in the duplicate check), so the caller may reuse the
 * array it passes to `push`.
 */
import { type Issue, makeIssue } from "../domain/issues";
import type { CellValue, ColumnMapping, MappingOverrides, StockIngest, FieldHeaders } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { findHeaderRow, HEADER_SCAN_ROWS } from "./header";
import { mapColumns, type MappingSuggestion, stockFieldScore } from "./mapping";
import { IssueLog, formatNumber, quoteValue, sameNumber, tableCell } from "./messages";
import { isNoteText, isTotalLabel, isTotalRow, rowFill } from "./row-kinds";
import { makeStockRowContext, newRowOutcome, readStockRow, ParsedRows, type RowOutcome, type StockRowContext, type TablePlace } from "./stock-row";
import { numericScaleFor, type ScaleSetting } from "./bat-scale";
import { settleBatScale } from "./stock-scale";
import { batHeaderColumns, isWideBatHeader, readWideBat } from "./wide-bat";
import { findCrossTable, readCrossTable } from "./cross-table";
import { ComplexColumnSurvey } from "./complex-columns";
import { captionDate } from "./caption";
import { IdRegistry } from "./id-registry";
import { StockColumns } from "../domain/stock-columns";

/** Options of `readStock` and {@link StockRowReader}. */
export interface StockOptions {
  /** User's column choices, field → header text. */
  overrides?: MappingOverrides;
  /** BAT scale: detect from the values ("auto") or as the user set it. */
  scale: ScaleSetting;
}

/** Where the rows come from: the sheet, and optionally the Excel table and the Excel position of
 * the first cell of the first row pushed (default A1). */
export interface StockSource {
  sheet: string;
  tableName?: string | null;
  originRow?: number;
  originCol?: number;
}

/**
 * Header score of a candidate row for stock and wide BAT tables (for `findHeaderRow`): the
 * number of recognised stock fields (and override texts found), plus the number of BAT class
 * columns when the row is a wide BAT header.
 *
 * @param row candidate header row.
 * @param overrides optional user overrides.
 * @example stockHeaderScore(["Gemeente", "BAT 0", "BAT 1", "BAT 2", "BAT 3", "BAT 4"]) === 6; stockHeaderScore(["VHE-nummer", "BAT-score"]) === 2
 */
export function stockHeaderScore(row: CellValue[], overrides?: MappingOverrides): number {
  const wide = isWideBatHeader(row) ? batHeaderColumns(row).length : 0;
  return stockFieldScore(row, overrides) + wide;
}

/** An empty result (headerRow 0) with one `fout` saying that no header was found. */
function noHeader(sheet: string): StockIngest {
  return {
    rows: new StockColumns(0), rowsRead: 0, rowsRejected: 0, batScale: null, mapping: {}, headerRow: 0,
    issues: [makeIssue("geen-kopregel", "fout", sheet, null,
      `Op blad '${sheet}' is in de eerste 30 rijen geen kopregel met bekende kolommen gevonden ` +
      `(zoals 'VHE-nummer', 'BAT-score', 'Aantal' of 'BAT 0' … 'BAT 4'). Zet de kolomkoppen in één rij ` +
      `boven de gegevens, of kies de kolommen zelf (--kolom veld="Kop" of in het taakvenster).`)],
  };
}

/** State of a per-dwelling table once its header is known. */
interface RowState {
  headerIndex: number;
  mapping: ColumnMapping;
  headers: FieldHeaders;
  suggestions: MappingSuggestion[];
  /** Issues before the row issues: mapping, missing BAT column. */
  issues: Issue[];
  log: IssueLog;
  ctx: StockRowContext;
  out: RowOutcome;
  parsed: ParsedRows;
  mappedCols: number[];
  headerTexts: (string | null)[];
  /** id → 0-based row index of its first occurrence. */
  seenIds: IdRegistry;
  rowsRead: number;
  sinceTotal: number;
  grand: number;
  invalidSinceTotal: number;
  /** Total rows above the first data row (0-based index, value): checked against the grand total. */
  leadingTotals: { r: number; total: number }[];
  /** Unused columns watched for complex facts; null without a complex column. */
  survey: ComplexColumnSurvey | null;
}

/**
 * Reads a stock table pushed row by row; see the module comment and `readStock` for the rules.
 *
 * ```ts
 * const reader = new StockRowReader({ sheet: "Voorraad" }, { scale: "auto" });
 * for (const cells of rows) reader.push(cells);
 * const ingest = reader.finish();
 * ```
 */
export class StockRowReader {
  private readonly place: TablePlace;
  private readonly tableName: string | null;
  /** "zoeken": buffering the first rows for the header; "rijen": parsing rows as they come;
   * "breed": a wide BAT table, buffered whole; "kruis": a cross table woningtype × huurklasse,
   * buffered whole; "geen": no header, rows are ignored. */
  private mode: "zoeken" | "rijen" | "breed" | "kruis" | "geen" = "zoeken";
  private buffer: CellValue[][] = [];
  private next = 0;
  private state: RowState | null = null;
  private wideHeader = -1;
  /** The caption's reference date, read when the header is found (the rows above it are gone after). */
  private peildatum: string | null = null;
  private maxBuffered = 0;
  private done = false;

  /** @param source sheet and position. @param options overrides and BAT scale setting. */
  constructor(source: StockSource, private readonly options: StockOptions) {
    this.place = { sheet: source.sheet, originRow: source.originRow ?? 1, originCol: source.originCol ?? 1 };
    this.tableName = source.tableName ?? null;
  }

  /** Rows pushed so far (blank rows included). */
  get rowsPushed(): number {
    return this.next;
  }

  /** Rows currently held as cells (header search, or a wide BAT table). After the header of a
   * per-dwelling table is found this is 0, however many rows follow. */
  get bufferedRows(): number {
    return this.buffer.length;
  }

  /** The most rows held as cells at any time. */
  get maxBufferedRows(): number {
    return this.maxBuffered;
  }

  /**
   * The next row of the table. `cells[c]` is the cell in column `originCol + c`; the array is
   * not kept (it is copied while the header is looked for), so the caller may reuse it.
   */
  push(cells: readonly CellValue[]): void {
    const r = this.next++;
    switch (this.mode) {
      case "rijen":
        this.row(r, cells);
        return;
      case "zoeken":
        this.hold(cells.slice());
        if (this.buffer.length >= HEADER_SCAN_ROWS) this.decide();
        return;
      case "breed":
      case "kruis":
        this.hold(cells.slice());
        return;
      case "geen":
        return;
    }
  }

  /** `n` blank rows (rows missing from a sparse sheet). */
  skip(n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.mode === "rijen" || this.mode === "geen") {
        this.next += n - i;
        return;
      }
      this.push([]);
    }
  }

  /** Reads what is left and returns the result; the reader cannot be used afterwards. */
  finish(): StockIngest {
    if (this.done) throw new Error("StockRowReader.finish() called twice");
    this.done = true;
    if (this.mode === "zoeken") this.decide();
    switch (this.mode) {
      case "geen":
        return noHeader(this.place.sheet);
      case "breed": {
        const table = { ...this.place, tableName: this.tableName, values: this.buffer };
        this.buffer = [];
        return { ...readWideBat(table, this.wideHeader, this.options), peildatum: this.peildatum };
      }
      case "kruis": {
        const table = { ...this.place, tableName: this.tableName, values: this.buffer };
        this.buffer = [];
        return { ...readCrossTable(table), peildatum: this.peildatum };
      }
      default:
        return this.settle();
    }
  }

  private hold(cells: CellValue[]): void {
    this.buffer.push(cells);
    if (this.buffer.length > this.maxBuffered) this.maxBuffered = this.buffer.length;
  }

  /** Finds the header among the buffered rows and switches mode. */
  private decide(): void {
    const values = this.buffer;
    // A cross table woningtype × huurklasse first: its "Woningtype" and "Totaal" headers would
    // otherwise read as a grouped stock.
    const crossHeader = findCrossTable({ ...this.place, tableName: this.tableName, values });
    if (crossHeader >= 0) {
      this.mode = "kruis";
      this.peildatum = captionDate({ ...this.place, tableName: this.tableName, values }, crossHeader);
      return;
    }
    const headerIndex = findHeaderRow(values, (row) => stockHeaderScore(row, this.options.overrides));
    if (headerIndex < 0) {
      this.mode = "geen";
      this.buffer = [];
      return;
    }
    const header = values[headerIndex];
    this.peildatum = captionDate({ ...this.place, tableName: this.tableName, values }, headerIndex);
    if (isWideBatHeader(header)) {
      this.mode = "breed";
      this.wideHeader = headerIndex;
      return;
    }
    this.state = this.begin(headerIndex, header);
    this.mode = "rijen";
    this.buffer = [];
    for (let r = headerIndex + 1; r < values.length; r++) this.row(r, values[r] ?? []);
  }

  /** Column mapping and the per-table state, from the header row. */
  private begin(headerIndex: number, header: CellValue[]): RowState {
    const { sheet } = this.place;
    const headerRow = this.place.originRow + headerIndex;
    const mapped = mapColumns(header, this.options.overrides ?? {}, { sheet, headerRowNumber: headerRow, originCol: this.place.originCol });
    const { mapping, headers } = mapped;
    const issues: Issue[] = [...mapped.issues];
    const log = new IssueLog();
    const numericScale = numericScaleFor(this.options.scale);
    const ctx = makeStockRowContext(this.place, mapping, headers, numericScale, log);
    if (mapping.bat === undefined) {
      issues.push(makeIssue("bat-kolom-ontbreekt", "waarschuwing", sheet, null,
        `Op blad '${sheet}' is geen kolom met BAT-scores gevonden (kopregel rij ${headerRow}). Alle woningen ` +
        `krijgen BAT onbekend. Staat de score er wel, kies die kolom dan zelf (--kolom bat="Kop" of in het taakvenster).`));
    }
    return {
      headerIndex, mapping, headers, suggestions: mapped.suggestions, issues, log, ctx, out: newRowOutcome(), parsed: new ParsedRows(),
      mappedCols: [...new Set(Object.values(mapping))], headerTexts: header.map((v) => cellText(v)),
      seenIds: new IdRegistry(), rowsRead: 0, sinceTotal: 0, grand: 0, invalidSinceTotal: 0, leadingTotals: [],
      survey: ComplexColumnSurvey.create(this.place, headerRow, mapping, header.map((v) => cellText(v))),
    };
  }

  private skipRow(s: RowState, r: number, why: string): void {
    const { sheet } = this.place;
    s.log.addCapped("rij-overgeslagen",
      () => makeIssue("rij-overgeslagen", "info", sheet, tableCell(this.place, r, 0),
        `Rij ${this.place.originRow + r} op blad '${sheet}' (cel ${tableCell(this.place, r, 0)}) is overgeslagen: ${why}.`),
      (extra) => makeIssue("rij-overgeslagen", "info", sheet, null,
        `Op blad '${sheet}' zijn nog ${extra} rijen overgeslagen (kopregels, voetnoten of rijen zonder gegevens in herkende kolommen).`));
  }

  /** One row after the header. */
  private row(r: number, cells: readonly CellValue[]): void {
    const s = this.state!;
    const { mapping } = s;
    const fill = rowFill(cells);
    if (fill.count === 0) return;

    if (isTotalRow(cells, mapping.id) && !hasOwnId(cells, mapping.id)) {
      if (mapping.aantal === undefined) {
        this.skipRow(s, r, "het is een totaalregel");
      } else if (s.rowsRead === 0) {
        // A total above the data: checked against the whole table at the end.
        const total = parseDutchNumber(cells[mapping.aantal]);
        if (total !== null) s.leadingTotals.push({ r, total });
      } else {
        checkTotal(this.place, r, mapping.aantal, cells[mapping.aantal], s.sinceTotal, s.grand, s.invalidSinceTotal, s.log);
      }
      s.sinceTotal = 0;
      s.invalidSinceTotal = 0;
      return;
    }
    let hasData = false;
    for (const c of s.mappedCols) {
      if (!isMissing(cells[c])) {
        hasData = true;
        break;
      }
    }
    if (!hasData) {
      this.skipRow(s, r, "er staat niets in een herkende kolom");
      return;
    }
    if (isRepeatedHeader(cells, s.mappedCols, s.headerTexts)) {
      this.skipRow(s, r, "dit is een herhaalde kopregel");
      return;
    }
    if (fill.count === 1) {
      const only = cells[fill.first];
      if (typeof only === "string" && isNoteText(only)) {
        this.skipRow(s, r, `het is een voetnoot ('${only.trim().slice(0, 40)}')`);
        return;
      }
    }

    s.rowsRead++;
    const out = s.out;
    const row = readStockRow(s.ctx, r, cells, out);
    s.survey?.add(row, cells);
    if (out.aantalForTotals === null) s.invalidSinceTotal++;
    else {
      s.sinceTotal += out.aantalForTotals;
      s.grand += out.aantalForTotals;
    }
    if (row.id !== null && mapping.id !== undefined) {
      const first = s.seenIds.firstRow(row.id);
      if (first !== undefined) {
        out.ok = false;
        const { sheet } = this.place;
        const here = tableCell(this.place, r, mapping.id);
        s.log.add(makeIssue("id-dubbel", "fout", sheet, here,
          `Cel ${here} op blad '${sheet}': eenheid ${quoteValue(row.id)} staat ook in cel ${tableCell(this.place, first, mapping.id)}; ` +
          `deze rij is apart gezet (de eerste telt). Controleer of het om dezelfde woning gaat en verwijder of corrigeer de dubbele rij.`));
      } else {
        s.seenIds.add(row.id, r);
      }
    }
    s.parsed.add(row, out, mapping.bat !== undefined);
  }

  /** Settles the BAT scale and assembles the result. */
  private settle(): StockIngest {
    const s = this.state!;
    this.state = null;
    s.seenIds.clear();
    for (const t of s.leadingTotals) checkLeadingTotal(this.place, t.r, s.mapping.aantal!, t.total, s.grand, s.log);
    const settled = settleBatScale(s.parsed, this.place, s.mapping.bat, s.headers.bat ?? "", this.options.scale,
      s.ctx.numericScale, s.log);
    const issues = s.issues;
    if (settled.info !== null) issues.push(settled.info);
    issues.push(...s.log.finish());
    const survey = s.survey?.finish();
    if (survey) issues.push(...survey.issues);
    return {
      rows: settled.rows, rowsRead: s.rowsRead, rowsRejected: settled.rejected, batScale: settled.batScale,
      mapping: s.headers, headerRow: this.place.originRow + s.headerIndex, peildatum: this.peildatum, issues,
      ...(s.suggestions.length > 0 ? { suggesties: s.suggestions } : {}),
      ...(survey && survey.columns.length > 0 ? { complexKolommen: survey.columns } : {}),
    };
  }
}

/** A copy of the header inside the data (exports that repeat it per page): the first mapped
 * column holds its own header text, and so does a second one when there is one. */
function isRepeatedHeader(cells: readonly CellValue[], mappedCols: number[], headerTexts: (string | null)[]): boolean {
  let same = 0;
  for (const c of mappedCols) {
    const v = cells[c];
    const h = headerTexts[c];
    if (typeof v !== "string" || h === null || v.length < h.length || v.trim() !== h) return false;
    if (++same === 2) return true;
  }
  return same === mappedCols.length;
}

/** True when the row has its own id (a dwelling whose other cells happen to start with
 * "Totaal", e.g. complex "Totaal renovatie 2019"): such a row is data, never a total. */
function hasOwnId(cells: readonly CellValue[], idCol: number | undefined): boolean {
  if (idCol === undefined) return false;
  const v = cells[idCol];
  if (isMissing(v)) return false;
  return !(typeof v === "string" && isTotalLabel(v));
}

/** Compares a total above the data with the sum of the whole table. */
function checkLeadingTotal(place: TablePlace, r: number, col: number, total: number, grand: number, log: IssueLog): void {
  if (sameNumber(total, grand)) return;
  const cell = tableCell(place, r, col);
  log.add(makeIssue("totaal-klopt-niet", "waarschuwing", place.sheet, cell,
    `Cel ${cell} op blad '${place.sheet}': het totaal boven de tabel (${formatNumber(total)}) is niet gelijk aan de som van ` +
    `de rijen eronder (${formatNumber(grand)}). Het totaal telt niet mee; controleer de tabel.`));
}

/** Compares a total row's aantal with the rows above it. */
function checkTotal(
  place: TablePlace, r: number, col: number, v: CellValue | undefined, sinceTotal: number, grand: number, invalid: number,
  log: IssueLog,
): void {
  const total = parseDutchNumber(v);
  if (total === null) return;
  if (sameNumber(total, sinceTotal) || sameNumber(total, grand)) return;
  const cell = tableCell(place, r, col);
  const note = invalid > 0 ? ` (${invalid} rijen met een ongeldig aantal zijn niet meegerekend)` : "";
  log.add(makeIssue("totaal-klopt-niet", "waarschuwing", place.sheet, cell,
    `Cel ${cell} op blad '${place.sheet}': het totaal (${formatNumber(total)}) is niet gelijk aan de som van de ` +
    `rijen erboven (${formatNumber(sinceTotal)})${note}. Het totaal telt niet mee; controleer de tabel.`));
}
