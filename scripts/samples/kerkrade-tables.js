/**
 * Reads the two published Kerkrade tables (social-rent stock 1-1-2020; source: Gemeente Kerkrade,
 * Lokaal meerjarig kader prestatieafspraken Kerkrade 2021-2025): the count per owner by BAT class
 * (kerkrade-bat-per-corporatie-2020.csv) and per dwelling type by rent class
 * (kerkrade-sociale-huur-woningtype-2020.csv). Checks that each row adds up to its total and each
 * column to the TOTAAL row, and throws (in Dutch) if not: the synthetic stock must reproduce these
 * published counts exactly (README.md, "Voorbeeldwerkmappen"). BAT scale 0-4 as in
 * docs/handleiding.md, "Twee BAT-schalen".
 */
"use strict";

const { readCsv, toNumber, isTotalLabel } = require("./csv");
const { capitalise } = require("./dutch");

const KERKRADE_SOURCE =
  "Bron: Gemeente Kerkrade, Lokaal meerjarig kader prestatieafspraken Kerkrade 2021-2025 (peildatum 1-1-2020)";

/** Dutch names of BAT classes 0-4 (Limburg scale), as in the sheet header "BAT k naam". */
const BAT_LABELS = ["ongeschikt", "wandelstokgeschikt", "rollatorbewoonbaar", "rolstoelbewoonbaar", "verpleegzorg"];

/**
 * The dwelling kind of a published woningtype label: "G1" grondgebonden 1 bouwlaag, "GM"
 * grondgebonden >1 bouwlaag, "GZL" gestapeld zonder lift, "GML" gestapeld met lift, else "ANDERS".
 */
function kindOf(woningtype) {
  const s = woningtype.toLowerCase();
  if (/grondgebonden\s*=\s*1/.test(s)) return "G1";
  if (/grondgebonden\s*>\s*1/.test(s)) return "GM";
  if (/zonder lift/.test(s)) return "GZL";
  if (/met lift/.test(s)) return "GML";
  return "ANDERS";
}

/**
 * The published Kerkrade tables: { corps: [{name, counts[5], totaal}], batTotal, types: [{label,
 * kind, counts[per rent class], totaal}], typeTotal, klasseLabels } (counts in units).
 */
function readKerkradeTables() {
  const bat = readCsv("kerkrade-bat-per-corporatie-2020.csv");
  const batCols = ["bat_0", "bat_1", "bat_2", "bat_3", "bat_4"];
  const corps = [];
  let batTotal = null;
  for (const r of bat.rows) {
    const where = `${bat.file} ${r.corporatie}`;
    const counts = batCols.map((c) => toNumber(r[c], `${where} ${c}`));
    const totaal = toNumber(r.totaal, `${where} totaal`);
    if (counts.reduce((a, b) => a + b, 0) !== totaal) throw new Error(`${where}: BAT-klassen tellen niet op tot totaal`);
    if (isTotalLabel(r.corporatie)) batTotal = { label: r.corporatie, counts, totaal };
    else corps.push({ name: r.corporatie, counts, totaal });
  }
  if (!batTotal) throw new Error(`${bat.file}: geen TOTAAL-regel`);
  batCols.forEach((c, k) => {
    if (corps.reduce((a, x) => a + x.counts[k], 0) !== batTotal.counts[k]) throw new Error(`${bat.file}: kolom ${c} telt niet op`);
  });

  const typ = readCsv("kerkrade-sociale-huur-woningtype-2020.csv");
  const klasseCols = typ.header.filter((h) => h !== "woningtype" && h !== "totaal");
  const klasseLabels = klasseCols.map((c) => capitalise(c.replace(/_/g, " ")));
  const types = [];
  let typeTotal = null;
  for (const r of typ.rows) {
    const where = `${typ.file} ${r.woningtype}`;
    const counts = klasseCols.map((c) => toNumber(r[c], `${where} ${c}`));
    const totaal = toNumber(r.totaal, `${where} totaal`);
    if (counts.reduce((a, b) => a + b, 0) !== totaal) throw new Error(`${where}: huurklassen tellen niet op tot totaal`);
    if (isTotalLabel(r.woningtype)) typeTotal = { label: r.woningtype, counts, totaal };
    else types.push({ label: r.woningtype, kind: kindOf(r.woningtype), counts, totaal });
  }
  if (!typeTotal) throw new Error(`${typ.file}: geen TOTAAL-regel`);
  klasseCols.forEach((c, k) => {
    if (types.reduce((a, x) => a + x.counts[k], 0) !== typeTotal.counts[k]) throw new Error(`${typ.file}: kolom ${c} telt niet op`);
  });
  return { corps, batTotal, types, typeTotal, klasseLabels };
}

module.exports = { readKerkradeTables, kindOf, KERKRADE_SOURCE, BAT_LABELS };
