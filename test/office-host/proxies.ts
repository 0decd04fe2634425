/**
 * Proxy objects and the request context of the in-memory Excel host, following the documented
 * Office.js model (office-js-docs-pr docs/develop/application-specific-api-model.md):
 *
 * - every method call and property write is queued; nothing happens until `context.sync()`;
 * - properties can only be read after `load()` and a `sync()`: before that the getter throws
 *   PropertyNotLoaded (with the message real Office.js gives);
 * - `*OrNullObject` methods give an object whose `isNullObject` is set by the next sync;
 * - `collection.load("items/name")` fills `items` with loaded child objects;
 * - a proxy is bound to its object when its creating call runs in a sync, and keeps pointing at
 *   that object afterwards (a rename does not break it).
 *
 * Every proxy is wrapped so that reading or writing a member the host does not model throws a
 * clear "not implemented in host" error instead of silently returning undefined.
 */
import { NotInHostError, propertyNotLoaded, richError } from "./errors";
import { type Area, MAX_COLS, MAX_ROWS, parseAddress } from "./range";
import type { ChartState, NameState, SheetArea, SheetState, TableState, WorkbookState } from "./state";

/** One queued operation. `run` executes it at sync time; a load returns its response and a
 * commit that fills the proxy once the whole batch succeeded. */
export interface Action {
  name: string;
  payload: unknown;
  run(): void | { response: unknown; commit(): void };
}

/** What the context needs from the host to execute a batch. */
export interface SyncEngine {
  readonly state: WorkbookState;
  execute(actions: Action[], context: HostContext): Promise<void>;
}

/** Wraps a proxy so that members the host does not model fail loudly. */
function guarded<T extends object>(obj: T, typeName: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver);
      // Probed by `await`, JSON.stringify and jest's printers: answer "absent".
      if (prop === "then" || prop === "toJSON" || prop === "asymmetricMatch" || prop === "$$typeof" || prop === "nodeType") return undefined;
      throw new NotInHostError(`${typeName}.${prop}`);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.set(target, prop, value, receiver);
      throw new NotInHostError(`setting ${typeName}.${String(prop)}`);
    },
  });
}

/** Parses a load argument into property paths ("a,b" or ["a","b"] or { select }). */
function loadPaths(props: unknown, typeName: string): string[] {
  let list: string[] = [];
  if (typeof props === "string") list = props.split(",");
  else if (Array.isArray(props)) list = props.map(String);
  else if (props && typeof props === "object" && "select" in props) return loadPaths((props as { select: unknown }).select, typeName);
  list = list.map((p) => p.trim()).filter((p) => p.length > 0);
  if (list.length === 0) throw new NotInHostError(`${typeName}.load() without property names (name what you need: it keeps the payload small)`);
  return list;
}

/** The host's `Excel.RequestContext`. */
export class HostContext {
  queue: Action[] = [];
  closed = false;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(readonly engine: SyncEngine) {
    this.application = guarded(new ApplicationProxy(this), "Application");
    this.workbook = guarded(new WorkbookProxy(this), "Workbook");
    return guarded(this, "RequestContext");
  }

  enqueue(action: Action): void {
    if (this.closed) throw richError("InvalidRequestContext", action.name);
    this.queue.push(action);
  }

  /** Sends the queued operations to the "workbook" and fills loaded properties. */
  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    await this.engine.execute(actions, this);
  }
}

/**
 * Base of every proxy: binding, loading and the PropertyNotLoaded rule.
 * `binder` finds the object in the workbook (at sync time, in queue order); it returns null for
 * an `*OrNullObject` lookup that found nothing.
 */
