/**
 * The browser page's worker protocol without a browser: the page's side (worker-client.ts) and
 * the worker's side (analysis-service.ts) joined by an in-process stand-in for a Worker that
 * delivers each message in a later task, structured-cloned like postMessage does. The real
 * Worker in Chromium is exercised by test/e2e/.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { UserError } from "../../src/domain/issues";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { createAnalysisService, type OpenSession } from "../../src/browser/analysis-service";
import type { WorkerReply, WorkerRequest } from "../../src/browser/protocol";
import { openInWorker, WORKER_STOPPED, type WorkerLike } from "../../src/browser/worker-client";
import { openXlsxSession } from "../../src/session/xlsx-session";
import { NO_WHATIF, type FileSession } from "../../src/session/session";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { containerMessage } from "../../src/workbook/container";
import { XlsxBlob } from "../../src/workbook/xlsx-blob";
import JSZip from "jszip";
import { withDamagedSheetRels } from "../catalogue/workbooks";
import { readCsv } from "../support/csv";
import { sheetNamesOf } from "../support/xlsx-cells";
import { ASSETS, SAMPLES } from "../support/paths";

const KERKRADE = SAMPLES.kerkrade;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The published Kerkrade total (Lokaal meerjarig kader, 1-1-2020), from the shared CSV. */
const published = Number(readCsv("kerkrade-bat-per-corporatie-2020.csv").find((r) => r.corporatie === "TOTAAL")!.totaal);

/** What postMessage does to a message: a structured clone (Blobs, which Node cannot clone, pass as they are). */
function acrossThreads<T>(message: T): T {
  try {
    return structuredClone(message);
  } catch {
    return message;
  }
}

/** A stand-in Worker running the analysis service in this process. */
interface FakeWorker extends WorkerLike {
  terminated: boolean;
  received: WorkerRequest[];
}

/**
 * Spawns stand-in workers; `answer` may replace the service (to send malformed replies).
 * @returns the spawn function and every worker it made.
 */
function fakeWorkers(answer?: (request: WorkerRequest, reply: (r: unknown) => void) => void, open: OpenSession = openXlsxSession) {
  const workers: FakeWorker[] = [];
  const spawn = (): WorkerLike => {
    const worker: FakeWorker = {
      terminated: false,
      received: [],
      onmessage: null,
      onerror: null,
      postMessage(message) {
        if (worker.terminated) return;
        const copy = acrossThreads(message);
        worker.received.push(copy);
        setTimeout(() => (answer ? answer(copy, reply) : service.receive(copy)), 0);
      },
      terminate() {
        worker.terminated = true;
      },
    };
    const reply = (r: unknown) => {
      if (!worker.terminated) setTimeout(() => worker.onmessage?.({ data: acrossThreads(r) }), 0);
    };
    const service = createAnalysisService(reply, open);
    workers.push(worker);
    return worker;
  };
  return { spawn, workers };
}

function sampleFile(name = KERKRADE): File {
  return new File([readFileSync(path.join(ASSETS, name))], name, { type: XLSX_TYPE });
}

const options = { rules: DEFAULT_RULES };
const never = () => new AbortController().signal;

