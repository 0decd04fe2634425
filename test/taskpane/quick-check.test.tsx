/** @jest-environment jsdom */
/**
 * "Snel analyseren" (issue 11): right after a workbook is open (Excel: the pane; browser: the
 * chosen file) one button runs the analysis with the recognised tables and the rules in force,
 * and the key figures show at the top, with the steps folded away; the five steps stay for
 * checking and correcting. On the real samples: Kerkrade (stock per dwelling; published totals)
 * and Kerkrade with the Parkstad demand (a tekort, checked against the Tekort sheet written).
 */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEMAND_SHEET, KERKRADE, findByRoleAfter, gatedPort, kerkradePublished, kerkradeWithDemandBytes, loadSample, nl, openStep, renderApp, renderExcel, sampleBytes, stepButton } from "./helpers";
import { cachedWorkbook } from "../support/workbook-cache";

const STOCK = "Voorraad (synthetisch)";
const quick = () => screen.getByRole("button", { name: "Snel analyseren" }) as HTMLButtonElement;
const section = () => screen.getByRole("region", { name: "Snel analyseren" });

/** The key figures as label → value. */
function keyFigures(): Record<string, string> {
  const list = screen.getByRole("heading", { name: "Kerncijfers" }).nextElementSibling;
  if (!list) throw new Error("no key figures");
  const out: Record<string, string> = {};
  const terms = list.querySelectorAll("dt");
  terms.forEach((dt) => (out[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? ""));
  return out;
}

const expanded = (title: string) => stepButton(title).getAttribute("aria-expanded") === "true";

describe("Snel analyseren", () => {
  test("browser page: choose the workbook, click once, and the published totals are the key figures", async () => {
    const user = userEvent.setup();
    renderApp({ mode: "browser", saveFile: jest.fn() });
    expect(screen.queryByRole("button", { name: "Snel analyseren" })).toBeNull();
    const file = new File([new Uint8Array(sampleBytes(KERKRADE))], KERKRADE);
    await user.upload(screen.getByLabelText("Werkmap openen"), file);
    await findByRoleAfter("list", "Bladen in de werkmap", "label", 10000);
    expect(section().textContent).toContain(`Analyseert in één keer: voorraad uit blad '${STOCK}' (herkend), zonder vraagtabel (dus geen tekort), met de standaardregels.`);

    await user.click(quick());
    const heading = await findByRoleAfter("heading", "Kerncijfers", "text", 20000);
    const { totaal, minstensNultreden } = kerkradePublished();
    const figures = keyFigures();
    expect(figures.Woningen).toBe(nl(totaal));
    expect(figures["Minstens nultreden"]).toMatch(new RegExp(`^${nl(minstensNultreden)} \\(\\d+(,\\d)?%\\)$`));
    const pct = Number(figures["Minstens nultreden"].replace(/^.*\((.*)%\)$/, "$1").replace(",", "."));
    expect(pct).toBeCloseTo((100 * minstensNultreden) / totaal, 1);
    expect(figures.Tekort).toBe("niet berekend: geen vraagtabel (of geen aanbod) gevonden");
    // The figures are where the eye (and the focus) is: the steps are folded away.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    for (const step of ["1. Kies de tabellen", "4. Uitvoeren"]) expect(expanded(step)).toBe(false);
    // The same run as step 4's: the results step has it all, with the download.
    await user.click(within(section()).getByRole("button", { name: "Alle resultaten en downloaden" }));
    await waitFor(() => expect(expanded("5. Resultaten")).toBe(true));
    expect(screen.getByRole("button", { name: "Resultaat downloaden" })).toBeTruthy();
    const aanbod = screen.getByRole("table", { name: "Aanbod per BZK-woontype" });
    expect(within(aanbod).getByRole("row", { name: /^nultreden/ }).textContent).toContain(nl(minstensNultreden));
  });

  test("Excel: the result sheets are written and the largest tekort shown is the largest on the Tekort sheet", async () => {
    const user = userEvent.setup();
    const base = await cachedWorkbook(await kerkradeWithDemandBytes());
    await renderExcel(base);
    expect(section().textContent).toContain(`voorraad uit blad '${STOCK}' (herkend), vraag uit blad '${DEMAND_SHEET}' (herkend), met de standaardregels.`);
    expect(section().textContent).toContain("De resultaatbladen komen in de werkmap.");
    await user.click(quick());
    await findByRoleAfter("heading", "Kerncijfers", "text", 30000);
    const kinds = (await base.listSheets()).map((s) => s.resultKind).filter(Boolean);
    expect(kinds.sort()).toEqual(["aanpassingspotentieel", "bzk-indeling", "controle", "tekort", "vergelijking"]);

    // The Tekort sheet as written: the largest tekort "per categorie".
    const sheet = (await base.readSheet("Tekort")).values;
    const h = sheet.findIndex((row) => row.includes("Lezing") && row.includes("Tekort") && row.includes("Jaar"));
    expect(h).toBeGreaterThanOrEqual(0);
    const col = (name: string) => sheet[h].indexOf(name);
    // The table runs to the first empty row (what-if tables follow further down).
    const end = sheet.findIndex((row, i) => i > h && row.every((v) => v === null || v === ""));
    const perCategorie = sheet.slice(h + 1, end === -1 ? undefined : end).filter((r) => r[col("Lezing")] === "per categorie" && Number(r[col("Tekort")]) > 0);
    expect(perCategorie.length).toBeGreaterThan(0);
    const max = Math.max(...perCategorie.map((r) => Number(r[col("Tekort")])));
    const years = perCategorie.filter((r) => Number(r[col("Tekort")]) === max).map((r) => Number(r[col("Jaar")]));

    const figures = keyFigures();
    const m = /^([\d.]+) (.+) in (\d{4}) \((.+)\)$/.exec(figures["Grootste tekort"]);
    expect(m).not.toBeNull();
    expect(Number(m![1].replace(/\./g, ""))).toBe(max);
    expect(Number(m![3])).toBe(Math.min(...years));
    expect(m![4]).toMatch(/scenario /);
    expect(figures.Tekorten).toBe(`${nl(perCategorie.length)} per woontype, jaar en scenario`);
    expect(figures.Aanpassingspotentieel).toMatch(/^[\d.]+ woningen \(\d+(,\d)?%\) met een lichte aanpassing nultreden$/);
  });

  test("progress and Annuleren in the quick check; a cancelled run leaves the workbook as it was", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    const before = (await base.listSheets()).map((s) => s.name);
    const gate = gatedPort(base);
    await renderExcel(gate.port);
    gate.hold();
    await user.click(quick());
    const progress = await within(section()).findByRole("progressbar");
    expect(progress.getAttribute("aria-valuetext")).toBe("Werkmap lezen, 0%");
    expect(quick().disabled).toBe(true);
    await user.click(within(section()).getByRole("button", { name: "Annuleren" }));
    expect(await within(section()).findByText("Analyse geannuleerd.")).toBeTruthy();
    gate.release();
    await new Promise((r) => setTimeout(r, 200));
    expect((await base.listSheets()).map((s) => s.name)).toEqual(before);
    expect(screen.queryByRole("heading", { name: "Kerncijfers" })).toBeNull();
  });

  test("it says which rules it uses, and waits for valid rules", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    await renderExcel(base);
    await openStep(user, "3. Regels");
    const field = screen.getByRole("textbox", { name: "Minimaal aantal woningen in het complex" }) as HTMLInputElement;
    await user.clear(field);
    await user.type(field, "twaalf");
    await waitFor(() => expect(quick().disabled).toBe(true));
    expect(section().textContent).toContain("met de regels zoals ingesteld bij stap 3.");
    expect(section().textContent).toContain("Een of meer regels hebben een ongeldige waarde.");
    await user.click(screen.getByRole("button", { name: "Standaard herstellen" }));
    await waitFor(() => expect(quick().disabled).toBe(false));
    expect(section().textContent).toContain("met de standaardregels.");
  });

  test("after a run the workbook keeps its settings; opened again, the quick check says it uses the saved rules", async () => {
    const user = userEvent.setup();
    const base = await loadSample(KERKRADE);
    const first = await renderExcel(base);
    await user.click(quick());
    await findByRoleAfter("heading", "Kerncijfers", "text", 20000);
    first.unmount();
    await renderExcel(base);
    await waitFor(() => expect(section().textContent).toContain("met de regels die bij de vorige analyse in deze werkmap zijn bewaard."));
  });
});
