/**
 * DeflatedPart.drain (src/workbook/zip-sink.ts) when several calls wait at once: the sheet reader
 * awaits the rows of one inflated chunk together, and a re-generated sheet's rows each may return
 * a drain. Every waiting call must resume once zlib catches up, and every one must reject with
 * the compressor's error when it fails. What goes in comes out, with either platform's codec
 * (Node's zlib, the web's CompressionStream). And ZipSink's queue of entries (below).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { crc32, inflateRawSync, type DeflateRaw } from "node:zlib";
import { TextWriter, Uint8ArrayReader, ZipReader } from "@zip.js/zip.js";
import { DeflatedPart, MAX_IN_FLIGHT, PART_BUFFER_BYTES, ZipSink, type ZipOutput } from "../../src/workbook/zip-sink";
import { openZipFileSink, ZLIB_DEFLATE } from "../../src/workbook/zip-node";
import { WEB_DEFLATE } from "../../src/workbook/deflate-codec";

type State = "pending" | "resolved" | "rejected";

/** Tracks the state of `p` (read after the event loop has turned). */
function track(p: Promise<unknown>): { state: State; error?: unknown } {
  const t: { state: State; error?: unknown } = { state: "pending" };
  p.then(
    () => (t.state = "resolved"),
    (error: unknown) => Object.assign(t, { state: "rejected", error }),
  );
  return t;
}

/** A part with many buffers handed to zlib and not yet taken (written synchronously, hard to compress). */
function busyPart(): DeflatedPart {
  const part = new DeflatedPart(ZLIB_DEFLATE);
  const text = randomBytes((3 * PART_BUFFER_BYTES) / 4).toString("base64"); // one buffer of text
  for (let k = 0; k < 24; k++) part.write(text);
  return part;
}

const inFlight = (part: DeflatedPart) => (part as unknown as { inFlight: number }).inFlight;
/** The zlib stream of a part's compressor (Node's codec: src/workbook/zip-node.ts). */
const deflater = (part: DeflatedPart) => (part as unknown as { deflater: { stream: DeflateRaw } }).deflater.stream;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("DeflatedPart.drain with several waiting calls", () => {
  test("three drains started while the compressor is behind all resolve once it catches up", async () => {
    const part = busyPart();
    expect(inFlight(part)).toBeGreaterThan(MAX_IN_FLIGHT); // the backlog that makes drain wait
    const waits = [track(part.drain()), track(part.drain()), track(part.drain())];
    await turn();
    // finish() ends once zlib has taken every buffer (every write callback has run).
    await part.finish();
    await turn();
    expect(waits.map((w) => w.state)).toEqual(["resolved", "resolved", "resolved"]);
  });

  test("after a compressor error every waiting drain rejects with it, and a later drain too", async () => {
    const part = busyPart();
    expect(inFlight(part)).toBeGreaterThan(MAX_IN_FLIGHT);
    const waits = [track(part.drain()), track(part.drain()), track(part.drain())];
    await turn();
    const failure = new Error("deflate failed (test)");
    const z = deflater(part);
    z.destroy(failure);
    await new Promise((resolve) => z.once("close", resolve));
    await turn();
    expect(waits.map((w) => w.state)).toEqual(["rejected", "rejected", "rejected"]);
    for (const w of waits) expect(w.error).toBe(failure);
    await expect(part.drain()).rejects.toBe(failure);
  });
});

describe.each([
  ["Node's zlib", ZLIB_DEFLATE],
  ["the web's CompressionStream (gzip, header dropped, CRC-32 from its trailer)", WEB_DEFLATE],
])("DeflatedPart with %s: what goes in comes out", (_codec, codec) => {
  test.each([
    ["nothing", [] as (string | number)[]],
    ["a few bytes", ["<a/>"]],
    ["text and bytes up to the first buffer's edge and over it", ["x".repeat(16 * 1024 - 3), 5, "é→😀", 40_000, "<row/>".repeat(3000)]],
    ["several full buffers, in small and large pieces", [..."abcdefghij".split("").map((c) => c.repeat(70_000)), 300_000, "<c><v>1</v></c>".repeat(30_000), 600_000]],
  ])("%s: the deflated data inflates to the bytes written, with their size and CRC-32", async (_name, pieces) => {
    const part = new DeflatedPart(codec);
    const written: Buffer[] = [];
    for (const piece of pieces) {
      if (typeof piece === "string") {
        part.write(piece);
        written.push(Buffer.from(piece, "utf8"));
      } else {
        const bytes = randomBytes(piece);
        part.writeBytes(bytes);
        written.push(Buffer.from(bytes));
        bytes.fill(0); // the part copied them
      }
      await part.drain();
    }
    const expected = Buffer.concat(written);
    const chunks = await part.finish();
    expect(part.size).toBe(expected.length);
    expect(part.compressedSize).toBe(chunks.reduce((n, c) => n + c.length, 0));
    expect(inflateRawSync(Buffer.concat(chunks)).equals(expected)).toBe(true);
    expect(part.crc >>> 0).toBe(crc32(expected) >>> 0);
  });
});

