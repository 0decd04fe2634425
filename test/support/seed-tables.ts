/**
 * Fixture builder: every table of the published documents in ../shared/seeds, as printed,
 * turned into worksheet cells the way a user has them after copying the table into Excel.
 *
 * Nothing is tidied: labels, captions, footnote marks ("-854 ²"), thousands separators ("23.050"),
 * percentages ("14%"), empty header cells, rows whose first cell is blank (labels written once,
 * Tabel 6), group rows without figures and the printed "... totaal"/"TOTAAL" rows all stay. Each
 * table is located in the seed text by its caption and read from the text itself, so a change to
 * the seed file changes the fixture (and a table that is no longer found throws).
 *
 * Two ways the cells can arrive (`SeedCells`):
 * - "excel" (default): as Dutch-locale Excel converts pasted text: "23.050" → 23050,
 *   "-1.807" → -1807, "14%" → 0.14 (number format 0%), "2023" → 2023; everything else
 *   ("?", "1.180 (-145)", "-854 ²", labels) stays text.
 * - "text": every printed cell as text (pasted as text, or a CSV opened without conversion).
 *
 * Layout of a fixture sheet (1-based Excel rows): row 1 the caption as printed, row 2 blank,
 * then the table's rows from row 3 (header first), then a blank row and any lines printed under
 * the table (footnotes). Column A holds the first printed column.
 *
 * API:
 * - `SEED_TABLE_IDS`: the ids (e.g. "parkstad-tabel-1", "kerkrade-opgave-2030").
 * - `seedTable(id)`: the `SeedTable` (printed cells as text, caption, notes, source file).
 * - `seedSheet(id, opts)`: its cells as a `CellValue[][]` sheet (layout above).
 * - `seedRawTable(id, opts)`: the same as a `RawTable` (what ingest receives from a reader).
 * - `seedWorkbook(ids, opts)`: an ExcelJS workbook with one sheet per table (sheet = `SeedTable.sheet`).
 * - `printedNumber(text)`: the number a printed figure states (independent of src/ingest), for
 *   tests that compute expected figures from the printed numbers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, RawTable } from "../../src/ingest/types";
import { SEED_DIR } from "./paths";

const PARKSTAD = "parkstad-toekomstvisie-wonen-welzijn-zorg.txt";
const KERKRADE = "kerkrade-lokaal-kader-prestatieafspraken-2021-2025.txt";

/** How pasted cells arrive: converted by Dutch Excel, or kept as text. */
export type SeedCells = "excel" | "text";

/** One published table as printed. */
export interface SeedTable {
  id: string;
  /** Seed file (in SEED_DIR) the table comes from. */
  source: string;
  /** Suggested worksheet name (≤ 31 characters). */
  sheet: string;
  /** Caption line(s) as printed above the table. */
  caption: string[];
  /** The printed cells, row by row, as text ("" for an empty printed cell); header row first. */
  printed: string[][];
  /** Lines printed directly under the table (footnotes), as printed. */
  notes: string[];
}

function seedLines(file: string): string[] {
  return readFileSync(join(SEED_DIR, file), "utf8").replace(/\r/g, "").split("\n");
}

function findLine(lines: string[], from: number, test: (line: string) => boolean, what: string): number {
  for (let i = from; i < lines.length; i++) if (test(lines[i])) return i;
  throw new Error(`seed-tables: ${what} not found`);
}

/** A tab-separated table (Parkstad): the caption line, a blank line, then rows until a blank line. */
function tabTable(id: string, sheet: string, captionStart: string, notesUntilBlank = false): SeedTable {
  const lines = seedLines(PARKSTAD);
  const at = findLine(lines, 0, (l) => l.startsWith(captionStart), `${id}: caption "${captionStart}"`);
  let i = at + 1;
  while (lines[i].trim() === "") i++;
  const printed: string[][] = [];
  for (; i < lines.length && lines[i].trim() !== ""; i++) printed.push(lines[i].split("\t"));
  const width = Math.max(...printed.map((r) => r.length));
  for (const r of printed) while (r.length < width) r.push("");
  const notes: string[] = [];
  if (notesUntilBlank) {
    while (i < lines.length && lines[i].trim() === "") i++;
    for (; i < lines.length && lines[i].trim() !== ""; i++) notes.push(lines[i]);
  }
  return { id, source: PARKSTAD, sheet, caption: [lines[at]], printed, notes };
}

