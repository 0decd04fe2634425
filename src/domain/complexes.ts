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
import { grown } from "./typed-arrays";
import type { StockRow } from "./types";
import { stockColumnsOf, type StockColumns, type StockRows } from "./stock-columns";
import { formatGetal, formatPercentage } from "./format";

const ROOM_INPANDIG = 1;
const ROOM_AANGRENZEND = 2;
const ROOM_GEEN = 4;

/** The conflicts of every complex without any (shared, frozen: most complexes have none). */
const NO_CONFLICTS: string[] = Object.freeze([]) as unknown as string[];

/**
 * A count or size read from a `Float64Array` as a small integer when it is one: V8 keeps an
 * object field that only ever gets small integers unboxed, where a value read from a
 * `Float64Array` as is makes the field a double, boxed in a number object of its own (five per
 * complex, every one copied by each young-generation collection). Same value (also for −0, which
 * stays a double): 24 gives the small integer 24, 2.5 gives 2.5.
 */
function intOrDouble(v: number): number {
  const i = v | 0;
  return i === v && (i !== 0 || 1 / v > 0) ? i : v;
}

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
  /** Dutch descriptions of conflicting values within the complex (empty when consistent; from
   * `collectComplexes` a shared frozen empty array then: read it, do not push). */
  conflicts: string[];
  /** First row of the complex (for messages). From `collectComplexes` a getter on the
   * prototype, made from the columns when first read (not an own property: a spread copy
   * `{ ...f }` does not have it). */
  firstRow: StockRow;
}

/** Keys of the columns and first row index behind a {@link CollectedFacts} (symbols: not
 * written by JSON.stringify, not listed by Object.keys). */
const COLS = Symbol("cols");
const FIRST = Symbol("first");
const ROW = Symbol("row");

/**
 * The facts of one complex as `collectComplexes` makes them: the fields of {@link ComplexFacts}
 * as own properties, and `firstRow` made from the columns when first read (then kept): most
 * complexes never need it, and a `StockRow` per complex was a tenth of `collectComplexes`' time.
 */
class CollectedFacts implements ComplexFacts {
  readonly complex: string;
  readonly eigenaar: string | null;
  ontmoetingsruimte: "inpandig" | "aangrenzend" | "geen" | null;
  geteld: number;
  grootteGegeven: number | null;
  woningen: number;
  aandeel55plus: number | null;
  label55plusJa: number;
  label55plusNee: number;
  label55plusOnbekend: number;
  wlz: boolean | null;
  conflicts: string[];
  private readonly [COLS]: StockColumns;
  private readonly [FIRST]: number;
  private [ROW]: StockRow | null;

  /** The fields in the order of {@link ComplexFacts} (as the object literal had them).
   * @param first index of the complex's first row in `cols`. */
  constructor(complex: string, eigenaar: string | null, cols: StockColumns, first: number) {
    this.complex = complex;
    this.eigenaar = eigenaar;
    this.ontmoetingsruimte = null;
    this.geteld = 0;
    this.grootteGegeven = null;
    this.woningen = 0;
    this.aandeel55plus = null;
    this.label55plusJa = 0;
    this.label55plusNee = 0;
    this.label55plusOnbekend = 0;
    this.wlz = null;
    this.conflicts = NO_CONFLICTS;
    this[COLS] = cols;
    this[FIRST] = first;
    this[ROW] = null;
  }

  get firstRow(): StockRow {
    let row = this[ROW];
    if (row === null) {
      row = this[COLS].row(this[FIRST]);
      this[ROW] = row;
    }
    return row;
  }
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

/** Meeting-room bits per column code (stock-columns.ts: 0 null, 1 inpandig, 2 aangrenzend, 3 geen). */
const ROOM_BITS = Uint8Array.of(0, ROOM_INPANDIG, ROOM_AANGRENZEND, ROOM_GEEN);
/** Wlz bits: a row said yes / no (flag codes 1 true, 2 false). */
const WLZ_JA = 1;
const WLZ_NEE = 2;

/**
 * Per complex (by index, in order of first appearance) the running aggregates, one typed array
 * per fact (grown by doubling): no object per complex until the facts are made at the end.
 * Sizes and shares: NaN while none is given.
 */
class Accumulators {
  n = 0;
  first = new Int32Array(0);
  geteld = new Float64Array(0);
  minGrootte = new Float64Array(0);
  maxGrootte = new Float64Array(0);
  minAandeel = new Float64Array(0);
  maxAandeel = new Float64Array(0);
  ja = new Float64Array(0);
  nee = new Float64Array(0);
  onbekend = new Float64Array(0);
  rooms = new Uint8Array(0);
  wlz = new Uint8Array(0);

