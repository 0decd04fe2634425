/**
 * Parsers for the non-BAT facts of a stock row (the columns of docs/handleiding.md §3): segment → huur/koop, bouwlaag,
 * ontmoetingsruimte, zorgprofiel, yes/no facts with their field-specific words, bouwjaar and
 * whole counts. Each returns the typed value or null; the stock reader reports what is
 * unreadable. All lookups are compiled once.
 */
import type { SegmentSoort, Zorgprofiel } from "../domain/types";
import type { CellValue } from "./types";
import { cellText, parseDutchBoolean, parseDutchNumber } from "./cells";
import { normaliseLabel } from "./normalise";

/** Words that mean owner-occupied; checked as substrings of the tidied label. */
const KOOP_WORDS: readonly string[] = ["koop", "eigenaar-bewoner", "eigenaarbewoner", "eigenaar bewoner", "eigen woning", "eigendom bewoner"];
/** Words that mean rented; rent classes (goedkoop is checked before "koop"!) and corporation terms. */
const HUUR_WORDS: readonly string[] = [
  "huur", "goedkoop", "betaalbaar", "duur", "geliberaliseerd", "daeb", "corporatie",
];

/**
 * Normalises a segment text to huur or koop.
 *
 * "sociale huur", "vrije sector huur", "huur", "middenhuur", "particuliere huur", "DAEB",
 * rent classes ("goedkoop", "betaalbaar", "duur", "geliberaliseerd") → huur;
 * "koop", "koopwoning", "eigenaar-bewoner", "eigen woning" → koop. Texts that name both (e.g.
 * "huur/koop") or neither ("particulier", "vrije sector", which can be either) → null.
 *
 * @param text segment as written.
 * @example parseSegmentSoort("Sociale huur") === "huur"; parseSegmentSoort("Goedkoop") === "huur"; parseSegmentSoort("Eigenaar-bewoner") === "koop";
 *   parseSegmentSoort("huur/koop") === null; parseSegmentSoort("Vrije sector") === null
 */
export function parseSegmentSoort(text: string): SegmentSoort | null {
  const t = normaliseLabel(text);
  let huur = false;
  for (const w of HUUR_WORDS) if (t.includes(w)) { huur = true; break; }
  // "goedkoop" contains "koop": only count "koop" when it is not part of goedkoop.
  const tKoop = t.replace("goedkoop", "");
  let koop = false;
  for (const w of KOOP_WORDS) if (tKoop.includes(w)) { koop = true; break; }
  if (huur === koop) return null;
  return huur ? "huur" : "koop";
}

/** Words for the ground floor. */
const GROUND_WORDS: ReadonlySet<string> = new Set([
  "begane grond", "bg", "bgg", "beganegrond", "parterre", "gelijkvloers", "benedenverdieping",
]);
const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ["eerste", 1], ["tweede", 2], ["derde", 3], ["vierde", 4], ["vijfde", 5], ["zesde", 6],
  ["zevende", 7], ["achtste", 8], ["negende", 9], ["tiende", 10],
]);
const FLOOR_WORDS = ["verdieping", "etage", "woonlaag", "bouwlaag", "verd", "et"];

/**
 * Reads the floor of the dwelling's entrance (0 = begane grond).
 *
 * Whole numbers as they are (also text "0", "3", and "-1" for a souterrain); "begane grond",
 * "bg", "parterre", "gelijkvloers" → 0; "1e verdieping", "2de etage", "3", "verdieping 4",
 * "eerste verdieping" → that number. Decimals and other text → null.
 *
 * @param v one cell as read.
 * @example parseBouwlaag("Begane grond") === 0; parseBouwlaag("1e verdieping") === 1; parseBouwlaag("eerste verdieping") === 1; parseBouwlaag("verdieping 4") === 4;
 *   parseBouwlaag(-1) === -1; parseBouwlaag("2,5") === null; parseBouwlaag("zolder") === null
 */
export function parseBouwlaag(v: CellValue | undefined): number | null {
  const n = parseDutchNumber(v);
  if (n !== null) return Number.isInteger(n) && n >= -5 && n <= 200 ? n : null;
  if (typeof v !== "string") return null;
  const t = normaliseLabel(v);
  if (GROUND_WORDS.has(t)) return 0;
  const words = t.split(" ");
  // "1e verdieping", "2de", "3ste etage", "verdieping 4", "eerste verdieping"
  let found: number | null = null;
  for (const w of words) {
    if (FLOOR_WORDS.includes(w)) continue;
    const ordinal = ORDINAL_WORDS.get(w);
    if (ordinal !== undefined) {
      if (found !== null) return null;
      found = ordinal;
      continue;
    }
    let i = 0;
    while (i < w.length && w.charCodeAt(i) >= 48 && w.charCodeAt(i) <= 57) i++;
    const suffix = w.slice(i);
    if (i > 0 && (suffix === "" || suffix === "e" || suffix === "de" || suffix === "ste")) {
      if (found !== null) return null;
      found = Number(w.slice(0, i));
      continue;
    }
    return null;
  }
  return found;
}

