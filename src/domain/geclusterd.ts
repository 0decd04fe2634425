/**
 * The geclusterd criteria applied to the aggregated facts of one complex (BZK/VWS definitions of
 * 21 September 2023; thresholds in `rules.geclusterd`):
 * - a meeting room: inpandig (BZK); aangrenzend only with `ontmoetingsruimteAangrenzendTelt` (VERA GEC);
 * - at least `minWoningen` dwellings, or `minWoningenLandelijk` in a rural gemeente;
 * - at least `minAandeel55plus` residents aged 55+; when the share is unknown and
 *   `label55plusAlsAandeelOnbekend`, the share of dwellings labelled 55+, with unlabelled
 *   dwellings counted both ways (proven only when even the lower bound suffices).
 * Three-valued: a known failing criterion decides "no" even when others are unknown.
 */
import type { Rules } from "./rules";
import type { ComplexFacts } from "./complexes";
import { formatPercentage, formatWoningen } from "./format";

/** The failing criterion of a complex whose meeting room is next to the building while the rules
 * ask for one inside it; the geclusterd reason and the clustering potential both say it so. */
export const ALLEEN_AANGRENZEND = "alleen een aangrenzende ontmoetingsruimte (inpandig vereist)";

/** Criterion whose fact is unknown. */
export type MissingClusterFact = "ontmoetingsruimte" | "aandeel55plus";

/** Verdict for one complex. Texts are Dutch. */
export interface ClusterVerdict {
  /** true = geclusterd, false = not, null = cannot be decided from the facts. */
  geclusterd: boolean | null;
  /** e.g. "complex C12: inpandige ontmoetingsruimte, 24 woningen, 70% 55+". */
  text: string;
  /** Failing criteria, short, for the reason: "minder dan 12 woningen". */
  why: string[];
  /** Failing criteria as facts, for "complex X heeft ...": "8 woningen (minimaal 12)". */
  failing: string[];
  /** Unknown facts that leave the verdict open (empty unless `geclusterd` is null). */
  missing: MissingClusterFact[];
  /** Dutch names of `missing`: "ontmoetingsruimte", "aandeel 55+". */
  missingText: string[];
}

/** The facts of a complex that decide geclusterd (see {@link clusterVerdict}). */
export type ClusterFacts = Pick<ComplexFacts, "ontmoetingsruimte" | "woningen" | "aandeel55plus" | "label55plusJa" | "label55plusNee" | "label55plusOnbekend">;

/**
 * The three-valued geclusterd verdict of a complex alone, without the texts: exactly
 * `judgeCluster(f, rules, landelijk).geclusterd` (which uses it). For the clustering potential,
 * which asks for every complex whether one supplied fact would make it geclusterd: building the
 * Dutch texts (`formatWoningen`, `formatPercentage`, the arrays) for each of those questions was
 * most of `findClusterCandidates`' own time (docs/performance.md).
 * @param landelijk whether the complex's gemeente is in `rules.geclusterd.landelijkeGemeenten`.
 * @returns true = geclusterd, false = a known criterion fails, null = undecided (unknown fact).
 * @example clusterVerdict({ ontmoetingsruimte: "inpandig", woningen: 24, aandeel55plus: 0.7, label55plusJa: 0, label55plusNee: 0, label55plusOnbekend: 24 },
 *   { geclusterd: { minWoningen: 12, landelijkeGemeenten: [], minWoningenLandelijk: 12, ontmoetingsruimteAangrenzendTelt: false, minAandeel55plus: 0.5, label55plusAlsAandeelOnbekend: true } }, false) === true
 * @example clusterVerdict({ ontmoetingsruimte: null, woningen: 30, aandeel55plus: 0.8, label55plusJa: 0, label55plusNee: 0, label55plusOnbekend: 30 },
 *   { geclusterd: { minWoningen: 12, landelijkeGemeenten: [], minWoningenLandelijk: 12, ontmoetingsruimteAangrenzendTelt: false, minAandeel55plus: 0.5, label55plusAlsAandeelOnbekend: true } }, false) === null
 */
export function clusterVerdict(f: ClusterFacts, rules: Pick<Rules, "geclusterd">, landelijk: boolean): boolean | null {
  const code = clusterVerdictCode(f, rules, landelijk);
  return code === VERDICT_TRUE ? true : code === VERDICT_FALSE ? false : null;
}

