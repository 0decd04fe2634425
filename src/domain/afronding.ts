/**
 * Rounding of result figures to a step (issue 10 item 5, "one rounding everywhere"): Kerkrade
 * rounds its opgave to 5 (`rules.tekort.afronden`, `--afronden 5`). The one implementation: the
 * domain uses it in its Dutch notes (whatif-aggregaat.ts), and the reports (src/report/format.ts
 * re-exports it) on the sheets, in the JSON and in the terminal, so every output shows the same
 * figure. Pure.
 */

/**
 * Rounds to the nearest multiple of `step` (`Math.round`: halves upwards); a `step` of null,
 * undefined or 0 leaves `n` as is.
 * @param n a figure in dwellings; @param step the rounding step in dwellings (e.g. 5).
 * @example roundTo(1183, 5) === 1185; roundTo(-227, 5) === -225; roundTo(1183, null) === 1183
 */
export function roundTo(n: number, step: number | null | undefined): number {
  if (!step) return n;
  return Math.round(n / step) * step;
}
