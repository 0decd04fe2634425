/**
 * Category and group labels of demand and supply tables (vraag/aanbod), as printed in the
 * Parkstad "Toekomstvisie Wonen, Welzijn en Zorg" tables: "regulier wonen", "nultreden in
 * regulier wonen", "geclusterd wonen", "zorggeschikt/woonzorgcentrum (SOM)", "(PG)",
 * "gespikkeld wonen", "totaal"; groups such as "Ouderen (basisscenario)" and "Mensen met een
 * verstandelijke beperking (onderkant)". BAT-level tables use "BAT 2" (Limburg) or "BAT2" (VERA).
 */
import type { Niveau, Zorgprofiel } from "../domain/types";
import { normaliseLabel } from "./normalise";
import { batCode } from "../domain/bat";
import { parseBat } from "./bat-values";
import { isTotalLabel } from "./row-kinds";

/** A parsed category label. */
export type CategoryLabel =
  | { kind: "categorie"; niveau: Niveau; categorie: string; zorgprofiel: Zorgprofiel | null }
  | { kind: "totaal" };

/** Non-BZK categories that published tables use and that are kept under their own name. */
const OTHER_CATEGORIES: ReadonlyMap<string, string> = new Map([
  ["gespikkeld wonen", "gespikkeld"], ["gespikkeld", "gespikkeld"], ["gespikkelde woning", "gespikkeld"],
  ["gespikkelde woningen", "gespikkeld"],
]);

/** A label opening with a BAT class: "bat 4", "bat-4", "bat4" followed by the end or a non-digit. */
const BAT_OPENING = /^bat[\s_-]*\d(?!\d)/;

/** Splits a tidied label into words of letters. */
function words(t: string): string[] {
  return t.split(/[^a-z0-9\u00e0-\u00ff+]+/).filter((w) => w !== "");
}

/** Care profile from "(SOM)", "(PG)", "somatisch", "psychogeriatrisch", "dementie". */
function profileOf(ws: readonly string[]): Zorgprofiel | null {
  for (const w of ws) {
    if (w === "som" || w.startsWith("somati")) return "SOM";
    if (w === "pg" || w.startsWith("psychogeriatr") || w === "dementie") return "PG";
  }
  return null;
}

/**
 * Parses a category label of a demand or supply table.
 *
 * BZK level (niveau "bzk"), checked in this order:
 * - "zorggeschikt/woonzorgcentrum (SOM)", "zorggeschikte woning (PG)", "zorggeschikt",
 *   "verpleegzorgplek(ken)", "woonzorgcentrum", "verpleeghuis" → zorggeschikt, with zorgprofiel
 *   from "(SOM)"/"(PG)"/"somatisch"/"psychogeriatrisch";
 * - "geclusterd wonen", "geclusterde woonvorm", "geclusterd" → geclusterd;
 * - "nultreden in regulier wonen", "nultredenwoning", "nultreden" → nultreden;
 * - "regulier wonen", "regulier" → regulier;
 * - "gespikkeld wonen" → categorie "gespikkeld" (not a BZK type; kept under its own name).
 * BAT level (niveau "bat"): "BAT 2", "BAT-2", "rollatorbewoonbaar" → "2"; "BAT2" or a VERA
 * name → "BAT2" (see bat-values.ts). A label that opens with a BAT class is that class whatever
 * follows ("BAT 4 Verpleegzorg geschikt" → "4", never zorggeschikt). "totaal", "total", "subtotaal" → `{ kind: "totaal" }`.
 *
 * @param label label as written.
 * @returns the category, a total marker, or null when the label is not recognised.
 * @example parseCategoryLabel("Nultreden in regulier wonen") === { kind: "categorie", niveau: "bzk", categorie: "nultreden", zorgprofiel: null };
 *   parseCategoryLabel("Zorggeschikt/woonzorgcentrum (PG)") === { kind: "categorie", niveau: "bzk", categorie: "zorggeschikt", zorgprofiel: "PG" };
 *   parseCategoryLabel("BAT 4 Verpleegzorg geschikt") === { kind: "categorie", niveau: "bat", categorie: "4", zorgprofiel: null };
 *   parseCategoryLabel("BAT2") === { kind: "categorie", niveau: "bat", categorie: "BAT2", zorgprofiel: null };
 *   parseCategoryLabel("Gespikkeld wonen").categorie === "gespikkeld"; parseCategoryLabel("TOTAAL") === { kind: "totaal" }; parseCategoryLabel("Studenten") === null
 */
export function parseCategoryLabel(label: string): CategoryLabel | null {
  const t = normaliseLabel(label);
  if (t === "") return null;
  if (isTotalLabel(t)) return { kind: "totaal" };
  const other = OTHER_CATEGORIES.get(t);
  if (other) return { kind: "categorie", niveau: "bzk", categorie: other, zorgprofiel: null };
  // A label that opens with a BAT class is that class, whatever words follow: "BAT 4
  // Verpleegzorg geschikt" is BAT 4 (Kerkrade opgave 2030), not BZK zorggeschikt.
  if (BAT_OPENING.test(t)) {
    const bat = parseBat(BAT_OPENING.exec(t)![0]);
    if (bat !== null && "level" in bat) {
      return { kind: "categorie", niveau: "bat", categorie: batCode(bat.level, bat.form === "vera" ? "vera" : "limburg"), zorgprofiel: null };
    }
  }
  const ws = words(t);
  const joined = ws.join("");
  if (joined.includes("zorggeschikt") || joined.includes("verpleegzorgplek") || joined.includes("woonzorgcentrum") ||
    joined.startsWith("verpleeghuis")) {
    return { kind: "categorie", niveau: "bzk", categorie: "zorggeschikt", zorgprofiel: profileOf(ws) };
  }
  if (joined.includes("geclusterd")) return { kind: "categorie", niveau: "bzk", categorie: "geclusterd", zorgprofiel: null };
  if (joined.includes("nultreden")) return { kind: "categorie", niveau: "bzk", categorie: "nultreden", zorgprofiel: null };
  if (joined.startsWith("regulier")) return { kind: "categorie", niveau: "bzk", categorie: "regulier", zorgprofiel: null };
  const bat = parseBat(label);
  if (bat !== null && "level" in bat && bat.form !== "getal") {
    return { kind: "categorie", niveau: "bat", categorie: batCode(bat.level, bat.form), zorgprofiel: null };
  }
  return null;
}

