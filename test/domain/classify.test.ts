import { classifyStock } from "../../src/domain/classify";
import { DEFAULT_RULES, parseRules, type Rules } from "../../src/domain/rules";
import type { StockRow, ClassifiedDwelling } from "../../src/domain/types";
import { gemeenteKey } from "../../src/domain/gemeente";
import { isLandelijk } from "../../src/domain/reclassify";
import { complexRows, stockRow } from "./fixtures";

function rulesWith(json: unknown): Rules {
  const r = parseRules(json);
  if (!r.ok) throw new Error(r.message);
  return r.rules;
}

function classifyOne(row: StockRow, rules: Rules = DEFAULT_RULES): ClassifiedDwelling {
  return classifyStock([row], rules).dwellings[0];
}

/** A complex that meets every geclusterd criterion by default: 24 dwellings, indoor room, 70% 55+. */
const SENIORENFLAT: Partial<StockRow> = { complex: "C12", ontmoetingsruimte: "inpandig", aandeel55plus: 0.7 };

describe("nultreden", () => {
  test("Limburg scale: BAT ≥ 1 is nultreden (Kerkrade reading), BAT 0 is regulier", () => {
    const [b0, b1, b4] = [0, 1, 4].map((bat) => classifyOne(stockRow({ bat })));
    expect(b0.bzk).toBe("regulier");
    expect(b0.nultreden).toBe(false);
    expect(b0.reden).toBe("BAT 0 < 1: niet nultreden");
    expect(b1.nultreden).toBe(true);
    expect(b1.bzk).toBe("nultreden");
    expect(b1.reden).toMatch(/^BAT 1 ≥ 1: nultreden/);
    expect(b4.bzk).toBe("nultreden");
  });

  test("the strict reading BAT ≥ 2 makes wandelstokgeschikt dwellings regulier", () => {
    const strict = rulesWith({ nultreden: { limburgMinBat: 2 } });
    expect(classifyOne(stockRow({ bat: 1 }), strict).bzk).toBe("regulier");
    expect(classifyOne(stockRow({ bat: 2 }), strict).bzk).toBe("nultreden");
  });

  test("VERA scale: BAT1 (nultrapswoning) and higher are nultreden", () => {
    const d = classifyOne(stockRow({ bat: 1, batScale: "vera" }));
    expect(d.nultreden).toBe(true);
    expect(d.reden).toMatch(/^BAT1 ≥ BAT1: nultreden/);
  });

  test("without BAT, the VERA label decides: NUL/ROA/ROL/RUI are nultreden, GNV/ROG/ZON/GEL are not", () => {
    for (const label of ["NUL", "ROA", "ROL", "RUI"]) {
      const d = classifyOne(stockRow({ toegankelijkheidslabel: label }));
      expect(d.nultreden).toBe(true);
      expect(d.reden).toContain(`label ${label} (geen BAT-score): nultreden`);
    }
    for (const label of ["GNV", "ROG", "ZON", "GEL"]) {
      const d = classifyOne(stockRow({ toegankelijkheidslabel: label }));
      expect(d.bzk).toBe("regulier");
      expect(d.warnings).toEqual([]);
    }
  });

  test("BAT wins over a contradicting label, with a warning on the dwelling and one aggregated issue", () => {
    const rows = [stockRow({ bat: 0, toegankelijkheidslabel: "NUL" }), stockRow({ bat: 0, toegankelijkheidslabel: "ROL", aantal: 3 })];
    const { dwellings, issues } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings.map((d) => d.bzk)).toEqual(["regulier", "regulier"]);
    expect(dwellings[0].warnings[0]).toBe(
      "BAT 0 (ongeschikt) en toegankelijkheidslabel NUL spreken elkaar tegen over nultreden; de BAT-score is gebruikt",
    );
    const issue = issues.filter((i) => i.code === "bat-label-tegenstrijdig");
    expect(issue).toHaveLength(1);
    expect(issue[0].message).toMatch(/^4 woningen \(2 rijen\): /);
    expect(issue[0].message).toContain(`rij ${rows[0].rowNumber}, ${rows[1].rowNumber}`);
    expect(issue[0].cell).toBeNull();
  });

  test("a label that agrees with the BAT gives no warning", () => {
    const d = classifyOne(stockRow({ bat: 2, toegankelijkheidslabel: "ROA", complex: "A", ontmoetingsruimte: "geen" }));
    expect(d.warnings).toEqual([]);
  });

  test("no BAT and no usable label: onbekend, never guessed", () => {
    const none = classifyOne(stockRow({}));
    expect(none.bzk).toBe("onbekend");
    expect([none.nultreden, none.geclusterd, none.zorggeschikt]).toEqual([false, false, false]);
    expect(none.warnings).toEqual(["Geen BAT-score en geen bruikbaar toegankelijkheidslabel: BZK-type onbekend"]);
    const odd = classifyOne(stockRow({ toegankelijkheidslabel: "XYZ" }));
    expect(odd.bzk).toBe("onbekend");
    expect(odd.warnings).toContain("Toegankelijkheidslabel 'XYZ' is onbekend; niet gebruikt");
  });

  test("a BAT level that does not exist on the row's scale is not used; the label still counts", () => {
    const d = classifyOne(stockRow({ bat: 5, batScale: "limburg", toegankelijkheidslabel: "NUL" }));
    expect(d.bzk).toBe("nultreden");
    expect(d.warnings[0]).toMatch(/BAT-score 5 bestaat niet op de Limburgse schaal/);
  });

  test("a BAT without scale uses the rules' batSchaal when set, and is refused on 'auto'", () => {
    const row = stockRow({ bat: 1, batScale: null });
    expect(classifyOne(row).bzk).toBe("onbekend");
    expect(classifyOne(row, rulesWith({ batSchaal: "vera" })).bzk).toBe("nultreden");
  });
});

