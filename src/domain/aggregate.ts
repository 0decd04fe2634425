/**
 * Counting supply (aanbod) from classified dwellings: per BAT class, per BZK type (exclusive and
 * cumulative), per zorgprofiel, per area/owner/segment, and as `SupplyEntry`s for the tekort.
 * All counts are dwellings (sum of `row.aantal`), never rounded. O(n) per call.
 */
import { BZK_TYPES, type BatScale, type SupplyEntry, type SupplySummary } from "./types";
import { batCodes, maxLevel, minLevel } from "./bat";
import { SLOTS, SLOT_BAT0, SLOT_BAT_ONBEKEND, summaryOfVector } from "./supply-vector";
import { classifiedStockOf, type Dwellings } from "./classified-stock";
import { compareNullLast } from "./format";

/**
 * Supply summary of all dwellings.
 * @param dwellings the classified stock (`classifyStock(...).classified`: its rows and slot
 *   array are read, no dwelling is made), or its dwellings as an array (as in the examples).
 * @param scale the stock's BAT scale; dwellings with a BAT on the other scale count as "onbekend"
 *   in `perBat` (classification reports mixed scales as a `fout`).
 * @example summariseSupply([{ row: { aantal: 40, bat: 3, batScale: "limburg", gemeente: "Kerkrade", eigenaar: null }, bzk: "nultreden", zorgprofiel: null },
 *   { row: { aantal: 24, bat: 4, batScale: "limburg", gemeente: "Gemeente Beekdaelen", eigenaar: null }, bzk: "zorggeschikt", zorgprofiel: "PG" },
 *   { row: { aantal: 1, bat: null, batScale: null, gemeente: null, eigenaar: null }, bzk: "onbekend", zorgprofiel: null }], "limburg") === {
 *   eenheden: 65, perBat: { 0: 0, 1: 0, 2: 0, 3: 40, 4: 24, onbekend: 1 }, perBzk: { regulier: 0, nultreden: 40, geclusterd: 0, zorggeschikt: 24, onbekend: 1 },
 *   cumulatief: { nultreden: 64, geclusterd: 24, zorggeschikt: 24 }, zorggeschiktPerProfiel: { SOM: 0, PG: 24, onbekend: 0 } }
 */
export function summariseSupply(dwellings: Dwellings, scale: BatScale): SupplySummary {
  return summariseAll(dwellings, scale, []).summary;
}

/** Stock fields to group supply by. "segment" is the segment as written (e.g. "sociale huur"). */
export type GroupKey = "gemeente" | "buurt" | "wijk" | "eigenaar" | "segment";

/**
 * Supply summary per value of a stock field (gemeente, buurt, wijk, eigenaar, or segment as
 * written). Rows without a value form one group with `waarde` null.
 * @returns one entry per distinct value, sorted (Dutch collation, null last).
 * @example summariseBy([{ row: { aantal: 40, bat: 3, batScale: "limburg", gemeente: "Kerkrade", eigenaar: null }, bzk: "nultreden", zorgprofiel: null },
 *   { row: { aantal: 24, bat: 4, batScale: "limburg", gemeente: "Gemeente Beekdaelen", eigenaar: null }, bzk: "zorggeschikt", zorgprofiel: "PG" },
 *   { row: { aantal: 1, bat: null, batScale: null, gemeente: null, eigenaar: null }, bzk: "onbekend", zorgprofiel: null }], "limburg", "gemeente").map((g) => [g.waarde, g.summary.eenheden]) ===
 *   [["Gemeente Beekdaelen", 24], ["Kerkrade", 40], [null, 1]]
 */
export function summariseBy(
  dwellings: Dwellings,
  scale: BatScale,
  key: GroupKey,
): Array<{ waarde: string | null; summary: SupplySummary }> {
  return summariseAll(dwellings, scale, [key]).groups[0].rows;
}

