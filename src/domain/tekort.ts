/**
 * Shortage (tekort): supply (aanbod) against demand (vraag) per category × year × scenario × area,
 * in three labelled readings (docs/handleiding.md §5, docs/json.md `tekort`):
 *
 * - "per categorie": exclusive supply against exclusive demand, per category (BZK type, BAT code,
 *   or another category the tables name, such as "gespikkeld");
 * - "cumulatief": "at least this type" on both sides, for ordered categories only
 *   (bzk: regulier < nultreden < geclusterd < zorggeschikt; bat: the scale's codes);
 * - "na doorschuiven" (cascade): higher types may house lower needs, never the reverse.
 *   From the highest category down: available = own supply + surplus carried down; unmet =
 *   max(0, vraag − available); carried down = max(0, available − vraag). This gives the minimum
 *   possible unmet demand (total unmet = max over categories of the cumulative shortage).
 *   Like cumulatief, it takes the zorgprofielen SOM and PG of a category together.
 *
 * Every row: saldo = aanbod − vraag (negative = shortage), tekort = max(0, vraag − aanbod) in that
 * reading (for the cascade: the unmet demand). Numbers are dwellings and never rounded.
 *
 * Matching supply to demand:
 * - niveau must match; groep must match, except that supply without groep (counted from a
 *   per-dwelling stock: the BZK types are the housing types for older people) serves demand of
 *   groep "ouderen" or without groep, when there is no supply for that groep itself;
 * - gebied must match exactly (null matches null); when the supply has no areas and the demand
 *   of that groep names exactly one area, the total supply is used for it (info issue); otherwise
 *   a warning and the demand is skipped;
 * - the supply of the latest count year ≤ the demand year is used (else the earliest); when that
 *   year differs from the demand year, supply is held constant, with one info issue. Planned
 *   changes give supply entries per demand year (plannen.ts `computeTekortWithPlans`).
 * Categories "totaal" are never compared (a total is not a housing type).
 */
import { BZK_TYPES, type BatScale, type DemandEntry, type Niveau, type SupplyEntry, type Zorgprofiel } from "./types";
import { type Issue, makeIssue } from "./issues";
import type { Rules } from "./rules";
import { batCodes, scaleName, scaleOfCode } from "./bat";
import { formatGetal, formatLijst } from "./format";

/** Reading of a tekort row. */
export type Lezing = "per categorie" | "cumulatief" | "na doorschuiven";

/** One row of the tekort table (the JSON `tekort` entry). Numbers are dwellings. */
export interface TekortRow {
  lezing: Lezing;
  niveau: Niveau;
  /** Demand's groep (lower case) or null. */
  groep: string | null;
  categorie: string;
  zorgprofiel: Zorgprofiel | null;
  jaar: number;
  scenario: string | null;
  gebied: string | null;
  aanbod: number;
  vraag: number;
  /** aanbod − vraag: negative means shortage. */
  saldo: number;
  /** max(0, vraag − aanbod); in the cascade: the demand left unmet after doorschuiven. */
  tekort: number;
}

const TOTAAL = "totaal";

/**
 * Makes a published supply table's "regulier" exclusive when `rules.aanbodtabel.regulierOmvatNultreden`
 * (Parkstad Tabel 2: "regulier wonen" 117,250 includes the 29,313 "nultreden in regulier wonen"):
 * per (groep, gebied, jaar) at niveau bzk, regulier := regulier − nultreden.
 * @returns new entries (inputs are not modified) and issues: one info per adjusted group; a
 *   warning when regulier would become negative or is not a single entry (then left unchanged).
 * @example normaliseSupplyTable([{ niveau: "bzk", groep: null, categorie: "regulier", jaar: 2023, gebied: null, aanbod: 117250, sheet: "Aanbod", cell: "B3" },
 *   { niveau: "bzk", groep: null, categorie: "nultreden", jaar: 2023, gebied: null, aanbod: 29313, sheet: "Aanbod", cell: "B4" }],
 *   { aanbodtabel: { regulierOmvatNultreden: true } }).entries.map((e) => [e.categorie, e.aanbod]) === [["regulier", 87937], ["nultreden", 29313]]
 */
