/**
 * Planned changes (docs/handleiding.md §5a): nieuwbouw, sloop, verkoop, aankoop and
 * renovatie per year, each adding or removing dwellings of a BAT class or BZK type. Supply in a
 * later year = supply now + the changes up to and including that year; when no changes are given,
 * supply is held constant (computeTekort says so).
 *
 * Assumptions (stated in the result sheets):
 * - a change given only as a BAT class counts at BZK level as nultreden when the class meets the
 *   nultreden threshold (`rules.nultreden`), else regulier: a class alone cannot prove
 *   geclusterd or zorggeschikt, which need complex facts; name the BZK type to say otherwise;
 * - renovatie moves dwellings from its "van" class to its "naar" class; without a "van" class it
 *   starts from the lowest class (Limburg BAT 0 / regulier), without a "naar" class it ends at the
 *   nultreden threshold (Limburg BAT 1 by default);
 * - a change in or before the supply's count year (a supply table's year, or
 *   `rules.plannen.peiljaarVoorraad` for a stock) is already in the supply and is skipped;
 * - changes apply to the supply without groep (a stock) or of groep "ouderen"; a change with a
 *   gebied applies to that gebied's supply, or to the total when the supply has no areas.
 */
import { BZK_TYPES, type BatScale, type BzkType, type DemandEntry, type SupplyEntry, type Zorgprofiel } from "./types";
import { type Issue, makeIssue } from "./issues";
import type { Rules } from "./rules";
import { batCode, batText, isValidLevel, minLevel } from "./bat";
import { computeTekort, pickYear, type TekortRow } from "./tekort";
import { formatGetal, formatLijst } from "./format";

/** Kinds of planned change. */
export const MUTATIE_SOORTEN = ["nieuwbouw", "sloop", "verkoop", "aankoop", "renovatie"] as const;
export type MutatieSoort = (typeof MUTATIE_SOORTEN)[number];

/** Kinds that add dwellings to the stock, and those that remove them. */
const ADDS: ReadonlySet<MutatieSoort> = new Set(["nieuwbouw", "aankoop"]);
const REMOVES: ReadonlySet<MutatieSoort> = new Set(["sloop", "verkoop"]);

/** One planned change, as read from a planned-changes table (ingest/mutaties.ts). */
export interface PlannedChange {
  jaar: number;
  soort: MutatieSoort;
  /** Dwellings (> 0). */
  aantal: number;
  /** BAT level on the stock's scale that is added or removed; for renovatie the level after. */
  bat: number | null;
  /** renovatie: the BAT level before; null = the lowest level (assumption). */
  vanBat: number | null;
  /** BZK type added or removed; for renovatie the type after. null = from `bat`. */
  bzk: BzkType | null;
  zorgprofiel: Zorgprofiel | null;
  /** renovatie: the BZK type before; null = from `vanBat`. */
  vanBzk: BzkType | null;
  gebied: string | null;
  toelichting: string | null;
  /** Where the change was read: sheet and A1 cell of its number. */
  sheet: string;
  cell: string;
}

/** A change of one supply figure. */
interface Delta {
  niveau: "bzk" | "bat";
  categorie: string;
  zorgprofiel: Zorgprofiel | null;
  delta: number;
}

/** The BZK type a BAT level gives on its own (see the module comment). */
function bzkOfBat(level: number, scale: BatScale, rules: Rules): BzkType {
  return level >= nultredenLevel(scale, rules) ? "nultreden" : "regulier";
}

/** The BAT level where nultreden starts on the scale (`rules.nultreden`). */
function nultredenLevel(scale: BatScale, rules: Rules): number {
  return scale === "limburg" ? rules.nultreden.limburgMinBat : rules.nultreden.veraMinBat;
}

/** The lowest BAT level of the scale when it is below the nultreden threshold, else null. */
function lowestBat(scale: BatScale, rules: Rules): number | null {
  const lo = minLevel(scale);
  return bzkOfBat(lo, scale, rules) === "regulier" ? lo : null;
}

/**
 * The supply figures a change moves, in dwellings (positive = more supply).
 * BAT figures change only when the BAT levels are known (and valid on `scale`).
 * @example changeDeltas({ jaar: 2023, soort: "sloop", aantal: 96, bat: 0, vanBat: null, bzk: null, zorgprofiel: null, vanBzk: null }, "limburg", { nultreden: { limburgMinBat: 1, veraMinBat: 1 } }) ===
 *   [{ niveau: "bzk", categorie: "regulier", zorgprofiel: null, delta: -96 }, { niveau: "bat", categorie: "0", zorgprofiel: null, delta: -96 }]
 * @example changeDeltas({ jaar: 2025, soort: "renovatie", aantal: 40, bat: null, vanBat: null, bzk: null, zorgprofiel: null, vanBzk: null }, "limburg", { nultreden: { limburgMinBat: 1, veraMinBat: 1 } }) ===
 *   [{ niveau: "bzk", categorie: "regulier", zorgprofiel: null, delta: -40 }, { niveau: "bzk", categorie: "nultreden", zorgprofiel: null, delta: 40 },
 *    { niveau: "bat", categorie: "0", zorgprofiel: null, delta: -40 }, { niveau: "bat", categorie: "1", zorgprofiel: null, delta: 40 }]
 */
