/**
 * An ERP export whose complex facts sit under headers that are not recognised (issue 10,
 * test/support/erp-export.ts): the complexes of the file look incomplete, and no dwelling becomes
 * geclusterd. The user gets a warning naming the sheet and the columns, not only an info line;
 * once the columns are chosen, the complexes are judged on their real facts. Expected figures are
 * computed here from the fixture's facts.
 */
import { DEFAULT_RULES } from "../../src/domain/rules";
import { readStock } from "../../src/ingest/stock";
import type { MappingOverrides } from "../../src/ingest/types";
import { analyseSheets } from "../../src/analysis/analyse";
import { recogniseSheet, stockOptionsFor } from "../../src/analysis/choose";
import type { AnalysisResult } from "../../src/analysis/result";
import { ERP_CLUSTERS, ERP_HEADERS, erpExportRows } from "../support/erp-export";
import { rawTable } from "./tables";

const SHEET = "Export eenheden";
const table = () => rawTable(erpExportRows(), { sheet: SHEET });

function analyse(overrides: MappingOverrides = {}): AnalysisResult {
  const options = { rules: DEFAULT_RULES, overrides };
  const t = table();
  const { kind, reden } = recogniseSheet(t, {});
  return analyseSheets([{ name: SHEET, kind, reden, table: t, stock: readStock(t, stockOptionsFor(options)) }], options);
}

describe("ERP export with complex facts under its own headers", () => {
  let plain: AnalysisResult;
  let chosen: AnalysisResult;
  beforeAll(() => {
    plain = analyse();
    chosen = analyse({ complexgrootte: ERP_HEADERS.grootte, ontmoetingsruimte: ERP_HEADERS.ruimte, aandeel55plus: ERP_HEADERS.senioren });
  });

  it("warns that the complexes look incomplete, naming the sheet, the size column and an example", () => {
    const w = plain.issues.find((i) => i.code === "complexen-onvolledig");
    expect(w).toMatchObject({ severity: "waarschuwing", sheet: SHEET, cell: "K3" });
    const listed = ERP_CLUSTERS.reduce((n, c) => n + c.bat.length, 0);
    const given = ERP_CLUSTERS.reduce((n, c) => n + c.grootte, 0);
    const first = ERP_CLUSTERS[0];
    expect(w!.message).toContain(`'${ERP_HEADERS.grootte}' (K3)`);
    expect(w!.message).toContain(`complex '${first.nr}': ${first.bat.length} in het bestand, ${first.grootte} in de kolom`);
    expect(w!.message).toContain(`samen ${listed} tegen ${given}`);
    expect(w!.message).toContain(`--kolom complexgrootte="${ERP_HEADERS.grootte}"`);
  });

  it("warns when no dwelling becomes geclusterd, naming the columns with one value per complex and no others", () => {
    expect(plain.summary.cumulatief.geclusterd).toBe(0);
    const w = plain.issues.find((i) => i.code === "complexgegevens-niet-herkend");
    expect(w).toMatchObject({ severity: "waarschuwing", sheet: SHEET });
    for (const [h, cell] of [[ERP_HEADERS.grootte, "K3"], [ERP_HEADERS.ruimte, "L3"], [ERP_HEADERS.senioren, "M3"]]) {
      expect(w!.message).toContain(`'${h}' (${cell})`);
    }
    // Names, addresses, postcodes and the rent are no complex facts.
    for (const h of ["Clusternaam", "Adres", "Postcode", "Netto huur"]) expect(w!.message).not.toContain(`'${h}'`);
    expect(w!.message).toContain("ontmoetingsruimte, aandeel 55-plussers en aantal woningen per complex");
    // Each missing field with the column that looks like it.
    expect(w!.message).toContain(`--kolom ontmoetingsruimte="${ERP_HEADERS.ruimte}" --kolom aandeel55plus="${ERP_HEADERS.senioren}" ` +
      `--kolom complexgrootte="${ERP_HEADERS.grootte}"`);
  });

  it("with the columns chosen, the complexes are judged on their facts and the warnings are gone", () => {
    const g = DEFAULT_RULES.geclusterd;
    const expected = ERP_CLUSTERS
      .filter((c) => c.ruimte === "Ja" && c.grootte >= g.minWoningen && Number(c.senioren.replace("%", "")) / 100 >= g.minAandeel55plus)
      .reduce((n, c) => n + c.bat.filter((b) => b >= 1).length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(chosen.summary.cumulatief.geclusterd).toBe(expected);
    expect(chosen.issues.filter((i) => i.code === "complexen-onvolledig" || i.code === "complexgegevens-niet-herkend")).toEqual([]);
  });

  it("a small per-complex count (rooms, floors) is no complex size", () => {
    const rows = erpExportRows();
    const kamers = rows.map((r, i) => (i < 2 ? r : i === 2 ? [...r.slice(0, 10), "Aantal kamers"] : [...r.slice(0, 10), 7 + (Number(r[1]) % 2)]));
    const stock = readStock(rawTable(kamers, { sheet: SHEET }), stockOptionsFor({ rules: DEFAULT_RULES }));
    expect(stock.issues.filter((i) => i.code === "complexen-onvolledig")).toEqual([]);
  });

  it("a complete export (every dwelling of each complex in the file) gives no such warning", () => {
    const rows = erpExportRows();
    const complete = rows.slice(0, 3);
    for (const c of ERP_CLUSTERS) {
      const some = rows.filter((r) => r[1] === c.nr);
      for (let i = 0; i < c.grootte; i++) complete.push([`${c.nr}-${i}`, ...some[i % some.length].slice(1)]);
    }
    const stock = readStock(rawTable(complete, { sheet: SHEET }), stockOptionsFor({ rules: DEFAULT_RULES }));
    expect(stock.issues.filter((i) => i.code === "complexen-onvolledig")).toEqual([]);
    expect(stock.complexKolommen?.map((c) => [c.header, c.soort])).toEqual([
      [ERP_HEADERS.grootte, "gegeven"], [ERP_HEADERS.ruimte, "ruimte"], [ERP_HEADERS.senioren, "aandeel"],
    ]);
  });
});
