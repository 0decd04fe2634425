/** Number formatting for the reports: Dutch text from the domain's formatter, and rounding for sheets. */
import { formatGetal, formatPercentage } from "../domain/format";

/** Whole number with Dutch thousands separators: 7824 → "7.824".
 * @example nlInt(7824) === "7.824"; nlInt(1975.6) === "1.976" */
export function nlInt(n: number): string {
  return formatGetal(n, 0);
}

/** Fraction 0..1 as a Dutch percentage with at most one decimal: 0.125 → "12,5%". */
export const nlPct = formatPercentage;

/** Rounds to the nearest multiple of `step` (Kerkrade rounds tasks to 5); `null` leaves n as is.
 * @example roundTo(1183, 5) === 1185; roundTo(-227, 5) === -225; roundTo(1183, null) === 1183 */
export function roundTo(n: number, step: number | null | undefined): number {
  if (!step) return n;
  return Math.round(n / step) * step;
}
