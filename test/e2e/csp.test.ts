/**
 * No network (issue 5): the pages' Content-Security-Policy allows only the page's own origin,
 * plus Microsoft's Office.js CDN on the task pane, and Chromium proves it:
 *
 * - the policy in the built pages (dist/index.html, dist/taskpane.html), read from the file and
 *   from the live page: which origins each directive allows, no 'unsafe-eval', no inline script,
 *   and the meta tag above every script (a CSP in a meta tag only covers what follows it);
 * - a whole analysis on the browser page (open the Parkstad sample, analyse, download): every
 *   request of the page and of any worker it starts stays on the page's origin, and the run
 *   causes no CSP violation at all (zod runs jitless, src/zod-jitless.ts);
 * - the task pane outside Excel: the only foreign request is office.js from the CDN;
 * - attempts from the page itself to reach another origin (a second local server on another
 *   port: fetch, XMLHttpRequest, sendBeacon, WebSocket, image, script, iframe, and fetch from
 *   inside each worker) are refused by the CSP and that server receives nothing.
 *
 * Run after `npm run build`: npx jest -c jest.e2e.config.js --runInBand test/e2e/csp.test.ts
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { serveDirectory, type StaticServer } from "./serve";
import { ASSETS, DIST, VIEWPORT, foreignRequests, launchChromium, recordRequests, requireProductionBuild } from "./helpers";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const STEP_TIMEOUT = 60_000;

let server: StaticServer;
/** Another origin (same host, other port): what the pages must never reach. */
let foreign: StaticServer;
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  requireProductionBuild();
  server = await serveDirectory(DIST);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-vreemd-"));
  fs.writeFileSync(path.join(empty, "x.js"), "window.__vreemd = true;");
  foreign = await serveDirectory(empty);
  browser = await launchChromium();
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-csp-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await foreign?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

/** A policy as directive → source tokens. */
type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The CSP meta tag's content of a built page, and whether it comes before every script. */
function builtPolicy(file: string): { content: string; beforeScripts: boolean } {
  const html = fs.readFileSync(path.join(DIST, file), "utf8");
  // The production build minifies the HTML: attribute values may be unquoted.
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"\s*\/?>/i.exec(html);
  if (!meta) throw new Error(`${file}: geen Content-Security-Policy`);
  const firstScript = html.search(/<script\b/i);
  return { content: meta[1], beforeScripts: firstScript === -1 || meta.index < firstScript };
}

/** Every source token of a policy that names an origin or scheme, per directive. */
function origins(policy: Policy): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, sources] of policy) {
    const named = sources.filter((s) => !s.startsWith("'"));
    if (named.length) out[name] = named;
  }
  return out;
}

/** A CSP violation as the page reports it. */
interface Violation {
  directive: string;
  blocked: string;
}

/** Collects the page's `securitypolicyviolation` events in `window.__csp` (every page of the context). */
async function watchViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: { directive: string; blocked: string }[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
}

const violations = (page: Page): Promise<Violation[]> => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);

/** Tries every way a page script could reach `target`; returns what happened to each. */
async function tryToLeave(page: Page, target: string): Promise<Record<string, string>> {
  return page.evaluate(async (base) => {
    const ws = base.replace(/^http/, "ws");
    const outcome = (p: Promise<unknown>, ms = 3000) =>
      Promise.race([
        p.then(() => "geladen", () => "geweigerd"),
        new Promise<string>((r) => setTimeout(() => r("geen antwoord"), ms)),
      ]);
    const element = (make: () => HTMLElement & { onload: unknown; onerror: unknown }) =>
      new Promise<void>((resolve, reject) => {
        const el = make();
        el.onload = () => resolve();
        el.onerror = () => reject(new Error("fout"));
        document.body.append(el);
      });
    const result: Record<string, string> = {};
    result.fetch = await outcome(fetch(`${base}/fetch`, { mode: "no-cors" }));
    result.xhr = await outcome(
      new Promise<void>((resolve, reject) => {
        const x = new XMLHttpRequest();
        x.open("GET", `${base}/xhr`);
        x.onload = () => resolve();
        x.onerror = () => reject(new Error("fout"));
        x.send();
      }),
    );
    try {
      result.beacon = navigator.sendBeacon(`${base}/beacon`, "x") ? "aangeboden" : "geweigerd";
    } catch {
      result.beacon = "geweigerd";
    }
    result.websocket = await outcome(
      new Promise<void>((resolve, reject) => {
        try {
          const s = new WebSocket(`${ws}/socket`);
          s.onopen = () => resolve();
          s.onerror = () => reject(new Error("fout"));
        } catch (e) {
          reject(e);
        }
      }),
    );
    result.image = await outcome(element(() => Object.assign(new Image(), { src: `${base}/beeld.png` })));
    result.script = await outcome(element(() => Object.assign(document.createElement("script"), { src: `${base}/x.js` })));
    const frame = Object.assign(document.createElement("iframe"), { src: `${base}/kader.html` });
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 500));
    result.scriptRan = String((window as unknown as { __vreemd?: boolean }).__vreemd === true);
    return result;
  }, target);
}

