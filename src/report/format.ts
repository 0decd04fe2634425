/** Number formatting for the reports: Dutch text from the domain's formatter, and rounding for sheets. */
import { formatGetal, formatPercentage } from "../domain/format";

/** Whole number with Dutch thousands separators: 7824 → "7.824". */
export function nlInt(n: number): string {
  return formatGetal(n, 0);
}

/** Fraction 0..1 as a Dutch percentage with at most one decimal: 0.125 → "12,5%". */
export const nlPct = formatPercentage;

/** Rounds to the nearest multiple of `step` (Kerkrade rounds tasks to 5); `null` leaves n as is. */
export function roundTo(n: number, step: number | null | undefined): number {
  if (!step) return n;
  return Math.round(n / step) * step;
}
