/**
 * How the product recognises its own sheets and keeps its settings in a workbook, shared by the
 * ExcelJS and Office.js adapters.
 *
 * A very hidden worksheet named `_batbzk` holds, from row 2 down: `blad | <kind> | <sheet name>`
 * for each result sheet we wrote, and `instellingen | <part> | <JSON text>` for the saved settings
 * (the JSON split over cells of at most 30,000 characters, under Excel's 32,767 limit).
 * A sheet counts as ours only when it is listed here; a user's sheet that merely has the same
 * name is never replaced.
 */
import type { SheetKind } from "../report/sheet-model";
import type { StoredSettings } from "./port";

export const META_SHEET = "_batbzk";
export const META_TITLE = "BAT → BZK woonvoorraad: administratie van de invoegtoepassing (niet wijzigen)";
const CHUNK = 30000;
const KINDS: SheetKind[] = ["bzk-indeling", "tekort", "aanpassingspotentieel", "controle"];

/** Parsed content of the meta sheet. */
export interface MetaContent {
  sheets: Partial<Record<SheetKind, string>>;
  settings: StoredSettings | null;
}

/** Reads the meta sheet's rows (values of columns A..C from row 2). Unknown rows are ignored;
 * settings that are not valid JSON are treated as absent. */
export function parseMeta(rows: unknown[][]): MetaContent {
  const sheets: Partial<Record<SheetKind, string>> = {};
  const parts: string[] = [];
  for (const r of rows) {
    const tag = r[0];
    if (tag === "blad" && KINDS.includes(r[1] as SheetKind) && typeof r[2] === "string") {
      sheets[r[1] as SheetKind] = r[2];
    } else if (tag === "instellingen" && typeof r[2] === "string") {
      parts.push(r[2]);
    }
  }
  let settings: StoredSettings | null = null;
  if (parts.length > 0) {
    try {
      const parsed: unknown = JSON.parse(parts.join(""));
      if (parsed && typeof parsed === "object") settings = parsed as StoredSettings;
    } catch {
      settings = null;
    }
  }
  return { sheets, settings };
}

/** Rows (from row 1) to write into the meta sheet for the given result sheets and settings. */
export function metaRows(sheets: Partial<Record<SheetKind, string>>, settings: StoredSettings): string[][] {
  const rows: string[][] = [[META_TITLE, "", ""]];
  for (const kind of KINDS) {
    const name = sheets[kind];
    if (name) rows.push(["blad", kind, name]);
  }
  const json = JSON.stringify(settings);
  for (let i = 0, part = 1; i < json.length; i += CHUNK, part++) {
    rows.push(["instellingen", String(part), json.slice(i, i + CHUNK)]);
  }
  return rows;
}

/**
 * Chooses the sheet name for a result sheet: our previous sheet of that kind keeps its name;
 * otherwise the preferred name, or "<name> (2)", "(3)", ... when a sheet that is not ours has it.
 * Names are compared case-insensitively, as Excel does.
 * @returns the name and, when it differs from the preferred one, a Dutch message saying why.
 */
export function chooseSheetName(
  preferred: string,
  existingNames: string[],
  ownNames: Set<string>,
): { name: string; message: string | null } {
  const taken = new Set(existingNames.filter((n) => !ownNames.has(n)).map((n) => n.toLowerCase()));
  if (!taken.has(preferred.toLowerCase())) return { name: preferred, message: null };
  for (let i = 2; ; i++) {
    const candidate = `${preferred} (${i})`;
    if (!taken.has(candidate.toLowerCase())) {
      return {
        name: candidate,
        message: `Er staat al een eigen blad '${preferred}' in de werkmap; dat blijft ongewijzigd. Het resultaat staat op blad '${candidate}'.`,
      };
    }
  }
}
