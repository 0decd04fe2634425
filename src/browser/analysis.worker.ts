/**
 * Entry of the browser page's Web Worker (webpack 5 bundles it from
 * `new Worker(new URL("./analysis.worker.ts", import.meta.url))` in index.tsx): reading the
 * .xlsx (the command line's fast reader over the File, src/session/xlsx-session.ts), ingest,
 * the domain and writing the result workbook all run here, so the page only renders. It loads its own script from the page's origin and nothing else; it makes
 * no network request (the file arrives as a File from the page, the result leaves as bytes).
 */
import { openXlsxSession } from "../session/xlsx-session";
import { createAnalysisService } from "./analysis-service";
import type { WorkerReply } from "./protocol";

/** The part of the worker's global scope used here (the project's type library is the DOM's). */
interface WorkerScope {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const service = createAnalysisService((reply) => scope.postMessage(reply), openXlsxSession);
scope.onmessage = (event) => service.receive(event.data);
