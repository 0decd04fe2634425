/**
 * Property: whatever junk a sheet holds, readStock never throws and keeps its balance
 * rowsRead = rows.length + rowsRejected; every set-aside row has a fout naming a cell; demand
 * and supply readers never throw either.
 */
import fc from "fast-check";
import { readStock } from "../../src/ingest/stock";
import { readDemand } from "../../src/ingest/demand";
import { readSupply } from "../../src/ingest/supply";
import { detectTable } from "../../src/ingest/detect";
import { rawTable } from "./tables";
import type { CellValue } from "../../src/ingest/types";

/** Cells people really put in these sheets, plus noise. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom<CellValue>(
    "", " ", "#N/A", { error: "#REF!" }, "-", "ja", "nee", "x", "Totaal", "TOTAAL", "Bron: test", "VHE", "BAT", "BAT-score",
    "Aantal", "Corporatie", "BAT 0", "BAT 1", "BAT 2", "BAT 3", "BAT 4", "BAT1", "BAT5", "BAT 5", "rollatorbewoonbaar",
    "Woonvorm", "Ouderen (basisscenario)", "geclusterd wonen", "1.729", "12,5", "62%", "=HYPERLINK(\"x\")", "Lift",
    "Bouwlaag", "begane grond", "Gemeente", "Jaar", "Vraag", 2023, 2030, "Onbekend",
  ),
  fc.integer({ min: -3, max: 2000 }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
);

const table = fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 25 });
const scale = fc.constantFrom<"auto" | "limburg" | "vera">("auto", "limburg", "vera");

describe("balance on random junk tables", () => {
  it("readStock never throws and rowsRead === rows.length + rowsRejected", () => {
    fc.assert(
      fc.property(table, scale, fc.integer({ min: 1, max: 50 }), (values, s, origin) => {
        const ing = readStock(rawTable(values, { originRow: origin, originCol: origin }), { scale: s });
        expect(ing.rowsRead).toBe(ing.rows.length + ing.rowsRejected);
        const fouten = ing.issues.filter((i) => i.severity === "fout" && i.cell !== null);
        expect(fouten.length).toBeGreaterThanOrEqual(ing.rowsRejected);
        for (const r of ing.rows.toArray()) {
          expect(Number.isInteger(r.aantal) && r.aantal >= 1).toBe(true);
          if (r.bat !== null) expect(r.batScale).toBe(ing.batScale);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("readStock keeps the balance on junk placed under a real header", () => {
    const headers = fc.constantFrom<CellValue[]>(
      ["VHE-nummer", "BAT-score", "Aantal", "Lift", "Bouwlaag"],
      ["Corporatie", "BAT 0", "BAT 1", "BAT 2", "BAT 3", "BAT 4", "Totaal"],
      ["Buurt", "BAT", "Aantal"],
    );
    fc.assert(
      fc.property(headers, table, scale, (header, rows, s) => {
        const ing = readStock(rawTable([["Titel van de tabel"], header, ...rows]), { scale: s });
        expect(ing.rowsRead).toBe(ing.rows.length + ing.rowsRejected);
        expect(ing.headerRow).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 400 },
    );
  });

  it("demand, supply and detection never throw", () => {
    fc.assert(
      fc.property(table, (values) => {
        const t = rawTable(values);
        const d = readDemand(t);
        for (const e of d.entries) expect(e.vraag).toBeGreaterThanOrEqual(0);
        readSupply(t);
        expect(["voorraad", "bat-breed", "aanbod", "vraag", "cbs-voorraad", "aanpassingspercentages", "onbekend"]).toContain(detectTable(t).kind);
      }),
      { numRuns: 300 },
    );
  });
});
