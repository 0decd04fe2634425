/** @jest-environment jsdom */
/**
 * The what-if panel of the results step, on the real Kerkrade stock (per dwelling, with planned
 * changes) plus the published Parkstad demand: a changed input is recomputed without running
 * the analysis again, 0% and no complexes show the baseline, the figures move by what the levers
 * do (the dwellings adapted, the dwellings a meeting room clusters), and the scenario goes into
 * the workbook (Excel) or the downloaded file (browser) with its parameters.
 */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { RawTable } from "../../src/ingest/types";
import type { FileSession } from "../../src/session/session";
import { openXlsxSession } from "../../src/session/xlsx-session";
import type { WorkbookPort } from "../../src/workbook/port";
import type { XlsxWorkbook } from "../../src/workbook/xlsx";
import { DEMAND_SHEET, KERKRADE, findByRoleAfter, fromBufferCached, kerkradeWithDemandBytes, nl, openStep, readBack, renderApp, renderExcel, tabTo } from "./helpers";
import { cachedWorkbook } from "../support/workbook-cache";

const STOCK = "Voorraad (synthetisch)";
const PCT = "Potentieel geschikte woningen aanpassen";
const ROOMS = "Ontmoetingsruimten erbij";
const num = (t: string | null | undefined) => Number((t ?? "").replace(/\./g, "").replace("+", ""));

/**
 * Rows and cells inside a table found by an accessible role query. The table's own query checks
 * that it is visible to assistive technology; its rows and cells are then queried by role with
 * `hidden: true`, which skips testing-library's per-element style check (getComputedStyle over
 * every Fluent style rule, for each cell and each of its ancestors: most of this file's time in
 * jsdom) and finds the same rows and cells, none of which is hidden on its own.
 */
const INSIDE = { hidden: true } as const;

/** The rows of a panel table as { woontype: [basis, wat-als, verschil] }. */
function readingTable(lezing: string, jaar: number): Record<string, [number, number, number]> {
  const table = screen.getByRole("table", { name: `Tekort ${lezing}, ${jaar}, ouderen, scenario basis` });
  const out: Record<string, [number, number, number]> = {};
  for (const row of within(table).getAllByRole("row", INSIDE).slice(1)) {
    const cells = within(row).getAllByRole("cell", INSIDE).map((c) => c.textContent);
    out[cells[0] ?? ""] = [num(cells[1]), num(cells[2]), num(cells[3])];
  }
  return out;
}

/** The potentieel dwellings of the whole stock, as the results step's own table shows them. */
function potentieelShown(): number {
  const pot = screen.getByRole("table", { name: "Aanpassingspotentieel" });
  return num(within(within(pot).getByRole("row", { name: /^potentieel/, ...INSIDE })).getAllByRole("cell", INSIDE)[1].textContent);
}

async function setInput(user: UserEvent, label: string, value: string): Promise<void> {
  const input = screen.getByRole("textbox", { name: label });
  await user.clear(input);
  await user.type(input, value);
}

/** Waits until the panel shows the scenario with `aangepast` dwellings adapted and `rooms` rooms. */
async function shown(aangepast: number, rooms: number): Promise<void> {
  await screen.findByText(new RegExp(`^Wat-als: ${nl(aangepast).replace(".", "\\.")} woningen aangepast, ${rooms} ontmoetingsruimten`), undefined, { timeout: 10000 });
}

/** A port that counts the reads of each sheet. */
function countingPort(base: XlsxWorkbook): { port: WorkbookPort; reads: (sheet: string) => number } {
  const reads = new Map<string, number>();
  const port: WorkbookPort = Object.assign(Object.create(base) as WorkbookPort, {
    readSheet: (name: string): Promise<RawTable> => {
      reads.set(name, (reads.get(name) ?? 0) + 1);
      return base.readSheet(name);
    },
  });
  return { port, reads: (sheet) => reads.get(sheet) ?? 0 };
}

/** The row of a result table (found by one of its column headers) whose cells start with `key`. */
function sheetRow(table: RawTable, column: string, key: (string | number | null)[]): { header: string[]; row: unknown[] } {
  const h = table.values.findIndex((r) => r.includes(column));
  const header = table.values[h].map(String);
  const row = table.values.slice(h + 1).find((r) => key.every((k, i) => r[i] === k));
  if (!row) throw new Error(`row ${key.join("|")} not found under ${column}`);
  return { header, row };
}

