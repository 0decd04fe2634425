/**
 * Issue 11, host fidelity: the Office.js adapter against the host's documented Excel rules
 * (test/office-host/conformance.test.ts): a very hidden meta sheet that Excel will not delete,
 * the apostrophe quote prefix, table names that clash with a user's defined name, GeneralException
 * from Excel on the web for large requests, and a Dutch message for every documented error code.
 */
import { DEFAULT_RULES } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { buildSheets } from "../../src/report/sheets";
import { META_SHEET } from "../../src/workbook/marker";
import { OfficeWorkbook } from "../../src/workbook/office";
import { OFFICE_ERROR_MESSAGES } from "../../src/workbook/office-errors";
import { ExcelHost } from "../office-host/host";

const HEADER = ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score"];
const TYPES = ["Eengezinswoning", "Gestapeld met lift", "Gestapeld zonder lift"];

/** A stock of `n` dwellings on sheet "Voorraad"; gemeente and complex names start with an
 * apostrophe, as Dutch names do ('s-Hertogenbosch, 't Zandt). */
function stockHost(n: number): ExcelHost {
  const host = new ExcelHost();
  host.addSheet("Voorraad", [HEADER]);
  host.fill("Voorraad", `A2:H${n + 1}`, (r, c) => {
    const i = r - 2;
    return [`VHE${i + 1}`, i % 3 === 0 ? "'t Zandt" : `C-${i % 40}`, "Wonen Zuid", i % 2 === 0 ? "'s-Hertogenbosch" : "Kerkrade", TYPES[i % 3], i % 4, i % 3 === 1 ? "ja" : "nee", i % 5][c - 1];
  });
  return host;
}

async function models(host: ExcelHost) {
  return buildSheets(await analyseWorkbook(new OfficeWorkbook(host.run), { rules: DEFAULT_RULES }));
}

describe("the adapter in the stricter host", () => {
  test("three runs in a row succeed: the very hidden meta sheet is made hidden before it is deleted; one meta sheet, no temporary sheets", async () => {
    const host = stockHost(30);
    const sheets = await models(host);
    for (let run = 1; run <= 3; run++) {
      await new OfficeWorkbook(host.run).writeResults(sheets, { voorraad: "Voorraad" });
      expect(host.sheetNames()).toEqual(["Voorraad", ...sheets.map((m) => m.name), META_SHEET]);
      expect(host.sheet(META_SHEET)!.visibility).toBe("VeryHidden");
    }
    const deletes = host.syncs.filter((s) => s.operations.includes("Worksheet.delete"));
    for (const sync of deletes) {
      // In every request that deletes the meta sheet, its visibility is set first.
      expect(sync.operations.indexOf("Worksheet.visibility")).toBeLessThan(sync.operations.lastIndexOf("Worksheet.delete"));
    }
    expect(await new OfficeWorkbook(host.run).readSettings()).toEqual({ voorraad: "Voorraad" });
  });

  test("text starting with an apostrophe ('s-Hertogenbosch) is written so that the cell holds it exactly", async () => {
    const host = stockHost(30);
    await new OfficeWorkbook(host.run).writeResults(await models(host), {});
    const back = (await new OfficeWorkbook(host.run).readSheet("BZK-indeling")).values.flat();
    expect(back).toEqual(expect.arrayContaining(["'s-Hertogenbosch", "'t Zandt"]));
    expect(back).not.toContain("s-Hertogenbosch");
    expect(back).not.toContain("t Zandt");
  });

  test("a user's defined name equal to one of our table names: our table takes another name, nothing fails", async () => {
    const host = stockHost(30);
    const sheets = await models(host);
    await host.run(async (c) => {
      c.workbook.names.add("bzk_woningen", "=Voorraad!$A$1");
      await c.sync();
    });
    await new OfficeWorkbook(host.run).writeResults(sheets, {});
    const names = host.sheet("BZK-indeling")!.tables.map((t) => t.name);
    expect(names).toContain("BZK_Woningen_2");
    expect(names).not.toContain("BZK_Woningen");
  });

  test("Excel on the web fails large requests with GeneralException: writes and reads shrink and retry, values complete", async () => {
    const host = stockHost(4000);
    const sheets = await models(host);
    const reference = stockHost(4000);
    await new OfficeWorkbook(reference.run).writeResults(sheets, {});
    host.webGeneralExceptionBytes = 150_000;
    const start = host.syncs.length;
    await new OfficeWorkbook(host.run).writeResults(sheets, {});
    const failed = host.syncs.slice(start).filter((s) => s.error === "GeneralException");
    expect(failed.length).toBeGreaterThan(0);
    expect(host.values("BZK-indeling")).toEqual(reference.values("BZK-indeling"));
    expect(host.sheetNames()).toEqual(reference.sheetNames());
    const read = await new OfficeWorkbook(host.run).readSheet("Voorraad");
    expect(read.values).toHaveLength(4001);
    expect(host.syncs.at(-1)!.error).toBeNull();
  });

  test("a GeneralException that is not about size (a small request) reaches the user in Dutch, after no endless retrying", async () => {
    const host = stockHost(30);
    host.webGeneralExceptionBytes = 10;
    const err = await new OfficeWorkbook(host.run).readSheet("Voorraad").catch((e: unknown) => e);
    expect((err as Error).message).toBe("Excel meldde een onverwachte fout. Sla de werkmap op en probeer het opnieuw.");
    expect(host.syncs.length).toBeLessThan(10);
  });
});

test("every error code in Microsoft's table has a Dutch message (office-js-docs-pr docs/excel/excel-add-ins-error-handling.md)", () => {
  const documented = [
    "AccessDenied", "ActivityLimitReached", "ApiNotAvailable", "ApiNotFound", "BadPassword", "Conflict", "EmptyChartSeries",
    "FilteredRangeConflict", "FormulaLengthExceedsLimit", "GeneralException", "InactiveWorkbook", "InsertDeleteConflict",
    "InvalidArgument", "InvalidBinding", "InvalidOperation", "InvalidOperationInCellEditMode", "InvalidReference", "InvalidRequest",
    "InvalidSelection", "ItemAlreadyExists", "ItemNotFound", "MemoryLimitReached", "MergedRangeConflict", "NonBlankCellOffSheet",
    "NotImplemented", "OperationCellsExceedLimit", "PivotTableRangeConflict", "RangeExceedsLimit", "RefreshWorkbookLinksBlocked",
    "RequestAborted", "RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "ServiceNotAvailable", "Unauthenticated",
    "UnsupportedFeature", "UnsupportedOperation", "UnsupportedSheet",
  ];
  const missing = documented.filter((code) => !(code in OFFICE_ERROR_MESSAGES));
  expect(missing).toEqual([]);
  for (const code of documented) expect(OFFICE_ERROR_MESSAGES[code]).not.toMatch(/[A-Z][a-z]+[A-Z]|Exception|Error\b/);
});
