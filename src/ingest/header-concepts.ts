/**
 * Header recognition by concept words: a header is split into normalised words (compound words
 * split into known parts, abbreviations expanded, units and brackets set aside), and scored
 * against the concepts of every stock field. Used when a header is not one of the synonyms in
 * synonyms.ts, so that "Aantal VHE's in het complex", "Nr. complex" or "Lift aanwezig (J/N)"
 * are understood without listing every spelling, and so that a header that only resembles a
 * field is reported instead of ignored (mapping.ts).
 *
 * Scoring (documented for users in docs/handleiding.md, "Hoe kolommen worden herkend"):
 * - Each field has concepts: sets of words that together name it ({aantal, woning, complex}
 *   names complexgrootte; {vhe} names id). Words in a header that carry no meaning for the
 *   match (nummer, code, naam, omschrijving, j/n, in, van, het, …) are "neutral".
 * - For one concept: coverage = concept words found / concept words; extra = header words that
 *   are neither concept words nor neutral, nor a whole concept of the same field by themselves
 *   ("Toegankelijkheid BAT" is bat twice over). score = coverage × 0.7^extra. A "%" is a word of its own: it fits
 *   only the percentage field (aandeel55plus), so "Bouwjaar voor 1945 (%)" is no bouwjaar.
 * - A partial match (coverage < 1) counts only when one of the words it found is not a whole
 *   concept of another field by itself: "Nr. complex" names complex ({complex}), and is no half
 *   of lift ({lift, complex}), complexgrootte ({woning, complex}) or wlz ({zorg, complex}).
 * - The header's score for a field is its best concept's score. 1.0 is an exact concept match.
 * - Confident at ≥ {@link CONFIDENT_SCORE}: the column is used for the field (and listed).
 *   Near at ≥ {@link NEAR_SCORE}: the column is not used, but the user gets a warning naming
 *   the column and the field it resembles, and the task pane pre-fills that choice.
 */
import { STOCK_FIELDS, type StockField } from "./types";

/** Score from which a concept match is used. */
export const CONFIDENT_SCORE = 0.8;
/** Score from which a header is reported as resembling a field. */
export const NEAR_SCORE = 0.45;
/** Factor per header word that is not in the concept (and not neutral). */
export const EXTRA_WORD_FACTOR = 0.7;

/** Concepts per field: each inner list is a set of words that together name the field. */
const CONCEPTS: Readonly<Record<StockField, readonly (readonly string[])[]>> = {
  id: [["vhe"], ["verhuureenheid"], ["eenheid"], ["object", "nummer"], ["woning", "nummer"], ["woning", "id"], ["eenheid", "id"], ["id"]],
  // "cluster" and "bouwblok" are aliases of "complex" (ALIASES), so that "Aantal VHE cluster" is a
  // complex size as "Aantal VHE complex" is, and not a count of dwellings with an extra word.
  complex: [["complex"], ["complex", "nummer"], ["complex", "naam"]],
  bat: [["bat"], ["toegankelijkheid"], ["toegankelijkheid", "score"], ["bat", "score"], ["toegankelijkheid", "klasse"]],
  toegankelijkheidslabel: [["toegankelijkheid", "label"]],
  woonvorm: [["woonvorm"]],
  eenheiddetailsoort: [["eenheid", "detailsoort"], ["detailsoort"], ["eenheid", "soort", "detail"]],
  aantal: [["aantal"], ["aantal", "woning"], ["aantal", "vhe"], ["aantal", "eenheid"], ["aantal", "verhuureenheid"]],
  gemeente: [["gemeente"], ["gemeente", "naam"]],
  buurt: [["buurt"]],
  wijk: [["wijk"]],
  eigenaar: [["eigenaar"], ["corporatie"], ["verhuurder"], ["toegelaten", "instelling"]],
  segment: [["segment"], ["huur", "koop"], ["eigendom"], ["eigendom", "vorm"], ["marktsegment"], ["sector"]],
  woningtype: [["woningtype"], ["woning", "type"], ["woning", "soort"], ["bouwvorm"], ["type", "woning"]],
  bouwlaag: [["bouwlaag"], ["verdieping"], ["etage"], ["woonlaag"]],
  lift: [["lift"], ["lift", "complex"], ["lift", "gebouw"]],
  bouwjaar: [["bouwjaar"], ["jaar", "bouw"], ["opleverjaar"], ["bouw", "jaar"]],
  ontmoetingsruimte: [["ontmoetingsruimte"], ["ontmoeting", "ruimte"], ["gemeenschappelijk", "ruimte"], ["recreatie", "ruimte"]],
  complexgrootte: [
    ["complex", "grootte"], ["aantal", "woning", "complex"], ["aantal", "vhe", "complex"], ["aantal", "eenheid", "complex"],
    ["complex", "omvang"], ["woning", "complex"], ["vhe", "complex"], ["eenheid", "complex"], ["aantal", "verhuureenheid", "complex"],
  ],
  aandeel55plus: [["aandeel", "55+"], ["percentage", "55+"], ["%", "55+"], ["55+"], ["bewoner", "55+"], ["aandeel", "bewoner", "55+"], ["%", "bewoner", "55+"]],
  label55plus: [["label", "55+"], ["senior", "label"], ["55+", "woning"], ["senior", "woning"]],
  wlz: [["wlz"], ["wlz", "zorg"], ["zorg", "complex"], ["intramuraal", "zorg"]],
  zorgprofiel: [["zorgprofiel"], ["som", "pg"], ["zorg", "profiel"]],
  zelfstandig: [["zelfstandig"], ["zelfstandig", "woning"], ["onzelfstandig"]],
};

