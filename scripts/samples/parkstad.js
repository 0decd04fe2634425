/**
 * Workbook 1, assets/parkstad-woonzorg-2023.xlsx: the published Parkstad Limburg tables, values
 * only, in the published layout (title row, source row, blank row, header, group rows with the
 * label only): Tabel 1 demand 2023/2030/2040, Tabel 2 inventoried supply 2023, Tabel 4 CBS housing
 * stock, Tabel 5/6 suitability for older people per municipality and rent/owner-occupied.
 * Source: Parkstad Limburg, Toekomstvisie Wonen, Welzijn en Zorg (2024/2025), with the Companen
 * woonzorganalyse; Tabel 4 from CBS. Nothing is recomputed: the sample shows the tool reading a
 * demand and supply table (docs/handleiding.md, "Vraag- en aanbodtabel") and the CBS route on
 * Tabel 4-6 (docs/handleiding.md, "CBS-voorraad en aanpassingspercentages").
 */
"use strict";

const { readCsv, toNumber, isTotalLabel } = require("./csv");
const { capitalise } = require("./dutch");
const { SheetWriter, widths, textSheet, FMT_COUNT, FMT_INT } = require("./sheet");
const { newWorkbook } = require("./workbook-file");

const PARKSTAD_FILE = "parkstad-woonzorg-2023.xlsx";

const PARKSTAD_SOURCE =
  "Bron: Parkstad Limburg, Toekomstvisie Wonen, Welzijn en Zorg (2024/2025), woonzorganalyse Companen";

const GROUP_LABELS = {
  "ouderen": "Ouderen",
  "lichamelijke beperking": "Mensen met een lichamelijke beperking",
  "verstandelijke beperking": "Mensen met een verstandelijke beperking",
  "uitstromers instellingen": "Uitstromers uit instellingen",
  "mantelzorgers/mantelzorgontvangers": "Mantelzorgers en mantelzorgontvangers",
};
const SCENARIO_LABELS = {
  basis: "basisscenario",
  trend: "trendscenario",
  onderkant: "onderkant",
  bovenkant: "bovenkant",
};

/** Dutch group label as printed in the published tables, e.g. "Ouderen (basisscenario)". */
function groupLabel(groep, scenario) {
  const g = groep.trim().toLowerCase();
  const base = GROUP_LABELS[g] || capitalise(groep.trim());
  const sc = (scenario || "").trim().toLowerCase();
  if (sc === "") return base;
  return `${base} (${SCENARIO_LABELS[sc] || sc})`;
}

/** Whether a row of Tabel 4 or 5 is the region's total ("Parkstad ..."). */
function isRegion(r) {
  return /^parkstad/i.test(r.gemeente);
}

/** The rows with the region's total moved to the end, as printed. */
function regionLast(rows) {
  return [...rows.filter((r) => !isRegion(r)), ...rows.filter(isRegion)];
}

/** The sheet "Toelichting": what the workbook holds and how to read the tables, in Dutch. */
function toelichting(wb) {
  textSheet(wb, "Toelichting", [
    "Voorbeeldwerkmap: wonen met zorg in Parkstad Limburg",
    "",
    "Deze werkmap bevat gepubliceerde tabellen over de vraag naar en het aanbod van wonen met zorg en over de woningvoorraad in Parkstad Limburg.",
    "Bron: Parkstad Limburg, Toekomstvisie Wonen, Welzijn en Zorg (2024/2025), met de woonzorganalyse van Companen. Tabel 4 (woningvoorraad 2023) komt van het CBS.",
    "Alle cijfers zijn gepubliceerde cijfers. Ze zijn overgenomen zoals ze in de bron staan; er is niets herberekend. De tabelnummers volgen de bron.",
    "",
    "Tabel 1: vraag in aantallen huishoudens per doelgroep, scenario en woonvorm in 2023, 2030 en 2040. Een groepsregel (bijvoorbeeld ‘Ouderen (basisscenario)’) geldt voor de regels eronder.",
    "Scenario’s: basisscenario = demografische ontwikkeling; trendscenario = de trend naar geclusterd wonen zet door; onderkant en bovenkant = lage en hoge raming.",
    "In Tabel 1 sluiten de woonvormen van ouderen elkaar uit: samen vormen ze het totaal.",
    "Tabel 2: aanbod in 2023 in aantallen woningen. Let op: in Tabel 2 valt ‘nultreden in regulier wonen’ binnen ‘regulier wonen’. Het aantal regulier wonen is dus inclusief de nultredenwoningen; tel die twee regels niet op.",
    "Tabel 4: het totaal per gemeente is inclusief woningen waarvan het eigendom onbekend is. Koop en huur samen zijn daardoor iets lager dan het totaal.",
    "Tabel 5 en 6: percentage van de woningen dat geschikt is voor ouderen, potentieel geschikt (geschikt te maken met een lichte aanpassing) of ongeschikt.",
    "Tabel 6 splitst naar huur en koop. Voor Kerkrade is die splitsing onbekend.",
  ]);
}

