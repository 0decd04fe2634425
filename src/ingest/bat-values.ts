/**
 * Reading one BAT value (a stock cell, or a column header of a wide BAT table).
 *
 * Two scales exist (docs/handleiding.md §3, "Twee BAT-schalen"): the Limburg 0-4 scale ("BAT-score": 0 ongeschikt,
 * 1 wandelstokgeschikt, 2 rollatorbewoonbaar, 3 rolstoelbewoonbaar, 4 geschikt voor
 * verpleegzorg) and the VERA code list BATSCORE (Aedes, June 2025: BAT1 Nultrapswoning,
 * BAT2 Rollator bezoekbaar, BAT3 Rolstoel bezoekbaar, BAT4 Rolstoel woonbaar, BAT5 Zorg).
 * The form of a value tells the scale where it can; a plain number does not, and is read on
 * the scale the caller says.
 */
import type { BatScale } from "../domain/types";
import type { CellValue } from "./types";
import { isMissing, parseDutchNumber } from "./cells";
import { normaliseLabel } from "./normalise";
import { quoteValue } from "./messages";

/**
 * Form in which a BAT value was written:
 * - `limburg`: "BAT 2" (with a space, hyphen or underscore), "BAT0", or a Limburg label
 *   ("rollatorbewoonbaar");
 * - `vera`: a VERA code without space ("BAT2", "bat2", optionally followed by the VERA name)
 *   or a VERA name ("Rollator bezoekbaar");
 * - `getal`: a plain number (2, "2"); its scale follows the table (see `numericScale`).
 */
export type BatForm = "limburg" | "vera" | "getal";

/** Machine codes of BAT read errors, used as `Issue.code`. */
export type BatErrorCode = "bat-buiten-bereik" | "bat-geen-geheel-getal" | "bat-onleesbaar" | "bat-tegenstrijdig";

/** A read BAT value (`level` on the scale of `form`) or an error with a Dutch explanation
 * (without cell address; the caller adds sheet and cell). */
export type BatParse = { level: number; form: BatForm } | { error: string; code: BatErrorCode };

/** Allowed levels per scale: Limburg 0..4, VERA 1..5. */
export const BAT_RANGE: Readonly<Record<BatScale, { min: number; max: number }>> = {
  limburg: { min: 0, max: 4 },
  vera: { min: 1, max: 5 },
};

/** Limburg labels by level 0..4 (docs/handleiding.md §3, "Twee BAT-schalen"). */
export const LIMBURG_NAMES: readonly string[] = [
  "ongeschikt", "wandelstokgeschikt", "rollatorbewoonbaar", "rolstoelbewoonbaar", "geschikt voor verpleegzorg",
];

/** VERA BATSCORE names by level 1..5 (index 0 unused). Source: vera-referentiedata-woonzorg.csv. */
export const VERA_NAMES: readonly string[] = [
  "", "Nultrapswoning", "Rollator bezoekbaar", "Rolstoel bezoekbaar", "Rolstoel woonbaar", "Zorg",
];

/** Names (letters only, lower case) → level and scale. Compiled once. */
const NAME_LOOKUP: ReadonlyMap<string, { level: number; form: "limburg" | "vera" }> = new Map<string, { level: number; form: "limburg" | "vera" }>([
  ["ongeschikt", { level: 0, form: "limburg" }],
  ["wandelstokgeschikt", { level: 1, form: "limburg" }],
  ["rollatorbewoonbaar", { level: 2, form: "limburg" }],
  ["rolstoelbewoonbaar", { level: 3, form: "limburg" }],
  ["verpleegzorg", { level: 4, form: "limburg" }],
  ["geschiktvoorverpleegzorg", { level: 4, form: "limburg" }],
  ["verpleegzorggeschikt", { level: 4, form: "limburg" }],
  ["nultrapswoning", { level: 1, form: "vera" }],
  ["rollatorbezoekbaar", { level: 2, form: "vera" }],
  ["rolstoelbezoekbaar", { level: 3, form: "vera" }],
  ["rolstoelwoonbaar", { level: 4, form: "vera" }],
  ["zorg", { level: 5, form: "vera" }],
]);

/** Letters only, lower case: "Rollator bezoekbaar" → "rollatorbezoekbaar". */
function lettersOnly(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) out += ch;
    else if (c >= 65 && c <= 90) out += ch.toLowerCase();
  }
  return out;
}

/**
 * Looks up a BAT name (Limburg label or VERA name) in any spelling: case, spaces and
 * punctuation are ignored ("Rollator-bewoonbaar", "geschikt voor verpleegzorg").
 *
 * @returns level and scale, or null.
 * @example lookupBatName("Rollator-bewoonbaar") === { level: 2, form: "limburg" }; lookupBatName("Rolstoel woonbaar") === { level: 4, form: "vera" }; lookupBatName("goed") === null
 */
