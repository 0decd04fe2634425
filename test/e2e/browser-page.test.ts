/**
 * The standalone browser page (dist/index.html) end to end, in Chromium at task-pane size
 * (350 × 700): for each sample workbook, open it with "Werkmap openen", walk the steps, run
 * "Analyseren", download the result and read it back with ExcelJS; and the quick path ("Snel
 * analyseren" right after choosing the file), whose key figures must match. Every request the page
 * makes must stay on the local test server. Screenshots of each step go to docs/screenshots/.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { serveDirectory, type StaticServer } from "./serve";
import {
  ASSETS,
  DIST,
  SCREENSHOTS,
  VIEWPORT,
  foreignRequests,
  launchChromium,
  loadWorkbook,
  readCsv,
  readTable,
  recordRequests,
  requireProductionBuild,
  sheetValues,
} from "./helpers";

const RESULT_SHEETS = ["BZK-indeling", "Tekort", "Aanpassingspotentieel", "Controle"];
const STEP_TIMEOUT = 60_000;

let server: StaticServer;
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  requireProductionBuild();
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-e2e-"));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

/** A Content-Security-Policy violation reported by the page (its CSP is in src/browser/index.html). */
interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
}

/** What one run through the page produced. */
interface Run {
  requests: string[];
  suggestedName: string;
  resultFile: string;
  pageText: string;
  consoleErrors: string[];
  cspViolations: CspViolation[];
}

/** Chromium logs each CSP violation as a console error too; those are checked separately. */
const isCspReport = (text: string) => /Content Security Policy|'script-src' was not explicitly set/.test(text);

/**
 * zod 4 probes once whether `new Function("")` is allowed (to compile faster validators) and
 * catches the refusal; the page's CSP (no 'unsafe-eval') still reports it. Harmless; it goes
 * away when the app calls `z.config({ jitless: true })` before the first schema is used.
 */
const isZodEvalProbe = (v: CspViolation) => v.blocked === "eval";

/**
 * Saves a screenshot of the viewport as docs/screenshots/<sample>-<n>-<step>.png, scrolled so
 * that `anchor` (a step's heading) is at the top when given.
 */
async function shot(page: Page, sample: string, n: number, step: string, anchor?: Locator): Promise<void> {
  // Let the accordion's open/close motion finish first: it moves everything below it.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  if (anchor) await anchor.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${sample}-${n}-${step}.png`), animations: "disabled", caret: "hide" });
}

/** Opens the page, walks every step for one workbook and downloads the result. */
async function runThroughPage(sample: string, workbook: string): Promise<Run> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: "nl-NL" });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: CspViolation[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }),
    );
  });
  try {
    await page.goto(`${server.origin}/index.html`);
    const fileInput = page.getByLabel("Werkmap openen");
    await fileInput.waitFor({ state: "attached" });
    await shot(page, sample, 1, "start");

    // The first-run explanation, when shown, is closed first.
    const understood = page.getByRole("button", { name: "Begrepen" });
    if (await understood.isVisible()) await understood.click();

    await fileInput.setInputFiles(path.join(ASSETS, workbook));
    const toColumns = page.getByRole("button", { name: "Verder naar kolommen" });
    await toColumns.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await page.getByText(`Geopend: ${workbook}`).waitFor({ timeout: STEP_TIMEOUT });
    await shot(page, sample, 2, "tabellen");

    await toColumns.click();
    const toRules = page.getByRole("button", { name: "Verder naar regels" });
    await toRules.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await shot(page, sample, 3, "kolommen", heading(page, "2. Kolommen"));

    await toRules.click();
    const toRun = page.getByRole("button", { name: "Verder naar uitvoeren" });
    await toRun.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await shot(page, sample, 4, "regels", heading(page, "3. Regels"));

    await toRun.click();
    const analyse = page.getByRole("button", { name: "Analyseren", exact: true });
    await analyse.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await expectEnabled(analyse);
    await shot(page, sample, 5, "uitvoeren", heading(page, "4. Uitvoeren"));

    await analyse.click();
    const downloadButton = page.getByRole("button", { name: "Resultaat downloaden" });
    await downloadButton.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await shot(page, sample, 6, "resultaten", heading(page, "5. Resultaten"));

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: STEP_TIMEOUT }), downloadButton.click()]);
    const resultFile = path.join(downloads, `${sample}-resultaat.xlsx`);
    await download.saveAs(resultFile);
    const failure = await download.failure();
    if (failure) throw new Error(`Download mislukt: ${failure}`);
    await shot(page, sample, 7, "gedownload", heading(page, "5. Resultaten"));

    const pageText = await page.locator("body").innerText();
    const cspViolations = await page.evaluate(() => (window as unknown as { __csp: CspViolation[] }).__csp);
    return { requests, suggestedName: download.suggestedFilename(), resultFile, pageText, consoleErrors, cspViolations };
  } finally {
    await context.close();
  }
}

