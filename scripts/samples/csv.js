/**
 * Reads the published tables in ../shared/domain/data (env SHARED_DATA_DIR overrides the folder)
 * for the sample builder (scripts/build-samples.js). The tables are read as they are published,
 * never reshaped to fit the code (README.md, "Voorbeeldwerkmappen"): a missing number or a row of
 * another length than the header is an error, not a guess. csv-parse does the CSV syntax, as in
 * the tests (test/support/csv.ts).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { parse } = require("csv-parse/sync");

/** Folder of the published CSV tables. */
const DATA_DIR = process.env.SHARED_DATA_DIR
  ? path.resolve(process.env.SHARED_DATA_DIR)
  : path.resolve(__dirname, "../../../shared/domain/data");

/**
 * Reads a comma-separated file with a header row into { header, rows: [{col: text}], file }
 * (csv-parse: quotes, a BOM and spaces around fields handled; a row of another length than the
 * header is an error).
 */
function readCsv(name) {
  const file = path.join(DATA_DIR, name);
  const table = parse(fs.readFileSync(file, "utf8"), { bom: true, skip_empty_lines: true, trim: true });
  const [header, ...lines] = table;
  const rows = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
  return { header, rows, file };
}

/** The number in a CSV cell; throws (in Dutch, naming `where`) on an empty or non-numeric cell. */
function toNumber(text, where) {
  if (text === "" || text === undefined) throw new Error(`Geen getal in ${where}`);
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`Geen getal in ${where}: "${text}"`);
  return n;
}

/** Whether a first-column label is the table's total row ("Totaal", "TOTAAL"). */
function isTotalLabel(s) {
  return /^totaal$/i.test(s.trim());
}

module.exports = { DATA_DIR, readCsv, toNumber, isTotalLabel };
