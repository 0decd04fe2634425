/**
 * The charts of a result sheet written through Office.js, as data: which range each is drawn
 * from, its series names and category labels, its title and where it stands. Pure (no
 * Office.js): office-apply.ts makes the chart an `addChart` operation describes.
 *
 * Kept simple:
 * - first chart, right of the first table:
 *   - Tekort: clustered columns of the Tekort column for the first block of "per categorie" rows
 *     (one demand set: the first niveau/groep/jaar/scenario/gebied in table order), with Categorie
 *     (and Zorgprofiel when filled) as category labels. Needs ExcelApi 1.7 (setXAxisValues).
 *   - Aanpassingspotentieel: stacked columns of Geschikt/Potentieel/Ongeschikt per Gemeente and
 *     Segment, from the table's first columns (Excel takes the text columns as labels and the
 *     header row as series names).
 * - further charts, right of every table and below the chart before, from the tables named in
 *   report/sheet-model.ts `CHART_TABLES` (and the CBS route's table per gemeente):
 *   - Tekort: the tekort per woontype and year, baseline and what-if side by side (two series,
 *     named by their headers "Tekort basis" and "Tekort wat-als"; Woontype and Jaar as labels);
 *   - Aanpassingspotentieel: geschikt/potentieel/ongeschikt stacked per gemeente, from the CBS
 *     route's table per gemeente (the whole stock; its Totaal row left out) when there is one,
 *     otherwise from the stock's table per gemeente.
 */
import { cellAddress } from "../domain/issues";
import { CHART_TABLES, layoutSheet, type SheetModel, tableRowCount } from "../report/sheet-model";
import type { CellArea } from "./office-cells";

/** Per series (by index) of a chart: a name to give it and the range of its category labels. */
export interface ChartSeriesSpec {
  name?: string;
  labels?: CellArea;
}

/** A chart to add to a sheet (`ChartCollection.add` with series by columns). */
export interface ChartSpec {
  op: "addChart";
  sheet: string;
  type: "ColumnClustered" | "ColumnStacked";
  /** The range the chart is drawn from (on `sheet`). */
  source: CellArea;
  series: ChartSeriesSpec[];
  title: string;
  /** Top-left and bottom-right cells of its position ("M4", "U21"). */
  from: string;
  to: string;
}

/** Height of a chart in rows. */
const CHART_ROWS = 17;

/** The CBS route's table per gemeente (report/cbs-sheet.ts), whose last row is the Totaal. */
const CBS_GEMEENTE_TABLE = "Aanpassing_CBS_Gemeente";

/**
 * The charts of a result sheet written on sheet `sheet` (see the module comment); none for
 * other kinds or empty tables.
 * @param model the sheet model. @param sheet the name of the sheet the charts go on.
 */
export function chartSpecs(model: SheetModel, sheet: string): ChartSpec[] {
  const layout = layoutSheet(model);
  const specs: ChartSpec[] = [];
  const firstPos = layout.tables[0];
  let nextTop = 1;
  const first = firstChart(model, sheet);
  if (first) {
    specs.push(first);
    nextTop = firstPos.headerRow + CHART_ROWS + 2;
  }
  const widest = Math.max(...model.tables.map((t) => t.columns.length));
  const extra = (tableName: string, title: string, type: ChartSpec["type"], values: string[], labels: string[], skipLast = false) => {
    const ti = model.tables.findIndex((t) => t.name === tableName);
    const table = model.tables[ti];
    const count = table ? tableRowCount(table) - (skipLast ? 1 : 0) : 0;
    if (!table || count <= 0) return;
    const col = (header: string) => table.columns.findIndex((c) => c.header === header);
    const v = values.map(col);
    const l = labels.map(col);
    // Values and labels each in adjacent columns (one range each).
    if (v.some((c, i) => c < 0 || c !== v[0] + i) || l.some((c, i) => c < 0 || c !== l[0] + i)) return;
    const pos = layout.tables[ti];
    const top = Math.max(pos.headerRow, nextTop);
    nextTop = top + CHART_ROWS + 2;
    const left = widest + 2;
    // The header row gives the series names; the labels are set per series.
    const labelArea = { row: pos.headerRow + 1, col: l[0] + 1, rows: count, cols: l.length };
    specs.push({
      op: "addChart",
      sheet,
      type,
      source: { row: pos.headerRow, col: v[0] + 1, rows: count + 1, cols: v.length },
      series: v.map(() => ({ labels: labelArea })),
      title,
      from: cellAddress(top, left),
      to: cellAddress(top + CHART_ROWS, left + 8),
    });
  };
  if (model.kind === "tekort") {
    extra(CHART_TABLES.tekort, "Tekort per woontype en jaar: basis en wat-als (cumulatief)", "ColumnClustered", ["Tekort basis", "Tekort wat-als"], ["Woontype", "Jaar"]);
  }
  if (model.kind === "aanpassingspotentieel") {
    const title = "Aanpassingspotentieel per gemeente (woningen)";
    const series = ["Geschikt", "Potentieel", "Ongeschikt"];
    if (model.tables.some((t) => t.name === CBS_GEMEENTE_TABLE)) extra(CBS_GEMEENTE_TABLE, title, "ColumnStacked", series, ["Gemeente"], true);
    else extra(CHART_TABLES.gemeente, title, "ColumnStacked", series, ["Gemeente"]);
  }
  return specs;
}

