/// <reference types="office-js" />
/**
 * Conformance of the in-memory Excel host with what Microsoft documents about Excel: one test per
 * rule, each naming its source. Where the documentation is silent the host's choice is marked
 * ASSUMPTION in its code and listed in docs/handmatige-test.md with the check a person runs in
 * real Excel. The adapter's tests (test/workbook/office*.test.ts) are only as good as these rules.
 */
import { dateSerial, ExcelHost } from "./host";

/** Runs one batch and returns the error code of its sync, or null when it succeeded. */
async function codeOf(host: ExcelHost, batch: (context: Excel.RequestContext) => void): Promise<string | null> {
  try {
    await host.run(async (context) => {
      batch(context);
      await context.sync();
    });
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe("host conformance: worksheets", () => {
  test("a very hidden sheet cannot be deleted (InvalidOperation); hidden first, then it can (@types/office-js Worksheet.delete; office-js#365)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    host.addSheet("_meta", [["x"]], { visibility: "VeryHidden" });
    expect(await codeOf(host, (c) => c.workbook.worksheets.getItem("_meta").delete())).toBe("InvalidOperation");
    expect(host.sheetNames()).toEqual(["Blad1", "_meta"]);
    expect(
      await codeOf(host, (c) => {
        const ws = c.workbook.worksheets.getItem("_meta");
        ws.visibility = "Hidden";
        ws.delete();
      }),
    ).toBeNull();
    expect(host.sheetNames()).toEqual(["Blad1"]);
  });

  test("reserved and invalid sheet names are refused: 'History', over 31 characters, [ ] : * ? / \\, leading or trailing apostrophe (support: Rename a worksheet)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    for (const bad of ["History", "history", "x".repeat(32), "a:b", "a/b", "a\\b", "a?b", "a*b", "[a]", "'a", "a'", ""]) {
      expect([bad, await codeOf(host, (c) => void c.workbook.worksheets.add(bad))]).toEqual([bad, "InvalidArgument"]);
    }
    for (const good of ["Historie", "x".repeat(31), "s-Hertogenbosch", "Tekort (2)", "a'b"]) {
      expect([good, await codeOf(host, (c) => void c.workbook.worksheets.add(good))]).toEqual([good, null]);
    }
  });

  test("deleting a sheet turns references to it in other sheets' formulas into #REF!; renaming it makes them follow (support: How to correct a #REF! error)", async () => {
    const host = new ExcelHost();
    host.addSheet("Tekort", [["Categorie", "Tekort"], ["nultreden", 1729]]);
    host.addSheet("Mijn overzicht", [[{ formula: "=Tekort!B2" }, { formula: "='Tekort'!$B$2" }]]);
    expect(host.values("Mijn overzicht")).toEqual([[1729, 1729]]);
    await host.run(async (c) => {
      c.workbook.worksheets.getItem("Tekort").name = "Tekort oud";
      await c.sync();
    });
    expect(host.formulas("Mijn overzicht")).toEqual([["A1", "='Tekort oud'!B2"], ["B1", "='Tekort oud'!$B$2"]]);
    expect(host.values("Mijn overzicht")).toEqual([[1729, 1729]]);
    await host.run(async (c) => {
      c.workbook.worksheets.getItem("Tekort oud").delete();
      await c.sync();
    });
    expect(host.formulas("Mijn overzicht")).toEqual([["A1", "=#REF!"], ["B1", "=#REF!"]]);
    expect(host.values("Mijn overzicht")).toEqual([["#REF!", "#REF!"]]);
  });
});

describe("host conformance: tables and defined names", () => {
  test("table names: letter, _ or \\ first; letters, digits, . and _; no spaces; at most 255; not C/R nor a cell reference (support: Rename an Excel table)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1", [["a", "b"], [1, 2]]);
    await host.run(async (c) => {
      c.workbook.worksheets.getItem("Blad1").tables.add("Blad1!A1:B2", true);
      await c.sync();
    });
    let current = "Table1";
    const rename = async (name: string) => {
      const code = await codeOf(host, (c) => void (c.workbook.tables.getItem(current).name = name));
      if (code === null) current = name;
      return code;
    };
    for (const bad of ["R", "c", "A1", "xfd1048576", "R1C1", "r2", "C3", "Mijn tabel", "1abc", "a-b", "x".repeat(256)]) {
      expect([bad, await rename(bad)]).toEqual([bad, "InvalidArgument"]);
    }
    for (const good of ["XFE1", "Tekort_Categorie", "_t", "\\t", "Tabel.1", "Table1"]) {
      expect([good, await rename(good)]).toEqual([good, null]);
    }
  });

  test("tables and defined names share one namespace, case-insensitive (support: Define and use names in formulas)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1", [["a", "b"], [1, 2], [], ["c", "d"], [3, 4]]);
    expect(await codeOf(host, (c) => c.workbook.names.add("Tekort_Categorie", "=Blad1!$A$1"))).toBeNull();
    expect(await codeOf(host, (c) => c.workbook.names.add("Table1", "=Blad1!$A$2"))).toBeNull();
    await host.run(async (c) => {
      const t = c.workbook.worksheets.getItem("Blad1").tables.add("Blad1!A1:B2", true);
      t.load("name");
      await c.sync();
      // The default name skips a name in use.
      expect(t.name).toBe("Table2");
    });
    expect(await codeOf(host, (c) => void (c.workbook.tables.getItem("Table2").name = "tekort_categorie"))).toBe("InvalidArgument");
    expect(await codeOf(host, (c) => c.workbook.names.add("TABLE2", "=Blad1!$A$1"))).toBe("ItemAlreadyExists");
    expect(await codeOf(host, (c) => c.workbook.names.add("A1", "=Blad1!$A$1"))).toBe("InvalidArgument");
    const names = await host.run(async (c) => {
      const items = c.workbook.names.load("items/name");
      await c.sync();
      return items.items.map((n) => n.name);
    });
    expect(names).toEqual(["Tekort_Categorie", "Table1"]);
  });
});

