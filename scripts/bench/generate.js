/**
 * Deterministic synthetic stock workbooks for the benchmark (scripts/bench.js).
 *
 * One workbook per size: a "Toelichting" sheet, a "Voorraad" sheet with one row per dwelling
 * (15 columns, header in row 1, so 1,048,575 dwellings fill every row Excel has) and a "Vraag"
 * sheet with demand per BZK type for four years. Written with ExcelJS's streaming writer and
 * shared strings, like Excel itself. Seeded (mulberry32, scripts/lib-random.js): the same size
 * and seed give the same cells on every machine.
 *
 * The mix is meant to look like a corporation export: dwellings grouped by complex (5 to 120
 * dwellings, one owner, gemeente, buurt and dwelling type per complex), about 2 % without BAT
 * score, a few BAT values written as text ("BAT 2"), shares 55+ as numbers with a percent
 * format or as Dutch text ("62%"), empty cells where facts are unknown, and a handful of bad
 * values per 100,000 rows (BAT 7, a duplicate VHE number) so the issue paths are exercised.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");
const { createRandom } = require("../lib-random");

/** Bump when the generated content changes, so cached files are regenerated. */
const GENERATOR_VERSION = 1;
const SEED = 20261115;

const HEADERS = [
  "VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Buurt", "Woningtype", "Eenheiddetailsoort",
  "Bouwlaag", "Lift", "Bouwjaar", "BAT-score", "Segment", "Ontmoetingsruimte", "Aandeel 55+", "Wlz-zorg in complex",
];

const CORPORATIES = ["Woonpunt", "HEEMwonen", "Wonen Limburg", "Woonservice", "Weller", "Servatius", "Vivantes", "Domaine"];
const GEMEENTEN = [
  "Kerkrade", "Heerlen", "Landgraaf", "Brunssum", "Simpelveld", "Voerendaal", "Beekdaelen", "Sittard-Geleen",
  "Maastricht", "Venlo", "Roermond", "Weert", "Venray", "Eijsden-Margraten", "Gulpen-Wittem", "Vaals",
];
const GRONDGEBONDEN = [["eengezinswoning", ["TUS", "HOE", "EIN", "TWE"]], ["grondgebonden seniorenwoning", ["TUS", "HOE"]]];
const GESTAPELD = [["meergezinswoning", ["POF", "POW", "BEN", "BOV"]], ["appartement", ["GAL", "COR", "POF"]]];

/** Draws one complex: the facts its dwellings share. */
function drawComplex(rnd, n) {
  const gestapeld = rnd.chance(0.55);
  const [woningtype, soorten] = rnd.pick(gestapeld ? GESTAPELD : GRONDGEBONDEN);
  const senior = rnd.chance(0.2);
  const lift = gestapeld ? (rnd.chance(senior ? 0.9 : 0.45) ? "ja" : "nee") : "nee";
  const gemeente = rnd.pick(GEMEENTEN);
  return {
    complex: `C${String(n).padStart(6, "0")}`,
    corporatie: rnd.pick(CORPORATIES),
    gemeente,
    buurt: `BU${String(rnd.int(1, 9999)).padStart(4, "0")}${String(rnd.int(0, 99)).padStart(2, "0")}${String(rnd.int(0, 99)).padStart(2, "0")}`,
    woningtype,
    soorten,
    gestapeld,
    lift,
    floors: gestapeld ? rnd.int(2, 12) : rnd.int(1, 2),
    bouwjaar: rnd.int(1905, 2023),
    segment: rnd.weighted(["sociale huur", "vrije sector huur", "koop"], [80, 12, 8]),
    ontmoetingsruimte: senior ? rnd.weighted(["ja", "nee", "aangrenzend", null], [60, 20, 10, 10]) : rnd.weighted(["nee", null], [85, 15]),
    aandeel: senior ? rnd.float(0.35, 0.95) : rnd.chance(0.7) ? rnd.float(0, 0.6) : null,
    aandeelAsText: rnd.chance(0.25),
    wlz: senior ? rnd.weighted(["ja", "nee"], [35, 65]) : rnd.weighted(["nee", null], [70, 30]),
    baseBat: senior ? rnd.weighted([1, 2, 3, 4], [10, 40, 35, 15]) : gestapeld ? rnd.weighted([0, 1, 2, 3], [35, 35, 20, 10]) : rnd.weighted([0, 1, 2], [60, 30, 10]),
    size: senior ? rnd.int(8, 120) : rnd.int(5, 60),
  };
}

/**
 * Yields the data rows (arrays of 15 cell values) of a stock of `size` dwellings.
 * @param {number} size number of dwellings (data rows).
 */
function* stockRows(size) {
  const rnd = createRandom(SEED ^ size);
  let complexNo = 0;
  let c = null;
  let left = 0;
  for (let i = 1; i <= size; i++) {
    if (left === 0) {
      c = drawComplex(rnd, ++complexNo);
      left = c.size;
    }
    left--;
    const bouwlaag = c.gestapeld ? rnd.int(0, c.floors - 1) : 0;
    let bat = c.baseBat;
    if (c.gestapeld && c.lift === "nee" && bouwlaag > 0) bat = 0;
    else if (rnd.chance(0.15)) bat = Math.max(0, Math.min(4, bat + (rnd.chance(0.5) ? 1 : -1)));
    let batCell = bat;
    const r = rnd.next();
    if (r < 0.02) batCell = null; // unknown
    else if (r < 0.025) batCell = `BAT ${bat}`; // written as text
    else if (r < 0.02503) batCell = 7; // out of range: set aside with a message
    // A duplicate VHE number now and then (3 per 100,000).
    const id = i > 10 && rnd.chance(0.00003) ? `VHE${String(i - 7).padStart(7, "0")}` : `VHE${String(i).padStart(7, "0")}`;
    const aandeel = c.aandeel === null ? null : c.aandeelAsText ? `${Math.round(c.aandeel * 100)}%` : Math.round(c.aandeel * 100) / 100;
    yield [
      id, c.complex, c.corporatie, c.gemeente, c.buurt, c.woningtype, rnd.pick(c.soorten), bouwlaag, c.lift,
      c.bouwjaar, batCell, c.segment, c.ontmoetingsruimte, aandeel, c.wlz,
    ];
  }
}

