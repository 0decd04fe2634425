/**
 * The one seeded pseudo-random generator of the repository, for tests: scripts/lib-random.js
 * (mulberry32; the sample builder and the bench generator use it too), with its types. Same seed,
 * same sequence, on every platform. Not for cryptography.
 */

/** A generator: every helper draws from the one stream of `next`. The functions do not use
 * `this`, so `const rand = createRandom(1).next` is fine. */
export interface Random {
  /** Next float in [0, 1). */
  next(): number;
  /** Float in [min, max). */
  float(min: number, max: number): number;
  /** Integer in [min, max], both inclusive: `int(0, n - 1)` is an index into n items. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element of `items`, chosen with the matching non-negative `weights`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

// A CommonJS script of the repository (scripts/ is plain Node), loaded as the e2e tests load theirs.
const lib = require("../../scripts/lib-random.js") as { createRandom(seed: number): Random };

/**
 * A generator seeded with `seed` (taken as an unsigned 32-bit integer).
 * @example createRandom(7).int(0, 9) === createRandom(7).int(0, 9)
 */
export function createRandom(seed: number): Random {
  return lib.createRandom(seed);
}
