/**
 * Dutch labels for the task pane: table kinds, stock fields, severities and BZK types.
 * Pure data; the domain keeps its own (Dutch) codes, this file only says how to show them.
 */
import type { Severity } from "../domain/issues";
import type { StockField, TableKind } from "../ingest/types";

/** How a recognised table kind is named in the list of sheets. */
export const KIND_LABELS: Record<TableKind, string> = {
  voorraad: "voorraad per woning",
  "bat-breed": "BAT-tabel per corporatie of gebied",
  kruistabel: "kruistabel woningtype × huurklasse",
  aanbod: "aanbodtabel",
  vraag: "vraagtabel",
  "cbs-voorraad": "CBS-woningvoorraad per gemeente",
  aanpassingspercentages: "aanpassingspercentages per gemeente",
  mutaties: "geplande wijzigingen",
  plannenlijst: "gepubliceerde plannen zonder BAT-klasse (getoond)",
  saldo: "gepubliceerd saldo (nagerekend)",
  citaten: "geciteerde cijfers (gecontroleerd)",
  onbekend: "niet herkend",
};

/** Dutch name of each stock field, as the column step shows it. */
export const FIELD_LABELS: Record<StockField, string> = {
  id: "VHE-nummer",
  complex: "Complexnummer",
  bat: "BAT-score",
  toegankelijkheidslabel: "Toegankelijkheidslabel (VERA)",
  woonvorm: "Woonvorm (VERA GEC/ZWO)",
  eenheiddetailsoort: "Eenheiddetailsoort (VERA)",
  aantal: "Aantal woningen",
  gemeente: "Gemeente",
  buurt: "Buurt",
  wijk: "Wijk",
  eigenaar: "Eigenaar (corporatie)",
  segment: "Segment (huur/koop)",
  woningtype: "Woningtype",
  bouwlaag: "Bouwlaag (verdieping)",
  lift: "Lift",
  bouwjaar: "Bouwjaar",
  ontmoetingsruimte: "Ontmoetingsruimte",
  complexgrootte: "Woningen in het complex",
  aandeel55plus: "Aandeel bewoners 55+",
  label55plus: "Label 55+",
  wlz: "Wlz-zorg in het complex",
  zorgprofiel: "Zorgprofiel (SOM/PG)",
  zelfstandig: "Zelfstandige woning",
};

/** Heading of each severity group in the Controle messages. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  fout: "Fouten",
  waarschuwing: "Waarschuwingen",
  info: "Informatie",
};

/** Severities in the order they are shown. */
export const SEVERITIES: readonly Severity[] = ["fout", "waarschuwing", "info"];

/** Readable name of a BZK type or tekort category, with the zorgprofiel when there is one. */
export function categoryLabel(categorie: string, zorgprofiel: string | null): string {
  return zorgprofiel ? `${categorie} (${zorgprofiel})` : categorie;
}
