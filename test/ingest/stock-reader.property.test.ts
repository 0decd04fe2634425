/**
 * The incremental stock reader (rows pushed one at a time, as the streaming .xlsx reader does)
 * gives exactly what `readStock` gives on the whole table: on random tables under real headers,
 * with the pushed array reused and scribbled over after each push, blank rows passed as `skip`,
 * and tables long enough that the header search buffer (30 rows) is left behind.
 */
import fc from "fast-check";
import { readStock, StockRowReader } from "../../src/ingest/stock";
import type { CellValue, StockIngest } from "../../src/ingest/types";
import { expectEqualData } from "../support/equal";
import { kerkradePerDwelling, rawTable } from "./tables";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom<CellValue>(
    "", " ", "#N/A", { error: "#REF!" }, "-", "ja", "nee", "x", "Totaal", "TOTAAL", "Bron: test", "VHE", "BAT", "BAT-score",
    "Aantal", "BAT 0", "BAT 1", "BAT 2", "BAT0", "BAT1", "BAT5", "BAT 5", "rollatorbewoonbaar", "Zorg", "2,5", "1.729", "62%",
    "V1", "V2", "V3", "C1", "C2", "begane grond", "sociale huur", "koop", "GEC", "ZWO", "NUL", "SOM", "PG",
  ),
  fc.integer({ min: -3, max: 8 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 6 }),
);
const header = fc.constantFrom<CellValue[]>(
  ["VHE", "BAT-score", "Aantal", "Lift", "Bouwlaag", "Complex", "Ontmoetingsruimte", "Wlz", "Segment", "Woonvorm", "Zorgprofiel"],
  ["VHE", "BAT", "Complex"],
  ["Buurt", "BAT", "Aantal"],
  ["Corporatie", "BAT 0", "BAT 1", "BAT 2", "BAT 3", "BAT 4", "Totaal"],
);
const scale = fc.constantFrom<"auto" | "limburg" | "vera">("auto", "limburg", "vera");

/** Feeds `values` the way the streaming reader does: one reused array, blank rows as skips. */
function incremental(values: CellValue[][], origin: number, s: "auto" | "limburg" | "vera", skipBlank: boolean): { ingest: StockIngest; maxBuffered: number } {
  const reader = new StockRowReader({ sheet: "Voorraad", originRow: origin, originCol: origin }, { scale: s });
  const scratch: CellValue[] = [];
  for (const row of values) {
    if (row.length === 0 && skipBlank) {
      reader.skip(1);
      continue;
    }
    scratch.length = 0;
    row.forEach((v, i) => (scratch[i] = v));
    reader.push(scratch);
    // The reader must not keep the array it was given.
    for (let i = 0; i < scratch.length; i++) scratch[i] = "rommel";
  }
  const maxBuffered = reader.maxBufferedRows;
  return { ingest: reader.finish(), maxBuffered };
}

describe("StockRowReader equals readStock", () => {
  it("on random tables with title rows, a real header and junk rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 }),
        header,
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 70 }),
        scale,
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (titles, h, body, s, origin, skipBlank) => {
          const values = [...titles, h, ...body];
          const batch = readStock(rawTable(values, { sheet: "Voorraad", originRow: origin, originCol: origin }), { scale: s });
          expectEqualData(incremental(values, origin, s, skipBlank).ingest, batch);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("on the synthetic Kerkrade stock (7,824 dwellings): same result, and only the header search is buffered", () => {
    const values = kerkradePerDwelling((l) => (l % 3 === 0 ? `BAT ${l}` : l));
    const batch = readStock(rawTable(values, { sheet: "Voorraad" }), { scale: "auto" });
    const { ingest, maxBuffered } = incremental(values, 1, "auto", true);
    expect(ingest).toEqual(batch);
    expect(ingest.rows.length).toBeGreaterThan(7000);
    expect(maxBuffered).toBeLessThanOrEqual(30);
  });

  it("finish() twice is a programming error", () => {
    const reader = new StockRowReader({ sheet: "V" }, { scale: "auto" });
    reader.push(["VHE", "BAT"]);
    reader.finish();
    expect(() => reader.finish()).toThrow();
  });
});
