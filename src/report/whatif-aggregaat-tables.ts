/**
 * The aggregate what-if (domain/whatif-aggregaat.ts) on the Tekort sheet: notes and two tables,
 * the adapted dwellings per gemeente and part, and the tekort beside the baseline with the two
 * variants (adapted = nultreden; the vision's assumption: adapted = also geclusterd). Pure.
 */
import type { AnalysisResult } from "../analysis/result";
import { deelNaam } from "../domain/cbs";
import type { ColumnSpec, TableModel } from "./sheet-model";
import { roundTo } from "./format";

const col = (header: string, kind: ColumnSpec["kind"], width?: number): ColumnSpec => ({ header, kind, width });

/**
 * Notes and tables of the aggregate what-if, or none when the analysis has no such scenario.
 * @param step rounding of tekort figures, as on the rest of the Tekort sheet.
 */
export function aggregateWhatIfPart(result: AnalysisResult, step: number | null): { notes: string[]; tables: TableModel[] } {
  const w = result.watAlsAggregaat;
  if (!w) return { notes: [], tables: [] };
  const tables: TableModel[] = [
    {
      name: "WatAls_CBS_Aanpassing",
      caption: "Wat-als op de CBS-route: potentieel geschikte woningen en hoeveel er worden aangepast, per gemeente en deel (woningen)",
      columns: [col("Gemeente", "text", 18), col("Deel", "text", 26), col("Potentieel", "integer"), col("% aangepast", "number"), col("Aangepast", "integer")],
      rows: [
        ...w.aanpassing.map((a) => [a.gemeente, deelNaam(a.deel), a.potentieel, a.percentage, a.aangepast]),
        ["Totaal", null, w.totaal.potentieel, null, w.totaal.aangepast],
      ],
    },
  ];
  if (w.tekort.length > 0) {
    tables.push({
      name: "WatAls_CBS_Tekort",
      caption: "Wat-als op de CBS-route: tekort in de basis, met de aangepaste woningen als nultreden, en als ze ook geclusterd worden (aanname van de visie)",
      columns: [
        col("Lezing", "text", 16), col("Groep", "text", 18), col("Categorie", "text", 14), col("Zorgprofiel", "text", 10), col("Jaar", "year", 8),
        col("Scenario", "text", 12), col("Vraag", "integer"), col("Aanbod basis", "integer"), col("Tekort basis", "integer"),
        col("Aanbod wat-als (nultreden)", "integer"), col("Tekort wat-als (nultreden)", "integer"),
        col("Aanbod als ook geclusterd", "integer"), col("Tekort als ook geclusterd", "integer"),
      ],
      rows: w.tekort.map((t) => [
        t.lezing, t.groep, t.categorie, t.zorgprofiel, t.jaar, t.scenario, t.vraag, t.basisAanbod, roundTo(t.basisTekort, step),
        t.aanbod, roundTo(t.tekort, step), t.aanbodAlsGeclusterd, roundTo(t.tekortAlsGeclusterd, step),
      ]),
    });
  }
  return { notes: [...w.toelichting], tables };
}
