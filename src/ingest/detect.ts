/**
 * Deciding what kind of table a sheet holds, so that the CLI and task pane can pick the stock,
 * demand and supply tables without being told (without --voorraad/--vraag, tables
 * are found by sheet name and header content: docs/handleiding.md §3).
 */
import type { RawTable, StockField, TableDetection } from "./types";
import { findHeaderRow } from "./header";
import { matchHeader } from "./synonyms";
import { batHeaderColumns, isWideBatHeader } from "./wide-bat";
import { stockHeaderScore } from "./stock";
import { categorizedHeaderScore, surveyCategorized, type TableSubject } from "./categorized";
import { captionWords } from "./caption";
import { detectCbsTable } from "./cbs";
import { detectPlannedChanges } from "./mutaties";
import { detectPlanList } from "./plannen-lijst";
import { detectSaldoTable } from "./saldo";
import { detectQuotedTable } from "./citaten";
import { findCrossTable } from "./cross-table";
import { opgaveChoiceText, tableCell } from "./messages";

/** Words in a sheet name or title that point at supply, resp. demand (lower case, no accents). */
const SUPPLY_WORDS: readonly string[] = ["aanbod", "voorraad", "inventarisatie", "geinventariseerd"];
const DEMAND_WORDS: readonly string[] = ["vraag", "behoefte", "prognose"];
// "opgave" alone is not a demand word: a published opgave may be a shortage (vraag − aanbod).

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
 * What every recogniser may use: the table, and the header rows the readers would pick, each
 * computed once on first use.
 */
export class DetectContext {
  private stockIdx: number | undefined;
  private catIdx: number | undefined;

  constructor(readonly table: RawTable) {}

  /** 0-based header row of a stock-like table (`stockHeaderScore`), -1 when none. */
  get stockHeaderIndex(): number {
    this.stockIdx ??= findHeaderRow(this.table.values, (row) => stockHeaderScore(row));
    return this.stockIdx;
  }

  /** 0-based header row of a categorised table (demand/supply), -1 when none. */
  get categorizedHeaderIndex(): number {
    this.catIdx ??= findHeaderRow(this.table.values, categorizedHeaderScore);
    return this.catIdx;
  }

  /** 1-based Excel row of a 0-based row index. */
  excelRow(i: number): number {
    return this.table.originRow + i;
  }

  /** Sheet name, table name and title rows above `headerIndex`, lower case without accents. */
  title(headerIndex: number): string {
    return captionWords(this.table, headerIndex);
  }
}

/**
 * One kind of table: returns its detection, or null when the table is not of this kind.
 * Recognisers are tried in the order of {@link TABLE_RECOGNISERS}; the first answer wins, so a
 * more specific kind comes before a more general one.
 */
export interface TableRecogniser {
  /** Short name, for tests and developers. */
  name: string;
  recognise(ctx: DetectContext): TableDetection | null;
}

/** The words of the title that point at supply and demand. */
function titleWords(title: string): { supplyWord: string | undefined; demandWord: string | undefined } {
  return { supplyWord: SUPPLY_WORDS.find((w) => title.includes(w)), demandWord: DEMAND_WORDS.find((w) => title.includes(w)) };
}

/** Planned changes first: their "BAT" and "Aantal" columns would read as a grouped stock. */
const plannedChanges: TableRecogniser = {
  name: "mutaties",
  recognise(ctx) {
    const planned = detectPlannedChanges(ctx.table);
    return planned === null ? null : { kind: "mutaties", headerIndex: planned.headerIndex, reden: planned.reden };
  },
};

/** A published list of plans ("• 478 woningen sloop", plannen-lijst.ts): no header, only lines. */
const planList: TableRecogniser = {
  name: "plannenlijst",
  recognise(ctx) {
    const list = detectPlanList(ctx.table);
    return list === null ? null : { kind: "plannenlijst", headerIndex: list.headerIndex, reden: list.reden };
  },
};

/**
 * A BAT-class header over figures whose title speaks of demand (Kerkrade "De totale opgave voor
 * 2030 …, een optelsom van vraag per buurt", header "BAT 1 Wandelstok geschikt" … "BAT 4
 * Verpleegzorg geschikt"): demand per BAT class in the year of the title, not a stock.
 */
const demandAcross: TableRecogniser = {
  name: "vraag-per-bat-kolom",
  recognise(ctx) {
    const idx = ctx.categorizedHeaderIndex;
    if (idx < 0) return null;
    const survey = surveyCategorized(ctx.table, idx);
    if (survey.layout !== "rij" || survey.recognised === 0) return null;
    const { supplyWord, demandWord } = titleWords(ctx.title(idx));
    if (!demandWord || supplyWord) return null;
    const jaar = survey.years.length === 1 ? `jaar ${survey.years[0]} uit de titel` : "zonder jaartal in de titel";
    return {
      kind: "vraag",
      headerIndex: idx,
      reden: `Kopregel op rij ${ctx.excelRow(idx)} met een kolom per woonvorm of BAT-klasse (${jaar}); ` +
        `de titel noemt '${demandWord}': vraag.`,
    };
  },
};

