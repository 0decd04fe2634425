/**
 * A workbook with the Kerkrade stock twice, as printed in the agreements: the BAT table per
 * corporatie (7,824 units) and the woningtype × huurklasse cross table (7,452). The BAT table gives
 * the BZK types; having no woningtype, it cannot give the adaptation potential, so the cross table
 * gives it apart (handleiding §3, "Voorraad met BAT-scores én een kruistabel"). With a per-dwelling
 * stock that has its own woningtype column, the cross table is not used and the reason names both
 * sheets. Expected figures are computed here from the printed numbers (printedNumber), not by ingest.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { analyseXlsxStream } from "../../src/analysis/xlsx-file";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { withScenario } from "../../src/analysis/compute";
import type { BronKruistabel } from "../../src/domain/whatif-kruistabel";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { buildSheets } from "../../src/report/sheets";
import { buildJson } from "../../src/report/json";
import { summaryLines } from "../../src/report/summary";
import { printedNumber, printedRow, seedTable, seedWorkbook } from "../support/seed-tables";
import { cachedRoundTrip, cachedWorkbook, cachedWrittenBytes } from "../support/workbook-cache";
import { KERKRADE } from "../support/paths";

const BAT = seedTable("kerkrade-bat-per-corporatie").sheet;
const CROSS = seedTable("kerkrade-woningtype-huurklasse").sheet;

const num = (s: string): number => {
  const n = printedNumber(s);
  if (n === null) throw new Error(`not a printed number: "${s}"`);
  return n;
};
/** The printed row total (last column) of a cross table row. */
const rowTotal = (label: string): number => {
  const r = printedRow("kerkrade-woningtype-huurklasse", label);
  return num(r[r.length - 1]);
};

/** The workbook written to .xlsx bytes by ExcelJS and analysed as read back from them (the bytes
 * and their parse shared by test runs: test/support/workbook-cache.ts `cachedRoundTrip`). */
async function analyse(wb: ExcelJS.Workbook, voorraad?: string): Promise<AnalysisResult> {
  return analyseWorkbook(await cachedRoundTrip(wb), { rules: DEFAULT_RULES, ...(voorraad ? { voorraad } : {}) });
}

