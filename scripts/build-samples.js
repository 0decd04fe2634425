#!/usr/bin/env node
/**
 * build-samples.js: builds the two sample workbooks in assets/ from the published tables in
 * ../shared/domain/data (override with env SHARED_DATA_DIR; output directory with env OUT_DIR).
 *
 *   node scripts/build-samples.js        (or: npm run samples)
 *
 * 1. assets/parkstad-woonzorg-2023.xlsx: the published Parkstad Limburg tables, values only, in the
 *    published layout (title row, source row, blank row, header, group rows with the label only):
 *    Tabel 1 demand 2023/2030/2040, Tabel 2 inventoried supply 2023, Tabel 4 CBS housing stock,
 *    Tabel 5/6 suitability for older people per municipality and rent/owner-occupied.
 *    Source: Parkstad Limburg, Toekomstvisie Wonen, Welzijn en Zorg (2024/2025), with the Companen
 *    woonzorganalyse; Tabel 4 from CBS.
 *
 * 2. assets/kerkrade-sociale-huur-2020.xlsx: the published Kerkrade tables (social-rent stock of
 *    four owners by BAT class, and by dwelling type x rent class, 1-1-2020; source: Gemeente
 *    Kerkrade, Lokaal meerjarig kader prestatieafspraken Kerkrade 2021-2025) plus a SYNTHETIC
 *    per-dwelling stock ("Voorraad (synthetisch)"), generated with a fixed seed (mulberry32, see
 *    scripts/lib-random.js). No public file lists dwellings one by one; the synthetic sheet
 *    reproduces exactly
 *      - the count per (owner, BAT class) of the BAT table (7,824 units), and
 *      - the count per dwelling type and per (dwelling type, rent class) of the dwelling-type table
 *        (7,452 units); the difference (372 units) has no dwelling type and no rent class.
 *    Assumption made for the sample only: the owner with the highest BAT 4 share (the care
 *    organisation Meander) is the part the dwelling-type table does not cover; the rest of the
 *    difference sits in the largest owner.
 *    Everything else (complexes, neighbourhoods, floors, lift, building year, meeting room, share of
 *    55+ residents, 55+ label, Wlz care, care profile) is invented with plausible correlations:
 *      - units form complexes (4-120 units) with one owner, neighbourhood and dwelling type;
 *      - stacked without lift: BAT >= 1 only on the ground floor; stacked with lift and
 *        single-storey houses take most of the BAT 1-4 units; multi-storey houses mostly BAT 0;
 *      - care complexes (Wlz, SOM/PG) hold the BAT 4 units; senior complexes (meeting room,
 *        >= 50% 55+) get good BAT scores; a few deliberate near misses (10-11 units, 45-49% 55+,
 *        meeting room unknown or in an adjoining building, 55+ share unknown but labelled 55+,
 *        a 55+ porch flat without lift) exercise the classification rules.
 *    BAT classes are assigned per owner greedily from the highest class down over units ranked by
 *    dwelling type, complex quality (newer is better) and a little noise, each unit capped by what
 *    its type and floor allow; rent classes per dwelling type likewise (older/cheaper first). The
 *    script verifies every published marginal and throws if one is off.
 *
 * Workbooks: values only (no formulas, merged cells, frozen panes or Excel tables), fixed creation
 * date 2026-01-01 and fixed zip timestamps, so a rebuild gives the same bytes. Only exceljs,
 * csv-parse (the CSV files) and Node built-ins. The console output ends with the default BZK
 * reading of the synthetic stock.
 *
 * This file is the entry point; the work is in scripts/samples/, one job per file:
 *   csv.js              reading the published tables (csv-parse; env SHARED_DATA_DIR)
 *   dutch.js            Dutch text helpers (thousands separator)
 *   sheet.js            writing plain value ranges in the published layout
 *   workbook-file.js    new workbooks and writing them with fixed zip timestamps
 *   parkstad.js         workbook 1, the Parkstad tables
 *   kerkrade-tables.js  reading and checking the published Kerkrade tables
 *   kerkrade.js         workbook 2, the Kerkrade tables and the synthetic stock sheet
 *   planned-changes.js  the Kerkrade sheet "Plannen 2021-2025"
 *   stock/              the synthetic stock: index.js (the steps in order), placement.js
 *                       (owners and complexes), complexes.js, facts.js, units.js, split.js,
 *                       assign.js (BAT and rent classes), verify.js (the published counts)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { nl } = require("./samples/dutch");
const { writeWorkbook } = require("./samples/workbook-file");
const { buildParkstad, PARKSTAD_FILE } = require("./samples/parkstad");
const { buildKerkrade, KERKRADE_FILE } = require("./samples/kerkrade");
const { readKerkradeTables } = require("./samples/kerkrade-tables");
const { buildSyntheticStock, SEED } = require("./samples/stock");

const OUT_DIR = process.env.OUT_DIR
  ? path.resolve(process.env.OUT_DIR)
  : path.resolve(__dirname, "../assets");

/** Builds and writes both workbooks to OUT_DIR, then shows the Kerkrade one as the command reads it. */
async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const parkstad = buildParkstad();
  await writeWorkbook(parkstad, path.join(OUT_DIR, PARKSTAD_FILE));
  const { wb, stock } = buildKerkrade();
  await writeWorkbook(wb, path.join(OUT_DIR, KERKRADE_FILE));

  const nComplex = new Set(stock.rows.map((r) => r.complex)).size;
  console.log(`Geschreven: ${path.join(OUT_DIR, PARKSTAD_FILE)}`);
  console.log(`Geschreven: ${path.join(OUT_DIR, KERKRADE_FILE)} (${nl(stock.rows.length)} synthetische eenheden in ${nComplex} complexen, seed ${SEED})`);
  // The figures of the new Kerkrade sample, read by the command itself (standard rules), so that
  // what the console shows is what a user gets; skipped when the command is not compiled.
  const cli = path.join(__dirname, "..", "lib", "cli", "main.js");
  if (fs.existsSync(cli)) {
    console.log("\nDe nieuwe Kerkrade-werkmap, gelezen met de standaardregels:");
    await require(cli).main(["analyse", path.join(OUT_DIR, KERKRADE_FILE)]);
  } else {
    console.log("(Bouw eerst de opdrachtregel, npm run build:cli, om hier de BZK-cijfers van de nieuwe werkmap te zien.)");
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  });
}

module.exports = { buildSyntheticStock, readKerkradeTables, SEED };
