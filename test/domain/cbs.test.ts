/**
 * The CBS route (src/domain/cbs.ts): largest-remainder rounding, the split of the CBS stock into
 * parts, subtraction of the corporations' BAT stock, percentage lookup and fallbacks, checks;
 * and property tests for conservation of dwellings and the absence of double counting.
 * Expected numbers are worked out by hand in the comments.
 */
import fc from "fast-check";
import {
  computeCbsRoute, splitByShares,
  type AdaptationShareEntry, type CbsRouteInput, type CbsStockEntry, type ShareSegment,
} from "../../src/domain/cbs";
import { gemeenteKey } from "../../src/domain/gemeente";
import type { AdaptationTotal } from "../../src/domain/potentieel";

let row = 5;
function stock(gemeente: string, counts: CbsStockEntry["counts"], extra: Partial<CbsStockEntry> = {}): CbsStockEntry {
  const r = row++;
  const cells = Object.fromEntries(Object.keys(counts).map((k, i) => [k, `${"CDEFGH"[i]}${r}`]));
  return { gemeente, regio: false, jaar: 2023, counts, sheet: "CBS", rowNumber: r, cells, ...extra };
}
function share(gemeente: string, segment: ShareSegment | null, g: number, p: number, o: number, regio = false): AdaptationShareEntry {
  return { gemeente, regio, segment, geschikt: g, potentieel: p, ongeschikt: o, sheet: segment ? "Tabel 6" : "Tabel 5", rowNumber: row++ };
}
function bat(gebied: string | null, segment: string | null, geschikt: number, potentieel: number, ongeschikt: number, onbekend = 0): AdaptationTotal {
  return { gebied, segment, geschikt, potentieel, ongeschikt, onbekend };
}
const run = (input: Partial<CbsRouteInput>) => computeCbsRoute({ voorraad: [], aandelen: [], corporaties: [], ...input });

