/**
 * A classified stock held without an object per dwelling: per row one byte (its BZK slot) and
 * one index into a table of shared outcomes (the reason and warnings that every row with the
 * same decisive facts shares), beside the stock rows themselves. `classifyStock` (classify.ts)
 * makes it; aggregation, adaptation, the potentials and the what-if read its typed arrays; a
 * {@link ClassifiedDwelling} is made on demand, one at a time, for those that report a single
 * dwelling (the JSON, the BZK-indeling table, the what-if's adapted dwellings).
 *
 * Memory per dwelling: 1 byte (slot) + 4 bytes (outcome index), where an object per dwelling
 * with its array slot took about 48 bytes and a young-generation copy (docs/performance.md,
 * "The stock held column-wise, and no object per dwelling").
 *
 * Slots are numbered as in supply-vector.ts (0 regulier, 1 nultreden, 2 geclusterd,
 * 3 zorggeschikt SOM, 4 zorggeschikt PG, 5 zorggeschikt without profile, 6 onbekend); the
 * cumulative flags follow from the slot (zorggeschikt ⇒ geclusterd ⇒ nultreden; onbekend has
 * none), as `classifyStock` sets them.
 */
import type { BzkType, ClassifiedDwelling, StockRow, Zorgprofiel } from "./types";
import { SLOT_GECLUSTERD, SLOT_NULTREDEN, SLOT_ZORG, SLOT_ZORG_PG, SLOT_ZORG_SOM, bzkSlot } from "./supply-vector";
import { StockColumns } from "./stock-columns";

/** The shared result of one combination of decisive facts (classify.ts makes them; read-only). */
export interface DwellingOutcome {
  bzk: BzkType | "onbekend";
  /** Cumulative flags, as on {@link ClassifiedDwelling}. */
  nultreden: boolean;
  geclusterd: boolean;
  zorggeschikt: boolean;
  /** Dutch reason (see `ClassifiedDwelling.reden`). `classifyStock` makes it when first read
   * (a getter of its outcomes' class: read it by name, a spread copy does not have it), then
   * gives the same string on every read. */
  readonly reden: string;
  /** Dutch warnings; frozen, shared: the same array on every read (made when first read, as `reden`). */
  readonly warnings: string[];
}

/**
 * The shared outcomes of a classified stock by index: `outcomeAt(k)` is the outcome of every row
 * whose outcome index is `k`, the same object on every call (`classifyStock` makes each when it
 * is first asked for, from typed arrays: no object per outcome in the classification itself).
 */
export interface OutcomeTable {
  /** @param k an outcome index of a row (0 ≤ k < the number of distinct outcomes). */
  outcomeAt(k: number): DwellingOutcome;
}

/** An array of outcomes as an {@link OutcomeTable}. */
class OutcomeArray implements OutcomeTable {
  constructor(private readonly outcomes: readonly DwellingOutcome[]) {}

  outcomeAt(k: number): DwellingOutcome {
    return this.outcomes[k];
  }
}

/** What a dwelling made on demand holds: its row and its shared outcome (see {@link DWELLING}). */
interface DwellingRecord {
  readonly row: StockRow;
  readonly o: DwellingOutcome;
}

/**
 * The prototype of every dwelling made on demand: an object literal `{ __proto__: DWELLING,
 * row, o }` whose other fields of {@link ClassifiedDwelling} read through to the outcome.
 */
const DWELLING: ThisType<DwellingRecord> & Omit<ClassifiedDwelling, "row"> = {
  get bzk(): BzkType | "onbekend" {
    return this.o.bzk;
  },
  get nultreden(): boolean {
    return this.o.nultreden;
  },
  get geclusterd(): boolean {
    return this.o.geclusterd;
  },
  get zorggeschikt(): boolean {
    return this.o.zorggeschikt;
  },
  get zorgprofiel(): Zorgprofiel | null {
    return this.o.zorggeschikt ? this.row.zorgprofiel : null;
  },
  get reden(): string {
    return this.o.reden;
  },
  get warnings(): string[] {
    return this.o.warnings;
  },
};

/** Whether a BZK slot (0..6) is nultreden or more; geclusterd or more; zorggeschikt.
 * @example slotIsNultreden(1) === true; slotIsNultreden(6) === false; slotIsNultreden(4) === true */
export const slotIsNultreden = (s: number): boolean => s >= SLOT_NULTREDEN && s <= SLOT_ZORG;
/** @example slotIsGeclusterd(2) === true; slotIsGeclusterd(4) === true; slotIsGeclusterd(1) === false */
export const slotIsGeclusterd = (s: number): boolean => s >= SLOT_GECLUSTERD && s <= SLOT_ZORG;
/** @example slotIsZorggeschikt(2) === false; slotIsZorggeschikt(5) === true */
export const slotIsZorggeschikt = (s: number): boolean => s >= SLOT_ZORG_SOM && s <= SLOT_ZORG;

/**
 * The classified stock: rows, a BZK slot per row and, per row, its shared outcome.
 * Invariants (made so by `classifyStock` and {@link ClassifiedStock.fromDwellings}):
 * `slots.length === rows.length`; `dwelling(i).row` equals `rows.row(i)`; `bzkSlot(dwelling(i)) === slots[i]`.
 */
