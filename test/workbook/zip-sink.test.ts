/**
 * DeflatedPart.drain (src/workbook/zip-sink.ts) when several calls wait at once: the sheet reader
 * awaits the rows of one inflated chunk together, and a re-generated sheet's rows each may return
 * a drain. Every waiting call must resume once zlib catches up, and every one must reject with
 * the compressor's error when it fails.
 */
import { randomBytes } from "node:crypto";
import type { DeflateRaw } from "node:zlib";
import { DeflatedPart, PART_BUFFER_BYTES } from "../../src/workbook/zip-sink";

type State = "pending" | "resolved" | "rejected";

/** Tracks the state of `p` (read after the event loop has turned). */
function track(p: Promise<void>): { state: State; error?: unknown } {
  const t: { state: State; error?: unknown } = { state: "pending" };
  p.then(
    () => (t.state = "resolved"),
    (error: unknown) => Object.assign(t, { state: "rejected", error }),
  );
  return t;
}

/** A part with many buffers handed to zlib and not yet taken (written synchronously, hard to compress). */
function busyPart(): DeflatedPart {
  const part = new DeflatedPart();
  const text = randomBytes((3 * PART_BUFFER_BYTES) / 4).toString("base64"); // one buffer of text
  for (let k = 0; k < 24; k++) part.write(text);
  return part;
}

const inFlight = (part: DeflatedPart) => (part as unknown as { inFlight: number }).inFlight;
const deflater = (part: DeflatedPart) => (part as unknown as { deflater: DeflateRaw }).deflater;
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("DeflatedPart.drain with several waiting calls", () => {
  test("three drains started while the compressor is behind all resolve once it catches up", async () => {
    const part = busyPart();
    expect(inFlight(part)).toBeGreaterThan(4); // the backlog that makes drain wait
    const waits = [track(part.drain()), track(part.drain()), track(part.drain())];
    await turn();
    // finish() ends once zlib has taken every buffer (every write callback has run).
    await part.finish();
    await turn();
    expect(waits.map((w) => w.state)).toEqual(["resolved", "resolved", "resolved"]);
  });

  test("after a compressor error every waiting drain rejects with it, and a later drain too", async () => {
    const part = busyPart();
    expect(inFlight(part)).toBeGreaterThan(4);
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
