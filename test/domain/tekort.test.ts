import { computeTekort, normaliseSupplyTable, type TekortRow } from "../../src/domain/tekort";
import { DEFAULT_RULES, parseRules } from "../../src/domain/rules";
import type { DemandEntry, SupplyEntry, Zorgprofiel } from "../../src/domain/types";
import { readCsv } from "../support/csv";

function supply(categorie: string, aanbod: number, more: Partial<SupplyEntry> = {}): SupplyEntry {
  return { niveau: "bzk", groep: null, categorie, zorgprofiel: null, jaar: null, gebied: null, aanbod, sheet: "Aanbod", cell: "B2", ...more };
}

function demand(categorie: string, vraag: number, more: Partial<DemandEntry> = {}): DemandEntry {
  return { niveau: "bzk", groep: "ouderen", categorie, zorgprofiel: null, jaar: 2030, scenario: null, gebied: null, vraag, sheet: "Vraag", cell: "C3", ...more };
}

const pick = (rows: TekortRow[], lezing: string, categorie: string, more: Partial<TekortRow> = {}) =>
  rows.filter((r) => r.lezing === lezing && r.categorie === categorie && Object.entries(more).every(([k, v]) => r[k as keyof TekortRow] === v));

describe("a worked example: BAT classes 1..4", () => {
  // BAT 1..4 supply 1,000/800/300/200 against demand 900/1,000/400/300.
  const s = [1000, 800, 300, 200].map((n, i) => supply(String(i + 1), n, { niveau: "bat" }));
  const d = [900, 1000, 400, 300].map((n, i) => demand(String(i + 1), n, { niveau: "bat", groep: null }));
  const { rows, issues } = computeTekort(s, d, { batScale: "limburg" });

  test("per categorie: saldo per BAT class nets to a shortage of 300", () => {
    const per = rows.filter((r) => r.lezing === "per categorie");
    expect(per.map((r) => [r.categorie, r.aanbod, r.vraag, r.saldo, r.tekort])).toEqual([
      ["1", 1000, 900, 100, 0],
      ["2", 800, 1000, -200, 200],
      ["3", 300, 400, -100, 100],
      ["4", 200, 300, -100, 100],
    ]);
    expect(per.reduce((a, r) => a + r.saldo, 0)).toBe(-300);
  });

  test("na doorschuiven: 400 households stay unhoused", () => {
    const cascade = rows.filter((r) => r.lezing === "na doorschuiven");
    expect(cascade.map((r) => [r.categorie, r.aanbod, r.vraag, r.saldo, r.tekort])).toEqual([
      ["1", 1000, 900, 100, 0],
      ["2", 800, 1000, -200, 200],
      ["3", 300, 400, -100, 100],
      ["4", 200, 300, -100, 100],
    ]);
    expect(cascade.reduce((a, r) => a + r.tekort, 0)).toBe(400);
  });

  test("cumulatief: at least this class on both sides", () => {
    const cum = rows.filter((r) => r.lezing === "cumulatief");
    expect(cum.map((r) => [r.categorie, r.aanbod, r.vraag, r.tekort])).toEqual([
      ["1", 2300, 2600, 300],
      ["2", 1300, 1700, 400],
      ["3", 500, 700, 200],
      ["4", 200, 300, 100],
    ]);
  });

  test("rows carry the demand's keys; supply without year is held constant with one info issue", () => {
    expect(rows.every((r) => r.niveau === "bat" && r.jaar === 2030 && r.groep === null && r.scenario === null && r.gebied === null)).toBe(true);
    expect(issues).toEqual([
      {
        code: "aanbod-constant",
        severity: "info",
        sheet: null,
        cell: null,
        message: "Aanbod constant verondersteld: er zijn geen geplande wijzigingen opgegeven; het aanbod (zonder peiljaar) is gebruikt voor 2030.",
      },
    ]);
  });
});

