/**
 * The compressor a result part is deflated with (src/workbook/zip-sink.ts `DeflatedPart`), as a
 * platform gives it: its shape ({@link DeflateCodec}, {@link PartDeflater}), and the web one,
 * {@link WEB_DEFLATE}, for the browser page's worker. The command line's, Node's zlib, is in
 * src/workbook/zip-node.ts (`ZLIB_DEFLATE`); this module has no Node import.
 *
 * The web codec is the Compression Streams standard's `CompressionStream` (native in Chromium
 * 80+, Firefox 113+, Safari 16.4+, Node 18+), in its "gzip" format (RFC 1952): a gzip member is a
 * 10-byte header, the raw deflate data (RFC 1951, what a zip entry stores) and an 8-byte trailer
 * holding the CRC-32 and the size of the input. The header is checked and dropped, the trailer
 * held back and read: so the checksum that zip needs is computed natively in the same pass,
 * with no CRC-32 code of ours ("deflate-raw" would give the data without it).
 */

/**
 * The compressor of one part: raw deflate (RFC 1951), and the CRC-32 (ISO 3309, as zip uses) of
 * the bytes it was given. Made by a {@link DeflateCodec}.
 */
export interface PartDeflater {
  /**
   * Hands `bytes` to the compressor, which may read them later: `done` is called once it no
   * longer needs them (the buffer then goes back to the part's pool), with the compressor's error
   * if it failed. Calls are in order; several may be pending.
   */
  write(bytes: Uint8Array, done: (err?: Error | null) => void): void;
  /**
   * Ends the input.
   * @returns the CRC-32 of every byte written (unsigned 32-bit), once the last deflated chunk has
   *   been handed to `onData`.
   * @throws the compressor's error.
   */
  end(): Promise<number>;
}

/** A platform's compressor and its byte buffers (see the module comment). */
export interface DeflateCodec {
  /**
   * A compressor for one part.
   * @param chunkBytes the output chunk size wanted, in bytes (a hint).
   * @param onData receives each chunk of raw deflate output, in order (kept by the caller: not reused).
   * @param onError called once when the compressor fails (before `end` rejects with the same error).
   */
  deflater(chunkBytes: number, onData: (chunk: Uint8Array) => void, onError: (err: Error) => void): PartDeflater;
  /** A buffer of `bytes` bytes (contents undefined) that {@link encodeInto} can write into. */
  alloc(bytes: number): Uint8Array;
  /**
   * Encodes `text` as UTF-8 into `into` from byte `at`; the caller makes sure there is room (at
   * most 3 bytes per UTF-16 code unit). @returns the bytes written.
   */
  encodeInto(text: string, into: Uint8Array, at: number): number;
}

/** Bytes of a gzip header as `CompressionStream("gzip")` writes it (no optional fields: FLG 0). */
const GZIP_HEADER_BYTES = 10;
/** Bytes of a gzip trailer: CRC-32 and input size, both 32-bit little-endian. */
const GZIP_TRAILER_BYTES = 8;

/** A little-endian 32-bit unsigned integer at `at` of `bytes`. */
function uint32le(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** Joins two byte arrays (small ones: the held-back header and trailer bytes). */
function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * One part's compressor over `CompressionStream("gzip")` (see the module comment): the output is
 * read as it comes (the stream only compresses while its output is being read), its header
 * dropped, and its last 8 bytes always held back, so that what reaches `onData` is exactly the
 * raw deflate data and the trailer is what is held at the end.
 */
class WebDeflater implements PartDeflater {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly pumped: Promise<void>;
  /** Header bytes still to come (and be checked), and those seen so far. */
  private header: Uint8Array = new Uint8Array(0);
  /** The last bytes of the output so far (at most {@link GZIP_TRAILER_BYTES}), not yet passed on. */
  private tail: Uint8Array = new Uint8Array(0);
  /** Input bytes written (modulo 2^32 is what the trailer states). */
  private size = 0;

  constructor(private readonly onData: (chunk: Uint8Array) => void, onError: (err: Error) => void) {
    const gzip = new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>;
    this.writer = gzip.writable.getWriter();
    const reader = gzip.readable.getReader();
    this.pumped = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        try {
          this.take(value);
        } catch (err) {
          // Nobody reads the output any more: cancelling it errors the input side too, so the
          // pending writes and `end`'s close reject instead of waiting for room forever.
          reader.cancel(err).catch(() => undefined);
          throw err;
        }
      }
    })();
    this.pumped.catch((err: unknown) => onError(err instanceof Error ? err : new Error(String(err))));
  }

  /** One chunk of gzip output: the header checked and dropped, the last 8 bytes held back. */
  private take(chunk: Uint8Array): void {
    if (this.header.length < GZIP_HEADER_BYTES) {
      const need = GZIP_HEADER_BYTES - this.header.length;
      this.header = join(this.header, chunk.subarray(0, need));
      chunk = chunk.subarray(need);
      if (this.header.length === GZIP_HEADER_BYTES) {
        const [id1, id2, method, flags] = this.header;
        if (id1 !== 0x1f || id2 !== 0x8b || method !== 8 || flags !== 0) throw new Error("CompressionStream: unexpected gzip header");
      }
    }
    if (chunk.length === 0) return;
    if (chunk.length >= GZIP_TRAILER_BYTES) {
      if (this.tail.length > 0) this.onData(this.tail);
      // A view, not a copy: every chunk the stream gives is a new array.
      this.onData(chunk.subarray(0, chunk.length - GZIP_TRAILER_BYTES));
      this.tail = chunk.slice(chunk.length - GZIP_TRAILER_BYTES);
      return;
    }
    const all = join(this.tail, chunk);
    const out = all.length - GZIP_TRAILER_BYTES;
    if (out > 0) this.onData(all.slice(0, out));
    this.tail = all.slice(Math.max(0, out));
  }

  write(bytes: Uint8Array, done: (err?: Error | null) => void): void {
    this.size += bytes.length;
    // A copy goes to the stream: a browser's stream copies the bytes when it takes them
    // (Compression Streams: "get a copy of the bytes"), but Node's (a duplex adapter over zlib,
    // as under Jest and in the bench) settles a write below its high-water mark (16 KiB in Node
    // 20) before zlib has read the bytes, and `done` hands the buffer back for reuse. The write's
    // settling still paces the caller (backpressure).
    this.writer.write(bytes.slice()).then(
      () => done(),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    );
  }

  async end(): Promise<number> {
    await this.writer.close();
    await this.pumped;
    if (this.header.length < GZIP_HEADER_BYTES || this.tail.length !== GZIP_TRAILER_BYTES) throw new Error("CompressionStream: gzip output ended early");
    if (uint32le(this.tail, 4) !== this.size % 2 ** 32) throw new Error("CompressionStream: gzip trailer states another size");
    return uint32le(this.tail, 0);
  }
}

const encoder = new TextEncoder();

/**
 * The web codec (see the module comment): the browser page's worker deflates its result parts
 * with it. Compression level: the platform's default (zlib's 6 in Chromium and Node), which the
 * standard does not let us choose; smaller and slower than the command line's level 1.
 */
export const WEB_DEFLATE: DeflateCodec = {
  deflater: (_chunkBytes, onData, onError) => new WebDeflater(onData, onError),
  alloc: (bytes) => new Uint8Array(bytes),
  encodeInto: (text, into, at) => encoder.encodeInto(text, into.subarray(at)).written,
};
