/**
 * Published results recomputed (issue 10, item 3): a saldo / tekort / opgave table as printed
 * (Parkstad Tabel 3, Kerkrade's opgave 2030) set against aanbod − vraag as this tool computes it
 * from the demand and supply in the same workbook (the "per categorie" reading of tekort.ts).
 *
 * Every published figure gets a status:
 * - **gelijk**: the recomputed figure, exactly;
 * - **afronding**: within rounding (2.5 when the table is rounded to 5, else 0.5);
 * - **wijkt-af**: differs; the most likely cause is searched (below) and named;
 * - **niet-na-te-rekenen**: the workbook has no demand and supply for that group and woonvorm;
 *   when the figure equals another group's recomputed figure, that is named as the cause.
 *
 * Causes are found by recomputing the figure with each plausible slip and taking the one that
 * reproduces it with the fewest changes: the demand of another scenario, of another year,
 * "regulier" with or without the nultreden dwellings (Parkstad's Tabel 2 prints regulier
 * inclusive of nultreden, the demand exclusive), the opposite sign convention,
 * the change in demand since the first year instead of aanbod − vraag, another group's figures,
 * and rounding to 5. A figure no slip reproduces is reported as "oorzaak onbekend".
 *
 * Sign convention: aanbod − vraag (negative = tekort, Parkstad) or vraag − aanbod
 * (positive = opgave, Kerkrade). Taken from the caption when it says so; otherwise, and when the
 * figures clearly follow the other one, the convention under which more figures match.
 *
 * Pure: no I/O. What the user reads of it: docs/handleiding.md §3, "Gepubliceerde saldo-, tekort-
 * of opgavetabel", and §5 (blad Vergelijking).
 */
import { type Issue, makeIssue } from "./issues";
import type { Niveau, Zorgprofiel } from "./types";
import type { TekortRow } from "./tekort";
import { formatGetal, formatLijst } from "./format";

/** Sign convention of a published result table. */
export type SaldoTeken = "aanbod-min-vraag" | "vraag-min-aanbod";

/** One figure of a published saldo table, as printed (ingest: src/ingest/saldo.ts). */
export interface PublishedSaldo {
  /** null for a total row. */
  niveau: Niveau | null;
  groep: string | null;
  scenario: string | null;
  /** BZK type or BAT class as in `TekortRow.categorie`; null for a total row. */
  categorie: string | null;
  zorgprofiel: Zorgprofiel | null;
  /** A total of its group (group row with figures, or a "Totaal" row). */
  totaal: boolean;
  jaar: number;
  gebied: string | null;
  /** Row label as printed. */
  label: string;
  /** The figure as printed, sign included. */
  waarde: number;
  sheet: string;
  cell: string;
}

/** One published table for {@link compareSaldo}. */
export interface PublishedSaldoTable {
  sheet: string;
  entries: readonly PublishedSaldo[];
  /** As stated in the caption; null when it says nothing. */
  teken: SaldoTeken | null;
  tekenBron: string | null;
  afgerondOp5: boolean;
}

/** Status of one compared figure. */
export type VergelijkingStatus = "gelijk" | "afronding" | "wijkt-af" | "niet-na-te-rekenen";

/** Kinds of slip that explain a differing figure. */
export type OorzaakCode =
  | "ander-scenario" | "ander-jaar" | "regulier-in-of-exclusief" | "teken-omgekeerd" | "vraagverandering"
  | "andere-groep" | "afronding" | "onbekend";

/** What a compared figure repeats of the published one: where it stands and what it is about. */
const PLACE_FIELDS = ["sheet", "cell", "label", "groep", "scenario", "categorie", "zorgprofiel", "totaal", "jaar", "gebied"] as const satisfies readonly (keyof PublishedSaldo)[];
type SaldoPlace = Pick<PublishedSaldo, (typeof PLACE_FIELDS)[number]>;

/** The {@link PLACE_FIELDS} of a published figure. */
function placeOf(p: PublishedSaldo): SaldoPlace {
  return Object.fromEntries(PLACE_FIELDS.map((f) => [f, p[f]])) as SaldoPlace;
}

