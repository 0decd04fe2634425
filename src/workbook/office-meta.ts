/// <reference types="office-js" />
/**
 * Our sheets as the Office.js adapter loads them: the worksheets as name + id, and the content
 * of the meta sheet (marker.ts) from its used range. Reads loaded proxies only; no sync here.
 */
import { type MetaContent, parseMeta, type SheetRef } from "./marker";
import { officeCellValue, parseRangeAddress } from "./office-cells";

/** The Office.js worksheets as name + id (both loaded). */
export function sheetRefs(items: Excel.Worksheet[]): SheetRef[] {
  return items.map((ws) => ({ name: ws.name, id: ws.id }));
}

/** Meta content from the meta sheet's used range (values of columns A..D from row 2); empty
 * without a meta sheet. The range has `address` and `values` loaded. */
export function metaFromRange(range: Excel.Range | null): MetaContent {
  if (!range || range.isNullObject) return parseMeta([]);
  const area = parseRangeAddress(range.address);
  const rows: unknown[][] = [];
  range.values.forEach((row, i) => {
    if (area.row + i < 2) return;
    rows.push([1, 2, 3, 4].map((c) => {
      const j = c - area.col;
      return j >= 0 && j < row.length ? officeCellValue(row[j]) : null;
    }));
  });
  return parseMeta(rows);
}
