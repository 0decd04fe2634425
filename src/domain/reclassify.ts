/**
 * Re-classifying one complex with a changed fact ("what if this complex had a meeting room / Wlz
 * care?"). The facts that decide geclusterd and zorggeschikt belong to the complex
 * (complexes.ts), so classifying the rows of one complex on their own gives the same result as
 * classifying them within the whole stock; the property tests in test/domain hold the
 * predictions made this way to a full re-classification of the stock.
 */
import type { StockRow } from "./types";
import type { Rules } from "./rules";
import { classifyStock, type ClassifiedDwelling } from "./classify";
import type { ComplexCollection } from "./complexes";

/**
 * The row indices of every complex, from `collectComplexes(rows)`.
 * @returns per complex (same order as `collection.complexes`) the indices into `rows`, ascending.
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

/** What a changed fact adds, counted over the rows of one complex. Counts are dwellings. */
export interface ComplexGain {
  /** The complex's rows classified with the changed fact, parallel to the indices given. */
  after: ClassifiedDwelling[];
  /** Dwellings that become geclusterd (cumulative: not geclusterd before, geclusterd after). */
  erbijGeclusterd: number;
  /** Dwellings that become zorggeschikt. */
  erbijZorggeschikt: number;
}

/**
 * Classifies the rows `indices` of one complex with `change` applied to each row, and counts
 * the dwellings that gain a type compared with `before`.
 *
 * @param rows all stock rows; @param before their classification (parallel to `rows`).
 * @param indices the rows of one complex (all of them, or the complex facts change).
 * @param change returns a changed copy of a row (never modifies it).
 */
export function gainOf(
  rows: readonly StockRow[],
  before: readonly ClassifiedDwelling[],
  indices: ArrayLike<number>,
  change: (row: StockRow) => StockRow,
  rules: Rules,
): ComplexGain {
  const changed: StockRow[] = new Array(indices.length);
  for (let j = 0; j < indices.length; j++) changed[j] = change(rows[indices[j]]);
  const after = classifyStock(changed, rules).dwellings;
  let g = 0;
  let z = 0;
  for (let j = 0; j < indices.length; j++) {
    const b = before[indices[j]];
    const a = after[j];
    if (a.geclusterd && !b.geclusterd) g += a.row.aantal;
    if (a.zorggeschikt && !b.zorggeschikt) z += a.row.aantal;
  }
  return { after, erbijGeclusterd: g, erbijZorggeschikt: z };
}

/** Whether a gemeente is rural under the rules (the same comparison as classify.ts). */
export function isLandelijk(gemeente: string | null, rules: Rules): boolean {
  if (gemeente === null) return false;
  const g = gemeente.trim().toLowerCase();
  return rules.geclusterd.landelijkeGemeenten.some((x) => x.trim().toLowerCase() === g);
}
