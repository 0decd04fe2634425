/**
 * Wide BAT tables: rows per corporation (or area), one column per BAT class, often with a
 * "Totaal" column and a "TOTAAL" row — the layout of Kerkrade's prestatieafspraken framework
 * (kerkrade-bat-per-corporatie-2020.csv: Corporatie | BAT 0 ongeschikt | … | BAT 4 verpleegzorg
 * | Totaal, 7,824 units on 1-1-2020). Unpivoted; a total row or column is
 * never counted (docs/handleiding.md §3, "Brede BAT-tabel").
 *
 * Unpivot: one `StockRow` per filled, non-zero count cell (aantal = the count, bat = the
 * column's class, id null, rowNumber = the source row). **Each such cell counts as one row in
 * `rowsRead`**, so the balance `rowsRead = rows.length + rowsRejected` holds per cell; zero
 * and empty cells are no rows.
 */
import { type Issue, makeIssue, type IssueCode } from "../domain/issues";
import type { BatScale, StockRow } from "../domain/types";
import { StockColumns } from "../domain/stock-columns";
import type { CellValue, MappingOverrides, RawTable, StockField, StockIngest, FieldHeaders, MappedColumn } from "./types";
import { cellText, isMissing, parseDutchNumber } from "./cells";
import { normaliseHeader } from "./normalise";
import { matchHeader } from "./synonyms";
import { parseBat } from "./bat-values";
import { scaleName } from "../domain/bat";
import { decideBatScale, type ScaleSetting } from "./bat-scale";
import { emptyStockRow } from "./stock-row";
import { formatNumber, quoteValue, sameNumber, tableCell } from "./messages";
import { isTotalLabel, isTotalRow, rowFill } from "./row-kinds";

/** A column of a wide BAT header. */
export interface BatHeaderColumn {
  /** 0-based column index. */
  col: number;
  /** Header text as written. */
  header: string;
  /** BAT class; null for a column of dwellings without a score ("Onbekend") or a bad header. */
  level: number | null;
  /** Scale the header's form says; null for "Onbekend" and bad headers. */
  form: BatScale | null;
  /** Dutch explanation when the header looks like a BAT class but is not a valid one ("BAT 5"). */
  error: string | null;
}

/** Headers of a column with dwellings whose BAT class is unknown, normalised. */
const UNKNOWN_HEADERS: ReadonlySet<string> = new Set([
  "onbekend", "batonbekend", "onbekendebat", "geenbat", "geenbatscore", "nietgescoord", "batnietbekend",
]);

/**
 * The columns of a header row that name a BAT class: "BAT 0", "BAT 0 ongeschikt", "bat_0",
 * "BAT-0", "0 - ongeschikt", "Rollatorbewoonbaar" (Limburg), "BAT1" … "BAT5" or VERA names
 * (VERA); "Onbekend"/"BAT onbekend" (level null); and headers that start with "BAT" and a digit
 * but are no valid class ("BAT 5"), with an error. Plain numbers ("2", "2023") are not BAT
 * columns; total columns are not either.
 *
 * @param header header row.
 * @example batHeaderColumns(["Gemeente", "BAT 0 ongeschikt", "BAT 4", "BAT 5", "Onbekend", "Totaal"]) === [
 *   { col: 1, header: "BAT 0 ongeschikt", level: 0, form: "limburg", error: null }, { col: 2, header: "BAT 4", level: 4, form: "limburg", error: null },
 *   { col: 3, header: "BAT 5", level: null, form: null, error: "BAT-score 'BAT 5' bestaat niet; toegestaan is 0 t/m 4 (Limburgse schaal: ook 'BAT 0' t/m 'BAT 4' of 'ongeschikt' t/m 'verpleegzorg'). Een VERA-code schrijf je zonder spatie (BAT5)." },
 *   { col: 4, header: "Onbekend", level: null, form: null, error: null }]
 */