/**
 * The supply summary of all dwellings and per value of each of `keys`, in one pass (the
 * pipeline's aggregate step: the same figures as `summariseSupply` and `summariseBy` per key).
 * Each dwelling is counted as its two supply-vector slots (BZK type and BAT class,
 * supply-vector.ts), in the vector of the whole stock and in that of its group per key.
 *
 * Performance: one loop over the rows ({@link countGroups}) adds each dwelling into the whole
 * stock's vector and, per key, into a flat `Float64Array` of one supply vector per text code of
 * the key's column (`SLOTS` doubles, 104 bytes, per distinct text of the column: about the size
 * of the text table itself). Every count is added in row order, as dwelling by
 * dwelling. The groups are sorted by {@link sortGroupValues}.
 * @returns the summary, and per key (in the order given) its sorted groups and whether any
 *   dwelling has a value for it (`hasValues`: false when every dwelling is in the null group).
 * @example summariseAll([{ row: { aantal: 40, bat: 3, batScale: "limburg", gemeente: "Kerkrade", eigenaar: null }, bzk: "nultreden", zorgprofiel: null },
 *   { row: { aantal: 24, bat: 4, batScale: "limburg", gemeente: "Gemeente Beekdaelen", eigenaar: null }, bzk: "zorggeschikt", zorgprofiel: "PG" },
 *   { row: { aantal: 1, bat: null, batScale: null, gemeente: null, eigenaar: null }, bzk: "onbekend", zorgprofiel: null }], "limburg", ["gemeente", "eigenaar"]).groups.map((g) => [g.key, g.hasValues, g.rows.length]) ===
 *   [["gemeente", true, 3], ["eigenaar", false, 1]]
 */
export function summariseAll(
  dwellings: Dwellings,
  scale: BatScale,
  keys: readonly GroupKey[],
): { summary: SupplySummary; groups: { key: GroupKey; hasValues: boolean; rows: Array<{ waarde: string | null; summary: SupplySummary }> }[] } {
  const { rows: cols, slots } = classifiedStockOf(dwellings);
  const n = cols.length;
  const bat: BatSource = { bats: cols.num.bat, scales: cols.batScale, scaleCode: scale === "limburg" ? 1 : 2, lo: minLevel(scale), hi: maxLevel(scale) };
  const columns = keys.map((key) => cols.text[key]);
  const total = new Float64Array(SLOTS);
  const flats = columns.map((column) => new Float64Array(column.values.length * SLOTS));
  const orders = columns.map((): number[] => []);
  // A column without any text (absent from the table) has every row in its null group, whose
  // vector is the whole stock's: counted once, not once more per such column.
  // The lists the row loop reads, made by `push` (always packed arrays: V8 compiled the loop for
  // the kind of array `map` had made and threw it away when a later call's differed).
  const codes: Uint32Array[] = [];
  const countedFlats: Float64Array[] = [];
  const countedOrders: number[][] = [];
  for (let k = 0; k < keys.length; k++) {
    if (columns[k].values.length <= 1) continue;
    codes.push(columns[k].codes);
    countedFlats.push(flats[k]);
    countedOrders.push(orders[k]);
  }
  countGroups(n, cols.aantal, slots, bat, codes, countedFlats, countedOrders, total);
  for (let k = 0; k < keys.length; k++) {
    if (columns[k].values.length > 1) continue;
    // The same sums as counted row by row: total's, added in the same row order.
    flats[k].set(total);
    if (n > 0) orders[k].push(0);
  }
  const groups = keys.map((key, k) => {
    const column = columns[k];
    const order = orders[k];
    const flat = flats[k];
    const values = column.values;
    const rows = groupRows(sortGroupValues(order.map((code) => values[code])), flat, column, scale);
    return { key, hasValues: order.length > 1 || (order.length === 1 && order[0] !== 0), rows };
  });
  return { summary: summaryOfVector(total, scale), groups };
}

/**
 * The groups of one grouping, in the order of `sorted`: per text its summary from its vector in
 * `flat` (at its code × `SLOTS`). Each text has one code (stock-columns.ts), so the sorted texts
 * give back their codes (the column's own index of texts: no map made per grouping). A function
 * with nothing after its loop (see `scanRows` in complexes.ts: V8 threw the loop compiled while
 * it ran away at the code after it, on every grouping).
 */
function groupRows(
  sorted: readonly (string | null)[], flat: Float64Array, column: { codeOf(v: string | null): number | undefined }, scale: BatScale,
): Array<{ waarde: string | null; summary: SupplySummary }> {
  const rows: Array<{ waarde: string | null; summary: SupplySummary }> = new Array(sorted.length);
  for (let j = 0; j < sorted.length; j++) {
    const waarde = sorted[j];
    rows[j] = { waarde, summary: summaryOfVector(flat, scale, column.codeOf(waarde)! * SLOTS) };
  }
  return rows;
}

