/**
 * The `bat-bzk` command: thin glue between arguments, files and the pipeline. Every message a
 * user sees is plain Dutch; no stack traces (set BAT_BZK_DEBUG=1 to see them).
 *
 * Files are read in one streaming pass (src/workbook/xlsx-stream.ts) and `--uit` is written
 * with the streaming writer during that pass (src/workbook/xlsx-stream-writer.ts); the JSON
 * document is written as a stream of chunks (src/report/json-stream.ts). So a stock of a
 * million rows never exists as one table of cells, one workbook in memory or one string.
 */
import { once } from "node:events";
import { finished } from "node:stream/promises";
import * as v8 from "node:v8";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { UserError } from "../domain/issues";
import { DEFAULT_RULES, parseRules, type Rules } from "../domain/rules";
import type { AnalysisResult } from "../pipeline";
import { writeJson, type TextSink } from "../report/json-stream";
import { buildSheets } from "../report/sheets";
import { summaryLines } from "../report/summary";
import { analyseXlsxStream, checkXlsxFile } from "../workbook/xlsx-stream";
import { XlsxStreamWriter } from "../workbook/xlsx-stream-writer";
import { parseCommand, USAGE, UsageError, type AnalyseCommand } from "./args";

/** Output streams, injectable for tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard output as a stream, for `--json -` with backpressure; `out` is used when absent. */
  outStream?: NodeJS.WritableStream;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  outStream: process.stdout,
};

/**
 * Runs the command line.
 * @param argv arguments after the script name. @returns the exit status (0 ok, 1 nothing analysed, 2 wrong usage).
 */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.command) {
      case "help":
        io.out(`${USAGE}\n`);
        return 0;
      case "versie":
        io.out(`${readVersion()}\n`);
        return 0;
      case "regels":
        io.out(`${JSON.stringify(DEFAULT_RULES, null, 2)}\n`);
        return 0;
      case "analyse":
        return await analyse(cmd, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof UserError) {
      io.err(`${err.message}\n`);
      return err.exitCode;
    }
    if (process.env.BAT_BZK_DEBUG) io.err(`${(err as Error)?.stack ?? String(err)}\n`);
    const msg = err instanceof Error ? err.message : String(err);
    io.err(`Onverwachte fout: ${msg}. Meld dit met het invoerbestand aan de beheerder van de tool.\n`);
    return 1;
  }
}

function readVersion(): string {
  try {
    // lib/cli/main.js → ../../package.json
    return `bat-bzk ${require(path.join(__dirname, "..", "..", "package.json")).version}`;
  } catch {
    return "bat-bzk";
  }
}

