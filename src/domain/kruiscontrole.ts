/**
 * Cross-table checks on published figures (issue 10, item 3): tables of one document that must
 * agree with each other, and figures quoted in the text against the table they come from.
 *
 * - **aanbod-boven-cbs**: the supply of a group (a published supply table, exclusive types
 *   summed) may not exceed the CBS housing stock of the same area (Parkstad: Tabel 2 against
 *   Tabel 4).
 * - **percentage-regio**: the region's published percentage (e.g. Tabel 5 "Parkstad 28%
 *   potentieel") against the per-gemeente percentages weighted by the CBS stock of each gemeente
 *   (Σ stock × % / Σ stock); for a segment (huur/koop) the weights are the CBS huur/koop counts.
 *   Published percentages are whole numbers, so up to 0.5 point is rounding.
 * - **geciteerd**: a figure quoted in the text, entered by the user in a "Geciteerde cijfers"
 *   table (src/ingest/citaten.ts), against the tables: a number of dwellings geschikt /
 *   potentieel / ongeschikt against the per-gemeente sum (each gemeente's CBS stock × its
 *   percentage), with the region's own calculation (region % × region stock) named when that is
 *   what the text did (Parkstad: 28% × 131.118 = 36.713, per gemeente 37.362); a percentage
 *   against the weighted percentage; a stock figure against the CBS total. A number of
 *   corporatiewoningen (and a stock figure when the workbook has no CBS stock) against each stock
 *   table of the workbook: the sum of a cross table woningtype × huurklasse, the total of a stock
 *   with BAT scores; a number of nultreden dwellings against the stock with BAT scores (Kerkrade:
 *   "Momenteel zijn 3.590 corporatiewoningen nultreden" against BAT 1-4 = 3.175).
 * - **voorraad-totalen**: a stock with BAT scores and a cross table woningtype × huurklasse in
 *   one workbook count the same stock; their totals should agree (Kerkrade, both per 1-1-2020:
 *   7.824 by BAT class, 7.452 by woningtype). Two stocks with BAT scores (per dwelling and a BAT
 *   table per corporatie) are compared per BAT class once ({@link compareBatDistribution}, by
 *   the analysis when it chooses the stock); the issue and the row are both made from that.
 *
 * Pure. Figures in dwellings or percentages (0..100). Sources: Parkstad Toekomstvisie
 * §4.2 (28% of 131,118 = 36,713 potentieel geschikt), Tabel 2, 4, 5 and 6.
 */
import { type Issue, makeIssue } from "./issues";
import type { BatScale, SupplyEntry } from "./types";
import type { AdaptationShareEntry, CbsStockEntry, ShareSegment } from "./cbs";
import { gemeenteKey } from "./gemeente";
import { formatGetal } from "./format";
import { batText } from "./bat";

/** Quantities a quoted figure can be about. */
export type CitaatGrootheid = "geschikt" | "potentieel" | "ongeschikt" | "woningvoorraad" | "corporatiewoningen" | "nultreden";

/** The total of a stock table of the workbook (src/analysis/compute.ts), for quoted figures and
 * for comparing two tables that count the same stock. */
export interface StockTableTotal {
  sheet: string;
  /** "bat": a stock with BAT scores (per dwelling, grouped or a wide BAT table); "kruistabel": a
   * cross table woningtype × huurklasse (no BAT). */
  soort: "bat" | "kruistabel";
  /** Dwellings counted (total rows and columns never counted). */
  woningen: number;
  /** Dwellings at least nultreden (cumulative); null for a cross table. */
  nultreden: number | null;
  /** The reference date its caption names ("1-1-2020"); null or absent when it names none. */
  peildatum?: string | null;
  /** The stock the analysis uses (at most one of the list); the others are compared with it. */
  gebruikt?: boolean;
}

/**
 * Two stocks with BAT scores on one scale in one workbook (per dwelling and a BAT table per
 * corporatie), compared per BAT class by {@link compareBatDistribution}. The issue
 * ({@link batDistributionIssue}) and the row on the Vergelijking sheet
 * ({@link batDistributionCheck}) are both made from it.
 */
