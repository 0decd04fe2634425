/**
 * Column mapping for stock tables: which 0-based column holds which `StockField`, from the
 * Dutch header synonyms and the user's overrides (CLI `--kolom veld="Kop"`, task pane).
 */
import { type Issue, makeIssue } from "../domain/issues";
import { cellAddress } from "../domain/issues";
import { STOCK_FIELDS, type CellValue, type ColumnMapping, type MappingOverrides, type StockField, type FieldHeaders } from "./types";
import { cellText } from "./cells";
import { normaliseHeader } from "./normalise";
import { MATCH_RANK, matchHeader } from "./synonyms";
import { CONFIDENT_SCORE, scoreHeader, type ConceptScore } from "./header-concepts";
import { quoteValue } from "./messages";

/** Where the header row sits, for messages: sheet name, 1-based Excel row, 1-based first column. */
export interface MappingContext {
  sheet: string;
  headerRowNumber: number;
  originCol: number;
}

/** Result of {@link mapColumns}. */
export interface ColumnMappingResult {
  /** field → 0-based column index in the header row. */
  mapping: ColumnMapping;
  /** field → header text as written, for display and for saving with the workbook. */
  headers: FieldHeaders;
  /** fout for overrides that name no column; waarschuwing for two columns claiming one field
   * and for a column that resembles a field without a column (near match); info listing the
   * columns that are not used. */
  issues: Issue[];
  /** Near matches: columns not used that resemble a field that has no column; the task pane
   * offers them as a pre-filled choice the user confirms. Best first. */
  suggestions: MappingSuggestion[];
}

/** A column that resembles a field (header-concepts.ts), for the user to confirm. */
export interface MappingSuggestion {
  field: StockField;
  /** Header text as written. */
  header: string;
  /** A1 address of the header cell. */
  cell: string;
  /** Concept score 0..1 (below CONFIDENT_SCORE). */
  score: number;
}

const FIELD_SET: ReadonlySet<string> = new Set(STOCK_FIELDS);

/** Finds the column whose header equals `wanted`, case-, space-, hyphen- and
 * underscore-insensitively (exact text first). Returns -1 when none does. */
function findColumn(texts: readonly (string | null)[], wanted: string): number {
  const exact = texts.indexOf(wanted.trim());
  if (exact >= 0) return exact;
  const key = normaliseHeader(wanted);
  if (key === "") return -1;
  for (let c = 0; c < texts.length; c++) {
    const t = texts[c];
    if (t !== null && normaliseHeader(t) === key) return c;
  }
  return -1;
}

/** "'BAT' (C3), 'Huurprijs' (F3)" — for lists of columns in messages. */
function listColumns(cols: readonly number[], texts: readonly (string | null)[], ctx: MappingContext): string {
  // Header texts are cut (a cell may hold 32,767 characters) and at most 20 columns are named.
  const shown = cols.slice(0, MAX_LISTED).map((c) => `${quoteValue(texts[c])} (${cellAddress(ctx.headerRowNumber, ctx.originCol + c)})`);
  const more = cols.length - shown.length;
  return shown.join(", ") + (more > 0 ? ` en nog ${more} kolommen` : "");
}

/** Most columns named in one message. */
const MAX_LISTED = 20;

/**
 * Maps the columns of a stock table's header row to stock fields.
 *
 * 1. Overrides first: each `field → header text` is looked up case-, space-, hyphen- and
 *    underscore-insensitively. A header text that is not in the row gives a `fout`
 *    ("kolom-niet-gevonden") listing the available columns; the field is then detected
 *    automatically as if there were no override (and the message says which column that gave).
 *    An override for a name that is not a stock field gives a `fout` ("veld-onbekend").
 * 2. Automatic: every other column is matched with `matchHeader`. Per field the best match
 *    wins (exact over bracketed over qualified over weak), the leftmost among equally good
 *    ones. Every other column that matches the field strongly gets a `waarschuwing`
 *    ("kolom-dubbelzinnig") naming both cells; a weak match ("Huurklasse" for segment) yields
 *    silently to a strong one.
 * 3. Confident concept matches (header-concepts.ts) are used with an `info`; a near match of a
 *    field without a column is a `waarschuwing` ("kolom-lijkt-op") and a suggestion.
 * 4. Columns with a header that end up unused, near matches excepted, are listed once in an
 *    `info` ("kolommen-genegeerd").
 *
 * @param header the header row's cells.
 * @param overrides user choices, field → header text.
 * @param ctx sheet and position of the header row, for cell addresses in messages.
 * @returns mapping (field → 0-based column), header texts per field, and issues.
 */
