/**
 * Turning anything thrown into a plain Dutch sentence for a MessageBar. Errors are always shown
 * to the user, never only logged.
 */
import { UserError } from "../domain/issues";
import { CANCELLED_TEXT } from "../workbook/messages";

/** The text the run step shows when a run is cancelled (the pipeline's own message). */
export const CANCELLED_MESSAGE = CANCELLED_TEXT;

/** True for the pipeline's cancellation error. */
export function isCancellation(err: unknown): boolean {
  return err instanceof UserError && err.message === CANCELLED_MESSAGE;
}

/**
 * A Dutch message for an error: a `UserError`'s own text, otherwise a general sentence with the
 * technical detail at the end (useful when the user reports it).
 */
export function errorMessage(err: unknown): string {
  if (err instanceof UserError) return err.message;
  const detail = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  return `Er ging iets mis dat niet had mogen gebeuren. Probeer het opnieuw; blijft het misgaan, geef dan deze melding door${detail ? `: ${detail}` : "."}`;
}
