/**
 * Records listed in id order. Changes are collected and merged into the sorted order when the
 * list is next read: one update costs a linear merge, never a sort of the whole archive, and a
 * bulk load costs one sort. A record replaced under an id already listed (the common edit: a
 * talk's notes revised) is patched into the last list at its place, found by binary search,
 * so such an edit costs a copy of the list rather than a rebuild.
 */
import { compareStrings } from './text.ts';

export class SortedRecords<T> {
  private readonly byId = new Map<string, T>();
  /** Sorted; may still hold deleted ids until the next read. */
  private ids: string[] = [];
  private readonly listed = new Set<string>();
  private pending: string[] = [];
  private cache: T[] | null = null;
  /** Listed ids whose record was replaced, or deleted (and not set again), since the last read. */
  private readonly replaced = new Set<string>();
  private readonly dropped = new Set<string>();

  constructor(private readonly keyOf: (value: T) => string) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Starts from records already in id order (a saved list): no sort, no merge. */
  load(values: readonly T[]): void {
    if (this.byId.size > 0) throw new Error('records can only be loaded into an empty list');
    let previous: string | null = null;
    for (const value of values) {
      const id = this.keyOf(value);
      if (previous !== null && compareStrings(previous, id) >= 0)
        throw new Error(`records to load are not in id order ("${previous}" before "${id}")`);
      previous = id;
      this.byId.set(id, value);
      this.listed.add(id);
      this.ids.push(id);
    }
    this.cache = values.slice();
  }

  set(value: T): void {
    const id = this.keyOf(value);
    this.dropped.delete(id);
    if (this.listed.has(id)) this.replaced.add(id);
    else if (!this.byId.has(id)) this.pending.push(id);
    this.byId.set(id, value);
  }

  delete(id: string): void {
    if (!this.byId.delete(id)) return;
    if (this.listed.has(id)) this.dropped.add(id);
  }

  list(): T[] {
    if (this.cache && this.dropped.size === 0 && this.pending.length === 0) this.patch(this.cache);
    else this.cache = this.merge().map((id) => this.byId.get(id)!);
    this.replaced.clear();
    return this.cache.slice();
  }

  private patch(cache: T[]): void {
    for (const id of this.replaced) {
      const at = findSorted(this.ids, id);
      if (at < 0) throw new Error(`listed id ${id} is missing from the sorted ids`);
      cache[at] = this.byId.get(id)!;
    }
  }

  private merge(): string[] {
    let ids = this.ids;
    if (this.dropped.size) {
      ids = ids.filter((id) => this.byId.has(id));
      for (const id of this.dropped) this.listed.delete(id);
      this.dropped.clear();
    }
    const fresh = [...new Set(this.pending.filter((id) => this.byId.has(id) && !this.listed.has(id)))];
    if (fresh.length) ids = mergeSorted(ids, fresh.sort(compareStrings));
    for (const id of fresh) this.listed.add(id);
    this.ids = ids;
    this.pending = [];
    return ids;
  }
}

function findSorted(ids: string[], id: string): number {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const order = compareStrings(ids[mid]!, id);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareStrings(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
