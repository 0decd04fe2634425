/**
 * The web codec (src/workbook/deflate-codec.ts `WEB_DEFLATE`): the gzip output of
 * `CompressionStream` turned into raw deflate data and a CRC-32, however the stream cuts its
 * output into chunks, and failing (not waiting forever) on output it does not expect.
 * Node's own CompressionStream gives few, large chunks; here a stand-in stream gives Node's gzip
 * output in pieces of 1-9 bytes, with the header or trailer changed where a test says so.
 */
import { crc32, gzipSync, inflateRawSync } from "node:zlib";
import { WEB_DEFLATE } from "../../src/workbook/deflate-codec";

/** Sheet-like XML text, `rows` rows, as UTF-8. */
function xmlRows(rows: number, from = 0): Uint8Array {
  let text = "";
  for (let r = from; r < from + rows; r++) text += `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r % 97}</v></c><c r="B${r + 1}"><v>${(r * 7919) % 1000}</v></c></row>`;
  return new TextEncoder().encode(text);
}

/** Enqueues `bytes` in pieces of 1 to 9 bytes. */
function inPieces(c: TransformStreamDefaultController<Uint8Array>, bytes: Uint8Array): void {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = 1 + ((at * 7 + k) % 9);
    c.enqueue(bytes.slice(at, at + n));
    at += n;
  }
}

/**
 * A stand-in for `CompressionStream("gzip")`: Node's gzip of all input, changed by `edit`, in
 * pieces of 1-9 bytes. With `headerFirst` the 10-byte header comes as soon as the first input
 * does (as a real stream may), the rest when the input ends.
 */
function choppedGzip(edit: (gz: Buffer) => Buffer, headerFirst = false) {
  return class {
    constructor() {
      const input: Uint8Array[] = [];
      let sent = 0;
      return new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          input.push(chunk.slice());
          if (headerFirst && sent === 0) {
            inPieces(c, edit(gzipSync(Buffer.alloc(0))).subarray(0, 10));
            sent = 10;
          }
        },
        flush(c) {
          inPieces(c, edit(gzipSync(Buffer.concat(input))).subarray(sent));
        },
      });
    }
  };
}

const original = globalThis.CompressionStream;
afterEach(() => {
  globalThis.CompressionStream = original;
});

/** Deflates `inputs` with the web codec; the raw deflate output, the CRC-32 and the `done` errors. */
async function deflate(inputs: Uint8Array[]): Promise<{ data: Buffer; crc: number; doneErrors: (Error | null | undefined)[] }> {
  const out: Uint8Array[] = [];
  const doneErrors: (Error | null | undefined)[] = [];
  const d = WEB_DEFLATE.deflater(1 << 16, (chunk) => out.push(chunk), () => undefined);
  const settled = inputs.map((bytes) => new Promise<void>((resolve) => d.write(bytes, (err) => (doneErrors.push(err), resolve()))));
  try {
    const crc = await d.end();
    return { data: Buffer.concat(out), crc, doneErrors };
  } finally {
    await Promise.all(settled);
  }
}

test("output in pieces of 1-9 bytes: the raw deflate data inflates to the input, with its CRC-32", async () => {
  globalThis.CompressionStream = choppedGzip((gz) => gz) as unknown as typeof CompressionStream;
  const inputs = [xmlRows(400), xmlRows(3, 400), xmlRows(1_000, 403)];
  const { data, crc, doneErrors } = await deflate(inputs);
  const all = Buffer.concat(inputs);
  expect(inflateRawSync(data).equals(all)).toBe(true);
  expect(crc).toBe(crc32(all));
  expect(doneErrors).toEqual([undefined, undefined, undefined]);
});

test("a header with optional fields (FLG not 0), sent before the input ends: every write and the end fail, nothing waits", async () => {
  globalThis.CompressionStream = choppedGzip((gz) => {
    const copy = Buffer.from(gz);
    copy[3] = 0x08; // FNAME
    return copy;
  }, true) as unknown as typeof CompressionStream;
  const inputs = [xmlRows(200), xmlRows(200, 200), xmlRows(200, 400), xmlRows(200, 600)];
  await expect(deflate(inputs)).rejects.toThrow(/gzip header/);
}, 10_000);

test("a trailer that states another input size: the end fails", async () => {
  globalThis.CompressionStream = choppedGzip((gz) => {
    const copy = Buffer.from(gz);
    copy.writeUInt32LE((copy.readUInt32LE(copy.length - 4) + 1) >>> 0, copy.length - 4);
    return copy;
  }) as unknown as typeof CompressionStream;
  await expect(deflate([xmlRows(50)])).rejects.toThrow(/another size/);
});

test("Node's own CompressionStream: a buffer changed right after it is written does not change the output", async () => {
  const bytes = xmlRows(100);
  const expected = Buffer.from(bytes);
  const out: Uint8Array[] = [];
  const d = WEB_DEFLATE.deflater(1 << 16, (chunk) => out.push(chunk), () => undefined);
  const settled = new Promise<void>((resolve) => d.write(bytes, () => resolve()));
  bytes.fill(0x20);
  const crc = await d.end();
  await settled;
  expect(inflateRawSync(Buffer.concat(out)).equals(expected)).toBe(true);
  expect(crc).toBe(crc32(expected));
});
