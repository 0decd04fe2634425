/**
 * Clustering potential (issue 6; docs/handleiding.md §5b): complexes that meet every geclusterd criterion
 * except one — no (indoor) meeting room, a few dwellings short of the minimum, a few percentage
 * points short of the 55+ share, or one of those facts unknown — with what is missing and how many
 * dwellings would become geclusterd if it were fixed, ranked by that number.
 *
 * Method, reusing the classification rules themselves (geclusterd.ts): for each complex that is
 * not geclusterd, each criterion in turn is "fixed" in the complex facts (meeting room inpandig;
 * size = the minimum; 55+ share = the minimum); when that single fix makes the verdict of `judgeCluster` (`clusterVerdict`, without its texts) say
 * geclusterd, the complex is a candidate for that criterion, provided the miss is within the
 * margins of `rules.clusteringspotentieel` (or the fact is unknown and `onbekendMeetellen`).
 * The gain is counted by re-classifying the complex's rows with the fixed fact (reclassify.ts,
 * all candidate complexes together in batches, column-wise),
 * so it includes the dwellings that then also become zorggeschikt, and it is exact: supplying the
 * fact in the stock and classifying again gives the same numbers (property test).
 */
import type { StockRow } from "./types";
import type { ComplexFactFields, StockColumns } from "./stock-columns";
import { classifiedStockOf, type Dwellings } from "./classified-stock";
import type { Rules } from "./rules";
import type { ComplexFacts } from "./complexes";
import { ALLEEN_AANGRENZEND, clusterVerdict, type ClusterFacts } from "./geclusterd";
import { gainOf, isLandelijk, reclassifyGroups, stockComplexes, type StockComplexes } from "./reclassify";
import { compareNullLast, formatGetal, formatPercentage, formatWoningen } from "./format";

/** The geclusterd criterion a candidate misses. */
export type ClusterCriterion = "ontmoetingsruimte" | "woningen" | "aandeel55plus";

/** One complex with clustering potential. Counts are dwellings; texts are Dutch. */
export interface ClusterCandidate {
  complex: string;
  eigenaar: string | null;
  /** Gemeente of the complex's first row. */
  gemeente: string | null;
  criterium: ClusterCriterion;
  /** "ontbreekt": the fact is known and misses; "onbekend": the fact is unknown (to check). */
  soort: "ontbreekt" | "onbekend";
  /** What is missing, e.g. "geen ontmoetingsruimte", "11 woningen (minimaal 12)",
   * "47% bewoners 55+ (minimaal 50%)", "ontmoetingsruimte onbekend". */
  ontbreekt: string;
  /** What would fix it, e.g. "een inpandige ontmoetingsruimte", "1 woning meer in het complex". */
  oplossing: string;
  /** Size of the complex as used for the threshold. */
  woningen: number;
  /** Dwellings that would become geclusterd (and so also every dwelling that becomes zorggeschikt). */
  erbijGeclusterd: number;
  /** Of those, dwellings that would also become zorggeschikt. */
  erbijZorggeschikt: number;
  /** Value the fix supplies: the minimum size or share; null for the meeting room. */
  fixWaarde: number | null;
  /** Indices of the complex's rows in the classified stock, ascending (traceability, what-if). */
  rijen: Int32Array;
}

/**
 * The fact a candidate's fix supplies, to be set on every row of its complex: meeting room
 * "inpandig", complex size = the minimum, or 55+ share = the minimum.
 * @example fixFacts({ criterium: "woningen", fixWaarde: 20 }) === { complexgrootte: 20 };
 *   fixFacts({ criterium: "ontmoetingsruimte", fixWaarde: null }) === { ontmoetingsruimte: "inpandig" }
 */
export function fixFacts(c: Pick<ClusterCandidate, "criterium" | "fixWaarde">): ComplexFactFields {
  switch (c.criterium) {
    case "ontmoetingsruimte":
      return { ontmoetingsruimte: "inpandig" };
    case "woningen":
      return { complexgrootte: c.fixWaarde };
    default:
      return { aandeel55plus: c.fixWaarde };
  }
}

/**
 * A copy of `row` with the candidate's missing fact supplied ({@link fixFacts}). The potentials
 * and the what-if set the same facts on column-wise copies (`StockColumns.setFacts`); the tests
 * use this row form.
 * @example fixClusterRow({ criterium: "woningen", fixWaarde: 20 }, { complex: "C12", complexgrootte: null }) === { complex: "C12", complexgrootte: 20 };
 *   fixClusterRow({ criterium: "ontmoetingsruimte", fixWaarde: null }, { complex: "C12", ontmoetingsruimte: null }).ontmoetingsruimte === "inpandig"
 */
export function fixClusterRow(c: Pick<ClusterCandidate, "criterium" | "fixWaarde">, row: StockRow): StockRow {
  return { ...row, ...fixFacts(c) };
}

