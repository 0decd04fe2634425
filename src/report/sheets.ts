/**
 * Result sheets as sheet models (what each shows: docs/handleiding.md §5): BZK-indeling, Tekort, Aanpassingspotentieel and
 * Controle, with Dutch headers, number formats and a header note on the rules and sources used.
 * Pure: adapters write these models.
 */
import { batLabel } from "../domain/bat";
import { describeRules } from "../domain/rules";
import type { AnalysisResult } from "../analysis/result";
import { EXCEL_MAX_ROWS } from "../domain/excel-limits";
import { lazyTable, layoutSheet, sliceTable, tableRowCount, type ColumnSpec, type ModelValue, type SheetModel, type TableModel } from "./sheet-model";
import { nlInt, roundTo } from "./format";
import { cbsSheetPart } from "./cbs-sheet";
import { crossAdaptationPart } from "./kruistabel-potentieel";
import { dwellingEntry } from "./dwelling-entry";
import { vergelijkingSheet } from "./vergelijking-sheet";
import { aggregateWhatIfPart } from "./whatif-aggregaat-tables";
import { plannenNotes, potentieelExtraTables, potentieelNotes, tekortExtraTables, watAlsText } from "./whatif-tables";

/** Options for the sheets: `afronden` rounds saldo and tekort in the Tekort sheet to a multiple (e.g. 5). */
export interface SheetOptions {
  afronden?: number | null;
}

const SEVERITY_ORDER = { fout: 0, waarschuwing: 1, info: 2 } as const;
const jaNee = (b: boolean) => (b ? "ja" : "nee");
const col = (header: string, kind: ColumnSpec["kind"], width?: number): ColumnSpec => ({ header, kind, width });

/** Builds the result sheets from an analysis result: BZK-indeling (and its continuation when
 * needed), Tekort, Aanpassingspotentieel, Vergelijking (only when the workbook holds a published
 * saldo table) and Controle. */
export function buildSheets(result: AnalysisResult, options: SheetOptions = {}): SheetModel[] {
  const vergelijking = vergelijkingSheet(result);
  return [
    ...fitToGrid(bzkSheet(result)), tekortSheet(result, options), withCbsRoute(withCrossAdaptation(potentieelSheet(result), result), result),
    ...(vergelijking ? [vergelijking] : []), controleSheet(result),
  ];
}

/**
 * The BZK-indeling sheet, split when its per-dwelling table (the last table) would run past
 * Excel's last row ({@link EXCEL_MAX_ROWS}): the rows that do not fit go to a second sheet,
 * "BZK-indeling vervolg", with the same columns. Only a stock of more than about 1,048,000 rows
 * needs it (an input sheet holds at most 1,048,575 dwellings below its header).
 * @returns one model, or the model and its continuation; the rows are not copied (rows made when asked stay so).
 */
export function fitToGrid(model: SheetModel): SheetModel[] {
  const layout = layoutSheet(model);
  const last = model.tables.length - 1;
  const pos = layout.tables[last];
  if (!pos || pos.lastRow <= EXCEL_MAX_ROWS) return [model];
  const table = model.tables[last];
  const withFirst = (n: number): SheetModel => ({
    ...model,
    notes: [
      ...model.notes,
      `De tabel per woning is langer dan een Excel-blad: de eerste ${nlInt(n)} regels staan hier, de overige ${nlInt(tableRowCount(table) - n)} op blad 'BZK-indeling vervolg'.`,
    ],
    tables: [...model.tables.slice(0, last), sliceTable(table, 0, n)],
  });
  // The header row does not depend on the number of rows below it.
  const fitted = EXCEL_MAX_ROWS - layoutSheet(withFirst(0)).tables[last].headerRow;
  const first = withFirst(fitted);
  const rest: SheetModel = {
    kind: "bzk-indeling-vervolg",
    name: "BZK-indeling vervolg",
    title: `${model.title} (vervolg)`,
    notes: [`Vervolg van de tabel per woning op blad 'BZK-indeling': regels ${nlInt(fitted + 1)} tot en met ${nlInt(tableRowCount(table))}.`],
    tables: [sliceTable(table, fitted, tableRowCount(table), { name: `${table.name}_Vervolg` })],
  };
  return [first, rest];
}

