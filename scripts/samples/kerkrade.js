/**
 * Workbook 2, assets/kerkrade-sociale-huur-2020.xlsx: the published Kerkrade tables (social-rent
 * stock of four owners by BAT class, and by dwelling type x rent class, 1-1-2020; source: Gemeente
 * Kerkrade, Lokaal meerjarig kader prestatieafspraken Kerkrade 2021-2025), a SYNTHETIC
 * per-dwelling stock that reproduces their counts exactly (stock/), and the planned changes
 * 2021-2025 (planned-changes.js). The Toelichting sheet says, in Dutch, what is published and what
 * is invented (README.md, "Voorbeeldwerkmappen"); the stock sheet has the columns of a stock per
 * dwelling (docs/handleiding.md, "Voorraad per woning (VHE) of per groep").
 */
"use strict";

const { nl } = require("./dutch");
const { SheetWriter, widths, textSheet, FMT_INT, FMT_PCT } = require("./sheet");
const { newWorkbook } = require("./workbook-file");
const { readKerkradeTables, KERKRADE_SOURCE, BAT_LABELS } = require("./kerkrade-tables");
const { buildSyntheticStock, SEED } = require("./stock");
const { buildPlannedChangesSheet } = require("./planned-changes");

const KERKRADE_FILE = "kerkrade-sociale-huur-2020.xlsx";

/** Header of the sheet "Voorraad (synthetisch)", one column per field of a stock row. */
const STOCK_HEADERS = [
  "VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Buurt", "Woningtype", "Eenheiddetailsoort",
  "Bouwlaag", "Lift", "Bouwjaar", "BAT-score", "Segment", "Huurklasse", "Ontmoetingsruimte", "Aandeel 55+",
  "Label 55+", "Wlz-zorg in complex", "Zorgprofiel",
];

/** The sheet "Toelichting": what is published, what is invented and how to read it, in Dutch. */
function toelichting(wb, tables, stock) {
  const total = tables.batTotal.totaal;
  const typedTotal = tables.typeTotal.totaal;
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
}

/** The published table by owner and BAT class, as printed, with its TOTAAL row. */
function batPerCorporatie(wb, tables) {
  const ws = wb.addWorksheet("BAT per corporatie");
  const w = new SheetWriter(ws);
  w.titles("Tabel: sociale huurvoorraad Kerkrade naar BAT-klasse per corporatie, 1-1-2020", KERKRADE_SOURCE);
  w.header(["Corporatie", ...BAT_LABELS.map((l, k) => `BAT ${k} ${l}`), "Totaal"]);
  for (const c of tables.corps) w.row([c.name, ...c.counts, c.totaal]);
  w.row([tables.batTotal.label, ...tables.batTotal.counts, tables.batTotal.totaal]);
  widths(ws, [18, 16, 26, 24, 24, 18, 10]);
}

/** The published table by dwelling type and rent class, as printed, with its TOTAAL row. */
function woningtype(wb, tables) {
  const ws = wb.addWorksheet("Woningtype");
  const w = new SheetWriter(ws);
  w.titles("Tabel: sociale huurvoorraad Kerkrade naar woningtype en huurklasse, 1-1-2020", KERKRADE_SOURCE);
  w.header(["Woningtype", ...tables.klasseLabels, "Totaal"]);
  for (const t of tables.types) w.row([t.label, ...t.counts, t.totaal]);
  w.row([tables.typeTotal.label, ...tables.typeTotal.counts, tables.typeTotal.totaal]);
  widths(ws, [28, 12, 14, 14, 10, 16, 10]);
}

/** The sheet "Voorraad (synthetisch)": a warning row, a blank row, the header, one row per unit. */
function voorraad(wb, tables, stock) {
  const total = tables.batTotal.totaal;
  const typedTotal = tables.typeTotal.totaal;
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

/**
 * The Kerkrade workbook (ExcelJS) and the synthetic stock in it: { wb, stock } (stock as
 * stock/index.js's buildSyntheticStock returns it). Throws (in Dutch) when a published table does
 * not add up or the stock misses a published count.
 */
function buildKerkrade() {
  const tables = readKerkradeTables();
  const stock = buildSyntheticStock(tables);
  const wb = newWorkbook();
  toelichting(wb, tables, stock);
  batPerCorporatie(wb, tables);
  woningtype(wb, tables);
  voorraad(wb, tables, stock);
  buildPlannedChangesSheet(wb);
  return { wb, stock };
}

module.exports = { buildKerkrade, KERKRADE_FILE };
