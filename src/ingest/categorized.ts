/**
 * One reader for categorised tables — demand (vraag) and supply at type level (aanbod) — so
 * that both follow the same rules (docs/handleiding.md §3, "Vraag- en aanbodtabel").
 *
 * Layouts:
 * - **wide**: years as columns (header cells that are whole years 2000..2100, number or text);
 *   a category column (named woonvorm/categorie/…, else the first other column); optional
 *   columns groep/doelgroep, scenario/variant, gebied/gemeente/regio/wijk/buurt.
 * - **published** (Parkstad Tabel 1 and 2): wide, plus group rows that hold only a label
 *   ("Ouderen (basisscenario)", "Mensen met een verstandelijke beperking (onderkant)") and set
 *   groep and scenario for the rows below; "Totaal" rows may close or open a group.
 * - **long**: columns categorie/woonvorm, jaar, value (vraag/aanbod/aantal/waarde), and
 *   optional groep, scenario, gebied.
 *
 * Totals are never entries. Per (groep, scenario, jaar, gebied) the categories must add up to
 * the total ("totaal-klopt-niet" otherwise); a group with only totals yields one `info`.
 */
import { type Issue, makeIssue } from "../domain/issues";
import type { Niveau, Zorgprofiel } from "../domain/types";
import type { CellValue, RawTable } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { normaliseHeader } from "./normalise";
import { findHeaderRow } from "./header";
import { parseCategoryLabel, parseGroupLabel, looksLikeGroupLabel, normaliseScenario } from "./categories";
import { IssueLog, formatNumber, quoteValue, sameNumber, tableCell } from "./messages";
import { isNoteText, isTitleRow, isTotalLabel, rowFill } from "./row-kinds";

/** What the table holds: demand or supply. Changes only wording and whether a year is required. */
export type CategorizedPurpose = "vraag" | "aanbod";

/** One figure of a categorised table. `jaar` is null only for supply tables without years. */
export interface CategorizedEntry {
  niveau: Niveau;
  groep: string | null;
  categorie: string;
  zorgprofiel: Zorgprofiel | null;
  jaar: number | null;
  scenario: string | null;
  gebied: string | null;
  /** The number (dwellings or households). */
  waarde: number;
  sheet: string;
  /** A1 address of the number. */
  cell: string;
  /** A figure printed in brackets after the number ("1.180 (-145)"), with the row or column label
   * as printed: in the source a published difference or opgave (readDemand checks it). */
  tussenHaakjes?: { waarde: number; label: string };
}

/** Result of {@link readCategorized}. */
export interface CategorizedResult {
  entries: CategorizedEntry[];
  issues: Issue[];
  /** 0-based row of the header read (-1 when none was found). */
  headerIndex: number;
}

/** Roles a header cell of a categorised table can have. */
type Role = "categorie" | "groep" | "scenario" | "gebied" | "jaar" | "waarde";

/** Normalised header → role. Compiled once. */
const ROLE_HEADERS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...["woonvorm", "woonvormen", "categorie", "category", "woontype", "woonzorgvorm", "bzktype", "bzkcategorie",
    "type", "batklasse", "typewoning"].map((h) => [h, "categorie"] as [string, Role]),
  ...["groep", "doelgroep", "doelgroepen"].map((h) => [h, "groep"] as [string, Role]),
  ...["scenario", "variant"].map((h) => [h, "scenario"] as [string, Role]),
  ...["gebied", "gemeente", "regio", "wijk", "buurt", "kern", "woonplaats"].map((h) => [h, "gebied"] as [string, Role]),
  ...["jaar", "year", "peiljaar", "prognosejaar"].map((h) => [h, "jaar"] as [string, Role]),
  ...["vraag", "aanbod", "aantal", "waarde", "behoefte", "aantalwoningen", "value"].map((h) => [h, "waarde"] as [string, Role]),
]);

/** A header cell that is a year 2000..2100 (number, or text of four digits); else null.
 * @example yearOf(2030) === 2030; yearOf(" 2030 ") === 2030; yearOf(1975) === null; yearOf("2030-2040") === null */
export function yearOf(v: CellValue | undefined): number | null {
  let n: number | null = null;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const t = v.trim();
    if (t.length === 4) n = parseDutchNumber(t);
  }
  return n !== null && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}

/**
 * What the first header cell of a published table says the figures are (Parkstad Tabel 1
 * "Vraag", Tabel 2 "Aanbod", Tabel 3 "Tekort" under the caption "Aanbod – vraag"): vraag,
 * aanbod, saldo (aanbod − vraag or vraag − aanbod, tekort, overschot) or opgave (either
 * demand or a shortage: the title or the user decides).
 */
export type TableSubject = "vraag" | "aanbod" | "saldo" | "opgave";

