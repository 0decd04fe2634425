/**
 * Dutch header synonyms for the stock fields (docs/handleiding.md §3, "Hoe kolommen worden herkend") and the compiled header matcher.
 *
 * Synonyms are written in normalised form (see `normaliseHeader`: lower case, no accents,
 * spaces, hyphens, underscores, dots, slashes or parentheses). The lookup table is built once
 * at module load; matching a header costs a few map lookups, no regular expressions per row.
 */
import { STOCK_FIELDS, type StockField } from "./types";
import { normaliseHeader, stripBracketed } from "./normalise";

/**
 * Strong synonyms per field, normalised. A header that equals one of these names the field.
 * Sources: VERA attribute names (EENHEIDDETAILSOORT, TOEGANKELIJKHEIDSLABEL, WOONVORM), the
 * headers of corporation ERP exports and the published Kerkrade and Parkstad tables.
 */
export const STOCK_SYNONYMS: Readonly<Record<StockField, readonly string[]>> = {
  id: [
    "vhe", "vhenummer", "vhenr", "vheid", "vhecode", "eenheid", "eenheidnummer", "eenheidsnummer",
    "eenheidnr", "eenheidcode", "eenheidscode", "verhuureenheid", "verhuureenheidnummer",
    "verhuureenheidsnummer", "objectnummer", "objectnr", "objectid", "woningnummer", "woningnr",
    "woningid", "id",
  ],
  complex: ["complex", "complexnummer", "complexnr", "complexcode", "complexnaam", "complexid"],
  bat: [
    "bat", "batscore", "batklasse", "batwaarde", "batniveau", "toegankelijkheid",
    "toegankelijkheidsklasse", "toegankelijkheidsscore", "toegankelijkheidklasse",
    "toegankelijkheidscore",
  ],
  toegankelijkheidslabel: ["toegankelijkheidslabel", "toegankelijkheidlabel", "labeltoegankelijkheid"],
  woonvorm: ["woonvorm"],
  eenheiddetailsoort: ["eenheiddetailsoort", "eenheidsdetailsoort", "detailsoort"],
  aantal: [
    "aantal", "count", "aantalwoningen", "aantalvhe", "aantalvhes", "aantaleenheden",
    "aantalverhuureenheden", "n",
  ],
  gemeente: ["gemeente", "gemeentenaam", "gemeentecode"],
  buurt: ["buurt", "buurtcode", "buurtnaam", "buurtnummer", "cbsbuurt"],
  wijk: ["wijk", "wijkcode", "wijknaam", "wijknummer", "cbswijk"],
  eigenaar: ["eigenaar", "corporatie", "woningcorporatie", "verhuurder", "toegelateninstelling"],
  segment: [
    "segment", "huurkoop", "eigendom", "eigendomssituatie", "eigendomsvorm", "huurofkoop",
    "marktsegment", "woningmarktsegment", "sector",
  ],
  woningtype: ["woningtype", "typewoning", "woningsoort", "bouwvorm", "woningtypering"],
  bouwlaag: ["bouwlaag", "verdieping", "etage", "woonlaag", "verdiepingnummer", "bouwlaagnummer"],
  lift: ["lift", "metlift", "heeftlift", "liftincomplex", "liftingebouw"],
  bouwjaar: ["bouwjaar", "jaarbouw", "opleverjaar"],
  ontmoetingsruimte: [
    "ontmoetingsruimte", "ontmoetingsruimteincomplex", "gemeenschappelijkeruimte",
    "recreatieruimte", "recreatieontmoetingsruimte",
  ],
  complexgrootte: [
    "complexgrootte", "groottecomplex", "aantalwoningenincomplex", "woningenincomplex",
    "aantalvheincomplex", "aantaleenhedenincomplex", "aantalincomplex",
  ],
  aandeel55plus: [
    "aandeel55plus", "aandeel55+", "%55+", "%55plus", "percentage55plus", "percentage55+",
    "55plus", "55+", "bewoners55plus", "bewoners55+", "aandeelbewoners55+",
    "aandeelbewoners55plus", "%bewoners55+",
  ],
  label55plus: [
    "label55plus", "label55+", "55pluslabel", "55+label", "seniorenlabel", "55+woning",
    "55pluswoning", "labelsenioren",
  ],
  wlz: ["wlz", "wlzzorg", "wlzzorggeleverd", "zorgincomplex", "wlzincomplex", "wlzzorgincomplex", "wlzzorggeleverdincomplex"],
  zorgprofiel: ["zorgprofiel", "sompg"],
  zelfstandig: ["zelfstandig", "zelfstandigewoning", "zelfstandigheid", "zelfstandigonzelfstandig"],
};

/**
 * Weak synonyms: headers that probably mean the field but are used for other things too
 * ("huurklasse" is a rent class, which says "huur" but is not the segment itself). A weak match
 * only wins when no column matches the field strongly.
 */
