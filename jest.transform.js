/** The TypeScript transform of the three Jest configs (jest.config.js, jest.slow.config.js,
 * jest.e2e.config.js): @swc/jest, transpile only (`npm run typecheck` does the type check, with
 * tsconfig.json). swc does not read tsconfig, so the options below restate tsconfig.json's
 * compiler options for Jest, and must follow them when they change:
 * - `target: "ES2020"` → `jsc.target: "es2020"`, with class fields assigned in the constructor as
 *   TypeScript does for that target (`useDefineForClassFields: false`);
 * - `jsx: "react-jsx"` → React's automatic runtime (`react/jsx-runtime`, production `jsx()` calls);
 * - modules: CommonJS for Jest (set by @swc/jest; the bundle keeps ES modules) with swc's default
 *   import interop, which is Babel's and behaves as `esModuleInterop` does;
 * - one file at a time, as with TypeScript's `isolatedModules` (ts-jest ran that way before, with
 *   tsconfig.test.json, removed with it).
 * `.ts` and `.tsx` get separate parser settings: with TSX syntax on, `<T>value` casts and some
 * generic arrow functions in plain .ts files would not parse.
 *
 * @swc/jest hoists `jest.mock(...)` above the imports (its `jsc.transform.hidden.jest`) and writes
 * inline source maps, so stack traces point at the TypeScript lines.
 *
 * One difference from TypeScript's CommonJS output matters for tests: swc exports a module's
 * bindings as getters that cannot be redefined, so `jest.spyOn(namespace, "fn")` on an imported
 * module throws "Cannot redefine property". A test that spies on a module's export replaces the
 * module by a plain copy first (`jest.mock(path, () => ({ ...jest.requireActual(path) }))`; see
 * test/domain/whatif.test.ts); spying on objects and prototypes works as before.
 *
 * Why swc: with a cold cache (the first `npm test` after a clone or install, and CI) ts-jest loads
 * TypeScript in every worker and transpiles every file; swc does the same work in native code
 * (figures in docs/performance.md, "The test suite"). */
function swc(tsx) {
  return [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx },
        target: "es2020",
        transform: {
          react: { runtime: "automatic" },
          useDefineForClassFields: false,
        },
      },
      sourceMaps: "inline",
    },
  ];
}

module.exports = {
  "^.+\\.ts$": swc(false),
  "^.+\\.tsx$": swc(true),
};
