/**
 * `bat-bzk analyse --uit` on a workbook with an input sheet that is re-generated rather than
 * copied as stored (a sheet with an Excel table): its rows go through DeflatedPart.drain, several
 * of which may wait at once (src/workbook/zip-sink.ts). The command must finish and write a
 * valid workbook with the sheet's rows. A smoke test of the whole route: whether two drains wait
 * at once here depends on how fast zlib is against the JavaScript side, so the deterministic
 * proof of the drain fix is test/workbook/zip-sink.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { KERKRADE } from "../support/paths";

/**
 * Rows of the added sheet: enough for the compressor to fall behind with two drains waiting at
 * once (before the fix this run hung at 30,000 rows; at 12,000 it did not reach that case).
 */
const ROWS = 30_000;

test("--uit with an added sheet holding a table of 30,000 rows: exit 0, the sheet's rows in the output", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-regen-"));
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(KERKRADE);
    const ws = wb.addWorksheet("Extra");
    const rows: (string | number)[][] = [];
    for (let i = 0; i < ROWS; i++) {
      // Values that compress badly (so that zlib is the slower side), deterministic.
      const r: (string | number)[] = [];
      for (let c = 0; c < 8; c++)
        r.push(((i * 7919 + c * 104729) % 1000003) / 7 + i * 1e-7);
      r.push(`r${((i * 2654435761) >>> 0).toString(36)}`);
      rows.push(r);
    }
    ws.addTable({
      name: "Extra",
      ref: "A1",
      headerRow: true,
      columns: Array.from({ length: 9 }, (_, c) => ({ name: `k${c}` })),
      rows,
    });
    const input = path.join(dir, "in.xlsx");
    await wb.xlsx.writeFile(input);

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
