/**
 * Adaptation potential from a cross table woningtype × huurklasse read beside a stock with BAT
 * scores (src/analysis/choose.ts decides when; handleiding §2, "Voorraad per woning én een
 * kruistabel"). The cross table's dwellings are assessed on their woningtype with the same rules
 * as any stock (potentieel.ts), and the outcome is kept apart from the stock's own assessment:
 * the two tables count the same stock differently and no BAT class can be linked to a woningtype,
 * so nothing is added or matched per dwelling.
 *
 * The dwelling type drives the potential (potentieel.ts). Source: Kerkrade's BAT table, 7,824
 * units, and its woningtype × huurklasse table, 7,452 units, both per 1-1-2020.
 */
import type { Aanpassing, AdaptedDwelling } from "./potentieel";
import { classifiedStockOf, type Dwellings } from "./classified-stock";
import type { AdaptationCounts } from "./cbs";

/** The adaptation potential of a cross table, beside the stock that gives the BZK types. */
export interface CrossTableAdaptation {
  /** Sheet of the cross table. */
  sheet: string;
  /** Sheet of the stock with BAT scores (BZK types, supply). */
  voorraadSheet: string;
  /** Dwellings in the cross table (sum of its cells; total row and column not counted). */
  woningen: number;
  /** Dwellings in the stock with BAT scores (sum of `aantal`). */
  voorraadWoningen: number;
  /** Cross table dwellings per outcome; "geschikt" stays 0 (no BAT: accessibility unknown). */
  totaal: AdaptationCounts;
  /** Per woningtype (row label) in table order: dwellings, outcome and its Dutch reason. */
  perWoningtype: { woningtype: string; woningen: number; aanpassing: Aanpassing; reden: string }[];
}

/**
 * Totals the assessed dwellings of a cross table per woningtype.
 * @param dwellings the cross table's classified rows (one per filled cell, `row.woningtype` set):
 *   the classified stock (`classifyStock(...).classified`, typed arrays), or its dwellings as an array.
 * @param adapted `assessAdaptation(dwellings, rules).perDwelling`, same order.
 * @param sheets the cross table's and the stock's sheet; `voorraadWoningen` the stock's dwellings.
 * @returns see {@link CrossTableAdaptation}; one entry per woningtype and outcome (rows of one
 *   woningtype share one outcome, as the rules see only the woningtype). Never throws.
 */
export function crossTableAdaptation(
  dwellings: Dwellings,
  adapted: readonly AdaptedDwelling[],
  sheets: { sheet: string; voorraadSheet: string },
  voorraadWoningen: number,
): CrossTableAdaptation {
  const totaal: AdaptationCounts = { geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 0 };
  const perType = new Map<string, CrossTableAdaptation["perWoningtype"][number]>();
  let woningen = 0;
  const rows = classifiedStockOf(dwellings).rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows.row(i);
    const n = row.aantal;
    const a = adapted[i];
    woningen += n;
    totaal[a.aanpassing] += n;
    const woningtype = row.woningtype ?? "(onbekend)";
    const key = `${woningtype}\u0000${a.aanpassing}`;
    const t = perType.get(key);
    if (t) t.woningen += n;
    else perType.set(key, { woningtype, woningen: n, aanpassing: a.aanpassing, reden: a.reden });
  }
  return { ...sheets, woningen, voorraadWoningen, totaal, perWoningtype: [...perType.values()] };
}
