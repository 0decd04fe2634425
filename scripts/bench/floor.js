/**
 * The streaming-read floor: ExcelJS's streaming reader alone visiting every cell of a workbook
 * (shared strings and styles cached, as the command line reads). Run as a child process by
 * scripts/bench.js; prints one JSON line: { seconds, rows, cells, maxRssKb }.
 *
 *   node scripts/bench/floor.js <file.xlsx>
 */
"use strict";
const ExcelJS = require("exceljs");

async function floor(file) {
  const t0 = process.hrtime.bigint();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore",
  });
  let rows = 0;
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      rows++;
      row.eachCell((cell) => {
        if (cell.value !== undefined) cells++;
      });
    }
  }
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, rows, cells };
}

if (require.main === module) {
  floor(process.argv[2]).then((r) => {
    process.stdout.write(`${JSON.stringify({ ...r, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  }, (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
}

module.exports = { floor };
