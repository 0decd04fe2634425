/**
 * Nothing lost, nothing half-written (issue 5), on the command line: the input file is never
 * modified; a run that fails (unwritable target, disk full halfway through the copy, a bug in
 * the writer, an unwritable JSON target) or is stopped with Ctrl+C leaves no temporary file, no
 * partial output and an existing `--uit` target exactly as it was; only a successful run
 * replaces it, together with the JSON.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { StagedFiles, tempFor } from "../../src/cli/staged-files";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { analyseWorkbook } from "../../src/analysis/analyse";
import { buildSheets } from "../../src/report/sheets";
import type { SheetCopy } from "../../src/workbook/sheet-copy";
import type { StreamedSheet } from "../../src/workbook/xlsx-parts";
import { XlsxStreamWriter } from "../../src/workbook/xlsx-stream-writer";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { DeflatedPart, type QueuedPart, ZipSink } from "../../src/workbook/zip-sink";
import { freshDir, runCli, sha256 } from "./fixtures";

const dir = freshDir("mislukt");
const scratch = freshDir("tmpdir");
let input: string;
let inputHash: string;
const savedTmpdir = process.env.TMPDIR;

/** A stock of 600 rows over two sheets' worth of XML, so a copy can fail well inside a sheet. */
async function writeInput(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Voorraad");
  ws.addRow(["VHE", "Complex", "BAT", "Gemeente", "Bouwjaar"]);
  for (let i = 1; i <= 600; i++) ws.addRow([`VHE${10000 + i}`, `C${i % 17}`, i % 5, i % 3 ? "Kerkrade" : "Landgraaf", 1950 + (i % 60)]);
  wb.addWorksheet("Notities").addRow(["eigen aantekeningen"]);
  const file = path.join(dir, "voorraad.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** Files that a failed run must not leave: our temporary names, anywhere in the folder. */
const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".tmp"));

/** A target that already exists, with content we can recognise. */
function existingTarget(name: string): { file: string; hash: string } {
  const file = path.join(dir, name);
  writeFileSync(file, `vorige uitvoer van ${name}`);
  return { file, hash: sha256(file) };
}

beforeAll(async () => {
  input = await writeInput();
  inputHash = sha256(input);
  // The streaming reader parks sheets in os.tmpdir() while it waits for the shared strings:
  // point it at a folder of our own to see that nothing stays behind.
  process.env.TMPDIR = scratch;
});

afterEach(() => {
  jest.restoreAllMocks();
  expect(sha256(input)).toBe(inputHash);
  expect(readdirSync(scratch)).toEqual([]);
  expect(leftovers(dir)).toEqual([]);
});

