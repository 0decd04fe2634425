#!/usr/bin/env node
// Entry point of the `bat-bzk` command. The TypeScript sources are compiled to lib/ by
// `npm install` (the "prepare" script) or `npm run build:cli`.
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("bat-bzk is nog niet gebouwd: voer eerst 'npm install' of 'npm run build:cli' uit.\n");
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
