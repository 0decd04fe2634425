/**
 * `clusterVerdict` (the verdict alone, used by the clustering potential for its what-if
 * questions) equals the criteria as geclusterd.ts states them, written out here as a reference,
 * and the verdict of `judgeCluster` (with its texts, used by the classification), for every
 * combination of complex facts and thresholds; a known failing criterion (`failing` of
 * `judgeCluster`) is there exactly when the verdict is false. `clusterVerdictCode` (the verdict
 * with its unknown criteria as one number, for the classification's per-complex typed arrays)
 * gives the same verdict, and for an open verdict exactly `judgeCluster`'s missing facts.
 */
import fc from "fast-check";
import {
  clusterVerdict, clusterVerdictCode, judgeCluster, OPEN_ROOM, OPEN_SHARE, VERDICT_FALSE, VERDICT_OPEN, VERDICT_TRUE,
} from "../../src/domain/geclusterd";
import { DEFAULT_RULES, type Rules } from "../../src/domain/rules";
import type { ComplexFacts } from "../../src/domain/complexes";
import { stockRow } from "./fixtures";

const factsArb = fc.record({
  ontmoetingsruimte: fc.constantFrom("inpandig", "aangrenzend", "geen", null),
  woningen: fc.integer({ min: 1, max: 40 }),
  aandeel55plus: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  label55plusJa: fc.integer({ min: 0, max: 20 }),
  label55plusNee: fc.integer({ min: 0, max: 20 }),
  label55plusOnbekend: fc.integer({ min: 0, max: 20 }),
});

const geclusterdArb = fc.record({
  minWoningen: fc.integer({ min: 1, max: 30 }),
  minWoningenLandelijk: fc.integer({ min: 1, max: 30 }),
  ontmoetingsruimteAangrenzendTelt: fc.boolean(),
  minAandeel55plus: fc.double({ min: 0, max: 1, noNaN: true }),
  label55plusAlsAandeelOnbekend: fc.boolean(),
});

/** The criteria of geclusterd.ts, each three-valued, combined Kleene-style. */
function reference(f: ComplexFacts, g: Rules["geclusterd"], landelijk: boolean): boolean | null {
  const rooms: Record<string, boolean> = { inpandig: true, aangrenzend: g.ontmoetingsruimteAangrenzendTelt, geen: false };
  const room = f.ontmoetingsruimte === null ? null : rooms[f.ontmoetingsruimte];
  const size = f.woningen >= (landelijk ? g.minWoningenLandelijk : g.minWoningen);
  let share: boolean | null = null;
  if (f.aandeel55plus !== null) share = f.aandeel55plus >= g.minAandeel55plus;
  else if (g.label55plusAlsAandeelOnbekend && f.label55plusJa + f.label55plusNee > 0) {
    const total = f.label55plusJa + f.label55plusNee + f.label55plusOnbekend;
    const lower = f.label55plusJa / total;
    const upper = (f.label55plusJa + f.label55plusOnbekend) / total;
    if (lower >= g.minAandeel55plus) share = true;
    else if (upper < g.minAandeel55plus) share = false;
  }
  const all = [room, size, share];
  return all.includes(false) ? false : all.includes(null) ? null : true;
}

test("clusterVerdict equals the criteria and judgeCluster(...).geclusterd", () => {
  fc.assert(
    fc.property(factsArb, geclusterdArb, fc.boolean(), (facts, g, landelijk) => {
      const f: ComplexFacts = {
        complex: "C1", eigenaar: null, geteld: facts.woningen, grootteGegeven: null, wlz: null, conflicts: [], firstRow: stockRow(), ...facts,
      };
      const rules: Rules = { ...DEFAULT_RULES, geclusterd: { ...DEFAULT_RULES.geclusterd, ...g } };
      const v = clusterVerdict(f, rules, landelijk);
      const judged = judgeCluster(f, rules, landelijk);
      expect(v).toBe(reference(f, rules.geclusterd, landelijk));
      expect(v).toBe(judged.geclusterd);
      expect(judged.failing.length > 0).toBe(v === false);
    }),
    { numRuns: 2000 },
  );
});

test("clusterVerdictCode gives clusterVerdict's verdict and, when open, judgeCluster's missing facts", () => {
  fc.assert(
    fc.property(factsArb, geclusterdArb, fc.boolean(), (facts, g, landelijk) => {
      const f: ComplexFacts = {
        complex: "C1", eigenaar: null, geteld: facts.woningen, grootteGegeven: null, wlz: null, conflicts: [], firstRow: stockRow(), ...facts,
      };
      const rules: Rules = { ...DEFAULT_RULES, geclusterd: { ...DEFAULT_RULES.geclusterd, ...g } };
      const code = clusterVerdictCode(f, rules, landelijk);
      const judged = judgeCluster(f, rules, landelijk);
      const verdict = code === VERDICT_TRUE ? true : code === VERDICT_FALSE ? false : code >= VERDICT_OPEN && code < 2 * OPEN_SHARE ? null : "invalid";
      expect(verdict).toBe(judged.geclusterd);
      const missing = verdict === null ? [...((code & OPEN_ROOM) !== 0 ? ["ontmoetingsruimte"] : []), ...((code & OPEN_SHARE) !== 0 ? ["aandeel55plus"] : [])] : [];
      expect(missing).toEqual(judged.missing);
    }),
    { numRuns: 2000 },
  );
});
