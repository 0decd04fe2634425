/**
 * The what-if engine (issue 6; docs/handleiding.md §5b): "what if we adapt x% of the potentieel dwellings,
 * add meeting rooms to the k best candidate complexes, start Wlz care in the m best care
 * candidates, and carry out the planned changes?" → the tekort that remains per type, year and
 * scenario in all three readings, side by side with the baseline.
 *
 * Two steps, so that a task-pane panel can recompute on every keystroke:
 *
 * 1. {@link prepareWhatIf} (once per analysis, O(n) plus one classification of the potentieel
 *    dwellings with their BAT raised, judged with the stock's complex facts (a BAT is not a
 *    complex fact), and two of the rows of the candidate complexes, in batches of column-wise
 *    copies, reclassify.ts; no object per dwelling): works out, per
 *    dwelling that a lever can touch, the supply slot (BZK type and BAT class, supply-vector.ts)
 *    it moves to under each lever and combination of levers — adapted, its complex fixed, or
 *    both — and the order in which the potentieel dwellings of a segment are adapted.
 * 2. {@link computeWhatIf} (per change of the inputs): moves only the dwellings the levers touch
 *    between slots of the baseline supply vector — O(adapted dwellings + rows of the chosen
 *    complexes), no re-classification — then computes the tekort from that supply (small: one
 *    entry per type) with the planned changes. Well under a millisecond per 10,000 touched rows.
 *
 * Rules of the levers (stated in the result sheets):
 * - adapting a potentieel dwelling raises its BAT to the nultreden threshold (Limburg
 *   `nultreden.limburgMinBat`, VERA `veraMinBat`) and classifies it again, so a dwelling in a
 *   complex that meets the cluster criteria becomes geclusterd (or zorggeschikt), not just nultreden;
 * - per segment, x% of the potentieel dwellings (rounded to whole dwellings) are adapted: first
 *   those that become geclusterd or zorggeschikt by it, then the others in the order of the stock
 *   table; more x adapts a superset of dwellings;
 * - meeting rooms go to the clustering candidates whose one missing criterion is a meeting room
 *   that is known to be missing (not unknown), in their ranking order (most new geclusterde
 *   dwellings first); Wlz care likewise to the care candidates without Wlz care;
 * - planned changes are in the baseline; `plannen: false` leaves them out of the scenario.
 *
 * With x = 0, k = 0, m = 0 and the same planned changes the scenario equals the baseline exactly
 * (property test). Every figure is traceable: the result lists per segment how many dwellings
 * were adapted and what they became, and the complexes chosen; `trace` lists the dwellings.
 */
import { SEGMENT_ONBEKEND, type BatScale, type DemandEntry, type SupplyEntry, type SupplySummary } from "./types";
import { classifiedStockOf, type Dwellings } from "./classified-stock";
import type { ComplexFactFields, StockColumns } from "./stock-columns";
import type { Rules } from "./rules";
import type { AdaptedDwelling } from "./potentieel";
import type { Issue } from "./issues";
import type { TekortRow } from "./tekort";
import { classifySlotsAt } from "./classify";
import { RECLASSIFY_BATCH_ROWS, reclassifyGroups, stockComplexes, type StockComplexes } from "./reclassify";
import type { CrossTableAdaptation } from "./potentieel-kruistabel";
import { crossTableShare, crossTableSource, shareOfRows, type PotentieelBron } from "./whatif-kruistabel";
import { batText } from "./bat";
import { supplyFromSummary } from "./aggregate";
import { fixFacts, type ClusterCandidate } from "./clustering";
import { WLZ_FACTS, type CareCandidate } from "./zorgpotentieel";
import { computeTekortWithPlans, type PlannedChange } from "./plannen";
import {
  BZK_SLOT_NAMES, SLOT_GECLUSTERD, SLOT_NULTREDEN, SLOT_ONBEKEND, SLOT_ZORG, SLOT_ZORG_SOM,
  SLOTS, batSlotOf, summaryOfVector, type SupplyVector,
} from "./supply-vector";

