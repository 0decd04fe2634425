/**
 * Dividing write steps into requests (src/workbook/office-requests.ts `nextRequest`) without the
 * host: every request within its cell and byte budgets (values and formats measured as UTF-8
 * JSON, an operation counted as one cell and OPERATION_BYTES), at least one unit per request,
 * and every row sent once, in order. The host suites (office.test.ts, office-scale.test.ts)
 * show the same from the requests Excel receives.
 */
import fc from "fast-check";
import { type FormatsMemo, jsonRowSize, nextRequest, OPERATION_BYTES, type PlannedRequest, type StepPosition } from "../../src/workbook/office-requests";
import type { CellsStep, Step } from "../../src/workbook/write-ops";

/** A block of `count` rows of `width` cells; row i holds i's text repeated `size` times per cell. */
function block(sheet: string, count: number, width: number, size = 1): CellsStep {
  const formats = Array.from({ length: width }, () => "@");
  return {
    op: "cells",
    sheet,
    row: 10,
    col: 2,
    width,
    count,
    values: (i) => Array.from({ length: width }, () => String(i % 10).repeat(size)),
    formats: () => formats,
    counts: true,
  };
}

/** All requests of the steps under one budget. */
function requests(steps: Step[], budget: { cells: number; bytes: number }): PlannedRequest[] {
  const memo: FormatsMemo = { formats: null, size: 0 };
  const out: PlannedRequest[] = [];
  let pos: StepPosition = { step: 0, row: 0 };
  while (pos.step < steps.length) {
    const r = nextRequest(steps, pos, budget, memo);
    out.push(r);
    pos = r.next;
    if (out.length > 10_000) throw new Error("no progress");
  }
  return out;
}

describe("dividing write steps into requests", () => {
  test("rows are split where the byte budget ends; each request's bytes are its rows' JSON plus one allowance per block", () => {
    const steps: Step[] = [{ op: "addSheet", sheet: "T" }, block("T", 100, 3)];
    const rowBytes = jsonRowSize(["0", "0", "0"]) + jsonRowSize(["@", "@", "@"]) + 2;
    const budget = { cells: 1_000_000, bytes: OPERATION_BYTES * 2 + rowBytes * 30 };
    const all = requests(steps, budget);
    // The first request: the operation and 30 rows (two allowances and 30 rows fit exactly).
    expect(all[0].pieces.map((p) => (p.kind === "op" ? "op" : `${p.row}+${p.values.length}`))).toEqual(["op", "0+30"]);
    expect(all[0].bytes).toBe(budget.bytes);
    // Then as many rows as fit beside one allowance (28 bytes each: 40), until the rows run out.
    expect(rowBytes).toBe(28);
    expect(Math.floor((budget.bytes - OPERATION_BYTES) / rowBytes)).toBe(40);
    expect(all.map((r) => r.counted)).toEqual([30, 40, 30]);
    for (const r of all) expect(r.bytes).toBeLessThanOrEqual(budget.bytes);
  });

  test("the cell budget: an operation counts one cell, a row its width", () => {
    const steps: Step[] = [{ op: "addSheet", sheet: "T" }, block("T", 10, 4), { op: "deleteSheet", sheet: "X" }];
    const all = requests(steps, { cells: 9, bytes: 1_000_000 });
    expect(all.map((r) => [r.cells, r.units])).toEqual([
      [9, 3], // the operation and two rows
      [8, 2],
      [8, 2],
      [8, 2],
      [9, 3], // two rows and the last operation
    ]);
  });

  test("a row larger than the whole budget still goes, alone", () => {
    const steps: Step[] = [block("T", 3, 2, 500)];
    const all = requests(steps, { cells: 100, bytes: 200 });
    expect(all.map((r) => r.units)).toEqual([1, 1, 1]);
    expect(all[0].bytes).toBeGreaterThan(200);
  });

  test("any budget: every row sent once and in order, every request within its budget unless it holds one unit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(null).map((): Step => ({ op: "addSheet", sheet: "S" })), fc.record({ count: fc.integer({ min: 1, max: 40 }), width: fc.integer({ min: 1, max: 6 }), size: fc.integer({ min: 1, max: 30 }) }).map(({ count, width, size }) => block("S", count, width, size) as Step)), { maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 3000 }),
        (steps, cells, bytes) => {
          const all = requests(steps, { cells, bytes });
          const sent: string[] = [];
          for (const r of all) {
            expect(r.units).toBeGreaterThan(0);
            if (r.units > 1) expect(r.cells <= cells && r.bytes <= bytes).toBe(true);
            for (const p of r.pieces) {
              if (p.kind === "op") sent.push(`${steps.indexOf(p.step)}`);
              else p.values.forEach((_, i) => sent.push(`${steps.indexOf(p.step)}:${p.row + i}`));
            }
          }
          const expected = steps.flatMap((s, si) => (s.op === "cells" ? [...Array(s.count).keys()].map((i) => `${si}:${i}`) : [`${si}`]));
          expect(sent).toEqual(expected);
        },
      ),
    );
  });
});
