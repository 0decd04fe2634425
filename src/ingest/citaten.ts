/**
 * "Geciteerde cijfers": figures quoted in the text of a document, entered by the user so that the
 * tool can check them against the tables they come from (issue 10, item 3; src/domain/kruiscontrole.ts).
 * A text has no table form of its own, so the user fills in a small table (handleiding §3,
 * "Geciteerde cijfers"):
 *
 * | Citaat | Getal | Grootheid | Gebied |
 * |---|---|---|---|
 * | In absolute aantallen komt dit neer op maar liefst 36.713 woningen | 36.713 | potentieel | Parkstad |
 * | Liefst 28% van de woningen in Parkstad is nog niet passend ... | 28% | potentieel | Parkstad |
 *
 * - Header: a row with a number column ("Getal", "Waarde", "Aantal") and a "Grootheid" column;
 *   "Citaat" / "Tekst" / "Omschrijving", "Gebied" / "Gemeente" / "Regio" and "Eenheid" are
 *   optional. Recognised as this kind only when the header has "Grootheid" and the sheet name,
 *   a title row or a header names "citaat", "geciteerd" or "citaten".
 * - Grootheid: geschikt; potentieel ("potentieel geschikt", "in potentie geschikt", "geschikt te
 *   maken"); ongeschikt; woningvoorraad ("voorraad", "woningen"); nultreden; corporatiewoningen
 *   ("corporatie…", "sociale huur…": the stock of the corporations, checked against the stock tables).
 * - Getal: a number of dwellings, or a percentage: text with "%" ("28%"), a number 0..1 as Excel
 *   stores "28%" (0.28) for geschikt/potentieel/ongeschikt, or an "Eenheid" of "%".
 */
import { type Issue, makeIssue } from "../domain/issues";
import type { CitaatGrootheid, QuotedFigure } from "../domain/kruiscontrole";
import type { CellValue, RawTable, TableDetection } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { findHeaderRow } from "./header";
import { normaliseHeader, normaliseLabel } from "./normalise";
import { quoteValue, tableCell } from "./messages";
import { isTitleRow, rowFill } from "./row-kinds";

type Role = "tekst" | "getal" | "grootheid" | "gebied" | "eenheid";
const ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...["citaat", "tekst", "omschrijving", "zin", "geciteerd", "citaatuitdetekst"].map((h) => [h, "tekst"] as [string, Role]),
  ...["getal", "waarde", "aantal", "geciteerdgetal", "cijfer"].map((h) => [h, "getal"] as [string, Role]),
  ...["grootheid", "wat", "soort"].map((h) => [h, "grootheid"] as [string, Role]),
  ...["gebied", "gemeente", "regio"].map((h) => [h, "gebied"] as [string, Role]),
  ...["eenheid"].map((h) => [h, "eenheid"] as [string, Role]),
]);

function columns(row: readonly CellValue[]): Partial<Record<Role, number>> {
  const out: Partial<Record<Role, number>> = {};
  row.forEach((v, c) => {
    if (typeof v !== "string") return;
    const role = ROLES.get(normaliseHeader(v));
    if (role && out[role] === undefined) out[role] = c;
  });
  return out;
}

function headerScore(row: CellValue[]): number {
  const c = columns(row);
  return c.getal !== undefined && c.grootheid !== undefined ? Object.keys(c).length : 0;
}

const QUOTE_WORDS = ["citaat", "citaten", "geciteerd"];

/** Is this a "Geciteerde cijfers" table? @returns the detection, or null.
 * @example detectQuotedTable({ sheet: "Geciteerde cijfers", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Citaat", "Getal", "Grootheid", "Gebied"], ["In absolute aantallen komt dit neer op maar liefst 36.713 woningen", "36.713", "potentieel", "Parkstad"],
 *   ["Liefst 28% van de woningen in Parkstad is nog niet passend", 0.28, "potentieel geschikt", "Parkstad"], ["Onleesbaar", "veel", "potentieel", null]] }).kind === "citaten";
 *   detectQuotedTable({ sheet: "Blad1", tableName: null, originRow: 1, originCol: 1, values: [["Getal", "Grootheid"], [12, "nultreden"]] }) === null */
export function detectQuotedTable(table: RawTable): TableDetection | null {
  const idx = findHeaderRow(table.values, headerScore);
  if (idx < 0) return null;
  const words = [table.sheet, table.tableName ?? ""];
  for (let r = 0; r <= idx; r++) {
    if (r < idx && !isTitleRow(table.values[r])) continue;
    for (const v of table.values[r] ?? []) words.push(cellText(v) ?? "");
  }
  const text = words.join(" ").toLowerCase();
  if (!QUOTE_WORDS.some((w) => text.includes(w))) return null;
  return {
    kind: "citaten", headerIndex: idx,
    reden: `Kopregel op rij ${table.originRow + idx} met getal en grootheid: geciteerde cijfers, gecontroleerd tegen de tabellen (blad Vergelijking).`,
  };
}

