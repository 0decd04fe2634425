/**
 * Golden test of the CBS route on Parkstad's tables as printed (Toekomstvisie Wonen, Welzijn en
 * Zorg Parkstad Limburg: Tabel 4 CBS stock 2023, Tabel 5 and 6 adaptation percentages; the seed
 * fixtures of test/support/seed-tables.ts, pasted as Dutch Excel converts them). The expected
 * dwellings per gemeente are computed here from the printed numbers, independently of the program:
 * koop × the koop percentages, huur × the huur percentages (Tabel 6; Kerkrade has no split, so
 * Tabel 5), and the dwellings of unknown ownership (totaal − koop − huur) × Tabel 5.
 * Then the same through the command line (streaming reader, result workbook and JSON), and
 * combined with the Kerkrade BAT stock (the synthetic per-dwelling stock of the Kerkrade sample,
 * which reproduces the printed BAT table): the corporations' dwellings are not counted twice.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildSheets } from "../../src/report/sheets";
import { KERKRADE as KERKRADE_FILE } from "../support/paths";
import { printedNumber, printedRow, seedTable, seedWorkbook, type SeedTableId } from "../support/seed-tables";
import { cachedBytes, cachedWorkbook } from "../support/workbook-cache";

const T4 = seedTable("parkstad-tabel-4");
const T5 = seedTable("parkstad-tabel-5");
const T6 = seedTable("parkstad-tabel-6");
const REGION = "Parkstad";

/** A printed count ("16765") as a number. */
const count = (text: string): number => {
  const n = printedNumber(text);
  if (n === null || !Number.isInteger(n)) throw new Error(`not a printed count: "${text}"`);
  return n;
};
/** A printed percentage ("42%") as a number of percent (42), read from the text. */
const percent = (text: string): number => {
  const m = /^(\d+(?:,\d+)?)%$/.exec(text.trim());
  if (!m) throw new Error(`not a printed percentage: "${text}"`);
  return Number(m[1].replace(",", "."));
};

/** Tabel 4 as printed (two header rows): gemeente, jaar, totaal, koop, huur. */
const cbsRows = T4.printed.slice(2).map((r) => ({ gemeente: r[0], jaar: count(r[1]), totaal: count(r[2]), koop: count(r[3]), huur: count(r[4]) }));
/** Tabel 5 as printed: percentages per gemeente (and the region). */
const tabel5 = T5.printed.slice(1).map((r) => ({ gemeente: r[0], geschikt: percent(r[1]), potentieel: percent(r[2]), ongeschikt: percent(r[3]) }));
/** Tabel 6 as printed: the gemeente written once for its huur and koop rows. */
const tabel6 = (() => {
  let gemeente = "";
  return T6.printed.slice(1).map((r) => {
    if (r[0].trim() !== "") gemeente = r[0].trim();
    return { gemeente, segment: r[1], geschikt: percent(r[2]), potentieel: percent(r[3]), ongeschikt: percent(r[4]) };
  });
})();
const SHEET4 = T4.sheet;
const SHEET5 = T5.sheet;
const gemeenten = cbsRows.filter((r) => r.gemeente !== REGION);
const OUTCOMES = ["geschikt", "potentieel", "ongeschikt"] as const;
type Outcome = (typeof OUTCOMES)[number];

/** The percentages that apply to a segment of a gemeente, from the printed tables. */
function pct(gemeente: string, segment: "koop" | "huur" | null): Record<Outcome, number> {
  const row = (segment && tabel6.find((r) => r.gemeente === gemeente && r.segment === segment)) || tabel5.find((r) => r.gemeente === gemeente)!;
  return { geschikt: row.geschikt, potentieel: row.potentieel, ongeschikt: row.ongeschikt };
}

/** Per gemeente: the parts (dwellings and percentages) and the exact, unrounded outcome. */
function expected(gemeente: string) {
  const r = cbsRows.find((x) => x.gemeente === gemeente)!;
  const { totaal, koop, huur } = r;
  const parts = [
    { deel: "koop", n: koop, p: pct(gemeente, "koop") },
    { deel: "huur", n: huur, p: pct(gemeente, "huur") },
    { deel: "onbekend", n: totaal - koop - huur, p: pct(gemeente, null) },
  ].filter((x) => x.n > 0);
  const exact = Object.fromEntries(OUTCOMES.map((o) => [o, parts.reduce((a, x) => a + (x.n * x.p[o]) / 100, 0)])) as Record<Outcome, number>;
  return { totaal, parts, exact };
}

