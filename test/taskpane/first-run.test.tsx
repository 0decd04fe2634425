/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FIRST_RUN_KEY } from "../../src/taskpane/hooks/useFirstRun";
import { FIRST_RUN_SENTENCES } from "../../src/taskpane/steps/FirstRun";
import { KERKRADE, loadSample, memoryStorage, renderApp, tabTo } from "./helpers";

describe("first-run explanation", () => {
  test("explains BAT and the three BZK types in 4-6 plain sentences", async () => {
    renderApp({ mode: "browser", storage: memoryStorage(false) });
    const region = screen.getByRole("region", { name: "Wat doet deze tool?" });
    expect(FIRST_RUN_SENTENCES.length).toBeGreaterThanOrEqual(4);
    expect(FIRST_RUN_SENTENCES.length).toBeLessThanOrEqual(6);
    const text = region.textContent ?? "";
    for (const word of ["BAT-score", "nultredenwoning", "geclusterde woonvorm", "zorggeschikte woning"]) expect(text).toContain(word);
  });

  test("is dismissed with the keyboard, remembered in storage, and can be reopened", async () => {
    const user = userEvent.setup();
    const storage = memoryStorage(false);
    const { unmount } = renderApp({ mode: "browser", storage });
    const ok = screen.getByRole("button", { name: "Begrepen" });
    await tabTo(user, ok);
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("region", { name: "Wat doet deze tool?" })).toBeNull();
    expect(storage.data.get(FIRST_RUN_KEY)).toBe("ja");
    unmount();

    // Next time: not shown, but "Uitleg" brings it back.
    renderApp({ mode: "browser", storage });
    expect(screen.queryByRole("region", { name: "Wat doet deze tool?" })).toBeNull();
    const again = screen.getByRole("button", { name: "Uitleg" });
    await tabTo(user, again);
    await user.keyboard(" ");
    expect(screen.getByRole("region", { name: "Wat doet deze tool?" })).toBeTruthy();
  });

  test("without storage (blocked localStorage) it still shows and dismisses", async () => {
    const user = userEvent.setup();
    const port = await loadSample(KERKRADE);
    renderApp({ mode: "excel", port, storage: null });
    await user.click(screen.getByRole("button", { name: "Begrepen" }));
    expect(screen.queryByRole("region", { name: "Wat doet deze tool?" })).toBeNull();
  });
});