export function batHeaderColumns(header: readonly CellValue[]): BatHeaderColumn[] {
  const out: BatHeaderColumn[] = [];
  for (let col = 0; col < header.length; col++) {
    const v = header[col];
    if (typeof v !== "string") continue;
    const text = v.trim();
    if (text === "" || isTotalLabel(text)) continue;
    if (UNKNOWN_HEADERS.has(normaliseHeader(text))) {
      out.push({ col, header: text, level: null, form: null, error: null });
      continue;
    }
    const p = parseBat(text, "limburg");
    if (p === null) continue;
    if ("level" in p) {
      if (p.form !== "getal") out.push({ col, header: text, level: p.level, form: p.form, error: null });
      continue;
    }
    const lower = text.toLowerCase();
    const c3 = lower.charCodeAt(3);
    const batLike = lower.startsWith("bat") && (c3 === 32 || c3 === 45 || c3 === 95 || (c3 >= 48 && c3 <= 57));
    if (batLike && p.code !== "bat-onleesbaar") out.push({ col, header: text, level: null, form: null, error: p.error });
  }
  return out;
}

/**
 * Is this a wide BAT header? True when at least three different valid BAT classes have their
 * own column (e.g. "BAT 0" … "BAT 4", or "BAT1" … "BAT5").
 *
 * @param header candidate header row.
 * @example isWideBatHeader(["Gemeente", "BAT1", "BAT2", "BAT3", "BAT4", "BAT5"]) === true; isWideBatHeader(["Gemeente", "BAT 0", "BAT 1", "2023"]) === false
 */
export function isWideBatHeader(header: readonly CellValue[]): boolean {
  const levels = new Set<string>();
  for (const c of batHeaderColumns(header)) if (c.level !== null) levels.add(`${c.form}${c.level}`);
  return levels.size >= 3;
}

/** Fields a row label can stand for, and their Dutch description. */
const LABEL_FIELDS: Readonly<Partial<Record<StockField, string>>> = {
  eigenaar: "eigenaar (corporatie)", gemeente: "gemeente", buurt: "buurt", wijk: "wijk",
};

/** Options of {@link readWideBat}; the same as the stock reader's. */
export interface WideBatOptions {
  /** Only the label fields (eigenaar, gemeente, buurt, wijk) are used here. */
  overrides?: MappingOverrides;
  scale: ScaleSetting;
}

interface ColumnPlan extends BatHeaderColumn {
  /** Why the column's counts are set aside, as a function of cell and count; null when used. */
  reject: ((cell: string, n: number) => { code: IssueCode; message: string }) | null;
}

/** Decides the scale from the header and which columns are set aside. */
function planColumns(
  table: RawTable, headerIndex: number, cols: BatHeaderColumn[], setting: ScaleSetting,
): { plans: ColumnPlan[]; scale: BatScale | null } {
  const sheet = table.sheet;
  let limburg = 0;
  let vera = 0;
  for (const c of cols) {
    if (c.form === "limburg") limburg++;
    else if (c.form === "vera") vera++;
  }
  const scale = decideBatScale(setting, limburg, vera);
  const firstOfLevel = new Map<number, BatHeaderColumn>();
  const plans: ColumnPlan[] = cols.map((c) => {
    const where = (cell: string, n: number) => `Cel ${cell} op blad '${sheet}': ${formatNumber(n)} woningen in kolom '${c.header}'`;
    if (c.error !== null) {
      return { ...c, reject: (cell, n) => ({ code: "bat-buiten-bereik", message: `${where(cell, n)}: ${c.error} Dit aantal is apart gezet.` }) };
    }
    if (c.level === null || c.form === null) return { ...c, reject: null };
    if (c.form !== scale) {
      const formText = c.form === "vera" ? "VERA-schaal" : "Limburgse schaal";
      const majority = scale === "limburg" ? limburg : vera;
      return {
        ...c,
        reject: (cell, n) => setting === "auto"
          ? {
            code: "schalen-gemengd",
            message: `${where(cell, n)} (${formText}), maar de tabel gebruikt de ${scaleName(scale!)} ` +
              `(${majority} van de ${limburg + vera} BAT-kolommen). Gebruik één schaal per tabel; dit aantal is apart gezet. ` +
              (c.form === "vera" ? `Is dit de Limburgse klasse, schrijf dan 'BAT ${c.level}' (met spatie).` : ""),
          }
          : {
            code: "schaal-tegenstrijdig",
            message: `${where(cell, n)} (${formText}), maar in de instellingen is de ${scaleName(scale!)} gekozen. ` +
              `Pas de kop of de instelling aan; dit aantal is apart gezet.`,
          },
      };
    }
    const first = firstOfLevel.get(c.level);
    if (first) {
      const firstCell = tableCell(table, headerIndex, first.col);
      return {
        ...c,
        reject: (cell, n) => ({
          code: "kolom-dubbel",
          message: `${where(cell, n)}, maar deze BAT-klasse heeft al kolom '${first.header}' (${firstCell}); ` +
            `dit aantal is apart gezet. Houd één kolom per BAT-klasse.`,
        }),
      };
    }
    firstOfLevel.set(c.level, c);
    return { ...c, reject: null };
  });
  return { plans, scale };
}