export function changeDeltas(c: PlannedChange, scale: BatScale, rules: Rules): Delta[] {
  const out: Delta[] = [];
  // A renovation without a target class makes the dwellings nultreden: the threshold class.
  const target = c.soort === "renovatie" && c.bat === null && c.bzk === null ? nultredenLevel(scale, rules) : c.bat;
  const bat = target !== null && isValidLevel(target, scale) ? target : null;
  const toType = c.bzk ?? (bat !== null ? bzkOfBat(bat, scale, rules) : null);
  const profile = toType === "zorggeschikt" ? c.zorgprofiel : null;
  if (ADDS.has(c.soort) || REMOVES.has(c.soort)) {
    const sign = ADDS.has(c.soort) ? 1 : -1;
    if (toType !== null) out.push({ niveau: "bzk", categorie: toType, zorgprofiel: profile, delta: sign * c.aantal });
    if (bat !== null) out.push({ niveau: "bat", categorie: batCode(bat, scale), zorgprofiel: null, delta: sign * c.aantal });
    return out;
  }
  // renovatie
  const vanBat = c.vanBat !== null && isValidLevel(c.vanBat, scale) ? c.vanBat : c.vanBzk === null ? lowestBat(scale, rules) : null;
  const fromType = c.vanBzk ?? (vanBat !== null ? bzkOfBat(vanBat, scale, rules) : "regulier");
  if (toType !== null && toType !== fromType) {
    out.push({ niveau: "bzk", categorie: fromType, zorgprofiel: null, delta: -c.aantal });
    out.push({ niveau: "bzk", categorie: toType, zorgprofiel: profile, delta: c.aantal });
  }
  if (bat !== null && vanBat !== null && bat !== vanBat) {
    out.push({ niveau: "bat", categorie: batCode(vanBat, scale), zorgprofiel: null, delta: -c.aantal });
    out.push({ niveau: "bat", categorie: batCode(bat, scale), zorgprofiel: null, delta: c.aantal });
  }
  return out;
}

/** Short Dutch description of one change: "2023: sloop 96 woningen BAT 0".
 * @example describeChange({ jaar: 2023, soort: "sloop", aantal: 96, bat: 0, vanBat: null, bzk: null, zorgprofiel: null, vanBzk: null, gebied: null }, "limburg") === "2023: sloop 96 woningen BAT 0";
 *   describeChange({ jaar: 2025, soort: "renovatie", aantal: 1, bat: null, vanBat: 1, bzk: null, zorgprofiel: null, vanBzk: null, gebied: "Kerkrade-West" }, "limburg") ===
 *   "2025: renovatie 1 woning van BAT 1 naar nultreden (Kerkrade-West)" */
export function describeChange(c: PlannedChange, scale: BatScale): string {
  const what = (bat: number | null, bzk: string | null) => (bzk ?? (bat !== null ? batText(bat, scale) : "klasse onbekend"));
  const naar = c.bat === null && c.bzk === null ? "nultreden" : what(c.bat, c.bzk);
  const target = c.soort === "renovatie" ? `van ${c.vanBzk ?? (c.vanBat !== null ? batText(c.vanBat, scale) : "de laagste klasse")} naar ${naar}` : what(c.bat, c.bzk);
  return `${c.jaar}: ${c.soort} ${formatGetal(c.aantal)} ${c.aantal === 1 ? "woning" : "woningen"} ${target}${c.gebied ? ` (${c.gebied})` : ""}`;
}

/** One line per kind over all changes: "sloop 478 woningen (2021-2025)".
 * @example summariseChanges([{ jaar: 2021, soort: "sloop", aantal: 96 }, { jaar: 2025, soort: "sloop", aantal: 382 }, { jaar: 2024, soort: "nieuwbouw", aantal: 1204 }]) ===
 *   "nieuwbouw 1.204 woningen (2024) en sloop 478 woningen (2021-2025)" */
export function summariseChanges(changes: readonly PlannedChange[]): string {
  const parts: string[] = [];
  for (const soort of MUTATIE_SOORTEN) {
    const list = changes.filter((c) => c.soort === soort);
    if (list.length === 0) continue;
    const n = list.reduce((s, c) => s + c.aantal, 0);
    const years = list.map((c) => c.jaar);
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    parts.push(`${soort} ${formatGetal(n)} woningen (${lo === hi ? lo : `${lo}-${hi}`})`);
  }
  return formatLijst(parts);
}

