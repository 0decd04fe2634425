/**
 * Runs the bat-bzk command (compiled lib/, exactly what bin/bat-bzk.js runs) and, at exit,
 * writes its exit code and peak resident set size to the file named first:
 *
 *   node scripts/bench/run-cli.js <report.json> analyse <werkmap.xlsx> [options]
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { main } = require(path.join(__dirname, "..", "..", "lib", "cli", "main.js"));

const [report, ...argv] = process.argv.slice(2);
main(argv, { out: () => undefined, err: (t) => process.stderr.write(t), outStream: process.stdout }).then((code) => {
  process.exitCode = code;
  process.on("exit", () => {
    fs.writeFileSync(report, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
  });
});
