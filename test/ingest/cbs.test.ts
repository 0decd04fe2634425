/**
 * Reading the CBS-route tables (src/ingest/cbs.ts): the Parkstad Tabel 4/5/6 layouts from the
 * published CSVs, a CBS StatLine-style header, percentages written in several ways, and Dutch
 * messages with sheet and cell for bad values.
 */
import { detectTable } from "../../src/ingest/detect";
import { cbsStockColumns, readAdaptationShares, readCbsStock, shareColumns } from "../../src/ingest/cbs";
import type { CellValue } from "../../src/ingest/types";
import { capitalise, csvTable, rawTable } from "./tables";
import { readCsvTable } from "../support/csv";

/** A published layout: title, source, blank row, then the CSV's header and rows. */
function published(csv: string, header: string[], map: (r: string[]) => CellValue[]): CellValue[][] {
  const [, ...rows] = readCsvTable(csv);
  return [["Tabel. Titel van de tabel"], ["Bron: CBS"], [], header, ...rows.map(map), [], ["Noot: koop + huur is lager dan het totaal."]];
}
const num = (s: string) => Number(s);

describe("CBS stock table", () => {
  const values = published("parkstad-woningvoorraad-cbs-2023.csv", ["Gemeente", "Jaar", "Totaal", "Koop", "Huur"], (r) => [
    r[0] === "Parkstad" ? "Parkstad (totaal)" : r[0], num(r[1]), num(r[2]), num(r[3]), num(r[4]),
  ]);

  test("reads Tabel 4 as published: every gemeente, the region row flagged, counts as in the CSV", () => {
    const csv = readCsvTable("parkstad-woningvoorraad-cbs-2023.csv").slice(1);
    const ing = readCbsStock(rawTable(values, { sheet: "Tabel 4" }));
    expect(ing.issues).toEqual([]);
    expect(ing.rowsRead).toBe(csv.length);
    expect(ing.entries.map((e) => [e.gemeente.replace(" (totaal)", ""), e.jaar, e.counts.totaal, e.counts.koop, e.counts.huur])).toEqual(
      csv.map((r) => [r[0], num(r[1]), num(r[2]), num(r[3]), num(r[4])]),
    );
    expect(ing.entries.filter((e) => e.regio).map((e) => e.gemeente)).toEqual(["Parkstad (totaal)"]);
    expect(ing.entries[0]).toMatchObject({ sheet: "Tabel 4", rowNumber: 5, cells: { totaal: "C5", koop: "D5", huur: "E5" } });
  });

  test("recognises a CBS StatLine export with the huur split and unknown ownership", () => {
    const v: CellValue[][] = [
      ["Woningvoorraad; eigendom, regio"],
      ["Regio's", "Perioden", "Totale woningvoorraad", "Koopwoningen", "Huurwoningen", "In bezit woningcorporatie", "In bezit overige verhuurders", "Eigendom onbekend"],
      ["Kerkrade", "2023*", "24.167", "12.653", "11.360", "7.900", "3.460", 154],
    ];
    const det = detectTable(rawTable(v, { sheet: "StatLine" }));
    expect(det).toMatchObject({ kind: "cbs-voorraad", headerIndex: 1 });
    expect(det.reden).toContain("CBS-woningvoorraad");
    const ing = readCbsStock(rawTable(v, { sheet: "StatLine" }));
    expect(ing.entries[0]).toMatchObject({
      gemeente: "Kerkrade", jaar: 2023, regio: false,
      counts: { totaal: 24167, koop: 12653, huur: 11360, corporatie: 7900, particulier: 3460, onbekend: 154 },
    });
  });

  test("a bad count sets the row aside with a Dutch message naming sheet and cell", () => {
    const v = values.map((r) => [...r]);
    v[5][3] = "ca. 9000"; // Brunssum koop, cell D6
    v[6][4] = -3; // Heerlen huur, E7
    v[7][2] = 24167.5; // Kerkrade totaal, C8
    const ing = readCbsStock(rawTable(v, { sheet: "Tabel 4" }));
    expect(ing.issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ["cbs-aantal-ongeldig", "fout", "Tabel 4", "D6"],
      ["cbs-aantal-ongeldig", "fout", "Tabel 4", "E7"],
      ["cbs-aantal-ongeldig", "fout", "Tabel 4", "C8"],
    ]);
    expect(ing.issues[0].message).toBe("Cel D6 op blad 'Tabel 4' bevat 'ca. 9000': geen getal (koop). De rij van Brunssum is niet gebruikt.");
    expect(ing.issues[1].message).toContain("een negatief aantal");
    expect(ing.issues[2].message).toContain("geen geheel aantal woningen");
    expect(ing.entries.map((e) => e.gemeente)).not.toContain("Brunssum");
    expect(ing.rowsRead).toBe(ing.entries.length + ing.rowsRejected);
    expect(ing.rowsRejected).toBe(3);
  });

  test("a row without gemeente is set aside; a missing count is left out, not read as 0", () => {
    const v: CellValue[][] = [["Gemeente", "Koop", "Huur"], [null, 10, 20], ["A", 10, "-"]];
    const ing = readCbsStock(rawTable(v, { sheet: "S" }));
    expect(ing.issues).toEqual([expect.objectContaining({ code: "cbs-gemeente-ontbreekt", cell: "A2" })]);
    expect(ing.entries).toEqual([expect.objectContaining({ gemeente: "A", counts: { koop: 10 } })]);
  });

  test("a region row named without 'totaal' (the CSV's 'Parkstad') is found as the sum of the other rows", () => {
    const ing = readCbsStock(rawTable(csvTable("parkstad-woningvoorraad-cbs-2023.csv"), { sheet: "CSV" }));
    expect(ing.entries).toHaveLength(8);
    expect(ing.entries.filter((e) => e.regio).map((e) => e.gemeente)).toEqual(["Parkstad"]);
    expect(ing.issues).toEqual([expect.objectContaining({ code: "cbs-somrij", severity: "info", sheet: "CSV" })]);
    // Change one gemeente: no row is the sum any more, nothing is flagged.
    const v = csvTable("parkstad-woningvoorraad-cbs-2023.csv");
    v[1][2] = 16766;
    expect(readCbsStock(rawTable(v)).entries.some((e) => e.regio)).toBe(false);
  });

  test("header recognition: percentages are not counts, and a gemeente column alone is not enough", () => {
    expect(cbsStockColumns(["Gemeente", "Koop", "Huur"])).toMatchObject({ gemeente: 0, counts: { koop: 1, huur: 2 } });
    expect(cbsStockColumns(["Gemeente", "Koop (%)", "Huur (%)"])).toBeNull();
    expect(cbsStockColumns(["Gemeente", "Totaal"])).toBeNull();
    expect(cbsStockColumns(["Woningtype", "Koop", "Huur"])).toBeNull();
  });
});

