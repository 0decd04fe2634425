/**
 * Browser page: writes the result sheets into the opened workbook (in memory) and hands the
 * bytes to the browser as `<name>-resultaat.xlsx`. No network is involved.
 */
import { useCallback, useState } from "react";
import type { AnalysisResult } from "../../pipeline";
import { buildSheets } from "../../report/sheets";
import type { StoredSettings } from "../../workbook/port";
import { resultFileName } from "../download";
import { errorMessage } from "../errors";
import type { FilePort } from "../open-file";

/** State of the download. */
export interface DownloadState {
  status: "idle" | "busy" | "done" | "error";
  /** Dutch confirmation or error message. */
  message: string | null;
}

/**
 * @param save hands the bytes to the browser (default: a Blob URL download).
 * @returns the state and `download(...)`.
 */
export function useResultDownload(save: (bytes: Uint8Array, fileName: string) => void): DownloadState & {
  download: (port: FilePort, result: AnalysisResult, settings: StoredSettings, inputName: string) => Promise<void>;
  reset: () => void;
} {
  const [state, setState] = useState<DownloadState>({ status: "idle", message: null });
  const download = useCallback(
    async (port: FilePort, result: AnalysisResult, settings: StoredSettings, inputName: string) => {
      setState({ status: "busy", message: null });
      try {
        const outcome = await port.writeResults(buildSheets(result, { afronden: result.rules.tekort.afronden }), settings);
        const bytes = await port.toBuffer();
        const name = resultFileName(inputName);
        save(bytes, name);
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
