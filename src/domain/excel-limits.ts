/**
 * Excel's grid, the one definition every layer uses: the reader checks row and column numbers
 * against it (src/workbook/sheet-xml.ts), the analysis refuses a damaged sheet beyond it
 * (src/analysis/analyse.ts), the reports split a table that would not fit (src/report/sheets.ts)
 * and the Office.js adapter refuses to write past it (src/workbook/write-plan.ts `checkFitsGrid`).
 * Source: Excel specifications and limits (1,048,576 rows by 16,384 columns, last column XFD);
 * ECMA-376 Part 1, §18.3.1.73 (row) and §18.3.1.4 (c).
 */

/** Rows on a worksheet: the last row is 1,048,576. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Columns on a worksheet: the last column, XFD, is 16,384. */
export const EXCEL_MAX_COLUMNS = 16_384;
