/**
 * The small XML parts of the `--uit` workbook (src/workbook/xlsx-stream-writer.ts): the package
 * relationships, content types, the workbook part and its relationships, the document
 * properties, and a worksheet's frame and relationships (ECMA-376 Part 1 §18.2, §18.3; Part 2
 * for the package). Pure: the parts as text from what the writer knows.
 */
import { SPREADSHEETML_NS as MAIN_NS, xmlAttr, xmlText } from "./xml-text";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** One worksheet of the output, in workbook order. */
export interface OutputSheet {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Its part, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

/** What the workbook-level parts list. */
export interface PackageContents {
  sheets: readonly OutputSheet[];
  /** Table parts, e.g. "xl/tables/table1.xml". */
  tables: readonly string[];
  sharedStrings: boolean;
  /** Dates counted from 1904 (kept from the input, whose copied cells count that way). */
  date1904: boolean;
  /** Index in `sheets` of the sheet shown when the workbook opens. */
  activeTab: number;
}

/**
 * The relationships part of a part (OPC, ECMA-376 Part 2 §9.3: `_rels/<name>.rels` beside it).
 * @param part a part's path without leading slash. @example relationshipsPartOf("xl/worksheets/sheet3.xml") === "xl/worksheets/_rels/sheet3.xml.rels"
 */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function relationships(rels: readonly { type: string; target: string }[], ns = REL_NS): string {
  return XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}">` +
    rels.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type.startsWith("http") ? r.type : `${ns}/${r.type}`}" Target="${xmlAttr(r.target)}"/>`).join("") +
    "</Relationships>";
}

/** `_rels/.rels`. */
export function packageRels(): string {
  return relationships([
    { type: "officeDocument", target: "xl/workbook.xml" },
    { type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
    { type: "extended-properties", target: "docProps/app.xml" },
  ]);
}

/** `[Content_Types].xml`. */
export function contentTypes(c: PackageContents): string {
  const over = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    over("xl/workbook.xml", `${CT}.sheet.main+xml`) +
    c.sheets.map((s) => over(s.part, `${CT}.worksheet+xml`)).join("") +
    over("xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml") +
    over("xl/styles.xml", `${CT}.styles+xml`) +
    (c.sharedStrings ? over("xl/sharedStrings.xml", `${CT}.sharedStrings+xml`) : "") +
    c.tables.map((t) => over(t, `${CT}.table+xml`)).join("") +
    over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
    "</Types>";
}

/** `xl/workbook.xml`: the sheets in order (relationship ids rId1… as {@link workbookRels}). */
export function workbookXml(c: PackageContents): string {
  const sheets = c.sheets.map((s, i) =>
    `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.state === "visible" ? "" : ` state="${xmlAttr(s.state)}"`} r:id="rId${i + 1}"/>`).join("");
  return XML_HEAD + `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<workbookPr${c.date1904 ? ' date1904="1"' : ""}/>` +
    `<bookViews><workbookView${c.activeTab > 0 ? ` activeTab="${c.activeTab}"` : ""}/></bookViews>` +
    `<sheets>${sheets}</sheets><calcPr calcId="171027"/></workbook>`;
}

/** `xl/_rels/workbook.xml.rels`: the sheets first (rId1…), then styles, theme, shared strings. */
export function workbookRels(c: PackageContents): string {
  return relationships([
    ...c.sheets.map((s) => ({ type: "worksheet", target: s.part.replace(/^xl\//, "") })),
    { type: "styles", target: "styles.xml" },
    { type: "theme", target: "theme/theme1.xml" },
    ...(c.sharedStrings ? [{ type: "sharedStrings", target: "sharedStrings.xml" }] : []),
  ]);
}

/** `docProps/app.xml`. */
export function appXml(c: PackageContents): string {
  const names = c.sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join("");
  return XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>bat-bzk</Application>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${c.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${c.sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts></Properties>`;
}

/** `docProps/core.xml`, created and modified at `now`. */
export function coreXml(now: Date): string {
  const t = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>bat-bzk</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${t}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${t}</dcterms:modified></cp:coreProperties>`;
}

/** A column width range (1-based columns). */
export interface ColRange {
  min: number;
  max: number;
  width: number;
}

/** A worksheet's XML up to and including `<sheetData>`. */
export function sheetStart(cols: readonly ColRange[]): string {
  const colXml = cols.length === 0 ? "" :
    `<cols>${cols.map((c) => `<col min="${c.min}" max="${c.max}" width="${c.width}" customWidth="1"/>`).join("")}</cols>`;
  return XML_HEAD + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetFormatPr defaultRowHeight="15"/>${colXml}<sheetData>`;
}

/** A worksheet's XML after its rows; `tables` are the relationship ids of its table parts. */
export function sheetEnd(tables: readonly string[]): string {
  const parts = tables.length === 0 ? "" : `<tableParts count="${tables.length}">${tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  return `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${parts}</worksheet>`;
}

/** A worksheet's relationships to its table parts (targets relative to the sheet, e.g. "../tables/table1.xml"); ids rId1…. */
export function sheetTableRels(targets: readonly string[]): string {
  return relationships(targets.map((target) => ({ type: "table", target })));
}

/** Markup-compatibility namespaces on a table part's root (as Excel and ExcelJS write them). */
const TABLE_ROOT_NS =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr xr3" ' +
  'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ' +
  'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"';

/**
 * A table part (ECMA-376 Part 1 §18.5.1) of one result table: a header row, a filter button on
 * every column, style TableStyleMedium2 with row stripes, no totals row. The same XML as
 * ExcelJS's `TableXform` writes for that table (which this writer used before it had to run in
 * the browser without ExcelJS; test/workbook/package-parts.test.ts holds the two equal).
 * @param id the table's id, unique in the workbook (1…).
 * @param name its name and display name (a valid Excel table name).
 * @param ref its range including the header row, e.g. "A5:F120".
 * @param headers the column headers, left to right (unique within the table).
 */
export function tablePart(id: number, name: string, ref: string, headers: readonly string[]): string {
  const filters = headers.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join("");
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlAttr(h)}"/>`).join("");
  return XML_HEAD +
    `<table xmlns="${MAIN_NS}" ${TABLE_ROOT_NS} id="${id}" name="${xmlAttr(name)}" displayName="${xmlAttr(name)}" ref="${ref}" totalsRowShown="1" headerRowCount="1">` +
    `<autoFilter ref="${ref}">${filters}</autoFilter>` +
    `<tableColumns count="${headers.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
}
