import { classifyStock } from "../../src/domain/classify";
import { sortGroupValues, summariseBy, summariseSupply, supplyFromDwellings } from "../../src/domain/aggregate";
import { compareNullLast } from "../../src/domain/format";
import { createRandom } from "../support/random";
import { DEFAULT_RULES } from "../../src/domain/rules";
import type { StockRow } from "../../src/domain/types";
import { complexRows, stockRow } from "./fixtures";
import { readCsv } from "../support/csv";

/** Kerkrade social-rent stock 1-1-2020 by corporation and BAT class, as grouped rows (one row per cell). */
const kerkrade = readCsv("kerkrade-bat-per-corporatie-2020.csv").filter((r) => r.corporatie !== "TOTAAL");
const kerkradeTotal = readCsv("kerkrade-bat-per-corporatie-2020.csv").find((r) => r.corporatie === "TOTAAL")!;

function kerkradeRows(): StockRow[] {
  const rows: StockRow[] = [];
  for (const r of kerkrade) {
    for (let bat = 0; bat <= 4; bat++) {
      const aantal = Number(r[`bat_${bat}`]);
      if (aantal > 0) rows.push(stockRow({ eigenaar: r.corporatie, gemeente: "Kerkrade", bat, aantal }));
    }
  }
  return rows;
}

describe("summariseSupply on the Kerkrade stock (published 2020 figures)", () => {
  const { dwellings } = classifyStock(kerkradeRows(), DEFAULT_RULES);
  const s = summariseSupply(dwellings, "limburg");

  test("per BAT class equals the published TOTAAL row", () => {
    for (let bat = 0; bat <= 4; bat++) expect(s.perBat[String(bat)]).toBe(Number(kerkradeTotal[`bat_${bat}`]));
    expect(s.perBat.onbekend).toBe(0);
    expect(s.eenheden).toBe(Number(kerkradeTotal.totaal));
  });

  test("BAT 0 is regulier and BAT ≥ 1 nultreden (no complex facts, so nothing is proven clustered)", () => {
    const nultreden = [1, 2, 3, 4].reduce((a, b) => a + Number(kerkradeTotal[`bat_${b}`]), 0);
    expect(s.perBzk).toEqual({ regulier: Number(kerkradeTotal.bat_0), nultreden, geclusterd: 0, zorggeschikt: 0, onbekend: 0 });
    expect(s.cumulatief).toEqual({ nultreden, geclusterd: 0, zorggeschikt: 0 });
  });

  test("per corporation, sorted by name, each equal to its published row", () => {
    const groups = summariseBy(dwellings, "limburg", "eigenaar");
    expect(groups.map((g) => g.waarde)).toEqual([...kerkrade.map((r) => r.corporatie)].sort((a, b) => a.localeCompare(b, "nl")));
    for (const g of groups) {
      const published = kerkrade.find((r) => r.corporatie === g.waarde)!;
      expect(g.summary.eenheden).toBe(Number(published.totaal));
      for (let bat = 0; bat <= 4; bat++) expect(g.summary.perBat[String(bat)]).toBe(Number(published[`bat_${bat}`]));
    }
  });
});

