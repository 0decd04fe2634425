/**
 * The browser page worker's reading path (issue 12, item 3) on one workbook, run in Node as a
 * child process by scripts/bench.js (compiled lib/ needed: npm run build:cli): the file as a
 * file-backed Blob (`fs.openAsBlob`, read in slices as the page reads its `File`), zip.js,
 * `DecompressionStream("deflate-raw")` and the sheet scanner (lib/workbook/xlsx-blob.js), in the
 * order the page runs them:
 *
 * - open: the container check and the first 5,000 rows of every sheet (the sheets listed);
 * - preview: the mapping step's preview of the stock sheet, streamed through the stock reader
 *   (src/session/xlsx-session.ts does the same for a sheet beyond the rows kept);
 * - analyse: the reading pass and the analysis, the result kept (as the worker keeps it);
 * - download: the result file as the page's "Resultaat downloaden" writes it
 *   (lib/workbook/result-blob.js `writeResultBlob`, what src/session/xlsx-session.ts runs: a copy-only pass over the file and the
 *   command line's streaming writer into a Blob, parts deflated by `CompressionStream`).
 *
 * The same code runs in Chromium's worker; the engine, its inflater and its heap limits differ,
 * so these are the path's own figures, not the browser's (test/e2e/large-workbook.test.ts
 * measures the page itself at 100,000 dwellings). Node's default heap growth, not the command
 * line's lean setting. Prints one JSON line.
 *
 *   node scripts/bench/worker-path.js <file.xlsx> [result.xlsx]
 *
 * With a second argument the result file is saved there (e.g. for scripts/check-libreoffice.sh).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const lib = path.join(__dirname, "..", "..", "lib");
const { XlsxBlob } = require(path.join(lib, "workbook", "xlsx-blob.js"));
const { analyseXlsxBlob } = require(path.join(lib, "analysis", "xlsx-blob.js"));
const { StockRowReader } = require(path.join(lib, "ingest", "stock.js"));
const { DEFAULT_RULES } = require(path.join(lib, "domain", "rules.js"));
const { buildSheets } = require(path.join(lib, "report", "sheets.js"));
const { writeResultBlob } = require(path.join(lib, "workbook", "result-blob.js"));

const now = () => Number(process.hrtime.bigint()) / 1e9;

async function workerPath(file, saveAs) {
  const t0 = now();
  const blob = await fs.openAsBlob(file);
  const xlsx = await XlsxBlob.open(blob, `Bestand '${path.basename(file)}'`);
  const heads = await xlsx.heads();
  const t1 = now();
  const stock = heads.sheets.reduce((a, b) => (b.rowCount > a.rowCount ? b : a));
  const reader = new StockRowReader({ sheet: stock.name }, { scale: DEFAULT_RULES.batSchaal });
  let next = 1;
  await xlsx.streamSheet(stock.name, (n, values) => {
    if (n > next) reader.skip(n - next);
    next = n + 1;
    reader.push(values);
  });
  const previewRows = reader.finish().rowsRead;
  const t2 = now();
  const { result, stats } = await analyseXlsxBlob(xlsx, { rules: DEFAULT_RULES });
  const t3 = now();
  const written = await writeResultBlob(xlsx, () => buildSheets(result), { regels: DEFAULT_RULES }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const t4 = now();
  if (saveAs) fs.writeFileSync(saveAs, new Uint8Array(await written.file.arrayBuffer()));
  return {
    open: t1 - t0, preview: t2 - t1, analyse: t3 - t2, download: t4 - t3, downloadBytes: written.file.size, previewRows,
    rows: result.stock ? result.stock.rowsRead : 0, dwellings: result.dwellings.length,
    maxHeldRows: stats.maxHeldRows, stockRowsStreamed: stats.stockRowsStreamed,
  };
}

workerPath(process.argv[2], process.argv[3]).then((r) => {
  process.stdout.write(`${JSON.stringify({ ...r, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}, (err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
