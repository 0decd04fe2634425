/**
 * A published list of planned changes, pasted as printed (Kerkrade, Lokaal kader
 * prestatieafspraken 2021-2025): a caption that names a period, then one line per kind of change,
 *
 *   Plannen corporaties voor de
 *   periode 2021 – 2025
 *
 *   • 478 woningen sloop
 *   • 515 woningen nieuwbouw
 *   • 35 woningen verkoop
 *   • 125 woningen aankoop
 *   • 332 woningen renovatie
 *
 * Each line is pasted into a row of its own: in one cell with or without the bullet ("• 478
 * woningen sloop", "478 woningen sloop"), or spread over cells ("•" | 478 | "woningen sloop").
 * Such a list has no year per change and no BAT class or BZK type, so it cannot go into the tekort
 * per class or type (that takes the planned-changes table of mutaties.ts); it is read here, shown
 * on the Vergelijking sheet with its net change in the number of dwellings
 * (src/domain/plannen-lijst.ts), and never spread over the classes by the tool.
 */
import { type Issue, makeIssue } from "../domain/issues";
import type { MutatieSoort } from "../domain/plannen";
import type { PlanListItem, PublishedPlanList } from "../domain/plannen-lijst";
import type { CellValue, RawTable } from "./types";
import { cellText, parseDutchNumber } from "./cells";
import { captionParts } from "./caption";
import { IssueLog, quoteValue, tableCell } from "./messages";
import { parseMutatieSoort } from "./mutaties";
import { rowFill } from "./row-kinds";

/** Result of {@link readPlanList}: the list (src/domain/plannen-lijst.ts) and how it was read. */
export interface PlanListIngest extends PublishedPlanList {
  /** 0-based row of the first line (-1 when none). */
  firstRow: number;
  issues: Issue[];
}

/** Bullet marks a pasted line may start with. */
const BULLET = /^[\u2022\u00b7\u25cf\u25aa\u25e6\u2023\u2219\u2043*\u2013\u2014-]\s*/;

/** "478 woningen sloop", "1.204 woningen nieuwbouw": the number, the noun, the kind. */
const LINE = /^(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:woningen|woning|wooneenheden|eenheden|vhe)\s+(.+?)\.?$/i;

/** A period "2021 – 2025", "2021-2025", "2021 t/m 2025", "2021 tot en met 2025". */
const PERIOD = /(?<!\d)(20\d\d)\s*(?:[\u2012-\u2015\u2212-]|t\/m|tot en met|tot)\s*(20\d\d)(?!\d)/i;

/** Rows searched for the list (a list is short; it stands near the top of the sheet). */
const SCAN_ROWS = 60;

/**
 * The kind and number of one row, or null when the row is no line of a plans list. The line is a
 * run of up to three adjacent filled cells ("• 478 woningen sloop"; "•" | 478 | "woningen sloop");
 * other cells of the row (a remark, a row number pasted beside the list) are left aside.
 * @example planLine(["• 478 woningen sloop"]) === { soort: "sloop", aantal: 478, regel: "• 478 woningen sloop", col: 0 };
 *   planLine(["\u2022", 515, "woningen nieuwbouw"]) === { soort: "nieuwbouw", aantal: 515, regel: "\u2022 515 woningen nieuwbouw", col: 1 };
 *   planLine(["zie toelichting", "35 woningen verkoop"]) === { soort: "verkoop", aantal: 35, regel: "35 woningen verkoop", col: 1 };
 *   planLine(["478 woningen huurverhoging"]) === null; planLine(["Sloop", 478]) === null
 */
export function planLine(row: readonly CellValue[] | undefined): { soort: MutatieSoort; aantal: number; regel: string; col: number } | null {
  if (!row) return null;
  const filled: { col: number; text: string }[] = [];
  for (let c = 0; c < row.length; c++) {
    const t = typeof row[c] === "number" ? String(row[c]) : cellText(row[c]);
    if (t !== null) filled.push({ col: c, text: t.trim() });
  }
  for (let i = 0; i < filled.length; i++) {
    for (let n = 1; n <= 3 && i + n <= filled.length; n++) {
      const run = filled.slice(i, i + n);
      if (run[n - 1].col !== run[0].col + n - 1) break;
      const regel = run.map((f) => f.text).join(" ");
      const m = LINE.exec(regel.replace(BULLET, ""));
      if (!m) continue;
      const soort = parseMutatieSoort(m[2]);
      const aantal = parseDutchNumber(m[1]);
      if (soort === null || aantal === null) continue;
      return { soort, aantal, regel, col: run.find((f) => /\d/.test(f.text))!.col };
    }
  }
  return null;
}

/** The period a text names, or null (none).
 * @example periodOf("Plannen corporaties voor de periode 2021 – 2025") === { van: 2021, tot: 2025 }; periodOf("Plannen 2030") === null */
