/**
 * The interface the rest of the program uses to search. FlexSearch stays behind it, so the
 * engine can change (a persistent adapter, another library) without touching callers.
 */
import type { Archive, SearchQuery, SearchResult, Talk } from '../model.ts';

export interface ArchiveSearch {
  /** Runs a query with filters, facets, pagination and snippets. Never throws on user input. */
  search(query: SearchQuery): SearchResult;
  /** Talks related to one talk (shared topics, same speaker, same conference), best first. */
  related(talkId: string, limit: number): Talk[];
}

/** A search index that can be updated in place and saved. */
export interface SearchIndex extends ArchiveSearch {
  /**
   * Takes in a new version of the archive: `changed` talks were added or modified, `removed`
   * ids are gone. Cost is proportional to the change, not to the archive.
   */
  apply(archive: Archive, changed: Talk[], removed: string[]): void;
  /** A serialisable copy of the index, for the snapshot. */
  export(): SearchExport;
  /**
   * The index as it is now, serialised later: cheap to take (no encoding happens here), and
   * writes applied after it do not show in what it serialises. A snapshot write takes one
   * before its first await and reads the pieces between awaits, so that no single stretch of
   * work holds the event loop for the whole export.
   */
  capture(): SearchCapture;
}

/** What SearchIndex.capture takes: SearchExport's chunks, each made a piece at a time. */
export interface SearchCapture {
  configHash: string;
  /** In SearchExport.data's order; `pieces()` can be read more than once, with the same result. */
  chunks: readonly CapturedChunk[];
}

export interface CapturedChunk {
  key: string;
  /** The chunk's text in pieces of a few hundred kB, each made when it is asked for. */
  pieces(): Iterable<string>;
}

export interface SearchExport {
  /** Changes whenever the index layout or configuration changes; a mismatch means "rebuild". */
  configHash: string;
  /** Opaque chunks (FlexSearch export keys -> data, plus the index's own tables). */
  data: Record<string, string>;
}

/**
 * Implemented in src/search/index.ts:
 *   createSearchIndex(archive: Archive): SearchIndex
 *   loadSearchIndex(archive: Archive, saved: SearchExport): SearchIndex   // throws SearchConfigMismatch
 *   SEARCH_CONFIG_HASH: string
 */
