/**
 * Cross-table checks on the Parkstad figures as printed: Tabel 4 (CBS stock), Tabel 5
 * (percentages per gemeente), Tabel 2 (aanbod) and the text of §4.2 ("Liefst 28% ... maar liefst
 * 36.713 woningen"). The expected figures are computed here from the printed numbers.
 */
import { batDistributionCheck, batDistributionIssue, compareBatDistribution, crossChecks, type QuotedFigure } from "../../src/domain/kruiscontrole";
import type { AdaptationShareEntry, CbsStockEntry } from "../../src/domain/cbs";
import type { SupplyEntry } from "../../src/domain/types";
import { readQuotedFigures, detectQuotedTable } from "../../src/ingest/citaten";
import { detectTable } from "../../src/ingest/detect";
import { rawTable } from "../ingest/tables";
import { printedNumber, seedTable } from "../support/seed-tables";

const t4 = seedTable("parkstad-tabel-4").printed.filter((r) => /^\d{4}$/.test(r[1] ?? ""));
const t5 = seedTable("parkstad-tabel-5").printed.slice(1);
const t2 = seedTable("parkstad-tabel-2").printed;

const cbsStock: CbsStockEntry[] = t4.map((r, i) => ({
  gemeente: r[0], regio: r[0] === "Parkstad", jaar: 2023,
  counts: { totaal: Number(r[2]), koop: Number(r[3]), huur: Number(r[4]) },
  sheet: "Tabel 4", rowNumber: i + 5, cells: {},
}));
const shares: AdaptationShareEntry[] = t5.map((r, i) => ({
  gemeente: r[0], regio: r[0] === "Parkstad", segment: null,
  geschikt: printedNumber(r[1])! * 100, potentieel: printedNumber(r[2])! * 100, ongeschikt: printedNumber(r[3])! * 100,
  sheet: "Tabel 5", rowNumber: i + 4,
}));
/** Tabel 2's ouderen supply, exclusive (regulier without the nultreden it includes). */
function ouderenSupply(): SupplyEntry[] {
  const fig = (label: string) => printedNumber(t2.find((r) => r[0] === label)![1])!;
  const e = (categorie: string, zp: "SOM" | "PG" | null, aanbod: number): SupplyEntry => ({ niveau: "bzk", groep: "ouderen", categorie, zorgprofiel: zp, jaar: 2023, gebied: null, aanbod, sheet: "Tabel 2", cell: "B5" });
  return [
    e("regulier", null, fig("regulier wonen") - fig("nultreden in regulier wonen")), e("nultreden", null, fig("nultreden in regulier wonen")),
    e("geclusterd", null, fig("geclusterd wonen")), e("zorggeschikt", "SOM", fig("zorggeschikt/woonzorgcentrum (SOM)")),
    e("zorggeschikt", "PG", fig("zorggeschikt/woonzorgcentrum (PG)")),
  ];
}

// Independently: Σ per gemeente of CBS total × potentieel %.
const gemeenten = t4.filter((r) => r[0] !== "Parkstad");
const perGemeente = Math.round(gemeenten.reduce((s, r) => s + Number(r[2]) * printedNumber(t5.find((x) => x[0] === r[0])![2])!, 0));
const regionTotal = Number(t4.find((r) => r[0] === "Parkstad")![2]);

test("the quoted 36.713 is 28% × 131.118, not the per-gemeente sum; the quoted 28% agrees within rounding", () => {
  expect(Math.round(regionTotal * 0.28)).toBe(36713);
  const quotes: QuotedFigure[] = [
    { tekst: "maar liefst 36.713 woningen", waarde: 36713, percentage: false, grootheid: "potentieel", gebied: "Parkstad", sheet: "Citaten", cell: "B2" },
    { tekst: "Liefst 28% van de woningen", waarde: 28, percentage: true, grootheid: "potentieel", gebied: "Parkstad", sheet: "Citaten", cell: "B3" },
  ];
  const { controles, issues } = crossChecks({ supply: [], cbsStock, shares, quotes });
  const [count, share] = controles.filter((c) => c.soort === "geciteerd");
  expect(count.berekend).toBe(perGemeente);
  expect(count.verschil).toBe(36713 - perGemeente);
  expect(count.status).toBe("wijkt-af");
  expect(count.toelichting).toContain("28% × 131.118 = 36.713");
  expect(share.status).toBe("afronding");
  expect(share.berekend).toBeCloseTo((100 * perGemeente) / regionTotal, 0);
  expect(issues.some((i) => i.cell === "B2" && i.severity === "waarschuwing")).toBe(true);
});

