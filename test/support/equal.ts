/**
 * `expect(actual).toEqual(expected)` for large plain data (workbook snapshots of the in-memory
 * Excel host: hundreds of thousands of cells). Jest's `toEqual` walks such data slowly (seconds
 * per call); Node's `util.isDeepStrictEqual` is an order of magnitude faster and stricter (it also
 * tells `undefined` properties and missing ones apart), so when it holds, `toEqual` holds too. Only
 * when it does not is `toEqual` run, which then decides and prints the readable difference.
 */
import { isDeepStrictEqual } from "node:util";

export function expectEqualData(actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual).toEqual(expected);
}
