/**
 * The result tables of issue 6, added to the Tekort and Aanpassingspotentieel sheets after their
 * first table (the adapters draw each sheet's first chart from its first table, so that stays
 * first): planned changes and supply per year, the what-if scenario beside the baseline, clustering
 * and care potential per complex, what each what-if lever did (down to the adapted dwellings), and
 * the two small tables the Office.js adapter draws its other charts from (tekort per type and year,
 * baseline and scenario; adaptation potential per gemeente), named in sheet-model.ts `CHART_TABLES`.
 * Pure; Dutch headers and notes.
 */
import type { AnalysisResult } from "../analysis/result";
import { describeChange, summariseChanges } from "../domain/plannen";
import { SEGMENT_ONBEKEND } from "../domain/types";
import { formatLijst } from "../domain/format";
import { CHART_TABLES, type ColumnSpec, type ModelValue, type TableModel } from "./sheet-model";
import { nlInt, roundTo } from "./format";

const col = (header: string, kind: ColumnSpec["kind"], width?: number): ColumnSpec => ({ header, kind, width });

/** Lezing shown in the tekort chart: "minstens dit type" at both sides, which adapting never raises. */
const CHART_LEZING = "cumulatief";

/**
 * The data of the tekort chart: for the first demand set of the what-if table (niveau, groep,
 * scenario, gebied, in table order), the cumulatief tekort per woontype and year, baseline and
 * scenario, ordered by woontype (as in the table) and then by year. Null without such rows.
 */
export function tekortChartTable(result: AnalysisResult, step: number | null): TableModel | null {
  const w = result.watAls;
  const rows = (w?.tekort ?? []).filter((t) => t.lezing === CHART_LEZING);
  if (rows.length === 0) return null;
  const first = rows[0];
  const set = rows.filter((t) => t.niveau === first.niveau && t.groep === first.groep && t.scenario === first.scenario && t.gebied === first.gebied);
  const label = (t: (typeof set)[number]) => (t.zorgprofiel ? `${t.categorie} (${t.zorgprofiel})` : t.categorie);
  const order = [...new Set(set.map(label))];
  const sorted = [...set].sort((a, b) => order.indexOf(label(a)) - order.indexOf(label(b)) || a.jaar - b.jaar);
  const what = [first.groep, first.scenario ? `scenario ${first.scenario}` : null, first.gebied].filter((x): x is string => !!x);
  return {
    name: CHART_TABLES.tekort,
    caption: `Voor de grafiek: tekort ${CHART_LEZING} per woontype en jaar, basis en wat-als (woningen${what.length ? `; ${what.join(", ")}` : ""})`,
    columns: [col("Woontype", "text", 18), col("Jaar", "year", 8), col("Tekort basis", "integer"), col("Tekort wat-als", "integer")],
    rows: sorted.map((t) => [label(t), t.jaar, t.basisTekort === null ? null : roundTo(t.basisTekort, step), roundTo(t.tekort, step)]),
  };
}

/** Adaptation potential per gemeente of the stock (the segments summed); null without dwellings. */
export function potentieelPerGemeente(result: AnalysisResult): TableModel | null {
  if (result.dwellings.length === 0) return null;
  const per = new Map<string, { geschikt: number; potentieel: number; ongeschikt: number; onbekend: number }>();
  for (const t of result.adaptationTotals) {
    const key = t.gebied ?? "(onbekend)";
    const p = per.get(key) ?? { geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 0 };
    p.geschikt += t.geschikt;
    p.potentieel += t.potentieel;
    p.ongeschikt += t.ongeschikt;
    p.onbekend += t.onbekend;
    per.set(key, p);
  }
  return {
    name: CHART_TABLES.gemeente,
    caption: "Per gemeente (woningen, alle segmenten samen)",
    columns: [col("Gemeente", "text", 16), col("Geschikt", "integer"), col("Potentieel", "integer"), col("Ongeschikt", "integer"), col("Onbekend", "integer"), col("Totaal", "integer")],
    rows: [...per.entries()].map(([g, p]) => [g, p.geschikt, p.potentieel, p.ongeschikt, p.onbekend, p.geschikt + p.potentieel + p.ongeschikt + p.onbekend]),
  };
}

