/**
 * `analyseWorkbook` with a `pause` (the task pane passes a macrotask): the steps after reading
 * are separated by awaited pauses, so the pane repaints between them, and the result is the same
 * as without pauses.
 */
import { readFileSync } from "node:fs";
import { DEFAULT_RULES } from "../src/domain/rules";
import { analyseWorkbook } from "../src/analysis/analyse";
import { cachedWorkbook } from "./support/workbook-cache";
import { KERKRADE } from "./support/paths";


test("the steps after reading are separated by awaited pauses; the result is the same", async () => {
  const wb = await cachedWorkbook(readFileSync(KERKRADE));
  const plain = await analyseWorkbook(wb, { rules: DEFAULT_RULES });

  const steps: string[] = [];
  const seenAtPause: string[] = [];
  let pauses = 0;
  const paused = await analyseWorkbook(wb, {
    rules: DEFAULT_RULES,
    onProgress: (stap) => steps.push(stap),
    pause: async () => {
      pauses++;
      seenAtPause.push(steps[steps.length - 1]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
  // One pause after each step's progress report, before the next step runs.
  expect(seenAtPause).toEqual(["Voorraad lezen", "Vraag lezen", "Woningen indelen", "Aanpassingspotentieel bepalen", "Clustering- en zorgpotentieel bepalen", "Tekort berekenen", "Wat-als berekenen"]);
  expect(pauses).toBe(7);
  expect(paused.summary).toEqual(plain.summary);
  expect(paused.tekort).toEqual(plain.tekort);
  expect(paused.dwellings.slots).toEqual(plain.dwellings.slots);
  expect(paused.dwellings.toArray().map((d) => d.reden)).toEqual(plain.dwellings.toArray().map((d) => d.reden));
});

test("a cancel during a pause stops the run before the next step", async () => {
  const wb = await cachedWorkbook(readFileSync(KERKRADE));
  const ctrl = new AbortController();
  const steps: string[] = [];
  const run = analyseWorkbook(wb, {
    rules: DEFAULT_RULES,
    signal: ctrl.signal,
    onProgress: (stap) => steps.push(stap),
    pause: async () => {
      if (steps[steps.length - 1] === "Woningen indelen") ctrl.abort();
    },
  });
  await expect(run).rejects.toThrow("Analyse geannuleerd.");
  expect(steps).not.toContain("Tekort berekenen");
});
