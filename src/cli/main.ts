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
import { UserError, makeIssue } from "../domain/issues";
import { DEFAULT_RULES, parseRules, type Rules } from "../domain/rules";
import type { AnalysisResult } from "../analysis/result";
import { writeJson, type ByteSink } from "../report/json-stream";
import { buildSheets } from "../report/sheets";
import { summaryLines } from "../report/summary";
import { analyseXlsxStream, type StreamAnalyseOptions } from "../analysis/xlsx-file";
import { checkXlsxFile } from "../workbook/xlsx-stream";
import { XlsxStreamWriter } from "../workbook/xlsx-stream-writer";
import { forUser } from "../workbook/sheet-copy";
import { openZipFileSink } from "../workbook/zip-node";
import { parseCommand, USAGE, UsageError, type AnalyseCommand } from "./args";
import { StagedFiles } from "./staged-files";

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

/**
 * Do two paths name the same file? Equal after resolving, or, when both exist, the same file on
 * disk (a symbolic or hard link, or another spelling on a case-insensitive file system).
 */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** A byte sink (UTF-8 chunks) on a writable stream that waits for 'drain' when the stream's
 * buffer is full. */
function streamSink(stream: NodeJS.WritableStream): ByteSink {
  return {
    writeBytes: (chunk) => {
      if (!stream.write(chunk)) return once(stream, "drain").then(() => undefined);
    },
  };
}

/**
 * How much V8's old generation may grow between full collections while the command runs, in %
 * (V8's own heuristics allow up to 4x). The streaming pass creates a lot of short-lived garbage
 * (ExcelJS's row and cell objects) next to a growing set of dwellings; with the default
 * heuristics the heap reaches about three times the live data on a million-row stock. A smaller
 * step keeps the peak memory down without costing time; the figures are in docs/performance.md
 * ("Memory").
 */
export const LEAN_HEAP_GROWING_PERCENT = 25;

/** Runs `f` with {@link LEAN_HEAP_GROWING_PERCENT}; the flag is process-wide, so it is restored
 * afterwards. */
async function withLeanHeap<T>(f: () => Promise<T>): Promise<T> {
  v8.setFlagsFromString(`--heap-growing-percent=${LEAN_HEAP_GROWING_PERCENT}`);
  try {
    return await f();
  } finally {
    v8.setFlagsFromString("--heap-growing-percent=0");
  }
}

async function analyse(cmd: AnalyseCommand, io: Io): Promise<number> {
  return withLeanHeap(() => analyseFile(cmd, io));
}

/**
 * The `--uit` workbook, written to `tmp` in one pass: the input's sheets are copied while they
 * are analysed, then the result sheets and the meta sheet are added. A result sheet whose name a
 * sheet of the user already has gets another name; the Dutch message is added to the run's
 * issues before the sheets are built, so that it is listed on Controle (and in the JSON), and
 * to `renames`.
 * @returns the analysis. @throws UserError (Dutch, naming the file) when a part of the input copied
 *   into the output (styles, shared strings, theme, a stored sheet) turns out to be damaged
 *   (a `CopySourceError`, worded by src/workbook/sheet-copy.ts `forUser`); else whatever the pass or the writer throws. The writer is closed first.
 */
async function writeResultWorkbook(
  tmp: string,
  input: string,
  options: StreamAnalyseOptions,
  cmd: AnalyseCommand,
  rules: Rules,
  renames: string[],
): Promise<AnalysisResult> {
  const writer = new XlsxStreamWriter(await openZipFileSink(tmp));
  try {
    const r = (await analyseXlsxStream(input, { ...options, copy: writer })).result;
    const sheetOptions = { afronden: cmd.afronden ?? null };
    let models = buildSheets(r, sheetOptions);
    const planned = writer.planNames(models).flatMap((p) => (p.message ? [p.message] : []));
    if (planned.length > 0) {
      for (const message of planned) r.issues.push(makeIssue("blad-hernoemd", "waarschuwing", null, null, message));
      models = buildSheets(r, sheetOptions);
    }
    const outcome = await writer.writeResults(models, {
      regels: rules,
      kolommen: cmd.kolommen as Record<string, string>,
      voorraad: cmd.voorraad,
      vraag: cmd.vraag,
    });
    renames.push(...outcome.messages);
    await writer.commit();
    return r;
  } catch (err) {
    await writer.abort();
    throw forUser(err, options.label ?? "Het bestand", options.onDebug);
  }
}

async function analyseFile(cmd: AnalyseCommand, io: Io): Promise<number> {
  const input = path.resolve(cmd.werkmap);
  for (const [option, target] of [["--uit", cmd.uit], ["--json", cmd.json === "-" ? undefined : cmd.json]] as const) {
    if (target && (await sameFile(target, input))) {
      throw new UsageError(`${option} moet een ander bestand zijn dan de invoer: de invoer wordt nooit gewijzigd.`);
    }
  }
  if (cmd.uit && cmd.json && cmd.json !== "-" && (await sameFile(cmd.uit, cmd.json))) {
    throw new UsageError("--uit en --json moeten verschillende bestanden zijn.");
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
  const options: StreamAnalyseOptions = { voorraad: cmd.voorraad, vraag: cmd.vraag, rules, overrides: cmd.kolommen, label };

  let result: AnalysisResult | undefined;
  const renames: string[] = [];
  const staged = new StagedFiles();
  try {
    await staged.guard(io.err, async () => {
      if (cmd.uit) {
        await staged.write(path.resolve(cmd.uit), cmd.uit, async (tmp) => {
          result = await writeResultWorkbook(tmp, input, options, cmd, rules, renames);
        });
      } else {
        result = (await analyseXlsxStream(input, options)).result;
      }
      const r = result;
      if (!r) throw new Error("analyse: no result");
      if (cmd.json && cmd.json !== "-") {
        await staged.write(path.resolve(cmd.json), cmd.json, async (tmp) => {
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
      // Every output is complete: only now are the files put in place, together.
      await staged.commit();
    });
  } catch (err) {
    await staged.discard();
    throw err;
  }
  if (!result) throw new Error("analyse: no result");
  if (cmd.json === "-") {
    await writeJson(result, io.outStream ? streamSink(io.outStream) : { write: (c) => io.out(c) });
  }
  // A user's sheet that has one of our names was left alone: say so, also on standard error
  // (standard output may be the JSON document).
  for (const m of renames) io.err(`Let op: ${m}\n`);
  if (cmd.json !== "-") {
    const lines = summaryLines(result);
    if (cmd.uit) lines.push(`Resultaat geschreven naar ${cmd.uit}.`);
    if (cmd.json) lines.push(`JSON geschreven naar ${cmd.json}.`);
    io.out(`${lines.join("\n")}\n`);
  }
  return 0;
}