/** The BAT facts of the rows and the stock's scale, as {@link batSlotOfRow} reads them: the BAT
 * per row (NaN: none), its scale code per row (1 limburg, 2 vera, stock-columns.ts), the
 * stock's scale code and its levels `lo`..`hi`. */
interface BatSource {
  bats: Float64Array;
  scales: Uint8Array;
  scaleCode: number;
  lo: number;
  hi: number;
}

/**
 * The BAT slot of a row (supply-vector.ts): `SLOT_BAT0 + bat - lo` when the row's scale code is
 * the stock's and its BAT a whole number in `lo`..`hi`, else `SLOT_BAT_ONBEKEND`; as `batSlot`
 * gives it for the row. Small: V8 inlines it.
 * @param bat the row's BAT (NaN: none, which fails the comparisons); @param scale its scale code.
 */
function batSlotOfRow(bat: number, scale: number, scaleCode: number, lo: number, hi: number): number {
  // (bat | 0) === bat: a whole number within lo..hi; as Number.isInteger there.
  return scale === scaleCode && bat >= lo && bat <= hi && (bat | 0) === bat ? SLOT_BAT0 + bat - lo : SLOT_BAT_ONBEKEND;
}

/**
 * The whole stock's supply vector and the dwellings per text code and supply slot of every
 * grouping column, in one pass over the rows: each row's `aantal` (dwellings) is added at its
 * BZK slot (`slots`) and its BAT slot ({@link batSlotOfRow}) into `total` and, per grouping `k`,
 * into `flats[k]` at its code × `SLOTS`; every sum in row order. One loop for all groupings
 * (one function for V8 to compile, and the per-row columns read once, where a loop per
 * grouping was five loops to warm up in a command's single run).
 * @param codes per grouping its column's code per row; @param flats per grouping `SLOTS` zeros
 *   per code of its column (filled); @param orders per grouping an empty list, filled with the
 *   codes that occur in order of first appearance; @param total `SLOTS` zeros (filled).
 */
function countGroups(
  n: number, aantal: Float64Array, slots: Uint8Array, bat: BatSource, codes: Uint32Array[], flats: Float64Array[], orders: number[][], total: Float64Array,
): void {
  const { bats, scales, scaleCode, lo, hi } = bat;
  const groupings = codes.length;
  // Per grouping and code whether the code has occurred: one array, grouping `k`'s codes from `seenAt[k]`.
  const seenAt = new Int32Array(groupings);
  let codeCount = 0;
  for (let k = 0; k < groupings; k++) {
    seenAt[k] = codeCount;
    codeCount += flats[k].length / SLOTS;
  }
  const seen = new Uint8Array(codeCount);
  // Per grouping the previous row's code (exports are sorted: the group is often the previous row's).
  const last = new Int32Array(groupings).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = aantal[i];
    const s = slots[i];
    const bt = batSlotOfRow(bats[i], scales[i], scaleCode, lo, hi);
    total[s] += a;
    total[bt] += a;
    for (let k = 0; k < groupings; k++) {
      const code = codes[k][i];
      if (code !== last[k]) {
        const at = seenAt[k] + code;
        if (seen[at] === 0) {
          seen[at] = 1;
          orders[k].push(code);
        }
        last[k] = code;
      }
      const flat = flats[k];
      const base = code * SLOTS;
      flat[base + s] += a;
      flat[base + bt] += a;
    }
  }
}

/**
 * Group values in the order of the reports: Dutch collation, null last (`compareNullLast`).
 * When every value is made of the digits and capital letters A-Z only (CBS codes such as
 * "BU09170201", "WK091702"), that order is the order of their code units, and the built-in
 * sort compares them without calling a comparator: the same order, several times faster
 * (test/domain/aggregate.test.ts holds it to `compareNullLast` on such texts).
 * @example sortGroupValues(["b", null, "A"]) === ["A", "b", null]; sortGroupValues(["BU2", "BU10"]) === ["BU10", "BU2"]
 */
