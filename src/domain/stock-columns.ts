/**
 * The stock rows held column-wise: one typed array per number, flag or code list, one index per
 * row into a table of distinct texts per text column, and the ids as code units in one typed
 * array (id-store.ts: no string per row until an id is read). A
 * `StockRow` object is made only when one row is needed (`row(i)`: messages, reports, the
 * re-classified batches of the potentials and the what-if, the task pane, tests); the domain
 * core reads the columns. Pure: no I/O.
 *
 * Memory per row: about 100 bytes of typed arrays plus 8 bytes and the id's code units, where a
 * `StockRow` object was about 240 bytes (27 fields of 8 bytes) plus its boxed numbers and its
 * array slot; and a handful of arrays to mark in a full garbage collection instead of a million
 * objects (docs/performance.md, "The stock held column-wise" and "The domain core: what it
 * allocates and holds").
 *
 * Encoding: numbers as `Float64Array` with NaN for null (a NaN value cannot be stored: it reads
 * back as null; ingest never makes one); flags and code lists as `Uint8Array` with 0 for null;
 * texts as `Uint32Array` codes into a per-column table whose code 0 is null; `rowNumber` as
 * `Int32Array` (Excel rows, 1..1,048,576).
 */
import type { BatScale, SegmentSoort, StockRow, Zorgprofiel } from "./types";
import { IdStore } from "./id-store";

/** The text fields of a `StockRow`, each held as codes into its own table of distinct texts. */
export const TEXT_FIELDS = [
  "sheet", "complex", "toegankelijkheidslabel", "woonvorm", "eenheiddetailsoort", "gemeente", "buurt", "wijk", "eigenaar", "segment", "woningtype",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The complex facts a lever changes on every row of a complex (clustering.ts, zorgpotentieel.ts). */
export type ComplexFactFields = Partial<Pick<StockRow, "ontmoetingsruimte" | "complexgrootte" | "aandeel55plus" | "wlz">>;

/** The numeric fields that may be null (`aantal` is never null). */
const NUMBER_FIELDS = ["bat", "bouwlaag", "bouwjaar", "complexgrootte", "aandeel55plus"] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

const BAT_SCALES: readonly (BatScale | null)[] = [null, "limburg", "vera"];
const SEGMENT_SOORTEN: readonly (SegmentSoort | null)[] = [null, "huur", "koop"];
const ROOMS: readonly StockRow["ontmoetingsruimte"][] = [null, "inpandig", "aangrenzend", "geen"];
const PROFILES: readonly (Zorgprofiel | null)[] = [null, "SOM", "PG"];
const BOOLEANS: readonly (boolean | null)[] = [null, true, false];

/** A stored number, or null for NaN. */
function nul(v: number): number | null {
  return v === v ? v : null;
}

/** Code of a value in a small list (0 for null; an absent field of a partial row, undefined, too).
 * @throws RangeError for a value not in the list (a bug). */
function codeOf<T>(list: readonly T[], v: T | undefined): number {
  const c = list.indexOf(v ?? (null as T));
  if (c < 0) throw new RangeError(`stock-columns: unexpected value ${String(v)}`);
  return c;
}

/** One text column: per row a code; `values[code]` the text (code 0: null). */
class TextColumn {
  codes: Uint32Array;
  values: (string | null)[] = [null];
  private index = new Map<string, number>();
  /** The last text set and its code: tables are often sorted, so the next row repeats it. */
  private lastText: string | null = null;
  private lastCode = 0;

  constructor(capacity: number) {
    this.codes = new Uint32Array(capacity);
  }

  /** A column with the given codes into this column's table (shared, not copied). */
  sharing(codes: Uint32Array): TextColumn {
    const c = new TextColumn(0);
    c.codes = codes;
    c.values = this.values;
    c.index = this.index;
    return c;
  }

  /** The code of text `v` in this column's table (0 for null), or undefined when no row has it. */
  codeOf(v: string | null): number | undefined {
    return v === null ? 0 : this.index.get(v);
  }

  set(i: number, v: string | null | undefined): void {
    if (v === null || v === undefined) {
      this.codes[i] = 0;
      return;
    }
    if (v === this.lastText) {
      this.codes[i] = this.lastCode;
      return;
    }
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.index.set(v, c);
    }
    this.lastText = v;
    this.lastCode = c;
    this.codes[i] = c;
  }
}

