/**
 * `bat-bzk analyse --uit` on a workbook with an input sheet that is re-generated rather than
 * copied as stored (a sheet with an Excel table): its rows go through DeflatedPart.drain, several
 * of which may wait at once (src/workbook/zip-sink.ts). The command must finish and write a
 * valid workbook with the sheet's rows. A smoke test of the whole route: whether two drains wait
 * at once here depends on how fast zlib is against the JavaScript side, so the deterministic
 * proof of the drain fix is test/workbook/zip-sink.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { KERKRADE } from "../support/paths";
import { cachedBytes } from "../support/workbook-cache";

/**
 * Rows of the added sheet: enough for the compressor to fall behind with two drains waiting at
 * once (before the fix this run hung at 30,000 rows; at 12,000 it did not reach that case).
 */
const ROWS = 30_000;

/** The rows of the added sheet: values that compress badly (so that zlib is the slower side),
 * deterministic. */
function extraRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const r: (string | number)[] = [];
    for (let c = 0; c < 8; c++)
      r.push(((i * 7919 + c * 104729) % 1000003) / 7 + i * 1e-7);
    r.push(`r${((i * 2654435761) >>> 0).toString(36)}`);
    rows.push(r);
  }
  return rows;
}

/**
 * The input: the Kerkrade sample with the sheet "Extra" holding {@link extraRows} as an Excel
 * table, as .xlsx bytes. Writing it with ExcelJS is most of this file's CPU (seconds), so it is
 * built once for all runs (test/support/workbook-cache.ts `cachedBytes`, keyed by the sample's
 * bytes, the row count and the source of the row generator and of this build).
 */
function inputBytes(rows: (string | number)[][]): Promise<Uint8Array> {
  return cachedBytes("uit-regenerated-input", [readFileSync(KERKRADE), Buffer.from(`${ROWS}\0${extraRows.toString()}`)], async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(KERKRADE);
    const ws = wb.addWorksheet("Extra");
    ws.addTable({
      name: "Extra",
      ref: "A1",
      headerRow: true,
      columns: Array.from({ length: 9 }, (_, c) => ({ name: `k${c}` })),
      rows,
    });
    return new Uint8Array(await wb.xlsx.writeBuffer());
  });
}

test("--uit with an added sheet holding a table of 30,000 rows: exit 0, the sheet's rows in the output", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-regen-"));
  try {
    const rows = extraRows();
    const input = path.join(dir, "in.xlsx");
    writeFileSync(input, await inputBytes(rows));

    const uit = path.join(dir, "uit.xlsx");
    let err = "";
    const code = await main(["analyse", input, "--uit", uit], {
      out: () => undefined,
      err: (t) => (err += t),
    });
    expect(err).toBe("");
    expect(code).toBe(0);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(uit);
    const extra = back.getWorksheet("Extra")!;
    expect(extra.rowCount).toBe(ROWS + 1);
    expect(extra.getRow(ROWS + 1).getCell(9).value).toBe(rows[ROWS - 1][8]);
    expect(extra.getRow(2).getCell(1).value).toBe(rows[0][0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
