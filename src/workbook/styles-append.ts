/**
 * The styles part of the `--uit` workbook: the input's `xl/styles.xml` kept as it is, with the
 * few cell formats the result sheets need appended at the end of its lists (`numFmts`, `fonts`,
 * `cellXfs`; ECMA-376 Part 1, §18.8). Appending leaves every index of the input valid, so the
 * input's sheets can be copied with their `s="…"` attributes unchanged (raw, or re-generated).
 * Without an input styles part, a minimal one (the default font, the two required fills, one
 * border, the Normal style) is the base.
 *
 * Pure: text in, text out. The edits are made on the XML text (the lists are found by their
 * element names, with the root element's namespace prefix if it has one), not by re-serialising
 * a parsed model, so whatever the input holds that this module does not know (dxfs, extLst,
 * colors, cell styles) stays byte for byte.
 */
import { xmlAttr } from "./xml-text";

/** A cell format the result sheets need. */
export interface CellFormatSpec {
  /** Number format code, e.g. "#,##0" (built-in codes get their built-in id). */
  numFmt?: string;
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string };
}

/** Number format codes with a built-in id (§18.8.30) that the result sheets use. */
const BUILTIN_NUMFMT: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** The first id of a custom number format (ids below are reserved for built-in formats). */
const FIRST_CUSTOM_NUMFMT = 164;

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** A list element of the styles part: where it is, and how many children of `child` it holds. */
interface ListSpan {
  /** Index of `<fonts` (or prefixed). */
  start: number;
  /** End of the start tag (index after `>`). */
  openEnd: number;
  /** Index of `</fonts>`, or -1 for an empty element (`<fonts/>`). */
  close: number;
  /** Index after the whole element. */
  end: number;
  children: number;
}

function findList(xml: string, p: string, list: string, child: string): ListSpan | null {
  const open = new RegExp(`<${p}${list}(?=[\\s/>])`).exec(xml);
  if (!open) return null;
  const start = open.index;
  const openEnd = xml.indexOf(">", start) + 1;
  if (openEnd === 0) return null;
  if (xml[openEnd - 2] === "/") return { start, openEnd, close: -1, end: openEnd, children: 0 };
  const closeTag = `</${p}${list}>`;
  const close = xml.indexOf(closeTag, openEnd);
  if (close < 0) return null;
  const inner = xml.slice(openEnd, close);
  // Children at any depth with this name: fonts/cellXfs hold no nested element of the same name.
  const children = inner.match(new RegExp(`<${p}${child}(?=[\\s/>])`, "g"))?.length ?? 0;
  return { start, openEnd, close, end: close + closeTag.length, children };
}

/**
 * The pattern of attribute `name` in a start tag, as XML allows it (§2.3 of XML 1.0): white space
 * before the name and around `=`, the value in double or single quotes. Group 1 or 2 holds the
 * value as written (entities not decoded).
 */
function attributePattern(name: string, flags = ""): RegExp {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, flags);
}

/** The value of attribute `name` of start tag `tag` with the five predefined and numeric entities decoded, or null. */
function attribute(tag: string, name: string): string | null {
  const m = attributePattern(name).exec(tag);
  if (!m) return null;
  return (m[1] ?? m[2]).replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" :
      String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}

/**
 * The elements `child` of a list, as written, in order (their index is their position): e.g.
 * `<font><b/></font>`. The list's children hold no nested element of the same name.
 */