/** Normalised subject words → subject. */
const SUBJECTS: ReadonlyMap<string, TableSubject> = new Map<string, TableSubject>([
  ...["vraag", "behoefte", "prognose", "prognosevraag", "woningbehoefte"].map((w) => [w, "vraag"] as [string, TableSubject]),
  ...["aanbod", "voorraad", "geinventariseerdaanbod", "inventarisatie"].map((w) => [w, "aanbod"] as [string, TableSubject]),
  ...["tekort", "tekorten", "saldo", "overschot", "aanbodvraag", "vraagaanbod", "aanbodminvraag", "vraagminaanbod",
    "tekortoverschot", "confrontatie", "mismatch"].map((w) => [w, "saldo"] as [string, TableSubject]),
  ...["opgave", "totaleopgave", "bouwopgave", "woonopgave"].map((w) => [w, "opgave"] as [string, TableSubject]),
]);

/** The subject a header cell names ("Vraag", "Aanbod – vraag"), or null.
 * @example subjectOf("Vraag") === "vraag"; subjectOf("Aanbod – vraag") === "saldo"; subjectOf("Geïnventariseerd aanbod") === "aanbod"; subjectOf("Woonvorm") === null */
export function subjectOf(v: CellValue | undefined): TableSubject | null {
  return typeof v === "string" ? SUBJECTS.get(normaliseHeader(v)) ?? null : null;
}

/** A header cell "Vraag 2030" / "Aanbod 2023": subject and year; else null. */
function subjectYearOf(v: CellValue | undefined): { subject: TableSubject; jaar: number } | null {
  if (typeof v !== "string") return null;
  const m = /^(.*?)[\s:\u2013-]*(20\d\d)$/.exec(v.trim());
  if (!m) return null;
  const subject = SUBJECTS.get(normaliseHeader(m[1]));
  return subject ? { subject, jaar: Number(m[2]) } : null;
}

/** The structure of a categorised table's header row. Column indexes are -1 when absent. */
export interface CategorizedHeader {
  /** What the figures are according to the header (first cell "Vraag", or "Vraag 2030"); null when it does not say. */
  subject: TableSubject | null;
  /** Column of the header cell that names `subject` (the label column's "Aanbod", or the first
   * "Vraag 2030"); -1 when `subject` is null. Messages name this cell. */
  subjectCol: number;
  /** Layout "rij": the categories are the column headers ("BAT 1 Wandelstok geschikt", …) and
   * each row below holds one set of figures (Kerkrade opgave 2030). */
  categoryColumns: { col: number; label: string }[];
  years: { col: number; jaar: number }[];
  categorie: number;
  groep: number;
  scenario: number;
  gebied: number;
  jaar: number;
  waarde: number;
  /** Columns whose header is text without a role here (not a year, subject, role header or
   * category): "Bron", "Opmerking", "Volgnr." pasted beside the table. Never a row label. */
  unrelated: number[];
  /** "breed" (years as columns), "lang" (jaar/value columns), "rij" (categories as columns),
   * or null when this is no header. */
  layout: "breed" | "lang" | "rij" | null;
}

/**
 * Analyses a candidate header row of a categorised table.
 *
 * @param row header cells.
 * @returns column roles and the layout; `layout` null when the row is not such a header.
 * @example analyseCategorizedHeader(["Woonvorm", 2025, "2030"]) ===
 *   { subject: null, subjectCol: -1, categoryColumns: [], years: [{ col: 1, jaar: 2025 }, { col: 2, jaar: 2030 }], categorie: 0, groep: -1, scenario: -1, gebied: -1, jaar: -1, waarde: -1, unrelated: [], layout: "breed" };
 *   analyseCategorizedHeader(["Gemeente", "Jaar", "Woonvorm", "Vraag"]).layout === "lang"; analyseCategorizedHeader(["VHE-nummer", "BAT-score"]).layout === null
 */
