/**
 * How `--uit` copies the input's sheets (src/workbook/xlsx-stream-writer.ts): a sheet without
 * relationships as stored (its part byte for byte), a sheet with relationships (an Excel table,
 * a comment, a hyperlink) re-generated from its rows; either way the cells, their styles and the
 * shared strings of the input stay what they were, and the result sheets' own styles and texts
 * (appended after the input's) are right too.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildSheets } from "../../src/report/sheets";
import { analyseXlsxStream } from "../../src/analysis/xlsx-file";
import { XlsxStreamWriter } from "../../src/workbook/xlsx-stream-writer";
import { openZipFileSink } from "../../src/workbook/zip-node";
import { readWorkbookInfo, ZipParts } from "../../src/workbook/xlsx-parts";
import { openZipFile, zlibInflate } from "../../src/workbook/zip-node";

const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-copy-"));
let serial = 0;

/** A workbook with a small stock sheet (so that it can be analysed) and what `extra` adds. */
async function workbook(extra: (wb: ExcelJS.Workbook) => void, date1904 = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Voorraad");
  ws.addRow(["VHE", "BAT", "Complex", "Peildatum"]);
  ws.getRow(1).font = { bold: true };
  for (let i = 1; i <= 30; i++) ws.addRow([`V${i}`, i % 5, `C${i % 3}`, new Date(Date.UTC(2024, 0, i))]);
  ws.getCell("E2").value = { formula: "B2*2", result: 2 };
  extra(wb);
  const file = path.join(dir, `invoer-${++serial}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function analyseAndWrite(file: string): Promise<{ out: string; writer: XlsxStreamWriter }> {
  const out = path.join(dir, `uit-${++serial}.xlsx`);
  const writer = new XlsxStreamWriter(await openZipFileSink(out));
  const { result } = await analyseXlsxStream(file, { rules: DEFAULT_RULES, copy: writer });
  await writer.writeResults(buildSheets(result), { voorraad: "Voorraad" });
  await writer.commit();
  return { out, writer };
}

/** A sheet's part as text, by sheet name. */
async function sheetXml(file: string, name: string): Promise<string> {
  const { reader, close } = await openZipFile(file);
  try {
    const zip = await ZipParts.open(reader, zlibInflate);
    const info = await readWorkbookInfo(zip);
    return await zip.text(info.sheets.find((s) => s.name === name)!.part);
  } finally {
    await close();
  }
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell of a sheet: address → value, number format, bold, italic, fill. */
function cells(ws: ExcelJS.Worksheet): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      out.set(cell.address, [cell.value, cell.numFmt ?? null, cell.font?.bold ?? false, cell.font?.italic ?? false, JSON.stringify(cell.fill ?? null)]);
    });
  });
  return out;
}

describe("the --uit copy of the input sheets", () => {
  test("a sheet without relationships is copied as stored; with a table, a comment or a hyperlink it is re-generated with the same cells", async () => {
    const file = await workbook((wb) => {
      const t = wb.addWorksheet("Met tabel");
      t.addTable({ name: "Lijst", ref: "A1", headerRow: true, columns: [{ name: "Naam" }, { name: "Aantal" }], rows: [["één", 1], ["twee", 2.5]] });
      t.getCell("D1").value = { formula: "B2+B3", result: 3.5 };
      t.getCell("D1").numFmt = "0.00";
      t.getCell("D2").value = { richText: [{ text: "vet", font: { bold: true } }, { text: " gewoon" }] };
      const n = wb.addWorksheet("Met notitie", { state: "hidden" });
      n.getCell("A1").value = "opmerking";
      n.getCell("A1").note = "een notitie";
      n.getCell("B2").value = new Date(Date.UTC(2023, 5, 1));
      const l = wb.addWorksheet("Met link");
      l.getCell("A1").value = { text: "website", hyperlink: "https://example.org" };
      l.getColumn(1).width = 30;
    });
    const { out, writer } = await analyseAndWrite(file);
    expect(writer.copied).toEqual({ stored: ["Voorraad"], regenerated: ["Met tabel", "Met notitie", "Met link"] });
    expect(await sheetXml(out, "Voorraad")).toBe(await sheetXml(file, "Voorraad"));
    const src = await read(file);
    const back = await read(out);
    for (const name of ["Voorraad", "Met tabel", "Met notitie"]) expect([name, cells(back.getWorksheet(name)!)]).toEqual([name, cells(src.getWorksheet(name)!)]);
    // What a re-generated sheet keeps and drops (see the writer's module comment).
    expect(back.getWorksheet("Met notitie")!.state).toBe("hidden");
    expect(back.getWorksheet("Met link")!.getCell("A1").value).toBe("website");
    expect(back.getWorksheet("Met link")!.getColumn(1).width).toBe(30);
    expect(back.getWorksheet("Met tabel")!.getTables()).toHaveLength(0);
    // The result sheets' own formats and texts, appended after the input's.
    const bzk = back.getWorksheet("BZK-indeling")!;
    expect(bzk.getCell("A1").value).toBe("BZK-indeling van de woningvoorraad");
    expect(bzk.getCell("A1").font).toEqual(expect.objectContaining({ bold: true, size: 14 }));
    expect(back.getWorksheet("Voorraad")!.getCell("A1").font?.size).toBe(src.getWorksheet("Voorraad")!.getCell("A1").font?.size);
  });

  test("a workbook counting dates from 1904 keeps that system, so copied and re-generated dates stay the same", async () => {
    const file = await workbook((wb) => {
      const t = wb.addWorksheet("Met tabel");
      t.addTable({ name: "Data", ref: "A1", headerRow: true, columns: [{ name: "Datum" }], rows: [[new Date(Date.UTC(2020, 1, 29))]] });
    }, true);
    const { out, writer } = await analyseAndWrite(file);
    expect(writer.copied.regenerated).toEqual(["Met tabel"]);
    const back = await read(out);
    expect(back.properties.date1904).toBe(true);
    expect(back.getWorksheet("Voorraad")!.getCell("D2").value).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(back.getWorksheet("Met tabel")!.getCell("A2").value).toEqual(new Date(Date.UTC(2020, 1, 29)));
  });

  test("property: any sheet of texts, numbers and booleans with a few styles has the same cells in the copy, stored or re-generated", async () => {
    const style = fc.constantFrom<Partial<ExcelJS.Style> | null>(null, { font: { bold: true } }, { numFmt: "0.00" },
      { font: { italic: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } });
    const value = fc.oneof(
      fc.constantFrom("a", "b", " c ", "x & <y>", "één", "=SOM(A1)", "V1"),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    const grid = fc.array(fc.array(fc.record({ value: fc.option(value, { nil: null }), style }), { maxLength: 6 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), async (rows, withTable) => {
        const file = await workbook((wb) => {
          const ws = wb.addWorksheet("Extra");
          rows.forEach((row, r) => row.forEach((cell, c) => {
            const target = ws.getCell(r + 3, c + 1);
            target.value = cell.value;
            if (cell.style) target.style = cell.style;
          }));
          if (withTable) ws.addTable({ name: "T", ref: "H1", headerRow: true, columns: [{ name: "K" }], rows: [["v"]] });
        });
        const { out, writer } = await analyseAndWrite(file);
        expect(writer.copied.regenerated).toEqual(withTable ? ["Extra"] : []);
        const src = await read(file);
        const back = await read(out);
        const expected = cells(src.getWorksheet("Extra")!);
        if (withTable) for (const a of ["H1", "H2"]) expected.delete(a);
        const actual = cells(back.getWorksheet("Extra")!);
        if (withTable) for (const a of ["H1", "H2"]) actual.delete(a);
        // Empty text becomes an empty cell when re-generated (ExcelJS reads an empty string either way as "").
        expect(actual).toEqual(expected);
        expect(back.getWorksheet("BZK-indeling")!.getCell("A1").value).toBe("BZK-indeling van de woningvoorraad");
      }),
      { numRuns: 12, seed: 20261206 },
    );
  }, 120_000);
});
