/**
 * The Office.js adapter against the in-memory Excel host (test/office-host): reading in chunks,
 * writing the real pipeline's sheet models with the same layout as the ExcelJS adapter, text that
 * stays text, replacing only our own sheets, and leaving the workbook as it was on cancel or
 * failure.
 */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { UserError } from "../../src/domain/issues";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { CellValue } from "../../src/ingest/types";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { layoutSheet, lazyTable, NUMBER_FORMATS, tableRowAt, tableRowCount, type SheetModel, type TableModel } from "../../src/report/sheet-model";
import { buildSheets } from "../../src/report/sheets";
import { META_SHEET } from "../../src/workbook/marker";
import { OfficeWorkbook } from "../../src/workbook/office";
import { officeCellValue, parseRangeAddress } from "../../src/workbook/office-cells";
import { DEFAULT_REQUEST_BYTES, jsonSize, utf8Length } from "../../src/workbook/office-requests";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { richError } from "../office-host/errors";
import { ExcelHost, type SyncRecord } from "../office-host/host";
import { expectEqualData } from "../support/equal";
import { cachedWorkbook } from "../support/workbook-cache";
import { KERKRADE, PARKSTAD } from "../support/paths";
import { anyText } from "../support/unicode";

const STOCK = "Voorraad (synthetisch)";

let kerkrade: XlsxWorkbook;
let demand: CellValue[][];

beforeAll(async () => {
  kerkrade = await cachedWorkbook(readFileSync(KERKRADE));
  const parkstad = await cachedWorkbook(readFileSync(PARKSTAD));
  demand = (await parkstad.readSheet("Tabel 1 Vraag")).values;
});

/** Per variant (with or without demand), the host built once; tests get copies of it. */
const builtHosts = new Map<boolean, Promise<ExcelHost>>();

/** A fresh host holding the Kerkrade sample's sheets (and, optionally, Parkstad's demand table so
 * the pipeline also computes a tekort): a copy (`ExcelHost.copy`) of one built once per file,
 * the same workbook as building it again, with no syncs recorded. */
async function kerkradeHost(withDemand = false): Promise<ExcelHost> {
  let built = builtHosts.get(withDemand);
  if (!built) {
    built = (async () => {
      const host = new ExcelHost();
      for (const s of await kerkrade.listSheets()) host.addSheet(s.name, (await kerkrade.readSheet(s.name)).values);
      if (withDemand) host.addSheet("Vraag Parkstad", demand);
      return host;
    })();
    builtHosts.set(withDemand, built);
  }
  return (await built).copy();
}

/** The sheet models of the Kerkrade sample's analysis (with or without Parkstad's demand table), analysed
 * once per file: the analysis is the same for every test that writes them, and writing does not
 * change the models. */
const analysedModels = new Map<boolean, Promise<SheetModel[]>>();
function kerkradeModels(withDemand = false): Promise<SheetModel[]> {
  let models = analysedModels.get(withDemand);
  if (!models) {
    models = kerkradeHost(withDemand).then(async (host) => buildSheets(await analyseWorkbook(new OfficeWorkbook(host.run), { rules: DEFAULT_RULES })));
    analysedModels.set(withDemand, models);
  }
  return models;
}

/** The stock sheet as ExcelJS reads it (trimmed), computed once: what the chunked reads must equal. */
let stockExpected: Promise<CellValue[][]> | null = null;
const stockAsRead = (): Promise<CellValue[][]> => (stockExpected ??= kerkrade.readSheet(STOCK).then((t) => trimmed(t.values)));

/** Rows without trailing empty cells (both adapters may deliver ragged rows). */
function trimmed(values: CellValue[][]): CellValue[][] {
  return values.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
    return row.slice(0, end);
  });
}

/** A small result sheet with text that Excel would otherwise take as formulas or numbers. */
function trickyModel(): SheetModel {
  return {
    kind: "controle",
    name: "Controle",
    title: "=Controle: balans en meldingen",
    notes: ["- een notitie die met een streepje begint", "+31 is een landnummer"],
    tables: [
      {
        name: "Controle_Meldingen",
        caption: "@Meldingen",
        columns: [
          { header: "Melding", kind: "text" },
          { header: "Code", kind: "text" },
          { header: "Aantal", kind: "integer" },
          { header: "Aandeel", kind: "percent" },
          { header: "Jaar", kind: "year" },
        ],
        rows: [
          ['=HYPERLINK("http://example.invalid")', "+31", 1729, 0.28, 2030],
          ["-", "@x", -227, null, 2040],
          ["00123", "TRUE", null, 1, null],
          ["=1+1", "-5", 0, 0.5, 2023],
        ],
      },
    ],
  };
}

/**
 * The two hosts hold the same workbook (everything `ExcelHost.snapshot` lists), or the same
 * sheets among those whose names `keep` accepts. Compared by the cells' digests first (cheap);
 * only when those differ are the full cell lists compared, which then decide and show the
 * difference (equal digests mean equal stored cells, so the outcome is the list comparison's).
 */
