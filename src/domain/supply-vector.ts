/**
 * Supply as a small fixed vector of dwelling counts, so that the what-if engine can move
 * dwellings between types with a few array additions instead of re-counting the stock.
 *
 * Slots (all counts are dwellings, sums of `row.aantal`):
 * - 0..6, the exclusive BZK type: regulier, nultreden, geclusterd, zorggeschikt SOM,
 *   zorggeschikt PG, zorggeschikt without profile, onbekend;
 * - 7..11, the BAT level on the stock's scale (level − minLevel), 12 = no BAT on that scale.
 * The slots of a dwelling follow exactly the counting rules of `aggregate.ts` (`summariseSupply`),
 * so `summaryOfVector(vectorOf(d, s), s)` equals `summariseSupply(d, s)` (tested).
 */
import type { BatScale, StockRow, ClassifiedDwelling, SupplySummary } from "./types";


import { maxLevel, minLevel } from "./bat";

/** Number of slots of a supply vector. */
export const SLOTS = 13;
export const SLOT_REGULIER = 0;
export const SLOT_NULTREDEN = 1;
export const SLOT_GECLUSTERD = 2;
export const SLOT_ZORG_SOM = 3;
export const SLOT_ZORG_PG = 4;
export const SLOT_ZORG = 5;
export const SLOT_ONBEKEND = 6;
/** First BAT slot (the lowest level of the scale). */
export const SLOT_BAT0 = 7;
/** Dwellings without a BAT on the stock's scale. */
export const SLOT_BAT_ONBEKEND = 12;

/** Dutch names of the BZK slots 0..6, for reasons and sheets. */
export const BZK_SLOT_NAMES: readonly string[] = [
  "regulier", "nultreden", "geclusterd", "zorggeschikt (SOM)", "zorggeschikt (PG)", "zorggeschikt", "onbekend",
];

/** A supply vector: `SLOTS` counts in dwellings. */
export type SupplyVector = Float64Array;

/** BZK slot (0..6) of a classified dwelling.
 * @example bzkSlot({ bzk: "nultreden", zorgprofiel: null }) === SLOT_NULTREDEN; bzkSlot({ bzk: "zorggeschikt", zorgprofiel: "PG" }) === 4; bzkSlot({ bzk: "onbekend", zorgprofiel: null }) === 6 */
export function bzkSlot(d: Pick<ClassifiedDwelling, "bzk" | "zorgprofiel">): number {
  switch (d.bzk) {
    case "regulier":
      return SLOT_REGULIER;
    case "nultreden":
      return SLOT_NULTREDEN;
    case "geclusterd":
      return SLOT_GECLUSTERD;
    case "zorggeschikt":
      return d.zorgprofiel === "SOM" ? SLOT_ZORG_SOM : d.zorgprofiel === "PG" ? SLOT_ZORG_PG : SLOT_ZORG;
    default:
      return SLOT_ONBEKEND;
  }
}

/** BAT slot (7..12) of a stock row on `scale`, as `summariseSupply` counts it: BAT 0 of the
 * Limburg scale and BAT1 of VERA are slot 7; a BAT on the other scale, or none, is unknown (12).
 * @example batSlot({ bat: 4, batScale: "limburg" }, "limburg") === 11; batSlot({ bat: 1, batScale: "vera" }, "vera") === SLOT_BAT0; batSlot({ bat: 4, batScale: "vera" }, "limburg") === SLOT_BAT_ONBEKEND; batSlot({ bat: null, batScale: null }, "limburg") === 12 */
export function batSlot(row: Pick<StockRow, "bat" | "batScale">, scale: BatScale): number {
  return batSlotOf(row.bat, row.batScale, scale);
}

/** {@link batSlot} of a BAT level and its scale as values (read from the stock's columns).
 * @example batSlotOf(4, "limburg", "limburg") === 11; batSlotOf(null, null, "vera") === 12 */
export function batSlotOf(bat: number | null, batScale: BatScale | null, scale: BatScale): number {
  const lo = minLevel(scale);
  if (bat !== null && batScale === scale && Number.isInteger(bat) && bat >= lo && bat <= maxLevel(scale)) {
    return SLOT_BAT0 + bat - lo;
  }
  return SLOT_BAT_ONBEKEND;
}

/** The supply vector of classified dwellings. O(n).
 * @example [...vectorOf([{ row: { aantal: 40, bat: 3, batScale: "limburg" }, bzk: "nultreden", zorgprofiel: null }], "limburg")] === [0, 40, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0] */
