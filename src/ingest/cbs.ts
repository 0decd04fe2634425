/**
 * Reading the two input tables of the CBS route (docs/handleiding.md §3, "CBS-voorraad en
 * aanpassingspercentages"; method in src/domain/cbs.ts):
 *
 * - **CBS-voorraad**: one row per gemeente with counts per ownership, e.g. the Parkstad
 *   Toekomstvisie Tabel 4 ("Gemeente | Jaar | Totaal | Koop | Huur") or a CBS StatLine export
 *   ("Regio's | Perioden | Totale woningvoorraad | Koopwoningen | Huurwoningen | In bezit
 *   woningcorporatie | In bezit overige verhuurders | Eigendom onbekend").
 * - **Aanpassingspercentages**: per gemeente (and optionally per segment) the percentage of the
 *   dwellings that is geschikt, potentieel geschikt or ongeschikt for older people, e.g. Tabel 5
 *   ("Gemeente | Geschikt (%) | Potentieel geschikt (%) | Ongeschikt (%)") and Tabel 6 (the
 *   same with a column "Segment": Huur / Koop).
 *
 * A row whose gemeente reads as a total ("Totaal", "Parkstad (totaal)", "Nederland") is a region
 * row: checked or used as fallback, never counted as a gemeente. Bad cells give a Dutch issue
 * with sheet and cell, and the row is set aside. Pure: input is the raw cells.
 */
import { type Issue, makeIssue, type IssueCode } from "../domain/issues";
import { CBS_DEEL_LABELS, type AdaptationShareEntry, type CbsCountField, type CbsStockEntry, type ShareSegment } from "../domain/cbs";
import type { CellValue, RawTable, TableDetection } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { findHeaderRow } from "./header";
import { formatNumber, quoteValue, tableCell } from "./messages";
import { normaliseHeader, normaliseLabel } from "./normalise";
import { isBlankRow, isNoteText, isTitleRow, isTotalLabel } from "./row-kinds";
import { matchHeader } from "./synonyms";
import { parseSegmentSoort } from "./stock-fields";
import { yearOf } from "./categorized";

/** Columns (0-based) of a CBS stock header. */
export interface CbsStockColumns {
  gemeente: number;
  jaar: number | null;
  counts: Partial<Record<CbsCountField, number>>;
}

/** Columns (0-based) of a percentage header. */
export interface ShareColumns {
  gemeente: number;
  segment: number | null;
  geschikt: number;
  potentieel: number;
  /** null: the table gives only geschikt and potentieel; ongeschikt is the rest to 100. */
  ongeschikt: number | null;
}

/** Result of {@link readCbsStock}. `rowsRead` = entries + rowsRejected. */
export interface CbsStockIngest {
  entries: CbsStockEntry[];
  rowsRead: number;
  rowsRejected: number;
  issues: Issue[];
}

/** Result of {@link readAdaptationShares}. */
export interface ShareIngest {
  entries: AdaptationShareEntry[];
  rowsRead: number;
  rowsRejected: number;
  issues: Issue[];
}

/** Headers of the area column besides the stock field `gemeente` (normalised). */
const AREA_HEADERS: ReadonlySet<string> = new Set(["regio", "regios", "gebied", "gemeenten", "regioaanduiding", "regionaam"]);
const YEAR_HEADERS: ReadonlySet<string> = new Set(["jaar", "peiljaar", "perioden", "periode", "peildatum"]);
const TOTAL_HEADERS: ReadonlySet<string> = new Set([
  "totaal", "totaalwoningen", "woningvoorraad", "totalewoningvoorraad", "totaalwoningvoorraad", "voorraad",
  "woningen", "aantalwoningen", "allewoningen", "totaalvoorraad",
]);
const HUUR_HEADERS: ReadonlySet<string> = new Set(["huur", "huurwoningen", "huurwoning", "totaalhuur", "totaalhuurwoningen", "huurtotaal"]);
const KOOP_HEADERS: ReadonlySet<string> = new Set(["eigenaarbewoner", "eigenaarbewoners", "eigenwoning", "eigenwoningbezit"]);
/** Words that make a header a share, not a count. */
const SHARE_MARKS = /%|pct|percentage|procent|aandeel/g;

function isAreaHeader(key: string, text: string): boolean {
  return AREA_HEADERS.has(key) || matchHeader(text)?.field === "gemeente";
}

