/**
 * Table kinds from the first header cell (issue 10 item 2): a first header cell that names the
 * subject ("Vraag", "Aanbod", "Aanbod – vraag", "Opgave"), a one-year table whose first cell names
 * subject and year ("Vraag 2030 | Aantal"), and an "Opgave" table that may be demand or a shortage:
 * the reason names the sheet and cell and says how to choose, and choosing it as demand is no mistake.
 */
import ExcelJS from "exceljs";
import { detectTable } from "../../src/ingest/detect";
import { readDemand } from "../../src/ingest/demand";
import { recogniseSheet } from "../../src/analysis/choose";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import type { CellValue } from "../../src/ingest/types";
import { rawTable } from "./tables";

const BODY: CellValue[][] = [["regulier wonen", 23050, 25650], ["nultreden in regulier wonen", 9520, 10690], ["geclusterd wonen", 9810, 11020]];
const wide = (head: string) => rawTable([[head, 2023, 2030], ...BODY], { sheet: "Blad1" });

test.each([
  ["Vraag", "vraag"], ["Aanbod", "aanbod"], ["Aanbod – vraag", "saldo"], ["Tekort", "saldo"], ["Opgave", "saldo"],
])("first header cell '%s' → %s (the sheet name says nothing)", (head, kind) => {
  expect(detectTable(wide(head)).kind).toBe(kind);
});

test("a column without a role left of the subject cell ('Nr.', 'Opmerking') does not hide it; the reason names the subject's cell", () => {
  for (const extra of ["Nr.", "Opmerking"]) {
    const t = rawTable([[extra, "Aanbod", 2023, 2030], ...BODY.map((r, i) => [extra === "Nr." ? i + 1 : null, ...r])], { sheet: "Blad1" });
    const d = detectTable(t);
    expect(d.kind).toBe("aanbod");
    expect(d.reden).toContain("cel B1 op blad 'Blad1'");
  }
  // A column with a role of its own (the labels under "Woonvorm") is no such column: "Aanbod" after it names no subject.
  const named = rawTable([["Woonvorm", "Aanbod", 2023, 2030], ...BODY.map((r) => [r[0], null, ...r.slice(1)])], { sheet: "Blad1" });
  expect(detectTable(named).reden).not.toContain("noemt aanbod");
});

test("a one-year table 'Vraag 2030 | Aantal' is demand in 2030, read from the Aantal column", () => {
  const t = rawTable([["Vraag 2030", "Aantal"], ["regulier wonen", 25650], ["geclusterd wonen", 11020]], { sheet: "Blad1" });
  expect(detectTable(t)).toMatchObject({ kind: "vraag" });
  expect(readDemand(t).entries.map((e) => [e.categorie, e.jaar, e.vraag, e.cell])).toEqual([["regulier", 2030, 25650, "B2"], ["geclusterd", 2030, 11020, "B3"]]);
  const supply = rawTable([["Aanbod 2023", "Aantal"], ["regulier wonen", 117250]], { sheet: "Blad1" });
  expect(detectTable(supply).kind).toBe("aanbod");
});

test("'Opgave' with only positive figures: read as a published result, the reason names sheet and cell and how to choose demand", () => {
  const d = detectTable(wide("Opgave"));
  expect(d).toMatchObject({ kind: "saldo", ookMogelijk: "vraag" });
  expect(d.reden).toContain("Cel A1 op blad 'Blad1' noemt een opgave");
  expect(d.reden).toContain("stap 1 van het taakvenster");
  expect(d.reden).toContain("Dat kan de vraag zijn");
  expect(d.reden).toContain('--vraag "Blad1"');
  // With a negative figure or a word that says which result, it is no longer ambiguous.
  expect(detectTable(wide("Tekort")).ookMogelijk).toBeUndefined();
  const negative = rawTable([["Opgave", 2023, 2030], ["regulier wonen", -5, 10], ["geclusterd wonen", 20, -15]], { sheet: "Blad1" });
  expect(detectTable(negative).ookMogelijk).toBeUndefined();
});

test("choosing an ambiguous 'Opgave' as demand is read as demand without the saldo warning; a 'Tekort' chosen as demand keeps it", async () => {
  expect(recogniseSheet(wide("Opgave"), { vraag: "Blad1" }).reden).toBe("Gekozen als vraag.");
  expect(recogniseSheet(wide("Tekort"), { vraag: "Blad1" }).reden).toMatch(/^Gekozen als vraag, maar herkend als gepubliceerde saldotabel/);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Opgave");
  for (const r of [["Opgave", 2023, 2030], ...BODY]) ws.addRow(r);
  const result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer())), { rules: DEFAULT_RULES, vraag: "Opgave" });
  expect(result.demand.map((e) => e.vraag)).toEqual(BODY.flatMap((r) => [r[1], r[2]]));
  expect(result.issues.some((i) => i.code === "saldo-als-vraag")).toBe(false);
});

test("Kerkrade's plans as printed (a bullet list, no kopregel) are a published list of plans; one line of it is not, and the reason lists every kind of table it could have been", () => {
  // ../shared/seeds/kerkrade-lokaal-kader-prestatieafspraken-2021-2025.txt, "Plannen corporaties voor de periode 2021 – 2025".
  const lines = ["Plannen corporaties voor de ", "periode 2021 – 2025", "", "• 478 woningen sloop", "• 515 woningen nieuwbouw",
    "• 35 woningen verkoop", "• 125 woningen aankoop", "• 332 woningen renovatie"];
  const list = detectTable(rawTable(lines.map((l) => [l === "" ? null : l]), { sheet: "Plannen" }));
  expect(list).toMatchObject({ kind: "plannenlijst", headerIndex: 3 });
  const d = detectTable(rawTable(lines.slice(0, 4).map((l) => [l === "" ? null : l]), { sheet: "Plannen" }));
  expect(d.kind).toBe("onbekend");
  expect(d.reden).toContain("Op blad 'Plannen' is geen kopregel herkend");
  for (const kind of ["een voorraad", "een kruistabel", "geplande wijzigingen (jaar, soort, aantal)", "een lijst met geplande wijzigingen ('478 woningen sloop')",
    "een CBS-woningvoorraad", "aanpassingspercentages"]) {
    expect(d.reden).toContain(kind);
  }
});

test("the reason names the cell that names the subject wherever it stands, 'cel C1 op blad …' (also right of the years)", () => {
  const moved = rawTable([[2023, 2030, "Aanbod"], ...BODY.map((r) => [r[1], r[2], r[0]])], { sheet: "Blad1" });
  const d = detectTable(moved);
  expect(d.kind).toBe("aanbod");
  expect(d.reden).toContain("de kolomkop (cel C1 op blad 'Blad1') noemt aanbod");
});

test("an 'opgave' named only in the title: the reason names the title's cell; only in the sheet name: the sheet", () => {
  const titled = rawTable([["De opgave per woonvorm"], [], ["Woonvorm", 2023, 2030], ...BODY], { sheet: "Blad1" });
  const d = detectTable(titled);
  expect(d).toMatchObject({ kind: "saldo", ookMogelijk: "vraag" });
  expect(d.reden).toContain("Cel A1 op blad 'Blad1' noemt een opgave");
  const named = rawTable([["Woonvorm", 2023, 2030], ...BODY], { sheet: "Opgave" });
  expect(detectTable(named).reden).toContain("De naam van blad 'Opgave' noemt een opgave");
});
