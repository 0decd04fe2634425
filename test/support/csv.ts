/**
 * The published tables in ../shared/domain/data (`DATA_DIR`), read with csv-parse: one reader
 * for every test. The files have a header row and are comma-separated, except the VERA
 * reference data, which uses ";" (the delimiter is the one the header row uses). A BOM, quoted
 * fields, "\r\n" line ends and spaces around a field are handled; empty lines are skipped; a row
 * with more or fewer fields than the header is an error, not a silent "".
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { DATA_DIR } from "./paths";

function text(name: string): { text: string; delimiter: string } {
  const t = readFileSync(path.join(DATA_DIR, name), "utf8");
  const firstLine = t.slice(0, t.search(/\r?\n|$/));
  return { text: t, delimiter: firstLine.includes(";") ? ";" : "," };
}

/**
 * The file `name` as rows of text, the header row first.
 * @example readCsvTable("parkstad-aanbod-2023.csv")[0] → ["groep", "woonvorm", "2023"]
 * @throws Error when the file is missing or a row's length differs from the header's.
 */
export function readCsvTable(name: string): string[][] {
  const { text: t, delimiter } = text(name);
  return parse(t, { bom: true, delimiter, skip_empty_lines: true, trim: true }) as string[][];
}

/**
 * The file `name` as records keyed by the header's texts, one per row below the header.
 * @example readCsv("parkstad-aanbod-2023.csv")[0] → { groep: "ouderen", woonvorm: "regulier wonen", "2023": "117250" }
 * @throws Error when the file is missing or a row's length differs from the header's.
 */
export function readCsv(name: string): Record<string, string>[] {
  const { text: t, delimiter } = text(name);
  return parse(t, { bom: true, delimiter, skip_empty_lines: true, trim: true, columns: true }) as Record<string, string>[];
}
