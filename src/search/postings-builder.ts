/**
 * A full build's posting lists (see postings.ts): grown in typed arrays, then handed to a fresh
 * FlexSearch Document in one go.
 */
import type { Document } from 'flexsearch';
import { numberList } from './bytes.ts';
import { type Encoders, FIELDS, type IndexedDoc } from './config.ts';
import { addFields, type FieldLists, fieldMap, internals } from './postings.ts';

interface GrowingList {
  ids: Int32Array;
  length: number;
}

function append(list: GrowingList, num: number): void {
  if (list.length && list.ids[list.length - 1] === num) return;
  if (list.length === list.ids.length) {
    const bigger = new Int32Array(list.ids.length * 2);
    bigger.set(list.ids);
    list.ids = bigger;
  }
  list.ids[list.length++] = num;
}

/**
 * Lists of numbers in typed arrays (no garbage-collected array grows during a build), and for
 * each prefix-indexed term the lists of its prefixes, looked up once per term rather than once
 * per prefix per talk.
 */
class GrowingLists implements FieldLists {
  readonly lists = new Map<string, GrowingList>();
  readonly #prefixes = new Map<string, GrowingList[]>();

  #list(token: string): GrowingList {
    const found = this.lists.get(token);
    if (found) return found;
    const list = { ids: new Int32Array(4), length: 0 };
    this.lists.set(token, list);
    return list;
  }

  ends(token: string, num: number): boolean {
    const list = this.lists.get(token);
    return list !== undefined && list.length > 0 && list.ids[list.length - 1] === num;
  }

  post(token: string, num: number): void {
    append(this.#list(token), num);
  }

  postPrefixes(term: string, num: number): void {
    let chain = this.#prefixes.get(term);
    if (!chain) {
      if (this.ends(term, num)) return;
      // In prefix order, so new lists enter the map in the order FlexSearch would add them.
      chain = [];
      for (let end = 1; end <= term.length; end++) chain.push(this.#list(term.slice(0, end)));
      this.#prefixes.set(term, chain);
    }
    const own = chain[chain.length - 1]!;
    if (own.length && own.ids[own.length - 1] === num) return;
    for (const list of chain) append(list, num);
  }

  clear(): void {
    this.lists.clear();
    this.#prefixes.clear();
  }
}

/**
 * Builds the postings of many talks at once, then hands them to a fresh Document in one go,
 * each list allocated at its final size: what a full build does instead of adding talk by talk.
 */
export class PostingsBuilder {
  readonly #fields = FIELDS.map(() => new GrowingLists());
  readonly #reg: number[] = [];

  constructor(private readonly encoders: Encoders) {}

  add(indexed: IndexedDoc): void {
    if (addFields(this.encoders, indexed, this.#fields)) this.#reg.push(indexed.id);
  }

  /** Fills `doc`, which must be empty. */
  finish(doc: Document<IndexedDoc>): void {
    const inner = internals(doc);
    for (const num of this.#reg) inner.reg.add(num);
    FIELDS.forEach(({ field }, f) => {
      const map = fieldMap(inner, field);
      const { lists } = this.#fields[f]!;
      for (const [token, { ids, length }] of lists) {
        const array = numberList(length);
        for (let i = 0; i < length; i++) array[i] = ids[i]!;
        map.set(token, [array]);
      }
      this.#fields[f]!.clear();
    });
  }
}
