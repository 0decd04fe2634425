/**
 * The workbook port: the one interface between the pipeline and a workbook, whatever holds it
 * (an .xlsx file through ExcelJS, or Excel itself through Office.js). See design.md.
 */
import type { RawTable } from "../ingest/types";
import type { SheetKind, SheetModel } from "../report/sheet-model";

/** A worksheet as listed for the user: its name, its used size and whether it is one of ours. */
export interface SheetInfo {
  name: string;
  /** Number of rows and columns in the used range (0 for an empty sheet). */
  rowCount: number;
  columnCount: number;
  /** Set when the sheet is one of the product's own result sheets (recognised by the marker
   * kept in the workbook, never by name alone). */
  resultKind: SheetKind | null;
}

/** Settings kept in the workbook so that a colleague who opens it gets the same result. */
export interface StoredSettings {
  /** Rules object as JSON-compatible data (validated with RulesSchema when read back). */
  regels?: unknown;
  /** Column mapping overrides: field → header text. */
  kolommen?: Record<string, string>;
  voorraad?: string;
  vraag?: string;
}

/** Outcome of writing result sheets: the names actually used and any renames. */
export interface WriteOutcome {
  /** kind → sheet name written. */
  sheets: Partial<Record<SheetKind, string>>;
  /** Dutch messages, e.g. that a user's sheet named "Tekort" was left alone and ours was named "Tekort (2)". */
  messages: string[];
}

/** Progress of a long read or write, per chunk: rows done and rows in all. */
export type ChunkProgress = (done: number, total: number) => void;

/** Cancellation and progress of one run, for adapters that work in chunks (Office.js). */
export interface RunControl {
  /** Checked before every chunk; when aborted the call rejects with UserError("Analyse geannuleerd.")
   * and, for a write, leaves the workbook as it was. */
  signal?: AbortSignal;
  /** Called after every chunk. */
  onProgress?: ChunkProgress;
}

/** Read side of the port. */
export interface WorkbookReader {
  listSheets(): Promise<SheetInfo[]>;
  /** All cell values of a sheet's used range (one RawTable). Throws UserError when the sheet does not exist. */
  readSheet(name: string): Promise<RawTable>;
  readSettings(): Promise<StoredSettings | null>;
  /** Optional: the first `rows` rows of a sheet's used range, read without the rest (Office.js:
   * one small request), for recognising tables when the workbook is opened. */
  readHead?(name: string, rows: number): Promise<RawTable>;
  /** Optional: the same reader bound to one run's cancellation and progress (each run its own). */
  forRun?(control: RunControl): WorkbookReader;
}

/** Write side of the port. Replaces only the product's own result sheets; never touches others. */
export interface WorkbookWriter {
  writeResults(models: SheetModel[], settings: StoredSettings): Promise<WriteOutcome>;
  /** Optional: the same writer bound to one run's cancellation and progress; its `writeResults`
   * can then be cancelled at every chunk and leaves the workbook unchanged when it is. */
  forRun?(control: RunControl): WorkbookWriter;
}

/** Extras that only some adapters offer (the Office.js adapter inside Excel). */
export interface WorkbookExtras {
  /** The user's current selection in Excel as a RawTable (sheet = the selection's sheet). */
  readSelection?(): Promise<RawTable>;
  /** Makes a sheet the active one (the results step links to each result sheet). */
  activateSheet?(name: string): Promise<void>;
}

export type WorkbookPort = WorkbookReader & WorkbookWriter & WorkbookExtras;
