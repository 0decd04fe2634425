/**
 * The stock sheet read once and shared: the column step's preview reads the stock sheet and keeps
 * it for every mapping or BAT-scale change, so a change costs no request to Excel. While a read
 * is under way, everyone who asks for the same sheet waits for that one read and sees its
 * progress; a waiter can stop waiting (cancel), and a read nobody waits for any more is stopped
 * at its next chunk (Office.js adapter, `forRun`) and forgotten, so the next request reads anew.
 */
import { UserError } from "../domain/issues";
import type { RawTable } from "../ingest/types";
import type { ChunkProgress, RunControl, WorkbookReader } from "../workbook/port";
import { CANCELLED_MESSAGE } from "./errors";

/** One read of one sheet, with whoever waits for it. */
interface Read {
  table: Promise<RawTable>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
  /** The last progress reported (rows done, rows in all), replayed to a new waiter. */
  progress: [number, number] | null;
  listeners: Set<ChunkProgress>;
}

/**
 * Reads of sheets through `reader`, each sheet read at most once while its read succeeds.
 *
 * @example
 * const reads = new SharedSheetReads(officeWorkbook);
 * const controller = new AbortController();
 * const table = await reads.read("Voorraad", { signal: controller.signal, onProgress: (done, total) => show(done, total) });
 * await reads.read("Voorraad"); // the same table, no request to Excel
 */
export class SharedSheetReads {
  private readonly reads = new Map<string, Read>();

  /** @param reader where the sheets are read; with `forRun` (Office.js) a read can be stopped per chunk. */
  constructor(private readonly reader: WorkbookReader) {}

  /**
   * The sheet's cells: from the read already made or under way, else from a new read.
   * @param control this waiter's cancellation and progress (rows done, rows in all, per chunk).
   * @throws UserError "Analyse geannuleerd." when `control.signal` aborts (the read itself goes
   *   on while others wait for it); whatever the reader throws (a failed read is not kept).
   */
  read(name: string, control: RunControl = {}): Promise<RawTable> {
    const { signal, onProgress } = control;
    if (signal?.aborted) return Promise.reject(new UserError(CANCELLED_MESSAGE));
    const read = this.reads.get(name) ?? this.start(name);
    read.waiters++;
    if (onProgress) {
      read.listeners.add(onProgress);
      if (read.progress) onProgress(...read.progress);
    }
    return new Promise<RawTable>((resolve, reject) => {
      let waiting = true;
      const leave = () => {
        if (!waiting) return false;
        waiting = false;
        read.waiters--;
        if (onProgress) read.listeners.delete(onProgress);
        signal?.removeEventListener("abort", onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        reject(new UserError(CANCELLED_MESSAGE));
        // Abandoned? Checked after the current task, so that a waiter that takes over in the same
        // render (a mapping change replaces the preview's request) keeps the read going.
        queueMicrotask(() => this.abandonIfUnwanted(name, read));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      read.table.then(
        (table) => {
          if (leave()) resolve(table);
        },
        (err: unknown) => {
          if (leave()) reject(err);
        },
      );
    });
  }

  /** Forgets every read (the workbook may have changed); reads under way nobody waits for stop. */
  clear(): void {
    for (const [name, read] of this.reads) {
      this.reads.delete(name);
      if (read.waiters === 0 && !read.settled) read.controller.abort();
    }
  }

  private start(name: string): Read {
    const controller = new AbortController();
    const read: Read = { table: Promise.resolve({} as RawTable), controller, waiters: 0, settled: false, progress: null, listeners: new Set() };
    const bound =
      this.reader.forRun?.({
        signal: controller.signal,
        onProgress: (done, total) => {
          read.progress = [done, total];
          for (const listener of read.listeners) listener(done, total);
        },
      }) ?? this.reader;
    read.table = bound.readSheet(name);
    read.table.then(
      () => {
        read.settled = true;
      },
      () => {
        read.settled = true;
        // A failed or stopped read is not kept: the next request tries again.
        if (this.reads.get(name) === read) this.reads.delete(name);
      },
    );
    this.reads.set(name, read);
    return read;
  }

  private abandonIfUnwanted(name: string, read: Read): void {
    if (read.waiters > 0 || read.settled) return;
    read.controller.abort();
    if (this.reads.get(name) === read) this.reads.delete(name);
  }
}
