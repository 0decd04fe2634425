/**
 * Layout never changes the figures: permuting columns, adding unrelated columns, title rows
 * above the table or blank rows in it give the same stock, demand and BAT totals. Run on the
 * synthetic Kerkrade per-dwelling stock, and on the seed tables as printed (Parkstad Tabel 1,
 * Kerkrade BAT per corporatie, Kerkrade woningtype × huurklasse).
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

const OPTIONS = stockOptionsFor({ rules: DEFAULT_RULES });

/** Unrelated columns as found in exports and pasted tables: header and a value per row. */
const UNRELATED: [string, (r: number) => CellValue][] = [
  ["Postcode", (r) => `64${String(r % 100).padStart(2, "0")} AB`],
  ["Huurprijs", (r) => 500 + (r % 300)],
  ["Opmerking", (r) => (r % 7 === 0 ? "zie toelichting" : null)],
  ["Energielabel", (r) => "ABCDEFG"[r % 7]],
];

interface Layout {
  /** Column order: a permutation of the table's columns. */
  order: readonly number[];
  /** Unrelated columns added, and where (index into the new row). */
  extra: { which: number; at: number }[];
  titles: string[];
  /** Positions (in body rows) where a blank row is inserted. */
  blanks: number[];
}

function layout(width: number, permute: boolean): fc.Arbitrary<Layout> {
  const order = permute
    ? fc.shuffledSubarray([...Array(width).keys()], { minLength: width, maxLength: width })
    : fc.constant([...Array(width).keys()]);
  return fc.record({
    order,
    extra: fc.array(fc.record({ which: fc.integer({ min: 0, max: UNRELATED.length - 1 }), at: fc.nat() }), { maxLength: 3 }),
    titles: fc.array(fc.constantFrom("Voorraad per 1-1-2024", "Bron: eigen administratie", "Tabel 7"), { maxLength: 3 }),
    blanks: fc.array(fc.nat(), { maxLength: 4 }),
  });
}

/** Applies a layout to a table whose first row is the header. */
function apply(values: CellValue[][], l: Layout, headerAt = 0, keepFirst = false): CellValue[][] {
  const order = keepFirst ? [0, ...l.order.filter((c) => c !== 0)] : l.order;
  const used = new Set<number>();
  const extra = l.extra.filter((e) => !used.has(e.which) && used.add(e.which));
  const rows = values.map((row, r) => {
    const out = order.map((c) => row[c] ?? null);
    for (const e of extra) {
      const at = keepFirst ? 1 + (e.at % out.length) : e.at % (out.length + 1);
      out.splice(at, 0, r === headerAt ? UNRELATED[e.which][0] : r < headerAt ? null : UNRELATED[e.which][1](r));
    }
    return out;
  });
  const head = rows.slice(0, headerAt + 1);
  const body = rows.slice(headerAt + 1);
  for (const b of [...l.blanks].sort((a, b2) => b2 - a)) body.splice(b % (body.length + 1), 0, []);
  return [...l.titles.map((t) => [t]), ...head, ...body];
}

/** The figures of a stock read: dwellings per (id, complex, BAT). */
function stockFigures(s: StockIngest): string[] {
  return s.rows.map((r) => `${r.id}|${r.complex}|${r.bat}|${r.aantal}|${r.woningtype}|${r.lift}`).sort();
}

describe("layout does not change the figures", () => {
  const base = kerkradePerDwelling().slice(1, 400); // header + 398 dwellings (title row dropped)
  const expected = stockFigures(readStock(rawTable(base, { sheet: "Voorraad" }), OPTIONS));

  it("per-dwelling stock: columns permuted, unrelated columns, title rows, blank rows", () => {
    expect(expected.length).toBe(398);
    fc.assert(
      fc.property(layout(base[0].length, true), (l) => {
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
      fc.property(layout(table[0].length, true), (l) => {
        const values = apply(table, l, 0, true);
        expect(detectTable(rawTable(values, { sheet: "Tabel 1" })).kind).toBe("vraag");
        expect(figures(values)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it("Kerkrade BAT per corporatie as printed: BAT columns permuted, title and blank rows", () => {
    const table = seedSheet("kerkrade-bat-per-corporatie", { bare: true });
    const perBat = (values: CellValue[][]) => {
      const s = readStock(rawTable(values, { sheet: "BAT" }), OPTIONS);
      return [0, 1, 2, 3, 4].map((b) => s.rows.filter((r) => r.bat === b).reduce((n, r) => n + r.aantal, 0));
    };
    const want = perBat(table);
    // As printed in the TOTAAL row.
    expect(want).toEqual(printedRow("kerkrade-bat-per-corporatie", "TOTAAL").slice(1, 6).map((t) => printedNumber(t)));
    fc.assert(
      fc.property(layout(table[0].length, true), (l) => {
        expect(perBat(apply(table, { ...l, extra: [] }, 0, true))).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it("Kerkrade woningtype × huurklasse as printed: rent-class columns permuted, unrelated columns, title and blank rows", () => {
    const table = seedSheet("kerkrade-woningtype-huurklasse", { bare: true });
    const perType = (values: CellValue[][]) => {
      const s = readStock(rawTable(values, { sheet: "Woningtype" }), OPTIONS);
      const m = new Map<string, number>();
      for (const r of s.rows) m.set(r.woningtype ?? "", (m.get(r.woningtype ?? "") ?? 0) + r.aantal);
      return [...m].sort();
    };
    const want = perType(table);
    // As printed in the TOTAAL column, per woningtype with dwellings.
    const printedTotals = seedTable("kerkrade-woningtype-huurklasse").printed.slice(1)
      .filter((r) => r[0] !== "TOTAAL" && printedNumber(r[r.length - 1])! > 0)
      .map((r) => [r[0], printedNumber(r[r.length - 1])] as [string, number]).sort();
    expect(want).toEqual(printedTotals);
    fc.assert(
      fc.property(layout(table[0].length, true), (l) => {
        const values = apply(table, l, 0, true);
        expect(detectTable(rawTable(values, { sheet: "Woningtype" })).kind).toBe("kruistabel");
        expect(perType(values)).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });
});
