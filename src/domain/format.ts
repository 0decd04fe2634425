/**
 * Dutch formatting of numbers and lists for reasons, warnings and issue messages.
 * Deterministic (no locale data from the runtime), so messages are the same everywhere.
 * Only for text: result numbers are never rounded.
 */

/**
 * A number in Dutch notation: thousands separated by ".", decimals after ",", at most two
 * decimals (text only).
 * @example formatGetal(7824) === "7.824"; formatGetal(-227) === "-227"; formatGetal(12.5) === "12,5"
 */
export function formatGetal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const rounded = Math.round(Math.abs(n) * 100) / 100;
  const whole = Math.floor(rounded);
  const cents = Math.round((rounded - whole) * 100);
  const digits = String(whole);
  let grouped = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ".";
    grouped += digits[i];
  }
  let fraction = "";
  if (cents > 0) fraction = "," + (cents % 10 === 0 ? String(cents / 10) : String(cents).padStart(2, "0"));
  return (negative && (whole > 0 || cents > 0) ? "-" : "") + grouped + fraction;
}

/**
 * A fraction (0..1) as a Dutch percentage, at most one decimal (text only).
 * @example formatPercentage(0.7) === "70%"; formatPercentage(0.625) === "62,5%"
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
 */
export function formatLijst(items: readonly string[], last: "en" | "of" = "en"): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** "1 woning" / "7.824 woningen": a dwelling count with the right Dutch noun. */
export function formatWoningen(n: number): string {
  return `${formatGetal(n)} ${n === 1 ? "woning" : "woningen"}`;
}

/** Sort order for group names: Dutch collation, null (unknown) after every text. */
export function compareNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, "nl");
}
