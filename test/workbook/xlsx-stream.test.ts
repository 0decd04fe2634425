/**
 * The streaming route of the command line against the in-memory route, on the sample
 * workbooks: the same analysis result, JSON for JSON.
 */
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalyseOptions } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildJson } from "../../src/report/json";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { analyseXlsxStream } from "../../src/analysis/xlsx-file";
import { streamWorksheets } from "../../src/workbook/xlsx-stream";
import type { CellValue } from "../../src/ingest/types";
import { expectEqualData } from "../support/equal";
import { cachedWorkbook } from "../support/workbook-cache";
import { KERKRADE, PARKSTAD } from "../support/paths";


/** The in-memory route's analysis per file and options, made once per file of tests (two tests
 * compare with the same Kerkrade analysis). */
const inMemory = new Map<string, ReturnType<typeof analyseWorkbook>>();

async function both(file: string, options: Omit<AnalyseOptions, "rules"> = {}, recogniseRows?: number) {
  const opts: AnalyseOptions = { rules: DEFAULT_RULES, ...options };
  const key = JSON.stringify([file, options]);
  if (!inMemory.has(key)) inMemory.set(key, cachedWorkbook(readFileSync(file)).then((wb) => analyseWorkbook(wb, opts)));
  const memory = await inMemory.get(key)!;
  const streamed = await analyseXlsxStream(file, { ...opts, recogniseRows });
  return { memory, streamed };
}

describe("analyseXlsxStream gives the same result as analyseWorkbook", () => {
  test.each([
    ["Kerkrade, automatic", KERKRADE, {}],
    ["Kerkrade, the published BAT table chosen", KERKRADE, { voorraad: "BAT per corporatie" }],
    ["Parkstad, automatic", PARKSTAD, {}],
  ])("%s", async (_label, file, options) => {
    const { memory, streamed } = await both(file, options);
    expectEqualData(buildJson(streamed.result), buildJson(memory));
    expect(streamed.result.tables).toEqual(memory.tables);
    expect(streamed.result.tekort).toEqual(memory.tekort);
  });

  test("a large stock sheet is streamed into the stock reader, never held as cells", async () => {
    // With a recognition buffer of 100 rows the Kerkrade stock (7,824 rows) takes the streaming path.
    const { memory, streamed } = await both(KERKRADE, {}, 100);
    expectEqualData(buildJson(streamed.result), buildJson(memory));
    const stock = streamed.stats.sheets.find((s) => s.name === "Voorraad (synthetisch)")!;
    expect(stock.route).toBe("voorraad-gestroomd");
    expect(stock.rows).toBeGreaterThan(7800);
    expect(streamed.stats.maxHeldRows).toBeLessThanOrEqual(101);
    // Every row after the recognition buffer went straight to the stock reader.
    expect(stock.rows - streamed.stats.stockRowsStreamed).toBeLessThanOrEqual(101);
  });

  test("reads from a stream as well as from a path", async () => {
    const fromStream = await analyseXlsxStream(Readable.from(readFileSync(PARKSTAD)), { rules: DEFAULT_RULES });
    const fromPath = await analyseXlsxStream(PARKSTAD, { rules: DEFAULT_RULES });
    expectEqualData(buildJson(fromStream.result), buildJson(fromPath.result));
  });

  test("rows arrive as the in-memory reader gives them: same cells per sheet", async () => {
    const memory = await cachedWorkbook(readFileSync(PARKSTAD));
    for await (const sheet of streamWorksheets(PARKSTAD)) {
      const values: CellValue[][] = [];
      await sheet.read((row) => {
        while (values.length < row.number - 1) values.push([]);
        values.push(row.values.slice());
      });
      const expected = (await memory.readSheet(sheet.name)).values;
      expect(values).toEqual(expected.slice(0, values.length));
      expect(expected.slice(values.length).every((r) => r.every((v) => v === null))).toBe(true);
    }
  });

  test("a wrong --voorraad is reported with the sheets, and a file that is no workbook gives the Dutch line", async () => {
    await expect(analyseXlsxStream(KERKRADE, { rules: DEFAULT_RULES, voorraad: "Blad9" })).rejects.toThrow(/Blad 'Blad9' bestaat niet in de werkmap/);
    await expect(analyseXlsxStream(Readable.from(Buffer.from("PK\u0003\u0004 kapot")), { rules: DEFAULT_RULES, label: "Bestand 'x.xlsx'" }))
      .rejects.toThrow("Bestand 'x.xlsx' is beschadigd of onvolledig: het is geen leesbare Excel-werkmap (.xlsx).");
  });

  test("our own result sheets of an earlier run are skipped, before their rows are read", async () => {
    const wb = await cachedWorkbook(readFileSync(PARKSTAD));
    const first = await analyseWorkbook(wb, { rules: DEFAULT_RULES });
    const { buildSheets } = await import("../../src/report/sheets");
    await wb.writeResults(buildSheets(first), { voorraad: "x" });
    const bytes = Buffer.from(await wb.toBuffer());
    const again = await analyseXlsxStream(Readable.from(bytes), { rules: DEFAULT_RULES });
    const memory = await analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
    expectEqualData(buildJson(again.result), buildJson(memory));
    expect(again.previous.sheets.tekort).toBe("Tekort");
    expect(again.stats.sheets.filter((s) => s.route === "eigen-resultaat").map((s) => s.name).sort())
      .toEqual(["Aanpassingspotentieel", "BZK-indeling", "Controle", "Tekort", "Vergelijking"]);
    expect(again.previous.settings?.voorraad).toBe("x");
    // The workbook written by ExcelJS has the meta sheet last; it is still read first.
    const order = new ExcelJS.Workbook();
    await order.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(order.worksheets[order.worksheets.length - 1].name).toBe("_batbzk");
  });
});
