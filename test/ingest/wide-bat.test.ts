import { batHeaderColumns, isWideBatHeader, readWideBat } from "../../src/ingest/wide-bat";
import { readStock } from "../../src/ingest/stock";
import { kerkradeBatPublished, kerkradeRecords, rawTable } from "./tables";
import type { StockIngest } from "../../src/ingest/types";
import { printedNumber, printedRow, seedRawTable, seedTable } from "../support/seed-tables";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const units = (ing: StockIngest) => sum(ing.rows.map((r) => r.aantal));

describe("isWideBatHeader / batHeaderColumns", () => {
  it.each([
    [["Corporatie", "BAT 0", "BAT 1", "BAT 2", "BAT 3", "BAT 4", "Totaal"]],
    [["corporatie", "bat_0", "bat_1", "bat_2", "bat_3", "bat_4", "totaal"]],
    [["Gemeente", "BAT-0", "BAT-1", "BAT-2"]],
    [["Buurt", "0 - ongeschikt", "1 - wandelstokgeschikt", "2 - rollatorbewoonbaar", "3 - rolstoelbewoonbaar"]],
    [["Corporatie", "BAT1", "BAT2", "BAT3", "BAT4", "BAT5"]],
  ])("%p is a wide BAT header", (header) => {
    expect(isWideBatHeader(header)).toBe(true);
  });
  it.each([
    [["VHE", "BAT", "Corporatie"]], [["Woonvorm", 2023, 2030]], [["Corporatie", "BAT 0", "BAT 1", "Totaal"]],
    [["Woningtype", "goedkoop", "betaalbaar_1", "totaal"]],
  ])("%p is not", (header) => {
    expect(isWideBatHeader(header)).toBe(false);
  });
  it("keeps an unknown-BAT column and a bad 'BAT 5' header as columns", () => {
    const cols = batHeaderColumns(["Corporatie", "BAT 0", "BAT 5", "Onbekend", "Totaal"]);
    expect(cols.map((c) => [c.header, c.level, c.error !== null])).toEqual([["BAT 0", 0, false], ["BAT 5", null, true], ["Onbekend", null, false]]);
  });
});

