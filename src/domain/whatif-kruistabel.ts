/**
 * Where the what-if's "adapt x% of the potentieel dwellings" takes its potentieel dwellings from
 * (issue 10 item 4; handleiding §5, "Wat-als"). Normally from the stock's own assessment per
 * dwelling (potentieel.ts). A stock with BAT scores but without woningtype (Kerkrade's BAT table
 * per corporatie, 7,824 units) has no potentieel dwellings of its own; when a cross table
 * woningtype × huurklasse is read beside it (potentieel-kruistabel.ts: 7,452 units, of which
 * 4,933 ground-level or stacked with a lift are potentieel), the what-if estimates them from it:
 *
 * - the candidates are the stock's dwellings that are not yet nultreden and whose form decides
 *   (aanpassing "onbekend": below the nultreden threshold, no woningtype);
 * - of them, the cross table's share of potentieel dwellings (potentieel ÷ all its dwellings;
 *   its "onbekend", such as stacked without a lift, not counted) is taken as potentieel, in the
 *   order of the stock table, rounded to whole dwellings cumulatively per segment (so the
 *   segment's total is round(share × candidates));
 * - assumed: woningtype and BAT class are independent (the two tables cannot be linked per
 *   dwelling). The Dutch note says so and names both sheets.
 *
 * Pure. Counts in dwellings.
 */
import type { CrossTableAdaptation } from "./potentieel-kruistabel";
import { formatGetal, formatLijst, formatWoningen } from "./format";

/** The potentieel dwellings come from the stock's own assessment. */
export interface BronVoorraad {
  soort: "voorraad";
}

/** The potentieel dwellings are estimated from a cross table beside the stock (module comment). */
export interface BronKruistabel {
  soort: "kruistabel";
  /** Sheet of the cross table, and of the stock the what-if moves dwellings in. */
  sheet: string;
  voorraadSheet: string;
  /** The cross table's dwellings and its potentieel ones (its printed cells, summed). */
  kruistabelWoningen: number;
  kruistabelPotentieel: number;
  /** kruistabelPotentieel ÷ kruistabelWoningen (0..1; 0 for an empty table). */
  aandeel: number;
  /** Stock dwellings not yet nultreden whose form decides (the candidates). */
  kandidaten: number;
  /** Of the candidates, those whose accessibility is unknown (no usable BAT score, label or
   * declared woonvorm; BZK "onbekend"): counted as not yet nultreden, though some may already be. */
  kandidatenZonderBat: number;
  /** Of them, estimated potentieel (the pools of the what-if; sum over segments). */
  potentieel: number;
  /** Dutch explanation: which table, the share, the candidates, the assumption. */
  toelichting: string;
}

/** Where the what-if's potentieel dwellings come from. */
export type PotentieelBron = BronVoorraad | BronKruistabel;

/**
 * The share of a cross table's dwellings that is potentieel.
 * @example crossTableShare({ woningen: 7452, totaal: { geschikt: 0, potentieel: 4933, ongeschikt: 0, onbekend: 2519 } }) === 4933 / 7452
 * @example crossTableShare({ woningen: 0, totaal: { geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 0 } }) === 0
 */
export function crossTableShare(k: Pick<CrossTableAdaptation, "woningen" | "totaal">): number {
  return k.woningen > 0 ? k.totaal.potentieel / k.woningen : 0;
}

/**
 * Potentieel dwellings per candidate row: cumulative rounding of `aantal × share`, so that the
 * amounts are whole dwellings and sum to round(share × Σ aantal).
 * @param aantallen dwellings of the candidate rows of one segment, in table order.
 * @returns the potentieel dwellings per row (same order; each 0..aantal).
 * @example shareOfRows([3, 3, 3], 0.5) === [2, 1, 2]
 * @example shareOfRows([10, 5], 1) === [10, 5]
 */
export function shareOfRows(aantallen: readonly number[], share: number): number[] {
  let cum = 0;
  let before = 0;
  return aantallen.map((n) => {
    cum += n;
    const upTo = Math.round(cum * share);
    const amount = Math.min(n, Math.max(0, upTo - before));
    before += amount;
    return amount;
  });
}

/** What the what-if counted in the stock for {@link crossTableSource}, in dwellings. */
export interface CrossTableCounts {
  /** Candidates: not yet nultreden, form decides (aanpassing "onbekend"). */
  kandidaten: number;
  /** Of them, without a usable BAT score, label or declaration (BZK "onbekend"). */
  zonderBat: number;
  /** Of them, estimated potentieel (the pools). */
  potentieel: number;
}

/**
 * The source description of a what-if whose potentieel comes from a cross table.
 * @param k the cross table's adaptation potential; @param counts as counted by the what-if
 *   (dwellings); @param adaptedBat the BAT class an adapted dwelling gets (as written on its scale).
 * The Dutch toelichting names both sheets, the share and the assumption, and, when some candidates
 * have no usable BAT score (their accessibility unknown, counted as not yet nultreden as in the
 * adaptation potential, potentieel.ts), how many and that the estimate is then an upper bound.
 */
export function crossTableSource(k: CrossTableAdaptation, counts: CrossTableCounts, adaptedBat: string): BronKruistabel {
  const { kandidaten, zonderBat, potentieel } = counts;
  const aandeel = crossTableShare(k);
  const types = formatLijst([...new Set(k.perWoningtype.filter((w) => w.aanpassing === "potentieel").map((w) => w.woningtype))]);
  const toelichting =
    `Wat-als rekent met het aanpassingspotentieel uit de kruistabel op blad '${k.sheet}': daar is ${formatGetal(100 * aandeel, 1)}% ` +
    `van de ${formatWoningen(k.woningen)} potentieel geschikt (${formatGetal(k.totaal.potentieel, 0)}${types ? `: ${types}` : ""}). ` +
    `De voorraad op blad '${k.voorraadSheet}' heeft geen woningtype; van haar ${formatWoningen(kandidaten)} die nog niet nultreden zijn, ` +
    `is hetzelfde aandeel als potentieel geschikt genomen: ${formatWoningen(potentieel)}. Aangenomen is dus dat woningtype en BAT-klasse ` +
    `los van elkaar staan; welke woningen het zijn, zeggen de tabellen niet. Een aangepaste woning krijgt ${adaptedBat} en wordt opnieuw ingedeeld.` +
    (zonderBat > 0
      ? ` Van de ${formatWoningen(kandidaten)} ${zonderBat === 1 ? "heeft er 1" : `hebben er ${formatGetal(zonderBat, 0)}`} geen bruikbare BAT-score of ` +
        `toegankelijkheidslabel; ze tellen mee alsof ze nog niet nultreden zijn, maar een deel kan al geschikt zijn. ` +
        `Het potentieel is daardoor mogelijk te hoog.`
      : "");
  return {
    soort: "kruistabel", sheet: k.sheet, voorraadSheet: k.voorraadSheet, kruistabelWoningen: k.woningen, kruistabelPotentieel: k.totaal.potentieel,
    aandeel, kandidaten, kandidatenZonderBat: zonderBat, potentieel, toelichting,
  };
}
