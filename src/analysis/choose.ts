/**
 * Table recognition and choice: what each sheet holds ({@link recogniseSheet}), and which of the
 * recognised tables one run reads as its stock, demand, supply, published saldo, quoted figures,
 * CBS route and planned changes ({@link chooseTables}), with a Dutch note per sheet on why it
 * was or was not used. The compute steps that follow are src/analysis/compute.ts.
 */
import { normaliseSupplyTable } from "../domain/tekort";
import { UserError, type Issue, makeIssue } from "../domain/issues";
import { sheetMissingText } from "../workbook/messages";
import type { DemandEntry, SupplyEntry } from "../domain/types";
import { detectTable } from "../ingest/detect";
import type { StockOptions } from "../ingest/stock";
import { readDemand } from "../ingest/demand";
import { readSupply } from "../ingest/supply";
import type { RawTable, StockField, StockIngest, TableKind } from "../ingest/types";
import type { AdaptationShareEntry, CbsStockEntry } from "../domain/cbs";
import { markRegionShares, readAdaptationShares, readCbsStock } from "../ingest/cbs";
import { readSaldo } from "../ingest/saldo";
import type { PublishedSaldoTable } from "../domain/vergelijking";
import { batDistributionIssue, compareBatDistribution, type BatDistributionComparison, type QuotedFigure } from "../domain/kruiscontrole";
import { readQuotedFigures } from "../ingest/citaten";
import { readPlanList } from "../ingest/plannen-lijst";
import type { PublishedPlanList } from "../domain/plannen-lijst";
import { checkCancelled, type RunLedger } from "./ledger";
import type { AnalyseOptions, SheetRead } from "./result";

/** Start of the reason for a sheet chosen as demand that is recognised as a published saldo. */
const CHOSEN_SALDO = "Gekozen als vraag, maar herkend als gepubliceerde saldotabel:";

/** Number of per-dwelling fields recognised, used to prefer a per-dwelling stock table. */
function detailScore(stock: StockIngest): number {
  const fields = Object.keys(stock.mapping) as StockField[];
  return (fields.includes("id") ? 1000 : 0) + fields.length;
}

/**
 * Throws the Dutch error for a sheet named by `--voorraad`/`--vraag` that the workbook lacks.
 * @param names the workbook's sheets (our own result sheets excluded).
 */
export function checkChosenSheets(names: readonly string[], options: Pick<AnalyseOptions, "voorraad" | "vraag">): void {
  for (const wanted of [options.voorraad, options.vraag]) {
    if (wanted !== undefined && !names.includes(wanted)) {
      throw new UserError(`${sheetMissingText(wanted)} Kies een van deze bladen: ${names.map((n) => `'${n}'`).join(", ")}.`);
    }
  }
}

/**
 * What a sheet holds: the user's choice (`voorraad`/`vraag`) or the detection (detect.ts).
 * @param table the sheet's cells (a streaming reader may pass the first few thousand rows).
 */
export function recogniseSheet(table: RawTable, options: Pick<AnalyseOptions, "voorraad" | "vraag">): { kind: TableKind; reden: string } {
  const name = table.sheet;
  if (name === options.voorraad) {
    const k = detectTable(table).kind;
    return { kind: k === "bat-breed" || k === "kruistabel" ? k : "voorraad", reden: "Gekozen als voorraad." };
  }
  if (name === options.vraag) {
    // The user's choice wins, but a published saldo read as demand must not go unnoticed.
    const det = detectTable(table);
    const saldo = det.kind === "saldo" && det.ookMogelijk !== "vraag";
    return { kind: "vraag", reden: saldo ? `${CHOSEN_SALDO} ${det.reden}` : "Gekozen als vraag." };
  }
  const det = detectTable(table);
  return { kind: det.kind, reden: det.reden };
}

/** Is this sheet read as a stock table? The chosen one, or (without a choice) every sheet
 * recognised as voorraad or wide BAT table; and every cross table woningtype × huurklasse, which
 * may give the adaptation potential beside another stock ({@link chooseTables}). */
export function isStockCandidate(name: string, kind: TableKind, options: Pick<AnalyseOptions, "voorraad">): boolean {
  return kind === "kruistabel" || isStockChoice(name, kind, options);
}

/** May this sheet be the stock of the run? The chosen one, or (without a choice) every sheet
 * recognised as voorraad, wide BAT table or cross table. */
