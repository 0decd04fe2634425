/**
 * The browser page on a large workbook (issue "Scale"): 100,000 dwellings, generated
 * deterministically by the benchmark's generator (scripts/bench/generate.js, cached in
 * bench-data/). The work runs in the page's Web Worker, so while the workbook is opened and
 * analysed the page's main thread must never be busy for long (Chromium's Long Tasks API,
 * buffered; the longest task is printed against the 200 ms target, and a task of a second or more
 * fails the test), the progress bar must move, and the figures shown must be the
 * command line's for the same file. Prints the longest task and the times.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { DIST, ROOT, VIEWPORT, foreignRequests, launchChromium, recordRequests, requireProductionBuild } from "./helpers";
import { serveDirectory, type StaticServer } from "./serve";

const { ensureWorkbook } = require("../../scripts/bench/generate.js") as {
  ensureWorkbook: (dir: string, size: number) => Promise<{ file: string; generated: boolean; seconds: number }>;
};

/** The stock's size: 100,000 dwellings; `E2E_DWELLINGS=1048575` runs the page at Excel's largest
 * sheet once (the figures in docs/performance.md; minutes, and several GB for the download). */
const DWELLINGS = Number(process.env.E2E_DWELLINGS ?? 100_000);
if (!Number.isInteger(DWELLINGS) || DWELLINGS < 1000 || DWELLINGS > 1_048_575) throw new Error(`E2E_DWELLINGS: 1000 .. 1048575, not ${process.env.E2E_DWELLINGS}`);
/** The issue's target for a main-thread task while a large workbook is analysed: measured and
 * printed here (docs/performance.md), not asserted, because wall-clock task lengths depend on the
 * machine's load (the guide: speed targets are printed figures, not timed tests). */
const TARGET_TASK_MS = 200;
/** What is asserted: no task near the length of the work itself (opening and analysing 100,000
 * dwellings takes seconds), so any part of it on the main thread fails this test. */
const MAX_TASK_MS = 1000;
const TIMEOUT = 300_000;
const BZK_TYPES = ["regulier", "nultreden", "geclusterd", "zorggeschikt", "onbekend"] as const;

/** What the command line computed for the same file (its --json document, docs/json.md). */
interface CliFigures {
  eenheden: number;
  perBzk: Record<(typeof BZK_TYPES)[number], number>;
  cumulatief: { nultreden: number; geclusterd: number; zorggeschikt: number };
  rijen: number;
  afgewezen: number;
}

/** One long task as the page's PerformanceObserver saw it (ms since the page's time origin). */
interface LongTask {
  start: number;
  duration: number;
}

/** A change of the progress bar's value. */
interface ProgressSample {
  t: number;
  value: number;
}

jest.setTimeout(2 * TIMEOUT);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];
let workbook: string;
let cli: CliFigures;
let tmp: string;

/**
 * The resident memory of Chromium, sampled: the processes descending from this one (the browser,
 * its renderers, the page's worker inside its renderer), summed, and the largest single one (MB).
 * Linux /proc only; elsewhere the figures stay 0.
 */
function chromiumMemory(): { peakTotalMb: number; peakProcessMb: number; stop: () => void } {
  const out = { peakTotalMb: 0, peakProcessMb: 0, stop: () => undefined as void };
  const page = 4096;
  const sample = () => {
    let entries: string[];
    try {
      entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
    } catch {
      return;
    }
    const parent = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const e of entries) {
      try {
        const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parent.set(Number(e), Number(fields[1]));
        rss.set(Number(e), (Number(fields[21]) * page) / 2 ** 20);
      } catch {
        // The process ended meanwhile.
      }
    }
    let total = 0;
    for (const [pid, mb] of rss) {
      let p = parent.get(pid);
      while (p !== undefined && p > 1 && p !== process.pid) p = parent.get(p);
      if (p !== process.pid) continue;
      total += mb;
      out.peakProcessMb = Math.max(out.peakProcessMb, mb);
    }
    out.peakTotalMb = Math.max(out.peakTotalMb, total);
  };
  const timer = setInterval(sample, 500);
  out.stop = () => clearInterval(timer);
  return out;
}

/** Runs the command line in this process on `file` and reads its JSON document. */
async function runCli(file: string): Promise<CliFigures> {
  const json = path.join(tmp, "cli.json");
  const err: string[] = [];
  const code = await main(["analyse", file, "--json", json], { out: () => undefined, err: (t) => void err.push(t) });
  if (code !== 0) throw new Error(`bat-bzk analyse gaf code ${code}: ${err.join("")}`);
  const doc = JSON.parse(fs.readFileSync(json, "utf8")) as {
    invoer: { rijen: number; eenheden: number; afgewezen: number };
    aanbod: { perBzk: CliFigures["perBzk"]; cumulatief: CliFigures["cumulatief"] };
  };
  return { eenheden: doc.invoer.eenheden, perBzk: doc.aanbod.perBzk, cumulatief: doc.aanbod.cumulatief, rijen: doc.invoer.rijen, afgewezen: doc.invoer.afgewezen };
}

