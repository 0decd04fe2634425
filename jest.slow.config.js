/** Jest for `npm run test:slow`: only the slow suites that `npm test` leaves out (the list is
 * jest.slow-suites.js). `npm run test:all` runs `npm test` and then these; CI runs
 * test:all. One worker: the scale suite alone needs about 1.6 GB and both cores are better spent
 * on one file at a time here. Everything else, the @swc/jest transform included
 * (jest.transform.js), comes from jest.config.js. */
const base = require("./jest.config.js");
const SLOW_SUITES = require("./jest.slow-suites.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  testRegex: SLOW_SUITES.map((file) => file.replace(/[.]/g, "\\.")),
  testMatch: undefined,
  maxWorkers: 1,
};