export class ClassifiedStock {
  /**
   * @param rows the stock rows column-wise, in input order (not copied: do not change them).
   * @param slots BZK slot per row (supply-vector.ts numbering).
   * @param outcomeIndex per row an index into `outcomes`; null when `source` is given.
   * @param outcomes the shared outcomes by index.
   * @param source dwellings already made (only {@link ClassifiedStock.fromDwellings}).
   */
  private constructor(
    readonly rows: StockColumns,
    readonly slots: Uint8Array,
    private readonly outcomeIndex: Uint32Array | null,
    private readonly outcomes: OutcomeTable,
    private readonly source: readonly ClassifiedDwelling[] | null,
  ) {}

  /**
   * A classified stock from its parts, as `classifyStock` fills them.
   * @param rows the rows; @param slots BZK slot per row; @param outcomeIndex per row an index
   *   into `outcomes` (an array, or a table that makes each outcome when first asked for).
   *   @throws RangeError when the lengths differ (a bug, not data).
   */
  static of(rows: StockColumns, slots: Uint8Array, outcomeIndex: Uint32Array, outcomes: readonly DwellingOutcome[] | OutcomeTable): ClassifiedStock {
    if (slots.length !== rows.length || outcomeIndex.length !== rows.length) {
      throw new RangeError(`ClassifiedStock: ${rows.length} rows, ${slots.length} slots, ${outcomeIndex.length} outcome indices`);
    }
    return new ClassifiedStock(rows, slots, outcomeIndex, Array.isArray(outcomes) ? new OutcomeArray(outcomes) : (outcomes as OutcomeTable), null);
  }

  /**
   * A classified stock over dwellings already made (an array from `classifyStock(...).dwellings`,
   * as tests and small callers hold it): rows and slots are derived (`bzkSlot`), `dwelling(i)`
   * returns the given object. O(n).
   * @example ClassifiedStock.fromDwellings([]).length === 0
   */
  static fromDwellings(dwellings: readonly ClassifiedDwelling[]): ClassifiedStock {
    const n = dwellings.length;
    const rows = new StockColumns(n);
    const slots = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      rows.push(dwellings[i].row);
      slots[i] = bzkSlot(dwellings[i]);
    }
    return new ClassifiedStock(rows, slots, null, new OutcomeArray([]), dwellings);
  }

  /** Number of rows (dwellings or groups of `aantal` dwellings). */
  get length(): number {
    return this.rows.length;
  }

  /**
   * Dwelling `i` as a {@link ClassifiedDwelling}: made on each call (its row made from the
   * columns, and a small object reading through to it and the shared outcome), so keep it only
   * as long as it is needed.
   * @param i 0-based row index; @throws RangeError when out of range.
   */
  dwelling(i: number): ClassifiedDwelling {
    if (!(i >= 0 && i < this.rows.length)) throw new RangeError(`dwelling ${i} of ${this.rows.length}`);
    if (this.source !== null) return this.source[i];
    return { __proto__: DWELLING, row: this.rows.row(i), o: this.outcomes.outcomeAt(this.outcomeIndex![i]) } as unknown as ClassifiedDwelling;
  }

  /**
   * The shared outcome of row `i` (type, cumulative flags, reason, warnings), without making the
   * dwelling or its row: for writers that read the row's facts from `rows` column by column
   * (report/dwelling-entry.ts). Over dwellings given as an array, the dwelling itself.
   * @param i 0-based row index; @throws RangeError when out of range.
   */
  outcome(i: number): DwellingOutcome {
    if (!(i >= 0 && i < this.rows.length)) throw new RangeError(`dwelling ${i} of ${this.rows.length}`);
    if (this.source !== null) return this.source[i];
    return this.outcomes.outcomeAt(this.outcomeIndex![i]);
  }

  /** Every dwelling as an array (one object per row: for tests and small stocks only). O(n). */
  toArray(): ClassifiedDwelling[] {
    if (this.source !== null) return [...this.source];
    const out: ClassifiedDwelling[] = new Array(this.rows.length);
    for (let i = 0; i < out.length; i++) out[i] = this.dwelling(i);
    return out;
  }

  /** Whether row `i` is nultreden (or more); geclusterd (or more); zorggeschikt. */
  nultreden(i: number): boolean {
    return slotIsNultreden(this.slots[i]);
  }

  geclusterd(i: number): boolean {
    return slotIsGeclusterd(this.slots[i]);
  }

  zorggeschikt(i: number): boolean {
    return slotIsZorggeschikt(this.slots[i]);
  }

  /** The exclusive BZK type of row `i`. */
  bzk(i: number): BzkType | "onbekend" {
    return SLOT_BZK[this.slots[i]];
  }
}

/** BZK type per slot 0..6. */
const SLOT_BZK: readonly (BzkType | "onbekend")[] = ["regulier", "nultreden", "geclusterd", "zorggeschikt", "zorggeschikt", "zorggeschikt", "onbekend"];

/** Zorgprofiel slot of a zorggeschikt row. @example zorgSlot("PG") === 4; zorgSlot(null) === 5 */
export function zorgSlot(zorgprofiel: Zorgprofiel | null): number {
  return zorgprofiel === "SOM" ? SLOT_ZORG_SOM : zorgprofiel === "PG" ? SLOT_ZORG_PG : SLOT_ZORG;
}

/** A classified stock, or its dwellings as an array (tests and small callers). */
export type Dwellings = ClassifiedStock | readonly ClassifiedDwelling[];

/**
 * The classified stock of either form: itself, or {@link ClassifiedStock.fromDwellings} of an
 * array (O(n)). Domain functions that take {@link Dwellings} call this once.
 */
export function classifiedStockOf(dwellings: Dwellings): ClassifiedStock {
  return dwellings instanceof ClassifiedStock ? dwellings : ClassifiedStock.fromDwellings(dwellings);
}