export function lookupBatName(text: string): { level: number; form: "limburg" | "vera" } | null {
  return NAME_LOOKUP.get(lettersOnly(text)) ?? null;
}

/** Scale a form belongs to, given the scale for plain numbers.
 * @example formScale("getal", "vera") === "vera"; formScale("limburg", "vera") === "limburg" */
export function formScale(form: BatForm, numericScale: BatScale): BatScale {
  return form === "getal" ? numericScale : form;
}

/** "0 t/m 4 (Limburgse schaal)" or "BAT1 t/m BAT5 (VERA-schaal)".
 * @example allowedText("vera") === "BAT1 t/m BAT5 (VERA-schaal)"; allowedText("limburg").startsWith("0 t/m 4 (Limburgse schaal") === true */
export function allowedText(scale: BatScale): string {
  return scale === "limburg"
    ? "0 t/m 4 (Limburgse schaal: ook 'BAT 0' t/m 'BAT 4' of 'ongeschikt' t/m 'verpleegzorg')"
    : "BAT1 t/m BAT5 (VERA-schaal)";
}

function outOfRange(raw: string, scale: BatScale, form: BatForm): BatParse {
  const hint = scale === "limburg"
    ? form === "getal"
      ? " Gebruikt het bestand de VERA-schaal (BAT1 t/m BAT5), kies dan die schaal in de instellingen."
      : " Een VERA-code schrijf je zonder spatie (BAT5)."
    : "";
  return { code: "bat-buiten-bereik", error: `BAT-score '${raw}' bestaat niet; toegestaan is ${allowedText(scale)}.${hint}` };
}

function inRange(level: number, scale: BatScale): boolean {
  const r = BAT_RANGE[scale];
  return level >= r.min && level <= r.max;
}

/** Results for whole numbers 0..5 read as plain numbers, shared (frozen) so that the common case
 * of a numeric BAT column allocates nothing per cell. */
const GETAL: readonly BatParse[] = [0, 1, 2, 3, 4, 5].map((level) => Object.freeze({ level, form: "getal" as const }));

/** Reads a plain number on `numericScale`. */
function fromNumber(n: number, raw: string, numericScale: BatScale): BatParse {
  if (!Number.isInteger(n)) {
    return { code: "bat-geen-geheel-getal", error: `BAT-score '${raw}' is geen heel getal; toegestaan is ${allowedText(numericScale)}.` };
  }
  if (!inRange(n, numericScale)) return outOfRange(raw, numericScale, "getal");
  return { level: n, form: "getal" };
}

/** Checks an optional name after a code ("BAT2 Rollator bezoekbaar") against the code. */
function checkName(rest: string, raw: string, level: number, form: "limburg" | "vera"): BatParse {
  const named = rest === "" ? null : lookupBatName(rest);
  if (named && (named.level !== level || named.form !== form)) {
    const codeText = form === "vera" ? `BAT${level}` : `BAT ${level}`;
    const nameText = named.form === "vera" ? `BAT${named.level} (VERA)` : `BAT ${named.level} (Limburgse schaal)`;
    return {
      code: "bat-tegenstrijdig",
      error: `BAT-score '${raw}' is tegenstrijdig: de code zegt ${codeText}, de naam hoort bij ${nameText}. Corrigeer code of naam.`,
    };
  }
  return { level, form };
}

const SEPARATORS = " -_.:\u2013";

function unreadable(raw: string, numericScale: BatScale): BatParse {
  return {
    code: "bat-onleesbaar",
    error: `'${raw}' is geen BAT-score; toegestaan is ${allowedText(numericScale)}` +
      (numericScale === "limburg" ? " of de VERA-codes BAT1 t/m BAT5." : "."),
  };
}

/** Reads text that starts with "bat". */
function fromBatText(t: string, raw: string, numericScale: BatScale): BatParse {
  let i = 3;
  let separated = false;
  while (i < t.length && SEPARATORS.includes(t[i])) {
    separated = true;
    i++;
  }
  const start = i;
  while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  if (i === start) {
    // "BAT rollatorbewoonbaar": a name with the word BAT in front.
    const named = lookupBatName(t.slice(start));
    return named ?? unreadable(raw, numericScale);
  }
  const level = Number(t.slice(start, i));
  if ((t[i] === "," || t[i] === ".") && i + 1 < t.length && t.charCodeAt(i + 1) >= 48 && t.charCodeAt(i + 1) <= 57) {
    const scale = separated || level === 0 ? "limburg" : "vera";
    return { code: "bat-geen-geheel-getal", error: `BAT-score '${raw}' is geen heel getal; toegestaan is ${allowedText(scale)}.` };
  }
  // No separator means a VERA code ("BAT2"); VERA has no BAT0, so "BAT0" can only be Limburg.
  const form: "limburg" | "vera" = separated || level === 0 ? "limburg" : "vera";
  if (!inRange(level, form)) return outOfRange(raw, form, form);
  return checkName(stripLeading(t.slice(i)), raw, level, form);
}

