import { readStock } from "../../src/ingest/stock";
import { kerkradePerDwelling, kerkradeRecords, rawTable } from "./tables";
import type { CellValue, StockIngest } from "../../src/ingest/types";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const balanced = (ing: StockIngest) => expect(ing.rowsRead).toBe(ing.rows.length + ing.rowsRejected);
const fouten = (ing: StockIngest) => ing.issues.filter((i) => i.severity === "fout");

describe("readStock on a per-dwelling table (synthetic, matching the published Kerkrade counts)", () => {
  const ing = readStock(rawTable(kerkradePerDwelling(), { sheet: "Voorraad" }), { scale: "auto" });

  it("reads all 7,824 dwellings under the title row", () => {
    expect(ing.headerRow).toBe(2);
    expect(ing.rowsRead).toBe(7824);
    expect(ing.rows).toHaveLength(7824);
    expect(ing.rowsRejected).toBe(0);
    expect(ing.batScale).toBe("limburg");
    expect(fouten(ing)).toEqual([]);
  });

  it("reproduces the published counts per corporation and BAT class", () => {
    for (const rec of kerkradeRecords()) {
      if (rec.corporatie === "TOTAAL") continue;
      rec.perBat.forEach((n, level) => {
        expect(ing.rows.toArray().filter((r) => r.eigenaar === rec.corporatie && r.bat === level)).toHaveLength(n);
      });
    }
  });

  it("fills the mapped fields and keeps the mapping as header texts", () => {
    expect(ing.mapping).toEqual({
      id: "VHE-nummer", complex: "Complexnummer", eigenaar: "Corporatie", bat: "BAT-score", woningtype: "Woningtype",
      lift: "Lift", bouwjaar: "Bouwjaar",
    });
    const r = ing.rows.toArray()[0];
    expect(r.sheet).toBe("Voorraad");
    expect(r.rowNumber).toBe(3);
    expect(r.id).toMatch(/^VHE\d+$/);
    expect(r.aantal).toBe(1);
    expect(r.batScale).toBe("limburg");
    expect(typeof r.lift).toBe("boolean");
    expect(r.bouwjaar).toBeGreaterThanOrEqual(1950);
  });

  it("reads 'BAT 2' and Limburg labels as the same scale", () => {
    const labels = ["ongeschikt", "wandelstokgeschikt", "rollatorbewoonbaar", "rolstoelbewoonbaar", "verpleegzorg"];
    const asLabel = readStock(rawTable(kerkradePerDwelling((l) => (l % 2 ? `BAT ${l}` : labels[l]))), { scale: "auto" });
    expect(asLabel.rows).toHaveLength(7824);
    expect(sum(asLabel.rows.toArray().map((r) => r.bat ?? 0))).toBe(sum(ing.rows.toArray().map((r) => r.bat ?? 0)));
  });

  it("reads VERA codes as VERA, with no silent mixing", () => {
    const vera = readStock(rawTable(kerkradePerDwelling((l) => `BAT${l + 1}`)), { scale: "auto" });
    expect(vera.batScale).toBe("vera");
    expect(vera.rows).toHaveLength(7824);
    expect(vera.rows.toArray().every((r) => r.batScale === "vera" && r.bat! >= 1 && r.bat! <= 5)).toBe(true);
  });
});