function expectSameContent(actual: ExcelHost, expected: ExcelHost, keep?: (sheet: string) => boolean): void {
  const view = (host: ExcelHost, cells: "digest" | "list") => {
    const snap = host.snapshot({ cells }) as { sheets: { name: string }[] };
    return keep ? snap.sheets.filter((s) => keep(s.name)) : snap;
  };
  if (isDeepStrictEqual(view(actual, "digest"), view(expected, "digest"))) return;
  expectEqualData(view(actual, "list"), view(expected, "list"));
}

/** The workbook equals the one in `before`, a host not touched since (sheet names first, for a
 * readable failure). */
function expectUnchanged(host: ExcelHost, before: ExcelHost): void {
  expect(host.sheetNames()).toEqual(before.sheetNames());
  expectSameContent(host, before);
}

/** Cells as read back, with "" (an empty text) and an empty cell treated alike. */
function blanksAsNull(values: CellValue[][]): CellValue[][] {
  return trimmed(values.map((r) => r.map((v) => (v === "" ? null : v))));
}

/** Syncs from `from` on. */
const since = (host: ExcelHost, from: number): SyncRecord[] => host.syncs.slice(from);

describe("OfficeWorkbook: reading", () => {
  test("the Kerkrade sample reads the same through Office.js as through ExcelJS", async () => {
    const host = await kerkradeHost();
    const office = new OfficeWorkbook(host.run);
    expect(await office.listSheets()).toEqual(await kerkrade.listSheets());
    for (const s of await kerkrade.listSheets()) {
      const a = await office.readSheet(s.name);
      const b = await kerkrade.readSheet(s.name);
      expect([a.sheet, a.tableName, a.originRow, a.originCol]).toEqual([b.sheet, b.tableName, b.originRow, b.originCol]);
      expectEqualData(trimmed(a.values), trimmed(b.values));
    }
  });

  test("a large sheet is read in chunks bounded by the cell budget: rows/chunk syncs, progress per chunk", async () => {
    const host = await kerkradeHost();
    const progress: [number, number][] = [];
    const perChunk = 3000;
    const office = new OfficeWorkbook(host.run, { chunkCells: 18 * perChunk, requestBytes: 100 * 1024 * 1024, onProgress: (d, t) => progress.push([d, t]) });
    const before = host.syncs.length;
    const table = await office.readSheet(STOCK);
    const rows = 7827;
    const syncs = since(host, before);
    expect(table.values).toHaveLength(rows);
    expect(syncs).toHaveLength(1 + Math.ceil(rows / perChunk));
    expect(progress).toEqual([[3000, rows], [6000, rows], [rows, rows]]);
  });

  test("with the default budgets no response comes near Excel's 5 MB and the chunks adapt to the measured size", async () => {
    const host = await kerkradeHost();
    const office = new OfficeWorkbook(host.run, { requestBytes: 200_000 });
    const before = host.syncs.length;
    const table = await office.readSheet(STOCK);
    expectEqualData(trimmed(table.values), await stockAsRead());
    const syncs = since(host, before);
    const total = syncs.reduce((n, s) => n + s.responseBytes, 0);
    for (const s of syncs) expect(s.responseBytes).toBeLessThanOrEqual(200_000);
    // The first chunk assumes 50 bytes per cell; the others are sized from what was measured,
    // so all but the first and the last are at least 70% full.
    const reads = syncs.slice(1);
    expect(reads.slice(1, -1).every((s) => s.responseBytes >= 0.7 * 200_000)).toBe(true);
    expect(reads.length).toBeLessThanOrEqual(Math.ceil(total / (0.7 * 200_000)) + 2);
    expect(DEFAULT_REQUEST_BYTES).toBeLessThan(0.5 * 5 * 1024 * 1024);
  });

  test("a tiny budget means many small chunks, still never one sync per row", async () => {
    const host = await kerkradeHost();
    const office = new OfficeWorkbook(host.run, { chunkCells: 18 * 100 });
    const before = host.syncs.length;
    const table = await office.readSheet(STOCK);
    expectEqualData(trimmed(table.values), await stockAsRead());
    expect(since(host, before)).toHaveLength(1 + Math.ceil(7827 / 100));
  });

  test("a response over Excel's limit halves the chunk and retries; the values stay complete", async () => {
    const host = await kerkradeHost();
    host.payloadLimit = 150_000;
    const office = new OfficeWorkbook(host.run);
    const before = host.syncs.length;
    const table = await office.readSheet(STOCK);
    expectEqualData(trimmed(table.values), await stockAsRead());
    const syncs = since(host, before);
    const failed = syncs.filter((s) => s.error !== null);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(syncs.every((s) => s.error !== null || s.responseBytes <= host.payloadLimit)).toBe(true);
    // Once halved, the smaller chunk is kept: failures only at the start.
    const lastFailure = syncs.findIndex((s) => s === failed[failed.length - 1]);
    expect(syncs.slice(lastFailure + 1).every((s) => s.error === null)).toBe(true);
  });

  test("when even one row is too large the user gets a Dutch message", async () => {
    const host = new ExcelHost();
    host.addSheet("Lang", [["x".repeat(5000)]]);
    host.payloadLimit = 2000;
    await expect(new OfficeWorkbook(host.run).readSheet("Lang")).rejects.toThrow(
      "Het blad is te groot om in één keer uit Excel voor het web te lezen, ook in kleine delen. Maak lange teksten in de tabel korter of gebruik Excel op de computer.",
    );
  });

  test("origin comes from the used range; errors, empty cells and booleans are converted", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1", [["VHE", "BAT", "Lift"], ["V1", { error: "#N/A" }, true], [null, null, null], ["V3", 2, { formula: "=1=0", value: false }]], { origin: "C4" });
    const t = await new OfficeWorkbook(host.run).readSheet("Blad1");
    expect([t.originRow, t.originCol]).toEqual([4, 3]);
    expect(t.values).toEqual([["VHE", "BAT", "Lift"], ["V1", { error: "#N/A" }, true], [], ["V3", 2, false]]);
  });

  test("a blank sheet reads as an empty table; an unknown sheet is a Dutch UserError", async () => {
    const host = new ExcelHost();
    host.addSheet("Leeg");
    const office = new OfficeWorkbook(host.run);
    expect(await office.readSheet("Leeg")).toEqual({ sheet: "Leeg", tableName: null, originRow: 1, originCol: 1, values: [] });
    expect(await office.listSheets()).toEqual([{ name: "Leeg", rowCount: 0, columnCount: 0, resultKind: null }]);
    await expect(office.readSheet("Nergens")).rejects.toThrow(new UserError("Blad 'Nergens' bestaat niet in de werkmap."));
  });

  test("reading can be cancelled between chunks", async () => {
    const host = await kerkradeHost();
    const controller = new AbortController();
    const office = new OfficeWorkbook(host.run, { chunkCells: 18 * 500, requestBytes: 100 * 1024 * 1024, signal: controller.signal, onProgress: (done) => done >= 1000 && controller.abort() });
    const before = host.syncs.length;
    await expect(office.readSheet(STOCK)).rejects.toThrow(new UserError("Analyse geannuleerd."));
    expect(since(host, before)).toHaveLength(1 + 2);
  });

  test("readSelection: the selected cells within the used range, with their position", async () => {
    const host = await kerkradeHost();
    const office = new OfficeWorkbook(host.run);
    host.select(STOCK, "B3:D5");
    const sel = await office.readSelection();
    expect(sel).toEqual({
      sheet: STOCK,
      tableName: null,
      originRow: 3,
      originCol: 2,
      values: [["Complexnummer", "Corporatie", "Gemeente"], ["KR-0001", "Wonen Zuid", "Kerkrade"], ["KR-0001", "Wonen Zuid", "Kerkrade"]],
    });
    host.select("BAT per corporatie", "A:C");
    const cols = await office.readSelection();
    expect([cols.originRow, cols.originCol, cols.values.length]).toEqual([1, 1, 9]);
    expect(cols.values.every((r) => r.length <= 3)).toBe(true);
    host.select(STOCK, "AA1:AB2");
    expect((await office.readSelection()).values).toEqual([]);
    host.select(STOCK, "multiple");
    await expect(office.readSelection()).rejects.toThrow("Selecteer één aaneengesloten gebied met cellen en probeer het opnieuw.");
  });

  test("activateSheet activates; an unknown sheet is a Dutch UserError", async () => {
    const host = await kerkradeHost();
    const office = new OfficeWorkbook(host.run);
    await office.activateSheet("Woningtype");
    expect(host.activeSheet).toBe("Woningtype");
    await expect(office.activateSheet("Tekort")).rejects.toThrow("Blad 'Tekort' bestaat niet in de werkmap.");
  });
});

