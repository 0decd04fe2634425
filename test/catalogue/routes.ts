/**
 * Runs one input through the routes the catalogue covers and brings the outcome into one shape:
 * the command line (`main()` in process, streaming reader, `--json` and `--uit`), the in-memory
 * port (`XlsxWorkbook` + `analyseWorkbook`, the route of the workbook port that Excel's adapter
 * shares) and the browser page's worker (the same reader as the command line over a `File`:
 * `XlsxBlob`, src/workbook/xlsx-blob.ts, as src/session/xlsx-session.ts runs it, and the same
 * streaming writer for its result file).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { UserError, type Issue } from "../../src/domain/issues";
import { DEFAULT_RULES, type Rules } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { buildJson } from "../../src/report/json";
import { buildSheets } from "../../src/report/sheets";
import type { MappingOverrides } from "../../src/ingest/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { analyseXlsxBlob } from "../../src/analysis/xlsx-blob";
import { XlsxBlob } from "../../src/workbook/xlsx-blob";
import { writeResultFile } from "../../src/session/xlsx-session";

/** Options a case may set; turned into CLI arguments or `AnalyseOptions`. */
export interface CaseOptions {
  voorraad?: string;
  vraag?: string;
  schaal?: "limburg" | "vera";
  kolom?: MappingOverrides;
}

/** The balance as the JSON document and the Controle sheet report it. */
export interface Balance {
  gelezen: number;
  ingedeeld: number;
  terzijde: number;
  /** Dwellings (sum of aantal). */
  eenheden: number;
}

/** What a route did with an input. */
export interface Outcome {
  route: "cli" | "port" | "worker";
  exit: number;
  /** CLI: standard error; port: the UserError's message. */
  stderr: string;
  stdout: string;
  balance: Balance | null;
  issues: Issue[];
  /** The first note of the Controle sheet (the balance line). */
  controleNote: string | null;
  /** The Controle sheet's balance table rows (label, number). */
  controleBalans: [string, number][] | null;
  /** Port and worker routes: the analysis result (null on the CLI route or on failure). */
  result: AnalysisResult | null;
}

const dir = mkdtempSync(path.join(tmpdir(), "bat-bzk-catalogus-"));

function rulesFor(o: CaseOptions): Rules {
  return o.schaal ? { ...DEFAULT_RULES, batSchaal: o.schaal } : DEFAULT_RULES;
}

function cliArgs(o: CaseOptions): string[] {
  const args: string[] = [];
  if (o.voorraad) args.push("--voorraad", o.voorraad);
  if (o.vraag) args.push("--vraag", o.vraag);
  if (o.schaal) args.push("--schaal", o.schaal);
  for (const [veld, kop] of Object.entries(o.kolom ?? {})) args.push("--kolom", `${veld}=${kop}`);
  return args;
}

/** File name safe for the case name. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
}

function controle(result: AnalysisResult): Pick<Outcome, "controleNote" | "controleBalans"> {
  const sheet = buildSheets(result).find((m) => m.kind === "controle")!;
  const balans = sheet.tables.find((t) => t.name === "Controle_Balans")!;
  return { controleNote: sheet.notes[0] ?? null, controleBalans: balans.rows.map((r) => [String(r[0]), Number(r[1])]) };
}

/**
 * The command line: `bat-bzk analyse <file> --json <json> --uit <xlsx>` in process.
 * @param bytes the input file's contents (written to a temporary `.xlsx`), or null for a file that does not exist.
 */
