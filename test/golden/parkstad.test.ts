/**
 * Golden test on the Parkstad sample: demand (Tabel 1) against inventoried supply (Tabel 2) from
 * the Toekomstvisie Wonen, Welzijn en Zorg Parkstad Limburg. Expected aanbod − vraag per type,
 * year and scenario is computed here from the published CSVs, independently of the program.
 */
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { TekortRow } from "../../src/domain/tekort";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { readCsv } from "../support/csv";
import { buildJson } from "../../src/report/json";
import { buildSheets } from "../../src/report/sheets";
import { PARKSTAD as FILE } from "../support/paths";

const vraag = readCsv("parkstad-vraag-ouderen-vg-2023-2040.csv");
const aanbod = readCsv("parkstad-aanbod-2023.csv");
const YEARS = ["2023", "2030", "2040"];

/** Published label → [categorie, zorgprofiel] as docs/handleiding.md §2 defines the types. */
function category(label: string): [string, "SOM" | "PG" | null] | null {
  if (label === "regulier wonen") return ["regulier", null];
  if (label === "nultreden in regulier wonen") return ["nultreden", null];
  if (label === "geclusterd wonen") return ["geclusterd", null];
  if (label === "gespikkeld wonen") return ["gespikkeld", null];
  if (label.startsWith("zorggeschikt")) return ["zorggeschikt", label.includes("(PG)") ? "PG" : "SOM"];
  return null; // totaal
}

function supplyOf(groep: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of aanbod.filter((a) => a.groep === groep)) {
    const c = category(r.woonvorm);
    if (c) m.set(c[1] ? `${c[0]}:${c[1]}` : c[0], Number(r["2023"]));
  }
  // Tabel 2's "regulier wonen" includes "nultreden in regulier wonen": exclusive regulier.
  if (m.has("regulier") && m.has("nultreden")) m.set("regulier", m.get("regulier")! - m.get("nultreden")!);
  return m;
}

function demandOf(groep: string, scenario: string, year: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of vraag.filter((v) => v.groep === groep && v.scenario === scenario)) {
    const c = category(r.woonvorm);
    if (c) m.set(c[1] ? `${c[0]}:${c[1]}` : c[0], Number(r[year]));
  }
  return m;
}

let result: AnalysisResult;
beforeAll(async () => {
  result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(readFileSync(FILE)), { rules: DEFAULT_RULES });
});

function find(lezing: string, groep: string, categorie: string, zorgprofiel: string | null, jaar: number, scenario: string): TekortRow {
  const rows = result.tekort.filter(
    (t) => t.lezing === lezing && t.groep === groep && t.categorie === categorie && t.zorgprofiel === zorgprofiel && t.jaar === jaar && t.scenario === scenario,
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

test("supply comes from Tabel 2 and demand from Tabel 1", () => {
  expect(result.supplySource).toBe("aanbodtabel");
  const used = result.tables.filter((t) => t.used).map((t) => [t.sheet, t.kind]);
  expect(used).toEqual(expect.arrayContaining([["Tabel 1 Vraag", "vraag"], ["Tabel 2 Aanbod", "aanbod"]]));
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
      const row = find("per categorie", groep, cat, prof ?? null, Number(year), scenario);
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
      const row = find("cumulatief", "ouderen", t, null, Number(year), scenario);
      expect([row.aanbod, row.vraag, row.saldo]).toEqual([sa, va, sa - va]);
    });
    // na doorschuiven: from the top down, surplus moves to lower types only
    let carry = 0;
    for (const t of [...order].reverse()) {
      const available = get(s, t) + carry;
      const need = get(d, t);
      const row = find("na doorschuiven", "ouderen", t, null, Number(year), scenario);
      expect([row.aanbod, row.vraag, row.tekort]).toEqual([available, need, Math.max(0, need - available)]);
      carry = Math.max(0, available - need);
    }
  }
});

test("totaal rows are checked, never counted; groups with only a total are reported", () => {
  for (const scenario of ["basis", "trend"]) {
    for (const year of YEARS) {
      const published = Number(vraag.find((v) => v.groep === "ouderen" && v.scenario === scenario && v.woonvorm === "totaal")![year]);
      const counted = result.tekort
        .filter((t) => t.lezing === "per categorie" && t.groep === "ouderen" && t.scenario === scenario && t.jaar === Number(year))
        .reduce((x, t) => x + t.vraag, 0);
      expect(counted).toBe(published);
    }
  }
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
  // No per-dwelling what-if tables; the CBS route (Tabel 4-6) gives the aggregate what-if (issue 10).
  expect(tekort.tables.map((t) => t.name)).toEqual(["Tekort", "WatAls_CBS_Aanpassing", "WatAls_CBS_Tekort"]);
  expect(json.watAlsAggregaat?.totaal.potentieel).toBe(result.cbs!.totaal.potentieel);
});
