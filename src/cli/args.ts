/**
 * Argument parsing for `bat-bzk` (the commands and options of
 * docs/handleiding.md §6), on Node's own
 * `util.parseArgs`. Pure apart from that: returns a parsed command or a Dutch usage error.
 */
import { parseArgs } from "node:util";
import { STOCK_FIELDS, type MappingOverrides, type StockField } from "../ingest/types";

/** A parsed `analyse` command. Paths as given (relative to the working directory). */
export interface AnalyseCommand {
  command: "analyse";
  werkmap: string;
  uit?: string;
  /** Path, or "-" for standard output. */
  json?: string;
  voorraad?: string;
  vraag?: string;
  regels?: string;
  kolommen: MappingOverrides;
  afronden?: number;
  schaal?: "limburg" | "vera";
  /** What-if overrides of `regels.watAls` (only those given). */
  watAls: WatAlsOptions;
}

/** What-if options: `--aanpassen 30` or `--aanpassen huur=30` (repeatable), `--ontmoetingsruimten 5`,
 * `--wlz-complexen 2`, `--zonder-plannen`. */
export interface WatAlsOptions {
  aanpassenPercentage?: number;
  aanpassenPerSegment?: Record<string, number>;
  ontmoetingsruimten?: number;
  wlzComplexen?: number;
  plannen?: boolean;
}

/** Other commands: help, version, print the default rules. */
export type Command = AnalyseCommand | { command: "help" } | { command: "versie" } | { command: "regels" };

/** Usage text shown by `bat-bzk --help` and after a usage error (Dutch). */
export const USAGE = `Gebruik:
  bat-bzk analyse <werkmap.xlsx> [--uit <resultaat.xlsx>] [--json <pad>|-]
                  [--voorraad <blad>] [--vraag <blad>] [--regels <regels.json>]
                  [--kolom <veld>=<kop>]... [--afronden 5] [--schaal limburg|vera]
                  [--aanpassen <pct> | --aanpassen <segment>=<pct>]... [--ontmoetingsruimten <k>]
                  [--wlz-complexen <m>] [--zonder-plannen]
  bat-bzk regels        toont de standaardregels als JSON (om aan te passen voor --regels)
  bat-bzk --help | --versie

Wat-als (standaard: regels.watAls, 10% aanpassen): --aanpassen 30 past 30% van de potentieel
geschikte woningen aan (--aanpassen koop=10 per segment), --ontmoetingsruimten 5 geeft de 5 beste
kandidaat-complexen een ontmoetingsruimte, --wlz-complexen 2 start Wlz-zorg in de 2 beste
zorgkandidaten, --zonder-plannen laat de geplande wijzigingen buiten het wat-als-scenario.

Voorbeeld:
  bat-bzk analyse voorraad.xlsx --uit resultaat.xlsx --kolom bat="BAT score"
  bat-bzk analyse voorraad.xlsx --json - --aanpassen 30 --ontmoetingsruimten 5

Afsluitcode: 0 = analyse gelukt (meldingen staan in het resultaat), 1 = niets te analyseren, 2 = verkeerd gebruik.`;

/** Thrown for wrong usage; the CLI prints the message and the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses the command line (without `node` and the script).
 * @throws UsageError with a Dutch message for unknown options, missing values, a bad `--kolom`
 *   or `--afronden`.
 */
