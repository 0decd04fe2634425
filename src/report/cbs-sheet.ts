/**
 * The CBS route on the Aanpassingspotentieel sheet: notes (assumptions, what was subtracted, the
 * region as published) and two tables, per gemeente and per gemeente × part. Pure.
 */
import { deelNaam, type AdaptationCounts, type CbsRoute } from "../domain/cbs";
import type { ColumnSpec, ModelValue, TableModel } from "./sheet-model";
import { nlInt, nlPct } from "./format";

const col = (header: string, kind: ColumnSpec["kind"], width?: number): ColumnSpec => ({ header, kind, width });

/** Shares of geschikt / potentieel / ongeschikt in `n` dwellings (fractions; null when n = 0). */
function shares(c: AdaptationCounts, n: number): ModelValue[] {
  return [c.geschikt, c.potentieel, c.ongeschikt].map((x) => (n > 0 ? x / n : null));
}

/**
 * Notes and tables of the CBS route for the Aanpassingspotentieel sheet.
 *
 * @param cbs the route as computed by `computeCbsRoute`.
 * @returns Dutch note lines and two table models (names `Aanpassing_CBS_Gemeente` and
 *   `Aanpassing_CBS_Delen`); percentages as fractions 0..1 for the "percent" columns.
 */
export function cbsSheetPart(cbs: CbsRoute): { notes: string[]; tables: TableModel[] } {
  const t = cbs.totaal;
  const notes = [...cbs.aannames];
  notes.push(
    t.batVoorraad > 0
      ? `Afgetrokken van de CBS-voorraad: ${nlInt(t.afgetrokken)} woningen uit de BAT-voorraad (per gemeente in de kolom 'Afgetrokken van CBS').`
      : "Afgetrokken van de CBS-voorraad: niets (geen BAT-voorraad met gemeente).",
  );
  if (cbs.regio) {
    const r = cbs.regio;
    notes.push(
      `Ter controle: met de percentages van de regio (${r.naam}: ${nlInt(r.percentages.potentieel)}% potentieel) zijn ${nlInt(r.potentieel)} van de ${nlInt(r.woningen)} woningen potentieel geschikt; ` +
        `per gemeente en deel opgeteld zijn het er ${nlInt(t.potentieel)} (${t.woningen > 0 ? nlPct(t.potentieel / t.woningen) : "0%"}).`,
    );
  }

  const gemeenteRows: ModelValue[][] = cbs.gemeenten.map((g) => [
    g.gemeente, g.jaar, g.cbsTotaal, g.batVoorraad, g.afgetrokken, g.woningen, g.geschikt, g.potentieel, g.ongeschikt, g.onbekend,
    ...shares(g, g.woningen), `CBS: ${g.bron}`,
  ]);
  gemeenteRows.push(["Totaal", cbs.jaar, t.cbsTotaal, t.batVoorraad, t.afgetrokken, t.woningen, t.geschikt, t.potentieel, t.ongeschikt, t.onbekend, ...shares(t, t.woningen), "som van de gemeenten"]);

  const delenRows: ModelValue[][] = [];
  for (const g of cbs.gemeenten) {
    for (const d of g.delen) {
      const p = d.percentages;
      delenRows.push([
        g.gemeente, deelNaam(d.deel), d.bron === "bat" ? "BAT" : "CBS", d.cbsVoorraad, d.afgetrokken, d.woningen, d.geschikt, d.potentieel, d.ongeschikt, d.onbekend,
        p ? p.geschikt / 100 : null, p ? p.potentieel / 100 : null, p ? p.ongeschikt / 100 : null, d.bronTekst,
      ]);
    }
  }

  return {
    notes,
    tables: [
      {
        name: "Aanpassing_CBS_Gemeente",
        caption: "CBS-route per gemeente: corporaties (BAT) en de overige voorraad (CBS × percentages), in woningen en aandeel",
        columns: [
          col("Gemeente", "text", 18), col("Peiljaar CBS", "year", 10), col("CBS-voorraad", "integer"), col("BAT-voorraad corporaties", "integer"),
          col("Afgetrokken van CBS", "integer"), col("Woningen", "integer"), col("Geschikt", "integer"), col("Potentieel", "integer"),
          col("Ongeschikt", "integer"), col("Onbekend", "integer"), col("% geschikt", "percent"), col("% potentieel", "percent"),
          col("% ongeschikt", "percent"), col("Bron", "text", 40),
        ],
        rows: gemeenteRows,
      },
      {
        name: "Aanpassing_CBS_Delen",
        caption: "CBS-route per gemeente en deel: CBS-voorraad, aftrek van de BAT-voorraad en de gepubliceerde percentages (herschaald naar samen 100 toegepast)",
        columns: [
          col("Gemeente", "text", 18), col("Deel", "text", 26), col("Bron", "text", 6), col("CBS-voorraad", "integer"), col("Afgetrokken (BAT)", "integer"),
          col("Woningen", "integer"), col("Geschikt", "integer"), col("Potentieel", "integer"), col("Ongeschikt", "integer"), col("Onbekend", "integer"),
          col("% geschikt (gepubliceerd)", "percent"), col("% potentieel (gepubliceerd)", "percent"), col("% ongeschikt (gepubliceerd)", "percent"),
          col("Percentages of cijfers uit", "text", 60),
        ],
        rows: delenRows,
      },
    ],
  };
}
