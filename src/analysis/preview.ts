/**
 * What the task pane and the browser page show before a run: how each sheet was recognised, and
 * for the chosen stock sheet the header row and the column mapping as detected (so the user can
 * correct it per field). Pure apart from reading through the port.
 */
import type { Issue } from "../domain/issues";
import type { Rules } from "../domain/rules";
import { cellText } from "../ingest/cells";
import { detectTable } from "../ingest/detect";
import { readStock } from "../ingest/stock";
import type { CellValue, MappingOverrides, StockField, StockIngest, TableDetection, TableKind, FieldHeaders } from "../ingest/types";
import type { WorkbookReader } from "../workbook/port";

/** One sheet as recognised: kind and a Dutch explanation. */
export interface SheetDetection {
  sheet: string;
  kind: TableKind;
  reden: string;
  rowCount: number;
  /** Another kind the sheet may be (detect.ts `TableDetection.ookMogelijk`): an "Opgave" read as
   * a published saldo may be the demand; the task pane offers the choice. Absent otherwise. */
  ookMogelijk?: TableKind;
}

/** The sheet as the pane lists it: its detection, with the other kind it may be when there is one. */
export function sheetDetection(sheet: string, rowCount: number, det: Pick<TableDetection, "kind" | "reden" | "ookMogelijk">): SheetDetection {
  return { sheet, kind: det.kind, reden: det.reden, rowCount, ...(det.ookMogelijk ? { ookMogelijk: det.ookMogelijk } : {}) };
}

/**
 * Rows read per sheet to recognise its table when the reader can read a sheet's first rows only
 * (Office.js): enough for title rows, the header and a good sample of data rows.
 */
export const HEAD_ROWS = 200;

/**
 * Lists the workbook's sheets (not the product's own result sheets) with the kind of table
 * each one holds. With a reader that offers `readHead` only the first {@link HEAD_ROWS} rows of
 * each sheet are read (the row count comes from the used range); otherwise whole sheets.
 * @throws whatever the port throws (UserError with a Dutch message for unreadable sheets).
 */
export async function describeWorkbook(reader: WorkbookReader): Promise<SheetDetection[]> {
  const sheets = (await reader.listSheets()).filter((s) => s.resultKind === null);
  const out: SheetDetection[] = [];
  for (const s of sheets) {
    const table = reader.readHead ? await reader.readHead(s.name, HEAD_ROWS) : await reader.readSheet(s.name);
    out.push(sheetDetection(s.name, s.rowCount, detectTable(table)));
  }
  return out;
}

/** The stock sheet as the mapping step shows it. */
export interface StockPreview {
  sheet: string;
  /** Texts of the header row, in column order (empty string for an empty header cell). */
  headers: string[];
  /** 1-based Excel row of the header row (0 when none was found). */
  headerRow: number;
  /** field → header text actually used (detected, or the user's override). */
  mapping: FieldHeaders;
  /** Data rows read and rows set aside with the current mapping. */
  rowsRead: number;
  rowsRejected: number;
  batScale: "limburg" | "vera" | null;
  issues: Issue[];
  /** Columns not used that resemble a field without a column (near matches): offered as a
   * pre-filled choice the user confirms. Empty when there are none. */
  suggesties: { field: StockField; header: string; cell: string; score: number }[];
}

/**
 * Reads the stock sheet with the current overrides and returns the header row and the mapping.
 * @param sheet sheet name; @param overrides field → header text chosen by the user.
 */
export async function previewStock(reader: Pick<WorkbookReader, "readSheet">, sheet: string, rules: Rules, overrides: MappingOverrides = {}): Promise<StockPreview> {
  const table = await reader.readSheet(sheet);
  const ingest = readStock(table, { overrides, scale: rules.batSchaal });
  const headerIndex = ingest.headerRow > 0 ? ingest.headerRow - table.originRow : -1;
  return stockPreview(sheet, ingest, headerIndex >= 0 ? table.values[headerIndex] ?? [] : []);
}

/**
 * The preview of a stock sheet read by other means (the browser page streams a large sheet
 * through a `StockRowReader` instead of holding its cells).
 * @param ingest the stock read with the current overrides and BAT scale.
 * @param headerCells the cells of the header row `ingest.headerRow` (empty when none was found).
 */
export function stockPreview(sheet: string, ingest: StockIngest, headerCells: readonly CellValue[]): StockPreview {
  return {
    sheet,
    headers: headerCells.map((v) => cellText(v) ?? ""),
    headerRow: ingest.headerRow,
    mapping: ingest.mapping,
    rowsRead: ingest.rowsRead,
    rowsRejected: ingest.rowsRejected,
    batScale: ingest.batScale,
    issues: ingest.issues,
    suggesties: ingest.suggesties ?? [],
  };
}
