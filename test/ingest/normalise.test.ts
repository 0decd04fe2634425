import { normaliseHeader, normaliseLabel, stripBracketed } from "../../src/ingest/normalise";

describe("normaliseHeader", () => {
  it.each([
    ["VHE-nummer", "vhenummer"], ["vhe nummer", "vhenummer"], ["VHE_Nummer", "vhenummer"], ["Aandeel 55+ (%)", "aandeel55+%"],
    ["Toegankelijkheid (BAT)", "toegankelijkheidbat"], ["Eénheid", "eenheid"], ["Wlz-zorg geleverd", "wlzzorggeleverd"],
    ["Recreatie-/ontmoetingsruimte", "recreatieontmoetingsruimte"], ["BAT\nscore", "batscore"], ["  ", ""],
  ])("%p → %p", (h, k) => {
    expect(normaliseHeader(h)).toBe(k);
  });
});

describe("normaliseLabel", () => {
  it("lower-cases, collapses whitespace and trims, keeping words and punctuation", () => {
    expect(normaliseLabel("  Nultreden   in regulier\nwonen ")).toBe("nultreden in regulier wonen");
    expect(normaliseLabel("Zorggeschikt/woonzorgcentrum (SOM)")).toBe("zorggeschikt/woonzorgcentrum (som)");
    expect(normaliseLabel("Geïnventariseerd\u00a0aanbod")).toBe("geïnventariseerd aanbod");
  });
});

describe("stripBracketed", () => {
  it("removes bracketed qualifiers", () => {
    expect(normaliseHeader(stripBracketed("BAT-score (0-4)"))).toBe("batscore");
    expect(normaliseHeader(stripBracketed("Lift [j/n]"))).toBe("lift");
  });
});