/** Which count column a header names, or null. Headers with "%" or "aandeel" are never counts. */
function countField(key: string): CbsCountField | null {
  if (key.replace(SHARE_MARKS, "") !== key) return null;
  if (key.includes("onbekend")) return "onbekend";
  if (key.includes("corporatie")) return "corporatie";
  if (key.includes("particulier") || key.includes("overigeverhuurder") || key === "overigehuur" || key === "huuroverig") return "particulier";
  if (HUUR_HEADERS.has(key)) return "huur";
  if (key.startsWith("koop") || KOOP_HEADERS.has(key)) return "koop";
  if (TOTAL_HEADERS.has(key)) return "totaal";
  return null;
}

/** Which outcome a percentage header names ("Potentieel geschikt (%)" → potentieel), or null. */
function shareField(key: string): "geschikt" | "potentieel" | "ongeschikt" | null {
  const k = key.replace(SHARE_MARKS, "");
  if (k.startsWith("ongeschikt") || k.startsWith("nietgeschikt")) return "ongeschikt";
  if (k.startsWith("potentieel") || k.startsWith("geschikttemaken") || k.startsWith("aanpasbaar")) return "potentieel";
  if (k.startsWith("geschikt")) return "geschikt";
  return null;
}

/**
 * Reads a header row as a CBS stock header: an area column (gemeente, regio, gebied), koop or
 * huur (or corporatie) and at least two count columns in all; no percentage columns.
 *
 * @returns the columns, or null when the row is not such a header.
 * @example cbsStockColumns(["Gemeente", "Koopwoningen", "Huur corporatie", "Totaal"]) === { gemeente: 0, jaar: null, counts: { koop: 1, corporatie: 2, totaal: 3 } };
 *   cbsStockColumns(["Gemeente", "Geschikt (%)", "Potentieel geschikt (%)"]) === null
 */
export function cbsStockColumns(row: readonly CellValue[]): CbsStockColumns | null {
  let gemeente = -1;
  let jaar: number | null = null;
  const counts: Partial<Record<CbsCountField, number>> = {};
  for (let c = 0; c < row.length; c++) {
    const text = cellText(row[c]);
    if (text === null) continue;
    const key = normaliseHeader(text);
    if (shareField(key) !== null) return null;
    if (gemeente < 0 && isAreaHeader(key, text)) gemeente = c;
    else if (jaar === null && YEAR_HEADERS.has(key)) jaar = c;
    else {
      const f = countField(key);
      if (f !== null && counts[f] === undefined) counts[f] = c;
    }
  }
  const n = Object.keys(counts).length;
  const hasSplit = counts.koop !== undefined || counts.huur !== undefined || counts.corporatie !== undefined;
  return gemeente >= 0 && hasSplit && n >= 2 ? { gemeente, jaar, counts } : null;
}

/**
 * Reads a header row as a percentage header: an area column, geschikt and potentieel, and
 * optionally ongeschikt and a segment column (segment, huur/koop, eigendom).
 *
 * @returns the columns, or null when the row is not such a header.
 * @example shareColumns(["Gemeente", "Geschikt (%)", "Potentieel geschikt (%)"]) === { gemeente: 0, segment: null, geschikt: 1, potentieel: 2, ongeschikt: null }
 */
export function shareColumns(row: readonly CellValue[]): ShareColumns | null {
  let gemeente = -1;
  let segment: number | null = null;
  const found: Partial<Record<"geschikt" | "potentieel" | "ongeschikt", number>> = {};
  for (let c = 0; c < row.length; c++) {
    const text = cellText(row[c]);
    if (text === null) continue;
    const key = normaliseHeader(text);
    const f = shareField(key);
    if (f !== null) {
      if (found[f] === undefined) found[f] = c;
    } else if (gemeente < 0 && isAreaHeader(key, text)) gemeente = c;
    else if (segment === null && matchHeader(text)?.field === "segment") segment = c;
  }
  if (gemeente < 0 || found.geschikt === undefined || found.potentieel === undefined) return null;
  return { gemeente, segment, geschikt: found.geschikt, potentieel: found.potentieel, ongeschikt: found.ongeschikt ?? null };
}

/**
 * Recognises a CBS stock table or a percentage table (called by detect.ts after the other
 * kinds, so it only decides about tables that would otherwise be "onbekend").
 *
 * @returns the detection, or null when the table is neither.
 */
