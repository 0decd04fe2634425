/**
 * The reason texts made when first read (classify.ts: `lazyPart`, `combine`) do not depend on
 * when or in which order they are read: on random stocks (every fact the texts name: complexes
 * with conflicting facts, declarations, labels, out-of-range BAT values, rural gemeenten, Wlz,
 * zelfstandig, zorgprofiel) under random rules, and on the bench's generated stock
 * (scripts/bench/generate.js), one classification read from the last row to the first, warnings
 * before reasons, after its dwellings were made and another stock was classified, equals a second
 * classification of the same rows read at once in row order: every dwelling's type, flags, reason
 * and warnings, the slots and the issues; and every row with one outcome gets the same frozen
 * warnings array on every read. That the texts themselves are unchanged by making them lazy was
 * checked against the previous classify.ts when the change was made (7d241df); the exact wording
 * is held by test/domain/classify.test.ts and the golden outputs (test/golden).
 */
import fc from "fast-check";
import { classifyStock, type StockClassification } from "../../src/domain/classify";
import { DEFAULT_RULES, type Rules } from "../../src/domain/rules";
import { StockRowReader } from "../../src/ingest/stock";
import type { BatScale, ClassifiedDwelling, StockRow } from "../../src/domain/types";
import { expectEqualData } from "../support/equal";
import { stockRow } from "./fixtures";
import { rulesArb } from "./rules-arbitrary";

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

/** The texts of every row as read, in row order or from the last row to the first (then
 * warnings before reasons). */
function readTexts(c: StockClassification, reverse: boolean): { reden: string; warnings: string[] }[] {
  const n = c.classified.length;
  const read: { reden: string; warnings: string[] }[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = reverse ? n - 1 - k : k;
    const o = c.classified.outcome(i);
    if (reverse) {
      const warnings = o.warnings;
      read[i] = { reden: o.reden, warnings };
    } else read[i] = { reden: o.reden, warnings: o.warnings };
  }
  return read;
}

/** Classifies `rows` twice: `late` is read after other work (its dwellings made, `other`
 * classified and read), in the order `reverse` says; `soon` at once, in row order. */
function expectReadOrderIrrelevant(rows: StockRow[], other: StockRow[], rules: Rules, reverse: boolean): void {
  const late = classifyStock(rows, rules);
  const soon = classifyStock(rows, rules);
  const soonRead = readTexts(soon, false);
  const slots = late.dwellings.map((d) => d.bzk);
  readTexts(classifyStock(other, rules), !reverse);
  const lateRead = readTexts(late, reverse);
  // Per row: the outcome and its texts as read; collected and compared once (Jest's expect per
  // row and per field was most of this file's time on 5,000 rows).
  const lateRows: unknown[] = [];
  const soonRows: unknown[] = [];
  const notSameArray: number[] = [];
  const notFrozen: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const e = soon.classified.outcome(i);
    const o = late.classified.outcome(i);
    lateRows.push({ bzk: o.bzk, n: o.nultreden, g: o.geclusterd, z: o.zorggeschikt, reden: lateRead[i].reden, warnings: lateRead[i].warnings });
    soonRows.push({ bzk: e.bzk, n: e.nultreden, g: e.geclusterd, z: e.zorggeschikt, reden: soonRead[i].reden, warnings: soonRead[i].warnings });
    // The same frozen array on a later read.
    if (o.warnings !== lateRead[i].warnings) notSameArray.push(i);
    if (!Object.isFrozen(o.warnings)) notFrozen.push(i);
  }
  expectEqualData(lateRows, soonRows);
  expect(notSameArray).toEqual([]);
  expect(notFrozen).toEqual([]);
  expectEqualData(slots, soon.dwellings.map((d) => d.bzk));
  expectEqualData(Array.from(late.classified.slots), Array.from(soon.classified.slots));
  expect(JSON.stringify(late.issues)).toBe(JSON.stringify(soon.issues));
  // Whole dwellings, read through their getters, compare equal too.
  const plain = (d: ClassifiedDwelling) => ({ row: d.row, bzk: d.bzk, n: d.nultreden, g: d.geclusterd, z: d.zorggeschikt, zorgprofiel: d.zorgprofiel, reden: d.reden, warnings: d.warnings });
  expectEqualData(late.dwellings.map(plain), soon.dwellings.map(plain));
}

describe("reason texts made when read do not depend on when or in which order they are read", () => {
  test("random stocks under random rules, read in row order and in reverse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BatScale>("limburg", "vera").chain((scale) => fc.tuple(fc.array(rowArb(scale), { maxLength: 50 }), fc.array(rowArb(scale), { maxLength: 20 }))),
        rulesArb,
        fc.boolean(),
        ([rows, other], rules, reverse) => expectReadOrderIrrelevant(rows, other, rules, reverse),
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
    expectReadOrderIrrelevant(rows, rows.slice(0, 500), DEFAULT_RULES, false);
    expectReadOrderIrrelevant(rows, rows.slice(0, 500), DEFAULT_RULES, true);
  });
});
