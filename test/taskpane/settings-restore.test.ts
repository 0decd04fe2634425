/**
 * Saved settings turned into the pane's choices without React (src/taskpane/settings-restore.ts);
 * the component suites (tables-step, mapping-step, rules-step) show them applied in the pane.
 */
import { DEFAULT_RULES } from "../../src/domain/rules";
import { AUTO } from "../../src/taskpane/choice";
import { restoreSettings, savedOverrides } from "../../src/taskpane/settings-restore";

const SHEETS = ["Voorraad", "Vraag 2030", "Toelichting"];

describe("restoring saved settings", () => {
  test("nothing saved: automatic choices, the default rules, no notes", () => {
    for (const saved of [null, {}]) {
      expect(restoreSettings(saved, SHEETS)).toEqual({ voorraad: AUTO, vraag: AUTO, overrides: {}, rules: DEFAULT_RULES, rulesFrom: "standaard", notes: [] });
    }
  });

  test("sheets, columns and rules restored, named in one note", () => {
    const rules = { ...DEFAULT_RULES, tekort: { ...DEFAULT_RULES.tekort, afronden: 10 } };
    const r = restoreSettings({ voorraad: "Voorraad", vraag: "Vraag 2030", kolommen: { id: "VHE" }, regels: rules }, SHEETS);
    expect(r.voorraad).toEqual({ kind: "sheet", name: "Voorraad" });
    expect(r.vraag).toEqual({ kind: "sheet", name: "Vraag 2030" });
    expect(r.overrides).toEqual({ id: "VHE" });
    expect([r.rules, r.rulesFrom]).toEqual([rules, "bewaard"]);
    expect(r.notes).toEqual([
      {
        intent: "info",
        text: "De instellingen van de vorige analyse in deze werkmap zijn hersteld (voorraad 'Voorraad', vraag 'Vraag 2030', kolommen, regels), zodat u hetzelfde resultaat krijgt.",
      },
    ]);
  });

  test("a saved sheet that is gone and rules that are not valid: automatic and the defaults, with a warning each", () => {
    const r = restoreSettings({ voorraad: "Oude voorraad", vraag: "Vraag 2030", regels: { tekort: "veel" } }, SHEETS);
    expect([r.voorraad, r.vraag]).toEqual([AUTO, { kind: "sheet", name: "Vraag 2030" }]);
    expect([r.rules, r.rulesFrom]).toEqual([DEFAULT_RULES, "standaard"]);
    expect(r.notes.map((n) => n.intent)).toEqual(["info", "warning", "warning"]);
    expect(r.notes[0].text).toContain("(vraag 'Vraag 2030')");
    expect(r.notes[1].text).toBe("Het bewaarde voorraadblad 'Oude voorraad' bestaat niet meer; er wordt automatisch gekozen.");
    expect(r.notes[2].text).toMatch(/^De regels in deze werkmap zijn niet te gebruiken; de standaardregels gelden\. ./);
  });

  test("saved column choices: only known fields with text", () => {
    expect(savedOverrides({ id: "VHE-nummer", onzin: "x", lift: " ", gemeente: "Plaats" })).toEqual({ id: "VHE-nummer", gemeente: "Plaats" });
    expect(savedOverrides(undefined)).toEqual({});
  });
});