/** The first chart of a sheet, from its first table (see the module comment), or null. */
function firstChart(model: SheetModel, sheet: string): ChartSpec | null {
  const table = model.tables[0];
  // The row count without `table.rows`: the first table of BZK-indeling makes its rows when asked.
  if (!table || tableRowCount(table) === 0) return null;
  const pos = layoutSheet(model).tables[0];
  const col = (header: string) => table.columns.findIndex((c) => c.header === header);
  const left = table.columns.length + 2;
  const place = { from: cellAddress(pos.headerRow, left), to: cellAddress(pos.headerRow + CHART_ROWS, left + 8) };
  if (model.kind === "tekort") {
    const [lezing, categorie, zorgprofiel, tekort] = ["Lezing", "Categorie", "Zorgprofiel", "Tekort"].map(col);
    if (lezing < 0 || categorie < 0 || tekort < 0) return null;
    const first = table.rows.findIndex((r) => r[lezing] === "per categorie");
    if (first < 0) return null;
    const setCols = ["Niveau", "Groep", "Jaar", "Scenario", "Gebied"].map(col).filter((i) => i >= 0);
    let last = first;
    while (
      last + 1 < table.rows.length &&
      table.rows[last + 1][lezing] === "per categorie" &&
      setCols.every((i) => table.rows[last + 1][i] === table.rows[first][i])
    ) last++;
    const rows = last - first + 1;
    const row = pos.headerRow + 1 + first;
    const withProfile = zorgprofiel === categorie + 1 && table.rows.slice(first, last + 1).some((r) => r[zorgprofiel] !== null);
    const subtitle = ["Jaar", "Scenario", "Gebied"].map(col).filter((i) => i >= 0).map((i) => table.rows[first][i]).filter((v) => v !== null && v !== "");
    return {
      op: "addChart",
      sheet,
      type: "ColumnClustered",
      source: { row, col: tekort + 1, rows, cols: 1 },
      series: [{ name: "Tekort", labels: { row, col: categorie + 1, rows, cols: withProfile ? 2 : 1 } }],
      title: `Tekort per categorie${subtitle.length > 0 ? ` (${subtitle.join(", ")})` : ""}`,
      ...place,
    };
  }
  if (model.kind === "aanpassingspotentieel") {
    const [geschikt, potentieel, ongeschikt] = ["Geschikt", "Potentieel", "Ongeschikt"].map(col);
    if (geschikt < 1 || potentieel !== geschikt + 1 || ongeschikt !== geschikt + 2) return null;
    return {
      op: "addChart",
      sheet,
      type: "ColumnStacked",
      source: { row: pos.headerRow, col: 1, rows: tableRowCount(table) + 1, cols: ongeschikt + 1 },
      series: [],
      title: "Aanpassingspotentieel per gemeente en segment (woningen)",
      ...place,
    };
  }
  return null;
}
