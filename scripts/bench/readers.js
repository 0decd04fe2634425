/**
 * Candidate .xlsx readers side by side (issue 12), each visiting every cell of every sheet of a
 * workbook. Run as a child process per candidate by scripts/bench.js (so that peak memory is per
 * candidate); prints one JSON line: { seconds, rows, cells, maxRssKb }.
 *
 *   node scripts/bench/readers.js <candidate> <file.xlsx>
 *
 * Candidates:
 * - exceljs: ExcelJS's streaming reader (the command line's reader before issue 12), shared
 *   strings and styles cached; cell values as ExcelJS gives them.
 * - zipjs-zlib-scanner: the product's reader (lib/workbook/xlsx-stream.js): zip.js for the
 *   central directory, Node's zlib to inflate, the byte-level sheet scanner; values with shared
 *   strings and dates resolved.
 * - zipjs-fflate-scanner: the same with fflate's JavaScript inflater instead of zlib (what the
 *   browser would use without `DecompressionStream`).
 * - zipjs-zlib-saxes: zip.js + zlib + saxes, a conforming XML tokeniser, over every sheet part:
 *   tokens only (no values resolved), a lower bound for a reader built on saxes.
 */
"use strict";
const path = require("node:path");
const lib = path.join(__dirname, "..", "..", "lib", "workbook");

async function viaParts(file, inflate) {
  const { ZipParts, readWorkbookInfo, worksheets } = require(path.join(lib, "xlsx-parts.js"));
  const { openZipFile } = require(path.join(lib, "zip-node.js"));
  const f = await openZipFile(file);
  let rows = 0;
  let cells = 0;
  try {
    const zip = await ZipParts.open(f.reader, inflate);
    const info = await readWorkbookInfo(zip);
    for await (const sheet of worksheets(zip, info)) {
      await sheet.read((row) => {
        rows++;
        for (const v of row.values) if (v !== null) cells++;
      });
    }
  } finally {
    await f.close();
  }
  return { rows, cells };
}

const CANDIDATES = {
  async exceljs(file) {
    const { floor } = require("./floor");
    const r = await floor(file);
    return { rows: r.rows, cells: r.cells };
  },
  "zipjs-zlib-scanner": (file) => viaParts(file, require(path.join(lib, "zip-node.js")).zlibInflate),
  "zipjs-fflate-scanner": (file) => {
    const { Inflate } = require("fflate");
    return viaParts(file, async function* inflate(compressed) {
      const out = [];
      const inflater = new Inflate((chunk) => out.push(chunk));
      for await (const c of compressed) {
        inflater.push(c, false);
        while (out.length > 0) yield out.shift();
      }
      inflater.push(new Uint8Array(0), true);
      while (out.length > 0) yield out.shift();
    });
  },
  async "zipjs-zlib-saxes"(file) {
    const { SaxesParser } = require("saxes");
    const { ZipParts, readWorkbookInfo } = require(path.join(lib, "xlsx-parts.js"));
    const { openZipFile, zlibInflate } = require(path.join(lib, "zip-node.js"));
    const f = await openZipFile(file);
    let rows = 0;
    let cells = 0;
    try {
      const zip = await ZipParts.open(f.reader, zlibInflate);
      const info = await readWorkbookInfo(zip);
      for (const s of info.sheets) {
        const parser = new SaxesParser();
        parser.on("opentag", (tag) => {
          if (tag.name === "row") rows++;
          else if (tag.name === "c") cells++;
        });
        const decoder = new TextDecoder();
        for await (const chunk of zip.stream(s.part)) parser.write(decoder.decode(chunk, { stream: true }));
        parser.close();
      }
    } finally {
      await f.close();
    }
    return { rows, cells };
  },
};

async function run(candidate, file) {
  const f = CANDIDATES[candidate];
  if (!f) throw new Error(`unknown candidate ${candidate}: ${Object.keys(CANDIDATES).join(", ")}`);
  const t0 = process.hrtime.bigint();
  const r = await f(file);
  return { ...r, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

if (require.main === module) {
  run(process.argv[2], process.argv[3]).then((r) => {
    process.stdout.write(`${JSON.stringify({ ...r, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  }, (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
}

module.exports = { CANDIDATES: Object.keys(CANDIDATES) };