abstract class HostObject<S> {
  private bound: S | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: HostContext,
    private readonly typeName: string,
    private binder: () => S | null,
  ) {}

  /** Binds the proxy (once); sets `isNullObject`. */
  resolve(): S | null {
    if (this.bound === undefined) {
      this.bound = this.binder();
      this.loaded.set("isNullObject", this.bound === null);
    }
    return this.bound;
  }

  /** The bound object, for operations that need one. */
  protected must(where: string): S {
    const t = this.resolve();
    if (t === null) throw new NotInHostError(`${where} on a null object (check isNullObject first)`);
    if (isDeleted(t)) throw richError("ItemNotFound", where);
    return t;
  }

  /** Used by `add` methods: binds to the object just created. If the creating sync fails, the
   * proxy can never be bound. ASSUMPTION: using it later fails with InvalidObjectPath. */
  bindCreated(target: S): void {
    this.bound = target;
    this.loaded.set("isNullObject", false);
  }

  unbindable(): void {
    this.binder = () => {
      throw richError("InvalidObjectPath", this.typeName);
    };
  }

  /** Queues the binding, so a failing lookup (ItemNotFound) fails the sync at its place. */
  protected queueBind(name: string, payload: unknown): this {
    this.context.enqueue({ name, payload, run: () => void this.resolve() });
    return this;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }

  protected read(prop: string): unknown {
    if (!this.loaded.has(prop)) throw propertyNotLoaded(this.typeName, prop);
    return this.loaded.get(prop);
  }

  protected setLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  /** The value of one loadable property of the bound object. */
  protected abstract loadProp(target: S, prop: string): unknown;

  /**
   * Queues a load. ASSUMPTION: loading a null object succeeds and loads nothing (only
   * `isNullObject` is then meaningful).
   */
  load(props?: unknown): this {
    const paths = loadPaths(props, this.typeName);
    this.context.enqueue({
      name: `${this.typeName}.load`,
      payload: { load: paths },
      run: () => {
        const t = this.resolve();
        if (t === null) return { response: null, commit: () => undefined };
        if (isDeleted(t)) throw richError("ItemNotFound", `${this.typeName}.load`);
        const data: Record<string, unknown> = {};
        for (const p of paths) data[p] = this.loadProp(t, p);
        return { response: data, commit: () => this.commitLoad(data) };
      },
    });
    return this;
  }

  protected commitLoad(data: Record<string, unknown>): void {
    for (const [p, v] of Object.entries(data)) this.loaded.set(p, v);
  }

  protected enqueue(name: string, payload: unknown, run: () => void): void {
    this.context.enqueue({ name, payload, run });
  }
}

function isDeleted(t: unknown): boolean {
  if (t && typeof t === "object") {
    if ("deleted" in t && (t as { deleted: boolean }).deleted) return true;
    if ("sheet" in t && (t as { sheet: SheetState }).sheet.deleted) return true;
  }
  return false;
}

/** `Excel.Application`: only calculation suspension. */
export class ApplicationProxy {
  constructor(readonly context: HostContext) {}

  /** ExcelApi 1.6. Recorded on the sync it belongs to. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({ name: "Application.suspendApiCalculationUntilNextSync", payload: {}, run: () => undefined });
  }
}

/** `Excel.Workbook`. */
export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;

  constructor(readonly context: HostContext) {
    this.worksheets = guarded(new WorksheetCollectionProxy(context), "WorksheetCollection");
    this.tables = guarded(new TableCollectionProxy(context, null), "TableCollection");
    this.names = guarded(new NamedItemCollectionProxy(context), "NamedItemCollection");
  }

  get application(): ApplicationProxy {
    return this.context.application;
  }

  /** The selected range. ASSUMPTION: a multi-area selection fails with InvalidSelection. */
  getSelectedRange(): RangeProxy {
    const state = this.context.engine.state;
    return makeRange(this.context, () => {
      const sel = state.selection;
      if (sel === "multiple" || sel === null) throw richError("InvalidSelection", "Workbook.getSelectedRange");
      return { sheet: sel.sheet, area: { ...sel.area } };
    }).bindNow("Workbook.getSelectedRange");
  }
}

/** `Excel.WorksheetCollection`. */
export class WorksheetCollectionProxy extends HostObject<WorkbookState> {
  constructor(context: HostContext) {
    super(context, "WorksheetCollection", () => context.engine.state);
  }

  get items(): WorksheetProxy[] {
    return this.read("items") as WorksheetProxy[];
  }

  protected loadProp(): unknown {
    throw new NotInHostError("WorksheetCollection properties other than items/...");
  }

  /** Collection load: "items/name" or "name" both load that property of every item. */
  override load(props?: unknown): this {
    const paths = loadPaths(props, "WorksheetCollection").map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      name: "WorksheetCollection.load",
      payload: { load: paths },
      run: () => {
        const sheets = this.context.engine.state.sheets.slice();
        const data = sheets.map((s) => Object.fromEntries(paths.map((p) => [p, worksheetProp(s, p)])));
        return {
          response: data,
          commit: () => {
            const items = sheets.map((s, i) => {
              const ws = makeWorksheet(this.context, () => s);
              ws.resolve();
              for (const p of paths) ws.setLoadedPublic(p, data[i][p]);
              return ws;
            });
            this.setLoaded("items", items);
          },
        };
      },
    });
    return this;
  }

  getItem(key: string): WorksheetProxy {
    const state = this.context.engine.state;
    return makeWorksheet(this.context, () => {
      const s = state.find(key);
      if (!s) throw richError("ItemNotFound", "WorksheetCollection.getItem");
      return s;
    }).bindNow("WorksheetCollection.getItem", key);
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): WorksheetProxy {
    const state = this.context.engine.state;
    return makeWorksheet(this.context, () => state.find(key) ?? null).bindNow("WorksheetCollection.getItemOrNullObject", key);
  }

  add(name?: string): WorksheetProxy {
    const ws = makeWorksheet(this.context, () => null);
    ws.unbindable();
    this.enqueue("WorksheetCollection.add", { add: name ?? null }, () => ws.bindCreated(this.context.engine.state.addSheet(name)));
    return ws;
  }
}

