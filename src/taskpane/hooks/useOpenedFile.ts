/**
 * The workbook file opened on the browser page: opening it into a session (with a busy flag and
 * a Dutch message when that fails), and closing the previous session (and its worker) when the
 * next file is opened or the page goes.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "../../session/errors";
import type { OpenFile } from "../../session/open-file";
import type { FileSession } from "../../session/session";

/** The opened file and how to open the next. */
export interface OpenedFile {
  file: { session: FileSession; name: string } | null;
  busy: boolean;
  /** Dutch message when the last file could not be opened. */
  error: string | null;
  /** Opens a file; `onOpened` (of the hook) runs before it becomes the current one. */
  open: (chosen: File) => Promise<void>;
  /** True once after a file was opened (then false until the next): for moving the focus. */
  takeJustOpened: () => boolean;
}

/**
 * @param openFile turns a file into a session (the page's worker, or on the page).
 * @param onOpened called when a file has been opened, before it replaces the current one (reset
 *   what belonged to the previous workbook).
 */
export function useOpenedFile(openFile: OpenFile, onOpened: () => void): OpenedFile {
  const [file, setFile] = useState<{ session: FileSession; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const justOpened = useRef(false);
  // The opened file's session (and its worker) ends with the next file or with the page.
  useEffect(() => () => file?.session.close(), [file]);
  const open = async (chosen: File) => {
    setBusy(true);
    setError(null);
    try {
      const opened = await openFile(chosen);
      onOpened();
      justOpened.current = true;
      setFile({ session: opened, name: chosen.name });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const takeJustOpened = useCallback(() => {
    const was = justOpened.current;
    justOpened.current = false;
    return was;
  }, []);
  return { file, busy, error, open, takeJustOpened };
}
