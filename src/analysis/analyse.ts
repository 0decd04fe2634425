/**
 * The entry points of the analysis (read → ingest → domain, design.md): `analyseWorkbook` over a
 * workbook port (the task pane, the in-memory reader) and `analyseSheets` over sheets already
 * read (the streaming reading pass of the command line and the browser page,
 * src/analysis/xlsx-pass.ts). Both run the same steps, with progress callbacks and cancellation
 * between them: the tables chosen (choose.ts), then the compute steps (compute.ts).
 */
import { UserError } from "../domain/issues";
import { readStock } from "../ingest/stock";
import type { WorkbookReader } from "../workbook/port";
import { chooseTables, checkChosenSheets, isStockCandidate, recogniseSheet, stockOptionsFor } from "./choose";
import { computeResult } from "./compute";
import { checkCancelled, RunLedger } from "./ledger";
import type { AnalyseOptions, AnalysisResult, SheetRead } from "./result";
import { EXCEL_MAX_ROWS } from "../domain/excel-limits";

/** The Dutch message for a workbook without worksheets (of the user's): another kind of file. */
const NO_SHEETS = "De werkmap heeft geen werkbladen; het bestand is beschadigd of geen Excel-werkmap. " +
  "Open het in Excel en sla het op als Excel-werkmap (.xlsx).";

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
async function analyseSheetsPausing(sheets: readonly SheetRead[], options: AnalyseOptions, pause: () => Promise<void>): Promise<AnalysisResult> {
  const steps = analysisSteps(sheets, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    await pause();
  }
}


/** The steps of {@link analyseSheets}: the tables chosen (choose.ts), then the compute steps
 * (compute.ts); yields after each step's progress report. */
function* analysisSteps(sheets: readonly SheetRead[], options: AnalyseOptions): Generator<void, AnalysisResult, void> {
  const ledger = new RunLedger(sheets);
  const chosen = yield* chooseTables(sheets, options, ledger);
  return yield* computeResult(chosen, options, ledger);
}
