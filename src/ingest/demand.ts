/**
 * Reading a demand table (vraag): wide with years as columns, the published Parkstad layout
 * with group rows ("Ouderen (basisscenario)") and totals, or long. The parsing is shared with
 * supply tables; see categorized.ts for the layouts and the rules on totals.
 */
import type { DemandEntry } from "../domain/types";
import type { DemandIngest, RawTable } from "./types";
import { readCategorized } from "./categorized";

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
 * @returns entries and issues (see `readCategorized` for every issue code).
 */
export function readDemand(table: RawTable): DemandIngest {
  const { entries, issues } = readCategorized(table, "vraag");
  const out: DemandEntry[] = [];
  for (const e of entries) {
    // readCategorized only leaves jaar null for supply tables; guard anyway.
    if (e.jaar === null) continue;
    out.push({
      niveau: e.niveau, groep: e.groep, categorie: e.categorie, zorgprofiel: e.zorgprofiel, jaar: e.jaar,
      scenario: e.scenario, gebied: e.gebied, vraag: e.waarde, sheet: e.sheet, cell: e.cell,
    });
  }
  return { entries: out, issues };
}
