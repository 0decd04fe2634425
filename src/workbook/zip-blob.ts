/**
 * The browser's access to a zip file for the fast reader (src/workbook/xlsx-parts.ts), the
 * counterpart of src/workbook/zip-node.ts without any Node import: a zip.js `Reader` over a
 * `Blob` (the `File` the user chose: random access through `Blob.slice`, so only the central
 * directory and the parts read are taken from disk, never the whole file into memory), and
 * inflation with the platform's `DecompressionStream("deflate-raw")` (Compression Streams
 * standard, native in Chromium 103+, Firefox 113+, Safari 16.4+ and Node 18+). And the output of
 * the result workbook's zip (src/workbook/zip-sink.ts) as a `Blob` ({@link BlobOutput}).
 */
import { Reader } from "@zip.js/zip.js";
import { UserError } from "../domain/issues";
import type { Inflate } from "./xlsx-parts";
import type { ZipOutput } from "./zip-sink";

/** The Dutch message when the chosen file can no longer be read (moved, changed or deleted). */
function fileGoneMessage(label: string): string {
  return `${label} is niet meer te lezen (verplaatst, gewijzigd of verwijderd sinds het werd gekozen). Open het opnieuw.`;
}

/** A zip.js reader over a Blob. A read the browser refuses becomes a Dutch `UserError`. */
export class BlobZipReader extends Reader<Blob> {
  /** @param label how to name the file in messages, e.g. "Bestand 'voorraad.xlsx'". */
  constructor(private readonly blob: Blob, private readonly label: string) {
    super(blob);
    this.size = blob.size;
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return readSlice(this.blob, index, index + length, this.label);
  }
}

/**
 * The bytes `start..end` of a Blob.
 * @throws UserError (Dutch) when the browser cannot read the file any more.
 */
export async function readSlice(blob: Blob, start: number, end: number, label: string): Promise<Uint8Array> {
  let bytes: ArrayBuffer;
  try {
    bytes = await blob.slice(start, end).arrayBuffer();
  } catch {
    throw new UserError(fileGoneMessage(label));
  }
  // A part that claims more bytes than the file holds: damaged (zip.js would wait for them).
  if (bytes.byteLength < end - start) throw new Error(`zip: read beyond the end of the file (${end} > ${blob.size})`);
  return new Uint8Array(bytes);
}

/** Raw deflate (RFC 1951) with the platform's DecompressionStream, chunk by chunk. */
export const webInflate: Inflate = async function* inflate(compressed) {
  const source = compressed[Symbol.asyncIterator]();
  const input = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await source.return?.();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw") as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  let complete = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length > 0) yield value;
    }
    complete = true;
  } finally {
    if (!complete) reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
};

/**
 * Bytes of output gathered in arrays before they are moved into a `Blob` (8 MiB): a browser may
 * keep a large Blob's bytes outside the worker's memory (Chromium moves them to disk beyond a
 * limit), so the JavaScript heap holds at most this much of the written zip at once.
 */
export const BLOB_PART_BYTES = 8 * 1024 * 1024;

/**
 * A zip's output gathered into a `Blob` (the browser page's result file): every chunk zip.js
 * writes is copied (zip.js may reuse its buffers) and the copies are moved into a Blob each
 * {@link BLOB_PART_BYTES}; {@link blob} joins them once the zip is closed.
 */
export class BlobOutput implements ZipOutput {
  private readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private closed = false;
  /** Bytes written so far. */
  size = 0;
  /** What zip.js writes the zip to, in order; each chunk is copied. */
  readonly writable = new WritableStream<Uint8Array>({
    write: (chunk) => {
      this.pending.push(chunk.slice());
      this.pendingBytes += chunk.length;
      this.size += chunk.length;
      if (this.pendingBytes >= BLOB_PART_BYTES) this.flush();
    },
  });

  /** Moves the gathered arrays into a Blob. */
  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending as unknown as ConstructorParameters<typeof Blob>[0]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Ends the output (the zip is finished, or abandoned after a failure: then the bytes are dropped). */
  async close(): Promise<void> {
    this.flush();
    this.closed = true;
  }

  /**
   * The bytes written, as one Blob of MIME type `type`.
   * @throws Error when the output is not closed yet (the zip is not finished).
   */
  blob(type: string): Blob {
    if (!this.closed) throw new Error("BlobOutput: the zip is not closed");
    return new Blob(this.parts, { type });
  }
}