const wideBat: TableRecogniser = {
  name: "bat-breed",
  recognise(ctx) {
    const sIdx = ctx.stockHeaderIndex;
    if (sIdx < 0 || !isWideBatHeader(ctx.table.values[sIdx])) return null;
    const cols = batHeaderColumns(ctx.table.values[sIdx]).map((c) => c.header.replace(/\s+/g, " "));
    return {
      kind: "bat-breed",
      headerIndex: sIdx,
      reden: `Kopregel op rij ${ctx.excelRow(sIdx)} heeft een kolom per BAT-klasse (${cols.join(", ")}): brede BAT-tabel.`,
    };
  },
};

/** Dutch names of the subjects, for messages. */
const SUBJECT_NAMES: Readonly<Record<TableSubject, string>> = {
  vraag: "vraag", aanbod: "aanbod", saldo: "saldo of tekort (aanbod min vraag)", opgave: "opgave",
};

/**
 * Demand and supply tables (woonvormen or BAT classes with years). The first header cell decides
 * when it names the subject ("Vraag", "Aanbod"); then the title words; then the shape. A saldo
 * table ("Tekort", "Aanbod – vraag") is never read as demand; an "Opgave" whose title does not
 * say demand or supply is ambiguous and the user is told how to choose.
 */
const categorized: TableRecogniser = {
  name: "vraag-aanbod",
  recognise(ctx) {
    const cIdx = ctx.categorizedHeaderIndex;
    if (cIdx < 0) return null;
    const survey = surveyCategorized(ctx.table, cIdx);
    if (survey.recognised === 0 || survey.recognised < survey.unknown) return null;
    const { supplyWord, demandWord } = titleWords(ctx.title(cIdx));
    const yearText = survey.years.length === 0 ? "zonder jaartal" : `jaar ${survey.years.join(", ")}`;
    const what = `Kopregel op rij ${ctx.excelRow(cIdx)} met woonvormen (${survey.recognised} herkende rijen, ${yearText})`;
    // The header cell that names the subject (analyseCategorizedHeader decides which, once).
    const headCell = survey.subjectCol < 0 ? null : tableCell(ctx.table, cIdx, survey.subjectCol);
    const named = `de kolomkop (cel ${headCell} op blad '${ctx.table.sheet}')`;
    if (survey.subject === "vraag" || survey.subject === "aanbod") {
      return {
        kind: survey.subject, headerIndex: cIdx,
        reden: `${what}; ${named} noemt ${SUBJECT_NAMES[survey.subject]}: ${survey.subject}.`,
      };
    }
    if (survey.subject === "saldo") {
      return {
        kind: "onbekend", headerIndex: -1,
        reden: `${what}; ${named} noemt ${SUBJECT_NAMES.saldo}. Dat is een uitkomst, geen vraag ` +
          `of aanbod: het blad wordt niet als vraag gelezen.`,
      };
    }
    if (survey.subject === "opgave" && !(demandWord && !supplyWord)) {
      return {
        kind: "onbekend", headerIndex: -1,
        reden: `${what}. ${opgaveChoiceText(ctx.table.sheet, headCell, "niet")}`,
      };
    }
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
  },
};

const stock: TableRecogniser = {
  name: "voorraad",
  recognise(ctx) {
    const sIdx = ctx.stockHeaderIndex;
    if (sIdx < 0) return null;
    const fields = stockFields(ctx.table.values[sIdx]);
    if (fields.length >= 2 && (fields.includes("bat") || fields.includes("aantal") || fields.includes("id"))) {
      return {
        kind: "voorraad",
        headerIndex: sIdx,
        reden: `Kopregel op rij ${ctx.excelRow(sIdx)} met voorraadkolommen (${fields.join(", ")}): woningvoorraad.`,
      };
    }
    return null;
  },
};

/** A cross table woningtype × huurklasse (cross-table.ts): an aggregate stock without BAT, used as
 * the stock only when the workbook has no other stock table (src/analysis/choose.ts). */
const crossTable: TableRecogniser = {
  name: "kruistabel",
  recognise(ctx) {
    const idx = findCrossTable(ctx.table);
    if (idx < 0) return null;
    return {
      kind: "kruistabel", headerIndex: idx,
      reden: `Kopregel op rij ${ctx.excelRow(idx)} met huurprijsklassen als kolommen en woningtypen als rijen: ` +
        `kruistabel woningtype × huurklasse, een geaggregeerde voorraad zonder BAT-score.`,
    };
  },
};

