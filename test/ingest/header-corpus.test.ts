/**
 * Header corpus: real-world header variants for the stock fields, each with the field it must
 * map to or "none". Sources: VERA attribute names (vera-referentiedata-woonzorg.csv "Soort"
 * column and the VERA attribute names corporations export), column names of corporations'
 * open-data and ERP exports, CBS StatLine column names (table 82900NED, 85035NED), and the
 * seed documents' tables. The suite asserts precision and recall over the whole corpus, and
 * that every header that must map to a field is at least offered as a near match (never
 * ignored without a warning).
 */
import { scoreHeader } from "../../src/ingest/header-concepts";
import { mapColumns } from "../../src/ingest/mapping";
import type { StockField } from "../../src/ingest/types";

type Expected = StockField | "none";

const CORPUS: [string, Expected][] = [
  // VERA attribute and code-list names
  ["BATSCORE", "bat"], ["Batscore", "bat"], ["TOEGANKELIJKHEIDSLABEL", "toegankelijkheidslabel"], ["WOONVORM", "woonvorm"],
  ["EENHEIDDETAILSOORT", "eenheiddetailsoort"], ["Eenheiddetailsoort code", "eenheiddetailsoort"], ["Eenheid detailsoort", "eenheiddetailsoort"],
  ["EENHEIDSOORT", "none"], ["COLLECTIEFOBJECTSOORT", "none"], ["DOELGROEP", "none"], ["AANVULLENDEDOELGROEP", "none"],
  ["Eenheidnummer", "id"], ["EenheidNummer", "id"], ["Eenheid_nummer", "id"], ["Eenheidsnummer", "id"], ["Eenheid ID", "id"],
  ["Toegankelijkheidslabel code", "toegankelijkheidslabel"], ["Woonvorm (VERA)", "woonvorm"], ["Woonvorm code", "woonvorm"],
  ["BAT-score (VERA)", "bat"], ["BAT score Limburg", "bat"], ["BAT-klasse", "bat"], ["BAT (0-4)", "bat"], ["Toegankelijkheid", "bat"],
  ["Toegankelijkheidsscore", "bat"], ["Toegankelijkheid BAT", "bat"],
  // corporations' ERP and open-data exports
  ["VHE", "id"], ["VHE-nummer", "id"], ["VHE nr.", "id"], ["Vhe_nr", "id"], ["VHE code", "id"], ["Nr. VHE", "id"],
  ["Verhuureenheid", "id"], ["Verhuureenheidnummer", "id"], ["Objectnummer", "id"], ["Object nr", "id"], ["Woningnummer", "id"],
  ["Complex", "complex"], ["Complexnummer", "complex"], ["Complex nr.", "complex"], ["Nr. complex", "complex"], ["Complexnaam", "complex"],
  ["Complex code", "complex"], ["Cluster", "complex"], ["Clusternummer", "complex"],
  ["Aantal", "aantal"], ["Aantal woningen", "aantal"], ["Aantal VHE", "aantal"], ["Aantal VHE's", "aantal"], ["Aantal eenheden", "aantal"],
  ["Aant. woningen", "aantal"], ["Aantal verhuureenheden", "aantal"],
  ["Gemeente", "gemeente"], ["Gemeentenaam", "gemeente"], ["Gemeente code", "gemeente"], ["Gemeente (CBS-code)", "gemeente"],
  ["Buurt", "buurt"], ["Buurtcode", "buurt"], ["CBS buurt", "buurt"], ["Buurtnaam", "buurt"], ["Wijk", "wijk"], ["Wijkcode", "wijk"],
  ["Wijknaam", "wijk"], ["CBS-wijk", "wijk"],
  ["Eigenaar", "eigenaar"], ["Corporatie", "eigenaar"], ["Woningcorporatie", "eigenaar"], ["Verhuurder", "eigenaar"],
  ["Toegelaten instelling", "eigenaar"], ["Naam corporatie", "eigenaar"],
  ["Segment", "segment"], ["Huur/koop", "segment"], ["Huur of koop", "segment"], ["Eigendom", "segment"], ["Eigendomssituatie", "segment"],
  ["Marktsegment", "segment"], ["Sector", "segment"],
  ["Woningtype", "woningtype"], ["Type woning", "woningtype"], ["Woning type", "woningtype"], ["Woningsoort", "woningtype"],
  ["Bouwvorm", "woningtype"], ["Woningtypering", "woningtype"],
  ["Bouwlaag", "bouwlaag"], ["Verdieping", "bouwlaag"], ["Etage", "bouwlaag"], ["Woonlaag", "bouwlaag"], ["Verdiepingnummer", "bouwlaag"],
  ["Lift", "lift"], ["Lift (J/N)", "lift"], ["Lift aanwezig", "lift"], ["Lift aanwezig (ja/nee)", "lift"], ["Lift in gebouw", "lift"],
  ["Lift in complex", "lift"], ["Met lift", "lift"], ["Liften", "lift"],
  ["Bouwjaar", "bouwjaar"], ["Bouwjaar (jjjj)", "bouwjaar"], ["Jaar van bouw", "bouwjaar"], ["Opleverjaar", "bouwjaar"],
  ["Ontmoetingsruimte", "ontmoetingsruimte"], ["Ontmoetingsruimte (J/N)", "ontmoetingsruimte"], ["Ontmoetingsruimte in complex", "ontmoetingsruimte"],
  ["Gemeenschappelijke ruimte", "ontmoetingsruimte"], ["Recreatieruimte", "ontmoetingsruimte"], ["Ontmoetings-ruimte aanwezig", "ontmoetingsruimte"],
  ["Complexgrootte", "complexgrootte"], ["Grootte complex", "complexgrootte"], ["Aantal woningen in complex", "complexgrootte"],
  ["Aantal VHE's in het complex", "complexgrootte"], ["Aantal VHE in complex", "complexgrootte"], ["Aantal eenheden complex", "complexgrootte"],
  ["Complex omvang", "complexgrootte"], ["Woningen in complex", "complexgrootte"], ["Aantal verhuureenheden in complex", "complexgrootte"],
  // the complex called cluster or bouwblok, and its size: never the count of dwellings of the row (aantal)
  ["Aantal VHE cluster", "complexgrootte"], ["Aantal VHE in cluster", "complexgrootte"], ["Aantal VHE per cluster", "complexgrootte"],
  ["Aantal woningen cluster", "complexgrootte"], ["VHE per cluster", "complexgrootte"], ["Clustergrootte", "complexgrootte"],
  ["Aantal eenheden in bouwblok", "complexgrootte"], ["Aantal VHE complex", "complexgrootte"], ["Aantal woningen per complex", "complexgrootte"],
  ["Clusternaam", "complex"], ["Cluster nr.", "complex"], ["Bouwblok", "complex"], ["Bouwbloknummer", "complex"],
  ["Aandeel 55+", "aandeel55plus"], ["Aandeel 55+ (%)", "aandeel55plus"], ["% 55+", "aandeel55plus"], ["% bewoners 55+", "aandeel55plus"],
  ["Percentage 55plus", "aandeel55plus"], ["Aandeel bewoners 55+", "aandeel55plus"], ["Bewoners 55+ (%)", "aandeel55plus"],
  ["Label 55+", "label55plus"], ["55+ label", "label55plus"], ["Seniorenlabel", "label55plus"], ["55+ woning", "label55plus"],
  ["Seniorenwoning", "label55plus"], ["Label senioren", "label55plus"],
  ["Wlz", "wlz"], ["Wlz (J/N)", "wlz"], ["Wlz-zorg", "wlz"], ["Wlz-zorg in complex", "wlz"], ["Wlz zorg geleverd in complex", "wlz"],
  ["Zorgprofiel", "zorgprofiel"], ["SOM/PG", "zorgprofiel"], ["Zorg profiel", "zorgprofiel"],
  ["Zelfstandig", "zelfstandig"], ["Zelfstandig (J/N)", "zelfstandig"], ["Zelfstandige woning", "zelfstandig"], ["Zelfstandig/onzelfstandig", "zelfstandig"],
  // ERP columns that are no stock field
  ["Postcode", "none"], ["Huisnummer", "none"], ["Huisnummertoevoeging", "none"], ["Straat", "none"], ["Straatnaam", "none"],
  ["Kale huur", "none"], ["Netto huur", "none"], ["Huurprijs", "none"], ["Streefhuur", "none"], ["Aantal kamers", "none"],
  ["Woonoppervlakte", "none"], ["Gebruiksoppervlakte (m2)", "none"], ["Energielabel", "none"], ["Energie-index", "none"],
  ["WOZ-waarde", "none"], ["Punten WWS", "none"], ["Mutatiedatum", "none"], ["Ingangsdatum contract", "none"], ["Huurder", "none"],
  ["Opmerking", "none"], ["Status", "none"], ["DAEB", "none"], ["BAG-id", "none"], ["Adres", "none"], ["Plaats", "gemeente"],
  ["Woonplaats", "gemeente"], ["Huurklasse", "segment"],
  // CBS StatLine column names
  ["Regio's", "none"], ["Perioden", "none"], ["Woningvoorraad (aantal)", "none"], ["Koopwoningen (%)", "none"],
  ["Huurwoningen in bezit woningcorporaties (%)", "none"], ["Bouwjaar voor 1945 (%)", "none"], ["Eengezinswoning (%)", "none"],
  ["Meergezinswoning (%)", "none"], ["Wijken en buurten", "none"], ["Soort regio", "none"], ["Codering", "none"],
  ["Gemiddelde WOZ-waarde van woningen (x 1 000 euro)", "none"], ["Bevolkingsdichtheid (aantal inwoners per km²)", "none"],
  // the seed tables' headers
  ["Gemeente ", "gemeente"], ["Jaar", "none"], ["Totale woningvoorraad", "none"], ["Koopwoningen", "none"], ["Huurwoningen", "none"],
  ["Geschikt", "none"], ["Potentieel", "none"], ["Ongeschikt", "none"], ["Goedkoop", "none"], ["Betaalbaar 1", "none"],
  ["Geliberaliseerd", "none"], ["TOTAAL", "none"], ["Energielabel ", "none"], ["Aantal woningen ", "aantal"], ["Periode", "none"], ["Actie", "none"],
];

