/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import * as path from "node:path";

/**
 * The two entries (task pane and browser page) and their HTML: the task pane shows a notice
 * outside Excel, renders the App with the Office.js port inside Excel, and the pages load what
 * they must (office.js from Microsoft's CDN only in the task pane) under a strict CSP.
 */

const SRC = path.resolve(__dirname, "../../src");

// The real module uses import.meta (webpack's worker syntax), which CommonJS tests cannot load;
// the worker itself is exercised in test/browser/ and in the Chromium tests (test/e2e/).
const spawnAnalysisWorker = jest.fn();
jest.mock("../../src/browser/spawn-worker", () => ({ spawnAnalysisWorker }));
const g = globalThis as unknown as Record<string, unknown>;

/**
 * Runs an entry module as the page would. It is loaded in its own module registry, so it gets
 * its own copy of React, which testing-library's act() does not cover: this file therefore turns
 * React's act environment off and waits with findBy* instead.
 */
function loadEntry(entry: string): void {
  document.body.innerHTML = '<div id="container"></div>';
  jest.isolateModules(() => {
    require(entry);
  });
}

beforeEach(() => {
  g.IS_REACT_ACT_ENVIRONMENT = false;
});

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  document.body.innerHTML = "";
});

describe("task pane entry (src/taskpane/index.tsx)", () => {
  test("outside Excel: a short notice and a link to the browser page", async () => {
    g.Office = { HostType: { Excel: "Excel" }, onReady: (cb: (info: { host: null }) => void) => Promise.resolve(cb({ host: null })) };
    loadEntry("../../src/taskpane/index");
    expect(await screen.findByText("Deze pagina werkt in Excel.")).toBeTruthy();
    const link = screen.getByRole("link", { name: "Open de browserversie" }) as HTMLAnchorElement;
    expect(link.getAttribute("href")).toBe("index.html");
  });

  test("when office.js did not load, the notice says so", async () => {
    loadEntry("../../src/taskpane/index");
    expect(await screen.findByText(/office\.js\) kon niet worden geladen/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open de browserversie" })).toBeTruthy();
  });

  test("inside Excel: the App runs on Excel.run, and Excel's errors reach the user in Dutch", async () => {
    const run = jest.fn(async () => {
      throw Object.assign(new Error("The requested resource doesn't exist."), { code: "InvalidOperationInCellEditMode" });
    });
    g.Excel = { run };
    g.Office = { HostType: { Excel: "Excel" }, onReady: (cb: (info: { host: string }) => void) => Promise.resolve(cb({ host: "Excel" })) };
    loadEntry("../../src/taskpane/index");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel is bezig met het bewerken van een cel.");
    expect(run).toHaveBeenCalled();
    expect(screen.queryByLabelText("Werkmap openen")).toBeNull();
  });
});

describe("browser entry (src/browser/index.tsx)", () => {
  test("renders the App with the file input; no worker is started before a file is opened", async () => {
    loadEntry("../../src/browser/index");
    expect(await screen.findByLabelText("Werkmap openen")).toBeTruthy();
    expect(spawnAnalysisWorker).not.toHaveBeenCalled();
  });
});

describe("HTML pages", () => {
  const csp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";

  test("taskpane.html: Dutch, office.js from Microsoft's CDN in the head, CSP for 'self', that CDN and inline styles", () => {
    const html = readFileSync(path.join(SRC, "taskpane/taskpane.html"), "utf8");
    expect(html).toMatch(/<html lang="nl">/);
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).toContain('<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    const policy = csp(html);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toMatch(/unsafe-eval|\*/);
    expect(html).toContain('<div id="container"></div>');
  });

  test("browser index.html: Dutch, no office.js, and the page's own strict CSP", () => {
    const html = readFileSync(path.join(SRC, "browser/index.html"), "utf8");
    expect(html).toMatch(/<html lang="nl">/);
    expect(html).not.toMatch(/office\.js|appsforoffice/);
    expect(csp(html)).toBe("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'self'");
    expect(html).toContain('<div id="container"></div>');
  });
});
