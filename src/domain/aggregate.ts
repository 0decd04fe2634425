/**
 * Counting supply (aanbod) from classified dwellings: per BAT class, per BZK type (exclusive and
 * cumulative), per zorgprofiel, per area/owner/segment, and as `SupplyEntry`s for the tekort.
 * All counts are dwellings (sum of `row.aantal`), never rounded. O(n) per call.
 */
import { BZK_TYPES, type BatScale, type BzkType, type StockRow, type SupplyEntry } from "./types";
import type { ClassifiedDwelling } from "./classify";
import { batCodes, maxLevel, minLevel } from "./bat";
import { compareNullLast } from "./format";

/** Supply of a set of dwellings. All numbers are dwellings (sum of `aantal`). */
export interface SupplySummary {
  /** All dwellings, including those of unknown type. */
  eenheden: number;
  /** Per BAT code of the scale (`batCodes(scale)`) plus "onbekend" (no BAT, or a BAT on the other
   * scale); every key present, also when 0. */
  perBat: Record<string, number>;
  /** Exclusive: each dwelling in its highest type; the 5 keys sum to `eenheden`. */
  perBzk: Record<BzkType | "onbekend", number>;
  /** Cumulative: at least this type; zorggeschikt ≤ geclusterd ≤ nultreden. */
  cumulatief: { nultreden: number; geclusterd: number; zorggeschikt: number };
  /** Zorggeschikte dwellings by zorgprofiel; sums to `cumulatief.zorggeschikt`. */
  zorggeschiktPerProfiel: { SOM: number; PG: number; onbekend: number };
}

/** Running counts; BAT counts indexed by level, slot 6 = onbekend. */
class Counts {
  eenheden = 0;
  bat = [0, 0, 0, 0, 0, 0, 0];
  regulier = 0;
  nultredenExcl = 0;
  geclusterdExcl = 0;
  zorggeschiktExcl = 0;
  onbekend = 0;
  nultreden = 0;
  geclusterd = 0;
  zorggeschikt = 0;
  som = 0;
  pg = 0;
  profielOnbekend = 0;
  private readonly lo: number;
  private readonly hi: number;

  constructor(private readonly scale: BatScale) {
    this.lo = minLevel(scale);
    this.hi = maxLevel(scale);
  }

  add(d: ClassifiedDwelling): void {
    const row = d.row;
    const n = row.aantal;
    this.eenheden += n;
    const bat = row.bat;
    const lo = this.lo;
    if (bat !== null && row.batScale === this.scale && Number.isInteger(bat) && bat >= lo && bat <= this.hi) {
      this.bat[bat - lo] += n;
    } else this.bat[6] += n;
    switch (d.bzk) {
      case "regulier":
        this.regulier += n;
        break;
      case "nultreden":
        this.nultredenExcl += n;
        break;
      case "geclusterd":
        this.geclusterdExcl += n;
        break;
      case "zorggeschikt":
        this.zorggeschiktExcl += n;
        break;
      default:
        this.onbekend += n;
    }
    if (d.nultreden) this.nultreden += n;
    if (d.geclusterd) this.geclusterd += n;
    if (d.zorggeschikt) {
      this.zorggeschikt += n;
      if (d.zorgprofiel === "SOM") this.som += n;
      else if (d.zorgprofiel === "PG") this.pg += n;
      else this.profielOnbekend += n;
    }
  }

  summary(): SupplySummary {
    const perBat: Record<string, number> = {};
    const codes = batCodes(this.scale);
    for (let i = 0; i < codes.length; i++) perBat[codes[i]] = this.bat[i];
    perBat.onbekend = this.bat[6];
    return {
      eenheden: this.eenheden,
      perBat,
      perBzk: {
        regulier: this.regulier,
        nultreden: this.nultredenExcl,
        geclusterd: this.geclusterdExcl,
        zorggeschikt: this.zorggeschiktExcl,
        onbekend: this.onbekend,
      },
      cumulatief: { nultreden: this.nultreden, geclusterd: this.geclusterd, zorggeschikt: this.zorggeschikt },
      zorggeschiktPerProfiel: { SOM: this.som, PG: this.pg, onbekend: this.profielOnbekend },
    };
  }
}