/** One published figure against its recomputation. */
export interface VergelijkingCel extends SaldoPlace {
  /** The figure as printed (`PublishedSaldo.waarde`). */
  gepubliceerd: number;
  /** In the table's sign convention; null when the workbook has no demand and supply for it. */
  herberekend: number | null;
  /** gepubliceerd − herberekend; null when not recomputed. */
  verschil: number | null;
  status: VergelijkingStatus;
  /** Dutch: how the recomputed figure is made ("aanbod 10.793 − vraag 11.020"). */
  berekening: string;
  /** Most likely cause of a difference (the first of `oorzaken`); null for gelijk. */
  oorzaak: OorzaakCode | null;
  /** Every slip of the explanation, e.g. ["regulier-in-of-exclusief", "ander-scenario"]; empty for gelijk. */
  oorzaken: OorzaakCode[];
  /** Dutch explanation of the cause (or of why it cannot be recomputed). */
  toelichting: string;
}

/** Result for one published table. */
export interface SaldoVergelijking {
  sheet: string;
  teken: SaldoTeken;
  /** Dutch: where the convention comes from. */
  tekenBron: string;
  afgerondOp5: boolean;
  cellen: VergelijkingCel[];
  telling: Record<VergelijkingStatus, number>;
  /** Dutch lines: the differences grouped by group, scenario and cause. */
  samenvatting: string[];
}

/** Dutch names of the sign conventions. */
export const TEKEN_LABELS: Readonly<Record<SaldoTeken, string>> = {
  "aanbod-min-vraag": "aanbod − vraag (negatief = tekort)",
  "vraag-min-aanbod": "vraag − aanbod (positief = tekort/opgave)",
};

const n = (x: number) => formatGetal(x, 2);

function keyOf(groep: string | null, scenario: string | null, categorie: string, zp: Zorgprofiel | null, jaar: number, gebied: string | null): string {
  return JSON.stringify([groep, scenario, categorie, zp, jaar, gebied]);
}

/** Engine rows (per categorie) indexed for lookups. */
class RowIndex {
  private readonly byKey = new Map<string, TekortRow>();
  constructor(readonly rows: readonly TekortRow[]) {
    for (const r of rows) this.byKey.set(keyOf(r.groep, r.scenario, r.categorie, r.zorgprofiel, r.jaar, r.gebied), r);
  }
  get(groep: string | null, scenario: string | null, categorie: string, zp: Zorgprofiel | null, jaar: number, gebied: string | null): TekortRow | undefined {
    return this.byKey.get(keyOf(groep, scenario, categorie, zp, jaar, gebied));
  }
  /** The row for a published figure; a published table without groups or scenarios matches the
   * workbook's single group or scenario. */
  find(p: PublishedSaldo, categorie: string): TekortRow | undefined {
    const exact = this.get(p.groep, p.scenario, categorie, p.zorgprofiel, p.jaar, p.gebied);
    if (exact) return exact;
    const c = this.rows.filter((r) => r.categorie === categorie && r.zorgprofiel === p.zorgprofiel && r.jaar === p.jaar && r.gebied === p.gebied &&
      (p.groep === null || r.groep === p.groep) && (p.scenario === null || r.scenario === p.scenario));
    return c.length === 1 ? c[0] : undefined;
  }
}

/** Saldo in a convention. */
function signed(teken: SaldoTeken, aanbod: number, vraag: number): number {
  return teken === "aanbod-min-vraag" ? aanbod - vraag : vraag - aanbod;
}

function formula(teken: SaldoTeken, aanbod: number, vraag: number): string {
  return teken === "aanbod-min-vraag" ? `aanbod ${n(aanbod)} − vraag ${n(vraag)}` : `vraag ${n(vraag)} − aanbod ${n(aanbod)}`;
}

/** Group and scenario as a reader sees them: "ouderen (trend)".
 * @example groepNaam("ouderen", "trend") === "ouderen (trend)"; groepNaam(null, null) === "(zonder groep)" */
export function groepNaam(groep: string | null, scenario: string | null): string {
  return `${groep ?? "(zonder groep)"}${scenario ? ` (${scenario})` : ""}`;
}

