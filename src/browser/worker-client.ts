/**
 * The browser page's side of its analysis worker: a {@link FileSession} whose every call is a
 * request to the worker (protocol.ts), so that reading the .xlsx, ingest, the domain and
 * writing the result workbook never block the page.
 *
 * Cancelling a run terminates the worker (a busy worker cannot read a cancel message) and
 * starts a fresh one that opens the same file again; other calls still waiting (a preview, say)
 * are sent to it, so the next run or preview just works. When the worker dies (out of memory, a
 * crash), every pending call fails with a Dutch message; the next call starts a fresh worker
 * (only then, so a file too large for the browser does not crash it over and over).
 */
import { UserError } from "../domain/issues";
import { CANCELLED_MESSAGE } from "../session/errors";
import type { OpenFile } from "../session/open-file";
import type { Rules } from "../domain/rules";
import type { MappingOverrides } from "../ingest/types";
import type { FileSession, RunOptions, RunProgress } from "../session/session";
import type { Scenario } from "../session/whatif-view";
import type { RunControl, StoredSettings } from "../workbook/port";
import { REPLY_SCHEMAS, ReplySchema, zodProblems, type Replies, type RequestKind, type WorkerRequest } from "./protocol";

/** The part of `Worker` used here (tests pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** Makes a new worker (in the page: `new Worker(new URL("./analysis.worker.ts", import.meta.url))`). */
export type SpawnWorker = () => WorkerLike;

/** Shown when the worker stopped without answering. */
export const WORKER_STOPPED =
  "De verwerking in de browser is onverwacht gestopt, mogelijk omdat de werkmap te groot is voor het geheugen van de browser. Sluit andere tabbladen en probeer het opnieuw.";

/** The fields of a request besides its id and kind. */
type RequestFields<K extends RequestKind> = Omit<Extract<WorkerRequest, { kind: K }>, "id" | "kind">;

interface Pending {
  kind: RequestKind;
  /** The request as sent (sent again to a fresh worker after a cancelled run). */
  message: WorkerRequest;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  onProgress?: RunProgress;
}

/**
 * The file opener of the browser page: each file gets its own worker.
 * @param spawn makes the worker.
 * @returns an {@link OpenFile}; it rejects with the worker's UserError when the file is no
 *   readable .xlsx (the worker is then ended).
 */
export function openInWorker(spawn: SpawnWorker): OpenFile {
  return async (file: File) => {
    const session = new WorkerSession(file, spawn);
    try {
      await session.opened;
    } catch (err) {
      session.close();
      throw err;
    }
    return session;
  };
}

/** A workbook opened in a worker. */
class WorkerSession implements FileSession {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  /** Settles when the worker has read the file (again, after a restart). */
  opened: Promise<void>;

  constructor(
    private readonly file: File,
    private readonly spawn: SpawnWorker,
  ) {
    this.opened = this.start();
  }

  describe() {
    return this.request("describe", {});
  }

  preview(sheet: string, rules: Rules, overrides: MappingOverrides) {
    return this.request("preview", { sheet, rules, overrides });
  }

  async analyse(options: RunOptions, onProgress: RunProgress, signal: AbortSignal) {
    if (signal.aborted) throw new UserError(CANCELLED_MESSAGE);
    const onAbort = () => {
      const again = this.stop(new UserError(CANCELLED_MESSAGE), (p) => p.kind !== "analyse");
      this.revive();
      for (const p of again) this.send(p);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await this.request("analyse", { options }, onProgress);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }

  async writeResults(settings: StoredSettings, _control?: RunControl, scenario?: Scenario) {
    return (await this.resultFile(settings, scenario)).outcome;
  }

  whatIf(scenario: Scenario) {
    return this.request("whatIf", { scenario });
  }

  resultFile(settings: StoredSettings, scenario?: Scenario) {
    return this.request("resultFile", scenario ? { settings, scenario } : { settings });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stop(new UserError("De werkmap is gesloten."), () => false);
  }

  /** Starts a worker and has it open the file; the requests after it wait in the worker's queue. */
  private start(): Promise<void> {
    const worker = this.spawn();
    this.worker = worker;
    worker.onmessage = (event) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (this.worker === worker) this.stop(new UserError(WORKER_STOPPED), () => false);
    };
    return this.request("open", { file: this.file, name: this.file.name }).then(() => undefined);
  }

  /** Starts a fresh worker on the same file. */
  private revive(): void {
    this.opened = this.start();
    // A failing reopen is reported to the calls after it (the worker keeps the reason).
    this.opened.catch(() => undefined);
  }

  /**
   * Ends the worker; the pending calls fail with `reason`, except those `keep` picks (never the
   * old `open`): they are returned, to be sent to a fresh worker.
   */
  private stop(reason: Error, keep: (p: Pending) => boolean): Pending[] {
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    const again = this.closed ? [] : waiting.filter((p) => p.kind !== "open" && keep(p));
    for (const p of waiting) if (!again.includes(p)) p.reject(reason);
    return again;
  }

  /** Sends a request to the current worker and waits for its reply. */
  private send(p: Pending): void {
    this.pending.set(p.message.id, p);
    this.worker?.postMessage(p.message);
  }

  private request<K extends RequestKind>(kind: K, fields: RequestFields<K>, onProgress?: RunProgress): Promise<Replies[K]> {
    if (this.closed) return Promise.reject(new UserError("De werkmap is gesloten. Open het bestand opnieuw."));
    // After a crash: a fresh worker, which opens the file before this request.
    if (!this.worker && kind !== "open") this.revive();
    const id = this.nextId++;
    return new Promise<Replies[K]>((resolve, reject) => {
      const message = { ...fields, kind, id } as WorkerRequest;
      this.send({ kind, message, resolve: resolve as (v: unknown) => void, reject, onProgress });
    });
  }

  private receive(data: unknown): void {
    const parsed = ReplySchema.safeParse(data);
    if (!parsed.success) {
      this.stop(new Error(`worker: invalid reply: ${zodProblems(parsed.error)}`), () => false);
      return;
    }
    const reply = parsed.data;
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.kind === "progress") {
      p.onProgress?.(reply.stap, reply.fractie);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === "failed") {
      p.reject(reply.user ? new UserError(reply.message) : new Error(reply.message));
      return;
    }
    const value = REPLY_SCHEMAS[p.kind].safeParse(reply.value);
    if (value.success) p.resolve(value.data);
    else p.reject(new Error(`worker: invalid '${p.kind}' reply: ${zodProblems(value.error)}`));
  }
}
