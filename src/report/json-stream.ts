/**
 * The JSON result document written as a stream of text chunks, so that a million dwellings never
 * become one string of half a gigabyte. The text is exactly `JSON.stringify(buildJson(result),
 * null, 2)` followed by a newline (the test in test/report/json-stream.test.ts holds it to that):
 * same keys, same order, same indentation.
 */
import type { AnalysisResult } from "../analysis/result";
import { dwellingEntry } from "./dwelling-entry";
import { buildJsonHead, type JsonDocument } from "./json";

/** Where the chunks go. `write` may return a promise to apply backpressure. */
export interface TextSink {
  write(chunk: string): void | Promise<void>;
}

/** Where the chunks go as UTF-8 bytes (a file): each chunk is a fresh array, never reused, so a
 * stream may hold it. `writeBytes` may return a promise to apply backpressure. Encoding each
 * dwelling's text into the chunk as it is made costs about a third of building a 1 MiB string
 * by concatenation and encoding that (V8 flattens the concatenation first): about 4 s less at
 * a million dwellings (docs/performance.md). */
export interface ByteSink {
  writeBytes(chunk: Uint8Array): void | Promise<void>;
}

/** Options of {@link writeJson}. */
export interface JsonWriteOptions {
  /** Characters (text sink) or bytes (byte sink) gathered before a chunk is handed to the sink
   * (default 1 MiB). */
  chunkSize?: number;
}

/** Pretty-printed JSON of `value`, with every line after the first indented by `pad`. */
function nested(value: unknown, pad: string): string {
  const text = JSON.stringify(value, null, 2);
  return text.indexOf("\n") < 0 ? text : text.replace(/\n/g, `\n${pad}`);
}

/** Serialises the `woningen` entries exactly as `JSON.stringify(doc, null, 2)` lays them out
 * (two levels deep: six spaces before a key), with caches for the texts that dwellings share
 * (redenen and warning lists). */
class WoningWriter {
  private readonly redenen = new Map<string, string>();
  private readonly warnings = new Map<readonly string[], string>();

  constructor(private readonly result: AnalysisResult) {}

  private reden(text: string): string {
    let q = this.redenen.get(text);
    if (q === undefined) {
      q = JSON.stringify(text);
      if (this.redenen.size < 100_000) this.redenen.set(text, q);
    }
    return q;
  }

  private warningList(list: readonly string[]): string {
    if (list.length === 0) return "[]";
    let q = this.warnings.get(list);
    if (q === undefined) {
      q = `[\n${list.map((w) => `        ${JSON.stringify(w)}`).join(",\n")}\n      ]`;
      // Warning arrays are shared (frozen) between dwellings with the same facts.
      if (Object.isFrozen(list) && this.warnings.size < 100_000) this.warnings.set(list, q);
    }
    return q;
  }

  /** Text of dwelling `i` (its entry, dwelling-entry.ts), or null when its row has no id (not
   * listed, as in `buildJson`). */
  text(i: number): string | null {
    // Rows without an id are not listed: skip them before building their entry.
    const id = this.result.dwellings.rows.id(i);
    if (id === null) return null;
    const e = dwellingEntry(this.result, i);
    return "    {\n" +
      `      "id": ${JSON.stringify(id)},\n` +
      `      "bat": ${e.bat === null ? "null" : JSON.stringify(e.bat)},\n` +
      `      "bzk": "${e.bzk}",\n` +
      `      "reden": ${this.reden(e.reden)},\n` +
      `      "meldingen": ${this.warningList(e.meldingen)},\n` +
      `      "bron": ${JSON.stringify(e.bron)},\n` +
      `      "nultreden": ${e.nultreden},\n` +
      `      "geclusterd": ${e.geclusterd},\n` +
      `      "zorggeschikt": ${e.zorggeschikt},\n` +
      `      "zorgprofiel": ${e.zorgprofiel === null ? "null" : JSON.stringify(e.zorgprofiel)},\n` +
      `      "aanpassing": ${JSON.stringify(e.aanpassing)}\n` +
      "    }";
  }
}

