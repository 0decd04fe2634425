/**
 * The table of issue codes in docs/json.md ("Meldingscodes"), made from `ISSUE_CODES`
 * (src/domain/issue-codes.ts) so that the documentation cannot drift from the code:
 * `npm run docs:codes` writes it, test/report/issue-code-table.test.ts fails when it is stale.
 */
import { ISSUE_CODES } from "../domain/issue-codes";

/** The markers around the generated table in docs/json.md. */
export const TABLE_START = "<!-- meldingscodes: gemaakt door npm run docs:codes uit src/domain/issue-codes.ts; niet met de hand wijzigen -->";
/** The marker after the generated table in docs/json.md (the table is replaced up to it). */
export const TABLE_END = "<!-- einde meldingscodes -->";

/**
 * The Markdown table, one row per code in the order of `ISSUE_CODES`.
 * @example issueCodeTable().split("\n")[2] === "| `blad-niet-gebruikt` | Een blad is niet gebruikt; de melding zegt waarom. |"
 */
export function issueCodeTable(): string {
  const rows = Object.entries(ISSUE_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning.replace(/\|/g, "\\|")} |`);
  return ["| code | betekenis |", "| --- | --- |", ...rows].join("\n");
}

/**
 * A document with the table between its markers replaced by {@link issueCodeTable}.
 * @throws Error when the document lacks the markers (they must be placed by hand once).
 */
export function withIssueCodeTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/json.md: markers '${TABLE_START}' and '${TABLE_END}' not found`);
  return `${doc.slice(0, start + TABLE_START.length)}\n${issueCodeTable()}\n${doc.slice(end)}`;
}