const cbs: TableRecogniser = { name: "cbs", recognise: (ctx) => detectCbsTable(ctx.table) };

/** A "Geciteerde cijfers" table (citaten.ts). */
const quoted: TableRecogniser = { name: "citaten", recognise: (ctx) => detectQuotedTable(ctx.table) };

/** A published result (saldo, tekort, opgave; saldo.ts) has the layout of a demand table: never demand. */
const saldo: TableRecogniser = { name: "saldo", recognise: (ctx) => detectSaldoTable(ctx.table) };

/**
 * The table kinds, most specific first. To add a kind, put its recogniser here (before the
 * kinds it would otherwise be mistaken for); {@link detectTable} tries them in this order.
 */
export const TABLE_RECOGNISERS: TableRecogniser[] = [quoted, plannedChanges, planList, demandAcross, wideBat, saldo, categorized, crossTable, stock, cbs];

/**
 * Decides what a table is, by trying {@link TABLE_RECOGNISERS} in order:
 *
 * 0. **citaten** (citaten.ts: a "Geciteerde cijfers" table with getal and grootheid columns).
 * 1. **mutaties** (planned changes, mutaties.ts) when the header has year, kind and number
 *    columns and a row below names nieuwbouw, sloop, verkoop, aankoop or renovatie.
 * 1b. **plannenlijst** (plannen-lijst.ts) when at least two rows read "478 woningen sloop" (a
 *    published list of plans over a period, without year, BAT class or type).
 * 2. **vraag** for a header of BAT classes or woonvormen (one per column) whose title speaks of
 *    demand (vraag, behoefte, prognose, opgave), with the year of the title.
 * 3. **bat-breed** when the best stock-like header row has columns for at least three BAT
 *    classes ("BAT 0" … "BAT 4", "BAT1" … "BAT5").
 * 3b. **saldo** (saldo.ts) when a categorised table names a result ("Tekort", "Aanbod – vraag",
 *    "opgave") or holds a negative figure: a published result, never demand.
 * 4. **vraag** / **aanbod** when a header has year columns (or categorie + jaar + value
 *    columns) and the labels under it are mostly BZK/BAT categories. The first header cell
 *    decides when it names the subject ("Vraag", "Aanbod"; "Tekort"/"Aanbod – vraag" is a
 *    saldo: onbekend, never demand; "Opgave": ambiguous unless the title says demand). Then
 *    aanbod when the sheet name, table name or title rows mention aanbod/voorraad/inventarisatie
 *    and not vraag/behoefte/prognose; vraag in the opposite case; otherwise aanbod when there is
 *    exactly one year and no scenario, vraag when not.
 * 4b. **kruistabel** (cross-table.ts) when a header row has at least three rent classes
 *    (Goedkoop, Betaalbaar 1, Duur, Geliberaliseerd, …) and most row labels under it name a
 *    dwelling type: an aggregate stock woningtype × huurklasse.
 * 5. **voorraad** when the header names at least two stock fields, one of them bat, aantal or id.
 * 6. **cbs-voorraad** / **aanpassingspercentages**: the two tables of the CBS route
 *    (src/ingest/cbs.ts).
 * 7. **onbekend** otherwise.
 *
 * @param table raw cells.
 * @returns kind, header row index and a short Dutch reason.
 * @example detectTable({ sheet: "Vraag", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Tabel 1. Vraag naar woonvormen"], [],
 *   ["Woonvorm", 2025, 2030], ["Ouderen (trendscenario)", null, null], ["Nultreden in regulier wonen", "1.975", 2200], ["Geclusterd wonen", 310, 365]] }).kind === "vraag";
 *   detectTable({ sheet: "Voorraad", tableName: null, originRow: 1, originCol: 1, values: [["VHE-nummer", "Complex", "BAT-score"], ["1001", "C12", 3]] }).kind === "voorraad"
 */
export function detectTable(table: RawTable): TableDetection {
  const ctx = new DetectContext(table);
  for (const r of TABLE_RECOGNISERS) {
    const d = r.recognise(ctx);
    if (d !== null) return d;
  }
  return {
    kind: "onbekend",
    headerIndex: -1,
    reden: `Op blad '${table.sheet}' is geen kopregel herkend van een voorraad (VHE, BAT-score, aantal), ` +
      `een brede BAT-tabel (BAT 0 … BAT 4), een vraag- of aanbodtabel (woonvorm met jaartallen), ` +
      `een kruistabel (woningtypen × huurklassen), geplande wijzigingen (jaar, soort, aantal), ` +
      `een lijst met geplande wijzigingen ('478 woningen sloop'), ` +
      `een CBS-woningvoorraad (gemeente, koop, huur) of aanpassingspercentages (gemeente, geschikt, potentieel).`,
  };
}
