/**
 * Reading a demand table (vraag): wide with years as columns, the published Parkstad layout
 * with group rows ("Ouderen (basisscenario)") and totals, or long. The parsing is shared with
 * supply tables; see categorized.ts for the layouts and the rules on totals.
 */
import type { DemandEntry } from "../domain/types";
import type { DemandIngest, RawTable } from "./types";
import { readCategorized } from "./categorized";
import { captionParts } from "./caption";
import { publishedConvention } from "./saldo";
import type { PublishedSaldo } from "../domain/vergelijking";

/**
 * Reads a demand table.
 *
 * Every entry has a year (from the year column header, or the `jaar` column of a long table;
 * a long table without a year column gives one `fout` and no entries), the group and scenario
 * as named (lower case; "Ouderen (basisscenario)" → groep "ouderen", scenario "basis"), the
 * area when the table has an area column, the number as `vraag` (households/dwellings), and
 * the sheet and A1 cell of that number. Totals are checked, never returned.
 *
 * @param table raw cells of one sheet or Excel table.
 * A figure printed in brackets after a demand figure ("1.180 (-145)", Kerkrade's opgave 2030:
 * vraag with the opgave vraag − aanbod beside it) is no demand; it is returned in `tussenHaakjes`
 * as a published table with the sign convention and rounding of `publishedConvention` (saldo.ts:
 * what the caption states, or every figure a multiple of 5), to be recomputed like a published
 * saldo table.
 *
 * @returns entries, issues (see `readCategorized` for every issue code) and the bracketed figures.
 * @example readDemand({ sheet: "Vraag", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Tabel 1. Vraag naar woonvormen"], [],
 *   ["Woonvorm", 2025, 2030], ["Ouderen (trendscenario)", null, null], ["Nultreden in regulier wonen", "1.975", 2200], ["Geclusterd wonen", 310, 365]] }).entries.map((e) => `${e.groep} ${e.scenario} ${e.categorie} ${e.jaar}: ${e.vraag} (${e.cell})`) ===
 *   ["ouderen trend nultreden 2025: 1975 (B5)", "ouderen trend nultreden 2030: 2200 (C5)", "ouderen trend geclusterd 2025: 310 (B6)", "ouderen trend geclusterd 2030: 365 (C6)"]
 */
export function readDemand(table: RawTable): DemandIngest {
  const { entries, issues, headerIndex } = readCategorized(table, "vraag");
  const out: DemandEntry[] = [];
  const published: PublishedSaldo[] = [];
  for (const e of entries) {
    // readCategorized only leaves jaar null for supply tables; guard anyway.
    if (e.jaar === null) continue;
    out.push({
      niveau: e.niveau, groep: e.groep, categorie: e.categorie, zorgprofiel: e.zorgprofiel, jaar: e.jaar,
      scenario: e.scenario, gebied: e.gebied, vraag: e.waarde, sheet: e.sheet, cell: e.cell,
    });
    if (e.tussenHaakjes) {
      published.push({
        niveau: e.niveau, groep: e.groep, scenario: e.scenario, categorie: e.categorie, zorgprofiel: e.zorgprofiel, totaal: false,
        jaar: e.jaar, gebied: e.gebied, label: e.tussenHaakjes.label.replace(/\s+/g, " ").trim(), waarde: e.tussenHaakjes.waarde,
        sheet: e.sheet, cell: e.cell,
      });
    }
  }
  if (published.length === 0) return { entries: out, issues };
  // The caption above the header: sign convention and rounding, as for a published saldo table.
  const convention = publishedConvention(captionParts(table, headerIndex).join(" | "), published.map((p) => p.waarde));
  return { entries: out, issues, tussenHaakjes: { sheet: table.sheet, entries: published, ...convention } };
}
