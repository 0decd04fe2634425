/**
 * The browser page's work, inside its Web Worker: one opened .xlsx (read with the fast reader,
 * src/session/xlsx-session.ts) and the requests of protocol.ts on it, answered one at a time,
 * in order. Transport-free: the worker
 * entry (analysis.worker.ts) wires it to postMessage, the tests call it directly.
 */
import { UserError } from "../domain/issues";
import type { FileSession } from "../session/session";
import { RequestSchema, zodProblems, type Replies, type RequestKind, type WorkerReply, type WorkerRequest } from "./protocol";

/** Sends a reply to the page. */
export type PostReply = (reply: WorkerReply) => void;

/** Opens the chosen .xlsx file as a session (default openXlsxSession; the tests may pass
 * another). The file is a `File`: the session reads it in slices, never whole. */
export type OpenSession = (file: Blob, fileName: string) => Promise<FileSession>;

/** Shown when a request comes before any workbook was opened (a bug in the page). */
const NOT_OPEN = "Er is geen werkmap geopend. Open de werkmap opnieuw.";

/** The worker's side: `receive` takes each message as it arrives. */
export interface AnalysisService {
  receive(data: unknown): void;
  /** Resolves when every request received so far has been answered (tests). */
  idle(): Promise<void>;
}

/** The id of a message that failed validation, when it has one, so the page can match the reply. */
function idOf(data: unknown): number {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === "number" && Number.isInteger(id) && id >= 0 ? id : 0;
}

/**
 * Creates the service.
 * @param post sends a reply to the page.
 * @param open opens the bytes of the chosen file as a session.
 */
export function createAnalysisService(post: PostReply, open: OpenSession): AnalysisService {
  let session: FileSession | null = null;
  // Why the last open failed: later requests fail with the same message.
  let openError: unknown = null;
  let queue: Promise<void> = Promise.resolve();

  const current = (): FileSession => {
    if (session) return session;
    throw openError ?? new UserError(NOT_OPEN);
  };

  /** The reply to a request; `kind` only ties the value's type to the request's. */
  const done = <K extends RequestKind>(id: number, kind: K, value: Replies[K]) => {
    void kind;
    post({ id, kind: "done", value });
  };

  async function answer(request: WorkerRequest): Promise<void> {
    const { id } = request;
    switch (request.kind) {
      case "open": {
        session?.close();
        session = null;
        openError = null;
        try {
          session = await open(request.file, request.name);
        } catch (err) {
          openError = err;
          throw err;
        }
        return done(id, "open", null);
      }
      case "describe":
        return done(id, "describe", await current().describe());
      case "preview":
        return done(id, "preview", await current().preview(request.sheet, request.rules, request.overrides));
      case "analyse": {
        // Never aborted here: the page cancels a run by terminating the worker.
        const signal = new AbortController().signal;
        const summary = await current().analyse(request.options, (stap, fractie) => post({ id, kind: "progress", stap, fractie }), signal);
        return done(id, "analyse", summary);
      }
      case "whatIf":
        return done(id, "whatIf", await current().whatIf(request.scenario));
      case "resultFile": {
        // A Blob: the page gets a handle to it, not a copy of its tens of megabytes.
        return done(id, "resultFile", await current().resultFile(request.settings, request.scenario));
      }
    }
  }

  async function handle(data: unknown): Promise<void> {
    const parsed = RequestSchema.safeParse(data);
    if (!parsed.success) {
      post({ id: idOf(data), kind: "failed", message: `worker: invalid request: ${zodProblems(parsed.error)}`, user: false });
      return;
    }
    try {
      await answer(parsed.data);
    } catch (err) {
      const user = err instanceof UserError;
      post({ id: parsed.data.id, kind: "failed", message: err instanceof Error ? err.message : String(err), user });
    }
  }

  return {
    receive(data) {
      queue = queue.then(() => handle(data));
    },
    idle: () => queue,
  };
}
