/**
 * The Dutch texts of the classification (classify.ts): the kinds of problem it counts (one issue
 * per kind, `IssueTally`), the run's issues, and the parts of a dwelling's reason and warnings.
 * Only texts live here; which text applies is decided in classify.ts. Every function returns
 * the same text for the same arguments (the classification caches them per combination of
 * decisive facts, so they are built once per combination, never per dwelling).
 */
import type { IssueCode } from "./issues";
import type { ColumnPresence, ComplexFacts } from "./complexes";
import type { TallyKind } from "./tally";
import { complexName } from "./complexes";
import { formatGetal, formatLijst } from "./format";
import { scaleName } from "./bat";

/** A declared VERA woonvorm that counts as evidence: GEC (geclusterd) or ZWO (zorggeschikt). */
export type DeclaredWoonvorm = "GEC" | "ZWO";

/** "bzk-onbekend" for a cross table woningtype × huurklasse, which has no BAT column by nature:
 * say so, and what to add to the workbook, instead of asking for a column. */
const KRUISTABEL_BZK = {
  text: "BZK-type onbekend: een kruistabel naar woningtype en huurklasse telt woningen, maar zegt niet hoe toegankelijk ze zijn (geen BAT-score)",
  hint: "Wilt u ook de BZK-woontypen, zet dan een tabel met BAT-scores in de werkmap: per woning, of de aantallen per BAT-klasse " +
    "(bijvoorbeeld per corporatie). Het aanpassingspotentieel volgt wel uit het woningtype in de kruistabel.",
} as const;

/**
 * The tally kinds of one run. Texts depend on which columns are present: a missing column gets
 * "omdat de kolom ... ontbreekt" and a hint to add or map it; a present column with empty cells
 * gets a hint to fill them in.
 * @param p which of the relevant stock columns hold any value (`collectComplexes`).
 * @param kruistabel the rows come from a cross table woningtype × huurklasse (no BAT by nature).
 * @example classificationKinds({ complex: true, ontmoetingsruimte: false, complexgrootte: false, aandeel55plus: false, label55plus: false, wlz: false, bat: true, toegankelijkheidslabel: false }).bzkOnbekend.code === "bzk-onbekend"
 */
