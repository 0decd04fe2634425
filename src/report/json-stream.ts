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

/** Options of {@link writeJson}. */
export interface JsonWriteOptions {
  /** Characters gathered before a chunk is handed to the sink (default 1 MiB). */
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
    const id = this.result.dwellings[i].row.id;
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

/**
 * Writes the JSON document of `result` to `sink` in chunks. The text equals
 * `JSON.stringify(buildJson(result), null, 2) + "\n"`.
 *
 * @param result the analysis result.
 * @param sink receives the chunks in order; a returned promise is awaited before the next one.
 */
export async function writeJson(result: AnalysisResult, sink: TextSink, options: JsonWriteOptions = {}): Promise<void> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  let buf = "";
  const flush = async (force: boolean) => {
    if (buf.length >= chunkSize || (force && buf.length > 0)) {
      const chunk = buf;
      buf = "";
      await sink.write(chunk);
    }
  };
  const head = buildJsonHead(result);
  const keys = Object.keys(head) as (keyof JsonDocument)[];
  buf += "{\n";
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const last = k === keys.length - 1;
    buf += `  ${JSON.stringify(key)}: `;
    if (key === "woningen") {
      const woningen = new WoningWriter(result);
      let first = true;
      for (let i = 0; i < result.dwellings.length; i++) {
        const text = woningen.text(i);
        if (text === null) continue;
        buf += first ? "[\n" : ",\n";
        buf += text;
        first = false;
        if (buf.length >= chunkSize) await flush(false);
      }
      buf += first ? "[]" : "\n  ]";
    } else {
      buf += nested(head[key], "  ");
    }
    buf += last ? "\n" : ",\n";
    await flush(false);
  }
  buf += "}\n";
  await flush(true);
}

/** Collects the streamed document into one string (tests, small results). */
export async function jsonText(result: AnalysisResult): Promise<string> {
  const parts: string[] = [];
  await writeJson(result, { write: (c) => void parts.push(c) });
  return parts.join("");
}
