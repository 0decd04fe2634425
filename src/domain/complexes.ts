/**
 * Complex facts: the facts that decide "geclusterd" and "zorggeschikt" belong to a complex, not
 * to a dwelling, but stock tables repeat them on every row (or fill them on some rows only).
 * This module aggregates them per complex in one O(n) pass and reports conflicting values.
 *
 * A complex is identified by its owner (`eigenaar`, may be null) and its `complex` number:
 * corporations number their complexes independently, so "C100" of two owners are two complexes.
 *
 * Aggregation (docs/handleiding.md §4; where rows disagree the choice is stated in the conflict text):
 * - ontmoetingsruimte: a room on any row counts (inpandig > aangrenzend > geen);
 * - complexgrootte: the given size, else the sum of `aantal` over the complex's rows; when given
 *   sizes differ the smallest is used (a threshold must be proven); a given size below the number
 *   of dwellings in the file is replaced by that number;
 * - aandeel55plus: the given share (fraction 0..1); when shares differ the smallest is used;
 * - label55plus: dwellings with label 55+ yes / no / unknown (for the share when it is unknown);
 * - wlz: Wlz care on any row counts.
 */
import type { StockRow } from "./types";
import { formatGetal, formatPercentage } from "./format";

const ROOM_INPANDIG = 1;
const ROOM_AANGRENZEND = 2;
const ROOM_GEEN = 4;

/** Aggregated facts of one complex. Counts in dwellings; shares as fractions 0..1. */
export interface ComplexFacts {
  complex: string;
  eigenaar: string | null;
  /** Best meeting room found on any row; null when no row says. */
  ontmoetingsruimte: "inpandig" | "aangrenzend" | "geen" | null;
  /** Dwellings of the complex in this table (sum of `aantal`). */
  geteld: number;
  /** Smallest `complexgrootte` given on a row; null when none. */
  grootteGegeven: number | null;
  /** Size used for the threshold: max(grootteGegeven, geteld), or geteld when not given. */
  woningen: number;
  /** Smallest `aandeel55plus` given; null when none. */
  aandeel55plus: number | null;
  /** Dwellings with label 55+ true / false / unknown. */
  label55plusJa: number;
  label55plusNee: number;
  label55plusOnbekend: number;
  /** True when any row says Wlz care is delivered, false when rows only say no, null when unknown. */
  wlz: boolean | null;
  /** Dutch descriptions of conflicting values within the complex (empty when consistent). */
  conflicts: string[];
  /** First row of the complex (for messages). */
  firstRow: StockRow;
}

interface Accumulator {
  facts: ComplexFacts;
  rooms: number;
  maxGrootte: number;
  maxAandeel: number;
  wlzJa: boolean;
  wlzNee: boolean;
}

/** Which stock columns hold at least one value (a column absent from the table is all null). */
export interface ColumnPresence {
  complex: boolean;
  ontmoetingsruimte: boolean;
  complexgrootte: boolean;
  aandeel55plus: boolean;
  label55plus: boolean;
  wlz: boolean;
  bat: boolean;
  toegankelijkheidslabel: boolean;
}

/** Result of `collectComplexes`. */
export interface ComplexCollection {
  /** Every complex, in order of first appearance. */
  complexes: ComplexFacts[];
  /** Per row: index into `complexes`, or -1 when the row has no complex. */
  rowComplex: Int32Array;
  /** Which of the relevant columns hold any value. */
  presence: ColumnPresence;
}

/**
 * Aggregates complex facts over all rows (O(n), one pass plus one pass over the complexes).
 * Rows with `complex` null are not part of any complex.
 */
