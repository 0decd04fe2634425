/**
 * BAT scale helpers: codes, Dutch labels and validity of BAT levels on the two scales in use.
 *
 * Sources:
 * - Limburg 0-4 scale ("Wonen en zorg in balans", Wonen Zuid / Questan, on top of Job Haug's BAT
 *   system): 0 ongeschikt, 1 wandelstokgeschikt, 2 rollatorbewoonbaar, 3 rolstoelbewoonbaar,
 *   4 geschikt voor verpleegzorg (Kerkrade, Lokaal meerjarig kader prestatieafspraken 2021-2025).
 * - VERA code list BATSCORE (Aedes datastandaarden, June 2025): BAT1 Nultrapswoning,
 *   BAT2 Rollator bezoekbaar, BAT3 Rolstoel bezoekbaar, BAT4 Rolstoel woonbaar, BAT5 Zorg.
 */
import type { BatScale } from "./types";

const LIMBURG_CODES: readonly string[] = Object.freeze(["0", "1", "2", "3", "4"]);
const VERA_CODES: readonly string[] = Object.freeze(["BAT1", "BAT2", "BAT3", "BAT4", "BAT5"]);

const LIMBURG_LABELS: readonly string[] = Object.freeze([
  "ongeschikt",
  "wandelstokgeschikt",
  "rollatorbewoonbaar",
  "rolstoelbewoonbaar",
  "geschikt voor verpleegzorg",
]);
const VERA_LABELS: readonly string[] = Object.freeze([
  "Nultrapswoning",
  "Rollator bezoekbaar",
  "Rolstoel bezoekbaar",
  "Rolstoel woonbaar",
  "Zorg",
]);

/** Lowest valid level on a scale: limburg 0, vera 1.
 * @example minLevel("limburg") === 0; minLevel("vera") === 1 */
export function minLevel(scale: BatScale): number {
  return scale === "limburg" ? 0 : 1;
}

/** Highest valid level on a scale: limburg 4, vera 5.
 * @example maxLevel("limburg") === 4; maxLevel("vera") === 5 */
export function maxLevel(scale: BatScale): number {
  return scale === "limburg" ? 4 : 5;
}

/**
 * Whether `level` is a BAT level on `scale`: a whole number in 0..4 (limburg) or 1..5 (vera).
 * @returns false for non-integers, NaN and out-of-range numbers; never throws.
 * @example isValidLevel(0, "limburg") === true; isValidLevel(0, "vera") === false; isValidLevel(2.5, "limburg") === false; isValidLevel(NaN, "vera") === false
 */
export function isValidLevel(level: number, scale: BatScale): boolean {
  return Number.isInteger(level) && level >= minLevel(scale) && level <= maxLevel(scale);
}

/**
 * Code of a BAT level as used in tables and JSON: limburg "0".."4", vera "BAT1".."BAT5".
 * @throws RangeError when `level` is not valid on `scale` (a programming error: validate data
 *   with `isValidLevel` first; data problems are reported as issues by the callers).
 * @example batCode(3, "limburg") === "3"; batCode(3, "vera") === "BAT3"
 */
export function batCode(level: number, scale: BatScale): string {
  if (!isValidLevel(level, scale)) {
    throw new RangeError(`BAT level ${level} does not exist on the ${scale} scale`);
  }
  return scale === "limburg" ? LIMBURG_CODES[level] : VERA_CODES[level - 1];
}

/** All codes of a scale, from low to high: limburg ["0".."4"], vera ["BAT1".."BAT5"]. A new array on each call.
 * @example batCodes("limburg") === ["0", "1", "2", "3", "4"]; batCodes("vera") === ["BAT1", "BAT2", "BAT3", "BAT4", "BAT5"] */
export function batCodes(scale: BatScale): string[] {
  return (scale === "limburg" ? LIMBURG_CODES : VERA_CODES).slice();
}

/**
 * Level of a code on a scale, or null when the code does not belong to that scale.
 * Accepts exactly the codes of `batCodes(scale)` (no trimming or case folding: ingest normalises).
 * @example batLevelFromCode("BAT4", "vera") === 4; batLevelFromCode("BAT4", "limburg") === null
 */
export function batLevelFromCode(code: string, scale: BatScale): number | null {
  const i = (scale === "limburg" ? LIMBURG_CODES : VERA_CODES).indexOf(code);
  return i < 0 ? null : i + minLevel(scale);
}

/**
 * The scale a category code belongs to by its form: "0".."4" → limburg, "BAT1".."BAT5" → vera,
 * anything else → null. Used to detect demand tables on the other scale than the stock.
 * @example scaleOfCode("3") === "limburg"; scaleOfCode("BAT5") === "vera"; scaleOfCode("BAT 4") === null; scaleOfCode("5") === null
 */
export function scaleOfCode(code: string): BatScale | null {
  if (LIMBURG_CODES.includes(code)) return "limburg";
  if (VERA_CODES.includes(code)) return "vera";
  return null;
}

/**
 * Dutch label of a BAT level (docs/handleiding.md §3, "Twee BAT-schalen"): limburg 0 "ongeschikt" .. 4 "geschikt voor
 * verpleegzorg"; vera BAT1 "Nultrapswoning" .. BAT5 "Zorg".
 * @throws RangeError when `level` is not valid on `scale` (programming error, see `batCode`).
 * @example batLabel(4, "limburg") === "geschikt voor verpleegzorg"; batLabel(1, "vera") === "Nultrapswoning"
 */
export function batLabel(level: number, scale: BatScale): string {
  if (!isValidLevel(level, scale)) {
    throw new RangeError(`BAT level ${level} does not exist on the ${scale} scale`);
  }
  return scale === "limburg" ? LIMBURG_LABELS[level] : VERA_LABELS[level - 1];
}

/**
 * How a level reads in Dutch text: limburg "BAT 3", vera "BAT3" (the VERA code itself).
 * Does not validate; for messages only.
 * @example batText(3, "limburg") === "BAT 3"; batText(3, "vera") === "BAT3"
 */
export function batText(level: number, scale: BatScale): string {
  return scale === "limburg" ? `BAT ${level}` : `BAT${level}`;
}

/**
 * Dutch name of a scale for messages, without an article: the one wording of every message
 * that names a scale (ingest and domain alike).
 * @example scaleName("limburg") === "Limburgse schaal 0-4"; `op de ${scaleName("vera")}` === "op de VERA-schaal BAT1-BAT5"
 */
export function scaleName(scale: BatScale): string {
  return scale === "limburg" ? "Limburgse schaal 0-4" : "VERA-schaal BAT1-BAT5";
}
