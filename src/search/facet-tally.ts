/**
 * Facet counts per value number, in typed arrays reused from query to query, with the list of
 * values each query touched: a query allocates no array the size of a facet (tens of thousands
 * of speakers at 100k talks), and reading or clearing the counts visits only values that
 * counted, not every value of the facet.
 */
export class FacetTally {
  /** Count per value number; zero outside the values listed in `touched`. */
  counts = new Int32Array(0);
  /** The value numbers with a positive count, in first-count order (the first `size` entries). */
  touched = new Int32Array(0);
  size = 0;

  /** Makes room for value numbers below `values`; the counts must be clear (see clear()). */
  prepare(values: number): void {
    if (this.counts.length >= values) return;
    const room = Math.ceil(values * 1.25) + 64;
    this.counts = new Int32Array(room);
    this.touched = new Int32Array(room);
    this.size = 0;
  }

  add(value: number): void {
    if (this.counts[value]!++ === 0) this.touched[this.size++] = value;
  }

  /** Sets a value's count outright (counts from set sizes); each value at most once. */
  set(value: number, count: number): void {
    if (count <= 0) return;
    this.counts[value] = count;
    this.touched[this.size++] = value;
  }

  clear(): void {
    const { counts, touched } = this;
    for (let i = 0; i < this.size; i++) counts[touched[i]!] = 0;
    this.size = 0;
  }
}
