/**
 * The JSON result document of `bat-bzk analyse --json` (its contract as users
 * read it: docs/json.md). Fields listed in the contract keep their names and
 * meaning; fields marked "uitbreiding" are additions allowed by the contract.
 */
import type { CrossTableAdaptation } from "../domain/potentieel-kruistabel";
import type { AnalysisResult } from "../analysis/result";
import { roundTo } from "./format";
import { dwellingEntry } from "./dwelling-entry";
import type { Severity } from "../domain/issues";
import type { BzkType, Zorgprofiel, SupplySummary } from "../domain/types";
import type { TekortRow } from "../domain/tekort";
import type { CbsRoute } from "../domain/cbs";
import type { KruisSoort, KruisStatus } from "../domain/kruiscontrole";
import type { AggregateWhatIfResult } from "../domain/whatif-aggregaat";
import type { PotentieelBron } from "../domain/whatif-kruistabel";
import type { OorzaakCode, SaldoTeken, SaldoVergelijking, VergelijkingStatus } from "../domain/vergelijking";
import type { MutatieSoort, SupplyYear } from "../domain/plannen";
import type { ClusterCandidate } from "../domain/clustering";
import type { CareCandidate } from "../domain/zorgpotentieel";
import type { WhatIfComplex, WhatIfSegment, WhatIfTekortRow } from "../domain/whatif";

/** Version of the JSON document's shape; bumped only when an existing field changes. */
export const SCHEMA_VERSIE = 1;

/** One dwelling in `woningen`. `bat` is the level on `aanbod.batSchaal` (limburg 0-4, vera 1-5). */
export interface JsonWoning {
  id: string;
  bat: number | null;
  bzk: BzkType | "onbekend";
  reden: string;
  meldingen: string[];
  /** uitbreiding: sheet and row the dwelling came from, e.g. "Voorraad!14". */
  bron: string;
  /** uitbreiding: cumulative flags. */
  nultreden: boolean;
  geclusterd: boolean;
  zorggeschikt: boolean;
  zorgprofiel: Zorgprofiel | null;
  /** uitbreiding: adaptation potential of this dwelling. */
  aanpassing: string;
}

