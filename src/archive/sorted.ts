/**
 * Records listed in id order. Changes are collected and merged into the sorted order when the
 * list is next read: one update costs a linear merge, never a sort of the whole archive, and a
 * bulk load costs one sort.
 */
import { compareStrings } from './text.ts';

export class SortedRecords<T> {
  private readonly byId = new Map<string, T>();
  /** Sorted; may still hold deleted ids until the next read. */
  private ids: string[] = [];
  private readonly listed = new Set<string>();
  private pending: string[] = [];
  private stale = false;
  private cache: T[] | null = null;

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

  set(value: T): void {
    const id = this.keyOf(value);
    if (!this.listed.has(id) && !this.byId.has(id)) this.pending.push(id);
    this.byId.set(id, value);
    this.cache = null;
  }

  delete(id: string): void {
    if (!this.byId.delete(id)) return;
    this.stale ||= this.listed.has(id);
    this.cache = null;
  }

  list(): T[] {
    if (!this.cache) this.cache = this.merge().map((id) => this.byId.get(id)!);
    return this.cache.slice();
  }

  private merge(): string[] {
    let ids = this.ids;
    if (this.stale) {
      ids = ids.filter((id) => this.byId.has(id));
      for (const id of this.listed) if (!this.byId.has(id)) this.listed.delete(id);
    }
    const fresh = [...new Set(this.pending.filter((id) => this.byId.has(id) && !this.listed.has(id)))];
    if (fresh.length) ids = mergeSorted(ids, fresh.sort(compareStrings));
    for (const id of fresh) this.listed.add(id);
    this.ids = ids;
    this.pending = [];
    this.stale = false;
    return ids;
  }
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
