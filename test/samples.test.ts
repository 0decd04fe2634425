/**
 * The sample workbooks in assets/ (built by scripts/build-samples.js) against the published
 * tables in ../shared/domain/data. Reads the workbooks with ExcelJS directly (no project code;
 * its parse shared by the test files through test/support/workbook-cache.ts)
 * and computes every expected number from the CSV files at test time.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { plain, type Plain } from "./support/xlsx-cells";
import { cachedExcelJsWorkbook } from "./support/workbook-cache";
import { readCsv as readCsvRecords, readCsvTable } from "./support/csv";
import { KERKRADE, PARKSTAD } from "./support/paths";

type CsvRow = Record<string, string>;
interface Csv {
  header: string[];
  rows: CsvRow[];
}

/** A published table: its header and its rows keyed by header. */
function readCsv(name: string): Csv {
  return { header: readCsvTable(name)[0], rows: readCsvRecords(name) };
}

const isTotal = (s: string) => s.trim().toLowerCase() === "totaal";
/** "betaalbaar_1" and "Betaalbaar 1" compare equal. */
const norm = (s: string) => s.trim().toLowerCase().replace(/[_\s]+/g, " ");

/** The workbook as ExcelJS reads it from disk (its model from the shared cache). */
const load = (file: string): Promise<ExcelJS.Workbook> => cachedExcelJsWorkbook(readFileSync(file));

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`blad ${name} ontbreekt`);
  return ws;
}

function cell(ws: ExcelJS.Worksheet, r: number, c: number): Plain {
  return plain(ws.getRow(r).getCell(c).value);
}

function text(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const v = cell(ws, r, c);
  return v === null ? "" : String(v);
}

/** Values of a row, columns 1..n. */
function rowValues(ws: ExcelJS.Worksheet, r: number, n: number): Plain[] {
  const out: Plain[] = [];
  for (let c = 1; c <= n; c++) out.push(cell(ws, r, c));
  return out;
}

// -----------------------------------------------------------------------------------------------

