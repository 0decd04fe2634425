/// <reference types="office-js" />
/**
 * A small in-memory Excel host for testing src/workbook/office.ts without Excel.
 *
 * `host.run` stands in for `Excel.run`: it gives the batch a request context whose proxies queue
 * operations until `context.sync()` (see proxies.ts), and syncs what is still queued when the
 * batch ends (documented `Excel.run` behaviour). Each sync:
 * 1. fails with InvalidOperationInCellEditMode when `cellEditMode` is on (nothing applied);
 * 2. measures the request (JSON of every queued operation with its arguments) and rejects with
 *    RequestPayloadSizeLimitExceeded above `payloadLimit` (nothing applied);
 * 3. runs the operations in order; the first failure rejects the sync and the rest is skipped,
 *    while operations before it stay applied, as in Office.js: OfficeExtension.Error
 *    `traceMessages` holds "all trace messages that were executed before the error occurred"
 *    (@types/office-js), and its example on learn.microsoft.com (javascript/api/office/
 *    officeextension.error) inserts the third and fourth paragraph of a batch and fails at the
 *    fifth, "all other commands after the failed command in the batch are not executed";
 * 4. measures the response (JSON of every loaded value) and rejects with
 *    ResponsePayloadSizeLimitExceeded above `payloadLimit`; loaded properties are then not filled
 *    (ASSUMPTION: writes in that batch stay applied);
 * 5. fills loaded properties.
 * Every sync is recorded in `syncs` so tests can count round trips and check payload sizes.
 *
 * Documented limit: Excel on the web rejects requests and responses over 5 MB
 * (office-js-docs-pr docs/excel/performance.md, "Payload size limit best practices").
 * ASSUMPTION: the size Excel counts is close to the JSON size of the values sent or returned.
 */
import { createHash } from "node:crypto";
import type { CellValue } from "../../src/ingest/types";
import { RichApiError, richError } from "./errors";
import { type Action, HostContext, type SyncEngine } from "./proxies";
import { type Area, type CellState, areaAddress, parseAddress } from "./range";
import { type SheetState, type Visibility, WorkbookState } from "./state";
import { deepCopy } from "./deep-copy";

/** One sync as the host saw it. */
export interface SyncRecord {
  index: number;
  /** Operation names in queue order (e.g. "Range.values", "Worksheet.delete"). */
  operations: string[];
  requestBytes: number;
  responseBytes: number;
  /** True when `suspendApiCalculationUntilNextSync()` was queued in this batch. */
  calculationSuspended: boolean;
  /** Error code when the sync failed. */
  error: string | null;
}

/** Arguments of the failure hook: the operation about to run and where. */
export interface OperationInfo {
  syncIndex: number;
  name: string;
  payload: unknown;
}

/**
 * A date as Excel stores it: a serial number of days in the 1900 date system (1 = 1 January
 * 1900; from 1 March 1900 on, days since 30 December 1899), the time as the fraction of a day.
 * Documented: Excel "stores dates as sequential serial numbers so they can be used in
 * calculations" (support.microsoft.com, DATE/WEEKDAY functions); Office.js returns them as those
 * numbers in `Range.values` (office-js-docs-pr docs/excel/excel-add-ins-ranges-dates.md). The
 * date's UTC calendar day and time are used.
 */
export function dateSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** A cell as seeded by a test: a plain value, an error, or a formula with its cached value. */
export type SeedValue = CellValue | undefined | { formula: string; value?: string | number | boolean };

export const FIVE_MB = 5 * 1024 * 1024;

/** Size in bytes of the UTF-8 JSON text of `data`: what goes over the wire. ASSUMPTION: Excel
 * counts about this against its limit (its own envelope per operation is small). */
export function jsonBytes(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data) ?? "", "utf8");
}

export class ExcelHost implements SyncEngine {
  /** @param state the workbook (an empty one by default; {@link copy} passes a copy). */
  constructor(readonly state: WorkbookState = new WorkbookState()) {}

