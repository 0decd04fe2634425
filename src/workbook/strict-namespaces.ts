/**
 * Strict OOXML (ECMA-376 Part 1, Strict conformance) names its namespaces differently from
 * Transitional, the convention the `--uit` workbook is written in. An application decides from
 * the workbook part which convention a package follows, so every part the output takes from a
 * Strict input (styles, shared strings) gets the Transitional names; the element names and
 * attributes of these parts are the same in both.
 */

/** Strict namespace name → Transitional namespace name (ECMA-376 Part 1, §A and Part 4). */
const STRICT_TO_TRANSITIONAL: Record<string, string> = {
  "http://purl.oclc.org/ooxml/spreadsheetml/main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/drawingml/main": "http://schemas.openxmlformats.org/drawingml/2006/main",
};

const STRICT = /http:\/\/purl\.oclc\.org\/ooxml\/(?:spreadsheetml\/main|officeDocument\/relationships|drawingml\/main)(?=["'])/g;

/**
 * `xml` with every Strict namespace name above replaced by its Transitional name (only where it
 * ends at a quote, i.e. as an attribute value such as `xmlns="…"`).
 * @example toTransitional('<sst xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main">') // '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
 */
export function toTransitional(xml: string): string {
  return xml.replace(STRICT, (ns) => STRICT_TO_TRANSITIONAL[ns]);
}

/**
 * Whether a workbook part is Strict: its root element is in the Strict SpreadsheetML namespace.
 * @param workbookXml the workbook part's text.
 */
export function isStrictWorkbook(workbookXml: string): boolean {
  const root = /<([A-Za-z_][\w.-]*:)?workbook(?=[\s/>])[^>]*>/.exec(workbookXml);
  if (!root) return false;
  const prefix = root[1] ? root[1].slice(0, -1) : "";
  const decl = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*["']([^"']*)["']`).exec(root[0]);
  return decl?.[1] === "http://purl.oclc.org/ooxml/spreadsheetml/main";
}
