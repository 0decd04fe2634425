/**
 * Dwelling ids (VHE numbers) of a stock table held as the code units of all ids in one typed
 * array, with per row the start and length of its id: a text is made only when an id is read
 * (`get`). A million ids held as strings were a million objects, about 44 MB of the 58 MB that a
 * 1,048,575-row stock left on the JavaScript heap, all marked by every full garbage collection
 * during the domain core (docs/performance.md, "The domain core: what it allocates and
 * holds"); here they are three arrays outside the heap, about 18 bytes per row of 10 characters.
 *
 * Encoding: the code units of each id (UTF-16, as `charCodeAt` gives them, lone surrogates
 * included, so every string comes back exactly) appended to `units`: one byte per unit while
 * every unit seen is below 256, two bytes from the first that is not (the units written so far
 * are widened once). Per row `start` (index into `units`) and `len` (units), `len` −1 for null.
 * Rows can be moved and picked without touching the units; units of rows dropped or overwritten
 * stay until the store is dropped (the stock reader drops few rows). Reading an id makes one
 * string (two for ids of up to 16 units): about 25-45 ms per million VHE numbers, where an array
 * of strings gave them for nothing; the reports read each id once. Pure: no I/O.
 */

/** Code units of one id read with one `String.fromCharCode` call at most (the call's arguments
 * are limited; longer ids are read in pieces of this size). */
const CHUNK = 8192;
/** Ids of at most this many code units are read with one call of a fixed number of arguments. */
const SHORT = 16;
/** Units kept free after the last id, so that reading {@link SHORT} units from any id's start
 * stays within the array. */
const SLACK = SHORT;

/**
 * Ids per row index. Set with {@link IdStore.set}, read with {@link IdStore.get}; rows start as
 * null. Grows as rows and units are added.
 */
export class IdStore {
  /** Code units of every id set, in order of setting; shared with the stores {@link pick} makes. */
  private units: Uint8Array | Uint16Array;
  /** Units in use. */
  private used = 0;
  /** Per row: index of its first unit, and its number of units (−1: null). */
  private start: Uint32Array;
  private len: Int32Array;

  /** @param capacity rows to allocate for at first (grows by doubling). */
  constructor(capacity = 1024) {
    const c = Math.max(1, capacity);
    this.start = new Uint32Array(c);
    this.len = new Int32Array(c).fill(-1);
    this.units = new Uint8Array(c * 8 + SLACK);
  }

  /** Rows allocated for (ids of rows at or beyond are null). */
  get capacity(): number {
    return this.len.length;
  }

  /** Makes room for rows `0 .. capacity − 1`, keeping the rows below (new rows are null). */
  reserve(capacity: number): void {
    if (capacity <= this.len.length) return;
    const start = new Uint32Array(capacity);
    start.set(this.start);
    const len = new Int32Array(capacity).fill(-1);
    len.set(this.len);
    this.start = start;
    this.len = len;
  }

  /**
   * Sets the id of row `i` (growing the rows when `i` is beyond them).
   * @param i 0-based row index; @param id the id (any string: empty, unicode, any length), or
   *   null / undefined for none.
   * @throws RangeError when the units of all ids together would pass 2^32 − 1 (4 G code units).
   */
  set(i: number, id: string | null | undefined): void {
    if (i >= this.len.length) this.reserve(Math.max(i + 1, this.len.length * 2));
    if (id === null || id === undefined) {
      this.len[i] = -1;
      return;
    }
    const m = id.length;
    let units = this.units;
    const at = this.used;
    if (at + m + SLACK > units.length) units = this.grow(at + m + SLACK);
    if (units instanceof Uint8Array) {
      for (let k = 0; k < m; k++) {
        const u = id.charCodeAt(k);
        if (u > 0xff) {
          units = this.widen();
          for (let q = k; q < m; q++) units[at + q] = id.charCodeAt(q);
          break;
        }
        units[at + k] = u;
      }
    } else {
      for (let k = 0; k < m; k++) units[at + k] = id.charCodeAt(k);
    }
    this.start[i] = at;
    this.len[i] = m;
    this.used = at + m;
  }

  /** The id of row `i` (a new string on each call, equal to the one set), or null (also for a
   * row never set or beyond the rows). */
  get(i: number): string | null {
    const m = i < this.len.length ? this.len[i] : -1;
    if (m < 0) return null;
    const a = this.start[i];
    const units = this.units;
    if (m <= SHORT) {
      // One call with a fixed number of units, cut to the id's length: two strings and no view
      // object per call, about 4 × faster than joining unit by unit for VHE numbers. The units
      // read past the id are other ids' or the room kept after the last ({@link SLACK}).
      const u = units;
      return String.fromCharCode(
        u[a], u[a + 1], u[a + 2], u[a + 3], u[a + 4], u[a + 5], u[a + 6], u[a + 7],
        u[a + 8], u[a + 9], u[a + 10], u[a + 11], u[a + 12], u[a + 13], u[a + 14], u[a + 15],
      ).slice(0, m);
    }
    if (m <= CHUNK) return String.fromCharCode.apply(null, units.subarray(a, a + m) as unknown as number[]);
    let s = "";
    for (let k = 0; k < m; k += CHUNK) {
      s += String.fromCharCode.apply(null, units.subarray(a + k, a + Math.min(m, k + CHUNK)) as unknown as number[]);
    }
    return s;
  }

  /** Gives row `to` the id of row `from` (both within the rows; no units copied). */
  move(from: number, to: number): void {
    this.start[to] = this.start[from];
    this.len[to] = this.len[from];
  }

  /**
   * A store whose row `j` has the id of row `indices[j]` of this one (sharing this store's
   * units: later `set`s on either store do not change the other's ids).
   * @param indices rows of this store, any order, repeats allowed.
   */
  pick(indices: Int32Array): IdStore {
    const s = new IdStore(indices.length);
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j];
      s.start[j] = this.start[i];
      s.len[j] = this.len[i];
    }
    s.units = this.units;
    s.used = this.units.length;
    return s;
  }

  /** Frees the rows from `n` on and the unused room (after reading; copies once). */
  trim(n: number): void {
    this.start = this.start.slice(0, Math.max(1, n));
    this.len = this.len.slice(0, Math.max(1, n));
    if (n === 0) this.len[0] = -1;
    if (this.units.length > this.used + (this.used >> 2) + SLACK) this.units = this.units.slice(0, this.used + SLACK);
  }

  /** Room for at least `need` units (doubling), in the current width. */
  private grow(need: number): Uint8Array | Uint16Array {
    const capacity = Math.max(need, this.units.length * 2);
    if (capacity > 0xffffffff) throw new RangeError(`IdStore: ${capacity} code units of ids`);
    const units = this.units instanceof Uint8Array ? new Uint8Array(capacity) : new Uint16Array(capacity);
    units.set(this.units.subarray(0, this.used));
    this.units = units;
    return units;
  }

  /** The units as two bytes each from now on (the units so far widened). */
  private widen(): Uint16Array {
    const units = new Uint16Array(this.units.length);
    units.set(this.units);
    this.units = units;
    return units;
  }
}
