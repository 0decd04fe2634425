/**
 * Raw input as every workbook adapter delivers it, and the results of ingest.
 * Pure: adapters (ExcelJS, Office.js) turn their cells into `CellValue`s; ingest never sees them.
 */
import type { PublishedSaldoTable } from "../domain/vergelijking";
import type { BatScale, DemandEntry, SupplyEntry } from "../domain/types";
import type { Issue } from "../domain/issues";
import type { StockColumns } from "../domain/stock-columns";

/** An Excel error value such as `#N/A` or `#REF!`; treated as a missing value by ingest. */
export interface CellError {
  error: string;
}

/** One cell as read: number, text, boolean, date, error, or null for an empty cell. */
export type CellValue = string | number | boolean | Date | CellError | null;

/**
 * A rectangular block of cells as read from a worksheet or an Excel table (ListObject).
 * `values[r][c]` is the cell at Excel row `originRow + r`, column `originCol + c` (both 1-based).
 * Rows may be ragged (shorter rows are padded with null by readers of this type).
 */
export interface RawTable {
  sheet: string;
  /** Excel table name when the block is a ListObject; null for a plain range. */
  tableName: string | null;
  originRow: number;
  originCol: number;
  values: CellValue[][];
}

/** Canonical stock field names (the columns of docs/handleiding.md §3). */
export const STOCK_FIELDS = [
  "id", "complex", "bat", "toegankelijkheidslabel", "woonvorm", "eenheiddetailsoort", "aantal",
  "gemeente", "buurt", "wijk", "eigenaar", "segment", "woningtype", "bouwlaag", "lift", "bouwjaar",
  "ontmoetingsruimte", "complexgrootte", "aandeel55plus", "label55plus", "wlz", "zorgprofiel",
  "zelfstandig",
] as const;
export type StockField = (typeof STOCK_FIELDS)[number];

/**
 * The column mapping of a stock table comes in three shapes, one per use:
 * - {@link ColumnMapping}: field → 0-based column (what the reader reads);
 * - {@link FieldHeaders}: field → header text as written (what the user sees, picks and saves);
 * - {@link MappedColumn}[]: the mapping as a list in field order (the per-row loop's form).
 */
/** Which fields sit in which 0-based column of the table, after detection and overrides. */
export type ColumnMapping = Partial<Record<StockField, number>>;

/** Field → header text as it appears in the table: the mapping as shown, saved with the workbook
 * and given back as overrides. */
export type FieldHeaders = Partial<Record<StockField, string>>;

/** User overrides of the column mapping: field → header text as it appears in the table
 * (CLI `--kolom veld="Kop"`, task pane dropdowns). */
export type MappingOverrides = FieldHeaders;

/** One mapped column: a field and its 0-based column. */
export interface MappedColumn {
  field: StockField;
  col: number;
}

/** Kind of table recognised on a sheet. */
export type TableKind =
  | "voorraad"        // per dwelling or grouped with an `aantal` column
  | "bat-breed"       // wide BAT table: rows per owner/area, columns BAT 0..4
  | "kruistabel"      // cross table woningtype × huurklasse: aggregate stock without BAT (cross-table.ts)
  | "aanbod"          // supply per BZK type (published layout)
  | "vraag"           // demand, long or wide
  | "cbs-voorraad"    // CBS housing stock per gemeente (koop/huur), for the CBS route
  | "aanpassingspercentages" // % geschikt/potentieel/ongeschikt per gemeente (and segment)
  | "mutaties"        // planned changes per year: nieuwbouw, sloop, verkoop, aankoop, renovatie
  | "plannenlijst"    // a published list "478 woningen sloop" over a period: no year, class or type (plannen-lijst.ts)
  | "saldo"           // a published saldo / tekort / opgave table: recomputed, never read as demand
  | "citaten"         // figures quoted in a text, entered by the user: checked against the tables
  | "onbekend";

/** Result of reading stock rows (per-dwelling, grouped, or wide BAT tables unpivoted). */
export interface StockIngest {
  /** The rows kept, in table order, column-wise (`row(i)` makes one `StockRow`). */
  rows: StockColumns;
  /** Data rows read (header, title, blank and total rows excluded). */
  rowsRead: number;
  /** Rows set aside, each with at least one `fout` issue naming its cell. rowsRead = rows.length + rowsRejected. */
  rowsRejected: number;
  /** Scale detected/used for the BAT column; null when the table has no BAT values. */
  batScale: BatScale | null;
  /** Mapping used, as header texts per field (for display and for saving with the workbook). */
  mapping: FieldHeaders;
  /** 1-based Excel row number of the header row. */
  headerRow: number;
  /** The reference date the sheet name, table name or title rows above the header name
   * ("1-1-2020", caption.ts `captionDate`); null or absent when they name none. Read by the stock
   * reader while those rows are still held, so every route (in memory, streamed) gives the same. */
  peildatum?: string | null;
  issues: Issue[];
  /** Columns not used that resemble a field without a column (near matches, mapping.ts), best
   * first: field, header text, A1 cell, score 0..1. Absent when there are none. */
  suggesties?: { field: StockField; header: string; cell: string; score: number }[];
  /** Unused columns holding one fact-like value per complex (complex-columns.ts): possibly
   * complex facts under a header that was not recognised. Absent when there are none. */
  complexKolommen?: { col: number; header: string; cell: string; soort: "grootte" | "ruimte" | "aandeel" | "gegeven" }[];
}

/** Result of reading a demand table. */
export interface DemandIngest {
  entries: DemandEntry[];
  issues: Issue[];
  /** Figures printed in brackets after the demand figures ("1.180 (-145)"): a published opgave or
   * difference, recomputed on the Vergelijking sheet; absent when the table has none. */
  tussenHaakjes?: PublishedSaldoTable;
}

/** Result of reading a supply table at type level. */
export interface SupplyIngest {
  entries: SupplyEntry[];
  issues: Issue[];
}

/** What a table is (the result of `detectTable`, src/ingest/detect.ts, and of each recogniser). */
export interface TableDetection {
  kind: TableKind;
  /** 0-based header row in `table.values`; -1 for "onbekend". */
  headerIndex: number;
  /** Short Dutch explanation for the user. */
  reden: string;
  /** Another kind the table may be (an "Opgave" with only positive figures may be the demand):
   * the reason says how to choose it, and choosing it is no mistake. */
  ookMogelijk?: TableKind;
}
