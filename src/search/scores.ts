/**
 * Per-query scratch space indexed by talk number: typed arrays reused from query to query, so
 * scoring tens of thousands of candidates allocates nothing per candidate. Only the entries a
 * query touched are reset afterwards.
 */
export class Scores {
  /** Summed score of each candidate. */
  total = new Float64Array(0);
  /** Number of query words each candidate matched. */
  coverage = new Uint8Array(0);
  /** Best score of the current word. */
  word = new Float64Array(0);
  /** Every number touched by the query, in first-touch order. */
  readonly candidates: number[] = [];
  readonly #wordTouched: number[] = [];

  /** Clears the previous query and makes room for numbers below `size`. */
  reset(size: number): void {
    for (const num of this.candidates) {
      this.total[num] = 0;
      this.coverage[num] = 0;
    }
    this.candidates.length = 0;
    if (this.total.length < size) {
      const room = Math.ceil(size * 1.25) + 64;
      this.total = new Float64Array(room);
      this.coverage = new Uint8Array(room);
      this.word = new Float64Array(room);
    }
  }

  /** Records `score` for the current word if it beats the word's best so far for `num`. */
  offer(num: number, score: number): void {
    const best = this.word[num]!;
    if (best === 0) this.#wordTouched.push(num);
    if (score > best) this.word[num] = score;
  }

  /** Adds the current word's best scores into the totals; returns how many talks it matched. */
  endWord(counts: boolean, factor = 1): number {
    const touched = this.#wordTouched;
    for (const num of touched) {
      if (this.total[num] === 0 && this.coverage[num] === 0) this.candidates.push(num);
      this.total[num]! += this.word[num]! * factor;
      if (counts) this.coverage[num]!++;
      this.word[num] = 0;
    }
    const matched = touched.length;
    touched.length = 0;
    return matched;
  }

  /**
   * Best first: more words matched, then higher score, then `rank` (newest first). Returns the
   * first `k` of `nums` in that order without sorting all of them.
   */
  top(nums: number[], k: number, rank: Int32Array): number[] {
    const before = (a: number, b: number): boolean => {
      const ca = this.coverage[a]!;
      const cb = this.coverage[b]!;
      if (ca !== cb) return ca > cb;
      const d = this.total[a]! - this.total[b]!;
      if (Math.abs(d) > 1e-9) return d > 0;
      return rank[a]! < rank[b]!;
    };
    if (k * 8 >= nums.length) return [...nums].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, k);
    return selectTop(nums, k, before);
  }
}

/** A bounded heap whose root is the worst of the best `k` seen so far. */
function selectTop(nums: number[], k: number, before: (a: number, b: number) => boolean): number[] {
  const heap: number[] = [];
  const worse = (i: number, j: number) => before(heap[j]!, heap[i]!);
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && worse(l, w)) w = l;
      if (r < heap.length && worse(r, w)) w = r;
      if (w === i) return;
      [heap[i], heap[w]] = [heap[w]!, heap[i]!];
      i = w;
    }
  };
  for (const num of nums) {
    if (heap.length < k) {
      heap.push(num);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (k > 0 && before(num, heap[0]!)) {
      heap[0] = num;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
