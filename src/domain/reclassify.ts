/**
 * Re-classifying one complex with a changed fact ("what if this complex had a meeting room / Wlz
 * care?"). The facts that decide geclusterd and zorggeschikt belong to the complex
 * (complexes.ts), so classifying the rows of one complex on their own gives the same result as
 * classifying them within the whole stock, and classifying many complexes together gives the
 * same result as one by one; the property tests in test/domain hold the predictions made this
 * way to a full re-classification of the stock, and the batched re-classification to the
 * per-complex one.
 */
import type { StockRow } from "./types";
import type { Rules } from "./rules";
import { classifySlots } from "./classify";
import { classifiedStockOf, slotIsGeclusterd, slotIsZorggeschikt, type Dwellings } from "./classified-stock";
import { collectComplexes, type ComplexCollection } from "./complexes";
import { gemeenteKey } from "./gemeente";

/**
 * The row indices of every complex, from `collectComplexes(rows)`.
 * @returns per complex (same order as `collection.complexes`) the indices into `rows`, ascending.
 * @example complexMembers({ complexes: [{ complex: "C12" }, { complex: "C7" }], rowComplex: Int32Array.from([0, 1, -1, 0]) }).map((m) => [...m]) === [[0, 3], [1]]
 */
export function complexMembers(collection: ComplexCollection): Int32Array[] {
  const counts = new Int32Array(collection.complexes.length);
  const rc = collection.rowComplex;
  for (let i = 0; i < rc.length; i++) if (rc[i] >= 0) counts[rc[i]]++;
  const out = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(counts.length);
  for (let i = 0; i < rc.length; i++) {
    const c = rc[i];
    if (c >= 0) out[c][fill[c]++] = i;
  }
  return out;
}

/** The complexes of a classified stock and the rows of each (computed once, shared by the potentials and the what-if base). */
export interface StockComplexes {
  /** `collectComplexes` of the stock's rows. */
  collection: ComplexCollection;
  /** Per complex its row indices, ascending (`complexMembers`). */
  members: Int32Array[];
}

/**
 * The complexes of a classified stock.
 * @param dwellings the classified stock (`classifyStock(...).classified`, typed arrays), or its dwellings as an array; @param collection `collectComplexes` of its rows when
 *   already at hand (`classifyStock` returns it), else computed here. O(n).
 */
export function stockComplexes(dwellings: Dwellings, collection?: ComplexCollection): StockComplexes {
  const c = collection ?? collectComplexes(classifiedStockOf(dwellings).rows);
  return { collection: c, members: complexMembers(c) };
}

/**
 * Rows per batch when many complexes are re-classified (`reclassifyGroups`, and the adapted
 * stock of the what-if base). Each batch copies its changed rows (a `StockRow` of about 240
 * bytes each), which live until the batch is classified: 8,192 rows are about 2-3 MB, small
 * enough to die in the young generation, where batches of 65,536 (15-20 MB) survived a scavenge
 * or two and were copied each time. The per-batch set-up (complex facts, lookup tables) is a
 * few microseconds. Only speed and transient memory depend on it, never the result (property
 * tests); figures in docs/performance.md ("The domain core, evening of 6 December").
 */
export const RECLASSIFY_BATCH_ROWS = 8192;

/** Rows to re-classify with a changed fact: every row of one complex, or rows without complex. */
export interface ReclassifyGroup {
  /** Indices into the stock rows, e.g. a complex's `rijen` / `complexMembers` entry. */
  rows: ArrayLike<number>;
  /** Returns a changed copy of stock row `i` (never modifies the row). */
  change: (i: number) => StockRow;
}

/**
 * Re-classifies many groups at once: the changed rows of whole groups are classified together in
 * batches of about `batchRows` rows (`classifySlots`), so the per-run set-up of a classification
 * (complex facts, caches, lookup tables) is paid once per batch, not once per complex. The result
 * equals classifying each group on its own (property test), because a row's type depends only
 * on its own facts and those of its complex (complexes.ts), provided that each group holds every
 * row of its complex and no two groups share a complex (rows without complex may be anywhere).
 *
 * @param groups the groups (see above); @param rules the rules.
 * @param batchRows rows per batch (default {@link RECLASSIFY_BATCH_ROWS}); only the transient
 *   memory depends on it, never the result.
 * @returns per group (same order) the BZK slots (supply-vector.ts) of its changed rows, parallel
 *   to `group.rows`. Never throws on data.
 */
export function reclassifyGroups(
  groups: readonly ReclassifyGroup[],
  rules: Rules,
  batchRows = RECLASSIFY_BATCH_ROWS,
): Uint8Array[] {
  const out: Uint8Array[] = new Array(groups.length);
  const limit = Math.max(1, batchRows);
  let first = 0;
  while (first < groups.length) {
    // Whole groups up to about `limit` rows (at least one group).
    let size = groups[first].rows.length;
    let last = first + 1;
    while (last < groups.length && size + groups[last].rows.length <= limit) size += groups[last++].rows.length;
    const changed: StockRow[] = new Array(size);
    let k = 0;
    for (let g = first; g < last; g++) {
      const { rows: idx, change } = groups[g];
      for (let j = 0; j < idx.length; j++) changed[k++] = change(idx[j]);
    }
    const slots = classifySlots(changed, rules);
    k = 0;
    for (let g = first; g < last; g++) {
      const n = groups[g].rows.length;
      out[g] = slots.subarray(k, k + n);
      k += n;
    }
    first = last;
  }
  return out;
}

/** What a changed fact adds, counted over the rows of one complex. Counts are dwellings. */
export interface ComplexGain {
  /** Dwellings that become geclusterd (cumulative: not geclusterd before, geclusterd after). */
  erbijGeclusterd: number;
  /** Dwellings that become zorggeschikt. */
  erbijZorggeschikt: number;
}

/**
 * The dwellings of one group that gain a type: geclusterd or zorggeschikt after (`after`, the
 * group's slots from `reclassifyGroups`) and not before (`before`, the classified stock's slots).
 * @param indices the group's rows (parallel to `after`); counts weigh each row by `aantal`.
 * @example gainOf({ rows: { aantal: [1, 24, 6] }, slots: Uint8Array.from([0, 1, 2]) },
 *   [1, 2], Uint8Array.from([2, 4])) === { erbijGeclusterd: 24, erbijZorggeschikt: 6 }
 */
export function gainOf(before: { rows: { aantal: ArrayLike<number> }; slots: Uint8Array }, indices: ArrayLike<number>, after: Uint8Array): ComplexGain {
  let g = 0;
  let z = 0;
  const { rows, slots } = before;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    const b = slots[i];
    const a = after[j];
    if (!slotIsGeclusterd(b) && slotIsGeclusterd(a)) g += rows.aantal[i];
    if (!slotIsZorggeschikt(b) && slotIsZorggeschikt(a)) z += rows.aantal[i];
  }
  return { erbijGeclusterd: g, erbijZorggeschikt: z };
}

/** Whether a gemeente is rural under the rules (names compared by `gemeenteKey`, as in classify.ts).
 * @example isLandelijk("Gemeente Beekdaelen", { geclusterd: { landelijkeGemeenten: ["Beekdaelen"] } }) === true; isLandelijk(null, { geclusterd: { landelijkeGemeenten: ["Beekdaelen"] } }) === false */
export function isLandelijk(gemeente: string | null, rules: Rules): boolean {
  if (gemeente === null) return false;
  const g = gemeenteKey(gemeente);
  return rules.geclusterd.landelijkeGemeenten.some((x) => gemeenteKey(x) === g);
}
