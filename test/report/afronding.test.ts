/**
 * One rounding everywhere (issue 10, item 5): with rounding to 5 the terminal summary, the JSON
 * (`tekortAfgerond`, `saldoAfgerond`, `afronding`) and the Tekort sheet show the same figures, and
 * each says it is rounded; `saldo` and `tekort` in the JSON stay exact (docs/json.md).
 */
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildJson } from "../../src/report/json";
import { buildSheets } from "../../src/report/sheets";
import { summaryLines } from "../../src/report/summary";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { PARKSTAD as SAMPLE } from "../support/paths";

let rounded: AnalysisResult;
let exact: AnalysisResult;
beforeAll(async () => {
  const buf = readFileSync(SAMPLE);
  rounded = await analyseWorkbook(await XlsxWorkbook.fromBuffer(buf), { rules: { ...DEFAULT_RULES, tekort: { ...DEFAULT_RULES.tekort, afronden: 5 } } });
  exact = await analyseWorkbook(await XlsxWorkbook.fromBuffer(buf), { rules: DEFAULT_RULES });
});

const near5 = (n: number) => Math.round(n / 5) * 5;

test("the JSON keeps saldo exact and adds the rounded figures the Tekort sheet shows", () => {
  const doc = buildJson(rounded);
  expect(doc.afronding.stap).toBe(5);
  const sheet = buildSheets(rounded).find((s) => s.kind === "tekort")!;
  expect(sheet.notes.join(" ")).toContain("afgerond op veelvouden van 5");
  const table = sheet.tables[0];
  const iSaldo = table.columns.findIndex((c) => c.header.startsWith("Saldo"));
  const iTekort = table.columns.findIndex((c) => c.header === "Tekort");
  expect(table.rows).toHaveLength(doc.tekort.length);
  doc.tekort.forEach((t, i) => {
    expect(t.saldo).toBe(t.aanbod - t.vraag);
    expect(t.saldoAfgerond).toBe(near5(t.saldo));
    expect(t.tekortAfgerond).toBe(near5(t.tekort));
    expect(table.rows[i][iSaldo]).toBe(t.saldoAfgerond);
    expect(table.rows[i][iTekort]).toBe(t.tekortAfgerond);
  });
  // Some figure must actually change, or this test proves nothing.
  expect(doc.tekort.some((t) => t.saldoAfgerond !== t.saldo)).toBe(true);
  // Without rounding the rows are as before: no extra fields.
  const plain = buildJson(exact);
  expect(plain.afronding.stap).toBeNull();
  expect(plain.tekort.every((t) => !("saldoAfgerond" in t))).toBe(true);
});

test("the terminal shows the same rounded tekort and says so", () => {
  const line = summaryLines(rounded).find((l) => l.startsWith("Grootste tekorten"))!;
  expect(line).toContain("afgerond op 5");
  const doc = buildJson(rounded);
  // Every figure in the line is a rounded tekort of the JSON.
  const figures = [...line.matchAll(/\) ([\d.]+)(?=;|\.$)/g)].map((m) => Number(m[1].replace(/\./g, "")));
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) expect(doc.tekort.some((t) => t.tekortAfgerond === f)).toBe(true);
  expect(summaryLines(exact).find((l) => l.startsWith("Grootste tekorten"))).not.toContain("afgerond");
});

test("the what-if on the CBS route: the sheet, the JSON and the terminal show the same rounded tekort and say so", () => {
  const doc = buildJson(rounded);
  const rows = doc.watAlsAggregaat!.tekort;
  expect(rows.length).toBeGreaterThan(0);
  const table = buildSheets(rounded).find((s) => s.kind === "tekort")!.tables.find((t) => t.name === "WatAls_CBS_Tekort")!;
  const col = (h: string) => table.columns.findIndex((c) => c.header === h);
  rows.forEach((t, i) => {
    const r = t as typeof t & { basisTekortAfgerond: number; tekortAfgerond: number; tekortAlsGeclusterdAfgerond: number };
    expect([r.basisTekortAfgerond, r.tekortAfgerond, r.tekortAlsGeclusterdAfgerond]).toEqual([near5(t.basisTekort), near5(t.tekort), near5(t.tekortAlsGeclusterd)]);
    expect([table.rows[i][col("Tekort basis")], table.rows[i][col("Tekort wat-als (nultreden)")], table.rows[i][col("Tekort als ook geclusterd")]])
      .toEqual([r.basisTekortAfgerond, r.tekortAfgerond, r.tekortAlsGeclusterdAfgerond]);
  });
  // The explanation lines (terminal and sheet notes) give the rounded figures and say so.
  const lines = summaryLines(rounded).filter((l) => l.startsWith("Tekort geclusterd"));
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) {
    expect(l).toContain("(afgerond op 5)");
    const basis = Number(/basis ([\d.]+)/.exec(l)![1].replace(/\./g, ""));
    expect(basis % 5).toBe(0);
  }
  expect(lines.some((l) => !summaryLines(exact).includes(l))).toBe(true);
  expect(summaryLines(exact).filter((l) => l.startsWith("Tekort geclusterd")).every((l) => !l.includes("afgerond"))).toBe(true);
});