/** Gathers the document's text into chunks for a {@link TextSink} or a {@link ByteSink}. */
interface Chunks {
  /** Appends `text`; true when a chunk is full and {@link Chunks.flush} should be called. */
  add(text: string): boolean;
  /** Hands what is gathered to the sink (also when not full if `force`). */
  flush(force: boolean): void | Promise<void>;
}

/** Text chunks: the pieces concatenated into one string of about `size` characters. */
class TextChunks implements Chunks {
  private buf = "";
  constructor(private readonly sink: TextSink, private readonly size: number) {}
  add(text: string): boolean {
    this.buf += text;
    return this.buf.length >= this.size;
  }
  flush(force: boolean): void | Promise<void> {
    if (this.buf.length >= this.size || (force && this.buf.length > 0)) {
      const chunk = this.buf;
      this.buf = "";
      return this.sink.write(chunk);
    }
  }
}

/** UTF-8 chunks of about `size` bytes: each piece is encoded into the chunk as it comes (a UTF-16
 * code unit is at most 3 bytes of UTF-8, so a piece of n units fits in 3n bytes and is never cut
 * in two); a piece larger than a chunk goes out as a chunk of its own. */
class ByteChunks implements Chunks {
  private readonly encoder = new TextEncoder();
  private bytes: Uint8Array;
  private used = 0;
  /** Closed chunks, in order, not yet handed to the sink. */
  private readonly ready: Uint8Array[] = [];

  constructor(private readonly sink: ByteSink, private readonly size: number) {
    this.bytes = new Uint8Array(size);
  }

  add(text: string): boolean {
    if (text.length * 3 > this.size - this.used) {
      this.close();
      if (text.length * 3 > this.size) {
        this.ready.push(this.encoder.encode(text));
        return true;
      }
    }
    this.used += this.encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    return this.ready.length > 0;
  }

  /** Closes the current chunk (when it holds anything) and starts a fresh one. */
  private close(): void {
    if (this.used === 0) return;
    this.ready.push(this.bytes.subarray(0, this.used));
    this.bytes = new Uint8Array(this.size);
    this.used = 0;
  }

  async flush(force: boolean): Promise<void> {
    if (force) this.close();
    while (this.ready.length > 0) await this.sink.writeBytes(this.ready.shift()!);
  }
}

/**
 * Writes the JSON document of `result` to `sink` in chunks. The text equals
 * `JSON.stringify(buildJson(result), null, 2) + "\n"`; a {@link ByteSink} receives it as UTF-8.
 *
 * @param result the analysis result.
 * @param sink receives the chunks in order; a returned promise is awaited before the next one.
 */
export async function writeJson(result: AnalysisResult, sink: TextSink | ByteSink, options: JsonWriteOptions = {}): Promise<void> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  const out: Chunks = "writeBytes" in sink ? new ByteChunks(sink, chunkSize) : new TextChunks(sink, chunkSize);
  const head = buildJsonHead(result);
  const keys = Object.keys(head) as (keyof JsonDocument)[];
  out.add("{\n");
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const last = k === keys.length - 1;
    out.add(`  ${JSON.stringify(key)}: `);
    if (key === "woningen") {
      const woningen = new WoningWriter(result);
      let first = true;
      for (let i = 0; i < result.dwellings.length; i++) {
        const text = woningen.text(i);
        if (text === null) continue;
        const full = out.add((first ? "[\n" : ",\n") + text);
        first = false;
        if (full) await out.flush(false);
      }
      out.add(first ? "[]" : "\n  ]");
    } else {
      out.add(nested(head[key], "  "));
    }
    out.add(last ? "\n" : ",\n");
    await out.flush(false);
  }
  out.add("}\n");
  await out.flush(true);
}

/** Collects the streamed document into one string (tests, small results). */
export async function jsonText(result: AnalysisResult): Promise<string> {
  const parts: string[] = [];
  await writeJson(result, { write: (c) => void parts.push(c) });
  return parts.join("");
}