/** What the engine needs from an analysis (the pipeline's `AnalysisResult` has these fields). */
export interface WhatIfInput {
  /** The classified stock (`classifyStock(...).classified`), or its dwellings as an array. */
  dwellings: Dwellings;
  /** Parallel to `dwellings` (potentieel.ts). */
  adapted: readonly AdaptedDwelling[];
  rules: Rules;
  batScale: BatScale;
  /** Sheet of the stock, for the what-if's Dutch notes (whatif-toepasbaar.ts); null or absent when unknown. */
  voorraadSheet?: string | null;
  /** Where the supply comes from; only a stock ("voorraad") has dwellings the levers can move. */
  supplySource: "voorraad" | "aanbodtabel" | null;
  /** Supply now, before planned changes (from the stock, or the supply table). */
  supply: readonly SupplyEntry[];
  demand: readonly DemandEntry[];
  /** Planned changes of the workbook (in the baseline). */
  plannen: readonly PlannedChange[];
  /** Ranked candidates (clustering.ts, zorgpotentieel.ts) of the same classification. */
  clustering: readonly ClusterCandidate[];
  zorgpotentieel: readonly CareCandidate[];
  /** Adaptation potential of a cross table woningtype × huurklasse read beside a stock without
   * woningtype (potentieel-kruistabel.ts): the potentieel dwellings are then estimated from it
   * (whatif-kruistabel.ts). Absent: the stock's own assessment (`adapted`). */
  kruistabel?: CrossTableAdaptation;
}

export type { PotentieelBron };

/** Inputs of one what-if run. Out-of-range values are clamped (never an error). */
export interface WhatIfParams {
  /** Percentage 0..100 of the potentieel dwellings to adapt, in every segment. */
  aanpassenPercentage: number;
  /** Percentage per segment (key: segment as in the adaptation totals, or {@link SEGMENT_ONBEKEND}); overrides the above. */
  aanpassenPerSegment?: Readonly<Record<string, number>>;
  /** Meeting rooms to add: the k best room candidates. */
  ontmoetingsruimten: number;
  /** Complexes where Wlz care starts: the m best care candidates. */
  wlzComplexen: number;
  /** Carry out the workbook's planned changes (default true). */
  plannen?: boolean;
  /** Extra planned changes for this scenario only. */
  extraPlannen?: readonly PlannedChange[];
}

/** Key of the dwellings without segment in `aanpassenPerSegment` and in the results. */
export { SEGMENT_ONBEKEND };

/** A lever on one complex: a meeting room or Wlz care. */
interface Lever {
  soort: "ontmoetingsruimte" | "wlz";
  complex: string;
  eigenaar: string | null;
  gemeente: string | null;
  rows: Int32Array;
  /** Slots per row (parallel to `rows`) with the lever, and with the lever and adaptation;
   * views on arrays shared by the levers of a kind (read-only). */
  bzk: Uint8Array;
  bat: Uint8Array;
  bzkAdapted: Uint8Array;
  batAdapted: Uint8Array;
}

/** The potentieel dwellings of one segment, in adaptation order. */
interface SegmentPool {
  segment: string | null;
  rows: Int32Array;
  /** Potentieel dwellings of each row (parallel to `rows`): its `aantal`, or the estimated part
   * of it when the potentieel comes from a cross table. */
  amounts: Int32Array;
  /** Sum of `amounts`. */
  dwellings: number;
}

/** Precomputed what-if data of one analysis ({@link prepareWhatIf}). Treat as opaque and read-only. */
export interface WhatIfBase {
  readonly input: WhatIfInput;
  readonly scale: BatScale;
  /** The stock's rows (of `input.dwellings`), column-wise. */
  readonly rows: StockColumns;
  readonly vector: SupplyVector;
  /** BZK slot per row as classified (the classified stock's own array: never written). */
  readonly baseBzk: Uint8Array;
  readonly baseBat: Uint8Array;
  readonly adaptBzk: Uint8Array;
  readonly adaptBat: Uint8Array;
  readonly pools: readonly SegmentPool[];
  readonly rooms: readonly Lever[];
  readonly care: readonly Lever[];
  /** Per row: index of its lever in rooms (≥ 0), care (−2 − index), or −1. */
  readonly leverOf: Int32Array;
  /** Per row: position within its lever's rows. */
  readonly leverPos: Int32Array;
  readonly baseline: { rows: TekortRow[]; byKey: Map<string, TekortRow> };
  /** Where the potentieel dwellings come from (the stock's assessment, or a cross table). */
  readonly bron: PotentieelBron;
}

