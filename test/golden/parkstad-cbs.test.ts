/**
 * Golden test of the CBS route on the Parkstad sample (Toekomstvisie Wonen, Welzijn en Zorg
 * Parkstad Limburg: Tabel 4 CBS stock 2023, Tabel 5 and 6 adaptation percentages). The expected
 * dwellings per gemeente are computed here from the published CSVs, independently of the program:
 * koop × the koop percentages, huur × the huur percentages (Tabel 6; Kerkrade has no split, so
 * Tabel 5), and the dwellings of unknown ownership (totaal − koop − huur) × Tabel 5.
 * Then the same through the command line (streaming reader, result workbook and JSON), and
 * combined with the Kerkrade BAT stock: the corporations' dwellings are not counted twice.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildSheets } from "../../src/report/sheets";
import { readCsv } from "../support/csv";
import { KERKRADE as KERKRADE_FILE, PARKSTAD as FILE } from "../support/paths";

const cbsCsv = readCsv("parkstad-woningvoorraad-cbs-2023.csv");
const tabel5 = readCsv("parkstad-aanpassing-ouderen-per-gemeente.csv");
const tabel6 = readCsv("parkstad-aanpassing-ouderen-huur-koop.csv");
const REGION = "Parkstad";
const gemeenten = cbsCsv.filter((r) => r.gemeente !== REGION);
const OUTCOMES = ["geschikt", "potentieel", "ongeschikt"] as const;
type Outcome = (typeof OUTCOMES)[number];

/** The percentages that apply to a segment of a gemeente, from the CSVs. */
function pct(gemeente: string, segment: "koop" | "huur" | null): Record<Outcome, number> {
  const row = (segment && tabel6.find((r) => r.gemeente === gemeente && r.segment === segment)) || tabel5.find((r) => r.gemeente === gemeente)!;
  return { geschikt: Number(row.geschikt_pct), potentieel: Number(row.potentieel_pct), ongeschikt: Number(row.ongeschikt_pct) };
}

/** Per gemeente: the parts (dwellings and percentages) and the exact, unrounded outcome. */
function expected(gemeente: string) {
  const r = cbsCsv.find((x) => x.gemeente === gemeente)!;
  const totaal = Number(r.totaal);
  const koop = Number(r.koop);
  const huur = Number(r.huur);
  const parts = [
    { deel: "koop", n: koop, p: pct(gemeente, "koop") },
    { deel: "huur", n: huur, p: pct(gemeente, "huur") },
    { deel: "onbekend", n: totaal - koop - huur, p: pct(gemeente, null) },
  ].filter((x) => x.n > 0);
  const exact = Object.fromEntries(OUTCOMES.map((o) => [o, parts.reduce((a, x) => a + (x.n * x.p[o]) / 100, 0)])) as Record<Outcome, number>;
  return { totaal, parts, exact };
}

let result: AnalysisResult;
beforeAll(async () => {
  result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(readFileSync(FILE)), { rules: DEFAULT_RULES });
});

test("Tabel 4, 5 and 6 are recognised and used, not reported as unused", () => {
  const use = Object.fromEntries(result.tables.map((t) => [t.sheet, [t.kind, t.used]]));
  expect(use["Tabel 4 Woningvoorraad"]).toEqual(["cbs-voorraad", true]);
  expect(use["Tabel 5 Aanpassing"]).toEqual(["aanpassingspercentages", true]);
  expect(use["Tabel 6 Huur-koop"]).toEqual(["aanpassingspercentages", true]);
  expect(result.issues.filter((i) => i.code === "blad-niet-gebruikt").map((i) => i.sheet)).toEqual(["Toelichting"]);
  expect(result.issues.filter((i) => i.code.startsWith("cbs-") && i.severity !== "info")).toEqual([]);
});

