/**
 * The `--uit` workbook's styles part: the input's part with the result sheets' cell formats
 * appended, every index of the input still pointing at the same entry.
 */
import { SaxesParser } from "saxes";
import { appendCellFormats } from "../../src/workbook/styles-append";

/** Children per list (local names), and the lists' count attributes, from a parse of the XML. */
function lists(xml: string): Record<string, { count: string | undefined; children: string[] }> {
  const out: Record<string, { count: string | undefined; children: string[] }> = {};
  const stack: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on("opentag", (tag) => {
    const local = tag.name.slice(tag.name.indexOf(":") + 1);
    if (stack.length === 1) out[local] = { count: (tag.attributes as Record<string, string>).count, children: [] };
    if (stack.length === 2) {
      const attrs = Object.entries(tag.attributes as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(" ");
      out[stack[1]].children.push(`${local} ${attrs}`.trim());
    }
    if (!tag.isSelfClosing) stack.push(local);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.write(xml).close();
  return out;
}

const INPUT =
  '<?xml version="1.0" encoding="UTF-8"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="0.000"/></x:numFmts>' +
  '<x:fonts count="2"><x:font><x:sz val="11"/></x:font><x:font><x:b/></x:font></x:fonts>' +
  '<x:fills count="2"><x:fill/><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders>' +
  '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="170" fontId="1"/></x:cellXfs>' +
  '<x:dxfs count="1"><x:dxf><x:font><x:b/></x:font></x:dxf></x:dxfs></x:styleSheet>';

describe("appendCellFormats", () => {
  test("keeps the input's entries at their indexes and appends the new ones with the root's prefix", () => {
    const { xml, ids } = appendCellFormats(INPUT, [{ font: { bold: true, size: 14 } }, { numFmt: "#,##0.0" }, { numFmt: "0.000" }, { numFmt: "0%" }, { font: { bold: true, size: 14 } }]);
    const before = lists(INPUT);
    const after = lists(xml);
    for (const list of ["numFmts", "fonts", "cellXfs"]) {
      expect(after[list].children.slice(0, before[list].children.length)).toEqual(before[list].children);
      expect(after[list].count).toBe(String(after[list].children.length));
    }
    // A new font and a new number format (after the largest id in use); "0.000" is the input's own; "0%" built in.
    expect(after.fonts.children[2]).toBe("font");
    expect(after.numFmts.children).toEqual(["numFmt numFmtId=170 formatCode=0.000", "numFmt numFmtId=171 formatCode=#,##0.0"]);
    expect(ids).toEqual([2, 3, 4, 5, 2]);
    expect(after.cellXfs.children.slice(2)).toEqual([
      "xf numFmtId=0 fontId=2 fillId=0 borderId=0 xfId=0 applyFont=1",
      "xf numFmtId=171 fontId=0 fillId=0 borderId=0 xfId=0 applyNumberFormat=1",
      "xf numFmtId=170 fontId=0 fillId=0 borderId=0 xfId=0 applyNumberFormat=1",
      "xf numFmtId=9 fontId=0 fillId=0 borderId=0 xfId=0 applyNumberFormat=1",
    ]);
    // What the module does not know stays as it was.
    expect(after.dxfs).toEqual(before.dxfs);
    expect(xml).toContain("<x:font><x:b/><x:sz val=\"14\"/></x:font>");
  });

  test("an input without numFmts gets them as the first child; without an input the minimal part is the base", () => {
    const noNumFmts = INPUT.replace(/<x:numFmts.*?<\/x:numFmts>/, "").replace(' numFmtId="170"', ' numFmtId="0"');
    const a = appendCellFormats(noNumFmts, [{ numFmt: "#,##0.0" }]);
    expect(Object.keys(lists(a.xml))[0]).toBe("numFmts");
    expect(lists(a.xml).numFmts.children).toEqual(["numFmt numFmtId=164 formatCode=#,##0.0"]);
    const b = appendCellFormats(null, [{ numFmt: "#,##0" }, { font: { italic: true, color: "FF555555" } }]);
    expect(b.ids).toEqual([1, 2]);
    expect(lists(b.xml).cellXfs.children).toHaveLength(3);
    expect(lists(b.xml).fonts.children).toHaveLength(2);
  });

  test("an input without cellXfs is refused (the caller then takes the minimal part)", () => {
    expect(() => appendCellFormats(INPUT.replace(/<x:cellXfs.*?<\/x:cellXfs>/, ""), [{ numFmt: "0" }])).toThrow(/cellXfs/);
  });

  test("attributes in single quotes or with spaces around = are read (no duplicate count, no reused numFmtId)", () => {
    const quoted = INPUT.replace('<x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="0.000"/>', "<x:numFmts count = '1'><x:numFmt numFmtId = '170' formatCode='0.000'/>")
      .replace('<x:fonts count="2">', "<x:fonts count='2'>").replace('<x:cellXfs count="2">', "<x:cellXfs\tcount ='2'>");
    const { xml, ids } = appendCellFormats(quoted, [{ numFmt: "#,##0.0" }, { numFmt: "0.000" }, { font: { bold: true, italic: true } }]);
    const after = lists(xml); // saxes refuses a duplicate attribute
    expect(after.numFmts.children).toEqual(["numFmt numFmtId=170 formatCode=0.000", "numFmt numFmtId=171 formatCode=#,##0.0"]);
    expect(after.fonts.count).toBe("3");
    expect(after.cellXfs.count).toBe(String(after.cellXfs.children.length));
    expect(after.numFmts.count).toBe("2");
    expect(ids).toEqual([2, 3, 4]);
  });

  test("a new number format id is past every numFmtId of the part, those of dxfs too", () => {
    const withDxf = INPUT.replace("<x:dxf><x:font><x:b/></x:font></x:dxf>", '<x:dxf><x:numFmt numFmtId="180" formatCode="0.0000"/></x:dxf>');
    const after = lists(appendCellFormats(withDxf, [{ numFmt: "#,##0.0" }, { numFmt: "0.0000" }]).xml);
    // "0.0000" of the dxf is no cell number format: it gets an id of its own too.
    expect(after.numFmts.children).toEqual(["numFmt numFmtId=170 formatCode=0.000", "numFmt numFmtId=181 formatCode=#,##0.0", "numFmt numFmtId=182 formatCode=0.0000"]);
  });

  test("an empty cellXfs gets a plain format 0 first (no result format for unformatted cells)", () => {
    const emptyXfs = INPUT.replace(/<x:cellXfs.*?<\/x:cellXfs>/, '<x:cellXfs count="0"/>');
    const { xml, ids } = appendCellFormats(emptyXfs, [{ font: { bold: true, size: 14 } }, { numFmt: "0%" }]);
    const after = lists(xml);
    expect(after.cellXfs.children[0]).toBe("xf numFmtId=0 fontId=0 fillId=0 borderId=0 xfId=0");
    expect(after.cellXfs.count).toBe("3");
    expect(ids).toEqual([1, 2]);
  });

  test("a styles part without fonts keeps its lists and gets a fonts list after numFmts, font 0 plain", () => {
    const noFonts = INPUT.replace(/<x:fonts.*?<\/x:fonts>/, "");
    const { xml, ids } = appendCellFormats(noFonts, [{ font: { bold: true } }, { numFmt: "0%" }]);
    const after = lists(xml);
    expect(Object.keys(after).slice(0, 2)).toEqual(["numFmts", "fonts"]);
    expect(after.fonts.children).toEqual(["font", "font"]);
    expect(after.fonts.count).toBe("2");
    expect(xml).toContain('<x:fonts count="2"><x:font><x:sz val="11"/>');
    // The input's cell formats are still there, at their indexes.
    expect(after.cellXfs.children.slice(0, 2)).toEqual(lists(noFonts).cellXfs.children);
    expect(ids).toEqual([2, 3]);
  });

  test("a rerun on an earlier output reuses the fonts and formats it wrote: the part does not grow", () => {
    const specs = [{ font: { bold: true, size: 14 } }, { numFmt: "#,##0.0" }, { numFmt: "0%", font: { italic: true, color: "FF555555" } }];
    const first = appendCellFormats(INPUT, specs);
    const second = appendCellFormats(first.xml, specs);
    expect(second.xml).toBe(first.xml);
    expect(second.ids).toEqual(first.ids);
  });
});
