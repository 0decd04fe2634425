/**
 * The receiver of the input sheets during the reading pass of an .xlsx
 * (src/analysis/xlsx-pass.ts): the command line's `--uit` copy (src/workbook/xlsx-stream-writer.ts)
 * implements it, so that the output workbook is written in the same pass as the analysis reads.
 * A sheet is either copied as stored (its part taken from the input's zip, no rows needed) or
 * row by row.
 */
import { UserError } from "../domain/issues";
import { containerMessage } from "./container";
import type { SheetRow } from "./sheet-xml";
import type { StreamedSheet, WorkbookInfo, ZipParts } from "./xlsx-parts";

/** Receives the input sheets during the pass (the `--uit` copy). */
export interface SheetCopyTarget {
  /** Before the first sheet: the input package (for its styles, shared strings, theme and the
   * sheets' stored parts) and what the reader found in its workbook part. */
  startWorkbook?(zip: ZipParts, info: WorkbookInfo): void | Promise<void>;
  /** A sheet starts; returns what receives its rows. */
  startSheet(sheet: StreamedSheet): SheetCopy | Promise<SheetCopy>;
}

/** One sheet being copied. */
export interface SheetCopy {
  /** One row (its arrays are reused after the call; read with `withFormat`). Absent when the
   * sheet was copied as stored: then the pass reads the sheet for the analysis only. */
  row?(row: SheetRow): void | Promise<void>;
  /**
   * Throws the copy's failure if it has already failed (e.g. the disk is full while the sheet is
   * copied as stored, behind the pass): the pass calls it every {@link COPY_CHECK_ROWS} rows, so
   * that it stops early instead of reading the rest of the sheet first.
   * @throws the copy's (or an earlier entry's) error; nothing when all is well.
   */
  check?(): void;
  end(): void | Promise<void>;
}

/** Rows the pass reads between two calls of {@link SheetCopy.check} (a power of two: a mask). */
export const COPY_CHECK_ROWS = 256;

/**
 * A copy that failed because the input could not be read (a damaged part found while copying it
 * as stored): the pass reports it as an unreadable input, not as a failure to write the output.
 */
export class CopySourceError extends Error {
  constructor(readonly original: unknown) {
    super("the input could not be read for the copy");
  }
}

/** Awaits a read of the input made for the copy; its failure becomes a {@link CopySourceError}. */
export async function fromSource<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    throw new CopySourceError(err);
  }
}

/**
 * What a failed write of the result workbook tells the user. A {@link CopySourceError} (the input
 * could not be read while it was copied: a damaged part) becomes the one-line Dutch message of an
 * unreadable file, the same as the reading pass gives ("Bestand 'x.xlsx' is beschadigd ..."), or
 * the input's own Dutch message when reading gave one (in the browser: a file that can no longer
 * be read since it was chosen). Any other failure is returned as it is.
 * @param label how to name the file, e.g. "Bestand 'voorraad.xlsx'".
 * @param onDebug receives the raw error behind the message (BAT_BZK_DEBUG on the command line).
 */
export function forUser(err: unknown, label: string, onDebug?: (err: unknown) => void): unknown {
  if (!(err instanceof CopySourceError)) return err;
  onDebug?.(err.original);
  return err.original instanceof UserError ? err.original : new UserError(containerMessage("zip", label));
}
