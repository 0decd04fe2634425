/**
 * Pure helpers for the results step: the key figures of an analysis, as the task pane shows
 * them (aanbod per BZK type, the shortages per category, the adaptation totals and the
 * messages grouped by severity). The sheets hold everything; this is the summary beside them.
 */
import type { Issue, Severity } from "../domain/issues";
import type { AnalysisResult } from "../analysis/result";
import { nlInt, nlPct, roundTo } from "../report/format";
import { categoryLabel } from "./labels";

/** One row of the supply table: exclusive ("hoogste type") and cumulative ("minstens"). */
export interface SupplyRow {
  type: string;
  exclusief: number;
  /** Null where the cumulative view does not apply (onbekend, totaal). */
  cumulatief: number | null;
}

/** One row of a published supply table (no stock): group, category and count. */
export interface SupplyTableRow {
  groep: string | null;
  categorie: string;
  aanbod: number;
}

/** One shortage ("per categorie", tekort > 0). */
export interface ShortageRow {
  groep: string | null;
  categorie: string;
  jaar: number;
  scenario: string | null;
  gebied: string | null;
  /** Rounded as in the Tekort sheet when the rules say so. */
  tekort: number;
}

/** Adaptation potential summed over all areas and segments (dwellings). */
export interface AdaptationSum {
  geschikt: number;
  potentieel: number;
  ongeschikt: number;
  onbekend: number;
  totaal: number;
}

/** Everything the results step shows. */
export interface KeyFigures {
  /** Dwellings in the stock (0 without a stock). */
  eenheden: number;
  /** Cumulative "minstens nultreden" of the stock. */
  minstensNultreden: number;
  batScale: "limburg" | "vera";
  supplySource: AnalysisResult["supplySource"];
  /** Supply from the stock (empty without a stock). */
  aanbod: SupplyRow[];
  /** Supply from a published supply table (empty when the stock was used). */
  aanbodTabel: SupplyTableRow[];
  /** Whether a tekort was computed at all (demand and supply found). */
  tekortBerekend: boolean;
  tekorten: ShortageRow[];
  /** Null when no dwelling was assessed. */
  potentieel: AdaptationSum | null;
  balans: { gelezen: number; ingedeeld: number; terzijde: number };
  meldingen: Record<Severity, Issue[]>;
}

/**
 * Derives the key figures from an analysis result.
 * @param afronden rounding step of the tekort (as in the Tekort sheet); null = not rounded.
 */
export function keyFigures(result: AnalysisResult, afronden: number | null): KeyFigures {
  const s = result.summary;
  const aanbod: SupplyRow[] = result.stock
    ? [
        { type: "regulier", exclusief: s.perBzk.regulier, cumulatief: s.eenheden - s.perBzk.onbekend },
        { type: "nultreden", exclusief: s.perBzk.nultreden, cumulatief: s.cumulatief.nultreden },
        { type: "geclusterd", exclusief: s.perBzk.geclusterd, cumulatief: s.cumulatief.geclusterd },
        { type: "zorggeschikt", exclusief: s.perBzk.zorggeschikt, cumulatief: s.cumulatief.zorggeschikt },
        { type: "onbekend", exclusief: s.perBzk.onbekend, cumulatief: null },
        { type: "totaal", exclusief: s.eenheden, cumulatief: null },
      ]
    : [];
  const aanbodTabel: SupplyTableRow[] =
    result.supplySource === "aanbodtabel"
      ? result.supply.map((e) => ({ groep: e.groep, categorie: categoryLabel(e.categorie, e.zorgprofiel), aanbod: e.aanbod }))
      : [];
  const tekorten: ShortageRow[] = result.tekort
    .filter((t) => t.lezing === "per categorie" && t.tekort > 0)
    .map((t) => ({
      groep: t.groep,
      categorie: categoryLabel(t.categorie, t.zorgprofiel),
      jaar: t.jaar,
      scenario: t.scenario,
      gebied: t.gebied,
      tekort: roundTo(t.tekort, afronden),
    }))
    .filter((t) => t.tekort > 0);
  const pot = result.adaptationTotals.reduce(
    (a, t) => ({
      geschikt: a.geschikt + t.geschikt,
      potentieel: a.potentieel + t.potentieel,
      ongeschikt: a.ongeschikt + t.ongeschikt,
      onbekend: a.onbekend + t.onbekend,
      totaal: a.totaal + t.geschikt + t.potentieel + t.ongeschikt + t.onbekend,
    }),
    { geschikt: 0, potentieel: 0, ongeschikt: 0, onbekend: 0, totaal: 0 },
  );
  const meldingen: Record<Severity, Issue[]> = { fout: [], waarschuwing: [], info: [] };
  for (const issue of result.issues) meldingen[issue.severity].push(issue);
  return {
    eenheden: s.eenheden,
    minstensNultreden: s.cumulatief.nultreden,
    batScale: result.batScale,
    supplySource: result.supplySource,
    aanbod,
    aanbodTabel,
    tekortBerekend: result.tekort.length > 0,
    tekorten,
    potentieel: pot.totaal > 0 ? pot : null,
    balans: { gelezen: result.stock?.rowsRead ?? 0, ingedeeld: result.dwellings.length, terzijde: result.stock?.rowsRejected ?? 0 },
    meldingen,
  };
}