test.each(gemeenten.map((g) => g.gemeente))("%s: geschikt + potentieel + ongeschikt = the CBS stock, each within rounding of stock × percentages", (gemeente) => {
  const e = expected(gemeente);
  const g = result.cbs!.gemeenten.find((x) => x.gemeente === gemeente)!;
  expect(g).toBeDefined();
  expect([g.cbsTotaal, g.woningen, g.batVoorraad, g.onbekend]).toEqual([e.totaal, e.totaal, 0, 0]);
  expect(g.geschikt + g.potentieel + g.ongeschikt).toBe(e.totaal);
  // Every part is rounded on its own (largest remainder): each part within 1 of its exact value.
  expect(g.delen.map((d) => [d.deel, d.woningen])).toEqual(e.parts.map((x) => [x.deel, x.n]));
  g.delen.forEach((d, i) => {
    for (const o of OUTCOMES) expect(Math.abs(d[o] - (e.parts[i].n * e.parts[i].p[o]) / 100)).toBeLessThan(1);
  });
  for (const o of OUTCOMES) expect(Math.abs(g[o] - e.exact[o])).toBeLessThan(e.parts.length);
});

test("the potentially suitable share per gemeente, in dwellings and %", () => {
  // E.g. Beekdaelen: 12,268 × 51% + 4,479 × 20% + 18 × 42% = 7,160.04 of 16,765 = 42.7%.
  for (const { gemeente } of gemeenten) {
    const e = expected(gemeente);
    const g = result.cbs!.gemeenten.find((x) => x.gemeente === gemeente)!;
    expect(Math.abs(g.potentieel / g.woningen - e.exact.potentieel / e.totaal)).toBeLessThan(e.parts.length / e.totaal);
  }
  const beek = result.cbs!.gemeenten.find((x) => x.gemeente === "Beekdaelen")!;
  expect(Math.round((1000 * beek.potentieel) / beek.woningen) / 10).toBe(42.7);
});

test("Kerkrade has no huur/koop split in Tabel 6: Tabel 5 (35/25/40) applies to every part, and a message says so", () => {
  const k = result.cbs!.gemeenten.find((x) => x.gemeente === "Kerkrade")!;
  expect(k.delen.every((d) => d.percentages?.potentieel === Number(tabel5.find((r) => r.gemeente === "Kerkrade")!.potentieel_pct))).toBe(true);
  expect(k.delen.every((d) => d.bronTekst.includes("Tabel 5 Aanpassing"))).toBe(true);
  expect(result.issues.find((i) => i.code === "cbs-percentages-gemeente")?.message).toContain("Kerkrade");
});

test("the region: all gemeenten add up to the CBS total; the region's own 28% gives the published 36,713", () => {
  const region = cbsCsv.find((r) => r.gemeente === REGION)!;
  const regionPct = tabel5.find((r) => r.gemeente === REGION)!;
  const cbs = result.cbs!;
  expect(cbs.totaal.woningen).toBe(Number(region.totaal));
  expect(cbs.totaal.geschikt + cbs.totaal.potentieel + cbs.totaal.ongeschikt).toBe(Number(region.totaal));
  expect(cbs.regio?.potentieel).toBe(Math.round((Number(region.totaal) * Number(regionPct.potentieel_pct)) / 100));
  expect(cbs.regio?.potentieel).toBe(36_713);
  expect(cbs.jaar).toBe(2023);
});

