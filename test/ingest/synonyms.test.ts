import { STOCK_FIELDS } from "../../src/ingest/types";
import { HEADER_QUALIFIERS, MATCH_RANK, STOCK_SYNONYMS, WEAK_SYNONYMS, matchHeader } from "../../src/ingest/synonyms";
import { normaliseHeader } from "../../src/ingest/normalise";

describe("synonym lists", () => {
  it("are written in normalised form and name every stock field", () => {
    for (const field of STOCK_FIELDS) {
      expect(STOCK_SYNONYMS[field].length).toBeGreaterThan(0);
      for (const s of [...STOCK_SYNONYMS[field], ...(WEAK_SYNONYMS[field] ?? [])]) expect(normaliseHeader(s)).toBe(s);
    }
    for (const q of HEADER_QUALIFIERS) expect(normaliseHeader(q)).toBe(q);
  });
});

describe("matchHeader", () => {
  it.each([
    ["VHE-nummer", "id"], ["Eenheidnummer", "id"], ["Verhuureenheid", "id"], ["Complexnummer", "complex"],
    ["BAT-score", "bat"], ["BAT", "bat"], ["Toegankelijkheidsklasse", "bat"], ["BAT-score (0-4)", "bat"],
    ["Label toegankelijkheid", "toegankelijkheidslabel"], ["Woonvorm", "woonvorm"],
    ["Eenheid detailsoort", "eenheiddetailsoort"], ["Aantal", "aantal"], ["Aantal VHE", "aantal"],
    ["Aantal woningen in complex", "complexgrootte"], ["Gemeente", "gemeente"], ["Buurtcode", "buurt"],
    ["Wijknaam", "wijk"], ["Corporatie", "eigenaar"], ["Toegelaten instelling", "eigenaar"], ["Huur/koop", "segment"],
    ["Type woning", "woningtype"], ["Verdieping", "bouwlaag"], ["Lift aanwezig", "lift"], ["Lift (j/n)", "lift"],
    ["Bouwjaar", "bouwjaar"], ["Ontmoetingsruimte in complex", "ontmoetingsruimte"],
    ["Aandeel 55+", "aandeel55plus"], ["% 55+", "aandeel55plus"], ["Aandeel 55+ (%)", "aandeel55plus"],
    ["55+ label", "label55plus"], ["Wlz-zorg geleverd", "wlz"], ["SOM/PG", "zorgprofiel"], ["Zelfstandig", "zelfstandig"],
    ["Gemeente code", "gemeente"], ["Wlz-zorg in complex", "wlz"], ["Lift in gebouw", "lift"], ["Aantal in complex", "complexgrootte"],
  ])("%p → %p", (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it("does not take a column for a field it merely starts like", () => {
    expect(matchHeader("Aantal kamers")).toBeNull();
    expect(matchHeader("Huurprijs")).toBeNull();
    expect(matchHeader("Energielabel")).toBeNull();
    expect(matchHeader("")).toBeNull();
  });

  it("ranks exact over bracketed over qualified, and weak synonyms lowest", () => {
    expect(matchHeader("BAT-score")?.rank).toBe(MATCH_RANK.exact);
    expect(matchHeader("BAT-score (Limburg)")?.rank).toBe(MATCH_RANK.bracketed);
    expect(matchHeader("Lift aanwezig")?.rank).toBe(MATCH_RANK.qualified);
    expect(matchHeader("Huurklasse")).toEqual({ field: "segment", rank: MATCH_RANK.weak });
  });
});
