/**
 * The zip container of the result workbook (src/workbook/xlsx-stream-writer.ts), written with
 * zip.js's `ZipWriter` to a {@link ZipOutput}: a file on the command line (`--uit`,
 * src/workbook/zip-node.ts `openZipFileSink`), chunks gathered into a `Blob` in the browser
 * page's worker (src/workbook/zip-blob.ts `BlobOutput`). Every entry goes in with zip.js's
 * `passThrough`: either an input entry copied as it is stored (its compressed bytes, CRC-32 and
 * sizes taken from the input's central directory: {@link ZipSink.copyRaw}), or a part deflated
 * here before it is handed over ({@link DeflatedPart}), by the platform's compressor given as a
 * {@link DeflateCodec}: Node's zlib (native, level 1, CRC-32 by `zlib.crc32`) on the command
 * line, the Compression Streams standard's `CompressionStream` in the browser (native too; the
 * CRC-32 taken from its gzip trailer). zip.js then only lays out the headers and the central
 * directory; no byte of a part passes through JavaScript compression or checksum code.
 *
 * Platform-neutral: no Node import (the browser bundle holds this module), as
 * src/workbook/xlsx-parts.ts for reading, with the inflater of held parts injected the same way
 * ({@link holdRaw}).
 *
 * A deflated part is held compressed in memory until it ends (zip.js needs an entry's size and
 * CRC-32 before its data when the data is passed through): 66 MB for the per-dwelling
 * sheet of a million rows.
 *
 * The entries go into the file one after the other, in the order they were handed over, but the
 * caller need not wait for that: the writer makes the next sheet while zip.js writes the previous
 * one (the 66 MB of the per-dwelling sheet, or the input's stock sheet copied as stored while the
 * pass reads it). A failure of one entry is kept: every later entry and {@link ZipSink.close}
 * reject with it, so a promise that is not awaited loses nothing.
 *
 * The queue is bounded by bytes, not entries, and the sink keeps the bound itself: a part handed
 * to {@link ZipSink.add} (or {@link ZipSink.addText}) takes its place in the order at once but
 * joins the queue only when the deflated bytes queued and not yet handed to zip.js are within
 * {@link MAX_QUEUED_BYTES}. Whether or not a caller awaits anything, the queue never holds more
 * than the bound plus one part. The promise `add` returns ({@link QueuedPart}) settles once the
 * part has joined and the queue, with it, is within the bound again, so a writer that awaits it
 * makes its next sheet holding at most the bound queued; its `written` promise settles once the
 * part is in the file. A slow disk cannot make every result part be held at once.
 */
import { configure, ZipWriter, type Entry } from "@zip.js/zip.js";
import type { DeflateCodec, PartDeflater } from "./deflate-codec";
import { CopySourceError } from "./sheet-copy";
import type { Inflate } from "./xlsx-parts";

configure({ useWebWorkers: false });

/** Bytes of deflated output per zlib callback (a hint: the web compressor chooses its own). */
export const DEFLATE_CHUNK_BYTES = 256 * 1024;
/** Bytes of text gathered before they go to the compressor (one buffer of the pool). */
export const PART_BUFFER_BYTES = 256 * 1024;
/**
 * A part's first buffer, and the compressor's output chunk of a part that fits in it: most parts
 * of a workbook are small (tables, relationships, the package's own parts), and two 256 KiB
 * buffers for each of them, a few dozen per workbook, were most of the garbage collection of a
 * small `--uit` (about 70 of 170 ms of CPU per run on a four-dwelling workbook). A part that
 * outgrows it moves to {@link PART_BUFFER_BYTES} buffers and {@link DEFLATE_CHUNK_BYTES} chunks.
 */