describe("BAT table per corporatie and cross table, both as printed", () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyse(seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-woningtype-huurklasse"]));
  });

  it("takes the BZK types from the BAT table, never adding the cross table's dwellings", () => {
    const total = printedRow("kerkrade-bat-per-corporatie", "TOTAAL").slice(1).map(num);
    expect(result.summary.eenheden).toBe(total[total.length - 1]);
    expect(result.summary.eenheden).toBe(total.slice(0, 5).reduce((a, b) => a + b, 0));
    expect(result.tables.find((t) => t.sheet === BAT)?.used).toBe(true);
    // Limburg scale: BAT ≥ 1 is nultreden, so geschikt; BAT 0 has no woningtype: onbekend.
    const [bat0, ...higher] = total.slice(0, 5);
    const own = result.adaptationTotals.reduce((a, t) => ({ g: a.g + t.geschikt, x: a.x + t.onbekend }), { g: 0, x: 0 });
    expect(own).toEqual({ g: higher.reduce((a, b) => a + b, 0), x: bat0 });
  });

  it("takes the adaptation potential per woningtype from the cross table, apart, with its printed totals", () => {
    const k = result.aanpassingKruistabel!;
    expect(k).toBeDefined();
    expect(result.tables.find((t) => t.sheet === CROSS)?.used).toBe(true);
    expect(k.sheet).toBe(CROSS);
    expect(k.voorraadSheet).toBe(BAT);
    const printedTotal = printedRow("kerkrade-woningtype-huurklasse", "TOTAAL");
    expect(k.woningen).toBe(num(printedTotal[printedTotal.length - 1]));
    expect(k.voorraadWoningen).toBe(result.summary.eenheden);
    // The default rules: ground-level dwellings and stacked with a lift can be adapted; stacked
    // without a lift depends on the floor, which the table does not give. No BAT: none geschikt.
    const potentieel = rowTotal("Grondgebonden =1") + rowTotal("Grondgebonden >1") + rowTotal("Gestapeld met Lift");
    expect(k.totaal).toEqual({ geschikt: 0, potentieel, ongeschikt: 0, onbekend: rowTotal("Gestapeld zonder Lift") });
    expect(k.perWoningtype.map((w) => [w.woningtype, w.woningen, w.aanpassing])).toEqual([
      ["Grondgebonden =1", rowTotal("Grondgebonden =1"), "potentieel"],
      ["Grondgebonden >1", rowTotal("Grondgebonden >1"), "potentieel"],
      ["Gestapeld zonder Lift", rowTotal("Gestapeld zonder Lift"), "onbekend"],
      ["Gestapeld met Lift", rowTotal("Gestapeld met Lift"), "potentieel"],
    ]);
  });

  it("says so in Dutch, naming both sheets, on the sheet, in the JSON and in the issues", () => {
    const info = result.issues.find((i) => i.code === "aanpassing-uit-kruistabel")!;
    expect(info.message).toContain(`blad '${CROSS}'`);
    expect(info.message).toContain(`blad '${BAT}'`);
    expect(info.message).toContain("7.452 woningen");
    expect(info.message).toContain("7.824 woningen");
    // It points to the what-if, which estimates the stock's potentieel from the cross table.
    expect(info.message).toContain(`Wat-als schat met het aandeel potentieel geschikte woningen uit de kruistabel hoeveel woningen op blad '${BAT}'`);
    expect(result.issues.some((i) => i.code === "blad-niet-gebruikt" && i.sheet === CROSS)).toBe(false);
    const sheet = buildSheets(result).find((s) => s.kind === "aanpassingspotentieel")!;
    const table = sheet.tables.find((t) => t.name === "Aanpassing_Kruistabel")!;
    expect(table.rows.map((r) => [r[0], r[1]])).toEqual(result.aanpassingKruistabel!.perWoningtype.map((w) => [w.woningtype, w.woningen]));
    expect(sheet.notes.some((n) => n.includes(`blad '${CROSS}'`) && n.includes(`blad '${BAT}'`))).toBe(true);
    expect(buildJson(result).aanpassingspotentieelKruistabel).toEqual(result.aanpassingKruistabel);
    expect(summaryLines(result).find((l) => l.startsWith("Aanpassingspotentieel uit de kruistabel"))).toContain(`blad '${CROSS}' (7.452 woningen`);
  });
});

/** A per-dwelling stock built from the printed BAT table: one row per unit (VHE), corporatie and
 * BAT class as printed; with a woningtype column when `woningtype` is given. */
function perDwellingSheet(wb: ExcelJS.Workbook, name: string, woningtype?: string): number {
  const ws = wb.addWorksheet(name);
  ws.addRow(["VHE", "Corporatie", "BAT-score", ...(woningtype ? ["Woningtype"] : [])]);
  let n = 0;
  for (const label of ["Wonen Zuid", "HEEMwonen", "Wonen Limburg", "Meander"]) {
    const counts = printedRow("kerkrade-bat-per-corporatie", label).slice(1, 6).map(num);
    counts.forEach((count, bat) => {
      for (let i = 0; i < count; i++) ws.addRow([`V${++n}`, label, bat, ...(woningtype ? [woningtype] : [])]);
    });
  }
  return n;
}