/** {@link clusterVerdictCode}: geclusterd. */
export const VERDICT_TRUE = 1;
/** {@link clusterVerdictCode}: a known criterion fails. */
export const VERDICT_FALSE = 2;
/** {@link clusterVerdictCode}: undecided; with {@link OPEN_ROOM} and/or {@link OPEN_SHARE} added. */
export const VERDICT_OPEN = 4;
/** Added to {@link VERDICT_OPEN} when the meeting room is unknown (`judgeCluster`'s missing "ontmoetingsruimte"). */
export const OPEN_ROOM = 8;
/** Added to {@link VERDICT_OPEN} when the 55+ share is unknown (`judgeCluster`'s missing "aandeel55plus"). */
export const OPEN_SHARE = 16;

/**
 * {@link clusterVerdict} with the criteria that leave it undecided, as one small whole number
 * (no object: the classification keeps one per complex in a typed array): {@link VERDICT_TRUE},
 * {@link VERDICT_FALSE}, or {@link VERDICT_OPEN} + {@link OPEN_ROOM} when the meeting room is
 * unknown + {@link OPEN_SHARE} when the 55+ share is (the facts that `judgeCluster` lists as
 * `missing`, in that order). The one definition of the verdict.
 * @example clusterVerdictCode({ ontmoetingsruimte: null, woningen: 30, aandeel55plus: 0.8, label55plusJa: 0, label55plusNee: 0, label55plusOnbekend: 30 },
 *   { geclusterd: { minWoningen: 12, landelijkeGemeenten: [], minWoningenLandelijk: 12, ontmoetingsruimteAangrenzendTelt: false, minAandeel55plus: 0.5, label55plusAlsAandeelOnbekend: true } }, false) === VERDICT_OPEN + OPEN_ROOM
 */
export function clusterVerdictCode(f: ClusterFacts, rules: Pick<Rules, "geclusterd">, landelijk: boolean): number {
  const g = rules.geclusterd;
  const room: boolean | null =
    f.ontmoetingsruimte === "inpandig" ? true
    : f.ontmoetingsruimte === "aangrenzend" ? g.ontmoetingsruimteAangrenzendTelt
    : f.ontmoetingsruimte === "geen" ? false
    : null;
  const size = f.woningen >= (landelijk ? g.minWoningenLandelijk : g.minWoningen);
  let share: boolean | null;
  if (f.aandeel55plus !== null) share = f.aandeel55plus >= g.minAandeel55plus;
  else if (g.label55plusAlsAandeelOnbekend && f.label55plusJa + f.label55plusNee > 0) {
    const total = f.label55plusJa + f.label55plusNee + f.label55plusOnbekend;
    share = f.label55plusJa / total >= g.minAandeel55plus ? true : (f.label55plusJa + f.label55plusOnbekend) / total < g.minAandeel55plus ? false : null;
  } else share = null;
  if (room === false || !size || share === false) return VERDICT_FALSE;
  if (room === null || share === null) return VERDICT_OPEN + (room === null ? OPEN_ROOM : 0) + (share === null ? OPEN_SHARE : 0);
  return VERDICT_TRUE;
}

/**
 * Applies the geclusterd criteria to a complex.
 * @param landelijk whether the dwelling's gemeente is in `rules.geclusterd.landelijkeGemeenten`.
 * @example judgeCluster({ complex: "C12", ontmoetingsruimte: "inpandig", woningen: 24, aandeel55plus: 0.7 },
 *   { geclusterd: { minWoningen: 12, landelijkeGemeenten: [], minWoningenLandelijk: 12, ontmoetingsruimteAangrenzendTelt: false, minAandeel55plus: 0.5, label55plusAlsAandeelOnbekend: true } }, false) ===
 *   { geclusterd: true, text: "complex C12: inpandige ontmoetingsruimte, 24 woningen, 70% 55+", why: [], failing: [], missing: [], missingText: [] }
 * @example judgeCluster({ complex: "C7", ontmoetingsruimte: "aangrenzend", woningen: 8, aandeel55plus: null, label55plusJa: 3, label55plusNee: 1, label55plusOnbekend: 4 },
 *   { geclusterd: { minWoningen: 12, landelijkeGemeenten: [], minWoningenLandelijk: 12, ontmoetingsruimteAangrenzendTelt: false, minAandeel55plus: 0.5, label55plusAlsAandeelOnbekend: true } }, false) ===
 *   { geclusterd: false, text: "complex C7: aangrenzende ontmoetingsruimte, 8 woningen, 37,5% met label 55+ en 50% onbekend",
 *     why: ["ontmoetingsruimte niet inpandig", "minder dan 12 woningen"], failing: [ALLEEN_AANGRENZEND, "8 woningen (minimaal 12)"], missing: [], missingText: [] }
 * @example judgeCluster({ complex: "C3", ontmoetingsruimte: null, woningen: 30, aandeel55plus: 0.8 }, { geclusterd: { minWoningen: 12, landelijkeGemeenten: [], minWoningenLandelijk: 12, ontmoetingsruimteAangrenzendTelt: false, minAandeel55plus: 0.5, label55plusAlsAandeelOnbekend: true } }, false).missingText === ["ontmoetingsruimte"]
 */
