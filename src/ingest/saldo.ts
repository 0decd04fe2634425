/**
 * Published result tables: saldo, tekort or opgave per woonvorm (or BAT class) and year, as the
 * Parkstad Toekomstvisie prints them in Tabel 3 ("Aanbod – vraag (- = tekort)", first header
 * cell "Tekort") and Kerkrade prints its opgave ("vraag − aanbod, afgerond op 5-tallen").
 *
 * Such a table has the layout of a demand table (categorised rows, years as columns, group rows
 * "Ouderen (basisscenario)") but holds results, not input: it must never be read as demand
 * (issue 10). It is recognised here and read into {@link PublishedSaldo} entries, which
 * src/domain/vergelijking.ts recomputes from the demand and supply of the workbook.
 *
 * Recognised (see {@link detectSaldoTable}) when the table has a categorised header with year
 * columns and either
 * - the first header cell, a title row above the header or the sheet name names a result:
 *   "tekort", "saldo", "opgave", "overschot", "aanbod − vraag", "vraag − aanbod",
 *   "aanbod min vraag", "vraag min aanbod", "residuele behoefte"; or
 * - at least two figures in category rows are negative (demand and supply are never negative)
 *   and the caption does not call the table vraag/behoefte/prognose or aanbod/voorraad (there a
 *   negative figure is a typing error, reported by the demand or supply reader).
 *
 * Sign convention: from the caption or title when it says so ("aanbod – vraag", "(- = tekort)",
 * "vraag – aanbod", "opgave" = vraag − aanbod as Kerkrade prints it); otherwise null and the
 * comparison infers it from the figures. Rounding to 5: the caption says so ("afgerond op
 * 5-tallen") or every figure is a multiple of 5 (at least three non-zero figures).
 */
import { type Issue, makeIssue } from "../domain/issues";
import type { PublishedSaldo, SaldoTeken } from "../domain/vergelijking";
import type { CellValue, RawTable, TableDetection } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { findHeaderRow } from "./header";
import { analyseCategorizedHeader, categorizedHeaderScore, type CategorizedHeader } from "./categorized";
import { looksLikeGroupLabel, parseCategoryLabel, parseGroupLabel } from "./categories";
import { IssueLog, opgaveChoiceText, quoteValue, tableCell } from "./messages";
import { isNoteText, rowFill } from "./row-kinds";
import { captionParts } from "./caption";

/** Result of {@link readSaldo}. */
export interface SaldoIngest {
  entries: PublishedSaldo[];
  /** Sign convention as the caption states it; null when it says nothing. */
  teken: SaldoTeken | null;
  /** Dutch: where the convention comes from, the phrase as matched in the lower-case caption
   * ("bijschrift 'aanbod - vraag'" for "Tabel 3: Aanbod – vraag (- = tekort)"). */
  tekenBron: string | null;
  /** True when the caption says the figures are rounded to 5, or every figure is a multiple of 5. */
  afgerondOp5: boolean;
  /** 1-based Excel row of the header. */
  headerRow: number;
  issues: Issue[];
}

/** Lower case, accents removed, dashes unified to "-", spaces collapsed. */
function plain(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2012-\u2015\u2212]/g, "-").replace(/\s+/g, " ").trim();
}

/** Phrases that name a result table. */
const RESULT_WORDS: readonly string[] = [
  "tekort", "saldo", "opgave", "overschot", "aanbod - vraag", "vraag - aanbod", "aanbod-vraag", "vraag-aanbod",
  "aanbod min vraag", "vraag min aanbod", "residuele behoefte",
];

/** Words that call a table demand or supply (detect.ts uses the same). */
const INPUT_WORDS: readonly string[] = ["vraag", "behoefte", "prognose", "aanbod", "voorraad", "inventarisatie", "geinventariseerd"];

/** Sign convention stated in a caption, with the phrase that says it. */
function statedSign(text: string): { teken: SaldoTeken; phrase: string } | null {
  const t = plain(text);
  const checks: [RegExp, SaldoTeken][] = [
    [/aanbod ?(-|min) ?vraag/, "aanbod-min-vraag"],
    [/\(\s*- ?= ?tekort\s*\)|negatief ?= ?tekort|min ?= ?tekort/, "aanbod-min-vraag"],
    [/vraag ?(-|min) ?aanbod/, "vraag-min-aanbod"],
    [/\(\s*\+ ?= ?tekort\s*\)|positief ?= ?tekort|opgave/, "vraag-min-aanbod"],
  ];
  for (const [re, teken] of checks) {
    const m = re.exec(t);
    if (m) return { teken, phrase: m[0] };
  }
  return null;
}