describe("splitByShares", () => {
  test("Beekdaelen koop: 12,268 × 6/51/43% → 736.08, 6,256.68, 5,275.24 → the one left over goes to the largest remainder", () => {
    expect(splitByShares(12268, [6, 51, 43])).toEqual([736, 6257, 5275]);
  });

  test("rescales weights that do not add up to 100 (published rounding)", () => {
    // 1,000 × 25/101, 30/101, 46/101 = 247.52, 297.03, 455.45 → floors 247/297/455 (999), +1 to 247.52
    expect(splitByShares(1000, [25, 30, 46])).toEqual([248, 297, 455]);
  });

  test("exact values stay exact (no floating-point loss); ties go to the earlier part", () => {
    expect(splitByShares(100, [29, 29, 42])).toEqual([29, 29, 42]);
    expect(splitByShares(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(splitByShares(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitByShares(0, [14, 42, 44])).toEqual([0, 0, 0]);
  });

  test("throws on programming errors", () => {
    expect(() => splitByShares(1.5, [1, 1])).toThrow();
    expect(() => splitByShares(10, [0, 0])).toThrow();
    expect(() => splitByShares(10, [-1, 2])).toThrow();
  });
});

test("gemeenteKey matches spellings of one gemeente", () => {
  expect(gemeenteKey("Gemeente Súdwest-Fryslân")).toBe(gemeenteKey("Sudwest Fryslan"));
  expect(gemeenteKey("'s-Hertogenbosch")).toBe(gemeenteKey("s Hertogenbosch"));
  expect(gemeenteKey("Kerkrade")).not.toBe(gemeenteKey("Heerlen"));
});

describe("computeCbsRoute without BAT stock", () => {
  // Gemeente A: totaal 1,000 = koop 600 + huur 380 + 20 of unknown ownership.
  const voorraad = [stock("A", { totaal: 1000, koop: 600, huur: 380 })];
  const aandelen = [share("A", "koop", 10, 50, 40), share("A", "huur", 30, 20, 50), share("A", null, 20, 35, 45)];

  test("each part × its own percentages; unknown ownership × the gemeente's", () => {
    const r = run({ voorraad, aandelen });
    const a = r.gemeenten[0];
    // koop 600 → 60/300/240; huur 380 → 114/76/190; onbekend 20 → 4/7/9
    expect(a.delen.map((d) => [d.deel, d.woningen, d.geschikt, d.potentieel, d.ongeschikt])).toEqual([
      ["koop", 600, 60, 300, 240],
      ["huur", 380, 114, 76, 190],
      ["onbekend", 20, 4, 7, 9],
    ]);
    expect([a.cbsTotaal, a.woningen, a.geschikt, a.potentieel, a.ongeschikt, a.onbekend]).toEqual([1000, 1000, 178, 383, 439, 0]);
    expect(a.delen[0].bronTekst).toContain("blad 'Tabel 6'");
    expect(r.aannames.join(" ")).toMatch(/niets afgetrokken/);
    expect(r.jaar).toBe(2023);
  });

  test("a gemeente without a huur/koop split takes its whole-gemeente percentages for every part, and says so", () => {
    const r = run({ voorraad, aandelen: [share("A", null, 20, 35, 45)] });
    const a = r.gemeenten[0];
    // 600 → 120/210/270; 380 → 76/133/171; 20 → 4/7/9
    expect([a.geschikt, a.potentieel, a.ongeschikt]).toEqual([200, 350, 450]);
    expect(r.issues.find((i) => i.code === "cbs-percentages-gemeente")?.message).toContain("A");
  });

  test("falls back to the region's percentages (a warning), and counts 'onbekend' when there are none at all", () => {
    const regio = run({ voorraad, aandelen: [share("Totaal", "koop", 10, 50, 40, true), share("Totaal", null, 20, 35, 45, true)] });
    expect(regio.gemeenten[0].delen.map((d) => d.potentieel)).toEqual([300, 133, 7]);
    expect(regio.issues.find((i) => i.code === "cbs-percentages-regio")?.severity).toBe("waarschuwing");
    const none = run({ voorraad, aandelen: [share("B", null, 20, 35, 45)] });
    expect(none.gemeenten[0]).toMatchObject({ onbekend: 1000, geschikt: 0, potentieel: 0, ongeschikt: 0 });
    expect(none.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["cbs-percentages-ontbreken", "cbs-percentages-zonder-voorraad"]));
  });

  test("the region row of the stock is checked, never counted; the region estimate uses the region's own percentages", () => {
    // Parkstad (Toekomstvisie §4.2): 28% of 131,118 dwellings = 36,713.04 → 36,713 potentially suitable.
    const rows = [
      stock("X", { totaal: 100_000, koop: 60_000, huur: 40_000 }),
      stock("Y", { totaal: 31_118, koop: 14_284, huur: 16_465 }),
      stock("Regio (totaal)", { totaal: 131_118, koop: 74_284, huur: 56_466 }, { regio: true }),
    ];
    const r = run({ voorraad: rows, aandelen: [share("Regio (totaal)", null, 25, 28, 47, true)] });
    expect(r.gemeenten.map((g) => g.gemeente)).toEqual(["X", "Y"]);
    expect(r.totaal.cbsTotaal).toBe(131_118);
    expect(r.regio).toMatchObject({ naam: "Regio (totaal)", woningen: 131_118, potentieel: 36_713 });
    const check = r.issues.filter((i) => i.code === "cbs-regio-klopt-niet");
    expect(check).toHaveLength(1); // huur: 56,466 against 40,000 + 16,465
    expect(check[0]).toMatchObject({ sheet: "CBS", cell: rows[2].cells.huur });
  });

  test("Tabel 5 and Tabel 6 that disagree by more than two points get an info message", () => {
    // Segment route: koop 600 × 50% + huur 380 × 20% + 20 × 10% = 378 of 1,000 = 37.8% potentieel against 10% published.
    const r = run({ voorraad, aandelen: [share("A", "koop", 10, 50, 40), share("A", "huur", 30, 20, 50), share("A", null, 45, 10, 45)] });
    const info = r.issues.find((i) => i.code === "cbs-percentages-wijken-af");
    expect(info?.severity).toBe("info");
    expect(info?.message).toContain("potentieel 37,8% tegen 10%");
    expect(run({ voorraad, aandelen }).issues.some((i) => i.code === "cbs-percentages-wijken-af")).toBe(true);
    // The whole-gemeente figures 20/35/45 of `aandelen` are 3.3 points off in potentieel (38.3%);
    // figures consistent with the segment route (17.8/38.3/43.9 → 18/38/44) give no message.
    const consistent = run({ voorraad, aandelen: [...aandelen.slice(0, 2), share("A", null, 18, 38, 44)] });
    expect(consistent.issues.some((i) => i.code === "cbs-percentages-wijken-af")).toBe(false);
  });

  test("several years: the latest per gemeente; a duplicate is reported", () => {
    const r = run({
      voorraad: [stock("A", { koop: 10, huur: 10 }, { jaar: 2022 }), stock("A", { koop: 20, huur: 20 }, { jaar: 2023 }), stock("A", { koop: 30, huur: 30 }, { jaar: 2023 })],
      aandelen,
    });
    expect(r.gemeenten).toHaveLength(1);
    expect(r.gemeenten[0].cbsTotaal).toBe(40);
    expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["cbs-jaar-ouder", "cbs-dubbel"]));
  });
});

