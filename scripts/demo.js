#!/usr/bin/env node
// `npm run demo`: analyses the bundled sample workbooks (assets/) with the bat-bzk command and
// writes the result workbooks and JSON documents to out/. Prints where they are and a short
// Dutch summary of the key figures.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const { main } = require("../lib/cli/main.js");

const root = path.resolve(__dirname, "..");
const out = path.join(root, "out");
fs.mkdirSync(out, { recursive: true });

const runs = [
  {
    titel: "Parkstad Limburg: vraag (Tabel 1) tegenover geïnventariseerd aanbod (Tabel 2), 2023-2040",
    args: ["assets/parkstad-woonzorg-2023.xlsx", "--uit", "out/parkstad-resultaat.xlsx", "--json", "out/parkstad-resultaat.json"],
  },
  {
    titel: "Kerkrade, sociale huur 1-1-2020: synthetische voorraad per woning (7.824 eenheden)",
    args: ["assets/kerkrade-sociale-huur-2020.xlsx", "--uit", "out/kerkrade-resultaat.xlsx", "--json", "out/kerkrade-resultaat.json"],
  },
  {
    titel: "Kerkrade, sociale huur 1-1-2020: gepubliceerde BAT-tabel per corporatie",
    args: ["assets/kerkrade-sociale-huur-2020.xlsx", "--voorraad", "BAT per corporatie", "--uit", "out/kerkrade-bat-tabel-resultaat.xlsx"],
  },
];

(async () => {
  process.chdir(root);
  let status = 0;
  for (const run of runs) {
    process.stdout.write(`\n== ${run.titel}\n`);
    const code = await main(["analyse", ...run.args]);
    if (code !== 0) status = code;
  }
  process.stdout.write(`\nResultaten staan in ${out}${path.sep} (open de .xlsx-bestanden in Excel of LibreOffice).\n`);
  process.exitCode = status;
})();
