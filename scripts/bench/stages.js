/**
 * Stage timings for one workbook, run as a child process by scripts/bench.js (compiled lib/
 * needed: npm run build:cli). Prints one JSON line with seconds per stage:
 *
 * - read: the CLI's streaming pass (ExcelJS streaming reader + cell conversion + recognition +
 *   incremental stock ingest), i.e. `analyseXlsxStream` up to the end of reading;
 *   (the domain steps are timed apart, in a process of their own: scripts/bench/domain.js);
 * - json: the streamed JSON document as the command writes it (UTF-8 chunks, the encoding
 *   included) to a sink that only counts the bytes;
 * - sheets: the sheet models (buildSheets) plus writing them with the streaming writer.
 *
 *   node scripts/bench/stages.js <file.xlsx>
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const lib = path.join(__dirname, "..", "..", "lib");
const { analyseXlsxStream } = require(path.join(lib, "analysis", "xlsx-file.js"));
const { XlsxStreamWriter } = require(path.join(lib, "workbook", "xlsx-stream-writer.js"));
const { openZipFileSink } = require(path.join(lib, "workbook", "zip-node.js"));
const { DEFAULT_RULES } = require(path.join(lib, "domain", "rules.js"));
const { writeJson } = require(path.join(lib, "report", "json-stream.js"));
const { buildSheets } = require(path.join(lib, "report", "sheets.js"));

// The same heap setting as the command line (src/cli/main.ts, withLeanHeap).
const { LEAN_HEAP_GROWING_PERCENT } = require(path.join(lib, "cli", "main.js"));
require("node:v8").setFlagsFromString(`--heap-growing-percent=${LEAN_HEAP_GROWING_PERCENT}`);

const now = () => Number(process.hrtime.bigint()) / 1e9;

async function stages(file) {
  const rules = DEFAULT_RULES;
  const t0 = now();
  let readDone = 0;
  const analysis = await analyseXlsxStream(file, {
    rules,
    onProgress: (stap) => {
      if (stap === "Voorraad lezen" && readDone === 0) readDone = now();
    },
  });
  const read = readDone - t0;
  const result = analysis.result;
  const rows = result.stock ? result.stock.rows : [];
  let bytes = 0;
  const tj = now();
  await writeJson(result, { writeBytes: (c) => void (bytes += c.length) });
  const json = now() - tj;

  const tmp = path.join(os.tmpdir(), `bat-bzk-bench-${process.pid}.xlsx`);
  const ts = now();
  const models = buildSheets(result);
  const writer = new XlsxStreamWriter(await openZipFileSink(tmp));
  await writer.writeResults(models, {});
  await writer.commit();
  const sheets = now() - ts;
  fs.rmSync(tmp, { force: true });

  return {
    rows: rows.length,
    dwellings: result.dwellings.length,
    read,
    json,
    jsonBytes: bytes,
    sheets,
    maxHeldRows: analysis.stats.maxHeldRows,
    stockRowsStreamed: analysis.stats.stockRowsStreamed,
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

if (require.main === module) {
  stages(process.argv[2]).then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
  }, (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
}

module.exports = { stages };
