/**
 * The receiver of the input sheets, row by row, during the reading pass of an .xlsx
 * (src/analysis/xlsx-pass.ts): the command line's `--uit` copy (src/workbook/xlsx-stream-writer.ts)
 * implements it, so that the output workbook is written in the same pass as the analysis reads.
 */
import type { SheetRow } from "./sheet-xml";
import type { StreamedSheet } from "./xlsx-parts";

/** Receives the input sheets, row by row, during the pass (the `--uit` copy). */
export interface SheetCopyTarget {
  /** Before the first sheet: the input's styles part (XML text, or null), so that the copy can
   * give each cell its style (a `SheetRow`'s `styles` are indexes into it). */
  startWorkbook?(stylesXml: string | null, richText: ReadonlyMap<number, string>): void | Promise<void>;
  /** A sheet starts; returns what receives its rows. */
  startSheet(sheet: StreamedSheet): SheetCopy;
}

/** One sheet being copied. */
export interface SheetCopy {
  /** One row (its arrays are reused after the call; read with `withFormat`). */
  row(row: SheetRow): void | Promise<void>;
  end(): void | Promise<void>;
}
