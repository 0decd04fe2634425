/**
 * Pure helpers for the rules step: which rules the form shows, how a rule value is shown as
 * text (fractions as percentages, Dutch decimal comma), and how the form is turned back into a
 * rule set validated by `RulesSchema` (zod), with one plain Dutch message per wrong field.
 */
import { RULE_SOURCES, RulesSchema, type Rules } from "../domain/rules";

/** Where the rules in force come from: the defaults, the rules saved in the workbook by an
 * earlier run, or the rules as set in the rules step. */
export type RulesOrigin = "standaard" | "bewaard" | "aangepast";

/** Rules edited through a text input (numbers, percentages) or a choice list. */
export type TextRuleKey =
  | "batSchaal"
  | "nultreden.limburgMinBat"
  | "nultreden.veraMinBat"
  | "geclusterd.minWoningen"
  | "geclusterd.minAandeel55plus"
  | "zorggeschikt.limburgMinBat"
  | "zorggeschikt.veraMinBat"
  | "tekort.afronden"
  | "clusteringspotentieel.woningenMarge"
  | "clusteringspotentieel.aandeel55plusMarge"
  | "plannen.peiljaarVoorraad"
  | "watAls.aanpassenPercentage"
  | "watAls.ontmoetingsruimten"
  | "watAls.wlzComplexen";

/** Rules edited through a switch. */
export type BooleanRuleKey =
  | "geclusterd.ontmoetingsruimteAangrenzendTelt"
  | "zorggeschikt.wlzVereist"
  | "aanbodtabel.regulierOmvatNultreden"
  | "clusteringspotentieel.onbekendMeetellen"
  | "watAls.plannen";

/** Every rule the form shows, by its dot path in the rules JSON. */
export type RuleFieldKey = TextRuleKey | BooleanRuleKey;

/** The form's values: text exactly as typed for number fields, booleans for switches. */
export type RulesFormValues = Record<TextRuleKey, string> & Record<BooleanRuleKey, boolean>;

/** One Dutch message per field that does not validate. */
export type RuleErrors = Partial<Record<RuleFieldKey, string>>;

/** How a field is edited and converted: `percent` shows a fraction 0..1 as a percentage,
 * `number` is a (decimal) number shown as it is stored. */
export type RuleFieldKind = "choice" | "integer" | "number" | "percent" | "optionalInteger" | "boolean";

/** Description of one field of the rules form. */
export interface RuleFieldMeta {
  key: RuleFieldKey;
  /** Heading of the group the field belongs to. */
  group: string;
  /** Dutch label. */
  label: string;
  kind: RuleFieldKind;
  /** Choices of a `choice` field: value as stored, Dutch text as shown. */
  choices?: readonly { value: string; text: string }[];
  /** Bounds of a number field, in the unit shown (percent for `percent`). */
  min?: number;
  max?: number;
  /** Unit shown after the input, e.g. "%". */
  unit?: string;
  /** Where the default comes from (RULE_SOURCES), shown as the field's hint. */
  source: string;
}

/** The choices of the BAT scale setting. */
export const BAT_SCALE_CHOICES = [
  { value: "auto", text: "Automatisch herkennen" },
  { value: "limburg", text: "Limburgse schaal (0-4)" },
  { value: "vera", text: "VERA (BAT1-BAT5)" },
] as const;

const source = (key: RuleFieldKey): string => RULE_SOURCES[key] ?? "";

