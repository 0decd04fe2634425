/**
 * Issue 11, re-runs in place: our result sheets are updated where they are, so a user's formula
 * on another sheet that refers to a Tekort cell keeps working; and a run that fails at any of its
 * requests leaves the workbook exactly as it was (by hash, in the stricter host).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { CellValue } from "../../src/ingest/types";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { layoutSheet, type SheetModel } from "../../src/report/sheet-model";
import { buildSheets } from "../../src/report/sheets";
import { META_SHEET } from "../../src/workbook/marker";
import { OfficeWorkbook } from "../../src/workbook/office";
import { richError } from "../office-host/errors";
import { ExcelHost } from "../office-host/host";
import { cachedWorkbook } from "../support/workbook-cache";

const HEADER = ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score"];
const TYPES = ["Eengezinswoning", "Gestapeld met lift", "Gestapeld zonder lift"];

let demand: CellValue[][];

beforeAll(async () => {
  const parkstad = await cachedWorkbook(readFileSync(path.join(__dirname, "..", "..", "assets", "parkstad-woonzorg-2023.xlsx")));
  demand = (await parkstad.readSheet("Tabel 1 Vraag")).values;
});

/** A host with a stock of `n` dwellings in Kerkrade and Parkstad's demand table. */
function host(n: number): ExcelHost {
  const h = new ExcelHost();
  h.addSheet("Voorraad", [HEADER]);
  fillStock(h, n);
  h.addSheet("Vraag", demand);
  return h;
}

function fillStock(h: ExcelHost, n: number): void {
  h.fill("Voorraad", `A2:H${n + 1}`, (r, c) => {
    const i = r - 2;
    return [`VHE${i + 1}`, `C-${i % 12}`, "Wonen Zuid", "Kerkrade", TYPES[i % 3], i % 4, i % 3 === 1 ? "ja" : "nee", i % 5][c - 1];
  });
}

async function models(h: ExcelHost): Promise<SheetModel[]> {
  return buildSheets(await analyseWorkbook(new OfficeWorkbook(h.run), { rules: DEFAULT_RULES, voorraad: "Voorraad" }));
}

/** The Tekort sheet's first "Aanbod" cell (a figure that follows the stock), as "H5". */
function aanbodCell(sheets: SheetModel[]): string {
  const model = sheets.find((m) => m.kind === "tekort")!;
  const col = model.tables[0].columns.findIndex((c) => c.header === "Aanbod");
  expect(col).toBeGreaterThanOrEqual(0);
  return `${String.fromCharCode(65 + col)}${layoutSheet(model).tables[0].headerRow + 1}`;
}

describe("re-runs in place", () => {
  test("a user's formula on another sheet referring to a Tekort cell still evaluates after three runs, and shows the new figure", async () => {
    const h = host(60);
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
      const fresh = host(60 + run * 40);
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

  test("failing each request of a re-run in turn: every time the workbook is exactly as before (by hash)", async () => {
    const h = host(60);
    await new OfficeWorkbook(h.run).writeResults(await models(h), {});
    h.addSheet("Mijn overzicht", [[{ formula: "=Tekort!B5" }]]);
    fillStock(h, 90);
    const sheets = await models(h);
    const before = JSON.stringify(h.snapshot({ cells: "digest" }));
    // How many requests a successful re-run makes, measured on a copy.
    const probe = host(60);
    await new OfficeWorkbook(probe.run).writeResults(await models(probe), {});
    fillStock(probe, 90);
    const start = probe.syncs.length;
    await new OfficeWorkbook(probe.run).writeResults(sheets, {});
    const requests = probe.syncs.length - start;
    expect(requests).toBeGreaterThan(5);
    for (let k = 0; k < requests; k++) {
      const at = h.syncs.length + k;
      h.failOperation = (op) => (op.syncIndex === at ? richError("RequestAborted") : undefined);
      await expect(new OfficeWorkbook(h.run).writeResults(sheets, {})).rejects.toThrow("De verbinding met Excel werd onderbroken. Probeer het opnieuw.");
      h.failOperation = null;
      expect([k, JSON.stringify(h.snapshot({ cells: "digest" }))]).toEqual([k, before]);
    }
    await new OfficeWorkbook(h.run).writeResults(sheets, {});
    expect(h.formulas("Mijn overzicht")).toEqual([["A1", "=Tekort!B5"]]);
  });

  test("without ExcelApi 1.9 (Excel 2016/2019) the sheets are replaced as before: the run works, a user's reference breaks", async () => {
    const h = host(60);
    const sheets = await models(h);
    await new OfficeWorkbook(h.run).writeResults(sheets, {});
    h.addSheet("Mijn overzicht", [[{ formula: "=Tekort!B5" }]]);
    await new OfficeWorkbook(h.run, { supports: () => false }).writeResults(sheets, {});
    expect(h.formulas("Mijn overzicht")).toEqual([["A1", "=#REF!"]]);
    expect(h.sheetNames()).toEqual(["Voorraad", "Vraag", "Mijn overzicht", ...sheets.map((m) => m.name), META_SHEET]);
  });
});