export function analyseCategorizedHeader(row: readonly CellValue[]): CategorizedHeader {
  const h: CategorizedHeader = {
    subject: null, subjectCol: -1, categoryColumns: [], years: [], categorie: -1, groep: -1, scenario: -1, gebied: -1, jaar: -1, waarde: -1, unrelated: [], layout: null,
  };
  let firstFilled = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (firstFilled < 0 && !isMissing(v)) firstFilled = c;
    const y = yearOf(v);
    if (y !== null) {
      h.years.push({ col: c, jaar: y });
      continue;
    }
    const sy = subjectYearOf(v);
    if (sy !== null) {
      // "Vraag 2030": a one-year column that also names the subject.
      h.years.push({ col: c, jaar: sy.jaar });
      if (h.subject === null) {
        h.subject = sy.subject;
        h.subjectCol = c;
      }
      continue;
    }
    if (typeof v !== "string") continue;
    const cat = parseCategoryLabel(v);
    if (cat !== null && cat.kind === "categorie") h.categoryColumns.push({ col: c, label: v });
    const role = ROLE_HEADERS.get(normaliseHeader(v));
    if (role && h[role] < 0) h[role] = c;
  }
  // A first header cell naming the subject ("Vraag", "Aanbod", "Aanbod – vraag", "Opgave") heads
  // the label column of a wide table: it says what the figures are, not which column holds them.
  // "First" among the cells with a role other than a year: columns without one pasted beside the
  // table (a remark, a row number) do not hide it, nor do the year columns (the label column
  // moved right of the years: "2023 | 2030 | 2040 | Aanbod").
  const subjectCol = firstSubjectColumn(row, h, firstFilled);
  const subject = subjectCol < 0 ? null : subjectOf(row[subjectCol]);
  if (subject !== null && h.years.length > 0) {
    h.subject = subject;
    h.subjectCol = subjectCol;
    if (h.categorie < 0) h.categorie = subjectCol;
    if (h.waarde === subjectCol) h.waarde = -1;
  }
  // "Vraag 2030 | Aantal": a first cell naming subject and year heads the label column of a
  // one-year table; the figures stand under the value column, for that year.
  const firstYear = subjectYearOf(row[firstFilled]);
  if (firstYear !== null && h.waarde >= 0 && h.waarde !== firstFilled && h.years.length === 1 && h.years[0].col === firstFilled) {
    h.subject = firstYear.subject;
    h.subjectCol = firstFilled;
    h.categorie = firstFilled;
    h.years = [{ col: h.waarde, jaar: firstYear.jaar }];
    h.waarde = -1;
  }
  if (h.years.length === 0 && h.categoryColumns.length >= 2) {
    h.layout = "rij";
    return withUnrelated(row, h);
  }
  if (h.years.length > 0) {
    if (h.categorie < 0) {
      // The first column that has no other role holds the category labels.
      for (let c = 0; c < row.length; c++) {
        if (h.years.some((y) => y.col === c) || [h.groep, h.scenario, h.gebied, h.jaar, h.waarde].includes(c)) continue;
        h.categorie = c;
        break;
      }
    }
    if (h.categorie >= 0) h.layout = "breed";
  } else if (h.categorie >= 0 && h.waarde >= 0) {
    h.layout = "lang";
  }
  return withUnrelated(row, h);
}

/** `h` with {@link CategorizedHeader.unrelated} filled in: the text header cells left without a role. */
function withUnrelated(row: readonly CellValue[], h: CategorizedHeader): CategorizedHeader {
  const roles = new Set([h.subjectCol, h.categorie, h.groep, h.scenario, h.gebied, h.jaar, h.waarde, ...h.years.map((y) => y.col), ...h.categoryColumns.map((c) => c.col)]);
  for (let c = 0; c < row.length; c++) if (typeof row[c] === "string" && !isMissing(row[c]) && !roles.has(c)) h.unrelated.push(c);
  return h;
}

/**
 * The column of the first header cell that names the table's subject, from `firstFilled` on,
 * passing only empty cells, cells without a role of their own and year columns; -1 when a role
 * header or category label (a label column of its own: "Woonvorm | Vraag | 2030") comes first,
 * or when there is none.
 */
function firstSubjectColumn(row: readonly CellValue[], h: CategorizedHeader, firstFilled: number): number {
  if (firstFilled < 0) return -1;
  const years = new Set(h.years.map((y) => y.col));
  const roles = new Set([h.categorie, h.groep, h.scenario, h.gebied, h.jaar, h.waarde, ...h.categoryColumns.map((c) => c.col)]);
  for (let c = firstFilled; c < row.length; c++) {
    if (years.has(c)) continue;
    if (subjectOf(row[c]) !== null) return c;
    if (isMissing(row[c])) continue;
    if (roles.has(c)) return -1;
  }
  return -1;
}

/**
 * Header score for `findHeaderRow`: recognised role columns plus year columns, 0 when the row
 * cannot head a categorised table.
 * @example categorizedHeaderScore(["Woonvorm", 2025, 2030, 2035]) === 4; categorizedHeaderScore(["VHE-nummer", "BAT-score"]) === 0
 */
export function categorizedHeaderScore(row: CellValue[]): number {
  const h = analyseCategorizedHeader(row);
  if (h.layout === null) return 0;
  if (h.layout === "rij") return h.categoryColumns.length;
  const named = [h.categorie, h.groep, h.scenario, h.gebied, h.jaar, h.waarde].filter((c) => c >= 0).length;
  return named + h.years.length;
}

/**
 * A figure as printed in a published table, beyond a plain number: "1.180 (-145)" (a figure
 * with the published difference in brackets, Kerkrade opgave 2030) and "-854 ²" (a footnote
 * mark, Parkstad Tabel 3). Returns the figure and what was left aside, or null when the text
 * is no such figure. "?" is not a figure (see {@link isUnknownMark}).
 * @example printedFigure("1.180 (-145)") === { n: 1180, aside: "(-145)" }; printedFigure("-854 ²") === { n: -854, aside: "²" }; printedFigure("1.180") === null
 */
export function printedFigure(v: CellValue | undefined): { n: number; aside: string } | null {
  if (typeof v !== "string") return null;
  const m = /^\s*([+\-\u2212]?[\d.,\s]*\d)\s*(\(\s*[+\-\u2212]?[\d.,]+\s*\)|[\u00b9\u00b2\u00b3\u2070-\u2079*]+)\s*$/.exec(v);
  if (!m) return null;
  const n = parseDutchNumber(m[1]);
  return n === null ? null : { n, aside: m[2].replace(/\s+/g, "") };
}

/** A printed "?" (or "??", "onbekend"): the publisher does not know the figure.
 * @example isUnknownMark("??") === true; isUnknownMark(" Onbekend ") === true; isUnknownMark("0") === false */
