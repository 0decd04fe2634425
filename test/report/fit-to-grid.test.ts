/**
 * The BZK-indeling sheet of the largest stock Excel can hold: its per-dwelling table continues on
 * "BZK-indeling vervolg" instead of running past Excel's last row, and no row is lost or repeated.
 */
import { fitToGrid } from "../../src/report/sheets";
import { EXCEL_MAX_ROWS } from "../../src/domain/excel-limits";
import { layoutSheet, type SheetModel } from "../../src/report/sheet-model";

/** A BZK-indeling-like model: a summary table, then `n` dwelling rows (row i holds i). */
function model(n: number, notes = 12): SheetModel {
  const rows = Array.from({ length: n }, (_, i) => [`VHE${i}`, i]);
  return {
    kind: "bzk-indeling",
    name: "BZK-indeling",
    title: "BZK-indeling van de woningvoorraad",
    notes: Array.from({ length: notes }, (_, i) => `Noot ${i + 1}`),
    tables: [
      { name: "BZK_Overzicht", caption: "Overzicht", columns: [{ header: "Type", kind: "text" }, { header: "Woningen", kind: "integer" }], rows: [["regulier", 1], ["nultreden", 2]] },
      { name: "BZK_Woningen", caption: "Per woning", columns: [{ header: "VHE", kind: "text" }, { header: "Rij", kind: "integer" }], rows },
    ],
  };
}

test("a stock that fits stays on one sheet, unchanged", () => {
  const m = model(100_000);
  expect(fitToGrid(m)).toEqual([m]);
});

test("the table that ends exactly on Excel's last row is not split", () => {
  const probe = model(0);
  const headerRow = layoutSheet(probe).tables[1].headerRow;
  const m = model(EXCEL_MAX_ROWS - headerRow);
  expect(layoutSheet(m).tables[1].lastRow).toBe(EXCEL_MAX_ROWS);
  expect(fitToGrid(m)).toHaveLength(1);
});

test("1,048,575 dwellings: the first sheet ends on Excel's last row, the rest continue on 'BZK-indeling vervolg', in order", () => {
  const n = EXCEL_MAX_ROWS - 1;
  const sheets = fitToGrid(model(n));
  expect(sheets.map((s) => [s.kind, s.name])).toEqual([
    ["bzk-indeling", "BZK-indeling"],
    ["bzk-indeling-vervolg", "BZK-indeling vervolg"],
  ]);
  const [first, rest] = sheets;
  expect(layoutSheet(first).tables[1].lastRow).toBe(EXCEL_MAX_ROWS);
  expect(layoutSheet(rest).tables[0].lastRow).toBeLessThanOrEqual(EXCEL_MAX_ROWS);
  const firstRows = first.tables[1].rows;
  const restRows = rest.tables[0].rows;
  expect(firstRows.length + restRows.length).toBe(n);
  expect(firstRows[firstRows.length - 1][1]).toBe(firstRows.length - 1);
  expect(restRows[0][1]).toBe(firstRows.length);
  expect(restRows[restRows.length - 1][1]).toBe(n - 1);
  // The summary table stays on the first sheet; both sheets say where the rest is.
  expect(first.tables[0].name).toBe("BZK_Overzicht");
  expect(rest.tables[0].columns).toEqual(first.tables[1].columns);
  expect(rest.tables[0].name).not.toBe(first.tables[1].name);
  expect(first.notes.join(" ")).toContain("BZK-indeling vervolg");
  expect(rest.notes.join(" ")).toContain(`regels ${(firstRows.length + 1).toLocaleString("nl-NL")} tot en met ${n.toLocaleString("nl-NL")}`);
});