export function detectCbsTable(table: RawTable): TableDetection | null {
  const values = table.values;
  const row = (i: number) => table.originRow + i;
  const sIdx = findHeaderRow(values, (r) => (cbsStockColumns(r) ? 1 : 0));
  if (sIdx >= 0) {
    const cols = cbsStockColumns(values[sIdx])!;
    const names = Object.keys(cols.counts).join(", ");
    return { kind: "cbs-voorraad", headerIndex: sIdx, reden: `Kopregel op rij ${row(sIdx)} met een kolom gemeente en aantallen woningen (${names}): CBS-woningvoorraad per gemeente.` };
  }
  const pIdx = findHeaderRow(values, (r) => (shareColumns(r) ? 1 : 0));
  if (pIdx >= 0) {
    const cols = shareColumns(values[pIdx])!;
    return {
      kind: "aanpassingspercentages",
      headerIndex: pIdx,
      reden: `Kopregel op rij ${row(pIdx)} met een kolom gemeente en percentages geschikt/potentieel${cols.ongeschikt !== null ? "/ongeschikt" : ""}${cols.segment !== null ? " per segment" : ""}: aanpassingspercentages.`,
    };
  }
  return null;
}

/** Region total rows: "Totaal", "Parkstad (totaal)", "Totaal Parkstad", "Nederland". */
function isRegionLabel(label: string): boolean {
  const t = normaliseLabel(label);
  return isTotalLabel(label) || /\btota(a)?l\b/.test(t) || t === "nederland";
}

/** True for rows that are not data: blank, a lone text (title, footnote) or a footnote text. */
function isSkippable(row: readonly CellValue[], labelCol: number): boolean {
  if (isBlankRow(row) || isTitleRow(row)) return true;
  const label = cellText(row[labelCol]);
  return label !== null && isNoteText(label) && row.every((v, c) => c === labelCol || isMissing(v) || typeof v === "string");
}

/**
 * A second header row directly under the header (Parkstad Tabel 4: " | | Totaal | Totaal |
 * Totaal" under "Gemeente | Jaar | Totale woningvoorraad | Koopwoningen | Huurwoningen"): no
 * gemeente, and only text, no figures.
 */
function isSubHeader(row: readonly CellValue[], labelCol: number): boolean {
  return cellText(row[labelCol]) === null && row.every((v) => isMissing(v) || (typeof v === "string" && parseDutchNumber(v) === null));
}

/** A whole count ≥ 0, or an error text for the message. */
function readCount(v: CellValue | undefined): number | string {
  const n = parseDutchNumber(v);
  if (n === null) return "geen getal";
  if (n < 0) return "een negatief aantal";
  if (!Number.isInteger(n)) return "geen geheel aantal woningen";
  return n;
}

/** A percentage as written: "14%", "14", 14, "12,5"; a fraction 0.14 is handled per row. */
function readPercent(v: CellValue | undefined): number | null {
  if (typeof v === "string") {
    const t = v.trim();
    if (t.endsWith("%")) return parseDutchNumber(t.slice(0, -1));
  }
  return parseDutchNumber(v);
}

/** Dutch names of the count columns: the parts' own names (CBS_DEEL_LABELS) and "totaal". */
const COUNT_NAMES: Readonly<Record<CbsCountField, string>> = { totaal: "totaal", ...CBS_DEEL_LABELS };

/**
 * Reads a CBS stock table.
 *
 * @param table raw cells; the header is found as in {@link detectCbsTable}.
 * @returns one entry per data row (region rows flagged `regio`), and issues: `fout` for a cell
 *   that is not a whole number ≥ 0 or a row without gemeente (the row is set aside, named by
 *   sheet and cell); `fout` at table level when no header is found.
 */