test("the regional percentages of Tabel 5 reproduce under the CBS weights within rounding", () => {
  const { controles } = crossChecks({ supply: [], cbsStock, shares, quotes: [] });
  const regio = controles.filter((c) => c.soort === "percentage-regio");
  expect(regio).toHaveLength(3);
  for (const c of regio) expect(c.status).toBe("afronding");
  // A wrong regional figure is caught: 35% potentieel against 28.5%.
  const wrong = shares.map((s) => (s.regio ? { ...s, potentieel: 35 } : s));
  const off = crossChecks({ supply: [], cbsStock, shares: wrong, quotes: [] }).controles.find((c) => c.onderwerp.startsWith("% potentieel"))!;
  expect(off.status).toBe("wijkt-af");
});

test("a quoted number of corporatiewoningen or nultreden dwellings goes to the stock tables, also when only a CBS stock is there", () => {
  const quote = (grootheid: QuotedFigure["grootheid"], percentage = false): QuotedFigure =>
    ({ tekst: `3.590 ${grootheid}`, waarde: percentage ? 45 : 3590, percentage, grootheid, gebied: "Kerkrade", sheet: "Citaten", cell: "B2" });
  const quotes = [quote("corporatiewoningen"), quote("nultreden"), quote("nultreden", true)];
  const { controles } = crossChecks({ supply: [], cbsStock, shares, quotes });
  expect(controles.filter((c) => c.soort === "geciteerd").map((c) => [c.status, c.eenheid, c.toelichting])).toEqual([
    ["niet-te-controleren", "woningen", "Er is geen voorraadtabel (met BAT-scores of naar woningtype) in de werkmap om het getal mee na te rekenen."],
    ["niet-te-controleren", "woningen", "Er is geen voorraad met BAT-scores in de werkmap om het aantal nultredenwoningen mee na te rekenen."],
    ["niet-te-controleren", "%", "Een percentage van de corporatievoorraad is niet na te rekenen: geef het aantal woningen."],
  ]);
  // A stock quote with stocks and a CBS stock: against the stocks, not the CBS stock.
  const stocks = [{ sheet: "Voorraad", soort: "bat" as const, gebruikt: true, woningen: 7824, nultreden: 3175 }];
  const withStock = crossChecks({ supply: [], cbsStock, shares, quotes: [quote("nultreden")], stocks }).controles.filter((c) => c.soort === "geciteerd");
  expect(withStock.map((c) => [c.status, c.berekend, c.onderwerp])).toEqual([["wijkt-af", 3175, "Geciteerd: 3.590 nultreden (tegen blad 'Voorraad')"]]);
});

test("Tabel 2's ouderen supply exceeds Tabel 4's whole CBS stock", () => {
  const supply = ouderenSupply();
  const total = supply.reduce((s, e) => s + e.aanbod, 0);
  expect(total).toBeGreaterThan(regionTotal);
  const c = crossChecks({ supply, cbsStock, shares, quotes: [] }).controles.find((x) => x.soort === "aanbod-boven-cbs")!;
  expect(c.status).toBe("wijkt-af");
  expect(c.verschil).toBe(total - regionTotal);
});

test("a 'Geciteerde cijfers' table as a user fills it in is recognised and read", () => {
  const t = rawTable([
    ["Geciteerde cijfers uit de Toekomstvisie (§4.2)", null, null, null],
    [null, null, null, null],
    ["Citaat", "Getal", "Grootheid", "Gebied"],
    ["In absolute aantallen komt dit neer op maar liefst 36.713 woningen in de regio.", 36713, "potentieel", "Parkstad"],
    ["Liefst 28% van de woningen in Parkstad is nog niet passend", 0.28, "in potentie geschikt", "Parkstad"],
    ["variërend van 18% in Heerlen", "18%", "potentieel", "Heerlen"],
    ["iets onleesbaars", "veel", "potentieel", "Parkstad"],
  ], { sheet: "Citaten" });
  expect(detectQuotedTable(t)?.kind).toBe("citaten");
  expect(detectTable(t).kind).toBe("citaten");
  const { quotes, issues } = readQuotedFigures(t);
  expect(quotes.map((q) => [q.waarde, q.percentage, q.grootheid, q.gebied, q.cell])).toEqual([
    [36713, false, "potentieel", "Parkstad", "B4"], [28, true, "potentieel", "Parkstad", "B5"], [18, true, "potentieel", "Heerlen", "B6"],
  ]);
  expect(issues.map((i) => [i.code, i.cell])).toEqual([["citaat-getal", "B7"]]);
});

