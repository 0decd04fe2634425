/**
 * Planned changes: supply in a later year = supply now + the changes up to that year
 * (docs/handleiding.md §5a), with the stated assumptions for changes given as a BAT class only.
 */
import { applyPlannedChanges, computeTekortWithPlans, type PlannedChange } from "../../src/domain/plannen";
import { computeTekort } from "../../src/domain/tekort";
import { DEFAULT_RULES, RulesSchema } from "../../src/domain/rules";
import type { DemandEntry, SupplyEntry } from "../../src/domain/types";

const change = (c: Partial<PlannedChange> & Pick<PlannedChange, "jaar" | "soort" | "aantal">): PlannedChange => ({
  bat: null, vanBat: null, bzk: null, zorgprofiel: null, vanBzk: null, gebied: null, toelichting: null, sheet: "Plannen", cell: "C2", ...c,
});

/** A stock's supply now: 1,000 regulier (BAT 0), 400 nultreden (BAT 1), 100 geclusterd (BAT 2). */
const supply: SupplyEntry[] = [
  ["bzk", "regulier", 1000], ["bzk", "nultreden", 400], ["bzk", "geclusterd", 100], ["bzk", "zorggeschikt", 0],
  ["bat", "0", 1000], ["bat", "1", 400], ["bat", "2", 100], ["bat", "3", 0], ["bat", "4", 0],
].map(([niveau, categorie, aanbod]) => ({
  niveau: niveau as "bzk" | "bat", groep: null, categorie: categorie as string, zorgprofiel: null, jaar: null, gebied: null, aanbod: aanbod as number, sheet: "", cell: "",
}));

const get = (entries: SupplyEntry[], jaar: number, niveau: string, categorie: string) =>
  entries.filter((e) => e.jaar === jaar && e.niveau === niveau && e.categorie === categorie).reduce((s, e) => s + e.aanbod, 0);

describe("planned changes", () => {
  const changes = [
    change({ jaar: 2023, soort: "nieuwbouw", aantal: 50, bat: 2 }),
    change({ jaar: 2025, soort: "sloop", aantal: 100, bat: 0 }),
    change({ jaar: 2024, soort: "renovatie", aantal: 30 }),
    change({ jaar: 2022, soort: "aankoop", aantal: 10, bzk: "geclusterd" }),
  ];

  test("each year counts the changes up to and including it", () => {
    const { entries, toegepast } = applyPlannedChanges(supply, changes, [2021, 2023, 2030], "limburg", DEFAULT_RULES);
    expect(get(entries, 2021, "bzk", "regulier")).toBe(1000);
    // 2023: nieuwbouw BAT 2 (nultreden: a class alone proves no more) and the aankoop (geclusterd).
    expect([get(entries, 2023, "bzk", "nultreden"), get(entries, 2023, "bzk", "geclusterd"), get(entries, 2023, "bat", "2")]).toEqual([450, 110, 150]);
    // 2030: also the renovation (from the lowest class: regulier/BAT 0 → nultreden/BAT 1) and the demolition.
    expect(get(entries, 2030, "bzk", "regulier")).toBe(1000 - 30 - 100);
    expect(get(entries, 2030, "bzk", "nultreden")).toBe(400 + 50 + 30);
    expect([get(entries, 2030, "bat", "0"), get(entries, 2030, "bat", "1")]).toEqual([1000 - 30 - 100, 430]);
    expect(toegepast).toHaveLength(4);
  });

  test("changes in or before the stock's peiljaar are already in the stock", () => {
    const rules = RulesSchema.parse({ plannen: { peiljaarVoorraad: 2023 } });
    const r = applyPlannedChanges(supply, changes, [2030], "limburg", rules);
    expect(get(r.entries, 2030, "bzk", "nultreden")).toBe(430);
    expect(r.issues.filter((i) => i.code === "plannen-al-in-aanbod")).toHaveLength(2);
  });

  test("a supply table of 2023 already holds the changes of 2023 and before", () => {
    const table = supply.map((e) => ({ ...e, jaar: 2023 }));
    const r = applyPlannedChanges(table, changes, [2030], "limburg", DEFAULT_RULES);
    expect(get(r.entries, 2030, "bzk", "geclusterd")).toBe(100);
    expect(get(r.entries, 2030, "bzk", "regulier")).toBe(870);
  });

  test("removing more than there is holds the figure at 0, with a warning naming the cell", () => {
    const r = applyPlannedChanges(supply, [change({ jaar: 2025, soort: "verkoop", aantal: 150, bat: 2 })], [2030], "limburg", DEFAULT_RULES);
    expect(get(r.entries, 2030, "bat", "2")).toBe(0);
    expect(r.issues.find((i) => i.code === "plannen-meer-weg-dan-er-is")).toMatchObject({ sheet: "Plannen", cell: "C2" });
  });

  test("the tekort uses the supply of each demand year; without changes it is computeTekort as before", () => {
    const demand: DemandEntry[] = [2023, 2030].map((jaar) => ({
      niveau: "bzk", groep: null, categorie: "nultreden", zorgprofiel: null, jaar, scenario: null, gebied: null, vraag: 470, sheet: "Vraag", cell: "B2",
    }));
    const t = computeTekortWithPlans(supply, demand, changes, "limburg", DEFAULT_RULES);
    const row = (jaar: number) => t.rows.find((r) => r.lezing === "per categorie" && r.categorie === "nultreden" && r.jaar === jaar)!;
    expect([row(2023).aanbod, row(2023).tekort, row(2030).aanbod, row(2030).tekort]).toEqual([450, 20, 480, 0]);
    expect(t.issues.some((i) => i.code === "aanbod-constant")).toBe(false);
    expect(t.issues.find((i) => i.code === "plannen-verwerkt")!.message).toMatch(/nieuwbouw 50 woningen \(2023\)/);
    const none = computeTekortWithPlans(supply, demand, [], "limburg", DEFAULT_RULES);
    expect(none.rows).toEqual(computeTekort(supply, demand, { batScale: "limburg" }).rows);
    expect(none.issues.some((i) => i.code === "aanbod-constant")).toBe(true);
  });
});