export function isUnknownMark(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim().toLowerCase();
  return /^\?+$/.test(t) || t === "onbekend";
}

/** The one year a table's title names ("De totale opgave voor 2030 …"), or null (none or several).
 * @example titleYear({ sheet: "Opgave", tableName: null, originRow: 1, originCol: 1, values: [["De totale opgave voor 2030 – afgerond op 5-tallen"], ["Woonvorm", "Ouderen"]] }, 1) === 2030 */
export function titleYear(table: RawTable, headerIndex: number): number | null {
  const years = new Set<number>();
  for (let r = 0; r < headerIndex; r++) {
    const row = table.values[r] ?? [];
    if (!isTitleRow(row)) continue;
    for (const v of row) {
      if (typeof v !== "string") continue;
      for (const m of v.matchAll(/(?<![\d-])(20\d\d)(?![\d-])/g)) years.add(Number(m[1]));
    }
  }
  return years.size === 1 ? [...years][0] : null;
}

/** Key of a (groep, scenario, gebied) group. */
function groupKey(groep: string | null, scenario: string | null, gebied: string | null): string {
  return `${groep ?? ""}\u0000${scenario ?? ""}\u0000${gebied ?? ""}`;
}

/** Human description of a group for messages: "ouderen, basis, 2023". */
function describe(groep: string | null, scenario: string | null, gebied: string | null, jaar: number | null): string {
  return [groep, scenario, gebied, jaar === null ? null : String(jaar)].filter((x) => x !== null).map(clip).join(", ") || "de tabel";
}

/** A name from the table, cut to a readable length for messages (see `quoteValue`). */
function clip(text: string): string {
  return quoteValue(text).slice(1, -1);
}

interface GroupState {
  groep: string | null;
  scenario: string | null;
  gebied: string | null;
  /** Sum of category values per year key ("" for no year). */
  sums: Map<string, number>;
  totals: { jaar: number | null; n: number; cell: string }[];
  hasCategories: boolean;
}

/** Reads the table state, row by row. */
class Reader {
  readonly entries: CategorizedEntry[] = [];
  readonly log = new IssueLog();
  private readonly groups = new Map<string, GroupState>();
  private readonly seen = new Set<string>();
  private curGroep: string | null = null;
  private curScenario: string | null = null;
  private lastGroepCell: string | null = null;
  private lastScenarioCell: string | null = null;
  private batForms = { limburg: "", vera: "" };

  constructor(
    private readonly table: RawTable,
    private readonly h: CategorizedHeader,
    private readonly purpose: CategorizedPurpose,
  ) {}

  private get sheet(): string {
    return this.table.sheet;
  }

  private group(groep: string | null, scenario: string | null, gebied: string | null): GroupState {
    const key = groupKey(groep, scenario, gebied);
    let g = this.groups.get(key);
    if (!g) {
      g = { groep, scenario, gebied, sums: new Map(), totals: [], hasCategories: false };
      this.groups.set(key, g);
    }
    return g;
  }

  /** groep/scenario/gebied for row r: columns first (groep filled down like merged cells;
   * scenario filled down only while the groep cell is also empty), else the group-row state. */
  private context(cells: readonly CellValue[]): { groep: string | null; scenario: string | null; gebied: string | null } {
    let groep = this.curGroep;
    let scenario = this.curScenario;
    if (this.h.groep >= 0) {
      const g = cellText(cells[this.h.groep]);
      const s = this.h.scenario >= 0 ? cellText(cells[this.h.scenario]) : null;
      if (g !== null) {
        this.lastGroepCell = parseGroupLabel(g)?.groep ?? null;
        this.lastScenarioCell = s === null ? parseGroupLabel(g)?.scenario ?? null : normaliseScenario(s);
      } else if (s !== null) {
        this.lastScenarioCell = normaliseScenario(s);
      }
      groep = this.lastGroepCell;
      scenario = this.lastScenarioCell;
    } else if (this.h.scenario >= 0) {
      const s = cellText(cells[this.h.scenario]);
      scenario = s === null ? this.curScenario : normaliseScenario(s);
    }
    const gebied = this.h.gebied >= 0 ? cellText(cells[this.h.gebied]) : null;
    return { groep, scenario, gebied };
  }

  /** Handles a label-only row: a group heading, a footnote, or a category without numbers. */
  private labelOnly(r: number, label: string): void {
    if (isNoteText(label)) return;
    const cat = parseCategoryLabel(label);
    if (cat !== null) {
      if (cat.kind === "categorie") {
        const cell = tableCell(this.table, r, this.h.categorie);
        this.log.add(makeIssue("waarde-ontbreekt", "waarschuwing", this.sheet, cell,
          `Cel ${cell} op blad '${this.sheet}': ${quoteValue(label)} heeft geen getallen; er is niets meegeteld. ` +
          `Vul de getallen in of verwijder de rij.`));
      }
      return;
    }
    const g = parseGroupLabel(label);
    if (g) {
      this.curGroep = g.groep;
      this.curScenario = g.scenario;
    }
  }

