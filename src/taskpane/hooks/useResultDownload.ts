/**
 * Browser page: the session writes a copy of the workbook with the result sheets of the last run
 * (the command line's streaming writer, in the worker: src/workbook/result-blob.ts) and the file
 * is handed to the browser as
 * `<name>-resultaat.xlsx`, with the what-if scenario of the results step's panel. No network is
 * involved.
 */
import { useCallback, useState } from "react";
import type { StoredSettings } from "../../workbook/port";
import { resultFileName } from "../../session/download";
import { errorMessage } from "../../session/errors";
import type { FileSession } from "../../session/session";
import type { Scenario } from "../../session/whatif-view";

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
  /** Resolves with true when the file was handed to the browser (false: the error is in the state). */
  download: (session: FileSession, settings: StoredSettings, inputName: string, scenario?: Scenario) => Promise<boolean>;
  reset: () => void;
} {
  const [state, setState] = useState<DownloadState>({ status: "idle", message: null });
  const download = useCallback(
    async (session: FileSession, settings: StoredSettings, inputName: string, scenario?: Scenario) => {
      setState({ status: "busy", message: null });
      try {
        const { file, outcome } = await session.resultFile(settings, scenario);
        const name = resultFileName(inputName);
        save(file, name);
        const extra = outcome.messages.length ? ` ${outcome.messages.join(" ")}` : "";
        setState({ status: "done", message: `Het bestand '${name}' staat klaar als download. Uw eigen bladen zijn ongewijzigd.${extra}` });
        return true;
      } catch (err) {
        setState({ status: "error", message: errorMessage(err) });
        return false;
      }
    },
    [save],
  );
  const reset = useCallback(() => setState({ status: "idle", message: null }), []);
  return { ...state, download, reset };
}
