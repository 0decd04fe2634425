/**
 * What-if on aggregate data (issue 10, item 4): "adapt x% of the potentially suitable dwellings"
 * when the stock is not per dwelling but a CBS table with published percentages (the CBS route,
 * cbs.ts) and the supply a published supply table (Parkstad Tabel 2). This is how the Parkstad
 * vision's own argument can be tested: "Zelfs als dus maar 10% van deze in potentie geschikte
 * woningen aangepast zou worden ..., neemt het voorziene tekort aan nieuw te bouwen geclusterde
 * woningen met ruim 2/3e af" (Toekomstvisie §4.2).
 *
 * Method:
 * 1. Per gemeente and part of the CBS route, aangepast = round(x% × potentieel) (x from
 *    `aanpassenPerSegment` for that part: corporatie and particulier fall back to "huur"; else
 *    `aanpassenPercentage`).
 * 2. The adapted dwellings move in the supply table from regulier to nultreden (an adaptation
 *    makes a dwelling nultreden: BZK definitions of 21 September 2023), in every supply group
 *    that has both; the tekort is recomputed (same readings and planned changes as the baseline).
 * 3. The vision's own assumption is computed beside it: the adapted dwellings also become
 *    geclusterd (as if each got a meeting room and formed a cluster of at least 12 dwellings with
 *    50% 55+). The sheets show both, so the reader sees what the argument needs.
 * Levers that need complexes (meeting rooms, Wlz care) cannot apply to aggregate figures: a
 * Dutch note says so when they are set.
 *
 * Pure. Figures in dwellings.
 */
import type { Rules } from "./rules";
import type { BatScale, DemandEntry, SupplyEntry } from "./types";
import type { TekortRow } from "./tekort";
import { BAT_DEEL, type CbsRoute, type RouteDeel } from "./cbs";
import { computeTekortWithPlans, type PlannedChange } from "./plannen";
import { formatGetal } from "./format";
import { roundTo } from "./afronding";

/** Per gemeente and part: the potentieel dwellings and how many are adapted. */
export interface AggregateAdaptation {
  gemeente: string;
  /** Part of the CBS route ("koop", "huur", ...; "corporaties" for the BAT part). */
  deel: RouteDeel;
  potentieel: number;
  /** Percentage applied (0..100). */
  percentage: number;
  aangepast: number;
}

/** One tekort row of the aggregate what-if: the baseline and the two variants. */
export interface AggregateWhatIfRow {
  lezing: TekortRow["lezing"];
  groep: string | null;
  categorie: string;
  zorgprofiel: TekortRow["zorgprofiel"];
  jaar: number;
  scenario: string | null;
  gebied: string | null;
  vraag: number;
  basisAanbod: number;
  basisTekort: number;
  /** Adapted dwellings made nultreden. */
  aanbod: number;
  tekort: number;
  /** The vision's assumption: adapted dwellings also geclusterd. */
  aanbodAlsGeclusterd: number;
  tekortAlsGeclusterd: number;
}

/** Result of {@link computeAggregateWhatIf}. */
export interface AggregateWhatIfResult {
  parameters: { aanpassenPercentage: number; aanpassenPerSegment: Record<string, number> };
  aanpassing: AggregateAdaptation[];
  totaal: { potentieel: number; aangepast: number };
  /** Supply groups the adapted dwellings were added to. */
  groepen: (string | null)[];
  tekort: AggregateWhatIfRow[];
  /** Dutch notes: method, what cannot apply, and the effect on the geclusterd tekort. */
  toelichting: string[];
}

/** Input of {@link computeAggregateWhatIf}. */
export interface AggregateWhatIfInput {
  cbs: CbsRoute;
  /** Supply at type level as used for the baseline tekort (exclusive types). */
  supply: readonly SupplyEntry[];
  demand: readonly DemandEntry[];
  plannen: readonly PlannedChange[];
  batScale: BatScale;
  rules: Rules;
  /** The baseline tekort rows (as in the analysis). */
  basis: readonly TekortRow[];
}

const n = (x: number) => formatGetal(x, 0);
const clamp = (x: number) => Math.min(100, Math.max(0, Number.isFinite(x) ? x : 0));

/** Supply with `moved` dwellings per group from regulier to `to`. */
function shifted(supply: readonly SupplyEntry[], groups: readonly (string | null)[], moved: number, to: "nultreden" | "geclusterd"): SupplyEntry[] {
  const out = supply.map((e) => ({ ...e }));
  for (const g of groups) {
    const reg = out.find((e) => e.niveau === "bzk" && e.groep === g && e.categorie === "regulier" && e.gebied === null);
    const target = out.find((e) => e.niveau === "bzk" && e.groep === g && e.categorie === to && e.zorgprofiel === null && e.gebied === null);
    if (!reg) continue;
    const m = Math.min(moved, reg.aanbod);
    reg.aanbod -= m;
    if (target) target.aanbod += m;
    else out.push({ ...reg, categorie: to, aanbod: m });
  }
  return out;
}

const rowKey = (t: TekortRow) => JSON.stringify([t.lezing, t.niveau, t.groep, t.categorie, t.zorgprofiel, t.jaar, t.scenario, t.gebied]);

/**
 * Runs the aggregate what-if.
 * @returns null when there is nothing to adapt (no CBS route with gemeenten).
 */