export function readCbsStock(table: RawTable): CbsStockIngest {
  const issues: Issue[] = [];
  const values = table.values;
  const hIdx = findHeaderRow(values, (r) => (cbsStockColumns(r) ? 1 : 0));
  if (hIdx < 0) {
    issues.push(makeIssue("cbs-kop-ontbreekt", "fout", table.sheet, null,
      `Op blad '${table.sheet}' is geen kopregel gevonden met een kolom gemeente en kolommen koop en/of huur: de CBS-voorraad is niet gelezen.`));
    return { entries: [], rowsRead: 0, rowsRejected: 0, issues };
  }
  const cols = cbsStockColumns(values[hIdx])!;
  const entries: CbsStockEntry[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  for (let r = hIdx + 1; r < values.length; r++) {
    const row = values[r];
    if (isSkippable(row, cols.gemeente)) continue;
    if (r <= hIdx + 2 && isSubHeader(row, cols.gemeente)) continue;
    rowsRead++;
    const rowNumber = table.originRow + r;
    const label = cellText(row[cols.gemeente]);
    if (label === null) {
      rowsRejected++;
      issues.push(makeIssue("cbs-gemeente-ontbreekt", "fout", table.sheet, tableCell(table, r, cols.gemeente),
        `Cel ${tableCell(table, r, cols.gemeente)} op blad '${table.sheet}' is leeg: de rij heeft geen gemeente en is niet gebruikt.`));
      continue;
    }
    const counts: Partial<Record<CbsCountField, number>> = {};
    const cells: Partial<Record<CbsCountField, string>> = {};
    let bad = false;
    for (const [field, c] of Object.entries(cols.counts) as [CbsCountField, number][]) {
      const v = row[c];
      if (isMissing(v)) continue;
      const n = readCount(v);
      const cell = tableCell(table, r, c);
      if (typeof n === "string") {
        bad = true;
        issues.push(makeIssue("cbs-aantal-ongeldig", "fout", table.sheet, cell,
          `Cel ${cell} op blad '${table.sheet}' bevat ${quoteValue(v)}: ${n} (${COUNT_NAMES[field]}). De rij van ${label} is niet gebruikt.`));
        continue;
      }
      counts[field] = n;
      cells[field] = cell;
    }
    if (!bad && Object.keys(counts).length === 0) {
      bad = true;
      issues.push(makeIssue("cbs-aantal-ontbreekt", "fout", table.sheet, tableCell(table, r, cols.gemeente),
        `Rij ${rowNumber} op blad '${table.sheet}' (${label}) heeft geen aantallen woningen en is niet gebruikt.`));
    }
    if (bad) {
      rowsRejected++;
      continue;
    }
    const jaar = cols.jaar === null ? null : yearOf(row[cols.jaar]) ?? yearFromText(row[cols.jaar]);
    entries.push({ gemeente: label, regio: isRegionLabel(label), jaar, counts, sheet: table.sheet, rowNumber, cells });
  }
  flagSumRow(entries, issues);
  return { entries, rowsRead, rowsRejected, issues };
}

/**
 * A region total without the word "totaal" (the CSV's "Parkstad"): when no row is flagged as
 * region and one row equals, in every count it has, the sum of all other rows, it is the total
 * of the region; it is flagged (info), so it is checked and never counted as a gemeente.
 */
function flagSumRow(entries: CbsStockEntry[], issues: Issue[]): void {
  if (entries.length < 3 || entries.some((e) => e.regio)) return;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    const others = entries.filter((_, j) => j !== i);
    const fields = Object.keys(e.counts) as CbsCountField[];
    const isSum = fields.length > 0 && fields.every((f) => others.every((o) => o.counts[f] !== undefined) && others.reduce((a, o) => a + o.counts[f]!, 0) === e.counts[f]);
    if (isSum) {
      e.regio = true;
      issues.push(makeIssue("cbs-somrij", "info", e.sheet, null,
        `Rij ${e.rowNumber} op blad '${e.sheet}' (${e.gemeente}) is de som van de andere rijen: gelezen als totaal van de regio en niet als gemeente meegeteld.`));
      return;
    }
  }
}

/** "2023", "2023*", "1 januari 2023", a date → the year; else null. */
function yearFromText(v: CellValue | undefined): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getUTCFullYear();
  const m = /\b(19|20)\d\d\b/.exec(cellText(v) ?? "");
  return m ? Number(m[0]) : null;
}

/** The segment of a percentage row: "Huur", "Koop", "Huur corporatie", "Particuliere huur";
 * "Totaal", "Alle woningen" or empty → null (the gemeente as a whole); "?" when unreadable. */
function readSegment(v: CellValue | undefined): ShareSegment | null | "?" {
  const text = cellText(v);
  if (text === null) return null;
  const t = normaliseLabel(text);
  if (isTotalLabel(text) || t === "alle" || t === "alle woningen" || t === "alles" || t === "totaal voorraad") return null;
  if (t.includes("corporatie")) return "corporatie";
  if (t.includes("particulier") || t.includes("overige verhuurder")) return "particulier";
  return parseSegmentSoort(text) ?? "?";
}

/**
 * A segment column without a header (Parkstad Tabel 6: "Gemeente | (leeg) | Geschikt | …" with
 * huur/koop in the empty-headed column): the first column with an empty header cell whose
 * values in the first 20 rows below are all segments (huur, koop, …), at least two of them.
 */