/** The quantity named, or null.
 * @example parseGrootheid("Niet geschikt") === "ongeschikt"; parseGrootheid("Nultredenwoningen") === "nultreden"; parseGrootheid("Geschikt te maken") === "potentieel";
 *   parseGrootheid("Sociale huurwoningen") === "corporatiewoningen"; parseGrootheid("Huurprijs") === null */
export function parseGrootheid(text: string): CitaatGrootheid | null {
  const t = normaliseLabel(text);
  if (t.includes("ongeschikt") || t.includes("niet geschikt")) return "ongeschikt";
  if (t.includes("nultreden")) return "nultreden";
  if (t.includes("corporatie") || t.includes("sociale huur")) return "corporatiewoningen";
  if (t.includes("potent") || t.includes("geschikt te maken") || t.includes("aanpasbaar")) return "potentieel";
  if (t.includes("geschikt")) return "geschikt";
  if (t.includes("voorraad") || t === "woningen" || t.includes("totaal")) return "woningvoorraad";
  return null;
}

/**
 * Reads a "Geciteerde cijfers" table.
 * @returns the quoted figures; a row whose number or quantity cannot be read is a `waarschuwing`
 *   naming its cell (and is not checked).
 * @example ((r) => [r.quotes.map((q) => [q.waarde, q.percentage, q.grootheid, q.gebied, q.cell]), r.issues.map((i) => `${i.code} ${i.cell}`)])(readQuotedFigures(
 *   { sheet: "Geciteerde cijfers", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Citaat", "Getal", "Grootheid", "Gebied"], ["In absolute aantallen komt dit neer op maar liefst 36.713 woningen", "36.713", "potentieel", "Parkstad"],
 *   ["Liefst 28% van de woningen in Parkstad is nog niet passend", 0.28, "potentieel geschikt", "Parkstad"], ["Onleesbaar", "veel", "potentieel", null]] })) ===
 *   [[[36713, false, "potentieel", "Parkstad", "B2"], [28, true, "potentieel", "Parkstad", "B3"]], ["citaat-getal B4"]]
 */
export function readQuotedFigures(table: RawTable): { quotes: QuotedFigure[]; issues: Issue[] } {
  const sheet = table.sheet;
  const idx = findHeaderRow(table.values, headerScore);
  if (idx < 0) {
    return { quotes: [], issues: [makeIssue("citaten-kop-ontbreekt", "fout", sheet, null,
      `Op blad '${sheet}' ontbreekt de kopregel van de geciteerde cijfers: verwacht de kolommen Citaat, Getal, Grootheid en Gebied.`)] };
  }
  const col = columns(table.values[idx]);
  const quotes: QuotedFigure[] = [];
  const issues: Issue[] = [];
  for (let r = idx + 1; r < table.values.length; r++) {
    const row = table.values[r] ?? [];
    if (rowFill(row).count === 0) continue;
    const raw = row[col.getal!];
    const cell = tableCell(table, r, col.getal!);
    const gCell = tableCell(table, r, col.grootheid!);
    const grootheid = parseGrootheid(cellText(row[col.grootheid!]) ?? "");
    if (grootheid === null) {
      issues.push(makeIssue("citaat-grootheid", "waarschuwing", sheet, gCell,
        `Cel ${gCell} op blad '${sheet}': grootheid ${quoteValue(row[col.grootheid!])} is onbekend; dit citaat is niet gecontroleerd. Gebruik geschikt, potentieel, ongeschikt, woningvoorraad, corporatiewoningen of nultreden.`));
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : null;
    const eenheid = col.eenheid !== undefined ? cellText(row[col.eenheid])?.trim() ?? null : null;
    let percentage = text?.endsWith("%") ?? false;
    let waarde = isMissing(raw) ? null : parseDutchNumber(percentage ? text!.slice(0, -1) : raw);
    if (waarde !== null && !percentage && eenheid === "%") percentage = true;
    if (waarde !== null && !percentage && typeof raw === "number" && (grootheid === "geschikt" || grootheid === "potentieel" || grootheid === "ongeschikt") && raw > 0 && raw <= 1) {
      percentage = true; // Excel stores a typed "28%" as 0.28.
      waarde = Math.round(raw * 1e8) / 1e6;
    }
    if (waarde === null || waarde < 0 || (percentage && waarde > 100)) {
      issues.push(makeIssue("citaat-getal", "waarschuwing", sheet, cell,
        `Cel ${cell} op blad '${sheet}': ${quoteValue(raw)} is geen getal (woningen) of percentage; dit citaat is niet gecontroleerd.`));
      continue;
    }
    quotes.push({
      tekst: (col.tekst !== undefined ? cellText(row[col.tekst]) : null) ?? `${text ?? String(raw)} ${grootheid}`,
      waarde, percentage, grootheid,
      gebied: col.gebied !== undefined ? cellText(row[col.gebied]) : null,
      sheet, cell,
    });
  }
  return { quotes, issues };
}