/** `a` at the indices `idx`, in that order: in the memory of `into` when it is large enough
 * (a view on its buffer), else in a new array. One function per element type, so that each
 * stays monomorphic (a generic one was most of `subset`'s time in a profile). */
function pickF64(a: Float64Array, idx: Int32Array, into: Float64Array | undefined): Float64Array {
  const b = into !== undefined && into.buffer.byteLength >= idx.length * 8 ? new Float64Array(into.buffer, 0, idx.length) : new Float64Array(idx.length);
  for (let j = 0; j < idx.length; j++) b[j] = a[idx[j]];
  return b;
}
function pickU32(a: Uint32Array, idx: Int32Array, into: Uint32Array | undefined): Uint32Array {
  const b = into !== undefined && into.buffer.byteLength >= idx.length * 4 ? new Uint32Array(into.buffer, 0, idx.length) : new Uint32Array(idx.length);
  for (let j = 0; j < idx.length; j++) b[j] = a[idx[j]];
  return b;
}
function pickI32(a: Int32Array, idx: Int32Array, into: Int32Array | undefined): Int32Array {
  const b = into !== undefined && into.buffer.byteLength >= idx.length * 4 ? new Int32Array(into.buffer, 0, idx.length) : new Int32Array(idx.length);
  for (let j = 0; j < idx.length; j++) b[j] = a[idx[j]];
  return b;
}
function pickU8(a: Uint8Array, idx: Int32Array, into: Uint8Array | undefined): Uint8Array {
  const b = into !== undefined && into.buffer.byteLength >= idx.length ? new Uint8Array(into.buffer, 0, idx.length) : new Uint8Array(idx.length);
  for (let j = 0; j < idx.length; j++) b[j] = a[idx[j]];
  return b;
}

/** Grows a typed array to `capacity`, keeping its first `n` values. */
function grown<T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(a: T, capacity: number, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a.subarray(0, n));
  return b;
}

/**
 * Stock rows column-wise. Fill with {@link StockColumns.push} (the stock reader, one row at a
 * time) or make with {@link StockColumns.fromRows}; read with {@link StockColumns.row} or the
 * columns. Rows are only appended, set aside (`keep`) or given their BAT (`setBat`) while the
 * table is read; after that, treat it as read-only.
 */
export class StockColumns {
  private n = 0;
  private capacity: number;
  /** Per text field its column (codes and table of texts). */
  readonly text: Record<TextField, TextColumn>;
  rowNumber: Int32Array;
  /** The ids (VHE numbers), read with {@link StockColumns.id}; null for rows without one. */
  private ids: IdStore;
  aantal: Float64Array;
  /** Nullable numbers, NaN for null. */
  readonly num: Record<NumberField, Float64Array>;
  /** Codes: batScale 0 null, 1 limburg, 2 vera; segmentSoort 0 null, 1 huur, 2 koop;
   * ontmoetingsruimte 0 null, 1 inpandig, 2 aangrenzend, 3 geen; zorgprofiel 0 null, 1 SOM, 2 PG;
   * flags (lift, label55plus, wlz, zelfstandig) 0 null, 1 true, 2 false. */
  batScale: Uint8Array;
  segmentSoort: Uint8Array;
  ontmoetingsruimte: Uint8Array;
  zorgprofiel: Uint8Array;
  lift: Uint8Array;
  label55plus: Uint8Array;
  wlz: Uint8Array;
  zelfstandig: Uint8Array;

