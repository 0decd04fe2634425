/**
 * Shared helpers of the task pane tests: the sample workbooks as ports, the App inside a
 * FluentProvider with in-memory storage, ports that wait or fail on demand, and the published
 * Kerkrade figures (read from the shared CSV, never copied from the program's output).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within, type RenderResult } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { ReactElement } from "react";
import { App, type AppProps } from "../../src/taskpane/App";
import type { FlagStorage } from "../../src/taskpane/hooks/useFirstRun";
import { FIRST_RUN_KEY } from "../../src/taskpane/hooks/useFirstRun";
import type { CellValue, RawTable } from "../../src/ingest/types";
import { META_SHEET } from "../../src/workbook/marker";
import type { StoredSettings, WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { XlsxBlob } from "../../src/workbook/xlsx-blob";
import { readWorkbookInfo } from "../../src/workbook/xlsx-parts";
import { readCsv } from "../support/csv";
import { cachedBytes, cachedWorkbook } from "../support/workbook-cache";
import { ASSETS, SAMPLES } from "../support/paths";

export const KERKRADE = SAMPLES.kerkrade;
export const PARKSTAD = SAMPLES.parkstad;

const bytesCache = new Map<string, Buffer>();

/** The bytes of a sample workbook (read once per test file). */
export function sampleBytes(name: string): Buffer {
  let b = bytesCache.get(name);
  if (!b) {
    b = readFileSync(path.join(ASSETS, name));
    bytesCache.set(name, b);
  }
  return b;
}

/**
 * A fresh in-memory workbook of a sample (each test may write into its own), parsed once for all
 * test files (test/support/workbook-cache.ts).
 */
export function loadSample(name: string): Promise<XlsxWorkbook> {
  return cachedWorkbook(sampleBytes(name), `Bestand '${name}'`);
}

/** Name of the demand sheet added to the Kerkrade sample by {@link kerkradeWithDemandBytes}. */
export const DEMAND_SHEET = "Vraag Parkstad";

/**
 * The Kerkrade sample (stock per dwelling and planned changes, no demand) with the Parkstad
 * sample's published demand table added as sheet {@link DEMAND_SHEET}, as .xlsx bytes: a stock
 * with a tekort to compute, for the what-if panel (the same pairing as test/workbook/office.test.ts).
 * Built once for all test files (test/support/workbook-cache.ts `cachedBytes`).
 */
export function kerkradeWithDemandBytes(): Promise<Uint8Array> {
  return cachedBytes("kerkrade-met-vraag", [sampleBytes(KERKRADE), sampleBytes(PARKSTAD)], async () => {
    const demand = await (await loadSample(PARKSTAD)).readSheet("Tabel 1 Vraag");
    const kerkrade = await loadSample(KERKRADE);
    const sheet = kerkrade.workbook.addWorksheet(DEMAND_SHEET);
    demand.values.forEach((row, r) => row.forEach((v, c) => {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") sheet.getCell(r + 1, c + 1).value = v;
    }));
    return new Uint8Array(await kerkrade.workbook.xlsx.writeBuffer());
  });
}

/**
 * Makes `XlsxWorkbook.fromBuffer` (ExcelJS's parse of a whole workbook) answer from the shared
 * workbook cache (test/support/workbook-cache.ts `cachedWorkbook`, which holds the model the same
 * parse made, and parses what it has not seen): the browser page's result file is written into
 * the workbook parsed from the user's file, and parsing the Kerkrade sample costs about two
 * seconds in a Jest worker for each download. Restored after the test (`jest.restoreAllMocks`)
 * or by the caller; the returned spy counts the parses asked for.
 */
export function fromBufferCached(): jest.SpyInstance<Promise<XlsxWorkbook>, [Uint8Array | ArrayBuffer, string?]> {
  return jest.spyOn(XlsxWorkbook, "fromBuffer").mockImplementation((bytes, source) => cachedWorkbook(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), source));
}

/** A downloaded .xlsx as the tests read it back: sheets in workbook order, settings, sheet values. */
export interface ReadBack {
  /** Every sheet but the hidden meta sheet, in workbook order, with its kind when it is one of our result sheets. */
  sheets: { name: string; resultKind: string | null }[];
  /** The settings saved with the results (the meta sheet), or null. */
  settings: StoredSettings | null;
  /** Every row of a sheet from row 1 (rows without cells as empty arrays, empty cells as null). */
  readSheet(name: string): Promise<RawTable>;
}

/**
 * Reads a downloaded result file with the fast reader of the browser page and the command line
 * (src/workbook/xlsx-blob.ts), which reads only the parts asked for; ExcelJS would parse every
 * sheet, the whole stock included (about two seconds for Kerkrade in a Jest worker).
 */
export async function readBack(file: Blob): Promise<ReadBack> {
  const xlsx = await XlsxBlob.open(file, "Resultaat");
  const info = await readWorkbookInfo(await xlsx.zip());
  const { previous } = await xlsx.heads(1);
  const kindOf = new Map(Object.entries(previous.sheets).map(([kind, name]) => [name as string, kind]));
  return {
    sheets: info.sheets.filter((s) => s.name !== META_SHEET).map((s) => ({ name: s.name, resultKind: kindOf.get(s.name) ?? null })),
    settings: previous.settings,
    async readSheet(name) {
      const values: CellValue[][] = [];
      await xlsx.streamSheet(name, (n, row) => {
        while (values.length < n - 1) values.push([]);
        values.push(row.slice());
      });
      return { sheet: name, tableName: null, originRow: 1, originCol: 1, values };
    },
  };
}

