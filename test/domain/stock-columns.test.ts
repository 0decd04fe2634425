/**
 * The stock held column-wise (src/domain/stock-columns.ts): every `StockRow` comes back as it
 * went in (all 27 fields, nulls, false flags, fractions, out-of-range BAT values), rows set aside
 * are dropped in order, the settled BAT is written, and a row made from the columns is a plain
 * object, so the copies with one fact changed that the potentials and the what-if make
 * (`{ ...row, wlz: true }`: clustering.ts, zorgpotentieel.ts, whatif.ts) keep every other field.
 */
import fc from "fast-check";
import { StockColumns, stockColumnsOf } from "../../src/domain/stock-columns";
import { fixClusterRow } from "../../src/domain/clustering";
import { withWlz } from "../../src/domain/zorgpotentieel";
import { emptyStockRow } from "../../src/ingest/stock-row";
import type { StockRow } from "../../src/domain/types";
import { stockRow } from "./fixtures";
import { stockArb } from "./stock-arbitrary";

const FIELDS = Object.keys(emptyStockRow("Voorraad", 2));

/** A row with every fact set (none null), on another sheet. */
function fullRow(rowNumber: number): StockRow {
  return {
    sheet: "Blad 2", rowNumber, id: `VHE-${rowNumber}`, complex: "C12", bat: 4, batScale: "vera", toegankelijkheidslabel: "ROL",
    woonvorm: "ZWO", eenheiddetailsoort: "GAL", aantal: 37, gemeente: "Kerkrade", buurt: "Bleijerheide", wijk: "West",
    eigenaar: "Wonen Zuid", segment: "sociale huur", segmentSoort: "huur", woningtype: "Gestapeld met lift", bouwlaag: 0,
    lift: false, bouwjaar: 1975, ontmoetingsruimte: "aangrenzend", complexgrootte: 24, aandeel55plus: 0.625,
    label55plus: false, wlz: true, zorgprofiel: "PG", zelfstandig: false,
  };
}

describe("StockColumns", () => {
  test("every row comes back as it went in, field by field and in the order of StockRow", () => {
    const rows = [fullRow(3), stockRow(), stockRow({ bat: 9, aantal: 1e6, aandeel55plus: 0, complexgrootte: 0.5, segmentSoort: "koop" }), fullRow(5)];
    const cols = StockColumns.fromRows(rows);
    expect(cols.length).toBe(4);
    expect(cols.toArray()).toEqual(rows);
    for (let i = 0; i < rows.length; i++) {
      expect(Object.keys(cols.row(i))).toEqual(FIELDS);
      expect([cols.id(i), cols.bat(i), cols.batScaleAt(i), cols.textAt("gemeente", i), cols.segmentSoortAt(i)])
        .toEqual([rows[i].id, rows[i].bat, rows[i].batScale, rows[i].gemeente, rows[i].segmentSoort]);
    }
    expect(() => cols.row(4)).toThrow(RangeError);
    expect(() => cols.push({ ...stockRow(), zorgprofiel: "XX" as never })).toThrow(RangeError);
  });

  test("round trip on generated stocks, past the first capacity", () => {
    fc.assert(
      fc.property(stockArb(), (rows) => {
        const cols = new StockColumns(1);
        for (const r of rows) cols.push(r);
        expect(cols.toArray()).toEqual(rows);
        expect(stockColumnsOf(rows).toArray()).toEqual(rows);
        expect(stockColumnsOf(cols)).toBe(cols);
      }),
      { numRuns: 50 },
    );
  });

  test("keep drops the rows set aside, in order; setBat settles a row's BAT; trim keeps the rows", () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? fullRow(100 + i) : stockRow({ bat: i % 5, gemeente: `G${i % 4}` })));
    const cols = new StockColumns(2);
    for (const r of rows) cols.push(r);
    cols.setBat(1, 2, "vera");
    const kept = rows.map((r, i) => (i === 1 ? { ...r, bat: 2, batScale: "vera" as const } : r)).filter((_, i) => i % 4 !== 2);
    cols.keep((i) => i % 4 !== 2);
    cols.trim();
    expect(cols.length).toBe(kept.length);
    expect(cols.toArray()).toEqual(kept);
  });

  test("a subset is the rows at the indices, in that order; a BAT set in it leaves the source alone", () => {
    fc.assert(
      fc.property(stockArb(), fc.array(fc.nat(), { maxLength: 30 }), (rows, picks) => {
        const cols = StockColumns.fromRows(rows);
        const idx = Int32Array.from(picks.map((p) => p % rows.length));
        const sub = cols.subset(idx);
        expect(sub.toArray()).toEqual(Array.from(idx, (i) => rows[i]));
        if (idx.length > 0) {
          sub.setBat(0, 4, "vera");
          expect(sub.row(0)).toEqual({ ...rows[idx[0]], bat: 4, batScale: "vera" });
          expect(cols.row(idx[0])).toEqual(rows[idx[0]]);
        }
      }),
      { numRuns: 50 },
    );
  });

  test("setFacts changes only the given complex facts of one row (null too); withOwnBat gets a BAT of its own", () => {
    const facts: Array<Parameters<StockColumns["setFacts"]>[1]> = [
      { ontmoetingsruimte: "inpandig" }, { ontmoetingsruimte: null }, { complexgrootte: 12 }, { complexgrootte: null },
      { aandeel55plus: 0.5 }, { aandeel55plus: null }, { wlz: true }, { wlz: false }, { wlz: null }, {},
    ];
    fc.assert(
      fc.property(stockArb(), fc.nat(), fc.constantFrom(...facts), (rows, pick, f) => {
        const cols = StockColumns.fromRows(rows);
        const i = pick % rows.length;
        const copy = cols.subset(rows.map((_, k) => k));
        copy.setFacts(i, f);
        expect(copy.toArray()).toEqual(rows.map((r, k) => (k === i ? { ...r, ...f } : r)));
        const view = cols.withOwnBat();
        view.setBat(i, 5, "limburg");
        expect(view.toArray()).toEqual(rows.map((r, k) => (k === i ? { ...r, bat: 5, batScale: "limburg" } : r)));
        expect(cols.toArray()).toEqual(rows);
      }),
      { numRuns: 50 },
    );
  });

  test("copies with one fact changed keep every other field of a row made from the columns", () => {
    const rows = [fullRow(7), stockRow({ bat: 2, complex: "C1", wlz: false })];
    const cols = StockColumns.fromRows(rows);
    rows.forEach((r, i) => {
      expect(withWlz(cols.row(i))).toEqual({ ...r, wlz: true });
      expect(fixClusterRow({ criterium: "ontmoetingsruimte", fixWaarde: null }, cols.row(i))).toEqual({ ...r, ontmoetingsruimte: "inpandig" });
      expect(fixClusterRow({ criterium: "woningen", fixWaarde: 12 }, cols.row(i))).toEqual({ ...r, complexgrootte: 12 });
      expect(fixClusterRow({ criterium: "aandeel55plus", fixWaarde: 0.5 }, cols.row(i))).toEqual({ ...r, aandeel55plus: 0.5 });
    });
    // Each row is a new object: changing one does not change the columns.
    const r0 = cols.row(0);
    r0.wlz = false;
    expect(cols.row(0).wlz).toBe(true);
  });
});
