/**
 * Builders for the bad-input catalogue: small .xlsx workbooks written with ExcelJS from cell
 * arrays (with merged cells, hidden rows, formulas, rich text and error cells as ExcelJS
 * writes them), and the byte-level inputs that are not workbooks at all.
 */
import ExcelJS from "exceljs";
// JSZip comes with ExcelJS (its zip library).
import JSZip from "jszip";
import { oleContainer } from "./ole";

/** One sheet: its rows (row 1 first; `null` is an empty cell), merged ranges and hidden rows. */
export interface SheetSpec {
  name: string;
  rows: ExcelJS.CellValue[][];
  /** Ranges such as "B2:B4". */
  merges?: string[];
  /** 1-based row numbers. */
  hidden?: number[];
}

/** An .xlsx with the given sheets, as bytes. */
export async function xlsx(...sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      });
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
    for (const r of spec.hidden ?? []) ws.getRow(r).hidden = true;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The usual per-dwelling stock header. */
export const STOCK_HEADER = ["VHE-nummer", "Complex", "BAT-score", "Aantal"];

/**
 * A sheet "Voorraad" with {@link STOCK_HEADER} in row 1 and the given data rows from row 2, so
 * that data row i (0-based) is Excel row i + 2: VHE-nummer in A, Complex in B, BAT in C, Aantal in D.
 */
export function stock(rows: ExcelJS.CellValue[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name: "Voorraad", rows: [STOCK_HEADER, ...rows], ...extra };
}

/** Dwelling rows V1..Vn in complex C1 with the given BAT values and aantal 1. */
export function dwellings(bats: ExcelJS.CellValue[]): ExcelJS.CellValue[][] {
  return bats.map((b, i) => [`V${i + 1}`, "C1", b, 1]);
}

/**
 * A demand sheet "Vraag" in the published layout: header `Woonvorm | 2023 | 2030` in row 1,
 * a group row "Ouderen (basisscenario)" in row 2, the four BZK types in rows 3-6 and a
 * "Totaal" row in row 7. Numbers per row: [2023, 2030].
 */
export function demand(numbers: ExcelJS.CellValue[][], totals: ExcelJS.CellValue[]): SheetSpec {
  const labels = ["Regulier wonen", "Nultredenwoning", "Geclusterd wonen", "Zorggeschikte woning"];
  return {
    name: "Vraag",
    rows: [
      ["Woonvorm", 2023, 2030],
      ["Ouderen (basisscenario)"],
      ...labels.map((l, i) => [l, ...numbers[i]]),
      ["Totaal", ...totals],
    ],
  };
}

/** Bytes of a small valid stock workbook, the base of the corrupted-file cases. */
export async function validStockBytes(): Promise<Uint8Array> {
  return xlsx(stock(dwellings([0, 1, 2, 3, 4, 2, 1])));
}

/** A text file with a CSV stock, as someone would rename it to .xlsx. */
export function csvBytes(): Uint8Array {
  return new TextEncoder().encode("VHE-nummer;Complex;BAT-score;Aantal\r\nV1;C1;2;1\r\nV2;C1;3;1\r\n");
}

/** A password-protected .xlsx as Excel saves it: an OLE compound file holding
 * "EncryptionInfo" and "EncryptedPackage" streams. */
export function encryptedBytes(): Uint8Array {
  return oleContainer([
    { name: "EncryptionInfo", size: 4096, fill: 0x04 },
    { name: "EncryptedPackage", size: 8192, fill: 0x9e },
  ]);
}

/** An old binary .xls: an OLE compound file with a "Workbook" stream. */
export function oldXlsBytes(): Uint8Array {
  return oleContainer([{ name: "Workbook", size: 8192, fill: 0x09 }]);
}

/** A zip archive that is not a workbook (one text file inside). */
export async function plainZipBytes(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("leesmij.txt", "Dit is geen werkmap.");
  return zip.generateAsync({ type: "uint8array" });
}

/**
 * `bytes` (an .xlsx) with a relationships part for `sheetPart` (one hyperlink) whose deflated
 * data are damaged (0xFF: a final block of the reserved type 3, which every inflater refuses).
 * The analysis never reads a sheet's relationships; the result writer does (a sheet with
 * relationships is re-generated, not copied as stored), so the file is analysed and its result
 * file refused.
 * @throws Error when the part is not found in the written zip.
 */
export async function withDamagedSheetRels(bytes: Uint8Array, sheetPart = "xl/worksheets/sheet1.xml"): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const rels = sheetPart.replace(/([^/]+)$/, "_rels/$1.rels");
  zip.file(rels, '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.invalid/" TargetMode="External"/></Relationships>');
  const b = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const name = new TextEncoder().encode(rels);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let damaged = 0;
  for (let i = 0; i + 30 < b.length; i++) {
    if (view.getUint32(i, true) !== 0x04034b50 || view.getUint16(i + 26, true) !== name.length) continue;
    if (!name.every((c, k) => b[i + 30 + k] === c)) continue;
    const start = i + 30 + name.length + view.getUint16(i + 28, true);
    b.fill(0xff, start, start + view.getUint32(i + 18, true));
    damaged++;
  }
  if (damaged !== 1) throw new Error(`withDamagedSheetRels: ${rels} not found once in the zip`);
  return b;
}
