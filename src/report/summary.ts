/**
 * A short plain-Dutch summary of an analysis, for the command line and the demo: supply per
 * BZK type, the largest shortages, the adaptation potential and the number of messages.
 */
import { signedCount } from "../domain/plannen-lijst";
import type { AnalysisResult } from "../analysis/result";
import { batText } from "../domain/bat";
import type { Niveau, Zorgprofiel } from "../domain/types";
import { nlInt, nlPct, roundTo } from "./format";

/**
 * A demand or supply category as the summary names it: a BZK type as it is, a BAT class on the
 * Limburg scale ("0".."4") as "BAT 4" (a bare "4" says nothing in a sentence), a VERA class
 * ("BAT1".."BAT5") as it is; the zorgprofiel after it.
 * @example categoryText("bat", "4", null) === "BAT 4"
 * @example categoryText("bzk", "zorggeschikt", "PG") === "zorggeschikt PG"
 */
export function categoryText(niveau: Niveau, categorie: string, zorgprofiel: Zorgprofiel | null): string {
  const name = niveau === "bat" && /^\d$/.test(categorie) ? batText(Number(categorie), "limburg") : categorie;
  return zorgprofiel ? `${name} ${zorgprofiel}` : name;
}

/** Summary lines (Dutch), without trailing newlines. */
export function summaryLines(result: AnalysisResult): string[] {
  const lines: string[] = [];
  const s = result.summary;
  if (result.stock) {
    lines.push(`Voorraad: ${nlInt(s.eenheden)} woningen in ${nlInt(result.dwellings.length)} rijen (BAT-schaal ${result.batScale === "vera" ? "VERA" : "Limburg 0-4"}).`);
    lines.push(
      `Hoogste BZK-type: regulier ${nlInt(s.perBzk.regulier)}, nultreden ${nlInt(s.perBzk.nultreden)}, geclusterd ${nlInt(s.perBzk.geclusterd)}, zorggeschikt ${nlInt(s.perBzk.zorggeschikt)}, onbekend ${nlInt(s.perBzk.onbekend)}.`,
    );
    lines.push(`Minstens nultreden: ${nlInt(s.cumulatief.nultreden)} woningen (${s.eenheden ? nlPct(s.cumulatief.nultreden / s.eenheden) : "0%"}).`);
  } else if (result.supplySource === "aanbodtabel") {
    const groups = [...new Set(result.supply.map((e) => e.groep))];
    for (const groep of groups) {
      const parts = result.supply
        .filter((e) => e.groep === groep)
        .map((e) => `${categoryText(e.niveau, e.categorie, e.zorgprofiel)} ${nlInt(e.aanbod)}`);
      lines.push(`Aanbod ${groep ?? ""} uit de aanbodtabel (exclusief, hoogste type): ${parts.join(", ")}.`.replace("Aanbod  ", "Aanbod "));
    }
  }
  // The same rounding as the Tekort sheet (and `tekortAfgerond` in the JSON).
  const step = result.rules.tekort.afronden ?? null;
  const shortages = result.tekort.filter((t) => t.lezing === "per categorie" && t.tekort > 0);
  if (result.tekort.length > 0) {
    const years = [...new Set(result.tekort.map((t) => t.jaar))].sort();
    const lastYear = years[years.length - 1];
    const top = shortages.filter((t) => t.jaar === lastYear).sort((a, b) => b.tekort - a.tekort).slice(0, 4);
    if (top.length === 0) {
      lines.push(`Tekort ${lastYear}: geen tekort per categorie.`);
    } else {
      lines.push(
        `Grootste tekorten in ${lastYear} (per categorie${step ? `, afgerond op ${step}` : ""}): ${top
          .map((t) => `${categoryText(t.niveau, t.categorie, t.zorgprofiel)} (${t.groep ?? "alle"}${t.scenario ? `, ${t.scenario}` : ""}) ${nlInt(roundTo(t.tekort, step))}`)
          .join("; ")}.`,
      );
    }
  }
  if (result.tekort.length === 0) lines.push("Tekort: niet berekend (zie de meldingen op blad Controle).");
  const pot = result.adaptationTotals.reduce(
    (a, t) => ({ g: a.g + t.geschikt, p: a.p + t.potentieel, o: a.o + t.ongeschikt, x: a.x + t.onbekend }),
    { g: 0, p: 0, o: 0, x: 0 },
  );
  const potTotal = pot.g + pot.p + pot.o + pot.x;
  if (potTotal > 0) {
    lines.push(`Aanpassingspotentieel: geschikt ${nlInt(pot.g)}, potentieel ${nlInt(pot.p)}, ongeschikt ${nlInt(pot.o)}, onbekend ${nlInt(pot.x)} woningen.`);
  }
  const k = result.aanpassingKruistabel;
  if (k) {
    lines.push(
      `Aanpassingspotentieel uit de kruistabel op blad '${k.sheet}' (${nlInt(k.woningen)} woningen, apart van de voorraad op blad '${k.voorraadSheet}'): ` +
        `potentieel ${nlInt(k.totaal.potentieel)}, ongeschikt ${nlInt(k.totaal.ongeschikt)}, onbekend ${nlInt(k.totaal.onbekend)} woningen.`,
    );
  }
  const cbs = result.cbs;
  if (cbs && cbs.gemeenten.length > 0) {
    const t = cbs.totaal;
    lines.push(
      `Hele woningvoorraad (CBS-route, ${nlInt(cbs.gemeenten.length)} gemeenten, ${nlInt(t.woningen)} woningen): geschikt ${nlInt(t.geschikt)}, ` +
        `potentieel ${nlInt(t.potentieel)}, ongeschikt ${nlInt(t.ongeschikt)}, onbekend ${nlInt(t.onbekend)}` +
        (t.afgetrokken > 0 ? `; ${nlInt(t.afgetrokken)} corporatiewoningen uit de BAT-voorraad niet dubbel geteld.` : "."),
    );
  }
  if (result.watAlsAggregaat) for (const t of result.watAlsAggregaat.toelichting) lines.push(t);
  const w = result.watAls;
  if (w?.bron.soort === "kruistabel") {
    const aangepast = w.aanpassing.reduce((n, x) => n + x.aangepast, 0);
    lines.push(`${w.bron.toelichting} In het scenario zijn er ${nlInt(aangepast)} van de ${nlInt(w.bron.potentieel)} aangepast (zie blad Tekort en Aanpassingspotentieel).`);
  }
  if (step && result.vergelijking.length > 0) lines.push("De vergelijking met gepubliceerde cijfers gebruikt de niet-afgeronde uitkomsten (blad Vergelijking).");
  for (const v of result.vergelijking) {
    const t = v.telling;
    lines.push(
      `Gepubliceerd saldo op blad '${v.sheet}' nagerekend: ${nlInt(t.gelijk)} gelijk, ${nlInt(t.afronding)} afronding, ${nlInt(t["wijkt-af"])} wijken af, ` +
        `${nlInt(t["niet-na-te-rekenen"])} niet na te rekenen (zie blad Vergelijking).`,
    );
    for (const s of v.samenvatting) lines.push(`  ${s}`);
  }
  for (const c of result.kruiscontroles.filter((x) => x.status === "wijkt-af")) lines.push(`Controle: ${c.onderwerp}: ${c.toelichting}`);
  for (const p of result.plannenZonderKlasse) {
    lines.push(`Gepubliceerde plannen op blad '${p.sheet}': netto ${signedCount(p.netto)} woningen (${p.berekening}); niet in het tekort, want ze noemen geen BAT-klasse of woontype (zie blad Vergelijking).`);
  }
  const n = (sev: string) => result.issues.filter((i) => i.severity === sev).length;
  lines.push(`Meldingen: ${n("fout")} fout, ${n("waarschuwing")} waarschuwing, ${n("info")} info (zie blad Controle).`);
  return lines;
}