function isStockChoice(name: string, kind: TableKind, options: Pick<AnalyseOptions, "voorraad">): boolean {
  return options.voorraad ? name === options.voorraad : kind === "voorraad" || kind === "bat-breed" || kind === "kruistabel";
}

/** Fields from which the adaptation potential of a dwelling follows (its form). */
const FORM_FIELDS: readonly StockField[] = ["woningtype", "eenheiddetailsoort"];

/** Does a stock read carry the dwelling form (a woningtype or eenheiddetailsoort column)? */
function hasFormColumn(stock: StockIngest): boolean {
  return FORM_FIELDS.some((f) => f in stock.mapping);
}

/** Options for the stock reader from the analysis options. */
export function stockOptionsFor(options: Pick<AnalyseOptions, "overrides" | "rules">): StockOptions {
  return { overrides: options.overrides, scale: options.rules.batSchaal };
}

/** Does the analysis need this sheet's cells (not only its stock rows)? Demand and supply tables,
 * the two tables of the CBS route, published saldo tables, quoted figures and published lists of
 * plans. A streaming reader keeps the cells of these sheets. */
export function needsCells(kind: TableKind): boolean {
  return kind === "vraag" || kind === "aanbod" || kind === "cbs-voorraad" || kind === "aanpassingspercentages" || kind === "saldo" ||
    kind === "citaten" || kind === "plannenlijst";
}

/** The tables {@link chooseTables} chose and read: the input of the compute steps. */
export interface ChosenTables {
  /** The stock table used, or null. */
  stock: StockIngest | null;
  /** The sheet of the stock table used and its read, or null. */
  chosen: { sheet: string; ingest: StockIngest } | null;
  /** True when the stock used is a cross table woningtype × huurklasse (no BAT: no supply). */
  crossStock: boolean;
  /** A cross table woningtype × huurklasse beside a BAT stock without dwelling form: it gives the
   * adaptation potential per woningtype, reported apart from the stock's (never mixed per dwelling). */
  crossAdaptation: { sheet: string; ingest: StockIngest } | null;
  /** Every cross table read beside the stock used (used for the adaptation potential or not), with
   * its dwellings: checked against the stock's total and quoted figures. */
  crossTotals: { sheet: string; woningen: number; peildatum: string | null }[];
  /** Other stock tables with BAT scores on the scale of the one used, with their dwellings: checked
   * against quoted figures. */
  batTotals: { sheet: string; woningen: number; peildatum: string | null }[];
  /** Those tables compared per BAT class with the one used (each already reported as an issue):
   * listed on the Vergelijking sheet. */
  batDistributions: BatDistributionComparison[];
  /** The reference date the caption of the stock used names ("per peildatum 01-01-2020"), or null. */
  stockPeildatum: string | null;
  demand: DemandEntry[];
  /** Supply at type level from a supply table (empty when the stock gives the supply). */
  supplyTable: SupplyEntry[];
  /** Published saldo tables, compared once the tekort is known. */
  saldoTables: PublishedSaldoTable[];
  quotes: QuotedFigure[];
  /** The CBS route's input, or null when the route cannot run. */
  cbsInput: { voorraad: CbsStockEntry[]; aandelen: AdaptationShareEntry[] } | null;
  /** Sheets recognised as planned changes; the first is read once the BAT scale is known. */
  planSheets: string[];
  /** The cells of `planSheets[0]` (null when a streaming reader did not keep them). */
  planTable: RawTable | null;
  /** Published lists of plans without year, BAT class or type ("• 478 woningen sloop"), one per
   * sheet: shown on the Vergelijking sheet, never in the tekort. */
  planLists: PublishedPlanList[];
}

/**
 * The first steps of a run: choose and read the stock, demand, supply, saldo, quoted-figure and
 * CBS tables, note every sheet not used, and stop with a Dutch error when there is nothing to
 * analyse. Yields after each step's progress report.
 * @param sheets the workbook's sheets in workbook order, recognised (and stock candidates read).
 * @param ledger receives the issues and the use of each sheet.
 * @throws UserError when the workbook holds no stock, demand, supply or CBS tables (with the
 *   reason for the sheet the user chose), or when the run is cancelled.
 */