/** The whole document (see docs/json.md). Counts are dwellings. */
export interface JsonDocument {
  schemaVersie: number;
  invoer: { rijen: number; eenheden: number; ingedeeld: number; afgewezen: number; bladen: { blad: string; soort: string; gebruikt: boolean; reden: string }[] };
  aanbod: {
    batSchaal: "limburg" | "vera";
    /** uitbreiding: "voorraad" (counted from the stock), "aanbodtabel" (published supply table) or null. */
    bron: "voorraad" | "aanbodtabel" | null;
    perBat: Record<string, number>;
    perBzk: Record<BzkType | "onbekend", number>;
    cumulatief: { nultreden: number; geclusterd: number; zorggeschikt: number };
    /** uitbreiding: zorggeschikt split by care profile. */
    zorggeschiktPerProfiel: { SOM: number; PG: number; onbekend: number };
    /** uitbreiding: the same counts per gemeente, wijk, buurt, eigenaar and segment. */
    perGroep: Record<string, { waarde: string | null; perBzk: Record<string, number>; cumulatief: Record<string, number>; eenheden: number }[]>;
  };
  woningen: JsonWoning[];
  /** Rows as computed; with `--afronden` each row also has `saldoAfgerond` and `tekortAfgerond`
   * (uitbreiding), the figures the sheets and the terminal show. `saldo` is never rounded. */
  tekort: (TekortRow & { saldoAfgerond?: number; tekortAfgerond?: number })[];
  /** uitbreiding (issue 10): the rounding the sheets and the terminal apply to saldo and tekort;
   * `stap` null when not rounded. */
  afronding: { stap: number | null; toelichting: string };
  aanpassingspotentieel: { gebied: string | null; segment: string | null; geschikt: number; potentieel: number; ongeschikt: number; onbekend: number }[];
  /** uitbreiding (issue 6): planned changes and supply per year. */
  plannen: JsonPlannen;
  /** uitbreiding: complexes one geclusterd criterion short, ranked. */
  clusteringspotentieel: JsonClustering[];
  /** uitbreiding: clustered complexes where Wlz care would add zorggeschikte dwellings, ranked. */
  zorgpotentieel: JsonZorgpotentieel[];
  /** uitbreiding: the what-if scenario of the rules (`regels.watAls`); null without a stock. */
  watAls: JsonWatAls | null;
  meldingen: { ernst: Severity; blad: string | null; cel: string | null; tekst: string; code: string }[];
  /** uitbreiding: the CBS route (CBS stock × adaptation percentages combined with the BAT stock);
   * null when the workbook has no CBS stock and percentage tables. */
  cbsRoute: JsonCbsRoute | null;
  /** uitbreiding (issue 10): published saldo / tekort / opgave tables recomputed; empty when the
   * workbook has none. */
  vergelijking: JsonVergelijking[];
  /** uitbreiding (issue 10): cross-table checks and quoted figures; empty when none apply. */
  kruiscontroles: JsonKruisControle[];
  /** uitbreiding (issue 10): published lists of plans without year, BAT class or type (one per
   * sheet), with the net change in the number of dwellings; never in `tekort`. Empty when none. */
  plannenZonderKlasse: JsonPlannenZonderKlasse[];
  /** uitbreiding (issue 10): the what-if on aggregate data (CBS route × supply table); null with a
   * stock per dwelling (then see `watAls`) or without a CBS route. With `--afronden` each tekort
   * row also has `basisTekortAfgerond`, `tekortAfgerond` and `tekortAlsGeclusterdAfgerond`, the
   * figures the sheets and the terminal show. */
  watAlsAggregaat: AggregateWhatIfResult | null;
  /** uitbreiding (issue 10): adaptation potential per woningtype from a cross table woningtype ×
   * huurklasse read beside a stock with BAT scores but without woningtype; null otherwise. */
  aanpassingspotentieelKruistabel: CrossTableAdaptation | null;
}

/** One published list of plans without class or type (see docs/json.md, "Vergelijking"). Counts in dwellings. */
export interface JsonPlannenZonderKlasse {
  blad: string;
  periode: { van: number; tot: number } | null;
  bijschrift: string | null;
  regels: { soort: MutatieSoort; aantal: number; regel: string; blad: string; cel: string }[];
  perSoort: Record<MutatieSoort, number>;
  erbij: number;
  eraf: number;
  netto: number;
  renovatie: number;
  berekening: string;
  toelichting: string;
  /** The planned-changes table of the workbook (which the tekort uses) totalled per kind over the
   * period, with the differences from the list in Dutch; null when the workbook has none. */
  tabel: { blad: string; perSoort: Record<MutatieSoort, number>; netto: number; verschillen: string[] } | null;
}

/** One cross-table check (see docs/json.md, "Vergelijking"). */
export interface JsonKruisControle {
  soort: KruisSoort;
  status: KruisStatus;
  blad: string | null;
  cel: string | null;
  onderwerp: string;
  gepubliceerd: number | null;
  berekend: number | null;
  verschil: number | null;
  eenheid: "woningen" | "%";
  toelichting: string;
}

/** One published saldo table recomputed (see docs/json.md, "Vergelijking"). */
export interface JsonVergelijking {
  blad: string;
  teken: SaldoTeken;
  tekenBron: string;
  afgerondOp5: boolean;
  telling: Record<VergelijkingStatus, number>;
  samenvatting: string[];
  cellen: {
    blad: string; cel: string; rij: string; groep: string | null; scenario: string | null; categorie: string | null;
    zorgprofiel: Zorgprofiel | null; totaal: boolean; jaar: number; gebied: string | null;
    gepubliceerd: number; nagerekend: number | null; verschil: number | null; status: VergelijkingStatus;
    oorzaak: OorzaakCode | null; oorzaken: OorzaakCode[]; toelichting: string; berekening: string;
  }[];
}

