import { detectTable } from "../../src/ingest/detect";
import { csvTable, KERKRADE_BAT_HEADER, kerkradeBatPrinted, kerkradePerDwelling, rawTable } from "./tables";
import { seedSheet, seedTable } from "../support/seed-tables";
import type { CellValue } from "../../src/ingest/types";

describe("detectTable", () => {
  it("recognises the Kerkrade table as printed as a wide BAT table", () => {
    const d = detectTable(rawTable(kerkradeBatPrinted(), { sheet: "BAT per corporatie" }));
    expect(d).toMatchObject({ kind: "bat-breed", headerIndex: KERKRADE_BAT_HEADER });
    expect(d.reden).toContain("BAT 0 ongeschikt");
  });

  it("recognises a per-dwelling stock table", () => {
    const d = detectTable(rawTable(kerkradePerDwelling().slice(0, 50), { sheet: "Voorraad" }));
    expect(d).toMatchObject({ kind: "voorraad", headerIndex: 1 });
    expect(d.reden).toContain("bat");
  });

  it("recognises the printed demand table (three years, scenarios) as vraag", () => {
    const d = detectTable(rawTable(seedSheet("parkstad-tabel-1"), { sheet: "Tabel 1" }));
    expect(d).toMatchObject({ kind: "vraag", headerIndex: seedTable("parkstad-tabel-1").caption.length + 1 });
  });

  it("recognises the printed supply table (first header cell 'Aanbod') as aanbod", () => {
    expect(detectTable(rawTable(seedSheet("parkstad-tabel-2"), { sheet: "Tabel 2" })))
      .toMatchObject({ kind: "aanbod", headerIndex: seedTable("parkstad-tabel-2").caption.length + 1 });
  });

  it("decides on one year and no scenario when neither sheet nor title says", () => {
    const values: CellValue[][] = [["Woonvorm", 2023], ["Nultredenwoning", 100], ["Geclusterd wonen", 20]];
    expect(detectTable(rawTable(values, { sheet: "Blad3" })).kind).toBe("aanbod");
    const twoYears: CellValue[][] = [["Woonvorm", 2023, 2030], ["Nultredenwoning", 100, 120]];
    expect(detectTable(rawTable(twoYears, { sheet: "Blad3" })).kind).toBe("vraag");
    expect(detectTable(rawTable(values, { sheet: "Vraag 2023" })).kind).toBe("vraag");
  });

  it("does not take a long demand table with gemeente/aantal columns for stock", () => {
    const values: CellValue[][] = [["Woonvorm", "Jaar", "Gemeente", "Aantal"], ["Geclusterd wonen", 2030, "Kerkrade", 1100], ["Nultreden", 2030, "Kerkrade", 900]];
    expect(detectTable(rawTable(values, { sheet: "Prognose" })).kind).toBe("vraag");
  });

  it("leaves tables it does not know as onbekend with a Dutch reason", () => {
    const values: CellValue[][] = [["Energielabel", "A", "B", "C"], ["Wonen Zuid", 10, 20, 30]];
    const d = detectTable(rawTable(values, { sheet: "Labels" }));
    expect(d).toMatchObject({ kind: "onbekend", headerIndex: -1 });
    expect(d.reden).toContain("geen kopregel herkend");
  });

  it("recognises a cross table woningtype × huurklasse as its own kind, not as a stock per dwelling", () => {
    const d = detectTable(rawTable(csvTable("kerkrade-sociale-huur-woningtype-2020.csv"), { sheet: "Woningtype" }));
    expect(d).toMatchObject({ kind: "kruistabel", headerIndex: 0 });
    expect(d.reden).toContain("zonder BAT-score");
  });

  it("recognises the tables of the CBS route (more in cbs.test.ts)", () => {
    expect(detectTable(rawTable(csvTable("parkstad-woningvoorraad-cbs-2023.csv"))).kind).toBe("cbs-voorraad");
    expect(detectTable(rawTable(csvTable("parkstad-aanpassing-ouderen-per-gemeente.csv"))).kind).toBe("aanpassingspercentages");
    expect(detectTable(rawTable(csvTable("parkstad-aanpassing-ouderen-huur-koop.csv"))).kind).toBe("aanpassingspercentages");
  });
});
