/**
 * The shared strings part (`xl/sharedStrings.xml`, ECMA-376 Part 1, §18.4.9) of the `--uit`
 * workbook: the input's part, byte for byte, with the result sheets' texts (the table of
 * src/workbook/shared-texts.ts, whose indexes start after the input's) appended before `</sst>`,
 * and the root's `count`/`uniqueCount` attributes set to the new totals. Keeping the input's
 * entries first and unchanged leaves every `t="s"` index of the input's sheets valid, so they
 * can be copied as they are.
 *
 * Platform-neutral (byte arrays, no Node `Buffer`): the browser page's download writes it too.
 *
 * The input part is streamed (only its start tag and the bytes from its last `</sst` on are looked
 * at; what follows the root's end tag, a comment or white space, is kept), so a large table costs
 * its deflating, not its parsing.
 */
import type { SharedTexts } from "./shared-texts";
import { CopySourceError } from "./sheet-copy";
import { toTransitional } from "./strict-namespaces";
import { SPREADSHEETML_NS as MAIN_NS } from "./xml-text";

/** Where the output goes: text, or bytes copied as they are. */
export interface PartOut {
  write(text: string): void;
  writeBytes(bytes: Uint8Array): void;
}


const EMPTY = new Uint8Array(0);

/** `a` then `b`, in a new array. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Bytes as latin1 text: one character per byte, so positions in the text are positions in the bytes. */
function latin1Text(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** The inverse of {@link latin1Text} (characters above U+00FF do not occur: the text came from bytes). */
function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Where `needle` (not empty) last starts in `bytes`, or -1. */
function lastIndexOf(bytes: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  search: for (let i = bytes.length - needle.length; i >= 0; i--) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue search;
    return i;
  }
  return -1;
}

/** A shared strings part of the input that is not well-formed: reported as a damaged input. */
function damaged(what: string): CopySourceError {
  return new CopySourceError(new Error(`shared strings: ${what}`));
}

/** Sets (or adds) attribute `name` of a start tag. */
function setAttribute(tag: string, name: string, value: number): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
}

/**
 * Writes the shared strings part.
 * @param out where the part's bytes go.
 * @param input the input's part, inflated, chunk by chunk; null when the input has none.
 * @param inputCount the number of `<si>` in the input part (`texts.base`).
 * @param texts the result sheets' texts.
 * @throws CopySourceError when the input part has no `sst` root element or no end tag of it (a
 *   damaged input; the caller reports it as such, naming the file).
 */
export async function writeSharedStringsPart(out: PartOut, input: AsyncIterable<Uint8Array> | null, inputCount: number, texts: SharedTexts): Promise<void> {
  const unique = inputCount + texts.count;
  if (input === null) {
    out.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${texts.references}" uniqueCount="${unique}">`);
    for (const si of texts.entries()) out.write(si);
    out.write("</sst>");
    return;
  }
  // The start tag: latin1 keeps every byte as one character, so the bytes around it are kept.
  let head: Uint8Array | null = EMPTY;
  let tail: Uint8Array = EMPTY;
  let prefix = "";
  let closeStart: Uint8Array = EMPTY;
  let empty = false;
  // After the start tag: everything is passed on except the bytes from the last `</sst` seen
  // (the root's end tag is the last one; a comment or white space may follow it), or, while none
  // is seen, the last few bytes (which may hold its beginning).
  const pass = (bytes: Uint8Array) => {
    if (empty) {
      out.writeBytes(bytes);
      return;
    }
    const all = tail.length === 0 ? bytes : concat(tail, bytes);
    const at = lastIndexOf(all, closeStart);
    const keep = at >= 0 ? at : Math.max(0, all.length - (closeStart.length - 1));
    if (keep > 0) out.writeBytes(all.subarray(0, keep));
    tail = all.slice(keep);
  };
  for await (const chunk of input) {
    if (head === null) {
      pass(chunk);
      continue;
    }
    head = concat(head, chunk);
    const text = latin1Text(head);
    const root = /<([A-Za-z_][\w.-]*:)?sst(?=[\s/>])/.exec(text);
    const end = root ? text.indexOf(">", root.index) : -1;
    if (!root || end < 0) {
      if (head.length > 1 << 20) throw damaged("no sst element");
      continue;
    }
    prefix = root[1] ?? "";
    closeStart = latin1Bytes(`</${prefix}sst`);
    let tag = text.slice(root.index, end + 1);
    // The count of references of the input: its own attribute, else one per entry.
    const count = /\scount\s*=\s*(?:"\s*(\d+)\s*"|'\s*(\d+)\s*')/.exec(tag);
    const refs = (count ? Number(count[1] ?? count[2]) : inputCount) + texts.references;
    empty = tag.endsWith("/>");
    if (empty) tag = tag.replace(/\s*\/>$/, ">");
    tag = setAttribute(setAttribute(tag, "count", refs), "uniqueCount", unique);
    // The output workbook is Transitional: a Strict root gets the Transitional namespace name.
    out.writeBytes(latin1Bytes(toTransitional(text.slice(0, root.index) + tag)));
    if (empty) {
      for (const si of texts.entries(prefix)) out.write(si);
      out.write(`</${prefix}sst>`);
    }
    const rest = head.slice(end + 1);
    head = null;
    pass(rest);
  }
  if (head !== null) throw damaged("no sst element");
  if (empty) return;
  const last = latin1Text(tail);
  if (lastIndexOf(tail.subarray(0, closeStart.length), closeStart) !== 0 || !/^\s*>/.test(last.slice(closeStart.length))) throw damaged("no </sst>");
  for (const si of texts.entries(prefix)) out.write(si);
  out.writeBytes(tail);
}
