/**
 * A deep copy of the in-memory host's workbook state (state.ts, cells.ts): every object, array,
 * Map, Set and typed array copied, each object with its own class (prototype) and own
 * properties, and references within the state (a table's sheet, a chart's series areas, the
 * active sheet, the selection) pointing into the copy, as often as in the original. Functions
 * and primitives are shared. For `ExcelHost.copy` (host.ts): a test that needs the same workbook
 * many times builds it once and copies it.
 */

/**
 * @param value anything made of plain objects, class instances, arrays (also sparse), Maps,
 *   Sets, typed arrays and Dates; cycles allowed.
 * @returns an equal value sharing no object with `value`.
 * @example const a = { n: [1, 2] }; const b = deepCopy(a); b.n.push(3); // a.n is still [1, 2]
 */
export function deepCopy<T>(value: T, seen: Map<object, unknown> = new Map()): T {
  if (typeof value !== "object" || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  let copy: object;
  if (ArrayBuffer.isView(value)) {
    copy = (value as unknown as Uint8Array).slice();
    seen.set(value, copy);
  } else if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = deepCopy(value[i], seen);
    copy = out;
  } else if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) out.set(deepCopy(k, seen), deepCopy(v, seen));
    copy = out;
  } else if (value instanceof Set) {
    const out = new Set();
    seen.set(value, out);
    for (const v of value) out.add(deepCopy(v, seen));
    copy = out;
  } else if (value instanceof Date) {
    copy = new Date(value.getTime());
    seen.set(value, copy);
  } else {
    const out = Object.create(Object.getPrototypeOf(value)) as Record<PropertyKey, unknown>;
    seen.set(value, out);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      if ("value" in d) d.value = deepCopy(d.value, seen);
      Object.defineProperty(out, key, d);
    }
    copy = out;
  }
  return copy as T;
}