/** The fields of the rules form, in the order shown. */
export const RULE_FIELDS: readonly RuleFieldMeta[] = [
  { key: "batSchaal", group: "BAT-schaal", label: "BAT-schaal van de voorraad", kind: "choice", choices: BAT_SCALE_CHOICES, source: source("batSchaal") },
  { key: "nultreden.limburgMinBat", group: "Nultreden", label: "Nultreden vanaf BAT (Limburgse schaal 0-4)", kind: "integer", min: 0, max: 4, source: source("nultreden.limburgMinBat") },
  { key: "nultreden.veraMinBat", group: "Nultreden", label: "Nultreden vanaf BAT (VERA 1-5)", kind: "integer", min: 1, max: 5, source: source("nultreden.veraMinBat") },
  { key: "geclusterd.minWoningen", group: "Geclusterd", label: "Minimaal aantal woningen in het complex", kind: "integer", min: 1, source: source("geclusterd.minWoningen") },
  { key: "geclusterd.minAandeel55plus", group: "Geclusterd", label: "Minimaal aandeel bewoners van 55 jaar en ouder", kind: "percent", min: 0, max: 100, unit: "%", source: source("geclusterd.minAandeel55plus") },
  { key: "geclusterd.ontmoetingsruimteAangrenzendTelt", group: "Geclusterd", label: "Ontmoetingsruimte naast het gebouw telt ook", kind: "boolean", source: source("geclusterd.ontmoetingsruimteAangrenzendTelt") },
  { key: "zorggeschikt.limburgMinBat", group: "Zorggeschikt", label: "Zorggeschikt vanaf BAT (Limburgse schaal 0-4)", kind: "integer", min: 0, max: 4, source: source("zorggeschikt.limburgMinBat") },
  { key: "zorggeschikt.veraMinBat", group: "Zorggeschikt", label: "Zorggeschikt vanaf BAT (VERA 1-5)", kind: "integer", min: 1, max: 5, source: source("zorggeschikt.veraMinBat") },
  { key: "zorggeschikt.wlzVereist", group: "Zorggeschikt", label: "Wlz-zorg in het complex is vereist", kind: "boolean", source: source("zorggeschikt.wlzVereist") },
  { key: "aanbodtabel.regulierOmvatNultreden", group: "Aanbodtabel", label: "'Regulier' in een aanbodtabel omvat de nultredenwoningen", kind: "boolean", source: source("aanbodtabel.regulierOmvatNultreden") },
  { key: "tekort.afronden", group: "Tekort", label: "Tekort afronden op een veelvoud van", kind: "optionalInteger", min: 1, source: `${source("tekort.afronden")} Leeg laten: niet afronden.` },
  { key: "clusteringspotentieel.woningenMarge", group: "Clusteringspotentieel", label: "Hoogstens zoveel woningen te weinig in het complex", kind: "integer", min: 0, source: source("clusteringspotentieel.woningenMarge") },
  { key: "clusteringspotentieel.aandeel55plusMarge", group: "Clusteringspotentieel", label: "Hoogstens zoveel procentpunt te weinig 55-plussers", kind: "percent", min: 0, max: 100, unit: "%", source: source("clusteringspotentieel.aandeel55plusMarge") },
  { key: "clusteringspotentieel.onbekendMeetellen", group: "Clusteringspotentieel", label: "Ook complexen tonen waarvan het ontbrekende gegeven onbekend is", kind: "boolean", source: source("clusteringspotentieel.onbekendMeetellen") },
  { key: "plannen.peiljaarVoorraad", group: "Geplande wijzigingen", label: "Peiljaar van de voorraad", kind: "optionalInteger", min: 1900, max: 2200, source: `${source("plannen.peiljaarVoorraad")} Leeg laten: alle wijzigingen tellen mee.` },
  { key: "watAls.aanpassenPercentage", group: "Wat-als (het scenario waarmee de analyse begint)", label: "Aan te passen deel van de potentieel geschikte woningen", kind: "number", min: 0, max: 100, unit: "%", source: source("watAls.aanpassenPercentage") },
  { key: "watAls.ontmoetingsruimten", group: "Wat-als (het scenario waarmee de analyse begint)", label: "Ontmoetingsruimten erbij in de beste kandidaat-complexen", kind: "integer", min: 0, source: source("watAls.ontmoetingsruimten") },
  { key: "watAls.wlzComplexen", group: "Wat-als (het scenario waarmee de analyse begint)", label: "Complexen met Wlz-zorg erbij", kind: "integer", min: 0, source: source("watAls.wlzComplexen") },
  { key: "watAls.plannen", group: "Wat-als (het scenario waarmee de analyse begint)", label: "Geplande wijzigingen meenemen in het wat-als-scenario", kind: "boolean", source: source("watAls.plannen") },
];

/** Looks up the metadata of one field. */
export function ruleField(key: RuleFieldKey): RuleFieldMeta {
  const meta = RULE_FIELDS.find((f) => f.key === key);
  if (!meta) throw new Error(`Unknown rule field ${key}`);
  return meta;
}

/**
 * Parses a number as typed by a Dutch user: "12", " 3 ", "12,5", "12.5", "-1".
 * @returns the number, or null for empty or unreadable text.
 * @example parseNumberText("62,5") === 62.5; parseNumberText("abc") === null
 */
export function parseNumberText(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(",", "."));
}

/**
 * A number as text with a Dutch decimal comma and no thousands separators (for inputs).
 * @example numberToText(62.5) === "62,5"
 */
export function numberToText(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace(".", ",");
}

/**
 * A fraction 0..1 as a percentage text for the input: 0.5 → "50", 0.625 → "62,5".
 */
export function fractionToPercentText(fraction: number): string {
  return numberToText(fraction * 100);
}

/**
 * A percentage as typed ("50", "62,5", "50%") as a fraction 0..1; null when unreadable.
 * Values outside 0..100 are returned as they are (the schema rejects them).
 */
