/**
 * Shared pieces of the end-to-end tests: where things are, Chromium with the flags this machine
 * needs, a recorder for every request a page makes, and readers for CSV data and result sheets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type BrowserContext, type Request } from "playwright-core";
import { ASSETS, ROOT } from "../support/paths";

export { ASSETS, ROOT };
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "docs", "screenshots");

/** The task pane's width in Excel desktop is about 350 px; the tests use that viewport. */
export const VIEWPORT = { width: 350, height: 700 };

/** Fails with a clear message when there is no production build to test. */
export function requireProductionBuild(): void {
  const missing = ["index.html", "taskpane.html", "manifest.xml"].filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (missing.length) throw new Error(`dist/ mist ${missing.join(", ")}: voer eerst 'npm run build' uit.`);
  const manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
  if (manifest.includes("https://localhost:3000")) {
    throw new Error("dist/ is een ontwikkelbuild (manifest wijst naar localhost): voer 'npm run build' uit.");
  }
}

/** Debian's Chromium, headless, with background networking off (this machine's network is closed). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} ontbreekt: apt-get install -y chromium (nooit 'npx playwright install').`);
  }
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/** Every request made by any page of a browser context (documents, scripts, iframes, fetches). */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (r: Request) => urls.push(r.url()));
  return urls;
}

/** The requests that leave `origin`: anything but same-origin http(s), and blob:/data: URLs. */
export function foreignRequests(urls: string[], origin: string): string[] {
  return urls.filter((u) => {
    if (u.startsWith("data:")) return false;
    if (u.startsWith("blob:")) return !u.startsWith(`blob:${origin}/`);
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** The published tables, read as every test reads them (test/support/csv.ts). */
export { readCsv } from "../support/csv";

/** A plain value of an ExcelJS cell: formulas give their result, rich text its text. */
export function plain(v: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((p) => p.text).join("");
  if ("result" in v) return (plain(v.result as ExcelJS.CellValue) as string | number | null) ?? null;
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("error" in v) return String(v.error);
  return null;
}

/** One table on a result sheet, found by its header row: rows keyed by header, up to the first empty row. */
export function readTable(ws: ExcelJS.Worksheet, firstHeader: string, mustInclude: string[] = []): Record<string, unknown>[] {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (plain(row.getCell(1).value) !== firstHeader) continue;
    const headers: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) headers.push(String(plain(row.getCell(c).value) ?? ""));
    if (!mustInclude.every((h) => headers.includes(h))) continue;
    const out: Record<string, unknown>[] = [];
    for (let rr = r + 1; rr <= ws.rowCount; rr++) {
      const data = ws.getRow(rr);
      const values = headers.map((_, i) => plain(data.getCell(i + 1).value));
      if (values.every((v) => v === null || v === "")) break;
      const rec: Record<string, unknown> = {};
      headers.forEach((h, i) => (rec[h] = values[i]));
      out.push(rec);
    }
    return out;
  }
  throw new Error(`Blad '${ws.name}': geen tabel met kop '${firstHeader}' (${mustInclude.join(", ")}).`);
}

/** All cell values of a sheet as plain values, row by row (for comparing input sheets). */
export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => (values[c] = plain(cell.value)));
    rows[r] = values;
  });
  return rows;
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
