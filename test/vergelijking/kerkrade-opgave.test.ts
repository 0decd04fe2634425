/**
 * Kerkrade's opgave 2030 as printed ("De totale opgave voor 2030 – afgerond op 5-tallen – is
 * berekend op: BAT 1 Wandelstok geschikt … 1.180 (-145) …"): each cell holds the demand and, in
 * brackets, the published opgave (vraag − aanbod, rounded to 5). The demand is read as demand; the
 * bracketed figures are recomputed from that demand and the BAT table per corporatie as printed,
 * like a published saldo table (issue 10 item 3: "either sign convention, rounded to 5 or not").
 * Expected figures are computed here from the printed numbers.
 */
import ExcelJS from "exceljs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildJson } from "../../src/report/json";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { printedNumber, printedRow, seedTable, seedWorkbook, type SeedCells } from "../support/seed-tables";

const OPGAVE = seedTable("kerkrade-opgave-2030");

async function analyse(wb: ExcelJS.Workbook): Promise<AnalysisResult> {
  return analyseWorkbook(await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer())), { rules: DEFAULT_RULES });
}

/** Per BAT class as printed: demand, the bracketed opgave, and the supply (TOTAAL row of the BAT table). */
function printed(): { bat: number; vraag: number; opgave: number; aanbod: number }[] {
  const total = printedRow("kerkrade-bat-per-corporatie", "TOTAAL");
  return OPGAVE.printed[0].map((h, k) => {
    const bat = Number(/^BAT (\d)/.exec(h)![1]);
    const cell = OPGAVE.printed[1][k];
    const opgave = Number(/\(([+-]\d+)\)/.exec(cell)![1]);
    return { bat, vraag: printedNumber(cell)!, opgave, aanbod: printedNumber(total[bat + 1])! };
  });
}

describe.each<SeedCells>(["excel", "text"])("BAT per corporatie and opgave 2030 as printed (%s)", (cells) => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyse(seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-opgave-2030"], { cells }));
  });

  it("reads the demand, not the bracketed figures, as demand", () => {
    expect(result.demand.map((d) => [d.categorie, d.vraag])).toEqual(printed().map((p) => [String(p.bat), p.vraag]));
  });

  it("recomputes every bracketed figure as vraag − aanbod, rounded to 5 as the caption says", () => {
    expect(result.vergelijking).toHaveLength(1);
    const v = result.vergelijking[0];
    expect(v).toMatchObject({ sheet: OPGAVE.sheet, teken: "vraag-min-aanbod", afgerondOp5: true });
    const expected = printed().map((p) => {
      const own = p.vraag - p.aanbod;
      return [p.opgave, own, own === p.opgave ? "gelijk" : Math.abs(own - p.opgave) <= 2.5 ? "afronding" : "wijkt-af"];
    });
    expect(v.cellen.map((c) => [c.gepubliceerd, c.herberekend, c.status])).toEqual(expected);
    expect(buildJson(result).vergelijking[0].cellen).toHaveLength(expected.length);
  });
});

it("a bracketed figure that does not follow from the tables is a warning naming its cell", async () => {
  const wb = seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-opgave-2030"]);
  const ws = wb.getWorksheet(OPGAVE.sheet)!;
  let changed = "";
  ws.eachRow((row, r) => row.eachCell((cell, c) => {
    if (typeof cell.value === "string" && cell.value.includes("(+180)")) {
      cell.value = cell.value.replace("(+180)", "(+280)");
      changed = `${String.fromCharCode(64 + c)}${r}`;
    }
  }));
  expect(changed).not.toBe("");
  const result = await analyse(wb);
  const c = result.vergelijking[0].cellen.find((x) => x.cell === changed)!;
  expect(c).toMatchObject({ gepubliceerd: 280, status: "wijkt-af" });
  expect(result.issues.some((i) => i.code === "saldo-wijkt-af" && i.cell === changed)).toBe(true);
});