describe("summaries and supply entries", () => {
  test("all keys are present, also when 0, on the VERA scale", () => {
    const s = summariseSupply(classifyStock([stockRow({ bat: 2, batScale: "vera" })], DEFAULT_RULES).dwellings, "vera");
    expect(s.perBat).toEqual({ BAT1: 0, BAT2: 1, BAT3: 0, BAT4: 0, BAT5: 0, onbekend: 0 });
    expect(Object.keys(s.perBzk).sort()).toEqual(["geclusterd", "nultreden", "onbekend", "regulier", "zorggeschikt"]);
  });

  test("a BAT on the other scale is not counted in a BAT class", () => {
    const d = classifyStock([stockRow({ bat: 2, batScale: "vera" }), stockRow({ bat: 2 })], DEFAULT_RULES).dwellings;
    const s = summariseSupply(d, "limburg");
    expect(s.perBat["2"]).toBe(1);
    expect(s.perBat.onbekend).toBe(1);
  });

  test("rows without a group value form one null group, listed last", () => {
    const rows = [stockRow({ bat: 1, gemeente: "Heerlen" }), stockRow({ bat: 1 }), stockRow({ bat: 0, gemeente: "Brunssum", aantal: 4 })];
    const groups = summariseBy(classifyStock(rows, DEFAULT_RULES).dwellings, "limburg", "gemeente");
    expect(groups.map((g) => [g.waarde, g.summary.eenheden])).toEqual([["Brunssum", 4], ["Heerlen", 1], [null, 1]]);
  });

  test("supply entries split zorggeschikt by zorgprofiel when known, with the unknown ones apart", () => {
    const care = { complex: "Z", ontmoetingsruimte: "inpandig" as const, aandeel55plus: 0.9, wlz: true, bat: 3 };
    const rows = [
      ...complexRows(5, { ...care, zorgprofiel: "SOM" }),
      ...complexRows(7, { ...care, zorgprofiel: "PG" }),
      ...complexRows(2, care),
      stockRow({ bat: 0, aantal: 100 }),
      stockRow({ bat: 1, aantal: 40 }),
      stockRow({ aantal: 9 }), // unknown type: not supply
    ];
    const entries = supplyFromDwellings(classifyStock(rows, DEFAULT_RULES).dwellings, "limburg");
    const bzk = entries.filter((e) => e.niveau === "bzk").map((e) => [e.categorie, e.zorgprofiel, e.aanbod]);
    expect(bzk).toEqual([
      ["regulier", null, 100],
      ["nultreden", null, 40],
      ["geclusterd", null, 0],
      ["zorggeschikt", "SOM", 5],
      ["zorggeschikt", "PG", 7],
      ["zorggeschikt", null, 2],
    ]);
    const bat = entries.filter((e) => e.niveau === "bat").map((e) => [e.categorie, e.aanbod]);
    expect(bat).toEqual([["0", 100], ["1", 40], ["2", 0], ["3", 14], ["4", 0]]);
    for (const e of entries) expect([e.groep, e.jaar, e.gebied, e.sheet, e.cell]).toEqual([null, null, null, "", ""]);
  });

  test("without any zorgprofiel, zorggeschikt is one entry", () => {
    const rows = complexRows(12, { complex: "Z", ontmoetingsruimte: "inpandig", aandeel55plus: 0.9, wlz: true, bat: 2 });
    const entries = supplyFromDwellings(classifyStock(rows, DEFAULT_RULES).dwellings, "limburg");
    expect(entries.filter((e) => e.categorie === "zorggeschikt")).toEqual([
      expect.objectContaining({ zorgprofiel: null, aanbod: 12 }),
    ]);
  });
});

describe("sortGroupValues: the order of compareNullLast (Dutch collation, null last)", () => {
  const byComparator = (values: (string | null)[]) => [...values].sort(compareNullLast);

  test("every text of up to three digits and capitals from a set with I, J, Y (no Dutch ij tailoring), O and 0", () => {
    const alphabet = ["0", "1", "9", "A", "I", "J", "O", "Y", "Z"];
    const texts: string[] = [""];
    for (let len = 1; len <= 3; len++) {
      for (const t of texts.filter((x) => x.length === len - 1)) for (const c of alphabet) texts.push(t + c);
    }
    const shuffled = createRandom(3).shuffle(texts);
    expect(sortGroupValues(shuffled)).toEqual(byComparator(shuffled));
  });

  test("random CBS-like codes and mixed texts, with null; the plain path and the collation path", () => {
    const rnd = createRandom(20261207);
    const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (let run = 0; run < 200; run++) {
      const values: (string | null)[] = [];
      const n = rnd.int(0, 60);
      for (let i = 0; i < n; i++) {
        let t = "";
        for (let j = rnd.int(0, 10); j > 0; j--) t += chars[rnd.int(0, chars.length - 1)];
        values.push(t);
      }
      if (rnd.chance(0.3)) values.push(null);
      // Sometimes texts that are not plain codes: lower case, accents, spaces, punctuation.
      if (rnd.chance(0.5)) values.push(rnd.pick(["Kerkrade", "BU0917 02", "élan", "Eijsden-Margraten", "b", "ij", "IJ", "Y"]));
      const distinct = [...new Set(values)];
      expect(sortGroupValues(distinct)).toEqual(byComparator(distinct));
    }
  });

  test("texts that are not plain codes follow the collation, not the code units", () => {
    expect(sortGroupValues(["b", null, "A", "a"])).toEqual(["a", "A", "b", null]);
    expect(sortGroupValues(["BU2", "BU10", "BU1"])).toEqual(["BU1", "BU10", "BU2"]);
  });
});