describe("what-if on the BAT table beside the cross table: the potentieel dwellings estimated from the cross table", () => {
  // Expected figures from the printed numbers: the candidates are the BAT 0 dwellings (Limburg
  // scale, nultreden from BAT 1), the cross table's share of potentieel dwellings is that of
  // ground-level dwellings and stacked with a lift among all its dwellings.
  const bat0 = () => num(printedRow("kerkrade-bat-per-corporatie", "TOTAAL")[1]);
  const share = () => (rowTotal("Grondgebonden =1") + rowTotal("Grondgebonden >1") + rowTotal("Gestapeld met Lift")) / rowTotal("TOTAAL");
  let withDemand: AnalysisResult;
  beforeAll(async () => {
    withDemand = await analyse(seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-woningtype-huurklasse", "kerkrade-opgave-2030"]));
  });

  it("adapts x% of the potentieel dwellings estimated from the cross table's share, and moves them to nultreden (BAT 1)", () => {
    const w = withDemand.watAls!;
    const pct = withDemand.rules.watAls.aanpassenPercentage;
    expect(pct).toBeGreaterThan(0);
    const potentieel = Math.round(bat0() * share());
    expect(w.bron).toMatchObject({ soort: "kruistabel", sheet: CROSS, voorraadSheet: BAT, kandidaten: bat0(), kandidatenZonderBat: 0, potentieel, kruistabelWoningen: rowTotal("TOTAAL") });
    expect((w.bron as BronKruistabel).toelichting).not.toContain("geen bruikbare BAT-score");
    const aangepast = Math.round((pct / 100) * potentieel);
    expect(aangepast).toBeGreaterThan(0);
    expect(w.aanpassing.reduce((n, s) => n + s.potentieel, 0)).toBe(potentieel);
    expect(w.aanpassing.reduce((n, s) => n + s.aangepast, 0)).toBe(aangepast);
    expect(w.aanpassing.reduce((n, s) => n + s.naarNultreden, 0)).toBe(aangepast);
    const { basis, scenario } = w.aanbod;
    expect([scenario.perBat["0"], scenario.perBat["1"]]).toEqual([basis.perBat["0"] - aangepast, basis.perBat["1"] + aangepast]);
    expect([scenario.perBzk.regulier, scenario.perBzk.nultreden]).toEqual([bat0() - aangepast, basis.perBzk.nultreden + aangepast]);
    // The demand is per BAT class (Kerkrade's opgave 2030): BAT 1's saldo grows by the adapted dwellings.
    const bat1 = w.tekort.find((t) => t.lezing === "per categorie" && t.niveau === "bat" && t.categorie === "1")!;
    expect(bat1.vraag).toBe(num(seedTable("kerkrade-opgave-2030").printed[1][0].split(" ")[0]));
    expect([bat1.basisAanbod, bat1.aanbod, bat1.saldo - bat1.basisSaldo!]).toEqual([num(printedRow("kerkrade-bat-per-corporatie", "TOTAAL")[2]), bat1.basisAanbod! + aangepast, aangepast]);
    // Every dwelling traced comes from a BAT 0 row of the BAT table.
    expect(w.aangepasteWoningen!.reduce((n, x) => n + x.aantal, 0)).toBe(aangepast);
    for (const x of w.aangepasteWoningen!) expect(withDemand.dwellings.rows.row(x.rij).bat).toBe(0);
    expect(withDemand.issues.filter((i) => i.code === "watals-geen-effect")).toEqual([]);
  });

  it("says which table it used, on the sheets, in the JSON and in the terminal", () => {
    const w = withDemand.watAls!;
    const toelichting = w.bron.soort === "kruistabel" ? w.bron.toelichting : "";
    expect(toelichting).toContain(`blad '${CROSS}'`);
    expect(toelichting).toContain(`blad '${BAT}'`);
    expect(toelichting).toContain(`${new Intl.NumberFormat("nl-NL").format(bat0())} woningen die nog niet nultreden zijn`);
    expect(toelichting).toContain("woningtype en BAT-klasse los van elkaar staan");
    const sheets = buildSheets(withDemand);
    expect(sheets.find((s) => s.kind === "aanpassingspotentieel")!.notes).toContain(toelichting);
    const tekortTable = sheets.find((s) => s.kind === "tekort")!.tables.find((t) => t.name === "Tekort_WatAls")!;
    expect(tekortTable.caption).toContain(`kruistabel op blad '${CROSS}'`);
    expect(buildJson(withDemand).watAls!.potentieelBron).toEqual(w.bron);
    const line = summaryLines(withDemand).find((l) => l.startsWith("Wat-als rekent met het aanpassingspotentieel uit de kruistabel"))!;
    expect(line).toContain(`In het scenario zijn er ${w.aanpassing[0].aangepast} van de`);
  });

  it("on the Kerkrade sample with the BAT table chosen as the stock (--voorraad), the same estimate from its cross table", async () => {
    const sample = await analyseWorkbook(await cachedWorkbook(fs.readFileSync(KERKRADE)), { rules: DEFAULT_RULES, voorraad: BAT });
    // The sample names its sheets differently; the figures are the same printed tables.
    const { sheet: _s, voorraadSheet: _v, toelichting: _t, ...figures } = withDemand.watAls!.bron as BronKruistabel;
    expect(sample.watAls!.bron).toMatchObject({ ...figures, sheet: "Woningtype", voorraadSheet: BAT });
    expect(sample.watAls!.aanpassing).toEqual(withDemand.watAls!.aanpassing);
  });

  it("another percentage on the same analysis (the task pane's scenario): more adapted, the same source", () => {
    const more = withScenario(withDemand, { ...withDemand.rules.watAls, aanpassenPercentage: 50 });
    const potentieel = Math.round(bat0() * share());
    expect(more.watAls!.aanpassing[0].aangepast).toBe(Math.round(potentieel / 2));
    expect(more.watAls!.bron).toEqual(withDemand.watAls!.bron);
    // 0%: the baseline exactly; 100%: every estimated potentieel dwelling, never more.
    const none = withScenario(withDemand, { ...withDemand.rules.watAls, aanpassenPercentage: 0 }).watAls!;
    expect(none.aanbod.scenario).toEqual(none.aanbod.basis);
    for (const t of none.tekort) expect(t.tekort).toBe(t.basisTekort);
    const all = withScenario(withDemand, { ...withDemand.rules.watAls, aanpassenPercentage: 100 }).watAls!;
    expect(all.aanpassing.reduce((n, x) => n + x.aangepast, 0)).toBe(potentieel);
    expect(all.aanbod.scenario.perBzk.regulier).toBe(bat0() - potentieel);
  });

  it("says when fewer meeting rooms can be added than asked (no complex column: no candidates)", async () => {
    const rules = { ...DEFAULT_RULES, watAls: { ...DEFAULT_RULES.watAls, ontmoetingsruimten: 2 } };
    const result = await analyseWorkbook(await cachedRoundTrip(seedWorkbook(["kerkrade-bat-per-corporatie"])), { rules });
    expect(result.watAls!.parameters.ontmoetingsruimten).toBe(0);
    expect(result.issues.find((i) => i.code === "watals-geen-effect" && i.message.includes("2 ontmoetingsruimten erbij gevraagd"))?.message)
      .toContain("maar 0 kandidaat-complexen");
  });
});

describe("another scenario on the same analysis (withScenario, as the task pane's write and the sheets use it)", () => {
  let batAlone: AnalysisResult;
  beforeAll(async () => {
    const rules = { ...DEFAULT_RULES, watAls: { ...DEFAULT_RULES.watAls, aanpassenPercentage: 0, ontmoetingsruimten: 0 } };
    batAlone = await analyseWorkbook(await cachedRoundTrip(seedWorkbook(["kerkrade-bat-per-corporatie"])), { rules });
  });
  const notes = (r: AnalysisResult) => r.issues.filter((i) => i.code === "watals-geen-effect").map((i) => i.message);
  const scenario = (w: Partial<AnalysisResult["rules"]["watAls"]>) => ({ ...batAlone.rules.watAls, ...w });

  it("the run's own scenario asks nothing that cannot act: no note", () => {
    expect(notes(batAlone)).toEqual([]);
  });

  it("a scenario that cannot act gets its notes; back to one that can, they are gone; the Controle sheet lists them", () => {
    const asked = withScenario(batAlone, scenario({ aanpassenPercentage: 10, ontmoetingsruimten: 2 }));
    const texts = notes(asked);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("Wat-als: woningen aanpassen (10% van de potentieel geschikte woningen) verandert niets");
    expect(texts[0]).toContain(`blad '${BAT}'`);
    expect(texts[1]).toContain("2 ontmoetingsruimten erbij gevraagd");
    const controle = buildSheets(asked).find((s) => s.kind === "controle")!;
    expect(JSON.stringify(controle.tables)).toContain("2 ontmoetingsruimten erbij gevraagd");
    expect(notes(withScenario(asked, scenario({ aanpassenPercentage: 0, ontmoetingsruimten: 0 })))).toEqual([]);
    // Every other issue stays as the run made it.
    const others = (r: AnalysisResult) => r.issues.filter((i) => i.code !== "watals-geen-effect");
    expect(others(asked)).toEqual(others(batAlone));
  });

  it("only percentages per segment asked: the note names them, not '0%'", () => {
    const text = notes(withScenario(batAlone, scenario({ aanpassenPercentage: 0, aanpassenPerSegment: { huur: 20, koop: 0 } })))[0];
    expect(text).toContain("woningen aanpassen (per segment: huur 20% van de potentieel geschikte woningen) verandert niets");
    expect(text).not.toMatch(/\(0%|koop 0%/);
  });
});

describe("per-dwelling stock and cross table", () => {
  it("without a woningtype column: BZK types per dwelling, adaptation potential from the cross table", async () => {
    const wb = seedWorkbook(["kerkrade-woningtype-huurklasse"]);
    const units = perDwellingSheet(wb, "Voorraad");
    const result = await analyse(wb);
    expect(result.summary.eenheden).toBe(units);
    expect(result.dwellings).toHaveLength(units);
    expect(result.aanpassingKruistabel?.sheet).toBe(CROSS);
    expect(result.aanpassingKruistabel?.voorraadSheet).toBe("Voorraad");
    expect(result.aanpassingKruistabel?.woningen).toBe(rowTotal("TOTAAL"));
  });

  it("without a woningtype column and with blank BAT cells: the what-if counts those dwellings as candidates and its note says so", async () => {
    const wb = seedWorkbook(["kerkrade-woningtype-huurklasse"]);
    const units = perDwellingSheet(wb, "Voorraad");
    const ws = wb.getWorksheet("Voorraad")!;
    const blank = 37;
    for (let i = 0; i < blank; i++) ws.addRow([`X${i + 1}`, "Meander", null]);
    const result = await analyse(wb);
    expect(result.summary.eenheden).toBe(units + blank);
    expect(result.summary.perBzk.onbekend).toBe(blank);
    const bron = result.watAls!.bron as BronKruistabel;
    const bat0 = num(printedRow("kerkrade-bat-per-corporatie", "TOTAAL")[1]);
    expect(bron).toMatchObject({ soort: "kruistabel", kandidaten: bat0 + blank, kandidatenZonderBat: blank });
    const share = (rowTotal("Grondgebonden =1") + rowTotal("Grondgebonden >1") + rowTotal("Gestapeld met Lift")) / rowTotal("TOTAAL");
    expect(bron.potentieel).toBe(Math.round((bat0 + blank) * share));
    expect(bron.toelichting).toContain(`Van de ${new Intl.NumberFormat("nl-NL").format(bat0 + blank)} woningen hebben er ${blank} geen bruikbare BAT-score of toegankelijkheidslabel`);
    expect(bron.toelichting).toContain("Het potentieel is daardoor mogelijk te hoog.");
    expect(buildJson(result).watAls!.potentieelBron).toMatchObject({ kandidatenZonderBat: blank });
  });

  it("with a woningtype column: its own adaptation potential; the cross table is not used and the reason names both sheets", async () => {
    const wb = seedWorkbook(["kerkrade-woningtype-huurklasse"]);
    const units = perDwellingSheet(wb, "Voorraad", "eengezinswoning");
    const result = await analyse(wb);
    expect(result.aanpassingKruistabel).toBeUndefined();
    const own = result.adaptationTotals.reduce((a, t) => a + t.geschikt + t.potentieel + t.ongeschikt + t.onbekend, 0);
    expect(own).toBe(units);
    const skipped = result.issues.find((i) => i.code === "blad-niet-gebruikt" && i.sheet === CROSS)!;
    expect(skipped.message).toContain("blad 'Voorraad' heeft zelf een kolom woningtype");
    expect(skipped.message).toContain(`--voorraad "${CROSS}"`);
    const table = result.tables.find((t) => t.sheet === CROSS)!;
    expect(table.used).toBe(false);
    // In the issue the note continues "Blad '…' is niet gebruikt: "; in the sheet's own
    // explanation it follows a full stop, so it starts a sentence.
    expect(skipped.message).toContain("is niet gebruikt: de voorraad op blad 'Voorraad'");
    expect(table.reden).toContain(". De voorraad op blad 'Voorraad' heeft zelf een kolom woningtype");
  });

  it("the cross table chosen as the stock: no BZK types, its own adaptation potential, the BAT table not used", async () => {
    const result = await analyse(seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-woningtype-huurklasse"]), CROSS);
    expect(result.aanpassingKruistabel).toBeUndefined();
    expect(result.summary.eenheden).toBe(rowTotal("TOTAAL"));
    expect(result.tables.find((t) => t.sheet === BAT)?.used).toBe(false);
  });
});

describe("a per-dwelling stock and the BAT table per corporatie as printed: the same stock twice", () => {
  it("agrees per BAT class: listed on the Vergelijking sheet, one info issue", async () => {
    const wb = seedWorkbook(["kerkrade-bat-per-corporatie"]);
    perDwellingSheet(wb, "Voorraad");
    const result = await analyse(wb);
    const c = result.kruiscontroles.filter((k) => k.soort === "voorraad-totalen");
    const printedTotal = printedRow("kerkrade-bat-per-corporatie", "TOTAAL");
    const total = printedNumber(printedTotal[printedTotal.length - 1]);
    expect(c).toEqual([expect.objectContaining({ status: "klopt", sheet: BAT, gepubliceerd: total, berekend: total })]);
    expect(result.issues.filter((i) => i.code === "voorraad-vergeleken")).toHaveLength(1);
    expect(result.issues.filter((i) => i.code === "kruiscontrole-voorraad-totalen")).toEqual([]);
    const rows = buildSheets(result).find((s) => s.kind === "vergelijking")!.tables.find((t) => t.name === "Vergelijking_Controles")!.rows;
    expect(rows.some((r) => String(r[0]).startsWith(`BAT-verdeling op blad '${BAT}'`))).toBe(true);
  });

  it("differs per BAT class: the classes are named, one warning (not two)", async () => {
    const wb = seedWorkbook(["kerkrade-bat-per-corporatie"]);
    perDwellingSheet(wb, "Voorraad");
    wb.getWorksheet("Voorraad")!.spliceRows(2, 3); // three BAT 0 dwellings of Wonen Zuid fewer
    const result = await analyse(wb);
    const c = result.kruiscontroles.find((k) => k.soort === "voorraad-totalen")!;
    expect(c.status).toBe("wijkt-af");
    const bat0 = printedNumber(printedRow("kerkrade-bat-per-corporatie", "TOTAAL")[1])!;
    expect(c.toelichting).toContain(`BAT 0: ${new Intl.NumberFormat("nl-NL").format(bat0)} tegen ${new Intl.NumberFormat("nl-NL").format(bat0 - 3)}`);
    expect(result.issues.filter((i) => i.code === "voorraad-wijkt-af")).toHaveLength(1);
    // The warning names the class and both counts as Dutch numbers (the stock in use first).
    const fmt = (n: number) => new Intl.NumberFormat("nl-NL").format(n);
    expect(result.issues.find((i) => i.code === "voorraad-wijkt-af")!.message).toContain(`(BAT 0: ${fmt(bat0 - 3)} tegen ${fmt(bat0)})`);
    expect(result.issues.filter((i) => i.code === "kruiscontrole-voorraad-totalen")).toEqual([]);
  });
});

describe("two stocks with BAT scores on the VERA scale", () => {
  it("the warning and the Vergelijking row come from one comparison: the same classes, as the scale writes them", async () => {
    const wb = new ExcelJS.Workbook();
    // Used (most detailed, with a Corporatie column): BAT1 ×2, BAT2 ×2; the other: BAT1 ×2, BAT2 ×3.
    const used = wb.addWorksheet("Voorraad");
    used.addRow(["VHE", "Corporatie", "BAT"]);
    for (const [i, bat] of ["BAT1", "BAT1", "BAT2", "BAT2"].entries()) used.addRow([`V${i + 1}`, "Wonen Zuid", bat]);
    const other = wb.addWorksheet("Voorraad oud");
    other.addRow(["VHE", "BAT"]);
    for (const [i, bat] of ["BAT1", "BAT1", "BAT2", "BAT2", "BAT2"].entries()) other.addRow([`W${i + 1}`, bat]);
    const result = await analyse(wb);
    expect(result.tables.find((t) => t.sheet === "Voorraad")?.used).toBe(true);
    const warnings = result.issues.filter((i) => i.code === "voorraad-wijkt-af");
    expect(warnings.map((i) => i.message)).toEqual(["De BAT-verdeling op blad 'Voorraad' wijkt af van blad 'Voorraad oud' (BAT2: 2 tegen 3). Controleer welke tabel juist is."]);
    const rows = result.kruiscontroles.filter((k) => k.soort === "voorraad-totalen");
    expect(rows.map((k) => [k.status, k.sheet, k.gepubliceerd, k.berekend, k.toelichting])).toEqual([
      ["wijkt-af", "Voorraad oud", 5, 4, "Per BAT-klasse verschillend: BAT2: 3 tegen 2. Controleer welke tabel juist is; de tool gebruikt 'Voorraad'."],
    ]);
    expect(result.issues.filter((i) => i.code === "kruiscontrole-voorraad-totalen")).toEqual([]);
  });
});

describe("the cross table alone: messages for a table that has no BAT column by nature", () => {
  let alone: AnalysisResult;
  beforeAll(async () => {
    alone = await analyse(seedWorkbook(["kerkrade-woningtype-huurklasse"]));
  });

  it("does not ask to add a column 'bat', 'bouwlaag' or a BAT score, and says what else to add", () => {
    const texts = alone.issues.filter((i) => i.sheet === CROSS || i.message.includes(CROSS)).map((i) => i.message);
    for (const t of texts) {
      expect(t).not.toMatch(/Voeg een kolom/);
      expect(t).not.toMatch(/Vul de BAT-score in/);
    }
    const bzk = alone.issues.find((i) => i.code === "bzk-onbekend")!;
    expect(bzk.message).toContain(`${new Intl.NumberFormat("nl-NL").format(rowTotal("TOTAAL"))} woningen`);
    expect(bzk.message).toContain("kruistabel naar woningtype en huurklasse");
    expect(bzk.message).toContain("zet dan een tabel met BAT-scores in de werkmap");
    expect(alone.issues.find((i) => i.code === "aanpassing-verdieping-onbekend")!.message).toContain("de kruistabel niet zegt op welke verdieping");
  });

  it("a per-dwelling stock without a BAT column still gets the column hint", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Voorraad");
    ws.addRow(["VHE", "Woningtype", "Aantal"]);
    ws.addRow(["V1", "eengezinswoning", 1]);
    ws.addRow(["V2", "galerijflat", 1]);
    const result = await analyse(wb);
    expect(result.issues.find((i) => i.code === "bzk-onbekend")!.message).toContain("Voeg een kolom 'bat' toe");
  });
});

describe("the stock's reference date, streamed or in memory", () => {
  it("a per-dwelling stock of 7,824 rows whose title names its peildatum: the file route (rows streamed, cells not kept) reads the same date as the in-memory route", async () => {
    const wb = seedWorkbook(["kerkrade-woningtype-huurklasse"]);
    perDwellingSheet(wb, "Voorraad");
    wb.getWorksheet("Voorraad")!.spliceRows(1, 0, ["Voorraad per peildatum 01-01-2020"]);
    const bytes = await cachedWrittenBytes(wb);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-peildatum-"));
    try {
      const file = path.join(dir, "voorraad.xlsx");
      fs.writeFileSync(file, bytes);
      const streamed = (await analyseXlsxStream(file, { rules: DEFAULT_RULES })).result;
      const inMemory = await analyseWorkbook(await cachedWorkbook(bytes), { rules: DEFAULT_RULES });
      const check = (r: AnalysisResult) => r.kruiscontroles.find((k) => k.soort === "voorraad-totalen")!;
      expect(check(inMemory).toelichting).toContain("beide per peildatum 1-1-2020");
      expect(check(streamed)).toEqual(check(inMemory));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