  /** @param capacity rows to allocate for at first (grows by doubling). */
  constructor(capacity = 1024) {
    this.capacity = Math.max(1, capacity);
    const c = this.capacity;
    // Object literals (not Object.fromEntries): a fixed shape, so reading a column is a field
    // load and not a dictionary lookup (it was most of `row`'s time in a profile).
    this.text = {
      sheet: new TextColumn(c), complex: new TextColumn(c), toegankelijkheidslabel: new TextColumn(c), woonvorm: new TextColumn(c),
      eenheiddetailsoort: new TextColumn(c), gemeente: new TextColumn(c), buurt: new TextColumn(c), wijk: new TextColumn(c),
      eigenaar: new TextColumn(c), segment: new TextColumn(c), woningtype: new TextColumn(c),
    };
    this.rowNumber = new Int32Array(c);
    this.ids = new IdStore(c);
    this.aantal = new Float64Array(c);
    this.num = {
      bat: new Float64Array(c), bouwlaag: new Float64Array(c), bouwjaar: new Float64Array(c),
      complexgrootte: new Float64Array(c), aandeel55plus: new Float64Array(c),
    };
    this.batScale = new Uint8Array(c);
    this.segmentSoort = new Uint8Array(c);
    this.ontmoetingsruimte = new Uint8Array(c);
    this.zorgprofiel = new Uint8Array(c);
    this.lift = new Uint8Array(c);
    this.label55plus = new Uint8Array(c);
    this.wlz = new Uint8Array(c);
    this.zelfstandig = new Uint8Array(c);
  }

  /**
   * The rows of an array, column-wise (tests, small tables: wide BAT and cross tables). O(n).
   * @example StockColumns.fromRows([]).length === 0
   */
  static fromRows(rows: readonly StockRow[]): StockColumns {
    const c = new StockColumns(rows.length);
    for (const r of rows) c.push(r);
    return c;
  }

  /** Number of rows. */
  get length(): number {
    return this.n;
  }

  /** Appends a row (its values are copied; the object is not kept; a field absent from a
   * partial row, as in the examples of aggregate.ts, is stored as null). @throws RangeError for
   * a value outside its field's list (a bug in the caller). */
  push(r: StockRow): void {
    if (this.n === this.capacity) this.grow(this.capacity * 2);
    this.set(this.n++, r);
  }

  private set(i: number, r: StockRow): void {
    const t = this.text;
    t.sheet.set(i, r.sheet);
    t.complex.set(i, r.complex);
    t.toegankelijkheidslabel.set(i, r.toegankelijkheidslabel);
    t.woonvorm.set(i, r.woonvorm);
    t.eenheiddetailsoort.set(i, r.eenheiddetailsoort);
    t.gemeente.set(i, r.gemeente);
    t.buurt.set(i, r.buurt);
    t.wijk.set(i, r.wijk);
    t.eigenaar.set(i, r.eigenaar);
    t.segment.set(i, r.segment);
    t.woningtype.set(i, r.woningtype);
    this.rowNumber[i] = r.rowNumber;
    this.ids.set(i, r.id);
    this.aantal[i] = r.aantal;
    const num = this.num;
    num.bat[i] = r.bat ?? NaN;
    num.bouwlaag[i] = r.bouwlaag ?? NaN;
    num.bouwjaar[i] = r.bouwjaar ?? NaN;
    num.complexgrootte[i] = r.complexgrootte ?? NaN;
    num.aandeel55plus[i] = r.aandeel55plus ?? NaN;
    this.batScale[i] = codeOf(BAT_SCALES, r.batScale);
    this.segmentSoort[i] = codeOf(SEGMENT_SOORTEN, r.segmentSoort);
    this.ontmoetingsruimte[i] = codeOf(ROOMS, r.ontmoetingsruimte);
    this.zorgprofiel[i] = codeOf(PROFILES, r.zorgprofiel);
    this.lift[i] = codeOf(BOOLEANS, r.lift);
    this.label55plus[i] = codeOf(BOOLEANS, r.label55plus);
    this.wlz[i] = codeOf(BOOLEANS, r.wlz);
    this.zelfstandig[i] = codeOf(BOOLEANS, r.zelfstandig);
  }

