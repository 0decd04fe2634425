/**
 * The Office.js adapter at Excel's largest size (issue 4, "In Excel"), against the in-memory host:
 * a stock of 1,048,575 dwellings × 15 columns is read, and a BZK-indeling sheet that fills the
 * grid to its last row (1,048,576) is written. Asserted: no request or response over the byte
 * budget (well under Excel on the web's 5 MB), the number of syncs (rows / chunk, so doubling the
 * rows doubles them and doubling the budget halves them), values equal cell for cell,
 * calculation suspended in every write request, progress per chunk, and a cancel halfway through
 * the write that leaves the workbook exactly as it was.
 *
 * The measured figures are printed (console.info) for docs; run with
 * `npx jest -c jest.slow.config.js test/workbook/office-scale.test.ts`.
 */
import { UserError } from "../../src/domain/issues";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { CellValue } from "../../src/ingest/types";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { layoutSheet, NUMBER_FORMATS, type ModelValue, type SheetModel } from "../../src/report/sheet-model";
import { buildSheets } from "../../src/report/sheets";
import { EXCEL_MAX_ROWS } from "../../src/domain/excel-limits";
import { OfficeWorkbook } from "../../src/workbook/office";
import { DEFAULT_REQUEST_BYTES } from "../../src/workbook/office-requests";
import { ExcelHost, FIVE_MB, type SyncRecord } from "../office-host/host";

jest.setTimeout(180_000);

const ROWS = 1_048_575;
const HEADER = ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Buurt", "Woningtype", "Eenheiddetailsoort", "Bouwlaag", "Lift", "Bouwjaar", "BAT-score", "Segment", "Huurklasse", "Aandeel 55+", "Zorgprofiel"];
const COLS = HEADER.length;
const CORPORATIES = ["Wonen Zuid", "HEEMwonen", "Woonpunt"];
const GEMEENTEN = ["Kerkrade", "Heerlen", "Landgraaf", "Brunssum", "Simpelveld", "Voerendaal", "Beekdaelen"];
const BUURTEN = ["Bleijerheide", "Chevremont", "Terwinselen", "Gracht", "Holz", "Spekholzerheide", "Rolduckerveld", "Haanrade", "Kaalheide", "Nulland", "Hopel"];
const WONINGTYPEN = ["Gestapeld met lift", "Gestapeld zonder lift", "Eengezinswoning", "Seniorenwoning", "Benedenwoning"];
const SOORTEN = ["GAL", "EGW", "PORT", "MAIS"];
const SEGMENTEN = ["sociale huur", "middenhuur"];
const HUURKLASSEN = ["Goedkoop", "Betaalbaar 1", "Betaalbaar 2", "Duur"];

/**
 * Cell (r, c) of the synthetic stock (1-based; row 1 the header): a realistic, deterministic mix
 * of ids, codes, names, numbers and decimals, and an empty Zorgprofiel in two rows of three.
 */
function stockCell(r: number, c: number): string | number | null {
  if (r === 1) return HEADER[c - 1];
  const i = r - 2;
  switch (c) {
    case 1: return `VHE${1_000_000 + i}`;
    case 2: return `KR-${String(i >> 5).padStart(5, "0")}`;
    case 3: return CORPORATIES[i % 3];
    case 4: return GEMEENTEN[(i >> 7) % 7];
    case 5: return BUURTEN[(i * 7) % 11];
    case 6: return WONINGTYPEN[i % 5];
    case 7: return SOORTEN[i % 4];
    case 8: return i % 6;
    case 9: return i % 3 === 0 ? "ja" : "nee";
    case 10: return 1950 + (i % 70);
    case 11: return i % 5;
    case 12: return SEGMENTEN[i % 2];
    case 13: return HUURKLASSEN[i % 4];
    case 14: return (i % 100) / 100;
    default: return i % 3 === 0 ? `ZZP${(i % 9) + 1}` : null;
  }
}

/** The syncs of one call: those made from `from` on. */
const since = (host: ExcelHost, from: number): SyncRecord[] => host.syncs.slice(from);

/** Rounded MB for the printed figures. */
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

