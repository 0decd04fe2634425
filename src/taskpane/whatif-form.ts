/**
 * The what-if panel's form as data: the input texts a scenario shows as, and the scenario the
 * texts describe with a Dutch message per wrong input. Pure (no React); the panel
 * (steps/WhatIfPanel.tsx) keeps the texts and calls {@link scenarioOf} on every change.
 */
import type { Scenario, WhatIfOptions } from "../session/whatif-view";
import { numberToText, parseNumberText } from "./rules-form";

/** Texts of the inputs, as typed. */
export interface WhatIfTexts {
  /** Percentage of the potentieel dwellings adapted, all segments ("12,5"). */
  percentage: string;
  /** Whether each segment has its own percentage (then `segmenten` counts, not `percentage`). */
  perSegment: boolean;
  /** Per segment name, its percentage as typed. */
  segmenten: Record<string, string>;
  /** Meeting rooms and Wlz complexes added, as typed. */
  ontmoetingsruimten: string;
  wlz: string;
  plannen: boolean;
}

/** The key of an input's message: a field of {@link WhatIfTexts} or `segment:<name>`. */
export type WhatIfErrors = Partial<Record<string, string>>;

/**
 * A percentage as the panel shows it: a decimal comma, rounded to 6 decimals so that float noise
 * (12.300000000000001) does not show; the rules form's {@link numberToText}.
 * @example pctText(12.5) // "12,5"
 */
export const pctText = numberToText;

/**
 * The input texts of a scenario: every segment starts from its own percentage or the general one.
 * @example textsOf({ aanpassenPercentage: 12.5, aanpassenPerSegment: {}, ontmoetingsruimten: 2, wlzComplexen: 0, plannen: true },
 *   { segmenten: [{ segment: "A", potentieel: 40 }] })
 *   // { percentage: "12,5", perSegment: false, segmenten: { A: "12,5" }, ontmoetingsruimten: "2", wlz: "0", plannen: true }
 */
export function textsOf(s: Scenario, options: Pick<WhatIfOptions, "segmenten">): WhatIfTexts {
  const segmenten: Record<string, string> = {};
  for (const seg of options.segmenten) segmenten[seg.segment] = pctText(s.aanpassenPerSegment[seg.segment] ?? s.aanpassenPercentage);
  return {
    percentage: pctText(s.aanpassenPercentage),
    perSegment: Object.keys(s.aanpassenPerSegment).length > 0,
    segmenten,
    ontmoetingsruimten: String(s.ontmoetingsruimten),
    wlz: String(s.wlzComplexen),
    plannen: s.plannen,
  };
}

/**
 * A percentage 0-100 as typed ("12,5", "12.5", "12%"), or null.
 * @example percentOf("12,5%") // 12.5
 * @example percentOf("101") // null
 */
export function percentOf(text: string): number | null {
  const n = parseNumberText(text.replace(/%\s*$/, ""));
  return n !== null && n >= 0 && n <= 100 ? n : null;
}

/**
 * A whole number 0..max as typed, or null.
 * @example countOf("3", 5) // 3
 * @example countOf("2,5", 5) // null
 */
export function countOf(text: string, max: number): number | null {
  const n = parseNumberText(text);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= max ? n : null;
}

/** The message of a wrong percentage. */
export const PCT_MESSAGE = "Vul een percentage van 0 tot en met 100 in.";

/** The message of a wrong count, given the number of candidates. */
export const countMessage = (max: number): string =>
  max === 0 ? "Er zijn geen kandidaat-complexen: vul 0 in." : `Vul een geheel getal van 0 tot en met ${max} in.`;

/**
 * The scenario the texts describe, and a message per wrong input (keys as {@link WhatIfErrors}).
 * Per-segment percentages count only with `perSegment`; counts are bounded by the candidates.
 * @returns `scenario` null when any input is wrong.
 */
export function scenarioOf(
  t: WhatIfTexts,
  options: Pick<WhatIfOptions, "segmenten" | "ontmoetingsruimteKandidaten" | "wlzKandidaten">,
): { scenario: Scenario | null; errors: WhatIfErrors } {
  const errors: WhatIfErrors = {};
  const pct = percentOf(t.percentage);
  if (pct === null) errors.percentage = PCT_MESSAGE;
  const perSegment: Record<string, number> = {};
  if (t.perSegment) {
    for (const seg of options.segmenten) {
      const v = percentOf(t.segmenten[seg.segment] ?? "");
      if (v === null) errors[`segment:${seg.segment}`] = PCT_MESSAGE;
      else perSegment[seg.segment] = v;
    }
  }
  const rooms = countOf(t.ontmoetingsruimten, options.ontmoetingsruimteKandidaten);
  if (rooms === null) errors.ontmoetingsruimten = countMessage(options.ontmoetingsruimteKandidaten);
  const wlz = countOf(t.wlz, options.wlzKandidaten);
  if (wlz === null) errors.wlz = countMessage(options.wlzKandidaten);
  if (Object.keys(errors).length > 0 || pct === null || rooms === null || wlz === null) return { scenario: null, errors };
  return {
    scenario: { aanpassenPercentage: pct, aanpassenPerSegment: perSegment, ontmoetingsruimten: rooms, wlzComplexen: wlz, plannen: t.plannen },
    errors,
  };
}