  private grow(capacity: number): void {
    const n = this.n;
    for (const f of TEXT_FIELDS) this.text[f].codes = grown(this.text[f].codes, capacity, n);
    this.rowNumber = grown(this.rowNumber, capacity, n);
    this.ids.reserve(capacity);
    this.aantal = grown(this.aantal, capacity, n);
    for (const f of NUMBER_FIELDS) this.num[f] = grown(this.num[f], capacity, n);
    this.batScale = grown(this.batScale, capacity, n);
    this.segmentSoort = grown(this.segmentSoort, capacity, n);
    this.ontmoetingsruimte = grown(this.ontmoetingsruimte, capacity, n);
    this.zorgprofiel = grown(this.zorgprofiel, capacity, n);
    this.lift = grown(this.lift, capacity, n);
    this.label55plus = grown(this.label55plus, capacity, n);
    this.wlz = grown(this.wlz, capacity, n);
    this.zelfstandig = grown(this.zelfstandig, capacity, n);
    this.capacity = capacity;
  }

  /** Gives row `i` its settled BAT level and scale (stock-scale.ts). */
  setBat(i: number, level: number, scale: BatScale): void {
    this.num.bat[i] = level;
    this.batScale[i] = codeOf(BAT_SCALES, scale);
  }

  /**
   * Sets the given complex facts of rows `i` to `end - 1` (of a copy, when re-classifying with a
   * changed fact: reclassify.ts); the facts absent from `facts` stay. @param end one past the
   * last row (default `i + 1`). @throws RangeError for a value outside its field's list (a bug
   * in the caller).
   * @example ((c) => (c.setFacts(0, { wlz: true, complexgrootte: null }), [c.row(0).wlz, c.row(0).complexgrootte]))(StockColumns.fromRows([{ aantal: 1, complexgrootte: 8 }])) === [true, null]
   */
  setFacts(i: number, facts: ComplexFactFields, end = i + 1): void {
    if (facts.ontmoetingsruimte !== undefined) this.ontmoetingsruimte.fill(codeOf(ROOMS, facts.ontmoetingsruimte), i, end);
    if (facts.complexgrootte !== undefined) this.num.complexgrootte.fill(facts.complexgrootte ?? NaN, i, end);
    if (facts.aandeel55plus !== undefined) this.num.aandeel55plus.fill(facts.aandeel55plus ?? NaN, i, end);
    if (facts.wlz !== undefined) this.wlz.fill(codeOf(BOOLEANS, facts.wlz), i, end);
  }

  /**
   * Keeps the rows for which `keep(i)` holds, in order, and drops the rest (rows set aside
   * while reading). O(n), in place.
   */
  keep(keep: (i: number) => boolean): void {
    let w = 0;
    for (let i = 0; i < this.n; i++) {
      if (!keep(i)) continue;
      if (w !== i) this.move(i, w);
      w++;
    }
    this.n = w;
  }

  private move(from: number, to: number): void {
    for (const f of TEXT_FIELDS) this.text[f].codes[to] = this.text[f].codes[from];
    this.rowNumber[to] = this.rowNumber[from];
    this.ids.move(from, to);
    this.aantal[to] = this.aantal[from];
    for (const f of NUMBER_FIELDS) this.num[f][to] = this.num[f][from];
    this.batScale[to] = this.batScale[from];
    this.segmentSoort[to] = this.segmentSoort[from];
    this.ontmoetingsruimte[to] = this.ontmoetingsruimte[from];
    this.zorgprofiel[to] = this.zorgprofiel[from];
    this.lift[to] = this.lift[from];
    this.label55plus[to] = this.label55plus[from];
    this.wlz[to] = this.wlz[from];
    this.zelfstandig[to] = this.zelfstandig[from];
  }