/** `vergelijking` entries from the domain result, with a fixed key order. */
export function vergelijkingJson(list: readonly SaldoVergelijking[]): JsonVergelijking[] {
  return list.map((v) => ({
    blad: v.sheet, teken: v.teken, tekenBron: v.tekenBron, afgerondOp5: v.afgerondOp5, telling: { ...v.telling }, samenvatting: [...v.samenvatting],
    cellen: v.cellen.map((c) => ({
      blad: c.sheet, cel: c.cell, rij: c.label, groep: c.groep, scenario: c.scenario, categorie: c.categorie, zorgprofiel: c.zorgprofiel,
      totaal: c.totaal, jaar: c.jaar, gebied: c.gebied, gepubliceerd: c.gepubliceerd, nagerekend: c.herberekend, verschil: c.verschil,
      status: c.status, oorzaak: c.oorzaak, oorzaken: [...c.oorzaken], toelichting: c.toelichting, berekening: c.berekening,
    })),
  }));
}

/** Dwellings per outcome in `cbsRoute`. */
export interface JsonAanpassing {
  geschikt: number;
  potentieel: number;
  ongeschikt: number;
  onbekend: number;
}

/** `cbsRoute` (see docs/json.md, "De CBS-route"). Counts are whole dwellings. */
export interface JsonCbsRoute {
  jaar: number | null;
  gemeenten: (JsonAanpassing & {
    gemeente: string;
    jaar: number | null;
    cbsVoorraad: number;
    batVoorraad: number;
    afgetrokken: number;
    woningen: number;
    bron: string;
    delen: (JsonAanpassing & {
      deel: string;
      bron: "cbs" | "bat";
      cbsVoorraad: number | null;
      afgetrokken: number;
      woningen: number;
      percentages: { geschikt: number; potentieel: number; ongeschikt: number } | null;
      toelichting: string;
    })[];
  })[];
  totaal: JsonAanpassing & { cbsVoorraad: number; batVoorraad: number; afgetrokken: number; woningen: number };
  regio: (JsonAanpassing & { naam: string; woningen: number; percentages: { geschikt: number; potentieel: number; ongeschikt: number }; toelichting: string }) | null;
  aannames: string[];
}

/** `plannen`: the changes read, supply per year, and whether supply was held constant. */
export interface JsonPlannen {
  /** true when no planned changes were applied: supply is the same in every year. */
  aanbodConstant: boolean;
  wijzigingen: { jaar: number; soort: MutatieSoort; aantal: number; bat: number | null; vanBat: number | null; bzk: string | null; zorgprofiel: Zorgprofiel | null; vanBzk: string | null; gebied: string | null; toelichting: string | null; bron: string }[];
  aanbodPerJaar: SupplyYear[];
}

/** One entry of `clusteringspotentieel` (clustering.ts, without the internal row indices). */
export type JsonClustering = Omit<ClusterCandidate, "fixWaarde" | "rijen">;

/** One entry of `zorgpotentieel` (zorgpotentieel.ts, without the internal row indices). */
export type JsonZorgpotentieel = Omit<CareCandidate, "rijen">;

/** Supply counts of one side of the what-if. */
type JsonAanbod = Pick<SupplySummary, "eenheden" | "perBat" | "perBzk" | "cumulatief">;

/** `watAls`: the scenario, what each lever did, and the tekort beside the baseline. */
export interface JsonWatAls {
  parameters: { aanpassenPercentage: number; aanpassenPerSegment: Record<string, number>; ontmoetingsruimten: number; wlzComplexen: number; plannen: boolean };
  aanpassing: WhatIfSegment[];
  ontmoetingsruimten: WhatIfComplex[];
  wlz: WhatIfComplex[];
  aanbod: { basis: JsonAanbod; watAls: JsonAanbod };
  tekort: WhatIfTekortRow[];
  aangepasteWoningen: { id: string | null; bron: string; aantal: number; van: string; naar: string }[];
  /** Where the potentieel dwellings come from: the stock (`{ soort: "voorraad" }`) or, for a stock
   * without woningtype, the share of a cross table beside it (whatif-kruistabel.ts `BronKruistabel`). */
  potentieelBron: PotentieelBron;
}