describe("geclusterd", () => {
  test("complex with indoor room, ≥ 12 dwellings and ≥ 50% 55+ makes its nultreden dwellings geclusterd", () => {
    const rows = [...complexRows(22, { ...SENIORENFLAT, bat: 1 }), stockRow({ ...SENIORENFLAT, bat: 0 }), stockRow({ ...SENIORENFLAT, bat: 3 })];
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings[0].bzk).toBe("geclusterd");
    expect(dwellings[0].reden).toBe(
      "BAT 1 ≥ 1: nultreden; complex C12: inpandige ontmoetingsruimte, 24 woningen, 70% 55+: geclusterd; " +
        "BAT 1 < 2, Wlz-zorg in complex onbekend: niet zorggeschikt",
    );
    expect(dwellings[0].warnings).toEqual([]); // BAT 1 rules out zorggeschikt: the unknown Wlz does not matter
    expect(dwellings[22].bzk).toBe("regulier"); // BAT 0 stays regulier inside a clustered complex
    expect(dwellings[23].reden).toBe(
      "BAT 3 ≥ 1: nultreden; complex C12: inpandige ontmoetingsruimte, 24 woningen, 70% 55+: geclusterd; " +
        "BAT 3 ≥ 2, Wlz-zorg in complex onbekend: zorggeschikt niet te bepalen",
    );
  });

  test("complex size is the sum of aantal, or complexgrootte when given", () => {
    const grouped = classifyStock([stockRow({ ...SENIORENFLAT, bat: 2, aantal: 12 })], DEFAULT_RULES).dwellings[0];
    expect(grouped.geclusterd).toBe(true);
    const small = classifyStock(complexRows(11, { ...SENIORENFLAT, bat: 2 }), DEFAULT_RULES).dwellings[0];
    expect(small.bzk).toBe("nultreden");
    expect(small.reden).toContain("11 woningen, 70% 55+: niet geclusterd (minder dan 12 woningen)");
    // Only 3 of the complex's 40 dwellings are in this table (the rest belong to another owner).
    const partial = classifyStock(complexRows(3, { ...SENIORENFLAT, bat: 2, complexgrootte: 40 }), DEFAULT_RULES).dwellings[0];
    expect(partial.geclusterd).toBe(true);
    expect(partial.reden).toContain("40 woningen");
  });

  test("the rural lower bound applies in the listed gemeenten only", () => {
    const rules = rulesWith({ geclusterd: { landelijkeGemeenten: ["Simpelveld"], minWoningenLandelijk: 8 } });
    const rows = [
      ...complexRows(8, { ...SENIORENFLAT, complex: "S1", gemeente: "Simpelveld", bat: 1 }),
      ...complexRows(8, { ...SENIORENFLAT, complex: "H1", gemeente: "Heerlen", bat: 1 }),
    ];
    const { dwellings } = classifyStock(rows, rules);
    expect(dwellings[0].bzk).toBe("geclusterd");
    expect(dwellings[8].bzk).toBe("nultreden");
    expect(dwellings[8].reden).toContain("niet geclusterd (minder dan 12 woningen)");
  });

  test("a rural gemeente matches however it is written, as in the CBS route (gemeenteKey)", () => {
    // Before: the rural check compared trim().toLowerCase(), so "Gemeente Beekdaelen" in the stock
    // missed "Beekdaelen" in the rules, while the CBS route (gemeenteKey) matched them.
    const rules = rulesWith({ geclusterd: { landelijkeGemeenten: ["Beekdaelen", "Simpelveld"], minWoningenLandelijk: 8 } });
    const rows = [
      ...complexRows(8, { ...SENIORENFLAT, complex: "B1", gemeente: "Gemeente Beekdaelen", bat: 1 }),
      ...complexRows(8, { ...SENIORENFLAT, complex: "S1", gemeente: "SIMPELVELD", bat: 1 }),
      ...complexRows(8, { ...SENIORENFLAT, complex: "H1", gemeente: "Gemeente Heerlen", bat: 1 }),
    ];
    const { dwellings } = classifyStock(rows, rules);
    expect([dwellings[0].bzk, dwellings[8].bzk, dwellings[16].bzk]).toEqual(["geclusterd", "geclusterd", "nultreden"]);
    expect(isLandelijk("Gemeente Beekdaelen", rules)).toBe(true);
    expect(isLandelijk("Heerlen", rules)).toBe(false);
    expect(gemeenteKey("Gemeente Beekdaelen")).toBe(gemeenteKey("Beekdaelen"));
  });

  test("an adjoining meeting room counts only with the VERA option", () => {
    const rows = complexRows(12, { ...SENIORENFLAT, ontmoetingsruimte: "aangrenzend", bat: 1 });
    expect(classifyStock(rows, DEFAULT_RULES).dwellings[0].bzk).toBe("nultreden");
    const vera = rulesWith({ geclusterd: { ontmoetingsruimteAangrenzendTelt: true } });
    expect(classifyStock(rows, vera).dwellings[0].bzk).toBe("geclusterd");
  });

  test("a meeting room on any row of the complex counts for all its dwellings", () => {
    const rows = [stockRow({ complex: "C1", bat: 1, ontmoetingsruimte: "inpandig", aandeel55plus: 0.6 }), ...complexRows(14, { complex: "C1", bat: 1 })];
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings.every((d) => d.bzk === "geclusterd")).toBe(true);
  });

  test("share 55+ below the minimum: not geclusterd", () => {
    const rows = complexRows(20, { ...SENIORENFLAT, aandeel55plus: 0.4, bat: 1 });
    const d = classifyStock(rows, DEFAULT_RULES).dwellings[0];
    expect(d.bzk).toBe("nultreden");
    expect(d.reden).toContain("40% 55+: niet geclusterd (minder dan 50% 55+)");
  });

  test("share 55+ unknown: the share of dwellings labelled 55+ decides, with bounds for unlabelled ones", () => {
    const base = { complex: "L", ontmoetingsruimte: "inpandig" as const, bat: 1 };
    // 7 of 12 labelled: 58% ≥ 50% → geclusterd.
    const yes = classifyStock([...complexRows(7, { ...base, label55plus: true }), ...complexRows(5, { ...base, label55plus: false })], DEFAULT_RULES);
    expect(yes.dwellings[0].bzk).toBe("geclusterd");
    // 4 yes, 4 no, 4 unknown: between 33% and 67%: cannot be proven.
    const unsure = classifyStock(
      [...complexRows(4, { ...base, label55plus: true }), ...complexRows(4, { ...base, label55plus: false }), ...complexRows(4, base)],
      DEFAULT_RULES,
    );
    expect(unsure.dwellings[0].bzk).toBe("nultreden");
    expect(unsure.dwellings[0].warnings).toContain("Geclusterd niet te bepalen: aandeel 55+ van complex L onbekend");
    // 2 yes, 8 no, 2 unknown: at most 33% → not geclusterd, no warning about the unknowns.
    const no = classifyStock(
      [...complexRows(2, { ...base, label55plus: true }), ...complexRows(8, { ...base, label55plus: false }), ...complexRows(2, base)],
      DEFAULT_RULES,
    );
    expect(no.dwellings[0].bzk).toBe("nultreden");
    expect(no.dwellings[0].warnings).toEqual([]);
    expect(no.dwellings[0].reden).toContain("niet geclusterd");
    // Option off: labels are not used.
    const off = rulesWith({ geclusterd: { label55plusAlsAandeelOnbekend: false } });
    const offResult = classifyStock(complexRows(12, { ...base, label55plus: true }), off);
    expect(offResult.dwellings[0].bzk).toBe("nultreden");
  });

  test("missing complex facts: the highest provable type and a warning that names the missing fact", () => {
    const d = classifyStock(complexRows(30, { complex: "K7", bat: 2, aandeel55plus: 0.8 }), DEFAULT_RULES).dwellings[0];
    expect(d.bzk).toBe("nultreden");
    expect(d.geclusterd).toBe(false);
    expect(d.warnings).toEqual(["Geclusterd niet te bepalen: ontmoetingsruimte van complex K7 onbekend"]);
  });

  test("a known failing fact decides even when another fact is missing", () => {
    const d = classifyStock(complexRows(5, { complex: "K8", bat: 2 }), DEFAULT_RULES).dwellings[0];
    expect(d.bzk).toBe("nultreden");
    expect(d.warnings).toEqual([]);
  });

  test("rows without complex cannot be geclusterd: warning 'geen complex bekend'", () => {
    const d = classifyOne(stockRow({ bat: 3, ontmoetingsruimte: "inpandig", aandeel55plus: 0.9, complexgrootte: 40 }));
    expect(d.bzk).toBe("nultreden");
    expect(d.warnings).toEqual(["Geen complex bekend: geclusterd niet te bepalen"]);
  });

  test("the same complex number of two owners is two complexes", () => {
    const rows = [
      ...complexRows(10, { complex: "100", eigenaar: "Wonen Zuid", bat: 1, ontmoetingsruimte: "inpandig", aandeel55plus: 0.9 }),
      ...complexRows(10, { complex: "100", eigenaar: "HEEMwonen", bat: 1, ontmoetingsruimte: "inpandig", aandeel55plus: 0.9 }),
    ];
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings.every((d) => d.bzk === "nultreden")).toBe(true);
    expect(dwellings[0].reden).toContain("10 woningen");
  });

  test("conflicting facts within a complex: one warning issue for that complex", () => {
    const rows = [
      ...complexRows(10, { complex: "C3", bat: 1, ontmoetingsruimte: "inpandig", aandeel55plus: 0.6, complexgrootte: 20 }),
      ...complexRows(10, { complex: "C3", bat: 1, ontmoetingsruimte: "geen", aandeel55plus: 0.45, complexgrootte: 24 }),
    ];
    const { dwellings, issues } = classifyStock(rows, DEFAULT_RULES);
    const conflicts = issues.filter((i) => i.code === "complex-tegenstrijdig");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].message).toContain("Complex C3");
    expect(conflicts[0].message).toContain("ontmoetingsruimte verschilt per rij");
    expect(conflicts[0].message).toContain("complexgrootte verschilt per rij (20 tot 24); 20 aangehouden");
    expect(conflicts[0].message).toContain("aandeel 55+ verschilt per rij (45% tot 60%); 45% aangehouden");
    // Smallest share (45%) is used: not geclusterd; the dwelling says why.
    expect(dwellings[0].bzk).toBe("nultreden");
    expect(dwellings[0].warnings[0]).toMatch(/^Complex C3 heeft tegenstrijdige gegevens/);
  });
});