export function normaliseSupplyTable(entries: SupplyEntry[], rules: Rules): { entries: SupplyEntry[]; issues: Issue[] } {
  const out = entries.map((e) => ({ ...e }));
  const issues: Issue[] = [];
  if (!rules.aanbodtabel.regulierOmvatNultreden) return { entries: out, issues };
  const groups = new Map<string, { regulier: SupplyEntry[]; nultreden: number }>();
  for (const e of out) {
    if (e.niveau !== "bzk" || (e.categorie !== "regulier" && e.categorie !== "nultreden")) continue;
    const key = JSON.stringify([e.groep, e.gebied, e.jaar]);
    let g = groups.get(key);
    if (g === undefined) {
      g = { regulier: [], nultreden: 0 };
      groups.set(key, g);
    }
    if (e.categorie === "regulier") g.regulier.push(e);
    else g.nultreden += e.aanbod;
  }
  for (const g of groups.values()) {
    if (g.regulier.length === 0 || g.nultreden === 0) continue;
    const r = g.regulier[0];
    const wie = groupText(r.groep, r.gebied);
    if (g.regulier.length > 1) {
      issues.push(makeIssue("aanbod-regulier-dubbel", "waarschuwing", r.sheet || null, r.cell || null,
        `Het aanbod${wie} heeft meer dan één regel 'regulier'; de nultredenwoningen zijn er niet van afgetrokken. Controleer de aanbodtabel.`));
      continue;
    }
    const exclusive = r.aanbod - g.nultreden;
    if (exclusive < 0) {
      issues.push(makeIssue("aanbod-regulier-negatief", "waarschuwing", r.sheet || null, r.cell || null,
        `Het aanbod 'regulier'${wie} (${formatGetal(r.aanbod)}) is kleiner dan het aanbod nultreden (${formatGetal(g.nultreden)}), dus het omvat de nultredenwoningen niet; regulier is ongewijzigd gebruikt. Zet de regel 'aanbodtabel.regulierOmvatNultreden' uit als dat klopt.`));
      continue;
    }
    issues.push(makeIssue("aanbod-regulier-exclusief", "info", r.sheet || null, r.cell || null,
      `Het aanbod 'regulier'${wie} (${formatGetal(r.aanbod)}) omvat de nultredenwoningen (${formatGetal(g.nultreden)}); voor de vergelijking met de vraag is regulier exclusief gemaakt: ${formatGetal(exclusive)}.`));
    r.aanbod = exclusive;
  }
  return { entries: out, issues };
}

/** " van groep 'ouderen' in gebied 'Heerlen'" (parts only when known). */
function groupText(groep: string | null, gebied: string | null): string {
  return `${groep === null ? "" : ` van groep '${groep}'`}${gebied === null ? "" : ` in gebied '${gebied}'`}`;
}

/** Amounts of one category on one side. */
interface Amounts {
  total: number;
  som: number;
  pg: number;
  /** Amount in entries without zorgprofiel. */
  none: number;
  /** Any entry with a zorgprofiel. */
  split: boolean;
}

function addAmount(m: Map<string, Amounts>, categorie: string, zorgprofiel: Zorgprofiel | null, n: number): void {
  let a = m.get(categorie);
  if (a === undefined) {
    a = { total: 0, som: 0, pg: 0, none: 0, split: false };
    m.set(categorie, a);
  }
  a.total += n;
  if (zorgprofiel === "SOM") {
    a.som += n;
    a.split = true;
  } else if (zorgprofiel === "PG") {
    a.pg += n;
    a.split = true;
  } else a.none += n;
}

const ZERO: Amounts = Object.freeze({ total: 0, som: 0, pg: 0, none: 0, split: false });

/** Both sides split by zorgprofiel without unprofiled amounts: compare per profile. */
function comparePerProfile(s: Amounts, d: Amounts): boolean {
  return s.split && d.split && s.none === 0 && d.none === 0;
}

interface DemandSet {
  niveau: Niveau;
  groep: string | null;
  scenario: string | null;
  jaar: number;
  gebied: string | null;
  entries: DemandEntry[];
}

/** One info/warning per key (deduplicated), in first-seen order. */
class Notes {
  readonly issues: Issue[] = [];
  private readonly seen = new Set<string>();
  add(key: string, issue: Issue): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push(issue);
  }
}

