/**
 * Clustering potential and care potential: unit cases at the thresholds of the BZK definitions
 * (12 dwellings, 50% 55+, indoor meeting room, Wlz care), and properties that hold the predicted
 * gains to a full re-classification of the stock with the missing fact supplied.
 */
import fc from "fast-check";
import { classifyStock } from "../../src/domain/classify";
import { findClusterCandidates, fixClusterRow } from "../../src/domain/clustering";
import { findCareCandidates, withWlz } from "../../src/domain/zorgpotentieel";
import { DEFAULT_RULES, RulesSchema } from "../../src/domain/rules";
import type { StockRow } from "../../src/domain/types";
import { complexRows } from "./fixtures";
import { stockArb } from "./stock-arbitrary";

const senior = { ontmoetingsruimte: "inpandig" as const, aandeel55plus: 0.7, wlz: false, gemeente: "Kerkrade" };

function candidates(rows: StockRow[], rules = DEFAULT_RULES) {
  return findClusterCandidates(classifyStock(rows, rules).dwellings, rules);
}

describe("clustering potential", () => {
  test("11 nultreden dwellings with room and 70% 55+: one dwelling short of 12", () => {
    const rows = complexRows(11, { ...senior, complex: "C1", bat: 1 });
    const [c, ...rest] = candidates(rows);
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ complex: "C1", criterium: "woningen", soort: "ontbreekt", woningen: 11, erbijGeclusterd: 11, erbijZorggeschikt: 0 });
    expect(c.ontbreekt).toBe("11 woningen (minimaal 12)");
    expect(c.oplossing).toMatch(/^1 woning meer/);
  });

  test("9 dwellings is more than 2 short: no candidate; a margin of 3 makes it one", () => {
    const rows = complexRows(9, { ...senior, complex: "C1", bat: 1 });
    expect(candidates(rows)).toHaveLength(0);
    const wide = RulesSchema.parse({ clusteringspotentieel: { woningenMarge: 3 } });
    expect(candidates(rows, wide)).toHaveLength(1);
  });

  test("no meeting room: only the nultreden dwellings count, and Wlz care makes the BAT ≥ 2 ones zorggeschikt", () => {
    const rows = [
      ...complexRows(6, { ...senior, complex: "C2", ontmoetingsruimte: "geen", wlz: true, bat: 2 }),
      ...complexRows(8, { ...senior, complex: "C2", ontmoetingsruimte: "geen", wlz: true, bat: 1 }),
      ...complexRows(6, { ...senior, complex: "C2", ontmoetingsruimte: "geen", wlz: true, bat: 0 }),
    ];
    const [c] = candidates(rows);
    expect(c).toMatchObject({ criterium: "ontmoetingsruimte", soort: "ontbreekt", ontbreekt: "geen ontmoetingsruimte", erbijGeclusterd: 14, erbijZorggeschikt: 6 });
  });

  test("an adjoining room misses the indoor criterion; with the VERA option the complex is already geclusterd", () => {
    const rows = complexRows(14, { ...senior, complex: "C3", ontmoetingsruimte: "aangrenzend", bat: 1 });
    expect(candidates(rows)[0].ontbreekt).toMatch(/aangrenzende/);
    expect(candidates(rows, RulesSchema.parse({ geclusterd: { ontmoetingsruimteAangrenzendTelt: true } }))).toHaveLength(0);
  });

  test("47% 55+ is within 5 points of 50%; 44% is not", () => {
    const near = candidates(complexRows(14, { ...senior, complex: "C4", aandeel55plus: 0.47, bat: 3 }));
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ criterium: "aandeel55plus", ontbreekt: "47% bewoners 55+ (minimaal 50%)", erbijGeclusterd: 14 });
    expect(near[0].oplossing).toMatch(/^3 procentpunt/);
    expect(candidates(complexRows(14, { ...senior, complex: "C4", aandeel55plus: 0.44, bat: 3 }))).toHaveLength(0);
  });

  test("two missing criteria: no candidate", () => {
    expect(candidates(complexRows(11, { ...senior, complex: "C5", ontmoetingsruimte: "geen", bat: 1 }))).toHaveLength(0);
  });

  test("an unknown fact is listed as 'onbekend' unless switched off", () => {
    const rows = complexRows(14, { ...senior, complex: "C6", ontmoetingsruimte: null, bat: 1 });
    expect(candidates(rows)[0]).toMatchObject({ soort: "onbekend", ontbreekt: "ontmoetingsruimte onbekend", erbijGeclusterd: 14 });
    expect(candidates(rows, RulesSchema.parse({ clusteringspotentieel: { onbekendMeetellen: false } }))).toHaveLength(0);
  });

  test("ranked by the dwellings gained", () => {
    const rows = [
      ...complexRows(10, { ...senior, complex: "Klein", bat: 1 }),
      ...complexRows(30, { ...senior, complex: "Groot", ontmoetingsruimte: "geen", bat: 1 }),
      ...complexRows(11, { ...senior, complex: "Middel", bat: 1 }),
    ];
    expect(candidates(rows).map((c) => [c.complex, c.erbijGeclusterd])).toEqual([["Groot", 30], ["Middel", 11], ["Klein", 10]]);
  });
});