/** What the quick check showed: its key figures (label → value) and the page's health. */
interface QuickRun {
  figures: Record<string, string>;
  consoleErrors: string[];
  cspViolations: CspViolation[];
  requests: string[];
}

/**
 * The quick path of a person in a meeting: open the page, choose the workbook (click 1), click
 * "Snel analyseren" (click 2), read the key figures. Screenshot docs/screenshots/<sample>-snel.png.
 */
async function quickCheck(sample: string, workbook: string): Promise<QuickRun> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, locale: "nl-NL" });
  const requests = recordRequests(context);
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: CspViolation[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile }),
    );
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(`${server.origin}/index.html`);
    const understood = page.getByRole("button", { name: "Begrepen" });
    await page.getByLabel("Werkmap openen").waitFor({ state: "attached" });
    if (await understood.isVisible()) await understood.click();
    await page.getByLabel("Werkmap openen").setInputFiles(path.join(ASSETS, workbook));
    const quick = page.getByRole("button", { name: "Snel analyseren" });
    await quick.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await expectEnabled(quick);
    await quick.click();
    const heading = page.getByRole("heading", { name: "Kerncijfers" });
    await heading.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await shot(page, sample, 0, "snel");
    fs.renameSync(path.join(SCREENSHOTS, `${sample}-0-snel.png`), path.join(SCREENSHOTS, `${sample}-snel.png`));
    const figures = await page.locator("dl[aria-label='Kerncijfers']").evaluate((dl) => {
      const out: Record<string, string> = {};
      dl.querySelectorAll("dt").forEach((dt) => (out[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? ""));
      return out;
    });
    const cspViolations = await page.evaluate(() => (window as unknown as { __csp: CspViolation[] }).__csp);
    return { figures, consoleErrors, cspViolations, requests };
  } finally {
    await context.close();
  }
}

/** The heading button of a step in the accordion. */
function heading(page: Page, title: string): Locator {
  return page.getByRole("button", { name: title, exact: true });
}

async function expectEnabled(locator: Locator): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error("Knop 'Analyseren' blijft uitgeschakeld.");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The common checks on a downloaded result: the four sheets, input sheets unchanged, balance. */
async function checkCommon(run: Run, workbook: string): Promise<ExcelJS.Workbook> {
  expect(foreignRequests(run.requests, server.origin)).toEqual([]);
  expect(run.requests.some((u) => u.startsWith(`${server.origin}/index.html`))).toBe(true);
  expect(run.suggestedName).toBe(workbook.replace(/\.xlsx$/, "-resultaat.xlsx"));

  const source = await loadWorkbook(path.join(ASSETS, workbook));
  const result = await loadWorkbook(run.resultFile);
  const names = result.worksheets.map((w) => w.name);
  for (const s of RESULT_SHEETS) expect(names).toContain(s);
  // The copy keeps every input sheet exactly as it was.
  for (const ws of source.worksheets) {
    const copy = result.getWorksheet(ws.name);
    expect(copy).toBeDefined();
    expect(sheetValues(copy!)).toEqual(sheetValues(ws));
  }
  // Controle: rows read = rows classified + rows set aside.
  const balans = readTable(result.getWorksheet("Controle")!, "Onderdeel", ["Aantal"]);
  const get = (label: string) => balans.find((r) => r.Onderdeel === label)?.Aantal;
  expect(get("Rijen gelezen")).toBe(Number(get("Rijen ingedeeld")) + Number(get("Rijen terzijde gelegd")));
  return result;
}

