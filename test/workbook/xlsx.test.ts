import ExcelJS from "exceljs";
import { XlsxWorkbook, toCellValue } from "../../src/workbook/xlsx";
import { layoutSheet, type SheetModel } from "../../src/report/sheet-model";
import { META_SHEET } from "../../src/workbook/marker";
import { UserError } from "../../src/domain/issues";

/** A small but realistic result sheet: Kerkrade corporations with text that looks like formulas. */
function model(name = "Tekort"): SheetModel {
  return {
    kind: "tekort",
    name,
    title: "Tekort: aanbod tegenover vraag",
    notes: ["Saldo = aanbod − vraag.", "Aanbod constant verondersteld."],
    tables: [
      {
        name: "Tekort",
        caption: "Per categorie",
        columns: [
          { header: "Categorie", kind: "text" },
          { header: "Jaar", kind: "year" },
          { header: "Aanbod", kind: "integer" },
          { header: "Aandeel", kind: "percent" },
        ],
        rows: [
          ["geclusterd", 2030, 10793, 0.28],
          ["=HYPERLINK(\"http://x\")", 2040, 1043, null],
          ["+31 6 1234", 2023, -227, 0.5],
          ["@SOM", 2023, 0, 1],
        ],
      },
    ],
  };
}

async function reopen(wb: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
  return back;
}

describe("XlsxWorkbook", () => {
  test("round trip: written tables read back equal the sheet model, formula-looking text stays text", async () => {
    const wb = XlsxWorkbook.empty();
    const m = model();
    await wb.writeResults([m], { kolommen: { bat: "BAT score" } });
    const back = await reopen(wb);
    const ws = back.getWorksheet("Tekort")!;
    expect(ws.getCell(1, 1).value).toBe(m.title);
    const pos = layoutSheet(m).tables[0];
    expect(ws.getCell(pos.captionRow, 1).value).toBe("Per categorie");
    expect([1, 2, 3, 4].map((c) => ws.getCell(pos.headerRow, c).value)).toEqual(m.tables[0].columns.map((c) => c.header));
    m.tables[0].rows.forEach((row, r) => {
      row.forEach((v, c) => {
        const cell = ws.getCell(pos.headerRow + 1 + r, c + 1);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.value).toEqual(v);
      });
    });
    expect(ws.getCell(pos.headerRow + 1, 3).numFmt).toBe("#,##0");
    expect(ws.getCell(pos.headerRow + 1, 4).numFmt).toBe("0%");
  });

  test("a user's sheet with our name is left alone; ours gets another name and a message", async () => {
    const wb = XlsxWorkbook.empty();
    const user = wb.workbook.addWorksheet("Tekort");
    user.getCell("A1").value = "mijn eigen berekening";
    const outcome = await wb.writeResults([model()], {});
    expect(outcome.sheets.tekort).toBe("Tekort (2)");
    expect(outcome.messages[0]).toMatch(/eigen blad 'Tekort'.*'Tekort \(2\)'/);
    const back = await reopen(wb);
    expect(back.getWorksheet("Tekort")!.getCell("A1").value).toBe("mijn eigen berekening");
  });

  test("re-running replaces our own sheets (recognised by the marker) and keeps the settings", async () => {
    const wb = XlsxWorkbook.empty();
    await wb.writeResults([model()], { voorraad: "Voorraad" });
    const second = model();
    second.title = "Tweede run";
    const outcome = await wb.writeResults([second], { voorraad: "Blad2" });
    expect(outcome.sheets.tekort).toBe("Tekort");
    expect(outcome.messages).toEqual([]);
    const reread = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    const sheets = await reread.listSheets();
    expect(sheets.map((s) => [s.name, s.resultKind])).toEqual([["Tekort", "tekort"]]);
    expect((await reread.readSettings())?.voorraad).toBe("Blad2");
    expect(reread.workbook.getWorksheet(META_SHEET)!.state).toBe("veryHidden");
    expect((await reread.readSheet("Tekort")).values[0][0]).toBe("Tweede run");
  });

  test("readSheet turns formulas, rich text, hyperlinks and errors into plain values", async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet("Voorraad");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("B1").value = { richText: [{ text: "BAT" }, { text: "-score" }] };
    ws.getCell("C1").value = { text: "VHE1", hyperlink: "http://example.invalid" };
    ws.getCell("D1").value = { error: "#N/A" };
    ws.getCell("B3").value = "na lege rij";
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer));
    const t = await wb.readSheet("Voorraad");
    expect(t.values[0]).toEqual([2, "BAT-score", "VHE1", { error: "#N/A" }]);
    expect(t.values[1]).toEqual([]);
    expect(t.values[2][1]).toBe("na lege rij");
    expect(toCellValue(undefined)).toBeNull();
  });

  test("bytes that are not a workbook give a Dutch UserError, never a stack trace", async () => {
    await expect(XlsxWorkbook.fromBuffer(new Uint8Array(0), "Bestand 'leeg.xlsx'")).rejects.toThrow(UserError);
    await expect(XlsxWorkbook.fromBuffer(Buffer.from("vhe;bat\n1;2\n"), "Bestand 'x.xlsx'")).rejects.toThrow(/is een tekstbestand \(bijvoorbeeld CSV\), geen Excel-werkmap/);
    await expect(XlsxWorkbook.fromBuffer(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "Bestand 'oud.xls'")).rejects.toThrow(/wachtwoord|\.xls/);
    await expect(XlsxWorkbook.fromBuffer(Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]), "Bestand 'kapot.xlsx'")).rejects.toThrow(/geen leesbare/);
    await expect(XlsxWorkbook.empty().readSheet("Nergens")).rejects.toThrow("Blad 'Nergens' bestaat niet in de werkmap.");
  });
});
