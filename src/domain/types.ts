/**
 * Domain types shared by ingest, classification, tekort, aanpassingspotentieel and reports.
 * Pure data: no Office.js, DOM or file system.
 *
 * Sources of terms: BZK/VWS definitions of the housing types for older people
 * (21 September 2023), the Limburg BAT 0-4 scale ("Wonen en zorg in balans") and the VERA
 * code lists BATSCORE / TOEGANKELIJKHEIDSLABEL / WOONVORM / EENHEIDDETAILSOORT (Aedes).
 */

/** Which BAT scale a stock uses. `limburg`: 0 (ongeschikt) .. 4 (verpleegzorg);
 * `vera`: BAT1 (nultrapswoning) .. BAT5 (zorg). Never mixed within one analysis. */
export type BatScale = "limburg" | "vera";

/** BZK/VWS housing types, ordered from lowest to highest. They nest:
 * zorggeschikt ⊂ geclusterd ⊂ nultreden; `regulier` is everything that is not nultreden. */
export const BZK_TYPES = ["regulier", "nultreden", "geclusterd", "zorggeschikt"] as const;
export type BzkType = (typeof BZK_TYPES)[number];

/** Care profile of zorggeschikte woningen: somatic or psychogeriatric (dementia). */
export type Zorgprofiel = "SOM" | "PG";

/** Housing segment, normalised: `huur` (rent, any sub-segment) or `koop` (owner-occupied). The
 * original text (e.g. "sociale huur") is kept in `StockRow.segment`. */
export type SegmentSoort = "huur" | "koop";

/** Key of the dwellings without segment in the what-if's `aanpassenPerSegment` and in its
 * results (domain/whatif.ts). Here, with the types, so that the pane can name it without
 * loading the what-if computation. */
export const SEGMENT_ONBEKEND = "(onbekend)";

/** Physical form of a dwelling, as far as adaptation potential is concerned. */
export type Woonsoort = "grondgebonden" | "gestapeld";

/**
 * One typed stock row (a dwelling, or a group of `aantal` identical dwellings), as produced by
 * ingest. Every optional fact is `null` when the column is absent or the cell is empty/an error.
 */
export interface StockRow {
  /** Worksheet the row came from. */
  sheet: string;
  /** 1-based Excel row number, for messages. */
  rowNumber: number;
  /** VHE / eenheidnummer; null for grouped rows without id. */
  id: string | null;
  /** Complex number / name; null when unknown. */
  complex: string | null;
  /** BAT level on `batScale`: limburg 0..4, vera 1..5 (BAT1..BAT5); null when missing. */
  bat: number | null;
  /** Scale of `bat`; null when `bat` is null. */
  batScale: BatScale | null;
  /** VERA TOEGANKELIJKHEIDSLABEL code, upper case (ZON, GNV, GEL, NUL, ROA, ROG, ROL, RUI). */
  toegankelijkheidslabel: string | null;
  /** Declared VERA WOONVORM code, upper case (GEC, ZWO, SEN, ...). */
  woonvorm: string | null;
  /** VERA EENHEIDDETAILSOORT code, upper case (POF, GAL, TUS, BEN, ...), or the raw text if not a code. */
  eenheiddetailsoort: string | null;
  /** Number of dwellings this row stands for (≥ 1, whole number); 1 for per-dwelling tables. */
  aantal: number;
  gemeente: string | null;
  buurt: string | null;
  wijk: string | null;
  /** Owner (corporatie) as written. */
  eigenaar: string | null;
  /** Segment as written (e.g. "sociale huur", "koop"). */
  segment: string | null;
  /** Normalised segment; null when not recognisable. */
  segmentSoort: SegmentSoort | null;
  /** Woningtype as written (e.g. "Gestapeld zonder lift", "eengezinswoning"). */
  woningtype: string | null;
  /** Floor the dwelling's entrance is on: 0 = begane grond. */
  bouwlaag: number | null;
  /** Lift in the building. */
  lift: boolean | null;
  bouwjaar: number | null;
  /** Meeting room (ontmoetingsruimte) of the complex: `inpandig` (indoor; "ja" reads as this),
   * `aangrenzend` (in an adjoining building, allowed by VERA GEC but not by the BZK text), `geen`. */
  ontmoetingsruimte: "inpandig" | "aangrenzend" | "geen" | null;
  /** Number of dwellings in the complex, when given in the table. */
  complexgrootte: number | null;
  /** Share of residents aged 55+ in the complex, as a fraction 0..1 ("62%" → 0.62). */
  aandeel55plus: number | null;
  /** Dwelling let to people aged 55+ (label 55+). */
  label55plus: boolean | null;
  /** Long-term care under the Wlz delivered in the complex. */
  wlz: boolean | null;
  zorgprofiel: Zorgprofiel | null;
  /** Self-contained dwelling (zelfstandig). */
  zelfstandig: boolean | null;
}