describe("zorggeschikt", () => {
  const careComplex: Partial<StockRow> = { ...SENIORENFLAT, wlz: true };

  test("geclusterd + rollator-suitable (Limburg BAT ≥ 2) + Wlz care in the complex", () => {
    const rows = [
      ...complexRows(10, { ...careComplex, bat: 2, zorgprofiel: "PG" }),
      ...complexRows(10, { ...careComplex, bat: 1, zorgprofiel: "PG" }),
      ...complexRows(4, { ...careComplex, bat: 4 }),
    ];
    const { dwellings, issues } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings[0].bzk).toBe("zorggeschikt");
    expect(dwellings[0].zorgprofiel).toBe("PG");
    expect(dwellings[0].reden).toContain("BAT 2 ≥ 2, Wlz-zorg in complex: zorggeschikt (PG)");
    expect(dwellings[10].bzk).toBe("geclusterd");
    expect(dwellings[10].zorgprofiel).toBeNull(); // only zorggeschikte dwellings carry a profile
    expect(dwellings[10].reden).toContain("BAT 1 < 2, Wlz-zorg in complex: niet zorggeschikt");
    expect(dwellings[20].bzk).toBe("zorggeschikt");
    expect(dwellings[20].zorgprofiel).toBeNull();
    const noProfile = issues.find((i) => i.code === "zorgprofiel-onbekend");
    expect(noProfile?.severity).toBe("info");
    expect(noProfile?.message).toMatch(/^4 woningen: /);
  });

  test("VERA BAT2/BAT3 are only 'bezoekbaar': zorggeschikt needs BAT4 by default", () => {
    const rows = [
      ...complexRows(6, { ...careComplex, bat: 3, batScale: "vera" }),
      ...complexRows(6, { ...careComplex, bat: 4, batScale: "vera" }),
    ];
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings[0].bzk).toBe("geclusterd");
    expect(dwellings[0].reden).toContain("BAT3 < BAT4");
    expect(dwellings[6].bzk).toBe("zorggeschikt");
  });

  test("without Wlz care in the complex: geclusterd; the requirement can be switched off", () => {
    const rows = complexRows(12, { ...SENIORENFLAT, wlz: false, bat: 3 });
    const d = classifyStock(rows, DEFAULT_RULES).dwellings[0];
    expect(d.bzk).toBe("geclusterd");
    expect(d.reden).toContain("geen Wlz-zorg in complex: niet zorggeschikt");
    expect(classifyStock(rows, rulesWith({ zorggeschikt: { wlzVereist: false } })).dwellings[0].bzk).toBe("zorggeschikt");
  });

  test("a dwelling that is explicitly not zelfstandig is not zorggeschikt; unknown does not exclude", () => {
    const rows = [...complexRows(6, { ...careComplex, bat: 3, zelfstandig: false }), ...complexRows(6, { ...careComplex, bat: 3 })];
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings[0].bzk).toBe("geclusterd");
    expect(dwellings[0].reden).toContain("niet zelfstandig");
    expect(dwellings[6].bzk).toBe("zorggeschikt");
  });

  test("label only: ROL is zorggeschikt-suitable, NUL is not", () => {
    const rows = [
      ...complexRows(6, { ...careComplex, toegankelijkheidslabel: "ROL" }),
      ...complexRows(6, { ...careComplex, toegankelijkheidslabel: "NUL" }),
    ];
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings[0].bzk).toBe("zorggeschikt");
    expect(dwellings[6].bzk).toBe("geclusterd");
  });
});