export function* chooseTables(sheets: readonly SheetRead[], options: AnalyseOptions, ledger: RunLedger): Generator<void, ChosenTables, void> {
  const { rules, onProgress, signal } = options;
  const progress = (stap: string, f: number) => onProgress?.(stap, f);
  const { issues, tables, use, skip } = ledger;
  const names = sheets.map((s) => s.name);
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const kinds = new Map<string, TableKind>(sheets.map((s) => [s.name, s.kind]));
  const tableOf = (sheet: string): RawTable => {
    const t = byName.get(sheet)?.table;
    if (!t) throw new Error(`choose: no cells kept for sheet '${sheet}'`);
    return t;
  };

  // Stock: the chosen sheet, or the most detailed stock table found.
  checkCancelled(signal);
  progress("Voorraad lezen", 0.3);
  yield;
  const stockCandidates = names.filter((n) => isStockChoice(n, kinds.get(n)!, options));
  const readOf = (n: string) => {
    const ingest = byName.get(n)!.stock;
    if (!ingest) throw new Error(`choose: stock candidate '${n}' was not read`);
    return { sheet: n, ingest };
  };
  const stockReads = stockCandidates.map(readOf);
  // A stock table without data rows (a header only, or no header on a chosen sheet) is not a
  // stock of zero dwellings: it is reported and not used, so no tekort is set against nothing.
  const emptyStocks = stockReads.filter((x) => x.ingest.rowsRead === 0);
  for (const e of emptyStocks) {
    const own = e.ingest.issues.filter((i) => i.severity === "fout");
    if (own.length > 0) issues.push(...own);
    else issues.push(makeIssue("voorraad-leeg", "waarschuwing", e.sheet, null, emptyStockMessage(e.sheet, e.ingest)));
  }
  const filled = stockReads.filter((x) => x.ingest.rowsRead > 0);
  // A cross table woningtype × huurklasse (no BAT) is the stock only when there is no other.
  const isCross = (sheet: string) => kinds.get(sheet) === "kruistabel";
  filled.sort((a, b) => Number(isCross(a.sheet)) - Number(isCross(b.sheet)) ||
    detailScore(b.ingest) - detailScore(a.ingest) || b.ingest.rowsRead - a.ingest.rowsRead);
  const chosen = filled[0] ?? null;
  /** Other stocks with BAT scores on the same scale (compared with the one used). */
  const batOthers: { sheet: string; ingest: StockIngest }[] = [];
  const batDistributions: BatDistributionComparison[] = [];
  for (const other of filled.slice(1)) {
    if (isCross(other.sheet)) continue;
    skip(other.sheet, `er is één voorraadtabel gebruikt ('${chosen!.sheet}', de meest gedetailleerde). Kies een andere in stap 1 van het taakvenster of met --voorraad "${other.sheet}" op de opdrachtregel.`);
    const comparison = chosen && compareStockTotals(chosen.ingest, other.ingest);
    if (comparison) {
      issues.push(batDistributionIssue(comparison));
      batDistributions.push(comparison);
      batOthers.push(other);
    }
  }
  // Cross tables beside a stock with BAT scores (read even when another sheet was chosen).
  const crossOthers = names
    .filter((n) => isCross(n) && n !== chosen?.sheet && byName.get(n)?.stock)
    .map(readOf)
    .filter((x) => x.ingest.rowsRead > 0);
  const crossAdaptation = chosen && !isCross(chosen.sheet) ? chooseCrossAdaptation(chosen, crossOthers, use, skip) : null;
  if (!crossAdaptation) {
    for (const other of crossOthers) skip(other.sheet, crossNotUsed(chosen && { sheet: chosen.sheet, cross: isCross(chosen.sheet), form: hasFormColumn(chosen.ingest) }, other.sheet));
  }
  let stock: StockIngest | null = null;
  // A cross table has no BAT scores: its dwellings give the adaptation potential, not the supply.
  const crossStock = chosen !== null && isCross(chosen.sheet);
  if (chosen) {
    stock = chosen.ingest;
    use(chosen.sheet);
    issues.push(...stock.issues);
  }

  // Demand.
  checkCancelled(signal);
  progress("Vraag lezen", 0.45);
  yield;
  const demandSheets = options.vraag ? [options.vraag] : names.filter((n) => kinds.get(n) === "vraag");
  let demand: DemandEntry[] = [];
  let bracketed: PublishedSaldoTable | null = null;
  if (demandSheets.length > 0) {
    const d = readDemand(tableOf(demandSheets[0]));
    demand = d.entries;
    issues.push(...d.issues);
    use(demandSheets[0], d.tussenHaakjes ? "De getallen tussen haakjes zijn nagerekend op het blad Vergelijking." : undefined);
    if (d.tussenHaakjes) bracketed = d.tussenHaakjes;
    const chosen = byName.get(demandSheets[0]);
    if (chosen?.reden.startsWith(CHOSEN_SALDO)) {
      issues.push(makeIssue("saldo-als-vraag", "waarschuwing", demandSheets[0], null,
        `Blad '${demandSheets[0]}' is als vraag gelezen omdat het zo gekozen is, maar het lijkt een gepubliceerde saldo- of tekorttabel ` +
          "(aanbod − vraag); dan is het tekort hier niet juist. Kies de vraagtabel waar het saldo op berust (taakvenster stap 1, opdrachtregel --vraag)."));
    }
    for (const other of demandSheets.slice(1)) skip(other, `er is één vraagtabel gebruikt ('${demandSheets[0]}'). Kies een andere in stap 1 van het taakvenster of met --vraag "${other}" op de opdrachtregel.`);
  }

  // Supply at type level, used when there is no stock table.
  const supplySheets = names.filter((n) => kinds.get(n) === "aanbod" && n !== options.vraag && n !== options.voorraad);
  let supplyTable: SupplyEntry[] = [];
  if (supplySheets.length > 0) {
    if (stock && !crossStock) {
      for (const s of supplySheets) skip(s, "het aanbod is geteld uit de voorraadtabel.");
    } else {
      const s = readSupply(tableOf(supplySheets[0]));
      issues.push(...s.issues);
      const norm = normaliseSupplyTable(s.entries, rules);
      issues.push(...norm.issues);
      supplyTable = norm.entries;
      use(supplySheets[0]);
      for (const other of supplySheets.slice(1)) skip(other, `er is één aanbodtabel gebruikt ('${supplySheets[0]}').`);
    }
  }
  // Published saldo tables: read now (their figures are compared once the tekort is known).
  const saldoSheets = names.filter((n) => kinds.get(n) === "saldo" && n !== options.vraag && n !== options.voorraad);
  const saldoTables: PublishedSaldoTable[] = saldoSheets.map((sheet) => {
    const s = readSaldo(tableOf(sheet));
    issues.push(...s.issues);
    use(sheet, "Nagerekend op het blad Vergelijking.");
    return { sheet, entries: s.entries, teken: s.teken, tekenBron: s.tekenBron, afgerondOp5: s.afgerondOp5 };
  });
  if (bracketed) saldoTables.push(bracketed);
  const quotes: QuotedFigure[] = [];
  for (const sheet of names.filter((n) => kinds.get(n) === "citaten")) {
    const q = readQuotedFigures(tableOf(sheet));
    quotes.push(...q.quotes);
    issues.push(...q.issues);
    use(sheet, "Gecontroleerd op het blad Vergelijking.");
  }
  const planLists: PublishedPlanList[] = [];
  for (const sheet of names.filter((n) => kinds.get(n) === "plannenlijst")) {
    const read = readPlanList(tableOf(sheet));
    planLists.push({ sheet: read.sheet, periode: read.periode, bijschrift: read.bijschrift, items: read.items });
    issues.push(...read.issues);
    use(sheet, "Getoond op het blad Vergelijking; niet in het tekort, want de plannen noemen geen BAT-klasse, woontype of jaar.");
  }
  // CBS route input, read before the check below so that a workbook with only these tables works.
  const cbsInput = readCbsInput(names, kinds, tableOf, use, skip, issues);
  // Planned changes (read once the stock's BAT scale is known, below).
  const planSheets = names.filter((n) => kinds.get(n) === "mutaties" && n !== options.vraag && n !== options.voorraad);
  for (const other of planSheets.slice(1)) skip(other, `er is één tabel met geplande wijzigingen gebruikt ('${planSheets[0]}').`);
  for (const t of tables) {
    if (!t.used && t.sheet !== planSheets[0] && !issues.some((i) => i.code === "blad-niet-gebruikt" && i.sheet === t.sheet)) {
      issues.push(makeIssue("blad-niet-gebruikt", "info", t.sheet, null, `Blad '${t.sheet}' is niet gebruikt: ${t.reden}`));
    }
  }

  if (!stock && demand.length === 0 && supplyTable.length === 0 && !cbsInput) {
    if (saldoSheets.length > 0) {
      throw new UserError(
        `Blad ${saldoSheets.map((n) => `'${n}'`).join(", ")} is een gepubliceerde saldotabel (aanbod − vraag of opgave); die wordt nagerekend, niet als vraag gelezen. ` +
        "Daarvoor zijn de vraag en het aanbod nodig waar de tabel op berust: voeg die bladen toe, of wijs ze aan in stap 1 van het taakvenster (opdrachtregel: --vraag en --voorraad).",
      );
    }
    // Nothing to analyse: say why in one line, for the sheet the user chose or the stock found.
    const empty = emptyStocks[0];
    if (empty) {
      const fout = empty.ingest.issues.find((i) => i.severity === "fout");
      throw new UserError(fout ? fout.message : emptyStockMessage(empty.sheet, empty.ingest));
    }
    // A published list of plans alone is found, but it is only summarised beside an analysis: say so.
    const lists = planLists.length > 0
      ? ` Blad ${planLists.map((l) => `'${l.sheet}'`).join(", ")} is een gepubliceerde lijst met plannen (sloop, nieuwbouw …); ` +
        "die wordt alleen samengevat op het blad Vergelijking, naast een analyse van een voorraad, vraag of aanbod."
      : "";
    throw new UserError(
      `Geen voorraad-, aanbod- of vraagtabel gevonden in de werkmap (bladen: ${names.map((n) => `'${n}'`).join(", ")}).${lists} ` +
      "Kies de bladen in stap 1 van het taakvenster (opdrachtregel: --voorraad en --vraag), of controleer de kolomkoppen (zie de handleiding).",
    );
  }
  const planTable = planSheets.length > 0 ? byName.get(planSheets[0])?.table ?? null : null;
  if (crossAdaptation) issues.push(...crossAdaptation.ingest.issues);
  const peildatum = (x: { ingest: StockIngest }): string | null => x.ingest.peildatum ?? null;
  const woningen = (x: { ingest: StockIngest }): number => {
    let sum = 0;
    for (let i = 0; i < x.ingest.rows.length; i++) sum += x.ingest.rows.aantal[i];
    return sum;
  };
  const crossTotals = crossOthers.map((x) => ({ sheet: x.sheet, woningen: woningen(x), peildatum: peildatum(x) }));
  const stockPeildatum = chosen ? peildatum(chosen) : null;
  const batTotals = batOthers.map((x) => ({ sheet: x.sheet, woningen: woningen(x), peildatum: peildatum(x) }));
  return { stock, chosen, crossStock, crossAdaptation, crossTotals, batTotals, batDistributions, stockPeildatum, demand, supplyTable, saldoTables, quotes, cbsInput, planSheets, planTable, planLists };
}

