/**
 * Published plans without a BAT class or type: a list of the dwellings a document plans to build,
 * demolish, sell, buy and renovate over a period (Kerkrade, "Plannen corporaties voor de periode
 * 2021 – 2025": 478 sloop, 515 nieuwbouw, 35 verkoop, 125 aankoop, 332 renovatie; read by
 * src/ingest/plannen-lijst.ts). What follows from it without assumptions is the net change in the
 * number of dwellings (nieuwbouw + aankoop − sloop − verkoop; renovatie changes no number). It is
 * never put into the tekort per BAT class or BZK type: the list does not say which class or type
 * the dwellings add or remove, nor in which year, and the tool invents no allocation. Pure.
 */
import { type Issue, makeIssue } from "./issues";
import { formatGetal, formatLijst } from "./format";
import { MUTATIE_SOORTEN, type MutatieSoort, type PlannedChange } from "./plannen";

/** One line of a published list: "• 478 woningen sloop". */
export interface PlanListItem {
  soort: MutatieSoort;
  /** Dwellings (a whole number of 0 or more). */
  aantal: number;
  /** The line as printed ("• 478 woningen sloop"). */
  regel: string;
  /** Sheet and A1 cell of the number. */
  sheet: string;
  cell: string;
}

/** A published list of plans as read: the period of its caption and its lines. */
export interface PublishedPlanList {
  sheet: string;
  /** The period the caption names (2021..2025), or null when it names none. */
  periode: { van: number; tot: number } | null;
  /** The caption as printed, or null. */
  bijschrift: string | null;
  items: PlanListItem[];
}

/** What a kind of change does to the number of dwellings. */
export type PlanEffect = "erbij" | "eraf" | "geen";

/** The effect of each kind: nieuwbouw and aankoop add, sloop and verkoop remove, renovatie keeps the number. */
export const PLAN_EFFECT: Readonly<Record<MutatieSoort, PlanEffect>> = {
  nieuwbouw: "erbij", aankoop: "erbij", sloop: "eraf", verkoop: "eraf", renovatie: "geen",
};

/** The planned-changes table of the same workbook (mutaties.ts), totalled per kind over the list's
 * period, beside the list: the table is what the tekort uses, the list what was published. */
export interface PlanListTableCheck {
  /** The sheet of the planned-changes table. */
  sheet: string;
  /** Dwellings per kind in the table, changes within the list's period (all when it has none). */
  perSoort: Record<MutatieSoort, number>;
  /** nieuwbouw + aankoop − sloop − verkoop in the table. */
  netto: number;
  /** Dutch, per kind whose totals differ: "sloop 478 in de lijst, 470 in de tabel". Empty when all agree. */
  verschillen: string[];
}

/** A published list summarised: what it says for the number of dwellings. Counts in dwellings. */
export interface PlanListSummary extends PublishedPlanList {
  /** Dwellings per kind (lines of one kind added up). */
  perSoort: Record<MutatieSoort, number>;
  /** nieuwbouw + aankoop. */
  erbij: number;
  /** sloop + verkoop. */
  eraf: number;
  /** erbij − eraf: the net change in the number of dwellings over the period. */
  netto: number;
  /** Dwellings renovated: apart, they change no number. */
  renovatie: number;
  /** The sum as Dutch text, in the order nieuwbouw, sloop, aankoop, verkoop: "515 − 478 + 125 − 35 = +127". */
  berekening: string;
  /** Dutch: why the list is not in the tekort per BAT class or type, and what table would put it there. */
  toelichting: string;
  /** The planned-changes table of the workbook compared with the list ({@link checkAgainstTable});
   * null when the workbook has none. */
  tabel: PlanListTableCheck | null;
}

/** A signed Dutch count: "+127", "−12", "0". */
export function signedCount(n: number): string {
  if (n === 0) return "0";
  return `${n > 0 ? "+" : "\u2212"}${formatGetal(Math.abs(n))}`;
}

/** Order of the terms in {@link PlanListSummary.berekening}. */
const TERM_ORDER: readonly MutatieSoort[] = ["nieuwbouw", "sloop", "aankoop", "verkoop"];

