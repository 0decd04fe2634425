/**
 * No formula injection (issue 5): text from the input that starts with =, +, - or @ (also after a
 * tab or carriage return, and DDE payloads such as "=cmd|' /C calc'!A0") stays text in every
 * output of the file routes: the `--uit` workbook of the command line (streaming writer), the
 * workbook the browser page downloads (in-memory ExcelJS adapter) and the JSON document. In
 * both the result sheets and the user's own sheets copied into the result.
 *
 * "Stays text" is checked where Excel looks: the worksheet XML must hold no `<f>` (formula)
 * element except the one formula the user really wrote, and every cell holding such a value
 * must be a string cell (shared or inline string), read back with ExcelJS as ValueType.String.
 * The text itself is kept exactly: no apostrophe or other prefix is added (a string cell is
 * never evaluated by Excel or LibreOffice; see docs/handleiding.md).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { buildSheets } from "../../src/report/sheets";
import { META_SHEET } from "../../src/workbook/marker";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { formulaCells, freshDir, runCli, worksheetXml } from "./fixtures";

/** Stock fields filled with dangerous text, with a letter that tags the field in the value. */
const FIELDS = [
  { header: "VHE", tag: "V" },
  { header: "Complex", tag: "C" },
  { header: "Gemeente", tag: "G" },
  { header: "Buurt", tag: "B" },
  { header: "Eigenaar", tag: "E" },
] as const;

/** Dangerous shapes of text, one per stock row; `t` is the field's tag plus the row number. */
const SHAPES: ((t: string) => string)[] = [
  (t) => `=1+1+${t}`,
  (t) => `+31 6 ${t}`,
  (t) => `-2+3-${t}`,
  (t) => `@SUM(1,2)${t}`,
  (t) => `\t=1+${t}`,
  (t) => `\r=2+${t}`,
  (t) => `=cmd|' /C calc'!${t}`,
  (t) => `=HYPERLINK("http://example.invalid/${t}","klik")`,
  (t) => `-${t}`,
];

const NOTES_SHEET = "@Notities";
const dir = freshDir("injectie");

/** The input workbook: a stock table full of formula-looking text, a row whose BAT is such a
 * text, and a sheet of the user's own with such texts next to one real formula. */
async function writeInput(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Voorraad");
  ws.addRow([...FIELDS.map((f) => f.header), "BAT"]);
  SHAPES.forEach((shape, i) => ws.addRow([...FIELDS.map((f) => shape(`${f.tag}${i}`)), i % 5]));
  ws.addRow(["V99", "C99", "Kerkrade", "Bleijerheide", "HEEMwonen", "=1+1"]);
  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.getCell("A1").value = "=SOM(B2:B3)";
  notes.getCell("B1").value = { formula: "1+1", result: 2 };
  notes.getCell("A2").value = "=cmd|' /C notepad'!A0";
  notes.getCell("A3").value = "@gebruiker";
  const file = path.join(dir, "invoer.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** The input as ExcelJS reads it back: the values a faithful copy must hold. */
async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet whose value is a string, with its type. */
function stringCells(ws: ExcelJS.Worksheet): { address: string; value: string; type: ExcelJS.ValueType }[] {
  const out: { address: string; value: string; type: ExcelJS.ValueType }[] = [];
  ws.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value;
    if (typeof v === "string") out.push({ address: cell.address, value: v, type: cell.type });
    else if (v && typeof v === "object" && "formula" in v) out.push({ address: cell.address, value: `formule:${v.formula}`, type: cell.type });
  }));
  return out;
}

const RESULT_SHEETS = ["BZK-indeling", "Tekort", "Aanpassingspotentieel", "Controle"];

