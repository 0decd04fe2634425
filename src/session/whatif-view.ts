/**
 * Pure helpers for the what-if panel of the results step: what the pane needs to offer the
 * levers (segments with potentieel dwellings, how many candidate complexes there are) and what
 * it shows of one scenario (the tekort beside the baseline in the three readings, the supply now,
 * and what each lever did). Small on purpose: it crosses from the worker to the page on every
 * change of an input; the full what-if result (with every adapted dwelling) stays in the session.
 */
import type { Rules } from "../domain/rules";
import { SEGMENT_ONBEKEND } from "../domain/types";
import type { WhatIfBase, WhatIfComplex, WhatIfResult } from "../domain/whatif";
import type { Lezing } from "../domain/tekort";
import type { Niveau } from "../domain/types";
import { roundTo } from "../report/format";
import { categoryLabel } from "./labels";

/** The levers of one scenario, as kept in the rules (`rules.watAls`) and saved with the workbook. */
export type Scenario = Rules["watAls"];

/** What the panel can offer for an analysis (part of the run summary). Counts are dwellings or complexes. */
export interface WhatIfOptions {
  /** Segments with potentieel dwellings (key for `aanpassenPerSegment`; "(onbekend)" without segment). */
  segmenten: { segment: string; potentieel: number }[];
  /** Complexes where a meeting room is known to be missing (the room candidates, best first). */
  ontmoetingsruimteKandidaten: number;
  /** Clustered complexes without Wlz care (the care candidates). */
  wlzKandidaten: number;
  /** Planned changes read from the workbook. */
  plannen: number;
  /** True when demand and supply gave a tekort (otherwise the panel shows the supply only). */
  tekortBerekend: boolean;
  /** The run's own scenario (`rules.watAls`, clamped to the candidates): the panel starts here. */
  standaard: Scenario;
  /** Dutch note when the potentieel dwellings are estimated from a cross table beside a stock
   * without woningtype (whatif-kruistabel.ts: which table, the share, the assumption); absent
   * when they come from the stock itself. */
  potentieelBron?: string;
}

/** One tekort row of the scenario beside the baseline, rounded as on the Tekort sheet. */
export interface WhatIfViewRow {
  lezing: Lezing;
  niveau: Niveau;
  groep: string | null;
  /** Category with its zorgprofiel, e.g. "zorggeschikt (PG)". */
  categorie: string;
  jaar: number;
  scenario: string | null;
  gebied: string | null;
  vraag: number;
  /** Tekort of the baseline; null when the baseline has no such row. */
  basis: number | null;
  watAls: number;
  /** watAls − basis of the rounded figures (negative = less shortage); null without a baseline row. */
  verschil: number | null;
}

/** Supply now of one BZK type, exclusive ("hoogste type"), baseline and scenario. */
export interface WhatIfSupplyRow {
  type: string;
  basis: number;
  watAls: number;
}

/** What the panel shows of one scenario. */
export interface WhatIfView {
  /** The levers as applied (clamped to 0-100% and to the number of candidates). */
  parameters: Scenario;
  tekort: WhatIfViewRow[];
  aanbod: WhatIfSupplyRow[];
  /** Per segment: the potentieel dwellings, how many were adapted and what they became. */
  aanpassing: { segment: string; percentage: number; potentieel: number; aangepast: number; naarNultreden: number; naarGeclusterd: number; naarZorggeschikt: number }[];
  /** The complexes that got a meeting room or Wlz care, in the order chosen. */
  ontmoetingsruimten: WhatIfComplex[];
  wlz: WhatIfComplex[];
  /** Planned changes carried out in the scenario. */
  plannen: number;
}

/** The scenario part of the parameters as applied (without the count of extra changes). */
function scenarioOf(p: WhatIfResult["parameters"]): Scenario {
  return {
    aanpassenPercentage: p.aanpassenPercentage,
    aanpassenPerSegment: { ...p.aanpassenPerSegment },
    ontmoetingsruimten: p.ontmoetingsruimten,
    wlzComplexen: p.wlzComplexen,
    plannen: p.plannen,
  };
}

