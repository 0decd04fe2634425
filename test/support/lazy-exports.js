/**
 * A module object for Jest's moduleNameMapper whose named exports are looked up on first use
 * (the Fluent UI stand-ins: fluent-components-lazy.js, fluent-icons-lazy.js).
 *
 * @param find name → the export's value, or undefined when the name is not exported; called at
 *   most once per name (the answer, undefined included, is remembered).
 * @returns a Proxy that answers `module.name` and `name in module` through `find`, and marks
 *   itself `__esModule` so that TypeScript's CommonJS interop reads named exports from it.
 */
function lazyExports(find) {
  const cache = new Map();
  const lookup = (name) => {
    if (cache.has(name)) return cache.get(name);
    const value = find(name);
    cache.set(name, value);
    return value;
  };
  return new Proxy(
    { __esModule: true },
    {
      get(target, name) {
        if (typeof name !== "string" || name in target) return target[name];
        return lookup(name);
      },
      has(target, name) {
        return typeof name === "string" && (name in target || lookup(name) !== undefined);
      },
    },
  );
}

module.exports = { lazyExports };
