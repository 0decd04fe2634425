/**
 * The streaming writer of `--uit`: input cells of every kind copied as they were read, text that
 * looks like a formula staying text, the result sheets as Excel tables with their number formats,
 * and our own sheets of an earlier run replaced rather than copied.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildSheets } from "../../src/report/sheets";
import { layoutSheet } from "../../src/report/sheet-model";
import { analyseXlsxStream } from "../../src/analysis/xlsx-file";
import { inflateRawSync } from "node:zlib";
import { RowWriter, XlsxStreamWriter, xmlText } from "../../src/workbook/xlsx-stream-writer";
import { openZipFileSink, ZLIB_DEFLATE } from "../../src/workbook/zip-node";
import type { SheetRow } from "../../src/workbook/sheet-xml";
import { MAX_ENTRIES, SharedTexts } from "../../src/workbook/shared-texts";
import { DeflatedPart } from "../../src/workbook/zip-sink";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { expectEqualData } from "../support/equal";

const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-writer-"));

async function input(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Voorraad");
  ws.addRow(["VHE", "BAT", "Complex", "Opmerking", "Peildatum", "Aandeel 55+", "Som"]);
  ws.getRow(1).font = { bold: true };
  for (let i = 1; i <= 30; i++) {
    ws.addRow([`V${i}`, i % 5, `C${i % 3}`, null, new Date(Date.UTC(2024, 0, i)), 0.5 + i / 100, null]);
  }
  ws.getCell("D2").value = '=HYPERLINK("http://x","y")';
  ws.getCell("D3").value = "  spaties & <haken> \u0001 ";
  ws.getCell("D4").value = { richText: [{ text: "vet", font: { bold: true } }, { text: " en gewoon" }] };
  ws.getCell("D5").value = { error: "#N/A" };
  ws.getCell("D6").value = true;
  ws.getCell("G2").value = { formula: "B2+1", result: 2 };
  ws.getCell("G3").value = { formula: "D3&\"x\"", result: "tekst" };
  for (let r = 2; r <= 31; r++) ws.getCell(`F${r}`).numFmt = "0%";
  const hidden = wb.addWorksheet("Verborgen", { state: "hidden" });
  hidden.addRow(["alleen", 1]);
  const file = path.join(dir, "invoer.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function analyseAndWrite(file: string, out: string) {
  const writer = new XlsxStreamWriter(await openZipFileSink(out));
  const { result } = await analyseXlsxStream(file, { rules: DEFAULT_RULES, copy: writer });
  const outcome = await writer.writeResults(buildSheets(result), { voorraad: "Voorraad" });
  await writer.commit();
  return { result, outcome };
}

describe("XlsxStreamWriter", () => {
  test("copies every kind of cell; formula-looking text stays text; styles and visibility kept", async () => {
    const file = await input();
    const out = path.join(dir, "uit.xlsx");
    await analyseAndWrite(file, out);
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet("Voorraad")!;
    expect(ws.getCell("D2").value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell("D2").type).toBe(ExcelJS.ValueType.String);
    // Control characters are not allowed in XML and are dropped; spaces are kept.
    expect(ws.getCell("D3").value).toBe("  spaties & <haken>  ");
    expect(ws.getCell("D4").value).toEqual({ richText: [{ text: "vet", font: expect.objectContaining({ bold: true }) }, { text: " en gewoon" }] });
    expect(ws.getCell("D5").value).toEqual({ error: "#N/A" });
    expect(ws.getCell("D6").value).toBe(true);
    expect(ws.getCell("G2").value).toEqual({ formula: "B2+1", result: 2 });
    expect(ws.getCell("G3").value).toEqual({ formula: 'D3&"x"', result: "tekst" });
    expect(ws.getCell("E2").value).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(ws.getCell("F2").numFmt).toBe("0%");
    expect(ws.getCell("F2").value).toBeCloseTo(0.51);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    for (let r = 1; r <= 31; r++) {
      for (const c of ["A", "B", "C"]) expect(ws.getCell(`${c}${r}`).value).toEqual(src.getWorksheet("Voorraad")!.getCell(`${c}${r}`).value);
    }
    expect(back.getWorksheet("Verborgen")!.state).toBe("hidden");
    expect(back.getWorksheet("Verborgen")!.getCell("B1").value).toBe(1);
  });

  test("result sheets: Excel tables at the layout's places, number formats, the same values as the in-memory writer", async () => {
    const file = await input();
    const out = path.join(dir, "uit-2.xlsx");
    const { result } = await analyseAndWrite(file, out);
    const memory = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const models = buildSheets(await analyseWorkbook(memory, { rules: DEFAULT_RULES }));
    await memory.writeResults(models, { voorraad: "Voorraad" });
    const expected = new ExcelJS.Workbook();
    await expected.xlsx.load(Buffer.from(await memory.toBuffer()) as unknown as ArrayBuffer);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.worksheets.map((w) => [w.name, w.state])).toEqual(expected.worksheets.map((w) => [w.name, w.state]));
    for (const model of buildSheets(result)) {
      const a = back.getWorksheet(model.name)!;
      const b = expected.getWorksheet(model.name)!;
      const layout = layoutSheet(model);
      const last = layout.tables[layout.tables.length - 1].lastRow;
      // Every cell (and a number's format) collected and compared once: a Jest expect per cell was
      // most of this test's time; a failure lists the cells that differ by row and column.
      const actual: unknown[] = [];
      const wanted: unknown[] = [];
      for (let r = 1; r <= last; r++) {
        for (let c = 1; c <= 15; c++) {
          const want = b.getCell(r, c).value;
          actual.push([model.name, r, c, a.getCell(r, c).value ?? null]);
          wanted.push([model.name, r, c, want === "" ? null : want ?? null]);
          if (want !== null && typeof want === "number") {
            actual.push([model.name, r, c, "numFmt", a.getCell(r, c).numFmt]);
            wanted.push([model.name, r, c, "numFmt", b.getCell(r, c).numFmt]);
          }
        }
      }
      expectEqualData(actual, wanted);
      const names = (ws: ExcelJS.Worksheet) => (ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]).map((t) => [t.table.name, t.table.tableRef]);
      expect(names(a)).toEqual(names(b));
    }
  });

  test("a user's sheet with one of our names is kept; a second run replaces our sheets, not the user's", async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(await input());
    src.addWorksheet("Tekort").getCell("A1").value = "mijn eigen berekening";
    const file = path.join(dir, "met-eigen-tekort.xlsx");
    await src.xlsx.writeFile(file);
    const first = path.join(dir, "eerste.xlsx");
    const run1 = await analyseAndWrite(file, first);
    expect(run1.outcome.sheets.tekort).toBe("Tekort (2)");
    expect(run1.outcome.messages[0]).toMatch(/eigen blad 'Tekort'.*'Tekort \(2\)'/);
    const second = path.join(dir, "tweede.xlsx");
    const run2 = await analyseAndWrite(first, second);
    expect(run2.outcome.sheets.tekort).toBe("Tekort (2)");
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(first);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(second);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect(b.getWorksheet("Tekort")!.getCell("A1").value).toBe("mijn eigen berekening");
  });

  test("xmlText escapes markup and drops characters XML forbids, and leaves plain text alone", () => {
    const plain = "VHE1001 Kerkrade – ≥ 50% 55+";
    expect(xmlText(plain)).toBe(plain);
    expect(xmlText("a & b < c > d\u0000\u0008\t\n")).toBe("a &amp; b &lt; c &gt; d\t\n");
    expect(xmlText("\uffffx")).toBe("x");
  });
});

describe("RowWriter.values and the shared-text table", () => {
  /** The XML a row writer's part holds. */
  async function xmlOf(part: DeflatedPart): Promise<string> {
    return inflateRawSync(Buffer.concat(await part.finish())).toString("utf8");
  }

  test("a column that fills the table: values() writes the same cells as cell() (each cell looked up once)", async () => {
    // Column A alternates a repeated text and a new one (half new: the column stays open) until
    // the table is full, then goes on: each later new text is written inline and must count once
    // in the column's tally, as through cell(); counted twice, the column closes and even the
    // repeated text is written inline.
    // (The first "herhaald" is new too: it comes twice first, so that each window is half new.)
    const rows: string[] = ["herhaald"];
    for (let i = 0; i < MAX_ENTRIES + 4096; i++) rows.push("herhaald", `t${i}`);
    const viaValues = new RowWriter(new DeflatedPart(ZLIB_DEFLATE), new SharedTexts(), false);
    const viaCell = new RowWriter(new DeflatedPart(ZLIB_DEFLATE), new SharedTexts(), false);
    rows.forEach((v, i) => {
      viaValues.values(i + 1, [v], [""]);
      viaCell.row(i + 1, viaCell.cell(`A${i + 1}`, 0, v, ""));
    });
    const [a, b] = [await xmlOf(viaValues.part), await xmlOf(viaCell.part)];
    // The table did fill, and the repeated text of the last row is still shared.
    expect(a.includes(`<c r="A${rows.length}" t="inlineStr"><is><t>t${MAX_ENTRIES + 4095}</t></is></c>`)).toBe(true);
    expect(a.includes(`<c r="A${rows.length - 1}" t="s"><v>0</v></c>`)).toBe(true);
    expect(a === b).toBe(true); // not toEqual: a failure would print megabytes
  });

  test("values() writes every kind of value as cell() and row() do, and no row when it has no cells", async () => {
    const styles = ["", ' s="9"', "", ' s="4"', "", ""];
    const rows: Parameters<RowWriter["values"]>[1][] = [
      ["VHE1", 3, "ja", 0.25, true, new Date(Date.UTC(2024, 0, 2))],
      ["VHE2 <&>", -1.5e-7, "nee", null, false, { error: "#N/A" }],
      [null, null, null, null, null, null], // style only in column B and D: empty styled cells
      [null, undefined, "", Number.NaN, undefined, ""], // nothing: no row at all (column B's style aside)
      ["", Number.POSITIVE_INFINITY, "ja", 12, null, "  spaties  "],
    ];
    const noStyles = rows[3].map(() => "");
    const viaValues = new RowWriter(new DeflatedPart(ZLIB_DEFLATE), new SharedTexts(), false);
    const viaCell = new RowWriter(new DeflatedPart(ZLIB_DEFLATE), new SharedTexts(), false);
    const write = (w: RowWriter, via: "values" | "cell") => {
      rows.forEach((row, i) => {
        const st = i === 3 ? noStyles : styles;
        if (via === "values") w.values(i + 10, row, st);
        else w.row(i + 10, row.map((v, c) => w.cell(`${String.fromCharCode(65 + c)}${i + 10}`, c, v, st[c])).join(""));
      });
    };
    write(viaValues, "values");
    write(viaCell, "cell");
    const [a, b] = [await xmlOf(viaValues.part), await xmlOf(viaCell.part)];
    expect(a).toBe(b);
    expect(a).not.toContain('<row r="13">'); // the row without cells
    expect(a).toContain('<row r="12"><c r="B12" s="9"/><c r="D12" s="4"/></row>');
    expect(a).toContain('<c r="B10" s="9"><v>3</v></c>');
    expect(a).toContain('<c r="A11" t="s"><v>2</v></c><c r="B11" s="9"><v>-1.5e-7</v></c>');
  });

  test("inputRow() writes a copied row's cells, heights and formulas as the cells joined by row(); a row without cells only for its height", async () => {
    const rows: SheetRow[] = [
      // shared string (style 2), number, formula with a cached text, a boolean; column E has no cell
      { number: 3, values: ["", 7, "VHE1x", true], styles: [2, 0, 0, 0], shared: [5, -1, -1, -1], formulas: [null, null, 'A3&"x"', null], cellCount: 4, height: 0 },
      { number: 4, values: [null, 2.5], styles: [-1, 3], shared: [-1, -1], formulas: [null, null], cellCount: 2, height: 30 },
      { number: 5, values: [], styles: [], shared: [], formulas: [], cellCount: 0, height: 22 }, // height only: written
      { number: 6, values: [null], styles: [-1], shared: [-1], formulas: [null], cellCount: 1, height: 0 }, // nothing: not written
      { number: 7, values: [null, "tekst <b>"], styles: [4, 0], shared: [-1, -1], formulas: [null, null], cellCount: 2, height: 0 },
    ];
    const viaInput = new RowWriter(new DeflatedPart(ZLIB_DEFLATE), new SharedTexts(10), false);
    const viaCell = new RowWriter(new DeflatedPart(ZLIB_DEFLATE), new SharedTexts(10), false);
    for (const row of rows) viaInput.inputRow(row);
    // The same rows through row() and cell(), as inputRow wrote them before its pieces were joined.
    const ref = (c: number, n: number) => `${String.fromCharCode(65 + c)}${n}`;
    viaCell.row(3, `<c r="A3" s="2" t="s"><v>5</v></c>${viaCell.cell("B3", 1, 7, "")}<c r="C3" t="str"><f>A3&amp;"x"</f><v>VHE1x</v></c>${viaCell.cell("D3", 3, true, "")}`);
    viaCell.row(4, viaCell.cell(ref(1, 4), 1, 2.5, ' s="3"'), 30);
    viaCell.row(5, "", 22);
    viaCell.row(6, "");
    viaCell.row(7, `<c r="A7" s="4"/>${viaCell.cell("B7", 1, "tekst <b>", "")}`);
    const [a, b] = [await xmlOf(viaInput.part), await xmlOf(viaCell.part)];
    expect(a).toBe(b);
    expect(a).toContain('<row r="5" ht="22" customHeight="1"></row>');
    expect(a).not.toContain('<row r="6"');
  });
});