/** Dutch note lines on the planned changes: which were assumed, or that supply is constant. */
export function plannenNotes(result: AnalysisResult): string[] {
  if (result.plannen.length === 0) return [];
  const sheet = result.plannen[0].sheet;
  return [
    `Geplande wijzigingen (blad '${sheet}'): ${summariseChanges(result.plannen)}. Aanbod in een jaar = aanbod nu + de wijzigingen tot en met dat jaar.`,
    "Aanname bij wijzigingen met alleen een BAT-klasse: op BZK-niveau nultreden vanaf de nultredengrens, anders regulier (geclusterd en zorggeschikt vragen complexgegevens). Renovatie zonder 'van'-klasse start in de laagste klasse.",
  ];
}

/** Dutch description of the what-if parameters. */
export function watAlsText(result: AnalysisResult): string | null {
  const w = result.watAls;
  if (w === null) return null;
  const p = w.parameters;
  const seg = Object.entries(p.aanpassenPerSegment).map(([k, v]) => `${k} ${v}%`);
  const parts = [
    `${p.aanpassenPercentage}% van de potentieel geschikte woningen aangepast${seg.length ? ` (per segment: ${seg.join(", ")})` : ""}`,
    `${p.ontmoetingsruimten} ontmoetingsruimte${p.ontmoetingsruimten === 1 ? "" : "n"} erbij`,
    `Wlz-zorg in ${p.wlzComplexen} complex${p.wlzComplexen === 1 ? "" : "en"}`,
    p.plannen ? "met de geplande wijzigingen" : "zonder de geplande wijzigingen",
  ];
  const bron = w.bron.soort === "kruistabel"
    ? ` De potentieel geschikte woningen zijn geschat met het aandeel uit de kruistabel op blad '${w.bron.sheet}' (${nlInt(w.bron.potentieel)} woningen).`
    : "";
  return `Wat-als: ${formatLijst(parts)}.${bron}`;
}

/** Tables added to the Tekort sheet: scenario vs baseline, supply per year, the planned changes. */
export function tekortExtraTables(result: AnalysisResult, step: number | null): TableModel[] {
  const out: TableModel[] = [];
  const w = result.watAls;
  if (w !== null && w.tekort.length > 0) {
    out.push({
      name: "Tekort_WatAls",
      caption: `Wat-als tegenover de basis: tekort per lezing, categorie, jaar en scenario (woningen). ${watAlsText(result) ?? ""}`,
      columns: [
        col("Lezing", "text", 16), col("Niveau", "text", 8), col("Groep", "text", 20), col("Categorie", "text", 14), col("Zorgprofiel", "text", 10),
        col("Jaar", "year", 8), col("Scenario", "text", 12), col("Gebied", "text", 14), col("Vraag", "integer"),
        col("Aanbod basis", "integer"), col("Aanbod wat-als", "integer"), col("Tekort basis", "integer"), col("Tekort wat-als", "integer"), col("Verschil tekort", "integer"),
      ],
      rows: w.tekort.map((t) => [
        t.lezing, t.niveau === "bzk" ? "BZK" : "BAT", t.groep, t.categorie, t.zorgprofiel, t.jaar, t.scenario, t.gebied, t.vraag,
        t.basisAanbod, t.aanbod, t.basisTekort === null ? null : roundTo(t.basisTekort, step), roundTo(t.tekort, step),
        t.verschilTekort === null ? null : roundTo(t.tekort, step) - roundTo(t.basisTekort ?? 0, step),
      ]),
    });
  }
  if (result.aanbodPerJaar.length > 0) {
    out.push({
      name: "Tekort_AanbodPerJaar",
      caption: "Aanbod per jaar met de geplande wijzigingen (woningen)",
      columns: [col("Jaar", "year", 8), col("Niveau", "text", 8), col("Categorie", "text", 14), col("Zorgprofiel", "text", 10), col("Aanbod", "integer")],
      rows: result.aanbodPerJaar.map((p) => [p.jaar, p.niveau === "bzk" ? "BZK" : "BAT", p.categorie, p.zorgprofiel, p.aanbod]),
    });
  }
  if (result.plannen.length > 0) {
    out.push({
      name: "Tekort_Plannen",
      caption: "Geplande wijzigingen zoals gelezen",
      columns: [col("Jaar", "year", 8), col("Soort", "text", 12), col("Aantal", "integer"), col("BAT", "integer", 6), col("Van BAT", "integer", 8), col("Woontype", "text", 14), col("Gebied", "text", 14), col("Omschrijving", "text", 60), col("Bron (blad!cel)", "text", 20)],
      rows: result.plannen.map((c) => [c.jaar, c.soort, c.aantal, c.bat, c.vanBat, c.bzk, c.gebied, describeChange(c, result.batScale), `${c.sheet}!${c.cell}`]),
    });
  }
  // Last on the sheet: the chart beside it covers no other table.
  const chart = tekortChartTable(result, step);
  if (chart) out.push(chart);
  return out;
}