describe("browser page, Kerkrade sample (per-dwelling stock)", () => {
  const workbook = "kerkrade-sociale-huur-2020.xlsx";
  const published = readCsv("kerkrade-bat-per-corporatie-2020.csv").filter((r) => r.corporatie.toUpperCase() !== "TOTAAL");
  const total = published.reduce((s, r) => s + Number(r.totaal), 0);
  // Kerkrade's scale: nultreden = BAT ≥ 1 (wandelstokgeschikt or better).
  const atLeastNultreden = published.reduce((s, r) => s + [1, 2, 3, 4].reduce((t, b) => t + Number(r[`bat_${b}`]), 0), 0);
  let run: Run;
  let result: ExcelJS.Workbook;

  beforeAll(async () => {
    run = await runThroughPage("kerkrade", workbook);
    result = await checkCommon(run, workbook);
  });

  test("the published totals come out: all units, and those at least nultreden", () => {
    expect(total).toBe(7824);
    expect(atLeastNultreden).toBe(3175);
    const overzicht = readTable(result.getWorksheet("BZK-indeling")!, "BZK-type", ["Hoogste type (exclusief)", "Minstens dit type (cumulatief)"]);
    const row = (t: string) => overzicht.find((r) => r["BZK-type"] === t)!;
    expect(row("totaal")["Hoogste type (exclusief)"]).toBe(total);
    expect(row("nultreden")["Minstens dit type (cumulatief)"]).toBe(atLeastNultreden);
  });

  test("one row per dwelling on BZK-indeling, every one placed", () => {
    const woningen = readTable(result.getWorksheet("BZK-indeling")!, "VHE", ["BZK-type", "Reden"]);
    expect(woningen).toHaveLength(total);
    expect(woningen.filter((w) => w["BZK-type"] === "onbekend")).toHaveLength(0);
  });

  test("Aanpassingspotentieel assesses every unit", () => {
    const rows = readTable(result.getWorksheet("Aanpassingspotentieel")!, "Gemeente", ["Totaal"]);
    expect(rows.reduce((s, r) => s + Number(r.Totaal), 0)).toBe(total);
  });

  test("the page shows the same key figures in Dutch", () => {
    expect(run.pageText).toContain("7.824 woningen, waarvan 3.175 minstens nultreden");
  });

  test("Snel analyseren: choose the workbook, one click, and the published totals are the key figures", async () => {
    const quick = await quickCheck("kerkrade", workbook);
    expect(quick.figures.Woningen).toBe(total.toLocaleString("nl-NL"));
    expect(quick.figures["Minstens nultreden"]).toMatch(new RegExp(`^${atLeastNultreden.toLocaleString("nl-NL").replace(".", "\\.")} \\(`));
    expect(quick.figures.Tekort).toMatch(/^niet berekend/);
    expect(quick.consoleErrors.filter((t) => !isCspReport(t))).toEqual([]);
    expect(quick.cspViolations.filter((v) => !isZodEvalProbe(v))).toEqual([]);
    expect(foreignRequests(quick.requests, server.origin)).toEqual([]);
  });

  test("no script errors, nothing blocked by the page's CSP, no request leaves the page's own server", () => {
    expect(run.consoleErrors.filter((t) => !isCspReport(t))).toEqual([]);
    expect(run.cspViolations.filter((v) => !isZodEvalProbe(v))).toEqual([]);
    expect(foreignRequests(run.requests, server.origin)).toEqual([]);
  });
});

