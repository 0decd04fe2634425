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

  test("the clustering margins, the stock's reference year and the what-if scenario are in the form, converted and checked", () => {
    const keys = RULE_FIELDS.map((f) => f.key);
    for (const k of [
      "clusteringspotentieel.woningenMarge", "clusteringspotentieel.aandeel55plusMarge", "clusteringspotentieel.onbekendMeetellen",
      "plannen.peiljaarVoorraad", "watAls.aanpassenPercentage", "watAls.ontmoetingsruimten", "watAls.wlzComplexen", "watAls.plannen",
    ]) expect(keys).toContain(k);
    const shown = rulesToForm(DEFAULT_RULES);
    // The margin is a fraction shown as percentage points; the what-if percentage is stored as 0-100.
    expect(shown["clusteringspotentieel.aandeel55plusMarge"]).toBe(String(DEFAULT_RULES.clusteringspotentieel.aandeel55plusMarge * 100));
    expect(shown["watAls.aanpassenPercentage"]).toBe(String(DEFAULT_RULES.watAls.aanpassenPercentage));
    expect(shown["plannen.peiljaarVoorraad"]).toBe("");
    const v = formToRules(DEFAULT_RULES, {
      ...shown, "watAls.aanpassenPercentage": "12,5", "watAls.ontmoetingsruimten": "3", "plannen.peiljaarVoorraad": "2020",
      "clusteringspotentieel.aandeel55plusMarge": "10", "watAls.plannen": false,
    });
    expect(v.errors).toEqual({});
    expect(v.rules?.watAls).toEqual({ ...DEFAULT_RULES.watAls, aanpassenPercentage: 12.5, ontmoetingsruimten: 3, plannen: false });
    expect(v.rules?.plannen.peiljaarVoorraad).toBe(2020);
    expect(v.rules?.clusteringspotentieel.aandeel55plusMarge).toBe(0.1);
    const wrong = formToRules(DEFAULT_RULES, { ...shown, "watAls.aanpassenPercentage": "120", "plannen.peiljaarVoorraad": "20", "watAls.wlzComplexen": "-1" });
    expect(wrong.rules).toBeNull();
    expect(wrong.errors).toEqual({
      "watAls.aanpassenPercentage": "Vul een getal van 0 tot en met 100 in.",
      "plannen.peiljaarVoorraad": "Vul een geheel getal van 1900 tot en met 2200 in, of laat het veld leeg.",
      "watAls.wlzComplexen": "Vul een geheel getal van minstens 0 in.",
    });
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
