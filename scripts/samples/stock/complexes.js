/**
 * The complexes of the synthetic Kerkrade stock: each one owner, neighbourhood, dwelling type,
 * role and building year, with its facts (facts.js) and units (units.js). A complex is the unit of
 * the clustering criteria (docs/handleiding.md, "5b. Clusteringpotentieel, zorgpotentieel en
 * wat-als"), so every fact the rules read is per complex, never per unit. The draws happen in a
 * fixed order per complex (facts, building year, quality, rent noise, neighbourhood, layout): the
 * seeded sequence depends on it.
 */
"use strict";

const { complexFacts, drawBouwjaar } = require("./facts");
const { layoutUnits, unitsOf, addedUnits } = require("./units");

/** Kerkrade neighbourhoods (buurten/wijken) with rough weights for the synthetic stock. */
const BUURTEN = [
  ["Centrum", 10], ["Chevremont", 7], ["Bleijerheide", 8], ["Holz", 6], ["Terwinselen", 7],
  ["Spekholzerheide", 7], ["Gracht", 5], ["Kaalheide", 8], ["Haanrade", 5], ["Eygelshoven", 7],
  ["Hopel", 6], ["Nulland", 4], ["Rolduckerveld", 6], ["Vink", 4], ["Heilust", 5], ["Dentgenbach", 3],
];

/** Care profiles handed out in turn to the care complexes. */
const PROFIELEN = ["PG", "SOM"];

/**
 * A list of complexes drawn from `rnd`: `make(corp, typeRow, kind, role, size)` adds a complex of
 * `size` units and returns it; `addToLargest(corp, n, typeRow)` puts n remnant units in the
 * owner's largest regular lift-flat complex (else its largest complex) that stays within 120 units,
 * and throws (in Dutch) if there is none; `all` is the list in the order made.
 */
function createComplexes(rnd) {
  const all = [];
  let profielIndex = 0;
  let begeleidWlzGiven = false;
  const state = {
    nextProfiel: () => PROFIELEN[profielIndex++ % PROFIELEN.length],
    takeBegeleidWlz: () => {
      if (begeleidWlzGiven) return false;
      begeleidWlzGiven = true;
      return true;
    },
  };

  function make(corp, typeRow, kind, role, size) {
    const facts = complexFacts(role, kind, rnd, state);
    const bouwjaar = drawBouwjaar(role, kind, rnd);
    const complex = {
      corp: corp.name,
      woningtype: typeRow ? typeRow.label : "",
      typeRow,
      kind,
      role,
      size,
      bouwjaar,
      quality: Math.min(1.3, ((bouwjaar - 1920) / 100) * 0.7 + rnd.float(0, 0.5)),
      rentNoise: rnd.next(),
      buurt: rnd.weighted(BUURTEN.map((b) => b[0]), BUURTEN.map((b) => b[1])),
      ...facts,
      stepsAtEntrance: false,
      units: [],
    };
    complex.units = unitsOf(complex, layoutUnits(complex, rnd));
    all.push(complex);
    return complex;
  }

  function addToLargest(corp, n, typeRow) {
    const host = all
      .filter((x) => x.corp === corp.name && x.role === "regulier" && x.kind === "GML" && x.size + n <= 120)
      .sort((a, b) => b.size - a.size)[0]
      || all.filter((x) => x.corp === corp.name && x.size + n <= 120).sort((a, b) => b.size - a.size)[0];
    if (!host) throw new Error(`Geen complex om ${n} eenheden aan toe te voegen (${corp.name})`);
    host.units.push(...addedUnits(host, n, typeRow));
    host.size += n;
  }

  return { all, make, addToLargest };
}

module.exports = { createComplexes };