export function judgeCluster(f: ComplexFacts, rules: Rules, landelijk: boolean): ClusterVerdict {
  // Each criterion's text, and its failing/why/missing text or null; the lists are made at the
  // end with their exact length (a push onto an empty array reserves room for 17 elements: with
  // five lists this was about 1 KB per complex, a quarter of what classifying allocated).
  const g = rules.geclusterd;
  let roomText: string;
  let roomFailing: string | null = null;
  let roomWhy: string | null = null;
  let roomMissing = false;
  switch (f.ontmoetingsruimte) {
    case "inpandig":
      roomText = "inpandige ontmoetingsruimte";
      break;
    case "aangrenzend":
      roomText = "aangrenzende ontmoetingsruimte";
      if (!g.ontmoetingsruimteAangrenzendTelt) {
        roomFailing = ALLEEN_AANGRENZEND;
        roomWhy = "ontmoetingsruimte niet inpandig";
      }
      break;
    case "geen":
      roomText = "geen ontmoetingsruimte";
      roomFailing = "geen ontmoetingsruimte";
      roomWhy = "geen ontmoetingsruimte";
      break;
    default:
      roomText = "ontmoetingsruimte onbekend";
      roomMissing = true;
  }

  const min = landelijk ? g.minWoningenLandelijk : g.minWoningen;
  const sizeText = formatWoningen(f.woningen);
  const size = f.woningen >= min;
  const sizeFailing = size ? null : `${sizeText} (minimaal ${min}${landelijk ? ", landelijke gemeente" : ""})`;
  const sizeWhy = size ? null : `minder dan ${min} woningen`;

  let shareText: string;
  let shareFailing: string | null = null;
  let shareWhy: string | null = null;
  let shareMissing = false;
  const minPct = formatPercentage(g.minAandeel55plus);
  if (f.aandeel55plus !== null) {
    const share = f.aandeel55plus >= g.minAandeel55plus;
    shareText = `${formatPercentage(f.aandeel55plus)} 55+`;
    if (!share) {
      shareFailing = `${formatPercentage(f.aandeel55plus)} bewoners 55+ (minimaal ${minPct})`;
      shareWhy = `minder dan ${minPct} 55+`;
    }
  } else if (g.label55plusAlsAandeelOnbekend && f.label55plusJa + f.label55plusNee > 0) {
    const total = f.label55plusJa + f.label55plusNee + f.label55plusOnbekend;
    const low = f.label55plusJa / total;
    const high = (f.label55plusJa + f.label55plusOnbekend) / total;
    const share = low >= g.minAandeel55plus ? true : high < g.minAandeel55plus ? false : null;
    shareText =
      f.label55plusOnbekend > 0
        ? `${formatPercentage(low)} met label 55+ en ${formatPercentage(f.label55plusOnbekend / total)} onbekend`
        : `${formatPercentage(low)} met label 55+`;
    if (share === false) {
      shareFailing = `${f.label55plusOnbekend > 0 ? "hoogstens " : ""}${formatPercentage(high)} woningen met label 55+ (minimaal ${minPct})`;
      shareWhy = `minder dan ${minPct} met label 55+`;
    } else if (share === null) shareMissing = true;
  } else {
    shareText = "aandeel 55+ onbekend";
    shareMissing = true;
  }

  // The verdict from the one definition; the branches above only word it.
  const verdict = clusterVerdict(f, rules, landelijk);
  const undecided = verdict === null;
  return {
    geclusterd: verdict,
    text: `complex ${f.complex}: ${roomText}, ${sizeText}, ${shareText}`,
    why: present(roomWhy, sizeWhy, shareWhy),
    failing: present(roomFailing, sizeFailing, shareFailing),
    missing: undecided ? missingFacts(roomMissing, shareMissing) : [],
    missingText: undecided ? present(roomMissing ? "ontmoetingsruimte" : null, null, shareMissing ? "aandeel 55+" : null) : [],
  };
}

/** The texts that are not null, in order, as an array of exactly that length. */
function present(a: string | null, b: string | null, c: string | null): string[] {
  if (a === null) return b === null ? (c === null ? [] : [c]) : c === null ? [b] : [b, c];
  return b === null ? (c === null ? [a] : [a, c]) : c === null ? [a, b] : [a, b, c];
}

/** The missing facts of an undecided verdict, in the order of the criteria. */
function missingFacts(room: boolean, share: boolean): MissingClusterFact[] {
  return room ? (share ? ["ontmoetingsruimte", "aandeel55plus"] : ["ontmoetingsruimte"]) : share ? ["aandeel55plus"] : [];
}
