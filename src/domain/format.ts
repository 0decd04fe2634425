/**
 * Dutch formatting of numbers and lists for reasons, warnings and issue messages.
 * Uses the runtime's Intl data for nl-NL (Node and every current browser ship it).
 * Only for text: result numbers are never rounded.
 */

const GETAL = [0, 1, 2, 3, 4].map((d) => new Intl.NumberFormat("nl-NL", { maximumFractionDigits: d, useGrouping: true }));

/**
 * A number in Dutch notation through the standard `Intl.NumberFormat("nl-NL")`: thousands
 * separated by ".", decimals after ",", at most `decimals` decimals (text only; 0..4, default 2).
 * Negative zero prints as "0".
 * @example formatGetal(7824) === "7.824"; formatGetal(-227) === "-227"; formatGetal(12.5) === "12,5"; formatGetal(2 / 3) === "0,67"; formatGetal(1975.4, 0) === "1.975"; formatGetal(-0) === "0"
 */
export function formatGetal(n: number, decimals = 2): string {
  // A whole number below 1000 in absolute value has no separator and no decimals: its plain
  // digits are the Dutch notation (tested against Intl for every such number). Most numbers in
  // reasons are (dwellings of a complex); Intl's format costs about a microsecond a call.
  if (n > -1000 && n < 1000 && (n | 0) === n) return String(n);
  if (!Number.isFinite(n)) return String(n);
  const text = GETAL[Math.min(Math.max(decimals, 0), 4)].format(n);
  return text === "-0" ? "0" : text;
}

/**
 * A fraction (0..1) as a Dutch percentage, at most one decimal (text only).
 * @example formatPercentage(0.7) === "70%"; formatPercentage(0.625) === "62,5%"; formatPercentage(0.0412) === "4,1%"
 */
export function formatPercentage(fraction: number): string {
  const tenths = Math.round(fraction * 1000);
  const whole = Math.trunc(tenths / 10);
  const rest = Math.abs(tenths % 10);
  return `${whole}${rest === 0 ? "" : "," + rest}%`;
}

/**
 * Dutch enumeration: ["a"] → "a"; ["a", "b"] → "a en b"; ["a", "b", "c"] → "a, b en c".
 * @param last conjunction before the last item ("en" or "of").
 * @example formatLijst(["Kerkrade", "Heerlen", "Landgraaf"]) === "Kerkrade, Heerlen en Landgraaf"; formatLijst(["BAT 3", "BAT 4"], "of") === "BAT 3 of BAT 4"; formatLijst([]) === ""
 */
export function formatLijst(items: readonly string[], last: "en" | "of" = "en"): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** "1 woning" / "7.824 woningen": a dwelling count with the right Dutch noun.
 * @example formatWoningen(1) === "1 woning"; formatWoningen(7824) === "7.824 woningen"; formatWoningen(0) === "0 woningen" */
export function formatWoningen(n: number): string {
  return `${formatGetal(n)} ${n === 1 ? "woning" : "woningen"}`;
}

/** Sort order for group names: Dutch collation, null (unknown) after every text. Uses
 * `localeCompare(b, "nl")`, which V8 serves from a cached collator: faster than the `compare` of
 * one `Intl.Collator("nl")` made once (docs/performance.md).
 * @example [null, "b", "a"].sort(compareNullLast) === ["a", "b", null] */
export function compareNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, "nl");
}