/** Tabel 1, demand, in the published layout with group rows. */
function tabel1Vraag(wb, vraag) {
  const ws = wb.addWorksheet("Tabel 1 Vraag");
  const w = new SheetWriter(ws);
  const years = vraag.header.filter((h) => /^\d{4}$/.test(h));
  w.titles(
    `Tabel 1. Vraag naar wonen met zorg in Parkstad Limburg, ${years[0]}-${years[years.length - 1]} (aantal huishoudens)`,
    "Bron: Companen, woonzorganalyse Parkstad Limburg",
  );
  w.header(["Woonvorm", ...years]);
  let current = null;
  for (const r of vraag.rows) {
    const key = `${r.groep}|${r.scenario}`;
    if (key !== current) {
      current = key;
      w.row([groupLabel(r.groep, r.scenario)], { bold: true });
    }
    const values = years.map((y) => toNumber(r[y], `${vraag.file} ${key} ${r.woonvorm} ${y}`));
    w.row([capitalise(r.woonvorm), ...values]);
  }
  widths(ws, [62, 12, 12, 12]);
}

/** Tabel 2, supply 2023. */
function tabel2Aanbod(wb, aanbod) {
  const ws = wb.addWorksheet("Tabel 2 Aanbod");
  const w = new SheetWriter(ws);
  const years = aanbod.header.filter((h) => /^\d{4}$/.test(h));
  w.titles(
    `Tabel 2. Geïnventariseerd aanbod wonen met zorg in Parkstad Limburg, ${years.join(", ")} (aantal woningen)`,
    "Bron: Companen, woonzorganalyse Parkstad Limburg",
  );
  w.header(["Woonvorm", ...years]);
  let current = null;
  for (const r of aanbod.rows) {
    if (r.groep !== current) {
      current = r.groep;
      w.row([groupLabel(r.groep, "")], { bold: true });
    }
    const values = years.map((y) => toNumber(r[y], `${aanbod.file} ${r.groep} ${r.woonvorm} ${y}`));
    w.row([capitalise(r.woonvorm), ...values]);
  }
  widths(ws, [62, 12]);
}

/** Tabel 4, CBS housing stock; region total last, a note when ownership is partly unknown. */
function tabel4Woningvoorraad(wb, cbs) {
  const ws = wb.addWorksheet("Tabel 4 Woningvoorraad");
  const w = new SheetWriter(ws);
  const jaren = [...new Set(cbs.rows.map((r) => r.jaar))];
  w.titles(
    `Tabel 4. Woningvoorraad per gemeente naar eigendom, Parkstad Limburg, ${jaren.join(", ")} (aantal woningen)`,
    "Bron: CBS, opgenomen in Toekomstvisie Wonen, Welzijn en Zorg Parkstad Limburg (2024/2025)",
  );
  w.header(["Gemeente", "Jaar", "Totaal", "Koop", "Huur"]);
  const ordered = regionLast(cbs.rows);
  let unknownOwnership = false;
  for (const r of ordered) {
    const where = `${cbs.file} ${r.gemeente}`;
    const totaal = toNumber(r.totaal, where);
    const koop = toNumber(r.koop, where);
    const huur = toNumber(r.huur, where);
    if (koop + huur !== totaal) unknownOwnership = true;
    w.row(
      [isRegion(r) ? "Parkstad (totaal)" : r.gemeente, toNumber(r.jaar, where), totaal, koop, huur],
      { formats: [null, FMT_INT, FMT_COUNT, FMT_COUNT, FMT_COUNT] },
    );
  }
  if (unknownOwnership) {
    w.blank();
    w.row(["Noot: het totaal is inclusief woningen met onbekend eigendom; koop + huur is daardoor iets lager dan het totaal."]);
  }
  widths(ws, [22, 8, 12, 12, 12]);
}