export interface BatDistributionComparison {
  /** The stock the analysis uses: its sheet and dwellings. */
  used: { sheet: string; woningen: number };
  /** The other stock: its sheet and dwellings. */
  other: { sheet: string; woningen: number };
  /** The classes whose counts differ, in class order (BAT onbekend last): the class as its scale
   * writes it ("BAT 0", "BAT1", "BAT onbekend") and the dwellings of each stock in it. Empty
   * when they agree per class. */
  differences: { klasse: string; used: number; other: number }[];
}

/** A figure quoted in a text, as the user entered it (src/ingest/citaten.ts). */
export interface QuotedFigure {
  /** The sentence or words quoted, for the report. */
  tekst: string;
  /** The number as quoted: dwellings, or a percentage 0..100 when `percentage`. */
  waarde: number;
  percentage: boolean;
  grootheid: CitaatGrootheid;
  /** Gemeente or region named; null = the whole region of the tables. */
  gebied: string | null;
  sheet: string;
  cell: string;
}

/** Kinds of cross-table check. */
export type KruisSoort = "aanbod-boven-cbs" | "percentage-regio" | "geciteerd" | "voorraad-totalen";

/** Outcome of one check. */
export type KruisStatus = "klopt" | "afronding" | "wijkt-af" | "niet-te-controleren";

/** One cross-table check. */
export interface KruisControle {
  soort: KruisSoort;
  status: KruisStatus;
  /** Where the checked (published) figure stands. */
  sheet: string | null;
  cell: string | null;
  /** Dutch: what is compared. */
  onderwerp: string;
  /** The published or quoted figure. */
  gepubliceerd: number | null;
  /** The figure recomputed from the other tables. */
  berekend: number | null;
  verschil: number | null;
  /** "woningen" or "%". */
  eenheid: "woningen" | "%";
  toelichting: string;
}

/** Input of {@link crossChecks}. */
export interface CrossCheckInput {
  /** Supply at type level as used for the tekort (exclusive types); empty without a supply table. */
  supply: readonly SupplyEntry[];
  cbsStock: readonly CbsStockEntry[];
  shares: readonly AdaptationShareEntry[];
  quotes: readonly QuotedFigure[];
  /** The stock tables of the workbook with their totals (none: those checks are left out). */
  stocks?: readonly StockTableTotal[];
  /** Other stocks with BAT scores compared with the one used, each already reported as an
   * issue by {@link batDistributionIssue}: listed as checks, with no second issue. */
  batDistributions?: readonly BatDistributionComparison[];
}

const n = (x: number) => formatGetal(x, 0);
const pct = (x: number) => `${formatGetal(x, 1)}%`;

/** Percentage points within which a whole-number percentage agrees with one computed from other
 * whole-number percentages: each is rounded by up to 0.5 point. */
const PERCENT_ROUNDING = 1;

/** The CBS stock per gemeente (regio rows excluded) and the region row, if any. */
function stockIndex(stock: readonly CbsStockEntry[]) {
  const gemeenten = stock.filter((e) => !e.regio);
  const regio = stock.find((e) => e.regio) ?? null;
  const byKey = new Map(gemeenten.map((e) => [gemeenteKey(e.gemeente), e]));
  return { gemeenten, regio, byKey };
}

/** Count of a CBS row for a segment (null = totaal; a missing totaal is koop + huur + onbekend). */
function countOf(e: CbsStockEntry, segment: ShareSegment | null): number | null {
  const c = e.counts;
  if (segment === null) {
    if (c.totaal !== undefined) return c.totaal;
    const parts = [c.koop, c.huur ?? (c.corporatie !== undefined || c.particulier !== undefined ? (c.corporatie ?? 0) + (c.particulier ?? 0) : undefined), c.onbekend];
    return parts.some((p) => p !== undefined) ? parts.reduce<number>((s, p) => s + (p ?? 0), 0) : null;
  }
  if (segment === "huur" && c.huur === undefined && (c.corporatie !== undefined || c.particulier !== undefined)) return (c.corporatie ?? 0) + (c.particulier ?? 0);
  return c[segment] ?? null;
}

