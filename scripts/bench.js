#!/usr/bin/env node
/**
 * `npm run bench`: the benchmark of the command line on synthetic stocks (see docs/performance.md).
 *
 *   npm run bench                                   sizes 10,000, 100,000 and 1,048,575
 *   npm run bench -- --sizes 10000,100000           other sizes
 *   npm run bench -- --reps 3 --no-uit --stages-reps 5 --no-readers --no-libreoffice --no-worker
 *   npm run bench -- --json bench-data/result.json  also write the figures as JSON
 *   npm run bench -- --core --stages-reps 9         only the domain steps (no workbook, no CLI)
 *
 * For each size: the workbook (generated deterministically with the streaming writer when it is
 * not cached in bench-data/; with a "Telling" sheet of 49 COUNTIFS for LibreOffice), then, in separate child processes so that memory is measured per
 * run: the streaming-read floor (ExcelJS's streaming reader alone, scripts/bench/floor.js), the
 * whole command `analyse --json <file>`, and `analyse --json <file> --uit <file>` (wall time
 * from start to exit, peak RSS as the child reports it), repeated `--reps` times, floor and
 * command interleaved, medians reported; then the stages one by one: the read, JSON and sheets
 * as the command runs them (scripts/bench/stages.js), and the domain core (classify, aggregate,
 * tekort, adaptation) on the same rows in a process of its own (scripts/bench/domain.js);
 * LibreOffice headless opening the same workbook and evaluating the COUNTIFS (skipped with a
 * message when LibreOffice is not installed), the candidate readers side by side
 * (scripts/bench/readers.js), and the browser page worker's path once (scripts/bench/worker-path.js:
 * the same reader over a file Blob with DecompressionStream, in Node). The targets of issue 12 are
 * printed against LibreOffice.
 * Needs the compiled command (npm run build:cli; the npm script does it).
 */
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { parse } = require("csv-parse/sync");
const { fileFor } = require("./bench/generate");

const ROOT = path.resolve(__dirname, "..");
const DATA = path.join(ROOT, "bench-data");
const DEFAULT_SIZES = [10000, 100000, 1048575];

function parseArgs(argv) {
  const o = { sizes: DEFAULT_SIZES, reps: null, stagesReps: 5, uit: true, json: null, core: false, readers: true, libreoffice: true, worker: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--sizes") o.sizes = value().split(",").map((s) => Number(s.replace(/[_.]/g, "")));
    else if (a === "--reps") o.reps = Number(value());
    else if (a === "--stages-reps") o.stagesReps = Number(value());
    else if (a === "--no-uit") o.uit = false;
    else if (a === "--no-readers") o.readers = false;
    else if (a === "--no-libreoffice") o.libreoffice = false;
    else if (a === "--no-worker") o.worker = false;
    else if (a === "--core") o.core = true;
    else if (a === "--json") o.json = value();
    else if (a === "--help" || a === "-h") {
      process.stdout.write(fs.readFileSync(__filename, "utf8").split("\n").slice(2, 10).join("\n").replace(/^ \* ?/gm, "") + "\n");
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const n of o.sizes) if (!Number.isInteger(n) || n < 1 || n > 1048575) throw new Error(`size ${n}: 1 .. 1048575 dwellings`);
  return o;
}

/** Runs a child process; resolves with wall seconds, stdout and exit code. */
function run(args) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      if (out.length < 1e6) out += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, out, code }));
  });
}

async function floorRun(file) {
  const r = await run([path.join(__dirname, "bench", "floor.js"), file]);
  if (r.code !== 0) throw new Error("floor run failed");
  const j = JSON.parse(r.out);
  return { wall: r.seconds, inner: j.seconds, maxRssKb: j.maxRssKb, rows: j.rows, cells: j.cells };
}

async function cliRun(file, withUit) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-bench-"));
  const report = path.join(tmp, "report.json");
  const args = [path.join(__dirname, "bench", "run-cli.js"), report, "analyse", file, "--json", path.join(tmp, "uit.json")];
  if (withUit) args.push("--uit", path.join(tmp, "uit.xlsx"));
  try {
    const r = await run(args);
    const rep = JSON.parse(fs.readFileSync(report, "utf8"));
    if (rep.code !== 0) throw new Error(`bat-bzk exit ${rep.code}`);
    const jsonBytes = fs.statSync(path.join(tmp, "uit.json")).size;
    const xlsxBytes = withUit ? fs.statSync(path.join(tmp, "uit.xlsx")).size : 0;
    return { wall: r.seconds, maxRssKb: rep.maxRssKb, jsonBytes, xlsxBytes };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The browser page worker's path in Node (scripts/bench/worker-path.js), one child process. */
async function workerRun(file) {
  const r = await run([path.join(__dirname, "bench", "worker-path.js"), file]);
  if (r.code !== 0) throw new Error("worker path run failed");
  return { wall: r.seconds, ...JSON.parse(r.out) };
}

async function readerRun(candidate, file) {
  const r = await run([path.join(__dirname, "bench", "readers.js"), candidate, file]);
  if (r.code !== 0) throw new Error(`reader ${candidate} failed`);
  const j = JSON.parse(r.out);
  return { candidate, wall: r.seconds, maxRssKb: j.maxRssKb, rows: j.rows, cells: j.cells };
}

/** LibreOffice's command, or null when it is not installed (Debian: libreoffice-calc-nogui). */
function soffice() {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const f = path.join(dir, name);
      if (fs.existsSync(f)) return f;
    }
  }
  return null;
}

