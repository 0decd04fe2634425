/**
 * Text normalisation for matching headers and category labels.
 *
 * Two strengths: `normaliseHeader` squashes a column header to a compact key so that
 * "VHE-nummer", "vhe nummer" and "VHE_Nummer" meet; `normaliseLabel` only tidies case and
 * spaces, for labels whose words still matter ("nultreden in regulier wonen").
 */

/** Combining diacritical marks, removed after NFD decomposition ("é" → "e"). */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Characters dropped from headers: whitespace, hyphens/dashes, underscores, dots, slashes,
 * brackets and quotes. "+" and "%" are kept because "55+" and "% 55+" carry meaning. */
const HEADER_NOISE = /[\s\-\u2010-\u2015_./\\()[\]{}'"\u2018\u2019:;,*]/g;

/**
 * Squashes a header text to its matching key.
 *
 * Lower case, accents stripped, and whitespace, hyphens, underscores, dots, slashes,
 * backslashes, brackets, parentheses, quotes, colons, semicolons, commas and asterisks removed.
 * Examples: "VHE-nummer" → "vhenummer"; "Aandeel 55+ (%)" → "aandeel55+%";
 * "Toegankelijkheid (BAT)" → "toegankelijkheidbat"; "Eénheid" → "eenheid".
 *
 * @param text header cell text.
 * @returns the key; "" when nothing is left.
 * @example normaliseHeader("VHE-nummer") === "vhenummer"; normaliseHeader("Aandeel 55+ (%)") === "aandeel55+%"; normaliseHeader("Toegankelijkheid (BAT)") === "toegankelijkheidbat"; normaliseHeader("Eénheid") === "eenheid"
 */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(COMBINING_MARKS, "").replace(HEADER_NOISE, "");
}

/** Runs of whitespace, including non-breaking and narrow spaces. */
const WHITESPACE_RUN = /\s+/g;

/**
 * Tidies a category or group label: lower case, runs of whitespace (also line breaks and
 * non-breaking spaces) collapsed to one space, trimmed. Accents and punctuation are kept.
 * Example: "  Nultreden   in regulier\nwonen " → "nultreden in regulier wonen".
 *
 * @param text label text.
 * @returns the tidied label.
 * @example normaliseLabel("  Nultreden   in regulier\nwonen ") === "nultreden in regulier wonen"; normaliseLabel("Geclusterd\u00a0wonen") === "geclusterd wonen"
 */
export function normaliseLabel(text: string): string {
  return text.toLowerCase().replace(WHITESPACE_RUN, " ").trim();
}

/**
 * Removes parenthesised and bracketed parts from a text: "BAT-score (0-4)" → "BAT-score ".
 * Used to try a header once more without its qualifier.
 *
 * @param text header text.
 * @returns the text without "(...)" and "[...]" parts (not trimmed).
 * @example stripBracketed("BAT-score (0-4)") === "BAT-score  "; stripBracketed("Aantal [vhe]") === "Aantal  "
 */
export function stripBracketed(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]/g, " ");
}