/**
 * The rule for a cross table woningtype × huurklasse beside a stock with BAT scores (handleiding
 * §2, "Voorraad per woning én een kruistabel"): the stock gives the BZK types and the supply;
 * when it has no column for the dwelling form (woningtype, eenheiddetailsoort), the first cross
 * table gives the adaptation potential per woningtype, reported apart. The two are never mixed
 * per dwelling: they count the stock differently (Kerkrade: 7,824 units by BAT, 7,452 by
 * woningtype) and nothing links a BAT class to a woningtype.
 * @returns the cross table used, or null (then every cross table is reported as not used).
 */
function chooseCrossAdaptation(
  chosen: { sheet: string; ingest: StockIngest },
  crossTables: readonly { sheet: string; ingest: StockIngest }[],
  use: (sheet: string, note?: string) => void,
  skip: (sheet: string, note: string) => void,
): { sheet: string; ingest: StockIngest } | null {
  if (crossTables.length === 0 || hasFormColumn(chosen.ingest)) return null;
  const [first, ...rest] = crossTables;
  use(first.sheet, `Gebruikt voor het aanpassingspotentieel naar woningtype, apart van de voorraad op blad '${chosen.sheet}' ` +
    `(die geeft de BZK-indeling en het aanbod, maar heeft geen kolom woningtype).`);
  for (const other of rest) {
    skip(other.sheet, `er is één kruistabel gebruikt voor het aanpassingspotentieel ('${first.sheet}'). ` +
      `Wilt u deze, kies hem dan als voorraad in stap 1 van het taakvenster of met --voorraad "${other.sheet}" op de opdrachtregel.`);
  }
  return first;
}

