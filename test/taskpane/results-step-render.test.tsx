/** @jest-environment jsdom */
/**
 * The results step renders its figures' sections (supply, tekort, adaptation potential, Controle)
 * again only when the run's figures change: the pane renders anew on every keystroke in the
 * what-if panel (its state lives in App, which passes a new panel element and new callbacks each
 * time), and those sections, with one grid row per tekort, were most of that work.
 *
 * A render of those sections is seen in the calls of the number formatter they all use (`nlInt`,
 * wrapped in a mock that calls the real one); the rest of the step (the download, the sheet
 * buttons) uses no number formatter.
 */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import * as format from "../../src/report/format";
import type { KeyFigures } from "../../src/session/results";
import { ResultsStep, type ResultsStepProps } from "../../src/taskpane/steps/ResultsStep";

jest.mock("../../src/report/format", () => {
  const actual = jest.requireActual<typeof import("../../src/report/format")>("../../src/report/format");
  return { ...actual, nlInt: jest.fn(actual.nlInt) };
});
const nlInt = format.nlInt as jest.MockedFunction<typeof format.nlInt>;

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
