/**
 * The sheet "Plannen 2021-2025" of the Kerkrade sample: the planned changes of the Kerkrade
 * framework, which the tool reads as geplande wijzigingen (docs/handleiding.md, "5a. Geplande
 * wijzigingen"). The totals per kind are published; their spread over the years and their BAT
 * classes are assumptions for the sample, said in the sheet itself.
 */
"use strict";

const { SheetWriter, widths, FMT_COUNT, FMT_INT } = require("./sheet");
const { KERKRADE_SOURCE } = require("./kerkrade-tables");

/**
 * Planned changes 2021-2025 of the Kerkrade framework (Lokaal meerjarig kader prestatieafspraken
 * Kerkrade 2021-2025): 478 sloop, 515 nieuwbouw, 35 verkoop, 125 aankoop, 332 renovatie, as
 * published totals for the period. The spread over the years (even, remainder to the earliest
 * years) and the BAT classes are ASSUMPTIONS for this sample, written in the sheet's note.
 */
const KERKRADE_PLANS = [
  { soort: "Sloop", totaal: 478, bat: 0, vanBat: null, toelichting: "aanname: gesloopt wordt de oude, ongeschikte voorraad (BAT 0)" },
  { soort: "Nieuwbouw", totaal: 515, bat: 2, vanBat: null, toelichting: "aanname: nieuwbouw levensloopbestendig, rollatorbewoonbaar (BAT 2)" },
  { soort: "Verkoop", totaal: 35, bat: 0, vanBat: null, toelichting: "aanname: verkocht worden eengezinswoningen zonder aanpassingen (BAT 0)" },
  { soort: "Aankoop", totaal: 125, bat: 0, vanBat: null, toelichting: "aanname: bestaande woningen, zonder aanpassingen (BAT 0)" },
  { soort: "Renovatie", totaal: 332, bat: 1, vanBat: 0, toelichting: "aanname: renovatie maakt woningen nultreden (BAT 0 naar BAT 1)" },
];
const PLAN_YEARS = [2021, 2022, 2023, 2024, 2025];

/** Share of year k (0-based) in an even spread of `total` over the plan years, remainder first. */
function planShare(total, k) {
  const base = Math.floor(total / PLAN_YEARS.length);
  return base + (k < total - base * PLAN_YEARS.length ? 1 : 0);
}

/**
 * Adds the sheet "Plannen 2021-2025" to `wb`: one row per year and kind of change; throws if a
 * kind's years do not add up to its published total.
 */
function buildPlannedChangesSheet(wb) {
  const ws = wb.addWorksheet("Plannen 2021-2025");
  const w = new SheetWriter(ws);
  w.titles("Tabel: geplande wijzigingen in de sociale huurvoorraad Kerkrade, 2021-2025", KERKRADE_SOURCE);
  w.row([
    "De totalen per soort over 2021-2025 zijn gepubliceerd (sloop 478, nieuwbouw 515, verkoop 35, aankoop 125, renovatie 332). " +
      "De verdeling over de jaren (gelijk, de rest in de eerste jaren) en de BAT-klassen zijn AANNAMES voor dit voorbeeld; zie de kolom Toelichting.",
  ]);
  w.blank();
  w.header(["Jaar", "Soort", "Aantal", "BAT", "Van BAT", "Toelichting"]);
  for (const year of PLAN_YEARS) {
    for (const p of KERKRADE_PLANS) {
      w.row([year, p.soort, planShare(p.totaal, year - PLAN_YEARS[0]), p.bat, p.vanBat, p.toelichting], { formats: [FMT_INT, null, FMT_COUNT, FMT_INT, FMT_INT] });
    }
  }
  for (const p of KERKRADE_PLANS) {
    const sum = PLAN_YEARS.reduce((s, year) => s + planShare(p.totaal, year - PLAN_YEARS[0]), 0);
    if (sum !== p.totaal) throw new Error(`plannen: ${p.soort} telt ${sum}, gepubliceerd ${p.totaal}`);
  }
  widths(ws, [8, 12, 9, 6, 8, 70]);
}

module.exports = { buildPlannedChangesSheet };
