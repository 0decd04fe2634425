/** @jest-environment jsdom */
/**
 * The column step over the Office.js adapter (in-memory host): opening the pane does not read
 * the stock; opening the step reads it in chunks with a progress bar and a cancel button; a
 * cancel sends no further request and offers "Opnieuw inlezen"; after the read a mapping change
 * sends no request to Excel.
 */
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OfficeWorkbook } from "../../src/workbook/office";
import { FIELD_LABELS } from "../../src/session/labels";
import { ExcelHost } from "../office-host/host";
import { roundTripRun } from "../office-host/round-trip";
import { nl, openStep, renderExcel } from "./helpers";

const ROWS = 3000;
const HEADER = ["VHE-nummer", "Complexnummer", "Corporatie", "Gemeente", "Woningtype", "Bouwlaag", "Lift", "BAT-score", "Huurklasse"];
const TYPES = ["Gestapeld met lift", "Gestapeld zonder lift", "Eengezinswoning"];

/** Syncs from `from` on that answered cell values (chunks of a sheet read, not the first rows). */
const chunkReads = (host: ExcelHost, from: number) => host.syncs.slice(from).filter((s) => s.responseBytes > 20_000).length;

/**
 * A stock of ROWS dwellings behind an Office.js port with chunks of 250 rows. Every sync first
 * yields to the event loop (a round trip to Excel), and `holdAfter(n)` keeps the answer to the
 * n-th chunk read back until `release()`.
 */
function setup() {
  const host = new ExcelHost();
  host.addSheet("Voorraad", [HEADER]);
  host.fill("Voorraad", `A2:I${ROWS + 1}`, (r, c) => [`VHE${r}`, `K${r >> 4}`, "Wonen Zuid", "Kerkrade", TYPES[r % 3], r % 4, r % 2 ? "ja" : "nee", r % 5, r % 2 ? "goedkoop" : "duur"][c - 1]);
  let holdAt = -1;
  let chunks = 0;
  let release: () => void = () => {};
  const roundTrip = roundTripRun(host, async (start) => {
    if (chunkReads(host, start) > 0 && ++chunks === holdAt) await new Promise<void>((resolve) => (release = resolve));
  });
  const port = new OfficeWorkbook(roundTrip, { chunkCells: HEADER.length * 250 });
  return {
    host,
    port,
    holdAfter: (n: number) => {
      chunks = 0;
      holdAt = n;
    },
    release: () => {
      holdAt = -1;
      release();
    },
  };
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

describe("step 2: Kolommen over Excel", () => {
  test("the stock is read when the step opens, with progress; cancel stops it; read again on request; a mapping change reads nothing", async () => {
    const user = userEvent.setup();
    const { host, port, holdAfter, release } = setup();
    await renderExcel(port);
    // Opening the pane read the first rows only.
    expect(chunkReads(host, 0)).toBe(0);

    holdAfter(3);
    await openStep(user, "2. Kolommen");
    const bar = () => screen.getByRole("progressbar", { name: "Voorraad lezen" });
    await waitFor(() => expect(bar().getAttribute("aria-valuetext")).toBe(`${nl(750)} van ${nl(ROWS + 1)} rijen gelezen`), { timeout: 10000 });
    const atCancel = host.syncs.length;
    await user.click(screen.getByRole("button", { name: "Inlezen annuleren" }));
    release();
    expect(await screen.findByText(/Het inlezen van de voorraad is gestopt\./)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // At most the chunk that was under way; the other nine are never asked for.
    expect(chunkReads(host, atCancel)).toBeLessThanOrEqual(1);
    expect(screen.queryByRole("progressbar", { name: "Voorraad lezen" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Opnieuw inlezen" }));
    expect(await screen.findByText(`${nl(ROWS)} rijen gelezen, 0 terzijde gelegd.`, undefined, { timeout: 10000 })).toBeTruthy();
    const afterRead = host.syncs.length;
    await user.click(screen.getByRole("combobox", { name: FIELD_LABELS.segment }));
    await user.click(await screen.findByRole("option", { name: "Huurklasse" }));
    await waitFor(() => expect(screen.getByRole("combobox", { name: FIELD_LABELS.segment }).textContent).toBe("Huurklasse"));
    await waitFor(() => expect(screen.queryByText("Voorbeeld wordt bijgewerkt…")).toBeNull());
    expect(host.syncs.length).toBe(afterRead);
  }, 30000);
});
