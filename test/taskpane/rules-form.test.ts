import { DEFAULT_RULES, RULE_SOURCES, RulesSchema } from "../../src/domain/rules";
import {
  RULE_FIELDS,
  formToRules,
  fractionToPercentText,
  parseNumberText,
  percentTextToFraction,
  rulesToForm,
  type RulesFormValues,
} from "../../src/taskpane/rules-form";

describe("rules form helpers", () => {
  test("every field names a rule of the schema and has its source text", () => {
    for (const f of RULE_FIELDS) {
      expect(RULE_SOURCES[f.key]).toBeTruthy();
      expect(f.source.startsWith(RULE_SOURCES[f.key])).toBe(true);
    }
    // The rules the issue asks for at least.
    const keys = RULE_FIELDS.map((f) => f.key);
    for (const k of [
      "batSchaal", "nultreden.limburgMinBat", "nultreden.veraMinBat", "geclusterd.minWoningen", "geclusterd.minAandeel55plus",
      "geclusterd.ontmoetingsruimteAangrenzendTelt", "zorggeschikt.limburgMinBat", "zorggeschikt.wlzVereist",
      "aanbodtabel.regulierOmvatNultreden", "tekort.afronden",
    ]) expect(keys).toContain(k);
  });

  test("Dutch numbers and percentages", () => {
    expect(parseNumberText(" 12 ")).toBe(12);
    expect(parseNumberText("62,5")).toBe(62.5);
    expect(parseNumberText("62.5")).toBe(62.5);
    expect(parseNumberText("")).toBeNull();
    expect(parseNumberText("twaalf")).toBeNull();
    expect(parseNumberText("1e3")).toBeNull();
    expect(fractionToPercentText(0.5)).toBe("50");
    expect(fractionToPercentText(0.625)).toBe("62,5");
    expect(percentTextToFraction("62,5%")).toBe(0.625);
    expect(percentTextToFraction("50")).toBe(0.5);
    expect(percentTextToFraction("veel")).toBeNull();
  });

  test("the defaults round-trip through the form unchanged", () => {
    const v = formToRules(DEFAULT_RULES, rulesToForm(DEFAULT_RULES));
    expect(v.errors).toEqual({});
    expect(v.general).toBeNull();
    expect(v.rules).toEqual(DEFAULT_RULES);
  });

  test("edited values are converted (percent → fraction, empty rounding → null) and validated by the schema", () => {
    const values: RulesFormValues = {
      ...rulesToForm(DEFAULT_RULES),
      "geclusterd.minAandeel55plus": "62,5",
      "nultreden.limburgMinBat": "2",
      "tekort.afronden": "5",
      "zorggeschikt.wlzVereist": false,
      batSchaal: "vera",
    };
    const v = formToRules(DEFAULT_RULES, values);
    expect(v.errors).toEqual({});
    expect(v.rules?.geclusterd.minAandeel55plus).toBe(0.625);
    expect(v.rules?.nultreden.limburgMinBat).toBe(2);
    expect(v.rules?.tekort.afronden).toBe(5);
    expect(v.rules?.zorggeschikt.wlzVereist).toBe(false);
    expect(v.rules?.batSchaal).toBe("vera");
    // What the form does not show is kept from the base rules.
    expect(v.rules?.aanpassing).toEqual(DEFAULT_RULES.aanpassing);
    expect(RulesSchema.safeParse(v.rules).success).toBe(true);
  });

  test("wrong values give one Dutch message per field and no rules", () => {
    const values: RulesFormValues = {
      ...rulesToForm(DEFAULT_RULES),
      "geclusterd.minAandeel55plus": "150",
      "geclusterd.minWoningen": "0",
      "nultreden.limburgMinBat": "1,5",
      "zorggeschikt.limburgMinBat": "",
      "tekort.afronden": "-5",
    };
    const v = formToRules(DEFAULT_RULES, values);
    expect(v.rules).toBeNull();
    expect(v.errors).toEqual({
      "geclusterd.minAandeel55plus": "Vul een percentage van 0 tot en met 100 in.",
      "geclusterd.minWoningen": "Vul een geheel getal van minstens 1 in.",
      "nultreden.limburgMinBat": "Vul een geheel getal van 0 tot en met 4 in.",
      "zorggeschikt.limburgMinBat": "Vul een geheel getal van 0 tot en met 4 in.",
      "tekort.afronden": "Vul een geheel getal van minstens 1 in, of laat het veld leeg.",
    });
  });

  test("a problem outside the form's fields is reported in general terms", () => {
    const broken = { ...DEFAULT_RULES, geclusterd: { ...DEFAULT_RULES.geclusterd, minWoningenLandelijk: 0 } };
    const v = formToRules(broken, rulesToForm(DEFAULT_RULES));
    expect(v.rules).toBeNull();
    expect(v.general).toContain("geclusterd.minWoningenLandelijk");
    expect(v.general).toContain("Standaard herstellen");
  });
});