describe("computeCbsRoute with the corporations' BAT stock", () => {
  const aandelen = [share("A", "koop", 10, 50, 40), share("A", "huur", 30, 20, 50), share("A", null, 20, 35, 45)];

  test("subtracts the BAT stock from huur and counts it with its own assessment: nothing twice", () => {
    const r = run({
      voorraad: [stock("A", { totaal: 1000, koop: 600, huur: 380 })],
      aandelen,
      corporaties: [bat("A", "huur", 50, 20, 25, 5)],
    });
    const a = r.gemeenten[0];
    // huur 380 − 100 = 280 → 84/56/140; BAT part 50/20/25/5
    expect(a.delen.map((d) => [d.deel, d.cbsVoorraad, d.afgetrokken, d.woningen, d.geschikt, d.potentieel, d.ongeschikt, d.onbekend])).toEqual([
      ["koop", 600, 0, 600, 60, 300, 240, 0],
      ["huur", 380, 100, 280, 84, 56, 140, 0],
      ["onbekend", 20, 0, 20, 4, 7, 9, 0],
      ["corporaties", null, 0, 100, 50, 20, 25, 5],
    ]);
    expect([a.cbsTotaal, a.batVoorraad, a.afgetrokken, a.woningen]).toEqual([1000, 100, 100, 1000]);
    expect([a.geschikt, a.potentieel, a.ongeschikt, a.onbekend]).toEqual([198, 383, 414, 5]);
    expect(r.aannames.join(" ")).toMatch(/afgetrokken/);
  });

  test("with a corporatie/particulier split the BAT stock comes off the corporations' part; particulier takes the huur percentages", () => {
    const r = run({
      voorraad: [stock("A", { totaal: 1000, koop: 600, huur: 380, corporatie: 250 })],
      aandelen,
      corporaties: [bat("A", "sociale huur", 100, 50, 50)],
    });
    const parts = Object.fromEntries(r.gemeenten[0].delen.map((d) => [d.deel, d]));
    expect(Object.keys(parts)).toEqual(["koop", "corporatie", "particulier", "onbekend", "corporaties"]);
    expect(parts.corporatie).toMatchObject({ cbsVoorraad: 250, afgetrokken: 200, woningen: 50 });
    expect(parts.particulier).toMatchObject({ cbsVoorraad: 130, afgetrokken: 0, geschikt: 39, potentieel: 26, ongeschikt: 65 });
    expect(r.gemeenten[0].woningen).toBe(1000);
  });

  test("BAT rows with segment koop come off koop", () => {
    const r = run({ voorraad: [stock("A", { koop: 600, huur: 400 })], aandelen, corporaties: [bat("A", "koop", 10, 0, 0), bat("A", "huur", 0, 0, 40)] });
    const parts = r.gemeenten[0].delen;
    expect(parts.map((d) => d.afgetrokken)).toEqual([10, 40, 0]);
    expect(r.gemeenten[0].woningen).toBe(1000);
  });

  test("a BAT stock larger than the CBS huur: subtract what is there, warn, and show the excess", () => {
    const r = run({ voorraad: [stock("A", { totaal: 1000, koop: 600, huur: 380 })], aandelen, corporaties: [bat("A", "huur", 400, 0, 0)] });
    const a = r.gemeenten[0];
    expect([a.afgetrokken, a.batVoorraad, a.woningen]).toEqual([380, 400, 1020]);
    expect(r.issues.find((i) => i.code === "cbs-bat-groter")?.message).toContain("20 woningen meer");
  });

  test("BAT dwellings without gemeente or in a gemeente the CBS table lacks are not subtracted, with a warning", () => {
    const r = run({
      voorraad: [stock("Gemeente A", { koop: 600, huur: 400 })],
      aandelen,
      corporaties: [bat(null, "huur", 7, 0, 0), bat("B", "huur", 3, 0, 0), bat("a", "huur", 0, 5, 0)],
    });
    expect(r.gemeenten[0]).toMatchObject({ batVoorraad: 5, afgetrokken: 5, woningen: 1000 });
    expect(r.issues.find((i) => i.code === "cbs-bat-zonder-gemeente")?.message).toContain("7 woningen");
    expect(r.issues.find((i) => i.code === "cbs-bat-gemeente-ontbreekt")?.message).toContain("B (3)");
  });
});