/** A tekort row of the scenario with the baseline figures beside it (numbers in dwellings). */
export interface WhatIfTekortRow extends TekortRow {
  /** Baseline aanbod, saldo and tekort of the same row; null when the baseline has no such row. */
  basisAanbod: number | null;
  basisSaldo: number | null;
  basisTekort: number | null;
  /** tekort − basisTekort (negative = less shortage). */
  verschilTekort: number | null;
}

/** What the adaptation did in one segment. Counts are dwellings. */
export interface WhatIfSegment {
  segment: string | null;
  percentage: number;
  /** Potentieel dwellings in the segment. */
  potentieel: number;
  aangepast: number;
  /** Adapted dwellings by the type they became. */
  naarNultreden: number;
  naarGeclusterd: number;
  naarZorggeschikt: number;
}

/** A chosen complex (meeting room or Wlz care) and what it adds in the scenario. */
export interface WhatIfComplex {
  complex: string;
  eigenaar: string | null;
  gemeente: string | null;
  erbijGeclusterd: number;
  erbijZorggeschikt: number;
}

/** One adapted (part of a) stock row, for tracing. */
export interface WhatIfDwelling {
  /** Index into the analysis's dwellings. */
  rij: number;
  /** Dwellings of that row adapted. */
  aantal: number;
  van: string;
  naar: string;
}

/** Result of {@link computeWhatIf}. */
export interface WhatIfResult {
  /** The parameters as applied (clamped; `ontmoetingsruimten`/`wlzComplexen` at most the candidates). */
  parameters: Required<Omit<WhatIfParams, "extraPlannen">> & { extraPlannen: number };
  aanpassing: WhatIfSegment[];
  ontmoetingsruimten: WhatIfComplex[];
  wlz: WhatIfComplex[];
  /** Planned changes carried out in the scenario. */
  plannen: PlannedChange[];
  aanbod: { basis: SupplySummary; scenario: SupplySummary };
  tekort: WhatIfTekortRow[];
  issues: Issue[];
  /** Where the potentieel dwellings come from (as in the base). */
  bron: PotentieelBron;
  /** Only with `{ trace: true }`: the adapted dwellings. */
  aangepasteWoningen?: WhatIfDwelling[];
}

const rowKey = (t: TekortRow) => JSON.stringify([t.lezing, t.niveau, t.groep, t.categorie, t.zorgprofiel, t.jaar, t.scenario, t.gebied]);

/** The nultreden threshold on the scale: the BAT an adapted dwelling gets. */
function adaptedLevel(scale: BatScale, rules: Rules): number {
  return scale === "limburg" ? rules.nultreden.limburgMinBat : rules.nultreden.veraMinBat;
}

/**
 * Precomputes everything the levers can change (see the module comment).
 * @param input an analysis (the pipeline's `AnalysisResult` fits).
 * @param options.batchRows rows per batch of the re-classifications of the candidate complexes
 *   (default `RECLASSIFY_BATCH_ROWS`; the result does not depend on it, only the transient
 *   memory does).
 * @param options.complexes the stock's complexes (`stockComplexes`) when already at hand
 *   (not kept in the base); computed when absent.
 * @returns the base for {@link computeWhatIf}. Never throws on data.
 */