describe("mixed BAT scales", () => {
  const header = ["VHE-nummer", "BAT-score"];
  it("lets the majority form win and sets every minority row aside with a fout naming the cell", () => {
    const values: CellValue[][] = [
      ["Voorraad Wonen Zuid", null],
      header,
      ["V1", 0], ["V2", "BAT 1"], ["V3", 2], ["V4", "BAT2"], ["V5", 4], ["V6", "rolstoelbewoonbaar"],
    ];
    const ing = readStock(rawTable(values, { sheet: "Voorraad", originCol: 8, originRow: 12 }), { scale: "auto" });
    balanced(ing);
    expect(ing.batScale).toBe("limburg");
    expect(ing.rows.toArray().map((r) => r.id)).toEqual(["V1", "V2", "V3", "V5", "V6"]);
    const f = fouten(ing);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "schalen-gemengd", sheet: "Voorraad", cell: "I17" });
    expect(f[0].message).toContain("Cel I17 op blad 'Voorraad' bevat 'BAT2' (VERA-schaal), maar de kolom gebruikt de Limburgse schaal 0-4");
    expect(f[0].message).toContain("Gebruik één schaal per tabel");
  });

  it("sets aside plain numbers in a VERA column instead of guessing their scale", () => {
    const values: CellValue[][] = [header, ["V1", "BAT1"], ["V2", "BAT3"], ["V3", 3], ["V4", "BAT5 Zorg"]];
    const ing = readStock(rawTable(values), { scale: "auto" });
    expect(ing.batScale).toBe("vera");
    expect(ing.rows.toArray().map((r) => r.bat)).toEqual([1, 3, 5]);
    expect(fouten(ing)[0].message).toContain("een getal, gelezen op de Limburgse schaal 0-4");
  });

  it("explains 'BAT0' next to VERA codes (Limburg scores written without a space) without guessing", () => {
    const values: CellValue[][] = [header, ["V1", "BAT0"], ["V2", "BAT1"], ["V3", "BAT2"], ["V4", "BAT4"]];
    const ing = readStock(rawTable(values, { sheet: "Voorraad" }), { scale: "auto" });
    expect(ing.batScale).toBe("vera");
    expect(ing.rows.toArray().map((r) => r.id)).toEqual(["V2", "V3", "V4"]);
    expect(fouten(ing)).toEqual([expect.objectContaining({ code: "schalen-gemengd", cell: "B2" })]);
    const hint = ing.issues.find((i) => i.code === "bat-schrijfwijze")!;
    expect(hint).toMatchObject({ severity: "waarschuwing", cell: "B2" });
    expect(hint.message).toContain("schrijf ze dan als 'BAT 0' … 'BAT 4'");
  });

  it("says which scale it used and why", () => {
    const info = (values: CellValue[][]) => readStock(rawTable(values), { scale: "auto" }).issues.find((i) => i.code === "bat-schaal")!.message;
    expect(info([header, ["V1", 1], ["V2", 2]])).toContain("alleen getallen");
    expect(info([header, ["V1", "BAT 1"], ["V2", 2]])).toContain("herkend aan 1 Limburgse waarden (zoals 'BAT 2' of 'rollatorbewoonbaar') en 1 getallen");
    expect(info([header, ["V1", "BAT1"], ["V2", "BAT3"]])).toContain("herkend aan 2 VERA-codes");
  });

  it("with a chosen scale, sets aside every value whose form contradicts it", () => {
    const values: CellValue[][] = [header, ["V1", "BAT 1"], ["V2", "BAT3"], ["V3", 5]];
    const ing = readStock(rawTable(values), { scale: "vera" });
    expect(ing.batScale).toBe("vera");
    expect(ing.rows.toArray().map((r) => [r.id, r.bat])).toEqual([["V2", 3], ["V3", 5]]);
    expect(fouten(ing).map((i) => [i.code, i.cell])).toEqual([["schaal-tegenstrijdig", "B2"]]);
  });
});

