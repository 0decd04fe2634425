/**
 * The synthetic per-dwelling stock of the Kerkrade sample ("Voorraad (synthetisch)"). No public
 * file lists dwellings one by one, so this one is generated with a fixed seed (mulberry32,
 * scripts/lib-random.js) to reproduce exactly the published counts per (owner, BAT class) and per
 * (dwelling type, rent class) (README.md, "Voorbeeldwerkmappen"); everything else (complexes,
 * neighbourhoods, floors, lift, building year, meeting room, 55+ share and label, Wlz care, care
 * profile) is invented with plausible correlations, and a few near misses exercise the rules
 * (docs/handleiding.md, "5b. Clusteringpotentieel, zorgpotentieel en wat-als").
 *
 * The steps, in this order (the seed and the order of the draws fix every value):
 *   1. owners and the owner x dwelling-type split (placement.js, planOwners);
 *   2. complexes per owner, each with its facts and units (placement.js, complexes.js, facts.js,
 *      units.js);
 *   3. BAT and rent classes matching the published counts (assign.js);
 *   4. complexes shuffled per owner, numbered, listed as rows;
 *   5. verification of every published marginal (verify.js).
 */
"use strict";

const { createRandom } = require("../../lib-random");
const { createComplexes } = require("./complexes");
const placement = require("./placement");
const { markStepsAtEntrance, rankUnits, assignBat, assignRentClasses } = require("./assign");
const { verifyStock } = require("./verify");

/** Seed of the synthetic stock; printed in the Toelichting sheet. */
const SEED = 20200101;

/**
 * The stock rows in sheet order: per owner (table order) its complexes shuffled and numbered
 * KR-0001..., units with VHE numbers from VHE100001. Returns { ordered complexes, rows }.
 */
function listRows(corps, complexes, rnd) {
  const ordered = [];
  for (const c of corps) ordered.push(...rnd.shuffle(complexes.filter((x) => x.corp === c.name)));
  const rows = [];
  ordered.forEach((cx, i) => {
    cx.nummer = `KR-${String(i + 1).padStart(4, "0")}`;
    for (const u of cx.units) {
      rows.push({
        vhe: `VHE${100001 + rows.length}`,
        complex: cx.nummer,
        corporatie: cx.corp,
        gemeente: "Kerkrade",
        buurt: cx.buurt,
        woningtype: u.woningtype,
        detail: u.detail,
        bouwlaag: u.bouwlaag,
        lift: u.lift,
        bouwjaar: cx.bouwjaar,
        bat: u.bat,
        segment: /gelib/i.test(u.huurklasse) ? "vrije sector huur" : "sociale huur",
        huurklasse: u.huurklasse,
        ontmoetingsruimte: cx.ontmoetingsruimte,
        aandeel55: cx.aandeel55,
        label55: cx.label55,
        wlz: cx.wlz,
        zorgprofiel: cx.zorgprofiel,
      });
    }
  });
  return { ordered, rows };
}

/**
 * The synthetic stock for the published tables (kerkrade-tables.js, readKerkradeTables):
 * { rows (one per unit, see listRows), care (the care organisation or null), extras (untyped
 * units of another owner), extrasCorp (that owner's name or null), untyped (units without a
 * dwelling type), complexes (in sheet order) }. Throws (in Dutch) if a published count cannot be
 * met.
 */
function buildSyntheticStock(tables) {
  const rnd = createRandom(SEED);
  const { corps, types, klasseLabels } = tables;
  const plan = placement.planOwners(tables);

  const complexes = createComplexes(rnd);
  if (plan.care) placement.placeCareOrganisation(plan.care, complexes, rnd);
  const remaining = placement.remainingUnits(plan, types);
  placement.placeCareAndSeniorComplexes(plan.housing, types, remaining, complexes, rnd);
  placement.placeNearMisses(plan.housing, types, remaining, complexes, rnd);
  placement.placeRegularComplexes(plan, types, remaining, complexes, rnd);

  markStepsAtEntrance(plan.housing, complexes.all, rnd);
  rankUnits(complexes.all, rnd);
  assignBat(corps, complexes.all);
  assignRentClasses(types, klasseLabels, complexes.all, rnd);

  const { ordered, rows } = listRows(corps, complexes.all, rnd);
  verifyStock(rows, tables);
  return {
    rows,
    care: plan.care,
    extras: plan.extras,
    extrasCorp: plan.extras > 0 ? plan.largest.name : null,
    untyped: plan.untyped,
    complexes: ordered,
  };
}

module.exports = { buildSyntheticStock, SEED };
