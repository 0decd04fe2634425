/**
 * The cells of one sheet of the in-memory Excel host, stored by column in blocks of 4,096 rows
 * so that a sheet of 1,048,576 rows × 15 columns (Excel's largest) costs a few hundred MB and
 * whole-column operations stay fast. Small sheets only allocate the blocks they touch, and a
 * block's arrays start with 64 slots, grow to 128 and then to the whole 4,096 as rows further
 * down are written: the slots past a block's length are empty cells, so a sheet of 60 rows keeps
 * 64 slots per column instead of 4,096 (the tests build and copy such workbooks thousands of
 * times). Large blocks in one step with new arrays: doubling all the way, or growing the value
 * array by `push`, made the slow office-scale suite (1,048,575 rows) 12-25 % slower.
 *
 * Per cell: a value slot (the value, an error text, or a formula's cached value), a kind byte
 * (which of those it is) and a number-format index (0 = "General"). How a written value is
 * interpreted (text, number, formula) is decided in range.ts (`interpretWrite`); this module only
 * stores the outcome.
 */
import { type Area, type CellState, interpretWrite } from "./range";

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/** Kind flags. A cell with kind 0 is empty (it may still carry a number format). */
const HAS_VALUE = 1;
const IS_ERROR = 2;
const IS_FORMULA = 4;

type Scalar = string | number | boolean;

interface Block {
  /** Slots 0..length-1 of the block's 4,096 (the same length for the three arrays); the rest are empty. */
  values: (Scalar | undefined)[];
  kinds: Uint8Array;
  formats: Uint16Array;
  /** Formula texts by offset (formulas are rare: only seeded ones or text Excel took as a formula). */
  formulas: Map<number, string> | null;
}

/** The lengths a block has before all BLOCK slots. */
const SMALL_SLOTS = [64, 128];

function newBlock(slots: number): Block {
  return { values: new Array<Scalar | undefined>(slots).fill(undefined), kinds: new Uint8Array(slots), formats: new Uint16Array(slots), formulas: null };
}

/** `b` with room for slot `i` (grown to all BLOCK slots). */
function withSlot(b: Block, i: number): Block {
  const n = b.kinds.length;
  if (i < n) return b;
  const slots = firstSlots(i);
  const values = new Array<Scalar | undefined>(slots).fill(undefined);
  for (let k = 0; k < n; k++) values[k] = b.values[k];
  b.values = values;
  const kinds = new Uint8Array(slots);
  kinds.set(b.kinds);
  const formats = new Uint16Array(slots);
  formats.set(b.formats);
  b.kinds = kinds;
  b.formats = formats;
  return b;
}

/** The slots a block needs for slot `i`: the first of SMALL_SLOTS it fits in, else all BLOCK. */
function firstSlots(i: number): number {
  for (const n of SMALL_SLOTS) if (i < n) return n;
  return BLOCK;
}

/** Number formats by index, shared by every store (index 0 is "General"). */
const FORMAT_NAMES: string[] = ["General"];
const FORMAT_INDEX = new Map<string, number>([["General", 0]]);

function formatIndex(format: string): number {
  let i = FORMAT_INDEX.get(format);
  if (i === undefined) {
    i = FORMAT_NAMES.length;
    if (i > 0xffff) throw new Error("host: too many distinct number formats");
    FORMAT_NAMES.push(format);
    FORMAT_INDEX.set(format, i);
  }
  return i;
}

const TEXT_FORMAT = formatIndex("@");

/** The cells of one sheet (1-based rows and columns). */
export class CellStore {
  /** Column number → blocks by row >> 16. */
  private readonly columns = new Map<number, (Block | undefined)[]>();

  /** The block holding row `r` of column `c` when it has a slot for it (a shorter block's
   * missing slots are empty cells, as a missing block's). */
  private block(r: number, c: number): Block | undefined {
    const b = this.columns.get(c)?.[(r - 1) >> BLOCK_BITS];
    return b && ((r - 1) & MASK) < b.kinds.length ? b : undefined;
  }

  private blockForWrite(r: number, c: number): Block {
    let col = this.columns.get(c);
    if (!col) this.columns.set(c, (col = []));
    const b = (r - 1) >> BLOCK_BITS;
    const i = (r - 1) & MASK;
    const found = col[b];
    return found ? withSlot(found, i) : (col[b] = newBlock(firstSlots(i)));
  }

