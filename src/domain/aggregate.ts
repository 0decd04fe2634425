/**
 * Counting supply (aanbod) from classified dwellings: per BAT class, per BZK type (exclusive and
 * cumulative), per zorgprofiel, per area/owner/segment, and as `SupplyEntry`s for the tekort.
 * All counts are dwellings (sum of `row.aantal`), never rounded. O(n) per call.
 */
import { BZK_TYPES, type BatScale, type SupplyEntry, type SupplySummary } from "./types";
import { batCodes, maxLevel, minLevel } from "./bat";
import { SLOTS, SLOT_BAT0, SLOT_BAT_ONBEKEND, summaryOfVector, type SupplyVector } from "./supply-vector";
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

/** Sorted group rows of one grouping (counts as supply vectors). */
function groupRows(groups: Map<string | null, SupplyVector>, scale: BatScale): Array<{ waarde: string | null; summary: SupplySummary }> {
  return [...groups.entries()]
    .sort((a, b) => compareNullLast(a[0], b[0]))
    .map(([waarde, v]) => ({ waarde, summary: summaryOfVector(v, scale) }));
}

/**
 * The supply summary of all dwellings and per value of each of `keys`, in one pass (the
 * pipeline's aggregate step: the same figures as `summariseSupply` and `summariseBy` per key).
 * Each dwelling is counted as its two supply-vector slots (BZK type and BAT class,
 * supply-vector.ts), in the vector of the whole stock and in that of its group per key.
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
  const total = new Float64Array(SLOTS);
  const lo = minLevel(scale);
  const hi = maxLevel(scale);
  const { rows: cols, slots } = classifiedStockOf(dwellings);
  // Groups by the text code of the key's column (stock-columns.ts: one code per distinct text,
  // 0 for null); per key the vectors by code and the codes in order of first appearance.
  const codeCols = keys.map((key) => cols.text[key].codes);
  const vectors: (SupplyVector | undefined)[][] = keys.map(() => []);
  const order: number[][] = keys.map(() => []);
  // The group of the previous dwelling per key: exports are sorted, so it is often the same.
  const lastCode = keys.map(() => -1);
  const lastCounts: SupplyVector[] = keys.map(() => total); // never read before set: no code is -1
  const aantal = cols.aantal;
  const bats = cols.num.bat;
  const scales = cols.batScale;
  const scaleCode = scale === "limburg" ? 1 : 2;
  for (let i = 0; i < cols.length; i++) {
    const n = aantal[i];
    const bz = slots[i];
    const bat = bats[i];
    const bt = scales[i] === scaleCode && Number.isInteger(bat) && bat >= lo && bat <= hi ? SLOT_BAT0 + bat - lo : SLOT_BAT_ONBEKEND;
    total[bz] += n;
    total[bt] += n;
    for (let k = 0; k < codeCols.length; k++) {
      const code = codeCols[k][i];
      let c: SupplyVector;
      if (lastCode[k] === code) c = lastCounts[k];
      else {
        const found = vectors[k][code];
        if (found === undefined) {
          c = new Float64Array(SLOTS);
          vectors[k][code] = c;
          order[k].push(code);
        } else c = found;
        lastCode[k] = code;
        lastCounts[k] = c;
      }
      c[bz] += n;
      c[bt] += n;
    }
  }
  const maps = keys.map((key, k) => {
    const values = cols.text[key].values;
    return new Map<string | null, SupplyVector>(order[k].map((code) => [values[code], vectors[k][code]!]));
  });
  return {
    summary: summaryOfVector(total, scale),
    groups: keys.map((key, k) => ({
      key,
      hasValues: maps[k].size > 1 || (maps[k].size === 1 && !maps[k].has(null)),
      rows: groupRows(maps[k], scale),
    })),
  };
}

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
