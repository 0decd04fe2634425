/**
 * The task pane page (dist/taskpane.html) opened outside Excel, in Chromium: office.js from
 * Microsoft's CDN is blocked (no network is attempted), and the page must say that it works
 * inside Excel and link to the standalone browser page.
 */
import type { Browser } from "playwright-core";
import { serveDirectory, type StaticServer } from "./serve";
import { DIST, SCREENSHOTS, VIEWPORT, foreignRequests, launchChromium, recordRequests, requireProductionBuild } from "./helpers";
import * as path from "node:path";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  requireProductionBuild();
  server = await serveDirectory(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("outside Excel the task pane says it works in Excel and links to the browser page", async () => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "nl-NL" });
  const requests = recordRequests(context);
  const blocked: string[] = [];
  // Nothing may go out: office.js (and anything else foreign) is aborted before it leaves.
  await context.route(
    (url) => url.origin !== server.origin && url.protocol.startsWith("http"),
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    const link = page.locator('a[href$="index.html"]');
    await link.first().waitFor({ state: "visible", timeout: 30_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-buiten-excel.png"), animations: "disabled" });

    const text = await page.locator("body").innerText();
    expect(text).toMatch(/Excel/);
    expect(text).toMatch(/werkt (alleen )?(binnen|in) Excel|in Excel (werkt|geopend)/i);
    const href = await link.first().getAttribute("href");
    expect(new URL(href!, `${server.origin}/taskpane.html`).href).toBe(`${server.origin}/index.html`);

    // The only foreign request was office.js, and it was blocked here.
    expect(blocked).toEqual([OFFICE_JS]);
    expect(foreignRequests(requests, server.origin)).toEqual([OFFICE_JS]);

    // The link leads to the working browser page.
    await link.first().click();
    await page.getByLabel("Werkmap openen").waitFor({ state: "attached", timeout: 30_000 });
  } finally {
    await context.close();
  }
});