type Outcome = "geschikt" | "potentieel" | "ongeschikt";
const OUTCOMES: readonly Outcome[] = ["geschikt", "potentieel", "ongeschikt"];

/** Σ CBS count × percentage over the gemeenten with both, and Σ count. */
function weighted(input: CrossCheckInput, segment: ShareSegment | null, outcome: Outcome) {
  const { byKey } = stockIndex(input.cbsStock);
  let woningen = 0;
  let aantal = 0;
  const used: string[] = [];
  for (const s of input.shares) {
    if (s.regio || s.segment !== segment) continue;
    const e = byKey.get(gemeenteKey(s.gemeente));
    const count = e ? countOf(e, segment) : null;
    if (count === null) continue;
    woningen += count;
    aantal += (count * s[outcome]) / 100;
    used.push(s.gemeente);
  }
  return { woningen, aantal, used };
}

function supplyChecks(input: CrossCheckInput): KruisControle[] {
  const out: KruisControle[] = [];
  const { gemeenten, regio } = stockIndex(input.cbsStock);
  if (input.supply.length === 0 || gemeenten.length + (regio ? 1 : 0) === 0) return out;
  const cbsTotal = regio ? countOf(regio, null) : gemeenten.reduce((s, e) => s + (countOf(e, null) ?? 0), 0);
  if (cbsTotal === null) return out;
  const cbsWhere = regio ? `${regio.sheet}, rij ${regio.rowNumber} ('${regio.gemeente}')` : `som van de gemeenten op blad '${gemeenten[0].sheet}'`;
  const groups = new Map<string, SupplyEntry[]>();
  for (const e of input.supply) {
    if (e.niveau !== "bzk" || e.gebied !== null) continue;
    const k = e.groep ?? "";
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  for (const [groep, entries] of groups) {
    const total = entries.reduce((s, e) => s + e.aanbod, 0);
    const over = total - cbsTotal;
    out.push({
      soort: "aanbod-boven-cbs", status: over > 0 ? "wijkt-af" : "klopt", sheet: entries[0].sheet, cell: null,
      onderwerp: `Aanbod ${groep || "(zonder groep)"} (som van de woontypen, exclusief) tegen de CBS-woningvoorraad`,
      gepubliceerd: total, berekend: cbsTotal, verschil: over, eenheid: "woningen",
      toelichting: over > 0
        ? `Het aanbod (${n(total)} woningen, blad '${entries[0].sheet}') is ${n(over)} groter dan de hele CBS-woningvoorraad (${n(cbsTotal)}, ${cbsWhere}). ` +
          "Een deel van het aanbod telt dubbel, hoort niet bij deze voorraad (bijvoorbeeld intramurale plaatsen), of de tabellen hebben een andere peildatum."
        : `Het aanbod (${n(total)} woningen) past binnen de CBS-woningvoorraad (${n(cbsTotal)}, ${cbsWhere}).`,
    });
  }
  return out;
}

function percentageChecks(input: CrossCheckInput): KruisControle[] {
  const out: KruisControle[] = [];
  for (const r of input.shares) {
    if (!r.regio) continue;
    for (const outcome of OUTCOMES) {
      const w = weighted(input, r.segment, outcome);
      const seg = r.segment ? ` (${r.segment})` : "";
      if (w.woningen === 0) continue;
      const computed = (100 * w.aantal) / w.woningen;
      const diff = r[outcome] - computed;
      out.push({
        soort: "percentage-regio", status: Math.abs(diff) <= PERCENT_ROUNDING ? "afronding" : "wijkt-af", sheet: r.sheet, cell: null,
        onderwerp: `% ${outcome}${seg} van '${r.gemeente}' (rij ${r.rowNumber}) tegen de gemeenten, gewogen met de CBS-voorraad${r.segment ? ` ${r.segment}` : ""}`,
        gepubliceerd: r[outcome], berekend: Math.round(computed * 10) / 10, verschil: Math.round(diff * 10) / 10, eenheid: "%",
        toelichting: `Per gemeente × CBS-voorraad${seg}: ${n(w.aantal)} van ${n(w.woningen)} woningen = ${pct(computed)} (${w.used.length} gemeenten); gepubliceerd ${pct(r[outcome])}. ` +
          (Math.abs(diff) <= PERCENT_ROUNDING
            ? "Het verschil past binnen de afronding van de percentages (hele procenten, tot 1 procentpunt)."
            : `Het verschil (${formatGetal(diff, 1)} procentpunt) is meer dan afronding van hele procenten kan verklaren.`),
      });
    }
  }
  return out;
}

/** Dutch name of a stock table for the explanations. */
function stockName(t: StockTableTotal): string {
  return t.soort === "kruistabel" ? `de kruistabel woningtype × huurklasse op blad '${t.sheet}'` : `de voorraad met BAT-scores op blad '${t.sheet}'`;
}

/** What every check of a quoted figure says of it: kind, where it stands, the quote, the figure. */
function quoted(q: QuotedFigure): Pick<KruisControle, "soort" | "sheet" | "cell" | "onderwerp" | "gepubliceerd"> {
  return { soort: "geciteerd", sheet: q.sheet, cell: q.cell, onderwerp: `Geciteerd: ${q.tekst}`, gepubliceerd: q.waarde };
}

/** A quoted figure that cannot be checked, and why (Dutch). */
function uncheckable(q: QuotedFigure, why: string): KruisControle {
  return { ...quoted(q), status: "niet-te-controleren", berekend: null, verschil: null, eenheid: q.percentage ? "%" : "woningen", toelichting: why };
}

/** A number of dwellings against one figure of a stock table; equal or not (counts are exact). */
function againstStock(q: QuotedFigure, t: StockTableTotal, figure: number, what: string): KruisControle {
  const diff = q.waarde - figure;
  return {
    ...quoted(q), status: diff === 0 ? "klopt" : "wijkt-af",
    onderwerp: `Geciteerd: ${q.tekst} (tegen blad '${t.sheet}')`, berekend: figure, verschil: diff, eenheid: "woningen",
    toelichting: diff === 0
      ? `Gelijk aan ${what} in ${stockName(t)} (${n(figure)}).`
      : `${what[0].toUpperCase()}${what.slice(1)} in ${stockName(t)} is ${n(figure)}; het geciteerde getal is ${n(Math.abs(diff))} ${diff > 0 ? "hoger" : "lager"}. ` +
        "Het getal komt dan uit een andere telling of peildatum, of de tekst en de tabel spreken elkaar tegen.",
  };
}

/**
 * A quoted number of corporatiewoningen, nultreden dwellings or (without CBS stock) the stock,
 * against every stock table that has the figure: one check per table.
 */
function stockQuoteChecks(q: QuotedFigure, stocks: readonly StockTableTotal[]): KruisControle[] {
  const none = (why: string): KruisControle[] => [uncheckable(q, why)];
  if (q.percentage) return none("Een percentage van de corporatievoorraad is niet na te rekenen: geef het aantal woningen.");
  if (q.grootheid === "nultreden") {
    const withBat = stocks.filter((t) => t.nultreden !== null);
    if (withBat.length === 0) return none("Er is geen voorraad met BAT-scores in de werkmap om het aantal nultredenwoningen mee na te rekenen.");
    return withBat.map((t) => againstStock(q, t, t.nultreden!, "het aantal woningen dat minstens nultreden is"));
  }
  if (stocks.length === 0) return none("Er is geen voorraadtabel (met BAT-scores of naar woningtype) in de werkmap om het getal mee na te rekenen.");
  return stocks.map((t) => againstStock(q, t, t.woningen, "het totaal"));
}

/**
 * Two stock tables of one workbook count the same stock (a stock with BAT scores and a cross
 * table woningtype × huurklasse): their totals against each other.
 */
function stockTotalChecks(stocks: readonly StockTableTotal[]): KruisControle[] {
  // The stock in use when it has BAT scores; else (a cross table is in use) another one with BAT.
  const bat = stocks.find((t) => t.gebruikt && t.soort === "bat") ?? stocks.find((t) => t.soort === "bat");
  if (!bat) return [];
  return stocks.filter((t) => t.soort === "kruistabel").map((k): KruisControle => {
    const diff = k.woningen - bat.woningen;
    const base = {
      soort: "voorraad-totalen" as const, sheet: k.sheet, cell: null,
      onderwerp: `Totaal van de kruistabel op blad '${k.sheet}' tegen de voorraad met BAT-scores op blad '${bat.sheet}'`,
      gepubliceerd: k.woningen, berekend: bat.woningen, verschil: diff, eenheid: "woningen" as const,
    };
    const counts = `De kruistabel telt ${n(k.woningen)} woningen, de voorraad met BAT-scores ${n(bat.woningen)} ` +
      `(${n(Math.abs(diff))} ${diff > 0 ? "meer" : "minder"} in de kruistabel).`;
    if (diff !== 0 && k.peildatum && bat.peildatum && k.peildatum !== bat.peildatum) {
      return { ...base, status: "niet-te-controleren",
        toelichting: `${counts} De tabellen hebben een andere peildatum (${k.peildatum} tegen ${bat.peildatum}); dan hoeven de totalen niet gelijk te zijn.` };
    }
    const sameDate = k.peildatum && k.peildatum === bat.peildatum ? `beide per peildatum ${k.peildatum}` : null;
    return {
      ...base, status: diff === 0 ? "klopt" : "wijkt-af",
      toelichting: diff === 0
        ? `Beide tabellen tellen ${n(bat.woningen)} woningen${sameDate ? ` (${sameDate})` : ""}.`
        : sameDate
          ? `${counts} De tabellen tellen dezelfde voorraad op dezelfde peildatum (${sameDate}), dus het totaal hoort gelijk te zijn; ` +
            "een van beide telt iets anders (bijvoorbeeld eenheden tegen woningen) of is onvolledig. De tool telt ze niet bij elkaar op."
          : `${counts} Tellen ze dezelfde voorraad op dezelfde peildatum, dan hoort het totaal gelijk te zijn; anders tellen ze iets anders ` +
            "(bijvoorbeeld eenheden tegen woningen) of een andere peildatum. De tool telt ze niet bij elkaar op.",
    };
  });
}

/**
 * Two stocks with BAT scores on one scale compared per BAT class: the one comparison that both
 * the issue and the Vergelijking row are made from.
 * @param used the stock the analysis uses: its sheet and dwellings per BAT class ("0".."4" or
 *   "1".."5" as the level, "onbekend" for rows without BAT). @param other the other stock, alike.
 * @param scale the scale of both, for naming the classes.
 * @example compareBatDistribution({ sheet: "Voorraad", perBat: { 1: 2, 2: 2 } }, { sheet: "Oud", perBat: { 1: 2, 2: 3 } }, "vera")
 *   === { used: { sheet: "Voorraad", woningen: 4 }, other: { sheet: "Oud", woningen: 5 }, differences: [{ klasse: "BAT2", used: 2, other: 3 }] }
 */
export function compareBatDistribution(
  used: { sheet: string; perBat: Readonly<Record<string, number>> },
  other: { sheet: string; perBat: Readonly<Record<string, number>> },
  scale: BatScale,
): BatDistributionComparison {
  const total = (p: Readonly<Record<string, number>>) => Object.values(p).reduce((a, x) => a + x, 0);
  // Levels are single digits, so text order is class order and "onbekend" comes last.
  const keys = [...new Set([...Object.keys(used.perBat), ...Object.keys(other.perBat)])].sort();
  const differences = keys
    .filter((k) => (used.perBat[k] ?? 0) !== (other.perBat[k] ?? 0))
    .map((k) => ({ klasse: k === "onbekend" ? "BAT onbekend" : batText(Number(k), scale), used: used.perBat[k] ?? 0, other: other.perBat[k] ?? 0 }));
  return { used: { sheet: used.sheet, woningen: total(used.perBat) }, other: { sheet: other.sheet, woningen: total(other.perBat) }, differences };
}

/** The issue of a comparison: "voorraad-vergeleken" (info) when the stocks agree per class,
 * else "voorraad-wijkt-af" (warning) naming each class with the used stock's count first. */
export function batDistributionIssue(c: BatDistributionComparison): Issue {
  if (c.differences.length === 0) {
    return makeIssue("voorraad-vergeleken", "info", c.other.sheet, null, `De BAT-verdeling op blad '${c.used.sheet}' komt per klasse overeen met blad '${c.other.sheet}'.`);
  }
  const diffs = c.differences.map((d) => `${d.klasse}: ${formatGetal(d.used)} tegen ${formatGetal(d.other)}`);
  return makeIssue("voorraad-wijkt-af", "waarschuwing", c.other.sheet, null,
    `De BAT-verdeling op blad '${c.used.sheet}' wijkt af van blad '${c.other.sheet}' (${diffs.join("; ")}). Controleer welke tabel juist is.`);
}

/** The row of a comparison on the Vergelijking sheet: the other stock (published) against the
 * one used (berekend), each class with the other stock's count first. */
export function batDistributionCheck(c: BatDistributionComparison): KruisControle {
  const diffs = c.differences.map((d) => `${d.klasse}: ${formatGetal(d.other)} tegen ${formatGetal(d.used)}`);
  return {
    soort: "voorraad-totalen", status: diffs.length === 0 ? "klopt" : "wijkt-af", sheet: c.other.sheet, cell: null,
    onderwerp: `BAT-verdeling op blad '${c.other.sheet}' tegen de gebruikte voorraad op blad '${c.used.sheet}'`,
    gepubliceerd: c.other.woningen, berekend: c.used.woningen, verschil: c.other.woningen - c.used.woningen, eenheid: "woningen",
    toelichting: diffs.length === 0
      ? `Per BAT-klasse gelijk (${n(c.used.woningen)} woningen).`
      : `Per BAT-klasse verschillend: ${diffs.join("; ")}. Controleer welke tabel juist is; de tool gebruikt '${c.used.sheet}'.`,
  };
}

/** A quoted figure checked against the CBS tables: no number of corporatiewoningen or nultreden
 * dwellings (those go to the stock tables, {@link quoteChecks}). */
type CbsQuote = QuotedFigure & { grootheid: Outcome | "woningvoorraad" };

/** The checks of one quoted figure: against the stock tables or against the CBS tables. */
function quoteChecks(q: QuotedFigure, input: CrossCheckInput): KruisControle[] {
  const stocks = input.stocks ?? [];
  const grootheid = q.grootheid;
  if (grootheid === "corporatiewoningen" || grootheid === "nultreden") return stockQuoteChecks(q, stocks);
  if (grootheid === "woningvoorraad" && input.cbsStock.length === 0 && stocks.length > 0) return stockQuoteChecks(q, stocks);
  return [quoteCheck({ ...q, grootheid }, input)];
}

/** Why a quoted figure about the stock cannot be checked without a CBS stock table. */
const NO_CBS_STOCK = "Er is geen CBS-woningvoorraad in de werkmap.";

/** A quoted stock figure against the CBS stock; a number or percentage geschikt / potentieel /
 * ongeschikt against the gemeente's row or the per-gemeente sum (see the module comment). */
function quoteCheck(q: CbsQuote, input: CrossCheckInput): KruisControle {
  const { byKey, regio, gemeenten } = stockIndex(input.cbsStock);
  const base = quoted(q);
  const none = (why: string): KruisControle => uncheckable(q, why);
  const gemeente = q.gebied ? byKey.get(gemeenteKey(q.gebied)) ?? null : null;
  // A name that is no gemeente of the tables ("Parkstad") stands for the region as a whole.
  if (!gemeente && gemeenten.length === 0 && !regio) return none(NO_CBS_STOCK);
  if (q.grootheid === "woningvoorraad") {
    const total = gemeente ? countOf(gemeente, null) : regio ? countOf(regio, null) : gemeenten.reduce((s, e) => s + (countOf(e, null) ?? 0), 0);
    if (total === null || (gemeenten.length === 0 && !regio)) return none(NO_CBS_STOCK);
    const diff = q.waarde - total;
    return { ...base, status: diff === 0 ? "klopt" : "wijkt-af", berekend: total, verschil: diff, eenheid: "woningen",
      toelichting: diff === 0 ? `Gelijk aan de CBS-woningvoorraad (${n(total)}).` : `De CBS-woningvoorraad is ${n(total)}; verschil ${n(diff)}.` };
  }
  const outcome = q.grootheid;
  // Per gemeente: that gemeente's row; for the region: Σ over the gemeenten.
  let woningen: number;
  let aantal: number;
  let how: string;
  if (gemeente) {
    const share = input.shares.find((s) => !s.regio && s.segment === null && gemeenteKey(s.gemeente) === gemeenteKey(gemeente.gemeente));
    const total = countOf(gemeente, null);
    if (!share || total === null) return none(`Voor ${gemeente.gemeente} ontbreekt een percentage of de CBS-voorraad.`);
    woningen = total;
    aantal = (total * share[outcome]) / 100;
    how = `${gemeente.gemeente}: ${pct(share[outcome])} × ${n(total)}`;
  } else {
    const w = weighted(input, null, outcome);
    if (w.woningen === 0) return none("Er zijn geen percentages per gemeente met een CBS-woningvoorraad om het getal mee na te rekenen.");
    woningen = w.woningen;
    aantal = w.aantal;
    how = `per gemeente opgeteld (percentage × CBS-voorraad, ${w.used.length} gemeenten)`;
  }
  if (q.percentage) {
    const computed = (100 * aantal) / woningen;
    const diff = q.waarde - computed;
    return { ...base, status: Math.abs(diff) <= PERCENT_ROUNDING ? "afronding" : "wijkt-af", berekend: Math.round(computed * 10) / 10, verschil: Math.round(diff * 10) / 10, eenheid: "%",
      toelichting: `${how}: ${n(aantal)} van ${n(woningen)} woningen = ${pct(computed)}.` + (Math.abs(diff) <= PERCENT_ROUNDING ? " Het verschil is afronding." : "") };
  }
  const computed = Math.round(aantal);
  const diff = q.waarde - computed;
  let toelichting = `${how}: ${n(computed)} woningen (${pct((100 * aantal) / woningen)} van ${n(woningen)}).`;
  const regionShare = input.shares.find((s) => s.regio && s.segment === null);
  const regionTotal = regio ? countOf(regio, null) : null;
  if (!gemeente && regionShare && regionTotal !== null) {
    const textWay = Math.round((regionTotal * regionShare[outcome]) / 100);
    if (textWay === q.waarde) {
      toelichting += ` Het geciteerde getal is het regiopercentage × de regiovoorraad: ${pct(regionShare[outcome])} × ${n(regionTotal)} = ${n(textWay)}; ` +
        "dat percentage is afgerond, de tabel per gemeente geeft het getal hiernaast.";
    }
  }
  if (diff !== 0 && Math.abs(diff) > 0.5) toelichting += ` Verschil ${n(diff)} woningen.`;
  return { ...base, status: diff === 0 ? "klopt" : "wijkt-af", berekend: computed, verschil: diff, eenheid: "woningen", toelichting };
}

/**
 * Runs the cross-table checks.
 * @returns the checks (each with status and Dutch explanation) and one issue per check that does
 *   not agree (warning) or cannot be checked (info); the rows of `batDistributions` add none
 *   (their issue is {@link batDistributionIssue}, made where they were compared).
 */
export function crossChecks(input: CrossCheckInput): { controles: KruisControle[]; issues: Issue[] } {
  const distributions = (input.batDistributions ?? []).map(batDistributionCheck);
  const controles = [
    ...supplyChecks(input), ...percentageChecks(input), ...distributions, ...stockTotalChecks(input.stocks ?? []), ...input.quotes.flatMap((q) => quoteChecks(q, input)),
  ];
  const issues: Issue[] = [];
  for (const c of controles) {
    if (distributions.includes(c)) continue;
    if (c.status === "wijkt-af") {
      issues.push(makeIssue(`kruiscontrole-${c.soort}`, "waarschuwing", c.sheet, c.cell, `${c.onderwerp}: ${c.toelichting} Zie het blad Vergelijking.`));
    } else if (c.status === "niet-te-controleren") {
      issues.push(makeIssue(`kruiscontrole-${c.soort}`, "info", c.sheet, c.cell, `${c.onderwerp}: niet te controleren. ${c.toelichting}`));
    }
  }
  return { controles, issues };
}
