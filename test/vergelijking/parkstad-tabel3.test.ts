/**
 * Parkstad Tabel 3 ("Aanbod – vraag (- = tekort)") as printed, recognised as a published saldo
 * table and recomputed from Tabel 1 (vraag) and Tabel 2 (aanbod) as printed.
 *
 * Worked out by hand first (aanbod − vraag; Tabel 2's "regulier wonen" 117.250 includes the
 * 29.313 nultreden dwellings, the demand classes are exclusive, so regulier is 87.937):
 * - Ouderen (basis): nultreden (3 cells), geclusterd/SOM/PG 2023 are right. Regulier 2023 94.200
 *   = 117.250 − 23.050: regulier inclusive of nultreden. Regulier 2030/2040 (93.110, 96.270) =
 *   117.250 − the TREND demand (24.140, 20.980). Geclusterd, SOM, PG 2030/2040 (−1.807, −4.587;
 *   213, 93; 67, −303) = aanbod − the trend demand (12.600, 15.380; 830, 950; 2.140, 2.510).
 * - Ouderen (trend): SOM and PG are right. Regulier, nultreden, geclusterd (0, −1.090, 2.070;
 *   0, −1.170, −2.360; 0, −2.790, −5.570) are vraag 2023 − vraag of the year: the change in
 *   demand, not aanbod − vraag (which is 63.797 etc.).
 * - "Mensen met een lichamelijke beperking" (onderkant, bovenkant) with geclusterd/gespikkeld
 *   rows: Tabel 2 has no aanbod for that group; the figures are those of the verstandelijke
 *   beperking (887 − 1.940 = −1.053, 861 − 1.320 = −459, 26 − 620 = −594, ...), as the
 *   footnote ("tekort ... voor VG") suggests. The VB rows themselves are missing.
 * The expected figures below are computed in this file from the printed numbers.
 */
import { readSaldo } from "../../src/ingest/saldo";
import { detectTable } from "../../src/ingest/detect";
import { compareSaldo, type VergelijkingCel } from "../../src/domain/vergelijking";
import type { TekortRow } from "../../src/domain/tekort";
import { printedNumber, seedRawTable, seedTable } from "../support/seed-tables";

const YEARS = [2023, 2030, 2040];
const t1 = seedTable("parkstad-tabel-1").printed;
const t2 = seedTable("parkstad-tabel-2").printed;

/** Printed rows of a block of Tabel 1/2: from the group row `group` to the next group row. */
function block(rows: string[][], group: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const start = rows.findIndex((r) => r[0] === group);
  expect(start).toBeGreaterThanOrEqual(0);
  for (let i = start + 1; i < rows.length; i++) {
    const [label, ...figs] = rows[i];
    if (/^(Ouderen|Mensen|mensen|woning|woonwagen)/.test(label) && i > start + 1 && !label.startsWith("Ouderen totaal")) break;
    out.set(label, figs.map((f) => printedNumber(f) ?? NaN));
  }
  return out;
}

const LABELS: [string, string, "SOM" | "PG" | null][] = [
  ["regulier wonen", "regulier", null], ["nultreden in regulier wonen", "nultreden", null], ["geclusterd wonen", "geclusterd", null],
  ["zorggeschikt/woonzorgcentrum (SOM)", "zorggeschikt", "SOM"], ["zorggeschikt/woonzorgcentrum (PG)", "zorggeschikt", "PG"],
  ["gespikkeld wonen", "gespikkeld", null],
];

/** The tool's "per categorie" rows, built here from the printed Tabel 1 and 2 (not by the program). */
function expectedRows(): TekortRow[] {
  const rows: TekortRow[] = [];
  const ouderenAanbod = block(t2, "Ouderen");
  const vbAanbod = block(t2, "mensen met een verstandelijke beperking");
  const groups: [string, string, string, Map<string, number[]>][] = [
    ["ouderen", "basis", "Ouderen (basisscenario)", ouderenAanbod],
    ["ouderen", "trend", "Ouderen (trendscenario)", ouderenAanbod],
    ["verstandelijke beperking", "onderkant", "Mensen met een verstandelijke beperking (onderkant)", vbAanbod],
    ["verstandelijke beperking", "bovenkant", "mensen met een verstandelijke beperking (bovenkant)", vbAanbod],
  ];
  for (const [groep, scenario, label, aanbod] of groups) {
    const vraag = block(t1, label);
    for (const [printed, categorie, zp] of LABELS) {
      const v = vraag.get(printed);
      let a = aanbod.get(printed)?.[0];
      if (!v || a === undefined) continue;
      if (categorie === "regulier") a -= aanbod.get("nultreden in regulier wonen")![0];
      YEARS.forEach((jaar, i) => rows.push({
        lezing: "per categorie", niveau: "bzk", groep, categorie, zorgprofiel: zp, jaar, scenario, gebied: null,
        aanbod: a!, vraag: v[i], saldo: a! - v[i], tekort: Math.max(0, v[i] - a!),
      }));
    }
  }
  return rows;
}

