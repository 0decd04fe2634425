/**
 * Excel route: "Huidige selectie" as the stock table. Reads the selection through the port
 * when the user picks it (and again on "Opnieuw inlezen") and keeps it in a SelectionReader.
 */
import { useCallback, useState } from "react";
import { cellAddress } from "../../domain/issues";
import { nlInt } from "../../report/format";
import type { WorkbookPort } from "../../workbook/port";
import { errorMessage } from "../../session/errors";
import { readSelectionAsSheet, type SelectionReader } from "../selection-reader";

/** State of the kept selection. */
export interface SelectionState {
  reader: SelectionReader | null;
  busy: boolean;
  /** Dutch message when the selection could not be read. */
  error: string | null;
  /** Dutch description of the kept selection, e.g. "Selectie op blad 'Blad1' vanaf cel B3: 120 rijen." */
  text: string | null;
}

/**
 * @param port the workbook; the selection is offered only when it has `readSelection`.
 * @returns the state, `available`, `read()` (true when it worked) and `clear()`.
 */
export function useSelection(port: WorkbookPort | null): SelectionState & { available: boolean; read: () => Promise<boolean>; clear: () => void } {
  const [state, setState] = useState<SelectionState>({ reader: null, busy: false, error: null, text: null });
  const read = useCallback(async () => {
    if (!port) return false;
    setState((s) => ({ ...s, busy: true, error: null }));
    try {
      const reader = await readSelectionAsSheet(port);
      const sel = reader.selection;
      const text = `Selectie op blad '${sel.sheet}' vanaf cel ${cellAddress(sel.originRow, sel.originCol)}: ${nlInt(sel.values.length)} rijen.`;
      setState({ reader, busy: false, error: null, text });
      return true;
    } catch (err) {
      setState({ reader: null, busy: false, error: errorMessage(err), text: null });
      return false;
    }
  }, [port]);
  const clear = useCallback(() => setState({ reader: null, busy: false, error: null, text: null }), []);
  return { ...state, available: Boolean(port?.readSelection), read, clear };
}
