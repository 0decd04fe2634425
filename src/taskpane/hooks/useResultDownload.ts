/**
 * Browser page: the session writes the result sheets of the last run into its copy of the
 * workbook (in memory, in the worker) and the bytes are handed to the browser as
 * `<name>-resultaat.xlsx`. No network is involved.
 */
import { useCallback, useState } from "react";
import type { StoredSettings } from "../../workbook/port";
import { resultFileName } from "../download";
import { errorMessage } from "../errors";
import type { FileSession } from "../session";

/** State of the download. */
export interface DownloadState {
  status: "idle" | "busy" | "done" | "error";
  /** Dutch confirmation or error message. */
  message: string | null;
}

/**
 * @param save hands the file to the browser (default: a Blob URL download).
 * @returns the state and `download(...)`.
 */
export function useResultDownload(save: (file: Blob, fileName: string) => void): DownloadState & {
  download: (session: FileSession, settings: StoredSettings, inputName: string) => Promise<void>;
  reset: () => void;
} {
  const [state, setState] = useState<DownloadState>({ status: "idle", message: null });
  const download = useCallback(
    async (session: FileSession, settings: StoredSettings, inputName: string) => {
      setState({ status: "busy", message: null });
      try {
        const { file, outcome } = await session.resultFile(settings);
        const name = resultFileName(inputName);
        save(file, name);
        const extra = outcome.messages.length ? ` ${outcome.messages.join(" ")}` : "";
        setState({ status: "done", message: `Het bestand '${name}' staat klaar als download. Uw eigen bladen zijn ongewijzigd.${extra}` });
      } catch (err) {
        setState({ status: "error", message: errorMessage(err) });
      }
    },
    [save],
  );
  const reset = useCallback(() => setState({ status: "idle", message: null }), []);
  return { ...state, download, reset };
}