/**
 * LibreOffice headless opening the workbook and evaluating the "Telling" sheet's 49 COUNTIFS
 * (written without cached results, so they must be calculated): converted to CSV, sheet 4 only
 * (filter token 12). Wall time from start to exit; peak RSS from GNU time when present. The
 * profile folder is made once beforehand (`warm`), so its creation is not timed.
 */
async function libreOfficeRun(bin, profile, file) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-lo-"));
  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,4", "--outdir", out, file];
  const cmd = timeBin ? [timeBin, ["-f", "maxrss %M", bin, ...args]] : [bin, args];
  try {
    const r = await new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const child = spawn(cmd[0], cmd[1], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, code, err }));
    });
    const csv = fs.readdirSync(out).find((f) => f.endsWith(".csv"));
    const text = csv ? fs.readFileSync(path.join(out, csv), "utf8") : "";
    // Every number below the header row and right of the first column: the COUNTIFS' results.
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: true });
    const counted = rows.slice(1).reduce((sum, row) => sum + row.slice(1).reduce((a, x) => a + (Number(x) || 0), 0), 0);
    const rss = /maxrss (\d+)/.exec(r.err);
    return { wall: r.seconds, code: r.code, maxRssKb: rss ? Number(rss[1]) : null, evaluated: counted > 0, counted };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The benchmark workbook of `size` dwellings (with the COUNTIFS sheet): cached in bench-data/, or
 * generated in a child process. Not in this process: Linux keeps a process's peak RSS across
 * fork and exec (the child's `maxRSS` starts at the parent's size when it was spawned), so a
 * parent grown by generating 1,048,575 rows (~620 MB) made every measured command report at least
 * that (7 December 2026: 616 MB for `--json`, `--uit` and the stages alike; 518-524 MB run alone).
 * @returns {{ file: string, generated: boolean, seconds: number }}
 */
function workbookFor(size) {
  const file = fileFor(DATA, size, true);
  if (fs.existsSync(file)) return { file, generated: false, seconds: 0 };
  const t0 = process.hrtime.bigint();
  const script = `require(${JSON.stringify(path.join(__dirname, "bench", "generate.js"))}).ensureWorkbook(${JSON.stringify(DATA)}, ${size}, true)` +
    ".catch((e) => { console.error(e); process.exit(1); })";
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0 || !fs.existsSync(file)) throw new Error(`generating ${file} failed (exit ${r.status})`);
  return { file, generated: true, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const rate = (n, s) => (s > 0 ? `${Math.round(n / s).toLocaleString("en-US")}/s` : "-");

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0] ? cpus[0].model : "?",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}

/** The domain steps' rows of the stages table (best of `reps`, median beside it), and the totals. */
function printDomain(say, dom, reps, standalone = true) {
  if (standalone) {
    say(`| stage (best of ${reps}; median) | s | rows/s | median s |`);
    say(`|---|---:|---:|---:|`);
  }
  for (const [k, label] of [
    ["classify", "classify"], ["aggregate", "aggregate (summary + groupings + supply)"], ["tekort", "tekort"], ["adaptation", "adaptation"],
    ["potentials", "clustering + care potential"], ["whatIfPrepare", "what-if base (once per analysis)"], ["whatIfRecompute", "what-if recompute (per input change)"],
  ]) {
    say(`| ${label} | ${dom[k].toFixed(3)} | ${rate(dom.rows, dom[k])} |${standalone ? ` ${dom.median[k].toFixed(3)} |` : ""}`);
  }
  if (standalone) printDomainTotals(say, dom, reps);
}

