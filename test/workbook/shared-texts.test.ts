/**
 * The bounded shared-string table of `--uit` (src/workbook/shared-texts.ts): repeated texts get
 * one index, columns of mostly new texts are closed, the table stops growing at its bounds, and
 * its XML part holds every text once, escaped.
 */
import { ColumnTally, MAX_CHARS, MAX_ENTRIES, SharedTexts, WINDOW } from "../../src/workbook/shared-texts";

describe("SharedTexts", () => {
  test("a repeated text gets the same index in any column; the table lists it once", () => {
    const texts = new SharedTexts();
    const tally = new ColumnTally();
    const a = texts.index("Kerkrade", 3, tally);
    expect(a).toBe(0);
    expect(texts.index("Heerlen", 3, tally)).toBe(1);
    expect(texts.index("Kerkrade", 5, tally)).toBe(a);
    expect(texts.index("Kerkrade", 3, new ColumnTally())).toBe(a);
    expect(texts.count).toBe(2);
    expect(texts.toXml()).toContain('count="4" uniqueCount="2"><si><t>Kerkrade</t></si><si><t>Heerlen</t></si></sst>');
  });

  test("a column of mostly new texts is closed after a window; other columns keep sharing", () => {
    const texts = new SharedTexts();
    const tally = new ColumnTally();
    expect(texts.index("ja", 1, tally)).toBe(0);
    expect(texts.index("nee", 1, tally)).toBe(1);
    for (let i = 0; i < WINDOW; i++) {
      expect(texts.index(`VHE${i}`, 0, tally)).toBe(2 + i);
      expect(texts.index(i % 2 === 0 ? "ja" : "nee", 1, tally)).toBe(i % 2);
    }
    expect(tally.open(0)).toBe(false);
    expect(tally.open(1)).toBe(true);
    // Closed: written inline, even a text the table holds.
    expect(texts.index("VHE0", 0, tally)).toBe(-1);
    expect(texts.index("VHE-nieuw", 0, tally)).toBe(-1);
    expect(texts.index("ja", 1, tally)).toBe(0);
    // Another sheet's column 0 has its own tally.
    expect(texts.index("VHE0", 0, new ColumnTally())).toBe(2);
  });

  test("half new texts keep a column open; the table stops growing at MAX_ENTRIES", () => {
    const texts = new SharedTexts();
    const tally = new ColumnTally();
    for (let i = 0; i < MAX_ENTRIES; i++) {
      texts.index(`t${i}`, 0, tally);
      texts.index(`t${i}`, 0, tally);
    }
    expect(tally.open(0)).toBe(true);
    expect(texts.count).toBe(MAX_ENTRIES);
    expect(texts.index("nog een", 0, tally)).toBe(-1);
    expect(texts.index("t7", 0, tally)).toBe(7);
    expect(texts.count).toBe(MAX_ENTRIES);
  });

  test("the table stops growing at MAX_CHARS", () => {
    const texts = new SharedTexts();
    const tally = new ColumnTally();
    const long = "x".repeat(MAX_CHARS - 1);
    expect(texts.index(long, 0, tally)).toBe(0);
    expect(texts.index("ab", 1, tally)).toBe(-1);
    expect(texts.index("a", 1, tally)).toBe(1);
  });

  test("the XML escapes markup, drops characters XML forbids and keeps leading and trailing spaces", () => {
    const texts = new SharedTexts();
    const tally = new ColumnTally();
    texts.index("  a & <b> \u0001", 0, tally);
    texts.index("≥ 55+", 0, tally);
    const xml = texts.toXml();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ')).toBe(true);
    expect(xml).toContain('<si><t xml:space="preserve">  a &amp; &lt;b&gt; </t></si><si><t>≥ 55+</t></si>');
  });
});