const table = seedRawTable("parkstad-tabel-3");
const read = readSaldo(table);
const rows = expectedRows();
const result = compareSaldo({ sheet: table.sheet, ...read }, rows);
const cell = (address: string): VergelijkingCel => {
  const c = result.cellen.find((x) => x.cell === address);
  if (!c) throw new Error(`no cell ${address}`);
  return c;
};
/** Tabel 3's printed figures by label (nth occurrence) and year. */
const printedT3 = seedTable("parkstad-tabel-3").printed;
function printedRowCells(label: string, occurrence: number): { figures: number[]; row: number } {
  const idx = printedT3.map((r, i) => [r, i] as const).filter(([r]) => r[0].trim() === label)[occurrence];
  return { figures: idx[0].slice(1).map((f) => printedNumber(f)!), row: idx[1] + 3 }; // caption, blank, then the table from row 3
}
const address = (row: number, year: number) => `${"BCD"[YEARS.indexOf(year)]}${row}`;
const vraagOf = (groep: string, scenario: string, categorie: string, zp: string | null, jaar: number) =>
  rows.find((r) => r.groep === groep && r.scenario === scenario && r.categorie === categorie && r.zorgprofiel === zp && r.jaar === jaar)!;

test("Tabel 3 as printed is a saldo table, never demand", () => {
  expect(detectTable(table).kind).toBe("saldo");
  expect(read.teken).toBe("aanbod-min-vraag");
  expect(read.afgerondOp5).toBe(false);
  // 16 printed rows with figures × 3 years; the footnote mark of "-854 ²" is stripped.
  expect(read.entries).toHaveLength(48);
  expect(read.entries.find((e) => e.cell === "D21")?.waarde).toBe(-854);
  expect(read.issues.map((i) => i.code)).toEqual(["saldo-voetnoot"]);
});

test("every figure that equals aanbod − vraag (computed here) is 'gelijk', and every other one is reported", () => {
  for (const c of result.cellen) {
    if (c.groep !== "ouderen") continue;
    const r = vraagOf("ouderen", c.scenario!, c.categorie!, c.zorgprofiel, c.jaar);
    expect(c.herberekend).toBe(r.aanbod - r.vraag);
    expect(c.status).toBe(c.gepubliceerd === r.aanbod - r.vraag ? "gelijk" : "wijkt-af");
  }
  expect(result.telling).toEqual({ gelijk: 12, afronding: 0, "wijkt-af": 18, "niet-na-te-rekenen": 18 });
});

test("ouderen basis: regulier inclusive of nultreden; 2030/2040 with the trend demand", () => {
  const nul = block(t2, "Ouderen").get("nultreden in regulier wonen")![0];
  const reg = printedRowCells("regulier wonen", 0);
  expect(cell(address(reg.row, 2023)).oorzaken).toEqual(["regulier-in-of-exclusief"]);
  for (const jaar of [2030, 2040]) {
    const trend = vraagOf("ouderen", "trend", "regulier", null, jaar);
    expect(reg.figures[YEARS.indexOf(jaar)]).toBe(trend.aanbod + nul - trend.vraag);
    expect(cell(address(reg.row, jaar)).oorzaken).toEqual(["regulier-in-of-exclusief", "ander-scenario"]);
  }
  for (const [label, categorie, zp] of LABELS.slice(2, 5)) {
    const p = printedRowCells(label, 0);
    for (const jaar of [2030, 2040]) {
      const trend = vraagOf("ouderen", "trend", categorie, zp, jaar);
      expect(p.figures[YEARS.indexOf(jaar)]).toBe(trend.aanbod - trend.vraag);
      const c = cell(address(p.row, jaar));
      expect(c.status).toBe("wijkt-af");
      expect(c.oorzaken).toEqual(["ander-scenario"]);
      expect(c.toelichting).toContain("scenario 'trend'");
    }
  }
});

