/**
 * Issue 11, fast first contact on the Excel route: opening the pane reads the used-range sizes
 * and the first rows of each sheet only; detection works on those; the stock is read once for
 * the preview and kept for mapping and BAT-scale changes. Requests and bytes are counted on a
 * stock of 100,000 dwellings (figures printed, asserted against what a whole read would cost).
 */
import { readFileSync } from "node:fs";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { HEAD_ROWS } from "../../src/analysis/preview";
import { portSession } from "../../src/session/session";
import { OfficeWorkbook } from "../../src/workbook/office";
import type { CellValue } from "../../src/ingest/types";
import { ExcelHost, type SyncRecord } from "../office-host/host";
import { cachedWorkbook } from "../support/workbook-cache";
import { PARKSTAD } from "../support/paths";

const ROWS = 100_000;
const HEADER = ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score"];
const TYPES = ["Eengezinswoning", "Gestapeld met lift", "Gestapeld zonder lift"];

let host: ExcelHost;
let demand: CellValue[][];

/** A workbook with a titled stock of `rows` dwellings and Parkstad's demand table. */
function stockHost(rows: number): ExcelHost {
  const h = new ExcelHost();
  h.addSheet("Voorraad", [["Woningvoorraad Wonen Zuid, peildatum 1-1-2024"], [], HEADER]);
  h.fill("Voorraad", `A4:H${rows + 3}`, (r, c) => {
    const i = r - 4;
    return [`VHE${i + 1}`, `C-${i % 300}`, "Wonen Zuid", i % 2 ? "Kerkrade" : "Heerlen", TYPES[i % 3], i % 4, i % 3 === 1 ? "ja" : "nee", i % 5][c - 1];
  });
  h.addSheet("Vraag", demand);
  return h;
}

beforeAll(async () => {
  const parkstad = await cachedWorkbook(readFileSync(PARKSTAD));
  demand = (await parkstad.readSheet("Tabel 1 Vraag")).values;
  host = stockHost(ROWS);
});

const sum = (syncs: SyncRecord[], key: "requestBytes" | "responseBytes") => syncs.reduce((n, s) => n + s[key], 0);

describe(`opening a workbook with a stock of ${ROWS.toLocaleString("nl-NL")} rows`, () => {
  test("describe: a few small requests (sizes, the first rows per sheet, the settings), the sheets recognised", async () => {
    const session = portSession(new OfficeWorkbook(host.run));
    const start = host.syncs.length;
    const { sheets } = await session.describe();
    const syncs = host.syncs.slice(start);
    const bytes = sum(syncs, "responseBytes");
    console.log(`openen: ${syncs.length} verzoeken, ${bytes.toLocaleString("nl-NL")} bytes antwoord, ${sum(syncs, "requestBytes").toLocaleString("nl-NL")} bytes verzoek`);
    expect(sheets.map((s) => [s.sheet, s.kind, s.rowCount])).toEqual([
      ["Voorraad", "voorraad", ROWS + 3],
      ["Vraag", "vraag", host.values("Vraag").length],
    ]);
    // listSheets (2), readSettings (1: no meta sheet), one request per sheet for its first rows.
    expect(syncs.length).toBeLessThanOrEqual(5);
    // The first HEAD_ROWS rows of the stock are about 200 × 70 bytes; the whole stock would be
    // about 7 MB. Nothing near a whole read:
    expect(bytes).toBeLessThan(100_000);
    expect(Math.max(...syncs.map((s) => s.responseBytes))).toBeLessThan(60_000);
    expect(HEAD_ROWS).toBeLessThan(1000);
  });

  test("preview: the stock is read once, in chunks, and kept for mapping and BAT-scale changes", async () => {
    // 10,000 rows (reading all 100,000 takes tens of seconds in the host and proves nothing more).
    const host = stockHost(10_000);
    const session = portSession(new OfficeWorkbook(host.run, { chunkCells: 20_000 }));
    await session.describe();
    const start = host.syncs.length;
    const first = await session.preview("Voorraad", DEFAULT_RULES, {});
    const afterFirst = host.syncs.length;
    expect(first.rowsRead).toBe(10_000);
    expect(first.headerRow).toBe(3);
    const second = await session.preview("Voorraad", { ...DEFAULT_RULES, batSchaal: "vera" }, { complex: "Corporatie" });
    const third = await session.preview("Voorraad", DEFAULT_RULES, { gemeente: "Complexnummer" });
    expect(host.syncs.length).toBe(afterFirst);
    expect(second.mapping.complex).toBe("Corporatie");
    expect(third.mapping.gemeente).toBe("Complexnummer");
    const read = host.syncs.slice(start, afterFirst);
    expect(read.length).toBeGreaterThan(1);
    console.log(`voorbeeld: ${read.length} verzoeken, ${sum(read, "responseBytes").toLocaleString("nl-NL")} bytes, daarna 0 per wijziging`);
    // Describing again (the pane reloaded) reads afresh: the user may have edited the sheet.
    await session.describe();
    const before = host.syncs.length;
    await session.preview("Voorraad", DEFAULT_RULES, {});
    expect(host.syncs.length - before).toBe(read.length);
  });

  test("readHead: the first rows of the used range, with its origin; a blank sheet and a short one", async () => {
    const office = new OfficeWorkbook(host.run);
    const head = await office.readHead("Voorraad", 5);
    expect(head).toMatchObject({ sheet: "Voorraad", originRow: 1, originCol: 1 });
    expect(head.values).toEqual([["Woningvoorraad Wonen Zuid, peildatum 1-1-2024"], [], HEADER, ["VHE1", "C-0", "Wonen Zuid", "Heerlen", "Eengezinswoning", 0, "nee", 0], ["VHE2", "C-1", "Wonen Zuid", "Kerkrade", "Gestapeld met lift", 1, "ja", 1]]);
    const small = new ExcelHost();
    small.addSheet("Leeg");
    small.addSheet("Kort", [["a", "b"], [1, 2]], { origin: "C3" });
    const o = new OfficeWorkbook(small.run);
    expect(await o.readHead("Leeg", 200)).toMatchObject({ values: [] });
    expect(await o.readHead("Kort", 200)).toEqual({ sheet: "Kort", tableName: null, originRow: 3, originCol: 3, values: [["a", "b"], [1, 2]] });
    await expect(o.readHead("Nergens", 5)).rejects.toThrow("Blad 'Nergens' bestaat niet in de werkmap.");
  });
});
