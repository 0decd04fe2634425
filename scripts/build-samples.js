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
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const { createRandom } = require("./lib-random");
const { parse } = require("csv-parse/sync");

/** Seed of the synthetic stock; printed in the Toelichting sheet. */
const SEED = 20200101;

const DATA_DIR = process.env.SHARED_DATA_DIR
  ? path.resolve(process.env.SHARED_DATA_DIR)
  : path.resolve(__dirname, "../../shared/domain/data");
const OUT_DIR = process.env.OUT_DIR
  ? path.resolve(process.env.OUT_DIR)
  : path.resolve(__dirname, "../assets");

const CREATOR = "BAT → BZK woonvoorraad (voorbeeld)";
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const FMT_COUNT = "#,##0";
const FMT_INT = "0";
const FMT_PCT = "0%";

const PARKSTAD_FILE = "parkstad-woonzorg-2023.xlsx";
const KERKRADE_FILE = "kerkrade-sociale-huur-2020.xlsx";

// ---------------------------------------------------------------------------------------------
// CSV and text helpers

/** Reads a comma-separated file with a header row into { header, rows: [{col: text}] } (csv-parse:
 * quotes, a BOM and spaces around fields handled; a row of another length than the header is an
 * error). */
function readCsv(name) {
  const file = path.join(DATA_DIR, name);
  const table = parse(fs.readFileSync(file, "utf8"), { bom: true, skip_empty_lines: true, trim: true });
  const [header, ...lines] = table;
  const rows = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
  return { header, rows, file };
}

function toNumber(text, where) {
  if (text === "" || text === undefined) throw new Error(`Geen getal in ${where}`);
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`Geen getal in ${where}: "${text}"`);
  return n;
}

