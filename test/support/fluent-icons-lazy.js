/**
 * `@fluentui/react-icons` for Jest, loaded icon by icon.
 *
 * The package's CommonJS entry (lib-cjs/index.cjs) creates every one of its several thousand
 * icon components when it is required: about a second per test file, because Jest loads modules
 * anew for every file, and Fluent UI's own components require that entry. The package also ships
 * each icon family as a module of its own (lib-cjs/atoms/svg/<name>.cjs, the `./svg/*` export in
 * its package.json), with the same components. This stand-in (jest.config.js, moduleNameMapper)
 * answers each named export from that family's module, loaded on first use, and the package's
 * utilities (bundleIcon, ...) from its `./utils` entry; any name it cannot place comes from the
 * full entry, so nothing is ever missing. The webpack bundle is unaffected: it tree-shakes the real entry.
 * A test that loads modules in a `jest.isolateModules` registry shares this module with its own
 * registry instead (entry.test.tsx), so that icons are never loaded after that registry is gone.
 */
const fs = require("node:fs");
const path = require("node:path");
const { lazyExports } = require("./lazy-exports");

const root = path.dirname(require.resolve("@fluentui/react-icons/package.json"));
const atoms = path.join(root, "lib-cjs", "atoms", "svg");
let full = null;
let utils = null;
const utilsEntry = () => (utils ??= require(path.join(root, "lib-cjs", "utils.cjs")));
const fullEntry = () => (full ??= require(path.join(root, "lib-cjs", "index.cjs")));

/** "ArrowDownload24Regular" → "arrow-download" (the family's module), or null. */
function family(name) {
  const m = /^([A-Z][A-Za-z0-9]*?)(\d+)?(Regular|Filled|Light|Color)$/.exec(name);
  if (!m) return null;
  return m[1].replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Za-z])(\d)/g, "$1-$2").toLowerCase();
}

/** The export `name`: an icon from its family's module, a utility from `./utils`, else from the full entry. */
function find(name) {
  let value;
  const file = family(name);
  if (file !== null) {
    const modulePath = path.join(atoms, `${file}.cjs`);
    if (fs.existsSync(modulePath)) value = require(modulePath)[name];
  } else value = utilsEntry()[name];
  return value === undefined ? fullEntry()[name] : value;
}

module.exports = lazyExports(find);
