/**
 * Every table of the published documents, pasted as printed (test/support/seed-tables.ts), is
 * recognised as what it is and read to the figures it prints. The expected figures are computed
 * here from the printed text (printedNumber), never taken from the code under test.
 */
import { detectTable } from "../../src/ingest/detect";
import { readCategorized } from "../../src/ingest/categorized";
import { readAdaptationShares, readCbsStock } from "../../src/ingest/cbs";
import { readStock } from "../../src/ingest/stock";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { stockOptionsFor } from "../../src/analysis/choose";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import {
  printedNumber, printedRow, SEED_TABLE_IDS, seedRawTable, seedTable, seedWorkbook, type SeedCells, type SeedTableId,
} from "../support/seed-tables";

const num = (s: string): number => {
  const n = printedNumber(s);
  if (n === null) throw new Error(`not a printed number: "${s}"`);
  return n;
};

const BOTH: SeedCells[] = ["excel", "text"];

/** The woonvorm rows of a printed table under the group row `from`. */
function groupRows(id: SeedTableId, from: string): string[][] {
  const rows = seedTable(id).printed;
  const start = rows.findIndex((r) => r[0] === from);
  const out: string[][] = [];
  for (const r of rows.slice(start + 1)) {
    // The group ends at an empty row of figures, a "... totaal" row, or the next group heading.
    if (r[1] === "" || /totaal$/i.test(r[0]) || /^(mensen|woningbehoefte|woonwagen)/i.test(r[0])) break;
    out.push(r);
  }
  return out;
}

describe("the kind of every seed table as printed", () => {
  const expected: Record<SeedTableId, string> = {
    "parkstad-tabel-1": "vraag",
    "parkstad-tabel-2": "aanbod",
    "parkstad-tabel-3": "saldo", // a published result: never read as demand
    "parkstad-tabel-4": "cbs-voorraad",
    "parkstad-tabel-5": "aanpassingspercentages",
    "parkstad-tabel-6": "aanpassingspercentages",
    "parkstad-planning": "onbekend",
    "kerkrade-woningtype-huurklasse": "kruistabel", // aggregate stock woningtype × huurklasse
    "kerkrade-opgave-2030": "vraag",
    "kerkrade-bat-per-corporatie": "bat-breed",
    "kerkrade-energielabels": "onbekend",
    "kerkrade-plannen-2021-2025": "plannenlijst", // a published list of plans: no year, class or type
  };
  for (const id of SEED_TABLE_IDS) {
    for (const cells of BOTH) {
      it(`${id} (${cells}) → ${expected[id]}`, () => {
        expect(detectTable(seedRawTable(id, { cells })).kind).toBe(expected[id]);
      });
    }
  }

  it("says why: Tabel 1 by its first header cell 'Vraag', Tabel 3 names the saldo", () => {
    expect(detectTable(seedRawTable("parkstad-tabel-1")).reden).toContain("cel A3 op blad 'Tabel 1 vraag'");
    expect(detectTable(seedRawTable("parkstad-tabel-3")).kind).not.toBe("vraag");
  });
});

describe("Parkstad Tabel 1 (vraag) as printed", () => {
  for (const cells of BOTH) {
    it(`reads every woonvorm per scenario and year; 'Ouderen totaal' is checked, not counted (${cells})`, () => {
      const { entries, issues } = readCategorized(seedRawTable("parkstad-tabel-1", { cells }), "vraag");
      expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
      for (const [scenario, group] of [["basis", "Ouderen (basisscenario)"], ["trend", "Ouderen (trendscenario)"]] as const) {
        const rows = groupRows("parkstad-tabel-1", group);
        expect(rows).toHaveLength(5);
        const totals = seedTable("parkstad-tabel-1").printed.filter((r) => r[0] === "Ouderen totaal");
        const total = totals[scenario === "basis" ? 0 : 1];
        [2023, 2030, 2040].forEach((jaar, k) => {
          const got = entries.filter((e) => e.groep === "ouderen" && e.scenario === scenario && e.jaar === jaar);
          expect(got.map((e) => e.waarde)).toEqual(rows.map((r) => num(r[k + 1])));
          expect(got.reduce((s, e) => s + e.waarde, 0)).toBe(num(total[k + 1]));
        });
      }
      // No warning about an unknown woonvorm "Ouderen totaal"; the "?" figures are reported as unknown.
      expect(issues.some((i) => i.code === "categorie-onbekend")).toBe(false);
      expect(issues.some((i) => i.code === "waarde-onbekend")).toBe(true);
      // The verstandelijke beperking groups: geclusterd + gespikkeld per scenario as printed.
      const vg = entries.filter((e) => e.groep === "verstandelijke beperking" && e.scenario === "onderkant" && e.jaar === 2030);
      const vgRows = groupRows("parkstad-tabel-1", "Mensen met een verstandelijke beperking (onderkant)");
      expect(vgRows).toHaveLength(2);
      expect(vg.map((e) => e.waarde)).toEqual(vgRows.map((r) => num(r[2])));
    });
  }
});

