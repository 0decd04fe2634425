/**
 * The what-if engine: a scenario without levers is the baseline; the scenario's supply equals a
 * full re-classification of the stock with the same changes made to the rows; more adaptation
 * or more meeting rooms never increases a shortage in the readings where that must hold; and a
 * recompute on 100,000 dwellings classifies nothing again (its speed: `npm run bench`).
 */
import fc from "fast-check";
import * as classifyModule from "../../src/domain/classify";
import { classifyStock } from "../../src/domain/classify";
import * as complexesModule from "../../src/domain/complexes";
import { assessAdaptation } from "../../src/domain/potentieel";
import { summariseSupply, supplyFromDwellings } from "../../src/domain/aggregate";
import { computeTekort, type TekortRow } from "../../src/domain/tekort";
import { findClusterCandidates, fixClusterRow } from "../../src/domain/clustering";
import { findCareCandidates, withWlz } from "../../src/domain/zorgpotentieel";
import { computeWhatIf, prepareWhatIf, type WhatIfInput, type WhatIfParams } from "../../src/domain/whatif";
import { DEFAULT_RULES, type Rules } from "../../src/domain/rules";
import type { DemandEntry, StockRow } from "../../src/domain/types";
import { complexRows, stockRow } from "./fixtures";
import { stockArb } from "./stock-arbitrary";

// The recompute test spies on exports of these two modules. The test transform (swc,
// jest.transform.js) exports a module's bindings as getters that cannot be redefined, so each is
// replaced by a plain copy of itself, which the engine imports too (`__esModule` keeps the copy
// from being wrapped again on `import * as`). Nothing else changes: the functions are the real ones.
jest.mock("../../src/domain/classify", () => ({ __esModule: true, ...jest.requireActual("../../src/domain/classify") }));
jest.mock("../../src/domain/complexes", () => ({ __esModule: true, ...jest.requireActual("../../src/domain/complexes") }));

const BZK = ["regulier", "nultreden", "geclusterd", "zorggeschikt"];
const BAT = ["0", "1", "2", "3", "4"];

function demand(bzk: number[], bat: number[], jaar = 2030): DemandEntry[] {
  const e = (niveau: "bzk" | "bat", categorie: string, vraag: number): DemandEntry => ({
    niveau, groep: null, categorie, zorgprofiel: null, jaar, scenario: "basis", gebied: null, vraag, sheet: "Vraag", cell: "B2",
  });
  return [...BZK.map((c, i) => e("bzk", c, bzk[i])), ...BAT.map((c, i) => e("bat", c, bat[i]))];
}

function inputOf(rows: StockRow[], dem: DemandEntry[], rules: Rules = DEFAULT_RULES): WhatIfInput {
  const dwellings = classifyStock(rows, rules).classified;
  return {
    dwellings,
    adapted: assessAdaptation(dwellings, rules).perDwelling,
    rules,
    batScale: "limburg",
    supplySource: "voorraad",
    supply: supplyFromDwellings(dwellings, "limburg"),
    demand: dem,
    plannen: [],
    clustering: findClusterCandidates(dwellings, rules),
    zorgpotentieel: findCareCandidates(dwellings, rules),
  };
}

const NONE: WhatIfParams = { aanpassenPercentage: 0, ontmoetingsruimten: 0, wlzComplexen: 0 };
const amounts = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 5 });
const key = (t: TekortRow) => [t.lezing, t.niveau, t.categorie, t.zorgprofiel, t.jaar].join("|");