/** Why a cross table beside another stock is not used, and how to choose it (Dutch). */
function crossNotUsed(stock: { sheet: string; cross: boolean; form: boolean } | null, crossSheet: string): string {
  const how = `Wilt u het aanpassingspotentieel uit deze kruistabel, kies blad '${crossSheet}' dan als voorraad in stap 1 ` +
    `van het taakvenster of met --voorraad "${crossSheet}" op de opdrachtregel` +
    (stock && !stock.cross ? "; de BZK-indeling en het aanbod vervallen dan, want de kruistabel heeft geen BAT-scores." : ".");
  if (stock === null) return how;
  let why = `de voorraad op blad '${stock.sheet}' is gekozen.`;
  if (stock.cross) why = `er is één kruistabel gebruikt ('${stock.sheet}').`;
  else if (stock.form) {
    why = `de voorraad op blad '${stock.sheet}' heeft zelf een kolom woningtype, dus het aanpassingspotentieel is per woning uit die tabel ` +
      `bepaald; de kruistabel telt dezelfde voorraad nog eens en wordt er niet bij opgeteld.`;
  }
  return `${why} ${how}`;
}

/** "Blad 'X' heeft een kopregel (rij N) maar geen gegevens eronder. ..." */
function emptyStockMessage(sheet: string, ingest: StockIngest): string {
  return `Blad '${sheet}' heeft een kopregel (rij ${ingest.headerRow}) maar geen gegevens eronder; er is geen voorraad ingelezen. ` +
    `Vul de tabel, of kies het blad met de woningen (--voorraad of in het taakvenster).`;
}

