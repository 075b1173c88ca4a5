/**
 * The search index: a FlexSearch Document for full-text matching, our own tables for ids,
 * facets, vocabulary and ordering. FlexSearch is asked one word at a time (rank.ts); filters,
 * facet counts, pagination and snippets are done here, never with FlexSearch's tag, offset or
 * cache options.
 */
import type { Document } from 'flexsearch';
import type { Archive, SearchQuery, SearchResult, Talk } from '../model.ts';
import { COMPACT_MIN, Compactor } from './compaction.ts';
import { createDocument, type Encoders, type IndexedDoc, SEARCH_CONFIG_HASH } from './config.ts';
import { type Allowed, allowedTalks, countFacets, hasFilters, passes } from './facets.ts';
import { fingerprint } from './fingerprint.ts';
import { toHit } from './hits.ts';
import { ArchiveLookup, changedEntities, FACET_NAMES } from './lookup.ts';
import { addDocument, PostingsBuilder } from './postings.ts';
import { exportPostings } from './postings-file.ts';
import { containsPhrase, foldWords, normalizeWord, type ParsedQuery, parseQuery } from './query.ts';
import { type Ranking, rankQuery } from './rank.ts';
import { relatedTalks } from './related.ts';
import { saveTables } from './saved-tables.ts';
import { Scores } from './scores.ts';
import { encodeShortFields } from './short-fields.ts';
import { encodeTerms, makeSnippet } from './snippet.ts';
import { TalkTable, vocabularyWords } from './tables.ts';
import type { SearchExport, SearchIndex } from './types.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/**
 * Writes only ever add to FlexSearch (see tables.ts): a changed talk is indexed under a new
 * number and its old number is retired. Retired numbers are dropped by a compaction (a rebuild
 * in the background, compaction.ts) once they are a quarter of the index.
 */
export class TalkSearchIndex implements SearchIndex {
  readonly table = new TalkTable();
  readonly #scores = new Scores();
  readonly #compactor: Compactor;
  #lookup: ArchiveLookup;

