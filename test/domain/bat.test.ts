import {
  batCode,
  batCodes,
  batLabel,
  batLevelFromCode,
  isValidLevel,
  scaleOfCode,
} from "../../src/domain/bat";

describe("BAT scales", () => {
  test("Limburg codes are 0..4 and VERA codes BAT1..BAT5, low to high", () => {
    expect(batCodes("limburg")).toEqual(["0", "1", "2", "3", "4"]);
    expect(batCodes("vera")).toEqual(["BAT1", "BAT2", "BAT3", "BAT4", "BAT5"]);
  });

  test("batCodes returns a fresh array that callers may change", () => {
    const a = batCodes("limburg");
    a.pop();
    expect(batCodes("limburg")).toHaveLength(5);
  });

  test("batCode maps a level to its code on each scale", () => {
    expect(batCode(0, "limburg")).toBe("0");
    expect(batCode(4, "limburg")).toBe("4");
    expect(batCode(1, "vera")).toBe("BAT1");
    expect(batCode(5, "vera")).toBe("BAT5");
  });

  test("levels outside the scale are invalid and batCode/batLabel refuse them", () => {
    expect(isValidLevel(5, "limburg")).toBe(false);
    expect(isValidLevel(0, "vera")).toBe(false);
    expect(isValidLevel(2.5, "limburg")).toBe(false);
    expect(isValidLevel(Number.NaN, "vera")).toBe(false);
    expect(isValidLevel(-1, "limburg")).toBe(false);
    expect(() => batCode(5, "limburg")).toThrow(RangeError);
    expect(() => batLabel(0, "vera")).toThrow(RangeError);
  });

  test("Dutch labels follow the published scales (docs/handleiding.md §3)", () => {
    expect([0, 1, 2, 3, 4].map((l) => batLabel(l, "limburg"))).toEqual([
      "ongeschikt",
      "wandelstokgeschikt",
      "rollatorbewoonbaar",
      "rolstoelbewoonbaar",
      "geschikt voor verpleegzorg",
    ]);
    expect([1, 2, 3, 4, 5].map((l) => batLabel(l, "vera"))).toEqual([
      "Nultrapswoning",
      "Rollator bezoekbaar",
      "Rolstoel bezoekbaar",
      "Rolstoel woonbaar",
      "Zorg",
    ]);
  });

  test("codes are recognised by their form and map back to levels", () => {
    expect(scaleOfCode("3")).toBe("limburg");
    expect(scaleOfCode("BAT3")).toBe("vera");
    expect(scaleOfCode("5")).toBeNull();
    expect(scaleOfCode("geclusterd")).toBeNull();
    for (const scale of ["limburg", "vera"] as const) {
      for (const code of batCodes(scale)) expect(batCode(batLevelFromCode(code, scale)!, scale)).toBe(code);
    }
    expect(batLevelFromCode("BAT2", "limburg")).toBeNull();
  });
});
