/**
 * The caption of a table (src/ingest/caption.ts), shared by table recognition and the saldo
 * reader: sheet name, table name and the title rows above the header, nothing else.
 */
import { captionDate, captionParts, captionWords } from "../../src/ingest/caption";
import { seedRawTable, seedTable } from "../support/seed-tables";
import { rawTable } from "./tables";

test("sheet, table name and title rows above the header; blank rows, the header and rows below are left out", () => {
  const t = rawTable([["Tabel 3: Aanbod – vraag (- = tekort)"], [], ["Tekort", 2023, 2030], ["Nultreden", -5, -10], ["Bron: Companen"]], { sheet: "Blad 1" });
  expect(captionParts(t, 2)).toEqual(["Blad 1", "", "Tabel 3: Aanbod – vraag (- = tekort)"]);
  expect(captionParts({ ...t, tableName: "Saldo" }, 2)).toEqual(["Blad 1", "Saldo", "Tabel 3: Aanbod – vraag (- = tekort)"]);
  expect(captionParts(t, 0)).toEqual(["Blad 1", ""]);
});

test("words: lower case and without accents, as printed in the seed caption", () => {
  const id = "parkstad-tabel-2";
  const words = captionWords(seedRawTable(id), seedTable(id).caption.length + 1);
  expect(words).toContain("geinventariseerd");
  expect(words).toBe(words.toLowerCase());
  expect(words.startsWith(seedTable(id).sheet.toLowerCase())).toBe(true);
});

test("the reference date of a caption: numeric or written out, one date or none", () => {
  const at = (title: string) => captionDate(rawTable([[title], [], ["Woonvorm", "Aantal"], ["regulier", 1]]), 2);
  expect(at("Sociale huurwoningaanbod corporaties Kerkrade per peildatum 01-01-2020")).toBe("1-1-2020");
  expect(at("Voorraad per 1 januari 2024")).toBe("1-1-2024");
  expect(at("Voorraad 2024")).toBeNull();
  expect(at("Voorraad 1-1-2020 en 1-1-2024")).toBeNull();
});