function capitalise(s) {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whole number with Dutch thousands separator: 7824 -> "7.824". */
function nl(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function isTotalLabel(s) {
  return /^totaal$/i.test(s.trim());
}

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

// ---------------------------------------------------------------------------------------------
// Worksheet writing helpers (plain ranges, values only)

/** Writes rows one after another; null/undefined/"" cells stay empty. */
class SheetWriter {
  constructor(ws) {
    this.ws = ws;
    this.rowNumber = 0;
  }

  /** values: array of cell values; formats: optional array of number formats per column. */
  row(values, options = {}) {
    this.rowNumber += 1;
    const row = this.ws.getRow(this.rowNumber);
    values.forEach((v, i) => {
      if (v === null || v === undefined || v === "") return;
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (typeof v === "number") {
        const fmt = options.formats && options.formats[i];
        cell.numFmt = fmt || FMT_COUNT;
      }
      if (options.bold) cell.font = { bold: true };
    });
    return row;
  }

  blank() {
    this.rowNumber += 1;
  }

  titles(title, source) {
    this.row([title], { bold: true });
    this.row([source]);
    this.blank();
  }

  header(labels) {
    this.row(labels, { bold: true });
  }
}

function widths(ws, list) {
  list.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function textSheet(wb, name, lines) {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws);
  lines.forEach((line, i) => {
    if (line === "") w.blank();
    else w.row([line], { bold: i === 0 });
  });
  widths(ws, [140]);
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Workbook 1: Parkstad Limburg, published tables

const PARKSTAD_SOURCE =
  "Bron: Parkstad Limburg, Toekomstvisie Wonen, Welzijn en Zorg (2024/2025), woonzorganalyse Companen";

function buildParkstad() {
  const vraag = readCsv("parkstad-vraag-ouderen-vg-2023-2040.csv");
  const aanbod = readCsv("parkstad-aanbod-2023.csv");
  const cbs = readCsv("parkstad-woningvoorraad-cbs-2023.csv");
  const aanpassing = readCsv("parkstad-aanpassing-ouderen-per-gemeente.csv");
  const huurKoop = readCsv("parkstad-aanpassing-ouderen-huur-koop.csv");

  const wb = newWorkbook();

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

  // Tabel 1: demand, published layout with group rows.
  {
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

  // Tabel 2: supply 2023.
  {
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

  // Tabel 4: CBS housing stock; region total last.
  {
    const ws = wb.addWorksheet("Tabel 4 Woningvoorraad");
    const w = new SheetWriter(ws);
    const jaren = [...new Set(cbs.rows.map((r) => r.jaar))];
    w.titles(
      `Tabel 4. Woningvoorraad per gemeente naar eigendom, Parkstad Limburg, ${jaren.join(", ")} (aantal woningen)`,
      "Bron: CBS, opgenomen in Toekomstvisie Wonen, Welzijn en Zorg Parkstad Limburg (2024/2025)",
    );
    w.header(["Gemeente", "Jaar", "Totaal", "Koop", "Huur"]);
    const isRegion = (r) => /^parkstad/i.test(r.gemeente);
    const ordered = [...cbs.rows.filter((r) => !isRegion(r)), ...cbs.rows.filter(isRegion)];
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

  // Tabel 5: suitability per municipality.
  const gemeenten5 = [];
  {
    const ws = wb.addWorksheet("Tabel 5 Aanpassing");
    const w = new SheetWriter(ws);
    w.titles(
      "Tabel 5. Geschiktheid van de woningvoorraad voor ouderen per gemeente, Parkstad Limburg (% van de woningen)",
      PARKSTAD_SOURCE,
    );
    w.header(["Gemeente", "Geschikt (%)", "Potentieel geschikt (%)", "Ongeschikt (%)"]);
    const isRegion = (r) => /^parkstad/i.test(r.gemeente);
    const ordered = [...aanpassing.rows.filter((r) => !isRegion(r)), ...aanpassing.rows.filter(isRegion)];
    for (const r of ordered) {
      const where = `${aanpassing.file} ${r.gemeente}`;
      if (!isRegion(r)) gemeenten5.push(r.gemeente);
      w.row([
        isRegion(r) ? "Parkstad (totaal)" : r.gemeente,
        toNumber(r.geschikt_pct, where),
        toNumber(r.potentieel_pct, where),
        toNumber(r.ongeschikt_pct, where),
      ]);
    }
    widths(ws, [22, 14, 24, 16]);
  }

  // Tabel 6: suitability split rent / owner-occupied.
  {
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

  return wb;
}

// ---------------------------------------------------------------------------------------------
// Workbook 2: Kerkrade, published tables + synthetic stock

const KERKRADE_SOURCE =
  "Bron: Gemeente Kerkrade, Lokaal meerjarig kader prestatieafspraken Kerkrade 2021-2025 (peildatum 1-1-2020)";

const BAT_LABELS = ["ongeschikt", "wandelstokgeschikt", "rollatorbewoonbaar", "rolstoelbewoonbaar", "verpleegzorg"];

/** Kerkrade neighbourhoods (buurten/wijken) with rough weights for the synthetic stock. */
const BUURTEN = [
  ["Centrum", 10], ["Chevremont", 7], ["Bleijerheide", 8], ["Holz", 6], ["Terwinselen", 7],
  ["Spekholzerheide", 7], ["Gracht", 5], ["Kaalheide", 8], ["Haanrade", 5], ["Eygelshoven", 7],
  ["Hopel", 6], ["Nulland", 4], ["Rolduckerveld", 6], ["Vink", 4], ["Heilust", 5], ["Dentgenbach", 3],
];

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

function kindOf(woningtype) {
  const s = woningtype.toLowerCase();
  if (/grondgebonden\s*=\s*1/.test(s)) return "G1";
  if (/grondgebonden\s*>\s*1/.test(s)) return "GM";
  if (/zonder lift/.test(s)) return "GZL";
  if (/met lift/.test(s)) return "GML";
  return "ANDERS";
}

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

/**
 * Integer matrix with the given row and column sums, close to proportional to `weights`
 * (iterative proportional fitting, largest-remainder rounding per row, then unit moves that
 * repair the column sums).
 */
function splitMatrix(rowTotals, colTotals, weights) {
  const R = rowTotals.length;
  const C = colTotals.length;
  const m = weights.map((row) => row.map((w, c) => (colTotals[c] === 0 ? 0 : w)));
  for (let it = 0; it < 500; it++) {
    for (let r = 0; r < R; r++) {
      const s = m[r].reduce((a, b) => a + b, 0);
      for (let c = 0; c < C; c++) m[r][c] = s > 0 ? (m[r][c] * rowTotals[r]) / s : 0;
    }
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let r = 0; r < R; r++) s += m[r][c];
      for (let r = 0; r < R; r++) m[r][c] = s > 0 ? (m[r][c] * colTotals[c]) / s : 0;
    }
  }
  const out = m.map((row, r) => {
    const floors = row.map(Math.floor);
    let left = rowTotals[r] - floors.reduce((a, b) => a + b, 0);
    const order = row.map((v, c) => [v - Math.floor(v), c]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let i = 0; i < order.length && left > 0; i++, left--) floors[order[i][1]] += 1;
    return floors;
  });
  for (let guard = 0; guard < 100000; guard++) {
    const diff = colTotals.map((t, c) => out.reduce((a, row) => a + row[c], 0) - t);
    const over = diff.findIndex((d) => d > 0);
    if (over < 0) break;
    const under = diff.findIndex((d) => d < 0);
    let best = -1;
    let bestGain = -Infinity;
    for (let r = 0; r < R; r++) {
      if (out[r][over] === 0) continue;
      const gain = (m[r][under] - out[r][under]) - (m[r][over] - out[r][over]);
      if (gain > bestGain) {
        bestGain = gain;
        best = r;
      }
    }
    if (best < 0) throw new Error("splitMatrix: kolomtotalen niet haalbaar");
    out[best][over] -= 1;
    out[best][under] += 1;
  }
  return out;
}

/** Splits n into parts within [min, max], drawing sizes with `draw`. n < min gives one part. */
function partition(n, draw, min, max) {
  const sizes = [];
  let left = n;
  while (left > 0) {
    let s = Math.min(draw(), max);
    if (left - s < min) s = left <= max ? left : left - min;
    sizes.push(s);
    left -= s;
  }
  return sizes;
}

/** Splits n into k parts of about equal size with a little jitter. */
function evenSplit(n, k, rnd) {
  const base = Math.floor(n / k);
  const parts = new Array(k).fill(base);
  for (let i = 0; i < n - base * k; i++) parts[i] += 1;
  for (let i = 0; i + 1 < k; i += 2) {
    const d = rnd.int(0, Math.min(6, Math.floor(base / 8)));
    parts[i] += d;
    parts[i + 1] -= d;
  }
  return parts;
}

function round2(x) {
  return Math.round(x * 100) / 100;
}

/** Near-miss and edge-case senior complexes, spread over the housing corporations. */
const NEAR_MISSES = [
  { role: "klein", kind: "GML", size: [11, 11] },        // 11 < 12 dwellings
  { role: "55min", kind: "GML", size: [24, 40] },        // 45-49% 55+
  { role: "ruimteOnbekend", kind: "GML", size: [20, 36] }, // meeting room unknown
  { role: "klein", kind: "G1", size: [10, 10] },         // hofje of 10
  { role: "aangrenzend", kind: "G1", size: [12, 18] },   // meeting room in adjoining building
  { role: "55onbekend", kind: "GML", size: [16, 30] },   // 55+ share unknown, labelled 55+
  { role: "portiek55", kind: "GZL", size: [16, 24] },    // 55+ porch flat without lift
  { role: "55min", kind: "GML", size: [14, 22] },
];

/** Complex-level facts per role. */
function complexFacts(role, kind, rnd, state) {
  const f = { ontmoetingsruimte: "nee", aandeel55: null, label55: "nee", wlz: "nee", zorgprofiel: "", boost: 0 };
  switch (role) {
    case "zorg":
      f.ontmoetingsruimte = "ja";
      f.aandeel55 = round2(rnd.float(0.85, 1.0));
      f.label55 = "ja";
      f.wlz = "ja";
      f.zorgprofiel = state.nextProfiel();
      f.boost = 10;
      break;
    case "aanleun":
      f.ontmoetingsruimte = "ja";
      f.aandeel55 = round2(rnd.float(0.8, 1.0));
      f.label55 = "ja";
      f.boost = 5;
      break;
    case "senior":
      f.ontmoetingsruimte = "ja";
      f.aandeel55 = round2(rnd.float(0.55, 0.95));
      f.label55 = "ja";
      f.boost = 1.5;
      break;
    case "klein":
      f.ontmoetingsruimte = "ja";
      f.aandeel55 = round2(rnd.float(0.65, 0.9));
      f.label55 = "ja";
      f.boost = 1.5;
      break;
    case "55min":
      f.ontmoetingsruimte = "ja";
      f.aandeel55 = rnd.int(45, 49) / 100;
      f.label55 = "ja";
      f.boost = 1.5;
      break;
    case "ruimteOnbekend":
      f.ontmoetingsruimte = "";
      f.aandeel55 = round2(rnd.float(0.6, 0.9));
      f.label55 = "ja";
      f.boost = 1.5;
      break;
    case "aangrenzend":
      f.ontmoetingsruimte = "aangrenzend";
      f.aandeel55 = round2(rnd.float(0.6, 0.9));
      f.label55 = "ja";
      f.boost = 1.5;
      break;
    case "55onbekend":
      f.ontmoetingsruimte = "ja";
      f.aandeel55 = null;
      f.label55 = "ja";
      f.boost = 1.5;
      break;
    case "portiek55":
      f.ontmoetingsruimte = "ja";
      f.aandeel55 = round2(rnd.float(0.6, 0.8));
      f.label55 = "ja";
      break;
    case "begeleid":
      f.ontmoetingsruimte = rnd.chance(0.5) ? "ja" : "nee";
      f.aandeel55 = round2(rnd.float(0.05, 0.35));
      f.wlz = state.takeBegeleidWlz() ? "ja" : "nee";
      break;
    default: {
      // regulier
      const ranges = { GM: [0.12, 0.45], G1: [0.35, 0.9], GZL: [0.15, 0.55], GML: [0.25, 0.65], ANDERS: [0.1, 0.5] };
      const [lo, hi] = ranges[kind] || [0.1, 0.5];
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
  }
  return f;
}

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

function drawSize(kind, rnd) {
  switch (kind) {
    case "G1":
      return rnd.int(4, 24);
    case "GM":
      return rnd.chance(0.6) ? rnd.int(6, 30) : rnd.int(31, 80);
    case "GZL": {
      const floors = rnd.pick([2, 3, 3, 4, 4]);
      return floors * 2 * rnd.int(1, 6);
    }
    case "GML":
      return rnd.chance(0.7) ? rnd.int(20, 70) : rnd.int(71, 120);
    default:
      return rnd.int(8, 24);
  }
}

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

function buildSyntheticStock(tables) {
  const rnd = createRandom(SEED);
  const { corps, types, klasseLabels } = tables;
  const total = corps.reduce((a, c) => a + c.totaal, 0);
  const typedTotal = types.reduce((a, t) => a + t.totaal, 0);
  const untyped = total - typedTotal;
  if (untyped < 0) throw new Error("Woningtypetabel telt meer eenheden dan de BAT-tabel");

  // The care organisation: the owner with the highest BAT 4 share, if over half and small enough
  // to be the part the dwelling-type table leaves out.
  let care = null;
  for (const c of corps) {
    const share = c.counts[4] / c.totaal;
    if (share >= 0.5 && c.totaal <= untyped && (!care || share > care.counts[4] / care.totaal)) care = c;
  }
  const housing = corps.filter((c) => c !== care);
  const extras = untyped - (care ? care.totaal : 0);
  const largest = housing.slice().sort((a, b) => b.totaal - a.totaal)[0];
  const extrasByCorp = new Map(housing.map((c) => [c.name, c === largest ? extras : 0]));

  // Owner x dwelling type split: owners with more BAT >= 1 units get more lift flats/bungalows.
  const typedPerCorp = housing.map((c) => c.totaal - extrasByCorp.get(c.name));
  const weights = housing.map((c) => {
    const s = 1 - c.counts[0] / c.totaal;
    return types.map((t) => (t.kind === "GML" || t.kind === "G1" ? 0.3 + s : t.kind === "ANDERS" ? 1 : 1.3 - s));
  });
  const split = splitMatrix(typedPerCorp, types.map((t) => t.totaal), weights);

  const profielen = ["PG", "SOM"];
  let profielIndex = 0;
  let begeleidWlzGiven = false;
  const state = {
    nextProfiel: () => profielen[profielIndex++ % profielen.length],
    takeBegeleidWlz: () => {
      if (begeleidWlzGiven) return false;
      begeleidWlzGiven = true;
      return true;
    },
  };

  const complexes = [];
  function makeComplex(corp, typeRow, kind, role, size) {
    const facts = complexFacts(role, kind, rnd, state);
    const bouwjaar = drawBouwjaar(role, kind, rnd);
    const complex = {
      corp: corp.name,
      woningtype: typeRow ? typeRow.label : "",
      typeRow,
      kind,
      role,
      size,
      bouwjaar,
      quality: Math.min(1.3, ((bouwjaar - 1920) / 100) * 0.7 + rnd.float(0, 0.5)),
      rentNoise: rnd.next(),
      buurt: rnd.weighted(BUURTEN.map((b) => b[0]), BUURTEN.map((b) => b[1])),
      ...facts,
      stepsAtEntrance: false,
      units: [],
    };
    const layout = layoutUnits(complex, rnd);
    complex.units = layout.map((u) => ({
      complex,
      woningtype: complex.woningtype,
      typeRow,
      kind,
      bouwlaag: u.bouwlaag,
      detail: u.detail,
      lift: complex.lift !== undefined ? complex.lift : KINDS[kind].lift,
      maxBat: kind === "GZL" && u.bouwlaag > 0 ? 0 : KINDS[kind].maxBat,
      bat: null,
      huurklasse: "",
    }));
    complexes.push(complex);
    return complex;
  }

  // Care organisation: care complexes for its BAT 4 units, one complex of sheltered
  // (aanleun) dwellings, the rest supported housing for other target groups.
  if (care) {
    const n4 = care.counts[4];
    const k = Math.max(1, Math.ceil(n4 / 100));
    for (const size of evenSplit(n4, k, rnd)) makeComplex(care, null, "ZORG", "zorg", size);
    let rest = care.totaal - n4;
    if (rest >= 16) {
      const size = rest - 8 >= 14 ? rnd.int(14, Math.min(20, rest - 8)) : rest;
      makeComplex(care, null, "ZORG", "aanleun", size);
      rest -= size;
    }
    for (const size of partition(rest, () => rnd.int(8, 24), 8, 30)) makeComplex(care, null, "ZORG", "begeleid", size);
  }

  // Housing corporations.
  const remaining = new Map();
  housing.forEach((c, ci) => {
    types.forEach((t, ti) => remaining.set(`${c.name}|${t.kind}`, split[ci][ti]));
  });
  const typeOfKind = (kind) => types.find((t) => t.kind === kind);
  const take = (corp, kind, size) => {
    const key = `${corp.name}|${kind}`;
    const left = remaining.get(key) || 0;
    if (left < size) return false;
    remaining.set(key, left - size);
    return true;
  };

  for (const c of housing) {
    // Care complexes (Wlz) rented to care providers, for about 80% of the owner's BAT 4 units.
    const n4 = c.counts[4];
    if (n4 >= 40 && typeOfKind("GML")) {
      const units = Math.round(0.8 * n4);
      const k = Math.ceil(units / 90);
      for (const size of evenSplit(units, k, rnd)) {
        if (take(c, "GML", size)) makeComplex(c, typeOfKind("GML"), "GML", "zorg", size);
      }
    }
    // Senior complexes: lift flats, every third one a hofje of single-storey houses.
    const nSenior = Math.max(1, Math.round(c.totaal / 800));
    for (let i = 0; i < nSenior; i++) {
      const kind = i % 3 === 2 ? "G1" : "GML";
      const size = kind === "G1" ? rnd.int(12, 24) : rnd.int(24, 70);
      if (typeOfKind(kind) && take(c, kind, size)) makeComplex(c, typeOfKind(kind), kind, "senior", size);
      else if (typeOfKind("GML") && take(c, "GML", size)) makeComplex(c, typeOfKind("GML"), "GML", "senior", size);
    }
  }
  NEAR_MISSES.forEach((nm, i) => {
    const size = rnd.int(nm.size[0], nm.size[1]);
    for (let j = 0; j < housing.length; j++) {
      const c = housing[(i + j) % housing.length];
      if (typeOfKind(nm.kind) && (remaining.get(`${c.name}|${nm.kind}`) || 0) >= size + 40) {
        take(c, nm.kind, size);
        makeComplex(c, typeOfKind(nm.kind), nm.kind, nm.role, size);
        break;
      }
    }
  });

  // Regular complexes for what is left; remnants under 4 units join another complex.
  const orphans = [];
  for (const c of housing) {
    for (const t of types) {
      const n = remaining.get(`${c.name}|${t.kind}`) || 0;
      if (n === 0) continue;
      if (n < 4) {
        orphans.push({ corp: c, typeRow: t, n });
        continue;
      }
      for (const size of partition(n, () => drawSize(t.kind, rnd), 4, 120)) makeComplex(c, t, t.kind, "regulier", size);
    }
  }
  const addToLargestRegular = (corp, n, typeRow) => {
    const host = complexes
      .filter((x) => x.corp === corp.name && x.role === "regulier" && x.kind === "GML" && x.size + n <= 120)
      .sort((a, b) => b.size - a.size)[0]
      || complexes.filter((x) => x.corp === corp.name && x.size + n <= 120).sort((a, b) => b.size - a.size)[0];
    if (!host) throw new Error(`Geen complex om ${n} eenheden aan toe te voegen (${corp.name})`);
    for (let i = 0; i < n; i++) {
      const kind = typeRow ? typeRow.kind : host.kind;
      host.units.push({
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
    host.size += n;
  };
  for (const o of orphans) addToLargestRegular(o.corp, o.n, o.typeRow);
  for (const c of housing) {
    const n = extrasByCorp.get(c.name);
    if (n === 0) continue;
    if (n < 4) addToLargestRegular(c, n, null);
    else for (const size of partition(n, () => rnd.int(8, 30), 4, 120)) makeComplex(c, null, "ANDERS", "regulier", size);
  }

  // Some older lift flats have steps at the entrance or a lift that stops between floors: not
  // nultreden on any floor. Only as far as the owner keeps enough room for its BAT >= 1 and
  // BAT >= 3 counts (with a margin).
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

  // BAT classes per owner: highest class first, over units ranked by type, complex quality,
  // role boost and a little noise; each unit capped by its maxBat (nested caps keep this exact).
  let seq = 0;
  for (const cx of complexes) {
    for (const u of cx.units) {
      u.seq = seq++;
      const base = u.extra ? 0 : KINDS[u.kind].typeBase;
      u.key = base + cx.quality * 1.6 + cx.boost + rnd.next() * 0.35;
    }
  }
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

  // Rent classes per dwelling type: cheapest to the oldest/least accessible units.
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

  // Order: per owner (table order), complexes shuffled, then numbered.
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

  verifyStock(rows, tables);
  return { rows, care, extras, extrasCorp: extras > 0 ? largest.name : null, untyped, complexes: ordered };
}

/** Checks every published marginal and the invariants of the synthetic stock; throws if off. */
function verifyStock(rows, tables) {
  const fail = (msg) => {
    throw new Error(`Synthetische voorraad klopt niet: ${msg}`);
  };
  const total = tables.corps.reduce((a, c) => a + c.totaal, 0);
  if (rows.length !== total) fail(`${rows.length} regels, verwacht ${total}`);
  for (const c of tables.corps) {
    for (let k = 0; k <= 4; k++) {
      const n = rows.filter((r) => r.corporatie === c.name && r.bat === k).length;
      if (n !== c.counts[k]) fail(`${c.name} BAT ${k}: ${n}, verwacht ${c.counts[k]}`);
    }
  }
  for (const t of tables.types) {
    const inType = rows.filter((r) => r.woningtype === t.label);
    if (inType.length !== t.totaal) fail(`${t.label}: ${inType.length}, verwacht ${t.totaal}`);
    tables.klasseLabels.forEach((kl, k) => {
      const n = inType.filter((r) => r.huurklasse === kl).length;
      if (n !== t.counts[k]) fail(`${t.label} / ${kl}: ${n}, verwacht ${t.counts[k]}`);
    });
  }
  const typedTotal = tables.types.reduce((a, t) => a + t.totaal, 0);
  const untypedRows = rows.filter((r) => r.woningtype === "");
  if (untypedRows.length !== total - typedTotal) fail(`zonder woningtype: ${untypedRows.length}`);
  if (untypedRows.some((r) => r.huurklasse !== "" || r.detail !== "")) fail("eenheid zonder woningtype heeft huurklasse of code");
  if (new Set(rows.map((r) => r.vhe)).size !== rows.length) fail("VHE-nummers niet uniek");
  const byComplex = new Map();
  for (const r of rows) {
    if (!byComplex.has(r.complex)) byComplex.set(r.complex, []);
    byComplex.get(r.complex).push(r);
  }
  for (const [nr, list] of byComplex) {
    if (list.length < 4 || list.length > 120) fail(`${nr} heeft ${list.length} eenheden`);
    for (const f of ["corporatie", "buurt", "bouwjaar", "ontmoetingsruimte", "aandeel55", "label55", "wlz", "zorgprofiel"]) {
      if (new Set(list.map((r) => r[f])).size !== 1) fail(`${nr}: ${f} verschilt binnen het complex`);
    }
  }
  for (const r of rows) {
    const kind = r.woningtype ? kindOf(r.woningtype) : null;
    if (kind === "GZL" && (r.lift !== "nee" || (r.bouwlaag > 0 && r.bat > 0))) fail(`${r.vhe}: gestapeld zonder lift`);
    if (kind === "GML" && r.lift !== "ja") fail(`${r.vhe}: gestapeld met lift zonder lift`);
    if ((kind === "G1" || kind === "GM") && (r.bouwlaag !== 0 || r.lift !== "")) fail(`${r.vhe}: grondgebonden`);
  }
}

const STOCK_HEADERS = [
  "VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Buurt", "Woningtype", "Eenheiddetailsoort",
  "Bouwlaag", "Lift", "Bouwjaar", "BAT-score", "Segment", "Huurklasse", "Ontmoetingsruimte", "Aandeel 55+",
  "Label 55+", "Wlz-zorg in complex", "Zorgprofiel",
];

function buildKerkrade() {
  const tables = readKerkradeTables();
  const stock = buildSyntheticStock(tables);
  const total = tables.batTotal.totaal;
  const typedTotal = tables.typeTotal.totaal;
  const wb = newWorkbook();

  const untypedText = stock.care
    ? `In de synthetische voorraad zijn dat de ${nl(stock.care.totaal)} eenheden van ${stock.care.name} (zorgorganisatie)` +
      (stock.extras > 0 ? ` en ${nl(stock.extras)} eenheden van ${stock.extrasCorp}` : "") +
      ". Die verdeling is een aanname voor dit voorbeeld; de bron zegt niet welke eenheden ontbreken."
    : "Die verdeling is een aanname voor dit voorbeeld; de bron zegt niet welke eenheden ontbreken.";

  textSheet(wb, "Toelichting", [
    "Voorbeeldwerkmap: sociale huurvoorraad Kerkrade, peildatum 1-1-2020",
    "",
    `${KERKRADE_SOURCE}.`,
    "De bladen ‘BAT per corporatie’ en ‘Woningtype’ bevatten de gepubliceerde cijfers uit die bron.",
    "",
    "LET OP: het blad ‘Voorraad (synthetisch)’ is SYNTHETISCH. Het is gegenereerd met een vaste seed en bevat geen echte woningen, complexen of adressen.",
    `Het telt per corporatie en BAT-klasse precies de gepubliceerde aantallen (${nl(total)} eenheden) en per woningtype en huurklasse precies de gepubliceerde aantallen (${nl(typedTotal)} eenheden).`,
    `De woningtypetabel telt ${nl(stock.untyped)} eenheden minder dan de BAT-tabel. Die eenheden hebben in de synthetische voorraad geen woningtype, geen huurklasse en geen eenheiddetailsoort.`,
    untypedText,
    "Alle andere kenmerken zijn verzonnen, met een samenhang die op een echte export lijkt: complexen met één corporatie, buurt en woningtype; bij gestapeld zonder lift alleen op de begane grond BAT 1 of hoger; zorgcomplexen met Wlz-zorg; seniorencomplexen met ontmoetingsruimte.",
    "Er zitten bewust grensgevallen in: complexen van 10 of 11 woningen, complexen met 45-49% 55-plussers, een onbekende ontmoetingsruimte (lege cel), een ontmoetingsruimte in een aangrenzend gebouw (‘aangrenzend’) en een onbekend aandeel 55+ bij een complex met label 55+.",
    "",
    "BAT-score: Limburgse schaal 0-4: 0 ongeschikt, 1 wandelstokgeschikt, 2 rollatorbewoonbaar, 3 rolstoelbewoonbaar, 4 geschikt voor verpleegzorg.",
    "Ontmoetingsruimte, Aandeel 55+, Label 55+, Wlz-zorg in complex en Zorgprofiel gelden per complex. Een lege cel betekent: onbekend.",
    "Eenheiddetailsoort volgt de VERA-codes (Aedes): POF portiekflat, POW portiekwoning, BEN benedenwoning, BOV bovenwoning, GAL galerijflat, COR corridorflat, TUS tussenwoning, HOE hoekwoning, EIN eindwoning, TWE twee-onder-een-kapwoning.",
    "Segment: ‘sociale huur’, behalve geliberaliseerde woningen (‘vrije sector huur’).",
    "",
    `Seed: ${SEED} (mulberry32). Opnieuw maken: npm run samples (scripts/build-samples.js).`,
  ]);

  {
    const ws = wb.addWorksheet("BAT per corporatie");
    const w = new SheetWriter(ws);
    w.titles("Tabel: sociale huurvoorraad Kerkrade naar BAT-klasse per corporatie, 1-1-2020", KERKRADE_SOURCE);
    w.header(["Corporatie", ...BAT_LABELS.map((l, k) => `BAT ${k} ${l}`), "Totaal"]);
    for (const c of tables.corps) w.row([c.name, ...c.counts, c.totaal]);
    w.row([tables.batTotal.label, ...tables.batTotal.counts, tables.batTotal.totaal]);
    widths(ws, [18, 16, 26, 24, 24, 18, 10]);
  }

  {
    const ws = wb.addWorksheet("Woningtype");
    const w = new SheetWriter(ws);
    w.titles("Tabel: sociale huurvoorraad Kerkrade naar woningtype en huurklasse, 1-1-2020", KERKRADE_SOURCE);
    w.header(["Woningtype", ...tables.klasseLabels, "Totaal"]);
    for (const t of tables.types) w.row([t.label, ...t.counts, t.totaal]);
    w.row([tables.typeTotal.label, ...tables.typeTotal.counts, tables.typeTotal.totaal]);
    widths(ws, [28, 12, 14, 14, 10, 16, 10]);
  }

  {
    const ws = wb.addWorksheet("Voorraad (synthetisch)");
    const w = new SheetWriter(ws);
    w.row([
      `SYNTHETISCHE VOORRAAD — gegenereerd met vaste seed, geen echte woningen. Reproduceert de gepubliceerde BAT-totalen per corporatie (${nl(total)} eenheden) en de totalen per woningtype (${nl(typedTotal)}; ${nl(stock.untyped)} eenheden zonder bekend woningtype).`,
    ], { bold: true });
    w.blank();
    w.header(STOCK_HEADERS);
    const formats = [];
    formats[7] = FMT_INT;
    formats[9] = FMT_INT;
    formats[10] = FMT_INT;
    formats[14] = FMT_PCT;
    for (const r of stock.rows) {
      w.row([
        r.vhe, r.complex, r.corporatie, r.gemeente, r.buurt, r.woningtype, r.detail, r.bouwlaag, r.lift,
        r.bouwjaar, r.bat, r.segment, r.huurklasse, r.ontmoetingsruimte, r.aandeel55, r.label55, r.wlz, r.zorgprofiel,
      ], { formats });
    }
    widths(ws, [12, 14, 15, 10, 16, 26, 18, 9, 6, 9, 10, 17, 15, 18, 12, 10, 18, 11]);
  }

  buildPlannedChangesSheet(wb);

  return { wb, stock };
}

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

// ---------------------------------------------------------------------------------------------

/**
 * The zip container ExcelJS writes stamps every entry with the current time. Overwrite those DOS
 * time/date fields (local headers and central directory) with FIXED_DATE, so that a rebuild gives
 * the same bytes and the committed .xlsx files do not change without reason.
 */
function fixZipTimestamps(buffer) {
  const buf = Buffer.from(buffer);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("xlsx: einde van de zip-map niet gevonden");
  const d = FIXED_DATE;
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("xlsx: onverwachte zip-map");
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("xlsx: onverwachte zip-kop");
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

async function writeWorkbook(wb, file) {
  const buffer = await wb.xlsx.writeBuffer();
  fs.writeFileSync(file, fixZipTimestamps(buffer));
}

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
