/// <reference types="office-js" />
/**
 * The in-memory Excel host follows the documented Office.js rules that the adapter relies on;
 * if the host were lax (e.g. returned unloaded properties), adapter tests would prove nothing.
 */
import { ExcelHost } from "./host";
import { RichApiError } from "./errors";

function hostWithData(): ExcelHost {
  const host = new ExcelHost();
  host.addSheet("Blad1", [["VHE", "BAT"], ["V1", 3], ["V2", { error: "#N/A" }]], { origin: "B2" });
  return host;
}

describe("in-memory Excel host", () => {
  test("properties throw PropertyNotLoaded until load() and sync(), like Office.js", async () => {
    const host = hostWithData();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("B2:C4");
      expect(() => range.values).toThrow(/The property 'values' is not available\. Before reading the property's value, call the load method/);
      range.load("values, address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["VHE", "BAT"], ["V1", 3], ["V2", "#N/A"]]);
      expect(range.address).toBe("Blad1!B2:C4");
      expect(() => range.rowCount).toThrow(RichApiError);
    });
  });

  test("writes are queued until sync; the batch's remainder is synced when run ends", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = [["a", 1]];
      expect(host.values("Blad1")).toEqual([]);
      await context.sync();
      expect(host.values("Blad1")).toEqual([["a", 1]]);
      context.workbook.worksheets.getItem("Blad1").getRange("C1").values = [["b"]];
    });
    expect(host.values("Blad1")).toEqual([["a", 1, "b"]]);
    expect(host.syncs).toHaveLength(2);
  });

  test("text written through values becomes a formula or number unless the cell is formatted as text", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    const texts = ['=HYPERLINK("x")', "+31 6 1234", "-", "@SOM", "-5", "00123", "TRUE", "gewoon"];
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1:H1").values = [texts];
      const text = ws.getRange("A2:H2");
      text.numberFormat = [texts.map(() => "@")];
      text.values = [texts];
      await context.sync();
    });
    expect(host.cell("Blad1", "A1")?.formula).toBe('=HYPERLINK("x")');
    expect(host.cell("Blad1", "B1")?.formula).toBe("=+31 6 1234");
    expect(host.cell("Blad1", "C1")?.value).toBe("-");
    expect(host.cell("Blad1", "D1")?.formula).toBe("=@SOM");
    expect(host.cell("Blad1", "E1")?.value).toBe(-5);
    expect(host.cell("Blad1", "F1")?.value).toBe(123);
    expect(host.cell("Blad1", "G1")?.value).toBe(true);
    expect(host.values("Blad1", "A2:H2")).toEqual([texts]);
    for (const c of "ABCDEFGH") expect(host.cell("Blad1", `${c}2`)?.formula).toBeUndefined();
  });

  test("getItem of a missing sheet fails the sync with ItemNotFound; getItemOrNullObject gives a null object", async () => {
    const host = hostWithData();
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nergens");
      const present = context.workbook.worksheets.getItemOrNullObject("blad1");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("Nergens");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound", name: "RichApi.Error" });
    });
  });

  test("operations before a failing one stay applied; the rest of the batch is skipped", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.add("Nieuw");
      ws.getItem("Nergens").delete();
      ws.add("Nooit");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(host.sheetNames()).toEqual(["Blad1", "Nieuw"]);
  });

  test("used range ignores empty sheets (null object) and reports the address of the cells with values", async () => {
    const host = hostWithData();
    host.addSheet("Leeg");
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Blad1").getUsedRangeOrNullObject(true).load("address,rowCount,columnCount");
      const none = context.workbook.worksheets.getItem("Leeg").getUsedRangeOrNullObject(true);
      await context.sync();
      expect([used.address, used.rowCount, used.columnCount]).toEqual(["Blad1!B2:C4", 3, 2]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("requests and responses over the payload limit are rejected; every sync is recorded", async () => {
    const host = hostWithData();
    host.payloadLimit = 300;
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:A40").values = Array.from({ length: 40 }, () => ["een lange tekst"]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      context.workbook.worksheets.getItem("Blad1").getRange("A1:Z40").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
    expect(host.values("Blad1", "A1")).toEqual([[""]]);
    expect(host.syncs.map((s) => s.error)).toEqual(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
    expect(host.syncs[0].requestBytes).toBeGreaterThan(300);
  });

  test("worksheets: add, rename, very hidden, delete; names are unique and checked", async () => {
    const host = hostWithData();
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.add("Tijdelijk");
      ws.visibility = "VeryHidden";
      await context.sync();
      ws.name = "Meta";
      const items = context.workbook.worksheets.load("items/name,items/visibility");
      await context.sync();
      expect(items.items.map((s) => [s.name, s.visibility])).toEqual([["Blad1", "Visible"], ["Meta", "VeryHidden"]]);
      context.workbook.worksheets.add("blad1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      context.workbook.worksheets.add("Fout[1]");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      context.workbook.worksheets.getItem("Blad1").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      context.workbook.worksheets.getItem("Meta").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      const meta = context.workbook.worksheets.getItem("Meta");
      meta.visibility = "Hidden";
      meta.delete();
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["Blad1"]);
  });

  test("tables: an address without a sheet name means the active sheet; names are unique; overlap is refused", async () => {
    const host = hostWithData();
    host.addSheet("Ander", [["Kop"], [1]]);
    await host.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Ander").tables.add("A1:A2", true);
      t.load("name");
      await context.sync();
      expect(t.name).toMatch(/^Table\d+$/);
      const t2 = context.workbook.worksheets.getItem("Ander").tables.add("Blad1!A2:B3", true);
      t2.name = "Dubbel";
      await expect(context.sync()).rejects.toMatchObject({ code: "MergedRangeConflict" });
      const t3 = context.workbook.worksheets.getItem("Ander").tables.add("Ander!A1:A2", true);
      t3.name = t.name.toLowerCase();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(host.sheet("Blad1")!.tables).toHaveLength(1);
    expect(host.sheet("Ander")!.tables.map((t) => t.name)).toEqual(["Table2"]);
  });

  test("members the host does not model fail loudly", async () => {
    const host = hostWithData();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1") as unknown as Record<string, unknown>;
      expect(() => range.formulas).toThrow(/not implemented in host: Range\.formulas/);
      expect(() => context.workbook.worksheets.getItem("Blad1").getRange("A1").load()).toThrow(/not implemented in host/);
    });
  });

  test("cell edit mode makes every sync fail with InvalidOperationInCellEditMode", async () => {
    const host = hostWithData();
    host.cellEditMode = true;
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(host.values("Blad1", "A1")).toEqual([[""]]);
  });

  test("payload sizes are UTF-8 bytes of the JSON sent and returned", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    const ascii = [["een - twee", "ab"]];
    const values = [["één → twee", "😀"]]; // as many UTF-16 units, 6 more bytes in UTF-8
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = ascii;
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = values;
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("A1:B1").load("values");
      await context.sync();
    });
    expect(JSON.stringify(values).length).toBe(JSON.stringify(ascii).length);
    expect(host.syncs[1].requestBytes - host.syncs[0].requestBytes).toBe(Buffer.byteLength(JSON.stringify(values)) - Buffer.byteLength(JSON.stringify(ascii)));
    // The response: one load whose only property is values.
    expect(host.syncs[2].responseBytes).toBe(Buffer.byteLength(JSON.stringify([{ values }]), "utf8"));
  });

  test("a read of more than five million cells fails (documented limit), without building the values", async () => {
    const host = hostWithData();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:E1000001").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
      context.workbook.worksheets.getItem("Blad1").getRange("A1:E1000000").load("address");
      await context.sync();
    });
  });

  test("worksheet ids: unique, kept through a rename, all new after a reopen", async () => {
    const host = hostWithData();
    host.addSheet("Tweede");
    const ids = async () =>
      host.run(async (context) => {
        const items = context.workbook.worksheets.load("items/name,items/id");
        await context.sync();
        return items.items.map((ws) => [ws.name, ws.id]);
      });
    const first = await ids();
    expect(new Set(first.map(([, id]) => id)).size).toBe(2);
    expect(first.every(([, id]) => /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/.test(id))).toBe(true);
    host.sheet("Tweede")!.name = "Hernoemd";
    expect((await ids())[1]).toEqual(["Hernoemd", first[1][1]]);
    host.reopen();
    const after = await ids();
    expect(after.map(([, id]) => id)).toEqual(["{00000000-0001-0000-0000-000000000000}", "{00000000-0001-0000-0001-000000000000}"]);
  });

  test("the cell store: a cleared value keeps its format; format-only cells count for the used range unless valuesOnly", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      const r = ws.getRange("B2:C3");
      r.numberFormat = [["@", "0%"], ["#,##0", "General"]];
      r.values = [["=x", 0.5], [1234, "tekst"]];
      await context.sync();
      ws.getRange("B2:C2").values = [["", ""]];
      const all = ws.getUsedRangeOrNullObject(false).load("address");
      const vals = ws.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect([all.address, vals.address]).toEqual(["Blad1!B2:C3", "Blad1!B3:C3"]);
    });
    expect(host.cell("Blad1", "B2")).toEqual({ format: "@" });
    expect(host.cell("Blad1", "C2")).toEqual({ format: "0%" });
    expect(host.values("Blad1", "B2:C3")).toEqual([["", ""], [1234, "tekst"]]);
    expect(host.cell("Blad1", "A1")).toBeUndefined();
  });

  test("copy: the same workbook, shared with nothing, going on as the original would; no syncs, limits or failures carried", async () => {
    const host = hostWithData();
    host.addSheet("Tweede", [["a", { formula: "=Blad1!C3", value: 3 }]]);
    host.state.addTable("Blad1!B2:C4", true).name = "Voorraad";
    host.state.addChart(host.sheet("Blad1")!, "ColumnClustered", { sheet: host.sheet("Blad1")!, area: { r0: 2, r1: 4, c0: 2, c1: 3 } }, "Columns");
    host.state.addName("Bron", "=Blad1!$B$2");
    host.select("Blad1", "B3:C3");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("B5").numberFormat = [["0%"]];
    });
    host.payloadLimit = 10;
    host.cellEditMode = true;
    host.failOperation = () => new RichApiError("GeneralException", "x");

    const copy = host.copy();
    expect(copy.snapshot()).toEqual(host.snapshot());
    expect(copy.cell("Blad1", "B5")).toEqual({ format: "0%" });
    expect(copy.state.findName("Bron")).toEqual({ name: "Bron", formula: "=Blad1!$B$2" });
    // References inside the state point into the copy.
    const sheet = copy.sheet("Blad1")!;
    expect(sheet).not.toBe(host.sheet("Blad1"));
    expect(copy.state.findTable("Voorraad")!.sheet).toBe(sheet);
    expect(sheet.charts[0].series[0].values.sheet).toBe(sheet);
    expect(copy.state.active).toBe(copy.sheet("Blad1"));
    expect(copy.state.selection).toMatchObject({ sheet });
    // The host's settings start afresh.
    expect([copy.syncs, copy.payloadLimit, copy.cellEditMode, copy.failOperation]).toEqual([[], new ExcelHost().payloadLimit, false, null]);

    // Changing one leaves the other as it was.
    const before = host.snapshot();
    await copy.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("B3").values = [["V9"]];
      ws.getRange("B5").numberFormat = [["#,##0"]];
      context.workbook.worksheets.getItem("Tweede").name = "Derde";
    });
    copy.state.addName("Doel", "=Blad1!$C$3");
    expect(host.snapshot()).toEqual(before);
    expect(host.values("Blad1", "B3")).toEqual([["V1"]]);
    expect(host.state.findName("Doel")).toBeUndefined();
    expect(copy.values("Blad1", "B3")).toEqual([["V9"]]);
    // New ids and names continue from the same counters in both.
    host.cellEditMode = false;
    host.failOperation = null;
    expect(copy.addSheet("Nieuw").id).toBe(host.addSheet("Nieuw").id);
    expect(copy.state.addTable("Nieuw!A1:B2", true).name).toBe(host.state.addTable("Nieuw!A1:B2", true).name);
  });

  test("snapshot digests: equal for equal cells however they came about, different for any change of a value, format or formula", async () => {
    const make = () => {
      const host = new ExcelHost();
      host.addSheet("Blad1", [["VHE", "BAT"], ["V1", 3]]);
      return host;
    };
    const digest = (host: ExcelHost) => JSON.stringify(host.snapshot({ cells: "digest" }));
    const a = make();
    const b = make();
    // A value written far down and cleared again (its block stays allocated) leaves the same cells.
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A30").values = [["tijdelijk"]];
      await context.sync();
      ws.getRange("A30").values = [[""]];
    });
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(digest(b)).toBe(digest(a));
    const changed = (edit: (host: ExcelHost) => void) => {
      const c = make();
      edit(c);
      return digest(c);
    };
    const variants = [
      changed((h) => h.sheet("Blad1")!.cells.set(2, 2, { value: 4 })),
      changed((h) => h.sheet("Blad1")!.cells.set(2, 2, { value: "3" })),
      changed((h) => h.sheet("Blad1")!.cells.set(4096, 1, { value: "V4096" })),
      changed((h) => h.sheet("Blad1")!.cells.set(4097, 1, { value: "V4097" })),
      changed((h) => h.sheet("Blad1")!.cells.set(3, 1, { format: "0%" })),
      changed((h) => h.sheet("Blad1")!.cells.set(2, 1, { value: "V1", format: "@" })),
      changed((h) => h.sheet("Blad1")!.cells.set(2, 2, { formula: "=1+2", value: 3 })),
      changed((h) => h.sheet("Blad1")!.cells.set(2, 3, { error: "#N/A" })),
    ];
    expect(new Set([digest(a), ...variants]).size).toBe(1 + variants.length);
  });
});