  /** The cell as plain data, or undefined when it holds nothing (no value and no format). */
  get(r: number, c: number): CellState | undefined {
    const b = this.block(r, c);
    if (!b) return undefined;
    const i = (r - 1) & MASK;
    const kind = b.kinds[i];
    const fmt = b.formats[i];
    if (kind === 0 && fmt === 0) return undefined;
    const cell: CellState = {};
    const v = b.values[i];
    if (kind & IS_ERROR) cell.error = v as string;
    else if (kind & HAS_VALUE) cell.value = v;
    if (kind & IS_FORMULA) cell.formula = b.formulas?.get(i);
    if (fmt !== 0) cell.format = FORMAT_NAMES[fmt];
    return cell;
  }

  /** The cell as `Range.values` returns it: "" when empty, the error text, a formula's value
   * ("#NAME?" when it has none: the host does not evaluate formulas). */
  read(r: number, c: number): Scalar {
    const b = this.block(r, c);
    if (!b) return "";
    const i = (r - 1) & MASK;
    const kind = b.kinds[i];
    if (kind === 0) return "";
    if (kind & (HAS_VALUE | IS_ERROR)) return b.values[i] as Scalar;
    return "#NAME?";
  }

  /** The formula of a cell that has one and no cached value (the host then evaluates it,
   * state.ts `WorkbookState.readCell`); undefined otherwise. */
  liveFormula(r: number, c: number): string | undefined {
    const b = this.block(r, c);
    if (!b) return undefined;
    const i = (r - 1) & MASK;
    return b.kinds[i] === IS_FORMULA ? b.formulas?.get(i) : undefined;
  }

  /** Every cell holding a formula, with its position. */
  *formulaCells(): Generator<[number, number, { formula: string }]> {
    for (const [c, blocks] of this.columns) {
      for (let bi = 0; bi < blocks.length; bi++) {
        const f = blocks[bi]?.formulas;
        if (!f) continue;
        for (const [i, formula] of [...f]) yield [(bi << BLOCK_BITS) + i + 1, c, { formula }];
      }
    }
  }

  /** Replaces a cell's formula text, keeping its cached value (if any) and format. */
  setFormula(r: number, c: number, formula: string): void {
    const b = this.block(r, c);
    if (b?.formulas?.has((r - 1) & MASK)) b.formulas.set((r - 1) & MASK, formula);
  }

  /** Empties every cell of `area` (values, formulas and number formats): `Range.clear()`. */
  clear(area: Area): void {
    for (const [c, blocks] of this.columns) {
      if (c < area.c0 || c > area.c1) continue;
      for (let bi = 0; bi < blocks.length; bi++) {
        const b = blocks[bi];
        if (!b) continue;
        const first = (bi << BLOCK_BITS) + 1;
        if (first + BLOCK - 1 < area.r0 || first > area.r1) continue;
        if (first >= area.r0 && first + BLOCK - 1 <= area.r1) {
          blocks[bi] = undefined;
          continue;
        }
        for (let r = Math.max(first, area.r0); r <= Math.min(first + b.kinds.length - 1, area.r1); r++) this.set(r, c, {});
      }
    }
  }

  /** The cell's `Range.valueTypes` entry. */
  valueType(r: number, c: number): "Empty" | "String" | "Double" | "Boolean" | "Error" {
    const b = this.block(r, c);
    const kind = b ? b.kinds[(r - 1) & MASK] : 0;
    if (kind === 0) return "Empty";
    if (kind & IS_ERROR || !(kind & HAS_VALUE)) return "Error";
    const v = b!.values[(r - 1) & MASK];
    return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
  }

  /** The cell's number format ("General" when none was set). */
  format(r: number, c: number): string {
    const b = this.block(r, c);
    return b ? FORMAT_NAMES[b.formats[(r - 1) & MASK]] : "General";
  }

  /** Sets the number format; "General" removes it. */
  setFormat(r: number, c: number, format: string): void {
    const idx = formatIndex(format);
    if (idx === 0) {
      const b = this.block(r, c);
      if (b) b.formats[(r - 1) & MASK] = 0;
      return;
    }
    this.blockForWrite(r, c).formats[(r - 1) & MASK] = idx;
  }

  /** Stores one element of a `Range.values` write (see range.ts `interpretWrite` for the rules).
   * Numbers, and text into a text-formatted cell, take a fast path with the same outcome. */
  write(r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const i = (r - 1) & MASK;
    if (typeof input === "number" && Number.isFinite(input)) {
      const b = this.blockForWrite(r, c);
      b.formulas?.delete(i);
      b.values[i] = input;
      b.kinds[i] = HAS_VALUE;
      return;
    }
    const existing = this.block(r, c);
    if (typeof input === "string" && input !== "" && input[0] !== "'" && existing && existing.formats[i] === TEXT_FORMAT) {
      existing.formulas?.delete(i);
      existing.values[i] = input;
      existing.kinds[i] = HAS_VALUE;
      return;
    }
    const outcome = interpretWrite(input, existing ? FORMAT_NAMES[existing.formats[i]] : "General");
    if (outcome === null) return;
    this.set(r, c, { ...outcome, format: existing ? FORMAT_NAMES[existing.formats[i]] : undefined });
  }

