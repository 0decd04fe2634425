/**
 * Failure injection for the Office.js adapter's write (issue 11: a run that fails leaves the
 * workbook as it was, proven on the stricter host by hash). A request to Excel that fails on one
 * operation keeps what ran before that operation and skips the rest (OfficeExtension.Error
 * `traceMessages`, @types/office-js; the in-memory host does the same), so every operation of
 * every request is a place where a run can stop half-way.
 *
 * Also the workbooks these tests write into: a stock of `n` dwellings in Kerkrade and Parkstad's
 * published demand table, and the runs to fail (a re-run in place, a first run, a re-run that
 * replaces the sheets as without ExcelApi 1.9).
 */
import { readFileSync } from "node:fs";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { CellValue } from "../../src/ingest/types";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { SheetModel } from "../../src/report/sheet-model";
import { buildSheets } from "../../src/report/sheets";
import { OfficeWorkbook } from "../../src/workbook/office";
import { richError } from "../office-host/errors";
import { ExcelHost } from "../office-host/host";
import { cachedWorkbook } from "./workbook-cache";
import { PARKSTAD } from "./paths";

const HEADER = ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score"];
const TYPES = ["Eengezinswoning", "Gestapeld met lift", "Gestapeld zonder lift"];

let demand: CellValue[][] | null = null;

/** Parkstad's demand table (Tabel 1), read once per test file. */
export async function loadDemand(): Promise<void> {
  if (demand) return;
  const parkstad = await cachedWorkbook(readFileSync(PARKSTAD));
  demand = (await parkstad.readSheet("Tabel 1 Vraag")).values;
}

/** A host with a stock of `n` dwellings and the demand table. Call {@link loadDemand} first. */
export function stockHost(n: number): ExcelHost {
  if (!demand) throw new Error("fail-operations: call loadDemand() in beforeAll");
  const h = new ExcelHost();
  h.addSheet("Voorraad", [HEADER]);
  fillStock(h, n);
  h.addSheet("Vraag", demand);
  return h;
}

/** Writes (or overwrites) the first `n` dwellings of the stock. */
export function fillStock(h: ExcelHost, n: number): void {
  h.fill("Voorraad", `A2:H${n + 1}`, (r, c) => {
    const i = r - 2;
    return [`VHE${i + 1}`, `C-${i % 12}`, "Wonen Zuid", "Kerkrade", TYPES[i % 3], i % 4, i % 3 === 1 ? "ja" : "nee", i % 5][c - 1];
  });
}

/** The result sheets of an analysis of the host's workbook. */
export async function models(h: ExcelHost): Promise<SheetModel[]> {
  return buildSheets(await analyseWorkbook(new OfficeWorkbook(h.run), { rules: DEFAULT_RULES, voorraad: "Voorraad" }));
}

/** The models of each step of each scenario, analysed once per test file: a scenario builds its
 * workbook the same way each time it is made (by each test that fails its run), so each step's
 * analysis is the same each time too. */
const analysed = new Map<string, Promise<SheetModel[]>>();

/** {@link models} of the host, analysed at the first call for `key` (scenario and step). */
function modelsOnce(key: string, h: ExcelHost): Promise<SheetModel[]> {
  let m = analysed.get(key);
  if (!m) {
    m = models(h);
    analysed.set(key, m);
  }
  return m;
}

/** A workbook ready for a run, and the run (the write of its result sheets). */
export type Scenario = () => Promise<{ h: ExcelHost; write: (h: ExcelHost) => Promise<unknown> }>;

/** A re-run that updates our earlier sheets in place, with a user's formula on Tekort. */
export const rerunInPlace: Scenario = async () => {
  const h = stockHost(60);
  await new OfficeWorkbook(h.run).writeResults(await modelsOnce("rerunInPlace:first", h), {});
  h.addSheet("Mijn overzicht", [[{ formula: "=Tekort!B5" }]]);
  fillStock(h, 90);
  const sheets = await modelsOnce("rerunInPlace:second", h);
  return { h, write: (x) => new OfficeWorkbook(x.run).writeResults(sheets, { voorraad: "Voorraad" }) };
};