export function computeAggregateWhatIf(input: AggregateWhatIfInput): AggregateWhatIfResult | null {
  const { cbs, rules } = input;
  if (cbs.gemeenten.length === 0) return null;
  const w = rules.watAls;
  const pct = clamp(w.aanpassenPercentage);
  const perSegment: Record<string, number> = {};
  for (const [k, x] of Object.entries(w.aanpassenPerSegment ?? {})) perSegment[k] = clamp(x);
  const pctFor = (deel: RouteDeel) =>
    perSegment[deel] ?? ((deel === "corporatie" || deel === "particulier" || deel === BAT_DEEL) ? perSegment.huur : undefined) ?? pct;
  const aanpassing: AggregateAdaptation[] = [];
  for (const g of cbs.gemeenten) {
    for (const d of g.delen) {
      if (d.potentieel === 0) continue;
      const p = pctFor(d.deel);
      aanpassing.push({ gemeente: g.gemeente, deel: d.deel, potentieel: d.potentieel, percentage: p, aangepast: Math.round((d.potentieel * p) / 100) });
    }
  }
  const totaal = { potentieel: aanpassing.reduce((s, a) => s + a.potentieel, 0), aangepast: aanpassing.reduce((s, a) => s + a.aangepast, 0) };
  const toelichting: string[] = [
    `Wat-als op de CBS-route: ${n(totaal.aangepast)} van de ${n(totaal.potentieel)} potentieel geschikte woningen aangepast ` +
      `(${Object.keys(perSegment).length > 0 ? `per deel: ${Object.entries(perSegment).map(([k, x]) => `${k} ${formatGetal(x, 1)}%`).join(", ")}; anders ` : ""}${formatGetal(pct, 1)}%). ` +
      "Een aangepaste woning wordt nultreden; in de aanbodtabel gaan ze van regulier naar nultreden.",
  ];
  if (w.ontmoetingsruimten > 0 || w.wlzComplexen > 0) {
    toelichting.push(
      `${[w.ontmoetingsruimten > 0 ? `${w.ontmoetingsruimten} ontmoetingsruimten` : null, w.wlzComplexen > 0 ? `Wlz-zorg in ${w.wlzComplexen} complexen` : null].filter(Boolean).join(" en ")} ` +
        "kan op CBS-cijfers niet worden toegepast: daarvoor zijn complexen nodig (een voorraad per woning of per complex met complex, ontmoetingsruimte en Wlz). Niet meegenomen.",
    );
  }
  const groups = [...new Set(input.supply.filter((e) => e.niveau === "bzk" && e.categorie === "regulier" && e.gebied === null).map((e) => e.groep))];
  if (groups.length === 0 || input.demand.length === 0) {
    toelichting.push(input.demand.length === 0
      ? "Zonder vraagtabel is het effect op het tekort niet te berekenen; alleen het aantal aangepaste woningen staat hieronder."
      : "De aanbodtabel heeft geen regulier aanbod om de aangepaste woningen uit te halen; het effect op het tekort is niet berekend.");
    return { parameters: { aanpassenPercentage: pct, aanpassenPerSegment: perSegment }, aanpassing, totaal, groepen: [], tekort: [], toelichting };
  }
  const asNul = computeTekortWithPlans(shifted(input.supply, groups, totaal.aangepast, "nultreden"), input.demand, input.plannen, input.batScale, rules).rows;
  const asGec = computeTekortWithPlans(shifted(input.supply, groups, totaal.aangepast, "geclusterd"), input.demand, input.plannen, input.batScale, rules).rows;
  const nulBy = new Map(asNul.map((t) => [rowKey(t), t]));
  const gecBy = new Map(asGec.map((t) => [rowKey(t), t]));
  const tekort: AggregateWhatIfRow[] = [];
  for (const b of input.basis) {
    const a = nulBy.get(rowKey(b));
    const c = gecBy.get(rowKey(b));
    if (!a || !c) continue;
    tekort.push({
      lezing: b.lezing, groep: b.groep, categorie: b.categorie, zorgprofiel: b.zorgprofiel, jaar: b.jaar, scenario: b.scenario, gebied: b.gebied,
      vraag: b.vraag, basisAanbod: b.aanbod, basisTekort: b.tekort, aanbod: a.aanbod, tekort: a.tekort, aanbodAlsGeclusterd: c.aanbod, tekortAlsGeclusterd: c.tekort,
    });
  }
  // The vision's claim concerns the geclusterd tekort: say what each variant does to it. With
  // rounding asked (rules.tekort.afronden), the figures are rounded as on the sheets, and said so;
  // the shares are of the exact figures.
  const step = rules.tekort.afronden;
  const shown = (x: number) => n(roundTo(x, step));
  const gec = tekort.filter((t) => t.lezing === "per categorie" && t.categorie === "geclusterd" && t.basisTekort > 0 && groups.includes(t.groep));
  for (const t of gec) {
    const share = (x: number) => `${formatGetal((100 * (t.basisTekort - x)) / t.basisTekort, 0)}%`;
    toelichting.push(
      `Tekort geclusterd ${t.groep ?? ""}${t.scenario ? ` (${t.scenario})` : ""} ${t.jaar}${step ? ` (afgerond op ${step})` : ""}: basis ${shown(t.basisTekort)}; ` +
        `aangepast als nultreden ${shown(t.tekort)} (${share(t.tekort)} minder); als de aangepaste woningen ook geclusterd worden ` +
        `${shown(t.tekortAlsGeclusterd)} (${share(t.tekortAlsGeclusterd)} minder).`,
    );
  }
  if (gec.length > 0) {
    toelichting.push("Aanpassen alleen maakt woningen nultreden; het tekort aan geclusterde woningen daalt pas als de aangepaste woningen ook geclusterd worden " +
      "(ontmoetingsruimte, minstens 12 woningen, minstens 50% 55-plussers). De kolommen 'als geclusterd' tonen die aanname.");
  }
  return { parameters: { aanpassenPercentage: pct, aanpassenPerSegment: perSegment }, aanpassing, totaal, groepen: groups, tekort, toelichting };
}
