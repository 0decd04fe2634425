/** The @swc/jest options that compile the tests as `tsc` compiles the code, derived from a
 * tsconfig.json (used by jest.transform.js; tested in test/support/swc-options.test.ts). swc does
 * not read tsconfig, so the compiler options are read with TypeScript's own config reader
 * (comments, trailing commas and `extends` as `tsc` reads them) and mapped:
 * - `target` (e.g. "ES2020") → `jsc.target` ("es2020"), with class fields assigned in the
 *   constructor unless tsconfig asks otherwise, as TypeScript does for targets below ES2022
 *   (`useDefineForClassFields`, TypeScript's compiler-options reference);
 * - `jsx`: "react-jsx" → React's automatic runtime (`react/jsx-runtime`), "react-jsxdev" → the
 *   same in development mode, "react" → the classic `React.createElement`;
 * - modules: CommonJS for Jest (set by @swc/jest; the bundle keeps ES modules) with swc's default
 *   import interop, which is Babel's and behaves as `esModuleInterop` does;
 * - one file at a time, as with TypeScript's `isolatedModules`.
 * An option the mapping does not know (a missing target, a target or jsx mode not listed,
 * decorators, a JSX factory or import source, `verbatimModuleSyntax` and the older import-elision
 * options, `esModuleInterop: false`) throws an Error naming it, so Jest stops with that message rather than compiling
 * the tests differently from `tsc`. `.ts` and `.tsx` get separate parser settings: with TSX
 * syntax on, `<T>value` casts and some generic arrow functions in plain .ts files would not parse.
 * TypeScript is loaded once, in Jest's main process, to read the config only. */
"use strict";
const path = require("node:path");
const ts = require("typescript");

/** The targets swc is given, by TypeScript's ts.ScriptTarget value. */
const TARGETS = new Map(
  ["ES5", "ES2015", "ES2016", "ES2017", "ES2018", "ES2019", "ES2020", "ES2021", "ES2022", "ESNext"].map((name) => [ts.ScriptTarget[name], name.toLowerCase()]),
);

/** The compiler options of `file` as `tsc` resolves them (enums as numbers). Throws an Error
 * with the file's diagnostics when it cannot be read. */
function compilerOptions(file) {
  const read = ts.readConfigFile(file, ts.sys.readFile);
  const message = (d) => ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (read.error) throw new Error(`${file}: ${message(read.error)}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file));
  // 18003 "No inputs were found": the files do not matter for the compiler options.
  const errors = parsed.errors.filter((d) => d.code !== 18003);
  if (errors.length > 0) throw new Error(`${file}: ${errors.map(message).join("; ")}`);
  return parsed.options;
}

/** `{ jsc }` of swc for TypeScript compiler options (ts.CompilerOptions). */
function swcJsc(options, file) {
  if (options.target === undefined) throw new Error(`${file}: no "target"; the tests need the same target as tsc`);
  const target = TARGETS.get(options.target);
  if (target === undefined) throw new Error(`${file}: "target" ${ts.ScriptTarget[options.target]} has no swc mapping in scripts/swc-options.js`);
  if (options.experimentalDecorators || options.emitDecoratorMetadata) throw new Error(`${file}: decorators have no swc mapping in scripts/swc-options.js`);
  // Options that change what the compiled code does and that this mapping does not carry over:
  // swc would silently compile the tests otherwise than tsc compiles the code.
  const unmapped = ["jsxImportSource", "jsxFactory", "jsxFragmentFactory", "verbatimModuleSyntax", "importsNotUsedAsValues", "preserveValueImports"]
    .filter((name) => options[name] !== undefined && options[name] !== false);
  if (options.esModuleInterop === false) unmapped.push("esModuleInterop: false");
  if (unmapped.length > 0) throw new Error(`${file}: ${unmapped.map((n) => `"${n}"`).join(", ")} has no swc mapping in scripts/swc-options.js`);
  const useDefineForClassFields = options.useDefineForClassFields ?? options.target >= ts.ScriptTarget.ES2022;
  let react;
  if (options.jsx === ts.JsxEmit.ReactJSX) react = { runtime: "automatic" };
  else if (options.jsx === ts.JsxEmit.ReactJSXDev) react = { runtime: "automatic", development: true };
  else if (options.jsx === ts.JsxEmit.React) react = { runtime: "classic" };
  else if (options.jsx !== undefined) throw new Error(`${file}: "jsx" ${ts.JsxEmit[options.jsx]} has no swc mapping in scripts/swc-options.js`);
  return { target, transform: { ...(react ? { react } : {}), useDefineForClassFields } };
}

/** Jest's `transform` map (`{ "^.+\\.ts$": ["@swc/jest", options], "^.+\\.tsx$": [...] }`) for
 * the tsconfig at `file`. Throws an Error naming the file and option it cannot map. */
function jestTransform(file) {
  const jsc = swcJsc(compilerOptions(file), file);
  const entry = (tsx) => ["@swc/jest", { jsc: { ...jsc, parser: { syntax: "typescript", tsx } }, sourceMaps: "inline" }];
  return { "^.+\\.ts$": entry(false), "^.+\\.tsx$": entry(true) };
}

module.exports = { jestTransform };