describe("browser page, Parkstad sample (published demand and supply)", () => {
  const workbook = "parkstad-woonzorg-2023.xlsx";
  const demand = readCsv("parkstad-vraag-ouderen-vg-2023-2040.csv").filter((r) => r.groep === "ouderen");
  const CATEGORY: Record<string, { categorie: string; zorgprofiel: string | null }> = {
    "regulier wonen": { categorie: "regulier", zorgprofiel: null },
    "nultreden in regulier wonen": { categorie: "nultreden", zorgprofiel: null },
    "geclusterd wonen": { categorie: "geclusterd", zorgprofiel: null },
    "zorggeschikt/woonzorgcentrum (SOM)": { categorie: "zorggeschikt", zorgprofiel: "SOM" },
    "zorggeschikt/woonzorgcentrum (PG)": { categorie: "zorggeschikt", zorgprofiel: "PG" },
  };
  const years = ["2023", "2030", "2040"];
  let run: Run;
  let tekort: Record<string, unknown>[];

  beforeAll(async () => {
    run = await runThroughPage("parkstad", workbook);
    const result = await checkCommon(run, workbook);
    tekort = readTable(result.getWorksheet("Tekort")!, "Lezing", ["Groep", "Categorie", "Jaar", "Scenario", "Vraag"]);
  });

  test.each(["basis", "trend"])("Tekort has rows for ouderen, scenario %s, in all three readings", (scenario) => {
    const rows = tekort.filter((r) => r.Groep === "ouderen" && r.Scenario === scenario);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.Lezing))).toEqual(new Set(["per categorie", "cumulatief", "na doorschuiven"]));
    expect(new Set(rows.map((r) => String(r.Jaar)))).toEqual(new Set(years));
  });

  test("per categorie, the demand equals the published table for every type, year and scenario", () => {
    let checked = 0;
    for (const d of demand) {
      const cat = CATEGORY[d.woonvorm];
      if (!cat) continue; // "totaal" is a check row, not a category
      for (const year of years) {
        const row = tekort.find(
          (r) =>
            r.Lezing === "per categorie" &&
            r.Groep === "ouderen" &&
            r.Scenario === d.scenario &&
            r.Categorie === cat.categorie &&
            (r.Zorgprofiel ?? null) === cat.zorgprofiel &&
            String(r.Jaar) === year,
        );
        expect({ ...d, year, vraag: row?.Vraag }).toEqual({ ...d, year, vraag: Number(d[year]) });
        checked++;
      }
    }
    expect(checked).toBe(2 * 5 * 3);
  });

  test("no script errors, nothing blocked by the page's CSP, no request leaves the page's own server", () => {
    expect(run.consoleErrors.filter((t) => !isCspReport(t))).toEqual([]);
    expect(run.cspViolations.filter((v) => !isZodEvalProbe(v))).toEqual([]);
    expect(foreignRequests(run.requests, server.origin)).toEqual([]);
  });

  test("Snel analyseren gives the largest tekort of the Tekort sheet the five steps produced", async () => {
    const quick = await quickCheck("parkstad", workbook);
    const perCategorie = tekort.filter((r) => r.Lezing === "per categorie" && Number(r.Tekort) > 0);
    const max = Math.max(...perCategorie.map((r) => Number(r.Tekort)));
    const firstYear = Math.min(...perCategorie.filter((r) => Number(r.Tekort) === max).map((r) => Number(r.Jaar)));
    const m = /^([\d.]+) (.+) in (\d{4}) \((.+)\)$/.exec(quick.figures["Grootste tekort"] ?? "");
    expect(m).not.toBeNull();
    expect(Number(m![1].replace(/\./g, ""))).toBe(max);
    expect(Number(m![3])).toBe(firstYear);
    expect(quick.figures.Tekorten).toBe(`${perCategorie.length.toLocaleString("nl-NL")} per woontype, jaar en scenario`);
    expect(quick.figures.Aanbod).toBe("uit de aanbodtabel, per woontype (zie Resultaten)");
    expect(quick.consoleErrors.filter((t) => !isCspReport(t))).toEqual([]);
    expect(quick.cspViolations.filter((v) => !isZodEvalProbe(v))).toEqual([]);
    expect(foreignRequests(quick.requests, server.origin)).toEqual([]);
  });
});