/** A candidate explanation: the value it gives and the slips it needs. */
interface Candidate {
  value: number;
  slips: { code: OorzaakCode; text: string }[];
  berekening: string;
}

/** All single and combined slips for a category figure whose own row exists. */
function candidates(own: TekortRow, idx: RowIndex, teken: SaldoTeken): Candidate[] {
  const out: Candidate[] = [];
  const other: SaldoTeken = teken === "aanbod-min-vraag" ? "vraag-min-aanbod" : "aanbod-min-vraag";
  const nul = own.categorie === "regulier" ? idx.get(own.groep, own.scenario, "nultreden", null, own.jaar, own.gebied)?.aanbod : undefined;
  const supplies: { a: number; slip: Candidate["slips"] }[] = [{ a: own.aanbod, slip: [] }];
  if (nul !== undefined && nul > 0) {
    supplies.push({ a: own.aanbod + nul, slip: [{ code: "regulier-in-of-exclusief", text: `regulier inclusief de ${n(nul)} nultredenwoningen (aanbod ${n(own.aanbod + nul)} in plaats van ${n(own.aanbod)})` }] });
    if (own.aanbod - nul >= 0) supplies.push({ a: own.aanbod - nul, slip: [{ code: "regulier-in-of-exclusief", text: `regulier zonder de ${n(nul)} nultredenwoningen (aanbod ${n(own.aanbod - nul)} in plaats van ${n(own.aanbod)})` }] });
  }
  const demands = idx.rows.filter((r) => r.groep === own.groep && r.categorie === own.categorie && r.zorgprofiel === own.zorgprofiel &&
    r.gebied === own.gebied && r.niveau === own.niveau);
  for (const s of supplies) {
    for (const d of demands) {
      const slips = [...s.slip];
      if (d.scenario !== own.scenario) slips.push({ code: "ander-scenario", text: `de vraag van scenario '${d.scenario ?? "(geen)"}' (${n(d.vraag)}) in plaats van '${own.scenario ?? "(geen)"}' (${n(own.vraag)})` });
      if (d.jaar !== own.jaar) slips.push({ code: "ander-jaar", text: `de vraag van ${d.jaar} (${n(d.vraag)}) in plaats van ${own.jaar} (${n(own.vraag)})` });
      out.push({ value: signed(teken, s.a, d.vraag), slips, berekening: formula(teken, s.a, d.vraag) });
      out.push({
        value: signed(other, s.a, d.vraag),
        slips: [...slips, { code: "teken-omgekeerd", text: `het omgekeerde teken (${TEKEN_LABELS[other]})` }],
        berekening: formula(other, s.a, d.vraag),
      });
    }
  }
  // The change in demand since the first year, in place of aanbod − vraag.
  const scenarios = new Set(demands.map((d) => d.scenario));
  for (const sc of scenarios) {
    const series = demands.filter((d) => d.scenario === sc).sort((a, b) => a.jaar - b.jaar);
    const first = series[0];
    const cur = series.find((d) => d.jaar === own.jaar);
    if (!first || !cur) continue;
    const slips: Candidate["slips"] = [{ code: "vraagverandering", text: `de verandering van de vraag sinds ${first.jaar} (vraag ${first.jaar} ${n(first.vraag)} tegen ${own.jaar} ${n(cur.vraag)}) in plaats van aanbod − vraag` }];
    if (sc !== own.scenario) slips.push({ code: "ander-scenario", text: `van scenario '${sc ?? "(geen)"}'` });
    out.push({ value: signed(teken, first.vraag, cur.vraag), slips, berekening: teken === "aanbod-min-vraag" ? `vraag ${first.jaar} ${n(first.vraag)} − vraag ${own.jaar} ${n(cur.vraag)}` : `vraag ${own.jaar} ${n(cur.vraag)} − vraag ${first.jaar} ${n(first.vraag)}` });
  }
  return out;
}