/**
 * Builds the JSON document from an analysis result. Pure; numbers are never rounded.
 * When the supply comes from a published supply table (no stock), `aanbod.perBzk` and
 * `cumulatief` are taken from that table's "ouderen" group (or its only group) and `perBat` is 0.
 * For a million dwellings, write the document with `writeJson` (json-stream.ts) instead: the
 * same text, without building one huge string.
 */
export function buildJson(result: AnalysisResult): JsonDocument {
  const doc = buildJsonHead(result);
  const woningen = doc.woningen;
  for (let i = 0; i < result.dwellings.length; i++) {
    const w = jsonWoning(result, i);
    if (w !== null) woningen.push(w);
  }
  return doc;
}

/**
 * The entry of `woningen` for dwelling `i` of the result, or null when its row names no
 * dwelling id (grouped rows and wide tables).
 */
export function jsonWoning(result: AnalysisResult, i: number): JsonWoning | null {
  const id = result.dwellings.rows.id(i);
  if (id === null) return null;
  const e = dwellingEntry(result, i);
  return {
    id,
    bat: e.bat,
    bzk: e.bzk,
    reden: e.reden,
    meldingen: e.meldingen,
    bron: e.bron,
    nultreden: e.nultreden,
    geclusterd: e.geclusterd,
    zorggeschikt: e.zorggeschikt,
    zorgprofiel: e.zorgprofiel,
    aanpassing: e.aanpassing,
  };
}

/** The document with every field but `woningen`, which is an empty array (in its place, so the
 * key order is that of the full document). */
export function buildJsonHead(result: AnalysisResult): JsonDocument {
  const stock = result.stock;
  const aanbod = supplyCounts(result);
  const step = result.rules.tekort.afronden ?? null;
  return {
    schemaVersie: SCHEMA_VERSIE,
    invoer: {
      rijen: stock?.rowsRead ?? 0,
      eenheden: result.summary.eenheden,
      ingedeeld: result.dwellings.length,
      afgewezen: stock?.rowsRejected ?? 0,
      bladen: result.tables.map((t) => ({ blad: t.sheet, soort: t.kind, gebruikt: t.used, reden: t.reden })),
    },
    aanbod: {
      batSchaal: result.batScale,
      bron: result.supplySource,
      ...aanbod,
      zorggeschiktPerProfiel: result.summary.zorggeschiktPerProfiel,
      perGroep: Object.fromEntries(
        result.groups.map((g) => [
          g.key,
          g.rows.map((r) => ({ waarde: r.waarde, eenheden: r.summary.eenheden, perBzk: r.summary.perBzk, cumulatief: r.summary.cumulatief })),
        ]),
      ),
    },
    woningen: [],
    tekort: step ? result.tekort.map((t) => ({ ...t, saldoAfgerond: roundTo(t.saldo, step), tekortAfgerond: roundTo(t.tekort, step) })) : result.tekort,
    afronding: {
      stap: step,
      toelichting: step
        ? `Saldo en tekort zijn in de bladen en de samenvatting afgerond op veelvouden van ${step}: zie saldoAfgerond en tekortAfgerond; saldo en tekort zelf zijn niet afgerond.`
        : "Niet afgerond.",
    },
    aanpassingspotentieel: result.adaptationTotals.map((t) => ({ ...t })),
    ...whatIfFields(result),
    meldingen: result.issues.map((i) => ({ ernst: i.severity, blad: i.sheet, cel: i.cell, tekst: i.message, code: i.code })),
    cbsRoute: result.cbs ? cbsRouteJson(result.cbs) : null,
    vergelijking: vergelijkingJson(result.vergelijking),
    kruiscontroles: result.kruiscontroles.map((c) => ({
      soort: c.soort, status: c.status, blad: c.sheet, cel: c.cell, onderwerp: c.onderwerp, gepubliceerd: c.gepubliceerd,
      berekend: c.berekend, verschil: c.verschil, eenheid: c.eenheid, toelichting: c.toelichting,
    })),
    plannenZonderKlasse: result.plannenZonderKlasse.map((p) => ({
      blad: p.sheet, periode: p.periode && { ...p.periode }, bijschrift: p.bijschrift,
      regels: p.items.map((i) => ({ soort: i.soort, aantal: i.aantal, regel: i.regel, blad: i.sheet, cel: i.cell })),
      perSoort: { ...p.perSoort }, erbij: p.erbij, eraf: p.eraf, netto: p.netto, renovatie: p.renovatie, berekening: p.berekening, toelichting: p.toelichting,
      tabel: p.tabel && { blad: p.tabel.sheet, perSoort: { ...p.tabel.perSoort }, netto: p.tabel.netto, verschillen: [...p.tabel.verschillen] },
    })),
    watAlsAggregaat: aggregateWhatIfJson(result.watAlsAggregaat, step),
    aanpassingspotentieelKruistabel: result.aanpassingKruistabel ?? null,
  };
}

