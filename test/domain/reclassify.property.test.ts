/**
 * The batched re-classification (reclassify.ts: column-wise copies with the changed fact set,
 * `classifySlotsAt`) against the algorithm it replaced: making each changed row as an object
 * (`{ ...row, fact }`) and classifying each changed complex on its own with `classifyStock`. On
 * random stocks, rules, changes and batch sizes, the BZK slot of every row, the clustering and
 * care candidates and the what-if levers are identical.
 */
import fc from "fast-check";
import { classifySlots, classifySlotsAt, classifyStock } from "../../src/domain/classify";
import { collectComplexes } from "../../src/domain/complexes";
import { complexMembers, reclassifyGroups, type ReclassifyGroup } from "../../src/domain/reclassify";
import { bzkSlot } from "../../src/domain/supply-vector";
import { findClusterCandidates, fixClusterRow, fixFacts } from "../../src/domain/clustering";
import { findCareCandidates, setWlz, withWlz } from "../../src/domain/zorgpotentieel";
import { StockColumns } from "../../src/domain/stock-columns";
import { assessAdaptation } from "../../src/domain/potentieel";
import { prepareWhatIf } from "../../src/domain/whatif";
import { DEFAULT_RULES, type Rules } from "../../src/domain/rules";
import type { StockRow, ClassifiedDwelling } from "../../src/domain/types";
import { stockRow } from "./fixtures";
import { rulesArb } from "./rules-arbitrary";
import { stockArb } from "./stock-arbitrary";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

/** Rows with small value domains, so that they share complexes (two owners), labels and declarations. */
const rowArb: fc.Arbitrary<StockRow> = fc
  .record({
    bat: maybe(fc.integer({ min: 0, max: 5 })),
    toegankelijkheidslabel: maybe(fc.constantFrom("NUL", "ROA", "ROL", "GNV", "XYZ")),
    woonvorm: maybe(fc.constantFrom("GEC", "ZWO", "SEN")),
    complex: maybe(fc.constantFrom("A", "B", "C", "D")),
    eigenaar: maybe(fc.constantFrom("Wonen Zuid", "HEEMwonen")),
    gemeente: maybe(fc.constantFrom("Kerkrade", "Simpelveld")),
    aantal: fc.integer({ min: 1, max: 20 }),
    ontmoetingsruimte: maybe(fc.constantFrom<"inpandig" | "aangrenzend" | "geen">("inpandig", "aangrenzend", "geen")),
    complexgrootte: maybe(fc.integer({ min: 1, max: 40 })),
    aandeel55plus: maybe(fc.constantFrom(0.3, 0.47, 0.5, 0.8)),
    label55plus: maybe(fc.boolean()),
    wlz: maybe(fc.boolean()),
    zorgprofiel: maybe(fc.constantFrom<"SOM" | "PG">("SOM", "PG")),
    zelfstandig: maybe(fc.boolean()),
  })
  .map((f) => stockRow({ ...f, batScale: f.bat === null ? null : "limburg" }));

/** A change of the kinds the potentials and the what-if engine make: as the engine sets it on a
 * column-wise copy, and as the replaced algorithm made it (a changed copy of the row object). */
interface Change {
  cols: (copy: StockColumns, from: number, to: number) => void;
  row: (row: StockRow) => StockRow;
}
const changeArb = fc.constantFrom<Change>(
  { cols: (c, from, to) => c.setFacts(from, fixFacts({ criterium: "ontmoetingsruimte", fixWaarde: null }), to), row: (row) => ({ ...row, ontmoetingsruimte: "inpandig" }) },
  { cols: (c, from, to) => c.setFacts(from, fixFacts({ criterium: "woningen", fixWaarde: 12 }), to), row: (row) => ({ ...row, complexgrootte: 12 }) },
  { cols: (c, from, to) => c.setFacts(from, fixFacts({ criterium: "aandeel55plus", fixWaarde: 0.5 }), to), row: (row) => ({ ...row, aandeel55plus: 0.5 }) },
  { cols: setWlz, row: (row) => ({ ...row, wlz: true }) },
  { cols: (c, from, to) => {
    for (let j = from; j < to; j++) c.setBat(j, 2, "limburg");
  }, row: (row) => ({ ...row, bat: 2, batScale: "limburg" }) },
  { cols: () => undefined, row: (row) => row },
);

