/**
 * The search index: a FlexSearch Document for full-text matching, our own tables for ids,
 * facets, vocabulary and ordering. FlexSearch is asked one word at a time (rank.ts); filters,
 * facet counts, pagination and snippets are ours too (results.ts), never FlexSearch's tag,
 * offset or cache options.
 */
import type { Document } from 'flexsearch';
import type { Archive, SearchQuery, SearchResult, Talk } from '../model.ts';
import { inBackground } from './background.ts';
import { exportCapture } from './capture.ts';
import { COMPACT_MIN, Compactor } from './compaction.ts';
import { createDocument, type Encoders, type IndexedDoc, SEARCH_CONFIG_HASH } from './config.ts';
import { prepareHashes } from './field-score.ts';
import { fingerprint } from './fingerprint.ts';
import { ArchiveLookup } from './lookup.ts';
import { addDocument } from './postings.ts';
import { PostingsBuilder } from './postings-builder.ts';
import { capturePostings } from './postings-file.ts';
import type { ParsedQuery } from './query.ts';
import { type Ranking, rankQuery } from './rank.ts';
import { relatedTalks } from './related.ts';
import { renamedTalks } from './renames.ts';
import { searchTalks, withPhrases } from './results.ts';
import { captureTables } from './saved-tables.ts';
import { Scores } from './scores.ts';
import { encodeShortFields } from './short-fields.ts';
import { TalkTable } from './tables.ts';
import type { SearchCapture, SearchExport, SearchIndex } from './types.ts';
import { vocabularyWords } from './vocabulary.ts';

/** Background encoding after a load works this long per event-loop turn. */
const ENCODE_SLICE_MS = 8;

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
    for (const talk of renamedTalks(before, this.#lookup, this.table, changed)) this.put(talk);
    this.maybeCompact();
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
    return exportCapture(this.capture());
  }

  capture(): SearchCapture {
    // Numbers below `next` are all a capture holds (see postings-file.ts).
    const chunks = [...capturePostings(this.doc, this.table.next), ...captureTables(this.table)];
    return { configHash: SEARCH_CONFIG_HASH, chunks };
  }

  related(talkId: string, limit: number): Talk[] {
    return relatedTalks(this.table, talkId, limit);
  }

  search(query: SearchQuery): SearchResult {
    const context = {
      table: this.table,
      lookup: this.#lookup,
      encoders: this.encoders,
      scores: this.#scores,
      rank: (parsed: ParsedQuery) => this.#rank(parsed),
    };
    return searchTalks(context, query);
  }

  /**
   * Encodes the short fields of the talks read from a snapshot, and their quick tests
   * (short-hashes.ts), in the background, a slice per event-loop turn, so that no query after a
   * load pays for them (loading stays as fast as it was).
   */
  encodeLater(sliceMs = ENCODE_SLICE_MS): void {
    const records = this.table.records();
    inBackground((deadline) => {
      for (let n = 1; ; n++) {
        const next = records.next();
        if (next.done) return true;
        const { num, words } = next.value;
        const encoded = this.#encoded(num);
        if (encoded) prepareHashes(this.table, num, encoded, words);
        if ((n & 63) === 0 && performance.now() > deadline) return false;
      }
    }, sliceMs);
  }

  /**
   * The encoded short fields of a talk: set when the talk is indexed, and for a talk read from
   * a snapshot by encodeLater() or on first use, whichever comes first.
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
    return withPhrases(rankQuery(context, parsed.words), parsed.phrases, this.table);
  }
}
