/**
 * Whole workbooks of the published tables as printed (test/support/seed-tables.ts): the layout of
 * the workbook never changes the analysis figures (issue 10, "Property tests"). Per run, for the
 * Parkstad workbook (Tabel 1-6: demand, supply, the published saldo, the CBS route) and the
 * Kerkrade workbook (BAT per corporatie, woningtype × huurklasse, opgave 2030, the plans
 * 2021-2025, energielabels):
 * - the sheets in another order;
 * - in any table, unrelated columns (a remark, a source, a row number; anywhere, also before the
 *   row labels), title rows above the caption and blank rows between the table's rows
 *   (test/support/layout.ts; the columns of a table are not moved here: that is the per-table
 *   property of test/ingest/layout-published.property.test.ts);
 * - an unrelated sheet (contacts, notes) somewhere in the workbook.
 * The figures of the JSON result (buildJson) must equal those of the workbook as printed: every
 * number and code, with what names a place (cells, rows, reasons, messages) left out, since a
 * moved table rightly names other cells, and lists compared as sets, since sheets in another order
 * rightly list their findings in another order. The figures as printed are anchored below.
 *
 * Speed: every run analyses two workbooks in memory (no .xlsx round trip); RUNS is kept small
 * (about 1.5 s in all on one core).
 */
import fc from "fast-check";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { buildJson } from "../../src/report/json";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { WorkbookReader } from "../../src/workbook/port";
import type { CellValue } from "../../src/ingest/types";
import { applyLayout, layoutArbitrary, type Layout, type UnrelatedColumn } from "../support/layout";
import { printedNumber, printedRow, seedSheet, seedTable, type SeedTableId } from "../support/seed-tables";

const RUNS = 8;

const UNRELATED: UnrelatedColumn[] = [
  ["Opmerking", (r) => (r % 3 === 0 ? "zie toelichting" : null)],
  ["Bron", () => "eigen bewerking"],
  ["Volgnr.", (r) => r],
];
// No year, result or demand/supply word: such a title rightly changes what a table is.
const TITLES = ["Bijlage B", "Bron: eigen bewerking", "Concept – niet verspreiden"];

/** Sheets that have nothing to do with the analysis. */
const UNRELATED_SHEETS: { name: string; values: CellValue[][] }[] = [
  { name: "Contactpersonen", values: [["Naam", "Organisatie", "Telefoon"], ["J. Jansen", "Gemeente Kerkrade", "045-5676767"], ["A. de Vries", "Wonen Limburg", "088-3855000"]] },
  { name: "Notities", values: [["Aantekeningen bij het overleg"], [], ["Cijfers nog navragen bij de corporaties."], ["Zie ook de bijlage."]] },
];

/** Header rows of each table (Tabel 4 has two; the plans list has none). */
const HEADER_ROWS: Partial<Record<SeedTableId, number>> = { "parkstad-tabel-4": 2, "kerkrade-plannen-2021-2025": 0 };

const PARKSTAD: SeedTableId[] = ["parkstad-tabel-1", "parkstad-tabel-2", "parkstad-tabel-3", "parkstad-tabel-4", "parkstad-tabel-5", "parkstad-tabel-6"];
const KERKRADE: SeedTableId[] = [
  "kerkrade-bat-per-corporatie", "kerkrade-woningtype-huurklasse", "kerkrade-opgave-2030", "kerkrade-plannen-2021-2025", "kerkrade-energielabels",
];

/** A workbook in memory: sheets in order, each a block of cells from A1. */
type Sheets = { name: string; values: CellValue[][] }[];

function reader(sheets: Sheets): WorkbookReader {
  return {
    listSheets: async () => sheets.map((s) => ({ name: s.name, rowCount: s.values.length, columnCount: Math.max(0, ...s.values.map((r) => r.length)), resultKind: null })),
    readSheet: async (name) => {
      const s = sheets.find((x) => x.name === name)!;
      return { sheet: name, tableName: null, originRow: 1, originCol: 1, values: s.values.map((r) => [...r]) };
    },
    readSettings: async () => null,
  };
}

/** One table of a seed sheet laid out: unrelated columns, title rows, blank rows (no column moved). */
function laidOut(id: SeedTableId, layout: Layout): CellValue[][] {
  const t = seedTable(id);
  const captionRows = t.caption.length + 1;
  const values = seedSheet(id);
  const width = Math.max(...values.map((r) => r.length));
  return applyLayout(values, { ...layout, order: [...Array(width).keys()] }, {
    headerAt: captionRows + (HEADER_ROWS[id] ?? 1) - 1, captionRows, trailingFrom: captionRows + t.printed.length,
    fixed: 0, unrelated: UNRELATED, unrelatedBeforeFixed: true,
  }).values;
}

