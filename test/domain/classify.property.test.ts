/**
 * Property tests for classification and supply counting on random stocks: small value domains so
 * that rows share complexes, owners, labels and declarations.
 */
import fc from "fast-check";
import { classifyStock } from "../../src/domain/classify";
import { summariseBy, summariseSupply, supplyFromDwellings } from "../../src/domain/aggregate";
import type { Rules } from "../../src/domain/rules";
import type { BatScale, StockRow } from "../../src/domain/types";
import { stockRow } from "./fixtures";
import { rulesArb } from "./rules-arbitrary";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

/** A random stock row on `scale` (BAT 5 on the Limburg scale and BAT 0 on VERA are invalid on purpose). */
function rowArb(scale: BatScale): fc.Arbitrary<StockRow> {
  return fc
    .record({
      bat: maybe(fc.integer({ min: 0, max: 5 })),
      toegankelijkheidslabel: maybe(fc.constantFrom("ZON", "GNV", "GEL", "NUL", "ROA", "ROG", "ROL", "RUI", "XYZ")),
      woonvorm: maybe(fc.constantFrom("GEC", "ZWO", "SEN")),
      complex: maybe(fc.constantFrom("A", "B", "C", "D")),
      eigenaar: maybe(fc.constantFrom("Wonen Zuid", "HEEMwonen")),
      gemeente: maybe(fc.constantFrom("Kerkrade", "Simpelveld")),
      aantal: fc.integer({ min: 1, max: 30 }),
      ontmoetingsruimte: maybe(fc.constantFrom("inpandig", "aangrenzend", "geen") as fc.Arbitrary<"inpandig" | "aangrenzend" | "geen">),
      complexgrootte: maybe(fc.integer({ min: 1, max: 60 })),
      aandeel55plus: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
      label55plus: maybe(fc.boolean()),
      wlz: maybe(fc.boolean()),
      zorgprofiel: maybe(fc.constantFrom("SOM", "PG") as fc.Arbitrary<"SOM" | "PG">),
      zelfstandig: maybe(fc.boolean()),
      segment: maybe(fc.constantFrom("sociale huur", "koop")),
    })
    .map((f) => stockRow({ ...f, batScale: f.bat === null ? null : scale }));
}

