/**
 * Our own tables next to FlexSearch: talk id <-> numeric id, the talk behind each number, facet
 * maps (value -> talks) and the vocabulary used for typo correction. Every write touches only
 * the entries of the talks it adds or removes.
 */
import type { Talk } from '../model.ts';
import type { FieldName, IndexedDoc } from './config.ts';
import { FACET_NAMES, type FacetName } from './lookup.ts';

export interface TalkRecord {
  num: number;
  talk: Talk;
  year: number | null;
  /** Facet keys of this talk at the time it was added (removal must use the old values). */
  facets: Record<FacetName, string[]>;
  /** Vocabulary words of title, speakers, topics and conference, for typo correction. */
  words: string[];
  /** Hash of the indexed text: a snapshot re-indexes a talk only when it changed. */
  fingerprint: string;
  /**
   * The encoded words of each short field, filled in when ranking first needs them, so it can
   * tell a whole-word match from a prefix match without encoding the field on every query.
   */
  encoded: Partial<Record<FieldName, Set<string>>>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Distinct lowercase, accent-free words of at least 3 characters. */
export function vocabularyWords(doc: IndexedDoc): string[] {
  const text = `${doc.title} ${doc.speakers} ${doc.topics} ${doc.conference}`;
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set(folded.match(WORD) ?? [])].filter((w) => w.length >= 3);
}

export function facetsOf(talk: Talk, year: number | null): Record<FacetName, string[]> {
  return {
    topic: [...new Set(talk.topicIds)],
    conference: [talk.conferenceId],
    year: year === null ? [] : [String(year)],
    speaker: [...new Set(talk.speakerIds)],
  };
}

export class TalkTable {
  readonly byId = new Map<string, TalkRecord>();
  readonly byNum = new Map<number, TalkRecord>();
  readonly facets: Record<FacetName, Map<string, Set<number>>> = {
    topic: new Map(),
    conference: new Map(),
    year: new Map(),
    speaker: new Map(),
  };
  /** word -> number of talks using it. */
  readonly vocabulary = new Map<string, number>();
  #nextNum = 1;
  #byDate: number[] | null = null;

  /** Numbers read from a snapshot: the imported FlexSearch index already refers to them. */
  readonly #reserved = new Map<string, number>();

  reserve(talkId: string, num: number): void {
    this.#nextNum = Math.max(this.#nextNum, num + 1);
    this.#reserved.set(talkId, num);
  }

  /** The number for a talk not yet in the table, honouring numbers read from a snapshot. */
  assign(talkId: string): number {
    const kept = this.byId.get(talkId)?.num ?? this.#reserved.get(talkId);
    return kept ?? this.#nextNum++;
  }

  add(record: TalkRecord): void {
    this.byId.set(record.talk.id, record);
    this.byNum.set(record.num, record);
    this.#reserved.delete(record.talk.id);
    for (const name of FACET_NAMES) {
      for (const key of record.facets[name]) {
        const set = this.facets[name].get(key) ?? new Set<number>();
        set.add(record.num);
        this.facets[name].set(key, set);
      }
    }
    for (const word of record.words) this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + 1);
    this.#byDate = null;
  }

  remove(talkId: string): TalkRecord | undefined {
    const record = this.byId.get(talkId);
    if (!record) return undefined;
    this.byId.delete(talkId);
    this.byNum.delete(record.num);
    for (const name of FACET_NAMES) {
      for (const key of record.facets[name]) {
        const set = this.facets[name].get(key);
        set?.delete(record.num);
        if (set?.size === 0) this.facets[name].delete(key);
      }
    }
    for (const word of record.words) {
      const count = (this.vocabulary.get(word) ?? 0) - 1;
      if (count > 0) this.vocabulary.set(word, count);
      else this.vocabulary.delete(word);
    }
    this.#byDate = null;
    return record;
  }

  /** All talks, newest first, then by id: the order of an empty query. Rebuilt lazily after writes. */
  byDate(): number[] {
    if (!this.#byDate) {
      const records = [...this.byNum.values()];
      records.sort((a, b) => compareNewest(a.talk, b.talk));
      this.#byDate = records.map((r) => r.num);
    }
    return this.#byDate;
  }

  /** The numeric id of every talk, for the snapshot. */
  exportIds(): { ids: [string, number][]; next: number } {
    return { ids: [...this.byId.values()].map((r) => [r.talk.id, r.num]), next: this.#nextNum };
  }
}

/** Newest first (talks without a date last), then by id so the order is total. */
export function compareNewest(a: Talk, b: Talk): number {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
