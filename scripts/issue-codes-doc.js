/**
 * Writes the table of issue codes in docs/json.md from src/domain/issue-codes.ts
 * (src/report/issue-code-table.ts). Run with `npm run docs:codes` (which compiles lib/ first).
 */
const fs = require("node:fs");
const path = require("node:path");

const { withIssueCodeTable } = require(path.join(__dirname, "..", "lib", "report", "issue-code-table.js"));
const doc = path.join(__dirname, "..", "docs", "json.md");
const before = fs.readFileSync(doc, "utf8");
const after = withIssueCodeTable(before);
if (after !== before) fs.writeFileSync(doc, after);
process.stdout.write(after === before ? "docs/json.md: de tabel met meldingscodes was al bij.\n" : "docs/json.md: tabel met meldingscodes bijgewerkt.\n");