export const WEAK_SYNONYMS: Readonly<Partial<Record<StockField, readonly string[]>>> = {
  id: ["adresseerbaarobject", "adresseerbaarobjectid", "object"],
  aantal: ["woningen"],
  gemeente: ["plaats", "woonplaats"],
  eigenaar: ["organisatie"],
  segment: ["huurklasse", "huurprijsklasse", "prijsklasse"],
  woningtype: ["typering", "woningcategorie"],
  wlz: ["intramuralezorg"],
  zorgprofiel: ["profiel"],
};

/**
 * Trailing qualifiers a header may add to a synonym and still name the field: "Lift aanwezig",
 * "Gemeente code", "Wlz (j/n)" (after bracket removal), "BAT Limburg", "Lift in gebouw",
 * "Wlz-zorg in complex". Normalised.
 */
export const HEADER_QUALIFIERS: readonly string[] = [
  "jn", "nr", "oms", "code", "naam", "vera", "janee", "score", "klasse", "nummer",
  "limburg", "aanwezig", "ingebouw", "incomplex", "omschrijving",
];

/** How well a header matched: higher is better. */
export const MATCH_RANK = {
  /** Header equals a strong synonym. */
  exact: 4,
  /** Header without its "(...)" part equals a strong synonym. */
  bracketed: 3,
  /** Header is a strong synonym plus a qualifier ("Lift aanwezig"). */
  qualified: 2,
  /** Header matches a weak synonym (any of the three ways). */
  weak: 1,
} as const;

/** Result of matching one header text. */
export interface HeaderMatch {
  field: StockField;
  /** See {@link MATCH_RANK}. */
  rank: number;
}

interface SynonymEntry {
  field: StockField;
  weak: boolean;
}

/** Compiled lookup: normalised synonym → field. Built once. Throws at load on a duplicate,
 * which is a programming error in the lists above. */
const LOOKUP: ReadonlyMap<string, SynonymEntry> = (() => {
  const map = new Map<string, SynonymEntry>();
  const put = (syn: string, field: StockField, weak: boolean): void => {
    const prior = map.get(syn);
    if (prior) throw new Error(`Synonym '${syn}' is listed for both '${prior.field}' and '${field}'.`);
    map.set(syn, { field, weak });
  };
  for (const field of STOCK_FIELDS) {
    for (const syn of STOCK_SYNONYMS[field]) put(syn, field, false);
    for (const syn of WEAK_SYNONYMS[field] ?? []) put(syn, field, true);
  }
  return map;
})();

/** Qualifiers sorted short to long, so the longest base synonym is tried first. */
const QUALIFIERS_SHORT_FIRST = [...HEADER_QUALIFIERS].sort((a, b) => a.length - b.length);

function lookup(key: string, strongRank: number): HeaderMatch | null {
  const hit = LOOKUP.get(key);
  if (!hit) return null;
  return { field: hit.field, rank: hit.weak ? MATCH_RANK.weak : strongRank };
}

function lookupQualified(key: string): HeaderMatch | null {
  for (const q of QUALIFIERS_SHORT_FIRST) {
    if (key.length > q.length && key.endsWith(q)) {
      const m = lookup(key.slice(0, -q.length), MATCH_RANK.qualified);
      if (m) return m;
    }
  }
  return null;
}

/**
 * Which stock field does a header name?
 *
 * Tried in order, first hit wins: (1) the normalised header equals a synonym; (2) the header
 * without its bracketed part equals a synonym ("BAT-score (0-4)" → bat); (3) the header is a
 * synonym followed by a qualifier from {@link HEADER_QUALIFIERS} ("Lift aanwezig" → lift).
 * Exact matching (rather than "contains") keeps "Aantal kamers" from becoming `aantal` and lets
 * "Aantal woningen in complex" map to `complexgrootte`, its own exact synonym.
 *
 * @param text header cell text as written.
 * @returns the field and match rank, or null when the header names no stock field.
 * @example matchHeader("VHE-nummer") === { field: "id", rank: MATCH_RANK.exact }; matchHeader("BAT-score (0-4)") === { field: "bat", rank: MATCH_RANK.bracketed };
 *   matchHeader("Lift aanwezig") === { field: "lift", rank: MATCH_RANK.qualified }; matchHeader("Aantal kamers") === null
 */
export function matchHeader(text: string): HeaderMatch | null {
  const key = normaliseHeader(text);
  if (key === "") return null;
  const exact = lookup(key, MATCH_RANK.exact);
  if (exact) return exact;
  const stripped = normaliseHeader(stripBracketed(text));
  if (stripped !== "" && stripped !== key) {
    const m = lookup(stripped, MATCH_RANK.bracketed) ?? lookupQualified(stripped);
    if (m) return m;
  }
  return lookupQualified(key);
}