export const FIRST_BUFFER_BYTES = 16 * 1024;
/** Buffers handed to the compressor and not yet taken by it, above which {@link DeflatedPart.drain} waits. */
export const MAX_IN_FLIGHT = 4;
/**
 * Deflated bytes (of parts queued with {@link ZipSink.add} and not yet handed to zip.js) above
 * which the next part waits to join the queue: 32 MiB. At 1,048,575 rows the per-dwelling sheet is about
 * 66 MB deflated and the shared strings 33.6 MB; without a bound a slow disk could leave both,
 * and every sheet after them, queued at once. With it the queue holds at most this much plus
 * the last part queued, beside the part being made, so `--uit`'s peak (about 610 MB) does not
 * grow with the disk's slowness. Half the largest part: on an ordinary disk 32 MiB is written
 * in well under a second, so the next sheet is still made while the previous one is written.
 */
export const MAX_QUEUED_BYTES = 32 * 1024 * 1024;

/**
 * Where the zip's bytes go: a stream written in order (zip.js waits for each write), and what
 * ends it. `close` is called once, after the last write or after an abort (then the bytes so far
 * are not a finished zip).
 */
export interface ZipOutput {
  readonly writable: WritableStream<Uint8Array>;
  close(): Promise<void>;
}

/**
 * What {@link ZipSink.add} returns: a promise that settles once the part has joined the queue
 * and the queue, with it, is within the bound again (await it before making the next part), with
 * `written`, a promise of the part's being in the file. Both reject with the part's failure or
 * an earlier entry's, once known. Neither need be awaited: a failure is kept for the next entry
 * and for {@link ZipSink.close}.
 */
export type QueuedPart = Promise<void> & { readonly written: Promise<void> };

/** An input entry to copy as stored, and how to read its stored (compressed) bytes. */
export interface RawEntry {
  entry: Entry;
  /** Writes the entry's stored bytes, as they are in the input, to `writable`. */
  pipeTo(writable: WritableStream<Uint8Array>): Promise<unknown>;
}

/** An input entry's stored bytes read into memory (to copy or inflate after the input is closed). */
export interface HeldEntry extends RawEntry {
  /** The stored bytes. */
  chunks: Uint8Array[];
  /** The entry's content, inflated (or as stored when it was stored uncompressed). */
  content(): AsyncIterable<Uint8Array>;
}

/**
 * Reads an input entry's stored bytes into memory (for small parts: the shared strings, the theme).
 * @param inflate the platform's inflater (the one the input is read with, `ZipParts.inflate`),
 *   for the held entry's `content()`.
 * @throws what reading the input entry throws (a damaged or unreadable input).
 */
export async function holdRaw(raw: RawEntry, inflate: Inflate): Promise<HeldEntry> {
  const chunks: Uint8Array[] = [];
  await raw.pipeTo(new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) }));
  const deflated = raw.entry.compressionMethod === 8;
  return {
    entry: raw.entry,
    chunks,
    pipeTo: async (writable) => {
      const w = writable.getWriter();
      for (const c of chunks) await w.write(c);
      await w.close();
    },
    content: async function* content() {
      if (!deflated) {
        yield* chunks;
        return;
      }
      yield* inflate((async function* stored() {
        yield* chunks;
      })());
    },
  };
}

/**
 * One part being written: text (or bytes) encoded into a pool of buffers, each buffer handed to
 * the platform's compressor ({@link DeflateCodec}); the compressed output is kept until
 * {@link ZipSink.add}. Use `write`/`writeBytes`, `await drain()` now and then (every few hundred
 * rows) so that the compressor keeps up, then hand it to the sink. Make it with
 * {@link ZipSink.part} (the sink's codec), or with `new DeflatedPart(codec)`: the codec is
 * required, so that code on the command line never gets the slower web codec by leaving it out.
 */
export class DeflatedPart {
  /** Made when the first bytes go to it (see {@link compressor}). */
  private deflater: PartDeflater | null = null;
  private readonly compressed: Uint8Array[] = [];
  private readonly free: Uint8Array[] = [];
  private buffer: Uint8Array;
  private used = 0;
  private inFlight = 0;
  /**
   * The wait of {@link drain} while the compressor is behind: one promise shared by every caller
   * that waits on the same backlog (several `drain()` may wait at once: a sheet reader awaits the
   * rows of one inflated chunk together), and what settles it. Cleared when it is settled.
   */
  private drained: { promise: Promise<void>; resolve: () => void } | null = null;
  private failure: Error | null = null;
  /** Uncompressed bytes so far. */
  size = 0;
  /** Deflated bytes produced so far (all of them once {@link finish} has resolved). */
  compressedSize = 0;
  /** CRC-32 of the uncompressed bytes (unsigned; set once {@link finish} has resolved, 0 before). */
  crc = 0;