  /** Replaces the cell's content (value, error, formula) and format with `cell`'s. */
  set(r: number, c: number, cell: CellState): void {
    const empty = cell.value === undefined && cell.error === undefined && cell.formula === undefined && (cell.format === undefined || cell.format === "General");
    const b = empty ? this.block(r, c) : this.blockForWrite(r, c);
    if (!b) return;
    const i = (r - 1) & MASK;
    let kind = 0;
    if (cell.error !== undefined) {
      kind |= IS_ERROR;
      b.values[i] = cell.error;
    } else if (cell.value !== undefined) {
      kind |= HAS_VALUE;
      b.values[i] = cell.value;
    } else b.values[i] = undefined;
    if (cell.formula !== undefined) {
      kind |= IS_FORMULA;
      (b.formulas ??= new Map()).set(i, cell.formula);
    } else b.formulas?.delete(i);
    b.kinds[i] = kind;
    b.formats[i] = cell.format === undefined ? 0 : formatIndex(cell.format);
  }

  /**
   * The smallest area holding every cell with a value or formula (`valuesOnly`), or also every
   * cell that only carries a number format; null when there is none.
   */
  usedArea(valuesOnly: boolean): Area | null {
    let area: Area | null = null;
    for (const [c, blocks] of this.columns) {
      const used = (b: Block, i: number) => b.kinds[i] !== 0 || (!valuesOnly && b.formats[i] !== 0);
      let first = 0;
      let last = 0;
      for (let bi = 0; bi < blocks.length && first === 0; bi++) {
        const b = blocks[bi];
        if (!b) continue;
        for (let i = 0; i < b.kinds.length; i++) {
          if (used(b, i)) {
            first = (bi << BLOCK_BITS) + i + 1;
            break;
          }
        }
      }
      if (first === 0) continue;
      for (let bi = blocks.length - 1; bi >= 0 && last === 0; bi--) {
        const b = blocks[bi];
        if (!b) continue;
        for (let i = b.kinds.length - 1; i >= 0; i--) {
          if (used(b, i)) {
            last = (bi << BLOCK_BITS) + i + 1;
            break;
          }
        }
      }
      if (!area) area = { r0: first, r1: last, c0: c, c1: c };
      else {
        area.r0 = Math.min(area.r0, first);
        area.r1 = Math.max(area.r1, last);
        area.c0 = Math.min(area.c0, c);
        area.c1 = Math.max(area.c1, c);
      }
    }
    return area;
  }

  /** Every cell that holds something, row by row and left to right within a row. */
  *entries(): Generator<[number, number, CellState]> {
    const area = this.usedArea(false);
    if (!area) return;
    const cols = [...this.columns.keys()].sort((a, b) => a - b);
    for (let r = area.r0; r <= area.r1; r++) {
      for (const c of cols) {
        const cell = this.get(r, c);
        if (cell) yield [r, c, cell];
      }
    }
  }

  /**
   * Feeds everything stored into `update` (a hash's update), block by block: for comparing large
   * sheets ("unchanged after a cancel") without listing millions of cells.
   */
  digest(update: (chunk: string | Uint8Array) => void): void {
    for (const c of [...this.columns.keys()].sort((a, b) => a - b)) {
      this.columns.get(c)!.forEach((b, bi) => {
        if (!b) return;
        if (!b.kinds.some((k) => k !== 0) && !b.formats.some((f) => f !== 0)) return;
        // Up to the block's last slot holding anything (value, kind, format or formula): the
        // slots after it are empty in every block, so two blocks are equal exactly when these
        // prefixes are (their length is fed too). A small sheet uses a few rows of its blocks.
        let end = b.kinds.length;
        while (end > 0 && b.kinds[end - 1] === 0 && b.formats[end - 1] === 0 && b.values[end - 1] === undefined && !b.formulas?.has(end - 1)) end--;
        update(`|${c}:${bi}:${end}|`);
        update(JSON.stringify(b.values.slice(0, end)));
        update(b.kinds.subarray(0, end));
        const formats = new Array<string>(end);
        for (let i = 0; i < end; i++) formats[i] = FORMAT_NAMES[b.formats[i]];
        update(JSON.stringify(formats));
        update(JSON.stringify(b.formulas ? [...b.formulas].sort(([x], [y]) => x - y) : []));
      });
    }
  }
}