export function classificationKinds(p: ColumnPresence, kruistabel = false) {
  const k = (code: IssueCode, severity: TallyKind["severity"], text: string, hint?: string): TallyKind => ({ code, severity, text, hint });
  /** A warning about a fact that decides a type: one text and hint when its column has empty
   * cells, another when the column is missing (then the hint is to add or map it). */
  const fact = (code: IssueCode, present: boolean, unknown: string, missing: string, column: string, fill: string): TallyKind =>
    k(code, "waarschuwing", present ? unknown : missing,
      present ? fill : `Voeg een kolom '${column}' toe, of wijs die aan als hij anders heet.`);
  return {
    bzkOnbekend: kruistabel
      ? k("bzk-onbekend", "waarschuwing", KRUISTABEL_BZK.text, KRUISTABEL_BZK.hint)
      : fact(
        "bzk-onbekend", p.bat || p.toegankelijkheidslabel,
        "geen BAT-score en geen bruikbaar toegankelijkheidslabel, BZK-type onbekend",
        "BZK-type onbekend omdat de kolommen 'bat' en 'toegankelijkheidslabel' ontbreken",
        "bat", "Vul de BAT-score (of het toegankelijkheidslabel) in om deze woningen in te delen.",
      ),
    batOngeldig: k("bat-ongeldig", "waarschuwing", "BAT-score bestaat niet op de schaal of de schaal is onbekend; de score is niet gebruikt",
      "Corrigeer de scores of kies de juiste BAT-schaal in de instellingen."),
    labelOnbekend: k(
      "label-onbekend",
      "waarschuwing",
      "onbekend toegankelijkheidslabel, niet gebruikt (bekend zijn ZON, GNV, GEL, NUL, ROA, ROG, ROL en RUI)",
      "Gebruik een van deze labels.",
    ),
    batLabel: k("bat-label-tegenstrijdig", "waarschuwing", "BAT-score en toegankelijkheidslabel spreken elkaar tegen over nultreden; de BAT-score is gebruikt",
      "Controleer score en label van deze woningen."),
    geenComplex: fact(
      "complex-onbekend", p.complex,
      "nultreden, maar geen complex bekend, dus geclusterd niet te bepalen",
      "geclusterd niet te bepalen omdat de kolom 'complex' ontbreekt",
      "complex", "Vul het complexnummer in.",
    ),
    ruimte: fact(
      "ontmoetingsruimte-onbekend", p.ontmoetingsruimte,
      "geclusterd niet te bepalen omdat de ontmoetingsruimte van het complex niet is ingevuld",
      "geclusterd niet te bepalen omdat de kolom 'ontmoetingsruimte' ontbreekt",
      "ontmoetingsruimte", "Vul per complex in of er een ontmoetingsruimte is (ja/nee).",
    ),
    aandeel55: fact(
      "aandeel55plus-onbekend", p.aandeel55plus || p.label55plus,
      "geclusterd niet te bepalen omdat het aandeel 55+ van het complex onbekend is",
      "geclusterd niet te bepalen omdat de kolommen 'aandeel55plus' en 'label55plus' ontbreken",
      "aandeel55plus", "Vul het aandeel 55-plussers of het label 55+ in.",
    ),
    wlz: fact(
      "wlz-onbekend", p.wlz,
      "zorggeschikt niet te bepalen omdat niet is ingevuld of in het complex Wlz-zorg wordt geleverd",
      "zorggeschikt niet te bepalen omdat de kolom 'wlz' ontbreekt",
      "wlz", "Vul per complex in of er Wlz-zorg wordt geleverd (ja/nee).",
    ),
    zorgBat: k("zorggeschikt-bat-onbekend", "waarschuwing", "zorggeschikt niet te bepalen omdat BAT-score en toegankelijkheidslabel ontbreken",
      "Vul de BAT-score of het toegankelijkheidslabel in."),
    woonvormTegenstrijdig: k(
      "woonvorm-tegenstrijdig",
      "waarschuwing",
      "gedeclareerde woonvorm GEC/ZWO klopt niet met de feiten; de afgeleide indeling is gebruikt",
      "Controleer de gedeclareerde woonvorm en de gegevens van het complex.",
    ),
    woonvormBewijs: k("woonvorm-als-bewijs", "info", "ingedeeld op grond van de gedeclareerde woonvorm GEC/ZWO omdat gegevens ontbraken"),
    zorgprofielOnbekend: k("zorgprofiel-onbekend", "info", "zorggeschikt zonder zorgprofiel (SOM/PG)"),
  };
}

/** The tally kinds of one run ({@link classificationKinds}). */
export type ClassificationKinds = ReturnType<typeof classificationKinds>;

/** Message of the `fout` "schalen-gemengd": rows on both BAT scales (counts in rows).
 * @example mixedScalesMessage(1975, 12).startsWith("De voorraad bevat BAT-scores op twee schalen: 1.975 rijen op de Limburgse schaal 0-4 en 12 rijen op de VERA-schaal BAT1-BAT5.") === true */
export function mixedScalesMessage(limburgRows: number, veraRows: number): string {
  return (
    `De voorraad bevat BAT-scores op twee schalen: ${formatGetal(limburgRows)} rijen op de ${scaleName("limburg")} en ` +
    `${formatGetal(veraRows)} rijen op de ${scaleName("vera")}. De BZK-indeling per woning klopt, maar de telling per BAT-klasse niet. ` +
    "Zet de scores om naar één schaal of kies de schaal bij het inlezen."
  );
}

/** Message of the issue "complex-tegenstrijdig" for one complex, e.g. "Complex C12 (vanaf rij
 * 14) heeft tegenstrijdige gegevens: Wlz-zorg verschilt per rij (ja en nee); ja aangehouden."
 * @example complexConflictMessage({ complex: "C12", eigenaar: null, firstRow: { rowNumber: 14 }, conflicts: ["Wlz-zorg verschilt per rij (ja en nee); ja aangehouden"] }) ===
 *   "Complex C12 (vanaf rij 14) heeft tegenstrijdige gegevens: Wlz-zorg verschilt per rij (ja en nee); ja aangehouden." */
export function complexConflictMessage(f: ComplexFacts): string {
  return `${capitalise(complexName(f))} (vanaf rij ${f.firstRow.rowNumber}) heeft tegenstrijdige gegevens: ${f.conflicts.join("; ")}.`;
}