/** What never names a place: keys left out of the comparison. */
const PLACE_KEYS = new Set(["cel", "bron", "reden", "toelichting", "samenvatting", "onderwerp", "tekst", "meldingen", "aannames", "bijschrift", "regel"]);

/** The figures of a JSON result: every number, code and name, without places; lists as sorted sets;
 * the unrelated sheets left out of `invoer.bladen`. */
function figures(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(figures).filter((v) => !(v && typeof v === "object" && "blad" in v && UNRELATED_SHEETS.some((s) => s.name === (v as { blad: unknown }).blad)));
    return items.every((v) => typeof v === "object" && v !== null) ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !PLACE_KEYS.has(k)).map(([k, v]) => [k, figures(v)]));
  }
  return value;
}

async function analyse(sheets: Sheets): Promise<unknown> {
  return figures(buildJson(await analyseWorkbook(reader(sheets), { rules: DEFAULT_RULES })));
}

const asPrinted = (ids: readonly SeedTableId[]): Sheets => ids.map((id) => ({ name: seedTable(id).sheet, values: seedSheet(id) }));

/** A workbook of `ids` in any order, every table in any layout, with or without an unrelated sheet anywhere. */
function workbookArbitrary(ids: readonly SeedTableId[]): fc.Arbitrary<Sheets> {
  const table = layoutArbitrary(0, { permute: false, unrelated: UNRELATED.length, titles: TITLES, maxBlanks: 3 });
  return fc.record({
    order: fc.shuffledSubarray([...ids], { minLength: ids.length, maxLength: ids.length }),
    layouts: fc.array(table, { minLength: ids.length, maxLength: ids.length }),
    extra: fc.option(fc.record({ which: fc.integer({ min: 0, max: UNRELATED_SHEETS.length - 1 }), at: fc.nat() }), { nil: null }),
  }).map(({ order, layouts, extra }) => {
    const sheets: Sheets = order.map((id) => ({ name: seedTable(id).sheet, values: laidOut(id, layouts[ids.indexOf(id)]) }));
    if (extra) sheets.splice(extra.at % (sheets.length + 1), 0, UNRELATED_SHEETS[extra.which]);
    return sheets;
  });
}

describe("seed workbooks as printed: sheet order, unrelated columns, title and blank rows and an unrelated sheet never change the figures", () => {
  let parkstad: { tekort: unknown[]; vergelijking: { telling: unknown }[]; cbsRoute: { totaal: { cbsVoorraad: number } } };
  let kerkrade: { aanbod: { perBat: Record<string, number> }; plannenZonderKlasse: { netto: number }[]; tekort: unknown[] };
  let want: { parkstad: unknown; kerkrade: unknown };
  beforeAll(async () => {
    const json = async (ids: SeedTableId[]) => buildJson(await analyseWorkbook(reader(asPrinted(ids)), { rules: DEFAULT_RULES }));
    parkstad = (await json(PARKSTAD)) as unknown as typeof parkstad;
    kerkrade = (await json(KERKRADE)) as unknown as typeof kerkrade;
    want = { parkstad: figures(parkstad), kerkrade: figures(kerkrade) };
  });

  it("as printed: the figures the properties hold on (Tabel 3 recomputed, the CBS stock, Kerkrade's BAT supply and plans)", () => {
    expect(parkstad.tekort.length).toBeGreaterThan(0);
    expect(parkstad.vergelijking.map((v) => v.telling)).toEqual([{ gelijk: 12, afronding: 0, "wijkt-af": 18, "niet-na-te-rekenen": 18 }]);
    expect(parkstad.cbsRoute.totaal.cbsVoorraad).toBe(printedNumber(printedRow("parkstad-tabel-4", "Parkstad")[2]));
    const total = printedRow("kerkrade-bat-per-corporatie", "TOTAAL");
    expect([0, 1, 2, 3, 4].map((b) => kerkrade.aanbod.perBat[String(b)])).toEqual(total.slice(1, 6).map((t) => printedNumber(t)));
    expect(kerkrade.tekort.length).toBeGreaterThan(0);
    expect(kerkrade.plannenZonderKlasse.map((p) => p.netto)).toEqual([515 - 478 + 125 - 35]);
  });

  it("Parkstad Tabel 1-6 in any workbook layout", async () => {
    await fc.assert(fc.asyncProperty(workbookArbitrary(PARKSTAD), async (sheets) => {
      expect(await analyse(sheets)).toEqual(want.parkstad);
    }), { numRuns: RUNS });
  });

  it("Kerkrade's tables and plans in any workbook layout", async () => {
    await fc.assert(fc.asyncProperty(workbookArbitrary(KERKRADE), async (sheets) => {
      expect(await analyse(sheets)).toEqual(want.kerkrade);
    }), { numRuns: RUNS });
  });
});
