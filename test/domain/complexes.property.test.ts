/**
 * `collectComplexes` (runs of rows read by column, aggregates in typed arrays) against a plain
 * row-by-row aggregation of the documented rules (complexes.ts), on random stocks: complexes
 * of two owners with the same number, rows of a complex in runs or interleaved with others,
 * rows without complex, and every fact given, missing or conflicting.
 */
import fc from "fast-check";
import { collectComplexes, type ColumnPresence } from "../../src/domain/complexes";
import type { StockRow } from "../../src/domain/types";
import { stockRow } from "./fixtures";

const rowArb = fc.record({
  complex: fc.option(fc.constantFrom("1", "2", "3"), { nil: null, freq: 6 }),
  eigenaar: fc.option(fc.constantFrom("Weller", "Woonpunt"), { nil: null, freq: 4 }),
  aantal: fc.integer({ min: 1, max: 30 }),
  ontmoetingsruimte: fc.constantFrom<StockRow["ontmoetingsruimte"]>(null, null, "inpandig", "aangrenzend", "geen"),
  complexgrootte: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 2 }),
  aandeel55plus: fc.option(fc.constantFrom(0.2, 0.45, 0.5, 0.75), { nil: null, freq: 2 }),
  label55plus: fc.option(fc.boolean(), { nil: null }),
  wlz: fc.option(fc.boolean(), { nil: null, freq: 2 }),
  bat: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 3 }),
  toegankelijkheidslabel: fc.option(fc.constantFrom("NUL", "ROL"), { nil: null, freq: 6 }),
  // Repeat the previous row's complex: stocks sorted by complex have long runs.
  sameAsPrevious: fc.boolean(),
});

const stockArb = fc.array(rowArb, { maxLength: 50 }).map((items) => {
  const rows: StockRow[] = [];
  for (const it of items) {
    const prev = rows[rows.length - 1];
    const { sameAsPrevious, ...facts } = it;
    const row = stockRow({ ...facts, ...(sameAsPrevious && prev ? { complex: prev.complex, eigenaar: prev.eigenaar } : {}) });
    rows.push(row);
  }
  return rows;
});

/** The facts of every complex, aggregated row by row as complexes.ts documents them. */
function reference(rows: StockRow[]) {
  const order: string[] = [];
  const byKey = new Map<string, StockRow[]>();
  const rowComplex: number[] = [];
  for (const r of rows) {
    if (r.complex === null) {
      rowComplex.push(-1);
      continue;
    }
    const key = JSON.stringify([r.eigenaar, r.complex]);
    if (!byKey.has(key)) {
      byKey.set(key, []);
      order.push(key);
    }
    byKey.get(key)!.push(r);
    rowComplex.push(order.indexOf(key));
  }
  const complexes = order.map((key) => {
    const rs = byKey.get(key)!;
    const sum = (f: (r: StockRow) => boolean) => rs.filter(f).reduce((t, r) => t + r.aantal, 0);
    const rooms = new Set(rs.map((r) => r.ontmoetingsruimte).filter((x) => x !== null));
    const sizes = rs.map((r) => r.complexgrootte).filter((x): x is number => x !== null);
    const shares = rs.map((r) => r.aandeel55plus).filter((x): x is number => x !== null);
    const geteld = sum(() => true);
    const grootteGegeven = sizes.length ? Math.min(...sizes) : null;
    const wlzJa = rs.some((r) => r.wlz === true);
    const wlzNee = rs.some((r) => r.wlz === false);
    return {
      complex: rs[0].complex,
      eigenaar: rs[0].eigenaar,
      ontmoetingsruimte: rooms.has("inpandig") ? "inpandig" : rooms.has("aangrenzend") ? "aangrenzend" : rooms.has("geen") ? "geen" : null,
      geteld,
      grootteGegeven,
      woningen: grootteGegeven === null ? geteld : Math.max(grootteGegeven, geteld),
      aandeel55plus: shares.length ? Math.min(...shares) : null,
      label55plusJa: sum((r) => r.label55plus === true),
      label55plusNee: sum((r) => r.label55plus === false),
      label55plusOnbekend: sum((r) => r.label55plus === null),
      wlz: wlzJa ? true : wlzNee ? false : null,
      // One conflict per kind of disagreement (the texts are checked in complexes.test.ts).
      conflictCount:
        (rooms.size > 1 ? 1 : 0) +
        (sizes.length && Math.max(...sizes) !== Math.min(...sizes) ? 1 : 0) +
        (grootteGegeven !== null && grootteGegeven < geteld ? 1 : 0) +
        (shares.length && Math.max(...shares) !== Math.min(...shares) ? 1 : 0) +
        (wlzJa && wlzNee ? 1 : 0),
      firstRow: rs[0],
    };
  });
  const inComplex = rows.filter((r) => r.complex !== null);
  const presence: ColumnPresence = {
    complex: inComplex.length > 0,
    ontmoetingsruimte: inComplex.some((r) => r.ontmoetingsruimte !== null),
    complexgrootte: inComplex.some((r) => r.complexgrootte !== null),
    aandeel55plus: inComplex.some((r) => r.aandeel55plus !== null),
    label55plus: inComplex.some((r) => r.label55plus !== null),
    wlz: inComplex.some((r) => r.wlz !== null),
    bat: rows.some((r) => r.bat !== null),
    toegankelijkheidslabel: rows.some((r) => r.toegankelijkheidslabel !== null),
  };
  return { complexes, rowComplex, presence };
}

describe("collectComplexes against a row-by-row aggregation", () => {
  test("same complexes, facts, conflicts, first rows, row assignment and column presence", () => {
    fc.assert(
      fc.property(stockArb, (rows) => {
        const got = collectComplexes(rows);
        const want = reference(rows);
        expect(Array.from(got.rowComplex)).toEqual(want.rowComplex);
        expect(got.presence).toEqual(want.presence);
        expect(got.complexes).toHaveLength(want.complexes.length);
        got.complexes.forEach((f, k) => {
          const { conflictCount, firstRow, ...facts } = want.complexes[k];
          expect(f).toMatchObject(facts);
          expect(f.conflicts).toHaveLength(conflictCount);
          expect(f.firstRow).toEqual(firstRow);
          // The first row is made once and kept; it is not an own enumerable property.
          expect(f.firstRow).toBe(f.firstRow);
          expect(Object.keys(f)).not.toContain("firstRow");
        });
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });
});