  /** @param codec the platform's compressor: `ZLIB_DEFLATE` (zip-node.ts) on the command line, `WEB_DEFLATE` (deflate-codec.ts) in the browser. */
  constructor(private readonly codec: DeflateCodec) {
    this.buffer = codec.alloc(FIRST_BUFFER_BYTES);
  }

  /**
   * The compressor, made at the first bytes handed to it: with small output chunks when the part
   * ended within its first buffer, else with {@link DEFLATE_CHUNK_BYTES}.
   */
  private compressor(): PartDeflater {
    if (this.deflater) return this.deflater;
    const small = this.buffer.length < PART_BUFFER_BYTES;
    this.deflater = this.codec.deflater(
      small ? FIRST_BUFFER_BYTES : DEFLATE_CHUNK_BYTES,
      (chunk) => {
        this.compressed.push(chunk);
        this.compressedSize += chunk.length;
      },
      (err) => {
        this.failure ??= err;
        this.wake();
      },
    );
    return this.deflater;
  }

  /** Room for more bytes: the first buffer replaced by a full-size one (its bytes copied), or the
   * full buffer handed to the compressor. */
  private makeRoom(): void {
    if (this.buffer.length < PART_BUFFER_BYTES) {
      const bigger = this.codec.alloc(PART_BUFFER_BYTES);
      bigger.set(this.buffer.subarray(0, this.used));
      this.buffer = bigger;
    } else this.hand();
  }

  /** Appends text as UTF-8. */
  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > this.buffer.length && this.buffer.length < PART_BUFFER_BYTES) this.makeRoom();
    if (this.used + text.length * 3 > this.buffer.length) {
      this.hand();
      if (text.length * 3 > this.buffer.length) {
        this.writeBytes(new TextEncoder().encode(text));
        return;
      }
    }
    this.used += this.codec.encodeInto(text, this.buffer, this.used);
  }

  /** Appends bytes (copied: the caller may reuse `bytes`). */
  writeBytes(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) {
      if (this.used === this.buffer.length) this.makeRoom();
      const n = Math.min(bytes.length - at, this.buffer.length - this.used);
      this.buffer.set(bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
    }
  }

  /** Hands the gathered bytes to the compressor and takes a free buffer (or a new one; none when
   * `last`: the part is finished). */
  private hand(last = false): void {
    if (this.used === 0) return;
    const full = this.buffer;
    const bytes = full.subarray(0, this.used);
    this.size += this.used;
    this.inFlight++;
    // The compressor reads the buffer later (zlib on its thread): it goes back to the pool once taken.
    this.compressor().write(bytes, (err) => {
      if (err) this.failure ??= err;
      this.inFlight--;
      this.free.push(full);
      if (this.inFlight <= MAX_IN_FLIGHT || this.failure) this.wake();
    });
    this.buffer = last ? new Uint8Array(0) : this.free.pop() ?? this.codec.alloc(PART_BUFFER_BYTES);
    this.used = 0;
  }

  /**
   * Waits while the compressor is behind (more than a few buffers not yet taken), until it has
   * taken enough of them. The wait is a promise that the compressor's write callback resolves
   * (not a loop over `setImmediate`, which kept the main thread spinning while zlib's thread
   * worked, on the same two cores). Several calls may wait at once: they share one promise, and
   * all resume together.
   *
   * @throws the compressor's error, when it failed (before or while waiting): every waiting call
   *   rejects with it.
   */
  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inFlight > MAX_IN_FLIGHT) {
      if (this.drained === null) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        this.drained = { promise, resolve };
      }
      await this.drained.promise;
      if (this.failure) throw this.failure;
    }
  }

  /** Resolves the wait of every {@link drain} now waiting, if any. */
  private wake(): void {
    const drained = this.drained;
    this.drained = null;
    drained?.resolve();
  }

  /**
   * Ends the part (sets {@link crc}).
   * @returns the compressed chunks (the part's whole deflated data).
   * @throws the compressor's error.
   */
  async finish(): Promise<Uint8Array[]> {
    this.hand(true);
    this.crc = await this.compressor().end();
    return this.compressed;
  }
}

