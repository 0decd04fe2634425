/**
 * The first row of each dwelling id (VHE number) of a stock table, for reporting a duplicate
 * (`id-dubbel`, src/ingest/stock-reader.ts). Exports are nearly always sorted by VHE number, so
 * the ids that come in increasing order (UTF-16 code-unit order, as `<` compares strings) are
 * kept in a sorted array, where a new id is recognised by one comparison with the last and an
 * earlier one found by binary search; only an id that breaks the order goes into a `Map`. A
 * million sorted ids cost two arrays (16 MB) and no hashing, instead of a million-entry `Map`
 * whose lookups were about half of the stock reader's own time (docs/performance.md). The
 * answers are those of one `Map<string, number>` (test/ingest/id-registry.test.ts).
 */
export class IdRegistry {
  /** Ids in strictly increasing order, each with its first row in `rows`. */
  private sorted: string[] = [];
  private rows: number[] = [];
  /** Ids that came after a larger one. */
  private others = new Map<string, number>();

  /**
   * The row at which `id` was first {@link add}ed, or undefined when it is new.
   * @param id the dwelling id as read (trimmed text).
   */
  firstRow(id: string): number | undefined {
    const sorted = this.sorted;
    const n = sorted.length;
    if (n === 0 || id > sorted[n - 1]) return this.others.size === 0 ? undefined : this.others.get(id);
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = sorted[mid];
      if (m === id) return this.rows[mid];
      if (m < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return this.others.size === 0 ? undefined : this.others.get(id);
  }

  /**
   * Records the first row of an id that {@link firstRow} found new.
   * @param id the id. @param row its 0-based row index in the table.
   */
  add(id: string, row: number): void {
    const n = this.sorted.length;
    if (n === 0 || id > this.sorted[n - 1]) {
      this.sorted.push(id);
      this.rows.push(row);
    } else {
      this.others.set(id, row);
    }
  }

  /** Forgets every id (the memory goes once the table is read). */
  clear(): void {
    this.sorted = [];
    this.rows = [];
    this.others = new Map();
  }
}