afterAll(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

test("a successful run replaces an existing --uit and --json target, and leaves the input as it was", async () => {
  const uit = existingTarget("gelukt.xlsx");
  const json = existingTarget("gelukt.json");
  const r = await runCli(["analyse", input, "--uit", uit.file, "--json", json.file]);
  expect(r.code).toBe(0);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(uit.file);
  expect(back.getWorksheet("BZK-indeling")).toBeDefined();
  expect(JSON.parse(readFileSync(json.file, "utf8")).invoer.rijen).toBe(600);
});

test("the in-memory adapter never changes the bytes it was given", async () => {
  const bytes = readFileSync(input);
  const before = sha256(input);
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  await wb.writeResults(buildSheets(await analyseWorkbook(wb, { rules: DEFAULT_RULES })), {});
  await wb.toBuffer();
  expect(require("node:crypto").createHash("sha256").update(bytes).digest("hex")).toBe(before);
});

test("--uit in a 'folder' that is a file: exit 1, one Dutch line, nothing written", async () => {
  const notADir = path.join(dir, "gewoon-bestand");
  writeFileSync(notADir, "x");
  const r = await runCli(["analyse", input, "--uit", path.join(notADir, "uit.xlsx")]);
  expect(r.code).toBe(1);
  expect(r.err.trim().split("\n")).toEqual([expect.stringMatching(/^Kan '.*uit\.xlsx' niet schrijven \(ENOTDIR\)\. Controleer of de map bestaat\.$/)]);
  expect(readFileSync(notADir, "utf8")).toBe("x");
});

test("--uit naming an existing folder: the complete temporary file is removed, the folder stays", async () => {
  const folder = path.join(dir, "map.xlsx");
  mkdirSync(folder);
  const r = await runCli(["analyse", input, "--uit", folder]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^Kan '.*map\.xlsx' niet schrijven: er staat een map met die naam/);
  expect(statSync(folder).isDirectory()).toBe(true);
  expect(readdirSync(folder)).toEqual([]);
});

test("disk full while copying the stock sheet: exit 1, Dutch line, old target untouched", async () => {
  const uit = existingTarget("schijf-vol.xlsx");
  const original = XlsxStreamWriter.prototype.startSheet;
  let sheets = 0;
  // The copy of the second input sheet (the stock sheet, copied as stored) fails as a full disk does.
  jest.spyOn(XlsxStreamWriter.prototype, "startSheet").mockImplementation(async function (this: XlsxStreamWriter, sheet: StreamedSheet): Promise<SheetCopy> {
    if (++sheets === 2) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    return original.call(this, sheet);
  });
  const r = await runCli(["analyse", input, "--uit", uit.file, "--json", path.join(dir, "schijf-vol.json")]);
  expect(sheets).toBe(2);
  expect(r.code).toBe(1);
  expect(r.err.trim().split("\n")).toEqual([`Kan '${uit.file}' niet schrijven: de schijf is vol. Maak ruimte vrij en probeer het opnieuw.`]);
  expect(sha256(uit.file)).toBe(uit.hash);
  expect(existsSync(path.join(dir, "schijf-vol.json"))).toBe(false);
});

test("disk full early in the stock sheet's copy as stored: the pass stops reading that sheet early, exit 1, Dutch line, old target untouched", async () => {
  const uit = existingTarget("schijf-vol-vroeg.xlsx");
  const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  // The copy as stored fails at once, as writing to a full disk does, while the pass reads on.
  jest.spyOn(ZipSink.prototype, "copyRaw").mockImplementation(function (this: ZipSink): Promise<void> {
    return (this as unknown as { enqueue(write: () => Promise<void>): Promise<void> }).enqueue(() => Promise.reject(enospc));
  });
  const original = XlsxStreamWriter.prototype.startSheet;
  let rowsRead = 0;
  jest.spyOn(XlsxStreamWriter.prototype, "startSheet").mockImplementation(async function (this: XlsxStreamWriter, sheet: StreamedSheet): Promise<SheetCopy> {
    if (sheet.name === "Voorraad") {
      // Count the rows the pass reads of the stock sheet.
      const read = sheet.read.bind(sheet);
      sheet.read = (onRow, options) => read((row) => (rowsRead++, onRow(row)), options);
    }
    return original.call(this, sheet);
  });
  const r = await runCli(["analyse", input, "--uit", uit.file, "--json", path.join(dir, "schijf-vol-vroeg.json")]);
  expect(r.code).toBe(1);
  expect(r.err.trim().split("\n")).toEqual([`Kan '${uit.file}' niet schrijven: de schijf is vol. Maak ruimte vrij en probeer het opnieuw.`]);
  // 601 rows (header and 600 dwellings); before the fix the pass read them all, then failed at the sheet's end.
  expect(rowsRead).toBeGreaterThan(0);
  expect(rowsRead).toBeLessThan(601);
  expect(sha256(uit.file)).toBe(uit.hash);
  expect(existsSync(path.join(dir, "schijf-vol-vroeg.json"))).toBe(false);
});

test("disk full while a result sheet is written behind the next one (not awaited): exit 1, Dutch line, old target untouched", async () => {
  const uit = existingTarget("schijf-vol-later.xlsx");
  const original = ZipSink.prototype.add;
  const failed: string[] = [];
  // The first result sheet's part (BZK-indeling; the input sheets are copied as stored, not with
  // add) fails as a full disk does, after the writer has moved on to the next sheet.
  jest.spyOn(ZipSink.prototype, "add").mockImplementation(function (this: ZipSink, name: string, part: DeflatedPart): QueuedPart {
    if (failed.length === 0 && /^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      failed.push(name);
      jest.spyOn(part, "finish").mockRejectedValue(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
    }
    return original.call(this, name, part);
  });
  const r = await runCli(["analyse", input, "--uit", uit.file, "--json", path.join(dir, "schijf-vol-later.json")]);
  expect(failed).toEqual(["xl/worksheets/sheet3.xml"]);
  expect(r.code).toBe(1);
  expect(r.err.trim().split("\n")).toEqual([`Kan '${uit.file}' niet schrijven: de schijf is vol. Maak ruimte vrij en probeer het opnieuw.`]);
  expect(sha256(uit.file)).toBe(uit.hash);
  expect(existsSync(path.join(dir, "schijf-vol-later.json"))).toBe(false);
});

test("a bug while writing the result sheets: 'Onverwachte fout', no stack trace, old target untouched", async () => {
  const uit = existingTarget("fout.xlsx");
  jest.spyOn(XlsxStreamWriter.prototype, "writeResults").mockRejectedValue(new TypeError("x is undefined"));
  const r = await runCli(["analyse", input, "--uit", uit.file]);
  expect(r.code).toBe(1);
  expect(r.err.trim().split("\n")).toEqual([expect.stringMatching(/^Onverwachte fout: x is undefined\. Meld dit/)]);
  expect(sha256(uit.file)).toBe(uit.hash);
});

test("the JSON cannot be written: the finished workbook is not put in place either", async () => {
  const uit = existingTarget("samen.xlsx");
  const r = await runCli(["analyse", input, "--uit", uit.file, "--json", path.join(dir, "bestaat-niet", "samen.json")]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^Kan '.*samen\.json' niet schrijven \(ENOENT\)/);
  expect(sha256(uit.file)).toBe(uit.hash);
});

test("--json or --uit naming the input (also through a link) is refused; the input is untouched", async () => {
  const link = path.join(dir, "koppeling.xlsx");
  require("node:fs").linkSync(input, link);
  for (const args of [["--json", input], ["--uit", link], ["--json", link]]) {
    const r = await runCli(["analyse", input, ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/moet een ander bestand zijn dan de invoer/);
  }
  const r = await runCli(["analyse", input, "--uit", path.join(dir, "x.xlsx"), "--json", path.join(dir, "x.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/--uit en --json moeten verschillende bestanden zijn/);
  expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
});

describe("Ctrl+C while writing", () => {
  test("removes the temporary file at once, ends with 130 and never puts the file in place", async () => {
    const target = path.join(dir, "afgebroken.xlsx");
    const exits: number[] = [];
    const errors: string[] = [];
    const staged = new StagedFiles((code) => exits.push(code));
    const run = staged.guard((t) => errors.push(t), async () => {
      await staged.write(target, "afgebroken.xlsx", async (tmp) => {
        writeFileSync(tmp, "half geschreven");
        expect(existsSync(tmp)).toBe(true);
        process.emit("SIGINT");
        expect(existsSync(tmp)).toBe(false);
      });
      await staged.commit();
    });
    await expect(run).rejects.toThrow("Analyse geannuleerd; er is niets geschreven.");
    expect(exits).toEqual([130]);
    expect(errors).toEqual(["Analyse afgebroken; er is niets geschreven.\n"]);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(tempFor(target))).toBe(false);
    // The handler is gone once the run is over.
    expect(process.listeners("SIGINT").length).toBe(0);
  });
});