export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        uit: { type: "string" },
        json: { type: "string" },
        voorraad: { type: "string" },
        vraag: { type: "string" },
        regels: { type: "string" },
        kolom: { type: "string", multiple: true },
        afronden: { type: "string" },
        schaal: { type: "string" },
        aanpassen: { type: "string", multiple: true },
        ontmoetingsruimten: { type: "string" },
        "wlz-complexen": { type: "string" },
        "zonder-plannen": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        versie: { type: "boolean" },
        version: { type: "boolean" },
      },
    });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const m = /'(--?[\w-]+)/.exec(msg);
    if (/Unknown option/i.test(msg)) throw new UsageError(`Onbekende optie ${m?.[1] ?? ""}.`.replace(" .", "."));
    if (/argument missing|requires an argument|value/i.test(msg)) throw new UsageError(`Optie ${m?.[1] ?? ""} heeft een waarde nodig.`);
    throw new UsageError("De opdracht is niet goed opgebouwd.");
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  if (values.versie || values.version) return { command: "versie" };
  const [cmd, ...rest] = positionals;
  if (cmd === undefined) return { command: "help" };
  if (cmd === "regels") return { command: "regels" };
  if (cmd !== "analyse") throw new UsageError(`Onbekende opdracht '${cmd}'. Bedoelt u 'analyse'?`);
  if (rest.length === 0) throw new UsageError("Geef de werkmap op: bat-bzk analyse <werkmap.xlsx>.");
  if (rest.length > 1) throw new UsageError(`Eén werkmap tegelijk; te veel argumenten: ${rest.slice(1).join(" ")}.`);

  const kolommen: MappingOverrides = {};
  for (const spec of values.kolom ?? []) {
    const eq = spec.indexOf("=");
    const veld = eq > 0 ? spec.slice(0, eq).trim() : "";
    const kop = eq > 0 ? spec.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1") : "";
    if (!veld || !kop) throw new UsageError(`--kolom verwacht veld=kop, bijvoorbeeld --kolom bat="BAT score"; kreeg '${spec}'.`);
    if (!(STOCK_FIELDS as readonly string[]).includes(veld)) {
      throw new UsageError(`Onbekend veld '${veld}' bij --kolom. Velden: ${STOCK_FIELDS.join(", ")}.`);
    }
    kolommen[veld as StockField] = kop;
  }
  let afronden: number | undefined;
  if (values.afronden !== undefined) {
    afronden = Number(values.afronden);
    if (!Number.isInteger(afronden) || afronden < 1) throw new UsageError(`--afronden verwacht een positief geheel getal, bijvoorbeeld 5; kreeg '${values.afronden}'.`);
  }
  let schaal: "limburg" | "vera" | undefined;
  if (values.schaal !== undefined) {
    if (values.schaal !== "limburg" && values.schaal !== "vera") throw new UsageError(`--schaal is 'limburg' (0-4) of 'vera' (BAT1-BAT5); kreeg '${values.schaal}'.`);
    schaal = values.schaal;
  }
  const watAls: WatAlsOptions = {};
  for (const spec of values.aanpassen ?? []) {
    const eq = spec.indexOf("=");
    const segment = eq >= 0 ? spec.slice(0, eq).trim() : null;
    const pct = percentage(eq >= 0 ? spec.slice(eq + 1) : spec, spec);
    if (segment === null) watAls.aanpassenPercentage = pct;
    else if (segment === "") throw new UsageError(`--aanpassen verwacht een percentage of segment=percentage, bijvoorbeeld --aanpassen huur=30; kreeg '${spec}'.`);
    else watAls.aanpassenPerSegment = { ...watAls.aanpassenPerSegment, [segment]: pct };
  }
  if (values.ontmoetingsruimten !== undefined) watAls.ontmoetingsruimten = count("--ontmoetingsruimten", values.ontmoetingsruimten);
  if (values["wlz-complexen"] !== undefined) watAls.wlzComplexen = count("--wlz-complexen", values["wlz-complexen"]);
  if (values["zonder-plannen"]) watAls.plannen = false;
  return {
    command: "analyse",
    werkmap: rest[0],
    uit: values.uit,
    json: values.json,
    voorraad: values.voorraad,
    vraag: values.vraag,
    regels: values.regels,
    kolommen,
    afronden,
    schaal,
    watAls,
  };
}

/** A percentage 0..100 ("30", "12,5", "30%"), or a UsageError. */
function percentage(text: string, spec: string): number {
  const t = text.trim().replace(/%$/, "").replace(",", ".");
  const n = t === "" ? NaN : Number(t);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--aanpassen verwacht een percentage van 0 tot en met 100, bijvoorbeeld 30 of huur=30; kreeg '${spec}'.`);
  return n;
}

/** A whole number ≥ 0, or a UsageError naming the option. */
function count(option: string, text: string): number {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isInteger(n) || n < 0) throw new UsageError(`${option} verwacht een geheel getal van 0 of meer, bijvoorbeeld 5; kreeg '${text}'.`);
  return n;
}