describe("OfficeWorkbook: writing", () => {
  let host: ExcelHost;
  let models: SheetModel[];

  beforeAll(async () => {
    host = await kerkradeHost(true);
    const result = await analyseWorkbook(new OfficeWorkbook(host.run), { rules: DEFAULT_RULES });
    models = buildSheets(result);
    analysedModels.set(true, Promise.resolve(models));
    expect(result.tekort.length).toBeGreaterThan(0);
    await new OfficeWorkbook(host.run).writeResults(models, { voorraad: STOCK });
  });

  test("cells equal the sheet models, in the layout shared with the ExcelJS adapter", () => {
    for (const model of models) {
      const layout = layoutSheet(model);
      expect(host.values(model.name, "A1")).toEqual([[model.title]]);
      model.notes.forEach((note, i) => expect(host.values(model.name, `A${layout.notesStartRow + i}`)).toEqual([[note]]));
      model.tables.forEach((table, ti) => {
        const pos = layout.tables[ti];
        expect(host.values(model.name, `A${pos.captionRow}`)).toEqual([[table.caption]]);
        const width = table.columns.length;
        const last = String.fromCharCode(64 + width);
        expect(host.values(model.name, `A${pos.headerRow}:${last}${pos.headerRow}`)).toEqual([table.columns.map((c) => c.header)]);
        if (table.rows.length > 0) {
          const body = host.values(model.name, `A${pos.headerRow + 1}:${last}${pos.lastRow}`);
          expectEqualData(body, table.rows.map((r) => r.map((v) => v ?? "")));
        }
        const sheet = host.sheet(model.name)!;
        const t = sheet.tables.find((x) => x.name === table.name)!;
        expect(t).toBeDefined();
        expect(t.area).toEqual({ r0: pos.headerRow, c0: 1, r1: pos.lastRow, c1: width });
        expect(t.style).toBe("TableStyleMedium2");
        table.columns.forEach((col, ci) => {
          const fmt = sheet.cell(pos.headerRow + 1, ci + 1)?.format ?? "General";
          const v = table.rows[0]?.[ci] ?? null;
          expect(fmt).toBe(typeof v === "string" ? "@" : NUMBER_FORMATS[col.kind]);
        });
      });
      // No formula anywhere on our sheets.
      expect(host.formulas(model.name)).toEqual([]);
    }
  });

  test("the sheets read back equal what the ExcelJS adapter writes from the same models", async () => {
    const xlsx = XlsxWorkbook.empty();
    await xlsx.writeResults(models, { voorraad: STOCK });
    const back = await XlsxWorkbook.fromBuffer(await xlsx.toBuffer());
    const office = new OfficeWorkbook(host.run);
    for (const model of models) {
      const a = await office.readSheet(model.name);
      const b = await back.readSheet(model.name);
      expect([a.originRow, a.originCol]).toEqual([1, 1]);
      // The models hold "" for "no warnings"; ExcelJS stores an empty text, Excel an empty cell.
      expectEqualData(blanksAsNull(a.values), blanksAsNull(b.values));
    }
  });

  test("sheet order, the very hidden meta sheet, settings and result kinds", async () => {
    const office = new OfficeWorkbook(host.run);
    expect(host.sheetNames()).toEqual([...(await kerkrade.listSheets()).map((s) => s.name), "Vraag Parkstad", "BZK-indeling", "Tekort", "Aanpassingspotentieel", "Vergelijking", "Controle", META_SHEET]);
    expect(host.sheet(META_SHEET)!.visibility).toBe("VeryHidden");
    expect(await office.readSettings()).toEqual({ voorraad: STOCK });
    const kinds = (await office.listSheets()).filter((s) => s.resultKind).map((s) => [s.name, s.resultKind]);
    expect(kinds).toEqual([["BZK-indeling", "bzk-indeling"], ["Tekort", "tekort"], ["Aanpassingspotentieel", "aanpassingspotentieel"], ["Vergelijking", "vergelijking"], ["Controle", "controle"]]);
  });

  test("first chart on Tekort (tekort per categorie) and on Aanpassingspotentieel (stacked per gemeente and segment)", () => {
    const tekort = host.sheet("Tekort")!.charts;
    expect(tekort).toHaveLength(2);
    expect(tekort[0].type).toBe("ColumnClustered");
    expect(tekort[0].title).toMatch(/^Tekort per categorie/);
    const model = models.find((m) => m.kind === "tekort")!;
    const pos = layoutSheet(model).tables[0];
    const series = tekort[0].series[0];
    expect(series.name).toBe("Tekort");
    const rows = model.tables[0].rows;
    const first = rows.findIndex((r) => r[0] === "per categorie");
    const n = series.values.area.r1 - series.values.area.r0 + 1;
    expect(series.values.area.r0).toBe(pos.headerRow + 1 + first);
    expect(series.values.area.c0).toBe(12);
    expect(rows.slice(first, first + n).every((r) => r[0] === "per categorie")).toBe(true);
    expect(series.xValues!.area.c0).toBe(4);
    const potentieel = host.sheet("Aanpassingspotentieel")!.charts;
    expect(potentieel).toHaveLength(2);
    expect(potentieel[0].type).toBe("ColumnStacked");
    expect(potentieel[0].series.map((s) => s.name)).toEqual(["Geschikt", "Potentieel", "Ongeschikt"]);
    expect(host.sheet("BZK-indeling")!.charts).toHaveLength(0);
  });

  /** The cells a chart series points at, as numbers or texts, one entry per row. */
  const cells = (area: { sheet: { cell(r: number, c: number): { value?: unknown } | undefined }; area: { r0: number; r1: number; c0: number; c1: number } }) => {
    const out: string[] = [];
    for (let r = area.area.r0; r <= area.area.r1; r++) {
      const row: unknown[] = [];
      for (let c = area.area.c0; c <= area.area.c1; c++) row.push(area.sheet.cell(r, c)?.value ?? null);
      out.push(row.join("|"));
    }
    return out;
  };

  test("Tekort: a chart of the tekort per woontype and year, baseline and what-if series over the scenario's own figures", () => {
    const chart = host.sheet("Tekort")!.charts[1];
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.title).toBe("Tekort per woontype en jaar: basis en wat-als (cumulatief)");
    expect(chart.series.map((s) => s.name)).toEqual(["Tekort basis", "Tekort wat-als"]);
    // The series read the what-if table of the sheet: per (woontype, jaar) of the first demand
    // set in the cumulatief reading, its Tekort basis and Tekort wat-als.
    const model = models.find((m) => m.kind === "tekort")!;
    const watAls = model.tables.find((t) => t.name === "Tekort_WatAls")!;
    const h = (name: string) => watAls.columns.findIndex((c) => c.header === name);
    const cum = watAls.rows.filter((r) => r[h("Lezing")] === "cumulatief");
    const set = cum.filter((r) => ["Niveau", "Groep", "Scenario", "Gebied"].every((k) => r[h(k)] === cum[0][h(k)]));
    const label = (r: (typeof set)[number]) => (r[h("Zorgprofiel")] ? `${r[h("Categorie")]} (${r[h("Zorgprofiel")]})` : String(r[h("Categorie")]));
    const expected = set.map((r) => `${label(r)}|${r[h("Jaar")]}|${r[h("Tekort basis")]}|${r[h("Tekort wat-als")]}`).sort();
    const [basis, scenario] = chart.series;
    expect(cells(basis.xValues!)).toEqual(cells(scenario.xValues!));
    const shown = cells(basis.xValues!).map((x, i) => `${x}|${cells(basis.values)[i]}|${cells(scenario.values)[i]}`);
    expect(shown.sort()).toEqual(expected);
    // Three years × four types, and the default scenario (10% adapted) lowers some shortage.
    expect(shown.length).toBe(12);
    expect(shown.some((row) => { const [, , b, w] = row.split("|"); return Number(w) < Number(b); })).toBe(true);
    // Ordered by woontype, then year: the category axis groups the years under each type.
    expect(cells(basis.xValues!).slice(0, 3).map((x) => x.split("|")[1])).toEqual(["2023", "2030", "2040"]);
    // Placed right of every table.
    const widest = Math.max(...model.tables.map((t) => t.columns.length));
    expect(chart.position!.start).toMatch(new RegExp(`^${String.fromCharCode(64 + widest + 2)}\\d+$`));
  });

  test("Aanpassingspotentieel: a chart per gemeente, geschikt/potentieel/ongeschikt stacked, equal to the sums over segments", () => {
    const chart = host.sheet("Aanpassingspotentieel")!.charts[1];
    expect(chart.type).toBe("ColumnStacked");
    expect(chart.title).toBe("Aanpassingspotentieel per gemeente (woningen)");
    expect(chart.series.map((s) => s.name)).toEqual(["Geschikt", "Potentieel", "Ongeschikt"]);
    const model = models.find((m) => m.kind === "aanpassingspotentieel")!;
    const first = model.tables[0];
    const sums = new Map<string, number[]>();
    for (const r of first.rows) {
      const s = sums.get(String(r[0])) ?? [0, 0, 0];
      sums.set(String(r[0]), s.map((v, i) => v + Number(r[2 + i])));
    }
    const gemeenten = cells(chart.series[0].xValues!);
    expect(gemeenten.sort()).toEqual([...sums.keys()].sort());
    chart.series.forEach((series, i) => {
      expect(cells(series.xValues!)).toEqual(cells(chart.series[0].xValues!));
      cells(series.values).forEach((v, row) => expect(Number(v)).toBe(sums.get(cells(series.xValues!)[row])![i]));
    });
  });

  test("the per-dwelling table is written row by row, never made as a whole: the same workbook as from the plain models", async () => {
    // A row source over the same rows whose `rows` (all rows at once, a million in the Excel
    // pane) throws when asked.
    const unmade = (table: TableModel): TableModel => {
      const copy = lazyTable({ name: table.name, caption: table.caption, columns: table.columns }, { length: tableRowCount(table), at: (i) => tableRowAt(table, i) });
      Object.defineProperty(copy, "rows", { get: () => { throw new Error(`rows of ${table.name} made as a whole`); } });
      return copy;
    };
    const lazy = models.map((m) => ({ ...m, tables: m.tables.map((t) => (t.name === "BZK_Woningen" ? unmade(t) : t)) }));
    const woningen = lazy.find((m) => m.kind === "bzk-indeling")!.tables.find((t) => t.name === "BZK_Woningen")!;
    expect(() => woningen.rows).toThrow("made as a whole");
    expect(tableRowCount(woningen)).toBe(7824);
    const other = await kerkradeHost(true);
    await new OfficeWorkbook(other.run).writeResults(lazy, { voorraad: STOCK });
    expectSameContent(other, host);
  });

  test("re-running replaces only our sheets and keeps their names; no temporary sheets remain", async () => {
    const userSheet = (name: string) => !models.some((m) => m.name === name) && name !== META_SHEET;
    const before = host.copy();
    const second = models.map((m) => ({ ...m, title: `${m.title} (tweede keer)` }));
    const outcome = await new OfficeWorkbook(host.run).writeResults(second, { voorraad: STOCK, vraag: "Vraag Parkstad" });
    expect(outcome.messages).toEqual([]);
    expect(outcome.sheets).toEqual({ "bzk-indeling": "BZK-indeling", tekort: "Tekort", aanpassingspotentieel: "Aanpassingspotentieel", vergelijking: "Vergelijking", controle: "Controle" });
    expect(host.sheetNames().filter((n) => n.startsWith("_batbzk_"))).toEqual([]);
    expect(host.values("Tekort", "A1")).toEqual([["Tekort: aanbod tegenover vraag (tweede keer)"]]);
    // Each table of the model once (no leftovers of the first run).
    expect(host.sheet("Tekort")!.tables.map((t) => t.name)).toEqual(models.find((m) => m.kind === "tekort")!.tables.map((t) => t.name));
    expect(host.sheetNames().filter(userSheet)).toEqual(before.sheetNames().filter(userSheet));
    expectSameContent(host, before, userSheet);
    expect(await new OfficeWorkbook(host.run).readSettings()).toEqual({ voorraad: STOCK, vraag: "Vraag Parkstad" });
  });
});

