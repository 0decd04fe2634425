/**
 * Issue 5 on the Office.js route: text from the input that Excel would take as a formula stays
 * text on every result sheet, and a user's sheet is never replaced, also when the user renamed
 * our sheet and made one of their own with our name (recognition by worksheet id, marker.ts).
 */
import { UserError } from "../../src/domain/issues";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { buildSheets } from "../../src/report/sheets";
import { META_SHEET, metaRows } from "../../src/workbook/marker";
import { OfficeWorkbook } from "../../src/workbook/office";
import { ExcelHost } from "../office-host/host";
import { expectEqualData } from "../support/equal";

/** Input texts that start with =, +, - or @ (formula injection attempts and innocent look-alikes). */
const TRICKY = {
  vhe: '=HYPERLINK("http://example.invalid/x","klik")',
  complex: "+31 45 123 4567",
  eigenaar: "@SOM(A1:A9)",
  gemeente: "-Kerkrade",
  sheet: "+Voorraad",
};

/** A small stock on sheet "+Voorraad" whose first dwelling has tricky texts in four columns. */
function stockHost(): ExcelHost {
  const host = new ExcelHost();
  host.addSheet(TRICKY.sheet, [
    ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score"],
    [TRICKY.vhe, TRICKY.complex, TRICKY.eigenaar, TRICKY.gemeente, "Gestapeld met lift", 3, "ja", 3],
    ["VHE2", "KR-0001", "Wonen Zuid", "Kerkrade", "Eengezinswoning", 0, "nee", 1],
    ["VHE3", "KR-0002", "Wonen Zuid", "Kerkrade", "Gestapeld zonder lift", 2, "nee", 0],
    ["=1+1", "-12 oost", "+", "@", "Eengezinswoning", 0, "nee", 2],
  ]);
  return host;
}

async function models(host: ExcelHost) {
  return buildSheets(await analyseWorkbook(new OfficeWorkbook(host.run), { rules: DEFAULT_RULES }));
}

/** One sheet of a host snapshot, by name. */
function sheetSnapshot(host: ExcelHost, name: string): unknown {
  return (host.snapshot() as { sheets: { name: string }[] }).sheets.find((s) => s.name === name);
}

describe("no formula injection through the Office.js route", () => {
  test("the host takes such text as a formula when it is written into a General cell (so the next test can fail)", async () => {
    const host = new ExcelHost();
    host.addSheet("Blad1");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:D1").values = [[TRICKY.vhe, TRICKY.complex, TRICKY.eigenaar, "=1+1"]];
      await context.sync();
    });
    expect(host.formulas("Blad1").map(([, f]) => f)).toEqual([TRICKY.vhe, `=${TRICKY.complex}`, `=${TRICKY.eigenaar}`, "=1+1"]);
  });

  test("input text starting with =, +, - or @ is stored as text on every result sheet, formatted @", async () => {
    const host = stockHost();
    const sheets = await models(host);
    await new OfficeWorkbook(host.run).writeResults(sheets, {});
    for (const model of sheets) expect(host.formulas(model.name)).toEqual([]);
    const bzk = host.sheet("BZK-indeling")!;
    const texts = [TRICKY.vhe, `${TRICKY.sheet}!2`, TRICKY.complex, TRICKY.eigenaar, TRICKY.gemeente, "=1+1", "-12 oost", "+", "@"];
    const found = new Map<string, { value?: unknown; format?: string }>();
    for (const [, , cell] of bzk.cells.entries()) if (typeof cell.value === "string" && texts.includes(cell.value)) found.set(cell.value, cell);
    expect([...found.keys()].sort()).toEqual([...texts].sort());
    for (const cell of found.values()) expect(cell.format).toBe("@");
    // The per-dwelling table holds the first dwelling's texts in the row order of the input.
    const woningen = sheets[0].tables.find((t) => t.name === "BZK_Woningen")!;
    expect(woningen.rows[0].slice(0, 5)).toEqual([TRICKY.vhe, `${TRICKY.sheet}!2`, TRICKY.complex, TRICKY.eigenaar, TRICKY.gemeente]);
    // Read back through the adapter, the texts are unchanged.
    const back = await new OfficeWorkbook(host.run).readSheet("BZK-indeling");
    expect(back.values.flat()).toEqual(expect.arrayContaining(texts));
  });
});

