/**
 * Reading supply at type level (aanbod), e.g. Parkstad Tabel 2 "geïnventariseerd aanbod 2023":
 * header `Woonvorm | 2023`, group rows ("Ouderen", "Mensen met een verstandelijke beperking"),
 * category rows and totals (which may come before their parts). Shares its parsing with demand
 * tables; see categorized.ts.
 */
import type { SupplyEntry } from "../domain/types";
import type { RawTable, SupplyIngest } from "./types";
import { readCategorized } from "./categorized";

/**
 * Reads a supply table at type level.
 *
 * `jaar` is the year of the column the number stands in (wide), the `jaar` column (long), or
 * null when a long table has no year column. The number is `aanbod` (dwellings); sheet and A1
 * cell say where it came from. Totals are checked, never returned.
 *
 * Note: published supply tables are not always exclusive (Parkstad's "regulier wonen" 117,250
 * includes the 29,313 nultreden dwellings); ingest returns the figures as printed and leaves
 * the nesting to the domain.
 *
 * @param table raw cells of one sheet or Excel table.
 * @returns entries and issues (see `readCategorized` for every issue code).
 * @example readSupply({ sheet: "Aanbod", tableName: null, originRow: 1, originCol: 1, values: [["Woonvorm", "Aantal"], ["Regulier wonen", "117.250"], ["Zorggeschikt (PG)", 412], ["Totaal", "117.662"]] })
 *   .entries.map((e) => [e.categorie, e.zorgprofiel, e.jaar, e.aanbod, e.cell]) === [["regulier", null, null, 117250, "B2"], ["zorggeschikt", "PG", null, 412, "B3"]]
 */
export function readSupply(table: RawTable): SupplyIngest {
  const { entries, issues } = readCategorized(table, "aanbod");
  const out: SupplyEntry[] = entries.map((e) => ({
    niveau: e.niveau, groep: e.groep, categorie: e.categorie, zorgprofiel: e.zorgprofiel, jaar: e.jaar,
    gebied: e.gebied, aanbod: e.waarde, sheet: e.sheet, cell: e.cell,
  }));
  return { entries: out, issues };
}