function printDomainTotals(say, dom, reps) {
  const med = (k) => (dom.median ? `, median ${rate(dom.rows, dom.median[k])}` : "");
  const cold = (k) => (dom.cold ? `, first (cold) run ${rate(dom.rows, dom.cold[k])}` : "");
  say(`domain core (classify + aggregate + tekort): ${rate(dom.rows, dom.core)} on one core (best of ${reps}${med("core")}${cold("core")})`);
  if (dom.all !== undefined) say(`all domain steps (core, adaptation, potentials, what-if base): ${rate(dom.rows, dom.all)} (best of ${reps}${med("all")}${cold("all")})`);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) throw new Error("lib/ ontbreekt: voer eerst npm run build:cli uit");
  const m = machine();
  const say = (t) => process.stdout.write(`${t}\n`);
  say(`bat-bzk benchmark — node ${m.node}, ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.platform}`);
  say(`command: npm run bench -- --sizes ${o.sizes.join(",")}${o.reps ? ` --reps ${o.reps}` : ""}${o.uit ? "" : " --no-uit"}${o.worker ? "" : " --no-worker"}${o.core ? ` --core --stages-reps ${o.stagesReps}` : ""}`);
  const results = [];
  const lo = o.libreoffice && !o.core ? soffice() : null;
  let loProfile = null;
  if (o.libreoffice && !o.core && !lo) say("LibreOffice: not installed, comparison skipped (Debian: apt-get install libreoffice-calc-nogui)");
  for (const size of o.sizes) {
    if (o.core) {
      const dom = JSON.parse((await run([path.join(__dirname, "bench", "domain.js"), String(size), String(o.stagesReps)])).out);
      results.push({ size, machine: m, domain: dom, domainCoreRowsPerSecond: dom.coreRowsPerSecond });
      say(`\n== ${size.toLocaleString("en-US")} dwellings (domain steps only, load average ${m.loadAverage})`);
      printDomain(say, dom, o.stagesReps);
      continue;
    }
    const reps = o.reps ?? (size <= 100000 ? 3 : 1);
    const wb = workbookFor(size);
    if (lo && !loProfile) {
      loProfile = fs.mkdtempSync(path.join(os.tmpdir(), "bat-bzk-lo-profile-"));
      await libreOfficeRun(lo, loProfile, wb.file); // makes the profile; not timed
    }
    say(`\n== ${size.toLocaleString("en-US")} dwellings: ${path.relative(ROOT, wb.file)} (${Math.round(fs.statSync(wb.file).size / 1e6)} MB)` +
      (wb.generated ? `, generated in ${f1(wb.seconds)} s` : ", cached"));
    const floors = [];
    const clis = [];
    const uits = [];
    const los = [];
    for (let r = 0; r < reps; r++) {
      floors.push(await floorRun(wb.file));
      if (lo) los.push(await libreOfficeRun(lo, loProfile, wb.file));
      clis.push(await cliRun(wb.file, false));
      if (o.uit) uits.push(await cliRun(wb.file, true));
    }
    const readers = [];
    if (o.readers) {
      for (const c of require("./bench/readers").CANDIDATES) readers.push(await readerRun(c, wb.file));
    }
    const worker = o.worker ? await workerRun(wb.file) : null;
    const loWall = los.length > 0 ? median(los.map((x) => x.wall)) : null;
    const floorWall = median(floors.map((x) => x.wall));
    const cliWall = median(clis.map((x) => x.wall));
    const uitWall = o.uit ? median(uits.map((x) => x.wall)) : null;
    const st = JSON.parse((await run([path.join(__dirname, "bench", "stages.js"), wb.file])).out);
    const dom = JSON.parse((await run([path.join(__dirname, "bench", "domain.js"), String(size), String(o.stagesReps)])).out);
    const res = {
      size, reps, file: path.relative(ROOT, wb.file), machine: m,
      floor: { wall: floorWall, maxRssKb: Math.max(...floors.map((x) => x.maxRssKb)), cells: floors[0].cells },
      cliJson: { wall: cliWall, ratio: cliWall / floorWall, maxRssKb: Math.max(...clis.map((x) => x.maxRssKb)), jsonBytes: clis[0].jsonBytes, walls: clis.map((x) => x.wall) },
      cliUit: o.uit ? { wall: uitWall, ratio: uitWall / floorWall, maxRssKb: Math.max(...uits.map((x) => x.maxRssKb)), xlsxBytes: uits[0].xlsxBytes, walls: uits.map((x) => x.wall) } : null,
      floorWalls: floors.map((x) => x.wall),
      libreOffice: loWall === null ? null : {
        wall: loWall, walls: los.map((x) => x.wall), maxRssKb: Math.max(...los.map((x) => x.maxRssKb ?? 0)) || null,
        evaluated: los.every((x) => x.evaluated), counted: los[0].counted,
      },
      readers,
      worker,
      stages: st,
      domain: dom,
      domainCoreRowsPerSecond: dom.coreRowsPerSecond,
    };
    results.push(res);
    say(`| run | wall s | rows/s | peak RSS | ratio to floor |`);
    say(`|---|---:|---:|---:|---:|`);
    say(`| streaming-read floor (ExcelJS reader alone) | ${f2(floorWall)} | ${rate(size, floorWall)} | ${mb(res.floor.maxRssKb)} | 1.00 |`);
    say(`| bat-bzk analyse --json | ${f2(cliWall)} | ${rate(size, cliWall)} | ${mb(res.cliJson.maxRssKb)} | ${f2(res.cliJson.ratio)} |`);
    if (o.uit) say(`| bat-bzk analyse --json --uit | ${f2(uitWall)} | ${rate(size, uitWall)} | ${mb(res.cliUit.maxRssKb)} | ${f2(res.cliUit.ratio)} |`);
    if (res.libreOffice) {
      const l = res.libreOffice;
      say(`| LibreOffice headless: open + 49 COUNTIFS | ${f2(l.wall)} | ${rate(size, l.wall)} | ${l.maxRssKb ? mb(l.maxRssKb) : "-"} | ${f2(l.wall / floorWall)} |`);
    }
    say("targets (issue 12, same run):");
    if (res.libreOffice) {
      const l = res.libreOffice;
      say(`- --json / LibreOffice: ${f2(cliWall / l.wall)} (target <= 0.50: ${cliWall <= 0.5 * l.wall ? "met" : "NOT met"})` +
        `${l.evaluated ? `; LibreOffice counted ${l.counted.toLocaleString("en-US")} in the COUNTIFS` : "; LibreOffice did NOT evaluate the COUNTIFS"}`);
    } else say("- --json / LibreOffice: skipped (LibreOffice not installed: apt-get install libreoffice-calc-nogui)");
    say(`- peak memory --json: ${mb(res.cliJson.maxRssKb)} (target <= 600 MB: ${res.cliJson.maxRssKb <= 600 * 1024 ? "met" : "NOT met"})`);
    if (o.uit) say(`- --uit / --json: ${f2(uitWall / cliWall)} (target <= 1.50: ${uitWall <= 1.5 * cliWall ? "met" : "NOT met"})`);
    if (readers.length > 0) {
      say("readers side by side (every cell of every sheet; one child process each):");
      say(`| reader | wall s | rows/s | peak RSS | cells |`);
      say(`|---|---:|---:|---:|---:|`);
      for (const x of readers) say(`| ${x.candidate} | ${f2(x.wall)} | ${rate(x.rows, x.wall)} | ${mb(x.maxRssKb)} | ${x.cells.toLocaleString("en-US")} |`);
    }
    if (worker) {
      say("browser page worker's path, in Node (file Blob + DecompressionStream + the same reader; one child process, one run):");
      say(`| step | s | rows/s |`);
      say(`|---|---:|---:|`);
      say(`| open: container check + first 5,000 rows of every sheet | ${worker.open.toFixed(3)} | - |`);
      say(`| mapping preview of the stock sheet (streamed) | ${worker.preview.toFixed(3)} | ${rate(worker.previewRows, worker.preview)} |`);
      say(`| analyse: reading pass + analysis | ${worker.analyse.toFixed(3)} | ${rate(worker.rows, worker.analyse)} |`);
      say(`| download: copy-only pass + streaming writer into a Blob (${Math.round(worker.downloadBytes / 1e6)} MB) | ${worker.download.toFixed(3)} | ${rate(worker.rows, worker.download)} |`);
      say(`worker path: wall ${f2(worker.wall)} s, peak RSS ${mb(worker.maxRssKb)}; rows held as cells at most ${worker.maxHeldRows}; stock rows streamed ${worker.stockRowsStreamed}`);
    }
    say(`stages (read, JSON, sheets: one process as the command; domain: a process of its own, best of ${o.stagesReps}):`);
    say(`| stage | s | rows/s |`);
    say(`|---|---:|---:|`);
    say(`| streaming read + recognition + stock ingest | ${st.read.toFixed(3)} | ${rate(st.rows, st.read)} |`);
    printDomain(say, dom, o.stagesReps, false);
    say(`| JSON (streamed, ${Math.round(st.jsonBytes / 1e6)} MB) | ${st.json.toFixed(3)} | ${rate(st.rows, st.json)} |`);
    say(`| result sheets (models + streaming writer) | ${st.sheets.toFixed(3)} | ${rate(st.rows, st.sheets)} |`);
    printDomainTotals(say, dom, o.stagesReps);
    say(`stages process peak RSS ${mb(st.maxRssKb)}; rows held as cells at most ${st.maxHeldRows}; stock rows streamed ${st.stockRowsStreamed}`);
    if (reps > 1) say(`walls: floor ${floors.map((x) => f2(x.wall)).join(", ")}; --json ${clis.map((x) => f2(x.wall)).join(", ")}${o.uit ? `; --uit ${uits.map((x) => f2(x.wall)).join(", ")}` : ""}`);
  }
  if (o.json) fs.writeFileSync(path.resolve(ROOT, o.json), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err && err.message ? err.message : err}\n`);
  process.exit(1);
});
