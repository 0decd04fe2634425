/**
 * Turning one data row of a stock table into a `StockRow`, with its row-level issues.
 *
 * The BAT value is read here but its scale is settled later by the stock reader, once the
 * whole column is known (see bat-scale.ts); so this module returns the parsed BAT value beside
 * the row and leaves `bat`/`batScale` null.
 */
import { makeIssue } from "../domain/issues";
import type { BatScale, SegmentSoort, StockRow } from "../domain/types";
import { STOCK_FIELDS, type CellValue, type ColumnMapping, type RawTable, type FieldHeaders, type MappedColumn } from "./types";
import { cellText, excelError, isMissing, parseDutchNumber, parseFraction, UNKNOWN_ERROR } from "./cells";
import { parseBat, type BatForm, type BatParse } from "./bat-values";
import {
  parseBouwjaar, parseBouwlaag, parseFactBoolean, parseOntmoetingsruimte, parsePositiveWhole,
  parseSegmentSoort, parseZorgprofiel,
} from "./stock-fields";
import { EENHEIDDETAILSOORTEN, TOEGANKELIJKHEIDSLABELS, WOONVORMEN, lookupVeraCode, type VeraCodeList } from "./vera-codes";
import { StockColumns } from "../domain/stock-columns";
import { IssueLog, quoteValue, tableCell } from "./messages";

/**
 * A stock row with every fact unknown: `id`/`complex`/... null, `aantal` 1.
 *
 * @param sheet worksheet name.
 * @param rowNumber 1-based Excel row.
 * @example emptyStockRow("Voorraad", 14).rowNumber === 14; emptyStockRow("Voorraad", 14).aantal === 1; emptyStockRow("Voorraad", 14).bat === null
 */
export function emptyStockRow(sheet: string, rowNumber: number): StockRow {
  return {
    sheet, rowNumber, id: null, complex: null, bat: null, batScale: null, toegankelijkheidslabel: null,
    woonvorm: null, eenheiddetailsoort: null, aantal: 1, gemeente: null, buurt: null, wijk: null,
    eigenaar: null, segment: null, segmentSoort: null, woningtype: null, bouwlaag: null, lift: null,
    bouwjaar: null, ontmoetingsruimte: null, complexgrootte: null, aandeel55plus: null,
    label55plus: null, wlz: null, zorgprofiel: null, zelfstandig: null,
  };
}

/** Where a table sits: its sheet and the Excel position of `values[0][0]`. Enough for cell
 * addresses in messages; the cells themselves are handed to {@link readStockRow} row by row. */
export type TablePlace = Pick<RawTable, "sheet" | "originRow" | "originCol">;

/** What the stock reader needs to read rows of one table. */
export interface StockRowContext {
  table: TablePlace;
  /** The mapping as a list, in field order (built once per table by {@link makeStockRowContext}). */
  columns: readonly MappedColumn[];
  /** field → header text (for summaries). */
  headers: FieldHeaders;
  /** Scale on which plain BAT numbers are read. */
  numericScale: BatScale;
  log: IssueLog;
  /** Segment text → huur/koop, memoised: a column has few distinct values. */
  segmentCache: Map<string, SegmentSoort | null>;
  /** BAT text → parse result, memoised (bounded): a BAT column has few distinct texts. */
  batCache: Map<string, BatParse | null>;
}

/** Most distinct BAT texts memoised per table; beyond this they are parsed every time. */
const BAT_CACHE_LIMIT = 4096;

/** What {@link readStockRow} found besides the row itself; one object per reader, reused for
 * every row so that reading a row allocates nothing but the `StockRow`. */
export interface RowOutcome {
  /** Parsed BAT value; null when the cell is missing or there is no BAT column. */
  bat: BatParse | null;
  /** The BAT cell as read (for messages when its scale turns out to conflict). */
  batCell: CellValue;
  /** False when a `fout` has already set this row aside. */
  ok: boolean;
  /** Valid `aantal` for checking totals (1 when the cell is empty), or null when invalid. */
  aantalForTotals: number | null;
}

