import fc from "fast-check";
import { classifyStock } from "../../src/domain/classify";
import { assessAdaptation, describeDwellingForm } from "../../src/domain/potentieel";
import { DEFAULT_RULES, parseRules, type Rules } from "../../src/domain/rules";
import type { StockRow } from "../../src/domain/types";
import { stockRow } from "./fixtures";
import { readCsv } from "../support/csv";

function rulesWith(json: unknown): Rules {
  const r = parseRules(json);
  if (!r.ok) throw new Error(r.message);
  return r.rules;
}

function assess(rows: StockRow[], rules: Rules = DEFAULT_RULES) {
  return assessAdaptation(classifyStock(rows, rules).dwellings, rules);
}

describe("describeDwellingForm", () => {
  const form = (facts: Partial<StockRow>) => describeDwellingForm(stockRow(facts), DEFAULT_RULES);

  test("reads the Kerkrade woningtype labels", () => {
    expect(form({ woningtype: "Grondgebonden =1 bouwlaag" })).toEqual({ woonsoort: "grondgebonden", lagen: "1", lift: null, verdieping: "begane grond" });
    expect(form({ woningtype: "Grondgebonden >1 bouwlaag" })).toEqual({ woonsoort: "grondgebonden", lagen: "meer", lift: null, verdieping: "begane grond" });
    expect(form({ woningtype: "Gestapeld zonder lift" })).toEqual({ woonsoort: "gestapeld", lagen: null, lift: false, verdieping: null });
    expect(form({ woningtype: "Gestapeld met lift" })).toEqual({ woonsoort: "gestapeld", lagen: null, lift: true, verdieping: null });
    expect(form({ woningtype: "Anders" })).toEqual({ woonsoort: null, lagen: null, lift: null, verdieping: null });
  });

  test("reads common Dutch variants", () => {
    expect(form({ woningtype: "eengezinswoning" })).toMatchObject({ woonsoort: "grondgebonden", lagen: "meer" });
    expect(form({ woningtype: "Meergezinswoning" }).woonsoort).toBe("gestapeld");
    expect(form({ woningtype: "appartement" }).woonsoort).toBe("gestapeld");
    expect(form({ woningtype: "Portiekflat" }).woonsoort).toBe("gestapeld");
    expect(form({ woningtype: "benedenwoning" })).toMatchObject({ woonsoort: "gestapeld", verdieping: "begane grond" });
    expect(form({ woningtype: "bovenwoning" })).toMatchObject({ woonsoort: "gestapeld", verdieping: "hoger" });
    expect(form({ woningtype: "Bungalow" })).toMatchObject({ woonsoort: "grondgebonden", lagen: "1" });
    // A stairlift in a house is not a lift in a building.
    expect(form({ woningtype: "eengezinswoning met traplift" }).lift).toBeNull();
  });

  test("falls back to the VERA eenheiddetailsoort, and woningtype text wins over the code", () => {
    expect(form({ eenheiddetailsoort: "TUS" })).toMatchObject({ woonsoort: "grondgebonden", lagen: "meer" });
    expect(form({ eenheiddetailsoort: "TIN" })).toMatchObject({ woonsoort: "grondgebonden", lagen: "1" });
    expect(form({ eenheiddetailsoort: "GAL" })).toMatchObject({ woonsoort: "gestapeld", verdieping: null });
    expect(form({ eenheiddetailsoort: "BEN" })).toMatchObject({ woonsoort: "gestapeld", verdieping: "begane grond" });
    expect(form({ eenheiddetailsoort: "Galerijflat" }).woonsoort).toBe("gestapeld"); // raw text, not a code
    expect(form({ eenheiddetailsoort: "TUS", woningtype: "Gestapeld met lift" })).toMatchObject({ woonsoort: "gestapeld", lagen: null });
    expect(form({ eenheiddetailsoort: "ANT" }).woonsoort).toBeNull();
  });

  test("explicit lift and bouwlaag columns win over what the text implies", () => {
    expect(form({ woningtype: "Gestapeld zonder lift", lift: true, bouwlaag: 3 })).toMatchObject({ lift: true, verdieping: "hoger" });
    expect(form({ woningtype: "bovenwoning", bouwlaag: 0 }).verdieping).toBe("begane grond");
  });
});

