/** Jest for the end-to-end tests (`npm run e2e`): the production build in dist/ (`npm run build`
 * first) served on localhost and driven in Debian's Chromium through playwright-core. TypeScript
 * through @swc/jest, as in jest.config.js (jest.transform.js). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.test.ts"],
  transform: require("./jest.transform.js"),
  testTimeout: 180000,
};
