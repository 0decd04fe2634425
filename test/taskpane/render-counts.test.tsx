/** @jest-environment jsdom */
/**
 * What a keystroke in the what-if panel renders again. The pane renders anew on every keystroke
 * there (the panel's state lives in App, which passes a new panel element and new callbacks each
 * time); the results step's figures (supply, tekort grids, adaptation potential, Controle) and the
 * panel's own view of the computed scenario (its tekort tables, supply, levers) render again only
 * when what they show changes.
 *
 * A render is seen in the calls of a function only that part calls, wrapped in a mock that calls
 * the real one: the number formatter `nlInt` for the results step's sections (the rest of the step,
 * the download and the sheet buttons, formats no number), and `demandSetKey` for the panel's view
 * (it picks the rows of the chosen demand set at each render).
 */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import * as format from "../../src/report/format";
import type { KeyFigures } from "../../src/session/results";
import * as whatIfView from "../../src/session/whatif-view";
import type { Scenario, WhatIfOptions, WhatIfView, WhatIfViewRow } from "../../src/session/whatif-view";
import { ResultsStep, type ResultsStepProps } from "../../src/taskpane/steps/ResultsStep";
import { WhatIfPanel } from "../../src/taskpane/steps/WhatIfPanel";

jest.mock("../../src/report/format", () => {
  const actual = jest.requireActual<typeof import("../../src/report/format")>("../../src/report/format");
  return { ...actual, nlInt: jest.fn(actual.nlInt) };
});
jest.mock("../../src/session/whatif-view", () => {
  const actual = jest.requireActual<typeof import("../../src/session/whatif-view")>("../../src/session/whatif-view");
  return { ...actual, demandSetKey: jest.fn(actual.demandSetKey) };
});
const nlInt = format.nlInt as jest.MockedFunction<typeof format.nlInt>;
const demandSetKey = whatIfView.demandSetKey as jest.MockedFunction<typeof whatIfView.demandSetKey>;

/** Small figures with every section filled: a stock, two shortages, the potential, one message per severity. */
function figures(): KeyFigures {
  return {
    eenheden: 1200,
    minstensNultreden: 700,
    batScale: "limburg",
    supplySource: "voorraad",
    aanbod: [
      { type: "regulier", exclusief: 500, cumulatief: 1200 },
      { type: "nultreden", exclusief: 400, cumulatief: 700 },
      { type: "geclusterd", exclusief: 200, cumulatief: 300 },
      { type: "zorggeschikt", exclusief: 100, cumulatief: 100 },
      { type: "onbekend", exclusief: 0, cumulatief: null },
      { type: "totaal", exclusief: 1200, cumulatief: null },
    ],
    aanbodTabel: [],
    tekortBerekend: true,
    tekorten: [
      { groep: "ouderen", categorie: "nultreden", jaar: 2030, scenario: "basis", gebied: null, tekort: 1500 },
      { groep: "ouderen", categorie: "geclusterd", jaar: 2030, scenario: "basis", gebied: null, tekort: 250 },
    ],
    potentieel: { geschikt: 700, potentieel: 300, ongeschikt: 150, onbekend: 50, totaal: 1200 },
    balans: { gelezen: 1200, ingedeeld: 1200, terzijde: 0 },
    meldingen: {
      fout: [],
      waarschuwing: [{ code: "voorraad-leeg", severity: "waarschuwing", sheet: "Voorraad", cell: null, message: "Een waarschuwing." }],
      info: [{ code: "blad-niet-gebruikt", severity: "info", sheet: "Toelichting", cell: null, message: "Een melding." }],
    },
  };
}

function step(props: Partial<ResultsStepProps> & Pick<ResultsStepProps, "figures">): ReactElement {
  return (
    <FluentProvider theme={webLightTheme}>
      <ResultsStep mode="excel" afronden={null} sheets={{ tekort: "Tekort" }} onActivateSheet={() => undefined} {...props} />
    </FluentProvider>
  );
}

