/**
 * The Vergelijking sheet (issue 10): published saldo / tekort / opgave tables recomputed from
 * the workbook's demand and supply, one row per published figure with its status and most
 * likely cause. Present only when the workbook holds such a table. Pure.
 */
import type { AnalysisResult } from "../analysis/result";
import { groepNaam, oorzaakKort, TEKEN_LABELS, type VergelijkingStatus } from "../domain/vergelijking";
import type { KruisStatus } from "../domain/kruiscontrole";
import { PLAN_EFFECT, signedCount, type PlanListSummary } from "../domain/plannen-lijst";
import type { ColumnSpec, ModelValue, SheetModel, TableModel } from "./sheet-model";
import { nlInt } from "./format";

const col = (header: string, kind: ColumnSpec["kind"], width?: number): ColumnSpec => ({ header, kind, width });

/** Dutch status words as shown in the sheet. */
export const STATUS_LABELS: Readonly<Record<VergelijkingStatus, string>> = {
  gelijk: "gelijk",
  afronding: "afronding",
  "wijkt-af": "wijkt af",
  "niet-na-te-rekenen": "niet na te rekenen",
};

/** Dutch status words of the cross-table checks. */
export const KRUIS_STATUS_LABELS: Readonly<Record<KruisStatus, string>> = {
  klopt: "klopt",
  afronding: "afronding",
  "wijkt-af": "wijkt af",
  "niet-te-controleren": "niet te controleren",
};

/**
 * The Vergelijking sheet, or null when the analysis compared nothing.
 * @returns notes per published table (sign convention, rounding, counts, the differences
 *   grouped by cause) and the table `Vergelijking_Saldo`, one row per published figure
 *   (dwellings, in the published table's sign convention).
 */
export function vergelijkingSheet(result: AnalysisResult): SheetModel | null {
  if (result.vergelijking.length === 0 && result.kruiscontroles.length === 0 && result.plannenZonderKlasse.length === 0) return null;
  // The notes on recomputing published saldo tables only where there are such tables (a sheet with
  // only cross-table checks or a list of plans would otherwise explain what it does not hold).
  const notes: string[] = result.vergelijking.length === 0 ? [] : [
    "Gepubliceerde saldo-, tekort- of opgavetabellen uit deze werkmap, nagerekend met de vraag en het aanbod uit dezelfde werkmap (lezing 'per categorie', zoals op het blad Tekort). " +
      "Zo'n tabel wordt nooit als vraag gelezen.",
    "Status: gelijk; afronding (verschil binnen de afronding); wijkt af (met de meest waarschijnlijke oorzaak: de vergissing die het gepubliceerde getal precies oplevert); niet na te rekenen (geen vraag en aanbod voor die groep in de werkmap).",
  ];
  const step = result.rules.tekort.afronden ?? null;
  if (step && result.vergelijking.length > 0) notes.push(`Niet afgerond: de nagerekende cijfers zijn exact (het blad Tekort rondt af op ${step}), zodat elk verschil zichtbaar blijft.`);
  const rows: ModelValue[][] = [];
  for (const v of result.vergelijking) {
    const t = v.telling;
    notes.push(
      `Blad '${v.sheet}': ${TEKEN_LABELS[v.teken]} (volgens ${v.tekenBron})${v.afgerondOp5 ? ", afgerond op 5" : ""}. ` +
        `${nlInt(t.gelijk)} gelijk, ${nlInt(t.afronding)} afronding, ${nlInt(t["wijkt-af"])} wijken af, ${nlInt(t["niet-na-te-rekenen"])} niet na te rekenen.`,
    );
    notes.push(...v.samenvatting.map((s) => `  ${s}`));
    for (const c of v.cellen) {
      rows.push([
        c.sheet, c.cell, groepNaam(c.groep, c.scenario), c.label, c.jaar, c.gepubliceerd, c.herberekend, c.verschil, STATUS_LABELS[c.status],
        c.oorzaken.map(oorzaakKort).join("; ") || null, c.toelichting || null, c.berekening || null,
      ]);
    }
  }
  const tables: TableModel[] = [];
  if (rows.length > 0) {
    tables.push({
      name: "Vergelijking_Saldo",
      caption: "Per gepubliceerd getal: nagerekend saldo, verschil, status en oorzaak (woningen, in het teken van de gepubliceerde tabel)",
      columns: [
        col("Blad", "text", 18), col("Cel", "text", 6), col("Groep (scenario)", "text", 28), col("Rij", "text", 30), col("Jaar", "year", 8),
        col("Gepubliceerd", "integer"), col("Nagerekend", "integer"), col("Verschil", "integer"), col("Status", "text", 16),
        col("Oorzaak", "text", 30), col("Toelichting", "text", 90), col("Berekening", "text", 40),
      ],
      rows,
    });
  }
  const k = result.kruiscontroles;
  if (k.length > 0) {
    const off = k.filter((c) => c.status === "wijkt-af").length;
    notes.push(`Controles tussen tabellen en geciteerde cijfers: ${nlInt(k.length)}, waarvan ${nlInt(off)} niet kloppen (tabel 'Controles tussen tabellen').`);
    tables.push({
      name: "Vergelijking_Controles",
      caption: "Controles tussen tabellen en geciteerde cijfers (woningen of procenten)",
      columns: [
        col("Controle", "text", 60), col("Blad", "text", 18), col("Cel", "text", 6), col("Gepubliceerd", "number"), col("Berekend", "number"),
        col("Verschil", "number"), col("Eenheid", "text", 9), col("Status", "text", 18), col("Toelichting", "text", 100),
      ],
      rows: k.map((c) => [c.onderwerp, c.sheet, c.cell, c.gepubliceerd, c.berekend, c.verschil, c.eenheid, KRUIS_STATUS_LABELS[c.status], c.toelichting]),
    });
  }
  const plans = result.plannenZonderKlasse;
  if (plans.length > 0) {
    for (const p of plans) notes.push(planListNote(p));
    notes.push(`  ${plans[0].toelichting}`);
    tables.push(planListTable(plans));
  }
  return {
    kind: "vergelijking",
    name: "Vergelijking",
    title: "Vergelijking: gepubliceerde cijfers gecontroleerd",
    notes,
    tables,
  };
}

