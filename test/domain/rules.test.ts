import { DEFAULT_RULES, RULE_SOURCES, RulesSchema, describeRules, parseRules } from "../../src/domain/rules";

/** All leaf paths of an object in dot notation (arrays and records count as leaves). */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  // The two records the user fills with free keys are leaves.
  if (prefix === "aanpassing.eenheiddetailsoorten" || prefix === "watAls.aanpassenPerSegment") return [prefix];
  return entries.flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe("rules: defaults", () => {
  test("parsing an empty object yields every documented default", () => {
    const r = RulesSchema.parse({});
    expect(r.batSchaal).toBe("auto");
    expect(r.nultreden).toEqual({ limburgMinBat: 1, veraMinBat: 1, labels: ["NUL", "ROA", "ROL", "RUI"] });
    expect(r.geclusterd).toEqual({
      minWoningen: 12,
      landelijkeGemeenten: [],
      minWoningenLandelijk: 12,
      ontmoetingsruimteAangrenzendTelt: false,
      minAandeel55plus: 0.5,
      label55plusAlsAandeelOnbekend: true,
    });
    expect(r.zorggeschikt).toEqual({
      limburgMinBat: 2,
      veraMinBat: 4,
      labels: ["ROA", "ROL", "RUI"],
      wlzVereist: true,
      zelfstandigVereist: true,
    });
    expect(r.woonvormGedeclareerd).toBe("bewijs");
    expect(r.aanbodtabel.regulierOmvatNultreden).toBe(true);
    expect(r.tekort.afronden).toBeNull();
    expect(r.aanpassing.regels).toHaveLength(5);
    expect(r.aanpassing.regels.at(-1)).toMatchObject({ woonsoort: "gestapeld", lift: "nee", verdieping: "hoger", uitkomst: "ongeschikt" });
    expect(r.aanpassing.eenheiddetailsoorten.TUS).toEqual({ woonsoort: "grondgebonden", lagen: "meer" });
    expect(r.aanpassing.eenheiddetailsoorten.TIN).toEqual({ woonsoort: "grondgebonden", lagen: "1" });
    expect(r.aanpassing.eenheiddetailsoorten.BEN).toEqual({ woonsoort: "gestapeld", verdieping: "begane grond" });
    expect(r).toEqual(DEFAULT_RULES);
  });

  test("GNV, ROG, ZON and the withdrawn GEL are not nultreden labels", () => {
    for (const l of ["GNV", "ROG", "ZON", "GEL"]) expect(DEFAULT_RULES.nultreden.labels).not.toContain(l);
  });

  test("parsing twice gives independent objects (defaults are not shared)", () => {
    const a = RulesSchema.parse({});
    const b = RulesSchema.parse({});
    a.aanpassing.regels.pop();
    a.geclusterd.landelijkeGemeenten.push("Beekdaelen");
    expect(b.aanpassing.regels).toHaveLength(5);
    expect(b.geclusterd.landelijkeGemeenten).toEqual([]);
    expect(DEFAULT_RULES.aanpassing.regels).toHaveLength(5);
  });
});

describe("parseRules", () => {
  test("fills in defaults around the fields the user set", () => {
    const r = parseRules({ geclusterd: { minWoningenLandelijk: 8, landelijkeGemeenten: ["Beekdaelen"] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules.geclusterd.minWoningenLandelijk).toBe(8);
    expect(r.rules.geclusterd.landelijkeGemeenten).toEqual(["Beekdaelen"]);
    expect(r.rules.geclusterd.minWoningen).toBe(12);
    expect(r.rules.nultreden.limburgMinBat).toBe(1);
  });

  test("normalises label codes to upper case", () => {
    const r = parseRules({ nultreden: { labels: [" nul ", "roa"] } });
    expect(r.ok && r.rules.nultreden.labels).toEqual(["NUL", "ROA"]);
  });

  test("accepts JSON text and reports a syntax error in Dutch", () => {
    const ok = parseRules('{"tekort": {"afronden": 5}}');
    expect(ok.ok && ok.rules.tekort.afronden).toBe(5);
    const bad = parseRules("{ tekort: 5 ");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^De regels zijn geen geldige JSON/);
  });

  test("names every wrong field with its path and a Dutch explanation", () => {
    const r = parseRules({
      batSchaal: "brabant",
      geclusterd: { minWoningen: 12.5, minAandeel55plus: 1.5, typo: true },
      nultreden: { limburgMinBat: "1" },
      aanpassing: { regels: [{ woonsoort: "grondgebonden" }] },
      tekort: { afronden: 0 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('regels.batSchaal: moet een van deze waarden zijn: "auto", "limburg", "vera"');
    expect(r.message).toContain("regels.geclusterd.minWoningen: moet een geheel getal zijn");
    expect(r.message).toContain("regels.geclusterd.minAandeel55plus: mag hoogstens 1 zijn");
    expect(r.message).toContain('regels.geclusterd: onbekend veld "typo"');
    expect(r.message).toContain("regels.nultreden.limburgMinBat: moet een getal zijn");
    expect(r.message).toContain("regels.aanpassing.regels[0].uitkomst: moet een van deze waarden zijn");
    expect(r.message).toContain("regels.tekort.afronden: moet groter zijn dan 0");
    expect(r.message).not.toMatch(/Invalid|expected|received/);
  });

  test("rejects a non-object", () => {
    const r = parseRules(42);
    expect(r).toEqual({ ok: false, message: "De regels zijn ongeldig: regels: moet een object zijn." });
  });

  test("a BAT threshold outside the scale is refused", () => {
    const r = parseRules({ zorggeschikt: { veraMinBat: 6 } });
    expect(!r.ok && r.message).toContain("regels.zorggeschikt.veraMinBat: mag hoogstens 5 zijn");
  });
});

describe("RULE_SOURCES and describeRules", () => {
  test("every rule has a Dutch source line, and no source names a rule that does not exist", () => {
    const paths = leafPaths(DEFAULT_RULES).sort();
    expect(Object.keys(RULE_SOURCES).sort()).toEqual(paths);
    for (const text of Object.values(RULE_SOURCES)) expect(text.length).toBeGreaterThan(20);
    expect(RULE_SOURCES["nultreden.limburgMinBat"]).toContain("Kerkrade");
    expect(RULE_SOURCES["geclusterd.minWoningen"]).toContain("21-09-2023");
  });

  test("describes the default nultreden rule as in the header note", () => {
    expect(describeRules(DEFAULT_RULES)).toContain(
      "Nultreden: BAT ≥ 1 (Limburgse schaal) of BAT1+ (VERA) of label NUL/ROA/ROL/RUI",
    );
  });

  test("reflects changed rules", () => {
    const r = parseRules({
      nultreden: { limburgMinBat: 2 },
      geclusterd: { landelijkeGemeenten: ["Beekdaelen", "Simpelveld"], minWoningenLandelijk: 8, ontmoetingsruimteAangrenzendTelt: true },
      zorggeschikt: { wlzVereist: false },
      woonvormGedeclareerd: "negeren",
      tekort: { afronden: 5 },
    });
    if (!r.ok) throw new Error(r.message);
    const lines = describeRules(r.rules).join("\n");
    expect(lines).toContain("Nultreden: BAT ≥ 2 (Limburgse schaal)");
    expect(lines).toContain("inpandige of aangrenzende ontmoetingsruimte");
    expect(lines).toContain("(in Beekdaelen en Simpelveld: ≥ 8)");
    expect(lines).not.toContain("Wlz");
    expect(lines).toContain("GEC/ZWO wordt genegeerd");
    expect(lines).toContain("veelvouden van 5");
  });
});
