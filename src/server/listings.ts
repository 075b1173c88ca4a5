/**
 * Orderings of the archive that pages and feeds read: talks and conferences newest first,
 * topics by talk count, speakers by name. Each is sorted on first use and then kept with the
 * state, so a request never sorts the archive and a re-index never pays for a list nobody asks for.
 */
import type { Archive, Conference, Speaker, Talk, Topic } from '../model.ts';

export interface Listings {
  /** Talks, newest first (by date, then conference year), for feeds. */
  readonly newestTalks: Talk[];
  /** A talk's position in `newestTalks`, to order a few talks without a pass over all of them. */
  readonly newestRank: Map<string, number>;
  /** Conferences, newest first, then by name. */
  readonly newestConferences: Conference[];
  /** Topics with the most talks first, then by name. */
  readonly topicsByTalkCount: Topic[];
  readonly speakersByName: Speaker[];
}

/** Computes a value on the first call and returns the same value after. */
function once<T>(make: () => T): () => T {
  let value: { current: T } | null = null;
  return () => {
    value ??= { current: make() };
    return value.current;
  };
}

function talkTime(talk: Talk, conferences: Map<string, Conference>): string {
  const conference = conferences.get(talk.conferenceId);
  return talk.date ?? conference?.date ?? String(conference?.year ?? '');
}

function sortNewestTalks(talks: readonly Talk[], conferences: Map<string, Conference>): Talk[] {
  const times = new Map(talks.map((talk) => [talk, talkTime(talk, conferences)]));
  const time = (talk: Talk) => times.get(talk) ?? '';
  return [...talks].sort((a, b) => time(b).localeCompare(time(a)) || a.id.localeCompare(b.id));
}

function sortNewestConferences(conferences: readonly Conference[]): Conference[] {
  const key = (c: Conference) => c.date ?? String(c.year ?? '');
  return [...conferences].sort((a, b) => key(b).localeCompare(key(a)) || a.name.localeCompare(b.name));
}

export function createListings(archive: Archive, conferences: Map<string, Conference>): Listings {
  const newestTalks = once(() => sortNewestTalks(archive.talks, conferences));
  const newestRank = once(() => new Map(newestTalks().map((talk, i) => [talk.id, i])));
  const newestConferences = once(() => sortNewestConferences(archive.conferences));
  const topicsByTalkCount = once(() =>
    [...archive.topics].sort((a, b) => b.talkIds.length - a.talkIds.length || a.name.localeCompare(b.name)),
  );
  const speakersByName = once(() => [...archive.speakers].sort((a, b) => a.name.localeCompare(b.name)));
  return {
    get newestTalks() {
      return newestTalks();
    },
    get newestRank() {
      return newestRank();
    },
    get newestConferences() {
      return newestConferences();
    },
    get topicsByTalkCount() {
      return topicsByTalkCount();
    },
    get speakersByName() {
      return speakersByName();
    },
  };
}