describe("declared VERA woonvorm", () => {
  test("GEC proves geclusterd when the complex facts are unknown", () => {
    const d = classifyStock(complexRows(3, { complex: "G1", complexgrootte: 30, bat: 1, woonvorm: "GEC" }), DEFAULT_RULES);
    expect(d.dwellings[0].bzk).toBe("geclusterd");
    expect(d.dwellings[0].reden).toContain(
      "complex G1: ontmoetingsruimte onbekend, 30 woningen, aandeel 55+ onbekend: geclusterd op grond van gedeclareerde woonvorm GEC (ontmoetingsruimte en aandeel 55+ onbekend)",
    );
    expect(d.issues.find((i) => i.code === "woonvorm-als-bewijs")?.message).toMatch(/^3 woningen: /);
    expect(d.issues.find((i) => i.code === "ontmoetingsruimte-onbekend")).toBeUndefined();
  });

  test("known facts that contradict GEC win, with the warning of the product spec", () => {
    const { dwellings, issues } = classifyStock(
      complexRows(8, { complex: "C8", bat: 2, woonvorm: "GEC", ontmoetingsruimte: "inpandig", aandeel55plus: 0.9 }),
      DEFAULT_RULES,
    );
    expect(dwellings[0].bzk).toBe("nultreden");
    expect(dwellings[0].warnings).toContain("GEC gedeclareerd, maar complex C8 heeft 8 woningen (minimaal 12)");
    expect(issues.find((i) => i.code === "woonvorm-tegenstrijdig")?.message).toMatch(/^8 woningen: /);
  });

  test("GEC on a BAT 0 dwelling: BAT wins, not nultreden", () => {
    const d = classifyOne(stockRow({ bat: 0, woonvorm: "GEC", complex: "X" }));
    expect(d.bzk).toBe("regulier");
    expect(d.warnings).toContain("GEC gedeclareerd, maar BAT 0 < 1: niet nultreden");
  });

  test("ZWO proves zorggeschikt when Wlz is unknown, but not against a known fact", () => {
    const rows = [
      ...complexRows(12, { ...SENIORENFLAT, complex: "Z1", bat: 2, woonvorm: "ZWO", zorgprofiel: "SOM" }),
      ...complexRows(12, { ...SENIORENFLAT, complex: "Z2", bat: 2, woonvorm: "ZWO", wlz: false }),
    ];
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings[0].bzk).toBe("zorggeschikt");
    expect(dwellings[0].zorgprofiel).toBe("SOM");
    expect(dwellings[12].bzk).toBe("geclusterd");
    expect(dwellings[12].warnings).toContain("ZWO gedeclareerd, maar geen Wlz-zorg in complex");
  });

  test("without BAT or label, a declaration still proves nultreden and its level", () => {
    const d = classifyOne(stockRow({ woonvorm: "ZWO", complex: "Z9", complexgrootte: 20 }));
    expect(d.bzk).toBe("zorggeschikt");
    expect(d.reden).toMatch(/^geen bruikbare BAT-score of toegankelijkheidslabel; nultreden op grond van gedeclareerde woonvorm ZWO/);
  });

  test("option 'negeren' ignores declarations", () => {
    const rules = rulesWith({ woonvormGedeclareerd: "negeren" });
    const d = classifyStock(complexRows(3, { complex: "G1", complexgrootte: 30, bat: 1, woonvorm: "GEC" }), rules).dwellings[0];
    expect(d.bzk).toBe("nultreden");
    expect(d.warnings).toEqual(["Geclusterd niet te bepalen: ontmoetingsruimte en aandeel 55+ van complex G1 onbekend"]);
  });
});