test("ouderen trend: regulier, nultreden and geclusterd are the change in demand since 2023", () => {
  for (const [label, categorie] of [["regulier wonen", "regulier"], ["nultreden in regulier wonen", "nultreden"], ["geclusterd wonen", "geclusterd"]]) {
    const p = printedRowCells(label, 1);
    for (const jaar of YEARS) {
      const first = vraagOf("ouderen", "trend", categorie, null, 2023).vraag;
      expect(p.figures[YEARS.indexOf(jaar)]).toBe(first - vraagOf("ouderen", "trend", categorie, null, jaar).vraag);
      expect(cell(address(p.row, jaar)).oorzaken).toEqual(["vraagverandering"]);
    }
  }
});

test("'lichamelijke beperking' rows: not recomputable (no aanbod), the figures of verstandelijke beperking", () => {
  const lb = result.cellen.filter((c) => c.groep === "lichamelijke beperking");
  expect(lb).toHaveLength(18);
  for (const c of lb) {
    expect(c.status).toBe("niet-na-te-rekenen");
    expect(c.oorzaken).toEqual(["andere-groep"]);
    expect(c.toelichting).toContain(`verstandelijke beperking (${c.scenario})`);
    const vb = c.categorie
      ? vraagOf("verstandelijke beperking", c.scenario!, c.categorie, null, c.jaar)
      : rows.filter((r) => r.groep === "verstandelijke beperking" && r.scenario === c.scenario && r.jaar === c.jaar)
        .reduce((s, r) => ({ aanbod: s.aanbod + r.aanbod, vraag: s.vraag + r.vraag }), { aanbod: 0, vraag: 0 });
    expect(c.gepubliceerd).toBe(vb.aanbod - vb.vraag);
  }
  expect(result.samenvatting.join("\n")).toMatch(/noemt verstandelijke beperking \(onderkant\) en verstandelijke beperking \(bovenkant\) niet/);
});

test("the other sign convention and rounding to 5 are recognised (Kerkrade prints vraag − aanbod, rounded)", () => {
  // The same Tabel 3 figures printed as an opgave (vraag − aanbod), rounded to 5, without caption.
  const flipped = seedRawTable("parkstad-tabel-3", { bare: true });
  const opgave = (x: number) => -Math.round(x / 5) * 5;
  flipped.values = flipped.values.map((r, i) => (i === 0 ? ["Opgave", ...r.slice(1)] : r.map((v) =>
    typeof v === "number" ? opgave(v) : typeof v === "string" && i > 0 && printedNumber(v) !== null ? String(opgave(printedNumber(v)!)) : v)));
  const s = readSaldo(flipped);
  expect(s.teken).toBe("vraag-min-aanbod");
  expect(s.afgerondOp5).toBe(true);
  const v = compareSaldo({ sheet: flipped.sheet, ...s }, rows);
  // Right cells are now equal or within rounding; the same 18 differ.
  expect(v.telling.gelijk + v.telling.afronding).toBe(12);
  expect(v.telling["wijkt-af"]).toBe(18);
  const nul = v.cellen.find((c) => c.label === "nultreden in regulier wonen" && c.scenario === "basis" && c.jaar === 2030)!;
  expect(nul.herberekend).toBe(-18623);
  expect(nul.gepubliceerd).toBe(-18625);
  expect(nul.status).toBe("afronding");
});

test("without a caption or result word, negative figures make it a saldo table; one typo in a demand table does not", () => {
  const bare = seedRawTable("parkstad-tabel-3", { bare: true });
  bare.values = bare.values.map((r, i) => (i === 0 ? ["Woonvorm", ...r.slice(1)] : r));
  bare.sheet = "Blad3";
  expect(detectTable(bare).kind).toBe("saldo");
  const negatives = seedTable("parkstad-tabel-3").printed.flat().filter((c) => c.trim().startsWith("-")).length;
  // The first negative figure is geclusterd wonen (basis) 2030, -1.807: row 5 without the caption rows.
  expect(detectTable(bare).reden).toContain(`${negatives} negatieve getallen (de eerste in cel C5)`);
  const demand = seedRawTable("parkstad-tabel-1", { bare: true });
  demand.values = demand.values.map((r, i) => (i === 0 ? ["Woonvorm", ...r.slice(1)] : i === 3 ? [r[0], -9520, ...r.slice(2)] : r));
  demand.sheet = "Vraag";
  expect(detectTable(demand).kind).toBe("vraag");
});