  /** Adds one number of a row (category or total). */
  private number(
    r: number, c: number, jaar: number | null, label: string,
    cat: { kind: "totaal" } | { kind: "categorie"; niveau: Niveau; categorie: string; zorgprofiel: Zorgprofiel | null },
    ctx: { groep: string | null; scenario: string | null; gebied: string | null },
  ): void {
    const v = (this.table.values[r] ?? [])[c];
    const cell = tableCell(this.table, r, c);
    if (isMissing(v)) {
      if (cat.kind === "categorie") {
        this.log.addCapped("waarde-ontbreekt",
          () => makeIssue("waarde-ontbreekt", "info", this.sheet, cell,
            `Cel ${cell} op blad '${this.sheet}' is leeg: geen ${this.purpose} voor ${quoteValue(label)}` +
            (jaar === null ? "" : ` in ${jaar}`) + `. Er is niets meegeteld.`),
          (extra) => makeIssue("waarde-ontbreekt", "info", this.sheet, null,
            `Op blad '${this.sheet}' zijn nog ${extra} lege cellen bij woonvormen; er is niets meegeteld.`));
      }
      return;
    }
    if (isUnknownMark(v)) {
      this.log.add(makeIssue("waarde-onbekend", "info", this.sheet, cell,
        `Cel ${cell} op blad '${this.sheet}': ${quoteValue(v)} — het getal is in de bron onbekend (${this.purpose} voor ` +
        `${quoteValue(label)}${jaar === null ? "" : `, ${jaar}`}); er is niets meegeteld.`));
      return;
    }
    let n = parseDutchNumber(v);
    let tussenHaakjes: number | null = null;
    if (n === null) {
      const fig = printedFigure(v);
      if (fig !== null) {
        n = fig.n;
        tussenHaakjes = fig.aside.startsWith("(") ? parseDutchNumber(fig.aside.slice(1, -1).replace(/^\+/, "").replace("\u2212", "-")) : null;
        const what = !fig.aside.startsWith("(")
          ? `het voetnootteken '${fig.aside}' is weggelaten`
          : tussenHaakjes !== null && this.purpose === "vraag"
            ? `het getal tussen haakjes ${fig.aside} telt niet mee als vraag; het wordt nagerekend als gepubliceerd verschil (blad Vergelijking)`
            : `het getal tussen haakjes ${fig.aside} is niet gebruikt (in de bron een verschil of toelichting)`;
        this.log.addCapped("getal-met-toevoeging",
          () => makeIssue("getal-met-toevoeging", "info", this.sheet, cell,
            `Cel ${cell} op blad '${this.sheet}': ${quoteValue(v)} gelezen als ${formatNumber(fig.n)}; ${what}.`),
          (extra) => makeIssue("getal-met-toevoeging", "info", this.sheet, null,
            `Op blad '${this.sheet}' zijn nog ${extra} cellen zo gelezen (getal met voetnoot of getal tussen haakjes).`));
      }
    }
    if (n === null || n < 0) {
      this.log.add(makeIssue("getal-ongeldig", "fout", this.sheet, cell,
        `Cel ${cell} op blad '${this.sheet}': ${quoteValue(v)} is geen getal van 0 of meer (${this.purpose} voor ${quoteValue(label)}` +
        (jaar === null ? "" : `, ${jaar}`) + `); de cel telt niet mee. Vul een getal in, bijvoorbeeld 1.250.`));
      return;
    }
    const g = this.group(ctx.groep, ctx.scenario, ctx.gebied);
    if (cat.kind === "totaal") {
      g.totals.push({ jaar, n, cell });
      return;
    }
    const key = [cat.niveau, ctx.groep, cat.categorie, cat.zorgprofiel, jaar, ctx.scenario, ctx.gebied].join("\u0000");
    if (this.seen.has(key)) {
      this.log.add(makeIssue("categorie-dubbel", "fout", this.sheet, cell,
        `Cel ${cell} op blad '${this.sheet}': ${quoteValue(label)} staat al eerder in de tabel voor ` +
        `${describe(ctx.groep, ctx.scenario, ctx.gebied, jaar)}; deze waarde (${formatNumber(n)}) telt niet mee. ` +
        `Voeg de rijen samen of geef ze een eigen groep of scenario.`));
      return;
    }
    this.seen.add(key);
    if (cat.niveau === "bat") {
      const vera = cat.categorie.startsWith("BAT");
      if (vera && this.batForms.vera === "") this.batForms.vera = cell;
      if (!vera && this.batForms.limburg === "") this.batForms.limburg = cell;
    }
    g.hasCategories = true;
    const yk = String(jaar ?? "");
    g.sums.set(yk, (g.sums.get(yk) ?? 0) + n);
    this.entries.push({
      niveau: cat.niveau, groep: ctx.groep, categorie: cat.categorie, zorgprofiel: cat.zorgprofiel, jaar,
      scenario: ctx.scenario, gebied: ctx.gebied, waarde: n, sheet: this.sheet, cell,
      ...(tussenHaakjes !== null ? { tussenHaakjes: { waarde: tussenHaakjes, label } } : {}),
    });
  }