export function prepareWhatIf(input: WhatIfInput, options: { batchRows?: number; complexes?: StockComplexes } = {}): WhatIfBase {
  const { dwellings, adapted, rules, batScale: scale } = input;
  const stock = classifiedStockOf(dwellings);
  const n = stock.length;
  const rows = stock.rows;
  const baseBzk = stock.slots;
  const baseBat = new Uint8Array(n);
  // The baseline supply vector in the same pass (what `vectorOf(dwellings, scale)` counts).
  const vector = new Float64Array(SLOTS);
  for (let i = 0; i < n; i++) {
    const bz = baseBzk[i];
    const bt = batSlotOf(rows.bat(i), rows.batScaleAt(i), scale);
    baseBat[i] = bt;
    vector[bz] += rows.aantal[i];
    vector[bt] += rows.aantal[i];
  }
  const level = adaptedLevel(scale, rules);
  // With a cross table beside the stock, the candidates are the dwellings not yet nultreden whose
  // form decides (no woningtype: "onbekend"); a share of them is potentieel (whatif-kruistabel.ts).
  const kruistabel = input.kruistabel;
  const poolKind = kruistabel ? "onbekend" : "potentieel";
  // Per row 1 when it is in the pool (a potentieel dwelling, or a cross-table candidate).
  const pool = new Uint8Array(n);
  let poolRows = 0;
  for (let i = 0; i < n; i++) if (adapted[i]?.aanpassing === poolKind) (pool[i] = 1), poolRows++;
  const poolIdx = new Int32Array(poolRows);
  for (let i = 0, k = 0; i < n; i++) if (pool[i] === 1) poolIdx[k++] = i;
  const batchRows = Math.max(1, options.batchRows ?? RECLASSIFY_BATCH_ROWS);
  const collection = (options.complexes ?? stockComplexes(stock)).collection;
  const adaptBzk = baseBzk.slice();
  const adaptBat = baseBat.slice();
  {
    // The pool rows with their BAT raised, classified within the stock: a BAT is not a complex
    // fact (complexes.ts), so the stock's complex facts judge them; a view of the columns with
    // its own BAT column, no row object and no copy of the other columns.
    const view = rows.withOwnBat();
    for (let k = 0; k < poolIdx.length; k++) view.setBat(poolIdx[k], level, scale);
    const after = classifySlotsAt(view, rules, collection, poolIdx);
    const batAfter = batSlotOf(level, scale, scale);
    for (let k = 0; k < poolIdx.length; k++) {
      adaptBzk[poolIdx[k]] = after[k];
      adaptBat[poolIdx[k]] = batAfter;
    }
  }

  // Pools per segment: dwellings that gain more than nultreden first, then table order. The
  // potentieel part of each row: all of it, or (cross table) its share, rounded in table order.
  const share = kruistabel ? crossTableShare(kruistabel) : 1;
  // Candidates whose accessibility is unknown (no usable BAT, label or declaration): they count
  // as not yet nultreden, as in the adaptation potential (potentieel.ts); the note says how many.
  let zonderBat = 0;
  // Segments in order of first appearance; per pool row its segment; per segment its rows and
  // those that gain more than nultreden (typed arrays, filled in a second pass).
  const segmentIndex = new Map<string | null, number>();
  const segments: (string | null)[] = [];
  const rowCount: number[] = [];
  const firstCount: number[] = [];
  const segOf = new Int32Array(poolIdx.length);
  const gainsMore = (i: number) => adaptBzk[i] >= SLOT_GECLUSTERD && adaptBzk[i] !== SLOT_ONBEKEND;
  for (let k = 0; k < poolIdx.length; k++) {
    const i = poolIdx[k];
    if (baseBzk[i] === SLOT_ONBEKEND) zonderBat += rows.aantal[i];
    const seg = rows.segmentSoortAt(i) ?? rows.textAt("segment", i);
    let sx = segmentIndex.get(seg);
    if (sx === undefined) {
      sx = segments.length;
      segmentIndex.set(seg, sx);
      segments.push(seg);
      rowCount.push(0);
      firstCount.push(0);
    }
    segOf[k] = sx;
    rowCount[sx]++;
    if (gainsMore(i)) firstCount[sx]++;
  }
  const table = rowCount.map((c) => new Int32Array(c));
  const order = rowCount.map((c) => new Int32Array(c));
  const tableFill = new Int32Array(segments.length);
  const firstFill = new Int32Array(segments.length);
  const restFill = Int32Array.from(firstCount);
  for (let k = 0; k < poolIdx.length; k++) {
    const i = poolIdx[k];
    const sx = segOf[k];
    table[sx][tableFill[sx]++] = i;
    order[sx][gainsMore(i) ? firstFill[sx]++ : restFill[sx]++] = i;
  }
  let kandidaten = 0;
  const part = new Int32Array(n);
  const pools: SegmentPool[] = [];
  segments.forEach((segment, sx) => {
    const t = table[sx];
    let dwellings = 0;
    if (share === 1) {
      for (let j = 0; j < t.length; j++) {
        kandidaten += rows.aantal[t[j]];
        part[t[j]] = rows.aantal[t[j]];
        dwellings += rows.aantal[t[j]];
      }
    } else {
      const aantallen = Array.from(t, (i) => rows.aantal[i]);
      for (const x of aantallen) kandidaten += x;
      const amounts = shareOfRows(aantallen, share);
      for (let j = 0; j < t.length; j++) {
        part[t[j]] = amounts[j];
        dwellings += amounts[j];
      }
    }
    const inPool = kruistabel ? order[sx].filter((i) => part[i] > 0) : order[sx];
    if (kruistabel && dwellings === 0) return;
    pools.push({ segment, rows: inPool, amounts: inPool.map((i) => part[i]), dwellings });
  });
  const bron: PotentieelBron = kruistabel
    ? crossTableSource(kruistabel, { kandidaten, zonderBat, potentieel: pools.reduce((a, p) => a + p.dwellings, 0) }, batText(level, scale))
    : { soort: "voorraad" };

  const leverOf = new Int32Array(n).fill(-1);
  const leverPos = new Int32Array(n);
  // The levers: every candidate complex classified with its fact supplied, and with its fact
  // supplied and its potentieel dwellings adapted (all complexes of a kind together, in batches
  // of column-wise copies, reclassify.ts).
  const adaptRow = { rows: pool, change: (copy: StockColumns, j: number) => copy.setBat(j, level, scale) };
  const levers = (
    soort: Lever["soort"], candidates: ReadonlyArray<{ complex: string; eigenaar: string | null; gemeente: string | null; rijen: Int32Array }>,
    facts: (k: number) => ComplexFactFields, code: (k: number) => number,
  ): Lever[] => {
    const groups = candidates.map((c, k) => {
      const f = facts(k);
      return { rows: c.rijen, change: (copy: StockColumns, from: number, to: number) => copy.setFacts(from, f, to) };
    });
    const { slots: fixed, then: both } = reclassifyGroups(rows, groups, rules, batchRows, adaptRow);
    // The BAT slots of all levers of a kind in two arrays, each lever a view on its part (an
    // array of its own per lever was a visible share of the time with thousands of levers).
    let total = 0;
    for (const c of candidates) total += c.rijen.length;
    const batAll = new Uint8Array(total);
    const batAdaptedAll = new Uint8Array(total);
    let at = 0;
    return candidates.map((c, k) => {
      const idx = c.rijen;
      const l: Lever = {
        soort, complex: c.complex, eigenaar: c.eigenaar, gemeente: c.gemeente, rows: idx,
        bzk: fixed[k], bat: batAll.subarray(at, at + idx.length), bzkAdapted: both![k], batAdapted: batAdaptedAll.subarray(at, at + idx.length),
      };
      at += idx.length;
      const lever = code(k);
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j];
        l.bat[j] = baseBat[i];
        l.batAdapted[j] = adaptBat[i];
        leverOf[i] = lever;
        leverPos[i] = j;
      }
      return l;
    });
  };
  const roomCandidates = input.clustering.filter((c) => c.criterium === "ontmoetingsruimte" && c.soort === "ontbreekt");
  const rooms = levers("ontmoetingsruimte", roomCandidates, (k) => fixFacts(roomCandidates[k]), (k) => k);
  const careCandidates = input.zorgpotentieel.filter((c) => c.soort === "ontbreekt");
  const care = levers("wlz", careCandidates, () => WLZ_FACTS, (k) => -2 - k);

  const base: WhatIfBase = {
    input, scale, rows, vector, baseBzk, baseBat, adaptBzk, adaptBat, pools, rooms, care, leverOf, leverPos,
    baseline: { rows: [], byKey: new Map() },
    bron,
  };
  const t = scenarioTekort(base, vector, input.plannen);
  base.baseline.rows.push(...t.rows);
  for (const r of t.rows) base.baseline.byKey.set(rowKey(r), r);
  return base;
}

