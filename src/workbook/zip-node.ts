/**
 * The command line's access to zip files. For the fast reader (src/workbook/xlsx-parts.ts): a
 * zip.js `Reader` over a file handle (random access: only the central directory and the parts
 * read are taken from disk, never the whole file), and inflation with Node's zlib (native, and several
 * times faster than zip.js's or fflate's JavaScript inflaters on a sheet of a million rows:
 * docs/performance.md). For the `--uit` writer (src/workbook/zip-sink.ts): a zip written to a
 * file ({@link openZipFileSink}), its parts deflated with zlib ({@link ZLIB_DEFLATE}). The
 * browser's counterparts are in src/workbook/zip-blob.ts and src/workbook/deflate-codec.ts.
 */
import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import * as zlib from "node:zlib";
import { once } from "node:events";
import { Reader, Uint8ArrayReader } from "@zip.js/zip.js";
import type { Inflate } from "./xlsx-parts";
import type { DeflateCodec, PartDeflater } from "./deflate-codec";
import { MAX_QUEUED_BYTES, ZipSink, type ZipOutput } from "./zip-sink";

/** A zip.js reader over an open file; the caller closes the handle. */
class FileHandleReader extends Reader<FileHandle> {
  constructor(private readonly handle: FileHandle, size: number) {
    super(handle);
    this.size = size;
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(bytes, done, length - done, index + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    // A part that claims more bytes than the file holds: damaged (zip.js would wait for them).
    if (done < length) throw new Error(`zip: read beyond the end of the file (${index + length} > ${this.size})`);
    return bytes;
  }
}

/** Opens a file for the reader. @returns the reader and a function that closes the file. */
export async function openZipFile(file: string): Promise<{ reader: Reader<unknown>; close: () => Promise<void> }> {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    return { reader: new FileHandleReader(handle, size) as Reader<unknown>, close: () => handle.close() };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** A reader over bytes in memory (an input given as a stream). */
export function bytesReader(bytes: Uint8Array): Reader<unknown> {
  return new Uint8ArrayReader(bytes) as Reader<unknown>;
}

/** Raw deflate with Node's zlib, as an async iteration of 256 KB chunks. */
export const zlibInflate: Inflate = async function* inflate(compressed) {
  const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  let failure: unknown = null;
  const feeding = (async () => {
    try {
      for await (const c of compressed) {
        if (!inflater.write(c)) await once(inflater, "drain");
      }
      inflater.end();
    } catch (err) {
      failure = err;
      inflater.destroy(err as Error);
    }
  })();
  let complete = false;
  try {
    for await (const chunk of inflater) yield chunk as Uint8Array;
    complete = true;
  } finally {
    // Stopped early (the reader gave up): the feeder may wait for 'drain' forever; leave it.
    if (!inflater.destroyed) inflater.destroy();
  }
  if (complete) await feeding;
  if (failure) throw failure;
};

/**
 * zlib level of the parts written by the command line: 1, the fastest (what the workbook writer
 * used before, through archiver). On the sheet XML of the 100,000-dwelling bench workbook,
 * deflating one sheet took about 0.2-0.25 s of CPU at level 1 for 6.4 MB, 0.33-0.40 s at level 4
 * for 5.5 MB and 0.65-0.95 s at level 6 for 4.9 MB (docs/performance.md).
 */
export const DEFLATE_LEVEL = 1;

/** One part's compressor: zlib's raw deflate on its thread, CRC-32 by `zlib.crc32` (native). */
class ZlibDeflater implements PartDeflater {
  /** The zlib stream (tests make it fail). */
  readonly stream: zlib.DeflateRaw;
  private crc = 0;
  private readonly ended: Promise<void>;

  constructor(chunkBytes: number, onData: (chunk: Uint8Array) => void, onError: (err: Error) => void) {
    const stream = zlib.createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: chunkBytes });
    stream.on("data", onData);
    this.ended = new Promise<void>((resolve, reject) => {
      stream.on("end", resolve);
      stream.on("error", (err) => {
        onError(err);
        reject(err);
      });
    });
    this.ended.catch(() => undefined);
    this.stream = stream;
  }

  write(bytes: Uint8Array, done: (err?: Error | null) => void): void {
    this.crc = zlib.crc32(bytes, this.crc);
    this.stream.write(bytes, done);
  }

  async end(): Promise<number> {
    this.stream.end();
    await this.ended;
    return this.crc >>> 0;
  }
}

/** Node's codec (zlib, level {@link DEFLATE_LEVEL}; buffers are `Buffer`s, encoded by `Buffer.write`, native). */
export const ZLIB_DEFLATE: DeflateCodec = {
  deflater: (chunkBytes, onData, onError) => new ZlibDeflater(chunkBytes, onData, onError),
  alloc: (bytes) => Buffer.allocUnsafe(bytes),
  encodeInto: (text, into, at) => (into as Buffer).write(text, at, "utf8"),
};

/** The output of a zip to an open file, written in order at increasing positions. */
function fileOutput(handle: FileHandle): ZipOutput {
  let position = 0;
  const writable = new WritableStream<Uint8Array>({
    write: async (chunk) => {
      let done = 0;
      while (done < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, position);
        done += bytesWritten;
        position += bytesWritten;
      }
    },
  });
  return { writable, close: () => handle.close() };
}

/**
 * A zip written to `file` with Node's zlib (the `--uit` workbook). The file is opened here, so
 * that a folder that does not exist or a file in use fails at once, with the system's error code.
 * @param maxQueuedBytes the sink's queue bound (tests set a small one).
 */
export async function openZipFileSink(file: string, maxQueuedBytes = MAX_QUEUED_BYTES): Promise<ZipSink> {
  return new ZipSink(fileOutput(await fs.open(file, "w")), ZLIB_DEFLATE, maxQueuedBytes);
}
