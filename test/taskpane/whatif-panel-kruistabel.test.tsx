/** @jest-environment jsdom */
/**
 * The what-if panel on Kerkrade's BAT table per corporatie beside its cross table woningtype ×
 * huurklasse, both as printed (no stock per dwelling with woningtype): the panel offers the
 * potentieel dwellings estimated from the cross table, says which table they come from, and a
 * changed percentage is recomputed on them. The panel is rendered alone with the session's own
 * options and views (whatIfOptions, whatIfOf) of a real analysis.
 */
import "./setup";
import { useState } from "react";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyseWorkbook } from "../../src/analysis/analyse";
import type { AnalysisResult } from "../../src/analysis/result";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { runSummary, whatIfOf } from "../../src/session/session-work";
import type { Scenario, WhatIfView } from "../../src/session/whatif-view";
import { WhatIfPanel } from "../../src/taskpane/steps/WhatIfPanel";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { printedRow, printedNumber, seedWorkbook } from "../support/seed-tables";
import { nl, renderFluent } from "./helpers";

let result: AnalysisResult;
beforeAll(async () => {
  const bytes = Buffer.from(await seedWorkbook(["kerkrade-bat-per-corporatie", "kerkrade-woningtype-huurklasse", "kerkrade-opgave-2030"]).xlsx.writeBuffer());
  result = await analyseWorkbook(await XlsxWorkbook.fromBuffer(bytes), { rules: DEFAULT_RULES });
});

/** The panel wired as the results step wires it: every valid scenario computed at once. */
function Panel() {
  const options = runSummary(result).watAls!;
  const [view, setView] = useState<WhatIfView | null>(() => whatIfOf(result, options.standaard));
  return (
    <WhatIfPanel
      mode="browser" options={options} initial={options.standaard} view={view} busy={false} error={null}
      onChange={(s: Scenario) => setView(whatIfOf(result, s))} onOutput={() => undefined} output={{ status: "idle", fractie: null, message: null }}
    />
  );
}

test("offers the potentieel dwellings estimated from the cross table, names the table, and recomputes on them", async () => {
  const crossTotal = (label: string) => printedNumber(printedRow("kerkrade-woningtype-huurklasse", label).at(-1)!)!;
  const share = (crossTotal("Grondgebonden =1") + crossTotal("Grondgebonden >1") + crossTotal("Gestapeld met Lift")) / crossTotal("TOTAAL");
  // Candidates: the printed BAT 0 dwellings (Limburg scale, nultreden from BAT 1).
  const potentieel = Math.round(printedNumber(printedRow("kerkrade-bat-per-corporatie", "TOTAAL")[1])! * share);
  const user = userEvent.setup();
  renderFluent(<Panel />);
  const field = screen.getByRole("textbox", { name: "Potentieel geschikte woningen aanpassen" });
  expect(document.body.textContent).toContain(`Naar schatting ${nl(potentieel)} woningen zijn met een lichte aanpassing nultreden te maken (aandeel uit de kruistabel`);
  expect(screen.getByText(/^Wat-als rekent met het aanpassingspotentieel uit de kruistabel op blad 'Woningtype/)).toBeTruthy();
  expect(screen.getByText(new RegExp(`^Wat-als: ${nl(Math.round(potentieel / 10)).replace(".", "\\.")} woningen aangepast`))).toBeTruthy();
  await user.clear(field);
  await user.type(field, "40");
  expect(await screen.findByText(new RegExp(`^Wat-als: ${nl(Math.round(potentieel * 0.4)).replace(".", "\\.")} woningen aangepast`))).toBeTruthy();
});