/** The bytes of an .xlsx workbook of seed tables as printed, with sheets of the Kerkrade sample copied in (values). */
async function workbookBytes(ids: SeedTableId[], sampleSheets: string[] = []): Promise<Uint8Array> {
  const wb = seedWorkbook(ids);
  if (sampleSheets.length > 0) {
    // The sample as ExcelJS reads it, from the shared cache of its model (test/support/workbook-cache.ts).
    const src = (await cachedWorkbook(readFileSync(KERKRADE_FILE))).workbook;
    for (const name of sampleSheets) {
      const to = wb.addWorksheet(name);
      src.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row, r) => {
        to.getRow(r).values = row.values as ExcelJS.CellValue[];
      });
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook of seed tables as printed (and sample sheets), analysed. */
async function analyseSeeds(ids: SeedTableId[], sampleSheets: string[] = []): Promise<AnalysisResult> {
  return analyseWorkbook(await XlsxWorkbook.fromBuffer(await workbookBytes(ids, sampleSheets)), { rules: DEFAULT_RULES });
}

/**
 * {@link analyseSeeds} for a workbook with sample sheets (the 7,824-row stock: writing it with
 * ExcelJS and parsing it again is most of this file's time), its bytes built once for all runs
 * (`cachedBytes`, keyed by the sample's bytes, the seed tables' content and the source of this
 * file and of test/support/seed-tables.ts) and parsed through the shared model cache, which
 * answers as `XlsxWorkbook.fromBuffer` of those bytes.
 */
async function analyseSeedsCached(ids: SeedTableId[], sampleSheets: string[]): Promise<AnalysisResult> {
  const inputs = [
    readFileSync(KERKRADE_FILE),
    Buffer.from(JSON.stringify([ids, sampleSheets, ids.map((id) => seedTable(id))])),
    readFileSync(__filename),
    readFileSync(path.join(__dirname, "../support/seed-tables.ts")),
  ];
  const bytes = await cachedBytes("parkstad-cbs-combined", inputs, () => workbookBytes(ids, sampleSheets));
  return analyseWorkbook(await cachedWorkbook(bytes), { rules: DEFAULT_RULES });
}

const CBS_TABLES: SeedTableId[] = ["parkstad-tabel-4", "parkstad-tabel-5", "parkstad-tabel-6"];

let result: AnalysisResult;
beforeAll(async () => {
  result = await analyseSeeds(CBS_TABLES);
});

test("Tabel 4, 5 and 6 are recognised and used, not reported as unused", () => {
  const use = Object.fromEntries(result.tables.map((t) => [t.sheet, [t.kind, t.used]]));
  expect(use[SHEET4]).toEqual(["cbs-voorraad", true]);
  expect(use[SHEET5]).toEqual(["aanpassingspercentages", true]);
  expect(use[T6.sheet]).toEqual(["aanpassingspercentages", true]);
  expect(result.issues.filter((i) => i.code === "blad-niet-gebruikt").map((i) => i.sheet)).toEqual([]);
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
  expect(k.delen.every((d) => d.percentages?.potentieel === tabel5.find((r) => r.gemeente === "Kerkrade")!.potentieel)).toBe(true);
  expect(k.delen.every((d) => d.bronTekst.includes(SHEET5))).toBe(true);
  expect(result.issues.find((i) => i.code === "cbs-percentages-gemeente")?.message).toContain("Kerkrade");
});

test("the region: all gemeenten add up to the CBS total; the region's own 28% gives the published 36,713", () => {
  const region = cbsRows.find((r) => r.gemeente === REGION)!;
  const regionPct = tabel5.find((r) => r.gemeente === REGION)!;
  const cbs = result.cbs!;
  expect(cbs.totaal.woningen).toBe(region.totaal);
  expect(cbs.totaal.geschikt + cbs.totaal.potentieel + cbs.totaal.ongeschikt).toBe(region.totaal);
  expect(cbs.regio?.potentieel).toBe(Math.round((region.totaal * regionPct.potentieel) / 100));
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
    const file = path.join(dir, "parkstad-tabellen.xlsx");
    writeFileSync(file, await workbookBytes(CBS_TABLES));
    const code = await main(["analyse", file, "--uit", uit, "--json", json], { out: (t) => void (printed += t), err: () => undefined });
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
      expect(String(r.getCell(colOf("Bron")).value)).toContain(SHEET4);
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
    expect(used).toEqual([SHEET4, SHEET5, T6.sheet]);
  });
});