/** Supply entries of a scenario vector (stock) or the supply table, with the planned changes. */
function scenarioTekort(base: WhatIfBase, v: SupplyVector, plannen: readonly PlannedChange[]) {
  const input = base.input;
  const supply = input.supplySource === "voorraad" ? supplyFromSummary(summaryOfVector(v, base.scale), base.scale) : input.supply;
  if (input.supplySource === null) return { rows: [] as TekortRow[], issues: [] as Issue[] };
  return computeTekortWithPlans(supply, input.demand, plannen, base.scale, input.rules);
}

const clampInt = (x: number, max: number) => (Number.isFinite(x) ? Math.min(Math.max(Math.floor(x), 0), max) : 0);
const clampPct = (x: number) => (Number.isFinite(x) ? Math.min(Math.max(x, 0), 100) : 0);
const isGeclusterdSlot = (s: number) => s >= SLOT_GECLUSTERD && s <= SLOT_ZORG;
const isZorgSlot = (s: number) => s >= SLOT_ZORG_SOM && s <= SLOT_ZORG;

/**
 * Runs one scenario on a prepared base (see the module comment).
 *
 * @param base from {@link prepareWhatIf}; not modified.
 * @param params the levers; out-of-range values are clamped.
 * @param options.trace also list the adapted dwellings (`aangepasteWoningen`).
 * @returns the scenario's supply and tekort beside the baseline, and what each lever did.
 *   Never throws on data.
 */
