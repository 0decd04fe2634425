/**
 * The domain core on one core: classify + aggregate + tekort (and, reported apart: adaptation,
 * clustering and care potential, the what-if base and one what-if recompute)
 * on the synthetic stock of a given size, in a process of its own that holds nothing but the
 * rows (built from the generator's rows through the stock reader, no workbook involved), so
 * that the figure is the domain's and not the workbook reader's garbage collection. Run as a
 * child process by scripts/bench.js; prints one JSON line with the best of `reps` runs per step.
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
  const best = { classify: Infinity, aggregate: Infinity, tekort: Infinity, core: Infinity, adaptation: Infinity, potentials: Infinity, whatIfPrepare: Infinity, whatIfRecompute: Infinity };
  for (let i = 0; i < reps; i++) {
    const t0 = now();
    const classified = classifyStock(rows, rules);
    const { dwellings } = classified;
    const t1 = now();
    // As the pipeline: every grouping in one pass with the summary, those with values kept.
    const all = summariseAll(dwellings, scale, KEYS);
    if (all.groups.every((g) => !g.hasValues)) throw new Error("no groupings");
    const supply = supplyFromSummary(all.summary, scale);
    const t2 = now();
    const tekort = computeTekort(supply, demand, { batScale: scale });
    const t3 = now();
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
    best.classify = Math.min(best.classify, t1 - t0);
    best.aggregate = Math.min(best.aggregate, t2 - t1);
    best.tekort = Math.min(best.tekort, t3 - t2);
    best.core = Math.min(best.core, t3 - t0);
    best.adaptation = Math.min(best.adaptation, t4 - t3);
    best.potentials = Math.min(best.potentials, t5 - t4);
    best.whatIfPrepare = Math.min(best.whatIfPrepare, t6 - t5);
    best.whatIfRecompute = Math.min(best.whatIfRecompute, t7 - t6);
  }
  return { rows: rows.length, ...best, coreRowsPerSecond: rows.length / best.core, maxRssKb: process.resourceUsage().maxRSS };
}

if (require.main === module) {
  const r = domain(Number(process.argv[2]), Number(process.argv[3] ?? 5));
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

module.exports = { domain };
