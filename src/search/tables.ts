/**
 * Our own tables next to FlexSearch: talk id <-> number, the talk behind each number, facet
 * values as small integers (value -> talks) and the vocabulary used for typo correction.
 *
 * Numbers are never reused: a changed talk gets a new number and its old one is retired, so
 * FlexSearch only ever has to add (removing from a non-fast-update index scans every posting
 * list). Retired numbers stay in FlexSearch until a compaction; every lookup here skips them.
 */
import type { Talk } from '../model.ts';
import { inBackground } from './background.ts';
import { FACET_NAMES, type FacetName } from './lookup.ts';
import { FacetCodes, FacetValues } from './values.ts';
import { Vocabulary } from './vocabulary.ts';

export { FacetCodes, FacetValues };

export interface TalkRecord {
  num: number;
  talk: Talk;
  /**
   * Vocabulary words of title, speakers, topics and conference, each after a space (" kafka
   * streams"): one string per talk costs far less memory than an array of words.
   */
  words: string;
  /** Hash of the indexed text: a snapshot re-indexes a talk only when it changed. */
  fingerprint: string;
  /** Encoded words of the short fields (short-fields.ts); null until computed. */
  encoded: string | null;
}

export class TalkTable {
  readonly byId = new Map<string, TalkRecord>();
  readonly #byNum: (TalkRecord | undefined)[] = [];
  readonly facets: Record<FacetName, FacetValues> = {
    topic: new FacetValues(),
    conference: new FacetValues(),
    year: new FacetValues(),
    speaker: new FacetValues(),
  };
  /** The same, by facet index (FACET_NAMES order), as facet codes name them. */
  readonly #byIndex = FACET_NAMES.map((facet) => this.facets[facet]);
  readonly vocabulary = new Vocabulary();
  readonly codes = new FacetCodes();
  /** Retired numbers still held by the FlexSearch index. */
  retired = 0;
  #next = 1;
  #order: number[] | null = null;
  #rank: Int32Array | null = null;
  /** Talks not yet filed in the facet member sets (see deferMembers), in the order they came. */
  #unfilled: MapIterator<TalkRecord> | null = null;

  get size(): number {
    return this.byId.size;
  }

  /** One past the highest number ever handed out: the size of arrays indexed by number. */
  get next(): number {
    return this.#next;
  }

  get(num: number): TalkRecord | undefined {
    return this.#byNum[num];
  }

  records(): IterableIterator<TalkRecord> {
    return this.byId.values();
  }

  /** Continues the numbering of a snapshot, whose index may hold numbers no talk has any more. */
  resume(next: number, retired: number): void {
    this.#next = Math.max(this.#next, next);
    this.retired = retired;
  }

  /** A number never handed out before. */
  assign(): number {
    return this.#next++;
  }

  /**
   * `words`: the talk's vocabulary words (vocabularyWords), counted into the vocabulary; or, as
   * one string, the words saved in a snapshot whose vocabulary counts already include them.
   */
  add(talk: Talk, num: number, year: number | null, fp: string, words: string[] | string): TalkRecord {
    const codes: number[] = [];
    this.#code(codes, num, 0, talk.topicIds);
    this.#code(codes, num, 1, [talk.conferenceId]);
    this.#code(codes, num, 2, year === null ? [] : [String(year)]);
    this.#code(codes, num, 3, talk.speakerIds);
    this.codes.set(num, codes);
    const joined = typeof words === 'string' ? words : ` ${words.join(' ')}`;
    const record: TalkRecord = { num, talk, words: joined, fingerprint: fp, encoded: null };
    this.byId.set(talk.id, record);
    this.#byNum[num] = record;
    if (typeof words !== 'string') this.vocabulary.add(words);
    if (this.#order) this.#order.splice(this.#position(record), 0, num);
    this.#rank = null;
    return record;
  }

  /** Files `num` under each distinct key of facet number `f` (FACET_NAMES order). */
  #code(codes: number[], num: number, f: number, keys: readonly string[]): void {
    const values = this.facets[FACET_NAMES[f]!];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (keys.indexOf(key) < i) continue;
      const value = values.code(key);
      if (!this.#unfilled) values.add(value, num);
      codes.push((value << 2) | f);
    }
  }

  /**
   * Until the fill is finished, talks added to this empty table are not filed in the facet
   * member sets: a snapshot load skips half a million set insertions (~0.2 s at 100k talks).
   * Reading any facet's `members` finishes the fill first; fillMembersLater() finishes it in
   * the background. Writes meanwhile need not wait (see remove).
   */
  deferMembers(): void {
    if (this.byId.size > 0) return;
    this.#unfilled = this.byId.values();
    const finish = () => this.fillMembers();
    for (const facet of FACET_NAMES) this.facets[facet].unfilled = finish;
  }

  /**
   * Files the deferred talks in the member sets, in the order they were added (the order an
   * eager table has), until `deadline` (performance.now() time); true once all are filed.
   */
  fillMembers(deadline = Number.POSITIVE_INFINITY): boolean {
    const records = this.#unfilled;
    if (!records) return true;
    for (let n = 1; ; n++) {
      const next = records.next();
      if (next.done) break;
      this.codes.file(next.value.num, this.#byIndex);
      if ((n & 1023) === 0 && performance.now() > deadline) return false;
    }
    this.#unfilled = null;
    for (const facet of FACET_NAMES) this.facets[facet].unfilled = null;
    return true;
  }

  /** Finishes a deferred fill a slice per event-loop turn; does not keep the process alive. */
  fillMembersLater(sliceMs = 10): void {
    if (this.#unfilled) inBackground((deadline) => this.fillMembers(deadline), sliceMs);
  }

  /** Removes a talk; its number is retired (FlexSearch may still hold it). */
  remove(talkId: string): TalkRecord | undefined {
    const record = this.byId.get(talkId);
    if (!record) return undefined;
    if (this.#order) this.#order.splice(this.#position(record), 1);
    // During a deferred fill a talk not filed yet is never filed: it leaves byId first.
    this.byId.delete(talkId);
    this.#byNum[record.num] = undefined;
    for (const code of this.codes.get(record.num)) this.#byIndex[code & 3]!.remove(code >> 2, record.num);
    this.codes.clear(record.num);
    this.vocabulary.remove(record.words.split(' ').slice(1));
    this.retired++;
    this.#rank = null;
    return record;
  }

  /** All talks, newest first, then by id: the order of an empty query. Kept sorted on writes. */
  byDate(): number[] {
    if (!this.#order) {
      const records = [...this.byId.values()].sort((a, b) => compareNewest(a.talk, b.talk));
      this.#order = records.map((r) => r.num);
    }
    return this.#order;
  }

  /** Position of each number in byDate(): ranking breaks ties with it without comparing strings. */
  dateRank(): Int32Array {
    if (!this.#rank || this.#rank.length < this.#next) {
      const rank = new Int32Array(this.#next + 1024);
      this.byDate().forEach((num, i) => {
        rank[num] = i;
      });
      this.#rank = rank;
    }
    return this.#rank;
  }

  /** Where `record` sits (or would sit) in the sorted date order. */
  #position(record: TalkRecord): number {
    const order = this.#order!;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareNewest(this.#byNum[order[mid]!]!.talk, record.talk) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Newest first (talks without a date last), then by id so the order is total. */
export function compareNewest(a: Talk, b: Talk): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
