/** Number formatting for the reports: Dutch text from the domain's formatter, and the domain's rounding (afronding.ts). */
import { formatGetal, formatPercentage } from "../domain/format";

/** Whole number with Dutch thousands separators: 7824 → "7.824".
 * @example nlInt(7824) === "7.824"; nlInt(1975.6) === "1.976" */
export function nlInt(n: number): string {
  return formatGetal(n, 0);
}

/** Fraction 0..1 as a Dutch percentage with at most one decimal: 0.125 → "12,5%". */
export const nlPct = formatPercentage;

/** Rounding to a step (Kerkrade rounds tasks to 5): the domain's one implementation, used by
 * every report. @example roundTo(1183, 5) === 1185 */
export { roundTo } from "../domain/afronding";