/** Level of a demand or supply category: BZK types, or BAT classes. */
export type Niveau = "bzk" | "bat";

/**
 * One demand figure (vraag), in dwellings, from a demand table (long or wide, or the published
 * Parkstad layout with group rows).
 */
export interface DemandEntry {
  niveau: Niveau;
  /** Target group as named in the table, normalised to lower case (e.g. "ouderen",
   * "verstandelijke beperking"); null when the table has no groups. */
  groep: string | null;
  /** bzk: regulier|nultreden|geclusterd|zorggeschikt, or another category the table names
   * (normalised label, e.g. "gespikkeld"); bat: "0".."4" (limburg) or "BAT1".."BAT5" (vera). */
  categorie: string;
  zorgprofiel: Zorgprofiel | null;
  jaar: number;
  /** Scenario as named, lower case ("basis", "trend", "onderkant", ...); null if none. */
  scenario: string | null;
  /** Area when the table is split by area; null otherwise. */
  gebied: string | null;
  /** Number of households/dwellings demanded. */
  vraag: number;
  sheet: string;
  /** A1 address of the number. */
  cell: string;
}

/**
 * One supply figure (aanbod) at type level, from a published supply table (no per-dwelling
 * stock). Same categories as `DemandEntry`. `jaar` is the year the supply was counted, or null.
 */
export interface SupplyEntry {
  niveau: Niveau;
  groep: string | null;
  categorie: string;
  zorgprofiel: Zorgprofiel | null;
  jaar: number | null;
  gebied: string | null;
  aanbod: number;
  sheet: string;
  cell: string;
}

/** One classified stock row. Counts that use it weigh it by `row.aantal` dwellings. */
export interface ClassifiedDwelling {
  /** The input row (unchanged; from a classified stock, a copy made from its columns on each `dwelling(i)`). */
  row: StockRow;
  /** Exclusive type: the highest type that can be proven; "onbekend" when accessibility is unknown. */
  bzk: BzkType | "onbekend";
  /** Cumulative flags ("at least this type"): zorggeschikt ⇒ geclusterd ⇒ nultreden. */
  nultreden: boolean;
  geclusterd: boolean;
  zorggeschikt: boolean;
  /** The row's zorgprofiel, only when zorggeschikt; otherwise null. */
  zorgprofiel: Zorgprofiel | null;
  /** Dutch: which rule fired on which facts, e.g. "BAT 3 ≥ 1: nultreden; complex C12: inpandige
   * ontmoetingsruimte, 24 woningen, 70% 55+: geclusterd; BAT 3 ≥ 2, geen Wlz-zorg in complex:
   * niet zorggeschikt". Shared between rows with the same facts. */
  reden: string;
  /** Dutch warnings (missing facts, conflicts). Shared between rows with the same facts and
   * frozen: treat as read-only. */
  warnings: string[];
}

/** Supply of a set of dwellings. All numbers are dwellings (sum of `aantal`). */
export interface SupplySummary {
  /** All dwellings, including those of unknown type. */
  eenheden: number;
  /** Per BAT code of the scale (`batCodes(scale)`) plus "onbekend" (no BAT, or a BAT on the other
   * scale); every key present, also when 0. */
  perBat: Record<string, number>;
  /** Exclusive: each dwelling in its highest type; the 5 keys sum to `eenheden`. */
  perBzk: Record<BzkType | "onbekend", number>;
  /** Cumulative: at least this type; zorggeschikt ≤ geclusterd ≤ nultreden. */
  cumulatief: { nultreden: number; geclusterd: number; zorggeschikt: number };
  /** Zorggeschikte dwellings by zorgprofiel; sums to `cumulatief.zorggeschikt`. */
  zorggeschiktPerProfiel: { SOM: number; PG: number; onbekend: number };
}

/** What the analysis knows of the table the stock rows come from, for the wording of messages
 * (`classifyStock`, `assessAdaptation`). */
export interface StockShape {
  /** The rows come from a cross table woningtype × huurklasse, which has no BAT, lift or bouwlaag
   * column by nature: messages say what to add to the workbook instead of asking for a column. */
  kruistabel?: boolean;
}
