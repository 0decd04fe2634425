/**
 * Test helpers for the domain core: build `StockRow`s with every optional fact null, and
 * classified dwellings from them.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { StockRow } from "../../src/domain/types";

/** The shared published figures (domain brief, `data/`); SHARED_DATA_DIR overrides. */
const DATA_DIR = process.env.SHARED_DATA_DIR ?? path.resolve(__dirname, "../../../shared/domain/data");

let nextRow = 2;

/**
 * A stock row with every optional fact null, `aantal` 1, sheet "Voorraad" and an increasing
 * row number (from 2, below a header row); `batScale` defaults to "limburg" when `bat` is given.
 */
export function stockRow(facts: Partial<StockRow> = {}): StockRow {
  const base: StockRow = {
    sheet: "Voorraad",
    rowNumber: nextRow++,
    id: null,
    complex: null,
    bat: null,
    batScale: null,
    toegankelijkheidslabel: null,
    woonvorm: null,
    eenheiddetailsoort: null,
    aantal: 1,
    gemeente: null,
    buurt: null,
    wijk: null,
    eigenaar: null,
    segment: null,
    segmentSoort: null,
    woningtype: null,
    bouwlaag: null,
    lift: null,
    bouwjaar: null,
    ontmoetingsruimte: null,
    complexgrootte: null,
    aandeel55plus: null,
    label55plus: null,
    wlz: null,
    zorgprofiel: null,
    zelfstandig: null,
  };
  const row = { ...base, ...facts };
  if (row.bat !== null && facts.batScale === undefined) row.batScale = "limburg";
  return row;
}

/** `n` identical rows of one complex (each one dwelling), e.g. for a complex of 24 dwellings. */
export function complexRows(n: number, facts: Partial<StockRow>): StockRow[] {
  return Array.from({ length: n }, () => stockRow(facts));
}

/** Reads a CSV file of the shared domain data (comma-separated, header row, no quoting). */
export function readDomainCsv(name: string): Record<string, string>[] {
  const text = readFileSync(path.join(DATA_DIR, name), "utf8").trim();
  const [header, ...lines] = text.split(/\r?\n/);
  const keys = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ""]));
  });
}
