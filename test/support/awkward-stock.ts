/**
 * A small stock with the awkward cases of a per-dwelling report: quotes in the sheet name,
 * missing BAT, warnings, zorggeschikt dwellings with a profile, a row without id, an unknown
 * toegankelijkheidslabel, a demand table. Analysed with the default rules.
 */
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

/** The analysis of the awkward stock (a fresh workbook each call). */
export async function awkwardStock(): Promise<AnalysisResult> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Voorraad "2024"');
  ws.addRow(["VHE", "Complex", "BAT", "Ontmoetingsruimte", "Aandeel 55+", "Wlz", "Zorgprofiel", "Aantal", "Toegankelijkheidslabel"]);
  for (let i = 0; i < 14; i++) ws.addRow([`V${i}`, "C1", (i % 5) as number, "ja", "70%", "ja", i % 2 ? "PG" : "SOM", 1, null]);
  ws.addRow(["V\\20", "C2", null, null, null, null, null, 1, "XYZ"]);
  ws.addRow([null, "C3", 2, "nee", null, null, null, 4, null]);
  ws.addRow(["V\u00e921 \u2013 \u201cquote\u201d", "C3", 3, "onbekend", "x", null, null, 1, null]);
  const v = wb.addWorksheet("Vraag");
  v.addRow(["Woonvorm", 2030]);
  v.addRow(["nultreden", 40]);
  v.addRow(["geclusterd", 20]);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
}
