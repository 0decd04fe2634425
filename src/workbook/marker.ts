/**
 * How the product recognises its own sheets and keeps its settings in a workbook, shared by the
 * ExcelJS and Office.js adapters.
 *
 * A very hidden worksheet named `_batbzk` holds, from row 2 down (columns A-D):
 * - `blad | <kind> | <sheet name> | <worksheet id>` for each result sheet we wrote;
 * - `bewaard | <kind> | <sheet name> | <worksheet id>` for an earlier result sheet that the user
 *   renamed (e.g. "Tekort" → "Tekort oud"): we keep it as it is and never replace it, but it is
 *   still our output, so it is not read as input;
 * - `metablad | | | <worksheet id>`: the id of the meta sheet itself when it was written;
 * - `instellingen | <part> | <JSON text>` for the saved settings (the JSON split over cells of at
 *   most 30,000 characters, under Excel's 32,767 limit).
 * Column D (Office.js `Worksheet.id`) is written only by the Office.js adapter; the file routes
 * write three columns, and meta sheets from older versions have none. Both still work, by name.
 *
 * A sheet counts as ours only when it is listed here; a user's sheet that merely has the same
 * name is never replaced. `resolveOwnSheets` decides which sheets of a workbook are ours:
 * - by worksheet id when the ids are valid, which is when the meta sheet's own recorded id equals
 *   its id now. Office documents `Worksheet.id` as unique and unchanged by renames and moves, but
 *   Excel may give every sheet a new id when a file is reopened (OfficeDev/office-js-docs#297,
 *   OfficeDev/office-js#1390); the meta sheet's id tells us whether that happened. With valid
 *   ids, a user who renames our "Tekort" and makes a sheet "Tekort" of their own keeps both: the
 *   renamed one becomes `bewaard`, the new one is theirs;
 * - otherwise by name, as before ids were recorded.
 */
import { SHEET_KINDS, type SheetKind } from "../report/sheet-model";
import type { StoredSettings } from "./port";

export const META_SHEET = "_batbzk";
export const META_TITLE = "BAT → BZK woonvoorraad: administratie van de invoegtoepassing (niet wijzigen)";
const CHUNK = 30000;
const KINDS: readonly SheetKind[] = SHEET_KINDS;

/** A result sheet as listed in the meta sheet. */
export interface MetaSheet {
  kind: SheetKind;
  /** Sheet name when it was written (or last seen). */
  name: string;
  /** Office.js `Worksheet.id` when written through Office.js; null otherwise. */
  id: string | null;
  /** True for an earlier result sheet that the user renamed (`bewaard`): kept, never replaced. */
  kept: boolean;
}

/** Parsed content of the meta sheet. */
export interface MetaContent {
  /** kind → name of our current result sheet (the `blad` rows). */
  sheets: Partial<Record<SheetKind, string>>;
  /** Every `blad` and `bewaard` row, with its id (always set by `parseMeta`; optional so that
   * callers may build a MetaContent from `sheets` alone). */
  entries?: MetaSheet[];
  /** The meta sheet's own worksheet id when it was written (Office.js route), else null. */
  metaId?: string | null;
  settings: StoredSettings | null;
}

const idOf = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Reads the meta sheet's rows (values of columns A..D from row 2; a missing column D is fine).
 * Unknown rows are ignored; settings that are not valid JSON are treated as absent. */