/**
 * Computes the three readings for every (niveau, groep, scenario, jaar, gebied) in the demand.
 *
 * @param supply supply entries (from `supplyFromDwellings`, or a normalised supply table).
 * @param demand demand entries from ingest.
 * @param options.batScale the stock's scale; BAT-level demand on the other scale is a `fout`
 *   ("schalen-gemengd") and skipped. When null, the scale is taken from the supply's BAT codes,
 *   else from the demand's.
 * @returns rows per demand set (in the demand's order): per categorie, then cumulatief, then na
 *   doorschuiven. Ordered categories (BZK types, the scale's BAT codes) get a row when either side
 *   names them, in type order, a missing side counting as 0; other categories (e.g. "gespikkeld")
 *   only per categorie and only when the demand names them. Issues: no supply for a groep, gebied
 *   or category, supply held constant, combined zorgprofielen, skipped entries. Never throws on data.
 * @example computeTekort([{ niveau: "bzk", groep: null, categorie: "nultreden", zorgprofiel: null, jaar: 2024, gebied: null, aanbod: 1975, sheet: "Aanbod", cell: "B3" }],
 *   [{ niveau: "bzk", groep: "ouderen", categorie: "nultreden", zorgprofiel: null, jaar: 2030, scenario: "trend", gebied: null, vraag: 2200, sheet: "Vraag", cell: "C4" }],
 *   { batScale: null }).rows.find((r) => r.lezing === "per categorie" && r.categorie === "nultreden") ===
 *   { lezing: "per categorie", niveau: "bzk", groep: "ouderen", categorie: "nultreden", zorgprofiel: null, jaar: 2030, scenario: "trend", gebied: null, aanbod: 1975, vraag: 2200, saldo: -225, tekort: 225 }
 */
export function computeTekort(
  supply: SupplyEntry[],
  demand: DemandEntry[],
  options: { batScale: BatScale | null },
): { rows: TekortRow[]; issues: Issue[] } {
  const notes = new Notes();
  const scale = options.batScale ?? inferScale(supply) ?? inferScale(demand);
  const usableSupply = checkBatCodes(supply, scale, "aanbod", notes);
  const usableDemand = checkBatCodes(demand, scale, "vraag", notes);
  const totals = [...usableSupply, ...usableDemand].filter((e) => e.categorie === TOTAAL);
  if (totals.length > 0) {
    notes.add("totaal", makeIssue("totaal-niet-vergeleken", "info", totals[0].sheet || null, totals[0].cell || null,
      "Totaalregels in vraag of aanbod zijn niet als categorie vergeleken: een totaal is geen woontype."));
  }

  // Supply per (niveau, groep).
  const supplyByGroup = new Map<string, SupplyEntry[]>();
  for (const e of usableSupply) {
    if (e.categorie === TOTAAL) continue;
    const key = JSON.stringify([e.niveau, e.groep]);
    const list = supplyByGroup.get(key);
    if (list) list.push(e);
    else supplyByGroup.set(key, [e]);
  }

  // Demand sets in first-seen order; distinct areas per (niveau, groep).
  const sets = new Map<string, DemandSet>();
  const areas = new Map<string, Set<string | null>>();
  // Totals stay in the sets so that a groep with only a total still gets "geen aanbod" when due.
  for (const e of usableDemand) {
    const key = JSON.stringify([e.niveau, e.groep, e.scenario, e.jaar, e.gebied]);
    let s = sets.get(key);
    if (s === undefined) {
      s = { niveau: e.niveau, groep: e.groep, scenario: e.scenario, jaar: e.jaar, gebied: e.gebied, entries: [] };
      sets.set(key, s);
    }
    s.entries.push(e);
    const gk = JSON.stringify([e.niveau, e.groep]);
    let a = areas.get(gk);
    if (a === undefined) {
      a = new Set();
      areas.set(gk, a);
    }
    a.add(e.gebied);
  }

  const rows: TekortRow[] = [];
  const constant = new Map<string, Set<number>>(); // supply year text → demand years it stood in for
  for (const set of sets.values()) {
    const matched = matchSupply(set, supplyByGroup, areas, notes);
    if (matched === null) continue;
    const wanted = set.entries.filter((e) => e.categorie !== TOTAAL);
    if (wanted.length === 0) continue;
    const { entries: supplyEntries, year } = pickYear(matched, set.jaar);
    if (year !== set.jaar) {
      const k = year === null ? "" : String(year);
      let ys = constant.get(k);
      if (ys === undefined) {
        ys = new Set();
        constant.set(k, ys);
      }
      ys.add(set.jaar);
    }
    const s = new Map<string, Amounts>();
    for (const e of supplyEntries) addAmount(s, e.categorie, e.zorgprofiel, e.aanbod);
    const d = new Map<string, Amounts>();
    for (const e of wanted) addAmount(d, e.categorie, e.zorgprofiel, e.vraag);
    const order = set.niveau === "bzk" ? [...BZK_TYPES] : scale === null ? [] : batCodes(scale);
    emitSet(set, s, d, order, rows, notes);
  }

  if (constant.size > 0) {
    const parts = [...constant.entries()].map(([y, ys]) => {
      const years = formatLijst([...ys].sort((a, b) => a - b).map(String));
      return y === "" ? `het aanbod (zonder peiljaar) is gebruikt voor ${years}` : `het aanbod van ${y} is gebruikt voor ${years}`;
    });
    notes.add("constant", makeIssue("aanbod-constant", "info", null, null,
      `Aanbod constant verondersteld: er zijn geen geplande wijzigingen opgegeven; ${parts.join("; ")}.`));
  }
  return { rows, issues: notes.issues };
}

