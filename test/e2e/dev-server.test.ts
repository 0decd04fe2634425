/**
 * The development build as a developer or tester gets it (issue 11): `npm run dev-server` serves
 * the task pane and the browser page over HTTPS, and both render in Chromium under the pages' own
 * Content-Security-Policy (no 'unsafe-eval'), so the source maps of the development build must
 * not wrap modules in eval (webpack.config.js, `devtool`).
 *
 * The server runs as a user starts it (`npm run dev-server`), on a free port, with a self-signed
 * certificate made here for localhost and put where webpack.config.js looks for the
 * office-addin-dev-certs files (a temporary HOME), so nothing outside the test's own folder is
 * written. Microsoft's office.js cannot be fetched on this machine: its CDN request is answered
 * with a stand-in that behaves as office.js does outside Office (`Office.onReady` resolves with
 * `host: null`, office-js-docs-pr docs/develop/initialize-add-in.md).
 *
 * Slow (the development build takes a minute or more): part of `npm run e2e`, which needs no
 * production build for this file. Run alone: npx jest -c jest.e2e.config.js test/e2e/dev-server.test.ts
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ASSETS, ROOT, VIEWPORT, foreignRequests, launchChromium, recordRequests } from "./helpers";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS = `${OFFICE_CDN}/lib/1/hosted/office.js`;
/** What office.js does outside Office, reduced to what the pane's entry uses. */
const OFFICE_OUTSIDE = `window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) {
  var info = { host: null, platform: null };
  if (cb) cb(info);
  return Promise.resolve(info);
} };`;
const START_TIMEOUT = 240_000;
const STEP_TIMEOUT = 60_000;

let home: string;
let server: ChildProcess;
let serverLog = "";
let origin: string;
let browser: Browser;

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A self-signed certificate for localhost in `<home>/.office-addin-dev-certs`, as office-addin-dev-certs names its files. */
function makeCertificates(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const key = path.join(dir, "localhost.key");
  const crt = path.join(dir, "localhost.crt");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"], { stdio: "ignore" });
  fs.copyFileSync(crt, path.join(dir, "ca.crt"));
}

/** Status of a GET over HTTPS (the certificate is our own, so it is not verified), or 0 when nothing answers. */
function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.setTimeout(5000, () => req.destroy());
  });
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-dev-"));
  makeCertificates(path.join(home, ".office-addin-dev-certs"));
  const port = await freePort();
  origin = `https://localhost:${port}`;
  server = spawn("npm", ["run", "dev-server", "--", "--port", String(port)], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, BROWSER: "none" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = (b: Buffer) => (serverLog = (serverLog + b.toString()).slice(-20_000));
  server.stdout?.on("data", log);
  server.stderr?.on("data", log);
  const deadline = Date.now() + START_TIMEOUT;
  while ((await status(`${origin}/taskpane.html`)) !== 200) {
    if (server.exitCode !== null) throw new Error(`npm run dev-server stopped (${server.exitCode}):\n${serverLog}`);
    if (Date.now() > deadline) throw new Error(`npm run dev-server did not serve taskpane.html in time:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  browser = await launchChromium();
}, START_TIMEOUT + 30_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    // The whole group this test started (npm, its shell and webpack).
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
  violations: () => Promise<{ directive: string; blocked: string }[]>;
}

/** A page at task-pane size that records its requests, script errors and CSP violations. */
async function watchedPage(context: BrowserContext): Promise<Watched> {
  const requests = recordRequests(context);
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: { directive: string; blocked: string }[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, requests, errors, violations: () => page.evaluate(() => (window as unknown as { __csp: { directive: string; blocked: string }[] }).__csp) };
}

test("the development build's scripts use no eval, and the pages keep their CSP without 'unsafe-eval'", async () => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    for (const file of ["taskpane.html", "index.html"]) {
      const response = await page.request.get(`${origin}/${file}`);
      const html = await response.text();
      const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect({ file, policy: policy.includes("script-src") || policy.includes("default-src 'self'") }).toEqual({ file, policy: true });
      expect({ file, eval: policy.includes("unsafe-eval") }).toEqual({ file, eval: false });
      // Every script the page names, as the dev server serves it: no module wrapped in eval.
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !src.startsWith(OFFICE_CDN));
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        const js = await (await page.request.get(new URL(src, `${origin}/${file}`).href)).text();
        expect({ src, evalCalls: (js.match(/\beval\(/g) ?? []).length }).toEqual({ src, evalCalls: 0 });
      }
    }
  } finally {
    await context.close();
  }
});

test("npm run dev-server: the task pane renders outside Excel, names the Gegevens tab, and breaks no CSP rule", async () => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "nl-NL", ignoreHTTPSErrors: true });
  await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_OUTSIDE }));
  try {
    const w = await watchedPage(context);
    await w.page.goto(`${origin}/taskpane.html`);
    await w.page.getByText("Deze pagina werkt in Excel.").waitFor({ timeout: STEP_TIMEOUT });
    const text = await w.page.locator("body").innerText();
    expect(text).toContain("tabblad Gegevens, groep Woonvoorraad, knop BAT → BZK");
    expect(await w.page.getByRole("link", { name: "Open de browserversie" }).getAttribute("href")).toBe("index.html");
    expect(w.errors).toEqual([]);
    expect(await w.violations()).toEqual([]);
    expect(foreignRequests(w.requests, origin)).toEqual([OFFICE_JS]);
  } finally {
    await context.close();
  }
});

test("npm run dev-server: the browser page analyses a sample in its worker, without a CSP violation", async () => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "nl-NL", ignoreHTTPSErrors: true });
  try {
    const w = await watchedPage(context);
    await w.page.goto(`${origin}/index.html`);
    const understood = w.page.getByRole("button", { name: "Begrepen" });
    await w.page.getByLabel("Werkmap openen").waitFor({ state: "attached", timeout: STEP_TIMEOUT });
    if (await understood.isVisible()) await understood.click();
    await w.page.getByLabel("Werkmap openen").setInputFiles(path.join(ASSETS, "kerkrade-sociale-huur-2020.xlsx"));
    const analyse = w.page.getByRole("button", { name: "Snel analyseren" });
    await analyse.waitFor({ state: "visible", timeout: STEP_TIMEOUT });
    await analyse.click();
    await w.page.getByText("7.824 woningen", { exact: false }).first().waitFor({ timeout: STEP_TIMEOUT });
    expect(w.errors).toEqual([]);
    expect(await w.violations()).toEqual([]);
    expect(foreignRequests(w.requests, origin)).toEqual([]);
  } finally {
    await context.close();
  }
});