/** Does a caption say the figures are rounded to 5? */
function statesRounding(text: string): boolean {
  return /afgerond op (5|vijf)(-?tallen)?|op 5 afgerond|afgerond op 5/.test(plain(text));
}

/** Sheet name, table name, title rows above the header and the first header cell, joined. */
function captionText(table: RawTable, headerIndex: number, h: CategorizedHeader): string {
  const parts = captionParts(table, headerIndex);
  const first = cellText(table.values[headerIndex]?.[h.categorie]);
  if (first !== null) parts.push(first);
  return parts.join(" | ");
}

/**
 * The sign convention and rounding of a published table's figures: the sign as the caption states
 * it ("aanbod – vraag", "(- = tekort)", "opgave" = vraag − aanbod; null when it says nothing), and
 * rounded to 5 when the caption says so ("afgerond op 5-tallen") or when every figure is a multiple
 * of 5 (at least three non-zero figures). The one rule for published saldo tables ({@link readSaldo})
 * and for the figures printed in brackets after demand figures (readDemand: Kerkrade "De totale
 * opgave voor 2030 – afgerond op 5-tallen", "1.180 (-145)").
 * @param caption the caption as text: sheet name, table name, title rows (and the first header cell) joined.
 * @param figures the published figures (dwellings, sign as printed).
 * @example publishedConvention("Opgave | De totale opgave voor 2030 – afgerond op 5-tallen", [-145, 180]) ===
 *   { teken: "vraag-min-aanbod", tekenBron: "bijschrift 'opgave'", afgerondOp5: true };
 *   publishedConvention("Blad1", [-145, 180, 135, 245]).afgerondOp5 === true; publishedConvention("Blad1", [-144, 180, 135]).afgerondOp5 === false
 */
export function publishedConvention(caption: string, figures: readonly number[]): { teken: SaldoTeken | null; tekenBron: string | null; afgerondOp5: boolean } {
  const stated = statedSign(caption);
  const nonZero = figures.filter((n) => n !== 0);
  return {
    teken: stated?.teken ?? null,
    tekenBron: stated ? `bijschrift '${stated.phrase}'` : null,
    afgerondOp5: statesRounding(caption) || (nonZero.length >= 3 && nonZero.every((n) => n % 5 === 0)),
  };
}

/** The A1 address of the cell that says "opgave": the first header cell, else a title row above
 * it; null when only the sheet or table name says it. */
function opgaveCell(table: RawTable, headerIndex: number, h: CategorizedHeader): string | null {
  const says = (v: CellValue | undefined) => typeof v === "string" && plain(v).includes("opgave");
  if (h.categorie >= 0 && says(table.values[headerIndex]?.[h.categorie])) return tableCell(table, headerIndex, h.categorie);
  for (let r = 0; r < headerIndex; r++) {
    const row = table.values[r] ?? [];
    const c = row.findIndex(says);
    if (c >= 0) return tableCell(table, r, c);
  }
  return null;
}

/** Trailing footnote markers printed after a figure: "-854 ²", "120*", "45¹". */
const FOOTNOTE = /\s*[\u00b9\u00b2\u00b3\u2070-\u2079*†]+$/;

/** A figure as printed: number (negative allowed), with a footnote marker stripped. */
function figure(v: CellValue | undefined): { n: number; note: string | null } | null {
  if (typeof v === "number") return Number.isFinite(v) ? { n: v, note: null } : null;
  if (typeof v !== "string") return null;
  const m = FOOTNOTE.exec(v.trim());
  const body = m ? v.trim().slice(0, m.index) : v;
  const n = parseDutchNumber(body);
  return n === null ? null : { n, note: m ? m[0].trim() : null };
}

/** The best categorised header with year columns, or -1. */
function headerIndexOf(table: RawTable): number {
  const idx = findHeaderRow(table.values, categorizedHeaderScore);
  if (idx < 0) return -1;
  const h = analyseCategorizedHeader(table.values[idx]);
  return h.layout === "breed" ? idx : -1;
}

