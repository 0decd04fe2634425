/**
 * Small seeded pseudo-random generator for the sample builder (scripts/build-samples.js; the
 * synthetic stock in scripts/samples/stock/ draws from it).
 *
 * mulberry32: a 32-bit generator with a single integer state. Same seed, same sequence, on every
 * platform (only 32-bit integer arithmetic via Math.imul and >>> 0). Not for cryptography.
 */
"use strict";

/** Returns a generator object with helpers, all drawing from one mulberry32 stream. */
function createRandom(seed) {
  let state = seed >>> 0;

  /** Next float in [0, 1). */
  function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Float in [min, max). */
  function float(min, max) {
    return min + (max - min) * next();
  }

  /** Integer in [min, max] (both inclusive). */
  function int(min, max) {
    return min + Math.floor(next() * (max - min + 1));
  }

  /** True with probability p. */
  function chance(p) {
    return next() < p;
  }

  /** One element of a non-empty array. */
  function pick(items) {
    return items[Math.floor(next() * items.length)];
  }

  /** One element of `items`, chosen with the matching non-negative `weights`. */
  function weighted(items, weights) {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Fisher-Yates shuffle of a copy of the array. */
  function shuffle(items) {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  return { next, float, int, chance, pick, weighted, shuffle };
}

module.exports = { createRandom };