describe("assessAdaptation", () => {
  test("geschikt when already nultreden, whatever the form", () => {
    const r = assess([stockRow({ bat: 1, woningtype: "Gestapeld zonder lift", bouwlaag: 3 })]);
    expect(r.perDwelling[0]).toEqual({ aanpassing: "geschikt", reden: "al nultreden (BZK-type nultreden): geschikt" });
  });

  test("default rules on the four Kerkrade dwelling types", () => {
    const rows = [
      stockRow({ bat: 0, woningtype: "Grondgebonden =1 bouwlaag" }),
      stockRow({ bat: 0, woningtype: "Grondgebonden >1 bouwlaag" }),
      stockRow({ bat: 0, woningtype: "Gestapeld met lift", bouwlaag: 4 }),
      stockRow({ bat: 0, woningtype: "Gestapeld zonder lift", bouwlaag: 0 }),
      stockRow({ bat: 0, woningtype: "Gestapeld zonder lift", bouwlaag: 2 }),
    ];
    const out = assess(rows).perDwelling;
    expect(out.map((o) => o.aanpassing)).toEqual(["potentieel", "potentieel", "potentieel", "potentieel", "ongeschikt"]);
    expect(out[1].reden).toBe(
      "grondgebonden, meer bouwlagen: potentieel; grondgebonden woning met meer bouwlagen: traplift of slaapkamer en badkamer op de begane grond",
    );
    expect(out[4].reden).toMatch(/^gestapeld, zonder lift, hoger: ongeschikt; /);
  });

  test("an unknown fact that does not change the outcome is not a reason for 'onbekend'", () => {
    const out = assess([stockRow({ bat: 0, woningtype: "grondgebonden" }), stockRow({ bat: 0, woningtype: "Gestapeld met lift" })]).perDwelling;
    expect(out[0]).toEqual({ aanpassing: "potentieel", reden: "grondgebonden: potentieel (ongeacht aantal bouwlagen)" });
    expect(out[1].aanpassing).toBe("potentieel");
    expect(out[1].reden).not.toContain("ongeacht"); // floor does not matter with a lift
  });

  test("onbekend names the facts that matter, and one aggregated issue per missing fact", () => {
    const rows = [
      ...Array.from({ length: 3 }, () => stockRow({ bat: 0, woningtype: "Gestapeld zonder lift" })),
      stockRow({ bat: 0, eenheiddetailsoort: "POF", aantal: 10 }),
      stockRow({ bat: 0 }),
    ];
    const { perDwelling, issues } = assess(rows);
    expect(perDwelling[0]).toEqual({ aanpassing: "onbekend", reden: "gestapeld, zonder lift: aanpassingspotentieel niet te bepalen (verdieping onbekend)" });
    expect(perDwelling[3].reden).toBe("gestapeld: aanpassingspotentieel niet te bepalen (lift en verdieping onbekend)");
    expect(perDwelling[4].reden).toContain("woonsoort");
    const byCode = Object.fromEntries(issues.map((i) => [i.code, i]));
    expect(byCode["aanpassing-verdieping-onbekend"].message).toMatch(/^14 woningen \(5 rijen\): .*kolom 'bouwlaag' ontbreekt/);
    expect(byCode["aanpassing-lift-onbekend"].message).toMatch(/^11 woningen \(2 rijen\): .*kolom 'lift' ontbreekt/);
    expect(byCode["aanpassing-woonsoort-onbekend"].message).toMatch(/^1 woning: /);
    expect(issues.every((i) => i.cell === null && i.severity === "waarschuwing")).toBe(true);
  });

  test("dwellings without BAT or label are assessed on their form, and the reason and an issue say so", () => {
    const { perDwelling, issues } = assess([stockRow({ woningtype: "Grondgebonden >1 bouwlaag", aantal: 6 })]);
    expect(perDwelling[0].aanpassing).toBe("potentieel");
    expect(perDwelling[0].reden).toMatch(/^BAT-score en label onbekend, beoordeeld als nog niet nultreden; /);
    expect(issues.find((i) => i.code === "aanpassing-bat-onbekend")?.message).toMatch(/^6 woningen \(1 rij\): /);
  });

  test("the rule table is editable and ordered: the first matching rule decides", () => {
    const rules = rulesWith({
      aanpassing: {
        regels: [
          { woonsoort: "gestapeld", verdieping: "hoger", uitkomst: "ongeschikt", toelichting: "hoog" },
          { woonsoort: "*", uitkomst: "potentieel", toelichting: "de rest" },
        ],
      },
    });
    const out = assess(
      [
        stockRow({ bat: 0, woningtype: "Gestapeld met lift", bouwlaag: 5 }),
        stockRow({ bat: 0, woningtype: "Grondgebonden" }),
        stockRow({ bat: 0, woningtype: "Anders" }),
      ],
      rules,
    ).perDwelling;
    expect(out[0]).toEqual({ aanpassing: "ongeschikt", reden: "gestapeld, met lift, hoger: ongeschikt; hoog" });
    expect(out[1]).toEqual({ aanpassing: "potentieel", reden: "grondgebonden: potentieel; de rest" });
    // An unknown form could be a stacked upper-floor dwelling, so the first rule may apply: not decided.
    expect(out[2]).toEqual({ aanpassing: "onbekend", reden: "woningvorm onbekend: aanpassingspotentieel niet te bepalen (woonsoort en verdieping onbekend)" });
  });

  test("a form no rule covers is onbekend with 'geen regel van toepassing'", () => {
    const rules = rulesWith({ aanpassing: { regels: [{ woonsoort: "grondgebonden", uitkomst: "potentieel" }] } });
    const { perDwelling, issues } = assess([stockRow({ bat: 0, woningtype: "Gestapeld met lift" })], rules);
    expect(perDwelling[0]).toEqual({ aanpassing: "onbekend", reden: "gestapeld, met lift: geen regel van toepassing" });
    expect(issues.map((i) => i.code)).toEqual(["aanpassing-geen-regel"]);
  });

  test("totals per gemeente × segment, null groups kept and last", () => {
    const rows = [
      stockRow({ bat: 1, gemeente: "Kerkrade", segmentSoort: "huur", segment: "sociale huur", aantal: 5 }),
      stockRow({ bat: 0, gemeente: "Kerkrade", segmentSoort: "huur", woningtype: "Gestapeld zonder lift", bouwlaag: 3, aantal: 2 }),
      stockRow({ bat: 0, gemeente: "Kerkrade", segment: "particulier", woningtype: "tussenwoning" }),
      stockRow({ bat: 0, gemeente: "Brunssum", segmentSoort: "koop", woningtype: "Anders" }),
      stockRow({ bat: 2 }),
    ];
    expect(assess(rows).totals).toEqual([
      { gebied: "Brunssum", segment: "koop", geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 1 },
      { gebied: "Kerkrade", segment: "huur", geschikt: 5, potentieel: 0, ongeschikt: 2, onbekend: 0 },
      { gebied: "Kerkrade", segment: "particulier", geschikt: 0, potentieel: 1, ongeschikt: 0, onbekend: 0 },
      { gebied: null, segment: null, geschikt: 1, potentieel: 0, ongeschikt: 0, onbekend: 0 },
    ]);
  });

  test("Kerkrade social rent by dwelling type (7,452 units, published 2020): potentieel and onbekend add up", () => {
    // Grouped rows as a gemeente would enter the published table; no BAT per type is known, so
    // the BAT is set to 0 (not yet nultreden) to test the form rules on their own.
    const table = readCsv("kerkrade-sociale-huur-woningtype-2020.csv").filter((r) => r.woningtype !== "TOTAAL");
    const rows = table.filter((r) => Number(r.totaal) > 0).map((r) => stockRow({ bat: 0, woningtype: r.woningtype, aantal: Number(r.totaal) }));
    const t = assess(rows).totals;
    expect(t).toHaveLength(1);
    const n = (label: string) => Number(table.find((r) => r.woningtype === label)!.totaal);
    expect(t[0].potentieel).toBe(n("Grondgebonden =1 bouwlaag") + n("Grondgebonden >1 bouwlaag") + n("Gestapeld met lift"));
    // Without floor numbers a stacked dwelling without lift may be on the ground floor or above.
    expect(t[0].onbekend).toBe(n("Gestapeld zonder lift"));
    expect(t[0].geschikt + t[0].potentieel + t[0].ongeschikt + t[0].onbekend).toBe(
      Number(readCsv("kerkrade-sociale-huur-woningtype-2020.csv").find((r) => r.woningtype === "TOTAAL")!.totaal),
    );
  });

  test("property: totals add up to all dwellings and match the per-dwelling outcomes", () => {
    const rowArb = fc
      .record({
        bat: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
        woningtype: fc.option(fc.constantFrom("Grondgebonden =1 bouwlaag", "Gestapeld zonder lift", "Gestapeld met lift", "eengezinswoning", "Anders"), { nil: null }),
        eenheiddetailsoort: fc.option(fc.constantFrom("TUS", "GAL", "BEN", "BOV", "POF", "ANT"), { nil: null }),
        lift: fc.option(fc.boolean(), { nil: null }),
        bouwlaag: fc.option(fc.integer({ min: -1, max: 6 }), { nil: null }),
        gemeente: fc.option(fc.constantFrom("Heerlen", "Landgraaf"), { nil: null }),
        segmentSoort: fc.option(fc.constantFrom("huur", "koop") as fc.Arbitrary<"huur" | "koop">, { nil: null }),
        aantal: fc.integer({ min: 1, max: 50 }),
      })
      .map((f) => stockRow(f));
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const dwellings = classifyStock(rows, DEFAULT_RULES).dwellings;
        const { perDwelling, totals } = assessAdaptation(dwellings, DEFAULT_RULES);
        expect(perDwelling).toHaveLength(rows.length);
        const all = totals.reduce((a, t) => a + t.geschikt + t.potentieel + t.ongeschikt + t.onbekend, 0);
        expect(all).toBe(rows.reduce((a, r) => a + r.aantal, 0));
        const geschikt = perDwelling.reduce((a, p, i) => a + (p.aanpassing === "geschikt" ? rows[i].aantal : 0), 0);
        expect(totals.reduce((a, t) => a + t.geschikt, 0)).toBe(geschikt);
        perDwelling.forEach((p, i) => expect(p.aanpassing === "geschikt").toBe(dwellings[i].nultreden));
      }),
    );
  });
});