const figures: string[] = [];
afterAll(() => console.info(`Office.js route at 1,048,575 rows (in-memory host):\n${figures.join("\n")}`));

describe("reading a stock of 1,048,575 dwellings × 15 columns", () => {
  let host: ExcelHost;

  beforeAll(() => {
    host = new ExcelHost();
    host.addSheet("Voorraad");
    host.fill("Voorraad", `A1:O${ROWS + 1}`, stockCell);
  });

  afterAll(() => {
    host = undefined as unknown as ExcelHost;
  });

  let fullReads = 0;

  test("chunks sized from the byte budget: no response over it, syncs = rows / chunk, progress per chunk, values equal", async () => {
    const progress: [number, number][] = [];
    const before = host.syncs.length;
    const table = await new OfficeWorkbook(host.run, { onProgress: (d, t) => progress.push([d, t]) }).readSheet("Voorraad");
    const syncs = since(host, before);
    const reads = syncs.slice(1); // the first sync finds the used range
    fullReads = reads.length;

    expect(syncs.every((s) => s.error === null)).toBe(true);
    const largest = Math.max(...syncs.map((s) => s.responseBytes));
    expect(largest).toBeLessThanOrEqual(DEFAULT_REQUEST_BYTES);
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThan(10_000);
    // Rows per chunk after the first (which assumes 50 bytes per cell) are steady: within 3% of
    // the largest, so the syncs are rows / chunk.
    const sizes = progress.map(([d], k) => d - (k === 0 ? 0 : progress[k - 1][0]));
    const steady = Math.max(...sizes);
    expect(sizes.slice(1, -1).every((n) => n >= 0.97 * steady)).toBe(true);
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil((ROWS + 1) / steady));
    expect(reads.length).toBeLessThanOrEqual(Math.ceil((ROWS + 1) / (0.97 * steady)) + 1);
    // Byte-bound: every full chunk after the first is at least 75% of the budget.
    expect(reads.slice(1, -1).every((s) => s.responseBytes >= 0.75 * DEFAULT_REQUEST_BYTES)).toBe(true);
    const total = reads.reduce((n, s) => n + s.responseBytes, 0);
    expect(reads.length).toBeLessThanOrEqual(Math.ceil(total / (0.75 * DEFAULT_REQUEST_BYTES)) + 1);
    // Progress: once per chunk, increasing, ending at every row.
    expect(progress).toHaveLength(reads.length);
    expect(progress.every(([d, t], k) => t === ROWS + 1 && (k === 0 || d > progress[k - 1][0]))).toBe(true);
    expect(progress[progress.length - 1][0]).toBe(ROWS + 1);

    // Every cell as it was seeded ("" and empty both read as null; trailing empty cells dropped).
    expect(table.values).toHaveLength(ROWS + 1);
    let mismatches = 0;
    for (let r = 1; r <= ROWS + 1; r++) {
      const row: CellValue[] = table.values[r - 1];
      const expectedLength = stockCell(r, COLS) === null ? COLS - 1 : COLS;
      if (row.length !== expectedLength) mismatches++;
      for (let c = 1; c <= COLS; c++) if ((row[c - 1] ?? null) !== stockCell(r, c)) mismatches++;
    }
    expect(mismatches).toBe(0);
    figures.push(
      `  read 15 columns: ${reads.length} reads + 1 (used range); ${steady} rows per chunk; largest response ${mb(largest)} MB (budget ${mb(DEFAULT_REQUEST_BYTES)} MB, limit ${mb(FIVE_MB)} MB); ${mb(total)} MB in all`,
    );
  });

  test("half the rows (a selection of the upper half) take half the syncs", async () => {
    host.select("Voorraad", `A1:O${(ROWS + 1) / 2}`);
    const before = host.syncs.length;
    const sel = await new OfficeWorkbook(host.run).readSelection();
    expect(sel.values).toHaveLength((ROWS + 1) / 2);
    const reads = since(host, before).length - 1;
    expect(Math.abs(reads - fullReads / 2)).toBeLessThanOrEqual(1.5);
    figures.push(`  read half the rows: ${reads} reads (full: ${fullReads})`);
  });

  test("twice the byte budget takes half the syncs, and every response stays under that budget and 5 MB", async () => {
    const budget = 2 * DEFAULT_REQUEST_BYTES;
    const before = host.syncs.length;
    await new OfficeWorkbook(host.run, { requestBytes: budget, chunkCells: 1_000_000 }).readSheet("Voorraad");
    const syncs = since(host, before);
    const reads = syncs.length - 1;
    expect(Math.max(...syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(Math.min(budget, FIVE_MB));
    expect(Math.abs(reads - fullReads / 2)).toBeLessThanOrEqual(1.5);
    figures.push(`  read with twice the budget: ${reads} reads`);
  });
});

/**
 * A BZK-indeling sheet model whose per-dwelling table (15 columns) fills the sheet to row
 * `lastRow`: the summary tables, notes and the first rows come from a real pipeline run on a
 * small stock; the other rows repeat those rows with their own VHE and source cell.
 */
async function bzkModel(lastRow: number): Promise<SheetModel> {
  const host = new ExcelHost();
  host.addSheet("Voorraad");
  host.fill("Voorraad", `A1:O${1 + 500}`, stockCell);
  const [bzk] = buildSheets(await analyseWorkbook(new OfficeWorkbook(host.run), { rules: DEFAULT_RULES }));
  const ti = bzk.tables.findIndex((t) => t.name === "BZK_Woningen");
  const pattern = bzk.tables[ti].rows;
  const headerRow = layoutSheet(bzk).tables[ti].headerRow;
  const count = lastRow - headerRow;
  const rows: ModelValue[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const row = pattern[i % pattern.length].slice();
    row[0] = `VHE${1_000_000 + i}`;
    row[1] = `Voorraad!${i + 2}`;
    rows[i] = row;
  }
  const tables = bzk.tables.slice();
  tables[ti] = { ...tables[ti], rows };
  return { ...bzk, tables };
}

/** Checks the per-dwelling table on the sheet against the model, cell for cell (value and
 * number format); returns the number of differences. */
function differences(host: ExcelHost, model: SheetModel): number {
  const ti = model.tables.findIndex((t) => t.name === "BZK_Woningen");
  const table = model.tables[ti];
  const first = layoutSheet(model).tables[ti].headerRow + 1;
  const cells = host.sheet(model.name)!.cells;
  let diff = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    for (let c = 0; c < table.columns.length; c++) {
      const v = row[c];
      if (cells.read(first + i, c + 1) !== (v ?? "")) diff++;
      const format = typeof v === "string" ? "@" : (NUMBER_FORMATS[table.columns[c].kind] ?? "General");
      if (v !== null && cells.format(first + i, c + 1) !== format) diff++;
    }
  }
  return diff;
}