/** Openings of group labels that are dropped: "Mensen met een lichamelijke beperking". */
const GROUP_PREFIXES: readonly string[] = ["mensen met een ", "mensen met ", "personen met een ", "personen met "];

/** Openings of a target group's own figure in published demand tables ("woningbehoefte
 * statushouders (onderkant)", Parkstad Tabel 1): a group heading that carries its total. */
const GROUP_FIGURE_PREFIXES: readonly string[] = ["woningbehoefte ", "huisvestingsbehoefte ", "behoefte "];

/**
 * Normalises a scenario name: lower case, "scenario" removed ("basisscenario" → "basis",
 * "Trendscenario" → "trend", "scenario bovenkant" → "bovenkant").
 *
 * @param text scenario as written.
 * @returns the scenario, or null when nothing is left.
 * @example normaliseScenario("Trendscenario") === "trend"; normaliseScenario("scenario bovenkant") === "bovenkant"; normaliseScenario("Scenario") === null
 */
export function normaliseScenario(text: string): string | null {
  let t = normaliseLabel(text);
  if (t.endsWith("scenario") && t.length > "scenario".length) t = t.slice(0, -"scenario".length);
  else if (t.startsWith("scenario ")) t = t.slice("scenario ".length);
  t = t.replace(/[-\s]+$/, "").trim();
  return t === "" || t === "scenario" ? null : t;
}

/**
 * Parses a group label of the published layout.
 *
 * "Ouderen (basisscenario)" → { groep "ouderen", scenario "basis" };
 * "Ouderen (trendscenario)" → trend; "Mensen met een verstandelijke beperking (onderkant)" →
 * { groep "verstandelijke beperking", scenario "onderkant" }; "Mensen met een lichamelijke
 * beperking" → { groep "lichamelijke beperking", scenario null }; "Statushouders (bovenkant)";
 * "Ouderen" → { "ouderen", null }. Also "Ouderen - trendscenario". The group is lower case
 * with "mensen met (een)"/"personen met (een)" removed; the scenario as in
 * {@link normaliseScenario}.
 *
 * @param label label as written.
 * @returns group and scenario, or null for an empty label.
 * @example parseGroupLabel("Ouderen (basisscenario)") === { groep: "ouderen", scenario: "basis" };
 *   parseGroupLabel("Mensen met een verstandelijke beperking (onderkant)") === { groep: "verstandelijke beperking", scenario: "onderkant" };
 *   parseGroupLabel("Ouderen - trendscenario") === { groep: "ouderen", scenario: "trend" }; parseGroupLabel("Statushouders") === { groep: "statushouders", scenario: null };
 *   parseGroupLabel(" ") === null
 */
export function parseGroupLabel(label: string): { groep: string; scenario: string | null } | null {
  let t = normaliseLabel(label);
  let scenario: string | null = null;
  const open = t.lastIndexOf("(");
  if (open > 0 && t.endsWith(")")) {
    scenario = normaliseScenario(t.slice(open + 1, -1));
    t = t.slice(0, open).trim();
  } else {
    const dash = Math.max(t.lastIndexOf(" - "), t.lastIndexOf(" \u2013 "));
    if (dash > 0) {
      scenario = normaliseScenario(t.slice(dash + 3));
      t = t.slice(0, dash).trim();
    }
  }
  for (const p of GROUP_PREFIXES) {
    if (t.startsWith(p)) {
      t = t.slice(p.length);
      break;
    }
  }
  t = t.trim();
  return t === "" ? null : { groep: t, scenario };
}

/**
 * Does a label look like a group heading even when it carries numbers of its own? True for
 * "Mensen met …"/"Personen met …", "Woningbehoefte …" and for labels ending in a bracketed scenario word
 * ("(basisscenario)", "(onderkant)", "(bovenkant)", "(laag)", "(hoog)").
 *
 * @param label label as written.
 * @example looksLikeGroupLabel("Mensen met een lichamelijke beperking") === true; looksLikeGroupLabel("Ouderen (hoog)") === true; looksLikeGroupLabel("Ouderen") === false
 */
export function looksLikeGroupLabel(label: string): boolean {
  const t = normaliseLabel(label);
  for (const p of GROUP_PREFIXES) if (t.startsWith(p)) return true;
  for (const p of GROUP_FIGURE_PREFIXES) if (t.startsWith(p)) return true;
  const open = t.lastIndexOf("(");
  if (open < 0 || !t.endsWith(")")) return false;
  const inner = t.slice(open + 1, -1);
  return inner.includes("scenario") || SCENARIO_WORDS.has(inner.trim());
}

/** Scenario words of published forecasts. */
const SCENARIO_WORDS: ReadonlySet<string> = new Set([
  "basis", "trend", "onderkant", "bovenkant", "laag", "hoog", "midden", "ondergrens", "bovengrens",
]);