/**
 * Is this a published saldo / tekort / opgave table? See the module comment for the rules.
 *
 * @param table raw cells.
 * @returns the detection (kind "saldo", header row, Dutch reason), or null when it is not one.
 * @example detectSaldoTable({ sheet: "Tabel 3", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Tabel 3: Aanbod – vraag (- = tekort)"], [], ["Tekort", 2025, 2030], ["Ouderen (trendscenario)", null, null], ["Nultreden in regulier wonen", "-225", "-854 ²"]] }).headerIndex === 2;
 *   detectSaldoTable({ sheet: "Vraag", tableName: null, originRow: 1, originCol: 1, values: [["Woonvorm", 2025, 2030], ["Nultreden", 1975, 2200]] }) === null
 */
export function detectSaldoTable(table: RawTable): TableDetection | null {
  const idx = headerIndexOf(table);
  if (idx < 0) return null;
  const h = analyseCategorizedHeader(table.values[idx]);
  let categories = 0;
  let negative: string | null = null;
  let negatives = 0;
  const end = Math.min(table.values.length, idx + 501);
  for (let r = idx + 1; r < end; r++) {
    const cells = table.values[r] ?? [];
    const label = cellText(cells[h.categorie]);
    if (label === null) continue;
    const cat = parseCategoryLabel(label);
    const group = cat === null && looksLikeGroupLabel(label);
    if (cat === null && !group) continue;
    if (cat?.kind === "categorie") categories++;
    for (const y of h.years) {
      const f = figure(cells[y.col]);
      if (f && f.n < 0) {
        negatives++;
        negative ??= tableCell(table, r, y.col);
      }
    }
  }
  if (categories === 0) return null;
  const caption = plain(captionText(table, idx, h));
  const word = RESULT_WORDS.find((w) => caption.includes(w));
  const row = table.originRow + idx;
  if (word) {
    // "Opgave" alone, every figure positive: the needed dwellings (demand) or vraag − aanbod. Read
    // as a result (never silently as demand), and say how to choose the other.
    const onlyOpgave = RESULT_WORDS.filter((w) => caption.includes(w)).every((w) => w === "opgave");
    if (onlyOpgave && negatives === 0) {
      return {
        kind: "saldo", headerIndex: idx, ookMogelijk: "vraag",
        reden: `Kopregel op rij ${row} met woonvormen en jaartallen. ${opgaveChoiceText(table.sheet, opgaveCell(table, idx, h), "tekort")}`,
      };
    }
    return {
      kind: "saldo", headerIndex: idx,
      reden: `Kopregel op rij ${row} met woonvormen en jaartallen; blad, titel of eerste kolomkop noemt '${word}': ` +
        `gepubliceerd saldo/tekort (niet als vraag gelezen; nagerekend op het blad Vergelijking).`,
    };
  }
  const inputWord = INPUT_WORDS.find((w) => caption.includes(w));
  if (negative && negatives >= 2 && !inputWord) {
    return {
      kind: "saldo", headerIndex: idx,
      reden: `Kopregel op rij ${row} met woonvormen en jaartallen, en ${negatives} negatieve getallen (de eerste in cel ${negative}): ` +
        `vraag en aanbod zijn nooit negatief, dus dit is een gepubliceerd saldo (nagerekend op het blad Vergelijking).`,
    };
  }
  return null;
}

/**
 * Reads a published saldo / tekort / opgave table (detected by {@link detectSaldoTable}).
 *
 * Every figure in a category row becomes an entry with the group and scenario of the group row
 * above it ("Ouderen (trendscenario)" → groep "ouderen", scenario "trend"); a group row with
 * figures ("Mensen met een lichamelijke beperking (onderkant) | -1.053 | ...") gives entries with
 * `totaal` true; "Totaal" rows too. Figures are kept as printed (sign included); a footnote
 * marker after a figure ("-854 ²") is stripped with an `info`. Text that is no number ("?") is an
 * `info` naming the cell (the figure is not compared). Unknown labels: `waarschuwing`, not compared.
 *
 * @param table raw cells.
 * @returns entries, the stated sign convention and rounding, and issues (Dutch, with cells).
 * @example ((r) => [r.entries.map((e) => [e.groep, e.scenario, e.categorie, e.jaar, e.waarde, e.cell]), r.teken, r.tekenBron, r.afgerondOp5, r.headerRow, r.issues.map((i) => `${i.code} ${i.cell}`)])(
 *   readSaldo({ sheet: "Tabel 3", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Tabel 3: Aanbod – vraag (- = tekort)"], [], ["Tekort", 2025, 2030], ["Ouderen (trendscenario)", null, null], ["Nultreden in regulier wonen", "-225", "-854 ²"]] })) ===
 *   [[["ouderen", "trend", "nultreden", 2025, -225, "B5"], ["ouderen", "trend", "nultreden", 2030, -854, "C5"]],
 *    "aanbod-min-vraag", "bijschrift 'aanbod - vraag'", false, 3, ["saldo-voetnoot C5"]]
 */