/** An empty chunk (what a chunk handed to zip.js is replaced with, so that it can be collected). */
const EMPTY = new Uint8Array(0);

/** A zip being written (see the module comment). */
export class ZipSink {
  private readonly zip: ZipWriter<unknown>;
  private closed = false;
  /** Settles when every entry queued so far has been written or has failed; never rejects. */
  private queue: Promise<void> = Promise.resolve();
  /** The first entry's failure, once one failed: what every later entry and `close` reject with. */
  private failure: { error: unknown } | null = null;
  /** Deflated bytes of the parts queued and not yet handed to zip.js (see {@link add}). */
  private queued = 0;
  /** What resolves the waits for room in the queue, when they wait. */
  private waiting: (() => void)[] = [];
  /** Settles when the compressor of every part added so far has ended (never rejects). */
  private finishing: Promise<unknown> = Promise.resolve();
  /** Settles when the last part added has joined the queue or failed to (never rejects): parts
   * join in the order they were added. */
  private joined: Promise<unknown> = Promise.resolve();

  /**
   * A zip written to `output`.
   * @param output where the bytes go (a file: src/workbook/zip-node.ts `openZipFileSink`; a Blob:
   *   src/workbook/zip-blob.ts `BlobOutput`); closed by {@link close} or {@link abort}.
   * @param codec the platform's compressor for the parts made with {@link part} and {@link addText}.
   * @param maxQueuedBytes the queue's bound in deflated bytes (tests set a small one).
   */
  constructor(private readonly output: ZipOutput, readonly codec: DeflateCodec, private readonly maxQueuedBytes = MAX_QUEUED_BYTES) {
    this.zip = new ZipWriter(output.writable, { keepOrder: true, useWebWorkers: false });
  }

  /** A new part deflated with this sink's codec, to fill and hand to {@link add}. */
  part(): DeflatedPart {
    return new DeflatedPart(this.codec);
  }

  /** Deflated bytes of the parts queued and not yet handed to zip.js (≥ 0). */
  get queuedBytes(): number {
    return this.queued;
  }

  /**
   * Waits while more than the bound ({@link MAX_QUEUED_BYTES}) of deflated bytes are queued, until
   * zip.js has taken enough of them. Called once the compressors of the parts added before have
   * ended (their last few buffers: a part's bytes count in full only then).
   * @throws the failure of a queued entry, if one failed (before or while waiting), as
   *   {@link throwIfFailed}.
   */
  private async room(): Promise<void> {
    while (!this.failure && this.queued > this.maxQueuedBytes) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.throwIfFailed();
  }

  /** Counts `n` more (or, negative, fewer) queued bytes; wakes the waits for room when there is room. */
  private count(n: number): void {
    this.queued += n;
    if (this.queued <= this.maxQueuedBytes || this.failure) this.wake();
  }

