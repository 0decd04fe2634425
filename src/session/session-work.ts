/**
 * What a session computes once the workbook has been read: the analysis, the summary the pane
 * shows, the result sheets and the what-if view. It is most of the application's code (analysis,
 * classification, tekort, reports), so the Excel pane's session (session.ts `portSession`)
 * imports this module on demand, when the first run starts, and the pane's first load carries
 * none of it; the browser page's worker imports it directly (xlsx-session.ts).
 */
import { computeWhatIf } from "../domain/whatif";
import { withScenario } from "../analysis/compute";
import type { AnalysisResult } from "../analysis/result";
import type { SheetModel } from "../report/sheet-model";
import { buildSheets } from "../report/sheets";
import type { Rules } from "../domain/rules";
import { keyFigures, type KeyFigures } from "./results";
import { whatIfOptions, whatIfView, type Scenario, type WhatIfOptions, type WhatIfView } from "./whatif-view";

/** What the pane shows of a finished run; the full result stays inside the session. */
export interface RunSummary {
  figures: KeyFigures;
  /** The rules the run used (saved with the result sheets, and their rounding shown). */
  rules: Rules;
  /** What the what-if panel can offer; null without a stock per dwelling (nothing to move). */
  watAls: WhatIfOptions | null;
}

export { analyseWorkbook } from "../analysis/analyse";

/** The summary the pane shows of an analysis result. */
export function runSummary(result: AnalysisResult): RunSummary {
  return {
    figures: keyFigures(result, result.rules.tekort.afronden),
    rules: result.rules,
    watAls: whatIfOptions(result.watAlsBasis, result.watAls, result.tekort.length > 0),
  };
}

/**
 * The result sheets of an analysis, showing `scenario` as its what-if (default: the one of the
 * run's rules), figures rounded as the rules say.
 */
export function resultSheets(result: AnalysisResult, scenario?: Scenario): SheetModel[] {
  const shown = scenario ? withScenario(result, scenario) : result;
  return buildSheets(shown, { afronden: shown.rules.tekort.afronden });
}

/**
 * The what-if view of `scenario` on the analysis's kept base (`result.watAlsBasis`; no re-run, no
 * re-classification), rounded as the run's rules say.
 * @returns null when the analysis has no what-if base (no stock to move dwellings in).
 */
export function whatIfOf(result: AnalysisResult, scenario: Scenario): WhatIfView | null {
  const base = result.watAlsBasis;
  return base ? whatIfView(computeWhatIf(base, scenario), result.rules.tekort.afronden) : null;
}