  readonly syncs: SyncRecord[] = [];
  /** Request and response limit in bytes (5 MB like Excel on the web; lower it in tests). */
  payloadLimit = FIVE_MB;
  /**
   * Excel on the web may fail a large request with GeneralException ("There was an internal
   * error while processing the request") instead of a size error, well under 5 MB
   * (OfficeDev/office-js#1012, office-js#261, office-js-docs#1247: internal errors on large
   * range writes and reads in Excel Online that go away in smaller batches). Set this to a byte
   * size to model it: a request or a response over it fails with GeneralException, nothing
   * applied. ASSUMPTION: the threshold depends on the service; null (default) never fails.
   */
  webGeneralExceptionBytes: number | null = null;
  /** While true, every sync fails as when the user is editing a cell. */
  cellEditMode = false;
  /** Failure injection: return an error to make that operation fail. */
  failOperation: ((op: OperationInfo) => RichApiError | undefined) | null = null;
  /** Called before each sync runs (e.g. to abort a run after N syncs). */
  beforeSync: ((index: number) => void) | null = null;

  /** Stand-in for `Excel.run(batch)`. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new HostContext(this);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.queue.length > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  };

  async execute(actions: Action[], _context: HostContext): Promise<void> {
    const record: SyncRecord = {
      index: this.syncs.length,
      operations: actions.map((a) => a.name),
      requestBytes: jsonBytes(actions.map((a) => [a.name, a.payload])),
      responseBytes: 0,
      calculationSuspended: actions.some((a) => a.name === "Application.suspendApiCalculationUntilNextSync"),
      error: null,
    };
    this.syncs.push(record);
    this.beforeSync?.(record.index);
    await Promise.resolve();
    try {
      if (this.cellEditMode) throw richError("InvalidOperationInCellEditMode");
      if (record.requestBytes > this.payloadLimit) throw richError("RequestPayloadSizeLimitExceeded");
      if (this.webGeneralExceptionBytes !== null && record.requestBytes > this.webGeneralExceptionBytes) throw richError("GeneralException");
      const commits: (() => void)[] = [];
      const responses: unknown[] = [];
      for (const action of actions) {
        const injected = this.failOperation?.({ syncIndex: record.index, name: action.name, payload: action.payload });
        if (injected) throw injected;
        const out = action.run();
        if (out) {
          responses.push(out.response);
          commits.push(out.commit);
        }
      }
      record.responseBytes = jsonBytes(responses);
      if (record.responseBytes > this.payloadLimit) throw richError("ResponsePayloadSizeLimitExceeded");
      if (this.webGeneralExceptionBytes !== null && record.responseBytes > this.webGeneralExceptionBytes) throw richError("GeneralException");
      for (const commit of commits) commit();
    } catch (err) {
      record.error = err instanceof RichApiError ? err.code : String(err);
      throw err;
    }
  }

  // ---- Test set-up and inspection (no sync involved) ----

  /**
   * Adds a sheet with values, top-left at `origin` ("A1" by default). Strings are stored as text
   * (never as formulas), `{ error }` as an error value, `{ formula, value }` as a formula.
   */
  addSheet(name: string, rows: SeedValue[][] = [], options: { origin?: string; visibility?: Visibility } = {}): SheetState {
    const sheet = this.state.addSheet(name, "host.addSheet");
    const { area } = parseAddress(options.origin ?? "A1");
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        sheet.cells.set(area.r0 + i, area.c0 + j, seedCell(v));
      }),
    );
    if (options.visibility) sheet.visibility = options.visibility;
    return sheet;
  }

  /**
   * Fills an area of a sheet from a function of (row, column), 1-based, without building the
   * rows first: for sheets of a million rows. Values are stored as `addSheet` stores them.
   */
  fill(sheetName: string, address: string, valueAt: (r: number, c: number) => SeedValue): void {
    const sheet = this.mustSheet(sheetName);
    const { area } = parseAddress(address);
    for (let r = area.r0; r <= area.r1; r++) {
      for (let c = area.c0; c <= area.c1; c++) {
        const v = valueAt(r, c);
        if (v !== null && v !== undefined) sheet.cells.set(r, c, seedCell(v));
      }
    }
  }

  /**
   * A new host holding a deep copy of this host's workbook (sheets, cells, tables, charts, names,
   * active sheet, selection, and the counters behind new ids and names, so the copy goes on
   * exactly as this one would). The host's own settings do not come along: the copy starts with
   * no syncs recorded, the default limits, no failure injection and not in cell edit mode.
   * Cheap next to building a large workbook again (arrays and typed arrays are sliced).
   */
  copy(): ExcelHost {
    return new ExcelHost(deepCopy(this.state));
  }

  /** Simulates saving and reopening the file on an Excel that gives sheets new ids (state.ts). */
  reopen(): void {
    this.state.reopen();
  }

  sheet(name: string): SheetState | undefined {
    return this.state.find(name);
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** The stored cell at an A1 address ("B3") on a sheet. */
  cell(sheetName: string, address: string): CellState | undefined {
    const sheet = this.mustSheet(sheetName);
    const { area } = parseAddress(address);
    return sheet.cells.get(area.r0, area.c0);
  }

  /** Values as `Range.values` would give them, for an area ("A1:C3") or the used range. */
  values(sheetName: string, address?: string): (string | number | boolean)[][] {
    const sheet = this.mustSheet(sheetName);
    const area: Area | null = address ? parseAddress(address).area : sheet.usedArea(true);
    if (!area) return [];
    const out: (string | number | boolean)[][] = [];
    for (let r = area.r0; r <= area.r1; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = area.c0; c <= area.c1; c++) row.push(this.state.readCell(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** Sets the user's selection (one area), or "multiple" for a multi-area selection. */
  select(sheetName: string, address: string | "multiple"): void {
    if (address === "multiple") {
      this.state.selection = "multiple";
      return;
    }
    this.state.selection = { sheet: this.mustSheet(sheetName), area: parseAddress(address).area };
  }

  get activeSheet(): string | null {
    return this.state.active?.name ?? null;
  }

  /**
   * Everything a user could see or rely on, as plain data: for "workbook unchanged" checks.
   * `cells: "digest"` replaces each sheet's cell list by a SHA-256 of its cells (for sheets of a
   * million rows); the default lists every cell ("r,c" → content) for a readable difference.
   */
  snapshot(options: { cells?: "list" | "digest" } = {}): unknown {
    const cells = (s: SheetState): unknown => {
      if (options.cells === "digest") {
        const hash = createHash("sha256");
        s.cells.digest((chunk) => hash.update(chunk));
        return hash.digest("hex");
      }
      return [...s.cells.entries()].map(([r, c, v]) => [`${r},${c}`, v]);
    };
    return {
      active: this.activeSheet,
      sheets: this.state.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        visibility: s.visibility,
        cells: cells(s),
        tables: s.tables.map((t) => ({ name: t.name, address: areaAddress(t.area), style: t.style })),
        charts: s.charts.map((c) => ({ type: c.type, title: c.title, series: c.series.length })),
        columnWidths: [...s.columnWidths.entries()],
        formats: s.formats.length,
      })),
    };
  }

  /** Every cell on a sheet that holds a formula (none may appear on our result sheets). */
  formulas(sheetName: string): [string, string][] {
    const out: [string, string][] = [];
    for (const [r, c, cell] of this.mustSheet(sheetName).cells.entries()) if (cell.formula !== undefined) out.push([areaAddress({ r0: r, r1: r, c0: c, c1: c }), cell.formula]);
    return out;
  }

  private mustSheet(name: string): SheetState {
    const sheet = this.state.find(name);
    if (!sheet) throw new Error(`host: no sheet '${name}'`);
    return sheet;
  }
}

/** A seeded value as a stored cell: text stays text (never a formula), `{ error }` an error value,
 * `{ formula, value }` a formula with its cached value. */
function seedCell(v: Exclude<SeedValue, null | undefined>): CellState {
  if (typeof v === "object" && v instanceof Date) return { value: dateSerial(v), format: "d-m-yyyy" };
  if (typeof v === "object" && "error" in v) return { error: v.error };
  if (typeof v === "object" && "formula" in v) return v.value === undefined ? { formula: v.formula } : { formula: v.formula, value: v.value };
  return { value: v };
}
