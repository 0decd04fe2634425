/**
 * Golden test of the whole analysis on the Parkstad tables as printed in the Toekomstvisie Wonen,
 * Welzijn en Zorg Parkstad Limburg (test/support/seed-tables.ts: Tabel 1 vraag, Tabel 2 aanbod,
 * Tabel 4-6 CBS stock and adaptation shares, pasted as printed: first header cells "Vraag" and
 * "Aanbod", group rows, "Ouderen totaal" rows, "?" cells, Tabel 6 with each gemeente written once).
 * Expected aanbod − vraag per type, year and scenario is computed here from the printed numbers
 * (printedNumber), independently of the program. The sample workbook, which lays the same tables
 * out for the tool, must give the same tekort and the same CBS route.
 */
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { TekortRow } from "../../src/domain/tekort";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { buildJson } from "../../src/report/json";
import { buildSheets } from "../../src/report/sheets";
import { PARKSTAD as SAMPLE } from "../support/paths";
import { printedNumber, seedTable, seedWorkbook } from "../support/seed-tables";

const YEARS = [2023, 2030, 2040];
const VRAAG = seedTable("parkstad-tabel-1");
const AANBOD = seedTable("parkstad-tabel-2");

/** Printed woonvorm label → [categorie, zorgprofiel] as docs/handleiding.md §2 defines the types. */
function category(label: string): [string, "SOM" | "PG" | null] | null {
  if (label === "regulier wonen") return ["regulier", null];
  if (label === "nultreden in regulier wonen") return ["nultreden", null];
  if (label === "geclusterd wonen") return ["geclusterd", null];
  if (label === "gespikkeld wonen") return ["gespikkeld", null];
  if (label.startsWith("zorggeschikt")) return ["zorggeschikt", label.includes("(PG)") ? "PG" : "SOM"];
  return null;
}

/**
 * The woonvorm rows printed under a group row (its exact printed label), up to the next row that
 * is no woonvorm: "categorie" or "categorie:profiel" → the printed figures per year column.
 */
function block(printed: string[][], group: string): Map<string, (number | null)[]> {
  const start = printed.findIndex((r) => r[0] === group);
  if (start < 0) throw new Error(`no group row "${group}"`);
  const out = new Map<string, (number | null)[]>();
  for (const r of printed.slice(start + 1)) {
    const c = category(r[0]);
    if (c === null) break;
    out.set(c[1] ? `${c[0]}:${c[1]}` : c[0], r.slice(1).map(printedNumber));
  }
  return out;
}

/** Group row of each group and scenario as printed in Tabel 1, and of each group in Tabel 2. */
const DEMAND_GROUPS: Record<string, string> = {
  "ouderen|basis": "Ouderen (basisscenario)",
  "ouderen|trend": "Ouderen (trendscenario)",
  "verstandelijke beperking|onderkant": "Mensen met een verstandelijke beperking (onderkant)",
  "verstandelijke beperking|bovenkant": "mensen met een verstandelijke beperking (bovenkant)",
};
const SUPPLY_GROUPS: Record<string, string> = { ouderen: "Ouderen", "verstandelijke beperking": "mensen met een verstandelijke beperking" };

/** Supply 2023 of a group (exclusive types: Tabel 2's "regulier wonen" includes the nultreden dwellings). */
function supplyOf(groep: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, figs] of block(AANBOD.printed, SUPPLY_GROUPS[groep])) m.set(k, figs[0]!);
  if (m.has("regulier") && m.has("nultreden")) m.set("regulier", m.get("regulier")! - m.get("nultreden")!);
  return m;
}

function demandOf(groep: string, scenario: string, year: number): Map<string, number> {
  const col = VRAAG.printed[0].indexOf(String(year)) - 1;
  const m = new Map<string, number>();
  for (const [k, figs] of block(VRAAG.printed, DEMAND_GROUPS[`${groep}|${scenario}`])) m.set(k, figs[col]!);
  return m;
}

let result: AnalysisResult;
let sample: AnalysisResult;
beforeAll(async () => {
  const wb = seedWorkbook(["parkstad-tabel-1", "parkstad-tabel-2", "parkstad-tabel-4", "parkstad-tabel-5", "parkstad-tabel-6"]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
  sample = await analyseWorkbook(await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE)), { rules: DEFAULT_RULES });
});

