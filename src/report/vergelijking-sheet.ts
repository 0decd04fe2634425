/**
 * The Vergelijking sheet (issue 10): published saldo / tekort / opgave tables recomputed from
 * the workbook's demand and supply, one row per published figure with its status and most
 * likely cause. Present only when the workbook holds such a table. Pure.
 */
import type { AnalysisResult } from "../pipeline";
import { groepNaam, oorzaakKort, TEKEN_LABELS, type VergelijkingStatus } from "../domain/vergelijking";
import type { ColumnSpec, ModelValue, SheetModel } from "./sheet-model";
import { nlInt } from "./format";

const col = (header: string, kind: ColumnSpec["kind"], width?: number): ColumnSpec => ({ header, kind, width });

/** Dutch status words as shown in the sheet. */
export const STATUS_LABELS: Readonly<Record<VergelijkingStatus, string>> = {
  gelijk: "gelijk",
  afronding: "afronding",
  "wijkt-af": "wijkt af",
  "niet-na-te-rekenen": "niet na te rekenen",
};

/**
 * The Vergelijking sheet, or null when the analysis compared nothing.
 * @returns notes per published table (sign convention, rounding, counts, the differences
 *   grouped by cause) and the table `Vergelijking_Saldo`, one row per published figure
 *   (dwellings, in the published table's sign convention).
 */
export function vergelijkingSheet(result: AnalysisResult): SheetModel | null {
  if (result.vergelijking.length === 0) return null;
  const notes: string[] = [
    "Gepubliceerde saldo-, tekort- of opgavetabellen uit deze werkmap, nagerekend met de vraag en het aanbod uit dezelfde werkmap (lezing 'per categorie', zoals op het blad Tekort). " +
      "Zo'n tabel wordt nooit als vraag gelezen.",
    "Status: gelijk; afronding (verschil binnen de afronding); wijkt af (met de meest waarschijnlijke oorzaak: de vergissing die het gepubliceerde getal precies oplevert); niet na te rekenen (geen vraag en aanbod voor die groep in de werkmap).",
  ];
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
  return {
    kind: "vergelijking",
    name: "Vergelijking",
    title: "Vergelijking: gepubliceerde cijfers nagerekend",
    notes,
    tables: [
      {
        name: "Vergelijking_Saldo",
        caption: "Per gepubliceerd getal: nagerekend saldo, verschil, status en oorzaak (woningen, in het teken van de gepubliceerde tabel)",
        columns: [
          col("Blad", "text", 18), col("Cel", "text", 6), col("Groep (scenario)", "text", 28), col("Rij", "text", 30), col("Jaar", "year", 8),
          col("Gepubliceerd", "integer"), col("Nagerekend", "integer"), col("Verschil", "integer"), col("Status", "text", 16),
          col("Oorzaak", "text", 30), col("Toelichting", "text", 90), col("Berekening", "text", 40),
        ],
        rows,
      },
    ],
  };
}