test("a workbook with only the CBS tables is analysed (no stock, demand or supply needed)", async () => {
  const only = await analyseSeeds(["parkstad-tabel-4", "parkstad-tabel-5"]);
  expect(only.tekort).toEqual([]);
  // Without Tabel 6 every part takes the whole-gemeente percentages: Beekdaelen 16,765 × 42% = 7,041.3.
  const beek = only.cbs!.gemeenten.find((g) => g.gemeente === "Beekdaelen")!;
  const beekCbs = cbsRows.find((r) => r.gemeente === "Beekdaelen")!;
  expect(beekCbs.totaal).toBe(16_765);
  expect(Math.abs(beek.potentieel - (beekCbs.totaal * tabel5.find((r) => r.gemeente === "Beekdaelen")!.potentieel) / 100)).toBeLessThan(3);
  const note = buildSheets(only).find((m) => m.kind === "aanpassingspotentieel")!.notes.join(" ");
  expect(note).toMatch(/alleen de CBS-route/);
  // With the percentages alone, the route cannot run: the sheet is reported as not used.
  await expect(analyseSeeds(["parkstad-tabel-5"])).rejects.toThrow(/Geen voorraad-, aanbod- of vraagtabel/);
  const noStock = await analyseSeeds(["parkstad-tabel-1", "parkstad-tabel-5"]);
  expect(noStock.cbs).toBeUndefined();
  expect(noStock.issues.find((i) => i.code === "blad-niet-gebruikt" && i.sheet === SHEET5)?.message).toMatch(/CBS-woningvoorraad per gemeente nodig/);
});

describe("combined with the corporations' BAT stock (Kerkrade sample's synthetic stock + Parkstad Tabel 4-6 as printed)", () => {
  let combined: AnalysisResult;
  beforeAll(async () => {
    // One workbook with the synthetic Kerkrade per-dwelling stock and the Parkstad CBS tables.
    combined = await analyseSeedsCached(CBS_TABLES, ["Voorraad (synthetisch)"]);
  });

  test("Kerkrade: the 7,824 BAT dwellings are subtracted from the CBS huur and counted once, with their own assessment", () => {
    // The synthetic stock reproduces Kerkrade's printed BAT table: its TOTAAL row's last figure.
    const batTotal = count(printedRow("kerkrade-bat-per-corporatie", "TOTAAL").at(-1)!);
    const cbsRow = cbsRows.find((r) => r.gemeente === "Kerkrade")!;
    const k = combined.cbs!.gemeenten.find((g) => g.gemeente === "Kerkrade")!;
    expect([k.batVoorraad, k.afgetrokken, k.cbsTotaal, k.woningen]).toEqual([batTotal, batTotal, cbsRow.totaal, cbsRow.totaal]);
    const huur = k.delen.find((d) => d.deel === "huur")!;
    expect([huur.cbsVoorraad, huur.afgetrokken, huur.woningen]).toEqual([cbsRow.huur, batTotal, cbsRow.huur - batTotal]);
    // The corporations' part is exactly the per-dwelling assessment of the stock in Kerkrade.
    const own = combined.adaptationTotals.filter((t) => t.gebied === "Kerkrade");
    const sum = (o: "geschikt" | "potentieel" | "ongeschikt" | "onbekend") => own.reduce((a, t) => a + t[o], 0);
    const bat = k.delen.find((d) => d.bron === "bat")!;
    expect([bat.geschikt, bat.potentieel, bat.ongeschikt, bat.onbekend, bat.woningen]).toEqual([sum("geschikt"), sum("potentieel"), sum("ongeschikt"), sum("onbekend"), batTotal]);
    expect(k.delen.filter((d) => d.bron === "cbs").reduce((a, d) => a + d.woningen, 0) + bat.woningen).toBe(cbsRow.totaal);
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
