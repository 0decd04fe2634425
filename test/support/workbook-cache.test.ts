/**
 * The shared workbook cache's copies (test/support/workbook-cache.ts): a copy written through
 * `writeResults` first (made without the rows of its large sheets, which it reads from the shared
 * workbook) reads and writes as a copy made whole; once its `.workbook` is asked for it holds the
 * large sheet's rows itself; nothing written into a copy reaches another copy; and a copy made
 * from the model reads dates as dates.
 */
import ExcelJS from "exceljs";
import type { SheetModel } from "../../src/report/sheet-model";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { expectEqualData } from "./equal";
import { cachedWorkbook, cachedWrittenBytes } from "./workbook-cache";

const STOCK = "Voorraad";

/**
 * A small workbook with a large sheet (1,500 rows of text, numbers, dates and empty cells), a
 * small one, and a large one with merged cells (which stays whole in the light model), as bytes
 * (written once for all runs).
 */
async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Toelichting").addRow(["Een voorraad."]);
  const stock = wb.addWorksheet(STOCK);
  stock.addRow(["VHE", "BAT", "Bouwjaar", "Opgeleverd", "Huurklasse"]);
  for (let i = 0; i < 1500; i++) stock.addRow([`V${i}`, i % 5, 1950 + (i % 70), new Date(Date.UTC(2000 + (i % 20), i % 12, 1)), i % 7 === 0 ? null : `klasse ${i % 3}`]);
  const merged = wb.addWorksheet("Samengevoegd");
  for (let i = 0; i < 1200; i++) merged.addRow([i, `r${i}`]);
  merged.mergeCells("C1:D2");
  // The same bytes every run (ExcelJS stamps a new workbook with the time), so one cache entry.
  return cachedWrittenBytes(wb);
}

/** A result sheet. */
const RESULT: SheetModel = {
  kind: "tekort",
  name: "Tekort",
  title: "Tekort",
  notes: ["Een notitie."],
  tables: [{ name: "Tekort_tabel", caption: "Tekort", columns: [{ header: "Woontype", kind: "text" }, { header: "Tekort", kind: "integer" }], rows: [["nultreden", 12]] }],
};

/** Everything a copy answers: its sheets with their sizes and kinds, every sheet's values, the settings. */
async function contents(wb: XlsxWorkbook): Promise<unknown> {
  const sheets = await wb.listSheets();
  return { sheets, values: await Promise.all(sheets.map((s) => wb.readSheet(s.name))), settings: await wb.readSettings() };
}

/** Two writes, the second replacing the first's sheets (they are parked and removed). */
async function writeTwice(wb: XlsxWorkbook): Promise<void> {
  await wb.writeResults([RESULT], { regels: { tekort: { afronden: 5 } } });
  await wb.writeResults([RESULT], { kolommen: { segment: "Huurklasse" } });
}

test("a copy first written by writeResults reads as a whole copy with the same writes; asked for its workbook, it holds the large sheet's rows itself", async () => {
  const bytes = await workbookBytes();
  const whole = await cachedWorkbook(bytes);
  expect(whole.workbook.getWorksheet(STOCK)!.actualRowCount).toBeGreaterThan(1000);
  const light = await cachedWorkbook(bytes);
  await writeTwice(whole);
  await writeTwice(light);
  const expected = await contents(whole);
  // Dates read as dates from a copy made from the model (node:v8 makes them in Node's realm).
  expect((await whole.readSheet(STOCK)).values[1][3]).toEqual(new Date(Date.UTC(2000, 0, 1)));
  expect((await whole.readSheet(STOCK)).values[1][3]).toBeInstanceOf(Date);
  expect((expected as { sheets: { resultKind: string | null }[] }).sheets.filter((s) => s.resultKind === "tekort")).toHaveLength(1);
  expectEqualData(await contents(light), expected);
  // And as ExcelJS's own parse of the bytes, outside the cache, reads with the same writes.
  const parsed = await XlsxWorkbook.fromBuffer(bytes);
  await writeTwice(parsed);
  expectEqualData(await contents(light), await contents(parsed));

  // The stock's rows, from the model, once the workbook itself is needed.
  const stock = light.workbook.getWorksheet(STOCK)!;
  expect(stock.actualRowCount).toBe(whole.workbook.getWorksheet(STOCK)!.actualRowCount);
  expect(stock.getRow(4).values).toEqual(whole.workbook.getWorksheet(STOCK)!.getRow(4).values);
  expectEqualData(await contents(light), expected);

  // Another copy has none of it.
  const fresh = await cachedWorkbook(bytes);
  expect(await fresh.readSettings()).toBeNull();
  expect((await fresh.listSheets()).map((s) => s.name)).toEqual((await light.listSheets()).map((s) => s.name).filter((n) => n !== "Tekort (2)" && n !== "Tekort"));
});
