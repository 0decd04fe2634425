/**
 * Reading workbooks back in tests with ExcelJS directly (no project code), so a test compares what
 * a real reader sees: {@link loadXlsx} a file, {@link plain} one cell value, {@link dumpCells}
 * every non-empty cell of every sheet with its number format; and, without parsing the sheets at
 * all, {@link sheetNamesOf} a package's sheet names (JSZip, the zip library ExcelJS uses).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** A cell value as a plain JSON-comparable value: dates as ISO strings, rich values as JSON. */
export type Plain = string | number | boolean | null;

/** Loads an .xlsx file from disk into an ExcelJS workbook (throws if it cannot be read). */
export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * One ExcelJS cell value as a {@link Plain}.
 * @example plain(new Date("2020-01-01")) // "2020-01-01T00:00:00.000Z"
 */
export function plain(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/** Every non-empty cell of every sheet as `[address, value, number format]`, per sheet name. */
export function dumpCells(wb: ExcelJS.Workbook): Record<string, Array<[string, Plain, string]>> {
  const out: Record<string, Array<[string, Plain, string]>> = {};
  wb.eachSheet((ws) => {
    const cells: Array<[string, Plain, string]> = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (c) => {
        cells.push([c.address, plain(c.value), c.numFmt ?? ""]);
      });
    });
    out[ws.name] = cells;
  });
  return out;
}

/**
 * The sheet names of an .xlsx package in workbook order, from its xl/workbook.xml (only that part
 * is inflated: a cheap check of which sheets a written file has, next to a full read elsewhere).
 * @throws when the bytes are not a zip or have no xl/workbook.xml.
 */
export async function sheetNamesOf(bytes: Uint8Array | ArrayBuffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error("no xl/workbook.xml in the package");
  const xml = await part.async("string");
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescape(m[1]));
}