describe("percentage tables", () => {
  const tabel5 = published("parkstad-aanpassing-ouderen-per-gemeente.csv", ["Gemeente", "Geschikt (%)", "Potentieel geschikt (%)", "Ongeschikt (%)"], (r) => [
    r[0] === "Parkstad" ? "Parkstad (totaal)" : r[0], num(r[1]), num(r[2]), num(r[3]),
  ]);
  const tabel6 = published("parkstad-aanpassing-ouderen-huur-koop.csv", ["Gemeente", "Segment", "Geschikt (%)", "Potentieel geschikt (%)", "Ongeschikt (%)"], (r) => [
    r[0], capitalise(r[1]), num(r[2]), num(r[3]), num(r[4]),
  ]);

  test("Tabel 5: one row per gemeente for all dwellings; the region row flagged", () => {
    const csv = readCsvTable("parkstad-aanpassing-ouderen-per-gemeente.csv").slice(1);
    expect(detectTable(rawTable(tabel5, { sheet: "Tabel 5" })).kind).toBe("aanpassingspercentages");
    const ing = readAdaptationShares(rawTable(tabel5, { sheet: "Tabel 5" }));
    expect(ing.issues).toEqual([]);
    expect(ing.entries.map((e) => [e.segment, e.geschikt, e.potentieel, e.ongeschikt])).toEqual(csv.map((r) => [null, num(r[1]), num(r[2]), num(r[3])]));
    expect(ing.entries.filter((e) => e.regio).map((e) => e.gemeente)).toEqual(["Parkstad (totaal)"]);
  });

  test("Tabel 6: per gemeente and segment; 'Totaal' is the region", () => {
    const csv = readCsvTable("parkstad-aanpassing-ouderen-huur-koop.csv").slice(1);
    const ing = readAdaptationShares(rawTable(tabel6, { sheet: "Tabel 6" }));
    expect(ing.issues).toEqual([]);
    expect(ing.entries.map((e) => [e.gemeente, e.segment, e.potentieel, e.regio])).toEqual(csv.map((r) => [r[0], r[1], num(r[3]), r[0] === "Totaal"]));
  });

  test("percentages as text with %, as Dutch decimals, and as fractions read the same", () => {
    const v: CellValue[][] = [
      ["Gemeente", "Segment", "% geschikt", "% potentieel", "% ongeschikt"],
      ["A", "koop", "6%", "51 %", "43%"],
      ["B", "Huurwoningen", 0.32, 0.2, 0.48],
      ["C", "Huur corporatie", "12,5", "37,5", 50],
      ["D", "Totaal", 14, 42, 44],
      ["E", "Particuliere huur", 20, 30, 50],
    ];
    const ing = readAdaptationShares(rawTable(v));
    expect(ing.issues).toEqual([]);
    expect(ing.entries.map((e) => [e.gemeente, e.segment, e.geschikt, e.potentieel, e.ongeschikt])).toEqual([
      ["A", "koop", 6, 51, 43],
      ["B", "huur", 32, 20, 48],
      ["C", "corporatie", 12.5, 37.5, 50],
      ["D", null, 14, 42, 44],
      ["E", "particulier", 20, 30, 50],
    ]);
  });

  test("bad percentages: a Dutch message with sheet and cell, the row set aside", () => {
    const v: CellValue[][] = [
      ["Gemeente", "Segment", "Geschikt (%)", "Potentieel geschikt (%)", "Ongeschikt (%)"],
      ["A", "Huur", "veel", 20, 48],
      ["B", "Gemengd", 32, 20, 48],
      ["C", "Koop", 40, 40, 30],
      ["D", "Koop", 140, 0, 0],
      ["E", "Koop", 10, null, null],
    ];
    const ing = readAdaptationShares(rawTable(v, { sheet: "Tabel 6" }));
    expect(ing.entries).toEqual([]);
    expect(ing.rowsRejected).toBe(5);
    expect(ing.issues.map((i) => [i.code, i.cell])).toEqual([
      ["cbs-percentage-ongeldig", "C2"],
      ["cbs-segment-onbekend", "B3"],
      ["cbs-percentages-som", "C4"],
      ["cbs-percentage-ongeldig", "C5"],
      ["cbs-percentage-ontbreekt", "C6"],
    ]);
    expect(ing.issues.every((i) => i.severity === "fout" && i.sheet === "Tabel 6")).toBe(true);
    expect(ing.issues[0].message).toBe("Cel C2 op blad 'Tabel 6' bevat 'veel': geen percentage geschikt tussen 0 en 100. De rij van A is niet gebruikt.");
    expect(ing.issues[1].message).toContain("bevat 'Gemengd': geen segment");
    expect(ing.issues[2].message).toContain("tellen op tot 110%, niet tot 100%");
  });

  test("one missing percentage is the rest to 100 (warning); without an ongeschikt column for every row (info)", () => {
    const one = readAdaptationShares(rawTable([["Gemeente", "Geschikt", "Potentieel", "Ongeschikt"], ["A", 14, 42, null]], { sheet: "T" }));
    expect(one.entries[0]).toMatchObject({ geschikt: 14, potentieel: 42, ongeschikt: 44 });
    expect(one.issues).toEqual([expect.objectContaining({ code: "cbs-percentage-berekend", severity: "waarschuwing", cell: "D2" })]);
    const two = readAdaptationShares(rawTable([["Gemeente", "Geschikt", "Geschikt te maken"], ["A", 14, 42]], { sheet: "T" }));
    expect(two.entries[0]).toMatchObject({ geschikt: 14, potentieel: 42, ongeschikt: 44 });
    expect(two.issues.map((i) => [i.code, i.severity])).toEqual([["cbs-ongeschikt-berekend", "info"]]);
  });

  test("header recognition", () => {
    expect(shareColumns(["Gemeente", "Geschikt (%)", "Potentieel geschikt (%)", "Ongeschikt (%)"])).toEqual({ gemeente: 0, segment: null, geschikt: 1, potentieel: 2, ongeschikt: 3 });
    expect(shareColumns(["Regio", "Huur/koop", "Aandeel geschikt", "Aandeel potentieel"])).toMatchObject({ gemeente: 0, segment: 1, geschikt: 2, potentieel: 3, ongeschikt: null });
    expect(shareColumns(["Gemeente", "Geschikt (%)"])).toBeNull();
  });

  test("the published CSVs as they are (no title rows) are recognised too", () => {
    expect(readAdaptationShares(rawTable(csvTable("parkstad-aanpassing-ouderen-huur-koop.csv"))).entries).toHaveLength(14);
  });

});
