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
 * A published count table: one label column, count columns and a "totaal" column, with a TOTAAL
 * row. Returns { header, rows: [{label, counts, totaal}], total: {label, counts, totaal} }.
 * Throws (in Dutch) on a missing number, a row whose counts (`what`, e.g. "BAT-klassen") do not
 * add up to its total, a missing TOTAAL row, or a column that does not add up to it.
 */
function readCountTable(name, labelCol, countColsOf, what) {
  const table = readCsv(name);
  const countCols = countColsOf(table.header);
  const rows = [];
  let total = null;
  for (const r of table.rows) {
    const label = r[labelCol];
    const where = `${table.file} ${label}`;
    const counts = countCols.map((c) => toNumber(r[c], `${where} ${c}`));
    const totaal = toNumber(r.totaal, `${where} totaal`);
    if (counts.reduce((a, b) => a + b, 0) !== totaal) throw new Error(`${where}: ${what} tellen niet op tot totaal`);
    if (isTotalLabel(label)) total = { label, counts, totaal };
    else rows.push({ label, counts, totaal });
  }
  if (!total) throw new Error(`${table.file}: geen TOTAAL-regel`);
  countCols.forEach((c, k) => {
    if (rows.reduce((a, x) => a + x.counts[k], 0) !== total.counts[k]) throw new Error(`${table.file}: kolom ${c} telt niet op`);
  });
  return { header: table.header, countCols, rows, total };
}

/**
 * The published Kerkrade tables: { corps: [{name, counts[5], totaal}], batTotal, types: [{label,
 * kind, counts[per rent class], totaal}], typeTotal, klasseLabels } (counts in units).
 */
function readKerkradeTables() {
  const bat = readCountTable(
    "kerkrade-bat-per-corporatie-2020.csv",
    "corporatie",
    () => ["bat_0", "bat_1", "bat_2", "bat_3", "bat_4"],
    "BAT-klassen",
  );
  const typ = readCountTable(
    "kerkrade-sociale-huur-woningtype-2020.csv",
    "woningtype",
    (header) => header.filter((h) => h !== "woningtype" && h !== "totaal"),
    "huurklassen",
  );
  return {
    corps: bat.rows.map((r) => ({ name: r.label, counts: r.counts, totaal: r.totaal })),
    batTotal: bat.total,
    types: typ.rows.map((r) => ({ label: r.label, kind: kindOf(r.label), counts: r.counts, totaal: r.totaal })),
    typeTotal: typ.total,
    klasseLabels: typ.countCols.map((c) => capitalise(c.replace(/_/g, " "))),
  };
}

module.exports = { readKerkradeTables, kindOf, KERKRADE_SOURCE, BAT_LABELS };
