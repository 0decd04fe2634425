/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_RULES, RULE_SOURCES } from "../../src/domain/rules";
import { readCsv } from "../support/csv";
import { KERKRADE, loadSample, nl, openStep, renderExcel, tabTo } from "./helpers";

const LABEL = {
  limburg: "Nultreden vanaf BAT (Limburgse schaal 0-4)",
  woningen: "Minimaal aantal woningen in het complex",
  aandeel: "Minimaal aandeel bewoners van 55 jaar en ouder",
  afronden: "Tekort afronden op een veelvoud van",
  wlz: "Wlz-zorg in het complex is vereist",
} as const;

const input = (label: string) => screen.getByRole("textbox", { name: label }) as HTMLInputElement;
const analyseButton = () => screen.getByRole("button", { name: "Analyseren" }) as HTMLButtonElement;

async function openRules() {
  const user = userEvent.setup();
  const port = await loadSample(KERKRADE);
  await renderExcel(port);
  await openStep(user, "3. Regels");
  return { user, port };
}

describe("step 3: Regels", () => {
  test("shows the defaults, each with the source of its default", async () => {
    await openRules();
    expect(input(LABEL.limburg).value).toBe(String(DEFAULT_RULES.nultreden.limburgMinBat));
    expect(input(LABEL.woningen).value).toBe(String(DEFAULT_RULES.geclusterd.minWoningen));
    // The 55+ share is shown as a percentage.
    expect(input(LABEL.aandeel).value).toBe(String(DEFAULT_RULES.geclusterd.minAandeel55plus * 100));
    expect(input(LABEL.afronden).value).toBe("");
    expect((screen.getByRole("switch", { name: LABEL.wlz }) as HTMLInputElement).checked).toBe(DEFAULT_RULES.zorggeschikt.wlzVereist);
    expect(screen.getByRole("combobox", { name: "BAT-schaal van de voorraad" }).textContent).toBe("Automatisch herkennen");
    for (const key of ["nultreden.limburgMinBat", "geclusterd.minWoningen", "geclusterd.minAandeel55plus", "zorggeschikt.wlzVereist"]) {
      expect(screen.getByText(RULE_SOURCES[key])).toBeTruthy();
    }
  });

  test("an invalid value shows a Dutch message and disables 'Analyseren'; reset restores the defaults", async () => {
    const { user } = await openRules();
    const aandeel = input(LABEL.aandeel);
    await tabTo(user, aandeel);
    await user.keyboard("{Control>}a{/Control}150");
    expect(aandeel.value).toBe("150");
    expect(await screen.findByText("Vul een percentage van 0 tot en met 100 in.")).toBeTruthy();
    expect(aandeel.getAttribute("aria-invalid")).toBe("true");

    const woningen = input(LABEL.woningen);
    await user.clear(woningen);
    await user.type(woningen, "twaalf");
    expect(await screen.findByText("Vul een geheel getal van minstens 1 in.")).toBeTruthy();
    await user.clear(input(LABEL.limburg));
    await user.type(input(LABEL.limburg), "1,5");
    expect(await screen.findByText("Vul een geheel getal van 0 tot en met 4 in.")).toBeTruthy();
    expect(screen.getByText("3 regels hebben een ongeldige waarde. Verbeter die om te kunnen analyseren.")).toBeTruthy();

    await openStep(user, "4. Uitvoeren");
    expect(analyseButton().disabled).toBe(true);
    // Said in step 4 (and above, at Snel analyseren).
    const runPanel = analyseButton().closest(".fui-AccordionPanel") as HTMLElement;
    expect(within(runPanel).getByText(/Een of meer regels hebben een ongeldige waarde/)).toBeTruthy();
    // "Naar de regels" goes back, with the focus on the step heading.
    await user.click(screen.getByRole("button", { name: "Naar de regels" }));
    const reset = await screen.findByRole("button", { name: "Standaard herstellen" });
    await tabTo(user, reset);
    await user.keyboard("{Enter}");
    expect(input(LABEL.aandeel).value).toBe("50");
    expect(input(LABEL.woningen).value).toBe("12");
    expect(input(LABEL.limburg).value).toBe("1");
    expect(screen.queryByText(/Vul een/)).toBeNull();
    await openStep(user, "4. Uitvoeren");
    expect(analyseButton().disabled).toBe(false);
  });

  test("a stricter nultreden rule changes the result and is saved in the workbook", async () => {
    const { user, port } = await openRules();
    const total = readCsv("kerkrade-bat-per-corporatie-2020.csv").find((r) => r.corporatie === "TOTAAL")!;
    const strict = Number(total.bat_2) + Number(total.bat_3) + Number(total.bat_4); // BAT >= 2
    await user.clear(input(LABEL.limburg));
    await user.type(input(LABEL.limburg), "2");
    const wlz = screen.getByRole("switch", { name: LABEL.wlz });
    await tabTo(user, wlz);
    await user.keyboard(" ");
    expect((wlz as HTMLInputElement).checked).toBe(false);
    await user.type(input(LABEL.afronden), "5");
    await openStep(user, "4. Uitvoeren");
    await user.click(analyseButton());
    expect(await screen.findByText(`Analyse klaar. ${nl(Number(total.totaal))} woningen, waarvan ${nl(strict)} minstens nultreden.`, undefined, { timeout: 20000 })).toBeTruthy();
    const saved = (await port.readSettings())?.regels as typeof DEFAULT_RULES;
    expect(saved.nultreden.limburgMinBat).toBe(2);
    expect(saved.zorggeschikt.wlzVereist).toBe(false);
    expect(saved.tekort.afronden).toBe(5);
  });

  test("rules saved in the workbook are restored; invalid saved rules fall back to the defaults with a warning", async () => {
    const port = await loadSample(KERKRADE);
    await port.writeResults([], { regels: { geclusterd: { minWoningen: 8, minAandeel55plus: 0.625 } } });
    const user = userEvent.setup();
    const { unmount } = await renderExcel(port);
    await openStep(user, "3. Regels");
    await waitFor(() => expect(input(LABEL.woningen).value).toBe("8"));
    expect(input(LABEL.aandeel).value).toBe("62,5");
    unmount();

    const bad = await loadSample(KERKRADE);
    await bad.writeResults([], { regels: { geclusterd: { minWoningen: "veel" } } });
    await renderExcel(bad);
    expect(await screen.findByText(/De regels in deze werkmap zijn niet te gebruiken; de standaardregels gelden\./)).toBeTruthy();
    await openStep(user, "3. Regels");
    expect(input(LABEL.woningen).value).toBe("12");
  });
});
