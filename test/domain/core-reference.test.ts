/**
 * The domain core's fast paths against a straightforward reference, on realistic data: the
 * Kerkrade stock of 2020 (published figures per corporation and BAT class) and a generated stock
 * of complexes (seeded, test/support/random.ts) with every fact the classification reads, both
 * BAT scales, rows without group values and out-of-range BAT values.
 *
 * - Aggregation: `summariseAll` of the classified stock (its slot array; supply vectors, `summaryOfVector`'s per-scale literals) equals
 *   counting each dwelling's `bzk`, `zorgprofiel` and BAT code into plain records, grouped by a
 *   `Map` and sorted (null last, Dutch collation), including the order of the keys (JSON text).
 * - Classification: the one-byte verdicts of `classifySlots` (used by the batched
 *   re-classifications) equal the slots of `classifyStock`'s dwellings and of its classified
 *   stock, and every dwelling has a reason.
 */
import { classifySlots, classifyStock } from "../../src/domain/classify";
import { summariseAll, type GroupKey } from "../../src/domain/aggregate";
import { batCodes, isValidLevel } from "../../src/domain/bat";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { bzkSlot } from "../../src/domain/supply-vector";
import type { BatScale, ClassifiedDwelling, StockRow, SupplySummary } from "../../src/domain/types";
import { createRandom } from "../support/random";
import { readCsv } from "../support/csv";
import { stockRow } from "./fixtures";

const KEYS: GroupKey[] = ["gemeente", "wijk", "buurt", "eigenaar", "segment"];

/** The summary counted dwelling by dwelling into plain records (the definition in aggregate.ts). */
function referenceSummary(dwellings: readonly ClassifiedDwelling[], scale: BatScale): SupplySummary {
  const perBat: Record<string, number> = {};
  for (const code of batCodes(scale)) perBat[code] = 0;
  perBat.onbekend = 0;
  const perBzk = { regulier: 0, nultreden: 0, geclusterd: 0, zorggeschikt: 0, onbekend: 0 };
  const zorggeschiktPerProfiel = { SOM: 0, PG: 0, onbekend: 0 };
  let eenheden = 0;
  for (const d of dwellings) {
    const { aantal, bat, batScale } = d.row;
    eenheden += aantal;
    const known = bat !== null && batScale === scale && isValidLevel(bat, scale);
    perBat[known ? batCodes(scale)[bat - (scale === "limburg" ? 0 : 1)] : "onbekend"] += aantal;
    perBzk[d.bzk] += aantal;
    if (d.bzk === "zorggeschikt") zorggeschiktPerProfiel[d.zorgprofiel ?? "onbekend"] += aantal;
  }
  const zorg = perBzk.zorggeschikt;
  return {
    eenheden,
    perBat,
    perBzk,
    cumulatief: { nultreden: perBzk.nultreden + perBzk.geclusterd + zorg, geclusterd: perBzk.geclusterd + zorg, zorggeschikt: zorg },
    zorggeschiktPerProfiel,
  };
}

function referenceGroups(dwellings: readonly ClassifiedDwelling[], scale: BatScale, key: GroupKey) {
  const groups = new Map<string | null, ClassifiedDwelling[]>();
  for (const d of dwellings) {
    const v = d.row[key];
    const list = groups.get(v);
    if (list === undefined) groups.set(v, [d]);
    else list.push(d);
  }
  const values = [...groups.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, "nl")));
  return values.map((waarde) => ({ waarde, summary: referenceSummary(groups.get(waarde)!, scale) }));
}

function expectSameAsReference(rows: StockRow[], scale: BatScale): void {
  const { dwellings, classified } = classifyStock(rows, DEFAULT_RULES);
  const all = summariseAll(classified, scale, KEYS);
  const summary = referenceSummary(dwellings, scale);
  expect(JSON.stringify(all.summary)).toBe(JSON.stringify(summary));
  KEYS.forEach((key, k) => {
    const expected = referenceGroups(dwellings, scale, key);
    expect(all.groups[k].key).toBe(key);
    expect(JSON.stringify(all.groups[k].rows)).toBe(JSON.stringify(expected));
    expect(all.groups[k].hasValues).toBe(expected.some((g) => g.waarde !== null));
  });
  const slots = classifySlots(rows, DEFAULT_RULES);
  expect(Array.from(dwellings, (d) => bzkSlot(d))).toEqual(Array.from(slots));
  expect(Array.from(classified.slots)).toEqual(Array.from(slots));
  expect(dwellings.every((d) => d.reden.length > 0)).toBe(true);
}

