/**
 * The CBS route of the aanpassingspotentieel (docs/handleiding.md §3, "CBS-voorraad en
 * aanpassingspercentages": CBS stock × published percentages), for the part of the stock that has no BAT scores: owner-occupied
 * dwellings and private rent.
 *
 * Input: the CBS housing stock per gemeente (koop / huur, optionally huur split into corporaties
 * and overige verhuurders, and a total that may include dwellings of unknown ownership), the
 * published percentages geschikt / potentieel / ongeschikt per gemeente and segment (Companen's
 * stock scan as in the Parkstad Toekomstvisie Tabel 5 and 6), and the corporations' own
 * per-dwelling assessment (`AdaptationTotal`s from potentieel.ts, based on their BAT stock).
 *
 * Method, per gemeente:
 * 1. The CBS stock is cut into disjoint parts: koop, huur (or corporatie + particulier) and
 *    eigendom onbekend (= totaal − the other parts, when positive).
 * 2. The CBS stock includes the corporations' dwellings. The dwellings of the BAT stock in that
 *    gemeente are subtracted from the CBS part they belong to (rows with segment koop from koop,
 *    all other rows from corporatie when the table splits huur, else from huur), so that no
 *    dwelling is counted twice; they are counted with their own per-dwelling assessment.
 * 3. Each remaining part × the percentages for (gemeente, segment) → dwellings geschikt /
 *    potentieel / ongeschikt. Lookup order: the segment itself (corporatie/particulier fall back
 *    to huur), then the gemeente as a whole, then the same at region level (a total row of the
 *    percentage table). The part "eigendom onbekend" takes the gemeente as a whole.
 * 4. Rounding: largest remainder per part (see {@link splitByShares}), so that geschikt +
 *    potentieel + ongeschikt equals the dwellings of each part exactly, and the parts add up to
 *    the gemeente.
 *
 * Pure and deterministic; data problems are returned as `issues`, never thrown.
 * Sources: Parkstad Limburg, Toekomstvisie Wonen, Welzijn en Zorg (2024/2025): 28% of 131,118
 * dwellings potentially suitable, split huur/koop; Tabel 4 (CBS), 5 and 6 (Companen).
 */
import { type Issue, makeIssue } from "./issues";
import type { AdaptationTotal } from "./potentieel";
import { formatGetal, formatLijst, formatWoningen } from "./format";
import { gemeenteKey } from "./gemeente";

/** Disjoint parts of a gemeente's CBS stock. `huur` is all rent when the table does not split it
 * into `corporatie` (woningcorporaties) and `particulier` (overige verhuurders). */
export const CBS_DELEN = ["koop", "huur", "corporatie", "particulier", "onbekend"] as const;
export type CbsDeel = (typeof CBS_DELEN)[number];

/** Segments a percentage row can be given for (null = all dwellings of the gemeente). */
export type ShareSegment = Exclude<CbsDeel, "onbekend">;

/** Dutch names of the parts, as shown in sheets and messages. */
export const CBS_DEEL_LABELS: Readonly<Record<CbsDeel, string>> = {
  koop: "koop",
  huur: "huur",
  corporatie: "huur van corporaties",
  particulier: "huur van overige verhuurders",
  onbekend: "eigendom onbekend",
};

/** The part of a gemeente assessed per dwelling from the corporations' BAT stock, beside the CBS
 * parts (`CbsDeel`); its `deel` in the JSON is "corporaties". Not the CBS part "corporatie" (huur
 * van corporaties as the CBS counts it, before the BAT stock is subtracted). */
export const BAT_DEEL = "corporaties";

/** A part of a gemeente in the CBS route: a CBS part or the BAT part ({@link BAT_DEEL}). */
export type RouteDeel = CbsDeel | typeof BAT_DEEL;

/**
 * Dutch name of a part, as in the CBS route's tables and the what-if tables.
 * @example deelNaam("corporatie") === "huur van corporaties"; deelNaam("corporaties") === "corporaties (BAT)"
 */
export function deelNaam(deel: RouteDeel): string {
  return deel === BAT_DEEL ? "corporaties (BAT)" : CBS_DEEL_LABELS[deel];
}

/** Count columns of a CBS stock table. */
export type CbsCountField = "totaal" | CbsDeel;