test("a new what-if panel and new callbacks (a keystroke in the panel) render none of the figures' sections again; new figures do", () => {
  const f = figures();
  const { rerender } = render(step({ figures: f, whatIf: <p>Wat-als 1</p> }));
  expect(screen.getByRole("grid", { name: "Tekort ouderen" })).toBeTruthy();
  expect(screen.getByText("1.500")).toBeTruthy();
  const first = nlInt.mock.calls.length;
  expect(first).toBeGreaterThan(0);

  // What App passes on each keystroke in the panel: the same figures, a new panel, new callbacks.
  rerender(step({ figures: f, whatIf: <p>Wat-als 2</p>, onActivateSheet: () => undefined }));
  expect(screen.getByText("Wat-als 2")).toBeTruthy();
  expect(nlInt.mock.calls.length).toBe(first);

  // A new run's figures are shown.
  const next = { ...figures(), tekorten: [{ groep: "ouderen", categorie: "nultreden", jaar: 2030, scenario: "basis", gebied: null, tekort: 1750 }] };
  rerender(step({ figures: next, whatIf: <p>Wat-als 2</p> }));
  expect(screen.getByText("1.750")).toBeTruthy();
  expect(nlInt.mock.calls.length).toBeGreaterThan(first);
});

const SCENARIO: Scenario = { aanpassenPercentage: 10, aanpassenPerSegment: {}, ontmoetingsruimten: 0, wlzComplexen: 0, plannen: true };

/** A computed scenario: the cumulatief nultreden tekort in 2023 and 2030, the supply, one segment. */
function view(watAls: number): WhatIfView {
  const row = (jaar: number): WhatIfViewRow => ({
    lezing: "cumulatief",
    niveau: "bzk",
    groep: "ouderen",
    categorie: "nultreden",
    jaar,
    scenario: "basis",
    gebied: null,
    vraag: 5000,
    basis: 2000,
    watAls,
    verschil: watAls - 2000,
  });
  return {
    parameters: SCENARIO,
    tekort: [row(2023), row(2030)],
    aanbod: [{ type: "nultreden", basis: 3000, watAls: 3000 + (2000 - watAls) }],
    aanpassing: [{ segment: "huur", percentage: 10, potentieel: 1000, aangepast: 100, naarNultreden: 100, naarGeclusterd: 0, naarZorggeschikt: 0 }],
    ontmoetingsruimten: [],
    wlz: [],
    plannen: 0,
  };
}

const OPTIONS: WhatIfOptions = {
  segmenten: [{ segment: "huur", potentieel: 1000 }],
  ontmoetingsruimteKandidaten: 5,
  wlzKandidaten: 0,
  plannen: 0,
  tekortBerekend: true,
  standaard: SCENARIO,
};

test("a keystroke in the what-if panel does not render its view of the computed scenario again; another year or a new view does", async () => {
  const user = userEvent.setup();
  const onChange = jest.fn<void, [Scenario]>();
  const panel = (v: WhatIfView) => (
    <FluentProvider theme={webLightTheme}>
      <WhatIfPanel mode="excel" options={OPTIONS} initial={SCENARIO} onChange={onChange} view={v} busy={false} error={null} onOutput={() => undefined} output={{ status: "idle", fractie: null, message: null }} />
    </FluentProvider>
  );
  const first = view(1900);
  const { rerender } = render(panel(first));
  expect(screen.getByRole("table", { name: "Tekort cumulatief, 2023, ouderen, scenario basis" }).textContent).toContain("1.900");
  const before = demandSetKey.mock.calls.length;
  expect(before).toBeGreaterThan(0);

  // Typing renders the panel (its input texts) at each keystroke, but not the scenario's view.
  await user.type(screen.getByRole("textbox", { name: "Ontmoetingsruimten erbij" }), "2");
  expect(onChange).toHaveBeenLastCalledWith({ ...SCENARIO, ontmoetingsruimten: 2 });
  expect(demandSetKey.mock.calls.length).toBe(before);

  // Another year, and a new view, are shown.
  await user.selectOptions(screen.getByRole("combobox", { name: "Jaar" }), "2030");
  expect(screen.getByRole("table", { name: "Tekort cumulatief, 2030, ouderen, scenario basis" })).toBeTruthy();
  const afterYear = demandSetKey.mock.calls.length;
  expect(afterYear).toBeGreaterThan(before);
  rerender(panel(view(1800)));
  expect(screen.getByRole("table", { name: "Tekort cumulatief, 2030, ouderen, scenario basis" }).textContent).toContain("1.800");
  expect(demandSetKey.mock.calls.length).toBeGreaterThan(afterYear);
});
