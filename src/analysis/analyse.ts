/**
 * The one place that wires read → ingest → domain → report (design.md). Used by the task pane
 * and the browser page (through a workbook port, `analyseWorkbook`) and by the command line
 * (through the streaming .xlsx reader, src/workbook/xlsx-stream.ts); both end in
 * `analyseSheets`, with progress callbacks and cancellation between steps.
 */
import { assessAdaptation, type AdaptedDwelling, type AdaptationTotal } from "../domain/potentieel";
import { classifyStock, type ClassifiedDwelling } from "../domain/classify";
import { summariseAll, supplyFromSummary, type GroupKey, type SupplySummary } from "../domain/aggregate";
import { normaliseSupplyTable, type TekortRow } from "../domain/tekort";
import { computeTekortWithPlans, type PlannedChange, type SupplyYear } from "../domain/plannen";
import { findClusterCandidates, type ClusterCandidate } from "../domain/clustering";
import { findCareCandidates, type CareCandidate } from "../domain/zorgpotentieel";
import { stockComplexes } from "../domain/reclassify";
import { computeWhatIf, paramsFromRules, prepareWhatIf, type WhatIfBase, type WhatIfParams, type WhatIfResult } from "../domain/whatif";
import type { Rules } from "../domain/rules";
import { UserError, type Issue } from "../domain/issues";
import type { BatScale, DemandEntry, StockRow, SupplyEntry } from "../domain/types";
import { detectTable } from "../ingest/detect";
import { readStock, type StockOptions } from "../ingest/stock";
import { readDemand } from "../ingest/demand";
import { readSupply } from "../ingest/supply";
import { readPlannedChanges } from "../ingest/mutaties";
import type { MappingOverrides, RawTable, StockField, StockIngest, TableKind } from "../ingest/types";
import { computeCbsRoute, type AdaptationShareEntry, type CbsRoute, type CbsStockEntry } from "../domain/cbs";
import { markRegionShares, readAdaptationShares, readCbsStock } from "../ingest/cbs";
import type { WorkbookReader } from "../workbook/port";
import { readSaldo } from "../ingest/saldo";
import { compareSaldo, vergelijkingIssues, type SaldoVergelijking } from "../domain/vergelijking";
import { crossChecks, type KruisControle, type QuotedFigure } from "../domain/kruiscontrole";
import { readQuotedFigures } from "../ingest/citaten";
import { computeAggregateWhatIf, type AggregateWhatIfResult } from "../domain/whatif-aggregaat";
import { unrecognisedComplexFactsIssue } from "../ingest/complex-columns";

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
  dwellings: ClassifiedDwelling[];
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
  /** What-if on aggregate data (CBS route × supply table): the scenario of `rules.watAls` when
   * there is no stock per dwelling but a CBS route; null otherwise (whatif-aggregaat.ts). */
  watAlsAggregaat: AggregateWhatIfResult | null;
  /** The CBS route (CBS stock × adaptation percentages, combined with the BAT stock); absent when
   * the workbook has no CBS stock table and percentage table. */
  cbs?: CbsRoute;
}

const GROUP_KEYS: GroupKey[] = ["gemeente", "wijk", "buurt", "eigenaar", "segment"];

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserError("Analyse geannuleerd.");
}

/** Start of the reason for a sheet chosen as demand that is recognised as a published saldo. */
const CHOSEN_SALDO = "Gekozen als vraag, maar herkend als gepubliceerde saldotabel:";

/** Excel's last row. */
const EXCEL_MAX_ROWS = 1_048_576;

/** The Dutch message for a workbook without worksheets (of the user's): another kind of file. */
const NO_SHEETS = "De werkmap heeft geen werkbladen; het bestand is beschadigd of geen Excel-werkmap. " +
  "Open het in Excel en sla het op als Excel-werkmap (.xlsx).";