  /** Reports a data row whose label is no known category; its numbers are not counted. */
  private unknownCategory(r: number, label: string): void {
    const cell = tableCell(this.table, r, this.h.categorie);
    this.log.add(makeIssue("categorie-onbekend", "waarschuwing", this.sheet, cell,
      `Cel ${cell} op blad '${this.sheet}': woonvorm ${quoteValue(label)} is onbekend; de rij telt niet mee. ` +
      `Gebruik regulier wonen, nultreden, geclusterd wonen, zorggeschikt (SOM/PG), gespikkeld wonen, ` +
      `'BAT 0' t/m 'BAT 4' of BAT1 t/m BAT5, of 'Totaal'.`));
  }

  /** Reads one row of a wide table. */
  wideRow(r: number): void {
    const cells = this.table.values[r] ?? [];
    if (rowFill(cells).count === 0) return;
    const label = cellText(cells[this.h.categorie]);
    const hasNumber = this.h.years.some((y) => !isMissing(cells[y.col]));
    if (label === null) {
      if (hasNumber) {
        const cell = tableCell(this.table, r, this.h.categorie);
        this.log.add(makeIssue("categorie-ontbreekt", "waarschuwing", this.sheet, cell,
          `Cel ${cell} op blad '${this.sheet}' is leeg, maar de rij heeft getallen; de rij telt niet mee. ` +
          `Vul de woonvorm in.`));
      }
      return;
    }
    if (!hasNumber) {
      this.labelOnly(r, label);
      return;
    }
    let cat = parseCategoryLabel(label);
    if (cat === null && this.h.groep < 0 && looksLikeGroupLabel(label)) {
      // A group heading that carries its own total ("Mensen met een lichamelijke beperking | 315").
      const g = parseGroupLabel(label)!;
      this.curGroep = g.groep;
      this.curScenario = g.scenario;
      cat = { kind: "totaal" };
    }
    if (cat === null) {
      this.unknownCategory(r, label);
      return;
    }
    const ctx = this.context(cells);
    for (const y of this.h.years) this.number(r, y.col, y.jaar, label, cat, ctx);
  }

  /**
   * Reads one row of a table with the categories as columns (layout "rij", Kerkrade opgave
   * 2030: "BAT 1 Wandelstok geschikt" … over one row of figures). The year is the row label when
   * that is a year, else the one year of the title (`defaultYear`); a row label that is no year
   * is the area (gebied). The row label is the first filled cell outside the category columns and
   * the unrelated ones (a "Bron" or "Volgnr." column pasted beside the table is no area).
   */
  acrossRow(r: number, defaultYear: number | null): void {
    const cells = this.table.values[r] ?? [];
    if (rowFill(cells).count === 0) return;
    const skip = new Set([...this.h.categoryColumns.map((c) => c.col), ...this.h.unrelated]);
    let labelCol = -1;
    for (let c = 0; c < cells.length; c++) {
      if (!skip.has(c) && !isMissing(cells[c])) { labelCol = c; break; }
    }
    const label = labelCol >= 0 ? cellText(cells[labelCol]) : null;
    if (label !== null && (isNoteText(label) || isTitleRow(cells))) return;
    const jaar = labelCol >= 0 && yearOf(cells[labelCol]) !== null ? yearOf(cells[labelCol]) : defaultYear;
    const total = label !== null && isTotalLabel(label);
    if (jaar === null && this.purpose === "vraag") {
      const cell = tableCell(this.table, r, labelCol >= 0 ? labelCol : this.h.categoryColumns[0].col);
      this.log.add(makeIssue("jaar-ongeldig", "fout", this.sheet, cell,
        `Rij ${this.table.originRow + r} op blad '${this.sheet}' (cel ${cell}) heeft geen jaartal: de woonvormen staan als kolomkoppen, ` +
        `maar het jaar staat niet in de titel boven de tabel of als eerste cel van de rij. De rij telt niet mee. ` +
        `Zet het jaartal in de eerste cel van de rij (bijvoorbeeld 2030).`));
      return;
    }
    const ctx = { groep: null, scenario: null, gebied: label !== null && yearOf(cells[labelCol]) === null && !total ? label : null };
    for (const cc of this.h.categoryColumns) {
      const cat = total ? { kind: "totaal" as const } : parseCategoryLabel(cc.label);
      if (cat === null) continue;
      this.number(r, cc.col, jaar, cc.label, cat, ctx);
    }
  }

