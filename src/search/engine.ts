/**
 * The search index: a FlexSearch Document for full-text matching, our own tables for ids,
 * facets, vocabulary and ordering. FlexSearch is asked one word at a time (rank.ts); filters,
 * facet counts, pagination and snippets are done here, never with FlexSearch's tag, offset or
 * cache options.
 */
import { createHash } from 'node:crypto';
import type { Document } from 'flexsearch';
import type { Archive, SearchQuery, SearchResult, Talk } from '../model.ts';
import {
  createDocument,
  type Encoders,
  FIELDS,
  type FieldName,
  type IndexedDoc,
  SEARCH_CONFIG_HASH,
} from './config.ts';
import { allowedTalks, countFacets, passes } from './facets.ts';
import { toHit } from './hits.ts';
import { ArchiveLookup } from './lookup.ts';
import { containsPhrase, foldWords, normalizeWord, type ParsedQuery, parseQuery } from './query.ts';
import { type Ranking, rankQuery } from './rank.ts';
import { relatedTalks } from './related.ts';
import { encodeTerms, makeSnippet } from './snippet.ts';
import { facetsOf, type TalkRecord, TalkTable, vocabularyWords } from './tables.ts';
import type { SearchExport, SearchIndex } from './types.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/**
 * An imported index cannot use FlexSearch's fast updates, so each write scans the posting lists.
 * A batch larger than this is cheaper as a rebuild, which also restores fast updates.
 */
export const REBUILD_AFTER_CHANGES = 200;

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function fingerprint(doc: IndexedDoc): string {
  const text = JSON.stringify([doc.title, doc.speakers, doc.topics, doc.conference, doc.notes]);
  return createHash('sha1').update(text).digest('base64url').slice(0, 16);
}

export class TalkSearchIndex implements SearchIndex {
  readonly table = new TalkTable();
  #lookup: ArchiveLookup;

  constructor(
    archive: Archive,
    private readonly encoders: Encoders,
    private doc: Document<IndexedDoc>,
    private fastupdate: boolean,
  ) {
    this.#lookup = new ArchiveLookup(archive);
  }

  /** The table entry for a talk, numbered `num`, with the text FlexSearch should index. */
  entryFor(talk: Talk, num: number): { entry: TalkRecord; doc: IndexedDoc } {
    const doc = this.#lookup.docFor(talk, num);
    const year = this.#lookup.yearOf(talk);
    const words = vocabularyWords(doc);
    const facets = facetsOf(talk, year);
    const entry: TalkRecord = { num, talk, year, facets, words, fingerprint: fingerprint(doc), encoded: {} };
    return { entry, doc };
  }

  /** Adds or replaces one talk; `indexed` says the FlexSearch index already holds this text. */
  put(talk: Talk, indexed = false): void {
    const old = this.table.remove(talk.id);
    const { entry, doc } = this.entryFor(talk, old?.num ?? this.table.assign(talk.id));
    // contain(): a talk read from a snapshot is in FlexSearch before it is in the table.
    if (!indexed) {
      if (this.doc.contain(doc.id)) this.doc.update(doc);
      else this.doc.add(doc);
    }
    this.table.add(entry);
  }

  /** Removes a talk from the tables, and from FlexSearch by number (it may be only there). */
  drop(talkId: string, num?: number): void {
    const record = this.table.remove(talkId);
    const n = record?.num ?? num;
    if (n !== undefined) this.doc.remove(n);
  }

  /** FlexSearch leaves emptied slots behind after removals with fastupdate; queries on them throw. */
  settle(): void {
    if (this.fastupdate) this.doc.cleanup();
  }

  apply(archive: Archive, changed: Talk[], removed: string[]): void {
    this.#lookup = new ArchiveLookup(archive);
    const rebuild = !this.fastupdate && changed.length + removed.length > REBUILD_AFTER_CHANGES;
    for (const id of removed) {
      if (rebuild) this.table.remove(id);
      else this.drop(id);
    }
    for (const talk of changed) this.put(talk, rebuild);
    if (rebuild) this.#rebuild();
    this.settle();
  }