test("stock totals: the stock in use is the one marked gebruikt, not the first with BAT scores in the list", () => {
  // Kerkrade's published totals (1-1-2020): 7.824 units per BAT class, 7.452 per woningtype.
  const base = { supply: [], cbsStock: [], shares: [], quotes: [] };
  const bat = (sheet: string, woningen: number) => ({ sheet, soort: "bat" as const, woningen, nultreden: null, peildatum: "1-1-2020" });
  // A cross table in use: no BAT stock is named as the one the tool uses.
  const withCross = crossChecks({ ...base, stocks: [
    { sheet: "Woningtype", soort: "kruistabel", gebruikt: true, woningen: 7452, nultreden: null, peildatum: "1-1-2020" },
    bat("BAT per corporatie", 7824), bat("BAT oud", 7815),
  ] }).controles;
  expect(withCross.some((c) => c.toelichting.includes("de tool gebruikt"))).toBe(false);
  expect(withCross.map((c) => c.onderwerp)).toEqual(["Totaal van de kruistabel op blad 'Woningtype' tegen de voorraad met BAT-scores op blad 'BAT per corporatie'"]);
});

test("two stocks with BAT scores: compared once; the issue and the Vergelijking row are made from that comparison", () => {
  const perBat = { "0": 4649, "1": 1900, "2": 600, "3": 450, "4": 225 };
  const comparison = compareBatDistribution({ sheet: "BAT per corporatie", perBat }, { sheet: "BAT oud", perBat: { ...perBat, "0": 4640, onbekend: 2 } }, "limburg");
  expect(comparison).toEqual({
    used: { sheet: "BAT per corporatie", woningen: 7824 },
    other: { sheet: "BAT oud", woningen: 7817 },
    differences: [{ klasse: "BAT 0", used: 4649, other: 4640 }, { klasse: "BAT onbekend", used: 0, other: 2 }],
  });
  const issue = batDistributionIssue(comparison);
  expect([issue.code, issue.severity, issue.sheet]).toEqual(["voorraad-wijkt-af", "waarschuwing", "BAT oud"]);
  expect(issue.message).toBe("De BAT-verdeling op blad 'BAT per corporatie' wijkt af van blad 'BAT oud' (BAT 0: 4.649 tegen 4.640; BAT onbekend: 0 tegen 2). Controleer welke tabel juist is.");
  // The row lists it with no second issue; the stocks' other checks still give theirs.
  const { controles, issues } = crossChecks({ supply: [], cbsStock: [], shares: [], quotes: [], batDistributions: [comparison] });
  expect(controles).toEqual([batDistributionCheck(comparison)]);
  expect(controles[0]).toMatchObject({ soort: "voorraad-totalen", status: "wijkt-af", sheet: "BAT oud", gepubliceerd: 7817, berekend: 7824, verschil: -7 });
  expect(controles[0].onderwerp).toBe("BAT-verdeling op blad 'BAT oud' tegen de gebruikte voorraad op blad 'BAT per corporatie'");
  expect(controles[0].toelichting).toBe("Per BAT-klasse verschillend: BAT 0: 4.640 tegen 4.649; BAT onbekend: 2 tegen 0. Controleer welke tabel juist is; de tool gebruikt 'BAT per corporatie'.");
  expect(issues).toEqual([]);
  // Equal per class: an info issue, and a row that agrees.
  const same = compareBatDistribution({ sheet: "A", perBat }, { sheet: "B", perBat }, "limburg");
  expect(same.differences).toEqual([]);
  expect(batDistributionIssue(same)).toMatchObject({ code: "voorraad-vergeleken", severity: "info", message: "De BAT-verdeling op blad 'A' komt per klasse overeen met blad 'B'." });
  expect(batDistributionCheck(same)).toMatchObject({ status: "klopt", toelichting: "Per BAT-klasse gelijk (7.824 woningen)." });
});