describe("what-if: unit", () => {
  test("adapting 50% of 10 potentieel houses moves 5 dwellings from regulier to nultreden and BAT 0 to BAT 1", () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => stockRow({ id: `H${i}`, bat: 0, woningtype: "Grondgebonden >1 bouwlaag", segment: "huur", segmentSoort: "huur" })),
      ...Array.from({ length: 4 }, (_, i) => stockRow({ id: `F${i}`, bat: 0, woningtype: "Gestapeld zonder lift", bouwlaag: 2, segment: "huur", segmentSoort: "huur" })),
    ];
    const base = prepareWhatIf(inputOf(rows, demand([0, 20, 0, 0], [0, 20, 0, 0, 0])));
    const r = computeWhatIf(base, { ...NONE, aanpassenPercentage: 50 }, { trace: true });
    expect(r.aanpassing).toEqual([{ segment: "huur", percentage: 50, potentieel: 10, aangepast: 5, naarNultreden: 5, naarGeclusterd: 0, naarZorggeschikt: 0 }]);
    expect(r.aanbod.scenario.perBzk).toMatchObject({ regulier: 9, nultreden: 5 });
    expect(r.aanbod.scenario.perBat).toMatchObject({ "0": 9, "1": 5 });
    const row = r.tekort.find((t) => t.lezing === "per categorie" && t.niveau === "bzk" && t.categorie === "nultreden")!;
    expect(row).toMatchObject({ aanbod: 5, vraag: 20, tekort: 15, basisAanbod: 0, basisTekort: 20, verschilTekort: -5 });
    expect(r.aangepasteWoningen!.map((w) => rows[w.rij].id)).toEqual(["H0", "H1", "H2", "H3", "H4"]);
  });

  test("a meeting room in the best candidate: the complex's nultreden dwellings become geclusterd, traced per complex", () => {
    const senior = { ontmoetingsruimte: "geen" as const, aandeel55plus: 0.7, wlz: false, segment: "huur", segmentSoort: "huur" as const };
    const rows = [...complexRows(20, { ...senior, complex: "A", bat: 1 }), ...complexRows(12, { ...senior, complex: "B", bat: 2 })];
    const base = prepareWhatIf(inputOf(rows, demand([0, 0, 25, 0], [0, 0, 0, 0, 0])));
    const r = computeWhatIf(base, { ...NONE, ontmoetingsruimten: 1 });
    expect(r.ontmoetingsruimten).toEqual([{ complex: "A", eigenaar: null, gemeente: null, erbijGeclusterd: 20, erbijZorggeschikt: 0 }]);
    const g = r.tekort.find((t) => t.lezing === "per categorie" && t.categorie === "geclusterd")!;
    expect(g).toMatchObject({ aanbod: 20, tekort: 5, basisTekort: 25 });
    // k beyond the candidates is clamped.
    expect(computeWhatIf(base, { ...NONE, ontmoetingsruimten: 9 }).parameters.ontmoetingsruimten).toBe(2);
  });

  test("a percentage per segment overrides the general one", () => {
    const rows = ["huur", "koop"].flatMap((s) =>
      Array.from({ length: 10 }, () => stockRow({ bat: 0, woningtype: "Grondgebonden =1 bouwlaag", segment: s, segmentSoort: s as "huur" | "koop" })),
    );
    const base = prepareWhatIf(inputOf(rows, []));
    const r = computeWhatIf(base, { ...NONE, aanpassenPercentage: 20, aanpassenPerSegment: { koop: 70 } });
    expect(r.aanpassing.map((s) => [s.segment, s.aangepast])).toEqual([["huur", 2], ["koop", 7]]);
  });
});

