/**
 * The terminal summary names BAT classes as "BAT 4", not as a bare "4" (src/report/summary.ts
 * `categoryText`): a stock per dwelling with BAT scores against a demand table per BAT class.
 */
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { categoryText, summaryLines } from "../../src/report/summary";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

const DWELLINGS = 50;
const DEMAND_2030: [string, number][] = [["BAT 0", 5], ["BAT 1", 8], ["BAT 2", 20], ["BAT 3", 30], ["BAT 4", 40]];

async function workbook(): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  const stock = wb.addWorksheet("Voorraad");
  stock.addRow(["VHE", "BAT"]);
  for (let i = 0; i < DWELLINGS; i++) stock.addRow([`V${i}`, i % 5]);
  const demand = wb.addWorksheet("Vraag");
  demand.addRow(["BAT-klasse", "2030"]);
  for (const row of DEMAND_2030) demand.addRow(row);
  return XlsxWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
}

test("the largest tekorten per BAT class read 'BAT 4 (alle) …', largest first", async () => {
  const result = await analyseWorkbook(await workbook(), { rules: DEFAULT_RULES });
  const line = summaryLines(result).find((l) => l.startsWith("Grootste tekorten in 2030"));
  // Per categorie: demand of the class minus the dwellings of that class (DWELLINGS / 5 each).
  const expected = DEMAND_2030
    .map(([label, vraag]) => [label, vraag - DWELLINGS / 5] as const)
    .filter(([, tekort]) => tekort > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([label, tekort]) => `${label} (alle) ${tekort}`);
  expect(expected.length).toBeGreaterThan(1);
  expect(line).toBe(`Grootste tekorten in 2030 (per categorie): ${expected.join("; ")}.`);
});

test("categoryText: Limburg classes get 'BAT ', VERA codes and BZK types stay as they are", () => {
  expect(categoryText("bat", "0", null)).toBe("BAT 0");
  expect(categoryText("bat", "BAT3", null)).toBe("BAT3");
  expect(categoryText("bzk", "zorggeschikt", "SOM")).toBe("zorggeschikt SOM");
  expect(categoryText("bzk", "gespikkeld", null)).toBe("gespikkeld");
});