  /** Reads one row of a long table. */
  longRow(r: number): void {
    const cells = this.table.values[r] ?? [];
    if (rowFill(cells).count === 0) return;
    const label = cellText(cells[this.h.categorie]);
    const hasValue = !isMissing(cells[this.h.waarde]);
    if (label === null) {
      if (hasValue) {
        const cell = tableCell(this.table, r, this.h.categorie);
        this.log.add(makeIssue("categorie-ontbreekt", "waarschuwing", this.sheet, cell,
          `Cel ${cell} op blad '${this.sheet}' is leeg, maar de rij heeft een getal; de rij telt niet mee. Vul de woonvorm in.`));
      }
      return;
    }
    if (!hasValue) {
      this.labelOnly(r, label);
      return;
    }
    const cat = parseCategoryLabel(label);
    if (cat === null) {
      this.unknownCategory(r, label);
      return;
    }
    let jaar: number | null = null;
    if (this.h.jaar >= 0) {
      const v = cells[this.h.jaar];
      jaar = yearOf(v);
      if (jaar === null && !isMissing(v)) {
        const n = parseDutchNumber(v);
        if (n !== null && Number.isInteger(n) && n >= 1900 && n <= 2200) jaar = n;
      }
      if (jaar === null && (this.purpose === "vraag" || !isMissing(v))) {
        const cell = tableCell(this.table, r, this.h.jaar);
        this.log.add(makeIssue("jaar-ongeldig", "fout", this.sheet, cell,
          `Cel ${cell} op blad '${this.sheet}': jaar ${quoteValue(v)} is geen jaartal; de rij (${quoteValue(label)}) telt niet mee. ` +
          `Vul een jaartal in, bijvoorbeeld 2030.`));
        return;
      }
    }
    this.number(r, this.h.waarde, jaar, label, cat, this.context(cells));
  }

  /** Checks totals against the categories and reports total-only groups. */
  finish(): Issue[] {
    for (const g of this.groups.values()) {
      if (!g.hasCategories) {
        if (g.totals.length === 0) continue;
        const t = g.totals[0];
        const name = `Groep ${g.groep === null ? "'(zonder naam)'" : quoteValue(g.groep)}` + (g.scenario ? ` (${clip(g.scenario)})` : "") + (g.gebied ? ` in ${clip(g.gebied)}` : "");
        this.log.add(makeIssue("alleen-totaal", "info", this.sheet, t.cell,
          `Cel ${t.cell} op blad '${this.sheet}': ${name.charAt(0).toLowerCase()}${name.slice(1)} heeft alleen een totaal (${formatNumber(t.n)}${t.jaar === null ? "" : ` in ${t.jaar}`}); niet meegeteld ` +
          `in het tekort, want de woonvorm is onbekend. Splits het totaal in woonvormen om het mee te tellen.`));
        continue;
      }
      for (const t of g.totals) {
        const sum = g.sums.get(String(t.jaar ?? "")) ?? 0;
        if (sameNumber(sum, t.n)) continue;
        this.log.add(makeIssue("totaal-klopt-niet", "waarschuwing", this.sheet, t.cell,
          `Cel ${t.cell} op blad '${this.sheet}': het totaal (${formatNumber(t.n)}) voor ` +
          `${describe(g.groep, g.scenario, g.gebied, t.jaar)} is niet gelijk aan de som van de woonvormen ` +
          `(${formatNumber(sum)}). Het totaal telt niet mee; controleer de tabel.`));
      }
    }
    if (this.batForms.limburg !== "" && this.batForms.vera !== "") {
      this.log.add(makeIssue("schalen-gemengd", "waarschuwing", this.sheet, this.batForms.vera,
        `Blad '${this.sheet}' gebruikt BAT-klassen van de Limburgse schaal (zoals in cel ${this.batForms.limburg}) ` +
        `én VERA-codes (zoals in cel ${this.batForms.vera}). Die worden niet met elkaar vergeleken; gebruik één schaal per tabel.`));
    }
    return this.log.finish();
  }
}

/**
 * Reads a categorised table (demand or supply), in any of the layouts above.
 *
 * - Header: best row among the first 30 by {@link categorizedHeaderScore}; none → one `fout`
 *   "geen-kopregel" and no entries.
 * - Rows: unknown category labels → `waarschuwing` "categorie-onbekend", row not counted;
 *   numbers that are not numbers or are negative → `fout` "getal-ongeldig" naming the cell;
 *   empty number cells → `info`; the same category twice for one group/scenario/year/area →
 *   `fout` "categorie-dubbel", the later one not counted; long tables: an unreadable year →
 *   `fout` "jaar-ongeldig" (a missing year too, for demand).
 * - Totals: see the module comment.
 *
 * @param table raw cells.
 * @param purpose "vraag" or "aanbod": wording, and whether a long table needs a year.
 * @returns entries (one per number, with sheet and A1 cell) and issues.
 */
