/**
 * Issue 11, re-runs in place: our result sheets are updated where they are, so a user's formula
 * on another sheet that refers to a Tekort cell keeps working; and a run that fails at an
 * operation inside any of its requests leaves the workbook exactly as it was (by hash, in the
 * stricter host), up to the swap; a failure after the swap leaves the full result.
 */
import { layoutSheet, type SheetModel } from "../../src/report/sheet-model";
import { META_SHEET } from "../../src/workbook/marker";
import { OfficeWorkbook } from "../../src/workbook/office";
import type { ExcelHost } from "../office-host/host";
import { failOperations, fillStock, loadDemand, models, rerunInPlace, stockHost } from "../support/fail-operations";

beforeAll(loadDemand);

/** The Tekort sheet's first "Aanbod" cell (a figure that follows the stock), as "H5". */
function aanbodCell(sheets: SheetModel[]): string {
  const model = sheets.find((m) => m.kind === "tekort")!;
  const col = model.tables[0].columns.findIndex((c) => c.header === "Aanbod");
  expect(col).toBeGreaterThanOrEqual(0);
  return `${String.fromCharCode(65 + col)}${layoutSheet(model).tables[0].headerRow + 1}`;
}

describe("re-runs in place", () => {
  test("a user's formula on another sheet referring to a Tekort cell still evaluates after three runs, and shows the new figure", async () => {
    const h = stockHost(60);
    const first = await models(h);
    await new OfficeWorkbook(h.run).writeResults(first, {});
    const cell = aanbodCell(first);
    const id = h.sheet("Tekort")!.id;
    h.addSheet("Mijn overzicht", [["Tekort volgens de invoegtoepassing", { formula: `=Tekort!${cell}` }]]);
    expect(h.values("Mijn overzicht")[0][1]).toBe(h.values("Tekort", cell)[0][0]);
    const seen: unknown[] = [];
    for (let run = 1; run <= 3; run++) {
      // Each run on a larger stock, so the figures change.
      fillStock(h, 60 + run * 40);
      const sheets = await models(h);
      await new OfficeWorkbook(h.run).writeResults(sheets, { voorraad: "Voorraad" });
      expect(h.formulas("Mijn overzicht")).toEqual([["B1", `=Tekort!${cell}`]]);
      const value = h.values("Mijn overzicht")[0][1];
      expect(typeof value).toBe("number");
      expect(value).toBe(h.values("Tekort", cell)[0][0]);
      seen.push(value);
      // The same sheet, updated in place; the sheets equal a fresh write of the same models.
      expect(h.sheet("Tekort")!.id).toBe(id);
      const fresh = stockHost(60 + run * 40);
      await new OfficeWorkbook(fresh.run).writeResults(sheets, { voorraad: "Voorraad" });
      for (const m of sheets) {
        expect([m.name, h.values(m.name)]).toEqual([m.name, fresh.values(m.name)]);
        const tables = (x: ExcelHost) => x.sheet(m.name)!.tables.map((t) => [t.name, t.area, t.style]);
        expect(tables(h)).toEqual(tables(fresh));
        expect(h.sheet(m.name)!.charts.map((c) => [c.title, c.series.length])).toEqual(fresh.sheet(m.name)!.charts.map((c) => [c.title, c.series.length]));
        expect(h.sheet(m.name)!.cells.get(1, 1)).toEqual(fresh.sheet(m.name)!.cells.get(1, 1));
        const formats = (x: ExcelHost) => [x.sheet(m.name)!.formats.map((f) => [f.address.replace(/^[^!]*!/, ""), f.prop, f.value]).sort(), [...x.sheet(m.name)!.columnWidths]];
        expect(formats(h)).toEqual(formats(fresh));
      }
      expect(h.sheetNames()).toEqual(["Voorraad", "Vraag", ...first.map((m) => m.name), "Mijn overzicht", META_SHEET]);
    }
    expect(new Set(seen).size).toBeGreaterThan(1);
    // Recognised by worksheet id on the next run: still ours, kind and name.
    expect((await new OfficeWorkbook(h.run).listSheets()).find((s) => s.name === "Tekort")?.resultKind).toBe("tekort");
  });

  test("failing operations inside each request of a re-run in place: the workbook as before (by hash) up to the swap, the full result after it", async () => {
    // About 15 operations of each request (the slow suite office-every-operation fails every one).
    const counts = await failOperations(rerunInPlace, "sample");
    expect(counts.before).toBeGreaterThan(60);
    expect(counts.after).toBeGreaterThan(3);
  });

  test("without ExcelApi 1.9 (Excel 2016/2019) the sheets are replaced as before: the run works, a user's reference breaks", async () => {
    const h = stockHost(60);
    const sheets = await models(h);
    await new OfficeWorkbook(h.run).writeResults(sheets, {});
    h.addSheet("Mijn overzicht", [[{ formula: "=Tekort!B5" }]]);
    await new OfficeWorkbook(h.run, { supports: () => false }).writeResults(sheets, {});
    expect(h.formulas("Mijn overzicht")).toEqual([["A1", "=#REF!"]]);
    expect(h.sheetNames()).toEqual(["Voorraad", "Vraag", "Mijn overzicht", ...sheets.map((m) => m.name), META_SHEET]);
  });
});