/** Other groups' recomputed figures for the same woonvorm and year (same scenario first). */
function otherGroups(p: PublishedSaldo, categorie: string | null, idx: RowIndex, teken: SaldoTeken, totals: TotalIndex): Candidate[] {
  const same: Candidate[] = [];
  const rest: Candidate[] = [];
  const add = (scenario: string | null, c: Candidate) => (scenario === p.scenario ? same : rest).push(c);
  if (categorie === null) {
    for (const t of totals.all()) {
      if (t.groep === p.groep || t.jaar !== p.jaar || t.gebied !== p.gebied) continue;
      add(t.scenario, { value: signed(teken, t.aanbod, t.vraag), slips: [{ code: "andere-groep", text: `het totaal van ${groepNaam(t.groep, t.scenario)}` }], berekening: formula(teken, t.aanbod, t.vraag) });
    }
  } else {
    for (const r of idx.rows) {
      if (r.groep === p.groep || r.categorie !== categorie || r.zorgprofiel !== p.zorgprofiel || r.jaar !== p.jaar || r.gebied !== p.gebied) continue;
      add(r.scenario, { value: signed(teken, r.aanbod, r.vraag), slips: [{ code: "andere-groep", text: `de cijfers van ${groepNaam(r.groep, r.scenario)}` }], berekening: formula(teken, r.aanbod, r.vraag) });
    }
  }
  return [...same, ...rest];
}

/** Sums of supply and demand per (groep, scenario, jaar, gebied), for total rows. */
class TotalIndex {
  private readonly map = new Map<string, { groep: string | null; scenario: string | null; jaar: number; gebied: string | null; aanbod: number; vraag: number }>();
  constructor(rows: readonly TekortRow[]) {
    for (const r of rows) {
      const k = JSON.stringify([r.groep, r.scenario, r.jaar, r.gebied, r.niveau]);
      const t = this.map.get(k) ?? { groep: r.groep, scenario: r.scenario, jaar: r.jaar, gebied: r.gebied, aanbod: 0, vraag: 0 };
      t.aanbod += r.aanbod;
      t.vraag += r.vraag;
      this.map.set(k, t);
    }
  }
  get(groep: string | null, scenario: string | null, jaar: number, gebied: string | null, niveau: Niveau = "bzk") {
    return this.map.get(JSON.stringify([groep, scenario, jaar, gebied, niveau]));
  }
  all() {
    return [...this.map.values()];
  }
}

/** The candidate with the fewest slips that reproduces `value` within `tol`. */
function best(value: number, cands: readonly Candidate[], tol: number): Candidate | null {
  let found: Candidate | null = null;
  for (const c of cands) {
    if (Math.abs(c.value - value) > tol) continue;
    if (found === null || c.slips.length < found.slips.length) found = c;
  }
  return found;
}

/** How many category figures match exactly under a convention. */
function matches(table: PublishedSaldoTable, idx: RowIndex, teken: SaldoTeken, tol: number): number {
  let count = 0;
  for (const p of table.entries) {
    if (p.categorie === null) continue;
    const own = idx.find(p, p.categorie);
    if (own && own.aanbod !== own.vraag && Math.abs(signed(teken, own.aanbod, own.vraag) - p.waarde) <= tol) count++;
  }
  return count;
}

/**
 * Recomputes a published saldo table from the workbook's demand and supply.
 *
 * @param table the published figures (src/ingest/saldo.ts).
 * @param rows the tool's tekort rows, reading "per categorie" (other readings are ignored).
 * @returns per figure its status, recomputation and most likely cause; a summary per table.
 *   Figures in dwellings, in the table's sign convention.
 */