/** Storage in memory; `read` true = the explanation was already read. */
export function memoryStorage(read = true): FlagStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (read) data.set(FIRST_RUN_KEY, "ja");
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** Renders a node inside the Fluent provider. */
export function renderFluent(node: ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

/** Renders the App (explanation already read unless a storage is given). */
export function renderApp(props: Partial<AppProps> & Pick<AppProps, "mode">): RenderResult {
  return renderFluent(<App storage={memoryStorage()} {...props} />);
}

/** The App in Excel mode on a sample, waiting until the sheets are listed. */
export async function renderExcel(port: WorkbookPort, extra: Partial<AppProps> = {}): Promise<RenderResult> {
  const r = renderApp({ mode: "excel", port, ...extra });
  await findByRoleAfter("list", "Bladen in de werkmap", "label", 10000);
  return r;
}

/** The heading button of a step ("1. Kies de tabellen", ...). */
export function stepButton(title: string | RegExp): HTMLElement {
  return within(screen.getByRole("heading", { name: title })).getByRole("button");
}

/**
 * `findByRole` for an element that appears after a long wait (an analysis, a file read), without
 * polling role queries: a role query over the whole pane costs a getComputedStyle per candidate
 * and ancestor in jsdom, and `findByRole` repeats it every 50 ms and on every DOM change while it
 * waits. This waits with a text query (`by: "text"`: the name is the element's text, as for a
 * button or heading) or a label query (`by: "label"`: an aria-label), then asserts the role and
 * name once with `getByRole`, as `findByRole` would.
 */
export async function findByRoleAfter(role: string, name: string, by: "text" | "label", timeout = 1000): Promise<HTMLElement> {
  await (by === "text" ? screen.findAllByText(name, undefined, { timeout }) : screen.findAllByLabelText(name, undefined, { timeout }));
  return screen.getByRole(role, { name });
}

/**
 * `waitFor(() => expect(document.activeElement).toBe(stepButton(title)))` without polling role
 * queries (see {@link findByRoleAfter}): waits until the focused element's text is the step's
 * title, then waits as before for the focus to be on the step's heading button (found by role),
 * which then usually holds at the first try.
 */
export async function waitForStepFocus(title: string, timeout = 1000): Promise<void> {
  await waitFor(() => expect(document.activeElement?.textContent).toBe(title), { timeout });
  await waitFor(() => expect(document.activeElement).toBe(stepButton(title)), { timeout });
}

/** Opens a step by clicking its heading. */
export async function openStep(user: UserEvent, title: string | RegExp): Promise<void> {
  const button = stepButton(title);
  if (button.getAttribute("aria-expanded") !== "true") await user.click(button);
}

/** Presses Tab until `target` has the focus (at most `max` times); fails otherwise. */
export async function tabTo(user: UserEvent, target: HTMLElement, max = 80): Promise<void> {
  for (let i = 0; i < max && document.activeElement !== target; i++) await user.tab();
  if (document.activeElement !== target) throw new Error(`Could not reach ${target.outerHTML.slice(0, 120)} with Tab`);
}

/**
 * Chooses an option of a Fluent Dropdown with the keyboard only: Tab to it, Enter to open,
 * arrow keys to the option, Enter to choose.
 */
export async function chooseByKeyboard(user: UserEvent, combobox: HTMLElement, option: string | RegExp): Promise<void> {
  await tabTo(user, combobox);
  await user.keyboard("{Enter}");
  const target = await screen.findByRole("option", { name: option });
  for (let i = 0; i < 60 && combobox.getAttribute("aria-activedescendant") !== target.id; i++) await user.keyboard("{ArrowDown}");
  if (combobox.getAttribute("aria-activedescendant") !== target.id) {
    for (let i = 0; i < 60 && combobox.getAttribute("aria-activedescendant") !== target.id; i++) await user.keyboard("{ArrowUp}");
  }
  if (combobox.getAttribute("aria-activedescendant") !== target.id) throw new Error(`Option ${String(option)} not reached with the arrow keys`);
  await user.keyboard("{Enter}");
}

/**
 * A port whose `readSheet` can be held: after `hold()` every read waits until `release()`
 * (to watch progress and to cancel a run halfway). Reads pass straight through otherwise.
 */
export function gatedPort(base: WorkbookPort): { port: WorkbookPort; hold: () => void; release: () => void; waiting: () => number } {
  let held = false;
  let waiters: (() => void)[] = [];
  const port: WorkbookPort = {
    listSheets: () => base.listSheets(),
    readSettings: () => base.readSettings(),
    writeResults: (m, s) => base.writeResults(m, s),
    readSheet: async (name: string): Promise<RawTable> => {
      if (held) await new Promise<void>((resolve) => waiters.push(resolve));
      return base.readSheet(name);
    },
  };
  return {
    port,
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    },
    waiting: () => waiters.length,
  };
}

/** The published Kerkrade totals (Lokaal meerjarig kader, 1-1-2020), from the shared CSV. */
export function kerkradePublished(): { totaal: number; minstensNultreden: number } {
  const total = readCsv("kerkrade-bat-per-corporatie-2020.csv").find((r) => r.corporatie === "TOTAAL");
  if (!total) throw new Error("TOTAAL row missing");
  const totaal = Number(total.totaal);
  // Kerkrade: nultreden = minstens wandelstokgeschikt, BAT >= 1, so everything but BAT 0.
  return { totaal, minstensNultreden: totaal - Number(total.bat_0) };
}

/** Dutch thousands notation, as the pane shows counts: 7824 → "7.824". */
export function nl(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
