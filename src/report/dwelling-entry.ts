/**
 * The per-dwelling entry of a result: what one row of the table "Indeling per woning of regel"
 * (`BZK_Woningen` on the sheet BZK-indeling) shows and what one element of the JSON's `woningen`
 * holds. Both are built from this one record, so the sheet and the JSON cannot disagree on a
 * dwelling (test/report/dwelling-entry.test.ts holds them to that). Pure.
 */
import type { AnalysisResult } from "../analysis/result";
import { batCode } from "../domain/bat";
import type { Aanpassing } from "../domain/potentieel";
import type { BzkType, Zorgprofiel } from "../domain/types";

/** One dwelling (or one row of `aantal` identical dwellings) as reported. */
export interface DwellingEntry {
  /** VHE number as read; null for a row that names no dwelling (grouped rows, wide tables). */
  id: string | null;
  /** Sheet and row the dwelling came from, "Voorraad!14". */
  bron: string;
  complex: string | null;
  eigenaar: string | null;
  gemeente: string | null;
  /** Dwellings this row stands for (1 for a row per dwelling). */
  aantal: number;
  /** BAT level as read (limburg 0..4, vera 1..5); null when missing. */
  bat: number | null;
  /** The level's code on the row's own scale ("3" Limburg, "BAT3" VERA); null when missing. */
  batCode: string | null;
  bzk: BzkType | "onbekend";
  nultreden: boolean;
  geclusterd: boolean;
  zorggeschikt: boolean;
  /** Only when zorggeschikt; otherwise null. */
  zorgprofiel: Zorgprofiel | null;
  /** Adaptation potential; "onbekend" when the result holds no assessment for this dwelling
   * (the sheet and the JSON both show "onbekend", docs/json.md lists it among the values). */
  aanpassing: Aanpassing;
  /** Dutch: which rule fired on which facts (`ClassifiedDwelling.reden`). */
  reden: string;
  /** Dutch warnings; the dwelling's own array, shared (frozen) between dwellings with the same
   * facts: read-only. */
  meldingen: string[];
}

/**
 * The entry of dwelling `i` of `result`, read from the classified stock's columns and the row's
 * shared outcome (`ClassifiedStock.outcome`): no `StockRow` or `ClassifiedDwelling` is made,
 * since the writers call this once per dwelling (a million times for the largest stock). Equal
 * to the entry built from `result.dwellings.dwelling(i)` (test/report/dwelling-entry.test.ts).
 *
 * @param result the analysis result; `result.adapted[i]` belongs to row `i` of `result.dwellings`.
 * @param i index into `result.dwellings` (0-based).
 * @throws RangeError when `i` is out of range; for a row as ingest makes it (its `bat` valid on
 *   its `batScale`) never otherwise (`batCode`'s RangeError).
 */
export function dwellingEntry(result: AnalysisResult, i: number): DwellingEntry {
  const stock = result.dwellings;
  const o = stock.outcome(i);
  const cols = stock.rows;
  const bat = cols.bat(i);
  return {
    id: cols.id(i),
    bron: `${cols.textAt("sheet", i)}!${cols.rowNumber[i]}`,
    complex: cols.textAt("complex", i),
    eigenaar: cols.textAt("eigenaar", i),
    gemeente: cols.textAt("gemeente", i),
    aantal: cols.aantal[i],
    bat,
    batCode: bat === null ? null : batCode(bat, cols.batScaleAt(i) ?? result.batScale),
    bzk: o.bzk,
    nultreden: o.nultreden,
    geclusterd: o.geclusterd,
    zorggeschikt: o.zorggeschikt,
    zorgprofiel: o.zorggeschikt ? cols.zorgprofielAt(i) : null,
    aanpassing: result.adapted[i]?.aanpassing ?? "onbekend",
    reden: o.reden,
    meldingen: o.warnings,
  };
}