export function compareSaldo(table: PublishedSaldoTable, rows: readonly TekortRow[]): SaldoVergelijking {
  const own = rows.filter((r) => r.lezing === "per categorie");
  const idx = new RowIndex(own);
  const totals = new TotalIndex(own);
  const tol = table.afgerondOp5 ? 2.5 : 0.5;
  const ab = matches(table, idx, "aanbod-min-vraag", tol);
  const va = matches(table, idx, "vraag-min-aanbod", tol);
  let teken: SaldoTeken;
  let tekenBron: string;
  if (table.teken && !((table.teken === "aanbod-min-vraag" ? va : ab) > 2 * (table.teken === "aanbod-min-vraag" ? ab : va))) {
    teken = table.teken;
    tekenBron = table.tekenBron ?? "bijschrift";
  } else {
    teken = va > ab ? "vraag-min-aanbod" : "aanbod-min-vraag";
    tekenBron = table.teken
      ? `de cijfers (${Math.max(ab, va)} kloppen zo, ${Math.min(ab, va)} volgens ${table.tekenBron ?? "het bijschrift"})`
      : ab === va ? "geen bijschrift; aangenomen zoals in dit programma" : `de cijfers (${Math.max(ab, va)} kloppen zo, ${Math.min(ab, va)} andersom)`;
  }
  const cellen: VergelijkingCel[] = [];
  for (const p of table.entries) {
    const base = { ...placeOf(p), gepubliceerd: p.waarde };
    let herberekend: number | null = null;
    let berekening = "";
    let cands: Candidate[] = [];
    if (p.categorie !== null) {
      const r = idx.find(p, p.categorie);
      if (r) {
        herberekend = signed(teken, r.aanbod, r.vraag);
        berekening = formula(teken, r.aanbod, r.vraag);
        cands = candidates(r, idx, teken);
      }
    } else {
      const t = totals.get(p.groep, p.scenario, p.jaar, p.gebied);
      if (t) {
        herberekend = signed(teken, t.aanbod, t.vraag);
        berekening = `som van de woonvormen: ${formula(teken, t.aanbod, t.vraag)}`;
      }
    }
    if (herberekend !== null && herberekend === p.waarde) {
      cellen.push({ ...base, herberekend, verschil: 0, status: "gelijk", berekening, oorzaak: null, oorzaken: [], toelichting: "" });
      continue;
    }
    if (herberekend !== null && Math.abs(herberekend - p.waarde) <= tol) {
      cellen.push({ ...base, herberekend, verschil: p.waarde - herberekend, status: "afronding", berekening, oorzaak: "afronding", oorzaken: ["afronding"],
        toelichting: `Verschil ${n(p.waarde - herberekend)}: afronding${table.afgerondOp5 ? " op 5" : ""}.` });
      continue;
    }
    const alt = best(p.waarde, [...cands, ...otherGroups(p, p.categorie, idx, teken, totals)], tol);
    const rounding = herberekend !== null && alt === null && p.waarde % 5 === 0 && Math.abs(herberekend - p.waarde) <= 2.5;
    const oorzaken: OorzaakCode[] = alt ? alt.slips.map((s) => s.code) : [rounding ? "afronding" : "onbekend"];
    const oorzaak = oorzaken[0];
    let toelichting = alt
      ? `Het gepubliceerde getal ontstaat met ${formatLijst(alt.slips.map((s) => s.text))}: ${alt.berekening} = ${n(alt.value)}.`
      : rounding ? `Verschil ${n(p.waarde - herberekend!)}: afronding op 5.` : "Oorzaak onbekend: geen bekende vergissing geeft dit getal.";
    if (herberekend === null) {
      toelichting = `De werkmap heeft geen vraag en aanbod voor ${groepNaam(p.groep, p.scenario)}${p.categorie ? `, ${p.label}` : ""}. ` +
        (alt ? toelichting : "Het getal is niet na te rekenen.");
    }
    cellen.push({
      ...base, herberekend, verschil: herberekend === null ? null : p.waarde - herberekend,
      status: herberekend === null ? "niet-na-te-rekenen" : "wijkt-af", berekening,
      oorzaak: herberekend === null && !alt ? null : oorzaak, oorzaken: herberekend === null && !alt ? [] : oorzaken, toelichting,
    });
  }
  const telling: Record<VergelijkingStatus, number> = { gelijk: 0, afronding: 0, "wijkt-af": 0, "niet-na-te-rekenen": 0 };
  for (const c of cellen) telling[c.status]++;
  return { sheet: table.sheet, teken, tekenBron, afgerondOp5: table.afgerondOp5, cellen, telling, samenvatting: summarise(cellen, own, table) };
}