/** A fresh {@link RowOutcome} to pass to {@link readStockRow}. */
export function newRowOutcome(): RowOutcome {
  return { bat: null, batCell: null, ok: true, aantalForTotals: 1 };
}

/**
 * Builds the context for {@link readStockRow} once per table.
 *
 * @param table the table.
 * @param mapping field → 0-based column.
 * @param headers field → header text.
 * @param numericScale scale for plain BAT numbers.
 * @param log where issues go.
 */
export function makeStockRowContext(
  table: TablePlace, mapping: ColumnMapping, headers: FieldHeaders, numericScale: BatScale, log: IssueLog,
): StockRowContext {
  const columns: MappedColumn[] = [];
  for (const field of STOCK_FIELDS) {
    const col = mapping[field];
    if (col !== undefined) columns.push({ field, col });
  }
  return { table, columns, headers, numericScale, log, segmentCache: new Map(), batCache: new Map() };
}

const FORM_CODES: readonly BatForm[] = ["limburg", "vera", "getal"];

/**
 * The rows read from one stock table before the BAT scale is settled (see stock-scale.ts), kept
 * compactly: the rows column-wise (`StockColumns`; the `StockRow` each row is read into is not
 * kept), plus one byte per row for the parsed BAT value and whether the row is still ok, and the
 * BAT cell as read (a reference, for messages). No object per row.
 */
export class ParsedRows {
  /** The rows, in table order (kept and set aside alike, until settled), column-wise. */
  readonly rows = new StockColumns(4096);
  /** BAT cell per row as read; empty when the table has no BAT column. */
  readonly batCells: CellValue[] = [];
  /** Per row: bit 0 ok, bit 1 has a level, bits 2-3 form (index into FORM_CODES), bits 4-7 level. */
  private info = new Uint8Array(1024);

  /** Number of rows. */
  get length(): number {
    return this.rows.length;
  }

  /**
   * Adds a row with what {@link readStockRow} found (its values are copied into the columns;
   * the object is not kept).
   * @param keepBatCell whether to keep the BAT cell (only when the table has a BAT column).
   */
  add(row: StockRow, out: RowOutcome, keepBatCell: boolean): void {
    const i = this.rows.length;
    if (i === this.info.length) {
      const grown = new Uint8Array(this.info.length * 2);
      grown.set(this.info);
      this.info = grown;
    }
    let b = out.ok ? 1 : 0;
    const bat = out.bat;
    if (bat !== null && "level" in bat && bat.level >= 0 && bat.level <= 15) {
      b |= 2 | (FORM_CODES.indexOf(bat.form) << 2) | (bat.level << 4);
    }
    this.info[i] = b;
    this.rows.push(row);
    if (keepBatCell) this.batCells.push(out.batCell);
  }

  /** Is row `i` still ok (not set aside by a `fout`)? */
  ok(i: number): boolean {
    return (this.info[i] & 1) === 1;
  }

  /** Sets row `i` aside. */
  reject(i: number): void {
    this.info[i] &= 0xfe;
  }

  /** The BAT level read for row `i`, or -1 when it has none (missing, unreadable or no column). */
  level(i: number): number {
    const b = this.info[i];
    return (b & 2) === 0 ? -1 : b >> 4;
  }

  /** The form of row `i`'s BAT value; only meaningful when `level(i) >= 0`. */
  form(i: number): BatForm {
    return FORM_CODES[(this.info[i] >> 2) & 3];
  }
}

/** Dutch names of the optional facts, and what to write instead, for warnings. */
/** The optional facts whose unreadable value is reported as `<field>-onleesbaar`. */
type FactField = "bouwlaag" | "lift" | "bouwjaar" | "ontmoetingsruimte" | "complexgrootte" | "aandeel55plus" | "label55plus" | "wlz" | "zorgprofiel" | "zelfstandig";

