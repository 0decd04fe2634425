/**
 * A fast-check arbitrary for stocks of complexes near the geclusterd thresholds (sizes 8-14,
 * 55+ shares around 50%, meeting rooms present, absent, adjoining or unknown, Wlz yes/no/unknown),
 * with dwelling forms that give geschikt, potentieel and ongeschikt dwellings, in two segments.
 */
import fc from "fast-check";
import type { StockRow } from "../../src/domain/types";
import { stockRow } from "./fixtures";

const WONINGTYPEN = ["Grondgebonden >1 bouwlaag", "Grondgebonden =1 bouwlaag", "Gestapeld met lift", "Gestapeld zonder lift"];

const complexArb = fc.record({
  size: fc.integer({ min: 8, max: 14 }),
  room: fc.constantFrom<StockRow["ontmoetingsruimte"]>("inpandig", "inpandig", "geen", "aangrenzend", null),
  share: fc.option(fc.constantFrom(0.3, 0.44, 0.45, 0.47, 0.5, 0.6, 0.8), { nil: null }),
  wlz: fc.option(fc.boolean(), { nil: null }),
  segment: fc.constantFrom("huur", "koop"),
  woningtype: fc.constantFrom(...WONINGTYPEN),
  gemeente: fc.constantFrom("Kerkrade", "Landgraaf"),
  bats: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 8 }), { minLength: 14, maxLength: 14 }),
  aantal: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 14, maxLength: 14 }),
  floors: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 14, maxLength: 14 }),
});

/** Rows of `count` complexes (1..8 by default), plus a few rows without complex. */
export function stockArb(maxComplexes = 8): fc.Arbitrary<StockRow[]> {
  return fc
    .record({
      complexes: fc.array(complexArb, { minLength: 1, maxLength: maxComplexes }),
      loose: fc.array(fc.record({ bat: fc.integer({ min: 0, max: 4 }), woningtype: fc.constantFrom(...WONINGTYPEN) }), { maxLength: 4 }),
    })
    .map(({ complexes, loose }) => {
      const rows: StockRow[] = [];
      complexes.forEach((c, k) => {
        for (let j = 0; j < c.size; j++) {
          const bat = c.bats[j];
          rows.push(
            stockRow({
              id: `V${k}-${j}`,
              complex: `C${k}`,
              eigenaar: "Wonen Test",
              gemeente: c.gemeente,
              segment: c.segment,
              segmentSoort: c.segment as "huur" | "koop",
              woningtype: c.woningtype,
              bouwlaag: c.woningtype.startsWith("Gestapeld") ? c.floors[j] : 0,
              bat,
              batScale: bat === null ? null : "limburg",
              // Grouped rows in some complexes: aantal stands for identical dwellings.
              aantal: k % 3 === 2 ? c.aantal[j] : 1,
              ontmoetingsruimte: c.room,
              aandeel55plus: c.share,
              wlz: c.wlz,
            }),
          );
        }
      });
      loose.forEach((l, j) => rows.push(stockRow({ id: `L${j}`, bat: l.bat, woningtype: l.woningtype, segment: "huur", segmentSoort: "huur", gemeente: "Kerkrade" })));
      return rows;
    });
}
