/**
 * FlexSearch's posting lists, written directly. With our configuration (no fast-update register,
 * no context, no store, no tags, resolution 1; see config.ts) each field of a FlexSearch
 * 0.8.212 Document is an index whose `map` holds term -> [[talk numbers]], and the Document's
 * `reg` holds every number added. FlexSearch spends most of a build in its own per-term
 * bookkeeping (a dictionary object per field per talk, arrays grown number by number); this
 * module (and postings-builder.ts, for a full build) makes the same postings, in the same
 * order, for a fraction of that, and postings-file.ts and saved-postings.ts save and restore
 * them.
 *
 * tests/search/postings.test.ts checks both against FlexSearch's own `add` and `search`.
 */
import type { Document, Encoder } from 'flexsearch';
import { type Encoders, FIELDS, type IndexedDoc } from './config.ts';

export type Postings = Map<string, (number[] | undefined)[]> & Partial<PendingLists>;

/**
 * Lists that a map holds without having decoded them yet (saved-postings.ts): a write can be
 * recorded against them, and a capture copy them, without decoding. The first two answer
 * undefined when they do not apply.
 */
export interface PendingLists {
  /** The saved bytes of `token`'s lists while they are as loaded, else null. */
  savedBytes(token: string): Uint8Array | null;
  /** Whether a pending list ends with `num`. */
  pendingEnds(token: string, num: number): boolean | undefined;
  /** Records `num` at the end of a pending list; true when done. */
  pendingPost(token: string, num: number): boolean | undefined;
}

/** The parts of FlexSearch's field index read and written here. */
export interface FieldIndex {
  map: Postings;
  reg: Set<number>;
}

export interface DocumentInternals {
  reg: Set<number>;
  index: Map<string, FieldIndex>;
}

export function internals(doc: Document<IndexedDoc>): DocumentInternals {
  const inner = doc as unknown as DocumentInternals;
  if (!(inner.reg instanceof Set) || !(inner.index instanceof Map)) {
    throw new Error('unexpected FlexSearch internals (a version other than 0.8.212?)');
  }
  return inner;
}

export function fieldMap(inner: DocumentInternals, field: string): Postings {
  const index = inner.index.get(field);
  if (!index || !(index.map instanceof Map)) throw new Error(`FlexSearch has no field "${field}"`);
  return index.map;
}

/** The posting lists of one field, being appended to. */
export interface FieldLists {
  /** Whether `token`'s list ends with `num` (without creating the list). */
  ends(token: string, num: number): boolean;
  /** Appends `num` to `token`'s list unless it ends with it already. */
  post(token: string, num: number): void;
  /** Posts `num` under every prefix of `term` (itself included), unless `term` has it already. */
  postPrefixes(term: string, num: number): void;
}

/**
 * Posts `num` under each token of one field of one talk, as FlexSearch's Index.add does with
 * resolution 1 (every score 0): a token is posted once per call, and a term already posted (as a
 * word or as a prefix of an earlier word) is skipped with its prefixes. Numbers are new to the
 * index, so "already posted in this call" is "the list ends with `num`".
 */
function addTerms(lists: FieldLists, num: number, terms: string[], forward: boolean): void {
  for (const term of terms) {
    if (!term.length) continue;
    if (!forward || term.length === 1) {
      lists.post(term, num);
      continue;
    }
    lists.postPrefixes(term, num);
  }
}

/** What FlexSearch's Index.add asks of its encoder: terms with duplicates dropped. */
function encode(encoder: Encoder, text: string): string[] {
  return (encoder.encode as (text: string, dedupe: boolean) => string[])(text, true);
}

/** Posts one talk's fields (one FieldLists per field); false when no field has a term. */
export function addFields(encoders: Encoders, doc: IndexedDoc, lists: FieldLists[]): boolean {
  let any = false;
  FIELDS.forEach((f, i) => {
    const text = doc[f.field];
    const terms = text ? encode(encoders[f.encoder], text) : [];
    if (!terms.length) return;
    addTerms(lists[i]!, doc.id, terms, f.tokenize === 'forward');
    any = true;
  });
  return any;
}

/** FlexSearch's own lists of one field. */
class FlexLists implements FieldLists {
  constructor(private readonly map: Postings) {}

  ends(token: string, num: number): boolean {
    const pending = this.map.pendingEnds?.(token, num);
    if (pending !== undefined) return pending;
    const ids = this.map.get(token)?.[0];
    return ids !== undefined && ids[ids.length - 1] === num;
  }

  post(token: string, num: number): void {
    if (this.map.pendingPost?.(token, num)) return;
    const slots = this.map.get(token);
    const ids = slots?.[0];
    if (!slots) this.map.set(token, [[num]]);
    else if (!ids) slots[0] = [num];
    else if (ids[ids.length - 1] !== num) ids.push(num);
  }

  postPrefixes(term: string, num: number): void {
    if (this.ends(term, num)) return;
    // Slices rather than FlexSearch's `token += char`: flat strings hash without flattening.
    for (let end = 1; end <= term.length; end++) this.post(term.slice(0, end), num);
  }
}

/** Same effect as `doc.add(indexed)` for a number the index does not hold yet. */
export function addDocument(doc: Document<IndexedDoc>, encoders: Encoders, indexed: IndexedDoc): void {
  const inner = internals(doc);
  const lists = FIELDS.map(({ field }) => new FlexLists(fieldMap(inner, field)));
  if (addFields(encoders, indexed, lists)) inner.reg.add(indexed.id);
}
