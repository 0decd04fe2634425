/**
 * The layers of src/ (docs/architecture.md): no import cycles, and the lint rules of
 * eslint.config.mjs reject an import against the direction (and accept the allowed ones).
 * `npm run lint` applies the same rules to every file of src/.
 */
import { execFileSync } from "node:child_process";
import { findCycles, importGraph } from "../support/import-graph";
import { ROOT } from "../support/paths";


describe("import cycles", () => {
  test("src/ has none", () => {
    expect(findCycles(importGraph("src", ROOT))).toEqual([]);
  });

  test("a cycle, also through a type-only import or of one file with itself, is found", () => {
    const graph = new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", ["a.ts", "d.ts"]]]);
    expect(findCycles(graph)).toEqual([["a.ts", "b.ts", "c.ts"], ["d.ts"]]);
  });
});

/** One probe: a file at `file` whose only statement is `import`ing `from`. */
interface Probe {
  file: string;
  from: string;
}

/** A source to lint as if it were `file` of the repository, and the rule whose messages count. */
interface LintSource {
  file: string;
  text: string;
  rule: string;
}

/**
 * Lints each source as if it were that file of the repository (ESLint's own API in a child Node
 * process: the flat config is an ES module, which Jest's CommonJS sandbox cannot load).
 * @returns per source, the messages of its rule (empty: allowed).
 */
function lintMessages(sources: readonly LintSource[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const [sources] = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const p of sources) {
        const [r] = await eslint.lintText(p.text, { filePath: p.file });
        out.push(r.messages.filter((m) => m.ruleId === p.rule).map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script, JSON.stringify([sources])], { cwd: ROOT, encoding: "utf8" })) as string[][];
}

/** Import probes, each with whether the rules allow it. */
const PROBES: (Probe & { allowed: boolean })[] = [
  { file: "src/domain/probe.ts", from: "../analysis/result", allowed: false },
  { file: "src/domain/probe.ts", from: "./types", allowed: true },
  { file: "src/ingest/probe.ts", from: "../workbook/port", allowed: false },
  { file: "src/workbook/probe.ts", from: "../analysis/xlsx-pass", allowed: false },
  { file: "src/workbook/probe.ts", from: "../ingest/stock", allowed: false },
  { file: "src/workbook/probe.ts", from: "../ingest/types", allowed: true },
  { file: "src/workbook/probe.ts", from: "../report/sheets", allowed: false },
  { file: "src/workbook/probe.ts", from: "../report/sheet-model", allowed: true },
  { file: "src/analysis/probe.ts", from: "../report/json", allowed: false },
  { file: "src/analysis/probe.ts", from: "../workbook/xlsx-parts", allowed: true },
  { file: "src/report/probe.ts", from: "../analysis/result", allowed: true },
  { file: "src/session/probe.ts", from: "../taskpane/App", allowed: false },
  { file: "src/browser/analysis.worker.ts", from: "../taskpane/App", allowed: false },
  { file: "src/browser/index.tsx", from: "../taskpane/App", allowed: true },
  { file: "src/taskpane/steps/Probe.tsx", from: "../../browser/protocol", allowed: false },
  { file: "src/cli/probe.ts", from: "../session/session", allowed: false },
  { file: "src/taskpane/probe.ts", from: "./steps/QuickCheck", allowed: false },
  { file: "src/taskpane/hooks/probe.ts", from: "../steps/ResultsStep", allowed: false },
  { file: "src/taskpane/probe.ts", from: "./App", allowed: false },
  { file: "src/taskpane/probe.ts", from: "../cli/main", allowed: false },
  { file: "src/taskpane/probe.ts", from: "./rules-form", allowed: true },
  { file: "src/taskpane/steps/Probe.tsx", from: "./QuickCheck", allowed: true },
  { file: "src/taskpane/Probe.tsx", from: "./steps/QuickCheck", allowed: true },
];

/** A source that uses the DOM, and the files it is linted as. */
const DOM_TEXT = "export const body = () => document.body;\n";
const DOM_FILES = ["src/session/probe.ts", "src/domain/probe.ts", "src/workbook/probe.ts", "src/cli/probe.ts", "src/taskpane/probe.ts", "src/browser/probe.ts"];

let linted: { imports: string[][]; dom: string[][] } | undefined;

/**
 * The messages for {@link PROBES} (rule `no-restricted-imports`, each probe's one-line import)
 * and for {@link DOM_FILES} (rule `no-restricted-globals`), from one ESLint run for the whole file
 * (starting ESLint with the project's config is most of a run's cost), made on first use.
 */
function lintedProbes(): { imports: string[][]; dom: string[][] } {
  if (!linted) {
    const imports = PROBES.map((p) => ({ file: p.file, text: `import { x } from ${JSON.stringify(p.from)};\nexport const y = x;\n`, rule: "no-restricted-imports" }));
    const dom = DOM_FILES.map((file) => ({ file, text: DOM_TEXT, rule: "no-restricted-globals" }));
    const messages = lintMessages([...imports, ...dom]);
    linted = { imports: messages.slice(0, imports.length), dom: messages.slice(imports.length) };
  }
  return linted;
}

describe("the lint rules hold the direction of the layers", () => {
  test("each forbidden import is rejected with the rule's message, each allowed one passes", () => {
    const probes = PROBES;
    const messages = lintedProbes().imports;
    expect(messages).toHaveLength(probes.length);
    const seen = probes.map((p, i) => ({ file: p.file, from: p.from, allowed: messages[i].length === 0 }));
    expect(seen).toEqual(probes.map(({ file, from, allowed }) => ({ file, from, allowed })));
    expect(messages[0]).toEqual([expect.stringContaining("src/domain/ may not import src/analysis/ (layers and directions: docs/architecture.md).")]);
    expect(messages[4][0]).toMatch(/of src\/ingest\/ it may import only types\.ts/);
    expect(messages[probes.findIndex((p) => p.from === "./steps/QuickCheck")]).toEqual([expect.stringContaining("A plain module of src/taskpane/ (.ts) may not import a component (.tsx)")]);
  });
});

describe("the layers below the pages use no DOM", () => {
  test("document in src/session is rejected with the rule's message; in src/taskpane and src/browser it is allowed", () => {
    const messages = lintedProbes().dom;
    expect(messages.map((m) => m.length > 0)).toEqual([true, true, true, true, false, false]);
    expect(messages[0]).toEqual([expect.stringContaining("'document' is the DOM's: src/{domain,ingest,workbook,analysis,report,session,cli}/ run without one")]);
  });
});
