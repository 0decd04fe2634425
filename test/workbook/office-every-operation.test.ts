/**
 * Issue 11, a run that fails leaves the workbook as it was: every operation of every request of a
 * run failed in turn, for a re-run in place, a first run and a re-run without ExcelApi 1.9
 * (test/support/fail-operations.ts). Slow (about 2,000 runs): listed in jest.slow-suites.js;
 * office-rerun.test.ts runs a sample of the same in the fast suite.
 */
import { failOperations, firstRun, loadDemand, rerunInPlace, rerunReplacing } from "../support/fail-operations";

beforeAll(loadDemand);

describe("failing every operation of every request in turn", () => {
  test.each([
    ["a re-run in place", rerunInPlace],
    ["a first run", firstRun],
    ["a re-run that replaces the sheets (no ExcelApi 1.9)", rerunReplacing],
  ])("%s: the workbook as before (by hash) up to the swap, the full result after it", async (name, scenario) => {
    const counts = await failOperations(scenario, "every");
    console.log(`${name}: ${counts.before} fouten tot en met de wissel, ${counts.after} erna`);
    expect(counts.before).toBeGreaterThan(300);
  }, 300_000);
});
