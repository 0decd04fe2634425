/**
 * Reading a table of planned changes (geplande wijzigingen, docs/handleiding.md §5a): one row per change
 * with a year, a kind (nieuwbouw, sloop, verkoop, aankoop, renovatie), a number of dwellings, and
 * the BAT class and/or BZK type they add or remove (for renovatie: the class after, and
 * optionally the class before). Optional: gebied, toelichting.
 *
 * Example (long layout, any column order, title rows above allowed):
 *
 *   Jaar | Soort      | Aantal | BAT | Van BAT | Woontype | Toelichting
 *   2021 | Sloop      |     96 |  0  |         |          | ...
 *   2021 | Nieuwbouw  |    103 |  2  |         |          |
 *   2021 | Renovatie  |     66 |  1  |    0    |          |
 *
 * Every number is checked and every rejected row is reported with sheet and cell; total rows
 * ("Totaal") are not changes and are skipped.
 */
import type { BatScale, BzkType, Zorgprofiel } from "../domain/types";
import { BZK_TYPES } from "../domain/types";
import { type Issue, makeIssue } from "../domain/issues";
import type { MutatieSoort, PlannedChange } from "../domain/plannen";
import type { CellValue, RawTable } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { normaliseHeader, normaliseLabel } from "./normalise";
import { findHeaderRow } from "./header";
import { IssueLog, quoteValue, tableCell } from "./messages";
import { formScale, parseBat } from "./bat-values";
import { parseCategoryLabel } from "./categories";
import { isTotalLabel, rowFill } from "./row-kinds";
import { yearOf } from "./categorized";

/** Column roles of a planned-changes table. */
type Role = "jaar" | "soort" | "aantal" | "bat" | "vanBat" | "bzk" | "vanBzk" | "gebied" | "toelichting";

/** Normalised header → role. */
const ROLE_HEADERS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...["jaar", "year", "opleverjaar", "oplevering", "uitvoeringsjaar", "planjaar", "jaarvanoplevering"].map((h) => [h, "jaar"] as [string, Role]),
  ...["soort", "mutatie", "mutatiesoort", "soortmutatie", "wijziging", "soortwijziging", "ingreep", "activiteit", "typemutatie", "plan"].map((h) => [h, "soort"] as [string, Role]),
  ...["aantal", "aantalwoningen", "woningen", "aantalvhe", "aantaleenheden", "vhe"].map((h) => [h, "aantal"] as [string, Role]),
  ...["bat", "batklasse", "batscore", "naarbat", "batna", "batnieuw", "nieuwebat", "batklassena"].map((h) => [h, "bat"] as [string, Role]),
  ...["vanbat", "batvoor", "batoud", "oudebat", "huidigebat", "batklassevoor"].map((h) => [h, "vanBat"] as [string, Role]),
  ...["woontype", "bzktype", "bzk", "bzkwoontype", "naarwoontype", "woonvorm", "naartype"].map((h) => [h, "bzk"] as [string, Role]),
  ...["vanwoontype", "vantype", "woontypevoor", "vanbzk"].map((h) => [h, "vanBzk"] as [string, Role]),
  ...["gebied", "gemeente", "wijk", "buurt", "kern"].map((h) => [h, "gebied"] as [string, Role]),
  ...["toelichting", "opmerking", "omschrijving", "project", "projectnaam"].map((h) => [h, "toelichting"] as [string, Role]),
]);

type Columns = Partial<Record<Role, number>>;

function columnsOf(row: readonly CellValue[]): Columns {
  const cols: Columns = {};
  row.forEach((v, c) => {
    if (typeof v !== "string") return;
    const role = ROLE_HEADERS.get(normaliseHeader(v));
    if (role !== undefined && cols[role] === undefined) cols[role] = c;
  });
  return cols;
}

/** Header score: the roles named, when jaar, soort and aantal are all there; else 0. */
function headerScore(row: CellValue[]): number {
  const cols = columnsOf(row);
  if (cols.jaar === undefined || cols.soort === undefined || cols.aantal === undefined) return 0;
  return Object.keys(cols).length;
}

/**
 * The kind of change a label names: "Nieuwbouw", "sloop", "Verkoop", "aankoop"/"verwerving",
 * "renovatie"/"woningverbetering"/"aanpassing"; null when it names none.
 * @example parseMutatieSoort("Nieuwbouw") === "nieuwbouw"; parseMutatieSoort("Verkocht") === "verkoop"; parseMutatieSoort("Woningverbetering") === "renovatie"; parseMutatieSoort("Huurverhoging") === null
 */