export function periodOf(text: string): { van: number; tot: number } | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const van = Number(m[1]);
  const tot = Number(m[2]);
  return van <= tot ? { van, tot } : null;
}

/** 0-based rows of the list's lines among the first {@link SCAN_ROWS} rows. */
function lineRows(table: RawTable): number[] {
  const rows: number[] = [];
  const end = Math.min(table.values.length, SCAN_ROWS);
  for (let r = 0; r < end; r++) if (planLine(table.values[r]) !== null) rows.push(r);
  return rows;
}

/**
 * Is this sheet a published list of planned changes? At least two lines "N woningen <soort>"
 * (nieuwbouw, sloop, verkoop, aankoop, renovatie) among the first 60 rows.
 * @returns the 0-based row of the first line and a Dutch reason, or null.
 * @example detectPlanList({ sheet: "Plannen", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Plannen corporaties voor de periode 2021 – 2025"], [], ["• 478 woningen sloop"], ["• 515 woningen nieuwbouw"]] })?.headerIndex === 2;
 *   detectPlanList({ sheet: "Vraag", tableName: null, originRow: 1, originCol: 1, values: [["Woonvorm", 2025, 2030], ["Nultreden", 1975, 2200]] }) === null
 */
export function detectPlanList(table: RawTable): { headerIndex: number; reden: string } | null {
  const rows = lineRows(table);
  if (rows.length < 2) return null;
  const periode = periodOf(captionParts(table, rows[0]).join(" "));
  return {
    headerIndex: rows[0],
    reden: `Vanaf rij ${table.originRow + rows[0]} ${rows.length} regels als '478 woningen sloop'` +
      `${periode ? ` voor de periode ${periode.van}–${periode.tot}` : ""}: geplande wijzigingen zonder jaar per wijziging, ` +
      "BAT-klasse of woontype (getoond op het blad Vergelijking, niet in het tekort).",
  };
}

/**
 * Reads a published list of planned changes (see the module comment).
 *
 * - Lines: every row that reads as "N woningen <soort>" after an optional bullet, the cells of the
 *   row joined; the cell of the number is kept for messages.
 * - Caption: the title rows above the first line (sheet name and table name included for the
 *   period): the period "2021 – 2025" in it, or none.
 * - Issues: a row between the first and the last line that is no such line gives a `waarschuwing`
 *   "plannenlijst-regel-onbekend" naming its cell (it is not counted); no period gives an `info`
 *   "plannenlijst-geen-periode".
 *
 * @param table raw cells of one sheet.
 * @returns the lines, the period and the caption, and issues (Dutch, with sheet and cell). Never throws on data.
 * @example ((r) => [r.periode, r.items.map((i) => `${i.aantal} ${i.soort} ${i.cell}`), r.issues.length])(readPlanList({ sheet: "Plannen", tableName: null, originRow: 1, originCol: 1, values: [
 *   ["Plannen corporaties voor de "], ["periode 2021 – 2025"], [], ["• 478 woningen sloop"], ["• 515 woningen nieuwbouw"]] })) ===
 *   [{ van: 2021, tot: 2025 }, ["478 sloop A4", "515 nieuwbouw A5"], 0]
 */
export function readPlanList(table: RawTable): PlanListIngest {
  const sheet = table.sheet;
  const rows = lineRows(table);
  const log = new IssueLog();
  const items: PlanListItem[] = [];
  if (rows.length === 0) {
    return { sheet, periode: null, bijschrift: null, items, firstRow: -1, issues: [] };
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  for (let r = first; r <= last; r++) {
    const cells = table.values[r];
    const line = planLine(cells);
    if (line !== null) {
      items.push({ soort: line.soort, aantal: line.aantal, regel: line.regel, sheet, cell: tableCell(table, r, line.col) });
      continue;
    }
    const fill = rowFill(cells);
    if (fill.count === 0) continue;
    const cell = tableCell(table, r, fill.first);
    log.add(makeIssue("plannenlijst-regel-onbekend", "waarschuwing", sheet, cell,
      `Cel ${cell} op blad '${sheet}': ${quoteValue(cells![fill.first])} staat tussen de geplande wijzigingen, maar is geen regel als ` +
        "'478 woningen sloop' (aantal, 'woningen', nieuwbouw, sloop, verkoop, aankoop of renovatie); de regel telt niet mee."));
  }
  const caption = captionParts(table, first).slice(2).join(" ").replace(/\s+/g, " ").trim();
  const periode = periodOf([caption, sheet, table.tableName ?? ""].join(" "));
  if (periode === null) {
    log.add(makeIssue("plannenlijst-geen-periode", "info", sheet, items[0].cell,
      `Blad '${sheet}': boven de geplande wijzigingen (vanaf cel ${items[0].cell}) staat geen periode (bijvoorbeeld 'periode 2021 – 2025'); ` +
        "ze zijn getoond zonder periode."));
  }
  return { sheet, periode, bijschrift: caption === "" ? null : caption, items, firstRow: first, issues: log.finish() };
}