describe("care potential", () => {
  const clustered = { ...senior, complex: "Z1" };

  test("a clustered complex without Wlz: the BAT ≥ 2 dwellings would become zorggeschikt", () => {
    const rows = [...complexRows(5, { ...clustered, bat: 1 }), ...complexRows(7, { ...clustered, bat: 2 }), ...complexRows(3, { ...clustered, bat: 4 })];
    const dwellings = classifyStock(rows, DEFAULT_RULES).dwellings;
    const [c, ...rest] = findCareCandidates(dwellings, DEFAULT_RULES);
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ complex: "Z1", soort: "ontbreekt", geclusterd: 15, erbijZorggeschikt: 10 });
  });

  test("Wlz unknown is listed as 'onbekend'; Wlz delivered, or Wlz not required: no candidate", () => {
    const unknown = classifyStock(complexRows(12, { ...clustered, wlz: null, bat: 3 }), DEFAULT_RULES).dwellings;
    expect(findCareCandidates(unknown, DEFAULT_RULES)[0]).toMatchObject({ soort: "onbekend", erbijZorggeschikt: 12 });
    const delivered = classifyStock(complexRows(12, { ...clustered, wlz: true, bat: 3 }), DEFAULT_RULES).dwellings;
    expect(findCareCandidates(delivered, DEFAULT_RULES)).toHaveLength(0);
    const noWlz = RulesSchema.parse({ zorggeschikt: { wlzVereist: false } });
    expect(findCareCandidates(classifyStock(complexRows(12, { ...clustered, bat: 3 }), noWlz).dwellings, noWlz)).toHaveLength(0);
  });

  test("a complex that is not geclusterd has no care potential", () => {
    const rows = complexRows(12, { ...clustered, ontmoetingsruimte: "geen", bat: 3 });
    expect(findCareCandidates(classifyStock(rows, DEFAULT_RULES).dwellings, DEFAULT_RULES)).toHaveLength(0);
  });
});

/** Dwellings (sum of aantal) per complex that are geclusterd / zorggeschikt. */
function counts(rows: StockRow[]) {
  const d = classifyStock(rows, DEFAULT_RULES).dwellings;
  let g = 0;
  let z = 0;
  for (const x of d) {
    if (x.geclusterd) g += x.row.aantal;
    if (x.zorggeschikt) z += x.row.aantal;
  }
  return { g, z, d };
}

describe("properties: the predicted gains are what re-classifying the whole stock gives", () => {
  test("clustering: supplying the missing fact makes exactly the predicted dwellings geclusterd", () => {
    fc.assert(
      fc.property(stockArb(), (rows) => {
        const before = counts(rows);
        for (const c of findClusterCandidates(before.d, DEFAULT_RULES)) {
          const members = new Set(c.rijen);
          const fixed = rows.map((r, i) => (members.has(i) ? fixClusterRow(c, r) : r));
          const after = counts(fixed);
          expect(after.g - before.g).toBe(c.erbijGeclusterd);
          expect(after.z - before.z).toBe(c.erbijZorggeschikt);
          // Every nultreden dwelling of the complex is now geclusterd.
          for (const i of c.rijen) if (after.d[i].nultreden) expect(after.d[i].geclusterd).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("care: Wlz care in a candidate complex adds exactly the predicted zorggeschikte dwellings", () => {
    fc.assert(
      fc.property(stockArb(), (rows) => {
        const before = counts(rows);
        for (const c of findCareCandidates(before.d, DEFAULT_RULES)) {
          const members = new Set(c.rijen);
          const after = counts(rows.map((r, i) => (members.has(i) ? withWlz(r) : r)));
          expect(after.z - before.z).toBe(c.erbijZorggeschikt);
          expect(after.g).toBe(before.g);
        }
      }),
      { numRuns: 150 },
    );
  });

  test("every complex that is one criterion short within the margins is found", () => {
    fc.assert(
      fc.property(stockArb(), (rows) => {
        const before = counts(rows);
        const found = new Set(findClusterCandidates(before.d, DEFAULT_RULES).map((c) => c.complex));
        // Independent check on the raw facts of the arbitrary (one owner, rows per complex).
        const byComplex = new Map<string, StockRow[]>();
        rows.forEach((r) => r.complex !== null && byComplex.set(r.complex, [...(byComplex.get(r.complex) ?? []), r]));
        for (const [name, list] of byComplex) {
          const size = list.reduce((s, r) => s + r.aantal, 0);
          const f = list[0];
          const ok = [f.ontmoetingsruimte === "inpandig", size >= 12, f.aandeel55plus !== null && f.aandeel55plus >= 0.5];
          const near = [f.ontmoetingsruimte !== "inpandig", size >= 10, f.aandeel55plus === null || f.aandeel55plus >= 0.45];
          const missing = ok.map((x, i) => (x ? -1 : i)).filter((i) => i >= 0);
          const gain = list.some((r) => r.bat !== null && r.bat >= 1);
          const expected = missing.length === 1 && near[missing[0]] && gain;
          expect([name, found.has(name)]).toEqual([name, expected]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
