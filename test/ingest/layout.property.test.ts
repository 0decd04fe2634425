/**
 * Layout never changes the figures: permuting columns, adding unrelated columns, title rows
 * above the table or blank rows in it give the same stock, demand and BAT totals. Run on the
 * synthetic Kerkrade per-dwelling stock, and on the seed tables as printed (Parkstad Tabel 1,
 * Kerkrade BAT per corporatie, Kerkrade woningtype × huurklasse). The other published tables
 * (Tabel 2-6, the Kerkrade opgave): layout-published.property.test.ts. Layouts:
 * test/support/layout.ts; the row-label column of a printed table stays first, unrelated columns
 * may also go left of it.
 */
import fc from "fast-check";
import { readStock } from "../../src/ingest/stock";
import { readCategorized } from "../../src/ingest/categorized";
import { detectTable } from "../../src/ingest/detect";
import { stockOptionsFor } from "../../src/analysis/choose";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { CellValue, StockIngest } from "../../src/ingest/types";
import { kerkradePerDwelling, rawTable } from "./tables";
import { printedNumber, printedRow, seedSheet, seedTable } from "../support/seed-tables";
import { applyLayout, layoutArbitrary, type Layout, type UnrelatedColumn } from "../support/layout";

const OPTIONS = stockOptionsFor({ rules: DEFAULT_RULES });

/** Unrelated columns as found in exports and pasted tables: header and a value per row. */
const UNRELATED: UnrelatedColumn[] = [
  ["Postcode", (r) => `64${String(r % 100).padStart(2, "0")} AB`],
  ["Huurprijs", (r) => 500 + (r % 300)],
  ["Opmerking", (r) => (r % 7 === 0 ? "zie toelichting" : null)],
  ["Energielabel", (r) => "ABCDEFG"[r % 7]],
];
const TITLES = ["Voorraad per 1-1-2024", "Bron: eigen administratie", "Tabel 7"];

/** Layouts of a table whose first `fixed` columns stay in place (the others are shuffled). */
function layout(width: number, fixed = 0): fc.Arbitrary<Layout> {
  return layoutArbitrary(width - fixed, { permute: true, unrelated: UNRELATED.length, titles: TITLES });
}

/** Applies a layout to a table whose first row is the header; unrelated columns go anywhere,
 * also left of a fixed row-label column. */
function apply(values: CellValue[][], l: Layout, fixed = 0): CellValue[][] {
  return applyLayout(values, l, { headerAt: 0, fixed, unrelated: UNRELATED, unrelatedBeforeFixed: true }).values;
}

/** The figures of a stock read: dwellings per (id, complex, BAT). */
function stockFigures(s: StockIngest): string[] {
  return s.rows.toArray().map((r) => `${r.id}|${r.complex}|${r.bat}|${r.aantal}|${r.woningtype}|${r.lift}`).sort();
}

describe("layout does not change the figures", () => {
  const base = kerkradePerDwelling().slice(1, 400); // header + 398 dwellings (title row dropped)
  const expected = stockFigures(readStock(rawTable(base, { sheet: "Voorraad" }), OPTIONS));

  it("per-dwelling stock: columns permuted, unrelated columns, title rows, blank rows", () => {
    expect(expected.length).toBe(398);
    fc.assert(
      fc.property(layout(base[0].length), (l) => {
        const values = apply(base, l);
        const got = readStock(rawTable(values, { sheet: "Voorraad" }), OPTIONS);
        expect(stockFigures(got)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("Parkstad Tabel 1 as printed: year columns permuted, unrelated columns, title and blank rows", () => {
    const table = seedSheet("parkstad-tabel-1", { bare: true });
    const figures = (values: CellValue[][]) => readCategorized(rawTable(values, { sheet: "Tabel 1" }), "vraag").entries
      .map((e) => `${e.groep}|${e.scenario}|${e.categorie}|${e.zorgprofiel}|${e.jaar}|${e.waarde}`).sort();
    const want = figures(table);
    expect(want.length).toBe(42);
    fc.assert(
      fc.property(layout(table[0].length, 1), (l) => {
        const values = apply(table, l, 1);
        expect(detectTable(rawTable(values, { sheet: "Tabel 1" })).kind).toBe("vraag");
        expect(figures(values)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it("Kerkrade BAT per corporatie as printed: BAT columns permuted, unrelated columns, title and blank rows", () => {
    const table = seedSheet("kerkrade-bat-per-corporatie", { bare: true });
    const perBat = (values: CellValue[][]) => {
      const s = readStock(rawTable(values, { sheet: "BAT" }), OPTIONS);
      return [0, 1, 2, 3, 4].map((b) => s.rows.toArray().filter((r) => r.bat === b).reduce((n, r) => n + r.aantal, 0));
    };
    const want = perBat(table);
    // As printed in the TOTAAL row.
    expect(want).toEqual(printedRow("kerkrade-bat-per-corporatie", "TOTAAL").slice(1, 6).map((t) => printedNumber(t)));
    fc.assert(
      fc.property(layout(table[0].length, 1), (l) => {
        expect(perBat(apply(table, l, 1))).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it("Kerkrade woningtype × huurklasse as printed: rent-class columns permuted, unrelated columns, title and blank rows", () => {
    const table = seedSheet("kerkrade-woningtype-huurklasse", { bare: true });
    const perType = (values: CellValue[][]) => {
      const s = readStock(rawTable(values, { sheet: "Woningtype" }), OPTIONS);
      const m = new Map<string, number>();
      for (const r of s.rows.toArray()) m.set(r.woningtype ?? "", (m.get(r.woningtype ?? "") ?? 0) + r.aantal);
      return [...m].sort();
    };
    const want = perType(table);
    // As printed in the TOTAAL column, per woningtype with dwellings.
    const printedTotals = seedTable("kerkrade-woningtype-huurklasse").printed.slice(1)
      .filter((r) => r[0] !== "TOTAAL" && printedNumber(r[r.length - 1])! > 0)
      .map((r) => [r[0], printedNumber(r[r.length - 1])] as [string, number]).sort();
    expect(want).toEqual(printedTotals);
    fc.assert(
      fc.property(layout(table[0].length, 1), (l) => {
        const values = apply(table, l, 1);
        expect(detectTable(rawTable(values, { sheet: "Woningtype" })).kind).toBe("kruistabel");
        expect(perType(values)).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });
});