export function vectorOf(dwellings: readonly ClassifiedDwelling[], scale: BatScale): SupplyVector {
  const v = new Float64Array(SLOTS);
  for (let i = 0; i < dwellings.length; i++) {
    const d = dwellings[i];
    v[bzkSlot(d)] += d.row.aantal;
    v[batSlot(d.row, scale)] += d.row.aantal;
  }
  return v;
}

/**
 * A count as stored in a summary: the same number, as a small integer where it is one (V8 then
 * keeps it in the object's field instead of a separate heap number: a summary is 5 objects
 * instead of about 23 allocations, and `summariseAll` makes one per group, 27,000 buurten in the
 * bench stock). Counts of whole dwellings are always whole; anything else is returned as is
 * (40 stays 40 as a small integer; 2.5 and 2 ** 40 are returned unchanged).
 */
function count(x: number): number {
  const i = x | 0;
  return i === x ? i : x;
}

/**
 * The dwellings per BAT code of a vector: the codes of the scale in `batCodes` order (limburg
 * "0".."4", vera "BAT1".."BAT5"; slot `SLOT_BAT0 + i` is the i-th code), then `onbekend`. Written
 * as one literal per scale rather than filled key by key from `batCodes`: storing the
 * index-like keys "0".."4" one at a time into an empty object took a slow path in V8 (about half
 * of `summariseAll`'s time went into the summaries of its 5,000-odd groups at 200,000
 * dwellings; docs/performance.md). Same keys, order and values as the loop.
 * @param v supply vector(s); @param offset where the vector starts in `v` (a multiple of
 *   `SLOTS` in a flat array of vectors, `summariseAll`; default 0).
 * @example perBatOf(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6]), "limburg") === { 0: 1, 1: 2, 2: 3, 3: 4, 4: 5, onbekend: 6 }
 */
export function perBatOf(v: SupplyVector, scale: BatScale, offset = 0): Record<string, number> {
  const b = offset + SLOT_BAT0;
  const u = offset + SLOT_BAT_ONBEKEND;
  return scale === "limburg"
    ? { 0: count(v[b]), 1: count(v[b + 1]), 2: count(v[b + 2]), 3: count(v[b + 3]), 4: count(v[b + 4]), onbekend: count(v[u]) }
    : { BAT1: count(v[b]), BAT2: count(v[b + 1]), BAT3: count(v[b + 2]), BAT4: count(v[b + 3]), BAT5: count(v[b + 4]), onbekend: count(v[u]) };
}

/**
 * The supply summary (as `summariseSupply` returns it) of a vector.
 * @param v supply vector; @param scale the stock's scale (names the BAT slots); @param offset
 *   where the vector starts in `v` (default 0; see {@link perBatOf}).
 * @example summaryOfVector(Float64Array.from([0, 40, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0]), "limburg").perBat === { 0: 0, 1: 0, 2: 0, 3: 40, 4: 0, onbekend: 0 };
 *   summaryOfVector(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0]), "vera").perBat === { BAT1: 0, BAT2: 0, BAT3: 0, BAT4: 40, BAT5: 0, onbekend: 0 }
 */
export function summaryOfVector(v: SupplyVector, scale: BatScale, offset = 0): SupplySummary {
  const perBat = perBatOf(v, scale, offset);
  const regulier = v[offset + SLOT_REGULIER];
  const nultreden = v[offset + SLOT_NULTREDEN];
  const geclusterd = v[offset + SLOT_GECLUSTERD];
  const som = v[offset + SLOT_ZORG_SOM];
  const pg = v[offset + SLOT_ZORG_PG];
  const zonder = v[offset + SLOT_ZORG];
  const onbekend = v[offset + SLOT_ONBEKEND];
  const zorg = som + pg + zonder;
  const eenheden = regulier + nultreden + geclusterd + zorg + onbekend;
  return {
    eenheden: count(eenheden),
    perBat,
    perBzk: {
      regulier: count(regulier),
      nultreden: count(nultreden),
      geclusterd: count(geclusterd),
      zorggeschikt: count(zorg),
      onbekend: count(onbekend),
    },
    cumulatief: { nultreden: count(nultreden + geclusterd + zorg), geclusterd: count(geclusterd + zorg), zorggeschikt: count(zorg) },
    zorggeschiktPerProfiel: { SOM: count(som), PG: count(pg), onbekend: count(zonder) },
  };
}
