/**
 * ESLint (flat config) for `npm run lint` (office-addin-lint check): Microsoft's
 * eslint-plugin-office-addins React config, which checks Office.js load/sync order
 * (load-object-before-read, call-sync-before-read, no-context-sync-in-loop, ...), applied to
 * TypeScript files with the TypeScript parser.
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const TS_FILES = ["**/*.{ts,tsx}"];

/**
 * Files where the Office.js load/sync rules do not apply:
 * - code that works with ExcelJS, not Office.js: the rules recognise proxy objects by name
 *   (`getCell(...)`, `.value`), so ExcelJS's cells look like unloaded Office.js ranges;
 * - the in-memory Excel host (test/office-host), which implements those semantics and whose own
 *   tests read unloaded properties on purpose, to see them throw as in Excel.
 * The Office.js adapter (src/workbook/office.ts) and its tests stay under the rules.
 */
const NOT_OFFICE_JS_FILES = [
  "src/workbook/xlsx.ts",
  "test/workbook/xlsx.test.ts",
  "test/samples.test.ts",
  "test/golden/**",
  "test/e2e/**",
  "test/office-host/**",
];

export default [
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "out/"] },
  ...officeAddins.configs.react.map((config) => ({ ...config, files: TS_FILES })),
  {
    files: TS_FILES,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // TypeScript itself reports undefined names (and knows DOM, Node and Office.js globals).
      "no-undef": "off",
      // The automatic JSX runtime ("jsx": "react-jsx") needs no React in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Formatting is not checked: the project has no Prettier setup and keeps lines up to about
      // 160 characters; Prettier's 80-column default would rewrite every file.
      "prettier/prettier": "off",
      // Parameters that an interface requires but an implementation does not use start with "_".
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  {
    files: NOT_OFFICE_JS_FILES,
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
];
