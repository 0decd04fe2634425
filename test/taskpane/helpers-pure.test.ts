import { readFileSync } from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { UserError } from "../../src/domain/issues";
import { AUTO, autoDemandSheet, autoStockSheet, choiceValue, parseChoice } from "../../src/taskpane/choice";
import { resultFileName } from "../../src/session/download";
import { CANCELLED_MESSAGE, errorMessage, isCancellation } from "../../src/session/errors";
import { nlInt } from "../../src/report/format";
import { keyFigures, largestShortage, quickFigures } from "../../src/session/results";
import { describeQuickRun } from "../../src/taskpane/steps/QuickCheck";
import { SELECTION_SHEET, SelectionReader, readSelectionAsSheet } from "../../src/taskpane/selection-reader";
import type { WorkbookPort } from "../../src/workbook/port";
import { describeWorkbook } from "../../src/analysis/preview";
import { ASSETS, SAMPLES } from "../support/paths";
import { cachedWorkbook } from "../support/workbook-cache";

/** A fresh in-memory workbook of a sample, parsed once for all test files (test/support/workbook-cache.ts). */
const load = (name: string) => cachedWorkbook(readFileSync(path.join(ASSETS, name)), `Bestand '${name}'`);

describe("selection reader", () => {
  test("the selection is one more sheet, 'Huidige selectie', that the pipeline can analyse", async () => {
    const wb = await load(SAMPLES.kerkrade);
    const full = await wb.readSheet("Voorraad (synthetisch)");
    const selection = { ...full, originRow: 3, values: full.values.slice(2, 53) }; // header + 50 dwellings
    const port: WorkbookPort = Object.assign(Object.create(wb) as WorkbookPort, { readSelection: async () => selection });
    const reader = await readSelectionAsSheet(port);
    expect(reader).toBeInstanceOf(SelectionReader);
    const sheets = await reader.listSheets();
    expect(sheets.map((s) => s.name)).toContain(SELECTION_SHEET);
    expect(sheets.find((s) => s.name === SELECTION_SHEET)).toMatchObject({ rowCount: 51, resultKind: null });
    const result = await analyseWorkbook(reader, { rules: DEFAULT_RULES, voorraad: SELECTION_SHEET });
    expect(result.summary.eenheden).toBe(50);
    // Cells keep their real sheet and row.
    expect(result.dwellings.rows.row(0).sheet).toBe("Voorraad (synthetisch)");
    expect(result.dwellings.rows.row(0).rowNumber).toBe(4);
    expect(result.tables.find((t) => t.sheet === SELECTION_SHEET)?.used).toBe(true);
  });

  test("an empty selection, or a port without selection, gives a Dutch error", async () => {
    const wb = await load(SAMPLES.kerkrade);
    await expect(readSelectionAsSheet(wb)).rejects.toThrow(UserError);
    const port: WorkbookPort = Object.assign(Object.create(wb) as WorkbookPort, {
      readSelection: async () => ({ sheet: "Blad1", tableName: null, originRow: 1, originCol: 1, values: [] }),
    });
    await expect(readSelectionAsSheet(port)).rejects.toThrow(/De selectie is leeg/);
  });
});

