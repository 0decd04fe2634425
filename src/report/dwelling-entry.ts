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
 * The entry of dwelling `i` of `result`.
 *
 * @param result the analysis result; `result.adapted[i]` belongs to `result.dwellings.dwelling(i)`.
 * @param i index into `result.dwellings` (0-based); the dwelling is made here and not kept.
 * @throws never for a row as ingest makes it (its `bat` is valid on its `batScale`); `batCode`'s
 *   RangeError otherwise.
 * @example dwellingEntry({ batScale: "limburg", adapted: [], dwellings: { dwelling: () => ({ row: { id: "VHE-1", sheet: "Voorraad", rowNumber: 2, bat: 3, batScale: null }, bzk: "nultreden" }) } }, 0).bron === "Voorraad!2";
 *   dwellingEntry({ batScale: "limburg", adapted: [], dwellings: { dwelling: () => ({ row: { id: "VHE-1", sheet: "Voorraad", rowNumber: 2, bat: 3, batScale: null }, bzk: "nultreden" }) } }, 0).batCode === "3";
 *   dwellingEntry({ batScale: "limburg", adapted: [], dwellings: { dwelling: () => ({ row: { id: "VHE-1", sheet: "Voorraad", rowNumber: 2, bat: 3, batScale: null }, bzk: "nultreden" }) } }, 0).aanpassing === "onbekend"
 */
export function dwellingEntry(result: AnalysisResult, i: number): DwellingEntry {
  const d = result.dwellings.dwelling(i);
  const row = d.row;
  return {
    id: row.id,
    bron: `${row.sheet}!${row.rowNumber}`,
    complex: row.complex,
    eigenaar: row.eigenaar,
    gemeente: row.gemeente,
    aantal: row.aantal,
    bat: row.bat,
    batCode: row.bat === null ? null : batCode(row.bat, row.batScale ?? result.batScale),
    bzk: d.bzk,
    nultreden: d.nultreden,
    geclusterd: d.geclusterd,
    zorggeschikt: d.zorggeschikt,
    zorgprofiel: d.zorgprofiel,
    aanpassing: result.adapted[i]?.aanpassing ?? "onbekend",
    reden: d.reden,
    meldingen: d.warnings,
  };
}