const FACT_TEXT: Readonly<Record<FactField, { naam: string; hint: string }>> = {
  bouwlaag: { naam: "bouwlaag", hint: "Schrijf de verdieping als heel getal (0 = begane grond) of 'begane grond'." },
  lift: { naam: "lift", hint: "Gebruik ja of nee." },
  bouwjaar: { naam: "bouwjaar", hint: "Gebruik een jaartal, bijvoorbeeld 1975." },
  ontmoetingsruimte: { naam: "ontmoetingsruimte", hint: "Gebruik ja (of inpandig), aangrenzend of nee." },
  complexgrootte: { naam: "complexgrootte", hint: "Gebruik het aantal woningen in het complex als heel getal." },
  aandeel55plus: { naam: "aandeel 55+", hint: "Gebruik een percentage (62%) of een fractie (0,62)." },
  label55plus: { naam: "label 55+", hint: "Gebruik ja of nee." },
  wlz: { naam: "Wlz-zorg", hint: "Gebruik ja of nee." },
  zorgprofiel: { naam: "zorgprofiel", hint: "Gebruik SOM of PG." },
  zelfstandig: { naam: "zelfstandig", hint: "Gebruik ja of nee." },
};

/** Reports an unreadable optional fact (the row is kept without it); capped per column. */
function warnFact(ctx: StockRowContext, field: FactField, r: number, c: number, v: CellValue): void {
  const text = FACT_TEXT[field];
  const sheet = ctx.table.sheet;
  ctx.log.addCapped(`feit-onleesbaar|${field}`,
    () => makeIssue(`${field}-onleesbaar`, "waarschuwing", sheet, tableCell(ctx.table, r, c),
      `Cel ${tableCell(ctx.table, r, c)} op blad '${sheet}': ${text.naam} ${quoteValue(v)} is niet te lezen; ` +
      `de rij telt mee zonder ${text.naam}. ${text.hint}`),
    (extra) => makeIssue(`${field}-onleesbaar`, "waarschuwing", sheet, null,
      `Op blad '${sheet}' zijn nog ${extra} cellen in kolom '${ctx.headers[field]}' met een onleesbare ` +
      `${text.naam} (niet afzonderlijk getoond); die rijen tellen mee zonder ${text.naam}. ${text.hint}`));
}

/** " ('#REF!')", or nothing when the error's code is unknown. */
function errorShown(error: string): string {
  return error === UNKNOWN_ERROR ? "" : ` (${quoteValue(error)})`;
}

/** Reports an error cell (#N/A, #REF!, ...) in the BAT column: the dwelling counts as BAT
 * onbekend, as for an empty cell, but the user should know a formula broke. Capped per table. */
function warnErrorCell(ctx: StockRowContext, r: number, c: number, error: string): void {
  const sheet = ctx.table.sheet;
  const cell = tableCell(ctx.table, r, c);
  ctx.log.addCapped("bat-foutwaarde",
    () => makeIssue("bat-foutwaarde", "waarschuwing", sheet, cell,
      `Cel ${cell} op blad '${sheet}': de BAT-score is een foutwaarde${errorShown(error)}; de woning telt als BAT onbekend. ` +
      `Herstel de formule of vul de score in.`),
    (extra) => makeIssue("bat-foutwaarde", "waarschuwing", sheet, null,
      `Op blad '${sheet}' staan nog ${extra} foutwaarden (zoals #N/A) in kolom '${ctx.headers.bat}'; die woningen tellen als ` +
      `BAT onbekend. Herstel de formules of vul de scores in.`));
}

/** Reads a VERA-coded fact (toegankelijkheidslabel, woonvorm); an unknown text is kept in upper
 * case with one warning per distinct value. */
function readCode(
  ctx: StockRowContext, field: "toegankelijkheidslabel" | "woonvorm", list: VeraCodeList, r: number, c: number, v: CellValue,
): string | null {
  const text = cellText(v);
  if (text === null) return null;
  const code = lookupVeraCode(list, text);
  if (code !== null) return code;
  const sheet = ctx.table.sheet;
  ctx.log.addCapped(`code-onbekend|${field}|${text.toUpperCase()}`,
    () => makeIssue(`${field}-onbekend`, "waarschuwing", sheet, tableCell(ctx.table, r, c),
      `Cel ${tableCell(ctx.table, r, c)} op blad '${sheet}': ${quoteValue(v)} is geen VERA-code voor ${field} ` +
      `(${[...list.keys()].join(", ")}). De tekst is overgenomen, maar telt bij de indeling niet als code. Gebruik een van de codes.`),
    (extra) => makeIssue(`${field}-onbekend`, "waarschuwing", sheet, null,
      `Op blad '${sheet}' staat ${quoteValue(v)} nog ${extra} keer in kolom '${ctx.headers[field]}'.`),
    1);
  return text.toUpperCase();
}

