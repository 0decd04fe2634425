/** @jest-environment jsdom */
import "./setup";
import "./manual-cleanup";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { UserError } from "../../src/domain/issues";
import type { WorkbookPort } from "../../src/workbook/port";
import { readCsv } from "../support/csv";
import { KERKRADE, PARKSTAD, findByRoleAfter, kerkradePublished, loadSample, nl, openStep, renderExcel, tabTo } from "./helpers";

async function runTo(port: WorkbookPort) {
  const user = userEvent.setup();
  await renderExcel(port);
  await openStep(user, "4. Uitvoeren");
  await user.click(screen.getByRole("button", { name: "Analyseren" }));
  await findByRoleAfter("heading", "Aanbod", "text", 20000);
  return user;
}

const WOONVORM: Record<string, string> = {
  "regulier wonen": "regulier",
  "nultreden in regulier wonen": "nultreden",
  "geclusterd wonen": "geclusterd",
  "gespikkeld wonen": "gespikkeld",
  "zorggeschikt/woonzorgcentrum (SOM)": "zorggeschikt (SOM)",
  "zorggeschikt/woonzorgcentrum (PG)": "zorggeschikt (PG)",
};

/** Shortages per category computed from the published Parkstad tables (Tabel 1 and 2):
 * supply 2023 held constant, 'regulier wonen' made exclusive of the nultreden dwellings. */
function parkstadShortages(group: string, step: number | null = null): string[] {
  const supply = new Map<string, number>();
  for (const r of readCsv("parkstad-aanbod-2023.csv").filter((r) => r.groep === group && WOONVORM[r.woonvorm])) {
    supply.set(WOONVORM[r.woonvorm], Number(r["2023"]));
  }
  if (supply.has("regulier") && supply.has("nultreden")) supply.set("regulier", supply.get("regulier")! - supply.get("nultreden")!);
  const rows: string[] = [];
  for (const r of readCsv("parkstad-vraag-ouderen-vg-2023-2040.csv").filter((r) => r.groep === group && WOONVORM[r.woonvorm])) {
    const cat = WOONVORM[r.woonvorm];
    for (const year of ["2023", "2030", "2040"]) {
      const tekort = Number(r[year]) - (supply.get(cat) ?? 0);
      const shown = step ? Math.round(tekort / step) * step : tekort;
      if (tekort > 0 && shown > 0) rows.push(`${year}|${r.scenario}|${cat}|${nl(shown)}`);
    }
  }
  return rows.sort();
}

function gridRows(name: string): string[] {
  const grid = screen.getByRole("grid", { name });
  return within(grid)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("gridcell").map((c) => c.textContent).join("|"))
    .sort();
}