export function parseMeta(rows: unknown[][]): MetaContent {
  const sheets: Partial<Record<SheetKind, string>> = {};
  const entries: MetaSheet[] = [];
  let metaId: string | null = null;
  const parts: string[] = [];
  for (const r of rows) {
    const tag = r[0];
    if ((tag === "blad" || tag === "bewaard") && KINDS.includes(r[1] as SheetKind) && typeof r[2] === "string" && r[2] !== "") {
      const kept = tag === "bewaard";
      if (!kept) sheets[r[1] as SheetKind] = r[2];
      entries.push({ kind: r[1] as SheetKind, name: r[2], id: idOf(r[3]), kept });
    } else if (tag === "metablad") {
      metaId = idOf(r[3]);
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
  return { sheets, entries, metaId, settings };
}

/** Worksheet ids to record with the meta rows (Office.js route only). */
export interface MetaIds {
  /** kind → `Worksheet.id` of the result sheet written. */
  sheets: Partial<Record<SheetKind, string>>;
  /** Earlier result sheets kept under another name, with their ids. */
  kept: MetaSheet[];
  /** `Worksheet.id` of the meta sheet itself. */
  metaId: string;
}

/**
 * Rows (from row 1) to write into the meta sheet for the given result sheets and settings.
 * Without `ids` (the file routes) every row has three columns, as before; with `ids` every row
 * has four (column D: worksheet id) and the `bewaard` and `metablad` rows are added.
 */
export function metaRows(sheets: Partial<Record<SheetKind, string>>, settings: StoredSettings, ids?: MetaIds): string[][] {
  const pad = (row: string[]): string[] => (ids ? [...row, ""].slice(0, 4) : row);
  const rows: string[][] = [pad([META_TITLE, "", ""])];
  for (const kind of KINDS) {
    const name = sheets[kind];
    if (name) rows.push(ids ? ["blad", kind, name, ids.sheets[kind] ?? ""] : ["blad", kind, name]);
  }
  if (ids) {
    for (const k of ids.kept) rows.push(["bewaard", k.kind, k.name, k.id ?? ""]);
    rows.push(["metablad", "", "", ids.metaId]);
  }
  const json = JSON.stringify(settings);
  for (let i = 0, part = 1; i < json.length; i += CHUNK, part++) {
    rows.push(pad(["instellingen", String(part), json.slice(i, i + CHUNK)]));
  }
  return rows;
}

/** A worksheet as the Office.js adapter sees it: name and `Worksheet.id`. */
export interface SheetRef {
  name: string;
  id: string;
}

/** Which sheets of a workbook are ours, per the meta sheet (see the module comment). */
export interface OwnSheets {
  /** kind → name of our current result sheet: replaced by the next write. */
  current: Partial<Record<SheetKind, string>>;
  /** Earlier result sheets renamed by the user, under their names now: left alone, not input. */
  kept: MetaSheet[];
  /** Dutch messages about result sheets found renamed since the last write. */
  messages: string[];
  /** "id" when the recorded ids were valid, "naam" when sheets were recognised by name. */
  by: "id" | "naam";
}

/**
 * Decides which sheets of the workbook are ours.
 * @param meta the parsed meta sheet.
 * @param sheets the workbook's sheets now (the meta sheet may be among them; it is never ours
 *   in this sense).
 * @param metaSheetId the meta sheet's `Worksheet.id` now (null when there is none).
 * @returns current and kept result sheets by their names now, and messages.
 */
export function resolveOwnSheets(meta: MetaContent, sheets: readonly SheetRef[], metaSheetId: string | null): OwnSheets {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const candidates = sheets.filter((s) => !same(s.name, META_SHEET));
  const byId = !!meta.metaId && metaSheetId !== null && meta.metaId === metaSheetId;
  const out: OwnSheets = { current: {}, kept: [], messages: [], by: byId ? "id" : "naam" };
  const entries: MetaSheet[] =
    meta.entries ?? (Object.entries(meta.sheets) as [SheetKind, string][]).map(([kind, name]) => ({ kind, name, id: null, kept: false }));
  for (const e of entries) {
    const found = byId && e.id !== null ? candidates.find((s) => s.id === e.id) : candidates.find((s) => same(s.name, e.name));
    if (!found) continue;
    if (!e.kept && same(found.name, e.name) && out.current[e.kind] === undefined) {
      out.current[e.kind] = found.name;
      continue;
    }
    if (!e.kept) {
      out.messages.push(
        `Het blad '${found.name}' is een eerder resultaat (blad '${e.name}') dat een andere naam heeft gekregen. Het blijft zoals het is en wordt niet meer bijgewerkt.`,
      );
    }
    out.kept.push({ kind: e.kind, name: found.name, id: found.id, kept: true });
  }
  return out;
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
