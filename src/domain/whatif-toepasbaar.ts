/**
 * Which what-if levers cannot act on this stock, said in Dutch (issue 10 item 4: "an option that
 * cannot apply says so"). The what-if (whatif.ts) applies every lever it is given; a lever with
 * nothing to act on (adapting x% of zero potentieel dwellings, more meeting rooms than there are
 * candidate complexes) would otherwise change nothing without a word.
 */
import { type Issue, makeIssue } from "./issues";
import type { WhatIfParams, WhatIfResult } from "./whatif";
import { formatGetal } from "./format";

/**
 * The adaptation as asked, in Dutch: the one percentage, or the percentages per segment (and the
 * one for the other segments when it is not 0).
 * @example askedAdaptation({ aanpassenPercentage: 10, ontmoetingsruimten: 0, wlzComplexen: 0 }) === "10% van de potentieel geschikte woningen"
 * @example askedAdaptation({ aanpassenPercentage: 0, aanpassenPerSegment: { huur: 20, koop: 0 }, ontmoetingsruimten: 0, wlzComplexen: 0 }) === "per segment: huur 20% van de potentieel geschikte woningen"
 * @example askedAdaptation({ aanpassenPercentage: 5, aanpassenPerSegment: { huur: 12.5 }, ontmoetingsruimten: 0, wlzComplexen: 0 }) === "per segment: huur 12,5%, andere segmenten 5% van de potentieel geschikte woningen"
 */
export function askedAdaptation(requested: WhatIfParams): string {
  const pct = (x: number) => `${formatGetal(x, 2)}%`;
  const perSegment = Object.entries(requested.aanpassenPerSegment ?? {}).filter(([, p]) => p > 0);
  const text = perSegment.length === 0
    ? pct(requested.aanpassenPercentage)
    : `per segment: ${perSegment.map(([k, p]) => `${k} ${pct(p)}`).join(", ")}` +
      (requested.aanpassenPercentage > 0 ? `, andere segmenten ${pct(requested.aanpassenPercentage)}` : "");
  return `${text} van de potentieel geschikte woningen`;
}

/**
 * The levers of the what-if that cannot act as asked on this stock (x% adapted but no potentieel
 * dwellings; more meeting rooms or Wlz complexes than there are candidates), each said in Dutch.
 * @param w the what-if as computed (`w.bron` says whether its potentieel came from a cross table);
 *   `requested` the levers as asked (before clamping).
 * @param stockSheet the sheet of the stock the what-if acts on (null when unknown).
 * @returns one info issue ("watals-geen-effect") per lever that cannot act as asked; none when all can.
 */
export function whatIfLimits(w: WhatIfResult, requested: WhatIfParams, stockSheet: string | null): Issue[] {
  const issues: Issue[] = [];
  const blad = stockSheet ? ` op blad '${stockSheet}'` : "";
  const asked = requested.aanpassenPercentage > 0 || Object.values(requested.aanpassenPerSegment ?? {}).some((p) => p > 0);
  const potentieel = w.aanpassing.reduce((n, s) => n + s.potentieel, 0);
  if (asked && potentieel === 0) {
    const bron = w.bron;
    const why = bron.soort === "kruistabel"
      ? (bron.kruistabelPotentieel === 0
        ? `de kruistabel op blad '${bron.sheet}', waaruit het aanpassingspotentieel komt, heeft geen potentieel geschikte woningen.`
        : `de voorraad${blad} heeft geen woningen die nog niet nultreden zijn (de kruistabel op blad '${bron.sheet}' geeft alleen het aandeel potentieel geschikt).`)
      : `de voorraad${blad} heeft geen potentieel geschikte woningen (het woningtype ontbreekt, of elke woning is al geschikt of ongeschikt).`;
    issues.push(makeIssue("watals-geen-effect", "info", stockSheet, null, `Wat-als: woningen aanpassen (${askedAdaptation(requested)}) verandert niets: ${why}`));
  }
  const levers: [number, number, string][] = [
    [requested.ontmoetingsruimten, w.parameters.ontmoetingsruimten, "ontmoetingsruimten erbij"],
    [requested.wlzComplexen, w.parameters.wlzComplexen, "complexen met Wlz-zorg erbij"],
  ];
  for (const [want, applied, what] of levers) {
    if (want > applied) {
      issues.push(makeIssue("watals-geen-effect", "info", stockSheet, null,
        `Wat-als: ${want} ${what} gevraagd, maar de voorraad${blad} heeft er maar ${applied} kandidaat-complex${applied === 1 ? "" : "en"} voor; ` +
          `er ${applied === 1 ? "is" : "zijn"} ${applied} toegepast. ${applied === 0 ? "Zonder kolom complex, of zonder complexen die op één gegeven na geclusterd of zorggeschikt zijn, is er geen kandidaat." : ""}`.trim()));
    }
  }
  return issues;
}
