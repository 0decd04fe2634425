import { parseBat, lookupBatName } from "../../src/ingest/bat-values";
import { batCode } from "../../src/domain/bat";

describe("parseBat", () => {
  it.each([
    [0, 0, "getal"], [4, 4, "getal"], ["3", 3, "getal"], [" 2 ", 2, "getal"],
    ["BAT 0", 0, "limburg"], ["BAT 4", 4, "limburg"], ["bat-2", 2, "limburg"], ["BAT_1", 1, "limburg"], ["BAT0", 0, "limburg"],
    ["ongeschikt", 0, "limburg"], ["Wandelstokgeschikt", 1, "limburg"], ["rollatorbewoonbaar", 2, "limburg"],
    ["Rolstoel bewoonbaar", 3, "limburg"], ["verpleegzorg", 4, "limburg"], ["Geschikt voor verpleegzorg", 4, "limburg"],
    ["BAT 2 rollatorbewoonbaar", 2, "limburg"], ["0 - ongeschikt", 0, "limburg"],
    ["BAT1", 1, "vera"], ["bat5", 5, "vera"], ["BAT2 Rollator bezoekbaar", 2, "vera"], ["BAT4 - Rolstoel woonbaar", 4, "vera"],
    ["Nultrapswoning", 1, "vera"], ["Rollator bezoekbaar", 2, "vera"], ["Rolstoel bezoekbaar", 3, "vera"],
    ["Rolstoel woonbaar", 4, "vera"], ["Zorg", 5, "vera"],
  ])("%p → level %p (%s)", (v, level, form) => {
    expect(parseBat(v)).toEqual({ level, form });
  });

  it("reads plain numbers on the VERA scale when told (1..5 = BAT1..BAT5)", () => {
    expect(parseBat(5, "vera")).toEqual({ level: 5, form: "getal" });
    expect(parseBat(0, "vera")).toMatchObject({ code: "bat-buiten-bereik" });
  });

  it("treats 5 as out of range on the Limburg scale and hints at the VERA setting", () => {
    const p = parseBat(5);
    expect(p).toMatchObject({ code: "bat-buiten-bereik" });
    expect((p as { error: string }).error).toContain("0 t/m 4");
    expect((p as { error: string }).error).toContain("VERA-schaal");
  });

  it.each([
    [2.5, "bat-geen-geheel-getal"], ["2,5", "bat-geen-geheel-getal"], ["BAT 2,5", "bat-geen-geheel-getal"],
    [-1, "bat-buiten-bereik"], [7, "bat-buiten-bereik"], ["BAT 5", "bat-buiten-bereik"], ["BAT6", "bat-buiten-bereik"],
    ["hoog", "bat-onleesbaar"], [true, "bat-onleesbaar"], [new Date(0), "bat-onleesbaar"], ["BAT", "bat-onleesbaar"],
    ["BAT2 Rolstoel woonbaar", "bat-tegenstrijdig"], ["BAT 2 rollator bezoekbaar", "bat-tegenstrijdig"],
    ["3 - ongeschikt", "bat-tegenstrijdig"],
  ])("%p is an error (%s) with a Dutch message", (v, code) => {
    const p = parseBat(v);
    expect(p).toMatchObject({ code });
    expect((p as { error: string }).error).toMatch(/BAT|bat|toegestaan/);
  });

  it("returns null for missing cells", () => {
    expect(parseBat(null)).toBeNull();
    expect(parseBat("#N/A")).toBeNull();
    expect(parseBat("  ")).toBeNull();
  });
});

describe("helpers", () => {
  it("looks up names in any spelling, and writes category codes per scale", () => {
    expect(lookupBatName("Rollator-bewoonbaar")).toEqual({ level: 2, form: "limburg" });
    expect(lookupBatName("onbekend")).toBeNull();
    expect(batCode(2, "limburg")).toBe("2");
    expect(batCode(2, "vera")).toBe("BAT2");
  });
});
