/**
 * Never overwrite a user's sheet (issue 5), on the file routes: a sheet named like one of ours
 * that we did not make (it is not listed in the meta sheet `_batbzk`) is left exactly as it was,
 * and our sheet gets another name ("Tekort (2)") with a Dutch message: on Controle, in the JSON
 * and on standard error for the command line; in the outcome shown by the browser page.
 * Also: the in-memory adapter writes all or nothing (a failure halfway leaves the workbook as it
 * was, so a retry gives the same names as a clean run).
 *
 * Sheets are recognised by name (case-insensitively, as Excel does) through the meta sheet.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { SheetModel } from "../../src/report/sheet-model";
import { buildSheets } from "../../src/report/sheets";
import { META_SHEET } from "../../src/workbook/marker";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { freshDir, runCli, worksheetXml } from "./fixtures";

const dir = freshDir("eigen-bladen");

/** A small stock table plus the user's own "Tekort" (values and a formula) and "controle". */
async function inputWithOwnSheets(extra: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const stock = wb.addWorksheet("Voorraad");
  stock.addRow(["VHE", "Complex", "BAT", "Gemeente"]);
  for (let i = 1; i <= 40; i++) stock.addRow([`VHE${1000 + i}`, `C${i % 4}`, i % 5, i % 2 ? "Kerkrade" : "Heerlen"]);
  const tekort = wb.addWorksheet("Tekort");
  tekort.addRow(["Mijn eigen tekortberekening", null]);
  tekort.addRow(["Nultreden 2030", 120]);
  tekort.addRow(["Geclusterd 2030", 35]);
  tekort.getCell("B4").value = { formula: "B2+B3", result: 155 };
  wb.addWorksheet("controle").addRow(["afvinklijst", "ja"]);
  for (const name of extra) wb.addWorksheet(name).addRow([`eigen blad ${name}`]);
  const file = path.join(dir, `invoer-${extra.length}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Every cell of a sheet as [address, value] (formulas with their formula and result). */
function cells(ws: ExcelJS.Worksheet): [string, unknown][] {
  const out: [string, unknown][] = [];
  ws.eachRow((row) => row.eachCell((c) => void out.push([c.address, c.value])));
  return out;
}

async function load(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The messages table of our Controle sheet (column D holds the message text). */
function controleMessages(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(4).value;
    if (typeof v === "string") out.push(v);
  });
  return out;
}

const TEKORT_MSG = "Er staat al een eigen blad 'Tekort' in de werkmap; dat blijft ongewijzigd. Het resultaat staat op blad 'Tekort (2)'.";
const CONTROLE_MSG = "Er staat al een eigen blad 'Controle' in de werkmap; dat blijft ongewijzigd. Het resultaat staat op blad 'Controle (2)'.";

describe("command line (--uit)", () => {
  test("the user's 'Tekort' and 'controle' stay; ours become 'Tekort (2)' and 'Controle (2)', said on stderr, Controle and in the JSON", async () => {
    const file = await inputWithOwnSheets();
    const uit = path.join(dir, "uit.xlsx");
    const json = path.join(dir, "uit.json");
    const r = await runCli(["analyse", file, "--uit", uit, "--json", json]);
    expect(r.code).toBe(0);
    expect(r.err.trim().split("\n")).toEqual([`Let op: ${TEKORT_MSG}`, `Let op: ${CONTROLE_MSG}`]);

    const input = await load(readFileSync(file));
    const out = await load(readFileSync(uit));
    expect(out.worksheets.map((w) => w.name)).toEqual([
      ...input.worksheets.map((w) => w.name), "BZK-indeling", "Tekort (2)", "Aanpassingspotentieel", "Controle (2)", META_SHEET,
    ]);
    expect(cells(out.getWorksheet("Tekort")!)).toEqual(cells(input.getWorksheet("Tekort")!));
    expect(cells(out.getWorksheet("controle")!)).toEqual(cells(input.getWorksheet("controle")!));
    expect(out.getWorksheet("Tekort (2)")!.getCell("A1").value).toBe("Tekort: aanbod tegenover vraag");
    expect(controleMessages(out.getWorksheet("Controle (2)")!)).toEqual(expect.arrayContaining([TEKORT_MSG, CONTROLE_MSG]));
    const doc = JSON.parse(readFileSync(json, "utf8")) as { meldingen: { code: string; bericht?: string; melding?: string }[] };
    expect(JSON.stringify(doc.meldingen.filter((m) => m.code === "blad-hernoemd"))).toContain("Tekort (2)");

    // A second run on the result replaces our sheets under the same names and still leaves the
    // user's sheets alone: no "Tekort (3)", nothing doubled.
    const again = path.join(dir, "opnieuw.xlsx");
    const r2 = await runCli(["analyse", uit, "--uit", again]);
    expect(r2.code).toBe(0);
    const out2 = await load(readFileSync(again));
    expect(out2.worksheets.map((w) => w.name)).toEqual(out.worksheets.map((w) => w.name));
    expect(cells(out2.getWorksheet("Tekort")!)).toEqual(cells(input.getWorksheet("Tekort")!));
  });

  test("a user's 'Tekort (2)' as well: ours becomes 'Tekort (3)'", async () => {
    const file = await inputWithOwnSheets(["Tekort (2)"]);
    const uit = path.join(dir, "uit-3.xlsx");
    const r = await runCli(["analyse", file, "--uit", uit]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("Het resultaat staat op blad 'Tekort (3)'.");
    const out = await load(readFileSync(uit));
    expect(out.getWorksheet("Tekort (2)")!.getCell("A1").value).toBe("eigen blad Tekort (2)");
    expect(out.getWorksheet("Tekort (3)")!.getCell("A1").value).toBe("Tekort: aanbod tegenover vraag");
  });
});

describe("browser page (in-memory ExcelJS adapter)", () => {
  test("the user's sheets stay; ours get other names and the outcome says why", async () => {
    const file = await inputWithOwnSheets();
    const wb = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const result = await analyseWorkbook(wb, { rules: DEFAULT_RULES });
    const outcome = await wb.writeResults(buildSheets(result), {});
    expect(outcome.sheets).toEqual({ "bzk-indeling": "BZK-indeling", tekort: "Tekort (2)", aanpassingspotentieel: "Aanpassingspotentieel", controle: "Controle (2)" });
    expect(outcome.messages).toEqual([TEKORT_MSG, CONTROLE_MSG]);
    const input = await load(readFileSync(file));
    const out = await load(await wb.toBuffer());
    expect(cells(out.getWorksheet("Tekort")!)).toEqual(cells(input.getWorksheet("Tekort")!));
    expect(cells(out.getWorksheet("controle")!)).toEqual(cells(input.getWorksheet("controle")!));

    // Downloaded, opened again, analysed again: ours replaced in place, the user's untouched.
    const again = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const outcome2 = await again.writeResults(buildSheets(await analyseWorkbook(again, { rules: DEFAULT_RULES })), {});
    expect(outcome2.sheets).toEqual(outcome.sheets);
    const out2 = await load(await again.toBuffer());
    expect(out2.worksheets.map((w) => w.name)).toEqual(out.worksheets.map((w) => w.name));
    expect(cells(out2.getWorksheet("Tekort")!)).toEqual(cells(input.getWorksheet("Tekort")!));
  });

  test("a failure halfway through writing leaves the workbook as it was; a retry gives the clean result", async () => {
    // A workbook that already holds our results of an earlier run next to the user's sheets.
    const first = await XlsxWorkbook.fromBuffer(readFileSync(await inputWithOwnSheets()));
    const result = await analyseWorkbook(first, { rules: DEFAULT_RULES });
    await first.writeResults(buildSheets(result), {});
    const wb = await XlsxWorkbook.fromBuffer(await first.toBuffer());
    const before = await worksheetXml(await wb.toBuffer());

    // The third sheet model is broken (a table without columns, which ExcelJS refuses), so the
    // first two result sheets have been written when it fails.
    const models = buildSheets(result);
    const broken: SheetModel = { ...models[2], tables: [{ ...models[2].tables[0], columns: [], rows: [] }] };
    await expect(wb.writeResults([models[0], models[1], broken, models[3]], {})).rejects.toThrow();
    const after = await worksheetXml(await wb.toBuffer());
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, xml] of before) expect({ name, xml: after.get(name) }).toEqual({ name, xml });

    const outcome = await wb.writeResults(models, {});
    expect(outcome.sheets.tekort).toBe("Tekort (2)");
    expect(outcome.messages).toEqual([TEKORT_MSG, CONTROLE_MSG]);
  });
});