describe("step 5: Resultaten", () => {
  /**
   * One analysis of the Kerkrade sample (default rules, no demand) shared by the three tests
   * below, in this order: the first only reads the pane, the second jumps to result sheets (and
   * leaves an error message), the third opens the information messages.
   */
  describe("Kerkrade, one analysis", () => {
    const activateSheet = jest.fn<Promise<void>, [string]>(async () => undefined);
    let user: UserEvent;
    beforeAll(async () => {
      const base = await loadSample(KERKRADE);
      const port: WorkbookPort = Object.assign(Object.create(base) as WorkbookPort, { activateSheet });
      user = await runTo(port);
    });
    afterAll(() => cleanup());

    test("Kerkrade: supply per BZK type (exclusive and cumulative), adaptation potential, no tekort without demand", () => {
      const { totaal, minstensNultreden } = kerkradePublished();
      expect(screen.getByText(`${nl(totaal)} woningen, waarvan ${nl(minstensNultreden)} minstens nultreden (BAT-schaal Limburg 0-4).`)).toBeTruthy();
      const aanbod = screen.getByRole("table", { name: "Aanbod per BZK-woontype" });
      const cells = (type: string) => within(within(aanbod).getByRole("row", { name: new RegExp(`^${type}`) })).getAllByRole("cell").map((c) => c.textContent);
      const [, regulier] = cells("regulier");
      const [, nultreden, nultredenCum] = cells("nultreden");
      const [, geclusterd, geclusterdCum] = cells("geclusterd");
      const [, zorg, zorgCum] = cells("zorggeschikt");
      const num = (t: string | null) => Number((t ?? "").replace(/\./g, ""));
      // Exclusive types sum to the total; cumulative ones nest.
      expect(num(regulier) + num(nultreden) + num(geclusterd) + num(zorg) + num(cells("onbekend")[1])).toBe(totaal);
      expect(num(nultredenCum)).toBe(minstensNultreden);
      expect(num(zorgCum)).toBeLessThanOrEqual(num(geclusterdCum));
      expect(num(geclusterdCum)).toBeLessThanOrEqual(num(nultredenCum));
      expect(num(regulier)).toBe(totaal - minstensNultreden);

      expect(screen.getByText(/^Niet berekend: er is geen vraagtabel/)).toBeTruthy();
      const pot = screen.getByRole("table", { name: "Aanpassingspotentieel" });
      const geschikt = within(within(pot).getByRole("row", { name: /^geschikt/ })).getAllByRole("cell");
      // Already suitable = already nultreden.
      expect(geschikt[1].textContent).toBe(nl(minstensNultreden));
      expect(screen.getByText(`Balans: ${nl(totaal)} rijen gelezen = ${nl(totaal)} ingedeeld + 0 terzijde gelegd.`)).toBeTruthy();
    });

    test("Excel: a button per result sheet activates it", async () => {
      const names = ["BZK-indeling", "Tekort", "Aanpassingspotentieel", "Controle"];
      for (const n of names) expect(screen.getByRole("button", { name: `Naar blad ${n}` })).toBeTruthy();
      const tekort = screen.getByRole("button", { name: "Naar blad Tekort" });
      await tabTo(user, tekort);
      await user.keyboard("{Enter}");
      expect(activateSheet).toHaveBeenCalledWith("Tekort");
      activateSheet.mockRejectedValueOnce(new UserError("Een blad of tabel bestaat niet (meer) in de werkmap."));
      await user.click(screen.getByRole("button", { name: "Naar blad Controle" }));
      expect((await screen.findByRole("alert")).textContent).toContain("bestaat niet (meer)");
    });

    test("Controle messages are grouped by severity, with sheet and cell, and open with the keyboard", async () => {
      const info = screen.getByRole("button", { name: /^Informatie \(\d+\)$/ });
      const fouten = screen.getByRole("button", { name: "Fouten (0)" });
      expect(fouten.hasAttribute("disabled") || fouten.getAttribute("aria-disabled") === "true").toBe(true);
      await tabTo(user, info);
      await user.keyboard("{Enter}");
      expect(await screen.findByText("blad 'Toelichting':")).toBeTruthy();
      expect(screen.getByText(/De BAT-verdeling op blad 'Voorraad \(synthetisch\)' komt per klasse overeen/)).toBeTruthy();
    });
  });

  describe("each on its own workbook", () => {
    afterEach(() => cleanup());

    test("Parkstad: supply from the supply table and the shortages per category, year and scenario", async () => {
      await runTo(await loadSample(PARKSTAD));
      expect(screen.getByText("Uit de aanbodtabel (hoogste type, exclusief):")).toBeTruthy();
      const supply = screen.getByRole("table", { name: "Aanbod ouderen" });
      expect(within(supply).getByRole("row", { name: /^geclusterd/ }).textContent).toContain("10.793");
      expect(parkstadShortages("ouderen").length).toBeGreaterThan(0);
      expect(gridRows("Tekort ouderen")).toEqual(parkstadShortages("ouderen"));
      expect(gridRows("Tekort verstandelijke beperking")).toEqual(parkstadShortages("verstandelijke beperking"));
      expect(screen.getByText(/^Niet bepaald: er is geen voorraad/)).toBeTruthy();
    });

    test("Parkstad with rounding to 5 (saved rules): shortages as on the Tekort sheet", async () => {
      const port = await loadSample(PARKSTAD);
      await port.writeResults([], { regels: { tekort: { afronden: 5 } } });
      await runTo(port);
      expect(screen.getByText(/afgerond op 5/)).toBeTruthy();
      expect(gridRows("Tekort ouderen")).toEqual(parkstadShortages("ouderen", 5));
    });

    test("Controle: errors with their cells when rows are set aside", async () => {
      const port = await loadSample(KERKRADE);
      // Column choice that sets every row aside: BAT read from the Bouwjaar column.
      await port.writeResults([], { kolommen: { bat: "Bouwjaar" } });
      await runTo(port);
      const fouten = screen.getByRole("button", { name: /^Fouten \(\d+\)$/ });
      // Errors are opened from the start.
      expect(fouten.getAttribute("aria-expanded")).toBe("true");
      expect(screen.getByText("blad 'Voorraad (synthetisch)', cel J4:")).toBeTruthy();
      expect(screen.getByText(/^En nog [\d.]+ meldingen op blad Controle\.$/)).toBeTruthy();
      await waitFor(() => expect(screen.getByText(/rijen gelezen = 0 ingedeeld \+ 7\.824 terzijde gelegd/)).toBeTruthy());
    });
  });
});
