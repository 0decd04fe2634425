/**
 * Issue 11 item 3 on the Excel route: the preview's read of the stock shows progress per chunk,
 * can be cancelled (no further request once it is), is read once and kept for mapping and
 * BAT-scale changes, and is shared by requests that come while it is under way. Requests are
 * counted on a stock of 100,000 dwellings in the in-memory host with the default budgets.
 */
import { DEFAULT_RULES } from "../../src/domain/rules";
import { portSession } from "../../src/session/session";
import { SharedSheetReads } from "../../src/session/shared-read";
import { OfficeWorkbook } from "../../src/workbook/office";
import { ExcelHost } from "../office-host/host";

const ROWS = 100_000;
const HEADER = ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score"];
const TYPES = ["Eengezinswoning", "Gestapeld met lift", "Gestapeld zonder lift"];

let host: ExcelHost;

beforeAll(() => {
  host = new ExcelHost();
  host.addSheet("Voorraad", [HEADER]);
  host.fill("Voorraad", `A2:H${ROWS + 1}`, (r, c) => {
    const i = r - 2;
    return [`VHE${i + 1}`, `C-${i % 300}`, "Wonen Zuid", i % 2 ? "Kerkrade" : "Heerlen", TYPES[i % 3], i % 4, i % 3 === 1 ? "ja" : "nee", i % 5][c - 1];
  });
});

/** Syncs that read cell values (the chunks of a sheet read). */
const valueReads = (from: number) => host.syncs.slice(from).filter((s) => s.responseBytes > 1000).length;

describe(`the preview's read of a stock of ${ROWS.toLocaleString("nl-NL")} rows`, () => {
  test("progress per chunk up to every row; later mapping and BAT-scale changes send no request", async () => {
    const session = portSession(new OfficeWorkbook(host.run));
    expect(session.previewCancellable).toBe(true);
    const start = host.syncs.length;
    const progress: [number, number][] = [];
    const first = await session.preview("Voorraad", DEFAULT_RULES, {}, { onProgress: (done, total) => progress.push([done, total]) });
    const requests = host.syncs.length - start;
    const bytes = host.syncs.slice(start).reduce((n, s) => n + s.responseBytes, 0);
    console.log(`voorbeeld van ${ROWS.toLocaleString("nl-NL")} rijen: ${requests} verzoeken, ${bytes.toLocaleString("nl-NL")} bytes antwoord, ${progress.length} voortgangsmeldingen`);
    expect(first.rowsRead).toBe(ROWS);
    // One request for the used range, then one per chunk, each reported.
    expect(progress.length).toBe(requests - 1);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every(([, total]) => total === ROWS + 1)).toBe(true);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([ROWS + 1, ROWS + 1]);
    const after = host.syncs.length;
    const vera = await session.preview("Voorraad", { ...DEFAULT_RULES, batSchaal: "vera" }, {});
    const remapped = await session.preview("Voorraad", DEFAULT_RULES, { complex: "Corporatie" });
    expect(host.syncs.length).toBe(after);
    expect(vera.batScale).toBe("vera");
    expect(remapped.mapping.complex).toBe("Corporatie");
  });

  test("cancelled after the second chunk: no further request, the read is forgotten, the next request reads anew", async () => {
    const session = portSession(new OfficeWorkbook(host.run));
    await session.describe();
    const controller = new AbortController();
    const start = host.syncs.length;
    let chunks = 0;
    const pending = session.preview("Voorraad", DEFAULT_RULES, {}, {
      signal: controller.signal,
      onProgress: () => {
        if (++chunks === 2) controller.abort();
      },
    });
    await expect(pending).rejects.toThrow("Analyse geannuleerd.");
    // The host answers in microtasks, so by the next macrotask the read has stopped (or, were it
    // not stopped, finished): at most the chunk under way was still answered.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(valueReads(start)).toBeLessThanOrEqual(3);
    const again = host.syncs.length;
    const preview = await session.preview("Voorraad", DEFAULT_RULES, {});
    expect(preview.rowsRead).toBe(ROWS);
    expect(valueReads(again)).toBeGreaterThan(3);
  });

  test("a request while the read is under way shares it (a mapping change during the read): one read, both answered", async () => {
    const session = portSession(new OfficeWorkbook(host.run));
    const start = host.syncs.length;
    const first = new AbortController();
    let chunks = 0;
    let second: Promise<unknown> | null = null;
    const seen: number[] = [];
    const earlier = session.preview("Voorraad", DEFAULT_RULES, {}, {
      signal: first.signal,
      onProgress: () => {
        if (++chunks !== 2) return;
        // As the pane does on a mapping change: the old request is dropped, a new one comes at once.
        first.abort();
        second = session.preview("Voorraad", DEFAULT_RULES, { complex: "Corporatie" }, { onProgress: (done) => seen.push(done) });
      },
    });
    await expect(earlier).rejects.toThrow("Analyse geannuleerd.");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(second).not.toBeNull();
    await expect(second).resolves.toMatchObject({ rowsRead: ROWS, mapping: { complex: "Corporatie" } });
    // The new request saw the progress so far at once, then every further chunk.
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(ROWS + 1);
    // One read of the sheet: the used range plus its chunks, as in a read without interruption.
    const plain = host.syncs.length;
    await new SharedSheetReads(new OfficeWorkbook(host.run)).read("Voorraad");
    expect(host.syncs.length - plain).toBe(plain - start);
  });
});