/** Supply per category in one year, for the supply-per-year table (target group, all areas). */
export interface SupplyYear {
  jaar: number;
  niveau: "bzk" | "bat";
  categorie: string;
  zorgprofiel: Zorgprofiel | null;
  aanbod: number;
}

/** Result of {@link applyPlannedChanges}. */
export interface PlannedSupply {
  /** Supply entries: the input unchanged when there are no changes; otherwise one set per year
   * of `years`, with `jaar` set to that year. */
  entries: SupplyEntry[];
  /** The changes applied in at least one year (in input order). */
  toegepast: PlannedChange[];
  /** Supply per year (every year of `years`) of the group the changes apply to; empty without changes. */
  perJaar: SupplyYear[];
  issues: Issue[];
}

/**
 * Supply per year with the planned changes applied.
 *
 * @param supply supply now (from the stock: `jaar` null; or a supply table with its count years).
 * @param changes planned changes; @param years the years to compute (demand years and change years).
 * @param scale the stock's BAT scale; @param rules for the nultreden threshold and `plannen.peiljaarVoorraad`.
 * @returns entries per year and issues: info per change already in the supply, warnings for a
 *   change that cannot be placed (no matching group or area) or that removes more than there is
 *   (the figure is then held at 0). Never throws on data.
 */
export function applyPlannedChanges(
  supply: readonly SupplyEntry[],
  changes: readonly PlannedChange[],
  years: readonly number[],
  scale: BatScale,
  rules: Rules,
): PlannedSupply {
  if (changes.length === 0) return { entries: supply.slice(), toegepast: [], perJaar: [], issues: [] };
  const issues: Issue[] = [];
  const warned = new Set<string>();
  const warn = (key: string, issue: Issue) => {
    if (warned.has(key)) return;
    warned.add(key);
    issues.push(issue);
  };
  const groups = new Set(supply.map((e) => e.groep));
  const groep = groups.has(null) ? null : groups.has("ouderen") ? "ouderen" : undefined;
  if (groep === undefined) {
    issues.push(makeIssue("plannen-geen-groep", "waarschuwing", changes[0].sheet || null, null,
      "De geplande wijzigingen zijn niet verwerkt: het aanbod heeft geen groep 'ouderen' en geen aanbod zonder groep."));
    return { entries: supply.slice(), toegepast: [], perJaar: [], issues };
  }
  const areas = new Set(supply.filter((e) => e.groep === groep).map((e) => e.gebied));
  const areaOf = (c: PlannedChange): string | null | undefined => {
    if (c.gebied !== null && areas.has(c.gebied)) return c.gebied;
    if (areas.size === 1 && areas.has(null)) {
      if (c.gebied !== null) {
        warn(`gebied-totaal-${c.gebied}`, makeIssue("plannen-gebied-totaal", "info", c.sheet || null, c.cell || null,
          `De geplande wijziging in gebied '${c.gebied}' is verwerkt in het totale aanbod: het aanbod is niet per gebied.`));
      }
      return null;
    }
    warn(`gebied-${c.gebied}`, makeIssue("plannen-gebied-onbekend", "waarschuwing", c.sheet || null, c.cell || null, c.gebied === null
        ? "Een geplande wijziging heeft geen gebied, maar het aanbod is per gebied; de wijziging is niet verwerkt. Vul het gebied in."
        : `Geen aanbod voor gebied '${c.gebied}'; de geplande wijziging is niet verwerkt.`));
    return undefined;
  };
  const deltas = changes.map((c) => changeDeltas(c, scale, rules));
  changes.forEach((c, i) => {
    if (!deltas[i].some((d) => d.niveau === "bat") && c.bat === null && c.vanBat === null) {
      warn(`bat-${c.sheet}-${c.cell}`, makeIssue("plannen-zonder-bat", "info", c.sheet || null, c.cell || null,
        `${describeChange(c, scale)}: zonder BAT-klasse; alleen het aanbod per BZK-type is aangepast.`));
    }
  });

  const used = new Set<number>();
  const out: SupplyEntry[] = [];
  const perJaar: SupplyYear[] = [];
  for (const jaar of [...new Set(years)].sort((a, b) => a - b)) {
    const { entries: list, year } = pickYear([...supply], jaar);
    const threshold = year ?? rules.plannen.peiljaarVoorraad ?? -Infinity;
    const set = list.map((e) => ({ ...e, jaar }));
    changes.forEach((c, i) => {
      if (c.jaar > jaar) return;
      if (c.jaar <= threshold) {
        warn(`al-${i}`, makeIssue("plannen-al-in-aanbod", "info", c.sheet || null, c.cell || null,
          `${describeChange(c, scale)}: ligt niet na het peiljaar van het aanbod (${threshold}) en zit er dus al in; niet nog eens meegeteld.`));
        return;
      }
      const gebied = areaOf(c);
      if (gebied === undefined) return;
      used.add(i);
      for (const d of deltas[i]) applyDelta(set, d, groep, gebied, jaar, c, scale, warn);
    });
    out.push(...set);
    for (const e of set) {
      if (e.groep !== groep) continue;
      const found = perJaar.find((p) => p.jaar === jaar && p.niveau === e.niveau && p.categorie === e.categorie && p.zorgprofiel === e.zorgprofiel);
      if (found) found.aanbod += e.aanbod;
      else perJaar.push({ jaar, niveau: e.niveau, categorie: e.categorie, zorgprofiel: e.zorgprofiel, aanbod: e.aanbod });
    }
  }
  const order = (c: string) => {
    const i = (BZK_TYPES as readonly string[]).indexOf(c);
    return i < 0 ? 10 : i;
  };
  perJaar.sort((a, b) => a.jaar - b.jaar || (a.niveau === b.niveau ? 0 : a.niveau === "bzk" ? -1 : 1) || order(a.categorie) - order(b.categorie) || a.categorie.localeCompare(b.categorie));
  return { entries: out, toegepast: changes.filter((_, i) => used.has(i)), perJaar, issues };
}