/** Dutch names of the causes, for the summary. */
const OORZAAK_KORT: Readonly<Record<OorzaakCode, string>> = {
  "ander-scenario": "vraag van een ander scenario",
  "ander-jaar": "vraag van een ander jaar",
  "regulier-in-of-exclusief": "regulier in- of exclusief nultreden",
  "teken-omgekeerd": "omgekeerd teken",
  vraagverandering: "verandering van de vraag in plaats van aanbod − vraag",
  "andere-groep": "cijfers van een andere groep",
  afronding: "afronding",
  onbekend: "oorzaak onbekend",
};

/** Short Dutch name of a cause.
 * @example oorzaakKort("teken-omgekeerd") === "omgekeerd teken"; oorzaakKort("ander-jaar") === "vraag van een ander jaar" */
export function oorzaakKort(code: OorzaakCode): string {
  return OORZAAK_KORT[code];
}

/** The differences grouped by group, scenario and cause; groups of the workbook the table leaves out. */
function summarise(cellen: readonly VergelijkingCel[], rows: readonly TekortRow[], table: PublishedSaldoTable): string[] {
  const out: string[] = [];
  const groups = new Map<string, VergelijkingCel[]>();
  for (const c of cellen) {
    if (c.status === "gelijk" || c.status === "afronding") continue;
    const k = JSON.stringify([c.groep, c.scenario, c.status, c.oorzaken]);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const list of groups.values()) {
    const c = list[0];
    const years = [...new Set(list.map((x) => x.jaar))].sort();
    const what = c.status === "niet-na-te-rekenen" ? "niet na te rekenen" : "wijken af";
    const cause = c.oorzaken.length > 0 ? `: ${formatLijst(c.oorzaken.map(oorzaakKort))}` : "";
    out.push(`${groepNaam(c.groep, c.scenario)}, ${formatLijst(years.map(String))}: ${list.length} ${list.length === 1 ? "cijfer" : "cijfers"} ${what}${cause} (${formatLijst(list.map((x) => x.cell))}).`);
  }
  const published = new Set(table.entries.map((e) => JSON.stringify([e.groep, e.scenario])));
  const missing = new Set<string>();
  for (const r of rows) {
    const k = JSON.stringify([r.groep, r.scenario]);
    if (!published.has(k)) missing.add(groepNaam(r.groep, r.scenario));
  }
  if (missing.size > 0 && table.entries.length > 0) {
    out.push(`De tabel noemt ${formatLijst([...missing])} niet, terwijl de werkmap daar vraag en aanbod voor heeft.`);
  }
  return out;
}

/**
 * Issues for the Controle sheet and the terminal: one warning per differing figure (naming
 * sheet, cell and cause), one info per figure that cannot be recomputed, one info per table.
 */
export function vergelijkingIssues(v: SaldoVergelijking): Issue[] {
  const issues: Issue[] = [];
  const t = v.telling;
  issues.push(makeIssue("saldo-nagerekend", t["wijkt-af"] > 0 ? "waarschuwing" : "info", v.sheet, null,
    `Blad '${v.sheet}' is een gepubliceerde saldotabel (${TEKEN_LABELS[v.teken]}, volgens ${v.tekenBron}) en is nagerekend: ` +
      `${t.gelijk} gelijk, ${t.afronding} afronding, ${t["wijkt-af"]} wijken af, ${t["niet-na-te-rekenen"]} niet na te rekenen. Zie het blad Vergelijking.`));
  for (const c of v.cellen) {
    if (c.status === "wijkt-af") {
      issues.push(makeIssue("saldo-wijkt-af", "waarschuwing", c.sheet, c.cell,
        `Cel ${c.cell} op blad '${c.sheet}' (${groepNaam(c.groep, c.scenario)}, ${c.label}, ${c.jaar}): gepubliceerd ${n(c.gepubliceerd)}, ` +
          `nagerekend ${n(c.herberekend!)} (${c.berekening}). ${c.toelichting}`));
    } else if (c.status === "niet-na-te-rekenen") {
      issues.push(makeIssue("saldo-niet-na-te-rekenen", c.oorzaak ? "waarschuwing" : "info", c.sheet, c.cell,
        `Cel ${c.cell} op blad '${c.sheet}' (${c.label}, ${c.jaar}): gepubliceerd ${n(c.gepubliceerd)}. ${c.toelichting}`));
    }
  }
  return issues;
}
