/**
 * The classified stock without an object per dwelling (src/domain/classified-stock.ts): each
 * dwelling made on demand is the one the classification decided (its row, slot, flags, reason
 * and warnings), and every consumer of a classified stock (aggregation, adaptation, the
 * clustering and care potential, the what-if) gives the same result from the typed arrays as
 * from the dwellings as an array of objects.
 */
import fc from "fast-check";
import { classifyStock } from "../../src/domain/classify";
import { StockColumns } from "../../src/domain/stock-columns";
import { ClassifiedStock, classifiedStockOf, slotIsGeclusterd, slotIsNultreden, slotIsZorggeschikt, zorgSlot } from "../../src/domain/classified-stock";
import { summariseAll } from "../../src/domain/aggregate";
import { assessAdaptation } from "../../src/domain/potentieel";
import { findClusterCandidates } from "../../src/domain/clustering";
import { findCareCandidates } from "../../src/domain/zorgpotentieel";
import { computeWhatIf, paramsFromRules, prepareWhatIf, type WhatIfInput } from "../../src/domain/whatif";
import { supplyFromSummary } from "../../src/domain/aggregate";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { bzkSlot, SLOT_GECLUSTERD, SLOT_NULTREDEN, SLOT_ONBEKEND, SLOT_REGULIER, SLOT_ZORG, SLOT_ZORG_PG, SLOT_ZORG_SOM } from "../../src/domain/supply-vector";
import type { ClassifiedDwelling } from "../../src/domain/types";
import { stockRow } from "./fixtures";
import { stockArb } from "./stock-arbitrary";

/** The plain fields of a dwelling (its getters read out), for comparison. */
const plain = (d: ClassifiedDwelling) => ({
  row: d.row, bzk: d.bzk, nultreden: d.nultreden, geclusterd: d.geclusterd, zorggeschikt: d.zorggeschikt,
  zorgprofiel: d.zorgprofiel, reden: d.reden, warnings: d.warnings,
});

describe("ClassifiedStock", () => {
  test("the slot decides the flags and the type, as the classification sets them", () => {
    const cases: [number, boolean, boolean, boolean][] = [
      [SLOT_REGULIER, false, false, false], [SLOT_NULTREDEN, true, false, false], [SLOT_GECLUSTERD, true, true, false],
      [SLOT_ZORG_SOM, true, true, true], [SLOT_ZORG_PG, true, true, true], [SLOT_ZORG, true, true, true], [SLOT_ONBEKEND, false, false, false],
    ];
    for (const [slot, n, g, z] of cases) expect([slotIsNultreden(slot), slotIsGeclusterd(slot), slotIsZorggeschikt(slot)]).toEqual([n, g, z]);
    expect([zorgSlot("SOM"), zorgSlot("PG"), zorgSlot(null)]).toEqual([SLOT_ZORG_SOM, SLOT_ZORG_PG, SLOT_ZORG]);
  });

  test("a dwelling out of range is a RangeError, and mismatched parts too", () => {
    const { classified } = classifyStock([stockRow({ bat: 2 })], DEFAULT_RULES);
    expect(() => classified.dwelling(1)).toThrow(RangeError);
    expect(() => classified.dwelling(-1)).toThrow(RangeError);
    expect(() => ClassifiedStock.of(StockColumns.fromRows([stockRow()]), new Uint8Array(2), new Uint32Array(1), [])).toThrow(RangeError);
  });

  test("each dwelling made on demand is the classification's: row, slot, flags, reason, shared warnings", () => {
    fc.assert(
      fc.property(stockArb(), (rows) => {
        const { classified, dwellings } = classifyStock(rows, DEFAULT_RULES);
        expect(classified.length).toBe(rows.length);
        expect(dwellings).toHaveLength(rows.length);
        for (let i = 0; i < rows.length; i++) {
          const d = classified.dwelling(i);
          expect(d.row).toEqual(rows[i]);
          expect(classified.rows.row(i)).toEqual(rows[i]);
          expect(bzkSlot(d)).toBe(classified.slots[i]);
          expect([classified.bzk(i), classified.nultreden(i), classified.geclusterd(i), classified.zorggeschikt(i)])
            .toEqual([d.bzk, d.nultreden, d.geclusterd, d.zorggeschikt]);
          expect(d.zorgprofiel).toBe(d.zorggeschikt ? rows[i].zorgprofiel : null);
          expect(plain(dwellings[i])).toEqual(plain(d));
          // Rows with the same outcome share its reason and its frozen warnings.
          expect(Object.isFrozen(d.warnings)).toBe(true);
          expect(dwellings[i].warnings).toBe(d.warnings);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("from an array of dwellings: the same rows, slots and dwellings", () => {
    fc.assert(
      fc.property(stockArb(4), (rows) => {
        const { classified, dwellings } = classifyStock(rows, DEFAULT_RULES);
        const wrapped = classifiedStockOf(dwellings);
        expect(classifiedStockOf(classified)).toBe(classified);
        expect(wrapped.rows).toEqual(classified.rows);
        expect(Array.from(wrapped.slots)).toEqual(Array.from(classified.slots));
        for (let i = 0; i < rows.length; i++) expect(wrapped.dwelling(i)).toBe(dwellings[i]);
        expect(wrapped.toArray()).toEqual(dwellings);
      }),
      { numRuns: 30 },
    );
  });

  test("every consumer gives the same result from the typed arrays as from the dwellings as objects", () => {
    const rules = DEFAULT_RULES;
    fc.assert(
      fc.property(stockArb(), (rows) => {
        const { classified, dwellings } = classifyStock(rows, rules);
        const input = (ds: typeof classified | ClassifiedDwelling[]): WhatIfInput => {
          const all = summariseAll(ds, "limburg", ["gemeente", "segment"]);
          return {
            dwellings: ds, adapted: assessAdaptation(ds, rules).perDwelling, rules, batScale: "limburg", supplySource: "voorraad",
            supply: supplyFromSummary(all.summary, "limburg"), demand: [], plannen: [],
            clustering: findClusterCandidates(ds, rules), zorgpotentieel: findCareCandidates(ds, rules),
          };
        };
        const a = input(classified);
        const b = input(dwellings);
        expect(summariseAll(classified, "limburg", ["gemeente", "segment"])).toEqual(summariseAll(dwellings, "limburg", ["gemeente", "segment"]));
        expect(assessAdaptation(classified, rules)).toEqual(assessAdaptation(dwellings, rules));
        expect(a.clustering).toEqual(b.clustering);
        expect(a.zorgpotentieel).toEqual(b.zorgpotentieel);
        const params = { ...paramsFromRules(rules), aanpassenPercentage: 60, ontmoetingsruimten: 3, wlzComplexen: 2 };
        const ra = computeWhatIf(prepareWhatIf(a), params, { trace: true });
        const rb = computeWhatIf(prepareWhatIf(b), params, { trace: true });
        expect(ra).toEqual(rb);
      }),
      { numRuns: 40 },
    );
  });
});
