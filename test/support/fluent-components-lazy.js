/**
 * `@fluentui/react-components` for Jest, loaded package by package.
 *
 * The package's CommonJS entry (lib-commonjs/index.cjs) is a list of re-exports from about sixty
 * `@fluentui/react-*` packages, and it requires every one of them when it is required: about 1.2 s
 * of CPU per test file (Jest loads modules anew for every file) for trees, carousels, colour
 * pickers, navigation and the rest that the task pane never draws. This stand-in (jest.config.js,
 * moduleNameMapper) answers each named export from the package that the entry itself names for it
 * (its `get Name () { return _package.Name; }` and `const _package = require("...")` lines, read
 * from the installed entry), loaded on first use, so the components are the very same objects;
 * any name it cannot place comes from the full entry, so nothing is ever missing. The webpack
 * bundle is unaffected: it tree-shakes the real entry. A module first used after a
 * `jest.isolateModules` registry is gone would load into the current one: a test that loads
 * modules that way shares Fluent's modules with its own registry instead (entry.test.tsx).
 */
const fs = require("node:fs");
const path = require("node:path");
const { lazyExports } = require("./lazy-exports");

const root = path.dirname(require.resolve("@fluentui/react-components/package.json"));
const entry = path.join(root, "lib-commonjs", "index.cjs");
let full = null;
const fullEntry = () => (full ??= require(entry));

/** Export name → [package, name in that package], as the entry re-exports it. */
const places = new Map();
{
  const source = fs.readFileSync(entry, "utf8");
  const packages = new Map();
  for (const m of source.matchAll(/^const (_\w+) = require\("([^"]+)"\);$/gm)) packages.set(m[1], m[2]);
  for (const m of source.matchAll(/get (\w+) \(\) \{\s*return (_\w+)\.(\w+);/g)) {
    const pkg = packages.get(m[2]);
    if (pkg) places.set(m[1], [pkg, m[3]]);
  }
}

/** The export `name`, from its own package when the entry names one, else from the full entry. */
function find(name) {
  const place = places.get(name);
  const value = place ? require(require.resolve(place[0], { paths: [root] }))[place[1]] : undefined;
  return value === undefined ? fullEntry()[name] : value;
}

module.exports = lazyExports(find);