/** The candidate for one complex (without the gain), or null. */
function judgeCandidate(
  f: ComplexFacts,
  rules: Rules,
  landelijk: boolean,
): Omit<ClusterCandidate, "erbijGeclusterd" | "erbijZorggeschikt" | "rijen" | "gemeente"> | null {
  const g = rules.geclusterd;
  const p = rules.clusteringspotentieel;
  const base = { complex: f.complex, eigenaar: f.eigenaar, woningen: f.woningen };
  const minWoningen = landelijk ? g.minWoningenLandelijk : g.minWoningen;
  const minPct = formatPercentage(g.minAandeel55plus);
  const fixes = (facts: Partial<ClusterFacts>) => clusterVerdict({ ...f, ...facts }, rules, landelijk) === true;

  if (fixes({ ontmoetingsruimte: "inpandig" })) {
    if (f.ontmoetingsruimte === null) {
      if (!p.onbekendMeetellen) return null;
      return { ...base, criterium: "ontmoetingsruimte", soort: "onbekend", ontbreekt: "ontmoetingsruimte onbekend", oplossing: "nagaan of er een inpandige ontmoetingsruimte is; zo niet, er een maken", fixWaarde: null };
    }
    return {
      ...base,
      criterium: "ontmoetingsruimte",
      soort: "ontbreekt",
      ontbreekt: f.ontmoetingsruimte === "aangrenzend" ? ALLEEN_AANGRENZEND : "geen ontmoetingsruimte",
      oplossing: "een inpandige ontmoetingsruimte",
      fixWaarde: null,
    };
  }
  if (fixes({ woningen: minWoningen })) {
    const gap = minWoningen - f.woningen;
    if (gap > p.woningenMarge) return null;
    return {
      ...base,
      criterium: "woningen",
      soort: "ontbreekt",
      ontbreekt: `${formatWoningen(f.woningen)} (minimaal ${minWoningen}${landelijk ? ", landelijke gemeente" : ""})`,
      oplossing: `${formatWoningen(gap)} meer in het complex (bijvoorbeeld samenvoegen met een naburig complex)`,
      fixWaarde: minWoningen,
    };
  }
  if (fixes({ aandeel55plus: g.minAandeel55plus })) {
    let share: number | null = f.aandeel55plus;
    let label = false;
    if (share === null && g.label55plusAlsAandeelOnbekend && f.label55plusJa + f.label55plusNee > 0) {
      const total = f.label55plusJa + f.label55plusNee + f.label55plusOnbekend;
      const high = (f.label55plusJa + f.label55plusOnbekend) / total;
      // Labels that prove too few 55+ even at best count as a known miss; otherwise unknown.
      if (high < g.minAandeel55plus) {
        share = high;
        label = true;
      }
    }
    if (share === null) {
      if (!p.onbekendMeetellen) return null;
      return { ...base, criterium: "aandeel55plus", soort: "onbekend", ontbreekt: "aandeel bewoners 55+ onbekend", oplossing: `het aandeel 55+ nagaan (minimaal ${minPct})`, fixWaarde: g.minAandeel55plus };
    }
    const gap = g.minAandeel55plus - share;
    if (gap > p.aandeel55plusMarge + 1e-9) return null;
    return {
      ...base,
      criterium: "aandeel55plus",
      soort: "ontbreekt",
      ontbreekt: label ? `hoogstens ${formatPercentage(share)} woningen met label 55+ (minimaal ${minPct})` : `${formatPercentage(share)} bewoners 55+ (minimaal ${minPct})`,
      oplossing: `${formatGetal(Math.ceil(gap * 1000 - 1e-6) / 10, 1)} procentpunt meer 55-plussers, bijvoorbeeld door voorrang bij nieuwe verhuringen`,
      fixWaarde: g.minAandeel55plus,
    };
  }
  return null;
}

/**
 * Finds the complexes with clustering potential.
 *
 * @param dwellings the classified stock (`classifyStock(...).classified`, typed arrays), or its dwellings as an array, in input order.
 * @param rules the rules used for that classification.
 * @param complexes its complexes (`stockComplexes`), when already at hand.
 * @returns candidates with a gain of at least one dwelling, sorted by `erbijGeclusterd`
 *   (descending), then `erbijZorggeschikt`, known misses before unknown facts, then complex
 *   name (Dutch collation). Rows without complex are never candidates. O(n) plus one
 *   classification of the candidate complexes' rows (batched, `reclassifyGroups`). Never throws
 *   on data.
 */
export function findClusterCandidates(
  dwellings: Dwellings,
  rules: Rules,
  complexes?: StockComplexes,
): ClusterCandidate[] {
  const stock = classifiedStockOf(dwellings);
  const { rows } = stock;
  const { collection, members } = complexes ?? stockComplexes(stock);
  const found: Array<{ c: NonNullable<ReturnType<typeof judgeCandidate>>; gemeente: string | null; idx: Int32Array }> = [];
  collection.complexes.forEach((f, ci) => {
    const idx = members[ci];
    let open = 0;
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j];
      if (stock.nultreden(i) && !stock.geclusterd(i)) open += rows.aantal[i];
    }
    if (open === 0) return;
    const gemeente = f.firstRow.gemeente;
    const c = judgeCandidate(f, rules, isLandelijk(gemeente, rules));
    if (c !== null) found.push({ c, gemeente, idx });
  });
  // The gains: every candidate complex re-classified with its fact supplied, in batches.
  const after = reclassifyGroups(
    rows,
    found.map(({ c, idx }) => {
      const facts = fixFacts(c);
      return { rows: idx, change: (copy: StockColumns, from: number, to: number) => copy.setFacts(from, facts, to) };
    }),
    rules,
  ).slots;
  const out: ClusterCandidate[] = [];
  found.forEach(({ c, gemeente, idx }, k) => {
    const gain = gainOf(stock, idx, after[k]);
    if (gain.erbijGeclusterd === 0) return;
    out.push({ ...c, gemeente, erbijGeclusterd: gain.erbijGeclusterd, erbijZorggeschikt: gain.erbijZorggeschikt, rijen: idx });
  });
  out.sort(
    (a, b) =>
      b.erbijGeclusterd - a.erbijGeclusterd ||
      b.erbijZorggeschikt - a.erbijZorggeschikt ||
      (a.soort === b.soort ? 0 : a.soort === "ontbreekt" ? -1 : 1) ||
      compareNullLast(a.complex, b.complex) ||
      compareNullLast(a.eigenaar, b.eigenaar),
  );
  return out;
}