describe("never overwrite a user's sheet: our sheets are recognised by worksheet id", () => {
  test("the user renames our Tekort to 'Tekort oud' and makes their own 'Tekort': both are left alone", async () => {
    const host = stockHost();
    const sheets = await models(host);
    await new OfficeWorkbook(host.run).writeResults(sheets, {});
    // The user, in Excel: renames our sheet and adds a sheet of their own with our name.
    host.sheet("Tekort")!.name = "Tekort oud";
    host.addSheet("Tekort", [["Mijn eigen tekortberekening"], ["=SOM(B2:B9)"]]);
    const oud = sheetSnapshot(host, "Tekort oud");
    const eigen = sheetSnapshot(host, "Tekort");

    const second = await new OfficeWorkbook(host.run).writeResults(sheets, {});
    expect(second.sheets.tekort).toBe("Tekort (2)");
    expect(second.messages).toEqual([
      "Het blad 'Tekort oud' is een eerder resultaat (blad 'Tekort') dat een andere naam heeft gekregen. Het blijft zoals het is en wordt niet meer bijgewerkt.",
      "Er staat al een eigen blad 'Tekort' in de werkmap; dat blijft ongewijzigd. Het resultaat staat op blad 'Tekort (2)'.",
    ]);
    expect(sheetSnapshot(host, "Tekort oud")).toEqual(oud);
    expect(sheetSnapshot(host, "Tekort")).toEqual(eigen);
    expect(host.values("Tekort (2)", "A1")).toEqual([["Tekort: aanbod tegenover vraag"]]);
    // Our sheets are updated where they are; the user's Tekort and our new Tekort (2) come last.
    expect(host.sheetNames()).toEqual([TRICKY.sheet, "BZK-indeling", "Tekort oud", "Aanpassingspotentieel", "Controle", "Tekort", "Tekort (2)", META_SHEET]);

    // Our renamed sheet is still our output: listed as a result, never read as input; the
    // user's "Tekort" is input like any other sheet.
    const office = new OfficeWorkbook(host.run);
    const kinds = Object.fromEntries((await office.listSheets()).map((s) => [s.name, s.resultKind]));
    expect(kinds).toMatchObject({ "Tekort oud": "tekort", "Tekort (2)": "tekort", Tekort: null, [TRICKY.sheet]: null });
    const result = await analyseWorkbook(office, { rules: DEFAULT_RULES });
    expect(result.tables.map((t) => t.sheet)).toEqual([TRICKY.sheet, "Tekort"]);

    // A third run replaces "Tekort (2)" in place; the kept and the user's sheet stay as they are.
    const third = await new OfficeWorkbook(host.run).writeResults(sheets, {});
    expect(third.sheets.tekort).toBe("Tekort (2)");
    expect(third.messages).toEqual(["Er staat al een eigen blad 'Tekort' in de werkmap; dat blijft ongewijzigd. Het resultaat staat op blad 'Tekort (2)'."]);
    expect(sheetSnapshot(host, "Tekort oud")).toEqual(oud);
    expect(sheetSnapshot(host, "Tekort")).toEqual(eigen);
    expect(host.sheetNames().filter((n) => n.startsWith("Tekort"))).toEqual(["Tekort oud", "Tekort", "Tekort (2)"]);
  });

  test("the user deletes our Tekort and makes their own with that name: it is not replaced", async () => {
    const host = stockHost();
    const sheets = await models(host);
    await new OfficeWorkbook(host.run).writeResults(sheets, {});
    host.state.deleteSheet(host.sheet("Tekort")!);
    host.addSheet("Tekort", [["van de gebruiker"]]);
    const eigen = sheetSnapshot(host, "Tekort");
    const outcome = await new OfficeWorkbook(host.run).writeResults(sheets, {});
    expect(outcome.sheets.tekort).toBe("Tekort (2)");
    expect(sheetSnapshot(host, "Tekort")).toEqual(eigen);
  });

  test("after a reopen that gave every sheet a new id, our sheets are recognised by name and replaced in place", async () => {
    const host = stockHost();
    const sheets = await models(host);
    await new OfficeWorkbook(host.run).writeResults(sheets, {});
    const names = host.sheetNames();
    host.reopen();
    const outcome = await new OfficeWorkbook(host.run).writeResults(sheets, {});
    expect(outcome.messages).toEqual([]);
    expect(host.sheetNames()).toEqual(names);
    // The ids were recorded afresh: a rename is now recognised again.
    host.sheet("Controle")!.name = "Controle januari";
    const next = await new OfficeWorkbook(host.run).writeResults(sheets, {});
    expect(next.messages).toEqual([
      "Het blad 'Controle januari' is een eerder resultaat (blad 'Controle') dat een andere naam heeft gekregen. Het blijft zoals het is en wordt niet meer bijgewerkt.",
    ]);
    // Our sheets are updated where they are; the kept one stays too, the new Controle comes last.
    expect(host.sheetNames()).toEqual([TRICKY.sheet, "BZK-indeling", "Tekort", "Aanpassingspotentieel", "Controle januari", "Controle", META_SHEET]);
  });

  test("a meta sheet without ids (file route or an older version) still works, by name", async () => {
    const host = stockHost();
    const sheets = await models(host);
    host.addSheet("Tekort", [["oud resultaat"]]);
    host.addSheet("Notities", [["van de gebruiker"]]);
    host.addSheet(META_SHEET, metaRows({ tekort: "Tekort" }, { voorraad: TRICKY.sheet }), { visibility: "VeryHidden" });
    const notities = sheetSnapshot(host, "Notities");
    const outcome = await new OfficeWorkbook(host.run).writeResults(sheets, {});
    expect(outcome.messages).toEqual([]);
    expect(outcome.sheets.tekort).toBe("Tekort");
    expect(host.values("Tekort", "A1")).toEqual([["Tekort: aanbod tegenover vraag"]]);
    expect(sheetSnapshot(host, "Notities")).toEqual(notities);
    // The new meta sheet records ids (column D) for every result sheet and for itself.
    const meta = host.values(META_SHEET);
    expect(meta.filter((r) => r[0] === "blad").map((r) => [r[1], r[2], r[3] === host.sheet(String(r[2]))!.id])).toEqual([
      ["bzk-indeling", "BZK-indeling", true],
      ["tekort", "Tekort", true],
      ["aanpassingspotentieel", "Aanpassingspotentieel", true],
      ["controle", "Controle", true],
    ]);
    expect(meta.find((r) => r[0] === "metablad")?.[3]).toBe(host.sheet(META_SHEET)!.id);
  });

  test("a model too tall for Excel's grid is refused before anything is written", async () => {
    const host = stockHost();
    const [bzk] = await models(host);
    const woningen = bzk.tables[bzk.tables.length - 1];
    const tall = { ...bzk, tables: [...bzk.tables.slice(0, -1), { ...woningen, rows: Array.from({ length: 1_048_576 }, () => woningen.rows[0]) }] };
    const before = host.snapshot();
    const syncs = host.syncs.length;
    const err = await new OfficeWorkbook(host.run).writeResults([tall], {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/^Het blad 'BZK-indeling' zou 1\.048\.\d{3} rijen krijgen; een Excel-blad heeft er hoogstens 1\.048\.576\. Er is niets geschreven\./);
    expect(host.syncs).toHaveLength(syncs);
    expectEqualData(host.snapshot(), before);
  });
});
