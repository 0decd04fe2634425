/**
 * The byte-level worksheet scanner (src/workbook/sheet-xml.ts): every cell type, the XML forms
 * real writers produce (prefixes, missing references, CDATA, entities, comments), chunk
 * boundaries anywhere, and damage refused.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/ingest/types";
import { SheetXmlError, SheetXmlScanner, excelDate, type StyleTable } from "../../src/workbook/sheet-xml";
import { isDateFormat } from "../../src/workbook/xlsx-parts";

const SHARED = ["Kerkrade", "BAT 3", "Heerlen & Landgraaf"];
/** Style 1 is a date format, style 2 a percentage. */
const STYLES: StyleTable = { isDate: [false, true, false], date1904: false };

interface Got {
  number: number;
  values: CellValue[];
  styles?: number[];
  formulas?: (string | null)[];
  height?: number;
}

/** Scans `xml`, cut into chunks at the given offsets. */
function scan(xml: string, cuts: number[] = [], withFormat = false, styles = STYLES): { rows: Got[]; columns: unknown } {
  const bytes = new TextEncoder().encode(xml);
  const rows: Got[] = [];
  const scanner = new SheetXmlScanner(SHARED, styles, (r) => {
    const got: Got = { number: r.number, values: r.values.slice() };
    if (withFormat) Object.assign(got, { styles: r.styles.slice(), formulas: r.formulas.slice(), height: r.height });
    rows.push(got);
  }, withFormat);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.push(bytes.subarray(at, cut));
    at = cut;
  }
  scanner.push(bytes.subarray(at));
  scanner.end();
  return { rows, columns: scanner.columns };
}

