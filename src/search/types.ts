/** The interface the rest of the program uses to search; FlexSearch stays behind it. */
import type { Archive, SearchQuery, SearchResult, Talk } from '../model.ts';

export interface ArchiveSearch {
  /** Runs a query with filters, facets, pagination and snippets. Never throws on user input. */
  search(query: SearchQuery): SearchResult;
  /** Talks related to one talk (shared topics, same speaker, same conference), best first. */
  related(talkId: string, limit: number): Talk[];
  /** Prefix completions for search-as-you-type (talk titles, speakers, topics). */
  complete?(prefix: string, limit: number): string[];
}

/** Builds a search over an archive; `archive` is read, never changed. */
export type CreateSearch = (archive: Archive) => ArchiveSearch;
