/**
 * VERA code lists (Aedes VERA referentiedata, CC0) that stock tables carry:
 * TOEGANKELIJKHEIDSLABEL, WOONVORM and EENHEIDDETAILSOORT, code → name. Ended codes (GEL, GEB)
 * are included because older exports still use them.
 *
 * Source: the VERA reference data of Aedes (vera-referentiedata-woonzorg.csv: Soort;Code;Naam;...).
 */

/** A VERA code list: code (upper case) → Dutch name. */
export type VeraCodeList = ReadonlyMap<string, string>;

/** TOEGANKELIJKHEIDSLABEL: ZON, GNV, GEL (ended), NUL, ROA, ROG, ROL, RUI. */
export const TOEGANKELIJKHEIDSLABELS: VeraCodeList = new Map([
  ["GEL", "Gelijkvloerse woning"], ["GNV", "Gelijkvloerse woning (geen nultredenwoning)"],
  ["NUL", "Nultredenwoning"], ["ROA", "Rollatorwoning"],
  ["ROG", "Rollatorwoning (geen nultredenwoning)"], ["ROL", "Rolstoelwoning"],
  ["RUI", "Extra ruime rolstoelwoning"], ["ZON", "Woning zonder bijzondere toegankelijkheid"],
]);

/** WOONVORM: GEC geclusterde woonvorm, ZWO zorggeschikte woning, and the others. */
export const WOONVORMEN: VeraCodeList = new Map([
  ["ADL", "ADL-clusterwoning"], ["BEG", "Begeleid wonen"], ["GEB", "GEB-woning"],
  ["GEC", "Geclusterde woonvorm"], ["GRO", "Groepswonen"], ["GRW", "Grote woonvorm"],
  ["HAT", "HAT-eenheid"], ["KLE", "Kleine woonvorm"], ["LEV", "Levensloopbestendig woning"],
  ["SEN", "Seniorenwoning met zorg"], ["THO", "Thomashuis"], ["ZWO", "Zorggeschikte woning"],
]);

/** EENHEIDDETAILSOORT: dwelling types (POF portiekflat, GAL galerijflat, TUS tussenwoning, ...)
 * and non-dwelling units. */
export const EENHEIDDETAILSOORTEN: VeraCodeList = new Map([
  ["ANT", "Antenne-opstelplaats"], ["ATE", "Atelierruimte"], ["BAS", "Basisschool"],
  ["BED", "Bedrijfshal"], ["BEN", "Benedenwoning"], ["BER", "Berging"], ["BIB", "Bibliotheek"],
  ["BIJ", "Bijeenkomstruimte"], ["BOU", "Bouwkavel"], ["BOV", "Bovenwoning"],
  ["BRE", "Brede school"], ["BUU", "Buurthuis"], ["CJG", "Centrum voor Jeugd en Gezin"],
  ["COR", "Corridorflat"], ["CUL", "Cultuur ruimte"], ["DAG", "Dagbestedingsruimte"],
  ["EIN", "Eindwoning"], ["EPK", "Erfpachtkavel"], ["FIE", "Fietsparkeerplaats/stalling"],
  ["GAL", "Galerijflat"], ["GAR", "Garage"], ["GEM", "Gemeenschapscentrum"],
  ["GTW", "Geschakelde Twee-onder-een-kapwoning"], ["GWO", "Geschakelde woning"],
  ["HAL", "Half vrijstaande woning"], ["HER", "Herenhuis"], ["HOE", "Hoekwoning"],
  ["HOR", "Horeca"], ["HOS", "Hospice"], ["JON", "Jongerencentrum"], ["KAM", "Kamer"],
  ["KAN", "Kantoorruimte"], ["KIN", "Kinderopvanglocatie"], ["KNG", "Kangoeroewoning"],
  ["KTI", "Kantoorruimte van toegelaten instelling"], ["LGI", "Lichamelijk beperkten instelling"],
  ["LIG", "Ligplaats"], ["LVG", "Lichamelijk en geestelijk beperkten instelling"],
  ["MAA", "Maatschappelijk werkruimte wijk-/buurtgericht"], ["MAI", "Maisonette"],
  ["MUL", "Multifunctionele centrum"],
  ["MWR", "Maatschappelijk werkruimte niet-wijk- of buurtgericht"], ["OPS", "Opslagterrein"],
  ["OPV", "Opvangcentrum"], ["PAM", "Parkeerplaats motor"], ["PAO", "Parkeerplaats overdekt"],
  ["PAR", "Parkeerplaats auto"], ["POF", "Portiekflat"], ["POW", "Portiekwoning"],
  ["PRA", "Praktijkruimte"], ["PRW", "Praktijkwoning"], ["PZI", "Psychische zorginstelling"],
  ["REC", "Recreatiewoning"], ["REZ", "Recreatiezaal"], ["SCH", "Schoolgebouw"],
  ["SCO", "Scootmobielplek"], ["STP", "Steunpunt"], ["TIJ", "Tijdelijke woning"],
  ["TIN", "Tiny house"], ["TUS", "Tussenwoning"], ["TWE", "Twee-onder-een-kapwoning"],
  ["VEI", "Veiligheidshuis"], ["VGI", "Verstandelijk gehandicapten instelling"],
  ["VOL", "Volkstuin"], ["VPL", "Verpleeghuis"], ["VRI", "Vrijstaande woning"],
  ["VZO", "Verzorgingshuis"], ["WAT", "Waterwoning"],
  ["WEL", "Welzijnswerkruimte wijk-/buurtgericht"], ["WER", "Centrum voor werk"],
  ["WIJ", "Wijksportvoorziening"], ["WIR", "Winkelruimte"], ["WOB", "Woonboot"],
  ["WOW", "Woonwagen"], ["WWI", "Woon-/Winkelpand"], ["WWP", "Woonwagenstandplaats"],
  ["WWR", "Welzijnswerkruimte niet-wijk- of buurtgericht"], ["ZIE", "Ziekenhuis"],
  ["ZST", "Zorgsteunpunt"],
]);