/** `Excel.NamedItemCollection` of the workbook: load of `items/name` (ExcelApi 1.1) and `add`
 * (ExcelApi 1.4). Rules in state.ts `addName`. */
export class NamedItemCollectionProxy extends HostObject<WorkbookState> {
  constructor(context: HostContext) {
    super(context, "NamedItemCollection", () => context.engine.state);
  }

  get items(): { name: string }[] {
    return this.read("items") as { name: string }[];
  }

  protected loadProp(): unknown {
    throw new NotInHostError("NamedItemCollection properties other than items/...");
  }

  override load(props?: unknown): this {
    const paths = loadPaths(props, "NamedItemCollection").map((p) => p.replace(/^items\//, ""));
    if (paths.some((p) => p !== "name")) throw new NotInHostError(`NamedItem.${paths.join(",")}`);
    this.context.enqueue({
      name: "NamedItemCollection.load",
      payload: { load: paths },
      run: () => {
        const data = this.context.engine.state.names.map((n: NameState) => ({ name: n.name }));
        return { response: data, commit: () => this.setLoaded("items", data) };
      },
    });
    return this;
  }

  add(name: string, reference: string): void {
    this.enqueue("NamedItemCollection.add", { name, reference }, () => void this.context.engine.state.addName(name, reference));
  }
}

function worksheetProp(s: SheetState, prop: string): unknown {
  switch (prop) {
    case "name":
      return s.name;
    case "visibility":
      return s.visibility;
    case "id":
      return s.id;
    default:
      throw new NotInHostError(`Worksheet.${prop}`);
  }
}

function makeWorksheet(context: HostContext, binder: () => SheetState | null): WorksheetProxy {
  return guarded(new WorksheetProxy(context, binder), "Worksheet");
}

/** `Excel.Worksheet`. */
export class WorksheetProxy extends HostObject<SheetState> {
  constructor(context: HostContext, binder: () => SheetState | null) {
    super(context, "Worksheet", binder);
  }

  bindNow(name: string, key?: string): this {
    return this.queueBind(name, { key: key ?? null });
  }

  setLoadedPublic(prop: string, value: unknown): void {
    this.setLoaded(prop, value);
  }

  protected loadProp(s: SheetState, prop: string): unknown {
    if (prop === "position") return this.context.engine.state.sheets.indexOf(s);
    return worksheetProp(s, prop);
  }

  get name(): string {
    return this.read("name") as string;
  }

  /** Rename, checked when the sync runs. */
  set name(value: string) {
    this.enqueue("Worksheet.name", { name: value }, () => {
      const s = this.must("Worksheet.name");
      this.context.engine.state.checkSheetName(value, s, "Worksheet.name");
      const old = s.name;
      s.name = value;
      this.context.engine.state.rewriteReferences(old, value);
    });
  }

  get visibility(): string {
    return this.read("visibility") as string;
  }

  /** ExcelApi 1.1, read-only. */
  get id(): string {
    return this.read("id") as string;
  }

  /** ExcelApi 1.2 for setting. */
  set visibility(value: string) {
    this.enqueue("Worksheet.visibility", { visibility: value }, () => this.context.engine.state.setVisibility(this.must("Worksheet.visibility"), value));
  }

  private tablesProxy: TableCollectionProxy | null = null;
  private chartsProxy: ChartCollectionProxy | null = null;

  /** Navigation properties return the same proxy every time, as in Office.js. */
  get tables(): TableCollectionProxy {
    return (this.tablesProxy ??= guarded(new TableCollectionProxy(this.context, this), "TableCollection"));
  }

  get charts(): ChartCollectionProxy {
    return (this.chartsProxy ??= guarded(new ChartCollectionProxy(this.context, this), "ChartCollection"));
  }

  sheetState(where: string): SheetState {
    return this.must(where);
  }

  /** A range by A1 address on this sheet ("A1", "A1:C5", "A:C", "3:5"). */
  getRange(address?: string): RangeProxy {
    if (address === undefined) throw new NotInHostError("Worksheet.getRange() without an address");
    return makeRange(this.context, () => {
      const sheet = this.must("Worksheet.getRange");
      const parsed = parseAddress(address);
      if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw richError("InvalidArgument", "Worksheet.getRange");
      return { sheet, area: parsed.area };
    }).bindNow("Worksheet.getRange", address);
  }

  /** ExcelApi 1.7: 0-based start, sizes ≥ 1. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return makeRange(this.context, () => {
      const sheet = this.must("Worksheet.getRangeByIndexes");
      const area: Area = { r0: startRow + 1, c0: startColumn + 1, r1: startRow + rowCount, c1: startColumn + columnCount };
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || area.r1 > MAX_ROWS || area.c1 > MAX_COLS) {
        throw richError("InvalidArgument", "Worksheet.getRangeByIndexes");
      }
      return { sheet, area };
    }).bindNow("Worksheet.getRangeByIndexes", [startRow, startColumn, rowCount, columnCount]);
  }

  /** ExcelApi 1.1. Documented: "If the worksheet is blank, this function will return the top
   * left cell" (no error). */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return makeRange(this.context, () => {
      const sheet = this.must("Worksheet.getUsedRange");
      return { sheet, area: sheet.usedArea(valuesOnly === true) ?? { r0: 1, c0: 1, r1: 1, c1: 1 } };
    }).bindNow("Worksheet.getUsedRange", valuesOnly ?? false);
  }

  /** ExcelApi 1.4. Null object for a blank sheet (documented). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return makeRange(this.context, () => {
      const sheet = this.must("Worksheet.getUsedRangeOrNullObject");
      const area = sheet.usedArea(valuesOnly === true);
      return area ? { sheet, area } : null;
    }).bindNow("Worksheet.getUsedRangeOrNullObject", valuesOnly ?? false);
  }

  delete(): void {
    this.enqueue("Worksheet.delete", {}, () => this.context.engine.state.deleteSheet(this.must("Worksheet.delete")));
  }

  activate(): void {
    this.enqueue("Worksheet.activate", {}, () => this.context.engine.state.activate(this.must("Worksheet.activate")));
  }
}

/** What a range proxy is bound to. */
type RangeTarget = SheetArea;

function makeRange(context: HostContext, binder: () => RangeTarget | null): RangeProxy {
  return guarded(new RangeProxy(context, binder), "Range");
}

function grid<T>(area: Area, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = area.r0; r <= area.r1; r++) {
    const row: T[] = [];
    for (let c = area.c0; c <= area.c1; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** Documented: "a range is limited to five million cells for get operations" (office-js-docs-pr
 * docs/excel/performance.md). ASSUMPTION: Excel then fails with RangeExceedsLimit (toolchain.md
 * notes it may instead return null values; the adapter stays far below the limit either way). */
export const READ_CELL_LIMIT = 5_000_000;

function checkReadSize(area: Area, prop: string): void {
  if ((area.r1 - area.r0 + 1) * (area.c1 - area.c0 + 1) > READ_CELL_LIMIT) throw richError("RangeExceedsLimit", `Range.${prop}`);
}

/** `Excel.Range`. */
export class RangeProxy extends HostObject<RangeTarget> {
  constructor(context: HostContext, binder: () => RangeTarget | null) {
    super(context, "Range", binder);
  }

  bindNow(name: string, arg?: unknown): this {
    return this.queueBind(name, { arg: arg ?? null });
  }

  protected loadProp(t: RangeTarget, prop: string): unknown {
    const { sheet, area } = t;
    switch (prop) {
      case "address":
        return sheet.address(area);
      case "rowCount":
        return area.r1 - area.r0 + 1;
      case "columnCount":
        return area.c1 - area.c0 + 1;
      case "rowIndex":
        return area.r0 - 1;
      case "columnIndex":
        return area.c0 - 1;
      case "values": {
        checkReadSize(area, prop);
        // Looked up once: `this` is the guarded Proxy, whose trap would run for every cell.
        const state = this.context.engine.state;
        return grid(area, (r, c) => state.readCell(sheet, r, c));
      }
      case "valueTypes":
        checkReadSize(area, prop);
        return grid(area, (r, c) => sheet.cells.valueType(r, c));
      case "numberFormat":
        checkReadSize(area, prop);
        return grid(area, (r, c) => sheet.cells.format(r, c));
      default:
        throw new NotInHostError(`Range.${prop}`);
    }
  }

  get address(): string {
    return this.read("address") as string;
  }
  get rowCount(): number {
    return this.read("rowCount") as number;
  }
  get columnCount(): number {
    return this.read("columnCount") as number;
  }
  get rowIndex(): number {
    return this.read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.read("columnIndex") as number;
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes") as string[][];
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }

  /** Documented: the 2-D array must match the range's size, else InvalidArgument. */
  private checkShape(input: unknown, area: Area, where: string): unknown[][] {
    const rows = area.r1 - area.r0 + 1;
    const cols = area.c1 - area.c0 + 1;
    if (!Array.isArray(input) || input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw richError("InvalidArgument", where, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    return input as unknown[][];
  }

  set values(input: unknown[][]) {
    this.enqueue("Range.values", { values: input }, () => {
      const { sheet, area } = this.must("Range.values");
      const data = this.checkShape(input, area, "Range.values");
      for (let i = 0; i < data.length; i++) {
        const row = data[i];
        for (let j = 0; j < row.length; j++) sheet.cells.write(area.r0 + i, area.c0 + j, row[j]);
      }
    });
  }

  set numberFormat(input: unknown[][]) {
    this.enqueue("Range.numberFormat", { numberFormat: input }, () => {
      const { sheet, area } = this.must("Range.numberFormat");
      const data = this.checkShape(input, area, "Range.numberFormat");
      for (let i = 0; i < data.length; i++) {
        for (let j = 0; j < data[i].length; j++) {
          const f = data[i][j];
          if (f === null || f === undefined) continue;
          if (typeof f !== "string") throw richError("InvalidArgument", "Range.numberFormat");
          sheet.cells.setFormat(area.r0 + i, area.c0 + j, f);
        }
      }
    });
  }

  private formatProxy: RangeFormatProxy | null = null;
  private worksheetProxy: WorksheetProxy | null = null;

  /** `Range.getRow(row)` (ExcelApi 1.1): one row of the range, 0-based. */
  getRow(row: number): RangeProxy {
    return makeRange(this.context, () => {
      const { sheet, area } = this.must("Range.getRow");
      if (row < 0 || area.r0 + row > area.r1) throw richError("InvalidArgument", "Range.getRow");
      return { sheet, area: { r0: area.r0 + row, r1: area.r0 + row, c0: area.c0, c1: area.c1 } };
    }).bindNow("Range.getRow", row);
  }

  /** `Range.getResizedRange(deltaRows, deltaColumns)` (ExcelApi 1.7): the same top-left cell,
   * grown or shrunk; outside the grid or below one cell → InvalidArgument (documented: "an error
   * is thrown" when the resulting range is invalid). */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return makeRange(this.context, () => {
      const { sheet, area } = this.must("Range.getResizedRange");
      const next = { r0: area.r0, c0: area.c0, r1: area.r1 + deltaRows, c1: area.c1 + deltaColumns };
      if (next.r1 < next.r0 || next.c1 < next.c0 || next.r1 > MAX_ROWS || next.c1 > MAX_COLS) throw richError("InvalidArgument", "Range.getResizedRange");
      return { sheet, area: next };
    }).bindNow("Range.getResizedRange", [deltaRows, deltaColumns]);
  }

  /**
   * `Range.clear(applyTo)` (ExcelApi 1.1): "All" (the default) or "Contents" / "Formats".
   * Documented: clears values, formulas and formats of the range. ASSUMPTION: column widths
   * stay (as Clear All in Excel); a table in the range stays a table (the adapter deletes its
   * tables before it clears).
   */
  clear(applyTo?: string): void {
    this.enqueue("Range.clear", { applyTo: applyTo ?? "All" }, () => {
      const { sheet, area } = this.must("Range.clear");
      if (applyTo !== undefined && applyTo !== "All") throw new NotInHostError(`Range.clear("${applyTo}")`);
      sheet.cells.clear(area);
      // Font settings inside the cleared area go too (their records name their range).
      const inside = (address: string) => {
        const a = parseAddress(address).area;
        return a.r0 >= area.r0 && a.r1 <= area.r1 && a.c0 >= area.c0 && a.c1 <= area.c1;
      };
      const kept = sheet.formats.filter((f) => !(f.prop.startsWith("font.") && inside(f.address)));
      sheet.formats.splice(0, sheet.formats.length, ...kept);
    });
  }

  /**
   * `Range.copyFrom(source, copyType, skipBlanks, transpose)` (ExcelApi 1.9). Documented: copies
   * cell data or formatting from the source range (or address) to this range; "the destination
   * range can be a different size than the source range", it is expanded from its top-left cell.
   * Only copyType "All" without skipBlanks/transpose is modelled: values, formulas, number
   * formats and font settings, nothing on the cells in between is kept. Formulas are copied as they are (the
   * adapter copies only values).
   */
  copyFrom(source: string | RangeProxy, copyType?: string, skipBlanks?: boolean, transpose?: boolean): void {
    if (typeof source === "string") throw new NotInHostError("Range.copyFrom with an address; pass a Range");
    if ((copyType ?? "All") !== "All" || skipBlanks || transpose) throw new NotInHostError("Range.copyFrom other than copyType All");
    this.enqueue("Range.copyFrom", { copyType: "All" }, () => {
      const dest = this.must("Range.copyFrom");
      const src = source.target("Range.copyFrom");
      const rows = src.area.r1 - src.area.r0 + 1;
      const cols = src.area.c1 - src.area.c0 + 1;
      if (dest.area.r0 + rows - 1 > MAX_ROWS || dest.area.c0 + cols - 1 > MAX_COLS) throw richError("InvalidArgument", "Range.copyFrom");
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) dest.sheet.cells.set(dest.area.r0 + i, dest.area.c0 + j, src.sheet.cells.get(src.area.r0 + i, src.area.c0 + j) ?? {});
      }
      // "All" copies the formatting too (@types/office-js Excel.RangeCopyType: "all", "formats"):
      // the font settings inside the source, moved to the destination.
      const dr = dest.area.r0 - src.area.r0;
      const dc = dest.area.c0 - src.area.c0;
      for (const f of src.sheet.formats.slice()) {
        const a = parseAddress(f.address).area;
        if (!f.prop.startsWith("font.") || a.r0 < src.area.r0 || a.r1 > src.area.r1 || a.c0 < src.area.c0 || a.c1 > src.area.c1) continue;
        dest.sheet.formats.push({ address: dest.sheet.address({ r0: a.r0 + dr, r1: a.r1 + dr, c0: a.c0 + dc, c1: a.c1 + dc }), prop: f.prop, value: f.value });
      }
    });
  }

  get format(): RangeFormatProxy {
    return (this.formatProxy ??= guarded(new RangeFormatProxy(this), "RangeFormat"));
  }

  /** The range's worksheet (a navigation property). */
  get worksheet(): WorksheetProxy {
    return (this.worksheetProxy ??= makeWorksheet(this.context, () => this.must("Range.worksheet").sheet).bindNow("Range.worksheet"));
  }

  target(where: string): RangeTarget {
    return this.must(where);
  }
}

/**
 * Excel's standard column width in points: 8.43 characters of the default font, 64 pixels
 * (support.microsoft.com "Change the column width or row height in Excel"). A column the host
 * has no width for reads as this; setting a column to it forgets the width (looks the same).
 */
export const STANDARD_COLUMN_WIDTH = 48;

/** `Excel.RangeFormat`: column width and font, recorded on the sheet. */
export class RangeFormatProxy {
  private fontProxy: RangeFontProxy | null = null;
  private loadedWidth: number | null | undefined = undefined;

  constructor(private readonly range: RangeProxy) {}

  /** `load("columnWidth")` (ExcelApi 1.2): null when the columns' widths differ (@types/office-js). */
  load(props?: unknown): this {
    const paths = loadPaths(props, "RangeFormat");
    if (paths.some((p) => p !== "columnWidth")) throw new NotInHostError(`RangeFormat.${paths.join(",")}`);
    this.range.context.enqueue({
      name: "RangeFormat.load",
      payload: { load: paths },
      run: () => {
        const { sheet, area } = this.range.target("RangeFormat.load");
        const widths = new Set<number>();
        for (let c = area.c0; c <= area.c1; c++) widths.add(sheet.columnWidths.get(c) ?? STANDARD_COLUMN_WIDTH);
        const width = widths.size === 1 ? [...widths][0] : null;
        return { response: { columnWidth: width }, commit: () => void (this.loadedWidth = width) };
      },
    });
    return this;
  }

  get columnWidth(): number {
    if (this.loadedWidth === undefined) throw propertyNotLoaded("RangeFormat", "columnWidth");
    return this.loadedWidth as number;
  }

  get font(): RangeFontProxy {
    return (this.fontProxy ??= guarded(new RangeFontProxy(this.range), "RangeFont"));
  }

  /** Width in points of every column of the range. */
  set columnWidth(points: number) {
    this.range.context.enqueue({
      name: "RangeFormat.columnWidth",
      payload: { columnWidth: points },
      run: () => {
        const { sheet, area } = this.range.target("RangeFormat.columnWidth");
        if (!(points >= 0)) throw richError("InvalidArgument", "RangeFormat.columnWidth");
        for (let c = area.c0; c <= area.c1; c++) {
          if (points === STANDARD_COLUMN_WIDTH) sheet.columnWidths.delete(c);
          else sheet.columnWidths.set(c, points);
        }
      },
    });
  }
}

/** `Excel.RangeFont`: bold, italic, size and color are recorded. */
export class RangeFontProxy {
  constructor(private readonly range: RangeProxy) {}

  private record(prop: string, value: unknown): void {
    this.range.context.enqueue({
      name: `RangeFont.${prop}`,
      payload: { [prop]: value },
      run: () => {
        const { sheet, area } = this.range.target(`RangeFont.${prop}`);
        sheet.formats.push({ address: sheet.address(area), prop: `font.${prop}`, value });
      },
    });
  }

  set bold(v: boolean) {
    this.record("bold", v);
  }
  set italic(v: boolean) {
    this.record("italic", v);
  }
  set size(v: number) {
    this.record("size", v);
  }
  set color(v: string) {
    this.record("color", v);
  }
}

/** `Excel.TableCollection` of a worksheet (`owner` set) or of the workbook. */
export class TableCollectionProxy extends HostObject<WorkbookState> {
  constructor(
    context: HostContext,
    private readonly owner: WorksheetProxy | null,
  ) {
    super(context, "TableCollection", () => context.engine.state);
  }

  get items(): TableProxy[] {
    return this.read("items") as TableProxy[];
  }

  protected loadProp(): unknown {
    throw new NotInHostError("TableCollection properties other than items/...");
  }

  override load(props?: unknown): this {
    const paths = loadPaths(props, "TableCollection").map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      name: "TableCollection.load",
      payload: { load: paths },
      run: () => {
        const tables = this.owner ? this.owner.sheetState("TableCollection.load").tables.slice() : this.context.engine.state.allTables();
        const data = tables.map((t) => Object.fromEntries(paths.map((p) => [p, tableProp(t, p)])));
        return {
          response: data,
          commit: () => {
            const items = tables.map((t, i) => {
              const proxy = guarded(new TableProxy(this.context, () => t), "Table");
              proxy.resolve();
              for (const p of paths) proxy.setLoadedPublic(p, data[i][p]);
              return proxy;
            });
            this.setLoaded("items", items);
          },
        };
      },
    });
    return this;
  }

  /** `add(address, hasHeaders)`; see WorkbookState.addTable for the rules. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    if (typeof address !== "string") throw new NotInHostError("TableCollection.add with a Range (ExcelApi 1.3); pass an address");
    const table = guarded(new TableProxy(this.context, () => null), "Table");
    table.unbindable();
    this.enqueue("TableCollection.add", { address, hasHeaders }, () => {
      if (this.owner) this.owner.sheetState("TableCollection.add");
      table.bindCreated(this.context.engine.state.addTable(address, hasHeaders));
    });
    return table;
  }

  getItem(key: string): TableProxy {
    const state = this.context.engine.state;
    const table = guarded(
      new TableProxy(this.context, () => {
        const t = state.findTable(key);
        if (!t || (this.owner && t.sheet !== this.owner.sheetState("TableCollection.getItem"))) throw richError("ItemNotFound", "TableCollection.getItem");
        return t;
      }),
      "Table",
    );
    return table.bindNow("TableCollection.getItem", key);
  }
}

function tableProp(t: TableState, prop: string): unknown {
  if (prop === "name") return t.name;
  if (prop === "style") return t.style;
  throw new NotInHostError(`Table.${prop}`);
}

/** `Excel.Table`: name and style. */
export class TableProxy extends HostObject<TableState> {
  constructor(context: HostContext, binder: () => TableState | null) {
    super(context, "Table", binder);
  }

  bindNow(name: string, key: string): this {
    return this.queueBind(name, { key });
  }

  setLoadedPublic(prop: string, value: unknown): void {
    this.setLoaded(prop, value);
  }

  protected loadProp(t: TableState, prop: string): unknown {
    return tableProp(t, prop);
  }

  get name(): string {
    return this.read("name") as string;
  }

  set name(value: string) {
    this.enqueue("Table.name", { name: value }, () => {
      const t = this.must("Table.name");
      this.context.engine.state.checkTableName(value, t);
      t.name = value;
    });
  }

  get style(): string {
    return this.read("style") as string;
  }

  set style(value: string) {
    this.enqueue("Table.style", { style: value }, () => {
      this.must("Table.style").style = value;
    });
  }

  /** `Table.getRange()` (ExcelApi 1.1): the table's whole range, header row included. */
  getRange(): RangeProxy {
    return makeRange(this.context, () => {
      const t = this.must("Table.getRange");
      return { sheet: t.sheet, area: t.area };
    }).bindNow("Table.getRange");
  }

  /** `Table.convertToRange()` (ExcelApi 1.2): the table goes, its cells stay as they are. */
  convertToRange(): void {
    this.enqueue("Table.convertToRange", {}, () => {
      const t = this.must("Table.convertToRange");
      t.sheet.tables.splice(t.sheet.tables.indexOf(t), 1);
    });
  }

  /** `Table.delete()` (ExcelApi 1.1): the table is removed. ASSUMPTION: its cells are cleared. */
  delete(): void {
    this.enqueue("Table.delete", {}, () => {
      const t = this.must("Table.delete");
      t.sheet.tables.splice(t.sheet.tables.indexOf(t), 1);
      t.sheet.cells.clear(t.area);
    });
  }
}

const CHART_TYPES = new Set(["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "Line", "Pie"]);

/** `Excel.ChartCollection` of a worksheet. */
export class ChartCollectionProxy {
  constructor(
    readonly context: HostContext,
    private readonly owner: WorksheetProxy,
  ) {}

  private loadedItems: ChartProxy[] | null = null;

  get items(): ChartProxy[] {
    if (!this.loadedItems) throw propertyNotLoaded("ChartCollection", "items");
    return this.loadedItems;
  }

  /** `load("items/name")` (ExcelApi 1.1): the sheet's charts. */
  load(props?: unknown): this {
    const paths = loadPaths(props, "ChartCollection").map((p) => p.replace(/^items\//, ""));
    if (paths.some((p) => p !== "name")) throw new NotInHostError(`Chart.${paths.join(",")}`);
    this.context.enqueue({
      name: "ChartCollection.load",
      payload: { load: paths },
      run: () => {
        const charts = this.owner.sheetState("ChartCollection.load").charts.slice();
        return {
          response: charts.map((c) => ({ name: c.name })),
          commit: () => {
            this.loadedItems = charts.map((c) => {
              const proxy = guarded(new ChartProxy(this.context), "Chart");
              proxy.state = c;
              return proxy;
            });
          },
        };
      },
    });
    return this;
  }

  /** ExcelApi 1.1. Only a few chart types are modelled. */
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    const chart = guarded(new ChartProxy(this.context), "Chart");
    this.context.enqueue({
      name: "ChartCollection.add",
      payload: { type, seriesBy: seriesBy ?? "Auto" },
      run: () => {
        if (!CHART_TYPES.has(type)) throw richError("InvalidArgument", "ChartCollection.add");
        const sheet = this.owner.sheetState("ChartCollection.add");
        chart.state = this.context.engine.state.addChart(sheet, type, sourceData.target("ChartCollection.add"), seriesBy ?? "Auto");
      },
    });
    return chart;
  }
}

/** `Excel.Chart`: title, position, series; write-only in the host. */
export class ChartProxy {
  state: ChartState | null = null;

  constructor(readonly context: HostContext) {}

  chart(where: string): ChartState {
    if (!this.state) throw richError("InvalidObjectPath", where);
    return this.state;
  }

  get title(): { text: string } {
    const proxy = this;
    return guarded(
      {
        set text(value: string) {
          proxy.context.enqueue({ name: "ChartTitle.text", payload: { text: value }, run: () => void (proxy.chart("ChartTitle.text").title = value) });
        },
      },
      "ChartTitle",
    );
  }

  /** Loaded with the collection (`load("items/name")`). */
  get name(): string {
    return this.chart("Chart.name").name;
  }

  set name(value: string) {
    this.context.enqueue({ name: "Chart.name", payload: { name: value }, run: () => void (this.chart("Chart.name").name = value) });
  }

  /** `Chart.delete()` (ExcelApi 1.1). */
  delete(): void {
    this.context.enqueue({
      name: "Chart.delete",
      payload: {},
      run: () => {
        const c = this.chart("Chart.delete");
        const i = c.sheet.charts.indexOf(c);
        if (i < 0) throw richError("ItemNotFound", "Chart.delete");
        c.sheet.charts.splice(i, 1);
      },
    });
  }

  /** Documented: top-left and optional bottom-right cell addresses (or ranges). */
  setPosition(startCell: string, endCell?: string): void {
    if (typeof startCell !== "string" || (endCell !== undefined && typeof endCell !== "string")) throw new NotInHostError("Chart.setPosition with Range objects");
    this.context.enqueue({
      name: "Chart.setPosition",
      payload: { startCell, endCell: endCell ?? null },
      run: () => {
        parseAddress(startCell);
        if (endCell !== undefined) parseAddress(endCell);
        this.chart("Chart.setPosition").position = { start: startCell, end: endCell ?? null };
      },
    });
  }

  get series(): { getItemAt(index: number): ChartSeriesProxy } {
    return guarded({ getItemAt: (index: number) => guarded(new ChartSeriesProxy(this, index), "ChartSeries") }, "ChartSeriesCollection");
  }
}

/** `Excel.ChartSeries`: name, x-axis values (ExcelApi 1.7). */
export class ChartSeriesProxy {
  constructor(
    private readonly chart: ChartProxy,
    private readonly index: number,
  ) {}

  private series(where: string) {
    const s = this.chart.chart(where).series[this.index];
    if (!s) throw richError("ItemNotFound", where);
    return s;
  }

  set name(value: string) {
    this.chart.context.enqueue({ name: "ChartSeries.name", payload: { name: value }, run: () => void (this.series("ChartSeries.name").name = value) });
  }

  setXAxisValues(source: RangeProxy): void {
    this.chart.context.enqueue({
      name: "ChartSeries.setXAxisValues",
      payload: {},
      run: () => {
        this.series("ChartSeries.setXAxisValues").xValues = source.target("ChartSeries.setXAxisValues");
      },
    });
  }

  setValues(source: RangeProxy): void {
    this.chart.context.enqueue({
      name: "ChartSeries.setValues",
      payload: {},
      run: () => {
        this.series("ChartSeries.setValues").values = source.target("ChartSeries.setValues");
      },
    });
  }
}
