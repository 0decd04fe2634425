/// <reference types="office-js" />
/**
 * Executes a write plan (write-plan.ts) through Office.js: one operation as the Excel calls that
 * make it ({@link applyOp}), and steps sent in requests within the byte and cell budgets
 * ({@link runSteps}, the chunked sync loop). Runtime access only through the `context` passed in.
 */
import { cellAddress } from "../domain/issues";
import { a1, qualified } from "./office-cells";
import { officeErrorCode, shouldShrink } from "./office-errors";
import { type FormatsMemo, nextRequest, type StepPosition } from "./office-requests";
import type { Step, WriteOp } from "./write-ops";

/** A worksheet by its name now (a fresh `getItem`, or one cached for the request). */
export type SheetLookup = (name: string) => Excel.Worksheet;

/** A chart loaded just before, by sheet and chart name (`deleteChart` needs one). */
export type ChartLookup = (sheet: string, chart: string) => Excel.Chart | undefined;

/** Fresh `getItem` per call: the sheet by the name it has when the operation runs. */
export function sheetByName(context: Excel.RequestContext): SheetLookup {
  return (name) => context.workbook.worksheets.getItem(name);
}

/**
 * Queues the Excel calls of one operation (no sync).
 * @throws Error for a `deleteChart` whose chart was not loaded (a programming error).
 */
export function applyOp(context: Excel.RequestContext, op: WriteOp, sheet: SheetLookup, charts?: ChartLookup): void {
  switch (op.op) {
    case "addSheet":
      context.workbook.worksheets.add(op.sheet);
      return;
    case "renameSheet":
      sheet(op.sheet).name = op.to;
      return;
    case "setVisibility":
      sheet(op.sheet).visibility = op.visibility as Excel.SheetVisibility;
      return;
    case "deleteSheet":
      sheet(op.sheet).delete();
      return;
    case "addTable": {
      // The address names the sheet: without it Excel uses the active sheet.
      const table = sheet(op.sheet).tables.add(qualified(op.sheet, op.area), true);
      table.name = op.name;
      table.style = op.style;
      return;
    }
    case "renameTable":
      context.workbook.tables.getItem(op.table).name = op.to;
      return;
    case "deleteTable":
      context.workbook.tables.getItem(op.table).delete();
      return;
    case "convertTableToRange":
      context.workbook.tables.getItem(op.table).convertToRange();
      return;
    case "clear":
      // Only the area given: clearing whole columns would touch 17 billion cells
      // (OperationCellsExceedLimit on the web).
      sheet(op.sheet).getRange(a1(op.area)).clear();
      return;
    case "copyFrom":
      sheet(op.sheet).getRange(a1(op.area)).copyFrom(sheet(op.from).getRange(a1(op.area)), "All");
      return;
    case "format": {
      const ws = sheet(op.sheet);
      for (const w of op.widths) ws.getRange(cellAddress(1, w.col)).format.columnWidth = w.points;
      for (const f of op.fonts) {
        const font = ws.getRange(a1(f.area)).format.font;
        if (f.bold) font.bold = true;
        if (f.italic) font.italic = true;
        if (f.size !== undefined) font.size = f.size;
        if (f.color !== undefined) font.color = f.color;
      }
      return;
    }
    case "addChart": {
      const ws = sheet(op.sheet);
      const chart = ws.charts.add(op.type, ws.getRange(a1(op.source)), "Columns");
      op.series.forEach((s, i) => {
        const series = chart.series.getItemAt(i);
        if (s.name !== undefined) series.name = s.name;
        if (s.labels) series.setXAxisValues(ws.getRange(a1(s.labels)));
      });
      chart.title.text = op.title;
      chart.setPosition(op.from, op.to);
      return;
    }
    case "deleteChart": {
      const chart = charts?.(op.sheet, op.chart);
      if (!chart) throw new Error(`deleteChart: chart '${op.chart}' on '${op.sheet}' was not loaded`);
      chart.delete();
      return;
    }
  }
}

/** What {@link runSteps} needs besides the steps. */
export interface RunStepsControl {
  /** Budgets per request (office-requests.ts). */
  cells: number;
  bytes: number;
  /** Throws when the run was cancelled; called before every request. */
  checkCancelled: () => void;
  /** Progress in body rows of all tables, after each request (omit for none). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs write steps in requests of at most the byte budget and the cell budget
 * (office-requests.ts `nextRequest`), one sync per request, calculation suspended in each. On a
 * size error the request is retried with half the budgets (nothing of a rejected request was
 * applied).
 * @throws the Office error of a request that fails otherwise (after a `GeneralException` that
 *   made it shrink: that first error, the one to report).
 */
export async function runSteps(context: Excel.RequestContext, steps: readonly Step[], control: RunStepsControl): Promise<void> {
  const total = steps.reduce((n, s) => n + (s.op === "cells" && s.counts ? s.count : 0), 0);
  const budget = { cells: control.cells, bytes: control.bytes };
  const memo: FormatsMemo = { formats: null, size: 0 };
  let done = 0;
  let pos: StepPosition = { step: 0, row: 0 };
  /** The error that made the current request shrink, until a request succeeds. */
  let shrunkBy: unknown = null;
  while (pos.step < steps.length) {
    control.checkCancelled();
    const sheets = new Map<string, Excel.Worksheet>();
    const sheet: SheetLookup = (name) => {
      let ws = sheets.get(name);
      if (!ws) sheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
      return ws;
    };
    context.application.suspendApiCalculationUntilNextSync();
    const request = nextRequest(steps, pos, budget, memo);
    for (const piece of request.pieces) {
      if (piece.kind === "op") {
        applyOp(context, piece.step, sheet);
        continue;
      }
      const { step, row, values, formats } = piece;
      const range = sheet(step.sheet).getRange(a1({ row: step.row + row, col: step.col, rows: values.length, cols: step.width }));
      range.numberFormat = formats;
      range.values = values;
    }
    try {
      // One sync per request of the budget, never per row: chunking is the point.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (request.units > 1 && shouldShrink(err, request.bytes)) {
        budget.cells = Math.max(1, Math.floor(request.cells / 2));
        budget.bytes = Math.max(1, Math.floor(request.bytes / 2));
        shrunkBy ??= err;
        continue;
      }
      // A retry after a GeneralException that fails otherwise (a sheet or table of the first
      // attempt was applied after all): the first error is the one to report.
      throw shrunkBy !== null && officeErrorCode(shrunkBy) === "GeneralException" ? shrunkBy : err;
    }
    shrunkBy = null;
    pos = request.next;
    done += request.counted;
    control.onProgress?.(done, total);
  }
}