/**
 * The panel's options for an analysis.
 * @param base the analysis's what-if base; null (no stock per dwelling) → null.
 * @param standaard the analysis's own scenario (`result.watAls`).
 * @param tekortBerekend whether the analysis computed a tekort.
 */
export function whatIfOptions(base: WhatIfBase | null, standaard: WhatIfResult | null, tekortBerekend: boolean): WhatIfOptions | null {
  if (!base || !standaard) return null;
  return {
    segmenten: base.pools.map((p) => ({ segment: p.segment ?? SEGMENT_ONBEKEND, potentieel: p.dwellings })),
    ontmoetingsruimteKandidaten: base.rooms.length,
    wlzKandidaten: base.care.length,
    plannen: base.input.plannen.length,
    tekortBerekend,
    standaard: scenarioOf(standaard.parameters),
    ...(base.bron.soort === "kruistabel" ? { potentieelBron: base.bron.toelichting } : {}),
  };
}

/**
 * What the panel shows of a scenario.
 * @param result from `computeWhatIf` (a trace is not needed).
 * @param afronden rounding step of the tekort (as on the Tekort sheet); null = not rounded.
 */
export function whatIfView(result: WhatIfResult, afronden: number | null): WhatIfView {
  const round = (n: number) => roundTo(n, afronden);
  const b = result.aanbod.basis.perBzk;
  const s = result.aanbod.scenario.perBzk;
  return {
    parameters: scenarioOf(result.parameters),
    tekort: result.tekort.map((t) => {
      const basis = t.basisTekort === null ? null : round(t.basisTekort);
      const watAls = round(t.tekort);
      return {
        lezing: t.lezing, niveau: t.niveau, groep: t.groep, categorie: categoryLabel(t.categorie, t.zorgprofiel), jaar: t.jaar,
        scenario: t.scenario, gebied: t.gebied, vraag: t.vraag, basis, watAls, verschil: basis === null ? null : watAls - basis,
      };
    }),
    aanbod: (["regulier", "nultreden", "geclusterd", "zorggeschikt", "onbekend"] as const).map((type) => ({ type, basis: b[type], watAls: s[type] })),
    aanpassing: result.aanpassing.map((a) => ({ ...a, segment: a.segment ?? SEGMENT_ONBEKEND })),
    ontmoetingsruimten: result.ontmoetingsruimten,
    wlz: result.wlz,
    plannen: result.plannen.length,
  };
}

/** One demand set of the tekort rows: what the panel's "Vraag" choice selects. */
export interface DemandSet {
  /** Stable key of the set (niveau, groep, scenario, gebied). */
  key: string;
  /** Dutch label, e.g. "ouderen, scenario basis". */
  label: string;
}

/** The key of a row's demand set. */
export function demandSetKey(r: Pick<WhatIfViewRow, "niveau" | "groep" | "scenario" | "gebied">): string {
  return JSON.stringify([r.niveau, r.groep, r.scenario, r.gebied]);
}

/**
 * The demand sets and years of the tekort rows, in the order of the rows.
 * The label names the level only when the rows have both BZK and BAT demand.
 */
export function demandSets(rows: readonly WhatIfViewRow[]): { sets: DemandSet[]; jaren: number[] } {
  const levels = new Set(rows.map((r) => r.niveau));
  const sets = new Map<string, DemandSet>();
  const jaren = new Set<number>();
  for (const r of rows) {
    jaren.add(r.jaar);
    const key = demandSetKey(r);
    if (sets.has(key)) continue;
    const parts = [
      levels.size > 1 ? (r.niveau === "bzk" ? "BZK-typen" : "BAT-klassen") : null,
      r.groep,
      r.scenario ? `scenario ${r.scenario}` : null,
      r.gebied,
    ].filter((p): p is string => p !== null && p !== "");
    sets.set(key, { key, label: parts.length > 0 ? parts.join(", ") : "vraag" });
  }
  return { sets: [...sets.values()], jaren: [...jaren].sort((a, b) => a - b) };
}
