/**
 * Test helpers: build `RawTable`s from 2-D arrays, and lay out the published tables in
 * ../shared/domain/data the way the sample workbooks present them (title rows, group rows,
 * totals). The per-dwelling table is SYNTHETIC: generated deterministically so that it
 * reproduces the published Kerkrade counts per corporation and BAT class exactly.
 */
import type { CellValue, RawTable } from "../../src/ingest/types";
import { readCsvTable } from "../support/csv";
import { createRandom } from "../support/random";

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

/** Published BAT column headers, Limburg labels (Kerkrade layout). */
export const KERKRADE_BAT_HEADERS = [
  "BAT 0 ongeschikt", "BAT 1 wandelstokgeschikt", "BAT 2 rollatorbewoonbaar", "BAT 3 rolstoelbewoonbaar",
  "BAT 4 verpleegzorg",
];

/** The Kerkrade CSV as records: corporation, counts per BAT 0..4, published total. */
export function kerkradeRecords(): { corporatie: string; perBat: number[]; totaal: number }[] {
  const [, ...rows] = readCsvTable("kerkrade-bat-per-corporatie-2020.csv");
  return rows.map((r) => ({ corporatie: r[0], perBat: r.slice(1, 6).map(Number), totaal: Number(r[6]) }));
}

/**
 * Kerkrade "BAT per corporatie 2020" in its published layout: two title rows and a blank row,
 * header `Corporatie | BAT 0 ongeschikt | … | BAT 4 verpleegzorg | Totaal`, one row per
 * corporation, and the `TOTAAL` row. Counts as numbers unless `asText` (Dutch text "1.729").
 */
export function kerkradeBatPublished(opts: { asText?: boolean; headers?: string[] } = {}): CellValue[][] {
  const fmt = (n: number): CellValue => (opts.asText ? n.toLocaleString("nl-NL") : n);
  const out: CellValue[][] = [
    ["Sociale huurvoorraad Kerkrade naar BAT-score per corporatie, 1-1-2020", null, null, null, null, null, null],
    ["Bron: Lokaal meerjarig kader prestatieafspraken Kerkrade 2021-2025", null, null, null, null, null, null],
    [null, null, null, null, null, null, null],
    ["Corporatie", ...(opts.headers ?? KERKRADE_BAT_HEADERS), "Totaal"],
  ];
  for (const rec of kerkradeRecords()) out.push([rec.corporatie, ...rec.perBat.map(fmt), fmt(rec.totaal)]);
  return out;
}

/** "Ouderen (basisscenario)", "Mensen met een verstandelijke beperking (onderkant)", … */
export function publishedGroupLabel(groep: string, scenario: string): string {
  const name = groep === "lichamelijke beperking" || groep === "verstandelijke beperking"
    ? `Mensen met een ${groep}`
    : capitalise(groep);
  if (scenario === "") return name;
  return scenario === "basis" || scenario === "trend" ? `${name} (${scenario}scenario)` : `${name} (${scenario})`;
}

/**
 * A categorised CSV (groep, [scenario,] woonvorm, years…) in the published layout: title row,
 * blank row, header `Woonvorm | years…`, a group row whenever groep/scenario changes, then the
 * rows as printed (totals where the CSV has them), and a source line below.
 */
export function publishedCategorized(csv: string, title: string, opts: { asText?: boolean } = {}): CellValue[][] {
  const [head, ...rows] = readCsvTable(csv);
  const hasScenario = head[1] === "scenario";
  const firstYear = hasScenario ? 3 : 2;
  const years = head.slice(firstYear).map(Number);
  const width = 1 + years.length;
  const pad = (cells: CellValue[]): CellValue[] => [...cells, ...Array<CellValue>(width - cells.length).fill(null)];
  const out: CellValue[][] = [pad([title]), pad([]), ["Woonvorm", ...years]];
  let lastKey = "";
  for (const r of rows) {
    const groep = r[0];
    const scenario = hasScenario ? r[1] : "";
    const key = `${groep}|${scenario}`;
    if (key !== lastKey) {
      out.push(pad([publishedGroupLabel(groep, scenario)]));
      lastKey = key;
    }
    const nums = r.slice(firstYear).map((s) => (opts.asText ? Number(s).toLocaleString("nl-NL") : Number(s)));
    out.push([capitalise(r[hasScenario ? 2 : 1]), ...nums]);
  }
  out.push(pad(["Bron: Toekomstvisie Wonen, Welzijn en Zorg Parkstad Limburg (analyse Companen)"]));
  return out;
}

/** Parkstad Tabel 1 (vraag) in the published layout. */
export function parkstadDemandPublished(opts: { asText?: boolean } = {}): CellValue[][] {
  return publishedCategorized("parkstad-vraag-ouderen-vg-2023-2040.csv",
    "Tabel 1. Vraag naar woonvormen per doelgroep, Parkstad Limburg, 2023-2040", opts);
}

/** Parkstad Tabel 2 (aanbod) in the published layout. */
export function parkstadSupplyPublished(): CellValue[][] {
  return publishedCategorized("parkstad-aanbod-2023.csv", "Tabel 2. Geïnventariseerd aanbod woonvormen, Parkstad Limburg, 2023");
}

/** A CSV as a table, exactly as in the file (header row + rows, whole numbers as numbers). */
export function csvTable(name: string): CellValue[][] {
  return readCsvTable(name).map((r) => r.map(cellFromCsv));
}

/**
 * SYNTHETIC per-dwelling stock that reproduces the published Kerkrade counts per corporation
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
