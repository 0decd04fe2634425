/**
 * The JSON result document written as a stream of text chunks, so that a million dwellings never
 * become one string of half a gigabyte. The text is exactly `JSON.stringify(buildJson(result),
 * null, 2)` followed by a newline (the test in test/report/json-stream.test.ts holds it to that):
 * same keys, same order, same indentation.
 */
import type { AnalysisResult } from "../analysis/result";
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
 * (reasons, warning lists, sheet names). */
class WoningWriter {
  private readonly reasons = new Map<string, string>();
  private readonly warnings = new Map<readonly string[], string>();
  private readonly sheets = new Map<string, string>();

  constructor(private readonly result: AnalysisResult) {}

  private reason(text: string): string {
    let q = this.reasons.get(text);
    if (q === undefined) {
      q = JSON.stringify(text);
      if (this.reasons.size < 100_000) this.reasons.set(text, q);
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

  /** `"Voorraad!` — the opening of a `bron` string; row numbers never need escaping. */
  private sheetPrefix(sheet: string): string {
    let q = this.sheets.get(sheet);
    if (q === undefined) {
      const full = JSON.stringify(`${sheet}!`);
      q = full.slice(0, -1);
      this.sheets.set(sheet, q);
    }
    return q;
  }

  /** Text of dwelling `i`, or null when its row has no id (not listed, as in `buildJson`). */
  text(i: number): string | null {
    const d = this.result.dwellings[i];
    const row = d.row;
    if (row.id === null) return null;
    const aanpassing = this.result.adapted[i]?.aanpassing ?? "onbekend";
    return "    {\n" +
      `      "id": ${JSON.stringify(row.id)},\n` +
      `      "bat": ${row.bat === null ? "null" : JSON.stringify(row.bat)},\n` +
      `      "bzk": "${d.bzk}",\n` +
      `      "reden": ${this.reason(d.reden)},\n` +
      `      "meldingen": ${this.warningList(d.warnings)},\n` +
      `      "bron": ${this.sheetPrefix(row.sheet)}${row.rowNumber}",\n` +
      `      "nultreden": ${d.nultreden},\n` +
      `      "geclusterd": ${d.geclusterd},\n` +
      `      "zorggeschikt": ${d.zorggeschikt},\n` +
      `      "zorgprofiel": ${d.zorgprofiel === null ? "null" : JSON.stringify(d.zorgprofiel)},\n` +
      `      "aanpassing": ${JSON.stringify(aanpassing)}\n` +
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
