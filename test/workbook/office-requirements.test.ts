/**
 * The ExcelApi requirement set the Office.js adapter needs (src/workbook/office.ts
 * REQUIRED_EXCEL_API) is the one manifest.xml's <Requirements> asks of Excel, so the add-in is
 * offered only where the adapter works.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REQUIRED_EXCEL_API } from "../../src/workbook/office";

test("manifest.xml asks for the ExcelApi version the adapter needs", () => {
  const manifest = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
  const sets = [...manifest.matchAll(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/g)].map((m) => m[1]);
  expect(sets).toEqual([REQUIRED_EXCEL_API]);
});
