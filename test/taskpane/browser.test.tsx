/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { KERKRADE, PARKSTAD, findByRoleAfter, fromBufferCached, kerkradePublished, nl, openStep, readBack, renderApp, sampleBytes, tabTo, waitForStepFocus } from "./helpers";

function sampleFile(name: string = KERKRADE): File {
  return new File([new Uint8Array(sampleBytes(name))], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

const fileInput = () => screen.getByLabelText("Werkmap openen") as HTMLInputElement;

describe("browser page", () => {
  afterEach(() => jest.restoreAllMocks());

  test("a real, labelled file input for .xlsx, reachable with the keyboard", async () => {
    const user = userEvent.setup();
    renderApp({ mode: "browser" });
    const input = fileInput();
    expect(input.type).toBe("file");
    expect(input.accept).toBe(".xlsx");
    await tabTo(user, input);
    expect(document.activeElement).toBe(input);
    expect(screen.queryByRole("button", { name: "Analyseren" })).toBeNull();
  });

  test("open, analyse and download '<naam>-resultaat.xlsx' with the result sheets", async () => {
    const user = userEvent.setup();
    const saveFile = jest.fn<void, [Blob, string]>();
    const parse = fromBufferCached();
    renderApp({ mode: "browser", saveFile });
    await user.upload(fileInput(), sampleFile());
    expect(await screen.findByText(`Geopend: ${KERKRADE}`, undefined, { timeout: 10000 })).toBeTruthy();
    // The focus moves to the first step.
    await waitForStepFocus("1. Kies de tabellen", 10000);
    expect(screen.getByRole("list", { name: "Bladen in de werkmap" }).textContent).toContain("Voorraad (synthetisch)");

    await openStep(user, "4. Uitvoeren");
    await user.click(screen.getByRole("button", { name: "Analyseren" }));
    const { totaal, minstensNultreden } = kerkradePublished();
    expect(await screen.findByText(`Analyse klaar. ${nl(totaal)} woningen, waarvan ${nl(minstensNultreden)} minstens nultreden.`, undefined, { timeout: 20000 })).toBeTruthy();

    const download = await screen.findByRole("button", { name: "Resultaat downloaden" });
    await tabTo(user, download);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1), { timeout: 20000 });
    const [file, name] = saveFile.mock.calls[0];
    expect(name).toBe("kerkrade-sociale-huur-2020-resultaat.xlsx");
    expect(await screen.findByText(/Het bestand 'kerkrade-sociale-huur-2020-resultaat\.xlsx' staat klaar als download\./)).toBeTruthy();

    expect(file.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // The result file was made from the chosen file by the streaming writer (no ExcelJS model):
    // the user's stock sheet is in it as it was.
    expect(parse).not.toHaveBeenCalled();
    const result = await readBack(file);
    const stock = "Voorraad (synthetisch)";
    expect((await result.readSheet(stock)).values).toEqual((await (await readBack(sampleFile())).readSheet(stock)).values);
    const sheets = result.sheets;
    expect(sheets.filter((s) => s.resultKind).map((s) => s.name)).toEqual(["BZK-indeling", "Tekort", "Aanpassingspotentieel", "Vergelijking", "Controle"]);
    // The input sheets are all still there, and the settings travel with the file.
    for (const s of ["Toelichting", "BAT per corporatie", "Woningtype", "Voorraad (synthetisch)"]) expect(sheets.map((x) => x.name)).toContain(s);
    const settings = result.settings;
    expect((settings?.regels as { nultreden: { limburgMinBat: number } }).nultreden.limburgMinBat).toBe(1);
  });

  test("the default download goes through a Blob URL, without network", async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    const urlApi = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
    urlApi.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return "blob:resultaat";
    });
    urlApi.revokeObjectURL = jest.fn();
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    renderApp({ mode: "browser" });
    // The small Parkstad sample: this test is about the way out, not the result's content.
    await user.upload(fileInput(), sampleFile(PARKSTAD));
    await findByRoleAfter("list", "Bladen in de werkmap", "label", 10000);
    await openStep(user, "4. Uitvoeren");
    await user.click(screen.getByRole("button", { name: "Analyseren" }));
    await user.click(await findByRoleAfter("button", "Resultaat downloaden", "text", 20000));
    await waitFor(() => expect(clicks).toHaveLength(1), { timeout: 20000 });
    expect(clicks[0].download).toBe("parkstad-woonzorg-2023-resultaat.xlsx");
    expect(clicks[0].href).toBe("blob:resultaat");
    expect(created[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(created[0].size).toBeGreaterThan(1000);
    click.mockRestore();
  });

  test("a file that is no .xlsx workbook gives a plain Dutch error", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderApp({ mode: "browser" });
    await user.upload(fileInput(), new File(["corporatie;bat\nWonen Zuid;1\n"], "export.csv", { type: "text/csv" }));
    const alert = await screen.findByRole("alert", undefined, { timeout: 10000 });
    expect(alert.textContent).toContain("Bestand 'export.csv' is een tekstbestand (bijvoorbeeld CSV), geen Excel-werkmap.");
    expect(screen.queryByRole("list", { name: "Bladen in de werkmap" })).toBeNull();
  });
});
