/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { UserError } from "../../src/domain/issues";
import type { WorkbookPort } from "../../src/workbook/port";
import { KERKRADE, gatedPort, kerkradePublished, loadSample, nl, openStep, renderExcel, stepButton, tabTo, waitForStepFocus } from "./helpers";

const analyse = () => screen.getByRole("button", { name: "Analyseren" }) as HTMLButtonElement;

describe("step 4: Uitvoeren", () => {
  test("shows progress with the step name, then the key figures; the result sheets are written", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    const gate = gatedPort(base);
    const write = jest.spyOn(base, "writeResults");
    await renderExcel(gate.port);
    await openStep(user, "4. Uitvoeren");
    gate.hold();
    await tabTo(user, analyse());
    await user.keyboard("{Enter}");

    const progress = await screen.findByRole("progressbar");
    expect(progress.getAttribute("aria-valuetext")).toBe("Werkmap lezen, 0%");
    expect(screen.getByText("Werkmap lezen (0%)")).toBeTruthy();
    expect(analyse().disabled).toBe(true);
    expect(screen.getByRole("button", { name: "Annuleren" })).toBeTruthy();
    await waitFor(() => expect(gate.waiting()).toBe(1));
    gate.release();

    const { totaal, minstensNultreden } = kerkradePublished();
    const done = await screen.findByText(`Analyse klaar. ${nl(totaal)} woningen, waarvan ${nl(minstensNultreden)} minstens nultreden.`, undefined, { timeout: 20000 });
    expect(done.getAttribute("role")).toBe("status");
    // The results step opens with the focus on its heading.
    await waitForStepFocus("5. Resultaten");
    const aanbod = screen.getByRole("table", { name: "Aanbod per BZK-woontype" });
    expect(within(aanbod).getByRole("row", { name: /^totaal/ }).textContent).toContain(nl(totaal));
    expect(within(aanbod).getByRole("row", { name: /^nultreden/ }).textContent).toContain(nl(minstensNultreden));

    expect(write).toHaveBeenCalledTimes(1);
    const kinds = (await base.listSheets()).map((s) => s.resultKind).filter(Boolean);
    expect(kinds.sort()).toEqual(["aanpassingspotentieel", "bzk-indeling", "controle", "tekort", "vergelijking"]);
  });

  test("'Annuleren' stops the run: 'Analyse geannuleerd.' and the workbook is left as it was", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    const before = (await base.listSheets()).map((s) => s.name);
    const gate = gatedPort(base);
    const write = jest.spyOn(base, "writeResults");
    await renderExcel(gate.port);
    await openStep(user, "4. Uitvoeren");
    gate.hold();
    await user.click(analyse());
    await screen.findByRole("progressbar");
    const cancel = screen.getByRole("button", { name: "Annuleren" });
    await tabTo(user, cancel);
    await user.keyboard("{Enter}");
    expect(await screen.findByText("Analyse geannuleerd.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    gate.release();
    // The pipeline stops at its next check; nothing is written.
    await new Promise((r) => setTimeout(r, 200));
    expect(write).not.toHaveBeenCalled();
    expect((await base.listSheets()).map((s) => s.name)).toEqual(before);
    expect(screen.getByText("Analyse geannuleerd.")).toBeTruthy();
    expect(stepButton("5. Resultaten").hasAttribute("disabled") || stepButton("5. Resultaten").getAttribute("aria-disabled") === "true").toBe(true);
    // A new run works.
    await user.click(analyse());
    expect(await screen.findByText(/^Analyse klaar\./, undefined, { timeout: 20000 })).toBeTruthy();
  });

  test("an error from the port is shown in plain Dutch in an error message bar", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    let fail: Error | null = null;
    const port: WorkbookPort = Object.assign(Object.create(base) as WorkbookPort, {
      readSheet: async (name: string) => {
        if (fail) throw fail;
        return base.readSheet(name);
      },
    });
    await renderExcel(port);
    await openStep(user, "4. Uitvoeren");
    fail = new UserError("Een blad of tabel bestaat niet (meer) in de werkmap. Misschien is het net hernoemd of verwijderd; probeer het opnieuw.");
    await user.click(analyse());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(`De analyse is mislukt. ${fail.message}`);

    // Anything else is shown too, never only logged.
    fail = new TypeError("x is undefined");
    await user.click(analyse());
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Er ging iets mis dat niet had mogen gebeuren"));
    expect(screen.getByRole("alert").textContent).toContain("x is undefined");
  });

  test("an error while writing the result sheets is shown", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    jest.spyOn(base, "writeResults").mockRejectedValue(new UserError("Excel staat geen wijzigingen toe: de werkmap of een blad is beveiligd."));
    await renderExcel(base);
    await openStep(user, "4. Uitvoeren");
    await user.click(analyse());
    expect((await screen.findByRole("alert", undefined, { timeout: 20000 })).textContent).toContain("Excel staat geen wijzigingen toe");
  });
});