/** Why such a list is not in the tekort, and how to put it there (Dutch). */
export const NOT_IN_TEKORT =
  "Niet meegeteld in het tekort per BAT-klasse of woontype: de lijst noemt per soort alleen een aantal woningen over de hele periode, " +
  "niet in welke BAT-klasse of welk woontype ze erbij komen of weggaan, en niet in welk jaar. De tool verdeelt ze niet zelf over de klassen: " +
  "elke verdeling zou een aanname zijn die het tekort bepaalt. Om ze mee te tellen: zet ze in een tabel met de kolommen Jaar, Soort, Aantal en " +
  "BAT (of Woontype), één rij per wijziging, bij renovatie ook Van BAT (handleiding, 5a).";

/**
 * Summarises a published list of plans.
 * @param list the list as read (src/ingest/plannen-lijst.ts).
 * @returns per kind, the dwellings added and removed, the net change, renovatie apart, the sum as
 *   text and why it is not in the tekort.
 * @example ((s) => [s.netto, s.renovatie, s.berekening])(summarisePlanList({ sheet: "Plannen", periode: { van: 2021, tot: 2025 }, bijschrift: null, items: [
 *   { soort: "sloop", aantal: 478, regel: "• 478 woningen sloop", sheet: "Plannen", cell: "A4" }, { soort: "nieuwbouw", aantal: 515, regel: "• 515 woningen nieuwbouw", sheet: "Plannen", cell: "A5" },
 *   { soort: "verkoop", aantal: 35, regel: "• 35 woningen verkoop", sheet: "Plannen", cell: "A6" }, { soort: "aankoop", aantal: 125, regel: "• 125 woningen aankoop", sheet: "Plannen", cell: "A7" },
 *   { soort: "renovatie", aantal: 332, regel: "• 332 woningen renovatie", sheet: "Plannen", cell: "A8" }] })) ===
 *   [127, 332, "515 \u2212 478 + 125 \u2212 35 = +127"]
 */
export function summarisePlanList(list: PublishedPlanList): PlanListSummary {
  const perSoort: Record<MutatieSoort, number> = { nieuwbouw: 0, sloop: 0, verkoop: 0, aankoop: 0, renovatie: 0 };
  const present = new Set<MutatieSoort>();
  for (const i of list.items) {
    perSoort[i.soort] += i.aantal;
    present.add(i.soort);
  }
  const erbij = perSoort.nieuwbouw + perSoort.aankoop;
  const eraf = perSoort.sloop + perSoort.verkoop;
  const netto = erbij - eraf;
  const terms = TERM_ORDER.filter((s) => present.has(s));
  let berekening = "";
  terms.forEach((s, k) => {
    const minus = PLAN_EFFECT[s] === "eraf";
    const n = formatGetal(perSoort[s]);
    berekening += k === 0 ? `${minus ? "\u2212" : ""}${n}` : ` ${minus ? "\u2212" : "+"} ${n}`;
  });
  berekening = terms.length === 0 ? "geen nieuwbouw, sloop, aankoop of verkoop: 0" : `${berekening} = ${signedCount(netto)}`;
  return { ...list, items: [...list.items], perSoort, erbij, eraf, netto, renovatie: perSoort.renovatie, berekening, toelichting: NOT_IN_TEKORT, tabel: null };
}

/**
 * A published list beside the planned-changes table of the same workbook (Kerkrade's sample: the
 * list's totals spread over years and BAT classes): the table's changes within the list's period
 * (all when the list names none), totalled per kind and compared with the list.
 * @param s the list summarised. @param changes the planned changes read from the table (all from one sheet).
 * @returns `s` with `tabel` set; unchanged when there are no changes.
 * @example checkAgainstTable(summarisePlanList({ sheet: "Lijst", periode: { van: 2021, tot: 2025 }, bijschrift: null, items: [
 *   { soort: "sloop", aantal: 478, regel: "478 woningen sloop", sheet: "Lijst", cell: "A4" }] }), [
 *   { jaar: 2021, soort: "sloop", aantal: 400, bat: 0, vanBat: null, bzk: null, zorgprofiel: null, vanBzk: null, gebied: null, toelichting: null, sheet: "Plannen", cell: "C5" },
 *   { jaar: 2026, soort: "sloop", aantal: 78, bat: 0, vanBat: null, bzk: null, zorgprofiel: null, vanBzk: null, gebied: null, toelichting: null, sheet: "Plannen", cell: "C6" }]).tabel?.verschillen ===
 *   ["sloop 478 in de lijst, 400 in de tabel"]
 */