describe("what-if: properties", () => {
  test("no levers: the scenario is the baseline, and the baseline is computeTekort on the counted supply", () => {
    fc.assert(
      fc.property(stockArb(), amounts, amounts, (rows, bzk, bat) => {
        const input = inputOf(rows, demand(bzk, bat));
        const r = computeWhatIf(prepareWhatIf(input), NONE);
        const direct = computeTekort(supplyFromDwellings(input.dwellings, "limburg"), [...input.demand], { batScale: "limburg" }).rows;
        const strip = (t: (typeof r.tekort)[number]): TekortRow => {
          const { basisAanbod: _a, basisSaldo: _s, basisTekort: _t, verschilTekort: _v, ...rest } = t;
          return rest;
        };
        expect(r.tekort.map(strip)).toEqual(direct);
        for (const t of r.tekort) {
          expect([t.basisAanbod, t.basisTekort, t.verschilTekort]).toEqual([t.aanbod, t.tekort, 0]);
        }
        expect(r.aanbod.scenario).toEqual(summariseSupply(input.dwellings, "limburg"));
        expect(r.aanbod.basis).toEqual(r.aanbod.scenario);
      }),
      { numRuns: 100 },
    );
  });

  test("the scenario's supply equals classifying the stock again with the same dwellings adapted and complexes fixed", () => {
    fc.assert(
      fc.property(stockArb(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (rows, x, k, m) => {
        const input = inputOf(rows, []);
        const base = prepareWhatIf(input);
        const r = computeWhatIf(base, { aanpassenPercentage: x, ontmoetingsruimten: k, wlzComplexen: m }, { trace: true });
        // Build the changed stock: split partly adapted rows, raise the BAT of adapted dwellings.
        const adapted = new Map(r.aangepasteWoningen!.map((w) => [w.rij, w.aantal]));
        const rooms = input.clustering.filter((c) => c.criterium === "ontmoetingsruimte" && c.soort === "ontbreekt").slice(0, k);
        const care = input.zorgpotentieel.filter((c) => c.soort === "ontbreekt").slice(0, m);
        const fix = new Map<number, (row: StockRow) => StockRow>();
        for (const c of rooms) for (const i of c.rijen) fix.set(i, (row) => fixClusterRow(c, row));
        for (const c of care) for (const i of c.rijen) fix.set(i, withWlz);
        const changed: StockRow[] = [];
        rows.forEach((row, i) => {
          const f = fix.get(i) ?? ((x2: StockRow) => x2);
          const n = adapted.get(i) ?? 0;
          if (n > 0) changed.push(f({ ...row, aantal: n, bat: 1, batScale: "limburg" }));
          if (row.aantal - n > 0) changed.push(f({ ...row, aantal: row.aantal - n }));
        });
        expect(r.aanbod.scenario).toEqual(summariseSupply(classifyStock(changed, DEFAULT_RULES).dwellings, "limburg"));
        // Adapted dwellings per segment: round(x% of the potentieel ones).
        for (const s of r.aanpassing) expect(s.aangepast).toBe(Math.round((x / 100) * s.potentieel));
        expect(r.ontmoetingsruimten.map((c) => c.complex)).toEqual(rooms.map((c) => c.complex));
      }),
      { numRuns: 100 },
    );
  });

  test("classifying the adapted stock in batches of whole complexes gives the same scenario as in one go", () => {
    fc.assert(
      fc.property(stockArb(), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 3 }), (rows, batchRows, x, k) => {
        const input = inputOf(rows, []);
        const params = { aanpassenPercentage: x, ontmoetingsruimten: k, wlzComplexen: 0 };
        const whole = computeWhatIf(prepareWhatIf(input, { batchRows: 1e9 }), params, { trace: true });
        const batched = computeWhatIf(prepareWhatIf(input, { batchRows }), params, { trace: true });
        expect(batched.aanbod).toEqual(whole.aanbod);
        expect(batched.aanpassing).toEqual(whole.aanpassing);
        expect(batched.aangepasteWoningen).toEqual(whole.aangepasteWoningen);
      }),
      { numRuns: 100 },
    );
  });

  test("more adaptation never increases a tekort (cumulatief; na doorschuiven above the lowest class and in total; per categorie above the lowest class)", () => {
    fc.assert(
      fc.property(stockArb(), amounts, amounts, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 3 }), (rows, bzk, bat, a, b, k) => {
        const base = prepareWhatIf(inputOf(rows, demand(bzk, bat)));
        const lo = computeWhatIf(base, { ...NONE, aanpassenPercentage: Math.min(a, b), ontmoetingsruimten: k });
        const hi = computeWhatIf(base, { ...NONE, aanpassenPercentage: Math.max(a, b), ontmoetingsruimten: k });
        const less = new Map(lo.tekort.map((t) => [key(t), t]));
        for (const t of hi.tekort) {
          const l = less.get(key(t))!;
          const lowest = t.categorie === "regulier" || t.categorie === "0";
          if (t.lezing === "cumulatief" || !lowest) expect(t.tekort).toBeLessThanOrEqual(l.tekort);
        }
        for (const niveau of ["bzk", "bat"]) {
          const total = (res: typeof lo) => res.tekort.filter((t) => t.lezing === "na doorschuiven" && t.niveau === niveau).reduce((s, t) => s + t.tekort, 0);
          expect(total(hi)).toBeLessThanOrEqual(total(lo));
        }
      }),
      { numRuns: 100 },
    );
  });

  test("more meeting rooms or Wlz complexes never increase a cumulatief tekort or the total unmet demand", () => {
    fc.assert(
      fc.property(stockArb(), amounts, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), (rows, bzk, x, k, m) => {
        const base = prepareWhatIf(inputOf(rows, demand(bzk, [0, 0, 0, 0, 0])));
        const lo = computeWhatIf(base, { aanpassenPercentage: x, ontmoetingsruimten: k, wlzComplexen: m });
        const hi = computeWhatIf(base, { aanpassenPercentage: x, ontmoetingsruimten: k + 1, wlzComplexen: m + 1 });
        const less = new Map(lo.tekort.map((t) => [key(t), t]));
        for (const t of hi.tekort) if (t.lezing === "cumulatief") expect(t.tekort).toBeLessThanOrEqual(less.get(key(t))!.tekort);
        const total = (res: typeof lo) => res.tekort.filter((t) => t.lezing === "na doorschuiven" && t.niveau === "bzk").reduce((s, t) => s + t.tekort, 0);
        expect(total(hi)).toBeLessThanOrEqual(total(lo));
      }),
      { numRuns: 100 },
    );
  });
});

