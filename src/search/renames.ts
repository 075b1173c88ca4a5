/**
 * Talks whose indexed text changed without the talk itself changing: a speaker, topic or
 * conference they point to was renamed, and its name is indexed with each of its talks.
 */
import type { Talk } from '../model.ts';
import { type ArchiveLookup, changedEntities, FACET_NAMES } from './lookup.ts';
import type { TalkTable } from './tables.ts';

/** Talks not among `changed` that point to an entity whose indexed text changed. */
export function renamedTalks(
  before: ArchiveLookup,
  after: ArchiveLookup,
  table: TalkTable,
  changed: Talk[],
): Talk[] {
  const done = new Set(changed.map((talk) => talk.id));
  const talks: Talk[] = [];
  const entities = changedEntities(before, after);
  for (const facet of FACET_NAMES) {
    for (const key of entities[facet]) {
      for (const num of table.facets[facet].talks(key) ?? []) {
        const talk = table.get(num)?.talk;
        if (talk && !done.has(talk.id)) talks.push(talk);
        if (talk) done.add(talk.id);
      }
    }
  }
  return talks;
}
