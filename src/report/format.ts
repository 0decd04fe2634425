/** Dutch number formatting for messages and notes ("7.824", "12,5%"). */
const INT = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const DEC = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

/** Whole number with Dutch thousands separators: 7824 → "7.824". */
export function nlInt(n: number): string {
  return INT.format(n);
}

/** Fraction 0..1 as a Dutch percentage with at most one decimal: 0.125 → "12,5%". */
export function nlPct(fraction: number): string {
  return `${DEC.format(fraction * 100)}%`;
}

/** Rounds to the nearest multiple of `step` (Kerkrade rounds tasks to 5); `null` leaves n as is. */
export function roundTo(n: number, step: number | null | undefined): number {
  if (!step) return n;
  return Math.round(n / step) * step;
}
