/**
 * The compute steps of a run, after the tables are chosen (src/analysis/choose.ts): classify the
 * dwellings, aggregate, assess adaptation, the CBS route, clustering and care potential, planned
 * changes, the tekort, the comparison with published tables, the cross checks and the what-if.
 */
import { makeIssue } from "../domain/issues";
import { assessAdaptation } from "../domain/potentieel";
import { classifyStock } from "../domain/classify";
import { summariseAll, supplyFromSummary, type GroupKey } from "../domain/aggregate";
import type { TekortRow } from "../domain/tekort";
import { computeTekortWithPlans, type PlannedChange, type SupplyYear } from "../domain/plannen";
import { findClusterCandidates } from "../domain/clustering";
import { findCareCandidates } from "../domain/zorgpotentieel";
import { stockComplexes } from "../domain/reclassify";
import { computeWhatIf, paramsFromRules, prepareWhatIf, type WhatIfParams } from "../domain/whatif";
import type { BatScale } from "../domain/types";
import type { StockRows } from "../domain/stock-columns";
import { readPlannedChanges } from "../ingest/mutaties";
import { numericScaleFor } from "../ingest/bat-scale";
import { computeCbsRoute } from "../domain/cbs";
import { compareSaldo, vergelijkingIssues, type SaldoVergelijking } from "../domain/vergelijking";
import { crossChecks, type StockTableTotal } from "../domain/kruiscontrole";
import { checkAgainstTable, planListIssue, summarisePlanList } from "../domain/plannen-lijst";
import { computeAggregateWhatIf } from "../domain/whatif-aggregaat";
import { whatIfLimits } from "../domain/whatif-toepasbaar";
import { unrecognisedComplexFactsIssue } from "../ingest/complex-columns";
import { crossTableAdaptation, type CrossTableAdaptation } from "../domain/potentieel-kruistabel";
import { formatWoningen } from "../domain/format";
import type { ChosenTables } from "./choose";
import { checkCancelled, type RunLedger } from "./ledger";
import type { AnalyseOptions, AnalysisResult, SupplySource } from "./result";

const GROUP_KEYS: GroupKey[] = ["gemeente", "wijk", "buurt", "eigenaar", "segment"];

/**
 * The steps after {@link chooseTables}; yields after each step's progress report.
 * @returns the whole analysis result, with the ledger's issues and table use.
 * @throws UserError when the run is cancelled.
 */
