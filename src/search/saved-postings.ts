/**
 * Posting lists read back from a snapshot (postings-file.ts writes them): the byte stream is
 * checked whole at load, but each term's lists are decoded when first looked up, or in the
 * background soon after.
 */
import type { Document } from 'flexsearch';
import { inBackground } from './background.ts';
import { ByteReader } from './bytes.ts';
import { FIELDS, type IndexedDoc } from './config.ts';
import { fieldMap, internals, type PendingLists } from './postings.ts';
import { idsKey, REG_KEY, termsKey } from './postings-file.ts';

/**
 * Fills a fresh Document from exportPostings' data; throws when the data is incomplete or damaged.
 * The whole byte stream is walked (so damage is found now), but the lists are decoded only when
 * a term is first looked up (SavedPostings).
 */
export function importPostings(doc: Document<IndexedDoc>, data: Record<string, string>): void {
  const inner = internals(doc);
  const reg = new ByteReader(data[REG_KEY]);
  let firstNew = 0;
  for (const num of reg.deltas(reg.uint())) {
    inner.reg.add(num);
    firstNew = Math.max(firstNew, num + 1);
  }
  if (!reg.done) throw new Error('the register has trailing data');
  for (const { field } of FIELDS) {
    const terms = JSON.parse(data[termsKey(field)] ?? 'null') as unknown;
    if (!Array.isArray(terms)) throw new Error(`no terms for field "${field}"`);
    const index = inner.index.get(field);
    if (!index || fieldMap(inner, field).size) throw new Error(`FlexSearch field "${field}" is not empty`);
    const saved = new SavedPostings(terms as string[], new ByteReader(data[idsKey(field)]), firstNew);
    index.map = saved;
    saved.decodeLater();
  }
}

type Slots = (number[] | undefined)[];

/** Background decoding works this long per event-loop turn. */
const DECODE_SLICE_MS = 4;

/**
 * A field's posting lists as saved: every term is there from the start, in its saved order, but
 * holds the position of its lists in the bytes until it is first read. Only `get` is used by
 * FlexSearch's search and by our writes; iterating decodes everything first.
 */
class SavedPostings extends Map<string, Slots> implements PendingLists {
  /** Dropped once every term is decoded. */
  #reader: ByteReader | null;
  #pending: number;
  /** Numbers written to lists not decoded yet, appended when they are. */
  readonly #appended = new Map<string, number[]>();
  /** Numbers from here on are not in the saved lists (numbers are never reused). */
  readonly #firstNew: number;

  constructor(terms: string[], reader: ByteReader, firstNew: number) {
    super();
    this.#firstNew = firstNew;
    for (const term of terms) {
      if (typeof term !== 'string') throw new Error('a saved term is not text');
      super.set(term, reader.position as unknown as Slots);
      skipSlots(reader);
    }
    if (!reader.done) throw new Error('saved postings do not match their terms');
    this.#reader = reader;
    this.#pending = terms.length;
  }

  override get(term: string): Slots | undefined {
    const value = super.get(term) as Slots | number | undefined;
    if (typeof value !== 'number') return value;
    const reader = this.#reader!;
    reader.seek(value);
    const slots: Slots = new Array(reader.uint());
    for (let s = 0; s < slots.length; s++) {
      const size = reader.uint();
      if (size > 0) slots[s] = reader.deltas(size - 1);
    }
    const appended = this.#appended.get(term);
    if (appended) {
      // Written as FlexSearch would have: at the end of the first position's list.
      const ids = slots[0] ?? [];
      slots[0] = ids;
      for (const num of appended) ids.push(num);
      this.#appended.delete(term);
    }
    super.set(term, slots);
    if (--this.#pending === 0) this.#reader = null;
    return slots;
  }

  savedBytes(term: string): Uint8Array | null {
    const value = super.get(term) as Slots | number | undefined;
    if (typeof value !== 'number' || this.#appended.has(term)) return null;
    const reader = this.#reader!;
    reader.seek(value);
    skipSlots(reader);
    return reader.since(value);
  }

  pendingEnds(term: string, num: number): boolean | undefined {
    if (num < this.#firstNew || typeof super.get(term) !== 'number') return undefined;
    // A saved list cannot end with a new number: only what was written since can.
    const appended = this.#appended.get(term);
    return appended !== undefined && appended[appended.length - 1] === num;
  }

  pendingPost(term: string, num: number): boolean | undefined {
    if (num < this.#firstNew || typeof super.get(term) !== 'number') return undefined;
    const appended = this.#appended.get(term);
    if (!appended) this.#appended.set(term, [num]);
    else if (appended[appended.length - 1] !== num) appended.push(num);
    return true;
  }

  #decodeAll(): void {
    if (this.#pending === 0) return;
    for (const term of super.keys()) this.get(term);
  }

  /**
   * Decodes what is left a slice per event-loop turn, so the first writes after a load find
   * their lists ready; does not keep the process alive.
   */
  decodeLater(): void {
    const terms = super.keys();
    inBackground((deadline) => {
      while (this.#pending > 0 && performance.now() < deadline) {
        const next = terms.next();
        if (next.done) return true;
        this.get(next.value);
      }
      return this.#pending === 0;
    }, DECODE_SLICE_MS);
  }

  override entries(): MapIterator<[string, Slots]> {
    this.#decodeAll();
    return super.entries();
  }

  override values(): MapIterator<Slots> {
    this.#decodeAll();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, Slots]> {
    return this.entries();
  }

  override forEach(each: (value: Slots, key: string, map: Map<string, Slots>) => void, self?: unknown): void {
    this.#decodeAll();
    super.forEach(each, self);
  }
}

/** Moves past one term's lists. */
function skipSlots(reader: ByteReader): void {
  const slots = reader.uint();
  for (let s = 0; s < slots; s++) reader.skip(Math.max(0, reader.uint() - 1));
}
