/**
 * A copy-only pass over an .xlsx: the input's sheets handed to a `SheetCopyTarget` (the result
 * writer, src/workbook/xlsx-stream-writer.ts) without analysing anything. The browser page's
 * download (src/session/xlsx-session.ts) runs it after the analysis, over the same file, so that
 * the result file is written as the command line writes `--uit`, in one streaming pass.
 *
 * The sheets are visited as the reading pass of src/analysis/xlsx-pass.ts visits them: the meta
 * sheet `_batbzk` first (read, not copied: it says which sheets are our own result sheets of an
 * earlier run, which are skipped unread, so that they are replaced), then every other worksheet
 * in workbook order. A sheet the target copies as stored is not read at all here (the target
 * copies its compressed bytes); only a sheet it re-generates is scanned, row by row with the
 * cells' formats. No classification, no stock reader: a stock of a million rows copied as stored
 * costs reading its compressed bytes once.
 */
import { UserError } from "../domain/issues";
import { containerMessage } from "./container";
import { META_SHEET, parseMeta } from "./marker";
import { COPY_CHECK_ROWS, type SheetCopy, type SheetCopyTarget } from "./sheet-copy";
import { readWorkbookInfo, worksheets, type ZipParts } from "./xlsx-parts";

/** A failure of the copy target (as opposed to reading the input), kept apart while the pass unwinds. */
class TargetFailure extends Error {
  constructor(readonly original: unknown) {
    super("copy target failed");
  }
}

/** Runs one step of the target; its failure becomes a {@link TargetFailure}. */
async function targetStep<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw new TargetFailure(err);
  }
}

/** What {@link copyWorkbook} copied. */
export interface CopiedSheets {
  /** The input sheets handed to the target, in the order it received them (workbook order). */
  sheets: string[];
  /** Our own result sheets of an earlier run, left out (they are replaced). */
  ownSkipped: string[];
}

/**
 * Copies every input sheet of an .xlsx to `target` (see the module comment): `startWorkbook`,
 * then per sheet `startSheet`, its rows when the copy wants them, `check` every
 * {@link COPY_CHECK_ROWS} rows, and `end`.
 *
 * @param open opens the package (its failure is reported as an unreadable file).
 * @param target receives the sheets (the result writer).
 * @param label how to name the file in messages, e.g. "Bestand 'voorraad.xlsx'".
 * @throws UserError (Dutch, one line) when the input cannot be read (damaged, or no longer
 *   readable); whatever the target throws, as it threw it (a `CopySourceError` among them: see
 *   sheet-copy.ts `forUser` for its message).
 */
export async function copyWorkbook(open: () => Promise<ZipParts>, target: SheetCopyTarget, label: string): Promise<CopiedSheets> {
  const copied: CopiedSheets = { sheets: [], ownSkipped: [] };
  try {
    const zip = await open();
    const info = await readWorkbookInfo(zip);
    if (target.startWorkbook) await targetStep(() => target.startWorkbook!(zip, info));
    let own = new Set<string>();
    for await (const sheet of worksheets(zip, info)) {
      if (sheet.name === META_SHEET) {
        const rows: unknown[][] = [];
        await sheet.read((row) => {
          if (row.number > 1) rows.push([0, 1, 2].map((c) => row.values[c] ?? null));
        });
        own = new Set(Object.values(parseMeta(rows).sheets) as string[]);
        continue;
      }
      if (own.has(sheet.name)) {
        copied.ownSkipped.push(sheet.name);
        continue;
      }
      const copy: SheetCopy = await targetStep(() => target.startSheet(sheet));
      copied.sheets.push(sheet.name);
      const onRow = copy.row?.bind(copy);
      if (onRow) {
        let n = 0;
        await sheet.read((row) => {
          let pending: void | Promise<void>;
          try {
            if (copy.check && (++n & (COPY_CHECK_ROWS - 1)) === 0) copy.check();
            pending = onRow(row);
          } catch (err) {
            throw new TargetFailure(err);
          }
          if (pending) return pending.catch((err: unknown) => Promise.reject(new TargetFailure(err)));
        }, { withFormat: true });
      }
      await targetStep(() => copy.end());
    }
  } catch (err) {
    if (err instanceof TargetFailure) throw err.original;
    if (err instanceof UserError) throw err;
    // The file was analysed before: it is damaged where the analysis did not look, or changed.
    throw new UserError(containerMessage("zip", label));
  }
  return copied;
}