const NUMBER_TOKEN = /^-?\d{1,3}(\.\d{3})+$|^-?\d+$/;

/**
 * A space-separated table (Kerkrade, extracted from PDF): the header cells are given (the
 * printed header cannot be split on spaces: "Betaalbaar 1 Betaalbaar 2"), and checked against
 * the printed lines; each data row is the label (leading words) followed by its figures.
 */
function spaceTable(
  id: string, sheet: string, file: string, captionStart: string,
  header: string[], labels: string[], extraCaption?: string,
): SeedTable {
  const lines = seedLines(file);
  const at = findLine(lines, 0, (l) => l.startsWith(captionStart), `${id}: caption "${captionStart}"`);
  // The header: its printed words (cells may span several printed lines) in order.
  const headerWords = header.join(" ").split(/\s+/).filter(Boolean);
  let i = at + 1;
  const seen: string[] = [];
  while (seen.length < headerWords.length) {
    for (const w of lines[i].split(/\s+/).filter(Boolean)) seen.push(w);
    i++;
  }
  if (seen.join(" ") !== headerWords.join(" ")) {
    throw new Error(`seed-tables: ${id}: printed header "${seen.join(" ")}" differs from "${headerWords.join(" ")}"`);
  }
  const printed: string[][] = [header];
  for (const label of labels) {
    const j = findLine(lines, i, (l) => l.startsWith(label + " "), `${id}: row "${label}"`);
    const figures = lines[j].slice(label.length).trim().split(/\s+/);
    if (!figures.every((f) => NUMBER_TOKEN.test(f))) throw new Error(`seed-tables: ${id}: row "${label}" has non-figures`);
    printed.push([label, ...figures]);
    i = j + 1;
  }
  const caption = [lines[at]];
  if (extraCaption) caption.push(extraCaption);
  return { id, source: file, sheet, caption, printed, notes: [] };
}

/** Kerkrade "De totale opgave voor 2030": four BAT headers over one row of "1.180 (-145)" cells. */
function kerkradeOpgave(): SeedTable {
  const lines = seedLines(KERKRADE);
  const at = findLine(lines, 0, (l) => l.startsWith("De totale opgave voor 2030"), "opgave 2030 caption");
  if (!lines[at + 2].startsWith("(Deze opgave")) throw new Error("seed-tables: opgave 2030 note moved");
  const note = `${lines[at + 2].trim()} ${lines[at + 3].trim()}`;
  const header: string[] = [];
  let i = at + 4;
  let cell: string[] = [];
  const valueLine = findLine(lines, i, (l) => /^\d[\d.]* \([+-]\d+\)/.test(l.trim()), "opgave 2030 figures");
  // Header cells: each starts with "BAT n"; its printed lines are joined by a line break.
  for (; i < valueLine; i++) {
    const t = lines[i].trim();
    if (t === "") continue;
    if (/^BAT \d$/.test(t) && cell.length > 0) { header.push(cell.join("\n")); cell = []; }
    cell.push(t);
  }
  if (cell.length > 0) header.push(cell.join("\n"));
  const figures = lines[valueLine].trim().match(/\d[\d.]* \([+-]\d+\)/g) ?? [];
  if (figures.length !== header.length) throw new Error("seed-tables: opgave 2030 header/figures differ");
  return {
    id: "kerkrade-opgave-2030", source: KERKRADE, sheet: "Opgave 2030",
    caption: [lines[at].trimEnd(), note],
    printed: [header, figures], notes: [],
  };
}

/** Kerkrade BAT per corporatie: header cells over several printed lines (first cell empty). */
function kerkradeBat(): SeedTable {
  const lines = seedLines(KERKRADE);
  const caption = "Toegankelijkheid sociale huurwoningaanbod corporaties Kerkrade";
  const at = findLine(lines, 0, (l) => l.startsWith(caption), "BAT per corporatie caption");
  const first = findLine(lines, at + 1, (l) => l.startsWith("Wonen Zuid "), "BAT per corporatie rows");
  const header: string[] = [""];
  let cell: string[] = [];
  for (let i = at + 1; i < first; i++) {
    const t = lines[i].trim();
    if (t === "") continue;
    if ((/^BAT \d$/.test(t) || t === "TOTAAL") && cell.length > 0) { header.push(cell.join("\n")); cell = []; }
    cell.push(t);
  }
  if (cell.length > 0) header.push(cell.join("\n"));
  const labels = ["Wonen Zuid", "HEEMwonen", "Wonen Limburg", "Meander", "TOTAAL"];
  const printed: string[][] = [header];
  let i = first;
  for (const label of labels) {
    const j = findLine(lines, i, (l) => l.startsWith(label + " "), `BAT per corporatie row ${label}`);
    printed.push([label, ...lines[j].slice(label.length).trim().split(/\s+/)]);
    i = j + 1;
  }
  return { id: "kerkrade-bat-per-corporatie", source: KERKRADE, sheet: "BAT per corporatie", caption: [lines[at].trimEnd()], printed, notes: [] };
}

