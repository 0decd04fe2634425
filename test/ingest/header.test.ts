import { findHeaderRow } from "../../src/ingest/header";
import { stockFieldScore } from "../../src/ingest/mapping";
import { categorizedHeaderScore } from "../../src/ingest/categorized";
import { KERKRADE_BAT_HEADER, kerkradeBatPrinted } from "./tables";
import { seedSheet } from "../support/seed-tables";
import type { CellValue } from "../../src/ingest/types";

describe("findHeaderRow", () => {
  it("skips title and blank rows above a stock header", () => {
    const values: CellValue[][] = [
      ["Tabel 1. Woningvoorraad Kerkrade", null, null],
      [null, null, null],
      ["Bron: corporaties", null, null],
      ["VHE-nummer", "BAT-score", "Corporatie"],
      ["VHE1", 2, "Wonen Zuid"],
    ];
    expect(findHeaderRow(values, (r) => stockFieldScore(r))).toBe(3);
  });

  it("finds the printed demand header 'Vraag | 2023 | 2030 | 2040' under the caption (Parkstad Tabel 1)", () => {
    const values = seedSheet("parkstad-tabel-1");
    const i = findHeaderRow(values, categorizedHeaderScore);
    expect(values[i]).toEqual(["Vraag", 2023, 2030, 2040]);
  });

  it("returns the first of equally good rows, and -1 when nothing scores", () => {
    const values: CellValue[][] = [["a", "b"], ["VHE", "BAT"], ["VHE", "BAT"]];
    expect(findHeaderRow(values, (r) => stockFieldScore(r))).toBe(1);
    expect(findHeaderRow(kerkradeBatPrinted().slice(0, KERKRADE_BAT_HEADER), (r) => stockFieldScore(r))).toBe(-1);
    expect(findHeaderRow([], () => 1)).toBe(-1);
  });

  it("only looks at the first 30 rows", () => {
    const values: CellValue[][] = Array.from({ length: 40 }, () => ["x", "y"]);
    values[35] = ["VHE", "BAT"];
    expect(findHeaderRow(values, (r) => stockFieldScore(r))).toBe(-1);
  });
});
