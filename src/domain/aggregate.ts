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
 * Performance: the BAT slot of every row is computed once (one byte per row, in the first
 * key's loop); per key one loop over the rows adds each dwelling into a flat `Float64Array` of
 * one supply vector per text code of the key's column (`SLOTS` doubles, 104 bytes, per distinct text of the column: about
 * the size of the text table itself). Every count is added in row order, as dwelling by
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
  const aantal = cols.aantal;
  // The whole stock, and the BAT slot of every row: in the first grouping's loop (one pass over
  // the rows less), or in a loop of their own when there is no grouping.
  // The whole stock, and the BAT slot of every row: in the first grouping's loop (one pass over
  // the rows less), or in a loop of their own when there is no grouping.
  const total = new Float64Array(SLOTS);
  const batSlots = new Uint8Array(n);
  const bat: BatSource = { bats: cols.num.bat, scales: cols.batScale, scaleCode: scale === "limburg" ? 1 : 2, lo: minLevel(scale), hi: maxLevel(scale) };
  if (keys.length === 0) countBatSlots(bat, n, aantal, slots, batSlots, total);
  const groups = keys.map((key, k) => {
    const column = cols.text[key];
    const order: number[] = [];
    const flat = countByCode(column.codes, column.values.length, n, aantal, slots, batSlots, order, k === 0 ? bat : null, total);
    const values = column.values;
    const sorted = sortGroupValues(order.map((code) => values[code]));
    // Each text has one code (stock-columns.ts), so the sorted texts give back their codes (the
    // column's own index of texts: no map made per grouping).
    const rows: Array<{ waarde: string | null; summary: SupplySummary }> = new Array(sorted.length);
    for (let j = 0; j < sorted.length; j++) {
      const waarde = sorted[j];
      rows[j] = { waarde, summary: summaryOfVector(flat, scale, column.codeOf(waarde)! * SLOTS) };
    }
    return { key, hasValues: order.length > 1 || (order.length === 1 && order[0] !== 0), rows };
  });
  return { summary: summaryOfVector(total, scale), groups };
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
 * gives it for the row. The one expression of both row loops below (small: V8 inlines it).
 * @param bat the row's BAT (NaN: none, which fails the comparisons); @param scale its scale code.
 */
function batSlotOfRow(bat: number, scale: number, scaleCode: number, lo: number, hi: number): number {
  // (bat | 0) === bat: a whole number within lo..hi; as Number.isInteger there.
  return scale === scaleCode && bat >= lo && bat <= hi && (bat | 0) === bat ? SLOT_BAT0 + bat - lo : SLOT_BAT_ONBEKEND;
}

/**
 * The BAT slot of every row, and the whole stock's supply vector, when there is no grouping
 * (with groupings the first one's loop does this, {@link countByCode}): fills `batSlots` (per
 * row {@link batSlotOfRow}) and adds each row's `aantal` (dwellings) into `total` at its BZK
 * slot (`slots`) and its BAT slot, in row order. A function of its own, so that V8 optimises the
 * million-row loop as a loop of a small function (inside `summariseAll` it ran about 5 × slower
 * than a grouping loop, on stack replacement).
 * @param bat the rows' BAT facts; `total` holds `SLOTS` doubles, `batSlots` one byte per row.
 */
function countBatSlots(bat: BatSource, n: number, aantal: Float64Array, slots: Uint8Array, batSlots: Uint8Array, total: Float64Array): void {
  const { bats, scales, scaleCode, lo, hi } = bat;
  for (let i = 0; i < n; i++) {
    const a = aantal[i];
    const bt = batSlotOfRow(bats[i], scales[i], scaleCode, lo, hi);
    batSlots[i] = bt;
    total[slots[i]] += a;
    total[bt] += a;
  }
}

/** An empty BAT column, for a grouping loop that reads `batSlots` ({@link countByCode} without `bat`). */
const NO_BATS = new Float64Array(0);
const NO_SCALES = new Uint8Array(0);

/**
 * Dwellings per text code and supply slot of one grouping column. With `bat` (the first
 * grouping of `summariseAll`) the same pass also fills `batSlots` and adds every row into
 * `total` as {@link countBatSlots} does (one pass over the rows less); without, it reads the
 * BAT slots from `batSlots`. One function for both, so that V8 compiles one loop (the first
 * grouping's call warms it up for the others). Every sum in row order.
 * @param codes the column's code per row; @param codeCount its number of codes (table size);
 * @param order filled with the codes that occur, in order of first appearance (passed in, not
 *   returned in an object: V8 compiles the loop on stack replacement before the code after it
 *   has run, and a property store there without type feedback threw that code away each call).
 * @param bat the rows' BAT facts, or null when `batSlots` is already filled.
 * @param total the whole stock's vector (`SLOTS` doubles), added to only with `bat`.
 * @returns `SLOTS` counts (dwellings) per code: code × `SLOTS` + slot.
 */
function countByCode(
  codes: Uint32Array, codeCount: number, n: number, aantal: Float64Array, slots: Uint8Array, batSlots: Uint8Array, order: number[],
  bat: BatSource | null, total: Float64Array,
): Float64Array {
  const withBat = bat !== null;
  const bats = withBat ? bat.bats : NO_BATS;
  const scales = withBat ? bat.scales : NO_SCALES;
  const scaleCode = withBat ? bat.scaleCode : 0;
  const lo = withBat ? bat.lo : 0;
  const hi = withBat ? bat.hi : 0;
  const flat = new Float64Array(codeCount * SLOTS);
  const seen = new Uint8Array(codeCount);
  let last = -1;
  let base = 0;
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    // Exports are sorted: the group is often the previous row's.
    if (code !== last) {
      if (seen[code] === 0) {
        seen[code] = 1;
        order.push(code);
      }
      last = code;
      base = code * SLOTS;
    }
    const a = aantal[i];
    const s = slots[i];
    let bt: number;
    if (withBat) {
      bt = batSlotOfRow(bats[i], scales[i], scaleCode, lo, hi);
      batSlots[i] = bt;
      total[s] += a;
      total[bt] += a;
    } else bt = batSlots[i];
    flat[base + s] += a;
    flat[base + bt] += a;
  }
  return flat;
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
  let hasNull = false;
  let plain = true;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v === null) hasNull = true;
    else {
      texts.push(v);
      if (plain && !CODE_TEXT.test(v)) plain = false;
    }
  }
  const sorted: (string | null)[] = plain ? texts.sort() : texts.sort(compareNullLast);
  if (hasNull) sorted.push(null);
  return sorted;
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
