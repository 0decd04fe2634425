/** @jest-environment jsdom */
/**
 * Step 1: a sheet headed "Opgave" may be the demand or a published shortage (issue 10 item 2).
 * The pane shows a pre-filled choice to confirm, as the mapping step does for a near-match
 * column: the proposal is the demand when the workbook has no other demand table, else a
 * shortage; it is not used until confirmed. The sheet is Parkstad's Tabel 1 as printed (the
 * seed), under the heading and title a user may give it ("Opgave", no word that says demand).
 */
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { seedTable, seedWorkbook } from "../support/seed-tables";
import { renderExcel } from "./helpers";

const QUESTION = "Blad 'Opgave' noemt een opgave: vraag of tekort?";
const VRAAG = "De vraag (de woningen die nodig zijn)";
const TEKORT = "Een gepubliceerd tekort (vraag min aanbod): nagerekend, niet als vraag gelezen";

/** Parkstad Tabel 1 and 2 as printed, with a copy of Tabel 1 as sheet 'Opgave' headed "Opgave"
 * (`keepDemand`: the printed Tabel 1 stays as well). */
async function workbook(keepDemand: boolean): Promise<XlsxWorkbook> {
  const wb = seedWorkbook(["parkstad-tabel-1", "parkstad-tabel-2"]);
  const demand = wb.getWorksheet(seedTable("parkstad-tabel-1").sheet)!;
  const opgave = wb.addWorksheet("Opgave");
  demand.eachRow((row, r) => row.eachCell((cell, c) => void (opgave.getCell(r, c).value = cell.value)));
  opgave.getCell(1, 1).value = "Opgave wonen met zorg in Parkstad Limburg, 2023-2040 (aantal huishoudens)";
  opgave.getCell(3, 1).value = "Opgave";
  if (!keepDemand) wb.removeWorksheet(demand.id);
  return XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
}

const vraagBox = () => screen.getByRole("combobox", { name: "Vraag" });
const radio = (name: string) => screen.getByRole("radio", { name }) as HTMLInputElement;

test("no other demand table: the demand is proposed, not used until confirmed; the other option can be chosen after", async () => {
  const user = userEvent.setup();
  await renderExcel(await workbook(false));
  await screen.findByRole("radiogroup", { name: QUESTION }, { timeout: 10000 });
  expect(radio(VRAAG).checked).toBe(true);
  expect(screen.getByText(/^Voorstel: de vraag, want de werkmap heeft geen andere vraagtabel\. Nog niet bevestigd: tot dan leest de tool het blad als gepubliceerd tekort/)).toBeTruthy();
  // Not used yet: the demand choice is still automatic (and finds none).
  expect(vraagBox().textContent).toBe("Automatisch");

  await user.click(screen.getByRole("button", { name: "Voorstel bevestigen: vraag" }));
  await waitFor(() => expect(vraagBox().textContent).toContain("Opgave"));
  expect(screen.getByText(`Door u bevestigd: blad 'Opgave' wordt als vraag gelezen (opdrachtregel: --vraag "Opgave").`)).toBeTruthy();
  expect(screen.queryByRole("button", { name: /^Voorstel bevestigen/ })).toBeNull();

  await user.click(radio(TEKORT));
  await waitFor(() => expect(vraagBox().textContent).toBe("Automatisch"));
  expect(radio(TEKORT).checked).toBe(true);
  expect(screen.getByText("Door u bevestigd: blad 'Opgave' wordt als gepubliceerd tekort gelezen en nagerekend op het blad Vergelijking.")).toBeTruthy();
});

test("another demand table: a shortage is proposed; confirming it keeps that demand table", async () => {
  const user = userEvent.setup();
  await renderExcel(await workbook(true));
  await screen.findByRole("radiogroup", { name: QUESTION }, { timeout: 10000 });
  const demandSheet = seedTable("parkstad-tabel-1").sheet;
  expect(radio(TEKORT).checked).toBe(true);
  expect(screen.getByText(new RegExp(`^Voorstel: een tekort, want blad '${demandSheet}' is de vraag`))).toBeTruthy();
  expect(vraagBox().textContent).toBe(`Automatisch: ${demandSheet}`);
  await user.click(screen.getByRole("button", { name: "Voorstel bevestigen: tekort" }));
  expect(await screen.findByText(/^Door u bevestigd: blad 'Opgave' wordt als gepubliceerd tekort gelezen/)).toBeTruthy();
  expect(vraagBox().textContent).toBe(`Automatisch: ${demandSheet}`);
});
