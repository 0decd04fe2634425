import { cellText, isMissing, parseDutchBoolean, parseDutchNumber, parseFraction } from "../../src/ingest/cells";

describe("isMissing", () => {
  it.each([
    [null], [""], ["   "], ["\u00a0"], [{ error: "#N/A" }], ["#N/A"], ["#REF!"], ["#WAARDE!"], ["#DEEL/0!"],
    ["#n/b"], [" #NAAM? "], ["-"], ["\u2013"], [NaN],
  ])("%p is missing", (v) => {
    expect(isMissing(v)).toBe(true);
  });
  it.each([[0], [false], ["0"], ["nee"], [new Date(Date.UTC(2020, 0, 1))], ["#3"], ["-12"]])("%p is a value", (v) => {
    expect(isMissing(v)).toBe(false);
  });
});

describe("cellText", () => {
  it("trims text and keeps formula-looking text as plain text", () => {
    expect(cellText("  VHE1001 ")).toBe("VHE1001");
    expect(cellText('=HYPERLINK("http://x","VHE1")')).toBe('=HYPERLINK("http://x","VHE1")');
  });
  it("writes numbers without grouping so ids stay as written", () => {
    expect(cellText(100234)).toBe("100234");
    expect(cellText(12.5)).toBe("12.5");
  });
  it("writes dates as ISO, date only at midnight UTC", () => {
    expect(cellText(new Date(Date.UTC(2020, 0, 1)))).toBe("2020-01-01");
    expect(cellText(new Date(Date.UTC(2020, 0, 1, 12, 30)))).toBe("2020-01-01T12:30:00.000Z");
    expect(cellText(new Date(NaN))).toBeNull();
  });
  it("gives null for missing cells and Dutch words for booleans", () => {
    expect(cellText({ error: "#REF!" })).toBeNull();
    expect(cellText(" ")).toBeNull();
    expect(cellText(true)).toBe("WAAR");
  });
});

describe("parseDutchNumber", () => {
  it.each([
    [1729, 1729], ["1.729", 1729], ["1.729,5", 1729.5], ["12,5", 12.5], [" 3 ", 3], ["1 729", 1729],
    ["-12", -12], ["+7", 7], ["\u22125", -5], ["1.234.567", 1234567], ["45.060", 45060], ["0,62", 0.62],
    ["1,729.5", 1729.5], ["1.5", 1.5], ["12.25", 12.25], ["1.7290", 1.729], ["1,729", 1.729],
    ["1\u00a0729", 1729], [",5", 0.5], ["1E+03", 1000],
  ])("%p → %p", (v, n) => {
    expect(parseDutchNumber(v)).toBe(n);
  });
  it.each([
    [new Date(Date.UTC(2020, 0, 1))], [true], [null], [{ error: "#N/A" }], ["62%"], ["12,5,3"], ["1.72.3"],
    ["abc"], ["1 2 3a"], ["-"], [""], ["1.72,5"], [Infinity], ["3 woningen"],
  ])("%p is not a number", (v) => {
    expect(parseDutchNumber(v)).toBeNull();
  });
  it("reads '1.500' as fifteen hundred and '1.5' as one and a half (documented ambiguity rule)", () => {
    expect(parseDutchNumber("1.500")).toBe(1500);
    expect(parseDutchNumber("1.5")).toBe(1.5);
  });
});

describe("parseFraction", () => {
  it.each([
    ["62%", 0.62], ["62 %", 0.62], [0.62, 0.62], [62, 0.62], ["0,62", 0.62], ["62,5%", 0.625], [1, 1], [100, 1],
    [0, 0], ["100%", 1],
  ])("%p → %p", (v, f) => {
    expect(parseFraction(v)).toBeCloseTo(f, 12);
  });
  it.each([[-0.1], [101], ["120%"], ["veel"], [null], ["-5%"]])("%p → null", (v) => {
    expect(parseFraction(v)).toBeNull();
  });
});

describe("parseDutchBoolean", () => {
  it.each([
    ["ja", true], ["Ja", true], [" J ", true], ["x", true], ["X", true], [1, true], ["1", true], ["waar", true],
    ["WAAR", true], ["true", true], ["yes", true], ["wel", true], ["Aanwezig", true], [true, true],
    ["nee", false], ["N", false], [0, false], ["0", false], ["onwaar", false], ["false", false], ["no", false],
    ["geen", false], ["afwezig", false], [false, false],
  ])("%p → %p", (v, b) => {
    expect(parseDutchBoolean(v)).toBe(b);
  });
  it.each([["misschien"], [2], [null], ["#N/A"], [new Date(0)], ["jaa"]])("%p → null", (v) => {
    expect(parseDutchBoolean(v)).toBeNull();
  });
});