describe("host conformance: cell values", () => {
  test("a leading apostrophe is Excel's quote prefix, not part of the value, in any cell format (support: Format numbers as text; office-js#6687)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    await host.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1:C1").values = [["'=1+1", "'00123", "''s-Hertogenbosch"]];
      const text = ws.getRange("A2:C2");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["'s-Hertogenbosch", "''t Zandt", "gewoon"]];
      await c.sync();
    });
    expect(host.values("Blad1", "A1:C1")).toEqual([["=1+1", "00123", "'s-Hertogenbosch"]]);
    expect(host.formulas("Blad1")).toEqual([]);
    expect(host.values("Blad1", "A2:C2")).toEqual([["s-Hertogenbosch", "'t Zandt", "gewoon"]]);
  });

  test("dates are serial numbers in Range.values (support: DATE function; office-js-docs-pr excel-add-ins-ranges-dates.md)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1", [[new Date(Date.UTC(2023, 0, 1)), new Date(Date.UTC(1900, 2, 1, 12))]]);
    expect(dateSerial(new Date(Date.UTC(2008, 0, 1)))).toBe(39448); // the documented example
    const values = await host.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Blad1").getRange("A1:B1").load("values,numberFormat");
      await c.sync();
      return [r.values, r.numberFormat];
    });
    expect(values).toEqual([[[44927, 61.5]], [["d-m-yyyy", "d-m-yyyy"]]]);
  });

  test("empty cells read as \"\"; null in a written array leaves a cell as it is; \"\" clears it (office-js-docs-pr excel-add-ins-blank-null-values.md)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1", [["a", "b", "c"]]);
    await host.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Blad1").getRange("A1:D1");
      r.values = [[null, "", "C", null]] as unknown as string[][];
      r.load("values");
      await c.sync();
      expect(r.values).toEqual([["a", "", "C", ""]]);
    });
  });

  test("error values read as their English text with value type Error; the same text written into a text cell stays text (@types/office-js Range.values, valueTypes)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1", [[{ error: "#N/A" }, { error: "#DIV/0!" }]]);
    await host.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Blad1");
      const t = ws.getRange("C1");
      t.numberFormat = [["@"]];
      t.values = [["#N/A"]];
      const r = ws.getRange("A1:C1").load("values,valueTypes");
      await c.sync();
      expect(r.values).toEqual([["#N/A", "#DIV/0!", "#N/A"]]);
      expect(r.valueTypes).toEqual([["Error", "Error", "String"]]);
    });
  });
});

describe("host conformance: requests", () => {
  test("a batch that fails part-way keeps what ran before the failing operation and skips the rest (@types/office-js OfficeExtension.Error.traceMessages and its example)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    const code = await codeOf(host, (c) => {
      const ws = c.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1").values = [["voor"]];
      c.workbook.worksheets.getItem("Bestaat niet").delete();
      ws.getRange("B1").values = [["na"]];
    });
    expect(code).toBe("ItemNotFound");
    expect(host.values("Blad1")).toEqual([["voor"]]);
  });

  test("Excel on the web: a request or response over 5 MB fails with a size error; a large one may fail with GeneralException; nothing of it is applied (resource-limits doc; office-js#1012)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    const big = Array.from({ length: 2000 }, (_, i) => [`rij ${i} ${"x".repeat(40)}`]);
    host.payloadLimit = 50_000;
    expect(await codeOf(host, (c) => void (c.workbook.worksheets.getItem("Blad1").getRange("A1:A2000").values = big))).toBe("RequestPayloadSizeLimitExceeded");
    host.payloadLimit = 5 * 1024 * 1024;
    host.webGeneralExceptionBytes = 50_000;
    expect(await codeOf(host, (c) => void (c.workbook.worksheets.getItem("Blad1").getRange("A1:A2000").values = big))).toBe("GeneralException");
    expect(host.values("Blad1")).toEqual([]);
    expect(await codeOf(host, (c) => void (c.workbook.worksheets.getItem("Blad1").getRange("A1:A100").values = big.slice(0, 100)))).toBeNull();
    expect(host.values("Blad1")).toHaveLength(100);
    host.fill("Blad1", "A1:A2000", (r) => big[r - 1][0]);
    expect(await codeOf(host, (c) => void c.workbook.worksheets.getItem("Blad1").getRange("A1:A2000").load("values"))).toBe("GeneralException");
    expect(host.syncs.at(-1)).toMatchObject({ error: "GeneralException" });
  });
});

