/**
 * fast-check's seed for every property test (jest `setupFiles`). With FC_SEED set (.ci/run sets
 * it) every run uses that seed, so a CI run is reproducible and cannot turn red by the luck of the
 * draw; without it each run draws a fresh seed, which finds more over time, and fast-check prints
 * the seed of a failing property so that `FC_SEED=<seed> npx jest <file>` replays it.
 */
"use strict";
const fc = require("fast-check");

if (process.env.FC_SEED) {
  const seed = Number(process.env.FC_SEED);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be a whole number, not '${process.env.FC_SEED}'`);
  fc.configureGlobal({ seed });
}
