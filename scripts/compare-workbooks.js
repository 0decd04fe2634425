#!/usr/bin/env node
// Compares the cell values of two .xlsx workbooks sheet by sheet (ExcelJS); exits 1 on the first
// difference. Used to prove the committed sample workbooks are what the build script makes.
"use strict";
const ExcelJS = require("exceljs");

async function values(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: JSON.stringify(ws.getSheetValues()) }));
}

(async () => {
  const [a, b] = process.argv.slice(2);
  const [va, vb] = await Promise.all([values(a), values(b)]);
  if (va.length !== vb.length) throw new Error(`aantal bladen verschilt: ${va.length} tegen ${vb.length}`);
  va.forEach((s, i) => {
    if (s.name !== vb[i].name) throw new Error(`blad ${i + 1}: '${s.name}' tegen '${vb[i].name}'`);
    if (s.rows !== vb[i].rows) throw new Error(`blad '${s.name}' verschilt`);
  });
  console.log(`${a}: gelijk aan een nieuwe bouw (${va.length} bladen)`);
})().catch((err) => {
  console.error(`Verschil: ${err.message}`);
  process.exit(1);
});