describe("the Content-Security-Policy of the built pages", () => {
  test("browser page: only its own origin (and data: images); no eval, no inline script", () => {
    const { content, beforeScripts } = builtPolicy("index.html");
    expect(beforeScripts).toBe(true);
    const policy = parsePolicy(content);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(origins(policy)).toEqual({ "img-src": ["data:"] });
    for (const [name, sources] of policy) {
      expect({ name, eval: sources.includes("'unsafe-eval'") }).toEqual({ name, eval: false });
      if (name !== "style-src") expect({ name, inline: sources.includes("'unsafe-inline'") }).toEqual({ name, inline: false });
    }
  });

  test("task pane: its own origin plus the Office.js CDN for scripts, connections and its helper frame", () => {
    const { content, beforeScripts } = builtPolicy("taskpane.html");
    expect(beforeScripts).toBe(true);
    const policy = parsePolicy(content);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(origins(policy)).toEqual({
      "script-src": [OFFICE_CDN],
      "img-src": ["data:"],
      "font-src": ["data:"],
      "connect-src": [OFFICE_CDN],
      "frame-src": [OFFICE_CDN],
    });
    for (const [name, sources] of policy) {
      expect({ name, eval: sources.includes("'unsafe-eval'") }).toEqual({ name, eval: false });
      if (name !== "style-src") expect({ name, inline: sources.includes("'unsafe-inline'") }).toEqual({ name, inline: false });
    }
  });
});

describe("browser page in Chromium", () => {
  test("a whole analysis with the Parkstad sample: no request leaves the origin, no CSP violation", async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: "nl-NL" });
    const requests = recordRequests(context);
    await watchViolations(context);
    try {
      const page = await context.newPage();
      const workers: string[] = [];
      page.on("worker", (w) => workers.push(w.url()));
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(String(e)));
      await page.goto(`${server.origin}/index.html`);
      // The policy in force is the one in the file.
      const live = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(live).toBe(builtPolicy("index.html").content);

      const fileInput = page.getByLabel("Werkmap openen");
      await fileInput.waitFor({ state: "attached" });
      const understood = page.getByRole("button", { name: "Begrepen" });
      if (await understood.isVisible()) await understood.click();
      await fileInput.setInputFiles(path.join(ASSETS, "parkstad-woonzorg-2023.xlsx"));
      for (const step of ["Verder naar kolommen", "Verder naar regels", "Verder naar uitvoeren", "Analyseren"]) {
        const button = page.getByRole("button", { name: step, exact: true });
        await button.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
        await expectEnabled(button);
        await button.click();
      }
      const downloadButton = page.getByRole("button", { name: "Resultaat downloaden" });
      await downloadButton.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: STEP_TIMEOUT }), downloadButton.click()]);
      const saved = path.join(downloads, "parkstad-resultaat.xlsx");
      await download.saveAs(saved);
      expect(fs.statSync(saved).size).toBeGreaterThan(10_000);

      expect(pageErrors).toEqual([]);
      expect(await violations(page)).toEqual([]);
      // The page, its scripts and any worker came from this server only. The download is written
      // by the streaming writer in the worker: no ExcelJS chunk (there is none to load).
      expect(requests.some((u) => u.startsWith(`${server.origin}/index.html`))).toBe(true);
      expect(requests.some((u) => /\/exceljs\.[0-9a-f]+\.js$/.test(u))).toBe(false);
      expect(foreignRequests(requests, server.origin)).toEqual([]);
      expect(foreignRequests(workers, server.origin)).toEqual([]);
      expect(foreign.requested).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the page's own scripts cannot reach another origin: the CSP refuses and nothing arrives", async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "nl-NL" });
    await watchViolations(context);
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/index.html`);
      await page.getByLabel("Werkmap openen").waitFor({ state: "attached" });
      const result = await tryToLeave(page, foreign.origin);
      expect(result).toEqual(
        expect.objectContaining({ fetch: "geweigerd", xhr: "geweigerd", websocket: "geweigerd", image: "geweigerd", script: "geweigerd", scriptRan: "false" }),
      );
      // Workers the page runs (the analysis may move into one) get the same treatment.
      for (const worker of page.workers()) {
        const inWorker = await worker.evaluate((base) => fetch(`${base}/uit-worker`, { mode: "no-cors" }).then(() => "geladen", () => "geweigerd"), foreign.origin);
        expect({ worker: worker.url(), fetch: inWorker }).toEqual({ worker: worker.url(), fetch: "geweigerd" });
      }
      // Each refusal was reported as a CSP violation (WebSocket and beacon under connect-src).
      const host = new URL(foreign.origin).host;
      const directives = new Set((await violations(page)).filter((v) => v.blocked.includes(host)).map((v) => v.directive));
      expect([...directives].sort()).toEqual(["connect-src", "frame-src", "img-src", "script-src-elem"]);
      expect(foreign.requested).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("task pane in Chromium (outside Excel)", () => {
  test("the only foreign request is office.js from Microsoft's CDN; other origins are refused", async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "nl-NL" });
    const requests = recordRequests(context);
    await watchViolations(context);
    // This machine has no internet: the CDN request is answered here with an error, as offline.
    await context.route((url) => url.origin === OFFICE_CDN, (route) => route.abort("internetdisconnected"));
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/taskpane.html`);
      await page.locator('a[href$="index.html"]').first().waitFor({ state: "visible", timeout: 30_000 });
      const live = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(live).toBe(builtPolicy("taskpane.html").content);
      expect(await violations(page)).toEqual([]);
      expect(foreignRequests(requests, server.origin)).toEqual([OFFICE_JS]);

      const result = await tryToLeave(page, foreign.origin);
      expect(result).toEqual(expect.objectContaining({ fetch: "geweigerd", xhr: "geweigerd", image: "geweigerd", script: "geweigerd", scriptRan: "false" }));
      // Chromium announces the refused attempts as requests too; the other server's log is
      // what shows that none of them left the browser.
      expect(foreign.requested).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

async function expectEnabled(locator: ReturnType<Page["getByRole"]>): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error("Knop blijft uitgeschakeld.");
    await new Promise((r) => setTimeout(r, 100));
  }
}
