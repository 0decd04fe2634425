/** Growing the typed arrays of the column-wise domain state (complexes.ts, classify.ts). */

/** The typed arrays the domain grows. */
export type GrowableArray = Int8Array | Uint8Array | Int32Array | Uint32Array | Float64Array;

/**
 * A new array of the same kind as `a` with room for `capacity` elements (≥ `a.length`), `a`'s
 * elements first and zeros after them.
 * @throws RangeError when `capacity` is below `a.length` (from `TypedArray.prototype.set`).
 */
export function grown<T extends GrowableArray>(a: T, capacity: number): T {
  const b = new (a.constructor as new (length: number) => T)(capacity);
  b.set(a);
  return b;
}
