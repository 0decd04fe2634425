/**
 * Choosing the BAT scale of a column (or of a wide table's header) and wording the conflicts.
 *
 * Rule (docs/handleiding.md §3, "Twee BAT-schalen": VERA codes are known by their form, otherwise
 * the setting decides, and scales are never mixed silently):
 * - setting "limburg" / "vera": that scale; values whose form says the other scale are set
 *   aside ("schaal-tegenstrijdig"). Plain numbers are read on the chosen scale.
 * - setting "auto": plain numbers are read on the Limburg scale and count as Limburg form; the
 *   form with the most values wins (a tie goes to Limburg, the scale Limburg corporations use);
 *   every value in the other form is set aside ("schalen-gemengd"). Nothing is converted.
 */
import type { IssueCode } from "../domain/issues";
import type { BatScale } from "../domain/types";
import { scaleName } from "../domain/bat";
import { formScale, type BatForm } from "./bat-values";
import { formatNumber } from "./messages";

/** The user's scale setting. */
export type ScaleSetting = "auto" | "limburg" | "vera";

/** Scale on which plain numbers are read: VERA only when the setting says so.
 * @example numericScaleFor("auto") === "limburg"; numericScaleFor("vera") === "vera" */
export function numericScaleFor(setting: ScaleSetting): BatScale {
  return setting === "vera" ? "vera" : "limburg";
}

/**
 * Decides the scale of a column from the number of values in each form.
 *
 * @param setting user setting.
 * @param limburgCount values in Limburg form (plain numbers included when read on Limburg).
 * @param veraCount values in VERA form (plain numbers included when read on VERA).
 * @returns the scale, or null when there are no values at all.
 * @example decideBatScale("auto", 1975, 12) === "limburg"; decideBatScale("auto", 12, 1975) === "vera"; decideBatScale("auto", 5, 5) === "limburg";
 *   decideBatScale("vera", 1975, 12) === "vera"; decideBatScale("auto", 0, 0) === null
 */
export function decideBatScale(setting: ScaleSetting, limburgCount: number, veraCount: number): BatScale | null {
  if (limburgCount + veraCount === 0) return null;
  if (setting !== "auto") return setting;
  return veraCount > limburgCount ? "vera" : "limburg";
}

function formText(form: BatForm, numericScale: BatScale): string {
  if (form === "getal") return `een getal, gelezen op de ${scaleName(numericScale)}`;
  return form === "limburg" ? "Limburgse schaal" : "VERA-schaal";
}

/**
 * Dutch message for a value whose form does not match the scale of its column.
 *
 * @param where "Cel I14 op blad 'Voorraad'" — who says where.
 * @param raw the value as written.
 * @param level the level read from it.
 * @param form its form.
 * @param scale the column's scale.
 * @param setting the user setting (decides between "schalen-gemengd" and "schaal-tegenstrijdig").
 * @param counts how many values the column has in Limburg and VERA form (for "auto").
 * @param what what is set aside: "de rij" (stock) or "dit aantal" (wide table).
 * @returns code and message.
 * @example scaleConflict("Cel I14 op blad 'Voorraad'", "BAT2", 2, "vera", "limburg", "auto", { limburg: 1975, vera: 12 }, "de rij") === {
 *   code: "schalen-gemengd",
 *   message: "Cel I14 op blad 'Voorraad' bevat 'BAT2' (VERA-schaal), maar de kolom gebruikt de Limburgse schaal 0-4 (1.975 van de 1.987 waarden). " +
 *     "Gebruik één schaal per tabel; de rij is apart gezet. Is dit de Limburgse score, schrijf dan 'BAT 2' (met spatie) of 2." }
 */
export function scaleConflict(
  where: string,
  raw: string,
  level: number,
  form: BatForm,
  scale: BatScale,
  setting: ScaleSetting,
  counts: { limburg: number; vera: number },
  what: string,
): { code: IssueCode; message: string } {
  const numericScale = numericScaleFor(setting);
  const valueScale = formScale(form, numericScale);
  const fix = valueScale === "vera"
    ? `Is dit de Limburgse score, schrijf dan 'BAT ${level}' (met spatie) of ${level}.`
    : form === "getal"
      ? `Schrijf 'BAT${level}', of kies de VERA-schaal in de instellingen (dan gelden getallen als BAT1-BAT5).`
      : `Schrijf de VERA-code (BAT1 t/m BAT5) of kies de Limburgse schaal in de instellingen.`;
  if (setting === "auto") {
    const total = counts.limburg + counts.vera;
    const majority = scale === "limburg" ? counts.limburg : counts.vera;
    return {
      code: "schalen-gemengd",
      message: `${where} bevat '${raw}' (${formText(form, numericScale)}), maar de kolom gebruikt ` +
        `de ${scaleName(scale)} (${formatNumber(majority)} van de ${formatNumber(total)} waarden). ` +
        `Gebruik één schaal per tabel; ${what} is apart gezet. ${fix}`,
    };
  }
  return {
    code: "schaal-tegenstrijdig",
    message: `${where} bevat '${raw}' (${formText(form, numericScale)}), maar in de instellingen is ` +
      `de ${scaleName(scale)} gekozen. Pas de waarde of de instelling aan; ${what} is apart gezet.`,
  };
}
