/**
 * IdRegistry answers as one Map<string, number> would: on random sequences of ids (sorted runs,
 * duplicates, ids that break the order, strings that compare by code unit), every lookup gives
 * the first row of the id, or undefined for a new one.
 */
import fc from "fast-check";
import { IdRegistry } from "../../src/ingest/id-registry";

/** Feeds `ids` as the stock reader does and returns what each lookup said. */
function lookups(ids: readonly string[], make: () => { firstRow(id: string): number | undefined; add(id: string, r: number): void }): (number | undefined)[] {
  const reg = make();
  return ids.map((id, r) => {
    const first = reg.firstRow(id);
    if (first === undefined) reg.add(id, r);
    return first;
  });
}

function mapRegistry() {
  const m = new Map<string, number>();
  return { firstRow: (id: string) => m.get(id), add: (id: string, r: number) => void m.set(id, r) };
}

describe("IdRegistry", () => {
  test("sorted VHE numbers with a duplicate and an id out of order", () => {
    const ids = ["VHE0000001", "VHE0000002", "VHE0000003", "VHE0000002", "VHE0000004", "VHE0000000", "VHE0000000", "VHE0000005", "VHE0000003"];
    expect(lookups(ids, () => new IdRegistry())).toEqual([undefined, undefined, undefined, 1, undefined, undefined, 5, undefined, 2]);
  });

  test("the same answers as a Map on random ids (sorted runs, repeats, any order)", () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 60 }).map((n) => `VHE${String(n).padStart(4, "0")}`),
      fc.constantFrom("a", "B", "ä", "Z", "10", "9", "", " x", "\u{1F600}", "\uFFFF"),
    );
    const ids = fc.oneof(
      fc.array(id, { maxLength: 80 }),
      // Mostly sorted, as exports are: a sorted run with a few ids moved or repeated.
      fc.tuple(fc.array(id, { maxLength: 80 }), fc.array(id, { maxLength: 8 })).map(([run, extra]) => {
        const sorted = [...run].sort();
        for (const [k, e] of extra.entries()) sorted.splice((k * 7) % (sorted.length + 1), 0, e);
        return sorted;
      }),
    );
    fc.assert(fc.property(ids, (list) => {
      expect(lookups(list, () => new IdRegistry())).toEqual(lookups(list, mapRegistry));
    }));
  });

  test("clear forgets every id", () => {
    const reg = new IdRegistry();
    reg.add("b", 0);
    reg.add("a", 1);
    reg.clear();
    expect(reg.firstRow("a")).toBeUndefined();
    expect(reg.firstRow("b")).toBeUndefined();
  });
});
