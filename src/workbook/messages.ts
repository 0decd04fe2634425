/**
 * The Dutch messages that more than one workbook adapter (or a layer above them) gives for the
 * same situation, in one place so that the in-memory route (xlsx.ts), the file on disk
 * (xlsx-stream.ts), a browser `File` (xlsx-blob.ts) and the sessions say it in the same words.
 */
import { UserError } from "../domain/issues";

/**
 * The sentence for a sheet the workbook does not have.
 * @example sheetMissingText("Blad9") === "Blad 'Blad9' bestaat niet in de werkmap."
 */
export function sheetMissingText(name: string): string {
  return `Blad '${name}' bestaat niet in de werkmap.`;
}

/** The message of a cancelled read, run or write. `isCancellation` (session/errors.ts) recognises a
 * cancel by this text, so every layer takes it from here. */
export const CANCELLED_TEXT = "Analyse geannuleerd.";

/** The error for a cancelled read, run or write ({@link CANCELLED_TEXT}). */
export function cancelled(): UserError {
  return new UserError(CANCELLED_TEXT);
}

/** The error for a sheet the workbook does not have ({@link sheetMissingText}). */
export function sheetMissing(name: string): UserError {
  return new UserError(sheetMissingText(name));
}

/**
 * The error for a file that is not a readable .xlsx workbook (and no other kind of file a
 * closer look recognised, see container.ts).
 * @param label how the file is named in messages, e.g. "Bestand 'voorraad.xlsx'".
 */
export function unreadableWorkbook(label: string): UserError {
  return new UserError(`${label} is geen leesbare Excel-werkmap (.xlsx); open het bestand in Excel en sla het op als Excel-werkmap.`);
}
