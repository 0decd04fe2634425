/** jest.sequencer.js: on a run without Jest's cache of test times (the first run after a clone),
 * files are ordered by the committed times in test/support/test-durations.json, slowest first. */
import { existsSync } from "node:fs";
import * as path from "node:path";

const HintedSequencer = require("../../jest.sequencer.js");
const HINTS: Record<string, number> = require("./test-durations.json");

const ROOT = path.resolve(__dirname, "../..");

/** A Jest test as the sequencer sees it, in a context without a cache (as on a first run). */
function testAt(relative: string, size: number) {
  return { path: path.join(ROOT, relative), context: { config: { cache: false }, hasteFS: { getSize: () => size } } };
}

test("without Jest's cache the committed times order the files, slowest first; a file without a time runs first", () => {
  const known = Object.entries(HINTS).sort((a, b) => a[1] - b[1]);
  const [fast, slow] = [known[0], known[known.length - 1]];
  expect(slow[1]).toBeGreaterThan(fast[1]);
  // Sizes that say the opposite of the times: Jest's own fallback would put `fast` first.
  const tests = [testAt(slow[0], 10), testAt("test/new-file.test.ts", 5), testAt(fast[0], 1_000_000)];
  const sorted = new HintedSequencer({}).sort(tests).map((t: { path: string }) => path.relative(ROOT, t.path));
  expect(sorted).toEqual(["test/new-file.test.ts", slow[0], fast[0]]);
});

test("every file in test/support/test-durations.json exists (refresh the list when files move)", () => {
  const missing = Object.keys(HINTS).filter((file) => !existsSync(path.join(ROOT, file)));
  expect(missing).toEqual([]);
  expect(Object.keys(HINTS).length).toBeGreaterThan(100);
});