/** Tabel 5, suitability per municipality; returns the municipalities (region total left out). */
function tabel5Aanpassing(wb, aanpassing) {
  const ws = wb.addWorksheet("Tabel 5 Aanpassing");
  const w = new SheetWriter(ws);
  w.titles(
    "Tabel 5. Geschiktheid van de woningvoorraad voor ouderen per gemeente, Parkstad Limburg (% van de woningen)",
    PARKSTAD_SOURCE,
  );
  w.header(["Gemeente", "Geschikt (%)", "Potentieel geschikt (%)", "Ongeschikt (%)"]);
  const ordered = regionLast(aanpassing.rows);
  const gemeenten = [];
  for (const r of ordered) {
    const where = `${aanpassing.file} ${r.gemeente}`;
    if (!isRegion(r)) gemeenten.push(r.gemeente);
    w.row([
      isRegion(r) ? "Parkstad (totaal)" : r.gemeente,
      toNumber(r.geschikt_pct, where),
      toNumber(r.potentieel_pct, where),
      toNumber(r.ongeschikt_pct, where),
    ]);
  }
  widths(ws, [22, 14, 24, 16]);
  return gemeenten;
}

/** Tabel 6, suitability split rent / owner-occupied; a note names the municipalities of Tabel 5 it lacks. */
function tabel6HuurKoop(wb, huurKoop, gemeenten5) {
  const ws = wb.addWorksheet("Tabel 6 Huur-koop");
  const w = new SheetWriter(ws);
  w.titles(
    "Tabel 6. Geschiktheid van de woningvoorraad voor ouderen per gemeente naar huur en koop, Parkstad Limburg (% van de woningen)",
    PARKSTAD_SOURCE,
  );
  w.header(["Gemeente", "Segment", "Geschikt (%)", "Potentieel geschikt (%)", "Ongeschikt (%)"]);
  const present = new Set();
  for (const r of huurKoop.rows) {
    const where = `${huurKoop.file} ${r.gemeente} ${r.segment}`;
    present.add(r.gemeente.toLowerCase());
    w.row([
      isTotalLabel(r.gemeente) ? "Totaal" : r.gemeente,
      capitalise(r.segment),
      toNumber(r.geschikt_pct, where),
      toNumber(r.potentieel_pct, where),
      toNumber(r.ongeschikt_pct, where),
    ]);
  }
  const missing = gemeenten5.filter((g) => !present.has(g.toLowerCase()));
  if (missing.length > 0) {
    w.blank();
    w.row([`Noot: ${missing.join(", ")}: onbekend in deze tabel (geen splitsing naar huur en koop gepubliceerd).`]);
  }
  widths(ws, [22, 10, 14, 24, 16]);
}

/** The Parkstad workbook (ExcelJS) from the five parkstad-*.csv tables; throws on a missing number. */
function buildParkstad() {
  const vraag = readCsv("parkstad-vraag-ouderen-vg-2023-2040.csv");
  const aanbod = readCsv("parkstad-aanbod-2023.csv");
  const cbs = readCsv("parkstad-woningvoorraad-cbs-2023.csv");
  const aanpassing = readCsv("parkstad-aanpassing-ouderen-per-gemeente.csv");
  const huurKoop = readCsv("parkstad-aanpassing-ouderen-huur-koop.csv");

  const wb = newWorkbook();
  toelichting(wb);
  tabel1Vraag(wb, vraag);
  tabel2Aanbod(wb, aanbod);
  tabel4Woningvoorraad(wb, cbs);
  const gemeenten5 = tabel5Aanpassing(wb, aanpassing);
  tabel6HuurKoop(wb, huurKoop, gemeenten5);
  return wb;
}

module.exports = { buildParkstad, PARKSTAD_FILE };