/** One row of a CBS stock table (ingest: src/ingest/cbs.ts). Counts are whole dwellings ≥ 0. */
export interface CbsStockEntry {
  /** Gemeente as written. */
  gemeente: string;
  /** A total row of the region ("Parkstad (totaal)"): checked against the gemeenten, never counted. */
  regio: boolean;
  jaar: number | null;
  /** Only the columns the table has and the row fills. */
  counts: Partial<Record<CbsCountField, number>>;
  sheet: string;
  /** 1-based Excel row. */
  rowNumber: number;
  /** A1 address per given count, for messages. */
  cells: Partial<Record<CbsCountField, string>>;
}

/** One row of a percentage table: percentages 0..100 that add up to about 100. */
export interface AdaptationShareEntry {
  gemeente: string;
  /** A total row of the region ("Parkstad (totaal)", "Totaal"): used as fallback and check. */
  regio: boolean;
  /** null: the gemeente (or region) as a whole. */
  segment: ShareSegment | null;
  geschikt: number;
  potentieel: number;
  ongeschikt: number;
  sheet: string;
  rowNumber: number;
}

/** Dwellings per outcome. */
export interface AdaptationCounts {
  geschikt: number;
  potentieel: number;
  ongeschikt: number;
  /** Corporation dwellings whose form is unknown, or CBS parts without any percentages. */
  onbekend: number;
}

/** Percentages as published (0..100). */
export interface Percentages {
  geschikt: number;
  potentieel: number;
  ongeschikt: number;
}

/** One part of a gemeente: a CBS part (after subtraction) or the corporations' BAT-based stock. */
export interface CbsPart extends AdaptationCounts {
  deel: RouteDeel;
  /** "cbs": CBS stock × percentages; "bat": the corporations' per-dwelling assessment. */
  bron: "cbs" | "bat";
  /** The CBS figure for this part; null for the BAT part. */
  cbsVoorraad: number | null;
  /** BAT-stock dwellings subtracted from this CBS part (0 for the BAT part). */
  afgetrokken: number;
  /** Dwellings assessed here = cbsVoorraad − afgetrokken, or the BAT dwellings. Equals
   * geschikt + potentieel + ongeschikt + onbekend. */
  woningen: number;
  /** The percentages applied; null for the BAT part or when none were found. */
  percentages: Percentages | null;
  /** Dutch description of where the percentages (or figures) come from. */
  bronTekst: string;
}

/** One gemeente of the CBS route; the counts are the sum of `delen`. */
export interface CbsGemeente extends AdaptationCounts {
  gemeente: string;
  jaar: number | null;
  /** The CBS stock of the gemeente (sum of its parts). */
  cbsTotaal: number;
  /** Dwellings of the BAT stock in this gemeente. */
  batVoorraad: number;
  /** Of those, subtracted from the CBS stock (less than batVoorraad only when the BAT stock is
   * larger than the CBS part it belongs to; a warning says so). */
  afgetrokken: number;
  /** Dwellings in the result = cbsTotaal − afgetrokken + batVoorraad. */
  woningen: number;
  delen: CbsPart[];
  /** Sheet and row of the CBS figures, e.g. "Tabel 4 Woningvoorraad, rij 5". */
  bron: string;
}

/** The region as published: the region's stock × the region's percentages (a check on the
 * sum of the gemeenten, e.g. Parkstad: 28% of 131,118 = 36,713 potentieel). */
export interface CbsRegio extends AdaptationCounts {
  naam: string;
  woningen: number;
  percentages: Percentages;
  bronTekst: string;
}

/** Result of {@link computeCbsRoute}. */
export interface CbsRoute {
  /** Peiljaar of the CBS figures; null when not given or mixed. */
  jaar: number | null;
  gemeenten: CbsGemeente[];
  /** Sum over `gemeenten`. */
  totaal: AdaptationCounts & { cbsTotaal: number; batVoorraad: number; afgetrokken: number; woningen: number };
  regio: CbsRegio | null;
  /** Dutch sentences: the assumptions made, to print with the figures. */
  aannames: string[];
  issues: Issue[];
}

/** Input of {@link computeCbsRoute}. */
export interface CbsRouteInput {
  voorraad: readonly CbsStockEntry[];
  aandelen: readonly AdaptationShareEntry[];
  /** The corporations' per-dwelling assessment per gemeente × segment (empty without BAT stock). */
  corporaties: readonly AdaptationTotal[];
}