describe("cascade carries surplus down, never up", () => {
  test("a surplus of clustered dwellings houses nultreden demand, not the reverse", () => {
    const s = [supply("regulier", 100), supply("nultreden", 500), supply("geclusterd", 300), supply("zorggeschikt", 0)];
    const d = [demand("regulier", 50), demand("nultreden", 600), demand("geclusterd", 200), demand("zorggeschikt", 40)];
    const cascade = computeTekort(s, d, { batScale: null }).rows.filter((r) => r.lezing === "na doorschuiven");
    expect(cascade.map((r) => [r.categorie, r.aanbod, r.tekort])).toEqual([
      ["regulier", 100, 0], // 100 + 0 carried (nultreden used all 600 available)
      ["nultreden", 600, 0], // 500 + 100 surplus of geclusterd
      ["geclusterd", 300, 0],
      ["zorggeschikt", 0, 40], // nothing higher to carry from
    ]);
  });
});

describe("Parkstad: Tabel 1 demand against Tabel 2 supply (published figures)", () => {
  /** Published label → [categorie, zorgprofiel]. */
  function category(label: string): [string, Zorgprofiel | null] {
    if (label === "regulier wonen") return ["regulier", null];
    if (label === "nultreden in regulier wonen") return ["nultreden", null];
    if (label === "geclusterd wonen") return ["geclusterd", null];
    if (label === "gespikkeld wonen") return ["gespikkeld", null];
    if (label === "totaal") return ["totaal", null];
    if (label.startsWith("zorggeschikt")) return ["zorggeschikt", label.includes("(PG)") ? "PG" : "SOM"];
    throw new Error(label);
  }
  const aanbodCsv = readCsv("parkstad-aanbod-2023.csv");
  const vraagCsv = readCsv("parkstad-vraag-ouderen-vg-2023-2040.csv");
  const supplyTable: SupplyEntry[] = aanbodCsv.map((r, i) => {
    const [categorie, zorgprofiel] = category(r.woonvorm);
    return supply(categorie, Number(r["2023"]), { groep: r.groep, zorgprofiel, jaar: 2023, cell: `C${i + 2}` });
  });
  const demandTable: DemandEntry[] = vraagCsv.flatMap((r, i) =>
    ["2023", "2030", "2040"].map((y, j) => {
      const [categorie, zorgprofiel] = category(r.woonvorm);
      return demand(categorie, Number(r[y]), { groep: r.groep, scenario: r.scenario || null, zorgprofiel, jaar: Number(y), cell: `${"DEF"[j]}${i + 2}` });
    }),
  );
  const published = (groep: string, label: string) => Number(aanbodCsv.find((r) => r.groep === groep && r.woonvorm === label)!["2023"]);
  const asked = (groep: string, scenario: string, label: string, year: string) =>
    Number(vraagCsv.find((r) => r.groep === groep && r.scenario === scenario && r.woonvorm === label)![year]);

  const norm = normaliseSupplyTable(supplyTable, DEFAULT_RULES);
  const { rows, issues } = computeTekort(norm.entries, demandTable, { batScale: null });

  test("regulier wonen is made exclusive: 117,250 − 29,313", () => {
    const regulier = norm.entries.find((e) => e.groep === "ouderen" && e.categorie === "regulier")!;
    expect(regulier.aanbod).toBe(published("ouderen", "regulier wonen") - published("ouderen", "nultreden in regulier wonen"));
    expect(regulier.aanbod).toBe(87937);
    expect(norm.issues).toHaveLength(1);
    expect(norm.issues[0]).toMatchObject({ code: "aanbod-regulier-exclusief", severity: "info", cell: "C2" });
    expect(norm.issues[0].message).toContain("(117.250) omvat de nultredenwoningen (29.313)");
    expect(supplyTable.find((e) => e.categorie === "regulier")!.aanbod).toBe(117250); // input untouched
  });

  test("per categorie, every type, year and scenario: saldo = aanbod − vraag from the published tables", () => {
    for (const scenario of ["basis", "trend"]) {
      for (const year of ["2023", "2030", "2040"]) {
        const cases: [string, Zorgprofiel | null, number, number][] = [
          ["regulier", null, published("ouderen", "regulier wonen") - published("ouderen", "nultreden in regulier wonen"), asked("ouderen", scenario, "regulier wonen", year)],
          ["nultreden", null, published("ouderen", "nultreden in regulier wonen"), asked("ouderen", scenario, "nultreden in regulier wonen", year)],
          ["geclusterd", null, published("ouderen", "geclusterd wonen"), asked("ouderen", scenario, "geclusterd wonen", year)],
          ["zorggeschikt", "SOM", published("ouderen", "zorggeschikt/woonzorgcentrum (SOM)"), asked("ouderen", scenario, "zorggeschikt/woonzorgcentrum (SOM)", year)],
          ["zorggeschikt", "PG", published("ouderen", "zorggeschikt/woonzorgcentrum (PG)"), asked("ouderen", scenario, "zorggeschikt/woonzorgcentrum (PG)", year)],
        ];
        for (const [categorie, zorgprofiel, a, v] of cases) {
          const found = pick(rows, "per categorie", categorie, { groep: "ouderen", scenario, jaar: Number(year), zorgprofiel });
          expect(found).toHaveLength(1);
          expect(found[0]).toMatchObject({ aanbod: a, vraag: v, saldo: a - v, tekort: Math.max(0, v - a) });
        }
      }
    }
  });

  test("geclusterd 2030 basis: 10,793 − 11,020", () => {
    const [row] = pick(rows, "per categorie", "geclusterd", { groep: "ouderen", scenario: "basis", jaar: 2030 });
    expect(row.saldo).toBe(10793 - 11020);
    expect(row.tekort).toBe(11020 - 10793);
  });

  test("cumulatief and na doorschuiven for ouderen basis 2030", () => {
    const y = "2030";
    const sSom = published("ouderen", "zorggeschikt/woonzorgcentrum (SOM)");
    const sPg = published("ouderen", "zorggeschikt/woonzorgcentrum (PG)");
    const dSom = asked("ouderen", "basis", "zorggeschikt/woonzorgcentrum (SOM)", y);
    const dPg = asked("ouderen", "basis", "zorggeschikt/woonzorgcentrum (PG)", y);
    const sGecl = published("ouderen", "geclusterd wonen");
    const dGecl = asked("ouderen", "basis", "geclusterd wonen", y);
    const [cum] = pick(rows, "cumulatief", "geclusterd", { groep: "ouderen", scenario: "basis", jaar: 2030 });
    expect(cum).toMatchObject({ aanbod: sGecl + sSom + sPg, vraag: dGecl + dSom + dPg, zorgprofiel: null });
    // A surplus of care places (SOM and PG together) may house clustered demand.
    const [cascZorg] = pick(rows, "na doorschuiven", "zorggeschikt", { groep: "ouderen", scenario: "basis", jaar: 2030 });
    expect(cascZorg).toMatchObject({ zorgprofiel: null, aanbod: sSom + sPg, vraag: dSom + dPg });
    const [casc] = pick(rows, "na doorschuiven", "geclusterd", { groep: "ouderen", scenario: "basis", jaar: 2030 });
    const carried = Math.max(0, sSom + sPg - dSom - dPg);
    expect(casc).toMatchObject({ aanbod: sGecl + carried, vraag: dGecl, tekort: Math.max(0, dGecl - sGecl - carried) });
  });

  test("verstandelijke beperking: geclusterd and gespikkeld compared per categorie", () => {
    const [g] = pick(rows, "per categorie", "gespikkeld", { groep: "verstandelijke beperking", scenario: "onderkant", jaar: 2040 });
    const a = published("verstandelijke beperking", "gespikkeld wonen");
    const v = asked("verstandelijke beperking", "onderkant", "gespikkeld wonen", "2040");
    expect(g).toMatchObject({ aanbod: a, vraag: v, saldo: a - v });
    expect(pick(rows, "cumulatief", "gespikkeld")).toHaveLength(0); // not an ordered type
  });

  test("groups without supply get no rows and one info issue each; totals are not compared", () => {
    const noSupply = issues.filter((i) => i.code === "geen-aanbod-groep").map((i) => i.message);
    const groups = [...new Set(vraagCsv.map((r) => r.groep))].filter((g) => !aanbodCsv.some((a) => a.groep === g));
    expect(noSupply).toEqual(groups.map((g) => `Geen aanbod voor groep '${g}'; geen tekort berekend.`));
    expect(noSupply).toContain("Geen aanbod voor groep 'statushouders'; geen tekort berekend.");
    for (const g of groups) expect(rows.some((r) => r.groep === g)).toBe(false);
    expect(rows.some((r) => r.categorie === "totaal")).toBe(false);
    expect(issues.filter((i) => i.code === "totaal-niet-vergeleken")).toHaveLength(1);
  });

  test("supply is held constant: one info issue naming the years", () => {
    const constant = issues.filter((i) => i.code === "aanbod-constant");
    expect(constant).toHaveLength(1);
    expect(constant[0].message).toBe(
      "Aanbod constant verondersteld: er zijn geen geplande wijzigingen opgegeven; het aanbod van 2023 is gebruikt voor 2030 en 2040.",
    );
  });
});