export function readCategorized(table: RawTable, purpose: CategorizedPurpose): CategorizedResult {
  const headerIndex = findHeaderRow(table.values, categorizedHeaderScore);
  if (headerIndex < 0) {
    return {
      entries: [], headerIndex,
      issues: [makeIssue("geen-kopregel", "fout", table.sheet, null,
        `Op blad '${table.sheet}' is geen kopregel van een ${purpose}tabel gevonden in de eerste 30 rijen. ` +
        `Verwacht: een kolom 'Woonvorm' met jaartallen als kolomkoppen (2023, 2030, …), of de kolommen ` +
        `'Woonvorm', 'Jaar' en '${purpose === "vraag" ? "Vraag" : "Aanbod"}'.`)],
    };
  }
  const h = analyseCategorizedHeader(table.values[headerIndex]);
  const issues: Issue[] = [];
  if (h.layout === "lang" && h.jaar < 0 && purpose === "vraag") {
    return {
      entries: [], headerIndex,
      issues: [makeIssue("jaar-ontbreekt", "fout", table.sheet, null,
        `Op blad '${table.sheet}' (kopregel rij ${table.originRow + headerIndex}) ontbreekt een kolom 'Jaar' of ` +
        `kolommen met jaartallen; zonder jaar is de vraag niet te gebruiken. Voeg de kolom toe.`)],
    };
  }
  if (h.layout === "breed") dropEmptyYears(table, headerIndex, h, issues);
  const reader = new Reader(table, h, purpose);
  const defaultYear = h.layout === "rij" ? titleYear(table, headerIndex) : null;
  for (let r = headerIndex + 1; r < table.values.length; r++) {
    if (h.layout === "breed") reader.wideRow(r);
    else if (h.layout === "rij") reader.acrossRow(r, defaultYear);
    else reader.longRow(r);
  }
  issues.push(...reader.finish());
  return { entries: reader.entries, issues, headerIndex };
}

/**
 * Removes year columns without a single figure (Parkstad Tabel 2: the supply is counted for
 * 2023 only, 2030 and 2040 are empty) from `h`, with one `info` per column instead of one per
 * empty cell.
 */
function dropEmptyYears(table: RawTable, headerIndex: number, h: CategorizedHeader, issues: Issue[]): void {
  const kept = h.years.filter((y) => {
    for (let r = headerIndex + 1; r < table.values.length; r++) if (!isMissing((table.values[r] ?? [])[y.col])) return true;
    const cell = tableCell(table, headerIndex, y.col);
    issues.push(makeIssue("jaar-leeg", "info", table.sheet, cell,
      `Kolom ${y.jaar} (cel ${cell}) op blad '${table.sheet}' heeft geen getallen; dat jaar is overgeslagen.`));
    return false;
  });
  if (kept.length > 0) h.years = kept;
}

/** What {@link surveyCategorized} found in the first rows under a header. */
export interface CategorizedSurvey {
  /** Rows with numbers whose label is a known category. */
  recognised: number;
  /** Rows with numbers whose label is not a category, a total or a group heading. */
  unknown: number;
  /** A scenario column with values, or group headings with a scenario. */
  hasScenario: boolean;
  /** Distinct years: year columns (wide) or values of the jaar column (long); for layout
   * "rij" the one year of the title. */
  years: number[];
  /** What the header says the figures are (first header cell "Vraag", "Aanbod", …), or null. */
  subject: TableSubject | null;
  /** Column of the header cell that names `subject` (CategorizedHeader.subjectCol); -1 when none. */
  subjectCol: number;
  layout: CategorizedHeader["layout"];
}

/**
 * Looks at up to `maxRows` rows under a categorised header without building entries, for
 * table detection: how many labels are known categories, and whether there are scenarios.
 *
 * @param table raw cells.
 * @param headerIndex 0-based header row.
 * @param maxRows rows to look at (default 500).
 */
export function surveyCategorized(table: RawTable, headerIndex: number, maxRows = 500): CategorizedSurvey {
  const h = analyseCategorizedHeader(table.values[headerIndex] ?? []);
  const out: CategorizedSurvey = {
    recognised: 0, unknown: 0, hasScenario: false, years: h.years.map((y) => y.jaar), subject: h.subject, subjectCol: h.subjectCol, layout: h.layout,
  };
  if (h.layout === null) return out;
  if (h.layout === "rij") {
    // Categories as columns: every row with a figure under them counts once per category.
    const cols = h.categoryColumns.map((c) => c.col);
    const end = Math.min(table.values.length, headerIndex + 1 + maxRows);
    for (let r = headerIndex + 1; r < end; r++) {
      const cells = table.values[r] ?? [];
      if (cols.some((c) => !isMissing(cells[c]))) out.recognised += cols.length;
    }
    const y = titleYear(table, headerIndex);
    out.years = y === null ? [] : [y];
    return out;
  }
  const years = new Set<number>(out.years);
  const end = Math.min(table.values.length, headerIndex + 1 + maxRows);
  for (let r = headerIndex + 1; r < end; r++) {
    const cells = table.values[r] ?? [];
    if (h.scenario >= 0 && !isMissing(cells[h.scenario])) out.hasScenario = true;
    if (h.layout === "lang" && h.jaar >= 0) {
      const y = yearOf(cells[h.jaar]);
      if (y !== null) years.add(y);
    }
    const label = cellText(cells[h.categorie]);
    if (label === null) continue;
    const hasNumber = h.layout === "breed" ? h.years.some((y) => !isMissing(cells[y.col])) : !isMissing(cells[h.waarde]);
    const cat = parseCategoryLabel(label);
    if (cat !== null) {
      if (hasNumber && cat.kind === "categorie") out.recognised++;
      continue;
    }
    const group = parseGroupLabel(label);
    if (!hasNumber || looksLikeGroupLabel(label)) {
      if (group?.scenario) out.hasScenario = true;
      continue;
    }
    out.unknown++;
  }
  out.years = [...years].sort((a, b) => a - b);
  return out;
}