/** Kerkrade energielabels: "A of beter 1.781 (24,1%)" rows under "Energielabel Aantal woningen". */
function kerkradeEnergielabels(): SeedTable {
  const lines = seedLines(KERKRADE);
  const at = findLine(lines, 0, (l) => l.startsWith("Energielabel Aantal woningen"), "energielabel header");
  const printed: string[][] = [["Energielabel", "Aantal woningen"]];
  for (let i = at + 1; i < lines.length; i++) {
    const m = /^(.+?) (\d[\d.]* \(\d+,\d%\))\s*$/.exec(lines[i]);
    if (m) printed.push([m[1], m[2]]);
    else if (lines[i].trim() !== "" && printed.length > 1 && !/^\d+$/.test(lines[i].trim())) break;
    if (/^G /.test(lines[i])) break;
  }
  return {
    id: "kerkrade-energielabels", source: KERKRADE, sheet: "Energielabels",
    caption: ["In onderstaande tabel wordt het aantal afgegeven energielabels voor alle corporaties weergegeven."],
    printed, notes: [],
  };
}

/**
 * Kerkrade "Plannen corporaties voor de periode 2021 – 2025": a caption over two printed lines,
 * then one bullet line per kind ("• 478 woningen sloop"), each pasted into a cell of its own.
 */
function kerkradePlannen(): SeedTable {
  const lines = seedLines(KERKRADE);
  const at = findLine(lines, 0, (l) => l.startsWith("Plannen corporaties voor de"), "plannen 2021-2025 caption");
  if (!/^periode 20\d\d/.test(lines[at + 1])) throw new Error("seed-tables: plannen 2021-2025 caption moved");
  let i = at + 2;
  while (lines[i].trim() === "") i++;
  const printed: string[][] = [];
  for (; i < lines.length && lines[i].startsWith("\u2022 "); i++) printed.push([lines[i].trimEnd()]);
  return {
    id: "kerkrade-plannen-2021-2025", source: KERKRADE, sheet: "Plannen corporaties",
    caption: [lines[at], lines[at + 1]], printed, notes: [],
  };
}

let cache: SeedTable[] | null = null;

function build(): SeedTable[] {
  return [
    tabTable("parkstad-tabel-1", "Tabel 1 vraag", "Tabel 1: prognose vraag"),
    tabTable("parkstad-tabel-2", "Tabel 2 aanbod", "Tabel 2: ge"),
    tabTable("parkstad-tabel-3", "Tabel 3 tekort", "Tabel 3: Tabel 3", true),
    tabTable("parkstad-tabel-4", "Tabel 4 woningvoorraad", "Tabel 4: Woningvoorraad"),
    tabTable("parkstad-tabel-5", "Tabel 5 aanpassing", "Tabel 5: Percentage"),
    tabTable("parkstad-tabel-6", "Tabel 6 huur koop", "Tabel 6: Percentage"),
    tabTable("parkstad-planning", "Planning", "Tabel 4: Planning"),
    spaceTable(
      "kerkrade-woningtype-huurklasse", "Woningtype huurklasse", KERKRADE,
      "Sociale huurwoningaanbod corporaties Kerkrade per peildatum",
      ["", "Goedkoop", "Betaalbaar 1", "Betaalbaar 2", "Duur", "Geliberaliseerd", "TOTAAL"],
      ["Grondgebonden =1", "Grondgebonden >1", "Gestapeld zonder Lift", "Gestapeld met Lift", "Anders", "TOTAAL"],
    ),
    kerkradeOpgave(),
    kerkradeBat(),
    kerkradeEnergielabels(),
    kerkradePlannen(),
  ];
}

