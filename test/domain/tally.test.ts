/**
 * The issue tally: counting a row as an object (`add`) and by its index in the columns
 * (`addAt`, the domain core's way) give the same issues, and both equal a straightforward
 * count (every dwelling, table rows read from the same sheet row once, the first five counted
 * rows as examples, kinds in order of first count), on seeded random sequences with repeated
 * sheet rows (wide tables), several sheets and rows counted under several kinds.
 */
import fc from "fast-check";
import { IssueTally, type TallyKind } from "../../src/domain/tally";
import { StockColumns } from "../../src/domain/stock-columns";
import type { Issue } from "../../src/domain/issues";
import type { StockRow } from "../../src/domain/types";
import { stockRow } from "./fixtures";

const KINDS: TallyKind[] = [
  { code: "bzk-onbekend", severity: "waarschuwing", text: "BZK-type onbekend" },
  { code: "ontmoetingsruimte-onbekend", severity: "info", text: "geclusterd niet te bepalen", hint: "Vul de kolom aan." },
  { code: "zorgprofiel-onbekend", severity: "info", text: "zorgprofiel onbekend" },
];

/** One counted row: the row, and the kinds it is counted under (indices into KINDS, in order). */
interface Counted {
  row: StockRow;
  kinds: number[];
}

const sequenceArb = fc
  .array(
    fc.record({
      // Several stock rows may come from one sheet row (a wide table): repeat the previous one.
      sameSheetRow: fc.boolean(),
      sheet: fc.constantFrom("Voorraad", "Kerkrade"),
      // Few row numbers: the same number on two sheets, or again later, is not the same row.
      rowNumber: fc.integer({ min: 2, max: 6 }),
      aantal: fc.integer({ min: 1, max: 15 }),
      kinds: fc.subarray([0, 1, 2]),
    }),
    { maxLength: 60 },
  )
  .map((items) => {
    const out: Counted[] = [];
    for (const it of items) {
      const prev = out[out.length - 1];
      const same = prev !== undefined && it.sameSheetRow;
      const row = stockRow({ sheet: same ? prev.row.sheet : it.sheet, aantal: it.aantal });
      row.rowNumber = same ? prev.row.rowNumber : it.rowNumber;
      out.push({ row, kinds: it.kinds });
    }
    return out;
  });

/** The issues' counts and examples, counted the plain way (the tally's definition). */
function reference(seq: Counted[]): { kind: TallyKind; rows: number; dwellings: number; examples: { sheet: string; rowNumber: number }[] }[] {
  const order: number[] = [];
  const acc = KINDS.map(() => ({ rows: 0, dwellings: 0, examples: [] as { sheet: string; rowNumber: number }[], last: null as StockRow | null }));
  for (const { row, kinds } of seq) {
    for (const k of kinds) {
      const a = acc[k];
      if (!order.includes(k)) order.push(k);
      a.dwellings += row.aantal;
      const repeated = a.last !== null && a.last.sheet === row.sheet && a.last.rowNumber === row.rowNumber;
      a.last = row;
      if (repeated) continue;
      a.rows++;
      if (a.examples.length < 5) a.examples.push({ sheet: row.sheet, rowNumber: row.rowNumber });
    }
  }
  return order.map((k) => ({ kind: KINDS[k], rows: acc[k].rows, dwellings: acc[k].dwellings, examples: acc[k].examples }));
}

function byRows(seq: Counted[]): IssueTally {
  const t = new IssueTally();
  for (const { row, kinds } of seq) for (const k of kinds) t.add(KINDS[k], row);
  return t;
}

function byIndex(seq: Counted[]): IssueTally {
  const cols = StockColumns.fromRows(seq.map((c) => c.row));
  const t = new IssueTally();
  // Handles asked for up front, in another order than the kinds are first counted.
  const handles = [...KINDS].reverse().map((k) => t.handle(k)).reverse();
  seq.forEach(({ kinds }, i) => {
    for (const k of kinds) t.addAt(handles[k], cols, i);
  });
  return t;
}

describe("IssueTally", () => {
  test("add and addAt give the same issues, and the counts of the plain definition", () => {
    fc.assert(
      fc.property(sequenceArb, (seq) => {
        const expected = reference(seq);
        const a = byRows(seq).toIssues();
        const b = byIndex(seq).toIssues();
        expect(b).toEqual(a);
        expect(a.map((i: Issue) => i.code)).toEqual(expected.map((e) => e.kind.code));
        for (let j = 0; j < expected.length; j++) {
          const e = expected[j];
          const rowsPart = e.rows !== e.dwellings ? ` (${e.rows} ${e.rows === 1 ? "rij" : "rijen"})` : "";
          expect(a[j].message.startsWith(`${e.dwellings} ${e.dwellings === 1 ? "woning" : "woningen"}${rowsPart}: ${e.kind.text}. `)).toBe(true);
          const sheets = new Set(e.examples.map((x) => x.sheet));
          expect(a[j].sheet).toBe(sheets.size === 1 ? e.examples[0].sheet : null);
          const refs = e.examples.map((x) => (sheets.size === 1 ? String(x.rowNumber) : `${x.sheet}!${x.rowNumber}`));
          expect(a[j].message).toContain(refs.join(", "));
          if (e.rows > e.examples.length) expect(a[j].message).toContain(" en meer");
          else expect(a[j].message).not.toContain(" en meer");
        }
        const t = byIndex(seq);
        for (const e of expected) expect(t.dwellings(e.kind)).toBe(e.dwellings);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  test("a wide table row counts once as a row, every dwelling counts; the message says both", () => {
    const rows = [stockRow({ aantal: 3 }), stockRow({ aantal: 4 }), stockRow({ aantal: 1 })];
    rows[1].rowNumber = rows[0].rowNumber;
    const cols = StockColumns.fromRows(rows);
    const t = new IssueTally();
    const h = t.handle(KINDS[1]);
    for (let i = 0; i < rows.length; i++) t.addAt(h, cols, i);
    expect(t.toIssues()).toEqual([
      expect.objectContaining({
        code: "ontmoetingsruimte-onbekend",
        severity: "info",
        sheet: "Voorraad",
        cell: null,
        message: `8 woningen (2 rijen): geclusterd niet te bepalen. Bijvoorbeeld rij ${rows[0].rowNumber}, ${rows[2].rowNumber} (blad Voorraad). Vul de kolom aan.`,
      }),
    ]);
  });

  test("a kind with a handle but never counted gives no issue and no dwellings", () => {
    const t = new IssueTally();
    t.handle(KINDS[0]);
    expect(t.toIssues()).toEqual([]);
    expect(t.dwellings(KINDS[0])).toBe(0);
  });
});