describe("properties", () => {
  type Pct = readonly [number, number, number];
  interface Gem {
    koop: number;
    huur: number;
    onbekend: number;
    batFraction: number;
    batSplit: [number, number, number, number];
    pKoop: Pct | undefined;
    pHuur: Pct | undefined;
    pAll: Pct;
  }
  const pct: fc.Arbitrary<Pct> = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).filter(([a, b]) => a + b <= 100).map(([a, b]) => [a, b, 100 - a - b] as const);
  const gemeente: fc.Arbitrary<Gem> = fc.record({
    koop: fc.integer({ min: 0, max: 50_000 }),
    huur: fc.integer({ min: 0, max: 50_000 }),
    onbekend: fc.integer({ min: 0, max: 300 }),
    batFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    batSplit: fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(10)),
    pKoop: fc.option(pct, { nil: undefined }),
    pHuur: fc.option(pct, { nil: undefined }),
    pAll: pct,
  });

  /**
   * The checks of one property run, each as [what, value] beside [what, what it must be],
   * compared with one `expect` at the end ({@link Checks.assert}): a Jest `expect` per check
   * (about 40,000 per property) was most of these tests' time. A failure lists the checks that
   * differ, by name; fast-check shrinks on it as before.
   */
  class Checks {
    private readonly actual: [string, unknown][] = [];
    private readonly wanted: [string, unknown][] = [];
    /** `value` must equal `must` (Object.is for numbers, as `toBe`). */
    is(what: string, value: unknown, must: unknown): void {
      this.actual.push([what, value]);
      this.wanted.push([what, must]);
    }
    /** `ok` must hold (e.g. a bound). */
    holds(what: string, ok: boolean): void {
      this.is(what, ok, true);
    }
    assert(): void {
      expect(this.actual).toEqual(this.wanted);
    }
  }

  function build(gs: Gem[], withBat: boolean): CbsRouteInput {
    const voorraad: CbsStockEntry[] = [];
    const aandelen: AdaptationShareEntry[] = [];
    const corporaties: AdaptationTotal[] = [];
    gs.forEach((g, i) => {
      const name = `G${i}`;
      voorraad.push(stock(name, { totaal: g.koop + g.huur + g.onbekend, koop: g.koop, huur: g.huur }));
      if (g.pKoop) aandelen.push(share(name, "koop", ...g.pKoop));
      if (g.pHuur) aandelen.push(share(name, "huur", ...g.pHuur));
      aandelen.push(share(name, null, ...g.pAll));
      if (withBat) {
        // A BAT stock of at most the CBS huur, split over the outcomes at random.
        const n = Math.floor(g.huur * g.batFraction);
        const w = g.batSplit.some((x) => x > 0) ? [...g.batSplit] : [1, 0, 0, 0];
        const [a, b, c, d] = splitByShares(n, w);
        corporaties.push(bat(name, "huur", a, b, c, d));
      }
    });
    return { voorraad, aandelen, corporaties };
  }

  test("conservation: per part geschikt + potentieel + ongeschikt (+ onbekend) = dwellings, each within 1 of exact; per gemeente the CBS total", () => {
    fc.assert(
      fc.property(fc.array(gemeente, { minLength: 1, maxLength: 6 }), fc.boolean(), (gs, withBat) => {
        const input = build(gs, withBat);
        const r = computeCbsRoute(input);
        const c = new Checks();
        c.is("number of gemeenten", r.gemeenten.length, gs.length);
        r.gemeenten.forEach((g, i) => {
          g.delen.forEach((d, j) => {
            const at = `gemeente ${i} deel ${j}`;
            c.is(`${at}: geschikt + potentieel + ongeschikt + onbekend`, d.geschikt + d.potentieel + d.ongeschikt + d.onbekend, d.woningen);
            for (const [k, x] of [d.geschikt, d.potentieel, d.ongeschikt].entries()) c.holds(`${at}: outcome ${k} a whole number >= 0`, Number.isInteger(x) && x >= 0);
            if (d.bron === "cbs") {
              c.is(`${at}: woningen`, d.woningen, d.cbsVoorraad! - d.afgetrokken);
              const p = d.percentages!;
              const s = p.geschikt + p.potentieel + p.ongeschikt;
              c.holds(`${at}: potentieel within 1 of exact`, Math.abs(d.potentieel - (d.woningen * p.potentieel) / s) < 1);
              c.holds(`${at}: geschikt within 1 of exact`, Math.abs(d.geschikt - (d.woningen * p.geschikt) / s) < 1);
            }
          });
          const sum = (k: "geschikt" | "potentieel" | "ongeschikt" | "onbekend" | "woningen") => g.delen.reduce((a, d) => a + d[k], 0);
          c.is(`gemeente ${i}: totals = sums of the parts`, [g.geschikt, g.potentieel, g.ongeschikt, g.onbekend, g.woningen], [sum("geschikt"), sum("potentieel"), sum("ongeschikt"), sum("onbekend"), sum("woningen")]);
          c.is(`gemeente ${i}: geschikt + potentieel + ongeschikt + onbekend`, g.geschikt + g.potentieel + g.ongeschikt + g.onbekend, g.woningen);
          c.is(`gemeente ${i}: cbsTotaal`, g.cbsTotaal, gs[i].koop + gs[i].huur + gs[i].onbekend);
        });
        c.is("totaal woningen", r.totaal.woningen, r.gemeenten.reduce((a, g) => a + g.woningen, 0));
        c.assert();
      }),
      { numRuns: 300 },
    );
  });

  test("no double counting: corporations (BAT) + the rest (CBS) = the CBS total when the BAT stock fits in the CBS huur", () => {
    fc.assert(
      fc.property(fc.array(gemeente, { minLength: 1, maxLength: 6 }), (gs) => {
        const input = build(gs, true);
        const r = computeCbsRoute(input);
        const c = new Checks();
        r.gemeenten.forEach((g, i) => {
          const batPart = g.delen.filter((d) => d.bron === "bat").reduce((a, d) => a + d.woningen, 0);
          const rest = g.delen.filter((d) => d.bron === "cbs").reduce((a, d) => a + d.woningen, 0);
          const batIn = input.corporaties[i];
          const batCount = batIn.geschikt + batIn.potentieel + batIn.ongeschikt + batIn.onbekend;
          c.is(`gemeente ${i}: BAT part`, batPart, batCount);
          c.is(`gemeente ${i}: afgetrokken`, g.afgetrokken, batCount);
          c.is(`gemeente ${i}: BAT part + rest`, batPart + rest, g.cbsTotaal);
          c.is(`gemeente ${i}: woningen`, g.woningen, g.cbsTotaal);
          // The BAT part keeps its own assessment, untouched.
          const own = g.delen.find((d) => d.bron === "bat");
          if (batCount > 0) {
            c.is(
              `gemeente ${i}: the BAT part's own assessment`,
              own && [own.geschikt, own.potentieel, own.ongeschikt, own.onbekend],
              [batIn.geschikt, batIn.potentieel, batIn.ongeschikt, batIn.onbekend],
            );
          }
        });
        c.is("a cbs-bat-groter issue", r.issues.some((x) => x.code === "cbs-bat-groter"), false);
        c.assert();
      }),
      { numRuns: 300 },
    );
  });

  test("a BAT stock beyond the CBS huur: the excess is exactly what the result counts above the CBS total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 10_000 }), (koop, huur, batN) => {
        const r = run({ voorraad: [stock("A", { koop, huur })], aandelen: [share("A", null, 20, 30, 50)], corporaties: [bat("A", "huur", batN, 0, 0)] });
        const g = r.gemeenten[0];
        expect(g.afgetrokken).toBe(Math.min(batN, huur));
        expect(g.woningen - g.cbsTotaal).toBe(batN - g.afgetrokken);
        expect(r.issues.some((x) => x.code === "cbs-bat-groter")).toBe(batN > huur);
      }),
      { numRuns: 200 },
    );
  });
});
