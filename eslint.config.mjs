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

/**
 * The layers of src/ and the directions they may import in (docs/architecture.md): each folder
 * may import the folders to its right only, never a folder to its left.
 *
 *   browser, taskpane, cli → session → report → analysis → workbook → ingest → domain
 *
 * with two narrow exceptions: the workbook adapters read `ingest/types.ts` (cells, raw tables) and
 * write `report/sheet-model.ts` (the sheet models) with `report/format.ts`'s numbers, but import
 * nothing else of ingest or report; the browser page's `index.tsx` renders the task pane's `App`.
 * `no-restricted-imports` enforces it (test/architecture/layers.test.ts shows a forbidden import
 * failing); import cycles are checked by the same test.
 */
const LAYER_NAMES = ["domain", "ingest", "workbook", "analysis", "report", "session", "cli", "taskpane", "browser"];

/** `no-restricted-imports` options forbidding the given folders of src/ (plus extra patterns). */
function forbid(layer, folders, extra = []) {
  return ["error", {
    patterns: [
      ...folders.map((folder) => ({
        group: [`**/${folder}/*`, `**/${folder}`],
        message: `src/${layer}/ may not import src/${folder}/ (layers and directions: docs/architecture.md).`,
      })),
      ...extra,
    ],
  }];
}

/** The folders each layer may not import (everything above it). */
const FORBIDDEN = {
  domain: ["ingest", "workbook", "analysis", "report", "session", "cli", "taskpane", "browser"],
  ingest: ["workbook", "analysis", "report", "session", "cli", "taskpane", "browser"],
  workbook: ["analysis", "session", "cli", "taskpane", "browser"],
  analysis: ["report", "session", "cli", "taskpane", "browser"],
  report: ["workbook", "session", "cli", "taskpane", "browser"],
  session: ["cli", "taskpane", "browser"],
  cli: ["session", "taskpane", "browser"],
  taskpane: ["cli", "browser"],
  browser: ["cli", "taskpane"],
};

/** The workbook adapters' two exceptions: of ingest only the cell types, of report only the sheet
 * models and number formats. */
const WORKBOOK_EXTRA = [
  {
    group: ["**/ingest/*", "!**/ingest/types"],
    message: "src/workbook/ reads rows and writes sheet models: of src/ingest/ it may import only types.ts (docs/architecture.md).",
  },
  {
    group: ["**/report/*", "!**/report/sheet-model", "!**/report/format"],
    message: "src/workbook/ writes sheet models: of src/report/ it may import only sheet-model.ts and format.ts (docs/architecture.md).",
  },
];

/** The layers below the pages, which run in Node (CLI, tests) and in a web worker as well as in a
 * page: no DOM. Handing a file to the browser is the task pane's (src/taskpane/save-blob.ts). */
const NO_DOM_LAYERS = ["domain", "ingest", "workbook", "analysis", "report", "session", "cli"];
const DOM_GLOBALS = ["document", "window", "navigator", "localStorage", "sessionStorage"].map((name) => ({
  name,
  message: `'${name}' is the DOM's: src/{${NO_DOM_LAYERS.join(",")}}/ run without one (Node, web worker); keep it in src/taskpane or src/browser.`,
}));

/** The task pane's plain modules (`*.ts`: pure form modules, hooks) serve its components
 * (`*.tsx`: App, OutsideExcel, steps/) and import none of them: what both need (a type such as
 * `RulesOrigin`) lives in a plain module. */
const TASKPANE_PLAIN_EXTRA = [
  {
    group: ["**/steps/*", "**/steps", "**/App", "**/OutsideExcel"],
    message: "A plain module of src/taskpane/ (.ts) may not import a component (.tsx): move what both need into a plain module (docs/architecture.md).",
  },
];

const LAYER_RULES = [
  { files: NO_DOM_LAYERS.map((layer) => `src/${layer}/**/*.{ts,tsx}`), rules: { "no-restricted-globals": ["error", ...DOM_GLOBALS] } },
  ...LAYER_NAMES.map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { "no-restricted-imports": forbid(layer, FORBIDDEN[layer], layer === "workbook" ? WORKBOOK_EXTRA : []) },
  })),
  { files: ["src/taskpane/**/*.ts"], rules: { "no-restricted-imports": forbid("taskpane", FORBIDDEN.taskpane, TASKPANE_PLAIN_EXTRA) } },
  // The browser page renders the task pane's components; its worker and client do not import them.
  { files: ["src/browser/index.tsx"], rules: { "no-restricted-imports": forbid("browser", ["cli"]) } },
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
  ...LAYER_RULES,
];
