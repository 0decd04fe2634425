#!/usr/bin/env node
/**
 * Writes test/support/test-durations.json (seconds per test file, rounded to 0.1 s) from the
 * output of `npx jest --json --outputFile=<file>`: the order jest.sequencer.js gives the files on a
 * first run, when Jest's own cache of test times is empty.
 *
 * Usage: node scripts/test-durations.js <jest-output.json>
 */
const { readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const input = process.argv[2];
if (!input) {
  console.error("usage: node scripts/test-durations.js <output of jest --json>");
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
const run = JSON.parse(readFileSync(input, "utf8"));
const times = run.testResults
  .map((r) => [path.relative(root, r.name).split(path.sep).join("/"), Math.round((r.endTime - r.startTime) / 100) / 10])
  .sort((a, b) => (a[0] < b[0] ? -1 : 1));
const out = path.join(root, "test/support/test-durations.json");
writeFileSync(out, `${JSON.stringify(Object.fromEntries(times), null, 2)}\n`);
console.log(`${out}: ${times.length} files`);
