/**
 * The state one request sees: an archive, its search index, and lookup tables built once.
 * The server holds it behind a getter so that re-indexing swaps the whole object at once; a
 * request reads the getter a single time and never mixes an old archive with a new index.
 */
import type { Archive, Conference, Speaker, Talk, Topic } from '../model.ts';
import type { ArchiveSearch } from '../search/types.ts';
import { createListings, type Listings } from './listings.ts';

/** Fields a newer archive may carry for talks whose id changed or that were removed. */
interface ArchiveMoves {
  redirects?: Record<string, string>;
  gone?: string[];
}

export interface Lookups {
  talks: Map<string, Talk>;
  conferences: Map<string, Conference>;
  speakers: Map<string, Speaker>;
  topics: Map<string, Topic>;
  redirects: Map<string, string>;
  gone: Set<string>;
  /** Sorted lists of the archive, each computed on first use. */
  listings: Listings;
}

export interface AppState {
  archive: Archive;
  search: ArchiveSearch;
  lookups: Lookups;
  loadedAt: Date;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function createAppState(archive: Archive, search: ArchiveSearch, loadedAt = new Date()): AppState {
  const moves: Archive & ArchiveMoves = archive;
  const conferences = byId(archive.conferences);
  return {
    archive,
    search,
    loadedAt,
    lookups: {
      talks: byId(archive.talks),
      conferences,
      speakers: byId(archive.speakers),
      topics: byId(archive.topics),
      redirects: new Map(Object.entries(moves.redirects ?? {})),
      gone: new Set(moves.gone ?? []),
      listings: createListings(archive, conferences),
    },
  };
}

export function talkUrl(talk: Pick<Talk, 'id'>): string {
  return `/talks/${talk.id.split('/').map(encodeURIComponent).join('/')}`;
}

export function entityUrl(kind: 'conferences' | 'speakers' | 'topics', id: string): string {
  return `/${kind}/${encodeURIComponent(id)}`;
}