test("100,000 dwellings: a recompute classifies nothing again (its speed is in npm run bench; times printed with WHATIF_TIMES=1)", () => {
  const rows: StockRow[] = [];
  const forms = ["Grondgebonden >1 bouwlaag", "Gestapeld met lift", "Gestapeld zonder lift", "Grondgebonden =1 bouwlaag"];
  for (let c = 0; c < 5000; c++) {
    const room = c % 7 === 0 ? "geen" : c % 3 === 0 ? "inpandig" : null;
    for (let j = 0; j < 20; j++) {
      rows.push(stockRow({
        id: `V${c}-${j}`, complex: `C${c}`, bat: (c * 7 + j * 3) % 5, woningtype: forms[c % 4], bouwlaag: j % 3,
        segment: c % 5 === 0 ? "koop" : "huur", segmentSoort: c % 5 === 0 ? "koop" : "huur",
        ontmoetingsruimte: room, aandeel55plus: c % 2 === 0 ? 0.6 : 0.3, wlz: c % 11 === 0,
      }));
    }
  }
  const times: number[] = [];
  // Every way the engine classifies or collects complexes: classifySlotsAt is what it calls now
  // (src/domain/whatif.ts), classifyStock/classifySlots what it called before.
  const spies = [
    jest.spyOn(classifyModule, "classifyStock"),
    jest.spyOn(classifyModule, "classifySlots"),
    jest.spyOn(classifyModule, "classifySlotsAt"),
    jest.spyOn(complexesModule, "collectComplexes"),
  ];
  const [stock, slots, slotsAt, complexes] = spies;
  try {
    const base = prepareWhatIf(inputOf(rows, demand([30000, 20000, 8000, 3000], [30000, 20000, 8000, 3000, 1000])));
    // The spies see the engine's calls: preparing classifies the pool and collects the complexes.
    expect(slotsAt).toHaveBeenCalled();
    expect(complexes).toHaveBeenCalled();
    for (const spy of spies) spy.mockClear();
    for (const x of [10, 35, 60, 100, 20, 45, 70, 5]) {
      const t0 = performance.now();
      const r = computeWhatIf(base, { aanpassenPercentage: x, ontmoetingsruimten: 50, wlzComplexen: 20 });
      times.push(performance.now() - t0);
      expect(r.aanpassing.reduce((s, a) => s + a.aangepast, 0)).toBeGreaterThan(0);
      expect(r.ontmoetingsruimten.length + r.wlz.length).toBeGreaterThan(0);
    }
    // Per input change only the touched dwellings move between supply slots: no classification.
    expect(stock).not.toHaveBeenCalled();
    expect(slots).not.toHaveBeenCalled();
    expect(slotsAt).not.toHaveBeenCalled();
    expect(complexes).not.toHaveBeenCalled();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  if (process.env.WHATIF_TIMES) console.log(times);
});