/**
 * Supply summary of all dwellings.
 * @param scale the stock's BAT scale; dwellings with a BAT on the other scale count as "onbekend"
 *   in `perBat` (classification reports mixed scales as a `fout`).
 */
export function summariseSupply(dwellings: ClassifiedDwelling[], scale: BatScale): SupplySummary {
  const c = new Counts(scale);
  for (let i = 0; i < dwellings.length; i++) c.add(dwellings[i]);
  return c.summary();
}

/** Stock fields to group supply by. "segment" is the segment as written (e.g. "sociale huur"). */
export type GroupKey = "gemeente" | "buurt" | "wijk" | "eigenaar" | "segment";

function groupValue(row: StockRow, key: GroupKey): string | null {
  switch (key) {
    case "gemeente":
      return row.gemeente;
    case "buurt":
      return row.buurt;
    case "wijk":
      return row.wijk;
    case "eigenaar":
      return row.eigenaar;
    default:
      return row.segment;
  }
}

/**
 * Supply summary per value of a stock field (gemeente, buurt, wijk, eigenaar, or segment as
 * written). Rows without a value form one group with `waarde` null.
 * @returns one entry per distinct value, sorted (Dutch collation, null last).
 */
export function summariseBy(
  dwellings: ClassifiedDwelling[],
  scale: BatScale,
  key: GroupKey,
): Array<{ waarde: string | null; summary: SupplySummary }> {
  return summariseAll(dwellings, scale, [key]).groups[0].rows;
}

/** Sorted group rows of one grouping. */
function groupRows(groups: Map<string | null, Counts>): Array<{ waarde: string | null; summary: SupplySummary }> {
  return [...groups.entries()]
    .sort((a, b) => compareNullLast(a[0], b[0]))
    .map(([waarde, c]) => ({ waarde, summary: c.summary() }));
}

/**
 * The supply summary of all dwellings and per value of each of `keys`, in one pass (the
 * pipeline's aggregate step: the same figures as `summariseSupply` and `summariseBy` per key).
 * @returns the summary, and per key (in the order given) its sorted groups and whether any
 *   dwelling has a value for it (`hasValues`: false when every dwelling is in the null group).
 */
export function summariseAll(
  dwellings: ClassifiedDwelling[],
  scale: BatScale,
  keys: readonly GroupKey[],
): { summary: SupplySummary; groups: { key: GroupKey; hasValues: boolean; rows: Array<{ waarde: string | null; summary: SupplySummary }> }[] } {
  const total = new Counts(scale);
  const maps = keys.map(() => new Map<string | null, Counts>());
  // The group of the previous dwelling per key: exports are sorted, so it is often the same.
  const lastValue: (string | null | undefined)[] = keys.map(() => undefined);
  const lastCounts: (Counts | undefined)[] = keys.map(() => undefined);
  for (let i = 0; i < dwellings.length; i++) {
    const d = dwellings[i];
    total.add(d);
    for (let k = 0; k < keys.length; k++) {
      const v = groupValue(d.row, keys[k]);
      let c = lastValue[k] === v ? lastCounts[k] : undefined;
      if (c === undefined) {
        c = maps[k].get(v);
        if (c === undefined) {
          c = new Counts(scale);
          maps[k].set(v, c);
        }
        lastValue[k] = v;
        lastCounts[k] = c;
      }
      c.add(d);
    }
  }
  return {
    summary: total.summary(),
    groups: keys.map((key, k) => ({
      key,
      hasValues: maps[k].size > 1 || (maps[k].size === 1 && !maps[k].has(null)),
      rows: groupRows(maps[k]),
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
 */
export function supplyFromDwellings(dwellings: ClassifiedDwelling[], scale: BatScale): SupplyEntry[] {
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
