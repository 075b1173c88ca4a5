/**
 * Facet values as small integers: per facet, value key <-> number and the talks holding each
 * value; per talk, its value codes in flat typed-array slots.
 */

/** One facet's values as small integers, and the talks holding each. */
export class FacetValues {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  readonly #members: Set<number>[] = [];
  /**
   * Set while the member sets are not filled in yet (a loaded index fills them after the load,
   * see TalkTable.deferMembers): reading `members` finishes them first.
   */
  unfilled: (() => void) | null = null;

  /** The talks holding each value, by value number. */
  get members(): Set<number>[] {
    this.unfilled?.();
    return this.#members;
  }

  code(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.#members.push(new Set());
    }
    return id;
  }

  /** Files `num` under value `id`, without finishing a deferred fill. */
  add(id: number, num: number): void {
    this.#members[id]!.add(num);
  }

  /** Takes `num` out of value `id`, without finishing a deferred fill. */
  remove(id: number, num: number): void {
    this.#members[id]!.delete(num);
  }

  talks(key: string): Set<number> | undefined {
    const id = this.ids.get(key);
    return id === undefined ? undefined : this.members[id];
  }
}

/**
 * Facet values per number, each `value << 2 | facet index`, in fixed slots of a typed array
 * (values beyond a slot's width go to a side map): counting facets over tens of thousands of
 * candidates then reads one array instead of one object per talk.
 */
export class FacetCodes {
  static readonly WIDTH = 8;
  slots = new Int32Array(1024 * FacetCodes.WIDTH);
  counts = new Uint8Array(1024);
  readonly overflow = new Map<number, number[]>();

  set(num: number, codes: number[]): void {
    if (num >= this.counts.length) {
      const size = Math.max(num + 1, this.counts.length * 2);
      const slots = new Int32Array(size * FacetCodes.WIDTH);
      slots.set(this.slots);
      const counts = new Uint8Array(size);
      counts.set(this.counts);
      [this.slots, this.counts] = [slots, counts];
    }
    const fit = Math.min(codes.length, FacetCodes.WIDTH);
    const at = num * FacetCodes.WIDTH;
    for (let i = 0; i < fit; i++) this.slots[at + i] = codes[i]!;
    this.counts[num] = fit;
    if (codes.length > fit) this.overflow.set(num, codes.slice(fit));
    else this.overflow.delete(num);
  }

  get(num: number): number[] {
    const at = num * FacetCodes.WIDTH;
    const codes = Array.from(this.slots.subarray(at, at + (this.counts[num] ?? 0)));
    return codes.concat(this.overflow.get(num) ?? []);
  }

  /** Files `num` under each of its values, in `facets` (by facet index). */
  file(num: number, facets: readonly FacetValues[]): void {
    const at = num * FacetCodes.WIDTH;
    const end = at + (this.counts[num] ?? 0);
    for (let i = at; i < end; i++) facets[this.slots[i]! & 3]!.add(this.slots[i]! >> 2, num);
    for (const code of this.overflow.get(num) ?? []) facets[code & 3]!.add(code >> 2, num);
  }

  clear(num: number): void {
    if (num < this.counts.length) this.counts[num] = 0;
    this.overflow.delete(num);
  }
}
