/**
 * Property tests for the three tekort readings on random supply and demand per category.
 */
import fc from "fast-check";
import { computeTekort, type TekortRow } from "../../src/domain/tekort";
import { batCodes } from "../../src/domain/bat";
import type { DemandEntry, Niveau, SupplyEntry } from "../../src/domain/types";

const BZK = ["regulier", "nultreden", "geclusterd", "zorggeschikt"];

interface Case {
  niveau: Niveau;
  order: string[];
  supply: number[];
  demand: number[];
}

const amount = fc.integer({ min: 0, max: 5000 });

const caseArb: fc.Arbitrary<Case> = fc.constantFrom<[Niveau, string[]]>(["bzk", BZK], ["bat", batCodes("limburg")]).chain(([niveau, order]) =>
  fc.record({
    niveau: fc.constant(niveau),
    order: fc.constant(order),
    supply: fc.array(amount, { minLength: order.length, maxLength: order.length }),
    demand: fc.array(amount, { minLength: order.length, maxLength: order.length }),
  }),
);

function run(c: Case): TekortRow[] {
  const supply: SupplyEntry[] = c.order.map((categorie, i) => ({
    niveau: c.niveau, groep: null, categorie, zorgprofiel: null, jaar: null, gebied: null, aanbod: c.supply[i], sheet: "", cell: "",
  }));
  const demand: DemandEntry[] = c.order.map((categorie, i) => ({
    niveau: c.niveau, groep: null, categorie, zorgprofiel: null, jaar: 2030, scenario: "basis", gebied: null, vraag: c.demand[i], sheet: "Vraag", cell: "B2",
  }));
  return computeTekort(supply, demand, { batScale: "limburg" }).rows;
}

const reading = (rows: TekortRow[], lezing: string) => rows.filter((r) => r.lezing === lezing);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("tekort properties", () => {
  test("every row: saldo = aanbod − vraag and tekort = max(0, vraag − aanbod)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rows = run(c);
        expect(rows).toHaveLength(3 * c.order.length);
        for (const r of rows) {
          expect(r.saldo).toBe(r.aanbod - r.vraag);
          expect(r.tekort).toBe(Math.max(0, r.vraag - r.aanbod));
        }
      }),
    );
  });

  test("cascade: per category never more unmet than per categorie; in total at least the net shortage", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rows = run(c);
        const per = reading(rows, "per categorie");
        const cascade = reading(rows, "na doorschuiven");
        for (const r of cascade) {
          const own = per.find((p) => p.categorie === r.categorie)!;
          expect(r.tekort).toBeLessThanOrEqual(own.tekort);
          expect(r.vraag).toBe(own.vraag);
          expect(r.aanbod).toBeGreaterThanOrEqual(own.aanbod);
        }
        const unmet = sum(cascade.map((r) => r.tekort));
        expect(unmet).toBeGreaterThanOrEqual(Math.max(0, sum(c.demand) - sum(c.supply)));
        expect(unmet).toBeLessThanOrEqual(sum(per.map((r) => r.tekort)));
      }),
    );
  });

  test("cascade unmet is the least possible: the largest cumulative shortage (Hall's condition)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rows = run(c);
        const worst = Math.max(0, ...reading(rows, "cumulatief").map((r) => r.tekort));
        expect(sum(reading(rows, "na doorschuiven").map((r) => r.tekort))).toBe(worst);
      }),
    );
  });

  test("cumulatief: the lowest category compares all supply with all demand, and sums nest", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const cum = reading(run(c), "cumulatief");
        expect(cum.map((r) => r.categorie)).toEqual(c.order);
        expect(cum[0].aanbod).toBe(sum(c.supply));
        expect(cum[0].vraag).toBe(sum(c.demand));
        for (let i = 1; i < cum.length; i++) {
          expect(cum[i].aanbod).toBeLessThanOrEqual(cum[i - 1].aanbod);
          expect(cum[i].vraag).toBeLessThanOrEqual(cum[i - 1].vraag);
        }
        // The highest category has nothing above it: the same in every reading.
        const top = c.order.at(-1)!;
        const rows = run(c).filter((r) => r.categorie === top);
        expect(new Set(rows.map((r) => r.tekort)).size).toBe(1);
      }),
    );
  });

  test("zero demand: zero tekort in every reading", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rows = run({ ...c, demand: c.demand.map(() => 0) });
        expect(rows.every((r) => r.tekort === 0)).toBe(true);
      }),
    );
  });

  test("more supply never increases any tekort", () => {
    fc.assert(
      fc.property(caseArb, fc.nat({ max: 10 }), amount, (c, at, extra) => {
        const i = at % c.order.length;
        const more = { ...c, supply: c.supply.map((s, j) => (j === i ? s + extra : s)) };
        const a = run(c);
        const b = run(more);
        a.forEach((r, k) => expect(b[k].tekort).toBeLessThanOrEqual(r.tekort));
      }),
    );
  });
});