describe("Kerkrade sample workbook", () => {
  const batCsv = readCsv("kerkrade-bat-per-corporatie-2020.csv");
  const typeCsv = readCsv("kerkrade-sociale-huur-woningtype-2020.csv");
  const batCols = ["bat_0", "bat_1", "bat_2", "bat_3", "bat_4"];
  const corps = batCsv.rows.filter((r) => !isTotal(r.corporatie));
  const types = typeCsv.rows.filter((r) => !isTotal(r.woningtype));
  const klasseCols = typeCsv.header.filter((h) => h !== "woningtype" && h !== "totaal");
  const expectedTotal = corps.reduce((a, r) => a + Number(r.totaal), 0);
  const typedTotal = types.reduce((a, r) => a + Number(r.totaal), 0);

  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let headers: string[];
  let data: Array<Record<string, Plain>>;
  let col: (name: string) => number;

  beforeAll(async () => {
    wb = await load(KERKRADE);
    ws = sheet(wb, "Voorraad (synthetisch)");
    headers = [];
    for (let c = 1; c <= ws.columnCount; c++) headers.push(text(ws, 3, c));
    col = (name) => {
      const i = headers.indexOf(name);
      if (i < 0) throw new Error(`kolom ${name} ontbreekt`);
      return i + 1;
    };
    data = [];
    for (let r = 4; r <= ws.rowCount; r++) {
      if (cell(ws, r, 1) === null) continue;
      const rec: Record<string, Plain> = { __row: r };
      headers.forEach((h, i) => (rec[h] = cell(ws, r, i + 1)));
      data.push(rec);
    }
  });

  test("the CSV totals are consistent with their TOTAAL rows", () => {
    const tot = batCsv.rows.find((r) => isTotal(r.corporatie))!;
    expect(expectedTotal).toBe(Number(tot.totaal));
    const ttot = typeCsv.rows.find((r) => isTotal(r.woningtype))!;
    expect(typedTotal).toBe(Number(ttot.totaal));
  });

  test("workbook metadata is fixed", () => {
    expect(wb.creator).toBe("BAT → BZK woonvoorraad (voorbeeld)");
    expect(new Date(wb.created).getTime()).toBe(Date.UTC(2026, 0, 1));
    expect(new Date(wb.modified).getTime()).toBe(Date.UTC(2026, 0, 1));
  });

  test("row 1 labels the sheet as synthetic; header in row 3", () => {
    expect(text(ws, 1, 1)).toContain("SYNTHETISCH");
    expect(text(ws, 2, 1)).toBe("");
    expect(headers).toEqual([
      "VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Buurt", "Woningtype", "Eenheiddetailsoort",
      "Bouwlaag", "Lift", "Bouwjaar", "BAT-score", "Segment", "Huurklasse", "Ontmoetingsruimte", "Aandeel 55+",
      "Label 55+", "Wlz-zorg in complex", "Zorgprofiel",
    ]);
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
  });

  test("one data row per unit, as many as the published BAT table", () => {
    expect(data.length).toBe(expectedTotal);
    expect(ws.rowCount).toBe(3 + expectedTotal);
  });

  test("count per corporation and BAT class equals the published table", () => {
    for (const r of data) {
      expect(typeof r["BAT-score"]).toBe("number");
    }
    const names = new Set(corps.map((c) => c.corporatie));
    expect(new Set(data.map((r) => r.Corporatie))).toEqual(names);
    for (const c of corps) {
      batCols.forEach((bc, k) => {
        const n = data.filter((r) => r.Corporatie === c.corporatie && r["BAT-score"] === k).length;
        expect({ corporatie: c.corporatie, bat: k, n }).toEqual({ corporatie: c.corporatie, bat: k, n: Number(c[bc]) });
      });
    }
  });

  test("count per woningtype and per (woningtype, huurklasse) equals the published table", () => {
    for (const t of types) {
      const inType = data.filter((r) => r.Woningtype === t.woningtype);
      expect({ woningtype: t.woningtype, n: inType.length }).toEqual({ woningtype: t.woningtype, n: Number(t.totaal) });
      for (const kc of klasseCols) {
        const n = inType.filter((r) => norm(String(r.Huurklasse ?? "")) === norm(kc)).length;
        expect({ woningtype: t.woningtype, huurklasse: kc, n }).toEqual({ woningtype: t.woningtype, huurklasse: kc, n: Number(t[kc]) });
      }
    }
    const known = new Set(types.map((t) => t.woningtype));
    const rest = data.filter((r) => !known.has(String(r.Woningtype)));
    expect(rest.length).toBe(expectedTotal - typedTotal);
    for (const r of rest) {
      expect(r.Woningtype).toBeNull();
      expect(r.Huurklasse).toBeNull();
    }
  });

  test("VHE-nummers are unique", () => {
    const ids = data.map((r) => r["VHE-nummer"]);
    expect(ids.every((v) => typeof v === "string" && v.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("complex-level facts have one value per complex", () => {
    const byComplex = new Map<Plain, Array<Record<string, Plain>>>();
    for (const r of data) {
      if (!byComplex.has(r.Complexnummer)) byComplex.set(r.Complexnummer, []);
      byComplex.get(r.Complexnummer)!.push(r);
    }
    expect(byComplex.size).toBeGreaterThan(1);
    for (const [nr, list] of byComplex) {
      expect(nr).not.toBeNull();
      for (const f of ["Ontmoetingsruimte", "Aandeel 55+", "Wlz-zorg in complex", "Corporatie"]) {
        const values = new Set(list.map((r) => r[f]));
        expect({ complex: nr, field: f, values: values.size }).toEqual({ complex: nr, field: f, values: 1 });
      }
    }
  });

  test("plausibility: stacked without lift has BAT >= 1 only on the ground floor; shares are fractions", () => {
    // Every row checked; the rows that break a rule are listed (one expect per row and rule was
    // most of this file's time on 7,824 rows).
    const wrong: string[] = [];
    for (const r of data) {
      const at = `rij ${r.__row}`;
      if (r.Gemeente !== "Kerkrade") wrong.push(`${at}: Gemeente ${JSON.stringify(r.Gemeente)}`);
      if (norm(String(r.Woningtype ?? "")) === "gestapeld zonder lift") {
        if (r.Lift !== "nee") wrong.push(`${at}: gestapeld zonder lift, Lift ${JSON.stringify(r.Lift)}`);
        if ((r.Bouwlaag as number) > 0 && !Object.is(r["BAT-score"], 0)) wrong.push(`${at}: gestapeld zonder lift op bouwlaag ${r.Bouwlaag}, BAT ${JSON.stringify(r["BAT-score"])}`);
      }
      if (norm(String(r.Woningtype ?? "")) === "gestapeld met lift" && r.Lift !== "ja") wrong.push(`${at}: gestapeld met lift, Lift ${JSON.stringify(r.Lift)}`);
      const a = r["Aandeel 55+"];
      if (a !== null && (typeof a !== "number" || !(a >= 0 && a <= 1))) wrong.push(`${at}: Aandeel 55+ ${JSON.stringify(a)}`);
    }
    expect(wrong).toEqual([]);
    const aCol = col("Aandeel 55+");
    const first = data.find((r) => r["Aandeel 55+"] !== null)!;
    expect(ws.getRow(first.__row as number).getCell(aCol).numFmt).toBe("0%");
  });

  test("the published tables are copied unchanged", () => {
    const bat = sheet(wb, "BAT per corporatie");
    expect(text(bat, 4, 1)).toBe("Corporatie");
    batCsv.rows.forEach((r, i) => {
      expect(rowValues(bat, 5 + i, 7)).toEqual([r.corporatie, ...batCols.map((c) => Number(r[c])), Number(r.totaal)]);
    });
    const typ = sheet(wb, "Woningtype");
    expect(text(typ, 4, 1)).toBe("Woningtype");
    typeCsv.rows.forEach((r, i) => {
      expect(rowValues(typ, 5 + i, 2 + klasseCols.length)).toEqual([
        r.woningtype, ...klasseCols.map((c) => Number(r[c])), Number(r.totaal),
      ]);
    });
  });
});

// -----------------------------------------------------------------------------------------------

interface Group {
  label: string;
  rows: Array<{ woonvorm: string; values: Plain[] }>;
}

/** Reads the published layout: header row 4, then group rows (label only) and data rows. */
function readGrouped(ws: ExcelJS.Worksheet, nYears: number): { years: string[]; groups: Group[] } {
  const years: string[] = [];
  for (let c = 2; c <= 1 + nYears; c++) years.push(text(ws, 4, c));
  const groups: Group[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const label = text(ws, r, 1);
    if (label === "") continue;
    const values = rowValues(ws, r, 1 + nYears).slice(1);
    if (values.every((v) => v === null)) groups.push({ label, rows: [] });
    else groups[groups.length - 1].rows.push({ woonvorm: label, values });
  }
  return { years, groups };
}

/** CSV rows grouped by (groep, scenario) in file order. */
function csvGroups(csv: Csv): Array<{ groep: string; scenario: string; rows: CsvRow[] }> {
  const out: Array<{ groep: string; scenario: string; rows: CsvRow[] }> = [];
  for (const r of csv.rows) {
    const scenario = r.scenario ?? "";
    const last = out[out.length - 1];
    if (last && last.groep === r.groep && last.scenario === scenario) last.rows.push(r);
    else out.push({ groep: r.groep, scenario, rows: [r] });
  }
  return out;
}

const SCENARIO_WORD: Record<string, string> = {
  basis: "(basisscenario)",
  trend: "(trendscenario)",
  onderkant: "(onderkant)",
  bovenkant: "(bovenkant)",
};

function checkGrouped(ws: ExcelJS.Worksheet, csv: Csv): void {
  const yearCols = csv.header.filter((h) => /^\d{4}$/.test(h));
  const { years, groups } = readGrouped(ws, yearCols.length);
  expect(text(ws, 4, 1)).toBe("Woonvorm");
  expect(years).toEqual(yearCols);
  const expected = csvGroups(csv);
  expect(groups.length).toBe(expected.length);
  expected.forEach((g, i) => {
    const got = groups[i];
    const label = got.label.toLowerCase();
    expect(label).toContain(g.groep.split(/[\s/]+/)[0].toLowerCase());
    if (g.scenario) expect(got.label).toContain(SCENARIO_WORD[g.scenario] ?? `(${g.scenario})`);
    else expect(got.label).not.toContain("(");
    expect(got.rows.length).toBe(g.rows.length);
    g.rows.forEach((r, j) => {
      expect(got.rows[j].woonvorm.toLowerCase()).toBe(r.woonvorm.toLowerCase());
      expect({ groep: g.groep, scenario: g.scenario, woonvorm: r.woonvorm, values: got.rows[j].values }).toEqual({
        groep: g.groep,
        scenario: g.scenario,
        woonvorm: r.woonvorm,
        values: yearCols.map((y) => Number(r[y])),
      });
    });
  });
}

describe("Parkstad sample workbook", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(PARKSTAD);
  });

  test("sheets and metadata", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Toelichting", "Tabel 1 Vraag", "Tabel 2 Aanbod", "Tabel 4 Woningvoorraad", "Tabel 5 Aanpassing", "Tabel 6 Huur-koop",
    ]);
    expect(wb.creator).toBe("BAT → BZK woonvoorraad (voorbeeld)");
    expect(new Date(wb.created).getTime()).toBe(Date.UTC(2026, 0, 1));
  });

  test("Tabel 1 equals the demand CSV per group, scenario, woonvorm and year", () => {
    const ws = sheet(wb, "Tabel 1 Vraag");
    expect(text(ws, 1, 1)).toMatch(/^Tabel 1\./);
    expect(text(ws, 2, 1)).toMatch(/^Bron:/);
    expect(text(ws, 3, 1)).toBe("");
    checkGrouped(ws, readCsv("parkstad-vraag-ouderen-vg-2023-2040.csv"));
  });

  test("Tabel 2 equals the supply CSV", () => {
    const ws = sheet(wb, "Tabel 2 Aanbod");
    expect(text(ws, 1, 1)).toMatch(/^Tabel 2\./);
    checkGrouped(ws, readCsv("parkstad-aanbod-2023.csv"));
  });

  test("Tabel 4, 5 and 6 equal their CSVs", () => {
    const find = (ws: ExcelJS.Worksheet, a: string, b?: string): number => {
      for (let r = 5; r <= ws.rowCount; r++) {
        const first = text(ws, r, 1);
        const match = a.toLowerCase() === "parkstad" ? first.startsWith("Parkstad") : first === a;
        if (match && (b === undefined || text(ws, r, 2).toLowerCase() === b.toLowerCase())) return r;
      }
      throw new Error(`${ws.name}: geen regel voor ${a} ${b ?? ""}`);
    };
    const t4 = sheet(wb, "Tabel 4 Woningvoorraad");
    const cbs = readCsv("parkstad-woningvoorraad-cbs-2023.csv");
    for (const r of cbs.rows) {
      expect(rowValues(t4, find(t4, r.gemeente), 5).slice(1)).toEqual([r.jaar, r.totaal, r.koop, r.huur].map(Number));
    }
    expect(text(t4, 4 + cbs.rows.length, 1)).toBe("Parkstad (totaal)");
    const t5 = sheet(wb, "Tabel 5 Aanpassing");
    for (const r of readCsv("parkstad-aanpassing-ouderen-per-gemeente.csv").rows) {
      expect(rowValues(t5, find(t5, r.gemeente), 4).slice(1)).toEqual(
        [r.geschikt_pct, r.potentieel_pct, r.ongeschikt_pct].map(Number),
      );
    }
    const t6 = sheet(wb, "Tabel 6 Huur-koop");
    for (const r of readCsv("parkstad-aanpassing-ouderen-huur-koop.csv").rows) {
      expect(rowValues(t6, find(t6, r.gemeente, r.segment), 5).slice(2)).toEqual(
        [r.geschikt_pct, r.potentieel_pct, r.ongeschikt_pct].map(Number),
      );
    }
  });
});