/** Message summarising the complexes with conflicting facts beyond the ones listed one by one.
 * @example moreComplexConflictsMessage(1204) === "Nog 1.204 complexen hebben tegenstrijdige gegevens; zie de waarschuwingen per woning." */
export function moreComplexConflictsMessage(rest: number): string {
  return `Nog ${formatGetal(rest)} complexen hebben tegenstrijdige gegevens; zie de waarschuwingen per woning.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Texts of a dwelling's reason (its parts are joined with "; ") and warnings. `access` is the
 * accessibility text of the row (`AccessibilityJudge`), e.g. "BAT 3 ≥ 1". */
export const redenText = {
  /** No usable BAT or label and no declaration. */
  onbekend: (access: string) => `${access}: BZK-type onbekend`,
  onbekendWarning: "Geen BAT-score en geen bruikbaar toegankelijkheidslabel: BZK-type onbekend",
  /** A declaration contradicted by the row's own accessibility. */
  declaredButNotNultreden: (declared: DeclaredWoonvorm, access: string) => `${declared} gedeclareerd, maar ${access}`,
  nultredenByDeclaration: (access: string, declared: DeclaredWoonvorm) => `${access}; nultreden op grond van gedeclareerde woonvorm ${declared}`,
  /** Verdict text of a row without complex (in place of the complex's facts). */
  noComplex: "geen complex bekend",
  complexConflictWarning: (complex: string, conflicts: readonly string[]) => `Complex ${complex} heeft tegenstrijdige gegevens: ${conflicts.join("; ")}`,
  /** `facts` is the complex's verdict text, e.g. "complex C12: inpandige ontmoetingsruimte, 24 woningen, 70% 55+". */
  geclusterd: (facts: string) => `${facts}: geclusterd`,
  nietGeclusterd: (facts: string, why: readonly string[]) => `${facts}: niet geclusterd (${formatLijst(why)})`,
  declaredButNotGeclusterd: (declared: DeclaredWoonvorm, complex: string, failing: readonly string[]) =>
    `${declared} gedeclareerd, maar complex ${complex} heeft ${formatLijst(failing)}`,
  geclusterdByDeclaration: (facts: string, declared: DeclaredWoonvorm, missing: readonly string[]) =>
    `${facts}: geclusterd op grond van gedeclareerde woonvorm ${declared} (${formatLijst(missing)} onbekend)`,
  geclusterdUndetermined: (facts: string) => `${facts}: geclusterd niet te bepalen`,
  noComplexWarning: "Geen complex bekend: geclusterd niet te bepalen",
  geclusterdMissingWarning: (complex: string, missing: readonly string[]) => `Geclusterd niet te bepalen: ${formatLijst(missing)} van complex ${complex} onbekend`,
  /** Wlz care in the complex: yes, no, unknown. */
  wlz: (wlz: boolean | null) => (wlz === true ? "Wlz-zorg in complex" : wlz === false ? "geen Wlz-zorg in complex" : "Wlz-zorg in complex onbekend"),
  nietZelfstandig: "niet zelfstandig",
  /** Missing facts named in "zorggeschikt niet te bepalen: ... onbekend". */
  missingBat: "BAT-score",
  missingWlz: "Wlz-zorg",
  /** `facts` are the zorggeschikt facts joined with ", "; `profile` "" or " (SOM)" / " (PG)". */
  zorggeschikt: (facts: string, profile: string) => `${facts}: zorggeschikt${profile}`,
  nietZorggeschikt: (facts: string) => `${facts}: niet zorggeschikt`,
  declaredZwoButNot: (failing: readonly string[]) => `ZWO gedeclareerd, maar ${formatLijst(failing)}`,
  zorggeschiktByDeclaration: (facts: string, profile: string) => `${facts}: zorggeschikt op grond van gedeclareerde woonvorm ZWO${profile}`,
  zorggeschiktUndetermined: (facts: string) => `${facts}: zorggeschikt niet te bepalen`,
  zorggeschiktMissingWarning: (missing: readonly string[]) => `Zorggeschikt niet te bepalen: ${formatLijst(missing)} onbekend`,
  /** The zorgprofiel in a zorggeschikt reason. */
  profile: (zorgprofiel: "SOM" | "PG" | null) => (zorgprofiel === null ? "" : ` (${zorgprofiel})`),
} as const;
