/**
 * Test helpers for the domain core: build `StockRow`s with every optional fact null, and
 * classified dwellings from them.
 */
import type { StockRow } from "../../src/domain/types";
import { emptyStockRow } from "../../src/ingest/stock-row";

let nextRow = 2;

/**
 * A stock row with every optional fact null, `aantal` 1 (ingest's `emptyStockRow`), sheet
 * "Voorraad" and an increasing row number (from 2, below a header row); `batScale` defaults to
 * "limburg" when `bat` is given.
 */
export function stockRow(facts: Partial<StockRow> = {}): StockRow {
  const row: StockRow = { ...emptyStockRow("Voorraad", nextRow++), ...facts };
  if (row.bat !== null && facts.batScale === undefined) row.batScale = "limburg";
  return row;
}

/** `n` identical rows of one complex (each one dwelling), e.g. for a complex of 24 dwellings. */
export function complexRows(n: number, facts: Partial<StockRow>): StockRow[] {
  return Array.from({ length: n }, () => stockRow(facts));
}