  /** Resolves every wait for room (each checks again). */
  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /**
   * Queues `write` after the entries queued before it (see the module comment).
   * @returns a promise of the entry's being written; it rejects with the entry's failure, or with
   *   the failure of an entry queued earlier (then `write` is not run). Not awaiting it is safe:
   *   the failure is kept for the next entry and for {@link close}.
   */
  private enqueue(write: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.failure ? Promise.reject(this.failure.error) : write()));
    this.queue = run.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
        this.wake();
      },
    );
    run.catch(() => undefined);
    return run;
  }

  /** Throws the failure of a queued entry, if one failed (so that a writer stops early). */
  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Queues a part from text (deflated here). @returns as {@link add}. */
  addText(name: string, text: string): QueuedPart {
    const part = this.part();
    part.write(text);
    return this.add(name, part);
  }

  /**
   * Ends `part` and queues it (the caller writes nothing more to it). Its place in the file is
   * taken now, after every entry added before; it joins the queue once the parts added before it
   * have joined, their compressors have ended, and the deflated bytes queued are within the
   * bound. The compressor ends meanwhile.
   * @returns the {@link QueuedPart}: settles once the part has joined the queue and the queue,
   *   with all of this part, is within the bound again (rejects with a queued entry's failure,
   *   this one's or an earlier one's); its `written` once the part is in the file (rejects with
   *   the compressor's or the file's error, or an earlier entry's). Neither need be awaited (see
   *   the module comment); await the first before making the next part.
   */
  add(name: string, part: DeflatedPart): QueuedPart {
    // The part's deflated bytes held for the queue: counted when it joins (as far as made), the
    // rest when it ends, less each chunk handed to zip.js; what is left when the entry settles
    // (written or failed) is dropped.
    let held = 0;
    let counted = false;
    let settled = false;
    // The compressor ends now, while the entries before it are still being written.
    const finished = part.finish().then((chunks) => {
      if (counted && !settled) {
        this.count(part.compressedSize - held);
        held = part.compressedSize;
      }
      return chunks;
    });
    finished.catch(() => undefined);
    const before = Promise.all([this.joined, this.finishing]);
    this.finishing = Promise.all([this.finishing, finished.catch(() => undefined)]);
    const joins = before.then(() => this.room()).then(() => {
      counted = true;
      held = part.compressedSize;
      this.count(held);
    });
    joins.catch(() => undefined);
    this.joined = joins.catch(() => undefined);
    const run = this.enqueue(async () => {
      await joins;
      const chunks = await finished;
      let i = 0;
      const readable = new ReadableStream<Uint8Array>({
        pull: (controller) => {
          if (i < chunks.length) {
            const chunk = chunks[i];
            controller.enqueue(chunk);
            chunks[i++] = EMPTY;
            held -= chunk.length;
            this.count(-chunk.length);
          } else controller.close();
        },
      });
      await this.zip.add(name, readable, { passThrough: true, uncompressedSize: part.size, crc32: part.crc >>> 0, compressionMethod: 8 });
    });
    const drop = () => {
      settled = true;
      this.count(-held);
      held = 0;
    };
    run.then(drop, drop);
    // The caller goes on once the queue, with this part in it (all of it: its compressor ended),
    // is within the bound again: a writer that awaits each part holds at most the bound queued
    // while it makes the next one.
    const queued = joins.then(() => finished.then(() => undefined, () => undefined)).then(() => this.room());
    queued.catch(() => undefined);
    return Object.assign(queued, { written: run });
  }

  /**
   * Queues an input entry under `name`, its stored bytes copied as they are (read from the input
   * when its turn comes: the input must stay open until the returned promise settles).
   * @returns a promise of its being written; it rejects with a CopySourceError when the input
   *   entry cannot be read (damaged), else with what writing throws (or an earlier entry's failure).
   */
  copyRaw(name: string, raw: RawEntry): Promise<void> {
    return this.enqueue(async () => {
      const pipe = new TransformStream<Uint8Array, Uint8Array>();
      const reading = raw.pipeTo(pipe.writable).catch((err: unknown) => {
        // The writing side must not wait for data that will not come.
        pipe.readable.cancel(err).catch(() => undefined);
        throw new CopySourceError(err);
      });
      await Promise.all([reading, this.zip.add(name, pipe.readable, { passThrough: true, entry: raw.entry })]);
    });
  }

  /**
   * Waits for the queued entries, writes the central directory and closes the output.
   * @throws the first failure of a queued entry (the output is closed, unfinished), else what
   *   writing the central directory throws.
   */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.queue;
      if (this.failure) throw this.failure.error;
      await this.zip.close();
    } finally {
      await this.output.close();
    }
  }

  /**
   * Closes the output without finishing the zip (after a failure; the caller removes the file
   * or drops the bytes), once the entry being written has stopped (no write reaches the closed
   * output). Entries queued and not yet started are not written.
   */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failure ??= { error: new Error("zip aborted") };
    this.wake();
    await this.queue;
    await this.output.close();
  }
}
