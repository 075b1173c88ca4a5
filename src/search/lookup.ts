/**
 * Read-only views of one archive version: entities by id, the text FlexSearch indexes for a
 * talk, and the mapping from what a user types in a filter (id, name, alias, handle, series)
 * to facet keys. Maps are built on first use, so taking in a new archive costs nothing upfront.
 */
import type { Archive, Conference, Speaker, Talk, Topic } from '../model.ts';
import type { IndexedDoc } from './config.ts';

export type FacetName = 'topic' | 'conference' | 'year' | 'speaker';
export const FACET_NAMES: readonly FacetName[] = ['topic', 'conference', 'year', 'speaker'];

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Case- and accent-insensitive key for matching filter values. */
export function filterKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function addKey(map: Map<string, Set<string>>, key: string, id: string): void {
  const k = filterKey(key);
  if (!k) return;
  const ids = map.get(k) ?? new Set<string>();
  ids.add(id);
  map.set(k, ids);
}

export class ArchiveLookup {
  #conferences?: Map<string, Conference>;
  #speakers?: Map<string, Speaker>;
  #topics?: Map<string, Topic>;
  #keys = new Map<FacetName, Map<string, Set<string>>>();
  /** Entity texts, joined once per entity rather than once per talk. */
  readonly #texts = {
    speaker: new Map<string, string>(),
    topic: new Map<string, string>(),
    conference: new Map<string, string>(),
  };

  constructor(readonly archive: Archive) {}

  conference(id: string): Conference | undefined {
    this.#conferences ??= byId(this.archive.conferences);
    return this.#conferences.get(id);
  }

  speaker(id: string): Speaker | undefined {
    this.#speakers ??= byId(this.archive.speakers);
    return this.#speakers.get(id);
  }

  topic(id: string): Topic | undefined {
    this.#topics ??= byId(this.archive.topics);
    return this.#topics.get(id);
  }

  yearOf(talk: Talk): number | null {
    return this.conference(talk.conferenceId)?.year ?? yearFromDate(talk);
  }

  /** The text of each field, from the talk and the entities it points to. */
  docFor(talk: Talk, num: number): IndexedDoc {
    return {
      id: num,
      title: talk.title,
      speakers: talk.speakerIds.map((id) => this.speakerText(id)).join(' ; '),
      topics: talk.topicIds.map((id) => this.topicText(id)).join(' ; '),
      conference: this.conferenceText(talk.conferenceId),
      notes: talk.text || talk.summary,
    };
  }

  /** What a speaker is found by: name, handles and aliases (the id when unknown). */
  speakerText(id: string): string {
    let text = this.#texts.speaker.get(id);
    if (text === undefined) {
      const s = this.speaker(id);
      text = s ? [s.name, ...s.handles, ...s.aliases].join(' ; ') : id;
      this.#texts.speaker.set(id, text);
    }
    return text;
  }

  topicText(id: string): string {
    let text = this.#texts.topic.get(id);
    if (text === undefined) {
      const t = this.topic(id);
      text = t ? [t.name, ...t.aliases].join(' ; ') : id;
      this.#texts.topic.set(id, text);
    }
    return text;
  }

  /** Name, series, year and city; empty for an unknown conference. */
  conferenceText(id: string): string {
    let text = this.#texts.conference.get(id);
    if (text === undefined) {
      const c = this.conference(id);
      text = c ? [c.name, c.series, c.year ?? '', c.city ?? ''].join(' ; ') : '';
      this.#texts.conference.set(id, text);
    }
    return text;
  }

  /** Facet keys a filter value stands for; empty when nothing matches (never an error). */
  resolve(facet: FacetName, value: string): Set<string> {
    if (facet === 'year') return new Set([filterKey(value)]);
    const keys = this.#keys.get(facet) ?? this.#buildKeys(facet);
    this.#keys.set(facet, keys);
    return keys.get(filterKey(value)) ?? new Set();
  }

  #buildKeys(facet: FacetName): Map<string, Set<string>> {
    const map = new Map<string, Set<string>>();
    if (facet === 'topic') {
      for (const t of this.archive.topics) for (const k of [t.id, t.name, ...t.aliases]) addKey(map, k, t.id);
    } else if (facet === 'speaker') {
      for (const s of this.archive.speakers) {
        for (const k of [s.id, s.name, ...s.handles, ...s.aliases]) addKey(map, k, s.id);
      }
    } else {
      for (const c of this.archive.conferences) {
        for (const k of [c.id, c.name, c.series, `${c.name} ${c.year ?? ''}`]) addKey(map, k, c.id);
      }
    }
    return map;
  }

  /** The label a facet value is shown with. */
  facetLabel(facet: FacetName, key: string): string {
    if (facet === 'topic') return this.topic(key)?.name ?? key;
    if (facet === 'speaker') return this.speaker(key)?.name ?? key;
    if (facet === 'conference') {
      const c = this.conference(key);
      if (!c) return key;
      return c.year && !c.name.includes(String(c.year)) ? `${c.name} ${c.year}` : c.name;
    }
    return key;
  }
}

/**
 * Speakers, topics and conferences whose indexed text (speakerText, ...) differs between two
 * versions of the archive, gone ones included: the talks pointing to them have to be indexed
 * again even when the talks themselves did not change (a speaker's new handle, learnt from
 * another post). An entity kept as the same object is unchanged, so this costs little.
 */
export function changedEntities(before: ArchiveLookup, after: ArchiveLookup): Record<FacetName, string[]> {
  const changed = <T extends { id: string }>(
    list: (archive: Archive) => T[],
    get: (lookup: ArchiveLookup, id: string) => T | undefined,
    text: (lookup: ArchiveLookup, id: string) => string,
  ): string[] => {
    const ids: string[] = [];
    for (const item of list(after.archive)) {
      if (get(before, item.id) === item) continue;
      if (text(before, item.id) !== text(after, item.id)) ids.push(item.id);
    }
    for (const item of list(before.archive)) if (!get(after, item.id)) ids.push(item.id);
    return ids;
  };
  return {
    speaker: changed(
      (a) => a.speakers,
      (l, id) => l.speaker(id),
      (l, id) => l.speakerText(id),
    ),
    topic: changed(
      (a) => a.topics,
      (l, id) => l.topic(id),
      (l, id) => l.topicText(id),
    ),
    conference: changed(
      (a) => a.conferences,
      (l, id) => l.conference(id),
      (l, id) => l.conferenceText(id),
    ),
    year: [],
  };
}

function yearFromDate(talk: Talk): number | null {
  const year = Number(talk.date?.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : null;
}
