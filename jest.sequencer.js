/**
 * The order in which `npm test` hands its files to the two workers.
 *
 * Jest's own sequencer (@jest/test-sequencer) runs the slowest files first, which keeps both
 * workers busy to the end, but it knows a file's time only from its own cache of the previous run.
 * On the first run after a clone there is no such cache, and Jest orders by file size: a file
 * that takes 15 s but is short then starts last and the other worker waits for it. This sequencer
 * falls back to `test/support/test-durations.json` (seconds per file, relative to the repository,
 * from an earlier run on this 2-core machine) when Jest's cache has no time for a file, so the
 * first run is ordered as a later one is. A file in neither (a new test file) has no time and
 * Jest runs it before the others, by size.
 *
 * Refresh the list after large changes to the tests (it only orders, it never skips or fails):
 *   npx jest --json --outputFile=/tmp/jest.json; node scripts/test-durations.js /tmp/jest.json
 */
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

/** Seconds per test file (path relative to the repository, with forward slashes). */
const HINTS = require("./test/support/test-durations.json");

class HintedSequencer extends Sequencer {
  /** Jest's time for the file from its cache (milliseconds), else the committed hint. */
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const hint = HINTS[path.relative(__dirname, test.path).split(path.sep).join("/")];
    return hint == null ? undefined : hint * 1000;
  }
}

module.exports = HintedSequencer;
