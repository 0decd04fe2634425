import { makeIssue } from "../../src/domain/issues";
import { IssueLog, formatNumber, quoteValue, sameNumber, tableCell } from "../../src/ingest/messages";

describe("message helpers", () => {
  it("formats numbers the Dutch way", () => {
    expect(formatNumber(45060)).toBe("45.060");
    expect(formatNumber(117250)).toBe("117.250");
    expect(formatNumber(1729.5)).toBe("1.729,5");
    expect(formatNumber(-1234567)).toBe("-1.234.567");
    expect(formatNumber(0)).toBe("0");
  });
  it("quotes cell values and shortens long texts", () => {
    expect(quoteValue("BAT 5")).toBe("'BAT 5'");
    expect(quoteValue(2.5)).toBe("'2,5'");
    expect(quoteValue(null)).toBe("'(leeg)'");
    expect(quoteValue({ error: "#N/A" })).toBe("'#N/A'");
    expect(quoteValue("x".repeat(100))).toHaveLength(62);
  });
  it("addresses cells relative to the table origin", () => {
    expect(tableCell({ originRow: 12, originCol: 8 }, 5, 1)).toBe("I17");
    expect(tableCell({ originRow: 1, originCol: 26 }, 0, 1)).toBe("AA1");
  });
  it("compares sums with a tolerance for floating-point noise only", () => {
    expect(sameNumber(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameNumber(45060, 45061)).toBe(false);
  });
});

describe("IssueLog", () => {
  it("keeps the first `cap` issues per key and summarises the rest", () => {
    const log = new IssueLog(3);
    for (let i = 0; i < 10; i++) {
      log.addCapped("k", () => makeIssue("rij-overgeslagen", "waarschuwing", "S", `A${i + 1}`, `m${i}`), (extra) => makeIssue("rij-overgeslagen", "waarschuwing", "S", null, `nog ${extra}`));
    }
    log.add(makeIssue("aantal-ongeldig", "fout", "S", "B1", "f"));
    const issues = log.finish();
    expect(issues.map((i) => i.message)).toEqual(["m0", "m1", "m2", "f", "nog 7"]);
  });
});