/**
 * The row-label column of a wide BAT table when no header names it: the first column with an
 * empty header and text below it (the stub of a printed table, Kerkrade "BAT per corporatie"),
 * so that a remark or row number pasted before it ("Opmerking", "Volgnr.") is not taken for the
 * labels; else the first column that is not skipped (BAT, total or named columns). -1 when none.
 */
function stubColumn(table: RawTable, headerIndex: number, header: readonly CellValue[], skip: (col: number) => boolean): number {
  let first = -1;
  for (let col = 0; col < header.length; col++) {
    if (skip(col)) continue;
    if (first < 0) first = col;
    if (cellText(header[col]) !== null) continue;
    for (let r = headerIndex + 1; r < table.values.length; r++) {
      const v = table.values[r]?.[col];
      if (typeof v === "string" && cellText(v) !== null) return col;
    }
  }
  return first;
}

/** Finds the label column(s): the row-label column ({@link stubColumn}), and any other column
 * whose header names eigenaar, gemeente, buurt or wijk. */
function planLabels(
  table: RawTable, headerIndex: number, header: readonly CellValue[], skipCols: ReadonlySet<number>,
  overrides: MappingOverrides | undefined, issues: Issue[],
): { labels: MappedColumn[]; mapping: FieldHeaders; ignored: number[] } {
  const sheet = table.sheet;
  const labels: MappedColumn[] = [];
  const used = new Set<StockField>();
  const taken = new Set<number>();
  const texts = header.map((v) => cellText(v));
  for (const field of Object.keys(LABEL_FIELDS) as StockField[]) {
    const wanted = overrides?.[field];
    if (wanted === undefined) continue;
    const key = normaliseHeader(wanted);
    const col = texts.findIndex((t, c) => t !== null && !skipCols.has(c) && normaliseHeader(t) === key);
    if (col < 0) {
      issues.push(makeIssue("kolom-niet-gevonden", "fout", sheet, null,
        `Kolom '${wanted}' voor veld '${field}' niet gevonden op blad '${sheet}' (rij ${table.originRow + headerIndex}). ` +
        `Beschikbare kolommen: ${texts.filter((t) => t !== null).map((t) => `'${t}'`).join(", ")}. Pas de kolomkeuze aan.`));
      continue;
    }
    labels.push({ col, field });
    used.add(field);
    taken.add(col);
  }
  const ignored: number[] = [];
  const stub = stubColumn(table, headerIndex, header, (c) => skipCols.has(c) || taken.has(c));
  for (let col = 0; col < header.length; col++) {
    if (skipCols.has(col) || taken.has(col)) continue;
    const text = texts[col];
    const m = text === null ? null : matchHeader(text);
    const field = m && LABEL_FIELDS[m.field] !== undefined ? m.field : null;
    if (field !== null && !used.has(field)) {
      labels.push({ col, field });
      used.add(field);
    } else if (col === stub && labels.length === 0) {
      // The first text column is the row label; without a telling header it is the owner.
      labels.push({ col, field: "eigenaar" });
      used.add("eigenaar");
      issues.push(makeIssue("labelkolom-aangenomen", "info", sheet, tableCell(table, headerIndex, col),
        `Kolom ${text === null ? "zonder kop" : `'${text}'`} (${tableCell(table, headerIndex, col)}) op blad '${sheet}' ` +
        `is gelezen als ${LABEL_FIELDS.eigenaar}. Gaat het om een gemeente, buurt of wijk, noem de kolom dan zo ` +
        `of kies het veld zelf (--kolom gemeente="${text ?? ""}" of in het taakvenster).`));
    } else if (text !== null) {
      ignored.push(col);
    }
  }
  const mapping: FieldHeaders = {};
  for (const l of labels) mapping[l.field] = texts[l.col] ?? "";
  return { labels, mapping, ignored };
}