  /** A new complex whose first row is `row`; @returns its index. */
  add(row: number): number {
    if (this.n === this.first.length) this.grow(Math.max(64, this.n * 2));
    const k = this.n++;
    this.first[k] = row;
    this.minGrootte[k] = NaN;
    this.maxGrootte[k] = NaN;
    this.minAandeel[k] = NaN;
    this.maxAandeel[k] = NaN;
    return k;
  }

  private grow(capacity: number): void {
    this.first = grown(this.first, capacity);
    this.geteld = grown(this.geteld, capacity);
    this.minGrootte = grown(this.minGrootte, capacity);
    this.maxGrootte = grown(this.maxGrootte, capacity);
    this.minAandeel = grown(this.minAandeel, capacity);
    this.maxAandeel = grown(this.maxAandeel, capacity);
    this.ja = grown(this.ja, capacity);
    this.nee = grown(this.nee, capacity);
    this.onbekend = grown(this.onbekend, capacity);
    this.rooms = grown(this.rooms, capacity);
    this.wlz = grown(this.wlz, capacity);
  }
}

/**
 * Aggregates complex facts over all rows (O(n), one pass plus one pass over the complexes).
 * Rows with `complex` null are not part of any complex.
 *
 * Performance: rows are read by column, a run of consecutive rows of one complex (exports are
 * usually sorted by complex) at a time, into local variables; one lookup of the complex per
 * run (a `Map` by owner and complex text codes), the aggregates per complex in typed arrays,
 * and one {@link ComplexFacts} object per complex made at the end. Each fact is accumulated in
 * row order, so sums are the same as row by row.
 * @param rows the stock rows, column-wise (read by column; an array is converted first).
 */
export function collectComplexes(rows: StockRows): ComplexCollection {
  const cols = stockColumnsOf(rows);
  const acc = new Accumulators();
  const rowComplex = new Int32Array(cols.length);
  const num = cols.num;
  const text = cols.text;
  const p = scanRows(
    acc, rowComplex, cols.length, new Map(), text.complex.codes, text.complex.values.length, text.eigenaar.codes, text.toegankelijkheidslabel.codes,
    num.bat, num.complexgrootte, num.aandeel55plus, cols.aantal, cols.ontmoetingsruimte, cols.label55plus, cols.wlz,
  );
  const presence: ColumnPresence = {
    complex: (p & HAS_COMPLEX) !== 0, ontmoetingsruimte: (p & HAS_ROOM) !== 0, complexgrootte: (p & HAS_SIZE) !== 0,
    aandeel55plus: (p & HAS_SHARE) !== 0, label55plus: (p & HAS_L55) !== 0, wlz: (p & HAS_WLZ) !== 0, bat: (p & HAS_BAT) !== 0,
    toegankelijkheidslabel: (p & HAS_LABEL) !== 0,
  };
  // Filled first: the same kind of array in every call (V8 threw the compiled loop away when a
  // later call's array, made as its allocation site had learnt, differed from the first's).
  const complexes: ComplexFacts[] = new Array<ComplexFacts>(acc.n).fill(null as unknown as ComplexFacts);
  factsOf(cols, acc, complexes, acc.n, text.complex.codes, text.eigenaar.codes, text.complex.values, text.eigenaar.values);
  return { complexes, rowComplex, presence };
}

/** Bits of {@link scanRows}' answer: the column holds a value on some row. */
const HAS_COMPLEX = 1;
const HAS_ROOM = 2;
const HAS_SIZE = 4;
const HAS_SHARE = 8;
const HAS_L55 = 16;
const HAS_WLZ = 32;
const HAS_BAT = 64;
const HAS_LABEL = 128;

/**
 * The row pass of {@link collectComplexes} (a function of its own, so that the optimised loop is
 * not thrown away for the code after it): fills `acc`, `rowComplex` (per row its complex's
 * index, −1 without complex) and `accIndex` (the complex's index by owner code × `complexTexts`
 * + complex code), reading the stock's columns given. Nothing follows the
 * loop but the return of a number made in it: V8 compiles the loop while it runs (on stack
 * replacement), before any code after it has run, and code after it that needs type feedback
 * (an object literal, a property store) threw that compiled loop away at its end on every call.
 * @returns which columns hold any value: the sum of the `HAS_…` bits.
 */
function scanRows(
  acc: Accumulators, rowComplex: Int32Array, n: number, accIndex: Map<number, number>, complexCodes: Uint32Array, complexTexts: number,
  ownerCodes: Uint32Array, labelCodes: Uint32Array, bat: Float64Array, sizes: Float64Array, shares: Float64Array, aantal: Float64Array,
  roomCodes: Uint8Array, label55plus: Uint8Array, wlzCodes: Uint8Array,
): number {
  // The columns (of `cols` in `collectComplexes`) and the empty map of complexes by (eigenaar,
  // complex) text codes come as arguments, nothing is read before the loop: V8 makes a
  // function's type feedback only once it has run a while, so what came before the loop in the
  // first call had none, and the function compiled for the second call was thrown away at its
  // first line in the third ("insufficient type feedback").
  let present = 0;
  let i = 0;
  while (i < n) {
    const cx = complexCodes[i];
    if (cx === 0) {
      if (bat[i] === bat[i]) present |= HAS_BAT;
      if (labelCodes[i] !== 0) present |= HAS_LABEL;
      rowComplex[i] = -1;
      i++;
      continue;
    }
    present |= HAS_COMPLEX;
    const ow = ownerCodes[i];
    // A small integer (no number object per lookup) while owners × complex texts stay below 2³⁰.
    const key = ow * complexTexts + cx;
    let k = accIndex.get(key);
    if (k === undefined) {
      k = acc.add(i);
      accIndex.set(key, k);
    }
    // The run of rows of this complex from row i, accumulated in row order.
    let geteld = acc.geteld[k];
    let minSize = acc.minGrootte[k];
    let maxSize = acc.maxGrootte[k];
    let minShare = acc.minAandeel[k];
    let maxShare = acc.maxAandeel[k];
    let ja = acc.ja[k];
    let nee = acc.nee[k];
    let onbekend = acc.onbekend[k];
    let rooms = acc.rooms[k];
    let wlz = acc.wlz[k];
    let l55Seen = 0;
    let j = i;
    do {
      if (bat[j] === bat[j]) present |= HAS_BAT;
      if (labelCodes[j] !== 0) present |= HAS_LABEL;
      rowComplex[j] = k;
      const a = aantal[j];
      geteld += a;
      rooms |= ROOM_BITS[roomCodes[j]];
      const size = sizes[j];
      if (size === size) {
        if (minSize !== minSize || size < minSize) minSize = size;
        if (maxSize !== maxSize || size > maxSize) maxSize = size;
      }
      const share = shares[j];
      if (share === share) {
        if (minShare !== minShare || share < minShare) minShare = share;
        if (maxShare !== maxShare || share > maxShare) maxShare = share;
      }
      // Flags: 0 null, 1 true, 2 false.
      const l55 = label55plus[j];
      l55Seen |= l55;
      if (l55 === 0) onbekend += a;
      else if (l55 === 1) ja += a;
      else nee += a;
      wlz |= wlzCodes[j];
      j++;
    } while (j < n && complexCodes[j] === cx && ownerCodes[j] === ow);
    if (rooms !== 0) present |= HAS_ROOM;
    if (minSize === minSize) present |= HAS_SIZE;
    if (minShare === minShare) present |= HAS_SHARE;
    if (l55Seen !== 0) present |= HAS_L55;
    if (wlz !== 0) present |= HAS_WLZ;
    acc.geteld[k] = geteld;
    acc.minGrootte[k] = minSize;
    acc.maxGrootte[k] = maxSize;
    acc.minAandeel[k] = minShare;
    acc.maxAandeel[k] = maxShare;
    acc.ja[k] = ja;
    acc.nee[k] = nee;
    acc.onbekend[k] = onbekend;
    acc.rooms[k] = rooms;
    acc.wlz[k] = wlz;
    i = j;
  }
  return present;
}

/** Fills `complexes` (`count` places, the number of complexes of `acc`) with one
 * {@link ComplexFacts} per complex, in order; the texts of complex and owner from the columns' codes and tables. */
function factsOf(
  cols: StockColumns, acc: Accumulators, complexes: ComplexFacts[], count: number,
  complexCodes: Uint32Array, ownerCodes: Uint32Array, complexTexts: readonly (string | null)[], ownerTexts: readonly (string | null)[],
): void {
  // The columns come as arguments, nothing is read before the loop (see `scanRows`).
  for (let k = 0; k < count; k++) {
    const r = acc.first[k];
    const f = new CollectedFacts(complexTexts[complexCodes[r]]!, ownerTexts[ownerCodes[r]], cols, r);
    f.geteld = intOrDouble(acc.geteld[k]);
    f.label55plusJa = intOrDouble(acc.ja[k]);
    f.label55plusNee = intOrDouble(acc.nee[k]);
    f.label55plusOnbekend = intOrDouble(acc.onbekend[k]);
    finish(f, acc, k);
    complexes[k] = f;
  }
}

/** The remaining facts of complex `k` and its conflicts (a new array only when there are any),
 * from its aggregates. */
function finish(f: ComplexFacts, acc: Accumulators, k: number): void {
  const conflicts: string[] = [];
  const r = acc.rooms[k];
  f.ontmoetingsruimte =
    r & ROOM_INPANDIG ? "inpandig" : r & ROOM_AANGRENZEND ? "aangrenzend" : r & ROOM_GEEN ? "geen" : null;
  if (r !== 0 && (r & (r - 1)) !== 0) {
    const seen = [r & ROOM_INPANDIG && "inpandig", r & ROOM_AANGRENZEND && "aangrenzend", r & ROOM_GEEN && "geen"]
      .filter((x): x is string => typeof x === "string");
    conflicts.push(`ontmoetingsruimte verschilt per rij (${seen.join(", ")}); ${f.ontmoetingsruimte} aangehouden`);
  }
  const minSize = acc.minGrootte[k];
  const maxSize = acc.maxGrootte[k];
  f.grootteGegeven = minSize === minSize ? intOrDouble(minSize) : null;
  f.woningen = f.geteld;
  if (f.grootteGegeven !== null) {
    if (maxSize !== f.grootteGegeven) {
      conflicts.push(
        `complexgrootte verschilt per rij (${formatGetal(f.grootteGegeven)} tot ${formatGetal(maxSize)}); ${formatGetal(f.grootteGegeven)} aangehouden`,
      );
    }
    if (f.grootteGegeven < f.geteld) {
      conflicts.push(
        `complexgrootte ${formatGetal(f.grootteGegeven)} is kleiner dan het aantal woningen in de tabel (${formatGetal(f.geteld)}); ${formatGetal(f.geteld)} aangehouden`,
      );
    } else {
      f.woningen = f.grootteGegeven;
    }
  }
  const minShare = acc.minAandeel[k];
  const maxShare = acc.maxAandeel[k];
  f.aandeel55plus = minShare === minShare ? minShare : null;
  if (f.aandeel55plus !== null && maxShare !== f.aandeel55plus) {
    conflicts.push(
      `aandeel 55+ verschilt per rij (${formatPercentage(f.aandeel55plus)} tot ${formatPercentage(maxShare)}); ${formatPercentage(f.aandeel55plus)} aangehouden`,
    );
  }
  const w = acc.wlz[k];
  f.wlz = w & WLZ_JA ? true : w & WLZ_NEE ? false : null;
  if ((w & WLZ_JA) !== 0 && (w & WLZ_NEE) !== 0) conflicts.push("Wlz-zorg verschilt per rij (ja en nee); ja aangehouden");
  if (conflicts.length > 0) f.conflicts = conflicts;
}

/** "complex C12" or "complex C12 (Wonen Zuid)" when the owner is known.
 * @example complexName({ complex: "C12", eigenaar: "Wonen Zuid" }) === "complex C12 (Wonen Zuid)"; complexName({ complex: "C12", eigenaar: null }) === "complex C12" */
export function complexName(f: ComplexFacts): string {
  return f.eigenaar === null ? `complex ${f.complex}` : `complex ${f.complex} (${f.eigenaar})`;
}
