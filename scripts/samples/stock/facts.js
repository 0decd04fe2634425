/**
 * Facts per complex of the synthetic Kerkrade stock, by role (zorg, aanleun, senior, begeleid,
 * regulier and the near misses): meeting room, share of 55+ residents, 55+ label, Wlz care, care
 * profile, building year, and a "boost" that ranks the complex's units in the BAT assignment.
 * These are the inputs of the clustering and care potential (docs/handleiding.md, "5b.
 * Clusteringpotentieel, zorgpotentieel en wat-als"); the near misses sit just outside a rule on
 * purpose. Invented, with plausible correlations; the order of the draws is part of the seeded
 * sequence.
 */
"use strict";

/** x rounded to two decimals (a share such as 0.57). */
function round2(x) {
  return Math.round(x * 100) / 100;
}

/**
 * The roles of complexes labelled 55+: meeting room ("ja", "aangrenzend" in an adjoining
 * building, "" unknown), the range of the 55+ share (share: a fraction drawn and rounded to two
 * decimals; percent: whole percentages; neither: unknown), the boost in the BAT ranking, and
 * whether it is a care complex (Wlz care and a care profile). The near misses (klein, 55min,
 * ruimteOnbekend, aangrenzend, 55onbekend, portiek55) each sit just outside one clustering
 * criterion (placement.js, NEAR_MISSES).
 */
const LABELLED_ROLES = {
  zorg: { ruimte: "ja", share: [0.85, 1.0], boost: 10, care: true },
  aanleun: { ruimte: "ja", share: [0.8, 1.0], boost: 5 },
  senior: { ruimte: "ja", share: [0.55, 0.95], boost: 1.5 },
  klein: { ruimte: "ja", share: [0.65, 0.9], boost: 1.5 },
  "55min": { ruimte: "ja", percent: [45, 49], boost: 1.5 },
  ruimteOnbekend: { ruimte: "", share: [0.6, 0.9], boost: 1.5 },
  aangrenzend: { ruimte: "aangrenzend", share: [0.6, 0.9], boost: 1.5 },
  "55onbekend": { ruimte: "ja", boost: 1.5 },
  portiek55: { ruimte: "ja", share: [0.6, 0.8], boost: 0 },
};

/** Range of the 55+ share of a regular complex, by dwelling kind. */
const REGULAR_SHARE = { GM: [0.12, 0.45], G1: [0.35, 0.9], GZL: [0.15, 0.55], GML: [0.25, 0.65], ANDERS: [0.1, 0.5] };

/** Facts of a regular complex of the given kind (fills `f`): mostly no meeting room, no label. */
function regularFacts(f, kind, rnd) {
  const [lo, hi] = REGULAR_SHARE[kind] || [0.1, 0.5];
  f.aandeel55 = rnd.chance(0.03) ? null : round2(rnd.float(lo, hi));
  const r = rnd.next();
  if (kind === "GML" && r < 0.12) {
    f.ontmoetingsruimte = "ja";
    if (f.aandeel55 !== null) f.aandeel55 = Math.min(f.aandeel55, round2(rnd.float(0.2, 0.45)));
    else f.aandeel55 = round2(rnd.float(0.2, 0.45));
  } else if (r > 0.96) {
    f.ontmoetingsruimte = "";
  }
  // Dwellings labelled 55+ without a (known) meeting room: mostly older residents.
  const labelled = (kind === "G1" && rnd.chance(0.5)) || (kind === "GML" && rnd.chance(0.1));
  if (labelled && f.ontmoetingsruimte !== "ja") {
    f.label55 = "ja";
    if (f.aandeel55 !== null) f.aandeel55 = round2(rnd.float(0.5, 0.9));
  }
}

/**
 * Complex-level facts per role: { ontmoetingsruimte: "ja"|"nee"|"aangrenzend"|"" (unknown),
 * aandeel55: share 0-1 or null (unknown), label55, wlz: "ja"|"nee", zorgprofiel, boost }. Roles
 * of LABELLED_ROLES, "begeleid" (supported housing of the care organisation), and any other role
 * as regular. `state` hands out care profiles in turn and the one Wlz complex of supported
 * housing.
 */
function complexFacts(role, kind, rnd, state) {
  const f = { ontmoetingsruimte: "nee", aandeel55: null, label55: "nee", wlz: "nee", zorgprofiel: "", boost: 0 };
  const labelled = Object.prototype.hasOwnProperty.call(LABELLED_ROLES, role) ? LABELLED_ROLES[role] : null;
  if (labelled) {
    f.ontmoetingsruimte = labelled.ruimte;
    if (labelled.share) f.aandeel55 = round2(rnd.float(labelled.share[0], labelled.share[1]));
    else if (labelled.percent) f.aandeel55 = rnd.int(labelled.percent[0], labelled.percent[1]) / 100;
    f.label55 = "ja";
    f.boost = labelled.boost;
    if (labelled.care) {
      f.wlz = "ja";
      f.zorgprofiel = state.nextProfiel();
    }
  } else if (role === "begeleid") {
    f.ontmoetingsruimte = rnd.chance(0.5) ? "ja" : "nee";
    f.aandeel55 = round2(rnd.float(0.05, 0.35));
    f.wlz = state.takeBegeleidWlz() ? "ja" : "nee";
  } else {
    regularFacts(f, kind, rnd);
  }
  return f;
}

/** Building year of a complex, by role and dwelling kind. */
function drawBouwjaar(role, kind, rnd) {
  if (role === "zorg") return rnd.int(1995, 2019);
  if (role === "portiek55") return rnd.int(1955, 1975);
  if (role === "aanleun" || role === "begeleid") return rnd.int(1975, 2019);
  if (role !== "regulier") return kind === "G1" ? rnd.int(1978, 2016) : rnd.int(1985, 2019);
  switch (kind) {
    case "GML":
      return rnd.chance(0.6) ? rnd.int(1965, 1982) : rnd.int(1983, 2015);
    case "GZL":
      return rnd.int(1950, 1985);
    case "GM": {
      const r = rnd.next();
      if (r < 0.35) return rnd.int(1920, 1940);
      if (r < 0.8) return rnd.int(1946, 1975);
      return rnd.int(1976, 2015);
    }
    case "G1":
      return rnd.int(1968, 2018);
    default:
      return rnd.int(1950, 2000);
  }
}

module.exports = { complexFacts, drawBouwjaar };
