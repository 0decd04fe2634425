/**
 * Figures quoted in the text against the stock tables they come from (issue 10 item 3, "a figure
 * quoted in the text against the table it comes from"), and two tables of one workbook that count
 * the same stock. The Kerkrade agreements as printed: the BAT table per corporatie (7,824 units),
 * the woningtype × huurklasse cross table (7,452), and the sentence "Momenteel zijn 3.590
 * corporatiewoningen nultreden (minimaal wandelstokgeschikt)" taken from the seed text. Expected
 * figures are computed here from the printed numbers (printedNumber), not by ingest.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildSheets } from "../../src/report/sheets";
import { buildJson } from "../../src/report/json";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { printedNumber, printedRow, seedTable, seedWorkbook } from "../support/seed-tables";
import { SEED_DIR } from "../support/paths";

const BAT = seedTable("kerkrade-bat-per-corporatie").sheet;
const CROSS = seedTable("kerkrade-woningtype-huurklasse").sheet;
const QUOTES = "Geciteerde cijfers";

const num = (s: string): number => {
  const n = printedNumber(s);
  if (n === null) throw new Error(`not a printed number: "${s}"`);
  return n;
};
const lastOf = (r: string[]): number => num(r[r.length - 1]);

/** The nultreden sentence of the Kerkrade agreements, joined from its printed lines. */
function nultredenQuote(): { text: string; figure: number } {
  const text = readFileSync(path.join(SEED_DIR, "kerkrade-lokaal-kader-prestatieafspraken-2021-2025.txt"), "utf8").replace(/\s+/g, " ");
  const m = /Momenteel zijn (\d{1,3}(?:\.\d{3})*) corporatiewoningen nultreden \(minimaal wandelstokgeschikt\)/.exec(text);
  if (!m) throw new Error("quote not found in the seed text");
  return { text: m[0], figure: num(m[1]) };
}

let result: AnalysisResult;
const quote = nultredenQuote();
const crossTotal = lastOf(printedRow("kerkrade-woningtype-huurklasse", "TOTAAL"));
const batTotals = printedRow("kerkrade-bat-per-corporatie", "TOTAAL").slice(1).map(num);
const batTotal = batTotals[batTotals.length - 1];
/** Limburg scale: nultreden is BAT 1 or higher (Kerkrade's own definition). */
const batNultreden = batTotals.slice(1, 5).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  const wb = seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-woningtype-huurklasse"]);
  const ws = wb.addWorksheet(QUOTES);
  ws.addRow(["Citaat", "Getal", "Grootheid", "Gebied"]);
  ws.addRow([quote.text, quote.figure, "nultreden", "Kerkrade"]);
  ws.addRow(["het totale woningbezit van de corporaties in Kerkrade (tabel woningtype × huurprijsklasse)", crossTotal, "corporatiewoningen", "Kerkrade"]);
  const bytes = Buffer.from(await (wb as ExcelJS.Workbook).xlsx.writeBuffer());
  result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
});

test("the quoted number of nultreden dwellings is checked against the BAT table and differs", () => {
  const c = result.kruiscontroles.filter((k) => k.soort === "geciteerd" && k.onderwerp.includes("nultreden"));
  expect(c).toHaveLength(1);
  expect(c[0]).toMatchObject({ status: "wijkt-af", gepubliceerd: quote.figure, berekend: batNultreden, verschil: quote.figure - batNultreden, sheet: QUOTES, cell: "B2" });
  expect(c[0].toelichting).toContain(`blad '${BAT}'`);
  expect(result.issues.some((i) => i.code === "kruiscontrole-geciteerd" && i.cell === "B2" && i.severity === "waarschuwing")).toBe(true);
});

test("a quoted corporation stock is checked against each stock table: equal to the cross table, not to the BAT table", () => {
  const c = result.kruiscontroles.filter((k) => k.soort === "geciteerd" && k.cell === "B3");
  expect(c.map((k) => [k.status, k.berekend])).toEqual([["wijkt-af", batTotal], ["klopt", crossTotal]]);
  expect(c[1].onderwerp).toContain(`blad '${CROSS}'`);
});

test("the two tables of the same stock are compared: the totals differ", () => {
  const c = result.kruiscontroles.filter((k) => k.soort === "voorraad-totalen");
  expect(c).toEqual([expect.objectContaining({ status: "wijkt-af", sheet: CROSS, gepubliceerd: crossTotal, berekend: batTotal, verschil: crossTotal - batTotal })]);
  expect(c[0].toelichting).toContain("niet bij elkaar op");
  // Both captions as printed name the same reference date.
  const dates = [BAT, CROSS].map((sheet) => seedTable(sheet === BAT ? "kerkrade-bat-per-corporatie" : "kerkrade-woningtype-huurklasse").caption[0])
    .map((cap) => /peildatum (\d\d)-(\d\d)-(\d{4})/.exec(cap)!.slice(1).map(Number).join("-"));
  expect(dates[0]).toBe(dates[1]);
  expect(c[0].toelichting).toContain(`beide per peildatum ${dates[0]}`);
  expect(result.issues.some((i) => i.code === "kruiscontrole-voorraad-totalen" && i.sheet === CROSS)).toBe(true);
});

test("with another reference date in a caption, the totals need not agree: not checked, and said why", async () => {
  const wb = seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-woningtype-huurklasse"]);
  const caption = seedTable("kerkrade-woningtype-huurklasse").caption[0];
  wb.getWorksheet(CROSS)!.getCell("A1").value = caption.replace("01-01-2020", "01-01-2024");
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const other = await analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
  const c = other.kruiscontroles.find((k) => k.soort === "voorraad-totalen")!;
  expect(c.status).toBe("niet-te-controleren");
  expect(c.toelichting).toContain("andere peildatum (1-1-2024 tegen 1-1-2020)");
});

test("the Vergelijking sheet and the JSON list the same checks", () => {
  const sheet = buildSheets(result).find((s) => s.kind === "vergelijking")!;
  const rows = sheet.tables.find((t) => t.name === "Vergelijking_Controles")!.rows;
  const doc = buildJson(result);
  expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual(doc.kruiscontroles.map((k) => [k.onderwerp, k.gepubliceerd, k.berekend]));
  expect(doc.kruiscontroles.map((k) => k.soort).sort()).toEqual(["geciteerd", "geciteerd", "geciteerd", "voorraad-totalen"]);
});
