/**
 * The user's choice of a table (voorraad or vraag): automatic, a named sheet, or (voorraad in
 * Excel) the current selection. Encoded as a string for the dropdowns.
 */
import type { SheetDetection } from "../analysis/preview";

/** A table choice. */
export type TableChoice = { kind: "auto" } | { kind: "sheet"; name: string } | { kind: "selection" };

export const AUTO: TableChoice = { kind: "auto" };

/** Dropdown option value of a choice. */
export function choiceValue(choice: TableChoice): string {
  return choice.kind === "sheet" ? `blad:${choice.name}` : choice.kind;
}

/** The choice of a dropdown option value. */
export function parseChoice(value: string): TableChoice {
  if (value.startsWith("blad:")) return { kind: "sheet", name: value.slice(5) };
  return value === "selection" ? { kind: "selection" } : AUTO;
}

/**
 * The stock sheet the automatic choice stands for: the first sheet recognised as a stock per
 * dwelling, otherwise the first wide BAT table, otherwise the first cross table woningtype ×
 * huurklasse (as the pipeline chooses); null when there is none.
 */
export function autoStockSheet(sheets: readonly SheetDetection[]): string | null {
  return sheets.find((s) => s.kind === "voorraad")?.sheet ?? sheets.find((s) => s.kind === "bat-breed")?.sheet ??
    sheets.find((s) => s.kind === "kruistabel")?.sheet ?? null;
}

/** The demand sheet the automatic choice stands for (the pipeline takes the first one). */
export function autoDemandSheet(sheets: readonly SheetDetection[]): string | null {
  return sheets.find((s) => s.kind === "vraag")?.sheet ?? null;
}