function sourceNote(result: AnalysisResult): string {
  const used = result.tables.filter((t) => t.used).map((t) => `'${t.sheet}'`);
  return `Bron: ${used.length ? `blad ${used.join(", ")}` : "geen invoertabel"} van deze werkmap. BAT-schaal: ${result.batScale === "vera" ? "VERA (BAT1-BAT5)" : "Limburg (0-4)"}.`;
}

function bzkSheet(result: AnalysisResult): SheetModel {
  const s = result.summary;
  const overzicht: TableModel = {
    name: "BZK_Overzicht",
    caption: "Aanbod per BZK-woontype (woningen)",
    columns: [col("BZK-type", "text", 16), col("Hoogste type (exclusief)", "integer"), col("Minstens dit type (cumulatief)", "integer")],
    rows: [
      ["regulier", s.perBzk.regulier, s.eenheden - s.perBzk.onbekend],
      ["nultreden", s.perBzk.nultreden, s.cumulatief.nultreden],
      ["geclusterd", s.perBzk.geclusterd, s.cumulatief.geclusterd],
      ["zorggeschikt", s.perBzk.zorggeschikt, s.cumulatief.zorggeschikt],
      ["onbekend", s.perBzk.onbekend, null],
      ["totaal", s.eenheden, null],
    ],
  };
  const bat: TableModel = {
    name: "BZK_PerBat",
    caption: "Voorraad per BAT-klasse (woningen)",
    columns: [col("BAT", "text", 10), col("Omschrijving", "text", 28), col("Woningen", "integer")],
    rows: Object.entries(s.perBat).map(([code, n]) => {
      const level = code === "onbekend" ? null : Number(code.replace("BAT", ""));
      return [code, level === null ? "BAT-score ontbreekt" : batLabel(level, result.batScale), n];
    }),
  };
  const tables: TableModel[] = [overzicht, bat];
  for (const g of result.groups) {
    tables.push({
      name: `BZK_Per_${g.key}`,
      caption: `Aanbod per ${g.key} (woningen, hoogste type)`,
      columns: [col(g.key[0].toUpperCase() + g.key.slice(1), "text", 22), col("Woningen", "integer"), col("Regulier", "integer"), col("Nultreden", "integer"), col("Geclusterd", "integer"), col("Zorggeschikt", "integer"), col("Onbekend", "integer"), col("Minstens nultreden", "integer")],
      rows: g.rows.map((r) => [r.waarde ?? "(leeg)", r.summary.eenheden, r.summary.perBzk.regulier, r.summary.perBzk.nultreden, r.summary.perBzk.geclusterd, r.summary.perBzk.zorggeschikt, r.summary.perBzk.onbekend, r.summary.cumulatief.nultreden]),
    });
  }
  // Made row by row when a writer asks (a million dwellings: about 200 MB as arrays); the same
  // entry as the JSON's `woningen` (dwelling-entry.ts).
  const woningRow = (i: number): ModelValue[] => {
    const e = dwellingEntry(result, i);
    return [
      e.id, e.bron, e.complex, e.eigenaar, e.gemeente, e.aantal, e.batCode, e.bzk,
      jaNee(e.nultreden), jaNee(e.geclusterd), jaNee(e.zorggeschikt), e.zorgprofiel, e.aanpassing, e.reden, e.meldingen.join(" "),
    ];
  };
  tables.push(lazyTable({
    name: "BZK_Woningen",
    caption: "Indeling per woning of regel",
    columns: [col("VHE", "text", 12), col("Bron (blad!rij)", "text", 18), col("Complex", "text", 12), col("Eigenaar", "text", 16), col("Gemeente", "text", 14), col("Aantal", "integer", 8), col("BAT", "text", 8), col("BZK-type", "text", 14), col("Nultreden", "text", 10), col("Geclusterd", "text", 10), col("Zorggeschikt", "text", 12), col("Zorgprofiel", "text", 10), col("Aanpassing", "text", 12), col("Reden", "text", 60), col("Waarschuwingen", "text", 50)],
  }, { length: result.dwellings.length, at: woningRow }));
  return {
    kind: "bzk-indeling",
    name: "BZK-indeling",
    title: "BZK-indeling van de woningvoorraad",
    notes: [
      sourceNote(result),
      "Woontypen volgens de BZK/VWS-definities van 21 september 2023. 'Hoogste type' telt elke woning één keer; 'minstens dit type' telt cumulatief (zorggeschikt ⊂ geclusterd ⊂ nultreden).",
      ...describeRules(result.rules),
    ],
    tables,
  };
}

