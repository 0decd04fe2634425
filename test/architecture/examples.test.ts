/**
 * The `@example`s of the pure folders of src/ run (docs/architecture.md, "Examples"): every
 * `@example` in a JSDoc comment of src/domain/, src/ingest/ and src/report/ is one or more statements
 * `expression === expected`, separated by `;`, possibly over several comment lines. Each side is
 * evaluated with the module's exports in scope (and Node's globals, but no `require` or
 * `import`: an example shows a call, it does not load anything), and the two values must be deeply equal (`toEqual`: arrays and objects by
 * content, so `splitByShares(10, [1, 1]) === [5, 5]` holds here although it is false in plain
 * JavaScript). An `@example` of any other form in these folders fails the test, so that no example
 * goes unchecked.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ROOT } from "../support/paths";

/** Folders whose modules are pure (no Office.js, DOM or file system), relative to the root.
 * Not src/analysis (xlsx-file.ts reads files) nor src/workbook (office*.ts uses Office.js). */
const PURE_FOLDERS = ["src/domain", "src/ingest", "src/report"] as const;

/** One `@example` tag as written: its file (relative to the root), first line and text. */
interface Example {
  file: string;
  line: number;
  text: string;
}

/** One `left === right` of an example, as source text. */
interface Claim {
  expression: string;
  expected: string;
}

/** The .ts files under `dir` (relative to the root), sorted. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...tsFiles(rel));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/**
 * The `@example` tags of the JSDoc comments of `source`: the text after `@example` up to the next
 * tag line or the end of the comment, the comment's leading ` * ` removed.
 */
function examplesIn(file: string, source: string): Example[] {
  const out: Example[] = [];
  for (const comment of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = source.slice(0, comment.index).split("\n").length;
    const lines = comment[0]
      .replace(/^\/\*\*/, "")
      .replace(/\*\/$/, "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""));
    let current: Example | null = null;
    lines.forEach((l, i) => {
      const tag = /^\s*@(\w+)\s?(.*)$/.exec(l);
      if (tag) {
        if (current) out.push(current);
        current = tag[1] === "example" ? { file, line: startLine + i, text: tag[2] } : null;
      } else if (current) {
        current.text += `\n${l}`;
      }
    });
    if (current) out.push(current);
  }
  return out.map((e) => ({ ...e, text: e.text.trim() }));
}

/**
 * The claims of an example's text, or the reason it is not of the form `expr === value; …`.
 */
function claimsOf(text: string): Claim[] | string {
  const syntax = ts.transpileModule(text, { reportDiagnostics: true }).diagnostics ?? [];
  if (syntax.length > 0) return `not valid code: ${ts.flattenDiagnosticMessageText(syntax[0].messageText, " ")}`;
  const sf = ts.createSourceFile("example.ts", text, ts.ScriptTarget.Latest, true);
  const claims: Claim[] = [];
  for (const st of sf.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken) {
      return `"${st.getText(sf)}" is not of the form \`expression === expected\``;
    }
    claims.push({ expression: st.expression.left.getText(sf), expected: st.expression.right.getText(sf) });
  }
  return claims.length > 0 ? claims : "empty";
}

/** The value of `code` (one expression) with the module's exports as the only names in scope. */
function evaluate(code: string, scope: Record<string, unknown>): unknown {
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const fn = new Function(...names, `"use strict"; return (${code});`) as (...args: unknown[]) => unknown;
  return fn(...names.map((n) => scope[n]));
}

const EXAMPLES = PURE_FOLDERS.flatMap((dir) => tsFiles(dir)).flatMap((file) => examplesIn(file, readFileSync(path.join(ROOT, file), "utf8")));

describe("@example in the pure folders", () => {
  test("there are examples to check (the scan finds them)", () => {
    expect(EXAMPLES.length).toBeGreaterThan(10);
  });

  test.each(EXAMPLES.map((e) => [`${e.file}:${e.line}`, e] as const))("%s", async (_where, example) => {
    const claims = claimsOf(example.text);
    if (typeof claims === "string") throw new Error(`${example.file}:${example.line}: @example ${claims}`);
    const scope = (await import(path.join(ROOT, example.file))) as Record<string, unknown>;
    for (const claim of claims) {
      const actual = evaluate(claim.expression, scope);
      const expected = evaluate(claim.expected, scope);
      // The message names the claim; toEqual shows the difference.
      expect({ [claim.expression]: actual }).toEqual({ [claim.expression]: expected });
    }
  });
});

describe("the checker itself", () => {
  const scope = { double: (n: number) => [n, n], name: "Beekdaelen" };

  test("reads a multi-line example up to the next tag", () => {
    const source = "/**\n * Text.\n * @example double(2) ===\n *   [2, 2]; name === \"Beekdaelen\"\n * @returns x\n */\nexport const y = 1;";
    expect(examplesIn("a.ts", source)).toEqual([{ file: "a.ts", line: 3, text: 'double(2) ===\n  [2, 2]; name === "Beekdaelen"' }]);
  });

  test("a right example holds, deeply", () => {
    const claims = claimsOf('double(2) === [2, 2]; name.length === 10');
    expect(claims).toEqual([
      { expression: "double(2)", expected: "[2, 2]" },
      { expression: "name.length", expected: "10" },
    ]);
    if (typeof claims === "string") return;
    for (const c of claims) expect(evaluate(c.expression, scope)).toEqual(evaluate(c.expected, scope));
  });

  test("a wrong stated output fails", () => {
    const claims = claimsOf("double(2) === [2, 3]");
    if (typeof claims === "string") throw new Error(claims);
    expect(() => expect(evaluate(claims[0].expression, scope)).toEqual(evaluate(claims[0].expected, scope))).toThrow();
  });

  test("other forms are refused with the reason", () => {
    expect(claimsOf("double(2) // [2, 2]")).toMatch(/not of the form/);
    expect(claimsOf("double(2) → [2, 2]")).toMatch(/not valid code/);
    expect(claimsOf("double(2) == [2, 2]")).toMatch(/not of the form/);
  });

  test("only the module's exports are in scope", () => {
    expect(() => evaluate("require('node:fs')", scope)).toThrow(/require is not defined/);
  });
});