export function percentTextToFraction(text: string): number | null {
  const n = parseNumberText(text.replace(/%\s*$/, ""));
  return n === null ? null : Math.round(n * 1e6) / 1e8;
}

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== "object") cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** The form values that show a rule set. */
export function rulesToForm(rules: Rules): RulesFormValues {
  const values = {} as Record<RuleFieldKey, string | boolean>;
  for (const meta of RULE_FIELDS) {
    const v = getPath(rules, meta.key);
    switch (meta.kind) {
      case "boolean":
        values[meta.key] = v === true;
        break;
      case "percent":
        values[meta.key] = typeof v === "number" ? fractionToPercentText(v) : "";
        break;
      case "integer":
      case "number":
      case "optionalInteger":
        values[meta.key] = typeof v === "number" ? numberToText(v) : "";
        break;
      case "choice":
        values[meta.key] = typeof v === "string" ? v : "";
        break;
    }
  }
  return values as RulesFormValues;
}

/** The Dutch message for a wrong value of a field, from its bounds. */
export function fieldMessage(meta: RuleFieldMeta): string {
  switch (meta.kind) {
    case "percent":
      return `Vul een percentage van ${meta.min ?? 0} tot en met ${meta.max ?? 100} in.`;
    case "optionalInteger":
      return meta.max !== undefined
        ? `Vul een geheel getal van ${meta.min ?? 1} tot en met ${meta.max} in, of laat het veld leeg.`
        : `Vul een geheel getal van minstens ${meta.min ?? 1} in, of laat het veld leeg.`;
    case "number":
      return `Vul een getal van ${meta.min ?? 0} tot en met ${meta.max ?? 100} in.`;
    case "integer":
      if (meta.min !== undefined && meta.max !== undefined) return `Vul een geheel getal van ${meta.min} tot en met ${meta.max} in.`;
      if (meta.min !== undefined) return `Vul een geheel getal van minstens ${meta.min} in.`;
      return "Vul een geheel getal in.";
    case "choice":
      return "Kies een van de mogelijkheden.";
    case "boolean":
      return "Zet de schakelaar aan of uit.";
  }
}

/** Outcome of validating the form. */
export interface RulesValidation {
  /** The complete rule set when every field is valid, otherwise null. */
  rules: Rules | null;
  /** One Dutch message per wrong field. */
  errors: RuleErrors;
  /** A Dutch message for problems outside the form's fields (e.g. in rules loaded from the workbook). */
  general: string | null;
}

/**
 * Puts the form values into a copy of `base` (which keeps the rules the form does not show, such
 * as the label lists and the adaptation table) and validates the whole with `RulesSchema`.
 * Never throws.
 * @param base the rule set being edited (defaults, or the rules saved in the workbook).
 * @param values the form values.
 */
export function formToRules(base: Rules, values: RulesFormValues): RulesValidation {
  const candidate = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const errors: RuleErrors = {};
  for (const meta of RULE_FIELDS) {
    const raw = values[meta.key];
    let value: unknown;
    switch (meta.kind) {
      case "boolean":
        value = raw === true;
        break;
      case "choice":
        value = raw;
        break;
      case "percent":
        value = typeof raw === "string" ? percentTextToFraction(raw) : null;
        break;
      case "integer":
      case "number":
        value = typeof raw === "string" ? parseNumberText(raw) : null;
        break;
      case "optionalInteger":
        value = typeof raw === "string" && raw.trim() === "" ? null : typeof raw === "string" ? parseNumberText(raw) : null;
        if (value === null && typeof raw === "string" && raw.trim() !== "") errors[meta.key] = fieldMessage(meta);
        break;
    }
    if (value === null && (meta.kind === "percent" || meta.kind === "integer" || meta.kind === "number")) {
      errors[meta.key] = fieldMessage(meta);
      continue; // keep the base value so that the other fields are still checked
    }
    if (errors[meta.key]) continue;
    setPath(candidate, meta.key, value);
  }
  const parsed = RulesSchema.safeParse(candidate);
  const other: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join(".");
      const meta = RULE_FIELDS.find((f) => f.key === key);
      if (meta) {
        if (!errors[meta.key]) errors[meta.key] = fieldMessage(meta);
      } else {
        other.push(key || "regels");
      }
    }
  }
  const hasErrors = Object.keys(errors).length > 0 || other.length > 0;
  return {
    rules: parsed.success && !hasErrors ? parsed.data : null,
    errors,
    general: other.length > 0 ? `De regels bevatten ongeldige waarden buiten dit formulier (${other.join(", ")}). Kies 'Standaard herstellen'.` : null,
  };
}