export async function runCli(name: string, bytes: Uint8Array | null, options: CaseOptions = {}): Promise<Outcome> {
  const base = path.join(dir, slug(name));
  const input = `${base}.xlsx`;
  if (bytes !== null) writeFileSync(input, bytes);
  const json = `${base}.json`;
  const uit = `${base}-resultaat.xlsx`;
  let stdout = "";
  let stderr = "";
  const exit = await main(["analyse", input, "--json", json, "--uit", uit, ...cliArgs(options)], {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  const out: Outcome = { route: "cli", exit, stderr, stdout, balance: null, issues: [], controleNote: null, controleBalans: null, result: null };
  if (exit !== 0) return out;
  const doc = JSON.parse(readFileSync(json, "utf8"));
  out.balance = { gelezen: doc.invoer.rijen, ingedeeld: doc.invoer.ingedeeld, terzijde: doc.invoer.afgewezen, eenheden: doc.invoer.eenheden };
  out.issues = doc.meldingen.map((m: { ernst: Issue["severity"]; blad: string | null; cel: string | null; tekst: string; code: string }) => ({
    code: m.code, severity: m.ernst, sheet: m.blad, cell: m.cel, message: m.tekst,
  }));
  if (!existsSync(uit)) throw new Error(`${name}: --uit was not written`);
  return out;
}

/**
 * The analysis over a workbook port (`analyseWorkbook`, what the task pane runs over Office.js),
 * here over the in-memory ExcelJS port. Its result file is not written: since 7 December 2026 no
 * product route writes through that port (the page writes with the streaming writer, checked by
 * {@link runWorker}; the pane through Office.js, test/workbook/office*.test.ts).
 */
export async function runPort(name: string, bytes: Uint8Array, options: CaseOptions = {}): Promise<Outcome> {
  const out: Outcome = { route: "port", exit: 0, stderr: "", stdout: "", balance: null, issues: [], controleNote: null, controleBalans: null, result: null };
  try {
    const wb = await XlsxWorkbook.fromBuffer(bytes, `Bestand '${slug(name)}.xlsx'`);
    const result = await analyseWorkbook(wb, { rules: rulesFor(options), voorraad: options.voorraad, vraag: options.vraag, overrides: options.kolom });
    const doc = buildJson(result);
    out.balance = { gelezen: doc.invoer.rijen, ingedeeld: doc.invoer.ingedeeld, terzijde: doc.invoer.afgewezen, eenheden: doc.invoer.eenheden };
    out.issues = result.issues;
    out.result = result;
    Object.assign(out, controle(result));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    out.exit = err.exitCode;
    out.stderr = `${err.message}\n`;
  }
  return out;
}

/**
 * The browser page's worker: the file as a `File`, opened and described (the sheets' first
 * rows, as when the page opens it), analysed by the reading pass, then its result file written
 * as the page's download writes it (src/session/xlsx-session.ts `writeResultFile`: a copy-only
 * pass over the file and the command line's streaming writer). A Dutch refusal of either step is
 * the outcome; a result file that does not hold our sheets fails the case.
 */
export async function runWorker(name: string, bytes: Uint8Array, options: CaseOptions = {}): Promise<Outcome> {
  const out: Outcome = { route: "worker", exit: 0, stderr: "", stdout: "", balance: null, issues: [], controleNote: null, controleBalans: null, result: null };
  try {
    const file = await XlsxBlob.open(new File([bytes as BlobPart], `${slug(name)}.xlsx`), `Bestand '${slug(name)}.xlsx'`);
    await file.heads();
    const { result } = await analyseXlsxBlob(file, { rules: rulesFor(options), voorraad: options.voorraad, vraag: options.vraag, overrides: options.kolom });
    const doc = buildJson(result);
    out.balance = { gelezen: doc.invoer.rijen, ingedeeld: doc.invoer.ingedeeld, terzijde: doc.invoer.afgewezen, eenheden: doc.invoer.eenheden };
    out.issues = result.issues;
    out.result = result;
    Object.assign(out, controle(result));
    const written = await writeResultFile(file, () => buildSheets(result), { regels: rulesFor(options) });
    const back = await (await XlsxBlob.open(written.file, "Resultaat")).heads(1);
    const ours = Object.values(written.outcome.sheets);
    if (ours.length === 0 || JSON.stringify(back.previous.sheets) !== JSON.stringify(written.outcome.sheets)) {
      throw new Error(`${name}: the worker's result file does not hold its result sheets`);
    }
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    out.exit = err.exitCode;
    out.stderr = `${err.message}\n`;
  }
  return out;
}

/** The CLI's Controle sheet balance, read back from its --uit workbook is not needed: the JSON
 * and the port's sheet models carry the same numbers. Exposed for the one test that checks it. */
export function cliResultFile(name: string): string {
  return `${path.join(dir, slug(name))}-resultaat.xlsx`;
}
