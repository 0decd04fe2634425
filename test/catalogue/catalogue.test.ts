/**
 * The bad-input catalogue (cases.ts), each case through the command line (`main()` in process:
 * streaming reader, --json and --uit), through a workbook port (analyseWorkbook, the task pane's
 * analysis, over the in-memory XlsxWorkbook; no result file) and through the browser page's worker (the command line's reader over a File,
 * XlsxBlob, since issue 12, and its result file written by the command line's streaming writer,
 * routes.ts `runWorker`). Per case its own expectations; for every case the
 * invariants of issue 5:
 * - nothing lost: rows read = rows classified + rows set aside, in the JSON and on Controle;
 *   each set-aside row is named by a `fout` on one of its cells, and each row named by a stock
 *   `fout` is set aside (port and worker routes, where the kept rows are at hand);
 * - every message that names a cell says so in its text, names its sheet, and says what to do;
 * - an unreadable file: exit code 1 and exactly one Dutch line on stderr, no stack trace, no output.
 */
import { UserError } from "../../src/domain/issues";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { CASES, type Case, type Expected } from "./cases";
import { runCli, runPort, runWorker, type Outcome } from "./routes";

/** Words that tell the user what to do (imperatives used in the messages). */
const ACTION = /\b(vul|gebruik|controleer|kies|zet|verwijder|sla|schrijf|voeg|splits|geef|corrigeer|open|pas|haal|herstel|vraag|wijs|maak|kijk|lees)\b/i;

function merged(c: Case, route: "cli" | "port" | "worker"): Expected {
  // The worker reads with the command line's reader: the command line's expectations hold for it.
  if (route === "worker") return { ...c.expect, ...(c.cli ?? {}), ...(c.worker ?? {}) };
  return { ...c.expect, ...(c[route] ?? {}) };
}

function checkExpected(o: Outcome, exp: Expected): void {
  expect({ exit: o.exit, stderr: o.stderr }).toEqual({ exit: exp.exit, stderr: expect.any(String) });
  if (exp.stderr) expect(o.stderr).toMatch(exp.stderr);
  if (exp.balance) expect(o.balance).toMatchObject(exp.balance);
  for (const want of exp.issues ?? []) {
    const found = o.issues.filter((i) =>
      i.code === want.code &&
      (want.severity === undefined || i.severity === want.severity) &&
      (want.sheet === undefined || i.sheet === want.sheet) &&
      (want.cell === undefined || i.cell === want.cell) &&
      (want.text === undefined || want.text.test(i.message)));
    if (found.length === 0) {
      throw new Error(`[${o.route}] expected issue ${JSON.stringify({ ...want, text: want.text?.source })}; got:\n` +
        o.issues.map((i) => `  ${i.severity} ${i.code} ${i.sheet}!${i.cell}: ${i.message}`).join("\n"));
    }
  }
  for (const code of exp.absent ?? []) expect(o.issues.filter((i) => i.code === code)).toEqual([]);
  exp.check?.(o);
}

function checkInvariants(o: Outcome): void {
  if (o.exit !== 0) {
    // One Dutch line, nothing else, no stack trace.
    expect(o.stdout).toBe("");
    expect(o.stderr.endsWith("\n")).toBe(true);
    expect(o.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(o.stderr).not.toMatch(/\n\s+at |Error:|TypeError|undefined|\[object/);
    expect(o.stderr).toMatch(ACTION);
    return;
  }
  const b = o.balance!;
  expect(b.gelezen).toBe(b.ingedeeld + b.terzijde);
  for (const i of o.issues) {
    if (i.cell !== null) {
      expect(i.sheet).not.toBeNull();
      expect(i.message).toContain(i.cell);
    }
    if (i.sheet !== null && i.severity !== "info" && i.cell !== null) expect(i.message).toContain(`'${i.sheet}'`);
    expect(i.message.length).toBeLessThan(1000);
  }
  const vague = o.issues.filter((i) => i.severity !== "info" && !ACTION.test(i.message));
  if (vague.length > 0) {
    throw new Error(`[${o.route}] messages that do not say what to do:\n${vague.map((i) => `  ${i.code}: ${i.message}`).join("\n")}`);
  }
  if (o.route !== "cli") {
    expect(o.controleNote).toMatch(new RegExp(`^Balans: ${b.gelezen} rijen gelezen = ${b.ingedeeld} ingedeeld \\+ ${b.terzijde} terzijde gelegd\\.`));
    expect(o.controleNote).not.toMatch(/KLOPT NIET/);
    const r = o.result!;
    const stock = r.stock;
    if (stock) {
      const sheet = r.tables.find((t) => t.used && (t.kind === "voorraad" || t.kind === "bat-breed"))?.sheet;
      const kept = new Set(stock.rows.toArray().map((row) => row.rowNumber));
      const named = new Set(
        r.issues.filter((i) => i.severity === "fout" && i.sheet === sheet && i.cell !== null)
          .map((i) => Number(/\d+$/.exec(i.cell!)![0])),
      );
      // Wide tables set aside cells, not rows; per-dwelling tables rows.
      if (r.tables.find((t) => t.sheet === sheet)?.kind === "voorraad") {
        const setAside = [...named].filter((n) => !kept.has(n));
        expect(setAside.length).toBe(stock.rowsRejected);
        expect([...named].filter((n) => kept.has(n))).toEqual([]);
      }
    }
  }
}

/** Each case's input, built once for all its routes (an .xlsx written with ExcelJS each time
 * was about a second of CPU over the catalogue); every route gets its own copy of the bytes. */
const inputs = new Map<Case, Promise<Uint8Array | null>>();
async function inputOf(c: Case): Promise<Uint8Array | null> {
  let built = inputs.get(c);
  if (!built) {
    built = Promise.resolve(c.input());
    inputs.set(c, built);
  }
  const bytes = await built;
  return bytes === null ? null : bytes.slice();
}

describe("bad-input catalogue", () => {
  it("has at least 30 cases with unique names", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const routes = c.routes ?? ["cli", "port", "worker"];
    if (routes.includes("cli")) {
      test("command line", async () => {
        const o = await runCli(c.name, await inputOf(c), c.options);
        checkExpected(o, merged(c, "cli"));
        checkInvariants(o);
      });
    }
    if (routes.includes("port")) {
      test("in-memory port", async () => {
        const bytes = await inputOf(c);
        const o = await runPort(c.name, bytes!, c.options);
        checkExpected(o, merged(c, "port"));
        checkInvariants(o);
      });
    }
    if (routes.includes("worker")) {
      test("browser page worker", async () => {
        const o = await runWorker(c.name, (await inputOf(c))!, c.options);
        checkExpected(o, merged(c, "worker"));
        checkInvariants(o);
      });
    }
  });
});

describe("a sheet with rows beyond Excel's last row (in-memory route)", () => {
  it("is refused as damaged before its rows are read", async () => {
    let read = false;
    const reader = {
      listSheets: async () => [{ name: "Voorraad", rowCount: 2_000_000, columnCount: 4, resultKind: null }],
      readSheet: async () => {
        read = true;
        throw new Error("must not be read");
      },
      readSettings: async () => null,
    };
    await expect(analyseWorkbook(reader, { rules: DEFAULT_RULES })).rejects.toThrow(
      new UserError("Blad 'Voorraad' is beschadigd: het heeft rijnummers voorbij de laatste rij van Excel (1.048.576). Open de werkmap in Excel en sla hem opnieuw op."),
    );
    expect(read).toBe(false);
  });
});
