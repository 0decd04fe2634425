/**
 * The command line's access to a zip file for the fast reader (src/workbook/xlsx-parts.ts): a
 * zip.js `Reader` over a file handle (random access: only the central directory and the parts
 * read are taken from disk, never the whole file), and inflation with Node's zlib (native, and several
 * times faster than zip.js's or fflate's JavaScript inflaters on a sheet of a million rows:
 * docs/performance.md).
 */
import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import * as zlib from "node:zlib";
import { once } from "node:events";
import { Reader, Uint8ArrayReader } from "@zip.js/zip.js";
import type { Inflate } from "./xlsx-parts";

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