async function loadRules(cmd: AnalyseCommand): Promise<Rules> {
  let rules: Rules = DEFAULT_RULES;
  if (cmd.regels) {
    let text: string;
    try {
      text = await fs.readFile(cmd.regels, "utf8");
    } catch {
      throw new UserError(`Regelbestand '${cmd.regels}' is niet te lezen.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UserError(`Regelbestand '${cmd.regels}' is geen geldige JSON.`);
    }
    const parsed = parseRules(json);
    if (!parsed.ok) throw new UserError(`Regelbestand '${cmd.regels}' klopt niet: ${parsed.message}`);
    rules = parsed.rules;
  }
  if (cmd.schaal) rules = { ...rules, batSchaal: cmd.schaal };
  if (cmd.afronden) rules = { ...rules, tekort: { ...rules.tekort, afronden: cmd.afronden } };
  const w = cmd.watAls;
  if (Object.keys(w).length > 0) {
    rules = {
      ...rules,
      watAls: {
        ...rules.watAls,
        ...w,
        aanpassenPerSegment: { ...rules.watAls.aanpassenPerSegment, ...w.aanpassenPerSegment },
      },
    };
  }
  return rules;
}

/** Temporary file next to `target` (same folder, so the rename is atomic). */
function tempFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

/** The Dutch message for a failed write of `target`. */
function writeError(target: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
    return new UserError(`Kan '${target}' niet schrijven: het bestand is in gebruik of alleen-lezen (is het nog geopend in Excel?).`);
  }
  return new UserError(`Kan '${target}' niet schrijven (${code ?? "onbekende fout"}). Controleer of de map bestaat.`);
}

/**
 * Writes `target` through a temporary file in the same folder, then renames it, so a failed
 * run never leaves a half-written file. `produce` writes the temporary file.
 */
async function writeAtomically(target: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = tempFor(target);
  try {
    await produce(tmp);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof UserError) throw err;
    throw writeError(target, err);
  }
}

/** A text sink on a writable stream that waits for 'drain' when the stream's buffer is full. */
function streamSink(stream: NodeJS.WritableStream): TextSink {
  return {
    write: (chunk) => {
      if (!stream.write(chunk)) return once(stream, "drain").then(() => undefined);
    },
  };
}

/**
 * Runs `f` with V8's old generation growing by at most 50 % between full collections (instead of
 * up to 4x). The streaming pass creates a lot of short-lived garbage (ExcelJS's row and cell
 * objects) next to a growing set of dwellings; with the default heuristics the heap would reach
 * about three times the live data on a million-row stock (1.4 GB instead of 0.9 GB), at little
 * gain in speed. See docs/performance.md. The flag is process-wide, so it is restored afterwards.
 */
async function withLeanHeap<T>(f: () => Promise<T>): Promise<T> {
  v8.setFlagsFromString("--heap-growing-percent=50");
  try {
    return await f();
  } finally {
    v8.setFlagsFromString("--heap-growing-percent=0");
  }
}

async function analyse(cmd: AnalyseCommand, io: Io): Promise<number> {
  return withLeanHeap(() => analyseFile(cmd, io));
}

async function analyseFile(cmd: AnalyseCommand, io: Io): Promise<number> {
  const input = path.resolve(cmd.werkmap);
  if (cmd.uit && path.resolve(cmd.uit) === input) {
    throw new UsageError("--uit moet een ander bestand zijn dan de invoer: de invoer wordt nooit gewijzigd.");
  }
  const rules = await loadRules(cmd);
  const label = `Bestand '${path.basename(cmd.werkmap)}'`;
  try {
    await checkXlsxFile(input, label);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === "ENOENT" ? `Bestand '${cmd.werkmap}' bestaat niet.` : `Bestand '${cmd.werkmap}' is niet te lezen (${code}).`);
  }
  const options = { voorraad: cmd.voorraad, vraag: cmd.vraag, rules, overrides: cmd.kolommen, label };

  let result: AnalysisResult | undefined;
  if (cmd.uit) {
    const target = path.resolve(cmd.uit);
    await writeAtomically(target, async (tmp) => {
      const writer = await XlsxStreamWriter.open(tmp);
      try {
        const analysis = await analyseXlsxStream(input, { ...options, copy: writer });
        const r = analysis.result;
        result = r;
        const models = buildSheets(r, { afronden: cmd.afronden ?? null });
        const outcome = await writer.writeResults(models, {
          regels: rules,
          kolommen: cmd.kolommen as Record<string, string>,
          voorraad: cmd.voorraad,
          vraag: cmd.vraag,
        });
        for (const m of outcome.messages) r.issues.push({ code: "blad-hernoemd", severity: "waarschuwing", sheet: null, cell: null, message: m });
        await writer.commit();
      } catch (err) {
        await writer.abort();
        throw err;
      }
    });
  } else {
    result = (await analyseXlsxStream(input, options)).result;
  }
  if (!result) throw new Error("analyse: no result");

  if (cmd.json === "-") {
    await writeJson(result, io.outStream ? streamSink(io.outStream) : { write: (c) => io.out(c) });
  } else if (cmd.json) {
    const r = result;
    await writeAtomically(path.resolve(cmd.json), async (tmp) => {
      const handle = await fs.open(tmp, "w");
      const stream = handle.createWriteStream();
      try {
        await writeJson(r, streamSink(stream));
      } finally {
        stream.end();
        await finished(stream);
      }
    });
  }
  if (cmd.json !== "-") {
    const lines = summaryLines(result);
    if (cmd.uit) lines.push(`Resultaat geschreven naar ${cmd.uit}.`);
    if (cmd.json) lines.push(`JSON geschreven naar ${cmd.json}.`);
    io.out(`${lines.join("\n")}\n`);
  }
  return 0;
}
