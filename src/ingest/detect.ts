/**
 * Deciding what kind of table a sheet holds, so that the CLI and task pane can pick the stock,
 * demand and supply tables without being told (cli-json.md: "Without --voorraad/--vraag, tables
 * are found by sheet name and header content").
 */
import type { RawTable, StockField, TableKind } from "./types";
import { findHeaderRow } from "./header";
import { matchHeader } from "./synonyms";
import { batHeaderColumns, isWideBatHeader } from "./wide-bat";
import { voorraadHeaderScore } from "./stock";
import { categorizedHeaderScore, surveyCategorized } from "./categorized";
import { isTitleRow } from "./row-kinds";
import { cellText } from "./cells";
import { detectCbsTable } from "./cbs";
import { detectPlannedChanges } from "./mutaties";
import { detectSaldoTable } from "./saldo";
import { detectQuotedTable } from "./citaten";

/** Result of {@link detectTable}. */
export interface TableDetection {
  kind: TableKind;
  /** 0-based header row in `table.values`; -1 for "onbekend". */
  headerIndex: number;
  /** Short Dutch explanation for the user. */
  reden: string;
}

/** Words in a sheet name or title that point at supply, resp. demand (lower case, no accents). */
const SUPPLY_WORDS: readonly string[] = ["aanbod", "voorraad", "inventarisatie", "geinventariseerd"];
const DEMAND_WORDS: readonly string[] = ["vraag", "behoefte", "prognose"];

/** Sheet name and the title rows above the header, lower case without accents. */
function titleText(table: RawTable, headerIndex: number): string {
  const parts = [table.sheet, table.tableName ?? ""];
  for (let r = 0; r < headerIndex; r++) {
    const row = table.values[r];
    if (!isTitleRow(row)) continue;
    for (const v of row) {
      const t = cellText(v);
      if (t !== null) parts.push(t);
    }
  }
  return parts.join(" ").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Stock fields named by a header row. */
function stockFields(row: readonly unknown[]): StockField[] {
  const fields = new Set<StockField>();
  for (const v of row) {
    if (typeof v !== "string") continue;
    const m = matchHeader(v);
    if (m) fields.add(m.field);
  }
  return [...fields];
}

/**
 * Decides what a table is.
 *
 * 1. **bat-breed** when the best stock-like header row has columns for at least three BAT
 *    classes ("BAT 0" … "BAT 4", "BAT1" … "BAT5").
 * 2. **vraag** / **aanbod** when a header has year columns (or categorie + jaar + value
 *    columns) and the labels under it are mostly BZK/BAT categories. Aanbod when the sheet
 *    name, table name or title rows mention aanbod/voorraad/inventarisatie and not
 *    vraag/behoefte/prognose; vraag in the opposite case; otherwise aanbod when there is exactly
 *    one year and no scenario, vraag when not.
 * 3. **voorraad** when the header names at least two stock fields, one of them bat, aantal or id.
 * 4. **cbs-voorraad** / **aanpassingspercentages**: the two tables of the CBS route
 *    (src/ingest/cbs.ts: a gemeente column with koop/huur counts, resp. with percentages
 *    geschikt/potentieel/ongeschikt).
 * 5. **onbekend** otherwise.
 * Before 2: **saldo** (saldo.ts) when such a categorised table names a result ("Tekort",
 * "Aanbod – vraag", "opgave") or holds a negative figure: a published result, never demand.
 * Before all of these: **citaten** (citaten.ts: a "Geciteerde cijfers" table with getal and
 * grootheid columns) and **mutaties** (planned changes, mutaties.ts) when the header has year, kind
 * and number columns and a row below names nieuwbouw, sloop, verkoop, aankoop or renovatie.
 *
 * @param table raw cells.
 * @returns kind, header row index and a short Dutch reason.
 */
export function detectTable(table: RawTable): TableDetection {
  const values = table.values;
  // Planned changes first: their "BAT" and "Aantal" columns would read as a grouped stock.
  const quoted = detectQuotedTable(table);
  if (quoted) return quoted;
  const planned = detectPlannedChanges(table);
  if (planned !== null) return { kind: "mutaties", headerIndex: planned.headerIndex, reden: planned.reden };
  const sIdx = findHeaderRow(values, (row) => voorraadHeaderScore(row));
  const row = (i: number) => table.originRow + i;

  if (sIdx >= 0 && isWideBatHeader(values[sIdx])) {
    const cols = batHeaderColumns(values[sIdx]).map((c) => c.header);
    return {
      kind: "bat-breed",
      headerIndex: sIdx,
      reden: `Kopregel op rij ${row(sIdx)} heeft een kolom per BAT-klasse (${cols.join(", ")}): brede BAT-tabel.`,
    };
  }

  // A published result (saldo, tekort, opgave) has the layout of a demand table: never demand.
  const saldo = detectSaldoTable(table);
  if (saldo) return saldo;

  const cIdx = findHeaderRow(values, categorizedHeaderScore);
  if (cIdx >= 0) {
    const survey = surveyCategorized(table, cIdx);
    if (survey.recognised > 0 && survey.recognised >= survey.unknown) {
      const title = titleText(table, cIdx);
      const supplyWord = SUPPLY_WORDS.find((w) => title.includes(w));
      const demandWord = DEMAND_WORDS.find((w) => title.includes(w));
      const yearText = survey.years.length === 0 ? "zonder jaartal" : `jaar ${survey.years.join(", ")}`;
      const what = `Kopregel op rij ${row(cIdx)} met woonvormen (${survey.recognised} herkende rijen, ${yearText})`;
      if (supplyWord && !demandWord) {
        return { kind: "aanbod", headerIndex: cIdx, reden: `${what}; blad of titel noemt '${supplyWord}': aanbod.` };
      }
      if (demandWord && !supplyWord) {
        return { kind: "vraag", headerIndex: cIdx, reden: `${what}; blad of titel noemt '${demandWord}': vraag.` };
      }
      if (survey.years.length <= 1 && !survey.hasScenario) {
        return { kind: "aanbod", headerIndex: cIdx, reden: `${what}; één jaar en geen scenario's: aanbod.` };
      }
      return {
        kind: "vraag",
        headerIndex: cIdx,
        reden: `${what}; ${survey.hasScenario ? "met scenario's" : "meer dan één jaar"}: vraag.`,
      };
    }
  }

  if (sIdx >= 0) {
    const fields = stockFields(values[sIdx]);
    if (fields.length >= 2 && (fields.includes("bat") || fields.includes("aantal") || fields.includes("id"))) {
      return {
        kind: "voorraad",
        headerIndex: sIdx,
        reden: `Kopregel op rij ${row(sIdx)} met voorraadkolommen (${fields.join(", ")}): woningvoorraad.`,
      };
    }
  }

  const cbs = detectCbsTable(table);
  if (cbs) return cbs;

  return {
    kind: "onbekend",
    headerIndex: -1,
    reden: `Op blad '${table.sheet}' is geen kopregel herkend van een voorraad (VHE, BAT-score, aantal), ` +
      `een brede BAT-tabel (BAT 0 … BAT 4), een vraag- of aanbodtabel (woonvorm met jaartallen), ` +
      `een CBS-woningvoorraad (gemeente, koop, huur) of aanpassingspercentages (gemeente, geschikt, potentieel).`,
  };
}