describe("readWideBat on the published Kerkrade table", () => {
  const table = rawTable(kerkradeBatPublished(), { sheet: "BAT per corporatie" });
  const ing = readStock(table, { scale: "auto" });

  it("gives the published 7,824 units and never counts the TOTAAL row or Totaal column", () => {
    expect(units(ing)).toBe(7824);
    expect(ing.rows.every((r) => r.eigenaar !== "TOTAAL")).toBe(true);
    expect(ing.headerRow).toBe(4);
    expect(ing.batScale).toBe("limburg");
    expect(ing.mapping).toEqual({ eigenaar: "Corporatie" });
  });

  it("has one row per non-zero count cell, and the balance holds", () => {
    // 4 corporations × 5 classes, minus Meander's BAT 3 = 0.
    expect(ing.rowsRead).toBe(19);
    expect(ing.rows).toHaveLength(19);
    expect(ing.rowsRejected).toBe(0);
  });

  it("reproduces the published totals per corporation and per BAT class", () => {
    for (const rec of kerkradeRecords()) {
      if (rec.corporatie === "TOTAAL") {
        rec.perBat.forEach((n, level) => expect(sum(ing.rows.filter((r) => r.bat === level).map((r) => r.aantal))).toBe(n));
        continue;
      }
      const mine = ing.rows.filter((r) => r.eigenaar === rec.corporatie);
      expect(sum(mine.map((r) => r.aantal))).toBe(rec.totaal);
      rec.perBat.forEach((n, level) => expect(sum(mine.filter((r) => r.bat === level).map((r) => r.aantal))).toBe(n));
    }
  });

  it("points every row at its source row, and raises no warnings because the totals check out", () => {
    const wonenZuid = ing.rows.filter((r) => r.eigenaar === "Wonen Zuid");
    expect(new Set(wonenZuid.map((r) => r.rowNumber))).toEqual(new Set([5]));
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("reads the CSV header variant (bat_0 … totaal) and Dutch text counts the same way", () => {
    const variant = readStock(rawTable(kerkradeBatPublished({ asText: true, headers: ["bat_0", "bat_1", "bat_2", "bat_3", "bat_4"] })), { scale: "auto" });
    expect(units(variant)).toBe(7824);
    expect(variant.rows).toHaveLength(19);
  });
});

describe("readWideBat checks and rejections", () => {
  it("warns when a row does not add up to its Totaal cell, or a column to the TOTAAL row", () => {
    const values = kerkradeBatPublished();
    values[4][6] = 1730; // Wonen Zuid total off by one (G5)
    values[8][1] = 4650; // TOTAAL of BAT 0 off by one (B9)
    const ing = readStock(rawTable(values, { sheet: "Kerkrade" }), { scale: "auto" });
    const w = ing.issues.filter((i) => i.code === "totaal-klopt-niet");
    expect(w.map((i) => i.cell).sort()).toEqual(["B9", "G5", "G9"]);
    expect(w.find((i) => i.cell === "G5")!.message).toContain("(1.730) is niet gelijk aan de som van de BAT-kolommen (1.729)");
    expect(units(ing)).toBe(7824);
  });

  it("sets aside negative, decimal and text counts with a fout naming the cell", () => {
    const values = kerkradeBatPublished();
    values[4][1] = -936;
    values[5][2] = 1047.5;
    values[6][3] = "onbekend";
    const ing = readStock(rawTable(values, { sheet: "Kerkrade" }), { scale: "auto" });
    const f = ing.issues.filter((i) => i.severity === "fout");
    expect(f.map((i) => i.cell)).toEqual(["B5", "C6", "D7"]);
    expect(ing.rowsRejected).toBe(3);
    expect(ing.rowsRead).toBe(ing.rows.length + ing.rowsRejected);
    expect(units(ing)).toBe(7824 - 936 - 1047 - 59);
  });

  it("never mixes scales: VERA-form columns in a Limburg table are set aside per cell", () => {
    const ing = readStock(rawTable(kerkradeBatPublished({ headers: ["BAT 0", "BAT 1", "BAT 2", "BAT3", "BAT 4"] }), { sheet: "K" }), { scale: "auto" });
    expect(ing.batScale).toBe("limburg");
    const mixed = ing.issues.filter((i) => i.code === "schalen-gemengd");
    // BAT3 column: Wonen Zuid 169, HEEMwonen 51, Wonen Limburg 195 (Meander has 0).
    expect(mixed.map((i) => i.cell)).toEqual(["E5", "E6", "E7"]);
    expect(mixed[0].severity).toBe("fout");
    expect(mixed[0].message).toContain("'BAT3' (VERA-schaal)");
    expect(units(ing)).toBe(7824 - 415);
  });

  it("reads a VERA table (BAT1..BAT5) as VERA, and contradicts a Limburg setting", () => {
    const headers = ["BAT1", "BAT2", "BAT3", "BAT4", "BAT5"];
    const vera = readStock(rawTable(kerkradeBatPublished({ headers })), { scale: "auto" });
    expect(vera.batScale).toBe("vera");
    expect(new Set(vera.rows.map((r) => r.bat))).toEqual(new Set([1, 2, 3, 4, 5]));
    const forced = readStock(rawTable(kerkradeBatPublished({ headers })), { scale: "limburg" });
    expect(forced.rows).toHaveLength(0);
    expect(forced.rowsRejected).toBe(19);
    expect(forced.issues.filter((i) => i.code === "schaal-tegenstrijdig")).toHaveLength(19);
  });

  it("uses the label column as gemeente when its header says so, and counts an Onbekend column with bat null", () => {
    const values = [
      ["Gemeente", "BAT 0", "BAT 1", "BAT 2", "BAT 3", "BAT 4", "Onbekend", "Totaal"],
      ["Kerkrade", 4649, 1324, 956, 415, 480, 12, 7836],
    ];
    const ing = readWideBat(rawTable(values), 0, { scale: "auto" });
    expect(ing.rows.every((r) => r.gemeente === "Kerkrade" && r.eigenaar === null)).toBe(true);
    const unknown = ing.rows.filter((r) => r.bat === null);
    expect(unknown).toEqual([expect.objectContaining({ aantal: 12, batScale: null })]);
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("defaults an unnamed label column to eigenaar, with an info", () => {
    const ing = readWideBat(rawTable([[null, "BAT 0", "BAT 1", "BAT 2"], ["Weller", 1, 2, 3]]), 0, { scale: "auto" });
    expect(ing.rows.map((r) => r.eigenaar)).toEqual(["Weller", "Weller", "Weller"]);
    expect(ing.issues.some((i) => i.code === "labelkolom-aangenomen")).toBe(true);
  });

  it("Kerkrade's table as printed with a remark or row number pasted before its stub column: the stub (empty header) is still the owner", () => {
    const printed = seedRawTable("kerkrade-bat-per-corporatie");
    const header = printed.values.findIndex((r) => r.some((v) => typeof v === "string" && v.startsWith("BAT 0")));
    const owners = seedTable("kerkrade-bat-per-corporatie").printed.slice(1).map((r) => r[0]).filter((o) => o !== "TOTAAL");
    for (const [title, value] of [["Opmerking", (r: number) => (r % 2 === 0 ? "zie toelichting" : null)], ["Volgnr.", (r: number) => r]] as const) {
      const values = printed.values.map((row, r) => [r < header ? null : r === header ? title : value(r), ...row]);
      const ing = readWideBat({ ...printed, values }, header, { scale: "auto" });
      expect([...new Set(ing.rows.map((r) => r.eigenaar))]).toEqual(owners);
      expect(units(ing)).toBe(printedNumber(printedRow("kerkrade-bat-per-corporatie", "TOTAAL").at(-1)!));
    }
  });
});
