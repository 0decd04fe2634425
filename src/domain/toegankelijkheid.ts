/**
 * Accessibility of one dwelling from its BAT score and/or VERA toegankelijkheidslabel: is it
 * nultreden, and is it rollator- or wheelchair-suitable as zorggeschikt requires?
 *
 * Rules (docs/handleiding.md §4; thresholds in `rules.nultreden` / `rules.zorggeschikt`):
 * - a valid BAT on the row's scale decides: BAT ≥ threshold of that scale (Kerkrade kader
 *   2021-2025: nultreden = BAT ≥ 1 on the Limburg scale; VERA BAT1+; zorggeschikt Limburg ≥ 2,
 *   VERA BAT4+ since BAT2/BAT3 are only "bezoekbaar");
 * - without a usable BAT, a known label decides (nultreden: NUL, ROA, ROL, RUI; zorg: ROA, ROL, RUI);
 * - BAT and label disagree about nultreden → the BAT wins, with a warning;
 * - a BAT outside its scale, a BAT without scale, or an unknown label is not used (warning);
 * - neither usable → unknown (null), never guessed.
 */
import type { BatScale } from "./types";
import type { Rules } from "./rules";
import { batLabel, batText, isValidLevel, scaleName } from "./bat";

/** VERA TOEGANKELIJKHEIDSLABEL codes (incl. the withdrawn GEL, which is not nultreden). */
export const VERA_TOEGANKELIJKHEIDSLABELS: readonly string[] = ["ZON", "GNV", "GEL", "NUL", "ROA", "ROG", "ROL", "RUI"];

/** Data problems found while judging accessibility (each becomes an aggregated issue). */
export type AccessProblem = "bat-ongeldig" | "label-onbekend" | "bat-label-tegenstrijdig";

/** The verdict for one (BAT, scale, label) combination. `null` = unknown. */
export interface Accessibility {
  nultreden: boolean | null;
  /** Rollator- or wheelchair-suitable (the accessibility part of zorggeschikt). */
  zorg: boolean | null;
  /** Dutch reason for nultreden, e.g. "BAT 3 ≥ 1: nultreden", "label NUL (geen BAT-score): nultreden". */
  nText: string;
  /** Dutch reason for the zorg suitability, e.g. "BAT 1 < 2", "label ROL rollator- of rolstoelgeschikt". */
  zText: string;
  /** Dutch warnings for the dwelling. */
  warnings: string[];
  problems: AccessProblem[];
}

/** Judges accessibility under one rule set (label lists prepared once). */
export class AccessibilityJudge {
  private readonly nLabels: Set<string>;
  private readonly zLabels: Set<string>;
  private readonly knownLabels: Set<string>;

  constructor(private readonly rules: Rules) {
    this.nLabels = new Set(rules.nultreden.labels);
    this.zLabels = new Set(rules.zorggeschikt.labels);
    this.knownLabels = new Set([...VERA_TOEGANKELIJKHEIDSLABELS, ...rules.nultreden.labels, ...rules.zorggeschikt.labels]);
  }

  /**
   * @param bat BAT level as read (may be out of range), or null.
   * @param scale scale of `bat` (the row's, else the rules' setting), or null when unknown.
   * @param label VERA label code (upper case), or null.
   */
  judge(bat: number | null, scale: BatScale | null, label: string | null): Accessibility {
    const warnings: string[] = [];
    const problems: AccessProblem[] = [];
    let batOk = false;
    if (bat !== null) {
      if (scale === null) {
        warnings.push(`BAT-score ${String(bat)} zonder bekende schaal; niet gebruikt`);
        problems.push("bat-ongeldig");
      } else if (!isValidLevel(bat, scale)) {
        warnings.push(`BAT-score ${String(bat)} bestaat niet op de ${scaleName(scale)}; niet gebruikt`);
        problems.push("bat-ongeldig");
      } else batOk = true;
    }
    let labelOk = false;
    if (label !== null) {
      if (this.knownLabels.has(label)) labelOk = true;
      else {
        warnings.push(`Toegankelijkheidslabel '${label}' is onbekend; niet gebruikt`);
        problems.push("label-onbekend");
      }
    }
    if (batOk && bat !== null && scale !== null) {
      const nMin = scale === "limburg" ? this.rules.nultreden.limburgMinBat : this.rules.nultreden.veraMinBat;
      const zMin = scale === "limburg" ? this.rules.zorggeschikt.limburgMinBat : this.rules.zorggeschikt.veraMinBat;
      const own = batText(bat, scale);
      const n = bat >= nMin;
      const zorg = bat >= zMin;
      if (labelOk && label !== null && this.nLabels.has(label) !== n) {
        warnings.push(
          `${own} (${batLabel(bat, scale)}) en toegankelijkheidslabel ${label} spreken elkaar tegen over nultreden; de BAT-score is gebruikt`,
        );
        problems.push("bat-label-tegenstrijdig");
      }
      return {
        nultreden: n,
        zorg,
        nText: n ? `${own} ≥ ${thresholdText(nMin, scale)}: nultreden` : `${own} < ${thresholdText(nMin, scale)}: niet nultreden`,
        zText: zorg ? `${own} ≥ ${thresholdText(zMin, scale)}` : `${own} < ${thresholdText(zMin, scale)}`,
        warnings,
        problems,
      };
    }
    if (labelOk && label !== null) {
      const n = this.nLabels.has(label);
      const zorg = this.zLabels.has(label);
      return {
        nultreden: n,
        zorg,
        nText: `label ${label} (geen BAT-score): ${n ? "nultreden" : "niet nultreden"}`,
        zText: `label ${label} ${zorg ? "rollator- of rolstoelgeschikt" : "niet rollator- of rolstoelgeschikt"}`,
        warnings,
        problems,
      };
    }
    return {
      nultreden: null,
      zorg: null,
      nText: "geen bruikbare BAT-score of toegankelijkheidslabel",
      zText: "rollator- of rolstoelgeschiktheid onbekend (geen BAT-score)",
      warnings,
      problems,
    };
  }
}

/** "1" on the Limburg scale (as in "BAT 3 ≥ 1"), "BAT1" on the VERA scale. */
function thresholdText(level: number, scale: BatScale): string {
  return scale === "limburg" ? String(level) : `BAT${level}`;
}
