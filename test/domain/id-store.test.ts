/**
 * The id store (src/domain/id-store.ts): every id set comes back exactly, as a plain array of
 * strings would hold it, through widening to two-byte units, growth, moves, picks and trimming;
 * and the stock columns that hold their ids in it give the same ids through `id`, `row`,
 * `subset`, `keep` and `trim`.
 */
import fc from "fast-check";
import { IdStore } from "../../src/domain/id-store";
import { StockColumns } from "../../src/domain/stock-columns";
import { stockRow } from "./fixtures";
import { anyText } from "../support/unicode";

/** Ids of every kind: null, empty, ASCII, Latin-1 (one byte), beyond (two bytes: widening),
 * astral characters (surrogate pairs), lone surrogates, and ids longer than a call's chunk. */
const idArb: fc.Arbitrary<string | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.constant(""), weight: 4 },
  { arbitrary: fc.string({ maxLength: 14 }), weight: 4 },
  { arbitrary: anyText({ maxLength: 20 }), weight: 4 },
  { arbitrary: fc.string({ unit: fc.constantFrom("é", "ÿ", "\u0080", "\u00a0", "ß"), maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit: fc.constantFrom("Ā", "€", "\ud83d", "\ude00", "😀", "V"), maxLength: 12 }), weight: 4 },
  // Rare (about one id in 25): around the read chunk of 8,192 units, read in one call or in pieces.
  { arbitrary: fc.integer({ min: 8190, max: 8200 }).map((n) => "VHE".repeat(n).slice(0, n)), weight: 1 },
);

describe("IdStore", () => {
  it("gives back every id set, in any order of setting, as an array of strings holds them", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300), idArb), { maxLength: 120 }), fc.nat(40), (sets, capacity) => {
        const store = new IdStore(capacity);
        const expected: (string | null)[] = [];
        for (const [i, id] of sets) {
          store.set(i, id);
          expected[i] = id;
        }
        // One comparison of all 320 rows (an expect per row was most of the test's time).
        const rows = Array.from({ length: 320 }, (_, i) => i);
        expect(rows.map((i) => store.get(i))).toEqual(rows.map((i) => expected[i] ?? null));
      }),
      { numRuns: 150 },
    );
  });

  it("holds the usual ids and the edge cases exactly", () => {
    const ids = ["VHE0000001", "", "a", "1234567890123", "x".repeat(12), "é€😀", "\ud800", "ÿ", "Z".repeat(100_000), "0"];
    const store = new IdStore(1);
    ids.forEach((id, i) => store.set(i, id));
    store.set(ids.length, null);
    ids.forEach((id, i) => expect(store.get(i)).toBe(id));
    expect(store.get(ids.length)).toBeNull();
    expect(store.get(ids.length + 1)).toBeNull();
    // Units written in one byte before the first wide one keep their values after widening.
    expect(store.get(0)).toBe("VHE0000001");
  });

  it("keeps one-byte ids set before the first two-byte id, and sets after it", () => {
    const store = new IdStore(2);
    store.set(0, "ÿÿ");
    store.set(1, "aĀb");
    store.set(2, "c");
    expect([store.get(0), store.get(1), store.get(2)]).toEqual(["ÿÿ", "aĀb", "c"]);
  });

  it("moves, picks and trims without changing other rows", () => {
    const store = new IdStore(4);
    ["a", "b", null, "d"].forEach((id, i) => store.set(i, id));
    const picked = store.pick(Int32Array.of(3, 0, 0, 2));
    expect([0, 1, 2, 3].map((j) => picked.get(j))).toEqual(["d", "a", "a", null]);
    // Later sets on either store leave the other's ids alone (they share the units).
    store.set(0, "Ā-wide");
    picked.set(1, "z");
    expect(picked.get(2)).toBe("a");
    expect(picked.get(1)).toBe("z");
    expect(store.get(0)).toBe("Ā-wide");
    expect(store.get(1)).toBe("b");
    store.move(3, 1);
    expect(store.get(1)).toBe("d");
    store.trim(2);
    expect([store.get(0), store.get(1), store.get(2)]).toEqual(["Ā-wide", "d", null]);
    store.trim(0);
    expect(store.get(0)).toBeNull();
  });

  it("reads null for a row beyond its rows, also through pick (as the other columns of a subset)", () => {
    const store = new IdStore(2);
    store.set(0, "a");
    store.set(1, "");
    expect([store.get(2), store.get(-1), store.get(1)]).toEqual([null, null, ""]);
    const picked = store.pick(Int32Array.of(1, 2, 5000, -1, 0));
    expect([0, 1, 2, 3, 4].map((j) => picked.get(j))).toEqual(["", null, null, null, "a"]);
    store.clear(0, 9);
    expect([store.get(0), store.get(1), picked.get(4)]).toEqual([null, null, "a"]);
  });
});

describe("StockColumns ids", () => {
  it("gives the ids of its rows through id, row, subset, keep and trim", () => {
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 60 }), fc.func(fc.boolean()), (ids, keepFn) => {
        const cols = new StockColumns(1);
        ids.forEach((id, i) => cols.push(stockRow({ id, rowNumber: i + 2 })));
        const all = (c: StockColumns, n: number) => Array.from({ length: n }, (_, i) => c.id(i));
        expect(all(cols, ids.length)).toEqual(ids);
        expect(ids.map((_, i) => cols.row(i).id)).toEqual(ids);
        const idx = ids.map((_, i) => ids.length - 1 - i);
        const sub = cols.subset(idx);
        const reversed = idx.map((i) => ids[i]);
        expect(all(sub, idx.length)).toEqual(reversed);
        expect(all(cols.subset(idx, { ids: false }), idx.length)).toEqual(idx.map(() => null));
        const kept = ids.filter((_, i) => keepFn(i));
        cols.keep((i) => keepFn(i));
        expect(cols.length).toBe(kept.length);
        // Before trim too: the rows past the new length have no id (not an old row's).
        expect(all(cols, ids.length)).toEqual([...kept, ...ids.slice(kept.length).map(() => null)]);
        cols.trim();
        expect(all(cols, kept.length)).toEqual(kept);
        // The subset made before keep still has its own rows.
        expect(all(sub, idx.length)).toEqual(reversed);
      }),
      { numRuns: 100 },
    );
  });
});