export function mapColumns(
  header: CellValue[],
  overrides: MappingOverrides,
  ctx: MappingContext,
): ColumnMappingResult {
  const texts = header.map((v) => cellText(v));
  const mapping: ColumnMapping = {};
  const issues: Issue[] = [];
  const claimed = new Set<number>();
  const notFound = new Map<StockField, Issue>();
  const rowLabel = `blad '${ctx.sheet}' (rij ${ctx.headerRowNumber})`;
  const available = () => {
    const cols = texts.map((t, c) => (t === null ? -1 : c)).filter((c) => c >= 0);
    return cols.length ? listColumns(cols, texts, ctx) : "(geen)";
  };

  for (const [field, wanted] of Object.entries(overrides)) {
    if (wanted === undefined) continue;
    if (!FIELD_SET.has(field)) {
      issues.push(makeIssue("veld-onbekend", "fout", ctx.sheet, null,
        `Het veld '${field}' in de kolomkeuze bestaat niet. Kies een van: ${STOCK_FIELDS.join(", ")}.`));
      continue;
    }
    const c = findColumn(texts, wanted);
    if (c < 0) {
      const issue = makeIssue("kolom-niet-gevonden", "fout", ctx.sheet, null,
        `Kolom '${wanted}' voor veld '${field}' niet gevonden op ${rowLabel}. ` +
        `Beschikbare kolommen: ${available()}. Pas de kolomkeuze aan.`);
      notFound.set(field as StockField, issue);
      issues.push(issue);
      continue;
    }
    mapping[field as StockField] = c;
    claimed.add(c);
  }

  // Automatic detection for the fields without a (working) override.
  const candidates = new Map<StockField, { col: number; rank: number }[]>();
  const recognised = new Set<number>();
  for (let c = 0; c < texts.length; c++) {
    const t = texts[c];
    if (t === null || claimed.has(c)) continue;
    let m = matchHeader(t);
    if (!m) continue;
    if (m.rank < MATCH_RANK.exact) {
      // A synonym plus a qualifier ("Aantal verhuureenheden" + "in complex") yields to a field
      // whose concept words the header names exactly (complexgrootte).
      const best = scoreHeader(t)[0];
      if (best !== undefined && best.score >= 0.999 && best.field !== m.field) m = { field: best.field, rank: MATCH_RANK.qualified };
    }
    recognised.add(c);
    if (mapping[m.field] !== undefined) continue;
    const list = candidates.get(m.field);
    if (list) list.push({ col: c, rank: m.rank });
    else candidates.set(m.field, [{ col: c, rank: m.rank }]);
  }
  // Headers that are no synonym are scored by their concept words (header-concepts.ts).
  const scored = new Map<number, ConceptScore[]>();
  for (let c = 0; c < texts.length; c++) {
    const t = texts[c];
    if (t === null || claimed.has(c) || recognised.has(c)) continue;
    const list = scoreHeader(t);
    if (list.length > 0) scored.set(c, list);
  }
  for (const field of STOCK_FIELDS) {
    const list = candidates.get(field);
    if (!list) continue;
    // Stable sort: best rank first, leftmost first among equals.
    list.sort((a, b) => b.rank - a.rank || a.col - b.col);
    const win = list[0];
    mapping[field] = win.col;
    claimed.add(win.col);
    for (const other of list.slice(1)) {
      // A weak synonym ("Huurklasse" for segment) silently yields to a strong one.
      if (other.rank === MATCH_RANK.weak && win.rank !== MATCH_RANK.weak) continue;
      const pair = win.col < other.col ? [win.col, other.col] : [other.col, win.col];
      issues.push(makeIssue("kolom-dubbelzinnig", "waarschuwing", ctx.sheet,
        cellAddress(ctx.headerRowNumber, ctx.originCol + other.col),
        `Op ${rowLabel} passen de kolommen ${listColumns(pair, texts, ctx)} allebei bij veld '${field}'; ` +
        `${listColumns([win.col], texts, ctx)} is gebruikt. Klopt dat niet, kies dan zelf de kolom ` +
        `(--kolom ${field}="${texts[other.col]}" of in het taakvenster).`));
    }
  }

  // Confident concept matches, resolved over the whole row: best score first, each column and
  // each field at most once.
  const pairs: { col: number; field: StockField; score: number }[] = [];
  for (const [col, list] of scored) for (const sc of list) pairs.push({ col, field: sc.field, score: sc.score });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const p of pairs) {
    if (p.score < CONFIDENT_SCORE || claimed.has(p.col) || mapping[p.field] !== undefined) continue;
    mapping[p.field] = p.col;
    claimed.add(p.col);
    recognised.add(p.col);
    issues.push(makeIssue("kolom-herkend", "info", ctx.sheet, cellAddress(ctx.headerRowNumber, ctx.originCol + p.col),
      `Kolom ${listColumns([p.col], texts, ctx)} op ${rowLabel} is herkend als veld '${p.field}' ` +
      `(op de woorden van de kop, score ${formatScore(p.score)}). Klopt dat niet, kies dan zelf de kolom.`));
  }
  // Near matches: a column not used that resembles a field without a column is never ignored silently.
  const suggestions: MappingSuggestion[] = [];
  const suggested = new Set<number>();
  for (const p of pairs) {
    if (claimed.has(p.col) || suggested.has(p.col) || mapping[p.field] !== undefined) continue;
    if (suggestions.some((x) => x.field === p.field)) continue;
    suggested.add(p.col);
    const cell = cellAddress(ctx.headerRowNumber, ctx.originCol + p.col);
    suggestions.push({ field: p.field, header: texts[p.col] ?? "", cell, score: p.score });
    issues.push(makeIssue("kolom-lijkt-op", "waarschuwing", ctx.sheet, cell,
      `Kolom ${listColumns([p.col], texts, ctx)} op ${rowLabel} lijkt op veld '${p.field}' (score ${formatScore(p.score)}), ` +
      `maar is niet zeker genoeg herkend en dus niet gebruikt. Hoort de kolom bij '${p.field}', kies hem dan ` +
      `(--kolom ${p.field}="${texts[p.col]}" of in het taakvenster, waar de keuze al klaarstaat).`));
  }

  for (const [field, issue] of notFound) {
    const c = mapping[field];
    if (c !== undefined) issue.message += ` Automatisch herkend en nu gebruikt: ${listColumns([c], texts, ctx)}.`;
  }

  const headers: FieldHeaders = {};
  for (const field of STOCK_FIELDS) {
    const c = mapping[field];
    if (c !== undefined) headers[field] = texts[c] ?? "";
  }

  const unused: number[] = [];
  // A near match has its own warning ("kolom-lijkt-op"): it is not listed again here.
  for (let c = 0; c < texts.length; c++) if (texts[c] !== null && !claimed.has(c) && !suggested.has(c)) unused.push(c);
  if (unused.length > 0) {
    const why = unused.some((c) => recognised.has(c)) ? " (sommige lijken op een veld dat al een kolom heeft)" : "";
    issues.push(makeIssue("kolommen-genegeerd", "info", ctx.sheet, null,
      `Deze kolommen op ${rowLabel} worden niet gebruikt${why}: ${listColumns(unused, texts, ctx)}. ` +
      `Hoort een ervan bij een veld, kies die kolom dan zelf (--kolom veld="Kop" of in het taakvenster).`));
  }
  return { mapping, headers, issues, suggestions };
}