export function sortGroupValues(values: readonly (string | null)[]): (string | null)[] {
  const texts: string[] = [];
  const found = textsOf(values, texts);
  const sorted: (string | null)[] = (found & NOT_PLAIN) === 0 ? texts.sort() : texts.sort(compareNullLast);
  if ((found & HAS_NULL) !== 0) sorted.push(null);
  return sorted;
}

/** Bits of {@link textsOf}' answer. */
const HAS_NULL = 1;
const NOT_PLAIN = 2;

/** Appends the texts of `values` (not null) to `texts`, in order. @returns `HAS_NULL` when a
 * value is null, plus `NOT_PLAIN` when a text is not made of {@link CODE_TEXT}'s characters only.
 * A function with nothing after its loop but the return of a number made in it (see `scanRows`
 * in complexes.ts). */
function textsOf(values: readonly (string | null)[], texts: string[]): number {
  let found = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v === null) found |= HAS_NULL;
    else {
      texts.push(v);
      if ((found & NOT_PLAIN) === 0 && !CODE_TEXT.test(v)) found |= NOT_PLAIN;
    }
  }
  return found;
}

/** Texts whose Dutch collation is their code-unit order: digits and capitals A-Z only. */
const CODE_TEXT = /^[0-9A-Z]*$/;

/**
 * Supply entries for the tekort, counted from a per-dwelling stock (groep, jaar and gebied null;
 * sheet and cell ""):
 * - niveau "bzk": exclusive categories regulier, nultreden, geclusterd, zorggeschikt. When any
 *   zorggeschikte dwelling has a zorgprofiel, zorggeschikt is split into SOM and PG entries (both
 *   present, also when 0) plus a zorgprofiel-null entry for those without profile (only when > 0);
 *   otherwise one zorggeschikt entry with zorgprofiel null. Dwellings of unknown type are not supply.
 * - niveau "bat": one entry per code of the scale (also when 0); dwellings without a BAT on this
 *   scale are left out.
 * @example supplyFromDwellings([{ row: { aantal: 40, bat: 3, batScale: "limburg", gemeente: "Kerkrade", eigenaar: null }, bzk: "nultreden", zorgprofiel: null },
 *   { row: { aantal: 24, bat: 4, batScale: "limburg", gemeente: "Gemeente Beekdaelen", eigenaar: null }, bzk: "zorggeschikt", zorgprofiel: "PG" },
 *   { row: { aantal: 1, bat: null, batScale: null, gemeente: null, eigenaar: null }, bzk: "onbekend", zorgprofiel: null }], "limburg").map((e) => `${e.niveau} ${e.categorie} ${e.zorgprofiel ?? "-"}: ${e.aanbod}`) ===
 *   ["bzk regulier -: 0", "bzk nultreden -: 40", "bzk geclusterd -: 0", "bzk zorggeschikt SOM: 0", "bzk zorggeschikt PG: 24",
 *    "bat 0 -: 0", "bat 1 -: 0", "bat 2 -: 0", "bat 3 -: 40", "bat 4 -: 24"]
 */
export function supplyFromDwellings(dwellings: Dwellings, scale: BatScale): SupplyEntry[] {
  return supplyFromSummary(summariseSupply(dwellings, scale), scale);
}

/** `supplyFromDwellings` from a summary already counted (`summariseSupply`/`summariseAll`). */
export function supplyFromSummary(s: SupplySummary, scale: BatScale): SupplyEntry[] {
  const entry = (niveau: "bzk" | "bat", categorie: string, zorgprofiel: "SOM" | "PG" | null, aanbod: number): SupplyEntry => ({
    niveau, groep: null, categorie, zorgprofiel, jaar: null, gebied: null, aanbod, sheet: "", cell: "",
  });
  const out: SupplyEntry[] = [];
  for (const t of BZK_TYPES) {
    if (t !== "zorggeschikt") {
      out.push(entry("bzk", t, null, s.perBzk[t]));
      continue;
    }
    const p = s.zorggeschiktPerProfiel;
    if (p.SOM + p.PG > 0) {
      out.push(entry("bzk", t, "SOM", p.SOM), entry("bzk", t, "PG", p.PG));
      if (p.onbekend > 0) out.push(entry("bzk", t, null, p.onbekend));
    } else {
      out.push(entry("bzk", t, null, s.perBzk.zorggeschikt));
    }
  }
  for (const code of batCodes(scale)) out.push(entry("bat", code, null, s.perBat[code]));
  return out;
}