const CTX = { sheet: "Voorraad", headerRowNumber: 1, originCol: 1 };

/** What the product makes of one header alone: the field used, and the field it is offered as. */
function recognise(header: string): { used: StockField | null; offered: StockField | null } {
  const r = mapColumns([header], {}, CTX);
  const used = (Object.keys(r.mapping) as StockField[])[0] ?? null;
  return { used, offered: r.suggestions[0]?.field ?? null };
}

describe("header corpus", () => {
  const results = CORPUS.map(([header, expected]) => ({ header, expected, ...recognise(header) }));

  it("holds at least 150 real-world headers, at least 40 of them no stock field", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CORPUS.filter(([, e]) => e === "none").length).toBeGreaterThanOrEqual(40);
  });

  it("precision 1.0 and recall ≥ 0.994 over the corpus", () => {
    const predicted = results.filter((r) => r.used !== null);
    const correct = predicted.filter((r) => r.used === r.expected);
    const relevant = results.filter((r) => r.expected !== "none");
    const wrong = predicted.filter((r) => r.used !== r.expected).map((r) => `${r.header} → ${r.used} (expected ${r.expected})`);
    const missed = relevant.filter((r) => r.used !== r.expected).map((r) => `${r.header} (expected ${r.expected}, got ${r.used})`);
    const precision = correct.length / predicted.length;
    const recall = correct.length / relevant.length;
    expect({ precision, recall: recall >= 0.994, wrong, missed: recall >= 0.994 ? [] : missed })
      .toEqual({ precision: 1, recall: true, wrong: [], missed: [] });
  });

  it("two words that each name the same field add up to it: 'Toegankelijkheid BAT' is bat, 'Zelfstandig/onzelfstandig' zelfstandig", () => {
    expect(scoreHeader("Toegankelijkheid BAT")).toEqual([{ field: "bat", score: 1 }]);
    expect(scoreHeader("Zelfstandig/onzelfstandig")).toEqual([{ field: "zelfstandig", score: 1 }]);
    // A word of another field is still an extra word.
    expect(scoreHeader("Aantal kamers")).toEqual([{ field: "aantal", score: 0.7 }]);
  });

  it("every header of a field is used or offered as that field: never ignored without a warning", () => {
    const silent = results.filter((r) => r.expected !== "none" && r.used !== r.expected && r.offered !== r.expected)
      .map((r) => `${r.header} (expected ${r.expected})`);
    expect(silent).toEqual([]);
  });

  it("a near match becomes a warning naming the column and the field", () => {
    const r = mapColumns(["VHE", "Type"], {}, CTX);
    expect(r.mapping.woningtype).toBeUndefined();
    const w = r.issues.find((i) => i.code === "kolom-lijkt-op");
    expect(w).toMatchObject({ severity: "waarschuwing", cell: "B1" });
    expect(w!.message).toContain("'Type' (B1)");
    expect(w!.message).toContain("'woningtype'");
    expect(r.suggestions).toEqual([{ field: "woningtype", header: "Type", cell: "B1", score: 0.5 }]);
  });

  it("a near match is warned about once: not also listed among the unused columns", () => {
    const r = mapColumns(["VHE", "Type", "Huurprijs"], {}, CTX);
    expect(r.issues.filter((i) => i.code === "kolom-lijkt-op").map((i) => i.cell)).toEqual(["B1"]);
    const unused = r.issues.find((i) => i.code === "kolommen-genegeerd")!.message;
    expect(unused).toContain("'Huurprijs' (C1)");
    expect(unused).not.toContain("'Type'");
    // Without other unused columns there is no list at all.
    expect(mapColumns(["VHE", "Type"], {}, CTX).issues.some((i) => i.code === "kolommen-genegeerd")).toBe(false);
  });

  it("'Aantal VHE cluster' in an ERP row is the complex size, not the dwelling count of the row, and no near match for aantal", () => {
    const r = mapColumns(["VHE", "Cluster", "Aantal VHE cluster", "BAT"], {}, CTX);
    expect(r.mapping).toMatchObject({ id: 0, complex: 1, complexgrootte: 2, bat: 3 });
    expect(r.mapping.aantal).toBeUndefined();
    expect(r.suggestions.filter((s) => s.field === "aantal")).toEqual([]);
    expect(r.issues.filter((i) => i.code === "kolom-lijkt-op")).toEqual([]);
  });

  it("'Nr. complex' names the complex and resembles no field of which 'complex' is only half (lift, complexgrootte, wlz)", () => {
    expect(scoreHeader("Nr. complex")).toEqual([{ field: "complex", score: 1 }]);
    // With the complex taken by another column, the second one is not offered as lift.
    const r = mapColumns(["VHE", "Complex", "Nr. complex", "BAT"], {}, CTX);
    expect(r.mapping).toMatchObject({ id: 0, complex: 1, bat: 3 });
    expect(r.suggestions).toEqual([]);
    expect(r.issues.filter((i) => i.code === "kolom-lijkt-op")).toEqual([]);
    // Half a concept on a word of no other field is still a near match.
    expect(scoreHeader("Type")).toEqual([{ field: "woningtype", score: 0.5 }]);
    expect(scoreHeader("Lift in complex")[0]).toEqual({ field: "lift", score: 1 });
  });

  it("resolves over the whole row: the best-scoring column gets the field, each column once", () => {
    const r = mapColumns(["Nr. VHE", "Aantal VHE's in het complex", "Aantal kamers", "Complex omvang"], {}, CTX);
    expect(r.mapping.id).toBe(0);
    expect(r.mapping.complexgrootte).toBe(1);
    expect(r.mapping.aantal).toBeUndefined();
    // "Complex omvang" names complexgrootte too, but the field is taken: listed as unused, not used twice.
    expect(Object.values(r.mapping).filter((c) => c === 3)).toEqual([]);
  });
});