function unlabelledSegmentColumn(values: readonly CellValue[][], hIdx: number, cols: ShareColumns): number | null {
  const header = values[hIdx] ?? [];
  const taken = new Set([cols.gemeente, cols.geschikt, cols.potentieel, cols.ongeschikt]);
  const width = Math.max(header.length, ...values.slice(hIdx + 1, hIdx + 21).map((r) => r.length));
  for (let c = 0; c < width; c++) {
    if (taken.has(c) || cellText(header[c]) !== null) continue;
    let segments = 0;
    let other = 0;
    for (const row of values.slice(hIdx + 1, hIdx + 21)) {
      if (cellText(row[c]) === null) continue;
      const seg = readSegment(row[c]);
      if (seg === null || seg === "?") other++;
      else segments++;
    }
    if (segments >= 2 && other === 0) return c;
  }
  return null;
}

/** Lowest and highest accepted sum of the three percentages of a row (published percentages
 * are rounded, so 99 or 101 occur); outside this the row is set aside. */
const SUM_MIN = 97;
const SUM_MAX = 103;

/**
 * Reads a percentage table (geschikt / potentieel / ongeschikt per gemeente and optionally
 * segment).
 *
 * Percentages are read as written ("14", 14, "14%", "12,5"); a row whose values are all at most
 * 1 and add up to about 1 is read as fractions (0.14 = 14%). A row with one value missing gets
 * it as 100 minus the other two (warning); without an ongeschikt column, ongeschikt is the rest
 * to 100 for every row (info).
 *
 * @param table raw cells; the header is found as in {@link detectCbsTable}.
 * @returns entries (percentages 0..100), and issues: `fout` with sheet and cell for a value
 *   that is not a number, outside 0..100, an unknown segment, or a row whose percentages do not
 *   add up to 97..103 (the row is set aside).
 */
