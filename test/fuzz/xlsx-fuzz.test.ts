/**
 * Fuzz run over mutated sample workbooks (issue 5): the sample workbooks in assets/ and a small
 * generated stock + demand workbook, mutated by byte flips, truncation, zip-entry damage and XML
 * changes (mutate.ts), each run through `bat-bzk analyse --json --uit` in a child process
 * (child.js) with bounded memory (--max-old-space-size) and bounded time per file (the child is
 * killed when a file takes longer than FUZZ_TIMEOUT_MS). Asserted per file: the run ends in time,
 * the process does not crash, the exit code is 0, 1 or 2, and stderr holds no stack trace (at
 * most one line when the run fails).
 *
 * Default: 40 mutants (well under a minute). Longer runs: FUZZ_RUNS=1000 npm run test:slow -- test/fuzz
 * (FUZZ_SEED picks another set of mutants; FUZZ_KEEP=1 keeps the files of failing mutants).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { mutate } from "./mutate";
import { createRandom } from "../support/random";
import { demand, dwellings, stock, xlsx } from "../catalogue/workbooks";
import { KERKRADE, PARKSTAD } from "../support/paths";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 30_000);
const HEAP_MB = 384;

interface Outcome {
  i: number;
  code: number | null;
  err: string;
  /** "hang" when killed for taking too long, "crash" when the process died. */
  failure?: "hang" | "crash";
}

/** Runs the child on files[from..], resolving with the outcomes; a hang or crash ends the batch. */
function runBatch(listFile: string, from: number): Promise<Outcome[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, path.join(__dirname, "child.js"), listFile, String(from)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const outcomes: Outcome[] = [];
    let current = -1;
    let stderr = "";
    let buffer = "";
    let timer: NodeJS.Timeout | null = null;
    let killed = false;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        killed = true;
        child.kill("SIGKILL");
      }, TIMEOUT_MS);
    };
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith("START ")) {
          current = Number(line.slice(6));
          arm();
        } else if (line.startsWith("DONE ")) {
          outcomes.push(JSON.parse(line.slice(5)));
          current = -1;
        }
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => (stderr += c));
    child.on("exit", (code) => {
      if (timer) clearTimeout(timer);
      if (current >= 0) outcomes.push({ i: current, code, err: stderr.slice(-2000), failure: killed ? "hang" : "crash" });
      else if (code !== 0) outcomes.push({ i: -1, code, err: stderr.slice(-2000), failure: "crash" });
      resolve(outcomes);
    });
  });
}

describe("fuzz: mutated workbooks through the command line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-fuzz-"));
  afterAll(() => {
    if (!process.env.FUZZ_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  test(`${RUNS} mutants: exit 0/1/2, no crash, no hang, no stack trace`, async () => {
    const small = await xlsx(stock(dwellings([0, 1, 2, 3, 4, 2, "BAT 3", "#N/A", 1])), demand([[100, 120], [50, 60], [20, 25], [10, 12]], [180, 217]));
    const bases = [
      { name: "klein", bytes: small },
      { name: "parkstad", bytes: new Uint8Array(readFileSync(PARKSTAD)) },
      { name: "kerkrade", bytes: new Uint8Array(readFileSync(KERKRADE)) },
    ];
    const rng = createRandom(SEED);
    const files: string[] = [];
    const hows: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Kerkrade (7,824 rows) for one mutant in eight: it is the slow one.
      const base = i % 8 === 7 ? bases[2] : bases[i % 2];
      const m = await mutate(base.bytes, rng);
      const file = path.join(dir, `${String(i).padStart(4, "0")}-${base.name}.xlsx`);
      writeFileSync(file, m.bytes);
      files.push(file);
      hows.push(`${base.name}: ${m.how}`);
    }
    const list = path.join(dir, "files.json");
    writeFileSync(list, JSON.stringify(files));

    const outcomes: Outcome[] = [];
    let from = 0;
    while (from < files.length) {
      const batch = await runBatch(list, from);
      outcomes.push(...batch);
      const last = batch.at(-1);
      if (!last || last.i < 0) break;
      from = last.i + 1;
    }

    const problems: string[] = [];
    const seen = new Set(outcomes.map((o) => o.i));
    for (let i = 0; i < files.length; i++) if (!seen.has(i)) problems.push(`#${i} (${hows[i]}): not run`);
    for (const o of outcomes) {
      const what = o.i >= 0 ? `#${o.i} (${hows[o.i]}, ${path.basename(files[o.i])})` : "runner";
      if (o.failure) {
        problems.push(`${what}: ${o.failure}${o.failure === "hang" ? ` (> ${TIMEOUT_MS} ms)` : ""} ${o.err}`);
        continue;
      }
      if (![0, 1, 2].includes(o.code ?? -1)) problems.push(`${what}: exit ${o.code}`);
      if (/\n\s+at |TypeError|ReferenceError|RangeError|\bError:/.test(o.err)) problems.push(`${what}: stack trace or raw error: ${o.err}`);
      if (o.code !== 0 && o.err.trimEnd().split("\n").length !== 1) problems.push(`${what}: not one line: ${o.err}`);
    }
    expect(problems).toEqual([]);
    // The run exercised both outcomes: some mutants still analyse, others are refused.
    if (RUNS >= 40) {
      expect(outcomes.some((o) => o.code === 0)).toBe(true);
      expect(outcomes.some((o) => o.code === 1)).toBe(true);
    }
  }, Math.max(120_000, RUNS * 5_000));
});
