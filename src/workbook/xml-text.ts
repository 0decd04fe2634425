/**
 * Text for the XML of a workbook part (sheet rows, the shared-string table), as the command
 * line's streaming writer writes it (src/workbook/xlsx-stream-writer.ts, src/workbook/shared-texts.ts).
 */

/** Escapes text for an XML text node and drops the characters XML 1.0 does not allow. A plain
 * scan first: most texts need nothing and are returned as they are. */
export function xmlText(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 38) out += "&amp;";
    else if (c === 60) out += "&lt;";
    else if (c === 62) out += "&gt;";
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) continue;
    else out += s[i];
  }
  return out;
}

/** The SpreadsheetML main namespace (Transitional; ECMA-376 Part 1 §18), root of every part we write. */
export const SPREADSHEETML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Text for an attribute value in double quotes: {@link xmlText} with `"` escaped too.
 * @example xmlAttr('0.0 "m²"') === '0.0 &quot;m²&quot;' */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;");
}

/** `<t>` with xml:space="preserve" when the text starts or ends with white space. */
export function textElement(s: string): string {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  const preserve = first === 32 || first === 9 || first === 10 || first === 13 || last === 32 || last === 9 || last === 10 || last === 13;
  return preserve ? `<t xml:space="preserve">${xmlText(s)}</t>` : `<t>${xmlText(s)}</t>`;
}