/** Applies one delta to a year's entries (in place), creating an entry for an addition. */
function applyDelta(
  set: SupplyEntry[],
  d: Delta,
  groep: string | null,
  gebied: string | null,
  jaar: number,
  c: PlannedChange,
  scale: BatScale,
  warn: (key: string, issue: Issue) => void,
): void {
  const same = (e: SupplyEntry) => e.groep === groep && e.gebied === gebied && e.niveau === d.niveau && e.categorie === d.categorie;
  let target = set.find((e) => same(e) && e.zorgprofiel === d.zorgprofiel);
  if (d.delta > 0) {
    if (target === undefined) {
      target = { niveau: d.niveau, groep, categorie: d.categorie, zorgprofiel: d.zorgprofiel, jaar, gebied, aanbod: 0, sheet: c.sheet, cell: c.cell };
      set.push(target);
    }
    target.aanbod += d.delta;
    return;
  }
  // A removal without profile from a supply split by profile: take from SOM, then PG.
  const pool = target !== undefined ? [target] : set.filter((e) => same(e));
  let rest = -d.delta;
  for (const e of pool) {
    const take = Math.min(rest, e.aanbod);
    e.aanbod -= take;
    rest -= take;
  }
  if (rest > 0) {
    warn(`negatief-${jaar}-${d.niveau}-${d.categorie}`, makeIssue("plannen-meer-weg-dan-er-is", "waarschuwing", c.sheet || null, c.cell || null,
      `${describeChange(c, scale)}: er gaan meer woningen '${d.categorie}' weg dan er in ${jaar} zijn (${formatGetal(rest)} te veel); het aanbod is op 0 gehouden.`));
  }
}

/** Result of {@link computeTekortWithPlans}. */
export interface PlannedTekort {
  rows: TekortRow[];
  issues: Issue[];
  planned: PlannedSupply;
}

/**
 * The tekort (three readings, tekort.ts) with supply per demand year = supply now + the planned
 * changes up to that year. Without changes this is exactly `computeTekort(supply, demand)`
 * (including its "aanbod constant" note).
 *
 * @param years extra years for the supply-per-year table (e.g. the change years); the demand's
 *   years are always included.
 */
export function computeTekortWithPlans(
  supply: readonly SupplyEntry[],
  demand: readonly DemandEntry[],
  changes: readonly PlannedChange[],
  scale: BatScale,
  rules: Rules,
): PlannedTekort {
  const years = [...new Set([...demand.map((d) => d.jaar), ...changes.map((c) => c.jaar)])];
  const planned = applyPlannedChanges(supply, changes, years, scale, rules);
  const t = demand.length > 0 ? computeTekort(planned.entries, [...demand], { batScale: scale }) : { rows: [], issues: [] };
  const issues = [...planned.issues, ...t.issues];
  if (planned.toegepast.length > 0) {
    issues.push(makeIssue("plannen-verwerkt", "info", planned.toegepast[0].sheet || null, null,
      `Aanbod per jaar = aanbod nu + geplande wijzigingen tot en met dat jaar: ${summariseChanges(planned.toegepast)}.`));
  }
  return { rows: t.rows, issues, planned };
}