describe("browser page worker: a session whose work runs in the worker", () => {
  let session: FileSession;
  let workers: FakeWorker[];

  beforeEach(async () => {
    const fake = fakeWorkers();
    workers = fake.workers;
    session = await openInWorker(fake.spawn)(sampleFile());
  });
  afterEach(() => session.close());

  test("describe, preview, analyse with progress, and the result file", async () => {
    const { sheets } = await session.describe();
    expect(sheets.find((s) => s.sheet === "Voorraad (synthetisch)")?.kind).toBe("voorraad");

    const preview = await session.preview("Voorraad (synthetisch)", DEFAULT_RULES, {});
    expect(preview.headerRow).toBeGreaterThan(0);
    expect(preview.mapping.bat).toBeDefined();
    expect(preview.rowsRead).toBe(published);

    const progress: number[] = [];
    const summary = await session.analyse(options, (_stap, f) => progress.push(f), never());
    expect(summary.figures.eenheden).toBe(published);
    expect(summary.rules).toEqual(DEFAULT_RULES);
    expect(new Set(progress).size).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);

    const { file, outcome } = await session.resultFile({ regels: summary.rules });
    expect(file.type).toBe(XLSX_TYPE);
    expect(Object.keys(outcome.sheets).sort()).toEqual(["aanpassingspotentieel", "bzk-indeling", "controle", "tekort", "vergelijking"]);
    // The file's sheets as its xl/workbook.xml lists them (the next test reads its result file
    // whole with ExcelJS, once per file: a full read costs seconds).
    const names = await sheetNamesOf(await file.arrayBuffer());
    for (const s of ["Voorraad (synthetisch)", "BZK-indeling", "Tekort", "Aanpassingspotentieel", "Controle"]) expect(names).toContain(s);
    // One worker did all of it; the page sent it the file, not its bytes.
    expect(workers).toHaveLength(1);
    expect(workers[0].received[0]).toMatchObject({ kind: "open", name: KERKRADE });
    expect(workers[0].received[0]).toHaveProperty("file");
  });

  test("whatIf: in Dutch before an analysis; after it, scenarios from the kept result (no new run); the result file carries one", async () => {
    const scenario = (aanpassenPercentage: number, ontmoetingsruimten = 0) => ({ aanpassenPercentage, aanpassenPerSegment: {}, ontmoetingsruimten, wlzComplexen: 0, plannen: true });
    await expect(session.whatIf(scenario(10))).rejects.toEqual(new UserError(NO_WHATIF));

    const summary = await session.analyse(options, () => undefined, never());
    const opts = summary.watAls!;
    // The levers offered: the potentieel dwellings per segment add up to the adaptation totals.
    expect(opts.segmenten.reduce((n, s) => n + s.potentieel, 0)).toBe(summary.figures.potentieel!.potentieel);
    expect(opts.standaard).toEqual(DEFAULT_RULES.watAls);
    expect(opts.ontmoetingsruimteKandidaten).toBeGreaterThan(0);
    expect(opts.tekortBerekend).toBe(false);
    const requests = () => workers[0].received.map((r) => r.kind);
    const analyses = requests().filter((k) => k === "analyse").length;

    const zero = await session.whatIf(scenario(0));
    for (const r of zero.aanbod) expect(r.watAls).toBe(r.basis);
    const forty = await session.whatIf(scenario(40));
    const adapted = Math.round(0.4 * summary.figures.potentieel!.potentieel);
    expect(forty.aanpassing.reduce((n, s) => n + s.aangepast, 0)).toBe(adapted);
    // Adapted dwellings leave regulier; the types above it gain exactly as many.
    const gain = (v: typeof forty, t: string) => v.aanbod.find((r) => r.type === t)!.watAls - v.aanbod.find((r) => r.type === t)!.basis;
    expect(gain(forty, "regulier")).toBe(-adapted);
    expect(gain(forty, "nultreden") + gain(forty, "geclusterd") + gain(forty, "zorggeschikt")).toBe(adapted);
    // More rooms than candidates are clamped, and each room names its complex.
    const rooms = await session.whatIf(scenario(0, 10_000));
    expect(rooms.parameters.ontmoetingsruimten).toBe(opts.ontmoetingsruimteKandidaten);
    expect(rooms.ontmoetingsruimten).toHaveLength(opts.ontmoetingsruimteKandidaten);
    expect(requests().filter((k) => k === "analyse")).toHaveLength(analyses);
    expect(requests().filter((k) => k === "whatIf")).toHaveLength(4);

    const { file } = await session.resultFile({ regels: { ...summary.rules, watAls: scenario(40) } }, scenario(40));
    const result = await XlsxWorkbook.fromBuffer(await file.arrayBuffer());
    const notes = (await result.readSheet("Aanpassingspotentieel")).values.map((r) => r[0]);
    expect(notes.some((n) => typeof n === "string" && n.startsWith("Wat-als: 40% van de potentieel geschikte woningen aangepast"))).toBe(true);
    expect(((await result.readSettings())?.regels as { watAls: { aanpassenPercentage: number } }).watAls.aanpassenPercentage).toBe(40);
  });

  test("a second run over the downloaded file: our sheets and settings are recognised, then replaced, not added again", async () => {
    const input = await session.describe();
    const summary = await session.analyse(options, () => undefined, never());
    const first = await session.resultFile({ regels: summary.rules });
    const firstNames = await sheetNamesOf(await first.file.arrayBuffer());

    const again = await openInWorker(fakeWorkers().spawn)(new File([first.file], "kerkrade-resultaat.xlsx", { type: XLSX_TYPE }));
    try {
      const described = await again.describe();
      // Our result sheets are not offered as tables; the settings saved with them are read.
      expect(described.sheets.map((s) => s.sheet)).toEqual(input.sheets.map((s) => s.sheet));
      expect(described.settings?.regels).toEqual(summary.rules);
      const rerun = await again.analyse(options, () => undefined, never());
      expect(rerun.figures).toEqual(summary.figures);
      const second = await again.resultFile({ regels: summary.rules });
      expect(second.outcome).toEqual({ sheets: first.outcome.sheets, messages: [] });
      expect(await sheetNamesOf(await second.file.arrayBuffer())).toEqual(firstNames);
    } finally {
      again.close();
    }
  });

  test("a sheet of the user named like a result sheet keeps its name; ours gets another, said in the outcome and on Controle, as on the command line", async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(ASSETS, KERKRADE)));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain('name="Toelichting"');
    zip.file("xl/workbook.xml", workbookXml.replace('name="Toelichting"', 'name="Tekort"'));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const renamed = await openInWorker(fakeWorkers().spawn)(new File([bytes as BlobPart], KERKRADE, { type: XLSX_TYPE }));
    try {
      const summary = await renamed.analyse(options, () => undefined, never());
      const { file, outcome } = await renamed.resultFile({ regels: summary.rules });
      expect(outcome.sheets.tekort).toBe("Tekort (2)");
      expect(outcome.messages).toHaveLength(1);
      expect(outcome.messages[0]).toContain("Tekort (2)");
      const names = await sheetNamesOf(await file.arrayBuffer());
      expect(names.slice(0, 2)).toEqual(["Tekort", "BAT per corporatie"]);
      expect(names).toContain("Tekort (2)");
      // The message is listed on Controle, among the run's messages.
      const texts: unknown[] = [];
      await (await XlsxBlob.open(file, "Resultaat")).streamSheet("Controle", (_n, row) => texts.push(...row));
      expect(texts).toContain(outcome.messages[0]);
    } finally {
      renamed.close();
    }
  });

  test("a part damaged where the analysis does not read it: the file is analysed, its download refused in one Dutch line, as on the command line", async () => {
    const damaged = await withDamagedSheetRels(new Uint8Array(readFileSync(path.join(ASSETS, KERKRADE))));
    const broken = await openInWorker(fakeWorkers().spawn)(new File([damaged as BlobPart], KERKRADE, { type: XLSX_TYPE }));
    try {
      const summary = await broken.analyse(options, () => undefined, never());
      expect(summary.figures.eenheden).toBe(published);
      await expect(broken.resultFile({ regels: summary.rules })).rejects.toEqual(new UserError(containerMessage("zip", `Bestand '${KERKRADE}'`)));
    } finally {
      broken.close();
    }
  });

  test("a malformed what-if scenario is refused by the worker with the technical detail", async () => {
    const replies: WorkerReply[] = [];
    const service = createAnalysisService((r) => replies.push(r), openXlsxSession);
    service.receive({ id: 3, kind: "whatIf", scenario: { aanpassenPercentage: "veel", ontmoetingsruimten: 0 } });
    service.receive({ id: 4, kind: "whatIf", scenario: { aanpassenPercentage: 150, aanpassenPerSegment: {}, ontmoetingsruimten: 0, wlzComplexen: 0, plannen: true } });
    await service.idle();
    expect(replies[0]).toMatchObject({ id: 3, kind: "failed", user: false });
    expect((replies[0] as { message: string }).message).toMatch(/^worker: invalid request: .*aanpassenPercentage/);
    expect(replies[1]).toMatchObject({ id: 4, kind: "failed", user: false });
  });

  test("cancelling ends the worker at once; a fresh one opens the file again and the next run works", async () => {
    const controller = new AbortController();
    const run = session.analyse(options, () => controller.abort(), controller.signal);
    // Waiting behind the run: it is not cancelled with it, the fresh worker answers it.
    const waiting = session.preview("Voorraad (synthetisch)", DEFAULT_RULES, {});
    await expect(run).rejects.toEqual(new UserError("Analyse geannuleerd."));
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].received.map((m) => m.kind)).toEqual(["open", "preview"]);
    expect(workers[1].received[0]).toMatchObject({ kind: "open", name: KERKRADE });
    expect((await waiting).rowsRead).toBe(published);

    const again = await session.analyse(options, () => undefined, never());
    expect(again.figures.eenheden).toBe(published);
    // A run cancelled before it starts never reaches the worker.
    const aborted = new AbortController();
    aborted.abort();
    await expect(session.analyse(options, () => undefined, aborted.signal)).rejects.toThrow("Analyse geannuleerd.");
  });

  test("a worker that dies fails the pending call in Dutch; the next call goes on with a new one", async () => {
    const pending = session.describe();
    workers[0].onerror?.({ message: "out of memory" });
    await expect(pending).rejects.toEqual(new UserError(WORKER_STOPPED));
    expect(workers[0].terminated).toBe(true);
    // No new worker until it is needed: a file that crashes every worker does not loop.
    await new Promise((r) => setTimeout(r, 20));
    expect(workers).toHaveLength(1);
    expect((await session.describe()).sheets.length).toBeGreaterThan(0);
    expect(workers).toHaveLength(2);
    expect(workers[1].received.map((m) => m.kind)).toEqual(["open", "describe"]);
  });

  test("a closed session ends its worker and refuses further calls", async () => {
    session.close();
    expect(workers[0].terminated).toBe(true);
    await expect(session.describe()).rejects.toThrow("De werkmap is gesloten");
  });
});

