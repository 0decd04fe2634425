/**
 * Golden test on the Kerkrade sample: the published BAT totals per corporation (Lokaal meerjarig
 * kader prestatieafspraken Kerkrade 2021-2025, 1-1-2020) must come out of the analysis exactly,
 * both from the synthetic per-dwelling stock and from the published wide BAT table.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { analyseWorkbook, type AnalysisResult } from "../../src/pipeline";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildJson } from "../../src/report/json";
import { ASSETS, readCsv } from "./csv";

const FILE = path.join(ASSETS, "kerkrade-sociale-huur-2020.xlsx");
const published = readCsv("kerkrade-bat-per-corporatie-2020.csv");
const corporations = published.filter((r) => r.corporatie !== "TOTAAL");
const total = published.find((r) => r.corporatie === "TOTAAL")!;

async function run(voorraad?: string): Promise<AnalysisResult> {
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(FILE));
  return analyseWorkbook(wb, { rules: DEFAULT_RULES, voorraad });
}

describe.each([
  ["synthetic per-dwelling stock (default choice)", undefined],
  ["published wide BAT table", "BAT per corporatie"],
])("Kerkrade: %s", (_label, voorraad) => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await run(voorraad);
  });

  test("BAT totals per class equal the published TOTAAL row; the total row and column are not counted", () => {
    const json = buildJson(result);
    expect(json.aanbod.batSchaal).toBe("limburg");
    for (let bat = 0; bat <= 4; bat++) expect(json.aanbod.perBat[String(bat)]).toBe(Number(total[`bat_${bat}`]));
    expect(json.aanbod.perBat.onbekend).toBe(0);
    expect(json.invoer.eenheden).toBe(Number(total.totaal));
  });

  test("BAT totals per corporation equal the published rows", () => {
    const perOwner = result.groups.find((g) => g.key === "eigenaar")!.rows;
    expect(perOwner.map((r) => r.waarde).sort()).toEqual(corporations.map((c) => c.corporatie).sort());
    for (const c of corporations) {
      const row = perOwner.find((r) => r.waarde === c.corporatie)!;
      for (let bat = 0; bat <= 4; bat++) expect(row.summary.perBat[String(bat)]).toBe(Number(c[`bat_${bat}`]));
      expect(row.summary.eenheden).toBe(Number(c.totaal));
    }
  });

  test("nothing lost and the BZK nesting holds", () => {
    const json = buildJson(result);
    expect(json.invoer.rijen).toBe(json.invoer.ingedeeld + json.invoer.afgewezen);
    expect(json.invoer.afgewezen).toBe(0);
    const c = json.aanbod.cumulatief;
    // Kerkrade: nultreden = minstens wandelstokgeschikt (BAT ≥ 1).
    expect(c.nultreden).toBe(Number(total.totaal) - Number(total.bat_0));
    expect(c.zorggeschikt).toBeLessThanOrEqual(c.geclusterd);
    expect(c.geclusterd).toBeLessThanOrEqual(c.nultreden);
    const p = json.aanbod.perBzk;
    expect(p.regulier + p.nultreden + p.geclusterd + p.zorggeschikt + p.onbekend).toBe(json.invoer.eenheden);
  });
});

test("Kerkrade per-dwelling stock: clustered and care-suitable complexes are found, with reasons", async () => {
  const result = await run();
  const json = buildJson(result);
  expect(json.woningen).toHaveLength(Number(total.totaal));
  expect(json.aanbod.cumulatief.geclusterd).toBeGreaterThan(0);
  expect(json.aanbod.cumulatief.zorggeschikt).toBeGreaterThan(0);
  const zorg = json.woningen.find((w) => w.bzk === "zorggeschikt")!;
  expect(zorg.reden).toMatch(/Wlz/i);
  // Adaptation potential: every dwelling in exactly one bucket, for the one gemeente.
  const totals = json.aanpassingspotentieel;
  const sum = totals.reduce((s, t) => s + t.geschikt + t.potentieel + t.ongeschikt + t.onbekend, 0);
  expect(sum).toBe(Number(total.totaal));
  expect(totals.every((t) => t.gebied === "Kerkrade")).toBe(true);
  const geschikt = totals.reduce((s, t) => s + t.geschikt, 0);
  expect(geschikt).toBe(json.aanbod.cumulatief.nultreden);
});