/**
 * Reads a wide BAT table whose header is row `headerIndex`.
 *
 * - Columns: see {@link batHeaderColumns}. The scale follows the headers' form (or the
 *   setting); columns in the other form, duplicate classes and bad headers ("BAT 5") have every
 *   non-zero count set aside with a `fout` naming the cell. An "Onbekend" column gives rows with
 *   `bat` null.
 * - Row label: the first non-BAT, non-total column; `eigenaar` when its header is corporatie /
 *   eigenaar / verhuurder (also the default, with an `info`), `gemeente` / `buurt` / `wijk`
 *   when it says so. Further columns named so fill those fields too; others are ignored (`info`).
 * - Counts: whole numbers ≥ 0 (also Dutch text "1.729"); 0 and empty cells are no rows;
 *   negative, decimal or text counts are set aside with a `fout`.
 * - Totals: "TOTAAL" rows and the "Totaal" column are never counted. Each row's sum is checked
 *   against its Totaal cell, and each column's sum (since the previous total row, or all rows)
 *   against the TOTAAL row; differences are a `waarschuwing` "totaal-klopt-niet" on that cell.
 *
 * @param table raw cells.
 * @param headerIndex 0-based index of the header row in `table.values`.
 * @param options BAT scale setting and label-field overrides.
 * @returns one stock row per used count cell; rowsRead = rows + rejected count cells.
 * @example ((r) => [r.rows.toArray().map((x) => [x.gemeente, x.bat, x.batScale, x.aantal, x.rowNumber]), r.rowsRead, r.rowsRejected, r.batScale, r.issues.map((i) => `${i.code} ${i.cell}`)])(readWideBat(
 *   { sheet: "BAT", tableName: null, originRow: 1, originCol: 1, values: [["Gemeente", "BAT 0", "BAT 1", "BAT 2", "BAT 3", "BAT 4"], ["Kerkrade", "1.975", 2010, 0, 412, 96]] },
 *   0, { scale: "auto" })) ===
 *   [[["Kerkrade", 0, "limburg", 1975, 2], ["Kerkrade", 1, "limburg", 2010, 2], ["Kerkrade", 3, "limburg", 412, 2], ["Kerkrade", 4, "limburg", 96, 2]],
 *    4, 0, "limburg", ["breed-uitgevouwen null", "bat-schaal null"]]
 */