/** Removes separators and an opening bracket before a name: " - rollatorbewoonbaar" → "rollatorbewoonbaar". */
function stripLeading(s: string): string {
  let i = 0;
  while (i < s.length && (SEPARATORS.includes(s[i]) || s[i] === "(")) i++;
  return s.slice(i).trim();
}

/**
 * Reads one BAT value.
 *
 * - Number cell or numeric text ("2", " 3 "): form `getal`, read on `numericScale`
 *   (Limburg 0..4 unless the caller says VERA; then 1..5 = BAT1..BAT5). Decimals ("2,5") and
 *   numbers outside the range are errors; 5 is out of range on the Limburg scale.
 * - "BAT 2", "BAT-2", "bat_2" (separator before the digit), and "BAT0": form `limburg`, 0..4.
 * - "BAT2", "bat2" (no separator), optionally followed by the VERA name ("BAT2 Rollator
 *   bezoekbaar"): form `vera`, 1..5. A name that contradicts the code is an error.
 * - Limburg labels (ongeschikt, wandelstokgeschikt, rollatorbewoonbaar, rolstoelbewoonbaar,
 *   verpleegzorg / geschikt voor verpleegzorg) → `limburg`; VERA names (Nultrapswoning,
 *   Rollator bezoekbaar, Rolstoel bezoekbaar, Rolstoel woonbaar, Zorg) → `vera`.
 * - A number followed by a name ("0 - ongeschikt", "2 rollatorbewoonbaar"): the name gives
 *   the scale and must agree with the number.
 * - Booleans, dates and other text: error `bat-onleesbaar`.
 *
 * @param v one cell as read.
 * @param numericScale scale for plain numbers (default "limburg").
 * @returns null when the cell is missing (see `isMissing`), otherwise the level and form or an
 *   error whose Dutch text names the value and the allowed values.
 * @example parseBat(3) === { level: 3, form: "getal" }; parseBat("BAT 4 Verpleegzorg geschikt") === { level: 4, form: "limburg" };
 *   parseBat("BAT2 Rollator bezoekbaar") === { level: 2, form: "vera" }; parseBat("rolstoelbewoonbaar") === { level: 3, form: "limburg" };
 *   parseBat("0 - ongeschikt") === { level: 0, form: "limburg" }; parseBat(" ") === null; parseBat("2,5").code === "bat-geen-geheel-getal";
 *   parseBat(5).error === "BAT-score '5' bestaat niet; toegestaan is 0 t/m 4 (Limburgse schaal: ook 'BAT 0' t/m 'BAT 4' of 'ongeschikt' t/m 'verpleegzorg'). Gebruikt het bestand de VERA-schaal (BAT1 t/m BAT5), kies dan die schaal in de instellingen.";
 *   parseBat(5, "vera") === { level: 5, form: "getal" }; parseBat("BAT2 Rolstoel woonbaar").code === "bat-tegenstrijdig"
 */
export function parseBat(v: CellValue | undefined, numericScale: BatScale = "limburg"): BatParse | null {
  if (typeof v === "number" && Number.isInteger(v) && inRange(v, numericScale)) return GETAL[v];
  if (isMissing(v)) return null;
  if (typeof v === "number") return fromNumber(v, String(v).replace(".", ","), numericScale);
  if (typeof v !== "string") {
    // Booleans, dates (and error objects, which isMissing has already let through as missing).
    return unreadable(quoteValue(v).slice(1, -1), numericScale);
  }
  // `raw` is only used in messages: cut to a readable length (a cell may hold 32,767 characters).
  const raw = quoteValue(v).slice(1, -1);
  const t = normaliseLabel(v.trim());
  if (t.startsWith("bat")) return fromBatText(t, raw, numericScale);
  const c0 = t.charCodeAt(0);
  if ((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43) {
    const n = parseDutchNumber(t);
    if (n !== null) return fromNumber(n, raw, numericScale);
    // A number followed by a name: "0 - ongeschikt".
    let i = 0;
    while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
    if (i > 0) {
      const named = lookupBatName(stripLeading(t.slice(i)));
      if (named) {
        const level = Number(t.slice(0, i));
        if (!inRange(level, named.form)) return outOfRange(raw, named.form, named.form);
        return checkName(stripLeading(t.slice(i)), raw, level, named.form);
      }
    }
    return unreadable(raw, numericScale);
  }
  return lookupBatName(t) ?? unreadable(raw, numericScale);
}
