/**
 * Checks the synthetic Kerkrade stock against every published marginal (count per owner and BAT
 * class, per dwelling type and rent class, the units without a dwelling type) and its own
 * invariants (unique VHE numbers, complexes of 4-120 units with one set of complex facts, floors
 * and lift as the dwelling type says). Throws (in Dutch) on the first that is off: the sample
 * promises to reproduce the published counts exactly (README.md, "Voorbeeldwerkmappen").
 */
"use strict";

const { kindOf } = require("../kerkrade-tables");

/** Checks every published marginal and the invariants of the synthetic stock; throws if off. */
function verifyStock(rows, tables) {
  const fail = (msg) => {
    throw new Error(`Synthetische voorraad klopt niet: ${msg}`);
  };
  const total = tables.corps.reduce((a, c) => a + c.totaal, 0);
  if (rows.length !== total) fail(`${rows.length} regels, verwacht ${total}`);
  for (const c of tables.corps) {
    for (let k = 0; k <= 4; k++) {
      const n = rows.filter((r) => r.corporatie === c.name && r.bat === k).length;
      if (n !== c.counts[k]) fail(`${c.name} BAT ${k}: ${n}, verwacht ${c.counts[k]}`);
    }
  }
  for (const t of tables.types) {
    const inType = rows.filter((r) => r.woningtype === t.label);
    if (inType.length !== t.totaal) fail(`${t.label}: ${inType.length}, verwacht ${t.totaal}`);
    tables.klasseLabels.forEach((kl, k) => {
      const n = inType.filter((r) => r.huurklasse === kl).length;
      if (n !== t.counts[k]) fail(`${t.label} / ${kl}: ${n}, verwacht ${t.counts[k]}`);
    });
  }
  const typedTotal = tables.types.reduce((a, t) => a + t.totaal, 0);
  const untypedRows = rows.filter((r) => r.woningtype === "");
  if (untypedRows.length !== total - typedTotal) fail(`zonder woningtype: ${untypedRows.length}`);
  if (untypedRows.some((r) => r.huurklasse !== "" || r.detail !== "")) fail("eenheid zonder woningtype heeft huurklasse of code");
  if (new Set(rows.map((r) => r.vhe)).size !== rows.length) fail("VHE-nummers niet uniek");
  const byComplex = new Map();
  for (const r of rows) {
    if (!byComplex.has(r.complex)) byComplex.set(r.complex, []);
    byComplex.get(r.complex).push(r);
  }
  for (const [nr, list] of byComplex) {
    if (list.length < 4 || list.length > 120) fail(`${nr} heeft ${list.length} eenheden`);
    for (const f of ["corporatie", "buurt", "bouwjaar", "ontmoetingsruimte", "aandeel55", "label55", "wlz", "zorgprofiel"]) {
      if (new Set(list.map((r) => r[f])).size !== 1) fail(`${nr}: ${f} verschilt binnen het complex`);
    }
  }
  for (const r of rows) {
    const kind = r.woningtype ? kindOf(r.woningtype) : null;
    if (kind === "GZL" && (r.lift !== "nee" || (r.bouwlaag > 0 && r.bat > 0))) fail(`${r.vhe}: gestapeld zonder lift`);
    if (kind === "GML" && r.lift !== "ja") fail(`${r.vhe}: gestapeld met lift zonder lift`);
    if ((kind === "G1" || kind === "GM") && (r.bouwlaag !== 0 || r.lift !== "")) fail(`${r.vhe}: grondgebonden`);
  }
}

module.exports = { verifyStock };