beforeAll(async () => {
  requireProductionBuild();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-e2e-groot-"));
  const made = await ensureWorkbook(path.join(ROOT, "bench-data"), DWELLINGS);
  workbook = made.file;
  cli = await runCli(workbook);
  server = await serveDirectory(DIST);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORT, locale: "nl-NL", acceptDownloads: true });
  requests = recordRequests(context);
  // Before any script of the page: every long task (≥ 50 ms) on the main thread, and every
  // value the progress bar takes.
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __progress: { t: number; value: number }[] };
    w.__longTasks = [];
    w.__progress = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    let last: string | null = null;
    const sample = () => {
      const bar = document.querySelector('[role="progressbar"]');
      const value = bar?.getAttribute("aria-valuenow") ?? null;
      if (value !== null && value !== last) w.__progress.push({ t: performance.now(), value: Number(value) });
      last = value;
    };
    new MutationObserver(sample).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });
  page = await context.newPage();
  await page.goto(`${server.origin}/index.html`);
}, TIMEOUT);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const now = () => page.evaluate(() => performance.now());
const longTasks = (from: number, to: number) =>
  page.evaluate(([a, b]) => (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((t) => t.start + t.duration >= a && t.start <= b), [from, to]);
const progress = (from: number, to: number) =>
  page.evaluate(([a, b]) => (window as unknown as { __progress: ProgressSample[] }).__progress.filter((p) => p.t >= a && p.t <= b), [from, to]);

/** The page's "Aanbod per BZK-woontype" table: type → [hoogste type, minstens dit type]. */
async function shownSupply(): Promise<Record<string, [number, number | null]>> {
  const rows = await page.getByRole("table", { name: "Aanbod per BZK-woontype" }).locator("tbody tr").allInnerTexts();
  const parse = (s: string) => (s.trim() === "–" ? null : Number(s.trim().replace(/\./g, "")));
  return Object.fromEntries(
    rows.map((r) => {
      const [type, exclusief, cumulatief] = r.split("\t");
      return [type.trim(), [parse(exclusief) as number, parse(cumulatief)]];
    }),
  );
}

describe(`browser page, ${DWELLINGS.toLocaleString("nl-NL")} dwellings, work in a Web Worker`, () => {
  let tasks: LongTask[];
  let samples: ProgressSample[];
  let seconds: { open: number; run: number; total: number };

  beforeAll(async () => {
    const understood = page.getByRole("button", { name: "Begrepen" });
    if (await understood.isVisible()) await understood.click();

    const memory = chromiumMemory();
    const t0 = await now();
    await page.getByLabel("Werkmap openen").setInputFiles(workbook);
    await page.getByText(`Geopend: ${path.basename(workbook)}`).waitFor({ timeout: TIMEOUT });
    await page.getByRole("list", { name: "Bladen in de werkmap" }).waitFor({ timeout: TIMEOUT });
    const tOpen = await now();

    await page.getByRole("button", { name: "4. Uitvoeren", exact: true }).click();
    const analyse = page.getByRole("button", { name: "Analyseren", exact: true });
    await analyse.waitFor({ state: "visible", timeout: TIMEOUT });
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent?.trim() === "Analyseren");
      return b !== undefined && !b.disabled;
    }, undefined, { timeout: TIMEOUT, polling: 100 });
    const tClick = await now();
    await analyse.click();
    await page.getByRole("button", { name: "Resultaat downloaden" }).waitFor({ state: "visible", timeout: TIMEOUT });
    const t1 = await now();
    memory.stop();

    tasks = await longTasks(t0, t1);
    samples = await progress(tClick, t1);
    seconds = { open: (tOpen - t0) / 1000, run: (t1 - tClick) / 1000, total: (t1 - t0) / 1000 };
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    // The figures of issue 4's target, printed for docs/performance.md.
    console.log(
      [
        `Browser page, ${DWELLINGS} dwellings (${path.basename(workbook)}), Chromium headless, ` +
          `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} (the times are wall-clock):`,
        `  file chosen → sheets listed: ${seconds.open.toFixed(1)} s; "Analyseren" → results shown: ${seconds.run.toFixed(1)} s; total ${seconds.total.toFixed(1)} s`,
        `  main-thread long tasks (≥ 50 ms) in that time: ${tasks.length}, longest ${longest.toFixed(0)} ms (target ${TARGET_TASK_MS} ms${longest <= TARGET_TASK_MS ? ", met" : ", NOT met"})`,
        `  progress bar values: ${samples.map((s) => s.value.toFixed(2)).join(" → ")}`,
        `  Chromium's memory (resident, sampled every 0.5 s): peak ${Math.round(memory.peakTotalMb)} MB over its processes, ` +
          `largest process ${Math.round(memory.peakProcessMb)} MB`,
      ].join("\n"),
    );
  }, 2 * TIMEOUT);

  test(`the work is off the main thread: no main-thread task longer than ${MAX_TASK_MS} ms from choosing the file to the results`, () => {
    expect(tasks.filter((t) => t.duration > MAX_TASK_MS)).toEqual([]);
  });

  test("the progress bar moves: several increasing values during the run", () => {
    const values = samples.map((s) => s.value);
    expect(new Set(values).size).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  });

  test("the page shows the command line's figures for the same file", async () => {
    expect(cli.eenheden).toBeGreaterThan(0.9 * DWELLINGS);
    const shown = await shownSupply();
    for (const type of BZK_TYPES) expect([type, shown[type]?.[0]]).toEqual([type, cli.perBzk[type]]);
    expect(shown.totaal[0]).toBe(cli.eenheden);
    expect(shown.nultreden[1]).toBe(cli.cumulatief.nultreden);
    expect(shown.geclusterd[1]).toBe(cli.cumulatief.geclusterd);
    expect(shown.zorggeschikt[1]).toBe(cli.cumulatief.zorggeschikt);
    const balans = await page.getByText(/^Balans: /).innerText();
    expect(balans.replace(/\./g, "")).toContain(`${cli.rijen} rijen gelezen = ${cli.rijen - cli.afgewezen} ingedeeld + ${cli.afgewezen} terzijde`);
  });

  test("what-if: a changed percentage is recomputed in the worker and shown well under a second, without a new analysis", async () => {
    const potRow = await page.getByRole("table", { name: "Aanpassingspotentieel" }).locator("tbody tr", { hasText: /^potentieel/ }).innerText();
    const potentieel = Number(potRow.split("\t")[1].trim().replace(/\./g, ""));
    expect(potentieel).toBeGreaterThan(1000);
    const input = page.getByRole("textbox", { name: "Potentieel geschikte woningen aanpassen" });
    await input.waitFor({ timeout: TIMEOUT });
    const runs: number[] = [];
    const segments = page.getByRole("list", { name: "Aangepaste woningen per segment" }).locator("li");
    for (const pct of [50, 0, 25]) {
      const start = await now();
      await input.fill(String(pct));
      await segments.filter({ hasText: `aangepast (${pct}%)` }).first().waitFor({ timeout: TIMEOUT });
      runs.push((await now()) - start);
      // Per segment: pct% of its potentieel dwellings, rounded to whole dwellings.
      const lines = await segments.allInnerTexts();
      let total = 0;
      for (const line of lines) {
        const [, adapted, of] = /: ([\d.]+) van ([\d.]+) potentieel geschikte woningen aangepast/.exec(line) ?? [];
        const n = (t: string) => Number(t.replace(/\./g, ""));
        expect(n(adapted)).toBe(Math.round((n(of) * pct) / 100));
        total += n(of);
      }
      expect(total).toBe(potentieel);
    }
    process.stdout.write(`  what-if on the page (typing → figures, incl. the 150 ms pause after typing): ${runs.map((t) => `${Math.round(t)} ms`).join(", ")}\n`);
    // Seconds for an analysis of this size; the panel answers from the kept result.
    for (const t of runs) expect(t).toBeLessThan(1000);
    // The key figures of the run are unchanged.
    expect((await shownSupply()).totaal[0]).toBe(cli.eenheden);
  });

  test("'Annuleren' stops a run at once; the next run gives the same figures", async () => {
    const before = await shownSupply();
    await page.getByRole("button", { name: "4. Uitvoeren", exact: true }).click();
    await page.getByRole("button", { name: "Analyseren", exact: true }).click();
    const cancel = page.getByRole("button", { name: "Annuleren" });
    await cancel.waitFor({ state: "visible", timeout: TIMEOUT });
    const tCancel = await now();
    await cancel.click();
    await page.getByText("Analyse geannuleerd.").waitFor({ timeout: 5_000 });
    expect((await now()) - tCancel).toBeLessThan(2_000);

    // The worker was ended and opens the file again; the next run waits for that.
    await page.getByRole("button", { name: "Analyseren", exact: true }).click();
    await page.getByRole("button", { name: "Resultaat downloaden" }).waitFor({ state: "visible", timeout: TIMEOUT });
    expect(await shownSupply()).toEqual(before);
  });

  test("the result downloads, and no request left the page's own server (the worker's included)", async () => {
    const tDownload = await now();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: TIMEOUT }),
      page.getByRole("button", { name: "Resultaat downloaden" }).click(),
    ]);
    const file = path.join(tmp, "resultaat.xlsx");
    await download.saveAs(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
    const tasksDuringDownload = await longTasks(tDownload, await now());
    console.log(`  download: longest main-thread task ${tasksDuringDownload.reduce((m, t) => Math.max(m, t.duration), 0).toFixed(0)} ms`);
    expect(tasksDuringDownload.filter((t) => t.duration > MAX_TASK_MS)).toEqual([]);

    expect(foreignRequests(requests, server.origin)).toEqual([]);
    // The worker's script came from this server, and was recorded: the check above covers the
    // worker's requests too. The download is the streaming writer's: no ExcelJS chunk loaded.
    expect(requests.some((u) => /\/bat-bzk-analyse\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    expect(requests.some((u) => /\/exceljs\.[0-9a-f]+\.js$/.test(u))).toBe(false);
  });
});