describe("Parkstad Tabel 2 (aanbod) as printed", () => {
  it("reads the 2023 supply; the empty 2030 and 2040 columns give one message each", () => {
    const { entries, issues } = readCategorized(seedRawTable("parkstad-tabel-2"), "aanbod");
    const ouderen = groupRows("parkstad-tabel-2", "Ouderen");
    expect(entries.filter((e) => e.groep === "ouderen").map((e) => e.waarde)).toEqual(ouderen.map((r) => num(r[1])));
    expect(entries.every((e) => e.jaar === 2023)).toBe(true);
    expect(issues.filter((i) => i.code === "jaar-leeg")).toHaveLength(2);
    expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("Kerkrade opgave 2030 as printed", () => {
  for (const cells of BOTH) {
    it(`is demand per BAT class in 2030; 'BAT 4 Verpleegzorg geschikt' is BAT 4 (${cells})`, () => {
      const { entries, issues } = readCategorized(seedRawTable("kerkrade-opgave-2030", { cells }), "vraag");
      const printed = seedTable("kerkrade-opgave-2030").printed;
      expect(entries.map((e) => [e.niveau, e.categorie, e.jaar, e.waarde])).toEqual(
        printed[0].map((h, k) => ["bat", h.split("\n")[0].slice(4), 2030, num(printed[1][k])]),
      );
      expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
      expect(issues.filter((i) => i.code === "getal-met-toevoeging")).toHaveLength(4);
    });
  }

  it("with the caption cut off, the table says it has no year instead of guessing", () => {
    const { entries, issues } = readCategorized(seedRawTable("kerkrade-opgave-2030", { bare: true }), "vraag");
    expect(entries).toEqual([]);
    expect(issues.some((i) => i.severity === "fout" && /geen jaartal/.test(i.message))).toBe(true);
  });
});

describe("Kerkrade BAT per corporatie as printed", () => {
  it("reads the count per BAT class of every corporation; TOTAAL checked, not counted", () => {
    const stock = readStock(seedRawTable("kerkrade-bat-per-corporatie"), stockOptionsFor({ rules: DEFAULT_RULES }));
    const total = printedRow("kerkrade-bat-per-corporatie", "TOTAAL");
    for (let bat = 0; bat <= 4; bat++) {
      const n = stock.rows.toArray().filter((r) => r.bat === bat).reduce((s, r) => s + r.aantal, 0);
      expect(n).toBe(num(total[bat + 1]));
    }
    expect(stock.issues.filter((i) => i.severity === "fout")).toEqual([]);
  });
});

describe("Kerkrade woningtype × huurklasse as printed", () => {
  const ID = "kerkrade-woningtype-huurklasse";
  /** Printed data rows (TOTAAL left out): label, the five rent-class figures, the printed row total. */
  const printed = () => seedTable(ID).printed.slice(1).filter((r) => r[0] !== "TOTAAL");
  /** Sum of the printed rent-class cells of a row (the last printed cell is its TOTAAL). */
  const classSum = (r: string[]) => r.slice(1, -1).reduce((n, c) => n + num(c), 0);

  it("is an aggregate stock: per woningtype the sum of its printed cells; TOTAAL row and column checked, never counted", () => {
    for (const cells of BOTH) {
      const stock = readStock(seedRawTable(ID, { cells }), stockOptionsFor({ rules: DEFAULT_RULES }));
      for (const r of printed()) {
        const got = stock.rows.toArray().filter((x) => x.woningtype === r[0]).reduce((n, x) => n + x.aantal, 0);
        expect(got).toBe(classSum(r));
      }
      const all = printed().reduce((n, r) => n + classSum(r), 0);
      expect(stock.rows.toArray().reduce((n, x) => n + x.aantal, 0)).toBe(all);
      expect(all).toBe(num(printedRow(ID, "TOTAAL").at(-1)!)); // the printed table agrees with itself
      expect(stock.rows.toArray().every((x) => x.bat === null)).toBe(true);
      // Balance: one data row per printed cell with dwellings (zeros are no data).
      const filledCells = printed().reduce((n, r) => n + r.slice(1, -1).filter((c) => num(c) > 0).length, 0);
      expect([stock.rowsRead, stock.rows.length, stock.rowsRejected]).toEqual([filledCells, filledCells, 0]);
      expect(stock.issues.filter((i) => i.severity !== "info")).toEqual([]);
    }
  });

  it("a TOTAAL that differs from its cells is a warning naming the cell; the figures stay the cells' sum", () => {
    const table = seedRawTable(ID);
    const totalRow = table.values.findIndex((r) => r[0] === "TOTAAL");
    const rowOf = (label: string) => table.values.findIndex((r) => r[0] === label);
    const last = table.values[totalRow].length - 1;
    table.values[totalRow][1] = 951; // printed 950 under "Goedkoop"
    table.values[rowOf("Anders")][last] = 1; // row total of a row of zeros
    const stock = readStock(table, stockOptionsFor({ rules: DEFAULT_RULES }));
    const warnings = stock.issues.filter((i) => i.code === "totaal-klopt-niet");
    expect(warnings.map((w) => w.cell).sort()).toEqual([`B${table.originRow + totalRow}`, `G${table.originRow + rowOf("Anders")}`].sort());
    expect(warnings[0].message).toContain("'Woningtype huurklasse'");
    expect(stock.rows.toArray().reduce((n, x) => n + x.aantal, 0)).toBe(printed().reduce((n, r) => n + classSum(r), 0));
  });

  describe("in a workbook", () => {
    let alone: Awaited<ReturnType<typeof analyseWorkbook>>;
    let both: Awaited<ReturnType<typeof analyseWorkbook>>;
    let withSupply: Awaited<ReturnType<typeof analyseWorkbook>>;
    beforeAll(async () => {
      const read = async (wb: ReturnType<typeof seedWorkbook>) =>
        analyseWorkbook(await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer())), { rules: DEFAULT_RULES });
      alone = await read(seedWorkbook([ID]));
      const wb = seedWorkbook([ID]);
      const ws = wb.addWorksheet("Voorraad");
      ws.addRow(["VHE-nummer", "Woningtype", "BAT-score"]);
      ws.addRow(["VHE1", "Gestapeld met lift", 2]);
      ws.addRow(["VHE2", "Eengezinswoning", 0]);
      both = await read(wb);
      withSupply = await read(seedWorkbook([ID, "parkstad-tabel-1", "parkstad-tabel-2"]));
    });

    it("alone, it is the stock: adaptation potential follows the woningtype, only the floor of a flat without lift stays onbekend", () => {
      // Default rules (rules.ts): grondgebonden → potentieel, gestapeld met lift → potentieel,
      // gestapeld zonder lift → potentieel on the ground floor, ongeschikt higher up: the table has no floor.
      const sumOf = (test: (label: string) => boolean) => printed().filter((r) => test(r[0].toLowerCase())).reduce((n, r) => n + classSum(r), 0);
      const potentieel = sumOf((l) => l.startsWith("grondgebonden") || l.includes("met lift"));
      const onbekend = sumOf((l) => l.includes("zonder lift"));
      const totals = alone.adaptationTotals.reduce(
        (t, a) => ({ geschikt: t.geschikt + a.geschikt, potentieel: t.potentieel + a.potentieel, ongeschikt: t.ongeschikt + a.ongeschikt, onbekend: t.onbekend + a.onbekend }),
        { geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 0 });
      expect(totals).toEqual({ geschikt: 0, potentieel, ongeschikt: 0, onbekend });
      expect(alone.tables).toEqual([expect.objectContaining({ sheet: seedTable(ID).sheet, kind: "kruistabel", used: true })]);
      expect(alone.supplySource).toBeNull(); // no BAT: not the supply of a tekort
      // Messages name the table row once, not once per cell.
      expect(alone.issues.find((i) => i.code === "aanpassing-verdieping-onbekend")?.message).toContain(`(1 rij)`);
    });

    it("with a supply table, the tekort uses that table; the cross table still gives the adaptation potential", () => {
      expect(withSupply.supplySource).toBe("aanbodtabel");
      expect(withSupply.tekort.length).toBeGreaterThan(0);
      expect(withSupply.adaptationTotals.reduce((n, a) => n + a.potentieel + a.onbekend, 0)).toBe(alone.adaptationTotals.reduce((n, a) => n + a.potentieel + a.onbekend, 0));
      expect(withSupply.tables.find((t) => t.sheet === seedTable("parkstad-tabel-2").sheet)?.used).toBe(true);
    });

    it("next to a stock per dwelling, the per-dwelling stock is used and the cross table is listed with the reason", () => {
      expect(both.stock?.rowsRead).toBe(2);
      const cross = both.tables.find((t) => t.sheet === seedTable(ID).sheet)!;
      expect(cross).toMatchObject({ kind: "kruistabel", used: false });
      expect(cross.reden).toContain("heeft zelf een kolom woningtype");
      expect(both.issues.find((i) => i.code === "blad-niet-gebruikt" && i.sheet === cross.sheet)?.message).toContain("--voorraad");
      expect(both.issues.filter((i) => i.code === "voorraad-wijkt-af")).toEqual([]);
    });
  });
});

describe("Parkstad Tabel 4-6 as printed", () => {
  it("Tabel 4: the Parkstad row is the region, the gemeenten add up to it", () => {
    const { entries } = readCbsStock(seedRawTable("parkstad-tabel-4"));
    const gemeenten = entries.filter((e) => !e.regio);
    expect(gemeenten).toHaveLength(7);
    expect(gemeenten.reduce((s, e) => s + (e.counts.totaal ?? 0), 0)).toBe(num(printedRow("parkstad-tabel-4", "Parkstad")[2]));
  });

  it("Tabel 6: gemeente written once holds for its koop row; Totaal huur/koop is the region", () => {
    const { entries, issues } = readAdaptationShares(seedRawTable("parkstad-tabel-6"));
    expect(issues.filter((i) => i.severity === "fout")).toEqual([]);
    const printed = seedTable("parkstad-tabel-6").printed.slice(1);
    expect(entries).toHaveLength(printed.length);
    let gemeente = "";
    printed.forEach((r, k) => {
      if (r[0] !== "") gemeente = r[0];
      // The percentage as printed ("20%" → 20), exactly: Excel's 0.2 is read without binary noise.
      expect([entries[k].gemeente, entries[k].segment, entries[k].potentieel]).toEqual([gemeente, r[1], Number(r[3].replace("%", "").replace(",", "."))]);
    });
    expect(entries.filter((e) => e.regio).map((e) => e.segment)).toEqual(["huur", "koop"]);
  });
});

describe("a workbook of the seed tables through the whole analysis", () => {
  it("Parkstad: demand from Tabel 1, supply from Tabel 2; Tabel 3 is not read as demand", async () => {
    const wb = seedWorkbook(["parkstad-tabel-1", "parkstad-tabel-2", "parkstad-tabel-3"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
    const use = Object.fromEntries(result.tables.map((t) => [t.sheet, [t.kind, t.used]]));
    expect(use["Tabel 1 vraag"]).toEqual(["vraag", true]);
    expect(use["Tabel 3 tekort"][0]).toBe("saldo");
    expect(result.demand.every((d) => d.sheet === "Tabel 1 vraag")).toBe(true);
    const basis2030 = result.demand.filter((d) => d.groep === "ouderen" && d.scenario === "basis" && d.jaar === 2030);
    expect(basis2030.reduce((s, d) => s + d.vraag, 0)).toBe(num(seedTable("parkstad-tabel-1").printed.filter((r) => r[0] === "Ouderen totaal")[0][2]));
  });
});