/** A first run: no earlier result sheets. */
export const firstRun: Scenario = async () => {
  const h = stockHost(40);
  const sheets = await modelsOnce("firstRun", h);
  return { h, write: (x) => new OfficeWorkbook(x.run).writeResults(sheets, {}) };
};

/** A re-run in Excel without ExcelApi 1.9: our earlier sheets are replaced. */
export const rerunReplacing: Scenario = async () => {
  const h = stockHost(40);
  await new OfficeWorkbook(h.run, { supports: () => false }).writeResults(await modelsOnce("rerunReplacing:first", h), {});
  fillStock(h, 70);
  const sheets = await modelsOnce("rerunReplacing:second", h);
  return { h, write: (x) => new OfficeWorkbook(x.run, { supports: () => false }).writeResults(sheets, {}) };
};

/**
 * Fails operations of the run's requests one at a time, each in a run of its own. Up to and
 * including the swap (the last request that renames sheets) the run must fail with the Office
 * error in Dutch and leave the workbook exactly as before, by hash; after it (removing what the
 * swap left behind) the run stands and the workbook equals that of a run without failures.
 * @param which "every": every operation of every request; "sample": in every request the first,
 *   middle and last operation and every ⌈n/12⌉-th (about 15 per request: the fast suite).
 * @returns how many failures were tried before and after the swap.
 */
export async function failOperations(make: Scenario, which: "every" | "sample"): Promise<{ before: number; after: number }> {
  // The scenario's workbook is made once and copied (`ExcelHost.copy`: the same workbook, no
  // syncs recorded) for the probe and for every failure after the swap; making it means
  // writing a first run's results into it, which is most of the time of a fresh one.
  const made = await make();
  const { write } = made;
  const pristine = made.h.copy();
  const probe = pristine.copy();
  await write(probe);
  const done = JSON.stringify(probe.snapshot({ cells: "digest" }));
  const requests = probe.syncs.map((x) => x.operations);
  const swap = requests.map((ops) => ops.includes("Worksheet.name")).lastIndexOf(true);
  if (swap <= 0) throw new Error("fail-operations: the run has no swap");
  let h = pristine.copy();
  const before = JSON.stringify(h.snapshot({ cells: "digest" }));
  if (before !== JSON.stringify(made.h.snapshot({ cells: "digest" }))) throw new Error("fail-operations: a copy of the workbook differs from it");
  const counts = { before: 0, after: 0 };
  for (let k = 0; k < requests.length; k++) {
    const n = requests[k].length;
    const stride = Math.ceil(n / 12);
    const ops = [...Array(n).keys()].filter((j) => which === "every" || j % stride === 0 || j === n >> 1 || j === n - 1);
    for (const j of ops) {
      if (k > swap) h = pristine.copy();
      const at = h.syncs.length + k;
      let seen = 0;
      h.failOperation = (op) => (op.syncIndex === at && seen++ === j ? richError("RequestAborted") : undefined);
      const outcome = await write(h).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      h.failOperation = null;
      const now = JSON.stringify(h.snapshot({ cells: "digest" }));
      if (k <= swap) {
        expect([k, j, outcome.ok ? "resolved" : String(outcome.error)]).toEqual([k, j, "UserError: De verbinding met Excel werd onderbroken. Probeer het opnieuw."]);
        expect([k, j, now]).toEqual([k, j, before]);
        counts.before++;
      } else {
        expect([k, j, outcome.ok ? outcome.value : outcome.error]).toEqual([k, j, expect.objectContaining({ messages: [] })]);
        expect([k, j, now]).toEqual([k, j, done]);
        counts.after++;
      }
    }
  }
  return counts;
}
