/** The contract shape of one search hit (GET /api/search), from a talk and the archive it belongs to. */
import type { SearchHit, Talk } from '../model.ts';
import type { ArchiveLookup } from './lookup.ts';

export function talkUrl(talk: Talk): string {
  return `/talks/${encodeURIComponent(talk.conferenceId)}/${encodeURIComponent(talk.slug)}`;
}

export function toHit(talk: Talk, snippet: string, lookup: ArchiveLookup): SearchHit {
  const conf = lookup.conference(talk.conferenceId);
  return {
    id: talk.id,
    url: talkUrl(talk),
    title: talk.title,
    speakers: talk.speakerIds.map((id) => ({ id, name: lookup.speaker(id)?.name ?? id })),
    conference: { id: talk.conferenceId, name: conf?.name ?? talk.conferenceId, year: conf?.year ?? null },
    topics: talk.topicIds.map((id) => ({ id, name: lookup.topic(id)?.name ?? id })),
    snippet,
    sources: talk.sources.map((s) => ({ url: s.url, anchor: s.anchor })),
  };
}
