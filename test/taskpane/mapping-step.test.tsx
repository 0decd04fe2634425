/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { DEFAULT_RULES } from "../../src/domain/rules";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { previewStock } from "../../src/analysis/preview";
import { FIELD_LABELS } from "../../src/session/labels";
import { KERKRADE, PARKSTAD, chooseByKeyboard, loadSample, nl, openStep, renderExcel, waitForStepFocus } from "./helpers";

const SHEET = "Voorraad (synthetisch)";

function fieldBox(field: keyof typeof FIELD_LABELS): HTMLElement {
  return screen.getByRole("combobox", { name: FIELD_LABELS[field] });
}

describe("step 2: Kolommen", () => {
  test("shows the mapping as detected on the Kerkrade stock, with rows read and set aside", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    const expected = await previewStock(port, SHEET, DEFAULT_RULES);
    await renderExcel(port);
    await openStep(user, "2. Kolommen");
    expect(await screen.findByText(`${nl(expected.rowsRead)} rijen gelezen, ${nl(expected.rowsRejected)} terzijde gelegd.`)).toBeTruthy();
    expect(screen.getByText(`Blad '${SHEET}', kopregel op rij ${expected.headerRow}.`)).toBeTruthy();
    expect(fieldBox("bat").textContent).toBe("BAT-score");
    expect(fieldBox("id").textContent).toBe("VHE-nummer");
    expect(fieldBox("eigenaar").textContent).toBe("Corporatie");
    // Options: the header texts plus "(geen)".
    await user.click(fieldBox("segment"));
    const options = within(await screen.findByRole("listbox")).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["(geen)", ...expected.headers]);
    await user.keyboard("{Escape}");
  });

  test("choosing another column with the keyboard re-runs the preview", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    const changed = await previewStock(port, SHEET, DEFAULT_RULES, { bat: "Bouwjaar" });
    await renderExcel(port);
    await openStep(user, "2. Kolommen");
    await screen.findByText(/rijen gelezen/);
    await chooseByKeyboard(user, fieldBox("bat"), "Bouwjaar");
    // Years are no BAT scores: every row is set aside, each with its cell.
    expect(await screen.findByText(`${nl(changed.rowsRead)} rijen gelezen, ${nl(changed.rowsRejected)} terzijde gelegd.`)).toBeTruthy();
    expect(changed.rowsRejected).toBeGreaterThan(0);
    expect(fieldBox("bat").textContent).toBe("Bouwjaar");
    expect(screen.getByText(/blad 'Voorraad \(synthetisch\)', cel J4: Cel J4 .*De rij is apart gezet\./)).toBeTruthy();
    // The column now serves the BAT field, so the bouwjaar field has none.
    expect(fieldBox("bouwjaar").textContent).toBe("(geen)");
    // Back to automatic detection.
    await user.click(screen.getByRole("button", { name: "Automatisch herkennen" }));
    expect(await screen.findByText(`${nl(changed.rowsRead)} rijen gelezen, 0 terzijde gelegd.`)).toBeTruthy();
    expect(fieldBox("bat").textContent).toBe("BAT-score");
  });

  test("a weak synonym can be chosen by hand (segment from 'Huurklasse') and is saved with the run", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    await renderExcel(port);
    await openStep(user, "2. Kolommen");
    await screen.findByText(/rijen gelezen/);
    await user.click(fieldBox("segment"));
    await user.click(await screen.findByRole("option", { name: "Huurklasse" }));
    await waitFor(() => expect(fieldBox("segment").textContent).toBe("Huurklasse"));
    expect(screen.getAllByText("Door u gekozen.").length).toBeGreaterThan(0);
    await openStep(user, "4. Uitvoeren");
    await user.click(screen.getByRole("button", { name: "Analyseren" }));
    await screen.findByText(/^Analyse klaar\./, undefined, { timeout: 20000 });
    const saved = await port.readSettings();
    expect(saved?.kolommen).toEqual({ segment: "Huurklasse" });
  });

  test("column choices saved in the workbook are restored", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    await port.writeResults([], { kolommen: { segment: "Huurklasse" } });
    await renderExcel(port);
    await openStep(user, "2. Kolommen");
    await screen.findByText(/rijen gelezen/);
    await waitFor(() => expect(fieldBox("segment").textContent).toBe("Huurklasse"));
  });

  test("all 23 fields can be shown, and the wide BAT table maps only its corporation column", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    await renderExcel(port);
    await user.click(screen.getByRole("combobox", { name: "Voorraad (woningen)" }));
    await user.click(await screen.findByRole("option", { name: /BAT per corporatie/ }));
    await openStep(user, "2. Kolommen");
    expect(await screen.findByText(/Blad 'BAT per corporatie'/)).toBeTruthy();
    await screen.findByText("19 rijen gelezen, 0 terzijde gelegd.");
    expect(screen.getAllByRole("combobox")).toHaveLength(1);
    const toggle = screen.getByRole("button", { name: "Alle 23 velden tonen" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await user.click(toggle);
    expect(screen.getAllByRole("combobox")).toHaveLength(23);
  });

  test("a column that only resembles a field is offered pre-filled; used once confirmed", async () => {
    const user = userEvent.setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Export");
    ws.addRow(["VHE", "BAT-score", "Type", "Postcode"]);
    for (let i = 0; i < 6; i++) ws.addRow([`V${i}`, i % 5, i % 2 === 0 ? "galerijflat" : "eengezinswoning", "6461 AB"]);
    const port = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    await renderExcel(port);
    await openStep(user, "2. Kolommen");
    await screen.findByText(/rijen gelezen/);
    // Pre-filled with the resembling column, with a hint and a warning; not used yet.
    expect(fieldBox("woningtype").textContent).toBe("Type");
    expect(screen.getByText(/Voorstel: kolom 'Type' \(C1\) lijkt op dit veld/)).toBeTruthy();
    expect(screen.getByText(/Kolom 'Type' \(C1\) op blad 'Export' \(rij 1\) lijkt op veld 'woningtype'/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /Voorstel gebruiken/ }));
    await waitFor(() => expect(screen.getAllByText("Door u gekozen.").length).toBeGreaterThan(0));
    expect(fieldBox("woningtype").textContent).toBe("Type");
    expect(screen.queryByRole("button", { name: /Voorstel gebruiken/ })).toBeNull();
  });

  test("Parkstad has no stock: the step says so and points on", async () => {
    const user = userEvent.setup();
    const port = await loadSample(PARKSTAD);
    await renderExcel(port);
    await openStep(user, "2. Kolommen");
    expect(screen.getByText(/Er is geen voorraadtabel gekozen of gevonden/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Verder naar regels" }));
    await waitForStepFocus("3. Regels");
  });
});