/** The checks shared by both routes, on the result workbook's bytes. */
async function expectAllText(resultBytes: Buffer | Uint8Array, inputFile: string): Promise<void> {
  const input = await readBack(inputFile);
  const inputVoorraad = input.getWorksheet("Voorraad")!;

  // 1. The only formula in the whole package is the one the user wrote on their own sheet.
  const xml = await worksheetXml(resultBytes);
  const formulas = [...xml].flatMap(([name, x]) => formulaCells(x).map((ref) => `${name}!${ref}`));
  expect(formulas).toEqual([`${NOTES_SHEET}!B1`]);

  const result = new ExcelJS.Workbook();
  await result.xlsx.load(Buffer.from(resultBytes) as unknown as ArrayBuffer);
  expect(result.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET)).toEqual(["Voorraad", NOTES_SHEET, ...RESULT_SHEETS]);

  // 2. The user's own sheets are copied value for value, strings as strings, the formula as formula.
  for (const name of ["Voorraad", NOTES_SHEET]) {
    expect(stringCells(result.getWorksheet(name)!)).toEqual(stringCells(input.getWorksheet(name)!));
  }
  expect(result.getWorksheet(NOTES_SHEET)!.getCell("B1").type).toBe(ExcelJS.ValueType.Formula);

  // 3. Every dangerous stock value reaches the result sheets (the ingest trims surrounding white
  // space), and wherever it lands it is a string cell holding exactly that text.
  const resultCells = RESULT_SHEETS.flatMap((n) => stringCells(result.getWorksheet(n)!).map((c) => ({ ...c, sheet: n })));
  let checked = 0;
  for (let r = 2; r <= SHAPES.length + 1; r++) {
    for (let c = 1; c <= FIELDS.length; c++) {
      const expected = String(inputVoorraad.getCell(r, c).value).trim();
      expect(expected).toMatch(/^[=+\-@]/);
      const hits = resultCells.filter((x) => x.value === expected);
      expect({ field: FIELDS[c - 1].header, expected, found: hits.length > 0 }).toEqual({ field: FIELDS[c - 1].header, expected, found: true });
      for (const h of hits) expect({ ...h, type: h.type }).toEqual({ ...h, type: ExcelJS.ValueType.String });
      checked++;
    }
  }
  expect(checked).toBe(SHAPES.length * FIELDS.length);

  // 4. The row with "=1+1" as BAT is set aside with a message naming the cell, itself text; the
  // user's sheet name starting with "@" is listed on Controle as text.
  const controle = stringCells(result.getWorksheet("Controle")!);
  expect(controle.some((c) => c.value.includes("=1+1") && /F11/.test(c.value))).toBe(true);
  expect(controle.find((c) => c.value === NOTES_SHEET)?.type).toBe(ExcelJS.ValueType.String);
}

describe("formula-looking text stays text", () => {
  let inputFile: string;
  beforeAll(async () => {
    inputFile = await writeInput();
  });

  test("the input really holds such text as strings (the test would catch a conversion)", async () => {
    const ws = (await readBack(inputFile)).getWorksheet("Voorraad")!;
    expect(ws.getCell("A2").value).toBe("=1+1+V0");
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A8").value).toBe("=cmd|' /C calc'!V6");
    // ExcelJS writes a carriage return as is, and XML reads it back as a line feed.
    expect(ws.getCell("A7").value).toBe("\n=2+V5");
  });

  test("command line: --uit (streaming writer) and --json", async () => {
    const uit = path.join(dir, "uit.xlsx");
    const json = path.join(dir, "uit.json");
    const r = await runCli(["analyse", inputFile, "--uit", uit, "--json", json]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    await expectAllText(readFileSync(uit), inputFile);

    // JSON: the same text, unchanged (JSON has no formulas; a reader that turns it into a
    // spreadsheet must write it as text).
    const doc = JSON.parse(readFileSync(json, "utf8")) as {
      woningen: { id: string }[];
      aanbod: { perGroep: Record<string, { waarde: string | null }[]> };
    };
    const input = (await readBack(inputFile)).getWorksheet("Voorraad")!;
    const cell = (r: number, c: number) => String(input.getCell(r, c).value).trim();
    const ids = doc.woningen.map((w) => w.id);
    for (let r = 2; r <= SHAPES.length + 1; r++) {
      expect(ids).toContain(cell(r, 1));
      expect(doc.aanbod.perGroep.buurt.map((g) => g.waarde)).toContain(cell(r, 4));
      expect(doc.aanbod.perGroep.gemeente.map((g) => g.waarde)).toContain(cell(r, 3));
    }
  });

  test("browser page: the in-memory ExcelJS adapter", async () => {
    const wb = await XlsxWorkbook.fromBuffer(readFileSync(inputFile));
    const result = await analyseWorkbook(wb, { rules: DEFAULT_RULES });
    await wb.writeResults(buildSheets(result), { voorraad: "Voorraad" });
    await expectAllText(await wb.toBuffer(), inputFile);
  });
});