function tekortSheet(result: AnalysisResult, options: SheetOptions): SheetModel {
  const step = options.afronden ?? result.rules.tekort.afronden ?? null;
  const constant = result.issues.find((i) => i.code === "aanbod-constant");
  const notes = [
    sourceNote(result),
    "Saldo = aanbod − vraag: negatief betekent een tekort. De kolom Tekort toont het tekort als positief getal.",
    "Per categorie: elk type apart. Cumulatief: 'minstens dit type' aan beide kanten. Na doorschuiven: hogere typen mogen lagere vraag huisvesten, nooit andersom; het tekort is de vraag die dan nog onvervuld blijft.",
    result.supplySource === "aanbodtabel" ? "Het aanbod komt uit de aanbodtabel van de werkmap." : result.supplySource === "voorraad" ? "Het aanbod is geteld uit de woningvoorraad (per woning ingedeeld)." : "Er is geen aanbod gevonden.",
  ];
  if (constant) notes.push(constant.message);
  notes.push(...plannenNotes(result));
  const watAls = watAlsText(result);
  if (watAls && result.tekort.length > 0) notes.push(`${watAls} Zie de tabel 'Wat-als tegenover de basis' onder de tekorttabel.`);
  if (step) notes.push(`Saldo en tekort zijn in dit blad afgerond op veelvouden van ${step}.`);
  if (result.tekort.length === 0) notes.push("Er is geen tekort berekend: zie het blad Controle.");
  const aggregate = aggregateWhatIfPart(result, step);
  notes.push(...aggregate.notes);
  return {
    kind: "tekort",
    name: "Tekort",
    title: "Tekort: aanbod tegenover vraag",
    notes,
    tables: [
      {
        name: "Tekort",
        caption: "Aanbod, vraag, saldo en tekort per lezing, categorie, jaar en scenario (woningen)",
        columns: [col("Lezing", "text", 16), col("Niveau", "text", 8), col("Groep", "text", 24), col("Categorie", "text", 14), col("Zorgprofiel", "text", 10), col("Jaar", "year", 8), col("Scenario", "text", 12), col("Gebied", "text", 14), col("Aanbod", "integer"), col("Vraag", "integer"), col("Saldo (aanbod − vraag)", "integer"), col("Tekort", "integer")],
        rows: result.tekort.map((t) => [t.lezing, t.niveau === "bzk" ? "BZK" : "BAT", t.groep, t.categorie, t.zorgprofiel, t.jaar, t.scenario, t.gebied, t.aanbod, t.vraag, roundTo(t.saldo, step), roundTo(t.tekort, step)]),
      },
      ...tekortExtraTables(result, step),
      ...aggregate.tables,
    ],
  };
}

