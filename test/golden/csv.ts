/** Reads the published tables in ../shared/domain/data for golden tests (expected values are
 * computed from these files at test time, never copied from the program's output). */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DATA_DIR } from "../support/paths";

/** Parses a simple comma-separated file with a header row into records of strings. */
export function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path.join(DATA_DIR, name), "utf8").trim().split(/\r?\n/);
  const keys = header.split(",");
  return lines.map((l) => {
    const cells = l.split(",");
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ""]));
  });
}