/** Note lines for the Aanpassingspotentieel sheet about clustering, care and what-if. */
export function potentieelNotes(result: AnalysisResult): string[] {
  if (result.dwellings.length === 0) return [];
  const m = result.rules.clusteringspotentieel;
  const lines = [
    `Clusteringspotentieel: complexen die aan alle criteria voor geclusterd voldoen op één na (ontmoetingsruimte, hoogstens ${m.woningenMarge} woningen te weinig, hoogstens ${Math.round(m.aandeel55plusMarge * 100)} procentpunt te weinig 55-plussers${m.onbekendMeetellen ? ", of dat gegeven is onbekend" : ""}), met het aantal woningen dat dan geclusterd wordt.`,
    "Zorgpotentieel: geclusterde complexen zonder Wlz-zorg met rollator- of rolstoelgeschikte woningen; het aantal woningen dat met Wlz-zorg zorggeschikt wordt.",
  ];
  const t = watAlsText(result);
  if (result.watAls?.bron.soort === "kruistabel") lines.push(result.watAls.bron.toelichting);
  if (t) {
    lines.push(
      `${t} Aangepaste woningen krijgen de BAT-klasse van de nultredengrens en worden opnieuw ingedeeld; eerst de woningen die daardoor geclusterd of zorggeschikt worden, dan in de volgorde van de voorraadtabel. Ontmoetingsruimten en Wlz-zorg gaan naar de bovenste complexen van de lijsten hieronder (alleen waar het gegeven bekend ontbreekt).`,
    );
  }
  return lines;
}