describe("matching supply to demand", () => {
  test("supply without groep (from a per-dwelling stock) serves 'ouderen' and no-groep demand only", () => {
    const s = [supply("regulier", 10), supply("nultreden", 5), supply("geclusterd", 0), supply("zorggeschikt", 0)];
    const d = [demand("geclusterd", 3), demand("geclusterd", 3, { groep: null }), demand("geclusterd", 3, { groep: "statushouders" })];
    const { rows, issues } = computeTekort(s, d, { batScale: "limburg" });
    expect(new Set(rows.map((r) => r.groep))).toEqual(new Set(["ouderen", null]));
    expect(issues.map((i) => i.message)).toContain("Geen aanbod voor groep 'statushouders'; geen tekort berekend.");
  });

  test("gebied must match; a single demand area may use area-less supply; otherwise skipped with a warning", () => {
    const s = [supply("nultreden", 50)];
    const single = computeTekort(s, [demand("nultreden", 20, { gebied: "Kerkrade" })], { batScale: null });
    expect(pick(single.rows, "per categorie", "nultreden")[0]).toMatchObject({ gebied: "Kerkrade", aanbod: 50 });
    expect(single.issues.map((i) => i.code)).toContain("aanbod-zonder-gebied");

    const two = computeTekort(s, [demand("nultreden", 20, { gebied: "Kerkrade" }), demand("nultreden", 30, { gebied: "Heerlen" })], { batScale: null });
    expect(two.rows).toEqual([]);
    expect(two.issues.filter((i) => i.code === "geen-aanbod-gebied")).toHaveLength(2);

    const perArea = [supply("nultreden", 50, { gebied: "Kerkrade" }), supply("nultreden", 70, { gebied: "Heerlen" })];
    const matched = computeTekort(perArea, [demand("nultreden", 20, { gebied: "Heerlen" })], { batScale: null });
    expect(pick(matched.rows, "per categorie", "nultreden")[0]).toMatchObject({ gebied: "Heerlen", aanbod: 70, saldo: 50 });
  });

  test("zorggeschikt is combined when the supply has dwellings without zorgprofiel", () => {
    const s = [supply("zorggeschikt", 10, { zorgprofiel: "SOM" }), supply("zorggeschikt", 5, { zorgprofiel: "PG" }), supply("zorggeschikt", 4)];
    const d = [demand("zorggeschikt", 12, { zorgprofiel: "SOM" }), demand("zorggeschikt", 9, { zorgprofiel: "PG" })];
    const { rows, issues } = computeTekort(s, d, { batScale: null });
    expect(pick(rows, "per categorie", "zorggeschikt")).toEqual([expect.objectContaining({ zorgprofiel: null, aanbod: 19, vraag: 21, saldo: -2 })]);
    expect(issues.find((i) => i.code === "zorgprofiel-samengevoegd")?.message).toContain("het aanbod niet volledig naar zorgprofiel is gesplitst");
  });

  test("a demand category without supply is compared with 0 and said so", () => {
    const { rows, issues } = computeTekort([supply("geclusterd", 8, { groep: "vg" })], [demand("gespikkeld", 6, { groep: "vg" })], { batScale: null });
    expect(pick(rows, "per categorie", "gespikkeld")[0]).toMatchObject({ aanbod: 0, vraag: 6, tekort: 6 });
    expect(issues.map((i) => i.message)).toContain("Geen aanbod voor categorie 'gespikkeld' (groep 'vg'); aanbod 0 aangenomen.");
  });

  test("with supply counted in several years, the latest count up to the demand year is used", () => {
    const s = [supply("nultreden", 100, { jaar: 2023 }), supply("nultreden", 130, { jaar: 2030 })];
    const d = [demand("nultreden", 1, { jaar: 2020 }), demand("nultreden", 1, { jaar: 2030 }), demand("nultreden", 1, { jaar: 2040 })];
    const { rows, issues } = computeTekort(s, d, { batScale: null });
    expect(pick(rows, "per categorie", "nultreden").map((r) => [r.jaar, r.aanbod])).toEqual([[2020, 100], [2030, 130], [2040, 130]]);
    expect(issues.find((i) => i.code === "aanbod-constant")?.message).toBe(
      "Aanbod constant verondersteld: er zijn geen geplande wijzigingen opgegeven; het aanbod van 2023 is gebruikt voor 2020; het aanbod van 2030 is gebruikt voor 2040.",
    );
  });

  test("BAT demand on the other scale than the stock is a 'fout' and skipped", () => {
    const s = [1, 2, 3, 4].map((b) => supply(String(b), 10, { niveau: "bat" }));
    const d = [demand("BAT1", 5, { niveau: "bat", cell: "B7" }), demand("BAT2", 5, { niveau: "bat" }), demand("nultreden", 5)];
    const { rows, issues } = computeTekort([...s, supply("nultreden", 9)], d, { batScale: "limburg" });
    expect(rows.some((r) => r.niveau === "bat")).toBe(false);
    expect(rows.some((r) => r.categorie === "nultreden")).toBe(true);
    const fout = issues.filter((i) => i.code === "schalen-gemengd");
    expect(fout).toHaveLength(1);
    expect(fout[0]).toMatchObject({ severity: "fout", sheet: "Vraag", cell: "B7" });
    expect(fout[0].message).toContain("VERA-schaal");
    expect(fout[0].message).toContain("2 cijfers zijn overgeslagen");
  });

  test("zero demand gives zero tekort in every reading", () => {
    const s = [supply("regulier", 10), supply("nultreden", 5), supply("geclusterd", 2), supply("zorggeschikt", 1)];
    const d = ["regulier", "nultreden", "geclusterd", "zorggeschikt"].map((c) => demand(c, 0));
    const { rows } = computeTekort(s, d, { batScale: null });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.tekort === 0 && r.saldo === r.aanbod)).toBe(true);
  });
});

describe("normaliseSupplyTable", () => {
  test("leaves the table unchanged when regulier is already exclusive", () => {
    const rules = parseRules({ aanbodtabel: { regulierOmvatNultreden: false } });
    if (!rules.ok) throw new Error(rules.message);
    const entries = [supply("regulier", 100), supply("nultreden", 30)];
    expect(normaliseSupplyTable(entries, rules.rules)).toEqual({ entries, issues: [] });
  });

  test("per groep and gebied; a regulier smaller than nultreden is left alone with a warning", () => {
    const entries = [
      supply("regulier", 100, { gebied: "A" }),
      supply("nultreden", 30, { gebied: "A" }),
      supply("regulier", 20, { gebied: "B" }),
      supply("nultreden", 30, { gebied: "B" }),
      supply("regulier", 50, { gebied: "C" }),
    ];
    const { entries: out, issues } = normaliseSupplyTable(entries, DEFAULT_RULES);
    expect(out.filter((e) => e.categorie === "regulier").map((e) => e.aanbod)).toEqual([70, 20, 50]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ["aanbod-regulier-exclusief", "info"],
      ["aanbod-regulier-negatief", "waarschuwing"],
    ]);
  });
});