  /**
   * The rows at `indices`, in that order, as columns of their own that share this one's tables
   * of texts (for re-classifying a batch of rows with one fact changed: change it with `setBat`
   * on the copy, no `StockRow` made). Do not `push` into the copy. O(indices × columns).
   * @param options.ids copy the ids too (default); false: the copy's rows have id null (for
   *   re-classifying, which never reads an id; copying them was most of the time of a copy).
   * @param options.reuse an earlier copy of this table that is no longer needed: its memory is
   *   reused where large enough (the earlier copy's contents are then overwritten), so that a
   *   series of batch copies allocates its columns once.
   * @example StockColumns.fromRows([]).subset([]).length === 0; StockColumns.fromRows([{ aantal: 1, id: "V1" }]).subset([0], { ids: false }).row(0).id === null
   */
  subset(indices: ArrayLike<number>, options: { ids?: boolean; reuse?: StockColumns | null } = {}): StockColumns {
    const m = indices.length;
    const s = new StockColumns(1);
    const idx = indices instanceof Int32Array ? indices : Int32Array.from(indices);
    const r = options.reuse;
    for (const f of TEXT_FIELDS) s.text[f] = this.text[f].sharing(pickU32(this.text[f].codes, idx, r?.text[f].codes));
    s.rowNumber = pickI32(this.rowNumber, idx, r?.rowNumber);
    s.aantal = pickF64(this.aantal, idx, r?.aantal);
    for (const f of NUMBER_FIELDS) s.num[f] = pickF64(this.num[f], idx, r?.num[f]);
    s.batScale = pickU8(this.batScale, idx, r?.batScale);
    s.segmentSoort = pickU8(this.segmentSoort, idx, r?.segmentSoort);
    s.ontmoetingsruimte = pickU8(this.ontmoetingsruimte, idx, r?.ontmoetingsruimte);
    s.zorgprofiel = pickU8(this.zorgprofiel, idx, r?.zorgprofiel);
    s.lift = pickU8(this.lift, idx, r?.lift);
    s.label55plus = pickU8(this.label55plus, idx, r?.label55plus);
    s.wlz = pickU8(this.wlz, idx, r?.wlz);
    s.zelfstandig = pickU8(this.zelfstandig, idx, r?.zelfstandig);
    if (options.ids ?? true) s.ids = this.ids.pick(idx);
    s.n = m;
    s.capacity = m;
    return s;
  }

  /**
   * A view of the same rows that shares every column and text table with this one except the
   * BAT and its scale, which are copied: `setBat` on the view leaves this table alone (the
   * what-if's adapted dwellings, whatif.ts). Do not `push` into the view. O(n) for two columns.
   * @example ((c) => (c.withOwnBat().setBat(0, 5, "limburg"), c.bat(0)))(StockColumns.fromRows([{ aantal: 1, bat: 2 }])) === 2
   */
  withOwnBat(): StockColumns {
    const v = new StockColumns(1);
    for (const f of TEXT_FIELDS) v.text[f] = this.text[f];
    v.rowNumber = this.rowNumber;
    v.ids = this.ids;
    v.aantal = this.aantal;
    for (const f of NUMBER_FIELDS) v.num[f] = this.num[f];
    v.num.bat = this.num.bat.slice();
    v.batScale = this.batScale.slice();
    v.segmentSoort = this.segmentSoort;
    v.ontmoetingsruimte = this.ontmoetingsruimte;
    v.zorgprofiel = this.zorgprofiel;
    v.lift = this.lift;
    v.label55plus = this.label55plus;
    v.wlz = this.wlz;
    v.zelfstandig = this.zelfstandig;
    v.n = this.n;
    v.capacity = this.n;
    return v;
  }

  /** Frees the room allocated beyond the rows (after reading; copies each column once when more
   * than a quarter of it is unused). */
  trim(): void {
    this.ids.trim(this.n);
    if (this.capacity <= this.n + (this.n >> 2)) return;
    this.grow(Math.max(1, this.n));
  }

  /** Text of field `f` of row `i`. */
  textAt(f: TextField, i: number): string | null {
    const col = this.text[f];
    return col.values[col.codes[i]];
  }