function find(lezing: string, groep: string, categorie: string, zorgprofiel: string | null, jaar: number, scenario: string): TekortRow {
  const rows = result.tekort.filter(
    (t) => t.lezing === lezing && t.groep === groep && t.categorie === categorie && t.zorgprofiel === zorgprofiel && t.jaar === jaar && t.scenario === scenario,
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

test("supply comes from Tabel 2 and demand from Tabel 1, both as printed", () => {
  expect(result.supplySource).toBe("aanbodtabel");
  const used = result.tables.filter((t) => t.used).map((t) => [t.sheet, t.kind]);
  expect(used).toEqual(expect.arrayContaining([[VRAAG.sheet, "vraag"], [AANBOD.sheet, "aanbod"]]));
});

describe.each([
  ["ouderen", "basis"],
  ["ouderen", "trend"],
  ["verstandelijke beperking", "onderkant"],
  ["verstandelijke beperking", "bovenkant"],
])("per categorie: %s, scenario %s", (groep, scenario) => {
  test.each(YEARS)("aanbod − vraag per type in %s", (year) => {
    const s = supplyOf(groep);
    const d = demandOf(groep, scenario, year);
    expect(d.size).toBeGreaterThan(0);
    for (const [key, v] of d) {
      const [cat, prof] = key.split(":");
      const row = find("per categorie", groep, cat, prof ?? null, year, scenario);
      const a = s.get(key) ?? 0;
      expect([row.aanbod, row.vraag, row.saldo, row.tekort]).toEqual([a, v, a - v, Math.max(0, v - a)]);
    }
  });
});

test.each(["basis", "trend"])("ouderen %s: cumulatief and na doorschuiven follow the nesting", (scenario) => {
  const s = supplyOf("ouderen");
  for (const year of YEARS) {
    const d = demandOf("ouderen", scenario, year);
    const get = (m: Map<string, number>, t: string) => (t === "zorggeschikt" ? (m.get("zorggeschikt:SOM") ?? 0) + (m.get("zorggeschikt:PG") ?? 0) : m.get(t) ?? 0);
    const order = ["regulier", "nultreden", "geclusterd", "zorggeschikt"];
    // cumulatief: at least this type on both sides
    order.forEach((t, i) => {
      const sa = order.slice(i).reduce((x, u) => x + get(s, u), 0);
      const va = order.slice(i).reduce((x, u) => x + get(d, u), 0);
      const row = find("cumulatief", "ouderen", t, null, year, scenario);
      expect([row.aanbod, row.vraag, row.saldo]).toEqual([sa, va, sa - va]);
    });
    // na doorschuiven: from the top down, surplus moves to lower types only
    let carry = 0;
    for (const t of [...order].reverse()) {
      const available = get(s, t) + carry;
      const need = get(d, t);
      const row = find("na doorschuiven", "ouderen", t, null, year, scenario);
      expect([row.aanbod, row.vraag, row.tekort]).toEqual([available, need, Math.max(0, need - available)]);
      carry = Math.max(0, available - need);
    }
  }
});

test("'Ouderen totaal' is checked, never counted; groups printed with only a total are reported", () => {
  const totals = VRAAG.printed.filter((r) => r[0] === "Ouderen totaal");
  expect(totals).toHaveLength(2); // basis, then trend
  ["basis", "trend"].forEach((scenario, k) => {
    YEARS.forEach((year, c) => {
      const counted = result.tekort
        .filter((t) => t.lezing === "per categorie" && t.groep === "ouderen" && t.scenario === scenario && t.jaar === year)
        .reduce((x, t) => x + t.vraag, 0);
      expect(counted).toBe(printedNumber(totals[k][c + 1]));
    });
  });
  expect(result.issues.filter((i) => i.code === "totaal-klopt-niet")).toEqual([]);
  expect(result.tekort.some((t) => t.groep === "statushouders")).toBe(false);
  expect(result.issues.some((i) => /statushouders/.test(i.message))).toBe(true);
});

test("supply is said to be held constant over the years", () => {
  expect(result.issues.some((i) => i.severity === "info" && /constant/.test(i.message))).toBe(true);
});

test("no planned changes and no per-dwelling stock: supply held constant, said in the Tekort sheet and the JSON; only the what-if on the CBS route", () => {
  const json = buildJson(result);
  expect(json.plannen).toEqual({ aanbodConstant: true, wijzigingen: [], aanbodPerJaar: [] });
  expect(json.watAls).toBeNull();
  expect(json.clusteringspotentieel).toEqual([]);
  const tekort = buildSheets(result).find((s) => s.kind === "tekort")!;
  expect(tekort.notes.some((n) => /Aanbod constant verondersteld/.test(n))).toBe(true);
  // No per-dwelling what-if tables; the CBS route (Tabel 4-6 as printed) gives the aggregate what-if (issue 10).
  expect(tekort.tables.map((t) => t.name)).toEqual(["Tekort", "WatAls_CBS_Aanpassing", "WatAls_CBS_Tekort"]);
  expect(json.watAlsAggregaat?.totaal.potentieel).toBe(result.cbs!.totaal.potentieel);
});

test("the sample workbook, the same tables laid out for the tool, gives the same tekort", () => {
  const key = (t: TekortRow) => [t.lezing, t.niveau, t.groep, t.categorie, t.zorgprofiel, t.jaar, t.scenario, t.gebied, t.aanbod, t.vraag, t.saldo, t.tekort].join("|");
  expect(sample.tekort.map(key).sort()).toEqual(result.tekort.map(key).sort());
});

test("the CBS route on Tabel 4-6 as printed equals the sample's, per gemeente and in total", () => {
  const counts = (r: AnalysisResult) => r.cbs!.gemeenten.map((g) => [g.gemeente, g.cbsTotaal, g.geschikt, g.potentieel, g.ongeschikt, g.onbekend]);
  expect(result.cbs!.gemeenten).toHaveLength(seedTable("parkstad-tabel-4").printed.filter((r) => /^\d{4}$/.test(r[1] ?? "") && r[0] !== "Parkstad").length);
  expect(counts(result)).toEqual(counts(sample));
  expect(result.cbs!.totaal).toEqual(sample.cbs!.totaal);
});
