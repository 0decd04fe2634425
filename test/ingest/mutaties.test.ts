/**
 * Planned-changes tables (geplande wijzigingen): recognition before the stock detection (their
 * "BAT" and "Aantal" columns would otherwise read as a grouped stock), reading, and rejected rows
 * named by sheet and cell.
 */
import { detectTable } from "../../src/ingest/detect";
import { parseMutatieSoort, readPlannedChanges } from "../../src/ingest/mutaties";
import type { CellValue } from "../../src/ingest/types";
import { rawTable } from "./tables";

const PLANS: CellValue[][] = [
  ["Geplande wijzigingen 2021-2025"],
  [],
  ["Jaar", "Soort", "Aantal", "BAT", "Van BAT", "Woontype", "Toelichting"],
  [2021, "Sloop", 96, 0, null, null, "oude portiekflats"],
  ["2021", "Nieuwbouw", "103", "BAT 2", null, null, null],
  [2022, "renovatie", 66, 1, 0, null, null],
  [2023, "Aankoop", 25, null, null, "geclusterd wonen", null],
  [2024, "Herstructurering", 10, 0, null, null, null],
  [2024, "Sloop", "veel", 0, null, null, null],
  [2025, "Verkoop", 7, "BAT3", null, null, null],
  [null, "Totaal", 307, null, null, null, null],
];

describe("planned changes", () => {
  test("recognised as mutaties, not as a stock", () => {
    const d = detectTable(rawTable(PLANS, { sheet: "Plannen" }));
    expect(d).toMatchObject({ kind: "mutaties", headerIndex: 2 });
    expect(d.reden).toMatch(/geplande wijzigingen/);
  });

  test("a stock with a BAT and an Aantal column is still a stock", () => {
    const d = detectTable(rawTable([["Complex", "BAT", "Aantal"], ["C1", 2, 10]], { sheet: "Voorraad" }));
    expect(d.kind).toBe("voorraad");
  });

  test("rows become changes; bad rows are set aside with sheet and cell; totals are skipped", () => {
    const r = readPlannedChanges(rawTable(PLANS, { sheet: "Plannen" }), "limburg");
    expect(r.changes.map((c) => [c.jaar, c.soort, c.aantal, c.bat, c.vanBat, c.bzk, c.cell])).toEqual([
      [2021, "sloop", 96, 0, null, null, "C4"],
      [2021, "nieuwbouw", 103, 2, null, null, "C5"],
      [2022, "renovatie", 66, 1, 0, null, "C6"],
      [2023, "aankoop", 25, null, null, "geclusterd", "C7"],
    ]);
    expect(r.rowsRead).toBe(7);
    const fouten = r.issues.filter((i) => i.severity === "fout");
    expect(fouten.map((i) => [i.sheet, i.cell])).toEqual([["Plannen", "B8"], ["Plannen", "C9"], ["Plannen", "D10"]]);
    expect(fouten[0].message).toMatch(/'Herstructurering' is geen nieuwbouw, sloop/);
    expect(fouten[2].message).toMatch(/BAT-schaal van de voorraad/);
  });

  test("kinds and their usual Dutch variants", () => {
    expect(["Nieuwbouw", "sloop", "Verkocht", "verwerving", "Woningverbetering", "levensloopgeschikt maken"].map(parseMutatieSoort)).toEqual([
      "nieuwbouw", "sloop", "verkoop", "aankoop", "renovatie", null,
    ]);
  });
});