describe("what-if panel", () => {
  afterEach(() => jest.restoreAllMocks());

  test("Excel: changing an input recomputes at once without a new analysis; 0% is the baseline; the scenario goes into the workbook", async () => {
    const user = userEvent.setup();
    const base = await cachedWorkbook(await kerkradeWithDemandBytes());
    const { port, reads } = countingPort(base);
    await renderExcel(port);
    await openStep(user, "4. Uitvoeren");
    await user.click(screen.getByRole("button", { name: "Analyseren" }));
    await findByRoleAfter("heading", "Wat als?", "text", 30000);
    const stockReads = reads(STOCK);
    const demandReads = reads(DEMAND_SHEET);
    expect(stockReads).toBeGreaterThan(0);
    const P = potentieelShown();
    expect(P).toBeGreaterThan(1000);

    // The run's own scenario (rules: 10%) is shown first.
    await shown(Math.round(P * 0.1), 0);

    // 0%, no complexes: the scenario is the baseline in every reading.
    const pct = screen.getByRole("textbox", { name: PCT });
    await tabTo(user, pct);
    await user.keyboard("{Control>}a{/Control}0");
    await shown(0, 0);
    for (const lezing of ["per categorie", "cumulatief", "na doorschuiven"]) {
      const rows = Object.values(readingTable(lezing, 2023));
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const [basis, watAls, verschil] of rows) {
        expect(watAls).toBe(basis);
        expect(verschil).toBe(0);
      }
    }

    // 50%: half the potentieel dwellings (rounded) become at least nultreden, so the cumulatief
    // nultreden shortage falls by exactly that many (it stays far above zero).
    await setInput(user, PCT, "50");
    const half = Math.round(P / 2);
    await shown(half, 0);
    const [basis, watAls, verschil] = readingTable("cumulatief", 2023).nultreden;
    expect(basis - watAls).toBe(half);
    expect(verschil).toBe(-half);
    expect(screen.getByText(new RegExp(`^huur: ${nl(half).replace(".", "\\.")} van ${nl(P).replace(".", "\\.")} potentieel geschikte woningen aangepast \\(50%\\)`))).toBeTruthy();

    // Another year: the same levers, the 2030 demand.
    await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2030");
    const [b2030, w2030] = readingTable("cumulatief", 2030).nultreden;
    expect(b2030 - w2030).toBe(half);

    // One meeting room, no adaptation: the best candidate complex is named, and the cumulatief
    // geclusterd shortage falls by the dwellings it clusters.
    await setInput(user, PCT, "0");
    await setInput(user, ROOMS, "1");
    await shown(0, 1);
    const item = screen.getByText(/^Ontmoetingsruimte in complex /).textContent ?? "";
    const [, complex, erbij] = /^Ontmoetingsruimte in complex (\S+) .*: ([\d.]+) woningen erbij geclusterd/.exec(item) ?? [];
    expect(num(erbij)).toBeGreaterThan(0);
    const [gb, gw] = readingTable("cumulatief", 2030).geclusterd;
    expect(gb - gw).toBe(num(erbij));
    // More rooms than candidates: a Dutch message, and the last valid scenario stays.
    await setInput(user, ROOMS, "999");
    expect(await screen.findByText(/^Vul een geheel getal van 0 tot en met \d+ in\.$/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Scenario naar werkmap" }) as HTMLButtonElement).disabled).toBe(true);
    await setInput(user, ROOMS, "1");
    await shown(0, 1);

    // Nothing was read again: every figure came from the kept analysis.
    expect(reads(STOCK)).toBe(stockReads);
    expect(reads(DEMAND_SHEET)).toBe(demandReads);

    await user.click(screen.getByRole("button", { name: "Scenario naar werkmap" }));
    expect(await screen.findByText(/^Het scenario staat in de werkmap/, undefined, { timeout: 30000 })).toBeTruthy();
    const settings = await base.readSettings();
    expect((settings?.regels as { watAls: unknown }).watAls).toEqual({ aanpassenPercentage: 0, aanpassenPerSegment: {}, ontmoetingsruimten: 1, wlzComplexen: 0, plannen: true });
    const tekort = await base.readSheet("Tekort");
    expect(tekort.values.some((r) => typeof r[0] === "string" && r[0].startsWith("Wat-als: 0% van de potentieel geschikte woningen aangepast, 1 ontmoetingsruimte erbij"))).toBe(true);
    const { header, row } = sheetRow(tekort, "Tekort wat-als", ["cumulatief", "BZK", "ouderen", "geclusterd"]);
    expect(Number(row[header.indexOf("Tekort basis")]) - Number(row[header.indexOf("Tekort wat-als")])).toBe(num(erbij));
    const potentieel = await base.readSheet("Aanpassingspotentieel");
    expect(sheetRow(potentieel, "Maatregel", ["ontmoetingsruimte", complex]).row[4]).toBe(num(erbij));
    expect(reads(STOCK)).toBe(stockReads);
    // The written scenario is now the rules' scenario: the next analysis starts from it.
    await openStep(user, "3. Regels");
    expect((screen.getByRole("textbox", { name: "Aan te passen deel van de potentieel geschikte woningen" }) as HTMLInputElement).value).toBe("0");
    expect((screen.getByRole("textbox", { name: "Ontmoetingsruimten erbij in de beste kandidaat-complexen" }) as HTMLInputElement).value).toBe("1");
  });

  test("browser page: the worker's session is analysed once; the download carries the panel's scenario", async () => {
    const user = userEvent.setup();
    const saveFile = jest.fn<void, [Blob, string]>();
    const spies: { analyse?: jest.SpyInstance; whatIf?: jest.SpyInstance } = {};
    const openFile = async (file: File): Promise<FileSession> => {
      const session = await openXlsxSession(await file.arrayBuffer(), file.name);
      spies.analyse = jest.spyOn(session, "analyse");
      spies.whatIf = jest.spyOn(session, "whatIf");
      return session;
    };
    const parse = fromBufferCached();
    renderApp({ mode: "browser", saveFile, openFile });
    const bytes = await kerkradeWithDemandBytes();
    await user.upload(screen.getByLabelText("Werkmap openen"), new File([bytes as BlobPart], KERKRADE, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    await findByRoleAfter("list", "Bladen in de werkmap", "label", 10000);
    await openStep(user, "4. Uitvoeren");
    await user.click(screen.getByRole("button", { name: "Analyseren" }));
    await findByRoleAfter("heading", "Wat als?", "text", 30000);
    const P = potentieelShown();
    await shown(Math.round(P * 0.1), 0);

    await setInput(user, PCT, "0");
    await shown(0, 0);
    for (const [b, w] of Object.values(readingTable("na doorschuiven", 2023))) expect(w).toBe(b);
    await setInput(user, PCT, "30");
    const adapted = Math.round(P * 0.3);
    await shown(adapted, 0);
    expect(readingTable("cumulatief", 2023).nultreden[2]).toBe(-adapted);
    expect(spies.analyse).toHaveBeenCalledTimes(1);
    expect(spies.whatIf!.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(spies.whatIf!.mock.calls.at(-1)![0]).toMatchObject({ aanpassenPercentage: 30, ontmoetingsruimten: 0 });

    await user.click(screen.getByRole("button", { name: "Resultaat met dit scenario downloaden" }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1), { timeout: 30000 });
    // The result file was made from the chosen file by the streaming writer (no ExcelJS model):
    // the user's sheets are in it as they were.
    expect(parse).not.toHaveBeenCalled();
    const result = await readBack(saveFile.mock.calls[0][0]);
    const chosen = await readBack(new Blob([bytes as BlobPart]));
    expect((await result.readSheet(DEMAND_SHEET)).values).toEqual((await chosen.readSheet(DEMAND_SHEET)).values);
    expect(((result.settings?.regels as { watAls: { aanpassenPercentage: number } }).watAls.aanpassenPercentage)).toBe(30);
    const tekort = await result.readSheet("Tekort");
    expect(tekort.values.some((r) => typeof r[0] === "string" && r[0].startsWith("Wat-als: 30% van de potentieel geschikte woningen aangepast"))).toBe(true);
    const { header, row } = sheetRow(tekort, "Tekort wat-als", ["cumulatief", "BZK", "ouderen", "nultreden", null, 2023]);
    expect(Number(row[header.indexOf("Verschil tekort")])).toBe(-adapted);
    expect(spies.analyse).toHaveBeenCalledTimes(1);
  });
});