export function collectComplexes(rows: readonly StockRow[]): ComplexCollection {
  const accs: Accumulator[] = [];
  const rowComplex = new Int32Array(rows.length);
  const accIndex = new Map<string | null, Map<string, number>>();
  const presence: ColumnPresence = {
    complex: false, ontmoetingsruimte: false, complexgrootte: false, aandeel55plus: false,
    label55plus: false, wlz: false, bat: false, toegankelijkheidslabel: false,
  };
  let lastComplex: string | null = null;
  let lastOwner: string | null = null;
  let lastIndex = -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.bat !== null) presence.bat = true;
    if (row.toegankelijkheidslabel !== null) presence.toegankelijkheidslabel = true;
    if (row.complex === null) {
      rowComplex[i] = -1;
      continue;
    }
    presence.complex = true;
    let acc: Accumulator;
    let ci: number | undefined;
    if (row.complex === lastComplex && row.eigenaar === lastOwner) {
      // Exports are usually sorted by complex: skip the lookups for the next row of the same complex.
      ci = lastIndex;
      acc = accs[ci];
    } else {
      let byOwner = accIndex.get(row.eigenaar);
      if (byOwner === undefined) {
        byOwner = new Map();
        accIndex.set(row.eigenaar, byOwner);
      }
      ci = byOwner.get(row.complex);
      if (ci !== undefined) acc = accs[ci];
      else {
        acc = {
          facts: {
            complex: row.complex, eigenaar: row.eigenaar, ontmoetingsruimte: null, geteld: 0,
            grootteGegeven: null, woningen: 0, aandeel55plus: null, label55plusJa: 0, label55plusNee: 0,
            label55plusOnbekend: 0, wlz: null, conflicts: [], firstRow: row,
          },
          rooms: 0, maxGrootte: -Infinity, maxAandeel: -Infinity, wlzJa: false, wlzNee: false,
        };
        ci = accs.length;
        byOwner.set(row.complex, ci);
        accs.push(acc);
      }
      lastComplex = row.complex;
      lastOwner = row.eigenaar;
      lastIndex = ci;
    }
    rowComplex[i] = ci;
    const f = acc.facts;
    f.geteld += row.aantal;
    const room = row.ontmoetingsruimte;
    if (room !== null) {
      presence.ontmoetingsruimte = true;
      acc.rooms |= room === "inpandig" ? ROOM_INPANDIG : room === "aangrenzend" ? ROOM_AANGRENZEND : ROOM_GEEN;
    }
    const size = row.complexgrootte;
    if (size !== null) {
      presence.complexgrootte = true;
      if (f.grootteGegeven === null || size < f.grootteGegeven) f.grootteGegeven = size;
      if (size > acc.maxGrootte) acc.maxGrootte = size;
    }
    const share = row.aandeel55plus;
    if (share !== null) {
      presence.aandeel55plus = true;
      if (f.aandeel55plus === null || share < f.aandeel55plus) f.aandeel55plus = share;
      if (share > acc.maxAandeel) acc.maxAandeel = share;
    }
    if (row.label55plus === null) f.label55plusOnbekend += row.aantal;
    else {
      presence.label55plus = true;
      if (row.label55plus) f.label55plusJa += row.aantal;
      else f.label55plusNee += row.aantal;
    }
    if (row.wlz !== null) {
      presence.wlz = true;
      if (row.wlz) acc.wlzJa = true;
      else acc.wlzNee = true;
    }
  }
  const complexes = accs.map((acc) => {
    finish(acc);
    return acc.facts;
  });
  return { complexes, rowComplex, presence };
}

function finish(acc: Accumulator): void {
  const f = acc.facts;
  const r = acc.rooms;
  f.ontmoetingsruimte =
    r & ROOM_INPANDIG ? "inpandig" : r & ROOM_AANGRENZEND ? "aangrenzend" : r & ROOM_GEEN ? "geen" : null;
  if (r !== 0 && (r & (r - 1)) !== 0) {
    const seen = [r & ROOM_INPANDIG && "inpandig", r & ROOM_AANGRENZEND && "aangrenzend", r & ROOM_GEEN && "geen"]
      .filter((x): x is string => typeof x === "string");
    f.conflicts.push(`ontmoetingsruimte verschilt per rij (${seen.join(", ")}); ${f.ontmoetingsruimte} aangehouden`);
  }
  f.woningen = f.geteld;
  if (f.grootteGegeven !== null) {
    if (acc.maxGrootte !== f.grootteGegeven) {
      f.conflicts.push(
        `complexgrootte verschilt per rij (${formatGetal(f.grootteGegeven)} tot ${formatGetal(acc.maxGrootte)}); ${formatGetal(f.grootteGegeven)} aangehouden`,
      );
    }
    if (f.grootteGegeven < f.geteld) {
      f.conflicts.push(
        `complexgrootte ${formatGetal(f.grootteGegeven)} is kleiner dan het aantal woningen in de tabel (${formatGetal(f.geteld)}); ${formatGetal(f.geteld)} aangehouden`,
      );
    } else {
      f.woningen = f.grootteGegeven;
    }
  }
  if (f.aandeel55plus !== null && acc.maxAandeel !== f.aandeel55plus) {
    f.conflicts.push(
      `aandeel 55+ verschilt per rij (${formatPercentage(f.aandeel55plus)} tot ${formatPercentage(acc.maxAandeel)}); ${formatPercentage(f.aandeel55plus)} aangehouden`,
    );
  }
  f.wlz = acc.wlzJa ? true : acc.wlzNee ? false : null;
  if (acc.wlzJa && acc.wlzNee) f.conflicts.push("Wlz-zorg verschilt per rij (ja en nee); ja aangehouden");
}

/** "complex C12" or "complex C12 (Wonen Zuid)" when the owner is known.
 * @example complexName({ complex: "C12", eigenaar: "Wonen Zuid" }) === "complex C12 (Wonen Zuid)"; complexName({ complex: "C12", eigenaar: null }) === "complex C12" */
export function complexName(f: ComplexFacts): string {
  return f.eigenaar === null ? `complex ${f.complex}` : `complex ${f.complex} (${f.eigenaar})`;
}
