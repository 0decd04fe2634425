/**
 * The domain core on one core: classify + aggregate + tekort (and, reported apart: adaptation,
 * clustering and care potential, the what-if base and one what-if recompute)
 * on the synthetic stock of a given size, in a process of its own that holds nothing but the
 * rows (built from the generator's rows through the stock reader, no workbook involved), so
 * that the figure is the domain's and not the workbook reader's garbage collection. Run as a
 * child process by scripts/bench.js; prints one JSON line with the best of `reps` runs per step,
 * their medians (`median`) and the first run's times (`cold`: the JIT still compiling, as in a
 * command that analyses one workbook); `all` is every step up to the what-if base (core,
 * adaptation, clustering and care potential, what-if base), the recompute excluded.
 * Every run redoes the whole work on the same rows (nothing is kept from one run to the next).
 * `perRun` gives each run's classify, aggregate and core seconds and the minor page faults the
 * process took during its core (`process.resourceUsage()`, read outside the timed span): on this
 * machine (a Firecracker VM) a run whose allocations land on memory the process has not touched
 * before pays about 15-20 µs per fault, and that, not the domain code, is most of the spread
 * between runs (docs/performance.md, "Why the median varies").
 *
 *   node scripts/bench/domain.js <size> [reps]
 */
"use strict";
const path = require("node:path");
const lib = path.join(__dirname, "..", "..", "lib");
const { stockRows, demandRows, HEADERS } = require("./generate");
const { StockRowReader } = require(path.join(lib, "ingest", "stock.js"));
const { readDemand } = require(path.join(lib, "ingest", "demand.js"));
const { DEFAULT_RULES } = require(path.join(lib, "domain", "rules.js"));
const { classifyStock } = require(path.join(lib, "domain", "classify.js"));
const { summariseAll, supplyFromSummary } = require(path.join(lib, "domain", "aggregate.js"));
const { computeTekort } = require(path.join(lib, "domain", "tekort.js"));
const { assessAdaptation } = require(path.join(lib, "domain", "potentieel.js"));
const { findClusterCandidates } = require(path.join(lib, "domain", "clustering.js"));
const { findCareCandidates } = require(path.join(lib, "domain", "zorgpotentieel.js"));
const { stockComplexes } = require(path.join(lib, "domain", "reclassify.js"));
const { prepareWhatIf, computeWhatIf, paramsFromRules } = require(path.join(lib, "domain", "whatif.js"));

const now = () => Number(process.hrtime.bigint()) / 1e9;
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const KEYS = ["gemeente", "wijk", "buurt", "eigenaar", "segment"];

function domain(size, reps) {
  const reader = new StockRowReader({ sheet: "Voorraad" }, { scale: "auto" });
  reader.push(HEADERS);
  for (const cells of stockRows(size)) reader.push(cells);
  const stock = reader.finish();
  const rows = stock.rows;
  const scale = stock.batScale;
  const { years, rows: vraag } = demandRows(size);
  const demand = readDemand({ sheet: "Vraag", tableName: null, originRow: 1, originCol: 1, values: [["Woonvorm", ...years], ...vraag] }).entries;
  const rules = DEFAULT_RULES;
  const STEPS = ["classify", "aggregate", "tekort", "core", "adaptation", "potentials", "whatIfPrepare", "whatIfRecompute", "all"];
  const runs = Object.fromEntries(STEPS.map((k) => [k, []]));
  const perRun = [];
  for (let i = 0; i < reps; i++) {
    const faults0 = process.resourceUsage().minorPageFault;
    const t0 = now();
    const classified = classifyStock(rows, rules);
    const dwellings = classified.classified;
    const t1 = now();
    // As the pipeline: every grouping in one pass with the summary, those with values kept.
    const all = summariseAll(dwellings, scale, KEYS);
    if (all.groups.every((g) => !g.hasValues)) throw new Error("no groupings");
    const supply = supplyFromSummary(all.summary, scale);
    const t2 = now();
    const tekort = computeTekort(supply, demand, { batScale: scale });
    const t3 = now();
    const faults = process.resourceUsage().minorPageFault - faults0;
    const adapted = assessAdaptation(dwellings, rules);
    const t4 = now();
    // As the pipeline after the core: clustering and care potential, the what-if base, and one
    // recompute of a scenario (what the task pane's what-if panel does per change of an input).
    const complexes = stockComplexes(dwellings, classified.complexes);
    const clustering = findClusterCandidates(dwellings, rules, complexes);
    const zorgpotentieel = findCareCandidates(dwellings, rules, complexes);
    const t5 = now();
    const base = prepareWhatIf({
      dwellings, adapted: adapted.perDwelling, rules, batScale: scale, supplySource: "voorraad", supply, demand, plannen: [], clustering, zorgpotentieel,
    }, { complexes });
    const t6 = now();
    computeWhatIf(base, { ...paramsFromRules(rules), aanpassenPercentage: 30, ontmoetingsruimten: 5 });
    const t7 = now();
    if (tekort.rows.length === 0) throw new Error("no tekort rows");
    const step = { classify: t1 - t0, aggregate: t2 - t1, tekort: t3 - t2, core: t3 - t0, adaptation: t4 - t3, potentials: t5 - t4, whatIfPrepare: t6 - t5, whatIfRecompute: t7 - t6, all: t6 - t0 };
    for (const k of STEPS) runs[k].push(step[k]);
    perRun.push({ classify: step.classify, aggregate: step.aggregate, core: step.core, faults });
  }
  const best = Object.fromEntries(STEPS.map((k) => [k, Math.min(...runs[k])]));
  const median = Object.fromEntries(STEPS.map((k) => [k, med(runs[k])]));
  const cold = Object.fromEntries(STEPS.map((k) => [k, runs[k][0]]));
  return {
    rows: rows.length, reps, ...best, median, cold, coreRowsPerSecond: rows.length / best.core, coreMedianRowsPerSecond: rows.length / median.core,
    coreColdRowsPerSecond: rows.length / cold.core,
    allRowsPerSecond: rows.length / best.all, allMedianRowsPerSecond: rows.length / median.all, maxRssKb: process.resourceUsage().maxRSS,
    perRun,
  };
}

if (require.main === module) {
  const r = domain(Number(process.argv[2]), Number(process.argv[3] ?? 5));
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

module.exports = { domain };