/**
 * ZipSink's queue: entries handed over without waiting are written in the order given, and a
 * failure of one of them is not lost (the writer does not await the large parts, so that it makes
 * the next sheet while zip.js writes the previous one).
 */
describe("ZipSink: entries queued without waiting", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zip-sink-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The entries of a zip file: name and text, in the order of the central directory. */
  async function entries(file: string): Promise<[string, string][]> {
    const zip = new ZipReader(new Uint8ArrayReader(readFileSync(file)));
    const out: [string, string][] = [];
    for (const e of await zip.getEntries()) {
      if (e.directory) continue;
      out.push([e.filename, await e.getData(new TextWriter())]);
    }
    await zip.close();
    return out;
  }

  test("parts and texts added without awaiting are in the file in the order given, with their content", async () => {
    const file = path.join(dir, "volgorde.zip");
    const sink = await openZipFileSink(file);
    const big = sink.part();
    const row = "<row><c><v>1</v></c></row>";
    for (let k = 0; k < 40_000; k++) big.write(row); // about 1 MB: several buffers, still being deflated
    void sink.add("a/groot.xml", big);
    void sink.addText("b/klein.xml", "<klein/>");
    const later = sink.part();
    later.write("<later/>");
    void sink.add("c/later.xml", later);
    await sink.close();
    const got = await entries(file);
    expect(got.map(([name]) => name)).toEqual(["a/groot.xml", "b/klein.xml", "c/later.xml"]);
    expect(got[0][1]).toBe(row.repeat(40_000));
    expect(got[1][1]).toBe("<klein/>");
    expect(got[2][1]).toBe("<later/>");
  });

  test("a part that fails while nobody awaits it: later entries are not written, throwIfFailed and close throw its error", async () => {
    const file = path.join(dir, "fout.zip");
    const sink = await openZipFileSink(file);
    const part = busyPart();
    const failure = new Error("deflate failed (test)");
    const queued = track(sink.add("a/kapot.xml", part).written);
    const after = track(sink.addText("b/daarna.xml", "<daarna/>").written);
    const z = deflater(part);
    z.destroy(failure);
    await new Promise((resolve) => z.once("close", resolve));
    await turn();
    expect(queued).toEqual({ state: "rejected", error: failure });
    expect(after).toEqual({ state: "rejected", error: failure });
    expect(() => sink.throwIfFailed()).toThrow(failure);
    await expect(sink.addText("c/nog.xml", "<nog/>")).rejects.toBe(failure);
    await expect(sink.close()).rejects.toBe(failure);
    // The file is closed: it can be removed and is not a finished zip.
    await expect(entries(file)).rejects.toThrow();
  });

  test.each([0, 3])("abort (after %i turns of the event loop) ends with no entry still being written, and nothing more is written", async (turns) => {
    const file = path.join(dir, `afgebroken-${turns}.zip`);
    const sink = await openZipFileSink(file);
    const part = busyPart();
    const first = track(sink.add("a/groot.xml", part).written);
    const second = track(sink.addText("b/klein.xml", "<klein/>").written);
    for (let k = 0; k < turns; k++) await turn();
    await sink.abort();
    await turn();
    // abort resolves only once the entry being written (if any) has stopped: none is left pending.
    expect(first.state).not.toBe("pending");
    expect(second.state).not.toBe("pending");
    await expect(sink.addText("c/nog.xml", "<nog/>")).rejects.toThrow();
    await expect(entries(file)).rejects.toThrow();
  });

  /**
   * A sink over a slow file (each write waits a few turns of the event loop) with a small bound;
   * `most` is the most deflated bytes seen queued, at every write and whenever `look` is called.
   */
  async function slowSink(file: string, bound: number) {
    const written: Uint8Array[] = [];
    const seen = { most: 0 };
    let sink: ZipSink | null = null;
    const look = () => (seen.most = Math.max(seen.most, sink?.queuedBytes ?? 0));
    const output: ZipOutput = {
      writable: new WritableStream<Uint8Array>({
        write: async (chunk) => {
          look();
          for (let k = 0; k < 5; k++) await turn();
          written.push(chunk.slice());
        },
      }),
      close: async () => writeFileSync(file, Buffer.concat(written)),
    };
    sink = new ZipSink(output, ZLIB_DEFLATE, bound);
    return { sink, seen, look };
  }

  /** A part of about 96 KB deflated (random text compresses badly), and its text. */
  function hardPart(): { part: DeflatedPart; text: string } {
    const text = randomBytes(96 * 1024).toString("base64");
    const part = new DeflatedPart(ZLIB_DEFLATE);
    part.write(text);
    return { part, text };
  }

  test("with a slow file, a writer awaiting each part: it goes on with at most the bound queued, the bytes queued stay within the bound plus one part, and every part arrives in order", async () => {
    const file = path.join(dir, "begrensd.zip");
    const bound = 256 * 1024;
    const { sink, seen, look } = await slowSink(file, bound);
    const texts: string[] = [];
    let largest = 0;
    let joinedBeforeWritten = 0;
    for (let k = 0; k < 12; k++) {
      const { part, text } = hardPart();
      texts.push(text);
      const queued = sink.add(`d/deel${k}.xml`, part);
      const written = track(queued.written);
      look();
      await queued;
      if (written.state === "pending") joinedBeforeWritten++;
      largest = Math.max(largest, part.compressedSize);
      look();
      expect(sink.queuedBytes).toBeLessThanOrEqual(bound);
    }
    await sink.close();
    expect(sink.queuedBytes).toBe(0);
    // Twelve parts of about 96 KB: without the bound most of them (over 1 MB) would be queued at once.
    expect(largest).toBeGreaterThan(90 * 1024);
    expect(seen.most).toBeLessThanOrEqual(bound + largest);
    // Joining the queue is not being written: the writer went on while zip.js wrote.
    expect(joinedBeforeWritten).toBeGreaterThan(6);
    const got = await entries(file);
    expect(got.map(([name]) => name)).toEqual(texts.map((_, k) => `d/deel${k}.xml`));
    expect(got.map(([, text]) => text)).toEqual(texts);
  });

  test("the bound is the sink's: a writer that never awaits anything cannot queue more than the bound plus one part; order kept", async () => {
    const file = path.join(dir, "begrensd-zonder-wachten.zip");
    const bound = 256 * 1024;
    const { sink, seen, look } = await slowSink(file, bound);
    const texts: string[] = [];
    const parts: DeflatedPart[] = [];
    for (let k = 0; k < 12; k++) {
      const { part, text } = hardPart();
      texts.push(text);
      parts.push(part);
      void sink.add(`d/deel${k}.xml`, part);
      look();
    }
    // Interleaved small texts keep their places too.
    void sink.addText("e/klein.xml", "<klein/>");
    // Watch the queue while the file is written.
    let done = false;
    const closing = sink.close().finally(() => (done = true));
    while (!done) {
      look();
      await turn();
    }
    await closing;
    const largest = Math.max(...parts.map((p) => p.compressedSize));
    expect(largest).toBeGreaterThan(90 * 1024);
    expect(seen.most).toBeLessThanOrEqual(bound + largest);
    expect(sink.queuedBytes).toBe(0);
    const got = await entries(file);
    expect(got.map(([name]) => name)).toEqual([...texts.map((_, k) => `d/deel${k}.xml`), "e/klein.xml"]);
    expect(got.map(([, text]) => text)).toEqual([...texts, "<klein/>"]);
  });

  test("a part added after a queued part failed is refused (its joining rejects), and the failed part's bytes no longer count", async () => {
    const sink = await openZipFileSink(path.join(dir, "vol.zip"), 1024);
    const part = busyPart();
    const failure = new Error("deflate failed (test)");
    void sink.add("a/kapot.xml", part);
    const z = deflater(part);
    z.destroy(failure);
    await new Promise((resolve) => z.once("close", resolve));
    await turn();
    const next = sink.addText("b/daarna.xml", "<daarna/>");
    await expect(next).rejects.toBe(failure);
    await expect(next.written).rejects.toBe(failure);
    expect(sink.queuedBytes).toBe(0);
    await expect(sink.close()).rejects.toBe(failure);
  });
});
