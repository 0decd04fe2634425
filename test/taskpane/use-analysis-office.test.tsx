/** @jest-environment jsdom */
/**
 * useAnalysis with the Office.js adapter (in-memory host): each run binds the adapter to its own
 * AbortController, the progress bar moves per chunk while reading and writing, and a cancel
 * while the result sheets are written stops at the next chunk and leaves the workbook as it was.
 */
import { renderHook, waitFor } from "@testing-library/react";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { useAnalysis, WRITE_STEP } from "../../src/taskpane/hooks/useAnalysis";
import { portSession } from "../../src/session/session";
import { OfficeWorkbook } from "../../src/workbook/office";
import { ExcelHost } from "../office-host/host";
import { roundTripRun } from "../office-host/round-trip";
import { expectEqualData } from "../support/equal";

const WONINGTYPEN = ["Gestapeld met lift", "Gestapeld zonder lift", "Eengezinswoning"];

/**
 * A stock of `rows` dwellings, and the same host's Office.js port with small chunks. Each sync
 * first yields to the event loop, as a round trip to Excel does, so React renders in between.
 */
function setup(rows: number) {
  const host = new ExcelHost();
  host.addSheet("Voorraad", [["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score"]]);
  host.fill("Voorraad", `A2:H${rows + 1}`, (r, c) => [`VHE${r}`, `K${r >> 4}`, "Wonen Zuid", "Kerkrade", WONINGTYPEN[r % 3], r % 4, r % 2 ? "ja" : "nee", r % 5][c - 1]);
  const roundTrip = roundTripRun(host);
  const port = new OfficeWorkbook(roundTrip, { chunkCells: 8 * 250 });
  return { host, port };
}

// React renders on its own schedule here (between the round trips), not only at the end of act().
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const request = (port: OfficeWorkbook) => ({ session: portSession(port, port), write: true, options: { rules: DEFAULT_RULES }, settings: {} });

describe("useAnalysis over the Office.js adapter", () => {
  test("the bar moves per chunk while reading and writing; the write stays cancellable", async () => {
    const { port } = setup(3000);
    const seen: { status: string; stap: string | null; fractie: number }[] = [];
    const { result } = renderHook(() => {
      const state = useAnalysis();
      seen.push({ status: state.status, stap: state.stap, fractie: state.fractie });
      return state;
    });
    await result.current.run(request(port));
    await waitFor(() => expect(result.current.status).toBe("done"));
    const reading = seen.filter((s) => s.stap === "Werkmap lezen").map((s) => s.fractie);
    const writing = seen.filter((s) => s.stap === WRITE_STEP);
    // 3,001 rows in chunks of 250: the bar moved during the read, not only at its end.
    expect(new Set(reading).size).toBeGreaterThanOrEqual(5);
    expect(writing.every((s) => s.status === "running")).toBe(true);
    expect(new Set(writing.map((s) => s.fractie)).size).toBeGreaterThanOrEqual(5);
    const all = seen.map((s) => s.fractie);
    expect(all).toEqual([...all].sort((a, b) => a - b));
  });

  test("cancel while the result sheets are written: the next chunk is not sent and the workbook is as it was", async () => {
    const { host, port } = setup(3000);
    await port.writeResults([], {}); // a meta sheet from an earlier run
    const before = host.snapshot();
    const { result } = renderHook(() => useAnalysis());
    // Cancel when the third request of the write (the one that adds the temporary sheets is the
    // first) has been sent.
    let writeSyncs = 0;
    let cancelledAt = -1;
    host.beforeSync = (index) => {
      const ops = host.syncs[index].operations;
      if (writeSyncs === 0 && !ops.includes("WorksheetCollection.add")) return;
      if (++writeSyncs === 3) {
        cancelledAt = index;
        result.current.cancel();
      }
    };
    const outcome = await result.current.run(request(port));
    expect(outcome).toBeNull();
    await waitFor(() => expect(result.current.status).toBe("cancelled"));
    expect(result.current.error).toBe("Analyse geannuleerd.");
    expect(host.syncs.slice(cancelledAt + 1).filter((s) => s.operations.includes("Range.values"))).toEqual([]);
    expectEqualData(host.snapshot(), before);
  });
});
