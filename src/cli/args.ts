/**
 * Argument parsing for `bat-bzk` (contract: shared/spec/cli-json.md), on Node's own
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
}

/** Other commands: help, version, print the default rules. */
export type Command = AnalyseCommand | { command: "help" } | { command: "versie" } | { command: "regels" };

/** Usage text shown by `bat-bzk --help` and after a usage error (Dutch). */
export const USAGE = `Gebruik:
  bat-bzk analyse <werkmap.xlsx> [--uit <resultaat.xlsx>] [--json <pad>|-]
                  [--voorraad <blad>] [--vraag <blad>] [--regels <regels.json>]
                  [--kolom <veld>=<kop>]... [--afronden 5] [--schaal limburg|vera]
  bat-bzk regels        toont de standaardregels als JSON (om aan te passen voor --regels)
  bat-bzk --help | --versie

Voorbeeld:
  bat-bzk analyse voorraad.xlsx --uit resultaat.xlsx --kolom bat="BAT score"

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
  };
}