export function checkAgainstTable(s: PlanListSummary, changes: readonly PlannedChange[]): PlanListSummary {
  if (changes.length === 0) return s;
  const perSoort: Record<MutatieSoort, number> = { nieuwbouw: 0, sloop: 0, verkoop: 0, aankoop: 0, renovatie: 0 };
  for (const c of changes) {
    if (s.periode && (c.jaar < s.periode.van || c.jaar > s.periode.tot)) continue;
    perSoort[c.soort] += c.aantal;
  }
  const verschillen = MUTATIE_SOORTEN.filter((k) => perSoort[k] !== s.perSoort[k])
    .map((k) => `${k} ${formatGetal(s.perSoort[k])} in de lijst, ${formatGetal(perSoort[k])} in de tabel`);
  const netto = perSoort.nieuwbouw + perSoort.aankoop - perSoort.sloop - perSoort.verkoop;
  return { ...s, tabel: { sheet: changes[0].sheet, perSoort, netto, verschillen } };
}

/** "de plannen voor 2021–2025" / "de plannen (zonder periode)". */
function plansName(s: PublishedPlanList): string {
  return s.periode ? `de plannen voor ${s.periode.van}\u2013${s.periode.tot}` : "de plannen (zonder periode)";
}

/**
 * The one Dutch message for a published list of plans: where it is, what it gives for the number
 * of dwellings, and why it is not in the tekort (code "plannen-zonder-klasse"). Names the sheet and
 * the cell of the first line. A `waarschuwing`, since the tekort does not include these plans;
 * with a planned-changes table in the workbook (`tabel`), which the tekort does use, an `info`
 * when its totals per kind agree with the list, else a `waarschuwing` naming the differences.
 * @example planListIssue(summarisePlanList({ sheet: "Plannen", periode: { van: 2021, tot: 2025 }, bijschrift: null, items: [
 *   { soort: "sloop", aantal: 478, regel: "478 woningen sloop", sheet: "Plannen", cell: "A4" }, { soort: "nieuwbouw", aantal: 515, regel: "515 woningen nieuwbouw", sheet: "Plannen", cell: "A5" }] })).message.startsWith(
 *   "Cel A4 op blad 'Plannen': de plannen voor 2021\u20132025 (478 sloop en 515 nieuwbouw) geven netto +37 woningen (515 \u2212 478 = +37).") === true
 */
export function planListIssue(s: PlanListSummary): Issue {
  const cell = s.items[0]?.cell ?? null;
  const listed = s.items.length === 0 ? "geen regels" : formatListed(s);
  const renovatie = s.renovatie > 0 ? ` Renovatie (${formatGetal(s.renovatie)} woningen) verandert het aantal niet en staat apart.` : "";
  const head = `${cell ? `Cel ${cell} op blad '${s.sheet}'` : `Blad '${s.sheet}'`}: ${plansName(s)} (${listed}) geven netto ${signedCount(s.netto)} woningen ` +
    `(${s.berekening}).${renovatie}`;
  const t = s.tabel;
  if (t === null) {
    return makeIssue("plannen-zonder-klasse", "waarschuwing", s.sheet, cell, `${head} ${s.toelichting} De plannen staan op het blad Vergelijking.`);
  }
  const period = s.periode ? ` over ${s.periode.van}\u2013${s.periode.tot}` : "";
  const used = `De lijst zelf telt niet mee in het tekort (geen BAT-klasse of woontype); de geplande wijzigingen op blad '${t.sheet}' wel.`;
  if (t.verschillen.length === 0) {
    return makeIssue("plannen-zonder-klasse", "info", s.sheet, cell,
      `${head} ${used} Hun totalen per soort${period} komen overeen met de lijst. De plannen staan op het blad Vergelijking.`);
  }
  return makeIssue("plannen-zonder-klasse", "waarschuwing", s.sheet, cell,
    `${head} ${used} Hun totalen per soort${period} wijken af van de lijst: ${t.verschillen.join("; ")}. ` +
      "Controleer welke klopt; het tekort rekent met de tabel. De plannen staan op het blad Vergelijking.");
}

/** "478 sloop, 515 nieuwbouw en 332 renovatie": the kinds in the order of the list. */
function formatListed(s: PlanListSummary): string {
  const seen: MutatieSoort[] = [];
  for (const i of s.items) if (!seen.includes(i.soort)) seen.push(i.soort);
  return formatLijst(seen.map((k) => `${formatGetal(s.perSoort[k])} ${k}`));
}