/** Extra spellings people use for the codes that matter to the BZK types; letters only. */
const ALIASES: ReadonlyMap<VeraCodeList, ReadonlyMap<string, string>> = new Map([
  [TOEGANKELIJKHEIDSLABELS, new Map([["nultreden", "NUL"], ["nultredenwoning", "NUL"]])],
  [WOONVORMEN, new Map([
    ["geclusterd", "GEC"], ["geclusterdwonen", "GEC"], ["geclusterdewoning", "GEC"],
    ["zorggeschikt", "ZWO"], ["zorggeschiktewoonvorm", "ZWO"],
  ])],
]);

/** Letters only, lower case, accents dropped: "ADL-clusterwoning" → "adlclusterwoning". */
function squash(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "");
}

/** Name → code per list, built once. */
const BY_NAME: ReadonlyMap<VeraCodeList, ReadonlyMap<string, string>> = new Map(
  [TOEGANKELIJKHEIDSLABELS, WOONVORMEN, EENHEIDDETAILSOORTEN].map((list) => {
    const byName = new Map<string, string>();
    for (const [code, name] of list) byName.set(squash(name), code);
    for (const [alias, code] of ALIASES.get(list) ?? []) byName.set(alias, code);
    return [list, byName] as const;
  }),
);

/**
 * Reads a VERA code from a cell text.
 *
 * Accepted: the code itself in any case ("nul", "GEC"); the code followed by its name or any
 * text after a space, hyphen or colon ("NUL - Nultredenwoning", "GEC: geclusterd"); the name
 * alone ("Nultredenwoning", "Geclusterde woonvorm", "Portiekflat"), case, spaces and
 * punctuation ignored; a few common aliases ("geclusterd" → GEC, "zorggeschikt" → ZWO).
 *
 * @param list the code list to read against.
 * @param text trimmed cell text.
 * @returns the upper-case code, or null when the text names no code of the list.
 * @example lookupVeraCode(TOEGANKELIJKHEIDSLABELS, "nul") === "NUL"; lookupVeraCode(TOEGANKELIJKHEIDSLABELS, "NUL - Nultredenwoning") === "NUL";
 *   lookupVeraCode(TOEGANKELIJKHEIDSLABELS, "Rolstoelwoning") === "ROL"; lookupVeraCode(WOONVORMEN, "GEC: geclusterd") === "GEC";
 *   lookupVeraCode(WOONVORMEN, "geclusterd") === "GEC"; lookupVeraCode(EENHEIDDETAILSOORTEN, "Portiekflat") === "POF"; lookupVeraCode(WOONVORMEN, "NUL") === null
 */
export function lookupVeraCode(list: VeraCodeList, text: string): string | null {
  const upper = text.trim().toUpperCase();
  if (list.has(upper)) return upper;
  let end = 0;
  while (end < upper.length && upper.charCodeAt(end) >= 65 && upper.charCodeAt(end) <= 90) end++;
  if (end > 0 && end < upper.length) {
    const sep = upper[end];
    if ((sep === " " || sep === "-" || sep === ":" || sep === "\u2013") && list.has(upper.slice(0, end))) {
      return upper.slice(0, end);
    }
  }
  return BY_NAME.get(list)?.get(squash(text)) ?? null;
}
