/**
 * Comparing gemeente names as users write them: every comparison of two gemeente names (the CBS
 * route, the cross checks, the rural gemeenten of the rules) goes through {@link gemeenteKey}, so
 * that "Gemeente Beekdaelen" and "beekdaelen" are one gemeente everywhere.
 */

/** Matching key of a gemeente name: lower case, no accents, without "gemeente" and without
 * spaces or punctuation ("Gemeente 's-Hertogenbosch" and "s Hertogenbosch" meet).
 * @example gemeenteKey("Gemeente 's-Hertogenbosch") === "shertogenbosch"; gemeenteKey("Gemeente Beekdaelen") === "beekdaelen"
 */
export function gemeenteKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/^\s*gemeente\s+/, "")
    .replace(/[^a-z0-9]/g, "");
}
