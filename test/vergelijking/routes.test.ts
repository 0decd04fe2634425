/**
 * A published saldo table on every route: the Parkstad sample workbook (Tabel 1 and 2 as the
 * sample lays them out) with Tabel 3 pasted as printed. The table is recognised as a saldo, never
 * read as demand, and the Vergelijking sheet (command line --uit, the sheet models that the
 * browser page and Excel write), the JSON section and the terminal list the same findings.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildSheets } from "../../src/report/sheets";
import { buildJson } from "../../src/report/json";
import { seedSheet, seedTable } from "../support/seed-tables";
import { cachedWorkbook } from "../support/workbook-cache";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { PARKSTAD as SAMPLE } from "../support/paths";

const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-vergelijking-"));
const FILE = path.join(dir, "parkstad-met-tabel3.xlsx");
const SHEET = seedTable("parkstad-tabel-3").sheet;

let withTable: AnalysisResult;
let without: AnalysisResult;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.addWorksheet(SHEET);
  seedSheet("parkstad-tabel-3").forEach((row, r) => row.forEach((v, c) => {
    if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
  }));
  const quotes = wb.addWorksheet("Geciteerde cijfers");
  quotes.addRow(["Citaat", "Getal", "Grootheid", "Gebied"]);
  quotes.addRow(["In absolute aantallen komt dit neer op maar liefst 36.713 woningen in de regio.", 36713, "potentieel", "Parkstad"]);
  await wb.xlsx.writeFile(FILE);
  // Parsed here, not through the shared cache: the written file's bytes differ per run (its
  // timestamps), so a cache entry would never be read again and the cache would only grow.
  withTable = await analyseWorkbook(await XlsxWorkbook.fromBuffer(readFileSync(FILE)), { rules: DEFAULT_RULES });
  without = await analyseWorkbook(await cachedWorkbook(readFileSync(SAMPLE)), { rules: DEFAULT_RULES });
});

test("the saldo table is recognised, not used as demand, and changes no tekort", () => {
  const use = withTable.tables.find((t) => t.sheet === SHEET)!;
  expect(use.kind).toBe("saldo");
  expect(withTable.demand.every((d) => d.sheet !== SHEET)).toBe(true);
  expect(withTable.tekort).toEqual(without.tekort);
  expect(withTable.vergelijking).toHaveLength(1);
  expect(withTable.vergelijking[0].telling).toEqual({ gelijk: 12, afronding: 0, "wijkt-af": 18, "niet-na-te-rekenen": 18 });
});

test("every differing figure is a warning naming its cell on the Controle sheet", () => {
  const differing = withTable.vergelijking[0].cellen.filter((c) => c.status === "wijkt-af").map((c) => c.cell);
  const warned = withTable.issues.filter((i) => i.code === "saldo-wijkt-af" && i.sheet === SHEET).map((i) => i.cell);
  expect(warned.sort()).toEqual(differing.sort());
});

test("the Vergelijking sheet model, the JSON section and the command line agree", async () => {
  const sheet = buildSheets(withTable).find((s) => s.kind === "vergelijking")!;
  expect(sheet.name).toBe("Vergelijking");
  const rows = sheet.tables[0].rows;
  expect(rows).toHaveLength(48);
  const doc = buildJson(withTable);
  expect(doc.vergelijking[0].cellen.map((c) => [c.cel, c.gepubliceerd, c.nagerekend, c.status]))
    .toEqual(rows.map((r) => [r[1], r[5], r[6], String(r[8]).replace(" af", "-af").replace(/ /g, "-")]));
  // The sample alone has no saldo table; its cross-table checks (Tabel 2 against Tabel 4, ...) remain.
  expect(buildJson(without).vergelijking).toEqual([]);
  expect(buildSheets(without).find((s) => s.kind === "vergelijking")!.tables.map((t) => t.name)).toEqual(["Vergelijking_Controles"]);

  const uit = path.join(dir, "uit.xlsx");
  const json = path.join(dir, "uit.json");
  let out = "";
  const code = await main(["analyse", FILE, "--uit", uit, "--json", json], { out: (t) => (out += t), err: () => undefined });
  expect(code).toBe(0);
  expect(out).toContain(`Gepubliceerd saldo op blad '${SHEET}' nagerekend: 12 gelijk, 0 afronding, 18 wijken af, 18 niet na te rekenen`);
  expect(out).toContain("ouderen (trend), 2023, 2030 en 2040: 9 cijfers wijken af: verandering van de vraag");
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(uit);
  const ws = written.getWorksheet("Vergelijking")!;
  expect(ws).toBeDefined();
  const texts: string[] = [];
  ws.eachRow((row) => texts.push(row.values && Array.isArray(row.values) ? row.values.map(String).join("|") : ""));
  expect(texts.some((t) => t.includes("C7") && t.includes("-1807") && t.includes("wijkt af"))).toBe(true);
  expect(texts.some((t) => t.includes("Geciteerd: In absolute aantallen") && t.includes("36713") && t.includes("wijkt af"))).toBe(true);
  expect(doc.kruiscontroles.find((c) => c.soort === "geciteerd")).toMatchObject({ gepubliceerd: 36713, status: "wijkt-af", blad: "Geciteerde cijfers", cel: "B2" });
  expect(out).toContain("Controle: Geciteerd: In absolute aantallen");
  const fromCli = JSON.parse(readFileSync(json, "utf8"));
  expect(fromCli.kruiscontroles).toEqual(JSON.parse(JSON.stringify(doc.kruiscontroles)));
  expect(fromCli.vergelijking).toEqual(JSON.parse(JSON.stringify(doc.vergelijking)));
});

test("a saldo sheet chosen as demand (--vraag) is read as asked, with a warning naming the sheet", async () => {
  const r = await analyseWorkbook(await XlsxWorkbook.fromBuffer(readFileSync(FILE)), { rules: DEFAULT_RULES, vraag: SHEET });
  expect(r.tables.find((t) => t.sheet === SHEET)?.kind).toBe("vraag");
  expect(r.issues.find((i) => i.code === "saldo-als-vraag")).toMatchObject({ severity: "waarschuwing", sheet: SHEET });
  expect(withTable.issues.some((i) => i.code === "saldo-als-vraag")).toBe(false);
});
