import { readFileSync } from "node:fs";
import { describeWorkbook, previewStock } from "../src/analysis/preview";
import { DEFAULT_RULES } from "../src/domain/rules";
import { cachedWorkbook } from "./support/workbook-cache";
import { KERKRADE } from "./support/paths";


test("describeWorkbook recognises the Kerkrade sheets", async () => {
  const wb = await cachedWorkbook(readFileSync(KERKRADE));
  const d = await describeWorkbook(wb);
  expect(d.map((s) => [s.sheet, s.kind])).toEqual([
    ["Toelichting", "onbekend"],
    ["BAT per corporatie", "bat-breed"],
    ["Woningtype", "kruistabel"],
    ["Voorraad (synthetisch)", "voorraad"],
    ["Plannen 2021-2025", "mutaties"],
  ]);
});

test("previewStock shows the header row and the detected mapping, and applies an override", async () => {
  const wb = await cachedWorkbook(readFileSync(KERKRADE));
  const p = await previewStock(wb, "Voorraad (synthetisch)", DEFAULT_RULES);
  expect(p.headerRow).toBe(3);
  expect(p.headers).toContain("BAT-score");
  expect(p.mapping.bat).toBe("BAT-score");
  expect(p.mapping.id).toBe("VHE-nummer");
  expect(p.rowsRead).toBe(7824);
  // The user says the segment is in "Huurklasse" instead.
  const q = await previewStock(wb, "Voorraad (synthetisch)", DEFAULT_RULES, { segment: "Huurklasse" });
  expect(q.mapping.segment).toBe("Huurklasse");
});
