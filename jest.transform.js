/** The TypeScript transform of the three Jest configs (jest.config.js, jest.slow.config.js,
 * jest.e2e.config.js): @swc/jest, transpile only (`npm run typecheck` does the type check), with
 * its options derived from tsconfig.json by scripts/swc-options.js, so that a change of target or
 * JSX mode there reaches the tests without a second edit.
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
 * Why swc: with a cold cache (the first `npm test` after a clone or install, and CI) ts-jest loaded
 * TypeScript in every worker and transpiled every file; swc does the same work in native code
 * (figures in docs/performance.md, "The test suite"). */
const path = require("node:path");
const { jestTransform } = require("./scripts/swc-options.js");

module.exports = jestTransform(path.join(__dirname, "tsconfig.json"));