/** Per word that is a whole concept by itself ("complex", "lift", "vhe"), the fields it names. */
const SOLO_WORDS: ReadonlyMap<string, readonly StockField[]> = (() => {
  const out = new Map<string, StockField[]>();
  for (const field of STOCK_FIELDS) for (const c of CONCEPTS[field]) if (c.length === 1) out.set(c[0], [...(out.get(c[0]) ?? []), field]);
  return out;
})();

/** Does `word` name a field other than `field` all by itself? */
function namesOtherField(word: string, field: StockField): boolean {
  return (SOLO_WORDS.get(word) ?? []).some((f) => f !== field);
}

/** Words that carry no meaning for the match (units, qualifiers, little words). */
const NEUTRAL: ReadonlySet<string> = new Set([
  "nummer", "code", "naam", "omschrijving", "oms", "jn", "janee", "in", "het", "de", "van", "per", "het", "een",
  "aanwezig", "score", "klasse", "waarde", "vera", "limburg", "totaal", "ja", "nee", "bij", "op", "met", "voor",
  "indicatie", "cbs", "huidig", "actueel",
]);

/** Abbreviations and spelling variants → concept word. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["nr", "nummer"], ["no", "nummer"], ["num", "nummer"], ["nummers", "nummer"], ["aant", "aantal"], ["aantallen", "aantal"],
  ["woningen", "woning"], ["vhes", "vhe"], ["eenheden", "eenheid"], ["eenheids", "eenheid"], ["verhuureenheden", "verhuureenheid"],
  ["verhuureenheids", "verhuureenheid"], ["complexen", "complex"], ["complexnr", "complex"], ["toegankelijkheids", "toegankelijkheid"],
  ["corporaties", "corporatie"], ["woningcorporatie", "corporatie"], ["gemeentes", "gemeente"], ["gemeenten", "gemeente"],
  ["wijken", "wijk"], ["buurten", "buurt"], ["senioren", "senior"], ["bewoners", "bewoner"], ["55plus", "55+"], ["plus55", "55+"],
  ["liften", "lift"], ["gemeenschappelijke", "gemeenschappelijk"], ["typering", "type"], ["woningsoort", "woning"],
  ["intramurale", "intramuraal"], ["zelfstandige", "zelfstandig"], ["pct", "percentage"], ["perc", "percentage"],
  ["eigendomssituatie", "eigendom"], ["eigendoms", "eigendom"], ["opgeleverd", "opleverjaar"], ["bouwjr", "bouwjaar"],
  ["oplevering", "opleverjaar"], ["toegelaten", "toegelaten"], ["instellingen", "instelling"], ["grootte", "grootte"],
  ["verdiepingen", "verdieping"], ["bouwlagen", "bouwlaag"], ["ontmoetingsruimten", "ontmoetingsruimte"], ["id", "id"],
  // The grouping of dwellings that a corporation's export calls cluster or bouwblok is the complex.
  ["cluster", "complex"], ["clusters", "complex"], ["bouwblok", "complex"], ["bouwblokken", "complex"],
]);

/** All concept words, longest first (for splitting compound words). */
const VOCABULARY: readonly string[] = (() => {
  const words = new Set<string>();
  for (const field of STOCK_FIELDS) for (const c of CONCEPTS[field]) for (const w of c) words.add(w);
  for (const w of NEUTRAL) if (w.length >= 3) words.add(w);
  for (const [alias, w] of ALIASES) { if (alias.length >= 3) words.add(alias); words.add(w); }
  return [...words].filter((w) => /^[a-z0-9+]+$/.test(w)).sort((a, b) => b.length - a.length);
})();