/** `watAlsAggregaat` with the rounded tekort figures added when rounding is asked (as for `tekort`). */
function aggregateWhatIfJson(w: AggregateWhatIfResult | null, step: number | null): AggregateWhatIfResult | null {
  if (w === null || !step) return w;
  return {
    ...w,
    tekort: w.tekort.map((t) => ({
      ...t, basisTekortAfgerond: roundTo(t.basisTekort, step), tekortAfgerond: roundTo(t.tekort, step), tekortAlsGeclusterdAfgerond: roundTo(t.tekortAlsGeclusterd, step),
    })),
  };
}

const counts = (c: JsonAanpassing): JsonAanpassing => ({ geschikt: c.geschikt, potentieel: c.potentieel, ongeschikt: c.ongeschikt, onbekend: c.onbekend });

/** `cbsRoute` from the domain result, with a fixed key order (the issues are in `meldingen`). */
export function cbsRouteJson(cbs: CbsRoute): JsonCbsRoute {
  const t = cbs.totaal;
  return {
    jaar: cbs.jaar,
    gemeenten: cbs.gemeenten.map((g) => ({
      gemeente: g.gemeente,
      jaar: g.jaar,
      cbsVoorraad: g.cbsTotaal,
      batVoorraad: g.batVoorraad,
      afgetrokken: g.afgetrokken,
      woningen: g.woningen,
      ...counts(g),
      bron: g.bron,
      delen: g.delen.map((d) => ({
        deel: d.deel,
        bron: d.bron,
        cbsVoorraad: d.cbsVoorraad,
        afgetrokken: d.afgetrokken,
        woningen: d.woningen,
        ...counts(d),
        percentages: d.percentages ? { ...d.percentages } : null,
        toelichting: d.bronTekst,
      })),
    })),
    totaal: { cbsVoorraad: t.cbsTotaal, batVoorraad: t.batVoorraad, afgetrokken: t.afgetrokken, woningen: t.woningen, ...counts(t) },
    regio: cbs.regio
      ? { naam: cbs.regio.naam, woningen: cbs.regio.woningen, ...counts(cbs.regio), percentages: { ...cbs.regio.percentages }, toelichting: cbs.regio.bronTekst }
      : null,
    aannames: [...cbs.aannames],
  };
}

