/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { OFFICE_READY_TIMEOUT_MS } from "../../src/taskpane/index";
import { RIBBON_PLACE } from "../../src/taskpane/OutsideExcel";

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
 * React, React DOM and Fluent UI, one copy for this file: the entries below run in registries of
 * their own (so each test runs an entry's module code afresh), and without this each of those
 * registries would load its own React and the whole of Fluent UI and its icons again, seconds of
 * CPU per entry. The modules named here are the same objects in every registry (the first
 * require's, from this file's registry); the entries' own modules (src/) are still loaded anew.
 * Fluent's components come from its full entry (not the package-by-package stand-in of
 * jest.config.js, which would load a package on first use into whichever registry is current).
 */
function mockShared(name: string): unknown {
  const shared = ((globalThis as { __entryShared?: Map<string, unknown> }).__entryShared ??= new Map());
  if (!shared.has(name)) shared.set(name, jest.requireActual(name));
  return shared.get(name);
}
jest.mock("react", () => mockShared("react"));
jest.mock("react/jsx-runtime", () => mockShared("react/jsx-runtime"));
jest.mock("react-dom", () => mockShared("react-dom"));
jest.mock("react-dom/client", () => mockShared("react-dom/client"));
jest.mock("@fluentui/react-components", () => mockShared(require.resolve("@fluentui/react-components/package.json").replace(/package\.json$/, "lib-commonjs/index.cjs")));
jest.mock("@fluentui/react-icons", () => mockShared("@fluentui/react-icons"));

/**
 * Runs an entry module as the page would. It is loaded in its own module registry (with the
 * shared modules above): this file turns React's act environment off and waits with findBy*.
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

  test("outside Excel the notice names the tab, group and button where manifest.xml puts the button", async () => {
    const manifest = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    // The built-in tab ids of the Office ribbon and their names in Dutch Excel
    // (office-js-docs-pr docs/reference/manifest/officetab.md lists the ids).
    const DUTCH_TABS: Record<string, string> = { TabHome: "Start", TabInsert: "Invoegen", TabData: "Gegevens", TabReview: "Controleren", TabView: "Beeld" };
    const tabId = /<OfficeTab id="([^"]+)"/.exec(manifest)?.[1] ?? "";
    expect(DUTCH_TABS[tabId]).toBe(RIBBON_PLACE.tab);
    const resource = (id: string) => new RegExp(`<bt:String id="${id}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
    expect(resource(/<Group id="[^"]+">\s*<Label resid="([^"]+)"/.exec(manifest)?.[1] ?? "")).toBe(RIBBON_PLACE.group);
    expect(resource(/<Control xsi:type="Button" id="[^"]+">\s*<Label resid="([^"]+)"/.exec(manifest)?.[1] ?? "")).toBe(RIBBON_PLACE.button);

    g.Office = { HostType: { Excel: "Excel" }, onReady: (cb: (info: { host: null }) => void) => Promise.resolve(cb({ host: null })) };
    loadEntry("../../src/taskpane/index");
    const notice = await screen.findByText("Deze pagina werkt in Excel.");
    expect(notice.parentElement?.textContent).toContain("vanuit Excel: tabblad Gegevens, groep Woonvoorraad, knop BAT → BZK.");
    expect(document.body.textContent).not.toMatch(/tabblad Start|Invoegtoepassingen\)/);
  });

  test("while Office.js gets ready the pane says it is connecting; no answer in time gives a Dutch notice, a late answer still opens", async () => {
    jest.useFakeTimers();
    try {
      let ready: ((info: { host: null }) => void) | null = null;
      g.Office = {
        HostType: { Excel: "Excel" },
        onReady: (cb: (info: { host: null }) => void) =>
          new Promise<void>((resolve) => {
            ready = (info) => resolve(cb(info));
          }),
      };
      loadEntry("../../src/taskpane/index");
      expect(await screen.findByText("Verbinding met Excel maken…")).toBeTruthy();
      expect(screen.queryByRole("alert")).toBeNull();
      jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS - 100);
      await Promise.resolve();
      expect(screen.queryByText("Excel reageert niet.")).toBeNull();
      jest.advanceTimersByTime(200);
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain("Excel reageert niet.");
      expect(alert.textContent).toContain("Sluit het taakvenster en open het opnieuw (tabblad Gegevens, knop BAT → BZK)");
      expect(screen.getByRole("link", { name: "Open de browserversie" })).toBeTruthy();
      expect(screen.queryByText("Verbinding met Excel maken…")).toBeNull();
      // Office answers after all (outside Excel here): the pane follows.
      ready!({ host: null });
      expect(await screen.findByText("Deze pagina werkt in Excel.")).toBeTruthy();
      expect(screen.queryByText("Excel reageert niet.")).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  test("when Office.onReady fails, the pane says Excel does not answer instead of staying blank", async () => {
    g.Office = { HostType: { Excel: "Excel" }, onReady: () => Promise.reject(new Error("host niet bereikbaar")) };
    loadEntry("../../src/taskpane/index");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Excel reageert niet.");
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