/** The replaced algorithm: each group's changed rows (objects) classified on their own. */
function perGroup(rows: readonly StockRow[], groups: ReadonlyArray<{ rows: ArrayLike<number>; row: (row: StockRow) => StockRow }>, rules: Rules): number[][] {
  return groups.map((g) => {
    const changed = Array.from(g.rows, (i) => g.row(rows[i]));
    return classifyStock(changed, rules).dwellings.map(bzkSlot);
  });
}

/** Every complex as a group, and the rows without complex in groups of one or two. */
function groupsOf(rows: StockRow[], changes: Change[]): Array<ReclassifyGroup & { row: (row: StockRow) => StockRow }> {
  const collection = collectComplexes(rows);
  const groups = complexMembers(collection).map((idx, k) => ({ rows: idx, change: changes[k % changes.length].cols, row: changes[k % changes.length].row }));
  const loose = rows.map((_, i) => i).filter((i) => collection.rowComplex[i] < 0);
  for (let j = 0; j < loose.length; j += 2) groups.push({ rows: Int32Array.from(loose.slice(j, j + 2)), change: changes[j % changes.length].cols, row: changes[j % changes.length].row });
  return groups;
}

/** The old per-complex gain of a candidate: its rows classified on their own with the change. */
function gain(dwellings: readonly ClassifiedDwelling[], rijen: Int32Array, change: (row: StockRow) => StockRow, rules: Rules) {
  const after = classifyStock(Array.from(rijen, (i) => change(dwellings[i].row)), rules).dwellings;
  let g = 0;
  let z = 0;
  after.forEach((a, j) => {
    const b = dwellings[rijen[j]];
    if (a.geclusterd && !b.geclusterd) g += a.row.aantal;
    if (a.zorggeschikt && !b.zorggeschikt) z += a.row.aantal;
  });
  return { g, z };
}