/** The syncs of a write that send cell values. */
const valueSyncs = (syncs: SyncRecord[]) => syncs.filter((s) => s.operations.includes("Range.values"));

describe("writing a BZK-indeling sheet to Excel's last row", () => {
  let host: ExcelHost;
  let full: SheetModel;
  let fullWrites = 0;

  beforeAll(async () => {
    full = await bzkModel(EXCEL_MAX_ROWS);
    host = new ExcelHost();
    host.addSheet("Voorraad", [["VHE-nummer"], ["VHE1"]]);
  });

  test("no request over the budget, syncs = bytes / budget, calculation suspended in each, progress per chunk, values equal", async () => {
    const rows = full.tables.reduce((n, t) => n + t.rows.length, 0);
    expect(layoutSheet(full).tables.at(-1)!.lastRow).toBe(EXCEL_MAX_ROWS);
    const progress: [number, number][] = [];
    const before = host.syncs.length;
    await new OfficeWorkbook(host.run, { onProgress: (d, t) => progress.push([d, t]) }).writeResults([full], {});
    const syncs = since(host, before);
    expect(syncs.every((s) => s.error === null)).toBe(true);
    const writes = valueSyncs(syncs);
    fullWrites = writes.length;
    const largest = Math.max(...syncs.map((s) => s.requestBytes));
    expect(largest).toBeLessThanOrEqual(DEFAULT_REQUEST_BYTES);
    // Every request that writes cells or builds the sheets has calculation suspended.
    const writing = syncs.filter((s) => s.operations.some((o) => o === "Range.values" || o === "TableCollection.add"));
    expect(writing.every((s) => s.calculationSuspended)).toBe(true);
    // Syncs grow with bytes / budget: all but the last value request are at least 90% full.
    const total = writes.reduce((n, s) => n + s.requestBytes, 0);
    expect(writes.slice(0, -2).every((s) => s.requestBytes >= 0.9 * DEFAULT_REQUEST_BYTES)).toBe(true);
    expect(writes.length).toBeGreaterThanOrEqual(Math.ceil(total / DEFAULT_REQUEST_BYTES));
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / (0.9 * DEFAULT_REQUEST_BYTES)) + 2);
    // A few syncs besides: reading the workbook (2), the ids before the swap, the meta rows, the swap.
    expect(syncs.length - writes.length).toBeLessThanOrEqual(6);
    // Progress once per write request of the sheet (the meta rows at the end do not count).
    expect(progress.length).toBeGreaterThanOrEqual(writes.length - 1);
    expect(progress.length).toBeLessThanOrEqual(writes.length + 2);
    expect(progress.every(([d, t], k) => t === rows && (k === 0 || d >= progress[k - 1][0]))).toBe(true);
    expect(progress.at(-1)![0]).toBe(rows);
    expect(differences(host, full)).toBe(0);
    expect(host.sheet("BZK-indeling")!.tables.map((t) => t.name)).toContain("BZK_Woningen");
    expect(host.sheet("BZK-indeling")!.usedArea(true)!.r1).toBe(EXCEL_MAX_ROWS);
    figures.push(
      `  write BZK-indeling to row 1,048,576 (15 columns): ${syncs.length} syncs, ${writes.length} with values; largest request ${mb(largest)} MB; ${mb(total)} MB in all`,
    );
  });

  test("cancelled halfway through a second write: stops at the next chunk, the workbook is exactly as before", async () => {
    const before = host.snapshot({ cells: "digest" });
    const controller = new AbortController();
    let abortedAt = -1;
    const office = new OfficeWorkbook(host.run).forRun({
      signal: controller.signal,
      onProgress: (done, total) => {
        if (done >= total / 2 && abortedAt < 0) {
          abortedAt = host.syncs.length;
          controller.abort();
        }
      },
    });
    await expect(office.writeResults([full], { voorraad: "anders" })).rejects.toThrow(new UserError("Analyse geannuleerd."));
    // After the abort: no more cells sent; the clean-up finds the temporary sheet and deletes it.
    const after = host.syncs.slice(abortedAt);
    expect(valueSyncs(after)).toEqual([]);
    expect(after.map((s) => s.operations.filter((o) => o === "Worksheet.delete").length)).toEqual([0, 1]);
    expect(host.snapshot({ cells: "digest" })).toEqual(before);
    expect(differences(host, full)).toBe(0);
  });

  test("half the rows take half the value syncs; twice the budget halves them again", async () => {
    const layout = layoutSheet(full);
    const half = await bzkModel(layout.tables.at(-1)!.headerRow + Math.floor((EXCEL_MAX_ROWS - layout.tables.at(-1)!.headerRow) / 2));
    full = undefined as unknown as SheetModel;
    let before = host.syncs.length;
    await new OfficeWorkbook(host.run).writeResults([half], {});
    const halfWrites = valueSyncs(since(host, before)).length;
    expect(differences(host, half)).toBe(0);
    expect(Math.abs(halfWrites - fullWrites / 2)).toBeLessThanOrEqual(2);
    before = host.syncs.length;
    await new OfficeWorkbook(host.run, { requestBytes: 2 * DEFAULT_REQUEST_BYTES }).writeResults([half], {});
    const doubled = valueSyncs(since(host, before));
    expect(Math.max(...doubled.map((s) => s.requestBytes))).toBeLessThanOrEqual(2 * DEFAULT_REQUEST_BYTES);
    expect(Math.abs(doubled.length - halfWrites / 2)).toBeLessThanOrEqual(2);
    figures.push(`  write half the rows: ${halfWrites} value syncs (full: ${fullWrites}); with twice the budget: ${doubled.length}`);
  });
});
