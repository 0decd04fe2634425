/**
 * The table part of the result writer (src/workbook/package-parts.ts `tablePart`), written without
 * ExcelJS so that the writer runs in the browser page's worker: the same XML as ExcelJS's own
 * `TableXform` for the tables the writer makes (header row, filter buttons, TableStyleMedium2).
 */
import { tablePart } from "../../src/workbook/package-parts";

const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform") as new () => { prepare(model: unknown, options: unknown): void; toXml(model: unknown): string };

/** ExcelJS's XML for the writer's table model (as src/workbook/xlsx-stream-writer.ts built it before). */
function excelJsTable(id: number, name: string, ref: string, headers: string[]): string {
  const model = {
    id, name, displayName: name, tableRef: ref, autoFilterRef: ref, headerRow: true, totalsRow: false,
    style: { theme: "TableStyleMedium2", showFirstColumn: false, showLastColumn: false, showRowStripes: true, showColumnStripes: false },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
  };
  const xform = new TableXform();
  xform.prepare(model, {});
  return xform.toXml(model);
}

describe("tablePart", () => {
  test.each([
    [1, "Tekort_Per_Jaar", "A5:F12", ["Woonvorm", "Jaar", "Vraag", "Aanbod", "Tekort", "Verschil tekort"]],
    [7, "Controle_Balans", "A3:B4", ["Onderdeel"]],
    [12, "Woningen", "A4:C1048576", ['Kop met "aanhalingstekens"', "a & <b> > c", "Één – ‘ë’ 😀", "  spaties  "]],
  ])("table %i (%s, %s): the same XML as ExcelJS's TableXform", (id, name, ref, headers) => {
    expect(tablePart(id, name, ref, headers)).toBe(excelJsTable(id, name, ref, headers));
  });
});