/** Demand per BZK type, roughly in proportion to the stock. */
function demandRows(size) {
  const f = size / 100;
  const rows = [];
  const years = [2025, 2030, 2035, 2040];
  const kinds = [
    ["regulier wonen", 52], ["nultreden in regulier wonen", 28], ["geclusterd wonen", 9],
    ["zorggeschikt/woonzorgcentrum (SOM)", 4], ["zorggeschikt/woonzorgcentrum (PG)", 2],
  ];
  for (const [scenario, grow] of [["basisscenario", 1.04], ["trendscenario", 1.07]]) {
    rows.push([`Ouderen (${scenario})`]);
    const totals = years.map(() => 0);
    for (const [label, share] of kinds) {
      const values = years.map((_, yi) => Math.round(f * share * Math.pow(grow, yi) * 0.9));
      values.forEach((v, yi) => (totals[yi] += v));
      rows.push([label, ...values]);
    }
    rows.push(["totaal", ...totals]);
  }
  return { years, rows };
}

/** File name of the cached workbook for a size (`countifs`: with the "Telling" sheet). */
function fileFor(dir, size, countifs = false) {
  return path.join(dir, `voorraad-${size}-seed${SEED}-v${GENERATOR_VERSION}${countifs ? "-countifs" : ""}.xlsx`);
}

/**
 * The spreadsheet way of the same analysis, for the LibreOffice comparison (issue 12): 49
 * COUNTIFS over the whole stock: per gemeente the dwellings with BAT 0-1, BAT 2 and BAT 3-4
 * (nultreden), 16 x 3, and the dwellings that meet two clustering criteria (ontmoetingsruimte
 * "ja" and a share 55+ of at least 50 %). Formulas without cached results, so the reader
 * must evaluate them.
 */
function countifsRows(size) {
  const last = size + 1;
  const col = (c) => `Voorraad!$${c}$2:$${c}$${last}`;
  const rows = [["Gemeente", "BAT 0-1", "BAT 2", "BAT 3-4 (nultreden)"]];
  GEMEENTEN.forEach((g, i) => {
    const r = i + 2;
    rows.push([g, ...[["\"<=1\""], ["2"], ["\">=3\""]].map(([crit]) => ({ formula: `COUNTIFS(${col("D")},$A${r},${col("K")},${crit})` }))]);
  });
  rows.push(["Clustering (ontmoetingsruimte ja, aandeel 55+ >= 50%)", { formula: `COUNTIFS(${col("M")},"ja",${col("N")},">=0.5")` }]);
  return rows;
}

/**
 * Writes the workbook for `size` dwellings with the streaming writer.
 * @returns {Promise<string>} the file written.
 */
async function generate(dir, size, countifs = false) {
  fs.mkdirSync(dir, { recursive: true });
  const file = fileFor(dir, size, countifs);
  const tmp = `${file}.${process.pid}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  const info = wb.addWorksheet("Toelichting");
  for (const line of [
    `Synthetische woningvoorraad voor de benchmark: ${size} woningen, seed ${SEED}, generator v${GENERATOR_VERSION}.`,
    "Gemaakt door scripts/bench/generate.js. Geen echte woningen, complexen of adressen.",
  ]) info.addRow([line]).commit();
  info.commit();

  const ws = wb.addWorksheet("Voorraad");
  ws.columns = HEADERS.map((h) => ({ header: h, width: Math.max(10, h.length + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const cells of stockRows(size)) {
    const row = ws.addRow(cells);
    if (typeof cells[13] === "number") row.getCell(14).numFmt = "0%";
    row.commit();
  }
  ws.commit();

  const vraag = wb.addWorksheet("Vraag");
  const { years, rows } = demandRows(size);
  vraag.addRow(["Tabel. Vraag naar wonen voor ouderen (synthetisch, aantal huishoudens)"]).commit();
  vraag.addRow([]).commit();
  vraag.addRow(["Woonvorm", ...years]).commit();
  for (const r of rows) vraag.addRow(r).commit();
  vraag.commit();
  if (countifs) {
    const telling = wb.addWorksheet("Telling");
    for (const r of countifsRows(size)) telling.addRow(r).commit();
    telling.commit();
  }
  await wb.commit();
  fs.renameSync(tmp, file);
  return file;
}

/**
 * The cached workbook for `size`, generated when missing.
 * @returns {Promise<{ file: string, generated: boolean, seconds: number }>}
 */
async function ensureWorkbook(dir, size, countifs = false) {
  const file = fileFor(dir, size, countifs);
  if (fs.existsSync(file)) return { file, generated: false, seconds: 0 };
  const t0 = process.hrtime.bigint();
  await generate(dir, size, countifs);
  return { file, generated: true, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

module.exports = { ensureWorkbook, generate, fileFor, stockRows, demandRows, countifsRows, HEADERS, SEED, GENERATOR_VERSION };
