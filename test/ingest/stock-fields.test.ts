import {
  parseBouwjaar, parseBouwlaag, parseFactBoolean, parseOntmoetingsruimte, parsePositiveWhole, parseSegmentSoort,
  parseZorgprofiel,
} from "../../src/ingest/stock-fields";
import { lookupVeraCode, TOEGANKELIJKHEIDSLABELS, WOONVORMEN, EENHEIDDETAILSOORTEN } from "../../src/ingest/vera-codes";

describe("parseSegmentSoort", () => {
  it.each([
    ["sociale huur", "huur"], ["Vrije sector huur", "huur"], ["huur", "huur"], ["Middenhuur", "huur"], ["DAEB", "huur"],
    ["goedkoop", "huur"], ["betaalbaar", "huur"], ["geliberaliseerd", "huur"], ["koop", "koop"], ["Koopwoning", "koop"],
    ["eigenaar-bewoner", "koop"], ["Eigen woning", "koop"],
  ])("%p → %p", (t, s) => {
    expect(parseSegmentSoort(t)).toBe(s);
  });
  it.each([["particulier"], ["vrije sector"], ["huur/koop"], ["onbekend"]])("%p is not recognisable", (t) => {
    expect(parseSegmentSoort(t)).toBeNull();
  });
});

describe("parseBouwlaag", () => {
  it.each([
    [0, 0], ["0", 0], [3, 3], ["begane grond", 0], ["BG", 0], ["Parterre", 0], ["1e verdieping", 1], ["2de etage", 2],
    ["verdieping 4", 4], ["eerste verdieping", 1], ["-1", -1], ["3", 3],
  ])("%p → %p", (v, n) => {
    expect(parseBouwlaag(v)).toBe(n);
  });
  it.each([[1.5], ["zolder"], ["1e en 2e"], [null], [true]])("%p → null", (v) => {
    expect(parseBouwlaag(v)).toBeNull();
  });
});

describe("parseOntmoetingsruimte", () => {
  it.each([
    ["ja", "inpandig"], ["inpandig", "inpandig"], ["x", "inpandig"], ["aangrenzend", "aangrenzend"],
    ["In aangrenzend gebouw", "aangrenzend"], ["naastgelegen", "aangrenzend"], ["nee", "geen"], ["geen", "geen"],
  ])("%p → %p", (v, o) => {
    expect(parseOntmoetingsruimte(v)).toBe(o);
  });
  it("gives null for other text", () => {
    expect(parseOntmoetingsruimte("soms")).toBeNull();
  });
});

describe("other facts", () => {
  it("reads zorgprofiel", () => {
    expect(parseZorgprofiel("SOM")).toBe("SOM");
    expect(parseZorgprofiel("somatisch")).toBe("SOM");
    expect(parseZorgprofiel("pg")).toBe("PG");
    expect(parseZorgprofiel("Psychogeriatrisch")).toBe("PG");
    expect(parseZorgprofiel("GGZ")).toBeNull();
  });
  it("reads field-specific yes/no words", () => {
    expect(parseFactBoolean("lift", "met lift")).toBe(true);
    expect(parseFactBoolean("lift", "zonder lift")).toBe(false);
    expect(parseFactBoolean("zelfstandig", "onzelfstandig")).toBe(false);
    expect(parseFactBoolean("label55plus", "55+")).toBe(true);
    expect(parseFactBoolean("wlz", "ja")).toBe(true);
    expect(parseFactBoolean("wlz", "soms")).toBeNull();
  });
  it("reads construction years and whole counts", () => {
    expect(parseBouwjaar(1975)).toBe(1975);
    expect(parseBouwjaar("1.975")).toBe(1975);
    expect(parseBouwjaar(new Date(Date.UTC(1968, 5, 1)))).toBe(1968);
    expect(parseBouwjaar(75)).toBeNull();
    expect(parsePositiveWhole("24")).toBe(24);
    expect(parsePositiveWhole(0)).toBeNull();
    expect(parsePositiveWhole(12.5)).toBeNull();
  });
});

describe("lookupVeraCode", () => {
  it("reads codes, 'code - name' and names", () => {
    expect(lookupVeraCode(TOEGANKELIJKHEIDSLABELS, "nul")).toBe("NUL");
    expect(lookupVeraCode(TOEGANKELIJKHEIDSLABELS, "ROA - Rollatorwoning")).toBe("ROA");
    expect(lookupVeraCode(TOEGANKELIJKHEIDSLABELS, "Rollatorwoning (geen nultredenwoning)")).toBe("ROG");
    expect(lookupVeraCode(WOONVORMEN, "Geclusterde woonvorm")).toBe("GEC");
    expect(lookupVeraCode(WOONVORMEN, "zorggeschikt")).toBe("ZWO");
    expect(lookupVeraCode(EENHEIDDETAILSOORTEN, "Portiekflat")).toBe("POF");
    expect(lookupVeraCode(EENHEIDDETAILSOORTEN, "TUS")).toBe("TUS");
    expect(lookupVeraCode(TOEGANKELIJKHEIDSLABELS, "GELIJKVLOERS")).toBeNull();
    expect(lookupVeraCode(WOONVORMEN, "hofje")).toBeNull();
  });
});