describe("host conformance: ranges used for in-place updates and first rows", () => {
  test("getUsedRange of a blank sheet is A1; getResizedRange outside the grid fails; copyFrom copies values and formats; clear empties (@types/office-js)", async () => {
    const host = new ExcelHost();
    host.addSheet("Leeg");
    host.addSheet("Bron", [["a", 1], ["b", 2]]);
    host.addSheet("Doel", [["oud", "oud", "oud"]]);
    await host.run(async (c) => {
      const blank = c.workbook.worksheets.getItem("Leeg").getUsedRange(true).load("address");
      const head = c.workbook.worksheets.getItem("Bron").getUsedRange(true).getRow(0).getResizedRange(4, 0).load("address,values");
      await c.sync();
      expect(blank.address).toBe("Leeg!A1");
      expect(head.address).toBe("Bron!A1:B5");
      expect(head.values).toEqual([["a", 1], ["b", 2], ["", ""], ["", ""], ["", ""]]);
      c.workbook.worksheets.getItem("Bron").getRange("A1").getResizedRange(1_048_576, 0);
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const bron = c.workbook.worksheets.getItem("Bron");
      bron.getRange("B1:B2").numberFormat = [["0.0"], ["0.0"]];
      const doel = c.workbook.worksheets.getItem("Doel");
      doel.getRange("A1:C1").clear();
      doel.getRange("A1:B2").copyFrom(bron.getRange("A1:B2"), "All");
      await c.sync();
    });
    expect(host.values("Doel")).toEqual([["a", 1], ["b", 2]]);
    expect(host.cell("Doel", "B2")).toEqual({ value: 2, format: "0.0" });
    expect(host.cell("Doel", "C1")).toBeUndefined();
  });

  test("undoing an update in place: copyFrom \"All\" brings fonts along; a table's range and style read back; convertToRange keeps the cells; column widths read back, the standard width is 48 points; charts are named (@types/office-js RangeCopyType, Table, RangeFormat, Chart; support: Change the column width)", async () => {
    const host = new ExcelHost();
    host.addSheet("Bron", [["Titel"], [], ["Kop", "Getal"], ["a", 1]]);
    host.addSheet("Doel");
    await host.run(async (c) => {
      const bron = c.workbook.worksheets.getItem("Bron");
      bron.getRange("A1").format.font.bold = true;
      const table = bron.tables.add("Bron!A3:B4", true);
      table.name = "Mijn_tabel";
      table.style = "TableStyleLight1";
      bron.getRange("A1").format.columnWidth = 100;
      bron.charts.add("ColumnClustered", bron.getRange("A3:B4"), "Columns");
      await c.sync();
      c.workbook.worksheets.getItem("Doel").getRange("A1:B4").copyFrom(bron.getRange("A1:B4"), "All");
      const tables = bron.tables.load("items/name,items/style");
      const charts = bron.charts.load("items/name");
      const widths = ["A1", "B1"].map((a) => bron.getRange(a).format.load("columnWidth"));
      const both = bron.getRange("A1:B1").format.load("columnWidth");
      await c.sync();
      expect(tables.items.map((t) => [t.name, t.style])).toEqual([["Mijn_tabel", "TableStyleLight1"]]);
      expect(charts.items.map((x) => x.name)).toEqual([expect.stringMatching(/^Chart \d+$/)]);
      expect(widths.map((w) => w.columnWidth)).toEqual([100, 48]);
      expect(both.columnWidth).toBeNull();
      const range = tables.items[0].getRange().load("address");
      tables.items[0].convertToRange();
      bron.getRange("A1").format.columnWidth = 48;
      await c.sync();
      expect(range.address).toBe("Bron!A3:B4");
    });
    expect(host.sheet("Doel")!.formats.map((f) => [f.address, f.prop, f.value])).toEqual([["Doel!A1", "font.bold", true]]);
    expect(host.sheet("Bron")!.tables).toEqual([]);
    expect(host.values("Bron")).toEqual([["Titel", ""], ["", ""], ["Kop", "Getal"], ["a", 1]]);
    expect([...host.sheet("Bron")!.columnWidths]).toEqual([]);
  });
});
