/**
 * The bat-bzk command end to end, in process: exit codes of the contract, files written, the input
 * never modified, and a round trip of the result workbook against the sheet models.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildSheets } from "../../src/report/sheets";
import { buildJson } from "../../src/report/json";
import { dwellingEntry } from "../../src/report/dwelling-entry";
import { META_SHEET } from "../../src/workbook/marker";
import { layoutSheet } from "../../src/report/sheet-model";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { XlsxBlob } from "../../src/workbook/xlsx-blob";
import { expectEqualData } from "../support/equal";
import { KERKRADE } from "../support/paths";
import { dwellings, stock, xlsx } from "../catalogue/workbooks";
import { cachedWorkbook } from "../support/workbook-cache";
import { sheetNamesOf } from "../support/xlsx-cells";


async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Saved settings of a result workbook, read through the in-memory adapter. */
async function readWorkbook(file: string) {
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(file));
  return { sheets: await wb.listSheets(), settings: await wb.readSettings() };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("bat-bzk analyse", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-"));
  // One run of the command on the Kerkrade sample (--uit and --json), its result workbook read
  // back with ExcelJS, the input as ExcelJS reads it and the in-memory analysis of the same input
  // (both from the shared cache of ExcelJS's model, test/support/workbook-cache.ts, instead of
  // parsing the sample once more): shared by the tests below, which only read them.
  const uit = path.join(dir, "resultaat.xlsx");
  const json = path.join(dir, "resultaat.json");
  let before: string;
  let r: Awaited<ReturnType<typeof run>>;
  let back: ExcelJS.Workbook;
  let input: ExcelJS.Workbook;
  let result: Awaited<ReturnType<typeof analyseWorkbook>>;

  beforeAll(async () => {
    before = sha(KERKRADE);
    r = await run(["analyse", KERKRADE, "--uit", uit, "--json", json]);
    back = new ExcelJS.Workbook();
    await back.xlsx.readFile(uit);
    const kerkrade = await cachedWorkbook(readFileSync(KERKRADE));
    input = kerkrade.workbook;
    result = await analyseWorkbook(kerkrade, { rules: DEFAULT_RULES });
  });

  test("writes the result workbook and JSON, prints a Dutch summary, leaves the input unchanged", () => {
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Voorraad: 7\.824 woningen/);
    expect(r.out).toMatch(/Resultaat geschreven naar/);
    expect(sha(KERKRADE)).toBe(before);
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(doc.schemaVersie).toBe(1);
    expect(doc.invoer.rijen).toBe(doc.invoer.ingedeeld + doc.invoer.afgewezen);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("round trip: the result sheets read back with ExcelJS equal the sheet models", () => {
    expect(r.code).toBe(0);
    const models = buildSheets(result);
    // The input's own sheets are still there, unchanged in name and order.
    expect(back.worksheets.slice(0, input.worksheets.length).map((w) => w.name)).toEqual(input.worksheets.map((w) => w.name));
    for (const model of models) {
      const ws = back.getWorksheet(model.name)!;
      expect(ws).toBeDefined();
      expect(ws.getCell(1, 1).value).toBe(model.title);
      const layout = layoutSheet(model);
      model.tables.forEach((table, ti) => {
        const pos = layout.tables[ti];
        table.columns.forEach((c, ci) => expect(ws.getCell(pos.headerRow, ci + 1).value).toBe(c.header));
        const sample = [0, 1, Math.floor(table.rows.length / 2), table.rows.length - 1].filter((i) => i >= 0 && i < table.rows.length);
        for (const ri of new Set(sample)) {
          // Empty text ("" in the model, e.g. no warnings) is written as an empty cell by the
          // streaming writer (see src/workbook/xlsx-stream-writer.ts); every other value exactly.
          table.rows[ri].forEach((v, ci) => expect(ws.getCell(pos.headerRow + 1 + ri, ci + 1).value ?? null).toEqual(v === "" ? null : v));
        }
      });
    }
  });

  test("every cell of the per-dwelling table equals the JSON's woningen and the in-memory entries (shared texts indexed right)", () => {
    expect(r.code).toBe(0);
    // Most texts of this table are written as shared strings (one index per repeated text, after
    // the input's own): a text given the wrong index shows here as another dwelling's value.
    const model = buildSheets(result).find((m) => m.kind === "bzk-indeling")!;
    const ti = model.tables.findIndex((t) => t.name === "BZK_Woningen");
    const pos = layoutSheet(model).tables[ti];
    const ws = back.getWorksheet(model.name)!;
    const woningen = new Map<string, Record<string, unknown>>(
      (JSON.parse(readFileSync(json, "utf8")).woningen as Record<string, unknown>[]).map((w) => [w.bron as string, w]),
    );
    const jaNee = (b: unknown) => (b ? "ja" : "nee");
    const n = result.dwellings.length;
    expect(pos.lastRow - pos.headerRow).toBe(n);
    let fromJson = 0;
    const actual: unknown[][] = [];
    const expected: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const cells: unknown[] = [];
      for (let c = 1; c <= 15; c++) cells.push(ws.getCell(pos.headerRow + 1 + i, c).value ?? null);
      const e = dwellingEntry(result, i);
      const w = woningen.get(e.bron);
      const meldingen = (w ? (w.meldingen as string[]) : e.meldingen).join(" ");
      if (w) fromJson++;
      actual.push(cells);
      expected.push([
        w ? w.id : e.id, e.bron, e.complex, e.eigenaar, e.gemeente, e.aantal, e.batCode, w ? w.bzk : e.bzk,
        jaNee(w ? w.nultreden : e.nultreden), jaNee(w ? w.geclusterd : e.geclusterd), jaNee(w ? w.zorggeschikt : e.zorggeschikt),
        (w ? w.zorgprofiel : e.zorgprofiel) ?? null, w ? w.aanpassing : e.aanpassing, w ? w.reden : e.reden, meldingen === "" ? null : meldingen,
      ]);
    }
    // The JSON lists the rows with a VHE number: here all of them.
    expect(fromJson).toBe(woningen.size);
    expect(fromJson).toBeGreaterThan(7000);
    expectEqualData(actual, expected);
  });

  test("--json - prints the JSON document and nothing else on standard output", async () => {
    const r = await run(["analyse", KERKRADE, "--json", "-"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.aanbod.batSchaal).toBe("limburg");
    // The streamed document is the one buildJson gives on the in-memory route.
    expect(r.out).toBe(`${JSON.stringify(buildJson(result), null, 2)}\n`);
  });

  test("the result sheets hold Excel tables; the meta sheet is very hidden; a second run replaces our sheets", async () => {
    expect(r.code).toBe(0);
    for (const model of buildSheets(result)) {
      const ws = back.getWorksheet(model.name)!;
      const layout = layoutSheet(model);
      const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string } }[];
      expect(tables.map((t) => t.table.name)).toEqual(model.tables.map((t) => t.name));
      model.tables.forEach((t, i) => {
        const pos = layout.tables[i];
        expect(tables[i].table.tableRef).toBe(`A${pos.headerRow}:${String.fromCharCode(64 + t.columns.length)}${pos.lastRow}`);
        t.columns.forEach((c, ci) => {
          if (c.kind === "integer" && t.rows.length > 0) expect(ws.getCell(pos.headerRow + 1, ci + 1).numFmt).toBe("#,##0");
        });
      });
      expect(ws.getCell(1, 1).font?.bold).toBe(true);
    }
    expect(back.getWorksheet(META_SHEET)!.state).toBe("veryHidden");
    // Read again: our sheets are recognised and replaced, not doubled.
    const again = path.join(dir, "tabellen-2.xlsx");
    const r2 = await run(["analyse", uit, "--uit", again]);
    expect(r2.code).toBe(0);
    // Its sheets as its xl/workbook.xml lists them (JSZip; the first run's file is the one read
    // whole with ExcelJS above), and its saved settings as the next run reads them (XlsxBlob,
    // the command's reader of a previous run's meta sheet).
    const bytes = readFileSync(again);
    expect(await sheetNamesOf(bytes)).toEqual(back.worksheets.map((w) => w.name));
    const heads = await (await XlsxBlob.open(new Blob([bytes]), "tabellen-2.xlsx")).heads();
    expect(heads.previous.settings).toEqual(expect.objectContaining({ regels: expect.any(Object) }));
  });

  test("the input's sheets are copied cell for cell (values, number formats, visibility)", () => {
    expect(r.code).toBe(0);
    for (const src of input.worksheets) {
      const copy = back.getWorksheet(src.name)!;
      expect(copy.state).toBe(src.state);
      expect(copy.rowCount).toBe(src.rowCount);
      const expected: unknown[] = [];
      const actual: unknown[] = [];
      src.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          // An ExcelJS cell (the office-addins lint rules would take `getCell` for Office.js).
          const copied: ExcelJS.Cell = copy.getCell(r, c);
          const { address, value, numFmt } = copied;
          expected.push([cell.address, cell.value === "" ? null : cell.value, cell.numFmt ?? null]);
          actual.push([address, value, cell.numFmt ? numFmt : null]);
        });
      });
      expectEqualData(actual, expected);
    }
  });

  test("--uit into a folder that does not exist: exit 1, one Dutch line, nothing left behind", async () => {
    const missing = path.join(dir, "bestaat-niet", "uit.xlsx");
    const r = await run(["analyse", KERKRADE, "--uit", missing]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/Kan '.*uit\.xlsx' niet schrijven \(ENOENT\)/);
    expect(existsSync(path.join(dir, "bestaat-niet"))).toBe(false);
  });

  test("a failed analysis leaves no result file and no temporary file", async () => {
    const leeg = new ExcelJS.Workbook();
    leeg.addWorksheet("Notities").addRow(["alleen tekst"]);
    const file = path.join(dir, "leeg.xlsx");
    await leeg.xlsx.writeFile(file);
    const uit = path.join(dir, "leeg-uit.xlsx");
    const r = await run(["analyse", file, "--uit", uit, "--json", path.join(dir, "leeg.json")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Geen voorraad-, aanbod- of vraagtabel gevonden/);
    expect(existsSync(uit)).toBe(false);
    expect(existsSync(path.join(dir, "leeg.json"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a file that is not a workbook: exit 1 and one Dutch line, no stack trace", async () => {
    const csv = path.join(dir, "voorraad.xlsx");
    writeFileSync(csv, "VHE;BAT\n1;2\n");
    const r = await run(["analyse", csv]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/is een tekstbestand \(bijvoorbeeld CSV\), geen Excel-werkmap/);
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  test("missing file, unreadable rules and a missing sheet: exit 1 with a Dutch line", async () => {
    expect((await run(["analyse", path.join(dir, "bestaat-niet.xlsx")])).err).toMatch(/bestaat niet/);
    const rules = path.join(dir, "regels.json");
    writeFileSync(rules, JSON.stringify({ geclusterd: { minWoningen: "twaalf" } }));
    const r = await run(["analyse", KERKRADE, "--regels", rules]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/minWoningen/);
    const s = await run(["analyse", KERKRADE, "--voorraad", "Blad9"]);
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/Blad 'Blad9' bestaat niet/);
  });

  test("wrong usage: exit 2; --uit equal to the input is refused and the input untouched", async () => {
    const before = sha(KERKRADE);
    const r = await run(["analyse", KERKRADE, "--uit", KERKRADE]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invoer wordt nooit gewijzigd/);
    expect(sha(KERKRADE)).toBe(before);
    expect((await run(["analyse"])).code).toBe(2);
    expect(existsSync(path.join(dir, "nooit.xlsx"))).toBe(false);
  });
});

describe("bat-bzk analyse: what-if options (issue 6)", () => {
  test("--aanpassen and --ontmoetingsruimten set the scenario in the JSON; the plans of the sample are applied", async () => {
    const r = await run(["analyse", KERKRADE, "--json", "-", "--aanpassen", "30", "--ontmoetingsruimten", "3", "--wlz-complexen", "1"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const w = doc.watAls;
    expect(w.parameters).toEqual({ aanpassenPercentage: 30, aanpassenPerSegment: {}, ontmoetingsruimten: 3, wlzComplexen: 1, plannen: true });
    // 30% of the potentieel dwellings of the adaptation table, rounded to whole dwellings.
    const potentieel = doc.aanpassingspotentieel.reduce((s: number, t: { potentieel: number }) => s + t.potentieel, 0);
    expect(w.aanpassing.reduce((s: number, a: { potentieel: number }) => s + a.potentieel, 0)).toBe(potentieel);
    expect(w.aanpassing.reduce((s: number, a: { aangepast: number }) => s + a.aangepast, 0)).toBe(Math.round(0.3 * potentieel));
    expect(w.aangepasteWoningen.reduce((s: number, a: { aantal: number }) => s + a.aantal, 0)).toBe(Math.round(0.3 * potentieel));
    // Meeting rooms go to the top three room candidates whose room is known to be missing.
    const rooms = doc.clusteringspotentieel.filter((c: { criterium: string; soort: string }) => c.criterium === "ontmoetingsruimte" && c.soort === "ontbreekt");
    expect(w.ontmoetingsruimten.map((c: { complex: string }) => c.complex)).toEqual(rooms.slice(0, 3).map((c: { complex: string }) => c.complex));
    expect(w.wlz).toHaveLength(1);
    // Scenario supply: the baseline plus what the levers moved.
    const gained = w.ontmoetingsruimten.reduce((s: number, c: { erbijGeclusterd: number }) => s + c.erbijGeclusterd, 0);
    expect(w.aanbod.watAls.cumulatief.geclusterd).toBe(w.aanbod.basis.cumulatief.geclusterd + gained);
    expect(w.aanbod.watAls.cumulatief.nultreden).toBe(w.aanbod.basis.cumulatief.nultreden + Math.round(0.3 * potentieel));
    expect(doc.plannen.aanbodConstant).toBe(false);
    expect(doc.plannen.wijzigingen).toHaveLength(25);
  });
});

describe("bat-bzk analyse --uit: the input's shared strings part as written by other tools", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-sst-"));

  /** A small stock workbook (ExcelJS) whose xl/sharedStrings.xml is replaced by `edit` of it. */
  async function withSharedStrings(name: string, edit: (xml: string) => string): Promise<string> {
    const zip = await JSZip.loadAsync(await xlsx(stock(dwellings([20, 35, 40, 60]))));
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file("xl/sharedStrings.xml", edit(sst));
    const file = path.join(dir, name);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    return file;
  }

  test("a comment after </sst> is kept, and the output is written", async () => {
    const comment = "<!-- " + "opgeslagen door een ander programma ".repeat(4) + "-->\n";
    const file = await withSharedStrings("commentaar.xlsx", (xml) => xml + "\n" + comment);
    const uit = path.join(dir, "commentaar-uit.xlsx");
    const r = await run(["analyse", file, "--uit", uit]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = await (await JSZip.loadAsync(readFileSync(uit))).file("xl/sharedStrings.xml")!.async("string");
    expect(out.endsWith("</sst>\n" + comment)).toBe(true);
    expect((await readWorkbook(uit)).sheets.length).toBeGreaterThan(1);
  });

  test("a shared strings part without </sst> is a damaged file: one Dutch line naming it", async () => {
    const file = await withSharedStrings("kapot.xlsx", (xml) => xml.replace("</sst>", ""));
    const uit = path.join(dir, "kapot-uit.xlsx");
    const r = await run(["analyse", file, "--uit", uit]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/'kapot\.xlsx'/);
    expect(r.err).not.toMatch(/Onverwachte fout|shared strings/);
    expect(existsSync(uit)).toBe(false);
  });
});

describe("bat-bzk analyse --uit: a Strict OOXML input", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-strict-"));
  const T_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const T_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const T_DML = "http://schemas.openxmlformats.org/drawingml/2006/main";

  test("every part of the output is Transitional, like its workbook part", async () => {
    // An ExcelJS workbook with its parts' namespace names made Strict (the package's own
    // relationship types stay as they are: only the namespace declarations differ here).
    const zip = await JSZip.loadAsync(await xlsx(stock(dwellings([20, 35, 40, 60])), { name: "Notities", rows: [["vrije tekst"]] }));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/") && n.endsWith(".xml"))) {
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.split(`"${T_MAIN}"`).join('"http://purl.oclc.org/ooxml/spreadsheetml/main"')
        .split(`"${T_REL}"`).join('"http://purl.oclc.org/ooxml/officeDocument/relationships"')
        .split(`"${T_DML}"`).join('"http://purl.oclc.org/ooxml/drawingml/main"'));
    }
    const file = path.join(dir, "strikt.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const uit = path.join(dir, "strikt-uit.xlsx");
    const r = await run(["analyse", file, "--uit", uit]);
    expect(r.code).toBe(0);
    const out = await JSZip.loadAsync(readFileSync(uit));
    const strict: string[] = [];
    for (const name of Object.keys(out.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))) {
      if ((await out.file(name)!.async("string")).includes("purl.oclc.org/ooxml")) strict.push(name);
    }
    expect(strict).toEqual([]);
    const { sheets } = await readWorkbook(uit);
    expect(sheets.slice(0, 2).map((s) => [s.name, s.rowCount])).toEqual([["Voorraad", 5], ["Notities", 1]]);
  });
});
