/**
 * The `bat-bzk` command: thin glue between arguments, files and the pipeline. Every message a
 * user sees is plain Dutch; no stack traces (set BAT_BZK_DEBUG=1 to see them).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { UserError } from "../domain/issues";
import { DEFAULT_RULES, parseRules, type Rules } from "../domain/rules";
import { analyseWorkbook } from "../pipeline";
import { buildJson } from "../report/json";
import { buildSheets } from "../report/sheets";
import { summaryLines } from "../report/summary";
import { XlsxWorkbook } from "../workbook/xlsx";
import { parseCommand, USAGE, UsageError, type AnalyseCommand } from "./args";

/** Output streams, injectable for tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
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
    // eslint-disable-next-line @typescript-eslint/no-require-imports
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
  return rules;
}

/** Writes bytes to `target` through a temporary file in the same folder, then renames it, so a
 * failed run never leaves a half-written file. */
async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      throw new UserError(`Kan '${target}' niet schrijven: het bestand is in gebruik of alleen-lezen (is het nog geopend in Excel?).`);
    }
    throw new UserError(`Kan '${target}' niet schrijven (${code ?? "onbekende fout"}). Controleer of de map bestaat.`);
  }
}

async function analyse(cmd: AnalyseCommand, io: Io): Promise<number> {
  const input = path.resolve(cmd.werkmap);
  if (cmd.uit && path.resolve(cmd.uit) === input) {
    throw new UsageError("--uit moet een ander bestand zijn dan de invoer: de invoer wordt nooit gewijzigd.");
  }
  const rules = await loadRules(cmd);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === "ENOENT" ? `Bestand '${cmd.werkmap}' bestaat niet.` : `Bestand '${cmd.werkmap}' is niet te lezen (${code}).`);
  }
  const label = `Bestand '${path.basename(cmd.werkmap)}'`;
  const workbook = await XlsxWorkbook.fromBuffer(bytes, label);
  const result = await analyseWorkbook(workbook, {
    voorraad: cmd.voorraad,
    vraag: cmd.vraag,
    rules,
    overrides: cmd.kolommen,
  });

  if (cmd.uit) {
    const models = buildSheets(result, { afronden: cmd.afronden ?? null });
    const outcome = await workbook.writeResults(models, {
      regels: rules,
      kolommen: cmd.kolommen as Record<string, string>,
      voorraad: cmd.voorraad,
      vraag: cmd.vraag,
    });
    for (const m of outcome.messages) result.issues.push({ code: "blad-hernoemd", severity: "waarschuwing", sheet: null, cell: null, message: m });
    await writeAtomically(path.resolve(cmd.uit), await workbook.toBuffer());
  }
  if (cmd.json) {
    const text = `${JSON.stringify(buildJson(result), null, 2)}\n`;
    if (cmd.json === "-") io.out(text);
    else await writeAtomically(path.resolve(cmd.json), text);
  }
  if (cmd.json !== "-") {
    const lines = summaryLines(result);
    if (cmd.uit) lines.push(`Resultaat geschreven naar ${cmd.uit}.`);
    if (cmd.json) lines.push(`JSON geschreven naar ${cmd.json}.`);
    io.out(`${lines.join("\n")}\n`);
  }
  return 0;
}
