/** Jest: TypeScript through ts-jest (CommonJS for the test run); tests live under test/.
 * The browser end-to-end tests in test/e2e need a build and Chromium: `npm run e2e`
 * (jest.e2e.config.js), never part of `npm test`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json" }],
  },
  testTimeout: 60000,
};
