/**
 * "Huidige selectie": the user's selection in Excel offered to the pipeline as one more sheet.
 *
 * The selection is read once, when the user picks it, and kept: clicking elsewhere in Excel
 * afterwards (for instance on a result sheet) does not change what is analysed. The cells keep
 * the name of the sheet they are on and their position, so every message and every "bron"
 * address points at the real cells.
 */
import type { RawTable } from "../ingest/types";
import type { SheetInfo, StoredSettings, WorkbookPort, WorkbookReader } from "../workbook/port";
import { UserError } from "../domain/issues";

/** The name under which the selection is listed. */
export const SELECTION_SHEET = "Huidige selectie";

/** A reader that lists the workbook's sheets plus the kept selection as "Huidige selectie". */
export class SelectionReader implements WorkbookReader {
  /**
   * @param base the workbook's reader.
   * @param selection the selection as read (its `sheet` is the sheet it is on).
   */
  constructor(
    private readonly base: WorkbookReader,
    readonly selection: RawTable,
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    const sheets = (await this.base.listSheets()).filter((s) => s.name !== SELECTION_SHEET);
    const columnCount = this.selection.values.reduce((m, r) => Math.max(m, r.length), 0);
    return [...sheets, { name: SELECTION_SHEET, rowCount: this.selection.values.length, columnCount, resultKind: null }];
  }

  async readSheet(name: string): Promise<RawTable> {
    if (name !== SELECTION_SHEET) return this.base.readSheet(name);
    return { ...this.selection, values: this.selection.values.map((r) => r.slice()) };
  }

  readSettings(): Promise<StoredSettings | null> {
    return this.base.readSettings();
  }
}

/**
 * Reads the current selection through the port and wraps the port's reader.
 * @throws UserError (Dutch) when the port cannot read a selection, or the selection is empty.
 */
export async function readSelectionAsSheet(port: WorkbookPort): Promise<SelectionReader> {
  if (!port.readSelection) throw new UserError("De huidige selectie kan hier niet worden gelezen.");
  const selection = await port.readSelection();
  if (selection.values.length === 0 || selection.values.every((r) => r.every((v) => v === null || v === ""))) {
    throw new UserError("De selectie is leeg. Selecteer in Excel de voorraadtabel met de kopregel erbij en kies dan opnieuw 'Huidige selectie'.");
  }
  return new SelectionReader(port, selection);
}