/** Reads an eenheiddetailsoort: its VERA code, or the text as written when it is not a code.
 * No warning: such a text is read as a woningtype description by the adaptation rules
 * (src/domain/potentieel.ts), which report it (`aanpassing-woonsoort-onbekend`) when it names no
 * form they know. */
function readEenheiddetailsoort(v: CellValue): string | null {
  const text = cellText(v);
  if (text === null) return null;
  return lookupVeraCode(EENHEIDDETAILSOORTEN, text) ?? text;
}

/** Parses a BAT cell, memoising texts (a column has few distinct ones). */
function readBat(ctx: StockRowContext, v: CellValue): BatParse | null {
  if (typeof v !== "string") return parseBat(v, ctx.numericScale);
  let p = ctx.batCache.get(v);
  if (p === undefined) {
    p = parseBat(v, ctx.numericScale);
    if (ctx.batCache.size < BAT_CACHE_LIMIT) ctx.batCache.set(v, p);
  }
  return p;
}

/**
 * Reads one data row.
 *
 * Sets every mapped field of a fresh `StockRow`; optional facts that cannot be read become null
 * with a capped `waarschuwing`; an invalid `aantal` (zero, negative, decimal, text) and an
 * unreadable or out-of-range BAT value add a `fout` and mark the row not ok. Missing `aantal`
 * is 1; missing BAT stays null.
 *
 * @param ctx table, mapping, numeric BAT scale and the issue log.
 * @param r 0-based row index of the row in its table (Excel row `originRow + r`).
 * @param cells the row's cells (read, never kept: the caller may reuse the array).
 * @param out receives the parsed BAT value, whether the row is still ok and its aantal for
 *   checking totals (reused between rows).
 * @returns the row.
 */