/** Dwellings per BAT class of a stock read ("onbekend" for rows without BAT). */
function perBatOf(s: StockIngest): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < s.rows.length; i++) {
    const bat = s.rows.bat(i);
    const k = bat === null ? "onbekend" : String(bat);
    out[k] = (out[k] ?? 0) + s.rows.aantal[i];
  }
  return out;
}

/** When a workbook holds the same stock twice (per dwelling and as a wide BAT table): the BAT
 * totals per class ({@link perBatOf}) compared, once.
 * @returns the comparison, or null when not compared (not on the same BAT scale, or one without rows). */
function compareStockTotals(used: StockIngest, other: StockIngest): BatDistributionComparison | null {
  const scale = used.batScale;
  if (!scale || scale !== other.batScale) return null;
  const sheetA = used.rows.length > 0 ? used.rows.textAt("sheet", 0) ?? "" : "";
  const sheetB = other.rows.length > 0 ? other.rows.textAt("sheet", 0) ?? "" : "";
  if (!sheetA || !sheetB) return null;
  return compareBatDistribution({ sheet: sheetA, perBat: perBatOf(used) }, { sheet: sheetB, perBat: perBatOf(other) }, scale);
}

/**
 * Reads the tables of the CBS route: the first CBS stock table and every percentage table (e.g.
 * one per gemeente and one per gemeente × segment). Both kinds are needed; when one is missing,
 * the other is reported as not used.
 * @returns the rows for `computeCbsRoute`, or null when the route cannot run.
 */
function readCbsInput(
  names: readonly string[],
  kinds: ReadonlyMap<string, TableKind>,
  tableOf: (sheet: string) => RawTable,
  use: (sheet: string, note?: string) => void,
  skip: (sheet: string, note: string) => void,
  issues: Issue[],
): { voorraad: CbsStockEntry[]; aandelen: AdaptationShareEntry[] } | null {
  const stockSheets = names.filter((n) => kinds.get(n) === "cbs-voorraad");
  const shareSheets = names.filter((n) => kinds.get(n) === "aanpassingspercentages");
  if (stockSheets.length === 0 && shareSheets.length === 0) return null;
  if (stockSheets.length === 0 || shareSheets.length === 0) {
    const note = stockSheets.length === 0
      ? "de CBS-route heeft ook een CBS-woningvoorraad per gemeente nodig (kolommen gemeente, koop, huur)."
      : "de CBS-route heeft ook aanpassingspercentages per gemeente nodig (kolommen gemeente, geschikt, potentieel, ongeschikt).";
    for (const s of [...stockSheets, ...shareSheets]) skip(s, note);
    return null;
  }
  const stock = readCbsStock(tableOf(stockSheets[0]));
  issues.push(...stock.issues);
  use(stockSheets[0], "Gebruikt voor de CBS-route.");
  for (const other of stockSheets.slice(1)) skip(other, `er is één CBS-woningvoorraad gebruikt ('${stockSheets[0]}').`);
  const aandelen: AdaptationShareEntry[] = [];
  for (const sheet of shareSheets) {
    const shares = readAdaptationShares(tableOf(sheet));
    issues.push(...shares.issues);
    aandelen.push(...shares.entries);
    use(sheet, "Gebruikt voor de CBS-route.");
  }
  issues.push(...markRegionShares(aandelen, stock.entries));
  return { voorraad: stock.entries, aandelen };
}