/** Ids of all seed tables, in document order. */
export const SEED_TABLE_IDS = [
  "parkstad-tabel-1", "parkstad-tabel-2", "parkstad-tabel-3", "parkstad-tabel-4", "parkstad-tabel-5",
  "parkstad-tabel-6", "parkstad-planning", "kerkrade-woningtype-huurklasse", "kerkrade-opgave-2030",
  "kerkrade-bat-per-corporatie", "kerkrade-energielabels", "kerkrade-plannen-2021-2025",
] as const;
export type SeedTableId = (typeof SEED_TABLE_IDS)[number];

/** All seed tables (read once from the seed files). @throws Error when a table is not found. */
export function seedTables(): SeedTable[] {
  cache ??= build();
  return cache;
}

/** One seed table by id. @throws Error for an unknown id. */
export function seedTable(id: SeedTableId): SeedTable {
  const t = seedTables().find((s) => s.id === id);
  if (!t) throw new Error(`seed-tables: unknown table ${id}`);
  return t;
}

/**
 * The number a printed figure states, read here independently of src/ingest: "23.050" → 23050,
 * "-1.807" → -1807, "14%" → 0.14, "1.180 (-145)" → 1180, "-854 ²" → -854; null for "", "?"
 * and text.
 */
export function printedNumber(text: string): number | null {
  const t = text.trim();
  let m = /^(-?\d{1,3}(?:\.\d{3})+|-?\d+)(?:\s*\([+-]?\d+\)|\s*[²³¹])?$/.exec(t);
  if (m) return Number(m[1].replace(/\./g, ""));
  m = /^(-?\d+(?:,\d+)?)%$/.exec(t);
  if (m) return Number(m[1].replace(",", ".")) / 100;
  return null;
}

/** One printed cell as Dutch Excel stores it when pasted ("excel") or as text. */
function toCell(text: string, cells: SeedCells): CellValue {
  if (text === "") return null;
  if (cells === "text") return text;
  const t = text.trim();
  if (/^-?\d{1,3}(\.\d{3})+$|^-?\d+$/.test(t)) return Number(t.replace(/\./g, ""));
  const pct = /^(-?\d+(?:,\d+)?)%$/.exec(t);
  if (pct) return Number(pct[1].replace(",", ".")) / 100;
  return text;
}

/** Options for {@link seedSheet}, {@link seedRawTable} and {@link seedWorkbook}. */
export interface SeedSheetOptions {
  /** How the cells arrive (default "excel"). */
  cells?: SeedCells;
  /** Leave out the caption rows (table starts in row 1); default false. */
  bare?: boolean;
}

/** The table as worksheet cells: caption, blank row, printed rows, blank row + notes (see module doc). */
export function seedSheet(id: SeedTableId, opts: SeedSheetOptions = {}): CellValue[][] {
  const t = seedTable(id);
  const cells = opts.cells ?? "excel";
  const out: CellValue[][] = [];
  if (!opts.bare) {
    for (const c of t.caption) out.push([c]);
    out.push([]);
  }
  for (const r of t.printed) out.push(r.map((c) => toCell(c, cells)));
  if (t.notes.length > 0) {
    out.push([]);
    for (const n of t.notes) out.push([n]);
  }
  const width = Math.max(...out.map((r) => r.length));
  return out.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
}

/** The table as a `RawTable` on sheet `SeedTable.sheet`, origin A1. */
export function seedRawTable(id: SeedTableId, opts: SeedSheetOptions = {}): RawTable {
  return { sheet: seedTable(id).sheet, tableName: null, originRow: 1, originCol: 1, values: seedSheet(id, opts) };
}

/** An ExcelJS workbook with one sheet per table (percentages formatted "0%"). */
export function seedWorkbook(ids: readonly SeedTableId[], opts: SeedSheetOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const id of ids) {
    const ws = wb.addWorksheet(seedTable(id).sheet);
    const t = seedTable(id);
    const firstTableRow = opts.bare ? 0 : t.caption.length + 1;
    seedSheet(id, opts).forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        const text = t.printed[r - firstTableRow]?.[c] ?? "";
        if (typeof v === "number" && text.trim().endsWith("%")) cell.numFmt = "0%";
        if (typeof v === "string" && v.includes("\n")) cell.alignment = { wrapText: true };
      });
    });
  }
  return wb;
}

/** The printed cells of a table by row label (first cell, trimmed) — for tests computing expected figures. */
export function printedRow(id: SeedTableId, label: string, occurrence = 0): string[] {
  const rows = seedTable(id).printed.filter((r) => r[0].trim() === label);
  const row = rows[occurrence];
  if (!row) throw new Error(`seed-tables: ${id} has no row "${label}" (#${occurrence})`);
  return row;
}
