/**
 * Turning one data row of a stock table into a `StockRow`, with its row-level issues.
 *
 * The BAT value is read here but its scale is settled later by the stock reader, once the
 * whole column is known (see bat-scale.ts); so this module returns the parsed BAT value beside
 * the row and leaves `bat`/`batScale` null.
 */
import type { BatScale, SegmentSoort, StockRow } from "../domain/types";
import { STOCK_FIELDS, type CellValue, type ColumnMapping, type RawTable, type StockField } from "./types";
import { cellText, isMissing, parseDutchNumber, parseFraction } from "./cells";
import { parseBat, type BatParse } from "./bat-values";
import {
  parseBouwjaar, parseBouwlaag, parseFactBoolean, parseOntmoetingsruimte, parsePositiveWhole,
  parseSegmentSoort, parseZorgprofiel,
} from "./stock-fields";
import { EENHEIDDETAILSOORTEN, TOEGANKELIJKHEIDSLABELS, WOONVORMEN, lookupVeraCode, type VeraCodeList } from "./vera-codes";
import { IssueLog, makeIssue, quoteValue, tableCell } from "./messages";

/**
 * A stock row with every fact unknown: `id`/`complex`/... null, `aantal` 1.
 *
 * @param sheet worksheet name.
 * @param rowNumber 1-based Excel row.
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

/** What the stock reader needs to read rows of one table. */
export interface StockRowContext {
  table: RawTable;
  /** The mapping as a list, in field order (built once per table by {@link makeStockRowContext}). */
  columns: readonly { field: StockField; col: number }[];
  /** field → header text (for summaries). */
  headers: Partial<Record<StockField, string>>;
  /** Scale on which plain BAT numbers are read. */
  numericScale: BatScale;
  log: IssueLog;
  /** Segment text → huur/koop, memoised: a column has few distinct values. */
  segmentCache: Map<string, SegmentSoort | null>;
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
  table: RawTable, mapping: ColumnMapping, headers: Partial<Record<StockField, string>>, numericScale: BatScale, log: IssueLog,
): StockRowContext {
  const columns: { field: StockField; col: number }[] = [];
  for (const field of STOCK_FIELDS) {
    const col = mapping[field];
    if (col !== undefined) columns.push({ field, col });
  }
  return { table, columns, headers, numericScale, log, segmentCache: new Map() };
}

/** One read row before the BAT scale is settled. */
export interface ParsedStockRow {
  row: StockRow;
  /** 0-based index into `table.values`. */
  r: number;
  /** Parsed BAT value; null when the cell is missing or there is no BAT column. */
  bat: BatParse | null;
  /** False when a `fout` has already set this row aside. */
  ok: boolean;
  /** Valid `aantal` for checking totals (1 when the cell is empty), or null when invalid. */
  aantalForTotals: number | null;
}

/** Dutch names of the optional facts, and what to write instead, for warnings. */
const FACT_TEXT: Readonly<Partial<Record<StockField, { naam: string; hint: string }>>> = {
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
function warnFact(ctx: StockRowContext, field: StockField, r: number, c: number, v: CellValue): void {
  const text = FACT_TEXT[field]!;
  const sheet = ctx.table.sheet;
  ctx.log.addCapped(`feit-onleesbaar|${field}`,
    () => makeIssue(`${field}-onleesbaar`, "waarschuwing", sheet, tableCell(ctx.table, r, c),
      `Cel ${tableCell(ctx.table, r, c)} op blad '${sheet}': ${text.naam} ${quoteValue(v)} is niet te lezen; ` +
      `de rij telt mee zonder ${text.naam}. ${text.hint}`),
    (extra) => makeIssue(`${field}-onleesbaar`, "waarschuwing", sheet, null,
      `Op blad '${sheet}' zijn nog ${extra} cellen in kolom '${ctx.headers[field]}' met een onleesbare ` +
      `${text.naam} (niet afzonderlijk getoond); die rijen tellen mee zonder ${text.naam}. ${text.hint}`));
}

/** Reads a VERA-coded fact; unknown texts are kept in upper case (or as written, for
 * eenheiddetailsoort) with one warning per distinct value. */
function readCode(
  ctx: StockRowContext, field: StockField, list: VeraCodeList, r: number, c: number, v: CellValue, keepRaw: boolean,
): string | null {
  const text = cellText(v);
  if (text === null) return null;
  const code = lookupVeraCode(list, text);
  if (code !== null) return code;
  if (!keepRaw) {
    const sheet = ctx.table.sheet;
    const known = [...list.keys()].join(", ");
    ctx.log.addCapped(`code-onbekend|${field}|${text.toUpperCase()}`,
      () => makeIssue(`${field}-onbekend`, "waarschuwing", sheet, tableCell(ctx.table, r, c),
        `Cel ${tableCell(ctx.table, r, c)} op blad '${sheet}': ${quoteValue(v)} is geen VERA-code voor ${field} ` +
        `(${known}). De tekst is overgenomen, maar telt bij de indeling niet als code. Gebruik een van de codes.`),
      (extra) => makeIssue(`${field}-onbekend`, "waarschuwing", sheet, null,
        `Op blad '${sheet}' staat ${quoteValue(v)} nog ${extra} keer in kolom '${ctx.headers[field]}'.`),
      1);
  }
  return keepRaw ? text : text.toUpperCase();
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
 * @param r 0-based row index into `ctx.table.values`.
 * @returns the row, its parsed BAT value and whether it is still ok.
 */
export function readStockRow(ctx: StockRowContext, r: number): ParsedStockRow {
  const { table } = ctx;
  const cells = table.values[r] ?? [];
  const row = emptyStockRow(table.sheet, table.originRow + r);
  let ok = true;
  let bat: BatParse | null = null;
  let aantalForTotals: number | null = 1;
  const sheet = table.sheet;

  for (const { field, col: c } of ctx.columns) {
    const v = cells[c] ?? null;
    if (field === "bat") {
      bat = parseBat(v, ctx.numericScale);
      if (bat !== null && "error" in bat) {
        ok = false;
        ctx.log.add(makeIssue(bat.code, "fout", sheet, tableCell(table, r, c),
          `Cel ${tableCell(table, r, c)} op blad '${sheet}': ${bat.error} De rij is apart gezet.`));
      }
      continue;
    }
    if (isMissing(v)) continue;
    switch (field) {
      case "id": row.id = cellText(v); break;
      case "complex": row.complex = cellText(v); break;
      case "gemeente": row.gemeente = cellText(v); break;
      case "buurt": row.buurt = cellText(v); break;
      case "wijk": row.wijk = cellText(v); break;
      case "eigenaar": row.eigenaar = cellText(v); break;
      case "woningtype": row.woningtype = cellText(v); break;
      case "toegankelijkheidslabel": row.toegankelijkheidslabel = readCode(ctx, field, TOEGANKELIJKHEIDSLABELS, r, c, v, false); break;
      case "woonvorm": row.woonvorm = readCode(ctx, field, WOONVORMEN, r, c, v, false); break;
      case "eenheiddetailsoort": row.eenheiddetailsoort = readCode(ctx, field, EENHEIDDETAILSOORTEN, r, c, v, true); break;
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
  return { row, r, bat, ok, aantalForTotals };
}