export function parseMutatieSoort(text: string): MutatieSoort | null {
  const t = normaliseLabel(text);
  if (t.startsWith("nieuwbouw") || t === "nieuw" || t.startsWith("toevoeging")) return "nieuwbouw";
  if (t.startsWith("sloop") || t.startsWith("gesloopt")) return "sloop";
  if (t.startsWith("verkoop") || t.startsWith("verkocht")) return "verkoop";
  if (t.startsWith("aankoop") || t.startsWith("aangekocht") || t.startsWith("verwerving")) return "aankoop";
  if (t.startsWith("renovatie") || t.includes("verbetering") || t.startsWith("aanpassing") || t.startsWith("transformatie")) return "renovatie";
  return null;
}

/**
 * Recognises a planned-changes table: a header (first 30 rows) with year, kind and number
 * columns, and at least one row below whose kind is a known change.
 * @returns the 0-based header row and a Dutch reason, or null.
 * @example detectPlannedChanges({ sheet: "Plannen", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Jaar", "Soort", "Aantal", "BAT", "Gemeente"], [2023, "Sloop", 96, "BAT 0", "Kerkrade"], [2025, "Nieuwbouw", "1.204", "BAT 3", "Gemeente Beekdaelen"], [2026, "Huurverhoging", 10, null, null]] }).headerIndex === 0;
 *   detectPlannedChanges({ sheet: "Vraag", tableName: null, originRow: 1, originCol: 1, values: [["Woonvorm", 2025, 2030], ["Nultreden", 1975, 2200]] }) === null
 */
export function detectPlannedChanges(table: RawTable): { headerIndex: number; reden: string } | null {
  const h = findHeaderRow(table.values, headerScore);
  if (h < 0) return null;
  const col = columnsOf(table.values[h]).soort!;
  let known = 0;
  const end = Math.min(table.values.length, h + 200);
  for (let r = h + 1; r < end; r++) {
    const t = cellText(table.values[r]?.[col]);
    if (t !== null && parseMutatieSoort(t) !== null) known++;
  }
  if (known === 0) return null;
  return {
    headerIndex: h,
    reden: `Kopregel op rij ${table.originRow + h} met jaar, soort en aantal, en ${known} rijen nieuwbouw, sloop, verkoop, aankoop of renovatie: geplande wijzigingen.`,
  };
}

/** Result of {@link readPlannedChanges}. */
export interface PlannedChangesIngest {
  changes: PlannedChange[];
  rowsRead: number;
  issues: Issue[];
}

/**
 * Reads a planned-changes table.
 *
 * @param table raw cells; @param scale the stock's BAT scale (plain numbers in the BAT columns
 *   are read on it; a VERA code in a Limburg stock, or the reverse, is an error).
 * @returns the changes (one per data row, in table order) and issues: `fout` for a row set aside
 *   (unknown kind, no year, a number that is not a whole number above 0, an unreadable BAT or
 *   type), naming sheet and cell. Never throws on data.
 * @example ((r) => [r.changes.map((c) => [c.jaar, c.soort, c.aantal, c.bat, c.gebied, c.cell]), r.issues.map((i) => `${i.code} ${i.cell}`)])(readPlannedChanges(
 *   { sheet: "Plannen", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Jaar", "Soort", "Aantal", "BAT", "Gemeente"], [2023, "Sloop", 96, "BAT 0", "Kerkrade"], [2025, "Nieuwbouw", "1.204", "BAT 3", "Gemeente Beekdaelen"], [2026, "Huurverhoging", 10, null, null]] }, "limburg")) ===
 *   [[[2023, "sloop", 96, 0, "Kerkrade", "C2"], [2025, "nieuwbouw", 1204, 3, "Gemeente Beekdaelen", "C3"]], ["wijziging-ongeldig B4"]]
 */