/** perBat / perBzk / cumulatief from the stock, or from the supply table when there is no stock. */
function supplyCounts(result: AnalysisResult): Pick<JsonDocument["aanbod"], "perBat" | "perBzk" | "cumulatief"> {
  const s = result.summary;
  if (result.supplySource !== "aanbodtabel") return { perBat: s.perBat, perBzk: s.perBzk, cumulatief: s.cumulatief };
  const groups = [...new Set(result.supply.map((e) => e.groep))];
  const groep = groups.includes("ouderen") ? "ouderen" : groups.length === 1 ? groups[0] : undefined;
  const perBzk: Record<BzkType | "onbekend", number> = { regulier: 0, nultreden: 0, geclusterd: 0, zorggeschikt: 0, onbekend: 0 };
  if (groep !== undefined) {
    for (const e of result.supply) {
      if (e.groep === groep && e.niveau === "bzk" && e.categorie in perBzk) perBzk[e.categorie as BzkType] += e.aanbod;
    }
  }
  const perBat = Object.fromEntries(Object.keys(s.perBat).map((k) => [k, 0]));
  return {
    perBat,
    perBzk,
    cumulatief: {
      nultreden: perBzk.nultreden + perBzk.geclusterd + perBzk.zorggeschikt,
      geclusterd: perBzk.geclusterd + perBzk.zorggeschikt,
      zorggeschikt: perBzk.zorggeschikt,
    },
  };
}

/** The fields of issue 6: plannen, clusteringspotentieel, zorgpotentieel, watAls. */
function whatIfFields(result: AnalysisResult): Pick<JsonDocument, "plannen" | "clusteringspotentieel" | "zorgpotentieel" | "watAls"> {
  const aanbod = (x: SupplySummary): JsonAanbod => ({ eenheden: x.eenheden, perBat: x.perBat, perBzk: x.perBzk, cumulatief: x.cumulatief });
  const w = result.watAls;
  return {
    plannen: {
      aanbodConstant: result.aanbodPerJaar.length === 0,
      wijzigingen: result.plannen.map((c) => ({
        jaar: c.jaar, soort: c.soort, aantal: c.aantal, bat: c.bat, vanBat: c.vanBat, bzk: c.bzk, zorgprofiel: c.zorgprofiel, vanBzk: c.vanBzk,
        gebied: c.gebied, toelichting: c.toelichting, bron: `${c.sheet}!${c.cell}`,
      })),
      aanbodPerJaar: result.aanbodPerJaar,
    },
    clusteringspotentieel: result.clustering.map((c) => ({
      complex: c.complex, eigenaar: c.eigenaar, gemeente: c.gemeente, criterium: c.criterium, soort: c.soort, ontbreekt: c.ontbreekt,
      oplossing: c.oplossing, woningen: c.woningen, erbijGeclusterd: c.erbijGeclusterd, erbijZorggeschikt: c.erbijZorggeschikt,
    })),
    zorgpotentieel: result.zorgpotentieel.map((c) => ({
      complex: c.complex, eigenaar: c.eigenaar, gemeente: c.gemeente, soort: c.soort, ontbreekt: c.ontbreekt, geclusterd: c.geclusterd, erbijZorggeschikt: c.erbijZorggeschikt,
    })),
    watAls:
      w === null
        ? null
        : {
            parameters: {
              aanpassenPercentage: w.parameters.aanpassenPercentage, aanpassenPerSegment: w.parameters.aanpassenPerSegment,
              ontmoetingsruimten: w.parameters.ontmoetingsruimten, wlzComplexen: w.parameters.wlzComplexen, plannen: w.parameters.plannen,
            },
            aanpassing: w.aanpassing,
            ontmoetingsruimten: w.ontmoetingsruimten,
            wlz: w.wlz,
            aanbod: { basis: aanbod(w.aanbod.basis), watAls: aanbod(w.aanbod.scenario) },
            tekort: w.tekort,
            potentieelBron: w.bron,
            aangepasteWoningen: (w.aangepasteWoningen ?? []).map((x) => {
              const row = result.dwellings.rows.row(x.rij);
              return { id: row.id, bron: `${row.sheet}!${row.rowNumber}`, aantal: x.aantal, van: x.van, naar: x.naar };
            }),
          },
  };
}