export function readWideBat(table: RawTable, headerIndex: number, options: WideBatOptions): StockIngest {
  const sheet = table.sheet;
  const values = table.values;
  const header = values[headerIndex] ?? [];
  const issues: Issue[] = [];
  const { plans, scale } = planColumns(table, headerIndex, batHeaderColumns(header), options.scale);
  let totalCol = -1;
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v === "string" && isTotalLabel(v)) { totalCol = c; break; }
  }
  const skipCols = new Set<number>(plans.map((p) => p.col));
  if (totalCol >= 0) skipCols.add(totalCol);
  const { labels, mapping, ignored } = planLabels(table, headerIndex, header, skipCols, options.overrides, issues);
  if (ignored.length > 0) {
    issues.push(makeIssue("kolommen-genegeerd", "info", sheet, null,
      `Deze kolommen op blad '${sheet}' (rij ${table.originRow + headerIndex}) worden niet gebruikt: ` +
      ignored.map((c) => `'${cellText(header[c])}' (${tableCell(table, headerIndex, c)})`).join(", ") + "."));
  }
  issues.push(makeIssue("breed-uitgevouwen", "info", sheet, null,
    `Blad '${sheet}' is gelezen als brede BAT-tabel (kopregel rij ${table.originRow + headerIndex}): elke ingevulde ` +
    `cel onder een BAT-kolom telt als één rij met dat aantal woningen. Totaalrijen en de totaalkolom tellen niet mee.`));
  if (scale !== null) {
    issues.push(makeIssue("bat-schaal", "info", sheet, null,
      `BAT-kolommen op blad '${sheet}' zijn gelezen op de ${scaleName(scale)}` +
      (options.scale === "auto" ? `, herkend aan de koppen.` : `, zoals gekozen in de instellingen.`)));
  }

  const rows: StockRow[] = [];
  let rowsRead = 0;
  let rejected = 0;
  const sumCols = totalCol >= 0 ? [...plans.map((p) => p.col), totalCol] : plans.map((p) => p.col);
  const since = new Map<number, number>(sumCols.map((c) => [c, 0]));
  const grand = new Map<number, number>(sumCols.map((c) => [c, 0]));
  const labelCol = labels.length > 0 ? labels[0].col : -1;

  for (let r = headerIndex + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (rowFill(cells).count === 0) continue;
    if (isTotalRow(cells, labelCol)) {
      for (const c of sumCols) {
        const t = parseDutchNumber(cells[c] ?? null);
        if (t !== null && !sameNumber(t, since.get(c)!) && !sameNumber(t, grand.get(c)!)) {
          const cell = tableCell(table, r, c);
          issues.push(makeIssue("totaal-klopt-niet", "waarschuwing", sheet, cell,
            `Cel ${cell} op blad '${sheet}': het totaal van kolom '${cellText(header[c])}' (${formatNumber(t)}) is niet ` +
            `gelijk aan de som van de rijen erboven (${formatNumber(since.get(c)!)}). Het totaal telt niet mee; controleer de tabel.`));
        }
        since.set(c, 0);
      }
      continue;
    }
    let rowSum = 0;
    for (const p of plans) {
      const v = cells[p.col] ?? null;
      if (isMissing(v)) continue;
      const n = parseDutchNumber(v);
      if (n !== null) {
        rowSum += n;
        since.set(p.col, since.get(p.col)! + n);
        grand.set(p.col, grand.get(p.col)! + n);
      }
      if (n === 0) continue;
      rowsRead++;
      const cell = tableCell(table, r, p.col);
      if (n === null || n < 0 || !Number.isInteger(n)) {
        rejected++;
        issues.push(makeIssue("aantal-ongeldig", "fout", sheet, cell,
          `Cel ${cell} op blad '${sheet}': aantal ${quoteValue(v)} in kolom '${p.header}' is geen heel aantal woningen ` +
          `van 0 of meer; dit aantal is apart gezet. Vul een heel getal in.`));
        continue;
      }
      if (p.reject) {
        rejected++;
        const { code, message } = p.reject(cell, n);
        issues.push(makeIssue(code, "fout", sheet, cell, message));
        continue;
      }
      const row = emptyStockRow(sheet, table.originRow + r);
      row.aantal = n;
      row.bat = p.level;
      row.batScale = p.level === null ? null : scale;
      for (const l of labels) row[l.field as "eigenaar" | "gemeente" | "buurt" | "wijk"] = cellText(cells[l.col] ?? null);
      rows.push(row);
    }
    if (totalCol >= 0) {
      const t = parseDutchNumber(cells[totalCol] ?? null);
      if (t !== null) {
        since.set(totalCol, since.get(totalCol)! + t);
        grand.set(totalCol, grand.get(totalCol)! + t);
        if (!sameNumber(t, rowSum)) {
          const cell = tableCell(table, r, totalCol);
          issues.push(makeIssue("totaal-klopt-niet", "waarschuwing", sheet, cell,
            `Cel ${cell} op blad '${sheet}': het totaal van deze rij (${formatNumber(t)}) is niet gelijk aan de som ` +
            `van de BAT-kolommen (${formatNumber(rowSum)}). Het totaal telt niet mee; controleer de rij.`));
        }
      }
    }
  }
  return {
    rows: StockColumns.fromRows(rows), rowsRead, rowsRejected: rejected, batScale: scale, mapping,
    headerRow: table.originRow + headerIndex, issues,
  };
}
