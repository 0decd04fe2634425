/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PARKSTAD, chooseByKeyboard, loadSample, renderExcel, stepButton, tabTo, waitForStepFocus } from "./helpers";

/** The whole flow with the keyboard only (Tab, Enter, Space, arrows), on the Parkstad workbook. */
test("every step can be done with the keyboard only, and each new step's heading gets the focus", async () => {
  const user = userEvent.setup();
  const activateSheet = jest.fn<Promise<void>, [string]>(async () => undefined);
  const base = await loadSample(PARKSTAD);
  const port = Object.assign(Object.create(base) as typeof base, { activateSheet });
  await renderExcel(port);

  // 1. Tables: choose the demand sheet explicitly.
  await chooseByKeyboard(user, screen.getByRole("combobox", { name: "Vraag" }), /^Tabel 1 Vraag/);
  await waitFor(() => expect(screen.getByRole("combobox", { name: "Vraag" }).textContent).toBe("Tabel 1 Vraag (vraagtabel)"));
  await tabTo(user, screen.getByRole("button", { name: "Verder naar kolommen" }));
  await user.keyboard("{Enter}");
  await waitForStepFocus("2. Kolommen");

  // 2. Columns (no stock here) → 3. Rules.
  await tabTo(user, screen.getByRole("button", { name: "Verder naar regels" }));
  await user.keyboard("{Enter}");
  await waitForStepFocus("3. Regels");

  // 3. Rules: round to 5 and switch off "regulier omvat nultreden", then go on.
  await tabTo(user, screen.getByRole("textbox", { name: "Tekort afronden op een veelvoud van" }));
  await user.keyboard("5");
  await tabTo(user, screen.getByRole("switch", { name: "'Regulier' in een aanbodtabel omvat de nultredenwoningen" }));
  await user.keyboard(" ");
  await user.keyboard(" ");
  await tabTo(user, screen.getByRole("button", { name: "Verder naar uitvoeren" }));
  await user.keyboard("{Enter}");
  await waitForStepFocus("4. Uitvoeren");

  // 4. Run.
  await tabTo(user, screen.getByRole("button", { name: "Analyseren" }));
  await user.keyboard("{Enter}");
  await waitForStepFocus("5. Resultaten", 20000);
  expect(screen.getByText(/afgerond op 5/)).toBeTruthy();

  // 5. Results: jump to a result sheet, open the information messages.
  await tabTo(user, screen.getByRole("button", { name: "Naar blad Tekort" }));
  await user.keyboard("{Enter}");
  expect(activateSheet).toHaveBeenCalledWith("Tekort");
  const info = screen.getByRole("button", { name: /^Informatie \(\d+\)$/ });
  await tabTo(user, info);
  await user.keyboard("{Enter}");
  expect(info.getAttribute("aria-expanded")).toBe("true");
  expect(await screen.findByText(/Aanbod constant verondersteld/)).toBeTruthy();

  // Back to step 1: Tab to its heading and press Enter.
  await tabTo(user, stepButton("1. Kies de tabellen"));
  await user.keyboard("{Enter}");
  expect(stepButton("1. Kies de tabellen").getAttribute("aria-expanded")).toBe("true");
});
