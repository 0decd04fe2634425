/**
 * Care potential (issue 6; docs/handleiding.md §5b): clustered complexes with rollator- or wheelchair-
 * suitable dwellings (Limburg BAT ≥ 2, VERA BAT4+, labels ROA/ROL/RUI: `rules.zorggeschikt`)
 * where no Wlz care is delivered yet, and the number of zorggeschikte dwellings they would add
 * if Wlz care started there.
 *
 * The gain is counted by re-classifying the complex's rows with `wlz = true` (reclassify.ts, all
 * candidate complexes together in batches), so every other zorggeschikt rule (zelfstandig, the
 * BAT threshold, declared woonvorm) still applies.
 * Only meaningful when `rules.zorggeschikt.wlzVereist`; otherwise Wlz care adds nothing and the
 * list is empty.
 */
import type { StockRow } from "./types";
import type { ComplexFactFields, StockColumns } from "./stock-columns";
import { classifiedStockOf, type Dwellings } from "./classified-stock";
import type { Rules } from "./rules";
import { gainOf, reclassifyGroups, stockComplexes, type StockComplexes } from "./reclassify";
import { compareNullLast } from "./format";

/** One clustered complex with care potential. Counts are dwellings; texts are Dutch. */
export interface CareCandidate {
  complex: string;
  eigenaar: string | null;
  gemeente: string | null;
  /** "ontbreekt": the stock says no Wlz care; "onbekend": not filled in (to check). */
  soort: "ontbreekt" | "onbekend";
  /** "geen Wlz-zorg in het complex" or "Wlz-zorg onbekend". */
  ontbreekt: string;
  /** Geclusterde dwellings in the complex now. */
  geclusterd: number;
  /** Dwellings that would become zorggeschikt with Wlz care. */
  erbijZorggeschikt: number;
  /** Indices of the complex's rows in the classified stock, ascending. */
  rijen: Int32Array;
}

/** The fact Wlz care in a complex sets on each of its rows. */
export const WLZ_FACTS: Readonly<ComplexFactFields> = Object.freeze({ wlz: true });

/** A copy of `row` with Wlz care delivered in its complex ({@link WLZ_FACTS}; the potentials and
 * the what-if set it on column-wise copies, `StockColumns.setFacts`; the tests use this row form).
 * @example withWlz({ complex: "C12", wlz: null }) === { complex: "C12", wlz: true } */
export function withWlz(row: StockRow): StockRow {
  return { ...row, ...WLZ_FACTS };
}

/** Sets Wlz care on rows `from` to `to - 1` of a column-wise copy (reclassify.ts). */
export function setWlz(copy: StockColumns, from: number, to: number): void {
  copy.setFacts(from, WLZ_FACTS, to);
}

/**
 * Finds the clustered complexes where Wlz care would add zorggeschikte dwellings.
 *
 * @param dwellings the classified stock (`classifyStock(...).classified`, typed arrays), or its dwellings as an array, in input order; @param rules the rules used.
 * @param complexes its complexes (`stockComplexes`), when already at hand.
 * @returns candidates with a gain of at least one dwelling, sorted by `erbijZorggeschikt`
 *   (descending), known "no Wlz" before unknown, then complex name. Empty when
 *   `rules.zorggeschikt.wlzVereist` is false. Never throws on data.
 */
export function findCareCandidates(
  dwellings: Dwellings,
  rules: Rules,
  complexes?: StockComplexes,
): CareCandidate[] {
  if (!rules.zorggeschikt.wlzVereist) return [];
  const stock = classifiedStockOf(dwellings);
  const { rows } = stock;
  const { collection, members } = complexes ?? stockComplexes(stock);
  const found: Array<{ f: (typeof collection.complexes)[number]; idx: Int32Array; geclusterd: number }> = [];
  collection.complexes.forEach((f, ci) => {
    if (f.wlz === true) return;
    const idx = members[ci];
    let geclusterd = 0;
    let open = 0;
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j];
      if (stock.geclusterd(i)) geclusterd += rows.aantal[i];
      if (stock.geclusterd(i) && !stock.zorggeschikt(i)) open += rows.aantal[i];
    }
    if (open > 0) found.push({ f, idx, geclusterd });
  });
  // The gains: every candidate complex re-classified with Wlz care, in batches.
  const after = reclassifyGroups(rows, found.map(({ idx }) => ({ rows: idx, change: setWlz })), rules).slots;
  const out: CareCandidate[] = [];
  found.forEach(({ f, idx, geclusterd }, k) => {
    const gain = gainOf(stock, idx, after[k]);
    if (gain.erbijZorggeschikt === 0) return;
    out.push({
      complex: f.complex,
      eigenaar: f.eigenaar,
      gemeente: f.firstRow.gemeente,
      soort: f.wlz === false ? "ontbreekt" : "onbekend",
      ontbreekt: f.wlz === false ? "geen Wlz-zorg in het complex" : "Wlz-zorg onbekend",
      geclusterd,
      erbijZorggeschikt: gain.erbijZorggeschikt,
      rijen: idx,
    });
  });
  out.sort(
    (a, b) =>
      b.erbijZorggeschikt - a.erbijZorggeschikt ||
      (a.soort === b.soort ? 0 : a.soort === "ontbreekt" ? -1 : 1) ||
      compareNullLast(a.complex, b.complex) ||
      compareNullLast(a.eigenaar, b.eigenaar),
  );
  return out;
}
