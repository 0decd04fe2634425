/**
 * The reason texts made when first read (classify.ts: `lazyPart`, `combine`) against the texts
 * made at once, as before: test/domain/reference/classify-eager.ts is classify.ts as it was
 * before the texts became lazy (commit f8b17eb), kept only as this reference. On random stocks
 * (every fact the texts name: complexes with conflicting facts, declarations, labels, out-of-range
 * BAT values, rural gemeenten, Wlz, zelfstandig, zorgprofiel) under random rules, and on the
 * bench's generated stock (scripts/bench/generate.js), every dwelling's type, flags, reason and
 * warnings, every issue (text, order, examples) and the slots are the same; the texts do not
 * depend on the order in which outcomes are read; every row with one outcome gets the same
 * frozen warnings array on every read.
 */
import fc from "fast-check";
import { classifyStock } from "../../src/domain/classify";
import { classifyStock as classifyEager } from "./reference/classify-eager";
import { parseRules, DEFAULT_RULES, type Rules } from "../../src/domain/rules";
import { StockRowReader } from "../../src/ingest/stock";
import type { BatScale, StockRow } from "../../src/domain/types";
import { stockRow } from "./fixtures";

const { stockRows, HEADERS } = require("../../scripts/bench/generate.js") as {
  stockRows: (size: number) => Iterable<unknown[]>;
  HEADERS: string[];
};

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

/** Rows that share complexes (so that their facts conflict), with every fact a text names. */
function rowArb(scale: BatScale): fc.Arbitrary<StockRow> {
  return fc
    .record({
      bat: maybe(fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 2.5)),
      toegankelijkheidslabel: maybe(fc.constantFrom("ZON", "GNV", "NUL", "ROA", "ROL", "XYZ")),
      woonvorm: maybe(fc.constantFrom("GEC", "ZWO", "SEN")),
      complex: maybe(fc.constantFrom("A", "B", "C")),
      gemeente: maybe(fc.constantFrom("Kerkrade", "Simpelveld")),
      aantal: fc.integer({ min: 1, max: 20 }),
      ontmoetingsruimte: maybe(fc.constantFrom("inpandig", "aangrenzend", "geen") as fc.Arbitrary<"inpandig" | "aangrenzend" | "geen">),
      complexgrootte: maybe(fc.integer({ min: 1, max: 40 })),
      aandeel55plus: maybe(fc.constantFrom(0.2, 0.5, 0.75, 1)),
      label55plus: maybe(fc.boolean()),
      wlz: maybe(fc.boolean()),
      zorgprofiel: maybe(fc.constantFrom("SOM", "PG") as fc.Arbitrary<"SOM" | "PG">),
      zelfstandig: maybe(fc.boolean()),
    })
    .map((f) => stockRow({ ...f, batScale: f.bat === null ? null : scale }));
}

const rulesArb: fc.Arbitrary<Rules> = fc
  .record({
    geclusterd: fc.record({
      minWoningen: fc.integer({ min: 1, max: 30 }),
      landelijkeGemeenten: fc.constantFrom([], ["Simpelveld"]),
      minWoningenLandelijk: fc.integer({ min: 1, max: 12 }),
      ontmoetingsruimteAangrenzendTelt: fc.boolean(),
      label55plusAlsAandeelOnbekend: fc.boolean(),
    }),
    zorggeschikt: fc.record({ wlzVereist: fc.boolean(), zelfstandigVereist: fc.boolean() }),
    woonvormGedeclareerd: fc.constantFrom("bewijs", "negeren"),
  })
  .map((json) => {
    const r = parseRules(json);
    if (!r.ok) throw new Error(r.message);
    return r.rules;
  });

/** Classifies `rows` both ways and compares everything a reader sees; `reverse` reads the lazy
 * outcomes from the last row to the first, warnings before reasons. */
function expectSameAsEager(rows: StockRow[], rules: Rules, reverse: boolean): void {
  const lazy = classifyStock(rows, rules);
  const eager = classifyEager(rows, rules);
  const n = rows.length;
  const read: { reden: string; warnings: string[] }[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = reverse ? n - 1 - k : k;
    const o = lazy.classified.outcome(i);
    if (reverse) {
      const warnings = o.warnings;
      read[i] = { reden: o.reden, warnings };
    } else read[i] = { reden: o.reden, warnings: o.warnings };
  }
  for (let i = 0; i < n; i++) {
    const e = eager.classified.outcome(i);
    const o = lazy.classified.outcome(i);
    expect({ bzk: o.bzk, n: o.nultreden, g: o.geclusterd, z: o.zorggeschikt }).toEqual({ bzk: e.bzk, n: e.nultreden, g: e.geclusterd, z: e.zorggeschikt });
    expect(read[i].reden).toBe(e.reden);
    expect(read[i].warnings).toEqual(e.warnings);
    // The same string and the same frozen array on a later read.
    expect(o.reden).toBe(read[i].reden);
    expect(o.warnings).toBe(read[i].warnings);
    expect(Object.isFrozen(o.warnings)).toBe(true);
  }
  expect(Array.from(lazy.classified.slots)).toEqual(Array.from(eager.classified.slots));
  expect(JSON.stringify(lazy.issues)).toBe(JSON.stringify(eager.issues));
  // Whole dwellings (their outcomes' own properties, texts included) compare equal too.
  expect(lazy.dwellings).toEqual(eager.dwellings);
}

describe("reason texts made when read equal those made at once", () => {
  test("random stocks under random rules, read in row order and in reverse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BatScale>("limburg", "vera").chain((scale) => fc.array(rowArb(scale), { maxLength: 50 })),
        rulesArb,
        fc.boolean(),
        (rows, rules, reverse) => expectSameAsEager(rows, rules, reverse),
      ),
      { numRuns: 300 },
    );
  });

  test("the bench's generated stock (5,000 rows), default rules", () => {
    const reader = new StockRowReader({ sheet: "Voorraad" }, { scale: "auto" });
    reader.push(HEADERS);
    for (const cells of stockRows(5_000)) reader.push(cells as never);
    const stock = reader.finish();
    const rows = Array.from({ length: stock.rows.length }, (_, i) => stock.rows.row(i));
    expectSameAsEager(rows, DEFAULT_RULES, false);
    expectSameAsEager(rows, DEFAULT_RULES, true);
  });
});