function inferScale(entries: readonly { niveau: Niveau; categorie: string }[]): BatScale | null {
  for (const e of entries) {
    if (e.niveau !== "bat") continue;
    const s = scaleOfCode(e.categorie);
    if (s !== null) return s;
  }
  return null;
}

/** Drops BAT-level entries whose code is not on `scale`, with one `fout` per side. */
function checkBatCodes<T extends { niveau: Niveau; categorie: string; sheet: string; cell: string }>(
  entries: T[],
  scale: BatScale | null,
  side: "vraag" | "aanbod",
  notes: Notes,
): T[] {
  const bad: T[] = [];
  const ok = entries.filter((e) => {
    if (e.niveau !== "bat" || e.categorie === TOTAAL) return true;
    if (scale !== null && scaleOfCode(e.categorie) === scale) return true;
    bad.push(e);
    return false;
  });
  if (bad.length > 0) {
    const first = bad[0];
    const other = scaleOfCode(first.categorie);
    const what = side === "vraag" ? "De vraag" : "Het aanbod";
    const message =
      scale === null
        ? `${what} per BAT-klasse heeft codes die niet bij een BAT-schaal horen (bijvoorbeeld '${first.categorie}'); ${formatGetal(bad.length)} cijfers zijn overgeslagen.`
        : other !== null
          ? `${what} per BAT-klasse gebruikt de ${scaleName(other)}, maar de voorraad de ${scaleName(scale)}; ${formatGetal(bad.length)} cijfers zijn overgeslagen. Zet de klassen om naar één schaal.`
          : `${what} per BAT-klasse heeft codes die niet op de ${scaleName(scale)} bestaan (bijvoorbeeld '${first.categorie}'); ${formatGetal(bad.length)} cijfers zijn overgeslagen.`;
    notes.add(`schaal-${side}`, makeIssue("schalen-gemengd", "fout", first.sheet || null, first.cell || null, message));
  }
  return ok;
}

/** Supply entries (all years) that serve a demand set, or null (with an issue) when there are none. */
function matchSupply(
  set: DemandSet,
  byGroup: Map<string, SupplyEntry[]>,
  areas: Map<string, Set<string | null>>,
  notes: Notes,
): SupplyEntry[] | null {
  let pool = byGroup.get(JSON.stringify([set.niveau, set.groep]));
  if (pool === undefined && (set.groep === "ouderen" || set.groep === null)) {
    pool = byGroup.get(JSON.stringify([set.niveau, null]));
  }
  const groepText = set.groep === null ? "de vraag zonder groep" : `groep '${set.groep}'`;
  if (pool === undefined) {
    notes.add(`geen-aanbod-${set.niveau}-${set.groep}`, makeIssue("geen-aanbod-groep", "info", set.entries[0].sheet || null, null, set.niveau === "bzk"
          ? `Geen aanbod voor ${groepText}; geen tekort berekend.`
          : `Geen aanbod per BAT-klasse voor ${groepText}; geen tekort per BAT-klasse berekend.`));
    return null;
  }
  const exact = pool.filter((e) => e.gebied === set.gebied);
  if (exact.length > 0) return exact;
  const demandAreas = areas.get(JSON.stringify([set.niveau, set.groep]));
  const supplyHasAreas = pool.some((e) => e.gebied !== null);
  if (!supplyHasAreas && demandAreas !== undefined && demandAreas.size === 1 && set.gebied !== null) {
    notes.add(`gebied-totaal-${set.niveau}-${set.groep}`, makeIssue("aanbod-zonder-gebied", "info", null, null,
      `Het aanbod heeft geen gebied; het totale aanbod is vergeleken met de vraag van ${groepText} in gebied '${set.gebied}'.`));
    return pool;
  }
  notes.add(`geen-gebied-${set.niveau}-${set.groep}-${set.gebied}`, makeIssue("geen-aanbod-gebied", "waarschuwing", set.entries[0].sheet || null, set.entries[0].cell || null,
    set.gebied === null
        ? `Het aanbod is per gebied, de vraag van ${groepText} niet; deze vraag is niet vergeleken. Geef de vraag per gebied of het aanbod als totaal.`
        : `Geen aanbod voor gebied '${set.gebied}' (${groepText}); deze vraag is niet vergeleken. Geef het aanbod per gebied.`));
  return null;
}