export function readAdaptationShares(table: RawTable): ShareIngest {
  const issues: Issue[] = [];
  const values = table.values;
  const hIdx = findHeaderRow(values, (r) => (shareColumns(r) ? 1 : 0));
  if (hIdx < 0) {
    issues.push(makeIssue("cbs-kop-ontbreekt", "fout", table.sheet, null,
      `Op blad '${table.sheet}' is geen kopregel gevonden met een kolom gemeente en kolommen geschikt en potentieel: de percentages zijn niet gelezen.`));
    return { entries: [], rowsRead: 0, rowsRejected: 0, issues };
  }
  const cols = shareColumns(values[hIdx])!;
  if (cols.segment === null) cols.segment = unlabelledSegmentColumn(values, hIdx, cols);
  let lastGemeente: string | null = null;
  let filledDown = false;
  if (cols.ongeschikt === null) {
    issues.push(makeIssue("cbs-ongeschikt-berekend", "info", table.sheet, null,
      `Blad '${table.sheet}' heeft geen kolom ongeschikt: ongeschikt is per rij 100% min geschikt en potentieel.`));
  }
  const entries: AdaptationShareEntry[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  const where = (r: number, c: number) => tableCell(table, r, c);
  for (let r = hIdx + 1; r < values.length; r++) {
    const row = values[r];
    if (isSkippable(row, cols.gemeente)) continue;
    rowsRead++;
    const rowNumber = table.originRow + r;
    const reject = (code: IssueCode, cell: string, message: string) => {
      rowsRejected++;
      issues.push(makeIssue(code, "fout", table.sheet, cell, message));
    };
    let label = cellText(row[cols.gemeente]);
    if (label === null && lastGemeente !== null && cols.segment !== null && cellText(row[cols.segment]) !== null) {
      // A gemeente written once for its huur and koop rows (Parkstad Tabel 6).
      label = lastGemeente;
      if (!filledDown) {
        filledDown = true;
        issues.push(makeIssue("cbs-gemeente-doorgetrokken", "info", table.sheet, where(r, cols.gemeente),
          `Cel ${where(r, cols.gemeente)} op blad '${table.sheet}' is leeg: de gemeente van de rij erboven (${label}) geldt ook voor deze rij, ` +
          `zoals een naam die één keer boven een groep rijen staat.`));
      }
    }
    if (label !== null) lastGemeente = label;
    if (label === null) {
      reject("cbs-gemeente-ontbreekt", where(r, cols.gemeente), `Cel ${where(r, cols.gemeente)} op blad '${table.sheet}' is leeg: de rij heeft geen gemeente en is niet gebruikt.`);
      continue;
    }
    const segment = cols.segment === null ? null : readSegment(row[cols.segment]);
    if (segment === "?") {
      const cell = where(r, cols.segment!);
      reject("cbs-segment-onbekend", cell, `Cel ${cell} op blad '${table.sheet}' bevat ${quoteValue(row[cols.segment!])}: geen segment (huur, koop, huur van corporaties, particuliere huur of totaal). De rij van ${label} is niet gebruikt.`);
      continue;
    }
    const fields = [["geschikt", cols.geschikt], ["potentieel", cols.potentieel], ["ongeschikt", cols.ongeschikt]] as const;
    const read: (number | null)[] = [];
    let bad: string | null = null;
    for (const [name, c] of fields) {
      if (c === null || isMissing(row[c])) {
        read.push(null);
        continue;
      }
      const p = readPercent(row[c]);
      if (p === null || p < 0 || p > 100) {
        bad = `Cel ${where(r, c)} op blad '${table.sheet}' bevat ${quoteValue(row[c])}: geen percentage ${name} tussen 0 en 100. De rij van ${label} is niet gebruikt.`;
        reject("cbs-percentage-ongeldig", where(r, c), bad);
        break;
      }
      read.push(p);
    }
    if (bad) continue;
    const known = read.filter((p): p is number => p !== null);
    const missing = read.length - known.length;
    if (missing > 1) {
      reject("cbs-percentage-ontbreekt", where(r, cols.geschikt), `Rij ${rowNumber} op blad '${table.sheet}' (${label}) mist percentages en is niet gebruikt.`);
      continue;
    }
    const knownSum = known.reduce((a, p) => a + p, 0);
    const fractions = known.every((p) => p <= 1) && knownSum <= 1.03 && knownSum > 0;
    // Fractions (cells formatted 0%: 0.28) to percentages without binary noise (28, not 28.000000000000004),
    // so that a table pasted as numbers gives the figures of the same table pasted as text ("28%").
    const pct = read.map((p) => (p === null ? null : fractions ? Math.round(p * 100 * 1e9) / 1e9 : p));
    if (missing === 1) {
      const i = pct.indexOf(null);
      pct[i] = Math.max(0, 100 - pct.reduce<number>((a, p) => a + (p ?? 0), 0));
      const c = fields[i][1];
      if (c !== null) {
        issues.push(makeIssue("cbs-percentage-berekend", "waarschuwing", table.sheet, where(r, c),
          `Cel ${where(r, c)} op blad '${table.sheet}' is leeg: ${fields[i][0]} voor ${label} is berekend als 100% min de andere twee.`));
      }
    }
    const [geschikt, potentieel, ongeschikt] = pct as number[];
    const sum = geschikt + potentieel + ongeschikt;
    if (sum < SUM_MIN || sum > SUM_MAX) {
      reject("cbs-percentages-som", where(r, cols.geschikt),
        `De percentages op rij ${rowNumber} van blad '${table.sheet}' (${label}) tellen op tot ${formatNumber(Math.round(sum * 10) / 10)}%, niet tot 100%. De rij is niet gebruikt.`);
      continue;
    }
    entries.push({ gemeente: label, regio: isRegionLabel(label), segment, geschikt, potentieel, ongeschikt, sheet: table.sheet, rowNumber });
  }
  return { entries, rowsRead, rowsRejected, issues };
}

/**
 * A region row in a percentage table without the word "totaal" (Parkstad Tabel 5: "Parkstad
 * | 25% | 28% | 47%"): a share row whose name is the region row of the CBS stock (a "Totaal"
 * row, or the row that is the sum of the others, "Parkstad" in Tabel 4) is the region's
 * percentages, not a gemeente's. Marks such entries (in place) and says so.
 *
 * @param shares percentage entries of all percentage sheets.
 * @param stock the CBS stock entries (their `regio` flag set by {@link readCbsStock}).
 * @returns one `info` per marked row.
 */
export function markRegionShares(shares: AdaptationShareEntry[], stock: readonly CbsStockEntry[]): Issue[] {
  const regions = new Set(stock.filter((e) => e.regio).map((e) => normaliseLabel(e.gemeente)));
  const issues: Issue[] = [];
  for (const e of shares) {
    if (e.regio || !regions.has(normaliseLabel(e.gemeente))) continue;
    e.regio = true;
    issues.push(makeIssue("cbs-percentages-regiorij", "info", e.sheet, null,
      `Rij ${e.rowNumber} op blad '${e.sheet}' (${e.gemeente}) heeft de naam van de regiorij van de CBS-voorraad: ` +
      `gelezen als de percentages van de regio, niet van een gemeente.`));
  }
  return issues;
}