describe("row problems", () => {
  const header = ["VHE-nummer", "BAT-score", "Aantal", "Bouwlaag"];
  it("sets aside out-of-range, decimal and unreadable BAT values, keeps missing BAT as unknown", () => {
    const values: CellValue[][] = [header, ["V1", 5, null, 0], ["V2", 2.5, null, 1], ["V3", "hoog", null, 2], ["V4", null, null, 3], ["V5", "#N/A", null, 0], ["V6", 3, null, 0]];
    const ing = readStock(rawTable(values, { sheet: "Voorraad" }), { scale: "auto" });
    balanced(ing);
    expect(ing.rows.toArray().map((r) => [r.id, r.bat])).toEqual([["V4", null], ["V5", null], ["V6", 3]]);
    expect(fouten(ing).map((i) => [i.code, i.cell])).toEqual([
      ["bat-buiten-bereik", "B2"], ["bat-geen-geheel-getal", "B3"], ["bat-onleesbaar", "B4"],
    ]);
    expect(fouten(ing)[0].message).toContain("Cel B2 op blad 'Voorraad': BAT-score '5' bestaat niet; toegestaan is 0 t/m 4");
  });

  it("defaults aantal to 1 and sets aside zero, negative, decimal and text counts", () => {
    const values: CellValue[][] = [header, ["V1", 1, null, 0], ["V2", 1, 0, 0], ["V3", 1, -2, 0], ["V4", 1, 1.5, 0], ["V5", 1, "veel", 0], ["V6", 1, "12", 0]];
    const ing = readStock(rawTable(values), { scale: "auto" });
    balanced(ing);
    expect(ing.rows.toArray().map((r) => [r.id, r.aantal])).toEqual([["V1", 1], ["V6", 12]]);
    expect(fouten(ing).map((i) => i.cell)).toEqual(["C3", "C4", "C5", "C6"]);
    expect(fouten(ing).every((i) => i.code === "aantal-ongeldig")).toBe(true);
  });

  it("sets aside a repeated id, naming both cells; the first row counts", () => {
    const values: CellValue[][] = [header, ["V1", 1, null, 0], ["V2", 2, null, 0], ["V1", 3, null, 0]];
    const ing = readStock(rawTable(values), { scale: "auto" });
    expect(ing.rows.toArray().map((r) => r.bat)).toEqual([1, 2]);
    expect(fouten(ing)).toEqual([expect.objectContaining({ code: "id-dubbel", cell: "A4" })]);
    expect(fouten(ing)[0].message).toContain("staat ook in cel A2");
  });

  it("keeps a row with an unreadable optional fact, with a warning", () => {
    const ing = readStock(rawTable([header, ["V1", 1, null, "zolder"]]), { scale: "auto" });
    expect(ing.rows.toArray()).toEqual([expect.objectContaining({ id: "V1", bouwlaag: null })]);
    expect(ing.issues.find((i) => i.code === "bouwlaag-onleesbaar")).toMatchObject({ severity: "waarschuwing", cell: "D2" });
  });

  it("caps repetitive warnings per column at 100 and summarises the rest, keeping every row", () => {
    const values: CellValue[][] = [header, ...Array.from({ length: 150 }, (_, i): CellValue[] => [`V${i}`, 1, null, "zolder"])];
    const ing = readStock(rawTable(values, { sheet: "Voorraad" }), { scale: "auto" });
    expect(ing.rows).toHaveLength(150);
    const w = ing.issues.filter((i) => i.code === "bouwlaag-onleesbaar");
    expect(w).toHaveLength(101);
    expect(w[100]).toMatchObject({ cell: null });
    expect(w[100].message).toContain("nog 50 cellen in kolom 'Bouwlaag'");
  });

  it("keeps formula-looking and long ids as plain text", () => {
    const long = "Woning aan de Hoofdstraat 12 te Kerkrade, bovenste verdieping links naast de lift";
    const ing = readStock(rawTable([header, ['=HYPERLINK("https://example.org","V1")', 1, null, 0], [long, 2, null, 0]]), { scale: "auto" });
    expect(ing.rows.toArray().map((r) => r.id)).toEqual(['=HYPERLINK("https://example.org","V1")', long]);
  });
});

describe("grouped rows, totals, blanks and notes", () => {
  const values: CellValue[][] = [
    ["Tabel 3. Sociale huurvoorraad per buurt en BAT-score", null, null, null],
    [null, null, null, null],
    ["Buurt", "Corporatie", "BAT", "Aantal"],
    ["Bleijerheide", "Wonen Zuid", 0, 120],
    ["Bleijerheide", "Wonen Zuid", 2, "1.050"],
    [null, null, null, null],
    ["Chevremont", "HEEMwonen", "BAT 1", 80],
    ["Totaal", null, null, 1250],
    ["Bron: corporaties, peildatum 1-1-2020", null, null, null],
  ];

  it("reads grouped rows, skips the blank row, and never counts the total or the note", () => {
    const ing = readStock(rawTable(values, { sheet: "Per buurt" }), { scale: "auto" });
    balanced(ing);
    expect(ing.rowsRead).toBe(3);
    expect(sum(ing.rows.toArray().map((r) => r.aantal))).toBe(1250);
    expect(ing.rows.toArray().map((r) => r.buurt)).toEqual(["Bleijerheide", "Bleijerheide", "Chevremont"]);
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(ing.issues.some((i) => i.code === "rij-overgeslagen" && i.message.includes("voetnoot"))).toBe(true);
  });

  it("warns when the total does not equal the rows above it", () => {
    const off = values.map((r) => [...r]);
    off[7][3] = 1260;
    const ing = readStock(rawTable(off, { sheet: "Per buurt" }), { scale: "auto" });
    const w = ing.issues.find((i) => i.code === "totaal-klopt-niet")!;
    expect(w).toMatchObject({ severity: "waarschuwing", cell: "D8" });
    expect(w.message).toContain("het totaal (1.260) is niet gelijk aan de som van de rijen erboven (1.250)");
    expect(sum(ing.rows.toArray().map((r) => r.aantal))).toBe(1250);
  });
});