export function readPlannedChanges(table: RawTable, scale: BatScale): PlannedChangesIngest {
  const log = new IssueLog();
  const sheet = table.sheet;
  const h = findHeaderRow(table.values, headerScore);
  if (h < 0) {
    return {
      changes: [], rowsRead: 0,
      issues: [makeIssue("geen-kopregel", "fout", sheet, null,
        `Op blad '${sheet}' is geen kopregel met de kolommen 'Jaar', 'Soort' en 'Aantal' gevonden; de geplande wijzigingen zijn niet gelezen.`)],
    };
  }
  const cols = columnsOf(table.values[h]);
  const changes: PlannedChange[] = [];
  let rowsRead = 0;
  const fout = (r: number, c: number, text: string) => {
    const cell = tableCell(table, r, c);
    log.add(makeIssue("wijziging-ongeldig", "fout", sheet, cell, `Cel ${cell} op blad '${sheet}': ${text}; deze geplande wijziging telt niet mee.`));
  };
  const get = (cells: readonly CellValue[], role: Role) => (cols[role] === undefined ? undefined : cells[cols[role]!]);

  for (let r = h + 1; r < table.values.length; r++) {
    const cells = table.values[r] ?? [];
    if (rowFill(cells).count === 0) continue;
    const soortText = cellText(get(cells, "soort"));
    const jaarText = cellText(get(cells, "jaar"));
    if ((soortText !== null && isTotalLabel(normaliseLabel(soortText))) || (jaarText !== null && isTotalLabel(normaliseLabel(jaarText)))) continue;
    rowsRead++;
    const soort = soortText === null ? null : parseMutatieSoort(soortText);
    if (soort === null) {
      fout(r, cols.soort!, `soort ${quoteValue(get(cells, "soort"))} is geen nieuwbouw, sloop, verkoop, aankoop of renovatie`);
      continue;
    }
    const jv = get(cells, "jaar");
    const jaar = yearOf(jv) ?? (() => {
      const n = parseDutchNumber(jv);
      return n !== null && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
    })();
    if (jaar === null) {
      fout(r, cols.jaar!, `jaar ${quoteValue(jv)} is geen jaartal (bijvoorbeeld 2025)`);
      continue;
    }
    const av = get(cells, "aantal");
    const aantal = parseDutchNumber(av);
    if (aantal === null || !Number.isInteger(aantal) || aantal < 0) {
      fout(r, cols.aantal!, `aantal ${quoteValue(av)} is geen geheel aantal woningen van 0 of meer`);
      continue;
    }
    if (aantal === 0) continue;
    const bat = readLevel(get(cells, "bat"), scale);
    if (typeof bat === "string") {
      fout(r, cols.bat!, bat);
      continue;
    }
    const vanBat = readLevel(get(cells, "vanBat"), scale);
    if (typeof vanBat === "string") {
      fout(r, cols.vanBat!, vanBat);
      continue;
    }
    const bzk = readType(get(cells, "bzk"));
    if (typeof bzk === "string") {
      fout(r, cols.bzk!, bzk);
      continue;
    }
    const vanBzk = readType(get(cells, "vanBzk"));
    if (typeof vanBzk === "string") {
      fout(r, cols.vanBzk!, vanBzk);
      continue;
    }
    if (bat === null && bzk === null && soort !== "renovatie") {
      fout(r, cols.bat ?? cols.bzk ?? cols.soort!, `${soort} zonder BAT-klasse of woontype: onbekend welk aanbod verandert. Vul de kolom 'BAT' of 'Woontype' in`);
      continue;
    }
    changes.push({
      jaar, soort, aantal,
      bat: bat?.level ?? null,
      vanBat: vanBat?.level ?? null,
      bzk: bzk?.bzk ?? null,
      zorgprofiel: bzk?.zorgprofiel ?? null,
      vanBzk: vanBzk?.bzk ?? null,
      gebied: cellText(get(cells, "gebied")),
      toelichting: cellText(get(cells, "toelichting")),
      sheet,
      cell: tableCell(table, r, cols.aantal!),
    });
  }
  return { changes, rowsRead, issues: log.finish() };
}

/** A BAT level on the stock's scale, null when empty, or a Dutch error text. */
function readLevel(v: CellValue | undefined, scale: BatScale): { level: number } | null | string {
  if (v === undefined || isMissing(v)) return null;
  const p = parseBat(v, scale);
  if (p === null) return null;
  if ("error" in p) return p.error;
  if (formScale(p.form, scale) !== scale) return `BAT-klasse ${quoteValue(v)} hoort niet bij de BAT-schaal van de voorraad`;
  return { level: p.level };
}

/** A BZK type ("nultreden", "geclusterd wonen", "zorggeschikt (PG)"), null when empty, or an error. */
function readType(v: CellValue | undefined): { bzk: BzkType; zorgprofiel: Zorgprofiel | null } | null | string {
  const t = v === undefined ? null : cellText(v);
  if (t === null) return null;
  const c = parseCategoryLabel(t);
  if (c !== null && c.kind === "categorie" && c.niveau === "bzk" && (BZK_TYPES as readonly string[]).includes(c.categorie)) {
    return { bzk: c.categorie as BzkType, zorgprofiel: c.zorgprofiel };
  }
  return `woontype ${quoteValue(v)} is geen regulier, nultreden, geclusterd of zorggeschikt`;
}
