/**
 * The browser's access to a zip file for the fast reader (src/workbook/xlsx-parts.ts), the
 * counterpart of src/workbook/zip-node.ts without any Node import: a zip.js `Reader` over a
 * `Blob` (the `File` the user chose: random access through `Blob.slice`, so only the central
 * directory and the parts read are taken from disk, never the whole file into memory), and
 * inflation with the platform's `DecompressionStream("deflate-raw")` (Compression Streams
 * standard, native in Chromium 103+, Firefox 113+, Safari 16.4+ and Node 18+).
 */
import { Reader } from "@zip.js/zip.js";
import { UserError } from "../domain/issues";
import type { Inflate } from "./xlsx-parts";

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
