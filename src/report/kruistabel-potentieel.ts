/**
 * The adaptation potential of a cross table woningtype × huurklasse read beside a stock with BAT
 * scores (domain/potentieel-kruistabel.ts) on the Aanpassingspotentieel sheet: notes that say
 * where each figure comes from, and one table per woningtype. Pure.
 */
import type { CrossTableAdaptation } from "../domain/potentieel-kruistabel";
import type { ColumnSpec, TableModel } from "./sheet-model";
import { nlInt } from "./format";

const col = (header: string, kind: ColumnSpec["kind"], width?: number): ColumnSpec => ({ header, kind, width });

/**
 * Notes and the table `Aanpassing_Kruistabel` (woningtype, woningen, uitkomst, share of the
 * cross table as a fraction 0..1, reden) for the Aanpassingspotentieel sheet.
 * @param k the cross table's adaptation as computed; the notes are Dutch.
 */
export function crossAdaptationPart(k: CrossTableAdaptation): { notes: string[]; tables: TableModel[] } {
  const t = k.totaal;
  const notes = [
    `Aanpassingspotentieel naar woningtype uit de kruistabel op blad '${k.sheet}' (${nlInt(k.woningen)} woningen): ` +
      `potentieel ${nlInt(t.potentieel)}, ongeschikt ${nlInt(t.ongeschikt)}, onbekend ${nlInt(t.onbekend)}. ` +
      `De voorraad op blad '${k.voorraadSheet}' (${nlInt(k.voorraadWoningen)} woningen) heeft geen kolom woningtype; ` +
      "daarom staat haar aanpassingspotentieel hierboven grotendeels als onbekend, en staat dat van de kruistabel hieronder apart.",
    "De kruistabel heeft geen BAT-scores: welke van haar woningen al geschikt (nultreden) zijn, is niet bekend, dus een deel van " +
      "'potentieel' en 'ongeschikt' kan al geschikt zijn. De twee tabellen tellen dezelfde voorraad op hun eigen manier; " +
      "ze worden niet opgeteld en niet per woning gekoppeld.",
  ];
  return {
    notes,
    tables: [{
      name: "Aanpassing_Kruistabel",
      caption: `Aanpassingspotentieel per woningtype uit de kruistabel '${k.sheet}' (woningen)`,
      columns: [col("Woningtype", "text", 24), col("Woningen", "integer"), col("Uitkomst", "text", 12), col("Aandeel", "percent"), col("Reden", "text", 70)],
      rows: k.perWoningtype.map((w) => [w.woningtype, w.woningen, w.aanpassing, k.woningen > 0 ? w.woningen / k.woningen : null, w.reden]),
    }],
  };
}