  constructor(
    archive: Archive,
    private readonly encoders: Encoders,
    private doc: Document<IndexedDoc>,
  ) {
    this.#lookup = new ArchiveLookup(archive);
    this.#compactor = new Compactor(
      this.table,
      () => createDocument(encoders),
      (record) => this.#lookup.docFor(record.talk, record.num),
      (index, doc) => addDocument(index, encoders, doc),
    );
  }

  /** Whether the indexed text of `talk` is still what `fp` was computed from. */
  unchanged(talk: Talk, fp: string): boolean {
    return fingerprint(talk, this.#lookup) === fp;
  }

  /**
   * Adds a talk under `num`, a number FlexSearch does not hold yet; through `bulk` when given
   * (a full build, see PostingsBuilder).
   */
  insert(talk: Talk, num: number, bulk?: PostingsBuilder): void {
    const doc = this.#lookup.docFor(talk, num);
    if (bulk) bulk.add(doc);
    else addDocument(this.doc, this.encoders, doc);
    this.#compactor.added(doc);
    const fp = fingerprint(talk, this.#lookup);
    const record = this.table.add(talk, num, this.#lookup.yearOf(talk), fp, vocabularyWords(doc));
    // Right after FlexSearch encoded these fields its encoder cache still holds them.
    record.encoded = encodeShortFields(doc, this.encoders);
  }

  /**
   * Takes back a talk from a snapshot, unchanged since (see unchanged()): FlexSearch already
   * holds its text under `num`, and the restored vocabulary counts include its `words`.
   */
  restore(talk: Talk, num: number, fp: string, words: string): void {
    this.table.add(talk, num, this.#lookup.yearOf(talk), fp, words);
  }

  /** Indexes every talk of a fresh index (nothing added yet). */
  build(talks: Talk[]): void {
    const bulk = new PostingsBuilder(this.encoders);
    for (const talk of talks) {
      this.table.remove(talk.id);
      this.insert(talk, this.table.assign(), bulk);
    }
    bulk.finish(this.doc);
  }

  /** Adds or replaces one talk, under a new number. */
  put(talk: Talk): void {
    this.table.remove(talk.id);
    this.insert(talk, this.table.assign());
  }

  apply(archive: Archive, changed: Talk[], removed: string[]): void {
    const before = this.#lookup;
    this.#lookup = new ArchiveLookup(archive);
    for (const id of removed) this.table.remove(id);
    for (const talk of changed) this.put(talk);
    for (const talk of this.#renamed(before, changed)) this.put(talk);
    this.maybeCompact();
  }

  /** Talks not among `changed` that point to an entity whose indexed text changed. */
  #renamed(before: ArchiveLookup, changed: Talk[]): Talk[] {
    const done = new Set(changed.map((talk) => talk.id));
    const talks: Talk[] = [];
    const entities = changedEntities(before, this.#lookup);
    for (const facet of FACET_NAMES) {
      for (const key of entities[facet]) {
        for (const num of this.table.facets[facet].talks(key) ?? []) {
          const talk = this.table.get(num)?.talk;
          if (talk && !done.has(talk.id)) talks.push(talk);
          if (talk) done.add(talk.id);
        }
      }
    }
    return talks;
  }

  /** Starts a background rebuild once retired numbers are a quarter of what the index holds. */
  maybeCompact(): void {
    if (this.table.retired > COMPACT_MIN && this.table.retired * 3 > this.table.size) {
      this.#compactor.start((fresh) => {
        this.doc = fresh;
      });
    }
  }

  /** Resolves when no compaction is running (for callers that need a settled index). */
  idle(): Promise<void> {
    return this.#compactor.idle();
  }

  export(): SearchExport {
    const data = { ...exportPostings(this.doc), ...saveTables(this.table) };
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
    const allowed = allowedTalks(query, this.table, this.#lookup);
    const filtered = hasFilters(allowed);
    const matching = !ranking
      ? this.#browse(allowed)
      : filtered
        ? ranking.nums.filter((num) => passes(num, allowed))
        : ranking.nums;
    const start = (page - 1) * limit;
    const terms = encodeTerms(ranking?.matchedWords ?? [], this.encoders.text);
    const ordered = ranking ? this.#scores.top(matching, start + limit, this.table.dateRank()) : matching;
    const hits = start >= matching.length ? [] : ordered.slice(start, start + limit);
    return {
      query: parsed.text,
      total: matching.length,
      page,
      limit,
      hits: hits.map((num) => {
        const talk = this.table.get(num)!.talk;
        const text = ranking ? talk.text || talk.summary : talk.summary || talk.text;
        return toHit(talk, makeSnippet(text, terms, this.encoders.text), this.#lookup);
      }),
      facets: countFacets(ranking?.nums ?? null, allowed, query, this.table, this.#lookup),
      suggestion: ranking ? suggest(parsed, ranking) : null,
    };
  }

  /** Talks passing the filters, newest first: from the smallest filter's set when one is set. */
  #browse(allowed: Allowed): number[] {
    const sets = FACET_NAMES.map((f) => allowed[f]).filter((set) => set !== null);
    if (!sets.length) return this.table.byDate();
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    const rank = this.table.dateRank();
    const nums = [...smallest].filter((num) => this.table.get(num) && passes(num, allowed));
    return nums.sort((a, b) => rank[a]! - rank[b]!);
  }

  /**
   * The encoded short fields of a talk: set when the talk is indexed, and on first use for a
   * talk read from a snapshot (loading stays as fast as it was).
   */
  #encoded = (num: number): string | undefined => {
    const record = this.table.get(num);
    if (!record) return undefined;
    record.encoded ??= encodeShortFields(this.#lookup.docFor(record.talk, num), this.encoders);
    return record.encoded;
  };

  #rank(parsed: ParsedQuery): Ranking {
    const context = {
      doc: this.doc,
      encoders: this.encoders,
      table: this.table,
      scores: this.#scores,
      encoded: this.#encoded,
    };
    const ranking = rankQuery(context, parsed.words);
    if (!parsed.phrases.length) return ranking;
    const nums = ranking.nums.filter((num) => {
      const talk = this.table.get(num)!.talk;
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
