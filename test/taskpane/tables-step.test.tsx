/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describeWorkbook } from "../../src/analysis/preview";
import { KIND_LABELS } from "../../src/session/labels";
import { SELECTION_SHEET } from "../../src/taskpane/selection-reader";
import type { WorkbookPort } from "../../src/workbook/port";
import { KERKRADE, PARKSTAD, chooseByKeyboard, loadSample, openStep, renderExcel, stepButton, tabTo, waitForStepFocus } from "./helpers";

describe("step 1: Kies de tabellen", () => {
  test("lists every sheet of Kerkrade with the kind recognised on it", async () => {
    const port = await loadSample(KERKRADE);
    const expected = await describeWorkbook(port);
    await renderExcel(port);
    const items = within(screen.getByRole("list", { name: "Bladen in de werkmap" })).getAllByRole("listitem");
    expect(items).toHaveLength(expected.length);
    expected.forEach((s, i) => {
      expect(items[i].textContent).toContain(s.sheet);
      expect(items[i].textContent).toContain(KIND_LABELS[s.kind]);
    });
    expect(items.map((li) => li.textContent).join("\n")).toContain("voorraad per woning");
    // Automatic choice named in the dropdowns.
    expect((screen.getByRole("combobox", { name: "Voorraad (woningen)" }).textContent ?? "")).toContain("Automatisch: Voorraad (synthetisch)");
  });

  test("Parkstad: demand and supply tables are recognised", async () => {
    const port = await loadSample(PARKSTAD);
    await renderExcel(port);
    const text = screen.getByRole("list", { name: "Bladen in de werkmap" }).textContent ?? "";
    expect(text).toContain("Tabel 1 Vraag");
    expect(text).toContain(KIND_LABELS.vraag);
    expect(text).toContain(KIND_LABELS.aanbod);
    expect(screen.getByText("Bij 'Automatisch' wordt blad 'Tabel 1 Vraag' gebruikt.")).toBeTruthy();
  });

  test("the voorraad table is chosen with the keyboard only", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    await renderExcel(port);
    const dropdown = screen.getByRole("combobox", { name: "Voorraad (woningen)" });
    await chooseByKeyboard(user, dropdown, /BAT per corporatie/);
    await waitFor(() => expect(dropdown.textContent).toContain("BAT per corporatie"));
    // The column step now previews that sheet.
    await openStep(user, "2. Kolommen");
    expect(await screen.findByText(/Blad 'BAT per corporatie'/)).toBeTruthy();
  });

  test("restores the voorraad and vraag sheets saved in the workbook", async () => {
    const port = await loadSample(KERKRADE);
    await port.writeResults([], { voorraad: "BAT per corporatie", vraag: "Woningtype", kolommen: {}, regels: {} });
    await renderExcel(port);
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Voorraad (woningen)" }).textContent).toContain("BAT per corporatie"));
    expect(screen.getByRole("combobox", { name: "Vraag" }).textContent).toContain("Woningtype");
    expect(screen.getByText(/instellingen van de vorige analyse in deze werkmap zijn hersteld/)).toBeTruthy();
  });

  test("Excel: 'Huidige selectie' reads the selection and previews it as the stock", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    const full = await base.readSheet("Voorraad (synthetisch)");
    // The user selected the header row and the first 10 dwellings (rows 3..13).
    const selection = { ...full, originRow: 3, values: full.values.slice(2, 13) };
    const readSelection = jest.fn(async () => selection);
    const port: WorkbookPort = Object.assign(Object.create(base) as WorkbookPort, { readSelection });
    await renderExcel(port);
    const dropdown = screen.getByRole("combobox", { name: "Voorraad (woningen)" });
    await user.click(dropdown);
    await user.click(await screen.findByRole("option", { name: SELECTION_SHEET }));
    await waitFor(() => expect(readSelection).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Selectie op blad 'Voorraad (synthetisch)' vanaf cel A3: 11 rijen.")).toBeTruthy();
    await openStep(user, "2. Kolommen");
    expect(await screen.findByText("10 rijen gelezen, 0 terzijde gelegd.")).toBeTruthy();
  });

  test("a selection that cannot be read is shown as an error", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    const port: WorkbookPort = Object.assign(Object.create(base) as WorkbookPort, {
      readSelection: async () => ({ sheet: "Blad1", tableName: null, originRow: 1, originCol: 1, values: [[null]] }),
    });
    await renderExcel(port);
    await user.click(screen.getByRole("combobox", { name: "Voorraad (woningen)" }));
    await user.click(await screen.findByRole("option", { name: SELECTION_SHEET }));
    expect((await screen.findByRole("alert")).textContent).toContain("De selectie is leeg.");
  });

  test("'Verder naar kolommen' opens the next step and moves the focus to its heading", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    await renderExcel(port);
    const next = screen.getByRole("button", { name: "Verder naar kolommen" });
    await tabTo(user, next);
    await user.keyboard("{Enter}");
    await waitForStepFocus("2. Kolommen");
    expect(stepButton("2. Kolommen").getAttribute("aria-expanded")).toBe("true");
  });
});