describe("issues for large stocks", () => {
  test("one aggregated issue per kind, with dwelling count and example rows, never one per dwelling", () => {
    // The Kerkrade social-rent stock has no complex facts at all: every nultreden dwelling lacks them.
    const rows = Array.from({ length: 3175 }, (_, i) => stockRow({ complex: `K${i % 40}`, bat: 1 + (i % 4) }));
    const { dwellings, issues } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings).toHaveLength(3175);
    const room = issues.filter((i) => i.code === "ontmoetingsruimte-onbekend");
    expect(room).toHaveLength(1);
    expect(room[0].message).toBe(
      `3.175 woningen: geclusterd niet te bepalen omdat de kolom 'ontmoetingsruimte' ontbreekt. ` +
        `Bijvoorbeeld rij ${rows
          .slice(0, 5)
          .map((r) => r.rowNumber)
          .join(", ")} en meer (blad Voorraad). Voeg een kolom 'ontmoetingsruimte' toe, of wijs die aan als hij anders heet.`,
    );
    expect(room[0].sheet).toBe("Voorraad");
    expect(room[0].cell).toBeNull();
    expect(issues.filter((i) => i.code === "aandeel55plus-onbekend")).toHaveLength(1);
    expect(issues.length).toBeLessThan(5);
  });

  test("mixed BAT scales are a 'fout'", () => {
    const { issues } = classifyStock([stockRow({ bat: 2 }), stockRow({ bat: 2, batScale: "vera" })], DEFAULT_RULES);
    const mixed = issues.find((i) => i.code === "schalen-gemengd");
    expect(mixed?.severity).toBe("fout");
  });

  test("every row yields one dwelling, in order, with the row unchanged", () => {
    const rows = [stockRow({ bat: 0 }), stockRow({}), stockRow({ bat: 3, complex: "A" })];
    const copy = JSON.parse(JSON.stringify(rows));
    const { dwellings } = classifyStock(rows, DEFAULT_RULES);
    expect(dwellings.map((d) => d.row)).toEqual(rows);
    dwellings.forEach((d, i) => expect(d.row).toEqual(rows[i]));
    expect(rows).toEqual(copy);
  });

  test("warnings are shared read-only arrays", () => {
    const { dwellings } = classifyStock([stockRow({ bat: 1 }), stockRow({ bat: 1 })], DEFAULT_RULES);
    expect(dwellings[0].warnings).toBe(dwellings[1].warnings);
    expect(() => dwellings[0].warnings.push("x")).toThrow(TypeError);
  });

  test("the dwellings array is made once: a loop over `dwellings[i]` does not rebuild it per step", () => {
    const result = classifyStock([stockRow({ bat: 1 }), stockRow({ bat: 3, complex: "A" })], DEFAULT_RULES);
    const first = result.dwellings;
    expect(result.dwellings).toBe(first);
    expect(result.dwellings[1]).toBe(first[1]);
    expect(first.map((d) => d.row.bat)).toEqual([1, 3]);
  });
});

