/**
 * The fixture builder reads every seed table as printed, and the printed totals of each table
 * agree with the sums of its printed figures where the document prints a total (so the fixtures
 * hold the published figures, not a retyped version). Workbooks round-trip through ExcelJS.
 */
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import {
  printedNumber, printedRow, SEED_TABLE_IDS, seedRawTable, seedSheet, seedTable, seedWorkbook,
} from "./seed-tables";

const num = (s: string): number => {
  const n = printedNumber(s);
  if (n === null) throw new Error(`not a printed number: "${s}"`);
  return n;
};

describe("seed tables as printed", () => {
  it("finds every table with its caption and header", () => {
    for (const id of SEED_TABLE_IDS) {
      const t = seedTable(id);
      expect(t.caption[0].length).toBeGreaterThan(10);
      expect(t.printed.length).toBeGreaterThan(1);
    }
    expect(seedTable("parkstad-tabel-1").printed[0]).toEqual(["Vraag", "2023", "2030", "2040"]);
    expect(seedTable("parkstad-tabel-2").printed[0][0]).toBe("Aanbod");
    expect(seedTable("parkstad-tabel-3").caption[0]).toContain("Aanbod – vraag");
    expect(seedTable("parkstad-tabel-3").notes[0]).toMatch(/^² /);
    expect(seedTable("kerkrade-bat-per-corporatie").printed[0][2]).toBe("BAT 1\nWandelstok-\ngeschikt");
  });

  it("Tabel 1: each scenario's 'Ouderen totaal' is the sum of its five woonvormen, as printed", () => {
    const rows = seedTable("parkstad-tabel-1").printed;
    const totals = rows.filter((r) => r[0] === "Ouderen totaal");
    expect(totals).toHaveLength(2);
    for (const total of totals) {
      const end = rows.indexOf(total);
      const parts = rows.slice(end - 5, end);
      for (let c = 1; c <= 3; c++) {
        expect(parts.reduce((s, r) => s + num(r[c]), 0)).toBe(num(total[c]));
      }
    }
  });

  it("Tabel 4: the Parkstad row is the sum of the gemeenten for the total stock", () => {
    const rows = seedTable("parkstad-tabel-4").printed.slice(2);
    const gemeenten = rows.filter((r) => r[0] !== "Parkstad");
    const parkstad = printedRow("parkstad-tabel-4", "Parkstad");
    expect(gemeenten).toHaveLength(7);
    expect(gemeenten.reduce((s, r) => s + num(r[2]), 0)).toBe(num(parkstad[2]));
  });

  it("Tabel 6: gemeente written once, the koop row below it has an empty first cell", () => {
    const rows = seedTable("parkstad-tabel-6").printed;
    expect(rows[1].slice(0, 2)).toEqual(["Beekdaelen", "huur"]);
    expect(rows[2].slice(0, 2)).toEqual(["", "koop"]);
    for (const r of rows.slice(1)) expect(num(r[2]) + num(r[3]) + num(r[4])).toBeCloseTo(1, 10);
  });

  it("Kerkrade woningtype × huurklasse and BAT per corporatie: rows and columns add up to TOTAAL", () => {
    for (const id of ["kerkrade-woningtype-huurklasse", "kerkrade-bat-per-corporatie"] as const) {
      const rows = seedTable(id).printed.slice(1);
      const body = rows.filter((r) => r[0] !== "TOTAAL");
      const total = printedRow(id, "TOTAAL");
      for (const r of body) {
        const figures = r.slice(1).map(num);
        expect(figures.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(figures[figures.length - 1]);
      }
      for (let c = 1; c < total.length; c++) expect(body.reduce((s, r) => s + num(r[c]), 0)).toBe(num(total[c]));
    }
  });

  it("Kerkrade opgave 2030: four BAT headers over one row of 'opgave (verschil)' cells", () => {
    const t = seedTable("kerkrade-opgave-2030");
    expect(t.printed[0].map((h) => h.split("\n")[0])).toEqual(["BAT 1", "BAT 2", "BAT 3", "BAT 4"]);
    expect(t.printed[1].map(num)).toEqual([1180, 1136, 549, 727]);
    expect(t.caption[0]).toContain("2030");
  });

  it("lays out a sheet: caption, blank row, table; Dutch Excel converts figures and percentages", () => {
    const sheet = seedSheet("parkstad-tabel-5");
    expect(sheet[0][0]).toMatch(/^Tabel 5:/);
    expect(sheet[1].every((c) => c === null)).toBe(true);
    expect(sheet[2][0]).toBe("Gemeente");
    expect(sheet[3]).toEqual(["Beekdaelen", 0.14, 0.42, 0.44]);
    expect(seedSheet("parkstad-tabel-5", { cells: "text" })[3]).toEqual(["Beekdaelen", "14%", "42%", "44%"]);
    expect(seedSheet("parkstad-tabel-1")[4]).toEqual(["regulier wonen", 23050, 25650, 24780]);
    expect(seedSheet("parkstad-tabel-1", { bare: true })[0]).toEqual(["Vraag", 2023, 2030, 2040]);
    expect(seedRawTable("parkstad-tabel-3").values.some((r) => r.includes("-854 ²"))).toBe(true);
  });

  it("round-trips through an .xlsx file read by the product's reader", async () => {
    const wb = seedWorkbook(SEED_TABLE_IDS);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await XlsxWorkbook.fromBuffer(bytes);
    const names = (await read.listSheets()).map((s) => s.name);
    expect(names).toEqual(SEED_TABLE_IDS.map((id) => seedTable(id).sheet));
    for (const id of SEED_TABLE_IDS) {
      const table = await read.readSheet(seedTable(id).sheet);
      const expected = seedSheet(id);
      expected.forEach((row, r) => row.forEach((v, c) => expect(table.values[r]?.[c] ?? null).toEqual(v)));
    }
  });
});