/** Kerkrade social-rent stock 1-1-2020, one row per corporation and BAT class. */
function kerkradeRows(): StockRow[] {
  const rows: StockRow[] = [];
  for (const r of readCsv("kerkrade-bat-per-corporatie-2020.csv").filter((x) => x.corporatie !== "TOTAAL")) {
    for (let bat = 0; bat <= 4; bat++) {
      const aantal = Number(r[`bat_${bat}`]);
      if (aantal > 0) rows.push(stockRow({ eigenaar: r.corporatie, gemeente: "Kerkrade", segment: "sociale huur", bat, aantal }));
    }
  }
  return rows;
}

/** A seeded stock of `complexes` complexes (4-30 rows each) with every fact the core reads. */
function generatedRows(seed: number, complexes: number, scale: BatScale): StockRow[] {
  const rnd = createRandom(seed);
  const other: BatScale = scale === "limburg" ? "vera" : "limburg";
  const lo = scale === "limburg" ? 0 : 1;
  const gemeenten = ["Kerkrade", "Heerlen", "Gemeente Beekdaelen", "Landgraaf", "Simpelveld", null];
  const rows: StockRow[] = [];
  for (let c = 0; c < complexes; c++) {
    const complex = rnd.chance(0.9) ? `C${String(c).padStart(4, "0")}` : null;
    const gemeente = rnd.pick(gemeenten);
    const eigenaar = rnd.pick(["Wonen Zuid", "HEEMwonen", "Weller", null]);
    const buurt = gemeente === null ? null : `${gemeente} ${rnd.int(1, 12)}`;
    const wijk = rnd.chance(0.5) ? `wijk ${rnd.int(1, 4)}` : null;
    const room = rnd.pick(["inpandig", "aangrenzend", "geen", null] as const);
    const share = rnd.chance(0.7) ? rnd.float(0, 1) : null;
    const wlz = rnd.pick([true, false, null]);
    const n = rnd.int(4, 30);
    for (let i = 0; i < n; i++) {
      const r = rnd.next();
      const bat = r < 0.05 ? null : r < 0.07 ? 9 : rnd.int(lo, lo + 4);
      rows.push(stockRow({
        complex, gemeente, eigenaar, buurt, wijk, ontmoetingsruimte: room, aandeel55plus: share, wlz,
        segment: rnd.pick(["sociale huur", "middenhuur", "koop", null]),
        bat, batScale: bat === null ? null : rnd.chance(0.03) ? other : scale,
        aantal: rnd.chance(0.9) ? 1 : rnd.int(2, 40),
        woonvorm: rnd.pick([null, null, null, "GEC", "ZWO"]),
        zorgprofiel: rnd.pick([null, "SOM", "PG"] as const),
        zelfstandig: rnd.pick([null, true, false]),
        label55plus: rnd.pick([null, true, false]),
        complexgrootte: rnd.chance(0.2) ? rnd.int(2, 60) : null,
      }));
    }
  }
  return rows;
}

describe("the domain core against a straightforward reference", () => {
  test("Kerkrade 2020 (published stock per corporation and BAT class)", () => {
    expectSameAsReference(kerkradeRows(), "limburg");
  });

  test.each([
    [20261206, "limburg"],
    [7, "limburg"],
    [20261207, "vera"],
  ] as const)("generated stock, seed %d, %s scale", (seed, scale) => {
    const rows = generatedRows(seed, 400, scale);
    expect(rows.length).toBeGreaterThan(4000);
    expectSameAsReference(rows, scale);
  });

  test("generated stock in random order, buurten and wijken as CBS codes (the code-unit sort of the groups)", () => {
    const rnd = createRandom(12);
    const rows = rnd.shuffle(generatedRows(20261208, 300, "limburg")).map((r) => ({
      ...r,
      buurt: r.buurt === null ? null : `BU${String(rnd.int(0, 9999)).padStart(4, "0")}${String(rnd.int(0, 99)).padStart(2, "0")}`,
      wijk: r.wijk === null ? null : `WK${String(rnd.int(0, 30)).padStart(4, "0")}${rnd.pick(["", "A", "B"])}`,
    }));
    expectSameAsReference(rows, "limburg");
  });
});
