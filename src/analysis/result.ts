/**
 * The shapes of one analysis: its options, how each sheet was read and used, and the result that
 * every report reads (src/report/*.ts, the task pane, the browser page, the command line).
 * Types only; the analysis itself is src/analysis/analyse.ts.
 */
import type { CrossTableAdaptation } from "../domain/potentieel-kruistabel";
import type { AdaptedDwelling, AdaptationTotal } from "../domain/potentieel";
import type { GroupKey } from "../domain/aggregate";
import type { TekortRow } from "../domain/tekort";
import type { PlannedChange, SupplyYear } from "../domain/plannen";
import type { ClusterCandidate } from "../domain/clustering";
import type { CareCandidate } from "../domain/zorgpotentieel";
import type { WhatIfBase, WhatIfResult } from "../domain/whatif";
import type { Rules } from "../domain/rules";
import type { Issue } from "../domain/issues";
import type { BatScale, DemandEntry, SupplyEntry, SupplySummary } from "../domain/types";
import type { ClassifiedStock } from "../domain/classified-stock";
import type { MappingOverrides, RawTable, StockIngest, TableKind } from "../ingest/types";
import type { CbsRoute } from "../domain/cbs";
import type { SaldoVergelijking } from "../domain/vergelijking";
import type { KruisControle } from "../domain/kruiscontrole";
import type { PlanListSummary } from "../domain/plannen-lijst";
import type { AggregateWhatIfResult } from "../domain/whatif-aggregaat";

/** Options of one analysis run. */
export interface AnalyseOptions {
  /** Sheet holding the stock (voorraad); found automatically when absent. */
  voorraad?: string;
  /** Sheet holding the demand (vraag); found automatically when absent. */
  vraag?: string;
  rules: Rules;
  /** Column mapping overrides for the stock table (field → header text). */
  overrides?: MappingOverrides;
  /** Called between steps with a Dutch step name and the fraction done (0..1). */
  onProgress?: (stap: string, fractie: number) => void;
  /** Aborts the run between steps; the run then rejects with a UserError "Analyse geannuleerd.". */
  signal?: AbortSignal;
  /**
   * Awaited by `analyseWorkbook` between the steps after reading (classify, aggregate,
   * adaptation, potentials, tekort, what-if). The task pane passes a macrotask so that the pane
   * repaints between steps, even on a stock of a million rows; absent: the steps run back to back.
   */
  pause?: () => Promise<void>;
}

/** How each sheet of the workbook was recognised and whether the analysis used it. */
export interface TableUse {
  sheet: string;
  kind: TableKind;
  used: boolean;
  /** Dutch explanation of the recognition and of the choice. */
  reden: string;
}

/** Where the supply figures in the tekort come from. */
export type SupplySource = "voorraad" | "aanbodtabel" | null;

/** Everything one run produces; input of the sheet and JSON reports. */
export interface AnalysisResult {
  tables: TableUse[];
  /** The stock table used (null when the workbook has none). */
  stock: StockIngest | null;
  batScale: BatScale;
  /** The classified stock, one entry per stock row in input order (`classifyStock`): typed
   * arrays, a `ClassifiedDwelling` per row only on demand (`dwelling(i)`), rows as `rows[i]`. */
  dwellings: ClassifiedStock;
  /** Parallel to `dwellings`. */
  adapted: AdaptedDwelling[];
  /** Supply summary of the stock (dwellings); all zero without a stock. */
  summary: SupplySummary;
  /** Supply summaries per grouping that the stock has values for. */
  groups: { key: GroupKey; rows: { waarde: string | null; summary: SupplySummary }[] }[];
  supplySource: SupplySource;
  /** Supply at type level as used for the tekort (from the stock or the supply table). */
  supply: SupplyEntry[];
  demand: DemandEntry[];
  tekort: TekortRow[];
  adaptationTotals: AdaptationTotal[];
  /** Planned changes read from the workbook (empty when none); they are in `tekort`. */
  plannen: PlannedChange[];
  /** Supply per year (demand and change years) with the planned changes; empty without changes. */
  aanbodPerJaar: SupplyYear[];
  /** Complexes one geclusterd criterion short, ranked (clustering.ts). */
  clustering: ClusterCandidate[];
  /** Clustered complexes where Wlz care would add zorggeschikte dwellings, ranked (zorgpotentieel.ts). */
  zorgpotentieel: CareCandidate[];
  /** The what-if base for recomputing scenarios (task pane); null without stock and demand/supply. */
  watAlsBasis: WhatIfBase | null;
  /** The scenario of `rules.watAls`, traced per dwelling; null when `watAlsBasis` is null. */
  watAls: WhatIfResult | null;
  issues: Issue[];
  rules: Rules;
  /** Published saldo / tekort / opgave tables recomputed from the demand and supply (one per
   * saldo sheet; empty when the workbook has none). Never read as demand. */
  vergelijking: SaldoVergelijking[];
  /** Cross-table checks (supply against the CBS stock, regional percentages against the
   * gemeenten under CBS weights, quoted figures against their tables); empty when none apply. */
  kruiscontroles: KruisControle[];
  /** Published lists of plans without year, BAT class or type ("• 478 woningen sloop", Kerkrade
   * 2021-2025), summarised: the net change in the number of dwellings, renovatie apart. Shown on
   * the Vergelijking sheet; never in `tekort` (plannen-lijst.ts says why). Empty when none. */
  plannenZonderKlasse: PlanListSummary[];
  /** What-if on aggregate data (CBS route × supply table): the scenario of `rules.watAls` when
   * there is no stock per dwelling but a CBS route; null otherwise (whatif-aggregaat.ts). */
  watAlsAggregaat: AggregateWhatIfResult | null;
  /** The CBS route (CBS stock × adaptation percentages, combined with the BAT stock); absent when
   * the workbook has no CBS stock table and percentage table. */
  cbs?: CbsRoute;
  /** Adaptation potential per woningtype from a cross table woningtype × huurklasse beside a stock
   * with BAT scores but without dwelling form (src/analysis/choose.ts); absent otherwise. */
  aanpassingKruistabel?: CrossTableAdaptation;
}

/** One sheet as read and recognised, with what the rest of the analysis needs from it. */
export interface SheetRead {
  name: string;
  kind: TableKind;
  /** Dutch explanation of the recognition (see {@link recogniseSheet}). */
  reden: string;
  /** The sheet's cells; needed for demand and supply tables. A streaming reader may leave it
   * null for sheets that cannot be used as either (a stock sheet it fed to the stock reader row
   * by row, or a large unrecognised sheet). */
  table: RawTable | null;
  /** The stock read of this sheet; set for every sheet for which {@link isStockCandidate} holds. */
  stock: StockIngest | null;
}
