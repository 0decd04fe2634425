import { looksLikeGroupLabel, normaliseScenario, parseCategoryLabel, parseGroupLabel } from "../../src/ingest/categories";
import { readCsvTable } from "../support/csv";

const bzk = (categorie: string, zorgprofiel: "SOM" | "PG" | null = null) => ({ kind: "categorie", niveau: "bzk", categorie, zorgprofiel });
const bat = (categorie: string) => ({ kind: "categorie", niveau: "bat", categorie, zorgprofiel: null });

describe("parseCategoryLabel", () => {
  it.each([
    ["regulier wonen", bzk("regulier")], ["Regulier", bzk("regulier")],
    ["nultreden in regulier wonen", bzk("nultreden")], ["Nultredenwoning", bzk("nultreden")], ["nultreden", bzk("nultreden")],
    ["geclusterd wonen", bzk("geclusterd")], ["Geclusterde woonvorm", bzk("geclusterd")], ["geclusterd", bzk("geclusterd")],
    ["zorggeschikt/woonzorgcentrum (SOM)", bzk("zorggeschikt", "SOM")], ["Zorggeschikte woning (PG)", bzk("zorggeschikt", "PG")],
    ["zorggeschikt", bzk("zorggeschikt")], ["Verpleegzorgplek", bzk("zorggeschikt")],
    ["zorggeschikt somatisch", bzk("zorggeschikt", "SOM")], ["zorggeschikt psychogeriatrisch", bzk("zorggeschikt", "PG")],
    ["gespikkeld wonen", bzk("gespikkeld")],
    ["BAT 2", bat("2")], ["BAT-2", bat("2")], ["rollatorbewoonbaar", bat("2")], ["BAT2", bat("BAT2")],
    ["Rolstoel woonbaar", bat("BAT4")],
    ["totaal", { kind: "totaal" }], ["Total", { kind: "totaal" }], ["Subtotaal", { kind: "totaal" }], ["TOTAAL", { kind: "totaal" }],
  ])("%p", (label, expected) => {
    expect(parseCategoryLabel(label)).toEqual(expected);
  });

  it.each([["Ouderen (basisscenario)"], ["Beschermd wonen"], ["2"], [""], ["Mensen met een lichamelijke beperking"]])(
    "%p is not a category", (label) => {
      expect(parseCategoryLabel(label)).toBeNull();
    });

  it("recognises every woonvorm of the published Parkstad tables", () => {
    for (const name of ["parkstad-vraag-ouderen-vg-2023-2040.csv", "parkstad-aanbod-2023.csv"]) {
      const [head, ...rows] = readCsvTable(name);
      const col = head.indexOf("woonvorm");
      for (const r of rows) expect(parseCategoryLabel(r[col])).not.toBeNull();
    }
  });
});

describe("parseGroupLabel", () => {
  it.each([
    ["Ouderen (basisscenario)", { groep: "ouderen", scenario: "basis" }],
    ["Ouderen (trendscenario)", { groep: "ouderen", scenario: "trend" }],
    ["Mensen met een verstandelijke beperking (onderkant)", { groep: "verstandelijke beperking", scenario: "onderkant" }],
    ["Mensen met een lichamelijke beperking", { groep: "lichamelijke beperking", scenario: null }],
    ["Statushouders (bovenkant)", { groep: "statushouders", scenario: "bovenkant" }],
    ["Ouderen", { groep: "ouderen", scenario: null }],
    ["Ouderen - trendscenario", { groep: "ouderen", scenario: "trend" }],
    ["Mantelzorgers/mantelzorgontvangers", { groep: "mantelzorgers/mantelzorgontvangers", scenario: null }],
  ])("%p", (label, expected) => {
    expect(parseGroupLabel(label)).toEqual(expected);
  });
  it("gives null for an empty label", () => {
    expect(parseGroupLabel("  ")).toBeNull();
  });
  it("normalises scenario names and spots group headings", () => {
    expect(normaliseScenario("Basisscenario")).toBe("basis");
    expect(normaliseScenario("scenario bovenkant")).toBe("bovenkant");
    expect(normaliseScenario("scenario")).toBeNull();
    expect(looksLikeGroupLabel("Mensen met een lichamelijke beperking")).toBe(true);
    expect(looksLikeGroupLabel("Statushouders (onderkant)")).toBe(true);
    expect(looksLikeGroupLabel("Beschermd wonen")).toBe(false);
  });
});
