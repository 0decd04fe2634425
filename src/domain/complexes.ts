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
import { stockColumnsOf, type StockRows } from "./stock-columns";
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
 * @param rows the stock rows, column-wise (read by column; an array is converted first).
 */
export function collectComplexes(rows: StockRows): ComplexCollection {
  const cols = stockColumnsOf(rows);
  const n = cols.length;
  const accs: Accumulator[] = [];
  const rowComplex = new Int32Array(n);
  // Per (eigenaar, complex) text codes: the complex's index.
  const accIndex = new Map<number, number>();
  const presence: ColumnPresence = {
    complex: false, ontmoetingsruimte: false, complexgrootte: false, aandeel55plus: false,
    label55plus: false, wlz: false, bat: false, toegankelijkheidslabel: false,
  };
  const complexCodes = cols.text.complex.codes;
  const complexTexts = cols.text.complex.values;
  const ownerCodes = cols.text.eigenaar.codes;
  const ownerTexts = cols.text.eigenaar.values;
  const labelCodes = cols.text.toegankelijkheidslabel.codes;
  const { bat, complexgrootte: sizes, aandeel55plus: shares } = cols.num;
  const { aantal, ontmoetingsruimte: rooms, label55plus, wlz } = cols;
  let lastComplex = -1;
  let lastOwner = -1;
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    if (bat[i] === bat[i]) presence.bat = true;
    if (labelCodes[i] !== 0) presence.toegankelijkheidslabel = true;
    const cx = complexCodes[i];
    if (cx === 0) {
      rowComplex[i] = -1;
      continue;
    }
    presence.complex = true;
    const ow = ownerCodes[i];
    let acc: Accumulator;
    let ci: number | undefined;
    if (cx === lastComplex && ow === lastOwner) {
      // Exports are usually sorted by complex: skip the lookups for the next row of the same complex.
      ci = lastIndex;
      acc = accs[ci];
    } else {
      const key = ow * 4294967296 + cx;
      ci = accIndex.get(key);
      if (ci !== undefined) acc = accs[ci];
      else {
        acc = {
          facts: {
            complex: complexTexts[cx]!, eigenaar: ownerTexts[ow], ontmoetingsruimte: null, geteld: 0,
            grootteGegeven: null, woningen: 0, aandeel55plus: null, label55plusJa: 0, label55plusNee: 0,
            label55plusOnbekend: 0, wlz: null, conflicts: [], firstRow: cols.row(i),
          },
          rooms: 0, maxGrootte: -Infinity, maxAandeel: -Infinity, wlzJa: false, wlzNee: false,
        };
        ci = accs.length;
        accIndex.set(key, ci);
        accs.push(acc);
      }
      lastComplex = cx;
      lastOwner = ow;
      lastIndex = ci;
    }
    rowComplex[i] = ci;
    const f = acc.facts;
    const a = aantal[i];
    f.geteld += a;
    const room = rooms[i];
    if (room !== 0) {
      presence.ontmoetingsruimte = true;
      // Codes 1 inpandig, 2 aangrenzend, 3 geen (stock-columns.ts).
      acc.rooms |= room === 1 ? ROOM_INPANDIG : room === 2 ? ROOM_AANGRENZEND : ROOM_GEEN;
    }
    const size = sizes[i];
    if (size === size) {
      presence.complexgrootte = true;
      if (f.grootteGegeven === null || size < f.grootteGegeven) f.grootteGegeven = size;
      if (size > acc.maxGrootte) acc.maxGrootte = size;
    }
    const share = shares[i];
    if (share === share) {
      presence.aandeel55plus = true;
      if (f.aandeel55plus === null || share < f.aandeel55plus) f.aandeel55plus = share;
      if (share > acc.maxAandeel) acc.maxAandeel = share;
    }
    // Flags: 0 null, 1 true, 2 false.
    const l55 = label55plus[i];
    if (l55 === 0) f.label55plusOnbekend += a;
    else {
      presence.label55plus = true;
      if (l55 === 1) f.label55plusJa += a;
      else f.label55plusNee += a;
    }
    const w = wlz[i];
    if (w !== 0) {
      presence.wlz = true;
      if (w === 1) acc.wlzJa = true;
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
