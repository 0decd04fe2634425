/**
 * The what-if panel's form parsing without React (src/taskpane/whatif-form.ts): texts of a
 * scenario, and the scenario (or the Dutch messages) of texts as a user types them.
 */
import type { Scenario } from "../../src/session/whatif-view";
import { countMessage, countOf, PCT_MESSAGE, pctText, percentOf, scenarioOf, textsOf, type WhatIfTexts } from "../../src/taskpane/whatif-form";

const OPTIONS = {
  segmenten: [
    { segment: "A", potentieel: 40 },
    { segment: "B", potentieel: 12 },
  ],
  ontmoetingsruimteKandidaten: 3,
  wlzKandidaten: 0,
};

const SCENARIO: Scenario = { aanpassenPercentage: 12.5, aanpassenPerSegment: {}, ontmoetingsruimten: 2, wlzComplexen: 0, plannen: true };

describe("texts of a scenario", () => {
  test("a decimal comma; every segment starts from the general percentage unless it has its own", () => {
    expect(pctText(12.5)).toBe("12,5");
    expect(textsOf(SCENARIO, OPTIONS)).toEqual({ percentage: "12,5", perSegment: false, segmenten: { A: "12,5", B: "12,5" }, ontmoetingsruimten: "2", wlz: "0", plannen: true });
    expect(textsOf({ ...SCENARIO, aanpassenPerSegment: { B: 30 } }, OPTIONS)).toMatchObject({ perSegment: true, segmenten: { A: "12,5", B: "30" } });
  });

  test("the texts of a scenario give that scenario back", () => {
    const withSegments = { ...SCENARIO, aanpassenPerSegment: { A: 5, B: 62.5 } };
    for (const s of [SCENARIO, withSegments]) expect(scenarioOf(textsOf(s, OPTIONS), OPTIONS)).toEqual({ scenario: s, errors: {} });
  });
});

describe("parsing what a user types", () => {
  test.each([
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["12%", 12],
    [" 100 % ", 100],
    ["0", 0],
    ["101", null],
    ["-1", null],
    ["", null],
    ["veel", null],
  ])("percentage %j → %p", (text, expected) => {
    expect(percentOf(text)).toBe(expected);
  });

  test.each([
    ["3", 3, 3],
    ["0", 0, 0],
    ["4", 3, null],
    ["2,5", 3, null],
    ["-1", 3, null],
    ["", 3, null],
  ])("count %j of at most %p → %p", (text, max, expected) => {
    expect(countOf(text, max)).toBe(expected);
  });

  test("a message per wrong input, and no scenario", () => {
    const texts: WhatIfTexts = { percentage: "120", perSegment: false, segmenten: { A: "x", B: "5" }, ontmoetingsruimten: "4", wlz: "1", plannen: false };
    expect(scenarioOf(texts, OPTIONS)).toEqual({
      scenario: null,
      errors: { percentage: PCT_MESSAGE, ontmoetingsruimten: "Vul een geheel getal van 0 tot en met 3 in.", wlz: "Er zijn geen kandidaat-complexen: vul 0 in." },
    });
    expect(countMessage(0)).toBe("Er zijn geen kandidaat-complexen: vul 0 in.");
  });

  test("per segment: each segment's percentage counts and is checked; off: they are ignored", () => {
    const texts: WhatIfTexts = { percentage: "10", perSegment: true, segmenten: { A: "20%", B: "" }, ontmoetingsruimten: "0", wlz: "0", plannen: false };
    expect(scenarioOf(texts, OPTIONS)).toEqual({ scenario: null, errors: { "segment:B": PCT_MESSAGE } });
    expect(scenarioOf({ ...texts, segmenten: { A: "20%", B: "7,5" } }, OPTIONS).scenario).toEqual({
      aanpassenPercentage: 10,
      aanpassenPerSegment: { A: 20, B: 7.5 },
      ontmoetingsruimten: 0,
      wlzComplexen: 0,
      plannen: false,
    });
    expect(scenarioOf({ ...texts, perSegment: false }, OPTIONS).scenario?.aanpassenPerSegment).toEqual({});
  });
});