function potentieelSheet(result: AnalysisResult): SheetModel {
  const rows: ModelValue[][] = result.adaptationTotals.map((t) => {
    const total = t.geschikt + t.potentieel + t.ongeschikt + t.onbekend;
    const pct = (n: number) => (total > 0 ? n / total : null);
    return [t.gebied ?? "(onbekend)", t.segment ?? "(onbekend)", t.geschikt, t.potentieel, t.ongeschikt, t.onbekend, total, pct(t.geschikt), pct(t.potentieel), pct(t.ongeschikt)];
  });
  return {
    kind: "aanpassingspotentieel",
    name: "Aanpassingspotentieel",
    title: "Aanpassingspotentieel van de voorraad voor ouderen",
    notes: [
      sourceNote(result),
      "Geschikt: al nultreden. Potentieel: met een lichte aanpassing nultreden te maken (traplift, slaapkamer en badkamer beneden, woning aan een lift). Ongeschikt: gestapeld zonder lift boven de begane grond. Onbekend: woningtype, bouwlaag of lift ontbreekt.",
      `Regels (eerste passende regel telt): ${result.rules.aanpassing.regels.map((r) => r.toelichting).join("; ")}.`,
      result.dwellings.length === 0
        ? result.cbs
          ? "Er is geen voorraad per woning of per groep gevonden; hieronder staat alleen de CBS-route."
          : "Er is geen voorraad per woning of per groep gevonden; het aanpassingspotentieel is niet bepaald."
        : `Totaal beoordeeld: ${nlInt(result.summary.eenheden)} woningen.`,
      ...potentieelNotes(result),
    ],
    tables: [
      {
        name: "Aanpassingspotentieel",
        caption: "Per gemeente en segment (woningen en aandeel)",
        columns: [col("Gemeente", "text", 16), col("Segment", "text", 16), col("Geschikt", "integer"), col("Potentieel", "integer"), col("Ongeschikt", "integer"), col("Onbekend", "integer"), col("Totaal", "integer"), col("% geschikt", "percent"), col("% potentieel", "percent"), col("% ongeschikt", "percent")],
        rows,
      },
      ...potentieelExtraTables(result),
    ],
  };
}

/** Appends the cross table's adaptation potential (report/kruistabel-potentieel.ts) to the
 * Aanpassingspotentieel sheet when it was read beside the stock. */
function withCrossAdaptation(sheet: SheetModel, result: AnalysisResult): SheetModel {
  if (!result.aanpassingKruistabel) return sheet;
  const part = crossAdaptationPart(result.aanpassingKruistabel);
  return { ...sheet, notes: [...sheet.notes, ...part.notes], tables: [...sheet.tables, ...part.tables] };
}

/** Appends the CBS route (notes and tables, report/cbs-sheet.ts) to the Aanpassingspotentieel
 * sheet when the analysis has one. */
function withCbsRoute(sheet: SheetModel, result: AnalysisResult): SheetModel {
  if (!result.cbs) return sheet;
  const part = cbsSheetPart(result.cbs);
  return { ...sheet, notes: [...sheet.notes, ...part.notes], tables: [...sheet.tables, ...part.tables] };
}

function controleSheet(result: AnalysisResult): SheetModel {
  const stock = result.stock;
  const read = stock?.rowsRead ?? 0;
  const rejected = stock?.rowsRejected ?? 0;
  const issues = [...result.issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const count = (sev: keyof typeof SEVERITY_ORDER) => issues.filter((i) => i.severity === sev).length;
  return {
    kind: "controle",
    name: "Controle",
    title: "Controle: balans en meldingen",
    notes: [
      `Balans: ${nlInt(read)} rijen gelezen = ${nlInt(result.dwellings.length)} ingedeeld + ${nlInt(rejected)} terzijde gelegd${read === result.dwellings.length + rejected ? "" : " (KLOPT NIET)"}.`,
      `Meldingen: ${count("fout")} fout, ${count("waarschuwing")} waarschuwing, ${count("info")} info. Elke terzijde gelegde rij staat hieronder met blad en cel.`,
    ],
    tables: [
      {
        name: "Controle_Balans",
        caption: "Balans van de voorraadtabel",
        columns: [col("Onderdeel", "text", 34), col("Aantal", "integer")],
        rows: [
          ["Rijen gelezen", read],
          ["Rijen ingedeeld", result.dwellings.length],
          ["Rijen terzijde gelegd", rejected],
          ["Woningen (som van aantal)", result.summary.eenheden],
        ],
      },
      {
        name: "Controle_Bladen",
        caption: "Bladen in de werkmap",
        columns: [col("Blad", "text", 24), col("Herkend als", "text", 14), col("Gebruikt", "text", 10), col("Toelichting", "text", 70)],
        rows: result.tables.map((t) => [t.sheet, t.kind, jaNee(t.used), t.reden]),
      },
      {
        name: "Controle_Meldingen",
        caption: "Meldingen",
        columns: [col("Ernst", "text", 12), col("Blad", "text", 20), col("Cel", "text", 8), col("Melding", "text", 90), col("Code", "text", 20)],
        rows: issues.map((i) => [i.severity, i.sheet, i.cell, i.message, i.code]),
      },
    ],
  };
}
