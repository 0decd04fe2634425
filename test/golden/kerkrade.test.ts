/**
 * Golden test on the Kerkrade sample: the published BAT totals per corporation (Lokaal meerjarig
 * kader prestatieafspraken Kerkrade 2021-2025, 1-1-2020) must come out of the analysis exactly,
 * both from the synthetic per-dwelling stock and from the published wide BAT table.
 */
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildJson } from "../../src/report/json";
import { readCsv } from "../support/csv";
import { cachedWorkbook } from "../support/workbook-cache";
import { KERKRADE as FILE } from "../support/paths";

const published = readCsv("kerkrade-bat-per-corporatie-2020.csv");
const corporations = published.filter((r) => r.corporatie !== "TOTAAL");
const total = published.find((r) => r.corporatie === "TOTAAL")!;

async function run(voorraad?: string): Promise<AnalysisResult> {
  const wb = await cachedWorkbook(readFileSync(FILE));
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

/**
 * Planned changes 2021-2025 (Lokaal meerjarig kader prestatieafspraken Kerkrade 2021-2025:
 * 478 sloop, 515 nieuwbouw, 35 verkoop, 125 aankoop, 332 renovatie). The sample's sheet assigns
 * them to BAT classes as stated in its note: sloop, verkoop and aankoop BAT 0, nieuwbouw BAT 2,
 * renovatie BAT 0 → 1. Supply in 2025 follows from the published totals under those assumptions.
 */
describe("Kerkrade planned changes 2021-2025", () => {
  const PLAN = { sloop: 478, nieuwbouw: 515, verkoop: 35, aankoop: 125, renovatie: 332 };
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await run();
  });

  test("the plans sheet is read: totals per kind equal the published figures", () => {
    const json = buildJson(result);
    for (const [soort, n] of Object.entries(PLAN)) {
      const sum = json.plannen.wijzigingen.filter((w) => w.soort === soort).reduce((s, w) => s + w.aantal, 0);
      expect([soort, sum]).toEqual([soort, n]);
    }
    expect(json.plannen.aanbodConstant).toBe(false);
    expect(result.tables.find((t) => t.kind === "mutaties")).toMatchObject({ sheet: "Plannen 2021-2025", used: true });
  });

  test("supply in 2025 = supply now + every change of 2021-2025", () => {
    const now = result.summary;
    const at = (niveau: string, categorie: string) =>
      result.aanbodPerJaar.filter((p) => p.jaar === 2025 && p.niveau === niveau && p.categorie === categorie).reduce((s, p) => s + p.aanbod, 0);
    const bat0 = Number(total.bat_0) - PLAN.sloop - PLAN.verkoop + PLAN.aankoop - PLAN.renovatie;
    expect(at("bat", "0")).toBe(bat0);
    expect(at("bat", "1")).toBe(Number(total.bat_1) + PLAN.renovatie);
    expect(at("bat", "2")).toBe(Number(total.bat_2) + PLAN.nieuwbouw);
    expect(at("bzk", "regulier")).toBe(now.perBzk.regulier - PLAN.sloop - PLAN.verkoop + PLAN.aankoop - PLAN.renovatie);
    expect(at("bzk", "nultreden")).toBe(now.perBzk.nultreden + PLAN.nieuwbouw + PLAN.renovatie);
    const all = ["regulier", "nultreden", "geclusterd", "zorggeschikt"].reduce((s, c) => s + at("bzk", c), 0);
    expect(all).toBe(Number(total.totaal) + PLAN.nieuwbouw + PLAN.aankoop - PLAN.sloop - PLAN.verkoop);
  });

  test("clustering and care potential are listed, ranked, and the default what-if adapts 10% of the potentieel stock", () => {
    expect(result.clustering.length).toBeGreaterThan(0);
    const gains = result.clustering.map((c) => c.erbijGeclusterd);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    // The sample's deliberate near misses are found (10-11 dwellings, 45-49% 55+, unknown room).
    expect(result.clustering.some((c) => c.criterium === "woningen" && /^1[01] woningen/.test(c.ontbreekt))).toBe(true);
    expect(result.clustering.some((c) => c.criterium === "aandeel55plus" && /^4[5-9]% /.test(c.ontbreekt))).toBe(true);
    expect(result.clustering.some((c) => c.soort === "onbekend")).toBe(true);
    expect(result.zorgpotentieel.length).toBeGreaterThan(0);
    const w = result.watAls!;
    const potentieel = result.adaptationTotals.reduce((s, t) => s + t.potentieel, 0);
    expect(w.aanpassing.reduce((s, a) => s + a.aangepast, 0)).toBe(Math.round(0.1 * potentieel));
  });
});