/** Tables added to the Aanpassingspotentieel sheet. */
export function potentieelExtraTables(result: AnalysisResult): TableModel[] {
  const perGemeente = potentieelPerGemeente(result);
  if (perGemeente === null) return [];
  const out: TableModel[] = [
    perGemeente,
    {
      name: "Potentieel_Clustering",
      caption: "Clusteringspotentieel per complex (woningen), de grootste winst eerst",
      columns: [
        col("Rang", "integer", 6), col("Complex", "text", 14), col("Eigenaar", "text", 16), col("Gemeente", "text", 14), col("Ontbreekt", "text", 44),
        col("Soort", "text", 10), col("Oplossing", "text", 50), col("Woningen in complex", "integer"), col("Erbij geclusterd", "integer"), col("Waarvan zorggeschikt", "integer"),
      ],
      rows: result.clustering.map((c, i) => [i + 1, c.complex, c.eigenaar, c.gemeente, c.ontbreekt, c.soort, c.oplossing, c.woningen, c.erbijGeclusterd, c.erbijZorggeschikt]),
    },
    {
      name: "Potentieel_Zorg",
      caption: "Zorgpotentieel per complex (woningen), de grootste winst eerst",
      columns: [col("Rang", "integer", 6), col("Complex", "text", 14), col("Eigenaar", "text", 16), col("Gemeente", "text", 14), col("Ontbreekt", "text", 30), col("Soort", "text", 10), col("Geclusterd nu", "integer"), col("Erbij zorggeschikt", "integer")],
      rows: result.zorgpotentieel.map((c, i) => [i + 1, c.complex, c.eigenaar, c.gemeente, c.ontbreekt, c.soort, c.geclusterd, c.erbijZorggeschikt]),
    },
  ];
  const w = result.watAls;
  if (w === null) return out;
  out.push({
    name: "WatAls_Aanpassing",
    caption: "Wat-als: aangepaste woningen per segment en wat ze worden",
    columns: [col("Segment", "text", 16), col("Percentage", "number", 10), col("Potentieel", "integer"), col("Aangepast", "integer"), col("Wordt nultreden", "integer"), col("Wordt geclusterd", "integer"), col("Wordt zorggeschikt", "integer")],
    rows: w.aanpassing.map((s) => [s.segment ?? SEGMENT_ONBEKEND, s.percentage, s.potentieel, s.aangepast, s.naarNultreden, s.naarGeclusterd, s.naarZorggeschikt]),
  });
  out.push({
    name: "WatAls_Complexen",
    caption: "Wat-als: complexen met een ontmoetingsruimte of Wlz-zorg erbij",
    columns: [col("Maatregel", "text", 18), col("Complex", "text", 14), col("Eigenaar", "text", 16), col("Gemeente", "text", 14), col("Erbij geclusterd", "integer"), col("Erbij zorggeschikt", "integer")],
    rows: [
      ...w.ontmoetingsruimten.map((c): ModelValue[] => ["ontmoetingsruimte", c.complex, c.eigenaar, c.gemeente, c.erbijGeclusterd, c.erbijZorggeschikt]),
      ...w.wlz.map((c): ModelValue[] => ["Wlz-zorg", c.complex, c.eigenaar, c.gemeente, c.erbijGeclusterd, c.erbijZorggeschikt]),
    ],
  });
  const b = w.aanbod.basis;
  const s = w.aanbod.scenario;
  out.push({
    name: "WatAls_Aanbod",
    caption: "Wat-als: aanbod nu per BZK-type, basis tegenover wat-als (woningen, zonder geplande wijzigingen)",
    columns: [col("BZK-type", "text", 16), col("Basis (exclusief)", "integer"), col("Wat-als (exclusief)", "integer"), col("Basis (cumulatief)", "integer"), col("Wat-als (cumulatief)", "integer")],
    rows: [
      ["regulier", b.perBzk.regulier, s.perBzk.regulier, b.eenheden - b.perBzk.onbekend, s.eenheden - s.perBzk.onbekend],
      ["nultreden", b.perBzk.nultreden, s.perBzk.nultreden, b.cumulatief.nultreden, s.cumulatief.nultreden],
      ["geclusterd", b.perBzk.geclusterd, s.perBzk.geclusterd, b.cumulatief.geclusterd, s.cumulatief.geclusterd],
      ["zorggeschikt", b.perBzk.zorggeschikt, s.perBzk.zorggeschikt, b.cumulatief.zorggeschikt, s.cumulatief.zorggeschikt],
      ["onbekend", b.perBzk.onbekend, s.perBzk.onbekend, null, null],
    ],
  });
  const list = w.aangepasteWoningen ?? [];
  out.push({
    name: "WatAls_Woningen",
    caption: `Wat-als: de ${nlInt(list.reduce((n, x) => n + x.aantal, 0))} aangepaste woningen, per rij van de voorraad`,
    columns: [col("VHE", "text", 12), col("Bron (blad!rij)", "text", 18), col("Complex", "text", 12), col("Segment", "text", 14), col("Aantal", "integer", 8), col("Was", "text", 14), col("Wordt", "text", 14)],
    rows: list.map((x) => {
      const row = result.dwellings.rows.row(x.rij);
      return [row.id, `${row.sheet}!${row.rowNumber}`, row.complex, row.segmentSoort ?? row.segment, x.aantal, x.van, x.naar];
    }),
  });
  return out;
}