describe("a label column of free text", () => {
  test("thousands of distinct label texts (past the dense access cache) classify as a few texts do", () => {
    // 3,000 distinct texts beside the known labels: past the 2,730 texts the dense cache holds,
    // so the accesses are kept in a map. The same stock with one unknown text in their place
    // (the dense cache) must give every row the same type and reason, and the same warning but
    // for the text it names.
    const known = ["NUL", "ROA", "ROL", "RUI", "ZON", "GNV", null];
    const stock = (free: (i: number) => string): StockRow[] => {
      const rows: StockRow[] = [];
      for (let i = 0; i < 3_000; i++) {
        rows.push(stockRow({ ...SENIORENFLAT, complex: `C${i % 7}`, bat: i % 5, toegankelijkheidslabel: free(i) }));
        rows.push(stockRow({ ...SENIORENFLAT, complex: `C${i % 7}`, bat: (i * 3) % 5, toegankelijkheidslabel: known[i % known.length] }));
      }
      return rows;
    };
    const many = stock((i) => `omschrijving ${i}`);
    const few = stock(() => "omschrijving");
    expect(new Set(many.map((r) => r.toegankelijkheidslabel)).size).toBeGreaterThan(2_730);
    const a = classifyStock(many, DEFAULT_RULES);
    const b = classifyStock(few, DEFAULT_RULES);
    const view = (d: ClassifiedDwelling) => ({ bzk: d.bzk, reden: d.reden.replace(/omschrijving \d+/g, "omschrijving"), warnings: d.warnings.map((w) => w.replace(/omschrijving \d+/g, "omschrijving")) });
    const differ = a.dwellings.map((d, i) => i).filter((i) => JSON.stringify(view(a.dwellings[i])) !== JSON.stringify(view(b.dwellings[i])));
    expect(differ).toEqual([]);
    expect(a.dwellings.map((d) => d.bzk)).toContain("geclusterd");
    expect(a.issues.map((x) => x.code)).toEqual(b.issues.map((x) => x.code));
  });
});