describe("through the command line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-cbs-"));
  const uit = path.join(dir, "parkstad-resultaat.xlsx");
  const json = path.join(dir, "parkstad.json");
  let doc: { cbsRoute: { gemeenten: { gemeente: string; potentieel: number; woningen: number; delen: unknown[] }[]; regio: { potentieel: number } | null; aannames: string[] } };

  let printed = "";

  beforeAll(async () => {
    const code = await main(["analyse", FILE, "--uit", uit, "--json", json], { out: (t) => void (printed += t), err: () => undefined });
    expect(code).toBe(0);
    doc = JSON.parse(readFileSync(json, "utf8"));
  });

  test("the summary names the whole-stock figures of the CBS route", () => {
    const t = result.cbs!.totaal;
    const nl = (x: number) => x.toLocaleString("nl-NL");
    expect(printed).toContain(`CBS-route, ${result.cbs!.gemeenten.length} gemeenten, ${nl(t.woningen)} woningen`);
    expect(printed).toContain(`potentieel ${nl(t.potentieel)}`);
  });

  test("the JSON document has cbsRoute with the same figures as the in-memory route", () => {
    expect(doc.cbsRoute.gemeenten.map((g) => [g.gemeente, g.potentieel, g.woningen])).toEqual(
      result.cbs!.gemeenten.map((g) => [g.gemeente, g.potentieel, g.woningen]),
    );
    expect(doc.cbsRoute.regio?.potentieel).toBe(36_713);
    expect(doc.cbsRoute.aannames.join(" ")).toMatch(/grootste rest/);
  });

  test("the Aanpassingspotentieel sheet has the table per gemeente, in dwellings and %, with the source", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(uit);
    const ws = wb.getWorksheet("Aanpassingspotentieel")!;
    const tables = (ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]).map((t) => t.table);
    const t = tables.find((x) => x.name === "Aanpassing_CBS_Gemeente")!;
    expect(t).toBeDefined();
    const headerRow = Number(/^A(\d+):/.exec(t.tableRef)![1]);
    const headers = (ws.getRow(headerRow).values as unknown[]).slice(1);
    const colOf = (h: string) => headers.indexOf(h) + 1;
    for (const [i, { gemeente }] of gemeenten.entries()) {
      const r = ws.getRow(headerRow + 1 + i);
      const e = expected(gemeente);
      expect(r.getCell(colOf("Gemeente")).value).toBe(gemeente);
      expect(r.getCell(colOf("Woningen")).value).toBe(e.totaal);
      const pot = r.getCell(colOf("Potentieel")).value as number;
      expect(Math.abs(pot - e.exact.potentieel)).toBeLessThan(e.parts.length);
      expect(r.getCell(colOf("% potentieel")).value).toBeCloseTo(pot / e.totaal, 10);
      expect(r.getCell(colOf("% potentieel")).numFmt).toBe("0%");
      expect(String(r.getCell(colOf("Bron")).value)).toContain("Tabel 4 Woningvoorraad");
    }
    const notes = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((n) => String(ws.getCell(n, 1).value ?? "")).join(" ");
    expect(notes).toMatch(/CBS-route/);
    expect(notes).toMatch(/Afgetrokken van de CBS-voorraad: niets/);
    const controle = wb.getWorksheet("Controle")!;
    const used: string[] = [];
    controle.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (typeof v[0] === "string" && /^Tabel [456]/.test(v[0]) && v[2] === "ja") used.push(v[0]);
    });
    expect(used).toEqual(["Tabel 4 Woningvoorraad", "Tabel 5 Aanpassing", "Tabel 6 Huur-koop"]);
  });
});

/** A workbook with the given sheets of the sample workbooks (values copied), analysed. */
async function analyseSheetsOf(parts: [string, string[]][]): Promise<AnalysisResult> {
  const wb = new ExcelJS.Workbook();
  for (const [file, names] of parts) {
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(file);
    for (const name of names) {
      const to = wb.addWorksheet(name);
      src.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row, r) => {
        to.getRow(r).values = row.values as ExcelJS.CellValue[];
      });
    }
  }
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
}

