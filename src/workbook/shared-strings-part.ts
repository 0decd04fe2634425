/**
 * The shared strings part (`xl/sharedStrings.xml`, ECMA-376 Part 1, §18.4.9) of the `--uit`
 * workbook: the input's part, byte for byte, with the result sheets' texts (the table of
 * src/workbook/shared-texts.ts, whose indexes start after the input's) appended before `</sst>`,
 * and the root's `count`/`uniqueCount` attributes set to the new totals. Keeping the input's
 * entries first and unchanged leaves every `t="s"` index of the input's sheets valid, so they
 * can be copied as they are.
 *
 * The input part is streamed (only its start tag and its last few bytes are looked at), so a
 * large table costs its deflating, not its parsing.
 */
import type { SharedTexts } from "./shared-texts";

/** Where the output goes: text, or bytes copied as they are. */
export interface PartOut {
  write(text: string): void;
  writeBytes(bytes: Uint8Array): void;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Bytes held back from the end of the input (they hold `</sst>`). */
const TAIL = 64;

/** Sets (or adds) attribute `name` of a start tag. */
function setAttribute(tag: string, name: string, value: number): string {
  const re = new RegExp(`(\\s${name}=)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
}

/**
 * Writes the shared strings part.
 * @param out where the part's bytes go.
 * @param input the input's part, inflated, chunk by chunk; null when the input has none.
 * @param inputCount the number of `<si>` in the input part (`texts.base`).
 * @param texts the result sheets' texts.
 * @throws Error when the input part has no `sst` root element.
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
  let head: Buffer | null = Buffer.alloc(0);
  let tail: Buffer = Buffer.alloc(0);
  let prefix = "";
  let empty = false;
  const pass = (bytes: Buffer) => {
    const all = tail.length === 0 ? bytes : Buffer.concat([tail, bytes]);
    if (all.length <= TAIL) {
      tail = all;
      return;
    }
    out.writeBytes(all.subarray(0, all.length - TAIL));
    tail = Buffer.from(all.subarray(all.length - TAIL));
  };
  for await (const chunk of input) {
    if (head === null) {
      pass(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      continue;
    }
    head = Buffer.concat([head, chunk]);
    const text = head.toString("latin1");
    const root = /<([A-Za-z_][\w.-]*:)?sst(?=[\s/>])/.exec(text);
    const end = root ? text.indexOf(">", root.index) : -1;
    if (!root || end < 0) {
      if (head.length > 1 << 20) throw new Error("shared strings: no sst element");
      continue;
    }
    prefix = root[1] ?? "";
    let tag = text.slice(root.index, end + 1);
    // The count of references of the input: its own attribute, else one per entry.
    const count = /\scount="(\d+)"/.exec(tag);
    const refs = (count ? Number(count[1]) : inputCount) + texts.references;
    empty = tag.endsWith("/>");
    if (empty) tag = tag.replace(/\s*\/>$/, ">");
    tag = setAttribute(setAttribute(tag, "count", refs), "uniqueCount", unique);
    out.writeBytes(Buffer.from(text.slice(0, root.index) + tag, "latin1"));
    const rest = head.subarray(end + 1);
    head = null;
    pass(Buffer.from(rest));
  }
  if (head !== null) throw new Error("shared strings: no sst element");
  const close = `</${prefix}sst>`;
  const last = tail.toString("latin1");
  const at = empty ? last.length : last.lastIndexOf(close);
  if (at < 0) throw new Error("shared strings: no </sst>");
  out.writeBytes(Buffer.from(last.slice(0, at), "latin1"));
  for (const si of texts.entries(prefix)) out.write(si);
  out.write(close);
}
