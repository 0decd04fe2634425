/**
 * Writes the sheets of the sample workbooks as plain ranges, values only: no formulas, merged
 * cells, frozen panes or Excel tables, so that the tool reads them as a user's own table would be
 * read (docs/handleiding.md, section 3 "Uw tabel voorbereiden"). The published tables keep their
 * printed layout: title row, source row, blank row, header, rows.
 */
"use strict";

const FMT_COUNT = "#,##0";
const FMT_INT = "0";
const FMT_PCT = "0%";

/** Writes rows one after another; null/undefined/"" cells stay empty. */
class SheetWriter {
  constructor(ws) {
    this.ws = ws;
    this.rowNumber = 0;
  }

  /**
   * values: array of cell values; options.formats: optional number format per column (numbers
   * default to FMT_COUNT); options.bold: the row in bold.
   */
  row(values, options = {}) {
    this.rowNumber += 1;
    const row = this.ws.getRow(this.rowNumber);
    values.forEach((v, i) => {
      if (v === null || v === undefined || v === "") return;
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (typeof v === "number") {
        const fmt = options.formats && options.formats[i];
        cell.numFmt = fmt || FMT_COUNT;
      }
      if (options.bold) cell.font = { bold: true };
    });
    return row;
  }

  blank() {
    this.rowNumber += 1;
  }

  /** The published layout's head: title (bold), source, blank row. */
  titles(title, source) {
    this.row([title], { bold: true });
    this.row([source]);
    this.blank();
  }

  header(labels) {
    this.row(labels, { bold: true });
  }
}

/** Column widths in characters, from column A on. */
function widths(ws, list) {
  list.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

/** A sheet of text lines, one per row (the first in bold, "" a blank row), e.g. "Toelichting". */
function textSheet(wb, name, lines) {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws);
  lines.forEach((line, i) => {
    if (line === "") w.blank();
    else w.row([line], { bold: i === 0 });
  });
  widths(ws, [140]);
  return ws;
}

module.exports = { SheetWriter, widths, textSheet, FMT_COUNT, FMT_INT, FMT_PCT };