/** "Gepubliceerde plannen op blad 'Plannen' (2021–2025): netto +127 woningen (515 − 478 + 125 − 35 = +127); renovatie 332 woningen, apart." */
function planListNote(p: PlanListSummary): string {
  const periode = p.periode ? ` (${p.periode.van}\u2013${p.periode.tot})` : " (zonder periode)";
  const t = p.tabel;
  const tabel = t === null ? "" : t.verschillen.length === 0
    ? ` De geplande wijzigingen op blad '${t.sheet}' (die het tekort gebruikt) komen per soort overeen met de lijst.`
    : ` De geplande wijzigingen op blad '${t.sheet}' (die het tekort gebruikt) wijken af: ${t.verschillen.join("; ")}.`;
  return `Gepubliceerde plannen zonder BAT-klasse of woontype op blad '${p.sheet}'${periode}: netto ${signedCount(p.netto)} woningen (${p.berekening})` +
    (p.renovatie > 0 ? `; renovatie ${nlInt(p.renovatie)} woningen, apart (verandert het aantal niet).` : ".") + tabel;
}

/**
 * The table `Vergelijking_Plannen`: per line of a published list of plans its kind, dwellings and
 * change in the number of dwellings (+ for nieuwbouw and aankoop, − for sloop and verkoop, empty for
 * renovatie), then per list the net change; with a planned-changes table in the workbook, the
 * table's total for the same kind (and net change) beside it.
 */
function planListTable(plans: readonly PlanListSummary[]): TableModel {
  const rows: ModelValue[][] = [];
  for (const p of plans) {
    const periode = p.periode ? `${p.periode.van}\u2013${p.periode.tot}` : null;
    for (const i of p.items) {
      const effect = PLAN_EFFECT[i.soort];
      rows.push([
        i.sheet, i.cell, periode, i.regel, i.soort, i.aantal, effect === "geen" ? null : effect === "erbij" ? i.aantal : -i.aantal,
        p.tabel ? p.tabel.perSoort[i.soort] : null, effect === "geen" ? "verandert het aantal woningen niet (apart)" : null,
      ]);
    }
    rows.push([p.sheet, null, periode, "Netto verandering van het aantal woningen", null, null, p.netto, p.tabel ? p.tabel.netto : null, p.berekening]);
  }
  return {
    name: "Vergelijking_Plannen",
    caption: "Gepubliceerde plannen zonder BAT-klasse of woontype: verandering van het aantal woningen (niet in het tekort)",
    columns: [
      col("Blad", "text", 18), col("Cel", "text", 6), col("Periode", "text", 11), col("Regel zoals gedrukt", "text", 30), col("Soort", "text", 12),
      col("Woningen", "integer"), col("Verandering aantal", "integer"), col("In de tabel met wijzigingen", "integer"), col("Toelichting", "text", 60),
    ],
    rows,
  };
}