export function readStockRow(ctx: StockRowContext, r: number, cells: readonly CellValue[], out: RowOutcome): StockRow {
  const { table } = ctx;
  const row = emptyStockRow(table.sheet, table.originRow + r);
  let ok = true;
  let bat: BatParse | null = null;
  let batCell: CellValue = null;
  let aantalForTotals: number | null = 1;
  const sheet = table.sheet;

  for (const { field, col: c } of ctx.columns) {
    const v = cells[c] ?? null;
    if (field === "bat") {
      batCell = v;
      bat = readBat(ctx, v);
      if (bat !== null && "error" in bat) {
        ok = false;
        ctx.log.add(makeIssue(bat.code, "fout", sheet, tableCell(table, r, c),
          `Cel ${tableCell(table, r, c)} op blad '${sheet}': ${bat.error} De rij is apart gezet. ` +
          `Corrigeer de score, of maak de cel leeg als de score onbekend is (de woning telt dan als BAT onbekend).`));
      } else if (bat === null) {
        const error = excelError(v);
        if (error !== null) warnErrorCell(ctx, r, c, error);
      }
      continue;
    }
    if (isMissing(v)) {
      const error = field === "aantal" ? excelError(v) : null;
      if (error !== null) {
        // Empty means 1, but an error is a broken formula: the count is unknown.
        ok = false;
        aantalForTotals = null;
        ctx.log.add(makeIssue("aantal-ongeldig", "fout", sheet, tableCell(table, r, c),
          `Cel ${tableCell(table, r, c)} op blad '${sheet}': het aantal is een foutwaarde${errorShown(error)}, het aantal woningen is ` +
          `dus onbekend; de rij is apart gezet. Herstel de formule of vul een heel aantal in.`));
      }
      continue;
    }
    switch (field) {
      case "id": row.id = cellText(v); break;
      case "complex": row.complex = cellText(v); break;
      case "gemeente": row.gemeente = cellText(v); break;
      case "buurt": row.buurt = cellText(v); break;
      case "wijk": row.wijk = cellText(v); break;
      case "eigenaar": row.eigenaar = cellText(v); break;
      case "woningtype": row.woningtype = cellText(v); break;
      case "toegankelijkheidslabel": row.toegankelijkheidslabel = readCode(ctx, field, TOEGANKELIJKHEIDSLABELS, r, c, v); break;
      case "woonvorm": row.woonvorm = readCode(ctx, field, WOONVORMEN, r, c, v); break;
      case "eenheiddetailsoort": row.eenheiddetailsoort = readEenheiddetailsoort(v); break;
      case "segment": {
        row.segment = cellText(v);
        if (row.segment !== null) {
          let soort = ctx.segmentCache.get(row.segment);
          if (soort === undefined) {
            soort = parseSegmentSoort(row.segment);
            ctx.segmentCache.set(row.segment, soort);
          }
          row.segmentSoort = soort;
        }
        if (row.segment !== null && row.segmentSoort === null) {
          const seg = row.segment;
          ctx.log.addCapped(`segment|${seg.toLowerCase()}`,
            () => makeIssue("segment-onbekend", "waarschuwing", sheet, tableCell(table, r, c),
              `Cel ${tableCell(table, r, c)} op blad '${sheet}': segment ${quoteValue(v)} is niet als huur of koop ` +
              `te herkennen; de rij telt mee zonder huur/koop-indeling. Gebruik bijvoorbeeld 'sociale huur', ` +
              `'vrije sector huur' of 'koop'.`),
            (extra) => makeIssue("segment-onbekend", "waarschuwing", sheet, null,
              `Op blad '${sheet}' staat segment ${quoteValue(v)} nog ${extra} keer; ook die rijen tellen mee zonder huur/koop-indeling.`),
            1);
        }
        break;
      }
      case "aantal": {
        const n = parseDutchNumber(v);
        if (n === null || !Number.isInteger(n) || n < 1) {
          ok = false;
          aantalForTotals = n !== null && Number.isInteger(n) && n >= 0 ? n : null;
          const why = n === 0
            ? "staat voor geen enkele woning"
            : "is geen heel aantal woningen van 1 of meer";
          ctx.log.add(makeIssue("aantal-ongeldig", "fout", sheet, tableCell(table, r, c),
            `Cel ${tableCell(table, r, c)} op blad '${sheet}': aantal ${quoteValue(v)} ${why}; de rij is apart gezet. ` +
            `Vul een heel aantal in (leeg betekent 1) of verwijder de rij.`));
        } else {
          row.aantal = n;
          aantalForTotals = n;
        }
        break;
      }
      case "bouwlaag": {
        row.bouwlaag = parseBouwlaag(v);
        if (row.bouwlaag === null) warnFact(ctx, field, r, c, v);
        break;
      }
      case "lift": case "label55plus": case "wlz": case "zelfstandig": {
        const b = parseFactBoolean(field, v);
        row[field] = b;
        if (b === null) warnFact(ctx, field, r, c, v);
        break;
      }
      case "bouwjaar": {
        row.bouwjaar = parseBouwjaar(v);
        if (row.bouwjaar === null) warnFact(ctx, field, r, c, v);
        break;
      }
      case "ontmoetingsruimte": {
        row.ontmoetingsruimte = parseOntmoetingsruimte(v);
        if (row.ontmoetingsruimte === null) warnFact(ctx, field, r, c, v);
        break;
      }
      case "complexgrootte": {
        row.complexgrootte = parsePositiveWhole(v);
        if (row.complexgrootte === null) warnFact(ctx, field, r, c, v);
        break;
      }
      case "aandeel55plus": {
        row.aandeel55plus = parseFraction(v);
        if (row.aandeel55plus === null) warnFact(ctx, field, r, c, v);
        break;
      }
      case "zorgprofiel": {
        row.zorgprofiel = parseZorgprofiel(v);
        if (row.zorgprofiel === null) warnFact(ctx, field, r, c, v);
        break;
      }
    }
  }
  out.bat = bat;
  out.batCell = batCell;
  out.ok = ok;
  out.aantalForTotals = aantalForTotals;
  return row;
}