  /** The id of row `i` (a string made on each call), or null. */
  id(i: number): string | null {
    return this.ids.get(i);
  }

  /** The BAT level of row `i`, or null. */
  bat(i: number): number | null {
    const v = this.num.bat[i];
    return v === v ? v : null;
  }

  /** Whether row `i`'s building has a lift, or null. */
  liftAt(i: number): boolean | null {
    return BOOLEANS[this.lift[i]];
  }

  /** The floor of row `i`'s entrance, or null. */
  bouwlaagAt(i: number): number | null {
    return nul(this.num.bouwlaag[i]);
  }

  /** The normalised segment of row `i`, or null. */
  segmentSoortAt(i: number): SegmentSoort | null {
    return SEGMENT_SOORTEN[this.segmentSoort[i]];
  }

  /** The zorgprofiel of row `i` as read (SOM, PG), or null. */
  zorgprofielAt(i: number): Zorgprofiel | null {
    return PROFILES[this.zorgprofiel[i]];
  }

  /** The scale of row `i`'s BAT, or null. */
  batScaleAt(i: number): BatScale | null {
    return BAT_SCALES[this.batScale[i]];
  }

  /**
   * Row `i` as a `StockRow`: a new plain object with every field (so a copy with one fact
   * changed, `{ ...row, wlz: true }`, is complete), made on each call.
   * @param i 0-based; @throws RangeError when out of range.
   */
  row(i: number): StockRow {
    if (!(i >= 0 && i < this.n)) throw new RangeError(`row ${i} of ${this.n}`);
    const t = this.text;
    const num = this.num;
    return {
      sheet: t.sheet.values[t.sheet.codes[i]]!,
      rowNumber: this.rowNumber[i],
      id: this.ids.get(i),
      complex: t.complex.values[t.complex.codes[i]],
      bat: nul(num.bat[i]),
      batScale: BAT_SCALES[this.batScale[i]],
      toegankelijkheidslabel: t.toegankelijkheidslabel.values[t.toegankelijkheidslabel.codes[i]],
      woonvorm: t.woonvorm.values[t.woonvorm.codes[i]],
      eenheiddetailsoort: t.eenheiddetailsoort.values[t.eenheiddetailsoort.codes[i]],
      aantal: this.aantal[i],
      gemeente: t.gemeente.values[t.gemeente.codes[i]],
      buurt: t.buurt.values[t.buurt.codes[i]],
      wijk: t.wijk.values[t.wijk.codes[i]],
      eigenaar: t.eigenaar.values[t.eigenaar.codes[i]],
      segment: t.segment.values[t.segment.codes[i]],
      segmentSoort: SEGMENT_SOORTEN[this.segmentSoort[i]],
      woningtype: t.woningtype.values[t.woningtype.codes[i]],
      bouwlaag: nul(num.bouwlaag[i]),
      lift: BOOLEANS[this.lift[i]],
      bouwjaar: nul(num.bouwjaar[i]),
      ontmoetingsruimte: ROOMS[this.ontmoetingsruimte[i]],
      complexgrootte: nul(num.complexgrootte[i]),
      aandeel55plus: nul(num.aandeel55plus[i]),
      label55plus: BOOLEANS[this.label55plus[i]],
      wlz: BOOLEANS[this.wlz[i]],
      zorgprofiel: PROFILES[this.zorgprofiel[i]],
      zelfstandig: BOOLEANS[this.zelfstandig[i]],
    };
  }

  /** Every row as an object (tests and small tables only). O(n). */
  toArray(): StockRow[] {
    const out: StockRow[] = new Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = this.row(i);
    return out;
  }
}

/** Stock rows in either form: column-wise, or as an array of objects (tests, small callers). */
export type StockRows = StockColumns | readonly StockRow[];

/** The rows column-wise: themselves, or {@link StockColumns.fromRows} of an array (O(n)). */
export function stockColumnsOf(rows: StockRows): StockColumns {
  return rows instanceof StockColumns ? rows : StockColumns.fromRows(rows);
}