/** Where an issue points, in Dutch: "blad 'Voorraad', cel I14", "blad 'Voorraad'" or "". */
export function issueLocation(issue: Issue): string {
  if (!issue.sheet) return "";
  return issue.cell ? `blad '${issue.sheet}', cel ${issue.cell}` : `blad '${issue.sheet}'`;
}

/** One line of the quick check's key figures: a short Dutch label and its value as text. */
export interface QuickFigure {
  label: string;
  value: string;
}

/**
 * The shortage that asks most (the largest rounded tekort per categorie); on a tie the earlier
 * year, then the order of the Tekort sheet. Null when there is none.
 */
export function largestShortage(tekorten: readonly ShortageRow[]): ShortageRow | null {
  let best: ShortageRow | null = null;
  for (const t of tekorten) if (!best || t.tekort > best.tekort || (t.tekort === best.tekort && t.jaar < best.jaar)) best = t;
  return best;
}

/**
 * The few figures the quick check ("Snel analyseren") shows, in Dutch, from the key figures:
 * the stock (dwellings and those at least nultreden, geclusterd, zorggeschikt, cumulative) or the
 * published supply, the tekort (the largest, and how many there are), the aanpassingspotentieel
 * and the count of errors and warnings. Numbers as the results step shows them (nlInt, nlPct).
 * @param afronden rounding step of the tekort (said beside it), or null.
 */
export function quickFigures(f: KeyFigures, afronden: number | null): QuickFigure[] {
  const out: QuickFigure[] = [];
  const share = (n: number, of: number) => (of > 0 ? ` (${nlPct(n / of)})` : "");
  if (f.aanbod.length > 0) {
    out.push({ label: "Woningen", value: nlInt(f.eenheden) });
    const cum = (type: string) => f.aanbod.find((r) => r.type === type)?.cumulatief ?? 0;
    for (const type of ["nultreden", "geclusterd", "zorggeschikt"]) {
      out.push({ label: `Minstens ${type}`, value: `${nlInt(cum(type))}${share(cum(type), f.eenheden)}` });
    }
  } else if (f.aanbodTabel.length > 0) {
    out.push({ label: "Aanbod", value: "uit de aanbodtabel, per woontype (zie Resultaten)" });
  } else {
    out.push({ label: "Aanbod", value: "geen voorraad of aanbod gevonden" });
  }
  if (!f.tekortBerekend) {
    out.push({ label: "Tekort", value: "niet berekend: geen vraagtabel (of geen aanbod) gevonden" });
  } else {
    const top = largestShortage(f.tekorten);
    if (!top) {
      out.push({ label: "Tekort", value: "geen: het aanbod dekt de vraag in elk jaar en scenario" });
    } else {
      const notes = [top.scenario ? `scenario ${top.scenario}` : null, top.groep, top.gebied, afronden ? `afgerond op ${afronden}` : null].filter(Boolean);
      out.push({ label: "Grootste tekort", value: `${nlInt(top.tekort)} ${top.categorie} in ${top.jaar}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}` });
      out.push({ label: "Tekorten", value: `${nlInt(f.tekorten.length)} per woontype, jaar en scenario` });
    }
  }
  if (f.potentieel) {
    const p = f.potentieel;
    out.push({ label: "Aanpassingspotentieel", value: `${nlInt(p.potentieel)} woningen${share(p.potentieel, p.totaal)} met een lichte aanpassing nultreden` });
  }
  const fouten = f.meldingen.fout.length;
  const waarschuwingen = f.meldingen.waarschuwing.length;
  out.push({
    label: "Controle",
    value:
      fouten + waarschuwingen === 0
        ? "geen fouten of waarschuwingen"
        : `${nlInt(fouten)} ${fouten === 1 ? "fout" : "fouten"}, ${nlInt(waarschuwingen)} ${waarschuwingen === 1 ? "waarschuwing" : "waarschuwingen"}`,
  });
  return out;
}
