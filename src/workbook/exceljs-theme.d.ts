/** ExcelJS's default theme part (`xl/theme/theme1.xml` of a new workbook), a CommonJS module
 * exporting the XML as a string: src/workbook/xlsx-stream-writer.ts imports it for an input
 * without a theme part. */
declare module "exceljs/lib/xlsx/xml/theme1.js" {
  const xml: string;
  export default xml;
}