  #rebuild(): void {
    this.doc = createDocument(this.encoders, true);
    this.fastupdate = true;
    for (const record of this.table.byNum.values())
      this.doc.add(this.#lookup.docFor(record.talk, record.num));
  }

  export(): SearchExport {
    this.settle();
    const data: Record<string, string> = {};
    this.doc.export((key: string, chunk: unknown) => {
      data[`flexsearch:${key}`] = typeof chunk === 'string' ? chunk : JSON.stringify(chunk);
    });
    const talks = [...this.table.byNum.values()].map((r) => [r.talk.id, r.num, r.fingerprint]);
    data.tables = JSON.stringify({ talks });
    return { configHash: SEARCH_CONFIG_HASH, data };
  }

  related(talkId: string, limit: number): Talk[] {
    return relatedTalks(this.table, talkId, limit);
  }

  search(query: SearchQuery): SearchResult {
    const parsed = parseQuery(query?.q);
    const page = wholeNumber(query?.page, 1, 1, Number.MAX_SAFE_INTEGER);
    const limit = wholeNumber(query?.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const ranking = parsed.words.length ? this.#rank(parsed) : null;
    const candidates = ranking ? ranking.nums : this.table.byDate();
    const allowed = allowedTalks(query, this.table, this.#lookup);
    const matching = candidates.filter((num) => passes(num, allowed));
    const start = (page - 1) * limit;
    const terms = encodeTerms(ranking?.matchedWords ?? [], this.encoders.text);
    const hits = start >= matching.length ? [] : matching.slice(start, start + limit);
    return {
      query: parsed.text,
      total: matching.length,
      page,
      limit,
      hits: hits.map((num) => {
        const talk = this.table.byNum.get(num)!.talk;
        const text = ranking ? talk.text || talk.summary : talk.summary || talk.text;
        return toHit(talk, makeSnippet(text, terms, this.encoders.text), this.#lookup);
      }),
      facets: countFacets(candidates, allowed, query, this.table, this.#lookup),
      suggestion: ranking ? suggest(parsed, ranking) : null,
    };
  }

  /**
   * The encoded words of one short field of a talk, computed on first use and kept with the
   * talk: encoding every field of every talk upfront would slow building and loading for words
   * only ranking needs.
   */
  #encoded = (num: number, field: FieldName): Set<string> | undefined => {
    const record = this.table.byNum.get(num);
    const config = FIELDS.find((f) => f.field === field);
    if (!record || !config || field === 'notes') return undefined;
    let tokens = record.encoded[field];
    if (!tokens) {
      tokens = new Set(this.encoders[config.encoder].encode(this.#lookup.docFor(record.talk, num)[field]));
      record.encoded[field] = tokens;
    }
    return tokens;
  };

  #rank(parsed: ParsedQuery): Ranking {
    const context = { doc: this.doc, encoders: this.encoders, table: this.table, encoded: this.#encoded };
    const ranking = rankQuery(context, parsed.words);
    if (!parsed.phrases.length) return ranking;
    const nums = ranking.nums.filter((num) => {
      const talk = this.table.byNum.get(num)!.talk;
      const words = foldWords(`${talk.title} \n ${talk.text || talk.summary}`);
      return parsed.phrases.every((phrase) => containsPhrase(words, phrase));
    });
    return { ...ranking, nums };
  }
}

/** The query with each corrected word replaced, or null when nothing was corrected. */
function suggest(parsed: ParsedQuery, ranking: Ranking): string | null {
  if (!ranking.corrections.size) return null;
  const pieces = parsed.text.split(' ').map((piece) => {
    const word = normalizeWord(piece.replace(/"/g, ''));
    const fixed = ranking.corrections.get(word);
    const at = piece.toLowerCase().indexOf(word);
    return fixed && at >= 0 ? piece.slice(0, at) + fixed + piece.slice(at + word.length) : piece;
  });
  const text = pieces.join(' ');
  return text.toLowerCase() === parsed.text.toLowerCase() ? null : text;
}
