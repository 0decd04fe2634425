/**
 * Re-classifying one complex with a changed fact ("what if this complex had a meeting room / Wlz
 * care?"). The facts that decide geclusterd and zorggeschikt belong to the complex
 * (complexes.ts), so classifying the rows of one complex on their own gives the same result as
 * classifying them within the whole stock, and classifying many complexes together gives the
 * same result as one by one; the property tests in test/domain hold the predictions made this
 * way to a full re-classification of the stock, and the batched re-classification to the
 * per-complex one.
 */
import type { Rules } from "./rules";
import { classifySlotsAt } from "./classify";
import type { StockColumns } from "./stock-columns";
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
 * Rows per batch when many complexes are re-classified (`reclassifyGroups`). Each batch copies
 * its rows column-wise (`StockColumns.subset`, about 110 bytes a row, no object per row) and
 * collects their complexes once; larger batches pay the per-batch set-up (complex facts, lookup
 * tables) less often, smaller ones hold less transient memory (65,536 rows: about 7 MB). Only
 * speed and transient memory depend on it, never the result (property tests); figures in
 * docs/performance.md ("Potentials and what-if base ...").
 */
export const RECLASSIFY_BATCH_ROWS = 65536;

/** Rows to re-classify with a changed fact: every row of one complex, or rows without complex. */
export interface ReclassifyGroup {
  /** Indices into the stock rows, e.g. a complex's `rijen` / `complexMembers` entry. */
  rows: ArrayLike<number>;
  /**
   * Sets the changed fact on rows `from` to `to - 1` of `copy` (the group's rows, in order), a
   * column-wise copy of the batch's rows (its own arrays, sharing only the text tables: write
   * with `copy.setFacts(from, facts, to)` or `copy.setBat`); never changes the stock itself.
   */
  change: (copy: StockColumns, from: number, to: number) => void;
}

/** A second change made after the first, on some rows only (the what-if: adapting the potentieel
 * dwellings of a complex that got its lever). It may change only facts of the row's own, such as
 * the BAT, its scale or the toegankelijkheidslabel; never a fact that is aggregated per complex
 * (complexes.ts: ontmoetingsruimte, complexgrootte, aandeel55plus, label55plus, Wlz). */
export interface FurtherChange {
  /** Per stock row 1 when it gets the change, else 0. */
  rows: Uint8Array;
  /** Sets it on row `j` of the copy. */
  change: (copy: StockColumns, j: number) => void;
}

/** BZK slots of the groups' changed rows, and (with a {@link FurtherChange}) after the second change. */
export interface Reclassified {
  /** Per group (same order) the slots of its rows with its change, parallel to `group.rows`. */
  slots: Uint8Array[];
  /** Per group the slots with both changes: re-classified where `then.rows` holds, else equal
   * to `slots`; null without a further change. */
  then: Uint8Array[] | null;
}

/**
 * Re-classifies many groups at once: the rows of whole groups are copied column-wise together
 * in batches of about `batchRows` rows, each group's change is written into the copy, the
 * copy's complexes are collected once and its rows classified (`classifySlotsAt`); so the
 * per-run set-up of a classification is paid once per batch, not once per complex, and no
 * object is made per row. The result equals classifying each group's changed rows on their own
 * (property test), because a row's type depends only on its own facts and those of its complex
 * (complexes.ts), provided that each group holds every row of its complex and no two groups
 * share a complex (rows without complex may be anywhere).
 *
 * @param stock the stock rows, column-wise (read, never changed).
 * @param groups the groups (see above); @param rules the rules.
 * @param batchRows rows per batch (default {@link RECLASSIFY_BATCH_ROWS}); only the transient
 *   memory depends on it, never the result.
 * @param then a second change on some rows, classified with the same complex facts (see
 *   {@link FurtherChange}); absent: `then` is null.
 * @returns the BZK slots (supply-vector.ts numbering) per group. Never throws on data.
 */
export function reclassifyGroups(
  stock: StockColumns,
  groups: readonly ReclassifyGroup[],
  rules: Rules,
  batchRows = RECLASSIFY_BATCH_ROWS,
  then?: FurtherChange,
): Reclassified {
  const out: Uint8Array[] = new Array(groups.length);
  const outThen: Uint8Array[] | null = then ? new Array(groups.length) : null;
  const limit = Math.max(1, batchRows);
  // The previous batch's copy: its memory holds the next one (one set of columns for all batches).
  let scratch: StockColumns | null = null;
  let idxMemory = new Int32Array(0);
  let selMemory = new Int32Array(0);
  let first = 0;
  while (first < groups.length) {
    // Whole groups up to about `limit` rows (at least one group).
    let size = groups[first].rows.length;
    let last = first + 1;
    while (last < groups.length && size + groups[last].rows.length <= limit) size += groups[last++].rows.length;
    if (idxMemory.length < size) {
      idxMemory = new Int32Array(size);
      selMemory = new Int32Array(size);
    }
    const idx = idxMemory.subarray(0, size);
    let k = 0;
    for (let g = first; g < last; g++) {
      const rows = groups[g].rows;
      if (rows instanceof Int32Array) idx.set(rows, k);
      else for (let j = 0; j < rows.length; j++) idx[k + j] = rows[j];
      k += rows.length;
    }
    const copy = stock.subset(idx, { ids: false, reuse: scratch });
    scratch = copy;
    k = 0;
    for (let g = first; g < last; g++) {
      const n = groups[g].rows.length;
      groups[g].change(copy, k, k + n);
      k += n;
    }
    // A group's complex facts are those of its changed rows: collected once, on the copy.
    const collection = collectComplexes(copy);
    const slots = classifySlotsAt(copy, rules, collection, null);
    let slotsThen: Uint8Array | null = null;
    if (then) {
      // The further change leaves the complex facts alone: the same collection judges it.
      const flags = then.rows;
      let m = 0;
      for (let j = 0; j < size; j++) if (flags[idx[j]] === 1) selMemory[m++] = j;
      const sel = selMemory.subarray(0, m);
      for (let j = 0; j < m; j++) then.change(copy, sel[j]);
      const after = classifySlotsAt(copy, rules, collection, sel);
      slotsThen = slots.slice();
      for (let j = 0; j < m; j++) slotsThen[sel[j]] = after[j];
    }
    k = 0;
    for (let g = first; g < last; g++) {
      const n = groups[g].rows.length;
      out[g] = slots.subarray(k, k + n);
      if (outThen !== null) outThen[g] = slotsThen!.subarray(k, k + n);
      k += n;
    }
    first = last;
  }
  return { slots: out, then: outThen };
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