const stockArb = fc.constantFrom<BatScale>("limburg", "vera").chain((scale) =>
  fc.record({ scale: fc.constant(scale), rows: fc.array(rowArb(scale), { maxLength: 60 }), rules: rulesArb }),
);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("classification properties", () => {
  test("every input row yields exactly one dwelling, in order, and the types nest", () => {
    fc.assert(
      fc.property(stockArb, ({ rows, rules }) => {
        const { dwellings } = classifyStock(rows, rules);
        expect(dwellings).toHaveLength(rows.length);
        dwellings.forEach((d, i) => {
          expect(d.row).toEqual(rows[i]);
          if (d.zorggeschikt) expect(d.geclusterd).toBe(true);
          if (d.geclusterd) expect(d.nultreden).toBe(true);
          if (d.zorgprofiel !== null) expect(d.zorggeschikt).toBe(true);
          const highest = d.zorggeschikt ? "zorggeschikt" : d.geclusterd ? "geclusterd" : d.nultreden ? "nultreden" : null;
          if (d.bzk === "onbekend") expect(highest).toBeNull();
          else expect(d.bzk).toBe(highest ?? "regulier");
          expect(d.reden.length).toBeGreaterThan(0);
        });
      }),
    );
  });

  test("exclusive counts sum to the total; cumulative counts nest and match the exclusive ones", () => {
    fc.assert(
      fc.property(stockArb, ({ scale, rows, rules }) => {
        const { dwellings } = classifyStock(rows, rules);
        const s = summariseSupply(dwellings, scale);
        const total = sum(rows.map((r) => r.aantal));
        expect(s.eenheden).toBe(total);
        expect(sum(Object.values(s.perBzk))).toBe(total);
        expect(sum(Object.values(s.perBat))).toBe(total);
        expect(s.cumulatief.zorggeschikt).toBeLessThanOrEqual(s.cumulatief.geclusterd);
        expect(s.cumulatief.geclusterd).toBeLessThanOrEqual(s.cumulatief.nultreden);
        expect(s.cumulatief.nultreden).toBe(s.perBzk.nultreden + s.perBzk.geclusterd + s.perBzk.zorggeschikt);
        expect(s.cumulatief.zorggeschikt).toBe(s.perBzk.zorggeschikt);
        const p = s.zorggeschiktPerProfiel;
        expect(p.SOM + p.PG + p.onbekend).toBe(s.cumulatief.zorggeschikt);
        // Supply entries per niveau: bzk entries sum to all dwellings of known type.
        const entries = supplyFromDwellings(dwellings, scale);
        expect(sum(entries.filter((e) => e.niveau === "bzk").map((e) => e.aanbod))).toBe(total - s.perBzk.onbekend);
        expect(sum(entries.filter((e) => e.niveau === "bat").map((e) => e.aanbod))).toBe(total - s.perBat.onbekend);
      }),
    );
  });

  test("group summaries add up to the whole", () => {
    fc.assert(
      fc.property(stockArb, ({ scale, rows, rules }) => {
        const { dwellings } = classifyStock(rows, rules);
        const whole = summariseSupply(dwellings, scale);
        for (const key of ["eigenaar", "segment", "gemeente"] as const) {
          const groups = summariseBy(dwellings, scale, key);
          expect(sum(groups.map((g) => g.summary.eenheden))).toBe(whole.eenheden);
          expect(sum(groups.map((g) => g.summary.cumulatief.geclusterd))).toBe(whole.cumulatief.geclusterd);
          expect(new Set(groups.map((g) => g.waarde)).size).toBe(groups.length);
        }
      }),
    );
  });

  test("the order of the rows does not change any dwelling's classification", () => {
    fc.assert(
      fc.property(stockArb, ({ rows, rules }) => {
        const forward = classifyStock(rows, rules).dwellings;
        const backward = classifyStock([...rows].reverse(), rules).dwellings.reverse();
        forward.forEach((d, i) => {
          expect(backward[i].bzk).toBe(d.bzk);
          expect(backward[i].reden).toBe(d.reden);
          expect(backward[i].warnings).toEqual(d.warnings);
        });
      }),
    );
  });

  test("a stricter nultreden threshold never adds nultreden or geclusterd dwellings", () => {
    fc.assert(
      fc.property(stockArb, fc.integer({ min: 0, max: 3 }), ({ scale, rows, rules }, t) => {
        const loose: Rules = { ...rules, nultreden: { ...rules.nultreden, limburgMinBat: t, veraMinBat: t + 1 } };
        const strict: Rules = { ...rules, nultreden: { ...rules.nultreden, limburgMinBat: t + 1, veraMinBat: t + 2 } };
        const a = summariseSupply(classifyStock(rows, loose).dwellings, scale);
        const b = summariseSupply(classifyStock(rows, strict).dwellings, scale);
        expect(b.cumulatief.nultreden).toBeLessThanOrEqual(a.cumulatief.nultreden);
        expect(b.cumulatief.geclusterd).toBeLessThanOrEqual(a.cumulatief.geclusterd);
      }),
    );
  });

  test("issues are aggregated: each kind at most once (complex conflicts once per complex)", () => {
    fc.assert(
      fc.property(stockArb, ({ rows, rules }) => {
        const { issues } = classifyStock(rows, rules);
        const codes = issues.filter((i) => i.code !== "complex-tegenstrijdig").map((i) => i.code);
        expect(new Set(codes).size).toBe(codes.length);
        const complexes = new Set(rows.filter((r) => r.complex !== null).map((r) => `${r.eigenaar}/${r.complex}`));
        expect(issues.filter((i) => i.code === "complex-tegenstrijdig").length).toBeLessThanOrEqual(complexes.size);
        for (const i of issues) {
          expect(i.cell).toBeNull();
          expect(i.message).toMatch(/\.$/);
        }
      }),
    );
  });
  test("the per-row pass and the outcome made when first read agree on every outcome's tally kinds (in order) and BZK slot", () => {
    // The pass counts an outcome's issues and sets its slot without making the outcome
    // (`Classifier.assembled`); the outcome object is made later, when a report reads it, by
    // `Context.assemble`. Two codings of one rule: this holds them together.
    interface OutcomeTableInternals {
      outcomes: number;
      outcomeSlot: Int8Array;
      outcomeKinds: unknown[];
      outcomeKindsFirst: Int32Array;
      outcomeAt(k: number): { kinds: unknown[]; slot: number };
    }
    fc.assert(
      fc.property(stockArb, ({ rows, rules }) => {
        const { classified } = classifyStock(rows, rules);
        const table = classified["outcomes"] as unknown as OutcomeTableInternals;
        for (let k = 0; k < table.outcomes; k++) {
          const made = table.outcomeAt(k);
          const counted = table.outcomeKinds.slice(table.outcomeKindsFirst[k], table.outcomeKindsFirst[k + 1]);
          if (made.slot !== table.outcomeSlot[k] || made.kinds.length !== counted.length || made.kinds.some((kind, j) => kind !== counted[j])) {
            expect({ outcome: k, slot: made.slot, kinds: made.kinds }).toEqual({ outcome: k, slot: table.outcomeSlot[k], kinds: counted });
          }
        }
      }),
    );
  });
});
