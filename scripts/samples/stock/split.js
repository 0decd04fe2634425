/**
 * Integer splits for the synthetic Kerkrade stock: the owner x dwelling-type matrix that keeps
 * both published marginals (README.md, "Voorbeeldwerkmappen"), and complex sizes. Plain
 * arithmetic; evenSplit draws from the generator it is given, so the call order is part of the
 * seeded sequence (scripts/lib-random.js).
 */
"use strict";

/**
 * Integer matrix with the given row and column sums, close to proportional to `weights`
 * (iterative proportional fitting, largest-remainder rounding per row, then unit moves that
 * repair the column sums).
 */
function splitMatrix(rowTotals, colTotals, weights) {
  const R = rowTotals.length;
  const C = colTotals.length;
  const m = weights.map((row) => row.map((w, c) => (colTotals[c] === 0 ? 0 : w)));
  for (let it = 0; it < 500; it++) {
    for (let r = 0; r < R; r++) {
      const s = m[r].reduce((a, b) => a + b, 0);
      for (let c = 0; c < C; c++) m[r][c] = s > 0 ? (m[r][c] * rowTotals[r]) / s : 0;
    }
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let r = 0; r < R; r++) s += m[r][c];
      for (let r = 0; r < R; r++) m[r][c] = s > 0 ? (m[r][c] * colTotals[c]) / s : 0;
    }
  }
  const out = m.map((row, r) => {
    const floors = row.map(Math.floor);
    let left = rowTotals[r] - floors.reduce((a, b) => a + b, 0);
    const order = row.map((v, c) => [v - Math.floor(v), c]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let i = 0; i < order.length && left > 0; i++, left--) floors[order[i][1]] += 1;
    return floors;
  });
  for (let guard = 0; guard < 100000; guard++) {
    const diff = colTotals.map((t, c) => out.reduce((a, row) => a + row[c], 0) - t);
    const over = diff.findIndex((d) => d > 0);
    if (over < 0) break;
    const under = diff.findIndex((d) => d < 0);
    let best = -1;
    let bestGain = -Infinity;
    for (let r = 0; r < R; r++) {
      if (out[r][over] === 0) continue;
      const gain = (m[r][under] - out[r][under]) - (m[r][over] - out[r][over]);
      if (gain > bestGain) {
        bestGain = gain;
        best = r;
      }
    }
    if (best < 0) throw new Error("splitMatrix: kolomtotalen niet haalbaar");
    out[best][over] -= 1;
    out[best][under] += 1;
  }
  return out;
}

/** Splits n into parts within [min, max], drawing sizes with `draw`. n < min gives one part. */
function partition(n, draw, min, max) {
  const sizes = [];
  let left = n;
  while (left > 0) {
    let s = Math.min(draw(), max);
    if (left - s < min) s = left <= max ? left : left - min;
    sizes.push(s);
    left -= s;
  }
  return sizes;
}

/** Splits n into k parts of about equal size with a little jitter. */
function evenSplit(n, k, rnd) {
  const base = Math.floor(n / k);
  const parts = new Array(k).fill(base);
  for (let i = 0; i < n - base * k; i++) parts[i] += 1;
  for (let i = 0; i + 1 < k; i += 2) {
    const d = rnd.int(0, Math.min(6, Math.floor(base / 8)));
    parts[i] += d;
    parts[i + 1] -= d;
  }
  return parts;
}

module.exports = { splitMatrix, partition, evenSplit };