/** Splits a compound ("complexnummer", "aantalvheincomplex") into vocabulary words; null when it does not split fully. */
function splitCompound(word: string, depth = 0): string[] | null {
  if (word === "") return [];
  if (depth > 6) return null;
  for (const v of VOCABULARY) {
    if (v.length < 2 || !word.startsWith(v)) continue;
    let rest = word.slice(v.length);
    // Dutch linking "s" ("eenheidsnummer", "toegankelijkheidslabel").
    const tail = splitCompound(rest, depth + 1) ?? (rest.startsWith("s") ? splitCompound((rest = rest.slice(1)), depth + 1) : null);
    if (tail !== null) return [v, ...tail];
  }
  return null;
}

function canonical(word: string): string {
  return ALIASES.get(word) ?? word;
}

/**
 * The concept words of a header: lower case, accents removed, camelCase and punctuation split,
 * "(J/N)" → "jn", "%" kept as a word, "55+" kept, compounds split, abbreviations expanded
 * ("Nr." → nummer, "VHE's" → vhe).
 *
 * @param text header as written.
 * @returns the words, in order (may repeat).
 * @example headerWords("Lift aanwezig (J/N)") === ["lift", "aanwezig", "jn"]; headerWords("Nr. complex") === ["nummer", "complex"];
 *   headerWords("Aandeel 55+ (%)") === ["aandeel", "55+", "%"]; headerWords("Toegankelijkheidslabel") === ["toegankelijkheid", "label"]
 */
export function headerWords(text: string): string[] {
  let t = text.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  t = t.replace(/\bj\s*\/\s*n\b/g, " jn ").replace(/\bja\s*\/\s*nee\b/g, " janee ").replace(/'s\b/g, "s");
  t = t.replace(/%/g, " % ").replace(/55\s*\+/g, " 55+ ").replace(/\+\s*55/g, " 55+ ").replace(/\b55\s*plus\b/g, " 55+ ");
  const raw = t.split(/[^a-z0-9+%]+/).filter((w) => w !== "");
  const out: string[] = [];
  for (const w of raw) {
    const c = canonical(w);
    if (VOCABULARY.includes(c) || NEUTRAL.has(c) || /^\d+$/.test(c) || c === "%" || c === "55+") {
      out.push(c);
      continue;
    }
    const parts = splitCompound(w);
    if (parts !== null && parts.length > 1) out.push(...parts.map(canonical));
    else out.push(c);
  }
  return out;
}

/** A field and how well a header names it (0..1). */
export interface ConceptScore {
  field: StockField;
  score: number;
}

/**
 * Scores a header against every stock field (see the module comment for the formula).
 *
 * @param text header as written.
 * @returns fields with a score ≥ {@link NEAR_SCORE}, best first (ties: order of STOCK_FIELDS).
 * @example scoreHeader("Aantal VHE's in het complex")[0] === { field: "complexgrootte", score: 1 }; scoreHeader("Opmerkingen") === [];
 *   scoreHeader("Nr. complex") === [{ field: "complex", score: 1 }]; scoreHeader("Type") === [{ field: "woningtype", score: 0.5 }]
 */
export function scoreHeader(text: string): ConceptScore[] {
  const words = headerWords(text);
  const meaningful = words.filter((w) => !NEUTRAL.has(w));
  if (meaningful.length === 0) return [];
  const out: ConceptScore[] = [];
  for (const field of STOCK_FIELDS) {
    let best = 0;
    for (const concept of CONCEPTS[field]) {
      const found = concept.filter((w) => meaningful.includes(w));
      if (found.length === 0) continue;
      // Half a concept on words that belong to another field is no hint of this one.
      if (found.length < concept.length && found.every((w) => namesOtherField(w, field))) continue;
      // A word that names this same field by itself ("bat" beside "toegankelijkheid") is no extra word.
      const extra = meaningful.filter((w) => !concept.includes(w) && !SOLO_WORDS.get(w)?.includes(field)).length;
      const score = (found.length / concept.length) * Math.pow(EXTRA_WORD_FACTOR, extra);
      if (score > best) best = score;
    }
    if (best >= NEAR_SCORE) out.push({ field, score: Math.round(best * 1000) / 1000 });
  }
  return out.sort((a, b) => b.score - a.score);
}