describe("small helpers", () => {
  test("table choices", async () => {
    expect(parseChoice(choiceValue(AUTO))).toEqual(AUTO);
    expect(parseChoice(choiceValue({ kind: "sheet", name: "blad:x" }))).toEqual({ kind: "sheet", name: "blad:x" });
    expect(parseChoice("selection")).toEqual({ kind: "selection" });
    const kerkrade = await describeWorkbook(await load(SAMPLES.kerkrade));
    expect(autoStockSheet(kerkrade)).toBe("Voorraad (synthetisch)");
    expect(autoDemandSheet(kerkrade)).toBeNull();
    const parkstad = await describeWorkbook(await load(SAMPLES.parkstad));
    expect(autoStockSheet(parkstad)).toBeNull();
    expect(autoDemandSheet(parkstad)).toBe("Tabel 1 Vraag");
  });

  test("result file names", () => {
    expect(resultFileName("kerkrade.xlsx")).toBe("kerkrade-resultaat.xlsx");
    expect(resultFileName("Voorraad 2024.XLSX")).toBe("Voorraad 2024-resultaat.xlsx");
    expect(resultFileName(".xlsx")).toBe("werkmap-resultaat.xlsx");
  });

  test("error messages", () => {
    expect(errorMessage(new UserError("Blad 'X' bestaat niet in de werkmap."))).toBe("Blad 'X' bestaat niet in de werkmap.");
    expect(errorMessage(new Error("boom"))).toMatch(/^Er ging iets mis .*: boom$/);
    expect(errorMessage("tekst")).toMatch(/: tekst$/);
    expect(isCancellation(new UserError(CANCELLED_MESSAGE))).toBe(true);
    expect(isCancellation(new Error(CANCELLED_MESSAGE))).toBe(false);
  });

  test("key figures of Parkstad: shortages per category with tekort > 0, rounded as asked", async () => {
    const result = await analyseWorkbook(await load(SAMPLES.parkstad), { rules: DEFAULT_RULES });
    const raw = keyFigures(result, null);
    const expected = result.tekort.filter((t) => t.lezing === "per categorie" && t.tekort > 0);
    expect(raw.tekorten).toHaveLength(expected.length);
    expect(raw.tekorten.every((t) => t.tekort > 0)).toBe(true);
    expect(raw.aanbod).toEqual([]);
    expect(raw.aanbodTabel.length).toBeGreaterThan(0);
    const rounded = keyFigures(result, 5);
    expect(rounded.tekorten.every((t) => t.tekort % 5 === 0)).toBe(true);
    const all = [...rounded.meldingen.fout, ...rounded.meldingen.waarschuwing, ...rounded.meldingen.info];
    expect(all).toHaveLength(result.issues.length);
  });
});

describe("quick check texts", () => {
  test("Parkstad (published supply and demand): the largest tekort with year, scenario, group and rounding", async () => {
    const result = await analyseWorkbook(await load(SAMPLES.parkstad), { rules: DEFAULT_RULES });
    const f = keyFigures(result, 5);
    const top = largestShortage(f.tekorten);
    expect(top).not.toBeNull();
    // Nothing larger; on a tie, no earlier year.
    expect(f.tekorten.every((t) => t.tekort < top!.tekort || (t.tekort === top!.tekort && t.jaar >= top!.jaar))).toBe(true);
    const lines = Object.fromEntries(quickFigures(f, 5).map((l) => [l.label, l.value]));
    expect(lines.Aanbod).toBe("uit de aanbodtabel, per woontype (zie Resultaten)");
    expect(lines["Grootste tekort"]).toBe(
      `${nlInt(top!.tekort)} ${top!.categorie} in ${top!.jaar} (${[top!.scenario && `scenario ${top!.scenario}`, top!.groep, top!.gebied].filter(Boolean).join(", ")}, afgerond op 5)`,
    );
    expect(lines.Tekorten).toBe(`${nlInt(f.tekorten.length)} per woontype, jaar en scenario`);
    const fouten = f.meldingen.fout.length;
    expect(lines.Controle).toMatch(fouten + f.meldingen.waarschuwing.length === 0 ? /^geen fouten/ : /^\d+ fout(en)?, \d+ waarschuwing(en)?$/);
  });

  test("no shortage, no tie-break surprises", () => {
    const row = (tekort: number, jaar: number) => ({ groep: null, categorie: "nultreden", jaar, scenario: null, gebied: null, tekort });
    expect(largestShortage([])).toBeNull();
    expect(largestShortage([row(10, 2040), row(10, 2030), row(5, 2023)])?.jaar).toBe(2030);
    expect(largestShortage([row(10, 2040), row(12, 2050)])?.tekort).toBe(12);
  });

  test("what the quick check says it will use", () => {
    expect(describeQuickRun({ sheet: "Voorraad", how: "herkend" }, null, "standaard")).toBe(
      "Analyseert in één keer: voorraad uit blad 'Voorraad' (herkend), zonder vraagtabel (dus geen tekort), met de standaardregels.",
    );
    expect(describeQuickRun({ sheet: null, how: "selectie" }, { sheet: "Vraag", how: "gekozen" }, "bewaard")).toBe(
      "Analyseert in één keer: voorraad uit de huidige selectie, vraag uit blad 'Vraag' (gekozen), met de regels die bij de vorige analyse in deze werkmap zijn bewaard.",
    );
    expect(describeQuickRun(null, { sheet: "Vraag", how: "herkend" }, "aangepast")).toContain("zonder voorraadtabel (het aanbod komt dan uit een aanbodtabel), vraag uit blad 'Vraag' (herkend), met de regels zoals ingesteld bij stap 3.");
  });
});