export function computeWhatIf(base: WhatIfBase, params: WhatIfParams, options: { trace?: boolean } = {}): WhatIfResult {
  const input = base.input;
  const rows = base.rows;
  const pct = clampPct(params.aanpassenPercentage);
  const perSegment: Record<string, number> = {};
  for (const [k, x] of Object.entries(params.aanpassenPerSegment ?? {})) perSegment[k] = clampPct(x);
  const k = clampInt(params.ontmoetingsruimten, base.rooms.length);
  const m = clampInt(params.wlzComplexen, base.care.length);
  const withPlans = params.plannen ?? true;
  const active = (code: number) => (code >= 0 ? code < k : code <= -2 ? -2 - code < m : false);

  const v = base.vector.slice();
  const amount = new Int32Array(rows.length);
  const trace: WhatIfDwelling[] | undefined = options.trace ? [] : undefined;
  const aanpassing: WhatIfSegment[] = [];
  for (const pool of base.pools) {
    const p = perSegment[pool.segment ?? SEGMENT_ONBEKEND] ?? pct;
    const seg: WhatIfSegment = { segment: pool.segment, percentage: p, potentieel: pool.dwellings, aangepast: 0, naarNultreden: 0, naarGeclusterd: 0, naarZorggeschikt: 0 };
    let rest = Math.round((p / 100) * pool.dwellings);
    for (let j = 0; j < pool.rows.length && rest > 0; j++) {
      const i = pool.rows[j];
      const take = Math.min(pool.amounts[j], rest);
      rest -= take;
      amount[i] = take;
      const code = base.leverOf[i];
      let toBzk: number;
      let toBat: number;
      if (code !== -1 && active(code)) {
        const l = code >= 0 ? base.rooms[code] : base.care[-2 - code];
        toBzk = l.bzkAdapted[base.leverPos[i]];
        toBat = l.batAdapted[base.leverPos[i]];
      } else {
        toBzk = base.adaptBzk[i];
        toBat = base.adaptBat[i];
      }
      v[base.baseBzk[i]] -= take;
      v[toBzk] += take;
      v[base.baseBat[i]] -= take;
      v[toBat] += take;
      seg.aangepast += take;
      if (isZorgSlot(toBzk)) seg.naarZorggeschikt += take;
      else if (toBzk === SLOT_GECLUSTERD) seg.naarGeclusterd += take;
      else if (toBzk === SLOT_NULTREDEN) seg.naarNultreden += take;
      trace?.push({ rij: i, aantal: take, van: BZK_SLOT_NAMES[base.baseBzk[i]], naar: BZK_SLOT_NAMES[toBzk] });
    }
    aanpassing.push(seg);
  }

  const complexes = (levers: readonly Lever[], count: number): WhatIfComplex[] => {
    const out: WhatIfComplex[] = [];
    for (let c = 0; c < count; c++) {
      const l = levers[c];
      const item: WhatIfComplex = { complex: l.complex, eigenaar: l.eigenaar, gemeente: l.gemeente, erbijGeclusterd: 0, erbijZorggeschikt: 0 };
      for (let j = 0; j < l.rows.length; j++) {
        const i = l.rows[j];
        const total = rows.aantal[i];
        const done = amount[i];
        const restRow = total - done;
        if (restRow > 0) {
          v[base.baseBzk[i]] -= restRow;
          v[l.bzk[j]] += restRow;
          v[base.baseBat[i]] -= restRow;
          v[l.bat[j]] += restRow;
        }
        // Gains of this complex's lever over what the dwellings would be without it.
        const was = base.baseBzk[i];
        const wasA = base.adaptBzk[i];
        const gain = (from: number, to: number, n: number) => {
          if (n <= 0) return;
          if (isGeclusterdSlot(to) && !isGeclusterdSlot(from)) item.erbijGeclusterd += n;
          if (isZorgSlot(to) && !isZorgSlot(from)) item.erbijZorggeschikt += n;
        };
        gain(was, l.bzk[j], restRow);
        gain(wasA, l.bzkAdapted[j], done);
      }
      out.push(item);
    }
    return out;
  };
  const ontmoetingsruimten = complexes(base.rooms, k);
  const wlz = complexes(base.care, m);

  const plans = [...(withPlans ? input.plannen : []), ...(params.extraPlannen ?? [])];
  const t = scenarioTekort(base, v, plans);
  const tekort: WhatIfTekortRow[] = t.rows.map((r) => {
    const b = base.baseline.byKey.get(rowKey(r));
    return {
      ...r,
      basisAanbod: b?.aanbod ?? null,
      basisSaldo: b?.saldo ?? null,
      basisTekort: b?.tekort ?? null,
      verschilTekort: b === undefined ? null : r.tekort - b.tekort,
    };
  });
  const result: WhatIfResult = {
    parameters: {
      aanpassenPercentage: pct, aanpassenPerSegment: perSegment, ontmoetingsruimten: k, wlzComplexen: m, plannen: withPlans,
      extraPlannen: params.extraPlannen?.length ?? 0,
    },
    aanpassing,
    ontmoetingsruimten,
    wlz,
    plannen: plans,
    aanbod: { basis: summaryOfVector(base.vector, base.scale), scenario: summaryOfVector(v, base.scale) },
    tekort,
    issues: t.issues,
    bron: base.bron,
  };
  if (trace) result.aangepasteWoningen = trace;
  return result;
}

/** The what-if parameters of the rules (`rules.watAls`).
 * @example paramsFromRules({ watAls: { aanpassenPercentage: 12.5, aanpassenPerSegment: {}, ontmoetingsruimten: 2, wlzComplexen: 0, plannen: true, andere: 1 } }) ===
 *   { aanpassenPercentage: 12.5, aanpassenPerSegment: {}, ontmoetingsruimten: 2, wlzComplexen: 0, plannen: true } */
export function paramsFromRules(rules: Rules): WhatIfParams {
  const w = rules.watAls;
  return {
    aanpassenPercentage: w.aanpassenPercentage,
    aanpassenPerSegment: w.aanpassenPerSegment,
    ontmoetingsruimten: w.ontmoetingsruimten,
    wlzComplexen: w.wlzComplexen,
    plannen: w.plannen,
  };
}
