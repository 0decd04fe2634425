/**
 * Fuzz runner child process (see xlsx-fuzz.test.ts): runs `bat-bzk analyse` in process on each
 * file listed in the JSON file given as argv[2], from index argv[3], and reports on stdout:
 * `START <i>` before a file, `DONE <json>` after it ({ i, code, err }). The parent bounds the
 * time per file (it kills this process when a file takes too long) and the memory (this
 * process runs with --max-old-space-size). The TypeScript sources are loaded through a small
 * require hook (typescript's transpileModule: no type check, no build needed).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(out.outputText, filename);
};

const { main } = require(path.join(__dirname, "..", "..", "src", "cli", "main.ts"));

async function run() {
  const files = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const from = Number(process.argv[3] ?? 0);
  for (let i = from; i < files.length; i++) {
    process.stdout.write(`START ${i}\n`);
    const file = files[i];
    let err = "";
    const code = await main(["analyse", file, "--json", `${file}.json`, "--uit", `${file}.uit.xlsx`], {
      out: () => undefined,
      err: (t) => (err += t),
    });
    for (const f of [`${file}.json`, `${file}.uit.xlsx`]) fs.rmSync(f, { force: true });
    process.stdout.write(`DONE ${JSON.stringify({ i, code, err })}\n`);
  }
}

run().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`runner: ${e && e.stack ? e.stack : e}\n`);
    process.exit(99);
  },
);