function listItems(xml: string, span: ListSpan | null, p: string, child: string): string[] {
  if (!span || span.close < 0) return [];
  const body = xml.slice(span.openEnd, span.close);
  const re = new RegExp(`<${p}${child}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g");
  return body.match(re) ?? [];
}

/** The start tag `tag` with its count attribute set to `count` (however the input quoted it). */
/** Start tags of element `name` (with prefix), read attribute by attribute so a `>` inside a quoted value does not end them. */
function startTags(name: string): RegExp {
  return new RegExp(`<${name}(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*/?>`, "g");
}

function withCount(tag: string, count: number): string {
  const re = attributePattern("count");
  return re.test(tag) ? tag.replace(re, ` count="${count}"`) : tag.replace(/^(<[^\s/>]+)/, `$1 count="${count}"`);
}

/** Replaces `span` by the list with `added` appended. */
function appendTo(xml: string, span: ListSpan, p: string, list: string, added: string, count: number): string {
  let tag = xml.slice(span.start, span.openEnd);
  if (span.close < 0) tag = tag.replace(/\s*\/>$/, ">");
  const body = span.close < 0 ? "" : xml.slice(span.openEnd, span.close);
  return xml.slice(0, span.start) + withCount(tag, count) + body + added + `</${p}${list}>` + xml.slice(span.end);
}

/**
 * Appends `specs`' cell formats to a styles part.
 * @param input the input's styles part (XML text), or null.
 * @param specs the cell formats wanted, in order.
 * @returns the styles part, and per spec its index in `cellXfs` (what a cell's `s` attribute
 *   holds).
 * An input without fonts gets a `fonts` list with a plain font 0, one with an empty `cellXfs` a
 * plain format 0 first, so that no result format becomes what unformatted cells show.
 * @throws Error when the input has no `cellXfs` list that can be found (then no input cell's style
 *   index was valid either; the caller falls back to the minimal part).
 * @example appendCellFormats(null, [{ numFmt: "0%" }]).ids // [1]
 */
export function appendCellFormats(input: string | null, specs: readonly CellFormatSpec[]): { xml: string; ids: number[] } {
  let xml = input ?? MINIMAL_STYLES;
  const root = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(xml);
  if (!root) throw new Error("styles: no styleSheet element");
  const p = root[1] ?? "";

  // Number formats: built-in ids where they exist, else new ids after the largest in use. Every
  // numFmt of the part counts (those of dxfs share the id space, §18.8.30); only those of the
  // numFmts list can be reused by a cell format.
  const numFmtIds = new Map<string, number>();
  const numFmts = findList(xml, p, "numFmts", "numFmt");
  let nextNumFmt = FIRST_CUSTOM_NUMFMT;
  for (const m of xml.matchAll(startTags(`${p}numFmt`))) {
    const id = attribute(m[0], "numFmtId");
    if (id !== null && /^\d+$/.test(id.trim())) nextNumFmt = Math.max(nextNumFmt, Number(id) + 1);
  }
  const existing = new Map<string, number>();
  if (numFmts) {
    const body = xml.slice(numFmts.openEnd, numFmts.close < 0 ? numFmts.openEnd : numFmts.close);
    for (const m of body.matchAll(startTags(`${p}numFmt`))) {
      const id = attribute(m[0], "numFmtId");
      const code = attribute(m[0], "formatCode");
      if (id !== null && /^\d+$/.test(id.trim()) && code !== null && !existing.has(code)) existing.set(code, Number(id));
    }
  }
  let addedNumFmts = "";
  let numFmtCount = numFmts?.children ?? 0;
  for (const s of specs) {
    if (s.numFmt === undefined || numFmtIds.has(s.numFmt)) continue;
    const builtin = BUILTIN_NUMFMT[s.numFmt];
    if (builtin !== undefined) {
      numFmtIds.set(s.numFmt, builtin);
      continue;
    }
    const same = existing.get(s.numFmt);
    if (same !== undefined) {
      numFmtIds.set(s.numFmt, same);
      continue;
    }
    const id = nextNumFmt++;
    numFmtIds.set(s.numFmt, id);
    addedNumFmts += `<${p}numFmt numFmtId="${id}" formatCode="${xmlAttr(s.numFmt)}"/>`;
    numFmtCount++;
  }
  if (addedNumFmts !== "") {
    if (numFmts) xml = appendTo(xml, numFmts, p, "numFmts", addedNumFmts, numFmtCount);
    else {
      // numFmts is the first child of styleSheet.
      const at = xml.indexOf(">", root.index) + 1;
      xml = xml.slice(0, at) + `<${p}numFmts count="${numFmtCount}">${addedNumFmts}</${p}numFmts>` + xml.slice(at);
    }
  }

  // Fonts, one per distinct font spec, after font 0 (the font of every cell without a format of
  // its own), which an input without fonts gets first.
  const fonts = findList(xml, p, "fonts", "font");
  const fontIds = new Map<string, number>();
  let fontCount = fonts?.children ?? 0;
  let addedFonts = fontCount === 0 ? `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>` : "";
  if (fontCount === 0) fontCount = 1;
  const existingFonts = listItems(xml, fonts, p, "font");
  for (const s of specs) {
    if (!s.font) continue;
    const f = s.font;
    const key = JSON.stringify([f.bold, f.italic, f.size, f.color]);
    if (fontIds.has(key)) continue;
    const font = `<${p}font>${f.bold ? `<${p}b/>` : ""}${f.italic ? `<${p}i/>` : ""}${f.size ? `<${p}sz val="${f.size}"/>` : ""}` +
      `${f.color ? `<${p}color rgb="${xmlAttr(f.color)}"/>` : ""}</${p}font>`;
    // The same font written by an earlier run is reused (a rerun on its output does not grow the list).
    const same = existingFonts.indexOf(font);
    if (same >= 0) {
      fontIds.set(key, same);
      continue;
    }
    fontIds.set(key, fontCount++);
    addedFonts += font;
  }
  if (addedFonts !== "") {
    if (fonts) xml = appendTo(xml, fonts, p, "fonts", addedFonts, fontCount);
    else {
      // fonts comes right after numFmts (or first).
      const after = findList(xml, p, "numFmts", "numFmt");
      const at = after ? after.end : xml.indexOf(">", root.index) + 1;
      xml = xml.slice(0, at) + `<${p}fonts count="${fontCount}">${addedFonts}</${p}fonts>` + xml.slice(at);
    }
  }

  // Cell formats.
  const xfs = findList(xml, p, "cellXfs", "xf");
  if (!xfs) throw new Error("styles: no cellXfs list");
  const ids: number[] = [];
  const xfIds = new Map<string, number>();
  let added = "";
  let xfCount = xfs.children;
  const existingXfs = listItems(xml, xfs, p, "xf");
  if (xfCount === 0) {
    // Format 0 is that of every cell without an `s` attribute: a plain one, not a result format.
    added = `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    xfIds.set("0/0", 0);
    xfCount = 1;
  }
  for (const s of specs) {
    const numFmtId = s.numFmt === undefined ? 0 : numFmtIds.get(s.numFmt)!;
    const fontId = s.font ? fontIds.get(JSON.stringify([s.font.bold, s.font.italic, s.font.size, s.font.color]))! : 0;
    const key = `${numFmtId}/${fontId}`;
    let id = xfIds.get(key);
    if (id === undefined) {
      const xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
        `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ""}${fontId !== 0 ? ' applyFont="1"' : ""}/>`;
      // The same format written by an earlier run is reused (not format 0: see above).
      const same = existingXfs.indexOf(xf, 1);
      if (same >= 0) id = same;
      else {
        id = xfCount++;
        added += xf;
      }
      xfIds.set(key, id);
    }
    ids.push(id);
  }
  if (added !== "") xml = appendTo(xml, xfs, p, "cellXfs", added, xfCount);
  return { xml, ids };
}