/** Supply held constant: the entries of the latest count year ≤ `jaar` (else the earliest year).
 * Also used by plannen.ts to pick the supply that planned changes start from.
 * @example pickYear([{ jaar: 2020, aanbod: 1975 }, { jaar: 2024, aanbod: 2010 }, { jaar: 2035, aanbod: 2300 }], 2030) === { entries: [{ jaar: 2024, aanbod: 2010 }], year: 2024 };
 *   pickYear([{ jaar: 2024, aanbod: 2010 }, { jaar: 2035, aanbod: 2300 }], 2020).year === 2024 */
export function pickYear(entries: SupplyEntry[], jaar: number): { entries: SupplyEntry[]; year: number | null } {
  const years = new Set(entries.map((e) => e.jaar));
  if (years.size === 1) return { entries, year: entries[0].jaar };
  let best: number | null = null;
  let earliest: number | null = null;
  for (const y of years) {
    if (y === null) continue;
    if (y <= jaar && (best === null || y > best)) best = y;
    if (earliest === null || y < earliest) earliest = y;
  }
  const chosen = best ?? earliest;
  // Entries without a year count for every year (only used when no dated entry exists).
  const picked = entries.filter((e) => e.jaar === chosen);
  return { entries: picked, year: chosen };
}

/** Appends the rows of one demand set: per categorie, cumulatief, na doorschuiven. */
function emitSet(
  set: DemandSet,
  s: Map<string, Amounts>,
  d: Map<string, Amounts>,
  order: string[],
  rows: TekortRow[],
  notes: Notes,
): void {
  const row = (lezing: Lezing, categorie: string, zorgprofiel: Zorgprofiel | null, aanbod: number, vraag: number, tekort?: number): void => {
    rows.push({
      lezing, niveau: set.niveau, groep: set.groep, categorie, zorgprofiel, jaar: set.jaar, scenario: set.scenario,
      gebied: set.gebied, aanbod, vraag, saldo: aanbod - vraag, tekort: tekort ?? Math.max(0, vraag - aanbod),
    });
  };
  const groepText = set.groep === null ? "" : ` (groep '${set.groep}')`;
  const orderSet = new Set(order);
  const present = order.filter((c) => s.has(c) || d.has(c));
  const others = [...d.keys()].filter((c) => !orderSet.has(c));

  // Per categorie.
  for (const c of [...present, ...others]) {
    const sa = s.get(c) ?? ZERO;
    const da = d.get(c) ?? ZERO;
    if (!s.has(c)) {
      notes.add(`geen-categorie-${set.niveau}-${set.groep}-${c}`, makeIssue("geen-aanbod-categorie", "info", null, null,
        `Geen aanbod voor categorie '${c}'${groepText}; aanbod 0 aangenomen.`));
    }
    if (comparePerProfile(sa, da)) {
      row("per categorie", c, "SOM", sa.som, da.som);
      row("per categorie", c, "PG", sa.pg, da.pg);
    } else {
      if (sa.split || da.split) {
        notes.add(`profiel-${set.niveau}-${set.groep}-${c}`, makeIssue("zorgprofiel-samengevoegd", "info", null, null,
          `'${c}'${groepText} is niet per zorgprofiel (SOM/PG) vergeleken, omdat ${
            !sa.split || sa.none > 0 ? "het aanbod" : "de vraag"
          } niet volledig naar zorgprofiel is gesplitst; SOM en PG zijn samen vergeleken.`));
      }
      row("per categorie", c, null, sa.total, da.total);
    }
  }

  if (order.length === 0 || !order.some((c) => d.has(c))) return;

  // Cumulatief: at least this category.
  const sCum: number[] = new Array(order.length);
  const dCum: number[] = new Array(order.length);
  let sAcc = 0;
  let dAcc = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    sAcc += (s.get(order[i]) ?? ZERO).total;
    dAcc += (d.get(order[i]) ?? ZERO).total;
    sCum[i] = sAcc;
    dCum[i] = dAcc;
  }
  for (let i = 0; i < order.length; i++) {
    if (s.has(order[i]) || d.has(order[i])) row("cumulatief", order[i], null, sCum[i], dCum[i]);
  }

  // Na doorschuiven: from the highest category down (zorgprofielen together, as in cumulatief).
  const available: number[] = new Array(order.length);
  let carry = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    available[i] = (s.get(order[i]) ?? ZERO).total + carry;
    carry = Math.max(0, available[i] - (d.get(order[i]) ?? ZERO).total);
  }
  for (let i = 0; i < order.length; i++) {
    if (s.has(order[i]) || d.has(order[i])) row("na doorschuiven", order[i], null, available[i], (d.get(order[i]) ?? ZERO).total);
  }
}