/** Number of per-dwelling fields recognised, used to prefer a per-dwelling stock table. */
function detailScore(stock: StockIngest): number {
  const fields = Object.keys(stock.mapping) as StockField[];
  return (fields.includes("id") ? 1000 : 0) + fields.length;
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

/**
 * Throws the Dutch error for a sheet named by `--voorraad`/`--vraag` that the workbook lacks.
 * @param names the workbook's sheets (our own result sheets excluded).
 */
export function checkChosenSheets(names: readonly string[], options: Pick<AnalyseOptions, "voorraad" | "vraag">): void {
  for (const wanted of [options.voorraad, options.vraag]) {
    if (wanted !== undefined && !names.includes(wanted)) {
      throw new UserError(`Blad '${wanted}' bestaat niet in de werkmap. Kies een van deze bladen: ${names.map((n) => `'${n}'`).join(", ")}.`);
    }
  }
}

/**
 * What a sheet holds: the user's choice (`voorraad`/`vraag`) or the detection (detect.ts).
 * @param table the sheet's cells (a streaming reader may pass the first few thousand rows).
 */
export function recogniseSheet(table: RawTable, options: Pick<AnalyseOptions, "voorraad" | "vraag">): { kind: TableKind; reden: string } {
  const name = table.sheet;
  if (name === options.voorraad) {
    const k = detectTable(table).kind;
    return { kind: k === "bat-breed" || k === "kruistabel" ? k : "voorraad", reden: "Gekozen als voorraad." };
  }
  if (name === options.vraag) {
    // The user's choice wins, but a published saldo read as demand must not go unnoticed.
    const det = detectTable(table);
    return { kind: "vraag", reden: det.kind === "saldo" ? `${CHOSEN_SALDO} ${det.reden}` : "Gekozen als vraag." };
  }
  const det = detectTable(table);
  return { kind: det.kind, reden: det.reden };
}

/** Is this sheet read as a stock table? The chosen one, or (without a choice) every sheet
 * recognised as voorraad, wide BAT table or cross table woningtype × huurklasse. */
export function isStockCandidate(name: string, kind: TableKind, options: Pick<AnalyseOptions, "voorraad">): boolean {
  return options.voorraad ? name === options.voorraad : kind === "voorraad" || kind === "bat-breed" || kind === "kruistabel";
}

/** Options for the stock reader from the analysis options. */
export function stockOptionsFor(options: Pick<AnalyseOptions, "overrides" | "rules">): StockOptions {
  return { overrides: options.overrides, scale: options.rules.batSchaal };
}

/**
 * Runs the whole analysis on a workbook.
 * @returns the analysis result; row-level problems are in `issues`.
 * @throws UserError (Dutch) when a named sheet does not exist, when the workbook holds no stock,
 *   demand or supply table, or when the run is cancelled.
 */
export async function analyseWorkbook(reader: WorkbookReader, options: AnalyseOptions): Promise<AnalysisResult> {
  const { onProgress, signal } = options;
  onProgress?.("Werkmap lezen", 0);
  const sheets = (await reader.listSheets()).filter((s) => s.resultKind === null);
  if (sheets.length === 0) throw new UserError(NO_SHEETS);
  const damaged = sheets.find((s) => s.rowCount > EXCEL_MAX_ROWS);
  if (damaged) {
    // Only a damaged file has rows beyond Excel's last row; reading up to them would exhaust memory.
    throw new UserError(`Blad '${damaged.name}' is beschadigd: het heeft rijnummers voorbij de laatste rij van Excel (1.048.576). ` +
      "Open de werkmap in Excel en sla hem opnieuw op.");
  }
  checkChosenSheets(sheets.map((s) => s.name), options);
  const read: SheetRead[] = [];
  for (let i = 0; i < sheets.length; i++) {
    checkCancelled(signal);
    const name = sheets[i].name;
    const table = await reader.readSheet(name);
    const { kind, reden } = recogniseSheet(table, options);
    const stock = isStockCandidate(name, kind, options) ? readStock(table, stockOptionsFor(options)) : null;
    read.push({ name, kind, reden, table, stock });
    onProgress?.("Werkmap lezen", (0.3 * (i + 1)) / sheets.length);
  }
  return options.pause ? analyseSheetsPausing(read, options, options.pause) : analyseSheets(read, options);
}

/**
 * The analysis after reading, shared by every route (the workbook port above, and the streaming
 * .xlsx reader of the command line, src/workbook/xlsx-stream.ts): choose the stock, demand and
 * supply tables, classify, aggregate, assess adaptation and compute the tekort.
 *
 * @param sheets the workbook's sheets in workbook order (our own result sheets excluded), each
 *   with its recognition, and its stock read when it is a stock candidate.
 * @throws UserError as {@link analyseWorkbook}.
 */
export function analyseSheets(sheets: readonly SheetRead[], options: AnalyseOptions): AnalysisResult {
  const steps = analysisSteps(sheets, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** {@link analyseSheets}, awaiting `pause` between its steps (see {@link AnalyseOptions.pause}). */
export async function analyseSheetsPausing(sheets: readonly SheetRead[], options: AnalyseOptions, pause: () => Promise<void>): Promise<AnalysisResult> {
  const steps = analysisSteps(sheets, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    await pause();
  }
}

/** The steps of {@link analyseSheets}; yields after each step's progress report. */
function* analysisSteps(sheets: readonly SheetRead[], options: AnalyseOptions): Generator<void, AnalysisResult, void> {
  const { rules, onProgress, signal } = options;
  const progress = (stap: string, f: number) => onProgress?.(stap, f);
  const issues: Issue[] = [];
  const names = sheets.map((s) => s.name);
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const kinds = new Map<string, TableKind>(sheets.map((s) => [s.name, s.kind]));
  const tables: TableUse[] = sheets.map((s) => ({ sheet: s.name, kind: s.kind, used: false, reden: s.reden }));
  const tableOf = (sheet: string): RawTable => {
    const t = byName.get(sheet)?.table;
    if (!t) throw new Error(`pipeline: no cells kept for sheet '${sheet}'`);
    return t;
  };
  const use = (sheet: string, note?: string) => {
    const t = tables.find((x) => x.sheet === sheet);
    if (t) {
      t.used = true;
      if (note) t.reden += ` ${note}`;
    }
  };
  const skip = (sheet: string, note: string) => {
    const t = tables.find((x) => x.sheet === sheet);
    if (t) t.reden += ` ${note}`;
    issues.push({ code: "blad-niet-gebruikt", severity: "info", sheet, cell: null, message: `Blad '${sheet}' is niet gebruikt: ${note}` });
  };

  // Stock: the chosen sheet, or the most detailed stock table found.
  checkCancelled(signal);
  progress("Voorraad lezen", 0.3);
  yield;
  const stockCandidates = names.filter((n) => isStockCandidate(n, kinds.get(n)!, options));
  const scaleSetting = rules.batSchaal;
  const stockReads = stockCandidates.map((n) => {
    const ingest = byName.get(n)!.stock;
    if (!ingest) throw new Error(`pipeline: stock candidate '${n}' was not read`);
    return { sheet: n, ingest };
  });
  // A stock table without data rows (a header only, or no header on a chosen sheet) is not a
  // stock of zero dwellings: it is reported and not used, so no tekort is set against nothing.
  const emptyStocks = stockReads.filter((x) => x.ingest.rowsRead === 0);
  for (const e of emptyStocks) {
    const own = e.ingest.issues.filter((i) => i.severity === "fout");
    if (own.length > 0) issues.push(...own);
    else issues.push({ code: "voorraad-leeg", severity: "waarschuwing", sheet: e.sheet, cell: null, message: emptyStockMessage(e.sheet, e.ingest) });
  }
  const filled = stockReads.filter((x) => x.ingest.rowsRead > 0);
  // A cross table woningtype × huurklasse (no BAT) is the stock only when there is no other.
  const isCross = (sheet: string) => kinds.get(sheet) === "kruistabel";
  filled.sort((a, b) => Number(isCross(a.sheet)) - Number(isCross(b.sheet)) ||
    detailScore(b.ingest) - detailScore(a.ingest) || b.ingest.rowsRead - a.ingest.rowsRead);
  const chosen = filled[0] ?? null;
  for (const other of filled.slice(1)) {
    if (isCross(other.sheet)) {
      skip(other.sheet, `een kruistabel woningtype × huurklasse (zonder BAT-score) is alleen de voorraad als er geen andere ` +
        `voorraadtabel is; gebruikt is '${chosen!.sheet}'. Wilt u het aanpassingspotentieel uit de kruistabel, kies die dan ` +
        `als voorraad in stap 1 van het taakvenster of met --voorraad "${other.sheet}" op de opdrachtregel.`);
      continue;
    }
    skip(other.sheet, `er is één voorraadtabel gebruikt ('${chosen!.sheet}', de meest gedetailleerde). Kies een andere in stap 1 van het taakvenster of met --voorraad "${other.sheet}" op de opdrachtregel.`);
    if (chosen) compareStockTotals(chosen.ingest, other.ingest, issues);
  }
  let stock: StockIngest | null = null;
  // A cross table has no BAT scores: its dwellings give the adaptation potential, not the supply.
  const crossStock = chosen !== null && isCross(chosen.sheet);
  if (chosen) {
    stock = chosen.ingest;
    use(chosen.sheet);
    issues.push(...stock.issues);
  }

  // Demand.
  checkCancelled(signal);
  progress("Vraag lezen", 0.45);
  yield;
  const demandSheets = options.vraag ? [options.vraag] : names.filter((n) => kinds.get(n) === "vraag");
  let demand: DemandEntry[] = [];
  if (demandSheets.length > 0) {
    const d = readDemand(tableOf(demandSheets[0]));
    demand = d.entries;
    issues.push(...d.issues);
    use(demandSheets[0]);
    const chosen = byName.get(demandSheets[0]);
    if (chosen?.reden.startsWith(CHOSEN_SALDO)) {
      issues.push({ code: "saldo-als-vraag", severity: "waarschuwing", sheet: demandSheets[0], cell: null,
        message: `Blad '${demandSheets[0]}' is als vraag gelezen omdat het zo gekozen is, maar het lijkt een gepubliceerde saldo- of tekorttabel ` +
          "(aanbod − vraag); dan is het tekort hier niet juist. Kies de vraagtabel waar het saldo op berust (taakvenster stap 1, opdrachtregel --vraag)." });
    }
    for (const other of demandSheets.slice(1)) skip(other, `er is één vraagtabel gebruikt ('${demandSheets[0]}'). Kies een andere in stap 1 van het taakvenster of met --vraag "${other}" op de opdrachtregel.`);
  }

  // Supply at type level, used when there is no stock table.
  const supplySheets = names.filter((n) => kinds.get(n) === "aanbod" && n !== options.vraag && n !== options.voorraad);
  let supplyTable: SupplyEntry[] = [];
  if (supplySheets.length > 0) {
    if (stock && !crossStock) {
      for (const s of supplySheets) skip(s, "het aanbod is geteld uit de voorraadtabel.");
    } else {
      const s = readSupply(tableOf(supplySheets[0]));
      issues.push(...s.issues);
      const norm = normaliseSupplyTable(s.entries, rules);
      issues.push(...norm.issues);
      supplyTable = norm.entries;
      use(supplySheets[0]);
      for (const other of supplySheets.slice(1)) skip(other, `er is één aanbodtabel gebruikt ('${supplySheets[0]}').`);
    }
  }
  // Published saldo tables: read now (their figures are compared once the tekort is known).
  const saldoSheets = names.filter((n) => kinds.get(n) === "saldo" && n !== options.vraag && n !== options.voorraad);
  const saldoTables = saldoSheets.map((sheet) => {
    const s = readSaldo(tableOf(sheet));
    issues.push(...s.issues);
    use(sheet, "Nagerekend op het blad Vergelijking.");
    return { sheet, entries: s.entries, teken: s.teken, tekenBron: s.tekenBron, afgerondOp5: s.afgerondOp5 };
  });
  const quotes: QuotedFigure[] = [];
  for (const sheet of names.filter((n) => kinds.get(n) === "citaten")) {
    const q = readQuotedFigures(tableOf(sheet));
    quotes.push(...q.quotes);
    issues.push(...q.issues);
    use(sheet, "Gecontroleerd op het blad Vergelijking.");
  }
  // CBS route input, read before the check below so that a workbook with only these tables works.
  const cbsInput = readCbsInput(names, kinds, tableOf, use, skip, issues);
  // Planned changes (read once the stock's BAT scale is known, below).
  const planSheets = names.filter((n) => kinds.get(n) === "mutaties" && n !== options.vraag && n !== options.voorraad);
  for (const other of planSheets.slice(1)) skip(other, `er is één tabel met geplande wijzigingen gebruikt ('${planSheets[0]}').`);
  for (const t of tables) {
    if (!t.used && t.sheet !== planSheets[0] && !issues.some((i) => i.code === "blad-niet-gebruikt" && i.sheet === t.sheet)) {
      issues.push({ code: "blad-niet-gebruikt", severity: "info", sheet: t.sheet, cell: null, message: `Blad '${t.sheet}' is niet gebruikt: ${t.reden}` });
    }
  }

  if (!stock && demand.length === 0 && supplyTable.length === 0 && !cbsInput) {
    if (saldoSheets.length > 0) {
      throw new UserError(
        `Blad ${saldoSheets.map((n) => `'${n}'`).join(", ")} is een gepubliceerde saldotabel (aanbod − vraag of opgave); die wordt nagerekend, niet als vraag gelezen. ` +
        "Daarvoor zijn de vraag en het aanbod nodig waar de tabel op berust: voeg die bladen toe, of wijs ze aan in stap 1 van het taakvenster (opdrachtregel: --vraag en --voorraad).",
      );
    }
    // Nothing to analyse: say why in one line, for the sheet the user chose or the stock found.
    const empty = emptyStocks[0];
    if (empty) {
      const fout = empty.ingest.issues.find((i) => i.severity === "fout");
      throw new UserError(fout ? fout.message : emptyStockMessage(empty.sheet, empty.ingest));
    }
    throw new UserError(
      `Geen voorraad-, aanbod- of vraagtabel gevonden in de werkmap (bladen: ${names.map((n) => `'${n}'`).join(", ")}). ` +
      "Kies de bladen in stap 1 van het taakvenster (opdrachtregel: --voorraad en --vraag), of controleer de kolomkoppen (zie de handleiding).",
    );
  }

  // Classification and aggregation.
  checkCancelled(signal);
  progress("Woningen indelen", 0.55);
  yield;
  const batScale: BatScale = stock?.batScale ?? (scaleSetting === "vera" ? "vera" : "limburg");
  const rows: StockRow[] = stock?.rows ?? [];
  const classified = classifyStock(rows, rules);
  issues.push(...classified.issues);
  const dwellings = classified.dwellings;
  // One pass for the summary and every grouping; the groupings the stock has values for are kept.
  const all = summariseAll(dwellings, batScale, GROUP_KEYS);
  const summary = all.summary;
  const groups = all.groups.filter((g) => g.hasValues).map((g) => ({ key: g.key, rows: g.rows }));
  if (stock && chosen) {
    const unrecognised = unrecognisedComplexFactsIssue(chosen.sheet, stock.mapping, stock.complexKolommen, summary.cumulatief);
    if (unrecognised) issues.push(unrecognised);
  }

  checkCancelled(signal);
  progress("Aanpassingspotentieel bepalen", 0.7);
  yield;
  const adaptation = assessAdaptation(dwellings, rules);
  issues.push(...adaptation.issues);
  const cbs = cbsInput ? computeCbsRoute({ ...cbsInput, corporaties: adaptation.totals }) : undefined;
  if (cbs) issues.push(...cbs.issues);

  checkCancelled(signal);
  progress("Clustering- en zorgpotentieel bepalen", 0.75);
  yield;
  const complexes = stockComplexes(dwellings, classified.complexes);
  const clustering = findClusterCandidates(dwellings, rules, complexes);
  const zorgpotentieel = findCareCandidates(dwellings, rules, complexes);

  let plannen: PlannedChange[] = [];
  if (planSheets.length > 0) {
    const table = byName.get(planSheets[0])?.table;
    if (table) {
      const p = readPlannedChanges(table, batScale);
      plannen = p.changes;
      issues.push(...p.issues);
      use(planSheets[0], `${p.changes.length} geplande wijzigingen gelezen.`);
    } else {
      skip(planSheets[0], "het blad is te groot om als tabel met geplande wijzigingen te lezen.");
    }
  }

  checkCancelled(signal);
  progress("Tekort berekenen", 0.85);
  yield;
  const supplySource: SupplySource = stock && !crossStock ? "voorraad" : supplyTable.length > 0 ? "aanbodtabel" : null;
  const supply = supplySource === "voorraad" ? supplyFromSummary(summary, batScale) : supplyTable;
  if (crossStock && supplySource === null && demand.length > 0) {
    issues.push({ code: "kruistabel-geen-aanbod", severity: "waarschuwing", sheet: chosen!.sheet, cell: null,
      message: `Blad '${chosen!.sheet}' is een kruistabel woningtype × huurklasse zonder BAT-scores: daaruit is het aanpassingspotentieel ` +
        "bepaald, maar niet het aanbod per woonvorm. Het tekort is daarom niet berekend. Voeg een aanbodtabel of een voorraad met BAT-scores toe." });
  }
  let tekort: TekortRow[] = [];
  let aanbodPerJaar: SupplyYear[] = [];
  if (supplySource && (demand.length > 0 || plannen.length > 0)) {
    // Supply per demand year = supply now + the planned changes up to that year (none: constant).
    const t = computeTekortWithPlans(supply, demand, plannen, batScale, rules);
    tekort = t.rows;
    aanbodPerJaar = t.planned.perJaar;
    issues.push(...t.issues);
  } else if (plannen.length > 0) {
    issues.push({ code: "plannen-geen-aanbod", severity: "waarschuwing", sheet: planSheets[0], cell: null, message: "Er zijn geplande wijzigingen, maar geen voorraad of aanbodtabel om ze op toe te passen; ze zijn niet gebruikt." });
  }
  if (demand.length === 0) {
    issues.push({ code: "geen-vraag", severity: "info", sheet: null, cell: null, message: "Geen vraagtabel gevonden: het tekort is niet berekend. Voeg een vraagtabel toe, of wijs die aan in stap 1 van het taakvenster (opdrachtregel: --vraag)." });
  } else if (!supplySource && !crossStock) {
    issues.push({ code: "geen-aanbod", severity: "waarschuwing", sheet: null, cell: null, message: "Geen voorraad- of aanbodtabel gevonden: het tekort is niet berekend. Voeg een voorraad- of aanbodtabel toe, of wijs die aan in stap 1 van het taakvenster (opdrachtregel: --voorraad)." });
  }
  const vergelijking: SaldoVergelijking[] = [];
  for (const t of saldoTables) {
    if (tekort.length === 0) {
      issues.push({ code: "saldo-niet-nagerekend", severity: "waarschuwing", sheet: t.sheet, cell: null,
        message: `Blad '${t.sheet}' is een gepubliceerde saldotabel, maar zonder vraag en aanbod in de werkmap is die niet na te rekenen. Voeg de vraag- en aanbodtabel toe waar de cijfers op berusten.` });
      continue;
    }
    const v = compareSaldo(t, tekort);
    vergelijking.push(v);
    issues.push(...vergelijkingIssues(v));
  }
  const cross = crossChecks({ supply: supplySource === "aanbodtabel" ? supply : [], cbsStock: cbsInput?.voorraad ?? [], shares: cbsInput?.aandelen ?? [], quotes });
  issues.push(...cross.issues);
  // The what-if base and the scenario of the rules (only a stock has dwellings to move).
  checkCancelled(signal);
  progress("Wat-als berekenen", 0.92);
  yield;
  const input = {
    dwellings, adapted: adaptation.perDwelling, rules, batScale, supplySource, supply, demand, plannen, clustering, zorgpotentieel,
  };
  const watAlsBasis = stock ? prepareWhatIf(input, { complexes }) : null;
  const watAls = watAlsBasis ? computeWhatIf(watAlsBasis, paramsFromRules(rules), { trace: true }) : null;
  const watAlsAggregaat = !stock && cbs ? computeAggregateWhatIf({ cbs, supply, demand, plannen, batScale, rules, basis: tekort }) : null;
  if (!stock && !cbs && tekort.length > 0) {
    issues.push({ code: "watals-niet-toepasbaar", severity: "info", sheet: null, cell: null,
      message: "Wat-als (woningen aanpassen, ontmoetingsruimten, Wlz-zorg) is niet berekend: daarvoor is een voorraad per woning of per complex nodig, " +
        "of een CBS-woningvoorraad met aanpassingspercentages per gemeente (de CBS-route)." });
  }
  progress("Klaar", 1);

  return {
    tables, stock, batScale, dwellings, adapted: adaptation.perDwelling, summary, groups, supplySource, supply, demand,
    tekort, adaptationTotals: adaptation.totals, plannen, aanbodPerJaar, clustering, zorgpotentieel, watAlsBasis, watAls, vergelijking, kruiscontroles: cross.controles, watAlsAggregaat, issues, rules, ...(cbs ? { cbs } : {}),
  };
}

/**
 * The analysis with another what-if scenario: `watAls` recomputed (traced per dwelling) on the
 * kept base and `rules.watAls` set to the scenario as applied, so that the result sheets and the
 * saved rules describe it. Nothing else changes (no re-classification).
 * @param result an analysis; without a what-if base (no stock per dwelling) it is returned as is.
 * @param scenario the levers (clamped as `computeWhatIf` does).
 */
export function withScenario(result: AnalysisResult, scenario: WhatIfParams): AnalysisResult {
  const base = result.watAlsBasis;
  if (!base) return result;
  const watAls = computeWhatIf(base, scenario, { trace: true });
  const p = watAls.parameters;
  const applied = {
    aanpassenPercentage: p.aanpassenPercentage, aanpassenPerSegment: p.aanpassenPerSegment, ontmoetingsruimten: p.ontmoetingsruimten,
    wlzComplexen: p.wlzComplexen, plannen: p.plannen,
  };
  return { ...result, watAls, rules: { ...result.rules, watAls: applied } };
}

/** "Blad 'X' heeft een kopregel (rij N) maar geen gegevens eronder. ..." */
function emptyStockMessage(sheet: string, ingest: StockIngest): string {
  return `Blad '${sheet}' heeft een kopregel (rij ${ingest.headerRow}) maar geen gegevens eronder; er is geen voorraad ingelezen. ` +
    `Vul de tabel, of kies het blad met de woningen (--voorraad of in het taakvenster).`;
}

/** When a workbook holds the same stock twice (per dwelling and as a wide BAT table), compare
 * the BAT totals and report whether they agree. */
function compareStockTotals(used: StockIngest, other: StockIngest, issues: Issue[]): void {
  if (!used.batScale || used.batScale !== other.batScale) return;
  const count = (s: StockIngest) => {
    const m = new Map<number | null, number>();
    for (const r of s.rows) m.set(r.bat, (m.get(r.bat) ?? 0) + r.aantal);
    return m;
  };
  const a = count(used);
  const b = count(other);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const diffs = [...keys]
    .filter((k) => (a.get(k) ?? 0) !== (b.get(k) ?? 0))
    .map((k) => `BAT ${k ?? "onbekend"}: ${a.get(k) ?? 0} tegen ${b.get(k) ?? 0}`);
  const sheetA = used.rows[0]?.sheet ?? "";
  const sheetB = other.rows[0]?.sheet ?? "";
  if (!sheetA || !sheetB) return;
  issues.push(
    diffs.length === 0
      ? { code: "voorraad-vergeleken", severity: "info", sheet: sheetB, cell: null, message: `De BAT-verdeling op blad '${sheetA}' komt per klasse overeen met blad '${sheetB}'.` }
      : { code: "voorraad-wijkt-af", severity: "waarschuwing", sheet: sheetB, cell: null, message: `De BAT-verdeling op blad '${sheetA}' wijkt af van blad '${sheetB}' (${diffs.join("; ")}). Controleer welke tabel juist is.` },
  );
}

/** Does the analysis need this sheet's cells (not only its stock rows)? Demand and supply tables
 * the two tables of the CBS route and published saldo tables. A streaming reader keeps the cells of these sheets. */
export function needsCells(kind: TableKind): boolean {
  return kind === "vraag" || kind === "aanbod" || kind === "cbs-voorraad" || kind === "aanpassingspercentages" || kind === "saldo" || kind === "citaten";
}

/**
 * Reads the tables of the CBS route: the first CBS stock table and every percentage table (e.g.
 * one per gemeente and one per gemeente × segment). Both kinds are needed; when one is missing,
 * the other is reported as not used.
 * @returns the rows for `computeCbsRoute`, or null when the route cannot run.
 */
function readCbsInput(
  names: readonly string[],
  kinds: ReadonlyMap<string, TableKind>,
  tableOf: (sheet: string) => RawTable,
  use: (sheet: string, note?: string) => void,
  skip: (sheet: string, note: string) => void,
  issues: Issue[],
): { voorraad: CbsStockEntry[]; aandelen: AdaptationShareEntry[] } | null {
  const stockSheets = names.filter((n) => kinds.get(n) === "cbs-voorraad");
  const shareSheets = names.filter((n) => kinds.get(n) === "aanpassingspercentages");
  if (stockSheets.length === 0 && shareSheets.length === 0) return null;
  if (stockSheets.length === 0 || shareSheets.length === 0) {
    const note = stockSheets.length === 0
      ? "de CBS-route heeft ook een CBS-woningvoorraad per gemeente nodig (kolommen gemeente, koop, huur)."
      : "de CBS-route heeft ook aanpassingspercentages per gemeente nodig (kolommen gemeente, geschikt, potentieel, ongeschikt).";
    for (const s of [...stockSheets, ...shareSheets]) skip(s, note);
    return null;
  }
  const stock = readCbsStock(tableOf(stockSheets[0]));
  issues.push(...stock.issues);
  use(stockSheets[0], "Gebruikt voor de CBS-route.");
  for (const other of stockSheets.slice(1)) skip(other, `er is één CBS-woningvoorraad gebruikt ('${stockSheets[0]}').`);
  const aandelen: AdaptationShareEntry[] = [];
  for (const sheet of shareSheets) {
    const shares = readAdaptationShares(tableOf(sheet));
    issues.push(...shares.issues);
    aandelen.push(...shares.entries);
    use(sheet, "Gebruikt voor de CBS-route.");
  }
  issues.push(...markRegionShares(aandelen, stock.entries));
  return { voorraad: stock.entries, aandelen };
}