/** 0.734 → "0,73". */
function formatScore(score: number): string {
  return score.toFixed(2).replace(".", ",");
}

/**
 * Field score of a candidate header row for a stock table in long form: the number of distinct
 * stock fields its cells name (via `matchHeader`), plus the number of override header texts
 * found in it. The header score of a stock table, `stockHeaderScore` (stock-reader.ts), adds the
 * BAT class columns of a wide table to it; use that one with `findHeaderRow`.
 *
 * @param row candidate header row.
 * @param overrides optional user overrides (field → header text).
 * @example stockFieldScore(["VHE-nummer", "Complex", "BAT-score", "Opmerking"]) === 3; stockFieldScore(["VHE-nummer", "Mijn kolom"], { bat: "Mijn kolom" }) === 2
 */
export function stockFieldScore(row: CellValue[], overrides?: MappingOverrides): number {
  const fields = new Set<StockField>();
  const texts: (string | null)[] = [];
  for (const v of row) {
    if (typeof v !== "string") {
      texts.push(null);
      continue;
    }
    texts.push(v.trim());
    const m = matchHeader(v);
    if (m) fields.add(m.field);
  }
  let score = fields.size;
  if (overrides) {
    for (const wanted of Object.values(overrides)) {
      if (wanted !== undefined && findColumn(texts, wanted) >= 0) score++;
    }
  }
  return score;
}
