/**
 * The state one request sees: an archive, its search index, and lookup tables built once.
 * The server holds it behind a getter so that re-indexing swaps the whole object at once; a
 * request reads the getter a single time and never mixes an old archive with a new index.
 */
import type { Archive, Conference, Speaker, Talk, Topic } from '../model.ts';
import type { ArchiveSearch } from '../search/types.ts';

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
  /** Talks, newest first (by date, then conference year), for feeds and listings. */
  newestTalks: Talk[];
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

function talkTime(talk: Talk, conferences: Map<string, Conference>): string {
  const conference = conferences.get(talk.conferenceId);
  return talk.date ?? conference?.date ?? String(conference?.year ?? '');
}

export function createAppState(archive: Archive, search: ArchiveSearch, loadedAt = new Date()): AppState {
  const moves: Archive & ArchiveMoves = archive;
  const conferences = byId(archive.conferences);
  const newestTalks = [...archive.talks].sort(
    (a, b) => talkTime(b, conferences).localeCompare(talkTime(a, conferences)) || a.id.localeCompare(b.id),
  );
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
      newestTalks,
    },
  };
}

export function talkUrl(talk: Pick<Talk, 'id'>): string {
  return `/talks/${talk.id.split('/').map(encodeURIComponent).join('/')}`;
}

export function entityUrl(kind: 'conferences' | 'speakers' | 'topics', id: string): string {
  return `/${kind}/${encodeURIComponent(id)}`;
}
