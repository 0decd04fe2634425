/**
 * Reading the physical form of a dwelling (woonsoort, number of storeys, lift, floor) from the
 * free-text `woningtype` column. Dutch variants as they appear in corporation exports and
 * published tables, e.g. Kerkrade's "Grondgebonden =1 bouwlaag", "Grondgebonden >1 bouwlaag",
 * "Gestapeld zonder lift", "Gestapeld met lift", and "eengezinswoning", "meergezins",
 * "appartement", "flat", "benedenwoning", "bovenwoning", "portiekflat", "bungalow".
 *
 * Pure and cached per distinct text by the caller (texts repeat across rows).
 */
import type { Woonsoort } from "./types";

/** What a text says about the form; null where it says nothing. */
export interface FormFromText {
  woonsoort: Woonsoort | null;
  lagen: "1" | "meer" | null;
  lift: boolean | null;
  verdieping: "begane grond" | "hoger" | null;
}

const GRONDGEBONDEN_WORDS = [
  "grondgebonden", "eengezins", "egw", "tussenwoning", "hoekwoning", "eindwoning", "rijwoning",
  "vrijstaand", "twee-onder-een-kap", "2-onder-1-kap", "2 onder 1 kap", "onder een kap", "herenhuis",
  "bungalow", "patiowoning", "woonwagen", "tiny house",
];
const GESTAPELD_WORDS = [
  "gestapeld", "meergezins", "mgw", "appartement", "flat", "etage", "portiek", "galerij", "maisonnette",
  "maisonette", "bovenwoning", "benedenwoning", "corridor", "hoogbouw", "studio",
];
const ONE_STOREY = ["=1 bouwlaag", "= 1 bouwlaag", "één bouwlaag", "een bouwlaag", "1 bouwlaag", "1 laag", "gelijkvloers", "bungalow", "patiowoning", "woonwagen", "tiny house"];
const MORE_STOREYS = [">1 bouwlaag", "> 1 bouwlaag", "meer dan 1", "meer dan een", "meer dan één", "meer bouwlagen", "meerdere bouwlagen", "meer lagen", "2 bouwlagen", "3 bouwlagen", "eengezins", "herenhuis", "maisonnette", "maisonette"];

function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/**
 * Reads the form from a woningtype text (case- and space-insensitive).
 * Ambiguous texts (words of both kinds) give woonsoort null. "eengezinswoning" without storey
 * information counts as more than one storey (the usual Dutch single-family house).
 * @example parseWoningtype("Gestapeld zonder lift") === { woonsoort: "gestapeld", lagen: null, lift: false, verdieping: null }
 * @example parseWoningtype("Grondgebonden =1 bouwlaag") === { woonsoort: "grondgebonden", lagen: "1", lift: null, verdieping: null };
 *   parseWoningtype("Eengezinswoning met traplift").lift === null; parseWoningtype("Benedenwoning").verdieping === "begane grond"
 */
export function parseWoningtype(text: string): FormFromText {
  const t = text.toLowerCase().replace(/\s+/g, " ").trim();
  const ground = includesAny(t, GRONDGEBONDEN_WORDS);
  const stacked = includesAny(t, GESTAPELD_WORDS);
  const woonsoort: Woonsoort | null = ground && !stacked ? "grondgebonden" : stacked && !ground ? "gestapeld" : null;
  let lagen: "1" | "meer" | null = null;
  if (includesAny(t, MORE_STOREYS)) lagen = "meer";
  else if (includesAny(t, ONE_STOREY)) lagen = "1";
  // A stairlift inside a house is not a lift in the building.
  const l = t.includes("traplift") || t.includes("stoeltjeslift") ? t.replace(/(trap|stoeltjes)lift/g, "") : t;
  let lift: boolean | null = null;
  if (l.includes("zonder lift") || l.includes("geen lift")) lift = false;
  else if (l.includes("lift")) lift = true;
  let verdieping: "begane grond" | "hoger" | null = null;
  if (t.includes("benedenwoning") || t.includes("begane grond") || t.includes("parterre")) verdieping = "begane grond";
  else if (t.includes("bovenwoning")) verdieping = "hoger";
  return { woonsoort, lagen, lift, verdieping };
}
