/**
 * Test helpers: build `RawTable`s from 2-D arrays, read the CSV exports in ../shared/domain/data
 * as they are, and Kerkrade's BAT table as printed (the seed fixture, test/support/seed-tables.ts,
 * with header variants). The published tables themselves are the seed fixtures, never a reshaped
 * copy. The per-dwelling table is SYNTHETIC: generated deterministically so that it reproduces the
 * printed Kerkrade counts per corporation and BAT class exactly.
 */
import type { CellValue, RawTable } from "../../src/ingest/types";
import { readCsvTable } from "../support/csv";
import { createRandom } from "../support/random";
import { printedNumber, seedSheet, seedTable, type SeedCells } from "../support/seed-tables";

/** Wraps a 2-D array as a RawTable (default sheet "Blad1", origin A1, plain range). */
export function rawTable(
  values: CellValue[][],
  opts: { sheet?: string; originRow?: number; originCol?: number; tableName?: string | null } = {},
): RawTable {
  return {
    sheet: opts.sheet ?? "Blad1",
    tableName: opts.tableName ?? null,
    originRow: opts.originRow ?? 1,
    originCol: opts.originCol ?? 1,
    values,
  };
}

/** Whole-number text → number, other text unchanged, empty → null. */
export function cellFromCsv(s: string): CellValue {
  if (s === "") return null;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

/** Capitalises the first letter: "regulier wonen" → "Regulier wonen". */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 0-based row of the header of Kerkrade's BAT table as printed (caption, blank row, header). */
export const KERKRADE_BAT_HEADER = seedTable("kerkrade-bat-per-corporatie").caption.length + 1;

/** Kerkrade's BAT table as printed, by row label: corporation (and "TOTAAL"), counts per BAT 0..4
 * and the printed total, read from the printed figures (printedNumber, independent of src/ingest). */
export function kerkradeRecords(): { corporatie: string; perBat: number[]; totaal: number }[] {
  const n = (t: string): number => {
    const v = printedNumber(t);
    if (v === null) throw new Error(`not a printed number: "${t}"`);
    return v;
  };
  return seedTable("kerkrade-bat-per-corporatie").printed.slice(1).map((r) => ({ corporatie: r[0], perBat: r.slice(1, 6).map(n), totaal: n(r[6]) }));
}

/**
 * Kerkrade "BAT per corporatie" as printed (test/support/seed-tables.ts): caption, blank row, the
 * header (first cell empty, "BAT 0\nongeschikt" … "TOTAAL") at {@link KERKRADE_BAT_HEADER}, one row
 * per corporation and the TOTAAL row. `cells`: as Dutch Excel converts the paste (default) or as
 * text ("1.729"); `headers`: other texts for the five BAT header cells (header variants).
 */
export function kerkradeBatPrinted(opts: { cells?: SeedCells; headers?: string[] } = {}): CellValue[][] {
  const values = seedSheet("kerkrade-bat-per-corporatie", { cells: opts.cells });
  if (opts.headers) opts.headers.forEach((h, k) => (values[KERKRADE_BAT_HEADER][k + 1] = h));
  return values;
}

/** A CSV as a table, exactly as in the file (header row + rows, whole numbers as numbers). */
export function csvTable(name: string): CellValue[][] {
  return readCsvTable(name).map((r) => r.map(cellFromCsv));
}

/**
 * SYNTHETIC per-dwelling stock that reproduces the printed Kerkrade counts per corporation
 * and BAT class (7,824 VHE). Header row under a title row; columns VHE-nummer, Complexnummer,
 * Corporatie, BAT-score, Woningtype, Lift, Bouwjaar. Rows are shuffled with a fixed seed.
 * `bat(level)` chooses how the score is written (default: the number).
 */
export function kerkradePerDwelling(bat: (level: number) => CellValue = (l) => l): CellValue[][] {
  const rand = createRandom(2020).next;
  const rows: CellValue[][] = [];
  let seq = 100000;
  for (const rec of kerkradeRecords()) {
    if (rec.corporatie === "TOTAAL") continue;
    rec.perBat.forEach((count, level) => {
      for (let i = 0; i < count; i++) {
        seq++;
        const stacked = rand() < 0.5;
        rows.push([
          `VHE${seq}`, `C${Math.floor(rand() * 120) + 1}`, rec.corporatie, bat(level),
          stacked ? "Gestapeld met lift" : "Grondgebonden >1 bouwlaag", stacked ? "ja" : "nee",
          1950 + Math.floor(rand() * 70),
        ]);
      }
    });
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return [
    ["Woningvoorraad Kerkrade 1-1-2020 (synthetisch, sluit aan op de gepubliceerde BAT-tabel)", null, null, null, null, null, null],
    ["VHE-nummer", "Complexnummer", "Corporatie", "BAT-score", "Woningtype", "Lift", "Bouwjaar"],
    ...rows,
  ];
}
