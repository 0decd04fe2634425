/**
 * Units per complex of the synthetic Kerkrade stock: floors and dwelling codes (VERA
 * eenheiddetailsoort, listed in the Kerkrade sample's Toelichting) and each unit's cap on its BAT
 * class. Stacked without lift: BAT >= 1 only on the ground floor; the caps are what makes the
 * BAT assignment (assign.js) plausible (docs/handleiding.md, "Voorraad per woning (VHE) of per
 * groep", for the columns a user's stock has). The order of the draws is part of the seeded
 * sequence.
 */
"use strict";

/**
 * Dwelling kinds of the dwelling-type table. typeBase ranks kinds for the BAT assignment (higher
 * = better accessible); maxBat caps the class per unit (GZL above the ground floor: 0).
 */
const KINDS = {
  G1: { typeBase: 2.0, maxBat: 4, lift: "", grond: true },   // grondgebonden, 1 bouwlaag
  GM: { typeBase: 0.7, maxBat: 2, lift: "", grond: true },   // grondgebonden, >1 bouwlaag
  GZL: { typeBase: 1.0, maxBat: 2, lift: "nee", grond: false }, // gestapeld zonder lift
  GML: { typeBase: 2.0, maxBat: 4, lift: "ja", grond: false },  // gestapeld met lift
  ANDERS: { typeBase: 0.5, maxBat: 1, lift: "", grond: true },
  ZORG: { typeBase: 2.0, maxBat: 4, lift: "ja", grond: false }, // care organisation, no woningtype
};

/** Floors and dwelling codes (VERA EENHEIDDETAILSOORT) for the units of a complex. */
function layoutUnits(complex, rnd) {
  const n = complex.size;
  const units = [];
  const kind = complex.kind;
  if (kind === "G1" || kind === "GM" || kind === "ANDERS") {
    const codes = [];
    if (kind !== "ANDERS" && rnd.chance(kind === "G1" ? 0.25 : 0.15) && n % 2 === 0) {
      for (let i = 0; i < n; i++) codes.push("TWE");
    } else if (kind !== "ANDERS") {
      let left = n;
      while (left > 0) {
        let b = Math.min(left, kind === "G1" ? rnd.int(3, 6) : rnd.int(4, 8));
        if (left - b > 0 && left - b < 3) b = left;
        for (let i = 0; i < b; i++) {
          if (i === 0 || i === b - 1) codes.push(rnd.chance(0.5) ? "HOE" : "EIN");
          else codes.push("TUS");
        }
        left -= b;
      }
    } else {
      for (let i = 0; i < n; i++) codes.push("");
    }
    for (let i = 0; i < n; i++) units.push({ bouwlaag: 0, detail: codes[i] });
    complex.floors = 1;
  } else if (kind === "GZL") {
    let floors = rnd.pick([2, 3, 3, 4, 4]);
    floors = Math.max(2, Math.min(floors, Math.floor(n / 2)));
    const benBov = floors === 2 && rnd.chance(0.5);
    const code = rnd.chance(0.7) ? "POF" : "POW";
    for (let i = 0; i < n; i++) {
      const laag = i % floors;
      units.push({ bouwlaag: laag, detail: benBov ? (laag === 0 ? "BEN" : "BOV") : code });
    }
    complex.floors = floors;
  } else if (kind === "GML") {
    const floors = Math.max(3, Math.min(9, Math.round(n / rnd.int(6, 12))));
    const special = complex.role !== "regulier";
    const code = special ? rnd.pick(["COR", "GAL"]) : rnd.chance(0.75) ? "GAL" : "COR";
    for (let i = 0; i < n; i++) units.push({ bouwlaag: i % floors, detail: code });
    complex.floors = floors;
  } else {
    // ZORG: care organisation buildings (no woningtype in the published table, no code)
    const floors = complex.role === "zorg" ? rnd.int(2, 4) : rnd.int(1, 3);
    for (let i = 0; i < n; i++) units.push({ bouwlaag: i % floors, detail: "" });
    complex.floors = floors;
    complex.lift = floors > 1 ? "ja" : "";
  }
  return units;
}

/**
 * The unit records of a new complex from its layout: { complex, woningtype, typeRow, kind,
 * bouwlaag, detail, lift, maxBat, bat: null, huurklasse: "" }.
 */
function unitsOf(complex, layout) {
  return layout.map((u) => ({
    complex,
    woningtype: complex.woningtype,
    typeRow: complex.typeRow,
    kind: complex.kind,
    bouwlaag: u.bouwlaag,
    detail: u.detail,
    lift: complex.lift !== undefined ? complex.lift : KINDS[complex.kind].lift,
    maxBat: complex.kind === "GZL" && u.bouwlaag > 0 ? 0 : KINDS[complex.kind].maxBat,
    bat: null,
    huurklasse: "",
  }));
}

/**
 * n units added to an existing complex `host` (remnants under 4 units): of dwelling type
 * `typeRow`, or, with typeRow null, units without a dwelling type ("extra"), capped at BAT 4.
 */
function addedUnits(host, n, typeRow) {
  const units = [];
  for (let i = 0; i < n; i++) {
    const kind = typeRow ? typeRow.kind : host.kind;
    units.push({
      complex: host,
      woningtype: typeRow ? typeRow.label : "",
      typeRow,
      kind,
      bouwlaag: 0,
      detail: "",
      lift: host.units[0].lift,
      maxBat: typeRow ? KINDS[kind].maxBat : 4,
      bat: null,
      huurklasse: "",
      extra: !typeRow,
    });
  }
  return units;
}

module.exports = { KINDS, layoutUnits, unitsOf, addedUnits };
