/** Jest for the end-to-end tests (`npm run e2e`): the production build in dist/ (`npm run build`
 * first) served on localhost and driven in Debian's Chromium through playwright-core. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json" }],
  },
  testTimeout: 180000,
};
