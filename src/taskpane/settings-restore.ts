/**
 * The settings an earlier run saved in the workbook, turned into the pane's choices: the stock
 * and demand sheets (when they still exist), the column choices, and the rules (when they are
 * still valid), with Dutch notes saying what was restored and what could not be. Pure (no
 * React); hooks/useSettingsRestore.ts applies it once per workbook.
 */
import { DEFAULT_RULES, parseRules, type Rules } from "../domain/rules";
import { STOCK_FIELDS, type MappingOverrides } from "../ingest/types";
import type { StoredSettings } from "../workbook/port";
import { AUTO, type TableChoice } from "./choice";
import type { RulesOrigin } from "./rules-form";

/** A note shown above the steps. */
export interface RestoreNote {
  intent: "info" | "warning";
  text: string;
}

/** The pane's choices from saved settings. */
export interface RestoredSettings {
  voorraad: TableChoice;
  vraag: TableChoice;
  overrides: MappingOverrides;
  /** The saved rules, or the defaults when there are none or they are not valid. */
  rules: Rules;
  rulesFrom: RulesOrigin;
  /** What was restored (info, first) and what could not be (warnings). */
  notes: RestoreNote[];
}

/**
 * Column choices saved in the workbook, keeping only known fields with text.
 * @example savedOverrides({ id: "VHE-nummer", onzin: "x", lift: " " }) // { id: "VHE-nummer" }
 */
export function savedOverrides(kolommen: Record<string, string> | undefined): MappingOverrides {
  const out: MappingOverrides = {};
  if (!kolommen || typeof kolommen !== "object") return out;
  for (const field of STOCK_FIELDS) {
    const v = kolommen[field];
    if (typeof v === "string" && v.trim() !== "") out[field] = v;
  }
  return out;
}

/**
 * The choices that saved settings give in a workbook with these sheets.
 * @param settings as read from the workbook (null: none saved).
 * @param sheetNames the workbook's sheets now: a saved sheet that is gone falls back to automatic.
 */
export function restoreSettings(settings: StoredSettings | null, sheetNames: readonly string[]): RestoredSettings {
  const saved: StoredSettings = settings ?? {};
  const names = new Set(sheetNames);
  const notes: RestoreNote[] = [];
  const parts: string[] = [];
  const sheetChoice = (name: string | undefined, what: string): TableChoice => {
    if (!name) return AUTO;
    if (names.has(name)) {
      parts.push(`${what} '${name}'`);
      return { kind: "sheet", name };
    }
    notes.push({ intent: "warning", text: `Het bewaarde ${what}blad '${name}' bestaat niet meer; er wordt automatisch gekozen.` });
    return AUTO;
  };
  const voorraad = sheetChoice(saved.voorraad, "voorraad");
  const vraag = sheetChoice(saved.vraag, "vraag");
  const overrides = savedOverrides(saved.kolommen);
  if (Object.keys(overrides).length > 0) parts.push("kolommen");
  let rules = DEFAULT_RULES;
  let rulesFrom: RulesOrigin = "standaard";
  if (saved.regels !== undefined) {
    const parsed = parseRules(saved.regels);
    if (parsed.ok) {
      rules = parsed.rules;
      parts.push("regels");
      rulesFrom = "bewaard";
    } else {
      notes.push({ intent: "warning", text: `De regels in deze werkmap zijn niet te gebruiken; de standaardregels gelden. ${parsed.message}` });
    }
  }
  if (parts.length > 0) {
    notes.unshift({ intent: "info", text: `De instellingen van de vorige analyse in deze werkmap zijn hersteld (${parts.join(", ")}), zodat u hetzelfde resultaat krijgt.` });
  }
  return { voorraad, vraag, overrides, rules, rulesFrom, notes };
}
