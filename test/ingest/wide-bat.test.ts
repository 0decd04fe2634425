import { batHeaderColumns, isWideBatHeader, readWideBat } from "../../src/ingest/wide-bat";
import { readStock } from "../../src/ingest/stock";
import { KERKRADE_BAT_HEADER, kerkradeBatPrinted, kerkradeRecords, rawTable } from "./tables";
import type { StockIngest } from "../../src/ingest/types";
import { printedNumber, printedRow, seedRawTable, seedTable } from "../support/seed-tables";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const units = (ing: StockIngest) => sum(ing.rows.toArray().map((r) => r.aantal));
/** A1 address of the cell at 0-based row r and column c (origin A1). */
const a1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
/** The printed record of a corporation (or "TOTAAL") and its 0-based sheet row. */
const rec = (label: string) => {
  const all = kerkradeRecords();
  const i = all.findIndex((x) => x.corporatie === label);
  return { ...all[i], row: KERKRADE_BAT_HEADER + 1 + i };
};
const TOTAL = rec("TOTAAL").totaal;

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

describe("readWideBat on the Kerkrade table as printed", () => {
  const table = rawTable(kerkradeBatPrinted(), { sheet: "BAT per corporatie" });
  const ing = readStock(table, { scale: "auto" });

  it("gives the printed 7,824 units and never counts the TOTAAL row or TOTAAL column", () => {
    expect(TOTAL).toBe(7824);
    expect(units(ing)).toBe(TOTAL);
    expect(ing.rows.toArray().every((r) => r.eigenaar !== "TOTAAL")).toBe(true);
    expect(ing.headerRow).toBe(KERKRADE_BAT_HEADER + 1);
    expect(ing.batScale).toBe("limburg");
    // The printed stub column has no header: it is the owner, under its (empty) header.
    expect(ing.mapping).toEqual({ eigenaar: "" });
  });

  it("has one row per non-zero count cell, and the balance holds", () => {
    // 4 corporations × 5 classes, minus Meander's BAT 3 = 0.
    const cells = kerkradeRecords().filter((r) => r.corporatie !== "TOTAAL").flatMap((r) => r.perBat).filter((n) => n > 0).length;
    expect(cells).toBe(19);
    expect(ing.rowsRead).toBe(19);
    expect(ing.rows).toHaveLength(19);
    expect(ing.rowsRejected).toBe(0);
  });

  it("reproduces the published totals per corporation and per BAT class", () => {
    for (const rec of kerkradeRecords()) {
      if (rec.corporatie === "TOTAAL") {
        rec.perBat.forEach((n, level) => expect(sum(ing.rows.toArray().filter((r) => r.bat === level).map((r) => r.aantal))).toBe(n));
        continue;
      }
      const mine = ing.rows.toArray().filter((r) => r.eigenaar === rec.corporatie);
      expect(sum(mine.map((r) => r.aantal))).toBe(rec.totaal);
      rec.perBat.forEach((n, level) => expect(sum(mine.filter((r) => r.bat === level).map((r) => r.aantal))).toBe(n));
    }
  });

  it("points every row at its source row, and raises no warnings because the totals check out", () => {
    const wonenZuid = ing.rows.toArray().filter((r) => r.eigenaar === "Wonen Zuid");
    expect(new Set(wonenZuid.map((r) => r.rowNumber))).toEqual(new Set([rec("Wonen Zuid").row + 1]));
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("reads the CSV header variant (bat_0 … bat_4) and Dutch text counts ('1.729') the same way", () => {
    const variant = readStock(rawTable(kerkradeBatPrinted({ cells: "text", headers: ["bat_0", "bat_1", "bat_2", "bat_3", "bat_4"] })), { scale: "auto" });
    expect(units(variant)).toBe(TOTAL);
    expect(variant.rows).toHaveLength(19);
  });
});

describe("readWideBat checks and rejections", () => {
  it("warns when a row does not add up to its Totaal cell, or a column to the TOTAAL row", () => {
    const values = kerkradeBatPrinted();
    const wz = rec("Wonen Zuid");
    const tot = rec("TOTAAL");
    values[wz.row][6] = wz.totaal + 1; // Wonen Zuid total off by one (G4)
    values[tot.row][1] = tot.perBat[0] + 1; // TOTAAL of BAT 0 off by one (B8)
    const ing = readStock(rawTable(values, { sheet: "Kerkrade" }), { scale: "auto" });
    const w = ing.issues.filter((i) => i.code === "totaal-klopt-niet");
    expect(w.map((i) => i.cell).sort()).toEqual([a1(tot.row, 1), a1(wz.row, 6), a1(tot.row, 6)].sort());
    expect(wz.totaal).toBe(1729);
    expect(w.find((i) => i.cell === a1(wz.row, 6))!.message).toContain("(1.730) is niet gelijk aan de som van de BAT-kolommen (1.729)");
    expect(units(ing)).toBe(TOTAL);
  });

  it("sets aside negative, decimal and text counts with a fout naming the cell", () => {
    const values = kerkradeBatPrinted();
    const [wz, heem, wl] = [rec("Wonen Zuid"), rec("HEEMwonen"), rec("Wonen Limburg")];
    values[wz.row][1] = -wz.perBat[0];
    values[heem.row][2] = heem.perBat[1] + 0.5;
    values[wl.row][3] = "onbekend";
    const ing = readStock(rawTable(values, { sheet: "Kerkrade" }), { scale: "auto" });
    const f = ing.issues.filter((i) => i.severity === "fout");
    expect(f.map((i) => i.cell)).toEqual([a1(wz.row, 1), a1(heem.row, 2), a1(wl.row, 3)]);
    expect(ing.rowsRejected).toBe(3);
    expect(ing.rowsRead).toBe(ing.rows.length + ing.rowsRejected);
    expect(units(ing)).toBe(TOTAL - wz.perBat[0] - heem.perBat[1] - wl.perBat[2]);
  });

  it("never mixes scales: VERA-form columns in a Limburg table are set aside per cell", () => {
    const ing = readStock(rawTable(kerkradeBatPrinted({ headers: ["BAT 0", "BAT 1", "BAT 2", "BAT3", "BAT 4"] }), { sheet: "K" }), { scale: "auto" });
    expect(ing.batScale).toBe("limburg");
    const mixed = ing.issues.filter((i) => i.code === "schalen-gemengd");
    // BAT3 column: Wonen Zuid 169, HEEMwonen 51, Wonen Limburg 195 (Meander has 0).
    const withBat3 = kerkradeRecords().filter((r) => r.corporatie !== "TOTAAL" && r.perBat[3] > 0).map((r) => a1(rec(r.corporatie).row, 4));
    expect(mixed.map((i) => i.cell)).toEqual(withBat3);
    expect(withBat3).toHaveLength(3);
    expect(mixed[0].severity).toBe("fout");
    expect(mixed[0].message).toContain("'BAT3' (VERA-schaal)");
    expect(units(ing)).toBe(TOTAL - rec("TOTAAL").perBat[3]);
  });

  it("reads a VERA table (BAT1..BAT5) as VERA, and contradicts a Limburg setting", () => {
    const headers = ["BAT1", "BAT2", "BAT3", "BAT4", "BAT5"];
    const vera = readStock(rawTable(kerkradeBatPrinted({ headers })), { scale: "auto" });
    expect(vera.batScale).toBe("vera");
    expect(new Set(vera.rows.toArray().map((r) => r.bat))).toEqual(new Set([1, 2, 3, 4, 5]));
    const forced = readStock(rawTable(kerkradeBatPrinted({ headers })), { scale: "limburg" });
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
    expect(ing.rows.toArray().every((r) => r.gemeente === "Kerkrade" && r.eigenaar === null)).toBe(true);
    const unknown = ing.rows.toArray().filter((r) => r.bat === null);
    expect(unknown).toEqual([expect.objectContaining({ aantal: 12, batScale: null })]);
    expect(ing.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("defaults an unnamed label column to eigenaar, with an info", () => {
    const ing = readWideBat(rawTable([[null, "BAT 0", "BAT 1", "BAT 2"], ["Weller", 1, 2, 3]]), 0, { scale: "auto" });
    expect(ing.rows.toArray().map((r) => r.eigenaar)).toEqual(["Weller", "Weller", "Weller"]);
    expect(ing.issues.some((i) => i.code === "labelkolom-aangenomen")).toBe(true);
  });

  it("Kerkrade's table as printed with a remark or row number pasted before its stub column: the stub (empty header) is still the owner", () => {
    const printed = seedRawTable("kerkrade-bat-per-corporatie");
    const header = printed.values.findIndex((r) => r.some((v) => typeof v === "string" && v.startsWith("BAT 0")));
    const owners = seedTable("kerkrade-bat-per-corporatie").printed.slice(1).map((r) => r[0]).filter((o) => o !== "TOTAAL");
    for (const [title, value] of [["Opmerking", (r: number) => (r % 2 === 0 ? "zie toelichting" : null)], ["Volgnr.", (r: number) => r]] as const) {
      const values = printed.values.map((row, r) => [r < header ? null : r === header ? title : value(r), ...row]);
      const ing = readWideBat({ ...printed, values }, header, { scale: "auto" });
      expect([...new Set(ing.rows.toArray().map((r) => r.eigenaar))]).toEqual(owners);
      expect(units(ing)).toBe(printedNumber(printedRow("kerkrade-bat-per-corporatie", "TOTAAL").at(-1)!));
    }
  });
});