export function* computeResult(chosenTables: ChosenTables, options: AnalyseOptions, ledger: RunLedger): Generator<void, AnalysisResult, void> {
  const { rules, onProgress, signal } = options;
  const progress = (stap: string, f: number) => onProgress?.(stap, f);
  const { issues, tables, use, skip } = ledger;
  const { stock, chosen, crossStock, crossAdaptation, crossTotals, batTotals, batDistributions, stockPeildatum, demand, supplyTable, saldoTables, quotes, cbsInput, planSheets, planTable, planLists } = chosenTables;
  const scaleSetting = rules.batSchaal;
  // Classification and aggregation.
  checkCancelled(signal);
  progress("Woningen indelen", 0.55);
  yield;
  const batScale: BatScale = stock?.batScale ?? numericScaleFor(scaleSetting);
  const rows: StockRows = stock?.rows ?? [];
  const classified = classifyStock(rows, rules, { kruistabel: crossStock });
  issues.push(...classified.issues);
  const dwellings = classified.classified;
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
  const adaptation = assessAdaptation(dwellings, rules, { kruistabel: crossStock });
  issues.push(...adaptation.issues);
  let aanpassingKruistabel: CrossTableAdaptation | undefined;
  if (crossAdaptation && chosen) {
    // Assessed on its own (the same rules), never mixed with the stock's dwellings.
    const crossRows = classifyStock(crossAdaptation.ingest.rows, rules, { kruistabel: true });
    const crossAdapted = assessAdaptation(crossRows.classified, rules, { kruistabel: true });
    issues.push(...crossAdapted.issues);
    aanpassingKruistabel = crossTableAdaptation(crossRows.classified, crossAdapted.perDwelling,
      { sheet: crossAdaptation.sheet, voorraadSheet: chosen.sheet }, summary.eenheden);
    issues.push(makeIssue("aanpassing-uit-kruistabel", "info", crossAdaptation.sheet, null,
      `Het aanpassingspotentieel naar woningtype komt uit de kruistabel op blad '${crossAdaptation.sheet}' ` +
        `(${formatWoningen(aanpassingKruistabel.woningen)}); de BZK-indeling en het aanbod komen uit blad '${chosen.sheet}' ` +
        `(${formatWoningen(summary.eenheden)}), dat geen kolom woningtype heeft. De twee tabellen worden niet bij elkaar opgeteld ` +
        `en niet per woning gekoppeld: zie de tweede tabel op het blad Aanpassingspotentieel.` +
        (stock ? ` Wat-als schat met het aandeel potentieel geschikte woningen uit de kruistabel hoeveel woningen op blad '${chosen.sheet}' ` +
          `aangepast kunnen worden; de toelichting bij wat-als zegt hoe.` : "")));
  }
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
    const table = planTable;
    if (table) {
      const p = readPlannedChanges(table, batScale);
      plannen = p.changes;
      issues.push(...p.issues);
      use(planSheets[0], `${p.changes.length} geplande wijzigingen gelezen.`);
    } else {
      skip(planSheets[0], "het blad is te groot om als tabel met geplande wijzigingen te lezen.");
    }
  }

  // Published lists of plans without class or type: summarised, compared with the planned-changes
  // table when there is one, and reported; never in the tekort.
  const plannenZonderKlasse = planLists.map((l) => checkAgainstTable(summarisePlanList(l), plannen));
  for (const s of plannenZonderKlasse) issues.push(planListIssue(s));

  checkCancelled(signal);
  progress("Tekort berekenen", 0.85);
  yield;
  const supplySource: SupplySource = stock && !crossStock ? "voorraad" : supplyTable.length > 0 ? "aanbodtabel" : null;
  const supply = supplySource === "voorraad" ? supplyFromSummary(summary, batScale) : supplyTable;
  if (crossStock && supplySource === null && demand.length > 0) {
    issues.push(makeIssue("kruistabel-geen-aanbod", "waarschuwing", chosen!.sheet, null,
      `Blad '${chosen!.sheet}' is een kruistabel woningtype × huurklasse zonder BAT-scores: daaruit is het aanpassingspotentieel ` +
        "bepaald, maar niet het aanbod per woonvorm. Het tekort is daarom niet berekend. Voeg een aanbodtabel of een voorraad met BAT-scores toe."));
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
    issues.push(makeIssue("plannen-geen-aanbod", "waarschuwing", planSheets[0], null,
      "Er zijn geplande wijzigingen, maar geen voorraad of aanbodtabel om ze op toe te passen; ze zijn niet gebruikt."));
  }
  if (demand.length === 0) {
    issues.push(makeIssue("geen-vraag", "info", null, null,
      "Geen vraagtabel gevonden: het tekort is niet berekend. Voeg een vraagtabel toe, of wijs die aan in stap 1 van het taakvenster (opdrachtregel: --vraag)."));
  } else if (!supplySource && !crossStock) {
    issues.push(makeIssue("geen-aanbod", "waarschuwing", null, null,
      "Geen voorraad- of aanbodtabel gevonden: het tekort is niet berekend. Voeg een voorraad- of aanbodtabel toe, of wijs die aan in stap 1 van het taakvenster (opdrachtregel: --voorraad)."));
  }
  const vergelijking: SaldoVergelijking[] = [];
  for (const t of saldoTables) {
    if (tekort.length === 0) {
      issues.push(makeIssue("saldo-niet-nagerekend", "waarschuwing", t.sheet, null,
        `Blad '${t.sheet}' is een gepubliceerde saldotabel, maar zonder vraag en aanbod in de werkmap is die niet na te rekenen. Voeg de vraag- en aanbodtabel toe waar de cijfers op berusten.`));
      continue;
    }
    const v = compareSaldo(t, tekort);
    vergelijking.push(v);
    issues.push(...vergelijkingIssues(v));
  }
  const stocks: StockTableTotal[] = [];
  if (stock && chosen) {
    const noBat = summary.perBzk.onbekend === summary.eenheden;
    stocks.push({
      sheet: chosen.sheet, soort: crossStock ? "kruistabel" : "bat", gebruikt: true, woningen: summary.eenheden,
      nultreden: crossStock || noBat ? null : summary.cumulatief.nultreden, peildatum: stockPeildatum,
    });
  }
  for (const t of batTotals) stocks.push({ sheet: t.sheet, soort: "bat", woningen: t.woningen, nultreden: null, peildatum: t.peildatum });
  for (const t of crossTotals) stocks.push({ sheet: t.sheet, soort: "kruistabel", woningen: t.woningen, nultreden: null, peildatum: t.peildatum });
  const cross = crossChecks({ supply: supplySource === "aanbodtabel" ? supply : [], cbsStock: cbsInput?.voorraad ?? [], shares: cbsInput?.aandelen ?? [], quotes, stocks, batDistributions });
  issues.push(...cross.issues);
  // The what-if base and the scenario of the rules (only a stock has dwellings to move).
  checkCancelled(signal);
  progress("Wat-als berekenen", 0.92);
  yield;
  const input = {
    dwellings, adapted: adaptation.perDwelling, rules, batScale, voorraadSheet: chosen?.sheet ?? null, supplySource, supply, demand, plannen, clustering, zorgpotentieel,
    ...(aanpassingKruistabel ? { kruistabel: aanpassingKruistabel } : {}),
  };
  const watAlsBasis = stock ? prepareWhatIf(input, { complexes }) : null;
  const params = paramsFromRules(rules);
  const watAls = watAlsBasis ? computeWhatIf(watAlsBasis, params, { trace: true }) : null;
  if (watAls) issues.push(...whatIfLimits(watAls, params, input.voorraadSheet));
  const watAlsAggregaat = !stock && cbs ? computeAggregateWhatIf({ cbs, supply, demand, plannen, batScale, rules, basis: tekort }) : null;
  if (!stock && !cbs && tekort.length > 0) {
    issues.push(makeIssue("watals-niet-toepasbaar", "info", null, null,
      "Wat-als (woningen aanpassen, ontmoetingsruimten, Wlz-zorg) is niet berekend: daarvoor is een voorraad per woning of per complex nodig, " +
        "of een CBS-woningvoorraad met aanpassingspercentages per gemeente (de CBS-route)."));
  }
  progress("Klaar", 1);

  return {
    tables, stock, batScale, dwellings, adapted: adaptation.perDwelling, summary, groups, supplySource, supply, demand,
    tekort, adaptationTotals: adaptation.totals, plannen, aanbodPerJaar, clustering, zorgpotentieel, watAlsBasis, watAls, vergelijking, kruiscontroles: cross.controles, plannenZonderKlasse, watAlsAggregaat, issues, rules, ...(cbs ? { cbs } : {}),
    ...(aanpassingKruistabel ? { aanpassingKruistabel } : {}),
  };
}

/**
 * The analysis with another what-if scenario: `watAls` recomputed (traced per dwelling) on the
 * kept base, `rules.watAls` set to the scenario as applied, and the notes on levers that cannot
 * act ("watals-geen-effect", whatif-toepasbaar.ts) made again for this scenario, so that the
 * result sheets (Controle included) and the saved rules describe it. Nothing else changes (no
 * re-classification).
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
  // The new notes where the run's were (the Controle sheet keeps its order), else at the end.
  const limits = whatIfLimits(watAls, scenario, base.input.voorraadSheet ?? null);
  const at = result.issues.findIndex((i) => i.code === "watals-geen-effect");
  const kept = result.issues.filter((i) => i.code !== "watals-geen-effect");
  const issues = at < 0 ? [...kept, ...limits] : [...kept.slice(0, at), ...limits, ...kept.slice(at)];
  return { ...result, watAls, issues, rules: { ...result.rules, watAls: applied } };
}
