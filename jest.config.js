/** Jest for `npm test`, the suite a developer runs before every commit (target: at most 3 minutes
 * on this 2-core machine, also on the first run after installing). TypeScript through @swc/jest
 * (CommonJS, transpile only, the options in jest.transform.js: `npm run typecheck` does the type
 * check); tests live under test/.
 *
 * Left out here and run by `npm run test:slow` (jest.slow.config.js; `npm run test:all` runs both,
 * and CI runs test:all): the suites listed in jest.slow-suites.js. The browser end-to-end tests in test/e2e
 * need a build and Chromium: `npm run e2e` (jest.e2e.config.js).
 *
 * `maxWorkers: 2`: jest's default is one worker fewer than the cores, which on a 2-core machine
 * runs the files one after another. */
const SLOW_SUITES = require("./jest.slow-suites.js");
const TRANSFORM = require("./jest.transform.js");

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", ...SLOW_SUITES.map((file) => `<rootDir>/${file}`)],
  // Fluent UI's icon package, loaded icon by icon (test/support/fluent-icons-lazy.js), and its
  // components, package by package (test/support/fluent-components-lazy.js).
  moduleNameMapper: {
    "^@fluentui/react-icons$": "<rootDir>/test/support/fluent-icons-lazy.js",
    "^@fluentui/react-components$": "<rootDir>/test/support/fluent-components-lazy.js",
  },
  // fast-check's seed: fixed when FC_SEED is set (CI), fresh per run otherwise.
  setupFiles: ["<rootDir>/test/support/fast-check-seed.js"],
  transform: TRANSFORM,
  testTimeout: 60000,
  maxWorkers: 2,
  // Slowest files first also on the first run after a clone (jest.sequencer.js).
  testSequencer: "<rootDir>/jest.sequencer.js",
};