const sheet = (data: string, before = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData>${data}</sheetData><mergeCells count="0"/></worksheet>`;

describe("SheetXmlScanner", () => {
  test("every cell type as the in-memory reader gives it", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c><c r="C1"><v>-0.625</v></c><c r="D1" t="b"><v>1</v></c>' +
      '<c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>Kerkradex</v></c><c r="G1" t="inlineStr"><is><t>inline &lt;tekst&gt;</t></is></c>' +
      '<c r="H1" s="1"><v>45292</v></c><c r="I1" s="2"><v>0.62</v></c><c r="J1"><v>1.5E3</v></c><c r="K1" t="s"><v>2</v></c></row>',
    );
    expect(scan(xml).rows).toEqual([{
      number: 1,
      values: ["Kerkrade", 42, -0.625, true, { error: "#N/A" }, "Kerkradex", "inline <tekst>", new Date(Date.UTC(2024, 0, 1)), 0.62, 1500, "Heerlen & Landgraaf"],
    }]);
  });

  test("decimals are read exactly as parseFloat reads them", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x) => {
      const text = String(x);
      const { rows } = scan(sheet(`<row r="1"><c r="A1"><v>${text}</v></c></row>`));
      expect(Object.is(rows[0].values[0], parseFloat(text))).toBe(true);
    }), { numRuns: 300 });
    for (const text of ["0.1", "0.30000000000000004", "123456789012345.6", "-0", "1e309", "NaN", " 12", "9".repeat(400)]) {
      const { rows } = scan(sheet(`<row r="1"><c r="A1"><v>${text}</v></c></row>`));
      expect(rows[0].values[0]).toEqual(parseFloat(text));
    }
  });

  test("gaps, empty cells and trailing empty cells: null inside, cut at the last value", () => {
    const xml = sheet('<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c><c r="E2" s="2"/><c r="F2" t="s"/></row><row r="5" ht="30" customHeight="1"/><row r="7"><c r="B7" t="str"><v></v></c></row>');
    expect(scan(xml).rows).toEqual([
      { number: 2, values: [1, null, 3] },
      { number: 7, values: [null, ""] },
    ]);
  });

  test("rows and cells without references follow the previous ones (the attributes are optional)", () => {
    const xml = sheet('<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c t="s"><v>1</v></c></row>');
    expect(scan(xml).rows).toEqual([{ number: 1, values: [1, 2, null, null, 5, 6] }, { number: 2, values: ["BAT 3"] }]);
  });

  test("namespace prefixes, comments, processing instructions, CDATA and character references", () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><!-- a <row> in a comment -->' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[a < b & c]]></x:t></x:is></x:c><?pi x?><x:c r="B1" t="str"><x:v>caf&#233; &#x263A;</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(scan(xml).rows).toEqual([{ number: 1, values: ["a < b & c", "café ☺"] }]);
  });

  test("rich inline text joins its runs and leaves out phonetic runs", () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>vet</t></r><r><t xml:space="preserve"> en gewoon</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh></is></c></row>');
    expect(scan(xml).rows[0].values).toEqual(["vet en gewoon"]);
  });

  test("1904 date system", () => {
    const xml = sheet('<row r="1"><c r="A1" s="1"><v>0</v></c></row>');
    expect(scan(xml, [], false, { isDate: [false, true], date1904: true }).rows[0].values[0]).toEqual(excelDate(0, true));
    expect(excelDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });

  test("the copy's extras: styles, formulas, row heights and column widths", () => {
    const xml = sheet('<row r="3" ht="24.5"><c r="A3" s="2"><f>1+1</f><v>2</v></c><c r="C3" s="1"/></row>', '<cols><col min="1" max="2" width="12.5" customWidth="1"/><col min="3" max="3" width="40"/></cols>');
    const { rows, columns } = scan(xml, [], true);
    expect(rows).toEqual([{ number: 3, values: [2], styles: [2, -1, 1], formulas: ["1+1", null, null], height: 24.5 }]);
    expect(columns).toEqual([{ min: 1, max: 2, width: 12.5 }, { min: 3, max: 3, width: 40 }]);
  });

  test("the same rows whatever the chunk boundaries", () => {
    const xml = sheet(
      Array.from({ length: 30 }, (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 3}</v></c><c r="B${i + 1}"><v>${i * 1.25}</v></c><c r="C${i + 1}" t="inlineStr"><is><t>r&amp;${i}</t></is></c></row>`).join(""),
    );
    const whole = scan(xml).rows;
    expect(whole).toHaveLength(30);
    const length = new TextEncoder().encode(xml).length;
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: length - 1 }), { maxLength: 40 }), (cuts) => {
      expect(scan(xml, cuts).rows).toEqual(whole);
    }), { numRuns: 200 });
    // One byte at a time.
    expect(scan(xml, Array.from({ length: length - 1 }, (_, i) => i + 1)).rows).toEqual(whole);
  });

  test("multi-byte characters cut between chunks", () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Ĳsselmonde — café</t></is></c></row>');
    const bytes = new TextEncoder().encode(xml);
    const at = bytes.indexOf(0xc4); // the first byte of Ĳ
    expect(scan(xml, [at + 1]).rows[0].values).toEqual(["Ĳsselmonde — café"]);
  });

  test.each([
    ["a row beyond Excel's last row", sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')],
    ["rows out of order", sheet('<row r="5"><c><v>1</v></c></row><row r="4"><c><v>1</v></c></row>')],
    ["a column beyond XFD", sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')],
    ["a sheet that stops inside a row", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'],
    ["sheetData never closed", '<worksheet><sheetData><row r="1"><c r="A1"><v>0</v></c></row>'],
  ])("damage is refused: %s", (_name, xml) => {
    expect(() => scan(xml)).toThrow(SheetXmlError);
  });

  test("date formats: built-in ids and codes with date parts outside quotes and brackets", () => {
    expect(isDateFormat("dd-mm-yyyy")).toBe(true);
    expect(isDateFormat("[$-413]d mmmm yyyy;@")).toBe(true);
    expect(isDateFormat("h:mm")).toBe(true);
    expect(isDateFormat("0.0%")).toBe(false);
    expect(isDateFormat("#,##0 \"m2\"")).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
  });
});