/** Percentage points by which a gemeente's implied share (segment route) may differ from its
 * published share for the whole gemeente before an info message is given. The published
 * percentages are whole numbers, so about one point of difference is rounding. */
const CONSISTENCY_POINTS = 2;

const OUTCOMES = ["geschikt", "potentieel", "ongeschikt"] as const;

/**
 * Splits `n` whole dwellings over shares by the largest-remainder method: each part gets the
 * floor of its exact value `n × w / Σw`, and the dwellings left over go one by one to the parts
 * with the largest fractional remainder (ties: the earlier part). The result adds up to `n`
 * exactly and every part is within 1 of its exact value (in the example the exact values are
 * 736.08, 6256.68 and 5275.24).
 *
 * @param n whole number ≥ 0.
 * @param weights non-negative weights, at least one positive (e.g. percentages 14/42/44).
 * @returns whole numbers ≥ 0, one per weight, summing to `n`.
 * @throws Error when `n` is not a whole number ≥ 0 or no weight is positive (programming errors).
 * @example splitByShares(12268, [6, 51, 43]) === [736, 6257, 5275]
 */
export function splitByShares(n: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`splitByShares: n must be a whole number ≥ 0, got ${n}`);
  const sum = weights.reduce((a, w) => a + w, 0);
  if (!(sum > 0) || weights.some((w) => w < 0)) throw new Error("splitByShares: weights must be ≥ 0 with a positive sum");
  const exact = weights.map((w) => (n * w) / sum);
  // Guard against floating-point noise (e.g. 28.999999999 for 29).
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let left = n - floors.reduce((a, f) => a + f, 0);
  const order = exact.map((x, i) => ({ i, rest: x - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) floors[order[k].i]++;
  return floors;
}

const zero = (): AdaptationCounts => ({ geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 0 });
const countOf = (c: AdaptationCounts) => c.geschikt + c.potentieel + c.ongeschikt + c.onbekend;
function addTo(into: AdaptationCounts, c: AdaptationCounts): void {
  into.geschikt += c.geschikt;
  into.potentieel += c.potentieel;
  into.ongeschikt += c.ongeschikt;
  into.onbekend += c.onbekend;
}

const rowText = (e: { sheet: string; rowNumber: number }) => `blad '${e.sheet}', rij ${e.rowNumber}`;
const pctText = (p: Percentages) => `${formatGetal(p.geschikt)}/${formatGetal(p.potentieel)}/${formatGetal(p.ongeschikt)}%`;

/** The percentage rows, indexed by gemeente key (or the region) and segment. */
class ShareIndex {
  private readonly byKey = new Map<string, AdaptationShareEntry>();
  /** Region rows: the first region name seen, and its rows per segment. */
  regioNaam: string | null = null;
  readonly gemeenten = new Set<string>();

  constructor(entries: readonly AdaptationShareEntry[], issues: Issue[]) {
    for (const e of entries) {
      const key = ShareIndex.key(e.regio ? null : gemeenteKey(e.gemeente), e.segment);
      const first = this.byKey.get(key);
      if (first) {
        issues.push(makeIssue("cbs-percentages-dubbel", "waarschuwing", e.sheet, null,
          `Percentages voor ${e.gemeente}${e.segment ? ` (${CBS_DEEL_LABELS[e.segment]})` : ""} staan twee keer: op ${rowText(first)} en op ${rowText(e)}. De eerste is gebruikt.`));
        continue;
      }
      this.byKey.set(key, e);
      if (e.regio) this.regioNaam ??= e.gemeente;
      else this.gemeenten.add(gemeenteKey(e.gemeente));
    }
  }

  private static key(gemeente: string | null, segment: ShareSegment | null): string {
    return `${gemeente ?? "\u0000regio"}|${segment ?? ""}`;
  }

  get(gemeente: string | null, segment: ShareSegment | null): AdaptationShareEntry | undefined {
    return this.byKey.get(ShareIndex.key(gemeente, segment));
  }
}

/** Segments tried for a part, most specific first; null = the gemeente as a whole. */
const LOOKUP: Readonly<Record<CbsDeel, readonly (ShareSegment | null)[]>> = {
  koop: ["koop", null],
  huur: ["huur", null],
  corporatie: ["corporatie", "huur", null],
  particulier: ["particulier", "huur", null],
  onbekend: [null],
};

/** Where the percentages for a part were found. */
interface ShareChoice {
  entry: AdaptationShareEntry;
  /** "segment": for the part's own segment (or huur for corporatie/particulier); "gemeente":
   * the gemeente as a whole; "regio": a region row. */
  niveau: "segment" | "gemeente" | "regio";
}

function chooseShare(index: ShareIndex, key: string, deel: CbsDeel): ShareChoice | null {
  for (const seg of LOOKUP[deel]) {
    const e = index.get(key, seg);
    if (e) return { entry: e, niveau: seg === null ? "gemeente" : "segment" };
  }
  for (const seg of LOOKUP[deel]) {
    const e = index.get(null, seg);
    if (e) return { entry: e, niveau: "regio" };
  }
  return null;
}

function describeShare(e: AdaptationShareEntry): string {
  const what = e.segment ? CBS_DEEL_LABELS[e.segment] : "alle woningen";
  return `percentages ${pctText(e)} (${e.gemeente}, ${what}) van ${rowText(e)}`;
}

/** The disjoint CBS parts of one row, and the issues found while deriving them. */
function partsOf(e: CbsStockEntry, issues: Issue[]): Map<CbsDeel, number> {
  const c = e.counts;
  const parts = new Map<CbsDeel, number>();
  const place = e.cells.totaal ?? e.cells.huur ?? e.cells.koop ?? null;
  if (c.koop !== undefined) parts.set("koop", c.koop);
  if (c.corporatie !== undefined || c.particulier !== undefined) {
    let corp = c.corporatie ?? null;
    let part = c.particulier ?? null;
    if (c.huur !== undefined) {
      // One of the two is given; the other follows from huur.
      if (corp === null) corp = c.huur - (part ?? 0);
      if (part === null) part = c.huur - corp;
      if (corp + part !== c.huur) {
        issues.push(makeIssue("cbs-huur-klopt-niet", "waarschuwing", e.sheet, e.cells.huur ?? null,
          `${e.gemeente}: huur (${formatGetal(c.huur)}) is niet gelijk aan corporaties + overige verhuurders (${formatGetal(corp)} + ${formatGetal(part)}) op ${rowText(e)}. De splitsing is gebruikt.`));
      }
      if (corp < 0 || part < 0) {
        issues.push(makeIssue("cbs-huur-klopt-niet", "waarschuwing", e.sheet, e.cells.huur ?? null,
          `${e.gemeente}: de huursplitsing op ${rowText(e)} geeft een negatief aantal; het is op 0 gezet.`));
        corp = Math.max(0, corp);
        part = Math.max(0, part);
      }
    }
    if (corp !== null) parts.set("corporatie", corp);
    if (part !== null) parts.set("particulier", part);
  } else if (c.huur !== undefined) {
    parts.set("huur", c.huur);
  }
  const sum = [...parts.values()].reduce((a, n) => a + n, 0);
  if (c.onbekend !== undefined) {
    parts.set("onbekend", c.onbekend);
    if (c.totaal !== undefined && c.totaal !== sum + c.onbekend) {
      issues.push(makeIssue("cbs-totaal-klopt-niet", "waarschuwing", e.sheet, e.cells.totaal ?? null,
        `${e.gemeente}: het totaal (${formatGetal(c.totaal)}) is niet de som van de delen (${formatGetal(sum + c.onbekend)}) op ${rowText(e)}. De delen zijn gebruikt.`));
    }
  } else if (c.totaal !== undefined) {
    const rest = c.totaal - sum;
    if (rest > 0) parts.set("onbekend", rest);
    if (rest < 0) {
      issues.push(makeIssue("cbs-totaal-klopt-niet", "waarschuwing", e.sheet, place,
        `${e.gemeente}: koop + huur (${formatGetal(sum)}) is groter dan het totaal (${formatGetal(c.totaal)}) op ${rowText(e)}. De delen zijn gebruikt.`));
    }
  }
  return parts;
}

/** BAT-stock dwellings of one gemeente, split by where they are subtracted: koop or huur. */
interface BatGemeente {
  naam: string;
  koop: AdaptationCounts;
  huur: AdaptationCounts;
  used: boolean;
}

function collectBat(corporaties: readonly AdaptationTotal[], issues: Issue[]): Map<string, BatGemeente> {
  const out = new Map<string, BatGemeente>();
  let withoutGemeente = 0;
  for (const t of corporaties) {
    const n = countOf(t);
    if (n === 0) continue;
    if (t.gebied === null || gemeenteKey(t.gebied) === "") {
      withoutGemeente += n;
      continue;
    }
    const key = gemeenteKey(t.gebied);
    let g = out.get(key);
    if (!g) {
      g = { naam: t.gebied, koop: zero(), huur: zero(), used: false };
      out.set(key, g);
    }
    addTo(t.segment === "koop" ? g.koop : g.huur, t);
  }
  if (withoutGemeente > 0) {
    issues.push(makeIssue("cbs-bat-zonder-gemeente", "waarschuwing", null, null,
      `${formatWoningen(withoutGemeente)} uit de BAT-voorraad hebben geen gemeente. Ze zijn niet van de CBS-voorraad afgetrokken en staan niet in de CBS-route; voeg een kolom 'gemeente' toe om dubbeltelling te voorkomen.`));
  }
  return out;
}

/**
 * Subtracts `amount` BAT dwellings from the first existing part in `order`. Returns what was
 * subtracted (at most the part's size).
 */
function subtract(parts: Map<CbsDeel, number>, afgetrokken: Map<CbsDeel, number>, order: readonly CbsDeel[], amount: number): number {
  if (amount === 0) return 0;
  const target = order.find((d) => parts.has(d));
  if (target === undefined) return 0;
  const can = Math.min(amount, parts.get(target)! - (afgetrokken.get(target) ?? 0));
  afgetrokken.set(target, (afgetrokken.get(target) ?? 0) + can);
  return can;
}

/** Per gemeente, keeps the row of the latest year; reports older years and duplicates. */
function latestRows(entries: readonly CbsStockEntry[], issues: Issue[]): CbsStockEntry[] {
  const chosen = new Map<string, CbsStockEntry>();
  const older: CbsStockEntry[] = [];
  for (const e of entries) {
    if (e.regio) continue;
    const key = gemeenteKey(e.gemeente);
    const prev = chosen.get(key);
    if (!prev) {
      chosen.set(key, e);
    } else if ((e.jaar ?? -Infinity) > (prev.jaar ?? -Infinity)) {
      older.push(prev);
      chosen.set(key, e);
    } else if (e.jaar === prev.jaar) {
      issues.push(makeIssue("cbs-dubbel", "waarschuwing", e.sheet, null,
        `${e.gemeente} staat twee keer in de CBS-voorraad (${rowText(prev)} en rij ${e.rowNumber}). De eerste rij is gebruikt.`));
    } else {
      older.push(e);
    }
  }
  if (older.length > 0) {
    issues.push(makeIssue("cbs-jaar-ouder", "info", older[0].sheet, null,
      `De CBS-voorraad heeft meer jaren; per gemeente is het laatste jaar gebruikt. Niet gebruikt: ${formatLijst(older.slice(0, 5).map((e) => `rij ${e.rowNumber} (${e.gemeente}, ${e.jaar ?? "zonder jaar"})`))}${older.length > 5 ? " en meer" : ""}.`));
  }
  return [...chosen.values()];
}

/** Compares the region's total row with the sum of the gemeenten, per column. */
function checkRegion(entries: readonly CbsStockEntry[], used: readonly CbsStockEntry[], issues: Issue[]): CbsStockEntry | null {
  const regio = entries.find((e) => e.regio) ?? null;
  if (!regio) return null;
  for (const [field, value] of Object.entries(regio.counts) as [CbsCountField, number][]) {
    if (used.some((e) => e.counts[field] === undefined)) continue;
    const sum = used.reduce((a, e) => a + (e.counts[field] ?? 0), 0);
    if (sum !== value) {
      issues.push(makeIssue("cbs-regio-klopt-niet", "waarschuwing", regio.sheet, regio.cells[field] ?? null,
        `De totaalrij '${regio.gemeente}' (${field}: ${formatGetal(value)}) is niet gelijk aan de som van de gemeenten (${formatGetal(sum)}). De gemeenten zijn geteld, de totaalrij niet.`));
    }
  }
  return regio;
}

/** The outcome counts of `n` dwellings at the given percentages. */
function applyShare(n: number, p: Percentages): AdaptationCounts {
  const [geschikt, potentieel, ongeschikt] = splitByShares(n, [p.geschikt, p.potentieel, p.ongeschikt]);
  return { geschikt, potentieel, ongeschikt, onbekend: 0 };
}

/**
 * Runs the CBS route (see the module comment for the method).
 *
 * @param input CBS stock rows (one per gemeente; several years → the latest; region total rows
 *   are checked, never counted), percentage rows (per gemeente and/or segment; region rows as
 *   fallback), and the corporations' per-dwelling totals per gemeente × segment.
 * @returns per gemeente (in the order of the CBS table) the parts and their sum, the total over
 *   the gemeenten, the region as published (when the percentage table has a region row), the
 *   assumptions in Dutch and the issues. Counts are whole dwellings.
 *   Invariants: per part geschikt + potentieel + ongeschikt + onbekend = woningen; per gemeente
 *   woningen = cbsTotaal − afgetrokken + batVoorraad (= cbsTotaal when every BAT dwelling could be
 *   subtracted).
 */
export function computeCbsRoute(input: CbsRouteInput): CbsRoute {
  const issues: Issue[] = [];
  const index = new ShareIndex(input.aandelen, issues);
  const bat = collectBat(input.corporaties, issues);
  const rows = latestRows(input.voorraad, issues);
  const regioRow = checkRegion(input.voorraad, rows, issues);

  const fallbackGemeente: string[] = [];
  const fallbackRegio: string[] = [];
  const without: string[] = [];
  const gemeenten: CbsGemeente[] = [];
  const cbsKeys = new Set<string>();

  for (const e of rows) {
    const key = gemeenteKey(e.gemeente);
    cbsKeys.add(key);
    const parts = partsOf(e, issues);
    const cbsTotaal = [...parts.values()].reduce((a, n) => a + n, 0);
    const b = bat.get(key);
    const afgetrokken = new Map<CbsDeel, number>();
    let batVoorraad = 0;
    let subtracted = 0;
    if (b) {
      b.used = true;
      const nHuur = countOf(b.huur);
      const nKoop = countOf(b.koop);
      batVoorraad = nHuur + nKoop;
      subtracted += subtract(parts, afgetrokken, ["corporatie", "huur", "onbekend"], nHuur);
      subtracted += subtract(parts, afgetrokken, ["koop", "onbekend"], nKoop);
      if (subtracted < batVoorraad) {
        issues.push(makeIssue("cbs-bat-groter", "waarschuwing", e.sheet, null,
          `${e.gemeente}: de BAT-voorraad (${formatWoningen(batVoorraad)}) is groter dan het deel van de CBS-voorraad waar die in valt; er is ${formatGetal(subtracted)} afgetrokken. ` +
          `Het resultaat telt daardoor ${formatWoningen(batVoorraad - subtracted)} meer dan het CBS. Controleer peildata en gemeentegrenzen.`));
      }
    }

    const delen: CbsPart[] = [];
    const sum = zero();
    let usedGemeente = false;
    let usedRegio = false;
    let missing = false;
    for (const deel of CBS_DELEN) {
      const cbs = parts.get(deel);
      if (cbs === undefined) continue;
      const minus = afgetrokken.get(deel) ?? 0;
      const n = cbs - minus;
      const choice = chooseShare(index, key, deel);
      let counts: AdaptationCounts;
      let bronTekst: string;
      if (choice) {
        counts = applyShare(n, choice.entry);
        bronTekst = describeShare(choice.entry);
        if (choice.niveau === "gemeente" && deel !== "onbekend") usedGemeente = true;
        if (choice.niveau === "regio") usedRegio = true;
      } else {
        counts = { ...zero(), onbekend: n };
        bronTekst = "geen percentages gevonden";
        missing = true;
      }
      addTo(sum, counts);
      const pct = choice ? { geschikt: choice.entry.geschikt, potentieel: choice.entry.potentieel, ongeschikt: choice.entry.ongeschikt } : null;
      delen.push({ deel, bron: "cbs", cbsVoorraad: cbs, afgetrokken: minus, woningen: n, ...counts, percentages: pct, bronTekst });
    }
    if (b && batVoorraad > 0) {
      const counts = zero();
      addTo(counts, b.huur);
      addTo(counts, b.koop);
      addTo(sum, counts);
      delen.push({
        deel: BAT_DEEL, bron: "bat", cbsVoorraad: null, afgetrokken: 0, woningen: batVoorraad, ...counts, percentages: null,
        bronTekst: "beoordeling per woning uit de BAT-voorraad (woningtype, bouwlaag, lift en BAT-score)",
      });
    }
    if (usedGemeente) fallbackGemeente.push(e.gemeente);
    if (usedRegio) fallbackRegio.push(e.gemeente);
    if (missing) without.push(e.gemeente);
    checkConsistency(e, parts, index, key, issues);
    gemeenten.push({
      gemeente: e.gemeente, jaar: e.jaar, cbsTotaal, batVoorraad, afgetrokken: subtracted,
      woningen: cbsTotaal - subtracted + batVoorraad, delen, ...sum, bron: rowText(e),
    });
  }

  const sheetOfShares = input.aandelen[0]?.sheet ?? null;
  if (fallbackGemeente.length > 0) {
    issues.push(makeIssue("cbs-percentages-gemeente", "info", sheetOfShares, null,
      `Geen percentages per huur en koop voor ${formatLijst(fallbackGemeente)}: daar gelden de percentages van de gemeente als geheel voor elk segment.`));
  }
  if (fallbackRegio.length > 0) {
    issues.push(makeIssue("cbs-percentages-regio", "waarschuwing", sheetOfShares, null,
      `Geen percentages voor ${formatLijst(fallbackRegio)}: daar zijn de percentages van de regio ('${index.regioNaam}') gebruikt.`));
  }
  if (without.length > 0) {
    issues.push(makeIssue("cbs-percentages-ontbreken", "waarschuwing", sheetOfShares, null,
      `Geen percentages voor ${formatLijst(without)} en geen regiototaal: die woningen staan als 'onbekend'.`));
  }
  const notInCbs = [...bat.values()].filter((g) => !g.used);
  if (notInCbs.length > 0) {
    issues.push(makeIssue("cbs-bat-gemeente-ontbreekt", "waarschuwing", null, null,
      `De BAT-voorraad heeft woningen in ${formatLijst(notInCbs.map((g) => `${g.naam} (${formatGetal(countOf(g.huur) + countOf(g.koop))})`))}, maar de CBS-voorraad noemt die gemeente niet. Ze staan niet in de CBS-route.`));
  }
  for (const k of index.gemeenten) {
    if (!cbsKeys.has(k)) {
      const e = input.aandelen.find((a) => !a.regio && gemeenteKey(a.gemeente) === k)!;
      issues.push(makeIssue("cbs-percentages-zonder-voorraad", "info", e.sheet, null,
        `Er zijn percentages voor ${e.gemeente} (${rowText(e)}), maar de CBS-voorraad noemt die gemeente niet; ze zijn niet gebruikt.`));
    }
  }

  const totaal = { ...zero(), cbsTotaal: 0, batVoorraad: 0, afgetrokken: 0, woningen: 0 };
  for (const g of gemeenten) {
    addTo(totaal, g);
    totaal.cbsTotaal += g.cbsTotaal;
    totaal.batVoorraad += g.batVoorraad;
    totaal.afgetrokken += g.afgetrokken;
    totaal.woningen += g.woningen;
  }
  const years = new Set(rows.map((r) => r.jaar));
  const jaar = years.size === 1 ? [...years][0] : null;
  const regio = regionEstimate(index, regioRow, totaal.cbsTotaal);
  const aannames = assumptions({ bat: bat.size > 0, gemeente: fallbackGemeente.length > 0, regio: fallbackRegio.length > 0, jaar, splitsHuur: gemeenten.some((g) => g.delen.some((d) => d.deel === "corporatie")) });
  return { jaar, gemeenten, totaal, regio, aannames, issues };
}

/** When a gemeente's percentages exist both per segment and for the gemeente as a whole, the
 * segment route implies a share for the whole gemeente; it should match the published one. */
function checkConsistency(e: CbsStockEntry, parts: Map<CbsDeel, number>, index: ShareIndex, key: string, issues: Issue[]): void {
  const whole = index.get(key, null);
  if (!whole) return;
  let n = 0;
  const implied = { geschikt: 0, potentieel: 0, ongeschikt: 0 };
  let segmentUsed = false;
  for (const [deel, count] of parts) {
    const choice = chooseShare(index, key, deel);
    if (!choice) return;
    if (choice.niveau === "segment") segmentUsed = true;
    const s = choice.entry.geschikt + choice.entry.potentieel + choice.entry.ongeschikt;
    for (const o of OUTCOMES) implied[o] += (count * choice.entry[o]) / s;
    n += count;
  }
  if (!segmentUsed || n === 0) return;
  const ws = whole.geschikt + whole.potentieel + whole.ongeschikt;
  const off = OUTCOMES.filter((o) => Math.abs((100 * implied[o]) / n - (100 * whole[o]) / ws) > CONSISTENCY_POINTS);
  if (off.length === 0) return;
  const show = (o: (typeof OUTCOMES)[number]) => `${o} ${formatGetal((100 * implied[o]) / n, 1)}% tegen ${formatGetal(whole[o])}%`;
  issues.push(makeIssue("cbs-percentages-wijken-af", "info", whole.sheet, null,
    `${e.gemeente}: de percentages per huur en koop geven samen ${off.map(show).join(", ")} voor de gemeente als geheel (${rowText(whole)}). De percentages per segment zijn gebruikt.`));
}

/** The region's stock × the region's own percentages (row for all dwellings), when given. */
function regionEstimate(index: ShareIndex, regioRow: CbsStockEntry | null, sumGemeenten: number): CbsRegio | null {
  const share = index.get(null, null);
  if (!share) return null;
  const woningen = regioRow?.counts.totaal ?? sumGemeenten;
  if (woningen <= 0) return null;
  return {
    naam: regioRow?.gemeente ?? share.gemeente,
    woningen,
    percentages: { geschikt: share.geschikt, potentieel: share.potentieel, ongeschikt: share.ongeschikt },
    ...applyShare(woningen, share),
    bronTekst: `${regioRow && regioRow.counts.totaal !== undefined ? `CBS-totaal van ${rowText(regioRow)}` : "som van de gemeenten"} × ${describeShare(share)}`,
  };
}

function assumptions(o: { bat: boolean; gemeente: boolean; regio: boolean; jaar: number | null; splitsHuur: boolean }): string[] {
  const out: string[] = [];
  out.push(
    "CBS-route: de woningvoorraad per gemeente (CBS) is per deel (koop, huur, eigendom onbekend) vermenigvuldigd met de gepubliceerde percentages geschikt, potentieel en ongeschikt voor dat deel.",
  );
  if (o.bat) {
    out.push(
      `De CBS-voorraad telt ook de woningen van corporaties. De woningen uit de BAT-voorraad zijn daarom per gemeente afgetrokken van ${o.splitsHuur ? "de huurwoningen van corporaties (of de huur, waar de tabel die niet splitst)" : "de huurwoningen"} (rijen met segment koop van koop), en tellen mee met hun eigen beoordeling per woning. Zo telt geen woning twee keer.`,
      "Aanname: alle woningen in de BAT-voorraad zijn huurwoningen van corporaties, behalve rijen met segment koop; de percentages per segment gelden ook voor het deel dat na aftrek overblijft (een benadering: ze zijn berekend over het hele segment).",
    );
  } else {
    out.push("Er is geen BAT-voorraad gebruikt: er is niets afgetrokken; alle woningen zijn geschat met de percentages.");
  }
  out.push("Woningen met onbekend eigendom (totaal min koop en huur) krijgen de percentages van de gemeente als geheel.");
  if (o.gemeente) out.push("Waar geen splitsing naar huur en koop is gepubliceerd, gelden de percentages van de gemeente als geheel voor koop en huur.");
  if (o.regio) out.push("Waar een gemeente geen eigen percentages heeft, gelden die van de regio.");
  out.push(
    "Afronding: per gemeente en deel is het aantal woningen met de methode van de grootste rest verdeeld, zodat geschikt + potentieel + ongeschikt precies het aantal woningen van dat deel is; de percentages zijn eerst herschaald naar samen 100.",
  );
  if (o.jaar !== null) out.push(`Peiljaar van de CBS-voorraad: ${o.jaar}.`);
  return out;
}
