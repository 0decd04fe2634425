/**
 * Fixture: a corporation's ERP export whose complex facts sit under its own headers (issue 10).
 *
 * The export is a report of the dwellings with a BAT score ("Rapport eenheden met BAT-score"),
 * so it lists only some dwellings of each complex ("cluster" in the ERP): 3 to 6 of complexes of
 * 12 to 48. The complex facts are repeated on every row, under headers the synonym list and the
 * concept scoring do not take for the fields: "Omvang cl." (complex size), "Gemeensch.
 * ruimte" (meeting room, Ja/Nee) and "Senioren %" (share of residents aged 55+). Around them the
 * columns such a report has: a title row and a blank row above the header, cluster name, address,
 * postcode, place, floor, lift, BAT and the rent.
 *
 * API: `ERP_CLUSTERS` (the facts per complex, for tests that compute expected figures),
 * `erpExportRows()` (the sheet as cells, row 1 first), `ERP_HEADERS` (the header texts of the
 * fact columns).
 */
import type { CellValue } from "../../src/ingest/types";

/** One complex as the ERP holds it, and the dwellings the report lists of it. */
export interface ErpCluster {
  nr: string;
  naam: string;
  straat: string;
  /** Dwellings of the complex (the ERP's figure, not the rows in the report). */
  grootte: number;
  ruimte: "Ja" | "Nee";
  /** Share of residents aged 55+, as printed ("78%"). */
  senioren: string;
  /** BAT score of each dwelling in the report (Limburg scale 0-4). */
  bat: number[];
}

export const ERP_CLUSTERS: readonly ErpCluster[] = [
  { nr: "1040", naam: "Hoogveld", straat: "Hoogveldstraat", grootte: 24, ruimte: "Ja", senioren: "78%", bat: [2, 2, 3, 1] },
  { nr: "1041", naam: "De Vlinder", straat: "Vlinderhof", grootte: 32, ruimte: "Ja", senioren: "64%", bat: [1, 2, 2, 0, 3] },
  { nr: "1102", naam: "Bleijerheide", straat: "Pannesheiderstraat", grootte: 16, ruimte: "Nee", senioren: "55%", bat: [1, 1, 2] },
  { nr: "1215", naam: "Chevremont", straat: "Nieuwstraat", grootte: 48, ruimte: "Ja", senioren: "31%", bat: [2, 1, 0, 1, 2, 1] },
  { nr: "1301", naam: "Terwinselen", straat: "Akerstraat", grootte: 12, ruimte: "Ja", senioren: "92%", bat: [4, 3, 2] },
  { nr: "1302", naam: "Holz", straat: "Holzstraat", grootte: 20, ruimte: "Ja", senioren: "50%", bat: [2, 0, 1, 2] },
];

/** Header texts of the complex-fact columns, as the ERP writes them. */
export const ERP_HEADERS = { grootte: "Omvang cl.", ruimte: "Gemeensch. ruimte", senioren: "Senioren %" } as const;

/** The report as worksheet cells (row 1 = Excel row 1): title, blank row, header, dwellings. */
export function erpExportRows(): CellValue[][] {
  const rows: CellValue[][] = [
    ["Rapport eenheden met BAT-score, peildatum 01-01-2024"],
    [],
    ["Eenheid", "Cluster", "Clusternaam", "Adres", "Postcode", "Plaats", "Verdieping", "Lift", "BAT", "Netto huur",
      ERP_HEADERS.grootte, ERP_HEADERS.ruimte, ERP_HEADERS.senioren],
  ];
  for (const c of ERP_CLUSTERS) {
    c.bat.forEach((bat, i) => {
      rows.push([
        `0${c.nr}${String(i + 1).padStart(3, "0")}`, c.nr, c.naam, `${c.straat} ${2 * i + 1}`, `646${c.nr.slice(2)} AB`, "Kerkrade",
        i % 4, "J", bat, 512.35 + 17 * i, c.grootte, c.ruimte, c.senioren,
      ]);
    });
  }
  return rows;
}
