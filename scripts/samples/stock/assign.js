/**
 * Gives every unit of the synthetic Kerkrade stock its BAT class and rent class so that the counts
 * are exactly the published ones (README.md, "Voorbeeldwerkmappen"): per owner greedily from the
 * highest BAT class down over units ranked by dwelling type, complex quality (newer is better),
 * role and a little noise, each unit capped by what its type and floor allow; rent classes per
 * dwelling type likewise, cheapest to the oldest and least accessible. BAT scale 0-4 as in
 * docs/handleiding.md, "Twee BAT-schalen". The draws happen in the order of the complexes and
 * their units; the seeded sequence depends on it.
 */
"use strict";

const { KINDS } = require("./units");

/**
 * Some older lift flats have steps at the entrance or a lift that stops between floors: not
 * nultreden on any floor (maxBat 0). Only as far as the owner keeps enough room for its BAT >= 1
 * and BAT >= 3 counts (with a 10% margin).
 */
function markStepsAtEntrance(housing, complexes, rnd) {
  for (const c of housing) {
    const units = complexes.filter((x) => x.corp === c.name).flatMap((x) => x.units);
    let cap1 = units.filter((u) => u.maxBat >= 1).length;
    let cap3 = units.filter((u) => u.maxBat >= 3).length;
    const need1 = c.totaal - c.counts[0];
    const need3 = c.counts[3] + c.counts[4];
    const candidates = complexes.filter((x) => x.corp === c.name && x.kind === "GML" && x.role === "regulier" && x.bouwjaar < 1980);
    for (const cx of candidates) {
      if (!rnd.chance(0.3)) continue;
      if (cap1 - cx.size < need1 * 1.1 || cap3 - cx.size < need3 * 1.1) continue;
      cx.stepsAtEntrance = true;
      for (const u of cx.units) u.maxBat = 0;
      cap1 -= cx.size;
      cap3 -= cx.size;
    }
  }
}

/**
 * Ranks every unit (u.seq: its place in the stock; u.key: dwelling type, complex quality, role
 * boost and a little noise; higher is better accessible).
 */
function rankUnits(complexes, rnd) {
  let seq = 0;
  for (const cx of complexes) {
    for (const u of cx.units) {
      u.seq = seq++;
      const base = u.extra ? 0 : KINDS[u.kind].typeBase;
      u.key = base + cx.quality * 1.6 + cx.boost + rnd.next() * 0.35;
    }
  }
}

/**
 * BAT classes per owner: the owner's published count of class k goes to its best-ranked units
 * still without a class that may have k, from class 4 down (the caps are nested, so this is
 * exact); the rest get BAT 0. Throws (in Dutch) when too few units may have a class.
 */
function assignBat(corps, complexes) {
  for (const c of corps) {
    const units = complexes.filter((x) => x.corp === c.name).flatMap((x) => x.units);
    for (let k = 4; k >= 1; k--) {
      const need = c.counts[k];
      const cand = units.filter((u) => u.bat === null && u.maxBat >= k).sort((a, b) => b.key - a.key || a.seq - b.seq);
      if (cand.length < need) throw new Error(`${c.name}: te weinig eenheden die BAT ${k} kunnen hebben (${cand.length} < ${need})`);
      for (let i = 0; i < need; i++) cand[i].bat = k;
    }
    for (const u of units) if (u.bat === null) u.bat = 0;
  }
}

/**
 * Rent classes per dwelling type: the published counts per class, cheapest class to the oldest
 * and least accessible units (with noise). Throws (in Dutch) when a type has another number of
 * units than published.
 */
function assignRentClasses(types, klasseLabels, complexes, rnd) {
  for (const t of types) {
    const units = complexes.flatMap((x) => x.units).filter((u) => u.typeRow === t);
    if (units.length !== t.totaal) throw new Error(`${t.label}: ${units.length} eenheden, verwacht ${t.totaal}`);
    const keyed = units.map((u) => ({
      u,
      key: ((u.complex.bouwjaar - 1920) / 100) * 1.2 + u.bat * 0.1 + u.complex.rentNoise * 0.8 + rnd.next() * 0.15,
    }));
    keyed.sort((a, b) => a.key - b.key || a.u.seq - b.u.seq);
    let i = 0;
    t.counts.forEach((count, k) => {
      for (let j = 0; j < count; j++) keyed[i++].u.huurklasse = klasseLabels[k];
    });
  }
}

module.exports = { markStepsAtEntrance, rankUnits, assignBat, assignRentClasses };