describe("browser page worker: bad files and bad messages", () => {
  test("a file that is no workbook: the Dutch message, and the worker is ended", async () => {
    const { spawn, workers } = fakeWorkers();
    const open = openInWorker(spawn)(new File(["corporatie;bat\nWonen Zuid;1\n"], "export.csv", { type: "text/csv" }));
    await expect(open).rejects.toEqual(new UserError("Bestand 'export.csv' is een tekstbestand (bijvoorbeeld CSV), geen Excel-werkmap. Open het in Excel en sla het op als Excel-werkmap (.xlsx)."));
    expect(workers[0].terminated).toBe(true);
  });

  test("the worker answers a malformed request with a failure for its id, and a request before any file in Dutch", async () => {
    const replies: WorkerReply[] = [];
    const service = createAnalysisService((r) => replies.push(r), openXlsxSession);
    service.receive({ id: 7, kind: "preview", sheet: 5 });
    service.receive({ kind: "wis-alles" });
    service.receive({ id: 8, kind: "describe" });
    await service.idle();
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatchObject({ id: 7, kind: "failed", user: false });
    expect((replies[0] as { message: string }).message).toMatch(/^worker: invalid request: .*sheet/);
    expect(replies[1]).toMatchObject({ id: 0, kind: "failed", user: false });
    expect(replies[2]).toEqual({ id: 8, kind: "failed", user: true, message: "Er is geen werkmap geopend. Open de werkmap opnieuw." });
  });

  test("requests are answered one at a time, in order, even when an earlier one takes longer", async () => {
    const replies: WorkerReply[] = [];
    let release: () => void = () => undefined;
    const slowOpen: OpenSession = async (bytes, name) => {
      await new Promise<void>((resolve) => (release = resolve));
      return openXlsxSession(bytes, name);
    };
    const service = createAnalysisService((r) => replies.push(r), slowOpen);
    service.receive({ id: 1, kind: "open", file: sampleFile(), name: KERKRADE });
    service.receive({ id: 2, kind: "describe" });
    await new Promise((r) => setTimeout(r, 20));
    expect(replies).toEqual([]);
    release();
    await service.idle();
    expect(replies.map((r) => [r.id, r.kind])).toEqual([
      [1, "done"],
      [2, "done"],
    ]);
  });

  test("the page rejects a reply that does not fit the request, with the technical detail", async () => {
    const { spawn } = fakeWorkers((request, reply) => reply({ id: request.id, kind: "done", value: { sheets: "alle" } }));
    await expect(openInWorker(spawn)(sampleFile())).rejects.toThrow(/^worker: invalid 'open' reply/);
  });

  test("a message that is no reply at all ends the worker", async () => {
    const { spawn, workers } = fakeWorkers((_request, reply) => reply({ hallo: "wereld" }));
    await expect(openInWorker(spawn)(sampleFile())).rejects.toThrow(/^worker: invalid reply/);
    expect(workers[0].terminated).toBe(true);
  });
});