/**
 * Reads the meeting-room fact of a complex.
 *
 * "inpandig", yes-words (ja, j, x, 1, waar, aanwezig, ...) and the VERA code ROR → "inpandig";
 * "aangrenzend", "naastgelegen", "aanpandig", "in aangrenzend gebouw" → "aangrenzend";
 * no-words (nee, n, 0, geen, ...) → "geen". Other → null.
 *
 * @param v one cell as read.
 * @example parseOntmoetingsruimte("ja") === "inpandig"; parseOntmoetingsruimte("ROR") === "inpandig"; parseOntmoetingsruimte("In aangrenzend gebouw") === "aangrenzend";
 *   parseOntmoetingsruimte("Nee") === "geen"; parseOntmoetingsruimte("onbekend") === null
 */
export function parseOntmoetingsruimte(v: CellValue | undefined): "inpandig" | "aangrenzend" | "geen" | null {
  const b = parseDutchBoolean(v);
  if (b !== null) return b ? "inpandig" : "geen";
  const text = cellText(v);
  if (text === null) return null;
  const t = normaliseLabel(text);
  if (t.includes("aangrenzend") || t.includes("naastgelegen") || t.includes("aanpandig")) return "aangrenzend";
  if (t.includes("inpandig") || t === "ror" || t === "in complex" || t === "in het complex") return "inpandig";
  if (t === "nee, geen" || t === "geen ontmoetingsruimte" || t === "niet aanwezig") return "geen";
  return null;
}

/**
 * Reads a care profile: "SOM", "somatisch", "somatiek" → SOM; "PG", "psychogeriatrisch",
 * "psychogeriatrie", "dementie" → PG (case-insensitive). Other → null.
 *
 * @param v one cell as read.
 * @example parseZorgprofiel("Somatiek") === "SOM"; parseZorgprofiel("PG") === "PG"; parseZorgprofiel("Dementie") === "PG"; parseZorgprofiel("VPT") === null
 */
export function parseZorgprofiel(v: CellValue | undefined): Zorgprofiel | null {
  const text = cellText(v);
  if (text === null) return null;
  const t = normaliseLabel(text);
  if (t === "som" || t.startsWith("somati")) return "SOM";
  if (t === "pg" || t.startsWith("psychogeriatr") || t === "dementie") return "PG";
  return null;
}

/** Field-specific yes/no words on top of `parseDutchBoolean`. */
const EXTRA_BOOLEANS: Readonly<Record<"lift" | "label55plus" | "wlz" | "zelfstandig", ReadonlyMap<string, boolean>>> = {
  lift: new Map([["met lift", true], ["zonder lift", false], ["geen lift", false], ["lift", true]]),
  label55plus: new Map([
    ["55+", true], ["55plus", true], ["55-plus", true], ["senioren", true], ["seniorenwoning", true],
    ["ouderen", true], ["geen label", false],
  ]),
  wlz: new Map([["wlz", true], ["geen wlz", false]]),
  zelfstandig: new Map([["zelfstandig", true], ["onzelfstandig", false], ["niet zelfstandig", false]]),
};

/**
 * Reads a yes/no fact with its field-specific words ("met lift", "onzelfstandig", "55+").
 *
 * @param field which fact.
 * @param v one cell as read.
 * @returns true/false, or null when missing or not recognised.
 * @example parseFactBoolean("lift", "Met lift") === true; parseFactBoolean("lift", "ja") === true; parseFactBoolean("zelfstandig", "Onzelfstandig") === false;
 *   parseFactBoolean("label55plus", "55+") === true; parseFactBoolean("wlz", "55+") === null
 */
export function parseFactBoolean(field: keyof typeof EXTRA_BOOLEANS, v: CellValue | undefined): boolean | null {
  const b = parseDutchBoolean(v);
  if (b !== null) return b;
  if (typeof v !== "string") return null;
  const hit = EXTRA_BOOLEANS[field].get(normaliseLabel(v));
  return hit === undefined ? null : hit;
}

/**
 * Reads a construction year: a whole number 1000..2100, as number or text ("1975", "1.975"),
 * or the year of a date cell. Other → null.
 *
 * @param v one cell as read.
 * @example parseBouwjaar("1975") === 1975; parseBouwjaar("1.975") === 1975; parseBouwjaar(new Date(Date.UTC(1975, 5, 1))) === 1975; parseBouwjaar(75) === null; parseBouwjaar("1975-1980") === null
 */
export function parseBouwjaar(v: CellValue | undefined): number | null {
  if (v instanceof Date) {
    const y = v.getUTCFullYear();
    return Number.isNaN(y) ? null : y;
  }
  const n = parseDutchNumber(v);
  return n !== null && Number.isInteger(n) && n >= 1000 && n <= 2100 ? n : null;
}

/**
 * Reads a whole count of at least 1 (e.g. complexgrootte). Other → null.
 *
 * @param v one cell as read.
 * @example parsePositiveWhole("1.204") === 1204; parsePositiveWhole(24) === 24; parsePositiveWhole(0) === null; parsePositiveWhole("12,5") === null
 */
export function parsePositiveWhole(v: CellValue | undefined): number | null {
  const n = parseDutchNumber(v);
  return n !== null && Number.isInteger(n) && n >= 1 ? n : null;
}