describe("all stock fields", () => {
  it("parses every field of StockRow from Dutch text", () => {
    const header = [
      "VHE", "Complex", "BAT", "Toegankelijkheidslabel", "Woonvorm", "Eenheiddetailsoort", "Aantal", "Gemeente", "Buurt", "Wijk",
      "Corporatie", "Segment", "Woningtype", "Verdieping", "Lift", "Bouwjaar", "Ontmoetingsruimte", "Complexgrootte",
      "Aandeel 55+", "Label 55+", "Wlz", "Zorgprofiel", "Zelfstandig",
    ];
    const row = [
      1001, "C12", "BAT 3", "rol", "GEC", "Galerijflat", 1, "Kerkrade", "Bleijerheide", "Kerkrade-West", "Wonen Zuid",
      "sociale huur", "Gestapeld met lift", "1e verdieping", "ja", "1.975", "aangrenzend", "24", "62%", "x", "nee", "psychogeriatrisch", "J",
    ];
    const ing = readStock(rawTable([header, row]), { scale: "auto" });
    expect(ing.rows.toArray()).toEqual([{
      sheet: "Blad1", rowNumber: 2, id: "1001", complex: "C12", bat: 3, batScale: "limburg", toegankelijkheidslabel: "ROL",
      woonvorm: "GEC", eenheiddetailsoort: "GAL", aantal: 1, gemeente: "Kerkrade", buurt: "Bleijerheide", wijk: "Kerkrade-West",
      eigenaar: "Wonen Zuid", segment: "sociale huur", segmentSoort: "huur", woningtype: "Gestapeld met lift", bouwlaag: 1,
      lift: true, bouwjaar: 1975, ontmoetingsruimte: "aangrenzend", complexgrootte: 24, aandeel55plus: 0.62, label55plus: true,
      wlz: false, zorgprofiel: "PG", zelfstandig: true,
    }]);
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("warns once about an unknown VERA code and keeps the text upper-case", () => {
    const ing = readStock(rawTable([["VHE", "Woonvorm"], ["V1", "hofje"], ["V2", "hofje"]]), { scale: "auto" });
    expect(ing.rows.toArray().map((r) => r.woonvorm)).toEqual(["HOFJE", "HOFJE"]);
    const w = ing.issues.filter((i) => i.code === "woonvorm-onbekend");
    expect(w.map((i) => i.cell)).toEqual(["B2", null]);
  });

  it("keeps an eenheiddetailsoort that is not a VERA code as written, without a warning (the adaptation rules read it as a woningtype)", () => {
    const ing = readStock(rawTable([["VHE", "BAT", "Eenheiddetailsoort"], ["V1", 2, "gal"], ["V2", 3, "Hofjeswoning"], ["V3", 1, "Galerijflat"]]), { scale: "auto" });
    expect(ing.rows.toArray().map((r) => r.eenheiddetailsoort)).toEqual(["GAL", "Hofjeswoning", "GAL"]);
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("table level", () => {
  it("reports a table without a recognisable header", () => {
    const ing = readStock(rawTable([["a", "b"], [1, 2]]), { scale: "auto" });
    expect(ing.rows.length).toBe(0);
    expect(ing).toMatchObject({ rowsRead: 0, rowsRejected: 0, headerRow: 0, batScale: null });
    expect(ing.issues[0]).toMatchObject({ code: "geen-kopregel", severity: "fout" });
  });

  it("warns when there is no BAT column, and reports a missing override column", () => {
    const ing = readStock(rawTable([["VHE", "Gemeente"], ["V1", "Kerkrade"]]), { scale: "auto", overrides: { bat: "Score" } });
    expect(ing.rows).toHaveLength(1);
    expect(ing.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["kolom-niet-gevonden", "bat-kolom-ontbreekt"]));
  });

  it("uses an override to find the header and the BAT column", () => {
    const values: CellValue[][] = [["Eenheid", "Score"], ["V1", 2]];
    const ing = readStock(rawTable(values), { scale: "auto", overrides: { bat: "score" } });
    expect(ing.rows.toArray()).toEqual([expect.objectContaining({ id: "V1", bat: 2 })]);
  });

  it("skips a repeated header row inside the data", () => {
    const values: CellValue[][] = [["VHE", "BAT"], ["V1", 1], ["VHE", "BAT"], ["V2", 2]];
    const ing = readStock(rawTable(values), { scale: "auto" });
    expect(ing.rowsRead).toBe(2);
    expect(ing.rows.toArray().map((r) => r.id)).toEqual(["V1", "V2"]);
  });
});