describe("batched re-classification equals classifying each complex on its own", () => {
  test("classifySlots gives the slot of every dwelling of classifyStock", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), rulesArb, (rows, rules) => {
        expect(Array.from(classifySlots(rows, rules))).toEqual(classifyStock(rows, rules).dwellings.map(bzkSlot));
      }),
      { numRuns: 200 },
    );
  });

  test("reclassifyGroups, any batch size, equals classifyStock per group", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 80 }),
        rulesArb,
        fc.array(changeArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 50 }),
        (rows, rules, changes, batchRows) => {
          const groups = groupsOf(rows, changes);
          const r = reclassifyGroups(StockColumns.fromRows(rows), groups, rules, batchRows);
          expect(r.slots.map((s) => Array.from(s))).toEqual(perGroup(rows, groups, rules));
          expect(r.then).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  test("reclassifyGroups with a further BAT change on some rows equals classifyStock per group of the twice-changed rows", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 80 }),
        rulesArb,
        fc.array(changeArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        fc.integer({ min: 0, max: 5 }),
        (rows, rules, changes, batchRows, picked, level) => {
          const groups = groupsOf(rows, changes);
          const then = { rows: Uint8Array.from(picked, (b) => (b ? 1 : 0)), change: (c: StockColumns, j: number) => c.setBat(j, level, "limburg") };
          const r = reclassifyGroups(StockColumns.fromRows(rows), groups, rules, batchRows, then);
          expect(r.slots.map((s) => Array.from(s))).toEqual(perGroup(rows, groups, rules));
          const expected = groups.map((g) => {
            const changed = Array.from(g.rows, (i) => (picked[i] ? { ...g.row(rows[i]), bat: level, batScale: "limburg" as const } : g.row(rows[i])));
            return classifyStock(changed, rules).dwellings.map(bzkSlot);
          });
          expect(r.then!.map((s) => Array.from(s))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("classifySlotsAt: the slots of classifySlots at the indices, also on a view with other BATs judged with the stock's complexes", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 80 }),
        rulesArb,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: 80, maxLength: 80 }),
        (rows, rules, picks, bats) => {
          const cols = StockColumns.fromRows(rows);
          const idx = picks.map((p) => p % rows.length);
          const all = classifySlots(cols, rules);
          expect(Array.from(classifySlotsAt(cols, rules, collectComplexes(cols), idx))).toEqual(idx.map((i) => all[i]));
          const view = cols.withOwnBat();
          const changed = rows.map((r, i) => (bats[i] === null ? r : { ...r, bat: bats[i], batScale: "vera" as const }));
          changed.forEach((r, i) => {
            if (bats[i] !== null) view.setBat(i, bats[i]!, "vera");
          });
          const expected = classifyStock(changed, rules).dwellings.map(bzkSlot);
          expect(Array.from(classifySlotsAt(view, rules, collectComplexes(cols), idx))).toEqual(idx.map((i) => expected[i]));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("clustering and care candidates: every gain is the per-complex one", () => {
    fc.assert(
      fc.property(fc.oneof(stockArb(), fc.array(rowArb, { maxLength: 80 })), fc.oneof(fc.constant(DEFAULT_RULES), rulesArb), (rows, rules) => {
        const dwellings = classifyStock(rows, rules).dwellings;
        for (const c of findClusterCandidates(dwellings, rules)) {
          const { g, z } = gain(dwellings, c.rijen, (row) => fixClusterRow(c, row), rules);
          expect([c.complex, c.erbijGeclusterd, c.erbijZorggeschikt]).toEqual([c.complex, g, z]);
          expect(g).toBeGreaterThan(0);
        }
        const care = findCareCandidates(dwellings, rules);
        for (const c of care) {
          const { z } = gain(dwellings, c.rijen, withWlz, rules);
          expect([c.complex, c.erbijZorggeschikt]).toEqual([c.complex, z]);
          expect(z).toBeGreaterThan(0);
        }
        // Every complex left out gains nothing from Wlz care (when Wlz is required and missing).
        if (rules.zorggeschikt.wlzVereist) {
          const listed = new Set(care.map((c) => `${c.eigenaar}|${c.complex}`));
          const collection = collectComplexes(rows);
          complexMembers(collection).forEach((idx, k) => {
            const f = collection.complexes[k];
            if (f.wlz === true || listed.has(`${f.eigenaar}|${f.complex}`)) return;
            expect([f.complex, gain(dwellings, idx, withWlz, rules).z]).toEqual([f.complex, 0]);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  test("what-if levers: the same slots in batches of any size as one complex at a time", () => {
    fc.assert(
      fc.property(stockArb(), fc.integer({ min: 1, max: 30 }), (rows, batchRows) => {
        const dwellings = classifyStock(rows, DEFAULT_RULES).dwellings;
        const clustering = findClusterCandidates(dwellings, DEFAULT_RULES);
        const zorgpotentieel = findCareCandidates(dwellings, DEFAULT_RULES);
        const input = {
          dwellings, adapted: assessAdaptation(dwellings, DEFAULT_RULES).perDwelling, rules: DEFAULT_RULES, batScale: "limburg" as const,
          supplySource: "voorraad" as const, supply: [], demand: [], plannen: [], clustering, zorgpotentieel,
        };
        const base = prepareWhatIf(input, { batchRows });
        // The replaced algorithm: each lever's complex classified on its own, fixed, and fixed and adapted.
        const rooms = clustering.filter((c) => c.criterium === "ontmoetingsruimte" && c.soort === "ontbreekt");
        const care = zorgpotentieel.filter((c) => c.soort === "ontbreekt");
        const adapt = (i: number) =>
          input.adapted[i].aanpassing === "potentieel" ? { ...rows[i], bat: DEFAULT_RULES.nultreden.limburgMinBat, batScale: "limburg" as const } : rows[i];
        const expectLever = (l: (typeof base.rooms)[number], rijen: Int32Array, fix: (row: StockRow) => StockRow) => {
          const fixed = classifyStock(Array.from(rijen, (i) => fix(rows[i])), DEFAULT_RULES).dwellings.map(bzkSlot);
          const both = classifyStock(Array.from(rijen, (i) => fix(adapt(i))), DEFAULT_RULES).dwellings.map(bzkSlot);
          expect(Array.from(l.bzk)).toEqual(fixed);
          expect(Array.from(l.bzkAdapted)).toEqual(Array.from(rijen, (i, j) => (input.adapted[i].aanpassing === "potentieel" ? both[j] : fixed[j])));
        };
        expect(base.rooms).toHaveLength(rooms.length);
        expect(base.care).toHaveLength(care.length);
        rooms.forEach((c, k) => expectLever(base.rooms[k], c.rijen, (row) => fixClusterRow(c, row)));
        care.forEach((c, k) => expectLever(base.care[k], c.rijen, withWlz));
      }),
      { numRuns: 100 },
    );
  });
});
