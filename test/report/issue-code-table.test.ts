/**
 * The table of issue codes in docs/json.md is the one made from ISSUE_CODES
 * (`npm run docs:codes` rewrites it), and every code has a meaning.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ISSUE_CODES } from "../../src/domain/issue-codes";
import { issueCodeTable, TABLE_END, TABLE_START, withIssueCodeTable } from "../../src/report/issue-code-table";

const DOC = path.resolve(__dirname, "../../docs/json.md");

describe("docs/json.md, Meldingscodes", () => {
  test("holds the table made from ISSUE_CODES (else: npm run docs:codes)", () => {
    const doc = readFileSync(DOC, "utf8");
    expect(withIssueCodeTable(doc)).toBe(doc);
  });

  test("a stale table is noticed: a code missing from the document changes it", () => {
    const doc = readFileSync(DOC, "utf8");
    const stale = doc.replace(/^\| `blad-niet-gebruikt` \|.*\n/m, "");
    expect(stale).not.toBe(doc);
    expect(withIssueCodeTable(stale)).toBe(doc);
  });

  test("one row per code, each with a meaning, codes in the form of the JSON contract", () => {
    const codes = Object.keys(ISSUE_CODES);
    expect(issueCodeTable().split("\n")).toHaveLength(codes.length + 2);
    for (const [code, meaning] of Object.entries(ISSUE_CODES)) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });

  test("a document without the markers is an error", () => {
    expect(() => withIssueCodeTable("# leeg\n")).toThrow(TABLE_START);
    expect(TABLE_END).toContain("einde");
  });
});
