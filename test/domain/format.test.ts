import { compareNullLast, formatGetal, formatLijst, formatPercentage, formatWoningen } from "../../src/domain/format";

describe("Dutch formatting for messages", () => {
  test("numbers use '.' for thousands and ',' for decimals", () => {
    expect(formatGetal(0)).toBe("0");
    expect(formatGetal(999)).toBe("999");
    expect(formatGetal(7824)).toBe("7.824");
    expect(formatGetal(131118)).toBe("131.118");
    expect(formatGetal(1234567)).toBe("1.234.567");
    expect(formatGetal(-227)).toBe("-227");
    expect(formatGetal(-87937)).toBe("-87.937");
    expect(formatGetal(12.5)).toBe("12,5");
    expect(formatGetal(0.05)).toBe("0,05");
    expect(formatGetal(1000.25)).toBe("1.000,25");
  });

  test("every whole number from -999 to 999 (the plain-digits path) as Intl's nl-NL notation, for every number of decimals", () => {
    for (let d = 0; d <= 4; d++) {
      const intl = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: d, useGrouping: true });
      for (let n = -999; n <= 999; n++) expect(formatGetal(n, d)).toBe(intl.format(n));
    }
    expect(formatGetal(-0)).toBe("0");
    expect(formatGetal(999.5, 0)).toBe("1.000");
    expect(formatGetal(-999.5, 1)).toBe("-999,5");
  });

  test("percentages of fractions, at most one decimal", () => {
    expect(formatPercentage(0.5)).toBe("50%");
    expect(formatPercentage(0.7)).toBe("70%");
    expect(formatPercentage(0.625)).toBe("62,5%");
    expect(formatPercentage(1)).toBe("100%");
  });

  test("lists and dwelling counts read as Dutch", () => {
    expect(formatLijst([])).toBe("");
    expect(formatLijst(["lift"])).toBe("lift");
    expect(formatLijst(["lift", "verdieping"])).toBe("lift en verdieping");
    expect(formatLijst(["a", "b", "c"], "of")).toBe("a, b of c");
    expect(formatWoningen(1)).toBe("1 woning");
    expect(formatWoningen(7824)).toBe("7.824 woningen");
  });

  test("group names sort in Dutch order with unknown last", () => {
    const names = ["Voerendaal", null, "Beekdaelen", "Heerlen"];
    expect([...names].sort(compareNullLast)).toEqual(["Beekdaelen", "Heerlen", "Voerendaal", null]);
  });
});
