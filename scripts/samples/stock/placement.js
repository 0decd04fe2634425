/**
 * Which complexes each owner gets in the synthetic Kerkrade stock, so that the counts per owner
 * and per dwelling type are the published ones (README.md, "Voorbeeldwerkmappen"):
 *   1. planOwners: the care organisation (the owner with the highest BAT 4 share) is the part the
 *      dwelling-type table does not cover, the rest of that difference sits in the largest owner
 *      (an assumption for the sample only, written in its Toelichting); the owner x dwelling-type
 *      split gives owners with more BAT >= 1 units more lift flats and single-storey houses;
 *   2. placeCareOrganisation: care complexes for its BAT 4 units, one sheltered (aanleun)
 *      complex, supported housing for the rest;
 *   3. placeCareAndSeniorComplexes, placeNearMisses: the complexes the clustering and care rules
 *      look at (docs/handleiding.md, "5b. Clusteringpotentieel, zorgpotentieel en wat-als"),
 *      including deliberate near misses;
 *   4. placeRegularComplexes: regular complexes for what is left, remnants under 4 units joined
 *      to another complex, then the units without a dwelling type.
 * The steps run in this order; each draws from the seeded generator in turn.
 */
"use strict";

const { splitMatrix, partition, evenSplit } = require("./split");

/** Near-miss and edge-case senior complexes, spread over the housing corporations. */
const NEAR_MISSES = [
  { role: "klein", kind: "GML", size: [11, 11] },        // 11 < 12 dwellings
  { role: "55min", kind: "GML", size: [24, 40] },        // 45-49% 55+
  { role: "ruimteOnbekend", kind: "GML", size: [20, 36] }, // meeting room unknown
  { role: "klein", kind: "G1", size: [10, 10] },         // hofje of 10
  { role: "aangrenzend", kind: "G1", size: [12, 18] },   // meeting room in adjoining building
  { role: "55onbekend", kind: "GML", size: [16, 30] },   // 55+ share unknown, labelled 55+
  { role: "portiek55", kind: "GZL", size: [16, 24] },    // 55+ porch flat without lift
  { role: "55min", kind: "GML", size: [14, 22] },
];

/** Number of units of a regular complex of the given kind. */
function drawSize(kind, rnd) {
  switch (kind) {
    case "G1":
      return rnd.int(4, 24);
    case "GM":
      return rnd.chance(0.6) ? rnd.int(6, 30) : rnd.int(31, 80);
    case "GZL": {
      const floors = rnd.pick([2, 3, 3, 4, 4]);
      return floors * 2 * rnd.int(1, 6);
    }
    case "GML":
      return rnd.chance(0.7) ? rnd.int(20, 70) : rnd.int(71, 120);
    default:
      return rnd.int(8, 24);
  }
}

/**
 * The owners' plan: { care (owner or null), housing (the other owners), extras (untyped units
 * not of the care organisation), largest (housing owner that holds them), extrasByCorp,
 * untyped, split[owner][type] (typed units per housing owner and dwelling type) }. Throws when
 * the dwelling-type table counts more units than the BAT table.
 */
function planOwners(tables) {
  const { corps, types } = tables;
  const total = corps.reduce((a, c) => a + c.totaal, 0);
  const typedTotal = types.reduce((a, t) => a + t.totaal, 0);
  const untyped = total - typedTotal;
  if (untyped < 0) throw new Error("Woningtypetabel telt meer eenheden dan de BAT-tabel");

  // The care organisation: the owner with the highest BAT 4 share, if over half and small enough
  // to be the part the dwelling-type table leaves out.
  let care = null;
  for (const c of corps) {
    const share = c.counts[4] / c.totaal;
    if (share >= 0.5 && c.totaal <= untyped && (!care || share > care.counts[4] / care.totaal)) care = c;
  }
  const housing = corps.filter((c) => c !== care);
  const extras = untyped - (care ? care.totaal : 0);
  const largest = housing.slice().sort((a, b) => b.totaal - a.totaal)[0];
  const extrasByCorp = new Map(housing.map((c) => [c.name, c === largest ? extras : 0]));

  // Owner x dwelling type split: owners with more BAT >= 1 units get more lift flats/bungalows.
  const typedPerCorp = housing.map((c) => c.totaal - extrasByCorp.get(c.name));
  const weights = housing.map((c) => {
    const s = 1 - c.counts[0] / c.totaal;
    return types.map((t) => (t.kind === "GML" || t.kind === "G1" ? 0.3 + s : t.kind === "ANDERS" ? 1 : 1.3 - s));
  });
  const split = splitMatrix(typedPerCorp, types.map((t) => t.totaal), weights);
  return { care, housing, extras, largest, extrasByCorp, untyped, split };
}

/**
 * The care organisation's complexes: care complexes for its BAT 4 units, one complex of sheltered
 * (aanleun) dwellings, the rest supported housing for other target groups.
 */