describe("OfficeWorkbook: writing safely", () => {
  test("text that looks like a formula or a number stays text, also in title, notes and captions", async () => {
    const host = new ExcelHost();
    host.addSheet("Invoer", [["x"]]);
    const model = trickyModel();
    await new OfficeWorkbook(host.run).writeResults([model], {});
    const sheet = host.sheet("Controle")!;
    expect(host.formulas("Controle")).toEqual([]);
    expect(host.values("Controle", "A1:A3")).toEqual([[model.title], ...model.notes.map((n) => [n])]);
    expect(host.values("Controle", "A5")).toEqual([["@Meldingen"]]);
    expect(host.values("Controle", "A7:E10")).toEqual(model.tables[0].rows.map((r) => r.map((v) => v ?? "")));
    expect(sheet.cell(7, 3)?.format).toBe("#,##0");
    expect(sheet.cell(8, 4)?.format).toBe("0%");
    expect(sheet.cell(9, 5)?.format).toBe("0");
  });

  test("a user's sheet (and table) named like ours is left alone; ours gets another name and a message", async () => {
    const host = new ExcelHost();
    host.addSheet("Tekort", [["Mijn eigen berekening", "Aantal"], ["=SOM", 3]]);
    host.state.addTable("Tekort!A1:B2", true).name = "Tekort";
    const before = host.snapshot();
    const model = trickyModel();
    const tekort: SheetModel = { ...model, kind: "tekort", name: "Tekort", tables: [{ ...model.tables[0], name: "Tekort" }] };
    const outcome = await new OfficeWorkbook(host.run).writeResults([tekort], {});
    expect(outcome.sheets.tekort).toBe("Tekort (2)");
    expect(outcome.messages).toEqual(["Er staat al een eigen blad 'Tekort' in de werkmap; dat blijft ongewijzigd. Het resultaat staat op blad 'Tekort (2)'."]);
    expect((host.snapshot() as { sheets: unknown[] }).sheets[0]).toEqual((before as { sheets: unknown[] }).sheets[0]);
    expect(host.sheet("Tekort (2)")!.tables.map((t) => t.name)).toEqual(["Tekort_2"]);
    // Running again: still not the user's sheet.
    const again = await new OfficeWorkbook(host.run).writeResults([tekort], {});
    expect(again.sheets.tekort).toBe("Tekort (2)");
    expect((host.snapshot() as { sheets: unknown[] }).sheets[0]).toEqual((before as { sheets: unknown[] }).sheets[0]);
    expect(host.sheetNames()).toEqual(["Tekort", "Tekort (2)", META_SHEET]);
  });

  test("writes go in chunks of the cell budget, one sync each, with calculation suspended", async () => {
    const host = await kerkradeHost();
    const models = await kerkradeModels();
    const budget = 20_000;
    const progress: number[] = [];
    const before = host.syncs.length;
    await new OfficeWorkbook(host.run, { chunkCells: budget, onProgress: (d) => progress.push(d) }).writeResults(models, {});
    const writes = since(host, before).filter((s) => s.operations.includes("Range.values"));
    const cells = models.reduce((n, m) => n + m.tables.reduce((k, t) => k + t.rows.length * t.columns.length, 0), 0);
    expect(writes.length).toBeGreaterThanOrEqual(Math.ceil(cells / budget));
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(cells / budget) + 3);
    for (const s of writes) {
      expect(s.calculationSuspended).toBe(true);
      expect(s.requestBytes).toBeLessThanOrEqual(DEFAULT_REQUEST_BYTES);
    }
    const dataRows = models.reduce((n, m) => n + m.tables.reduce((k, t) => k + t.rows.length, 0), 0);
    expect(progress[progress.length - 1]).toBe(dataRows);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test("a request over Excel's limit halves the chunk and retries", async () => {
    const host = await kerkradeHost();
    const models = await kerkradeModels();
    host.payloadLimit = 300_000;
    const before = host.syncs.length;
    await new OfficeWorkbook(host.run).writeResults(models, {});
    const syncs = since(host, before);
    expect(syncs.some((s) => s.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(syncs.every((s) => s.error === null || s.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    const woningen = models[0].tables.find((t) => t.name === "BZK_Woningen")!;
    const pos = layoutSheet(models[0]).tables[models[0].tables.indexOf(woningen)];
    expectEqualData(host.values("BZK-indeling", `A${pos.headerRow + 1}:O${pos.lastRow}`), woningen.rows.map((r) => r.map((v) => v ?? "")));
  });

  describe("a failed or cancelled run leaves the workbook as it was", () => {
    let host: ExcelHost;
    let models: SheetModel[];
    let before: ExcelHost;

    // The workbook with a user's own 'Tekort' sheet (reported as not used) and the results of its
    // analysis written, made once; each test gets its own copy (`ExcelHost.copy`) to fail or
    // cancel a second write on, and `before`, never touched, is the workbook as it was.
    beforeAll(async () => {
      before = await kerkradeHost(true);
      before.addSheet("Tekort", [["van de gebruiker"]]);
      models = buildSheets(await analyseWorkbook(new OfficeWorkbook(before.run), { rules: DEFAULT_RULES }));
      await new OfficeWorkbook(before.run).writeResults(models, { voorraad: STOCK });
    });
    beforeEach(() => {
      host = before.copy();
    });

    test("cancelled in the middle of writing", async () => {
      const controller = new AbortController();
      const office = new OfficeWorkbook(host.run, { chunkCells: 20_000, signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
      await expect(office.writeResults(models, { voorraad: "anders" })).rejects.toThrow(new UserError("Analyse geannuleerd."));
      expectUnchanged(host, before);
    });

    test("cancelled before the first sync", async () => {
      const controller = new AbortController();
      controller.abort();
      const n = host.syncs.length;
      await expect(new OfficeWorkbook(host.run, { signal: controller.signal }).writeResults(models, {})).rejects.toThrow("Analyse geannuleerd.");
      expect(host.syncs).toHaveLength(n);
    });

    test("an Office error in the middle of writing (a block of cells that cannot be written)", async () => {
      // A re-run adds its tables on our earlier sheets at the swap (updated in place), so the
      // failure is put into the writing of the cells, before the swap.
      let writes = 0;
      host.failOperation = (op) => (op.name === "Range.values" && ++writes === 5 ? richError("GeneralException") : undefined);
      await expect(new OfficeWorkbook(host.run).writeResults(models, {})).rejects.toThrow(
        "Excel meldde een onverwachte fout. Sla de werkmap op en probeer het opnieuw.",
      );
      host.failOperation = null;
      expectUnchanged(host, before);
    });

    test("an Office error at the swap (a sheet cannot be renamed; Excel without ExcelApi 1.9, sheets replaced)", async () => {
      // The swap renames our old sheets and their tables out of the way and the new ones in; the
      // third rename fails, after the first two were applied (test/support/fail-operations.ts
      // fails every operation of every request in turn).
      let renames = 0;
      host.failOperation = (op) => (op.name === "Worksheet.name" && ++renames === 3 ? richError("AccessDenied") : undefined);
      const err = await new OfficeWorkbook(host.run, { supports: () => false }).writeResults(models, {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).message).toMatch(/^Excel staat geen wijzigingen toe: de werkmap of een blad is beveiligd/);
      expect((err as UserError).cause).toMatchObject({ code: "AccessDenied" });
      // The failing sync was the swap (renames of sheets and tables, no deletes); the undo ran after it.
      const swap = host.syncs.find((x) => x.error === "AccessDenied")!;
      expect(swap.operations).toEqual(expect.arrayContaining(["Worksheet.name", "Table.name"]));
      expect(swap.operations).not.toContain("Worksheet.delete");
      expect(host.syncs.slice(swap.index + 1).every((x) => x.error === null)).toBe(true);
      host.failOperation = null;
      expectUnchanged(host, before);
    });

    test("after the swap the old sheets cannot be deleted: the result stands; when it fails twice the message says what is left", async () => {
      let deletes = 0;
      host.failOperation = (op) => (op.name === "Worksheet.delete" && ++deletes === 1 ? richError("AccessDenied") : undefined);
      const once = await new OfficeWorkbook(host.run, { supports: () => false }).writeResults(models, {});
      expect(once.messages.filter((m) => m.startsWith("Het resultaat staat in de werkmap"))).toEqual([]);
      expect(host.sheetNames().filter((n) => n.startsWith("_batbzk_tmp"))).toEqual([]);
      host.failOperation = (op) => (op.name === "Worksheet.delete" ? richError("AccessDenied") : undefined);
      const twice = await new OfficeWorkbook(host.run, { supports: () => false }).writeResults(models, {});
      host.failOperation = null;
      const left = host.sheetNames().filter((n) => n.startsWith("_batbzk_tmp"));
      expect(left.length).toBeGreaterThan(0);
      const message = twice.messages.find((m) => m.startsWith("Het resultaat staat in de werkmap"));
      for (const name of left) expect(message).toContain(`'${name}'`);
      for (const m of models) expect(host.sheet(m.name)?.visibility).toBe("Visible");
    });

    test("a sheet added by the user during the write with one of the new names stops the swap", async () => {
      const fresh = await kerkradeHost();
      const freshModels = await kerkradeModels();
      const start = fresh.syncs.length;
      fresh.beforeSync = (i) => {
        if (i === start + 3) fresh.addSheet("Controle", [["net toegevoegd"]]);
      };
      await expect(new OfficeWorkbook(fresh.run).writeResults(freshModels, {})).rejects.toThrow(
        "Tijdens het schrijven is een blad 'Controle' aan de werkmap toegevoegd. Er is niets gewijzigd; probeer het opnieuw.",
      );
      expect(fresh.sheetNames()).toEqual([...(await kerkrade.listSheets()).map((s) => s.name), "Controle"]);
    });

    test("when the clean-up fails too, the message says which temporary sheets to remove", async () => {
      const start = host.syncs.length;
      host.beforeSync = (i) => {
        if (i === start + 3) host.cellEditMode = true;
      };
      const err = (await new OfficeWorkbook(host.run, { chunkCells: 20_000 }).writeResults(models, {}).catch((e: unknown) => e)) as UserError;
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toMatch(/^Excel is bezig met het bewerken van een cel\. Druk op Enter of Esc en probeer het opnieuw\. De tijdelijke bladen \('_batbzk_tmp1', .*\) konden niet worden opgeruimd; verwijder ze zelf\.$/);
      const leftovers = host.sheetNames().filter((n) => n.startsWith("_batbzk_tmp"));
      expect(leftovers.length).toBeGreaterThan(0);
      expect(leftovers.every((n) => host.sheet(n)!.visibility === "Visible")).toBe(true);
    });
  });
});

describe("Office errors come out as Dutch UserErrors", () => {
  test("cell edit mode, with the Office error kept as cause", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1", [["x"]]);
    host.cellEditMode = true;
    const err = (await new OfficeWorkbook(host.run).listSheets().catch((e: unknown) => e)) as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe("Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.");
    expect(err.cause).toMatchObject({ code: "InvalidOperationInCellEditMode", name: "RichApi.Error" });
  });

  test("an error that is not an Office error is still a Dutch UserError", async () => {
    const office = new OfficeWorkbook(async () => {
      throw new TypeError("boom");
    });
    await expect(office.readSettings()).rejects.toThrow(/^Er ging iets mis in de verbinding met Excel\./);
  });

  test("an unknown code is named in the message", async () => {
    const office = new OfficeWorkbook(async () => {
      throw richError("SomethingNew");
    });
    await expect(office.activateSheet("x")).rejects.toThrow("Excel meldde een fout (SomethingNew). Probeer het opnieuw; blijft het misgaan, geef dan deze melding door.");
  });
});

describe("helpers", () => {
  test("officeCellValue: empty → null, error texts → { error }, the rest as is", () => {
    expect(["", "#N/A", "#REF!", "#N/B", "tekst", 3, false].map(officeCellValue)).toEqual([null, { error: "#N/A" }, { error: "#REF!" }, { error: "#N/B" }, "tekst", 3, false]);
  });

  test("parseRangeAddress understands qualified, single-cell, whole-column and whole-row addresses", () => {
    expect(parseRangeAddress("'Voorraad (synthetisch)'!B3:R7829")).toEqual({ row: 3, col: 2, rows: 7827, cols: 17 });
    expect(parseRangeAddress("Blad1!C4")).toEqual({ row: 4, col: 3, rows: 1, cols: 1 });
    expect(parseRangeAddress("'It''s!'!A:C")).toEqual({ row: 1, col: 1, rows: 1_048_576, cols: 3 });
    expect(parseRangeAddress("Blad1!$2:$5")).toEqual({ row: 2, col: 1, rows: 4, cols: 16_384 });
    expect(() => parseRangeAddress("Blad1!#REF!")).toThrow();
  });

  test("utf8Length counts UTF-8 bytes as Node's Buffer does (ASCII, accents, arrows, emoji)", () => {
    for (const text of ["", "VHE-001", "Zorggeschikt (één)", "BAT → BZK", "wonen 🏠 ouderen", '{"a":["\u0000"]}']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
    }
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => utf8Length(text) === Buffer.byteLength(text, "utf8")));
  });

  test("jsonSize is the UTF-8 size of JSON.stringify of a 2-D array of cell values, without building it", () => {
    expect(jsonSize([["a\"b", 1.5, null, true, "\u0001\n", "é→😀", "\ud800"]])).toBe(Buffer.byteLength(JSON.stringify([["a\"b", 1.5, null, true, "\u0001\n", "é→😀", "\ud800"]])));
    const cell = fc.oneof(anyText({ loneSurrogates: true }), fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }), (rows) => jsonSize(rows) === Buffer.byteLength(JSON.stringify(rows), "utf8")));
  });

  test("the cell budget must be positive", () => {
    expect(() => new OfficeWorkbook(async () => undefined as never, { chunkCells: 0 })).toThrow(RangeError);
  });
});