export function readSaldo(table: RawTable): SaldoIngest {
  const idx = headerIndexOf(table);
  const sheet = table.sheet;
  if (idx < 0) {
    return {
      entries: [], teken: null, tekenBron: null, afgerondOp5: false, headerRow: 0,
      issues: [makeIssue("geen-kopregel", "fout", sheet, null,
        `Op blad '${sheet}' is geen kopregel van een saldotabel gevonden: verwacht een kolom met woonvormen en jaartallen als kolomkoppen (2023, 2030, …).`)],
    };
  }
  const h = analyseCategorizedHeader(table.values[idx]);
  const caption = captionText(table, idx, h);
  const log = new IssueLog();
  const entries: PublishedSaldo[] = [];
  let groep: string | null = null;
  let scenario: string | null = null;
  for (let r = idx + 1; r < table.values.length; r++) {
    const cells = table.values[r] ?? [];
    if (rowFill(cells).count === 0) continue;
    const label = cellText(cells[h.categorie]);
    const hasFigure = h.years.some((y) => !isMissing(cells[y.col]));
    if (label === null) continue;
    if (isNoteText(label) && !hasFigure) continue;
    let cat = parseCategoryLabel(label);
    let totaal = cat?.kind === "totaal";
    if (cat === null && looksLikeGroupLabel(label)) {
      const g = parseGroupLabel(label);
      if (g) {
        groep = g.groep;
        scenario = g.scenario;
      }
      if (!hasFigure) continue;
      cat = { kind: "totaal" };
      totaal = true;
    }
    if (cat === null) {
      if (!hasFigure) {
        const g = parseGroupLabel(label);
        if (g) {
          groep = g.groep;
          scenario = g.scenario;
        }
        continue;
      }
      const cell = tableCell(table, r, h.categorie);
      log.add(makeIssue("saldo-categorie-onbekend", "waarschuwing", sheet, cell,
        `Cel ${cell} op blad '${sheet}': woonvorm ${quoteValue(label)} is onbekend; deze rij van de saldotabel is niet nagerekend.`));
      continue;
    }
    for (const y of h.years) {
      const v = cells[y.col];
      if (isMissing(v)) continue;
      const cell = tableCell(table, r, y.col);
      const f = figure(v);
      if (f === null) {
        log.add(makeIssue("saldo-geen-getal", "info", sheet, cell,
          `Cel ${cell} op blad '${sheet}': ${quoteValue(v)} is geen getal; dit saldo is niet nagerekend.`));
        continue;
      }
      if (f.note) {
        log.add(makeIssue("saldo-voetnoot", "info", sheet, cell,
          `Cel ${cell} op blad '${sheet}': voetnootteken '${f.note}' achter het getal is weggelaten; gelezen als ${quoteValue(f.n)}.`));
      }
      entries.push({
        niveau: cat.kind === "categorie" ? cat.niveau : null,
        groep, scenario,
        categorie: cat.kind === "categorie" ? cat.categorie : null,
        zorgprofiel: cat.kind === "categorie" ? cat.zorgprofiel : null,
        totaal, jaar: y.jaar, gebied: h.gebied >= 0 ? cellText(cells[h.gebied]) : null,
        label, waarde: f.n, sheet, cell,
      });
    }
  }
  return {
    entries,
    ...publishedConvention(caption, entries.map((e) => e.waarde)),
    headerRow: table.originRow + idx,
    issues: log.finish(),
  };
}