function placeCareOrganisation(care, complexes, rnd) {
  const n4 = care.counts[4];
  const k = Math.max(1, Math.ceil(n4 / 100));
  for (const size of evenSplit(n4, k, rnd)) complexes.make(care, null, "ZORG", "zorg", size);
  let rest = care.totaal - n4;
  if (rest >= 16) {
    const size = rest - 8 >= 14 ? rnd.int(14, Math.min(20, rest - 8)) : rest;
    complexes.make(care, null, "ZORG", "aanleun", size);
    rest -= size;
  }
  for (const size of partition(rest, () => rnd.int(8, 24), 8, 30)) complexes.make(care, null, "ZORG", "begeleid", size);
}

/**
 * The units per (housing owner, dwelling kind) still to place, from the owners' plan:
 * { left(corp, kind), take(corp, kind, size) } where take returns false (and takes nothing) when
 * fewer than `size` are left.
 */
function remainingUnits(plan, types) {
  const remaining = new Map();
  plan.housing.forEach((c, ci) => {
    types.forEach((t, ti) => remaining.set(`${c.name}|${t.kind}`, plan.split[ci][ti]));
  });
  const left = (corp, kind) => remaining.get(`${corp.name}|${kind}`) || 0;
  const take = (corp, kind, size) => {
    if (left(corp, kind) < size) return false;
    remaining.set(`${corp.name}|${kind}`, left(corp, kind) - size);
    return true;
  };
  return { left, take };
}

/**
 * Per housing owner: care complexes (Wlz) rented to care providers for about 80% of its BAT 4
 * units, and senior complexes (lift flats, every third one a hofje of single-storey houses).
 */
function placeCareAndSeniorComplexes(housing, types, remaining, complexes, rnd) {
  const typeOfKind = (kind) => types.find((t) => t.kind === kind);
  for (const c of housing) {
    const n4 = c.counts[4];
    if (n4 >= 40 && typeOfKind("GML")) {
      const units = Math.round(0.8 * n4);
      const k = Math.ceil(units / 90);
      for (const size of evenSplit(units, k, rnd)) {
        if (remaining.take(c, "GML", size)) complexes.make(c, typeOfKind("GML"), "GML", "zorg", size);
      }
    }
    const nSenior = Math.max(1, Math.round(c.totaal / 800));
    for (let i = 0; i < nSenior; i++) {
      const kind = i % 3 === 2 ? "G1" : "GML";
      const size = kind === "G1" ? rnd.int(12, 24) : rnd.int(24, 70);
      if (typeOfKind(kind) && remaining.take(c, kind, size)) complexes.make(c, typeOfKind(kind), kind, "senior", size);
      else if (typeOfKind("GML") && remaining.take(c, "GML", size)) complexes.make(c, typeOfKind("GML"), "GML", "senior", size);
    }
  }
}

/** The NEAR_MISSES complexes, each with the first owner (in turn) that has room to spare. */
function placeNearMisses(housing, types, remaining, complexes, rnd) {
  const typeOfKind = (kind) => types.find((t) => t.kind === kind);
  NEAR_MISSES.forEach((nm, i) => {
    const size = rnd.int(nm.size[0], nm.size[1]);
    for (let j = 0; j < housing.length; j++) {
      const c = housing[(i + j) % housing.length];
      if (typeOfKind(nm.kind) && remaining.left(c, nm.kind) >= size + 40) {
        remaining.take(c, nm.kind, size);
        complexes.make(c, typeOfKind(nm.kind), nm.kind, nm.role, size);
        break;
      }
    }
  });
}

/**
 * Regular complexes for what is left per owner and dwelling type; remnants under 4 units join
 * another complex of the owner; then the owner's units without a dwelling type (extrasByCorp),
 * in complexes of their own or, under 4, joined to another.
 */
function placeRegularComplexes(plan, types, remaining, complexes, rnd) {
  const orphans = [];
  for (const c of plan.housing) {
    for (const t of types) {
      const n = remaining.left(c, t.kind);
      if (n === 0) continue;
      if (n < 4) {
        orphans.push({ corp: c, typeRow: t, n });
        continue;
      }
      for (const size of partition(n, () => drawSize(t.kind, rnd), 4, 120)) complexes.make(c, t, t.kind, "regulier", size);
    }
  }
  for (const o of orphans) complexes.addToLargest(o.corp, o.n, o.typeRow);
  for (const c of plan.housing) {
    const n = plan.extrasByCorp.get(c.name);
    if (n === 0) continue;
    if (n < 4) complexes.addToLargest(c, n, null);
    else for (const size of partition(n, () => rnd.int(8, 30), 4, 120)) complexes.make(c, null, "ANDERS", "regulier", size);
  }
}

module.exports = {
  planOwners,
  placeCareOrganisation,
  remainingUnits,
  placeCareAndSeniorComplexes,
  placeNearMisses,
  placeRegularComplexes,
};
