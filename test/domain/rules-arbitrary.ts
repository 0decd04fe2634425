/**
 * Random rules for the domain's property tests: every threshold and switch that the
 * classification reads (nultreden BAT thresholds per scale, the geclusterd size and 55+ rules with
 * a rural list, the zorggeschikt requirements, declared woonvormen as evidence or not), each
 * through `parseRules` as a user's rules would come in.
 */
import fc from "fast-check";
import { parseRules, type Rules } from "../../src/domain/rules";

/** Valid rules with random thresholds and switches (see the module comment). */
export const rulesArb: fc.Arbitrary<Rules> = fc
  .record({
    nultreden: fc.record({ limburgMinBat: fc.integer({ min: 0, max: 4 }), veraMinBat: fc.integer({ min: 1, max: 5 }) }),
    geclusterd: fc.record({
      minWoningen: fc.integer({ min: 1, max: 40 }),
      landelijkeGemeenten: fc.constantFrom([], ["Simpelveld"]),
      minWoningenLandelijk: fc.integer({ min: 1, max: 12 }),
      ontmoetingsruimteAangrenzendTelt: fc.boolean(),
      label55plusAlsAandeelOnbekend: fc.boolean(),
    }),
    zorggeschikt: fc.record({ wlzVereist: fc.boolean(), zelfstandigVereist: fc.boolean() }),
    woonvormGedeclareerd: fc.constantFrom("bewijs", "negeren"),
  })
  .map((json) => {
    const r = parseRules(json);
    if (!r.ok) throw new Error(r.message);
    return r.rules;
  });