test("a workbook with only the CBS tables is analysed (no stock, demand or supply needed)", async () => {
  const only = await analyseSheetsOf([[FILE, ["Tabel 4 Woningvoorraad", "Tabel 5 Aanpassing"]]]);
  expect(only.tekort).toEqual([]);
  // Without Tabel 6 every part takes the whole-gemeente percentages: Beekdaelen 16,765 × 42% = 7,041.3.
  const beek = only.cbs!.gemeenten.find((g) => g.gemeente === "Beekdaelen")!;
  expect(Math.abs(beek.potentieel - (16_765 * 42) / 100)).toBeLessThan(3);
  const note = buildSheets(only).find((m) => m.kind === "aanpassingspotentieel")!.notes.join(" ");
  expect(note).toMatch(/alleen de CBS-route/);
  // With the percentages alone, the route cannot run: the sheet is reported as not used.
  await expect(analyseSheetsOf([[FILE, ["Tabel 5 Aanpassing"]]])).rejects.toThrow(/Geen voorraad-, aanbod- of vraagtabel/);
  const noStock = await analyseSheetsOf([[FILE, ["Tabel 1 Vraag", "Tabel 5 Aanpassing"]]]);
  expect(noStock.cbs).toBeUndefined();
  expect(noStock.issues.find((i) => i.code === "blad-niet-gebruikt" && i.sheet === "Tabel 5 Aanpassing")?.message).toMatch(/CBS-woningvoorraad per gemeente nodig/);
});

describe("combined with the corporations' BAT stock (Kerkrade sample + Parkstad Tabel 4-6)", () => {
  let combined: AnalysisResult;
  beforeAll(async () => {
    // One workbook with the synthetic Kerkrade per-dwelling stock and the Parkstad CBS tables.
    combined = await analyseSheetsOf([
      [KERKRADE_FILE, ["Voorraad (synthetisch)"]],
      [FILE, ["Tabel 4 Woningvoorraad", "Tabel 5 Aanpassing", "Tabel 6 Huur-koop"]],
    ]);
  });

  test("Kerkrade: the 7,824 BAT dwellings are subtracted from the CBS huur and counted once, with their own assessment", () => {
    const batTotal = Number(readCsv("kerkrade-bat-per-corporatie-2020.csv").find((r) => r.corporatie === "TOTAAL")!.totaal);
    const cbsRow = cbsCsv.find((r) => r.gemeente === "Kerkrade")!;
    const k = combined.cbs!.gemeenten.find((g) => g.gemeente === "Kerkrade")!;
    expect([k.batVoorraad, k.afgetrokken, k.cbsTotaal, k.woningen]).toEqual([batTotal, batTotal, Number(cbsRow.totaal), Number(cbsRow.totaal)]);
    const huur = k.delen.find((d) => d.deel === "huur")!;
    expect([huur.cbsVoorraad, huur.afgetrokken, huur.woningen]).toEqual([Number(cbsRow.huur), batTotal, Number(cbsRow.huur) - batTotal]);
    // The corporations' part is exactly the per-dwelling assessment of the stock in Kerkrade.
    const own = combined.adaptationTotals.filter((t) => t.gebied === "Kerkrade");
    const sum = (o: "geschikt" | "potentieel" | "ongeschikt" | "onbekend") => own.reduce((a, t) => a + t[o], 0);
    const bat = k.delen.find((d) => d.bron === "bat")!;
    expect([bat.geschikt, bat.potentieel, bat.ongeschikt, bat.onbekend, bat.woningen]).toEqual([sum("geschikt"), sum("potentieel"), sum("ongeschikt"), sum("onbekend"), batTotal]);
    expect(k.delen.filter((d) => d.bron === "cbs").reduce((a, d) => a + d.woningen, 0) + bat.woningen).toBe(Number(cbsRow.totaal));
    expect(combined.cbs!.aannames.join(" ")).toMatch(/afgetrokken/);
    const notes = buildSheets(combined).find((m) => m.kind === "aanpassingspotentieel")!.notes.join(" ");
    expect(notes).toContain(`Afgetrokken van de CBS-voorraad: ${batTotal.toLocaleString("nl-NL")} woningen uit de BAT-voorraad`);
  });

  test("the other gemeenten are as without the BAT stock", () => {
    for (const g of combined.cbs!.gemeenten.filter((x) => x.gemeente !== "Kerkrade")) {
      const alone = result.cbs!.gemeenten.find((x) => x.gemeente === g.gemeente)!;
      expect(g).toEqual(alone);
    }
  });
});
