/** Builds the plain Conference, Topic and PostRecord records from the builder's indexes. */
import type { Conference, ExtractedPost, PostRecord, Speaker, Topic } from '../model.ts';
import type { Entry, SpeakerMention } from './entries.ts';
import { compareStrings, fewerInitials, foldText, handleKey, pickCanonical, pickFromCounts } from './text.ts';

export interface TopicDefinition {
  name: string;
  aliases: string[];
}

/**
 * Sorted ids per key (talks per speaker, talks per topic), kept sorted as talks change: a topic
 * with thousands of talks is not re-sorted on every update.
 */
export class Postings {
  private readonly lists = new Map<string, string[]>();

  add(key: string, id: string): void {
    const list = this.lists.get(key);
    if (!list) return void this.lists.set(key, [id]);
    const index = lowerBound(list, id);
    if (list[index] !== id) list.splice(index, 0, id);
  }

  remove(key: string, id: string): void {
    const list = this.lists.get(key);
    if (!list) return;
    const index = lowerBound(list, id);
    if (list[index] === id) list.splice(index, 1);
    if (list.length === 0) this.lists.delete(key);
  }

  /** Sets a key's list from ids already sorted (a saved record's). */
  load(key: string, sortedIds: readonly string[]): void {
    if (sortedIds.length) this.lists.set(key, sortedIds.slice());
  }

  sorted(key: string): string[] {
    return this.lists.get(key)?.slice() ?? [];
  }
}

/** The index of `id` in a sorted list, or where it would be inserted. */
export function lowerBound(list: string[], id: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareStrings(list[middle]!, id) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Counts of each spelling per key, to pick display names without rescanning every talk. */
export class Spellings {
  private readonly counts = new Map<string, Map<string, number>>();

  change(key: string, spelling: string, delta: number): void {
    if (!this.counts.has(key)) this.counts.set(key, new Map());
    const counts = this.counts.get(key)!;
    const next = (counts.get(spelling) ?? 0) + delta;
    if (next > 0) counts.set(spelling, next);
    else counts.delete(spelling);
    if (counts.size === 0) this.counts.delete(key);
  }

  of(key: string): Map<string, number> {
    return this.counts.get(key) ?? new Map();
  }
}

/**
 * Marks a conference that only stands in for a post naming none ("Two talks to understand
 * CRDTs"): listed among conferences under the post's title alone, it read like an event.
 */
export const READING_LIST_PREFIX = 'Reading list: ';

export function conferenceRecord(id: string, all: Entry[], talkIds: string[]): Conference {
  // Talks placed here from posts that name no conference say nothing about its name or date.
  const own = all.filter((e) => !e.placed);
  const entries = own.length ? own : all;
  const first = entries[0]!.conference;
  const dates = entries.map((e) => e.date).filter((d): d is string => d !== null);
  const name = first.catalogName ?? pickCanonical(entries.map((e) => e.conference.name)) ?? id;
  return {
    id,
    name: entries.some((e) => e.conference.known) ? name : `${READING_LIST_PREFIX}${name}`,
    year: first.year,
    city: pickCanonical(entries.flatMap((e) => (e.conference.city ? [e.conference.city] : []))),
    series: first.series,
    date: dates.sort(compareStrings)[0] ?? null,
    talkIds,
  };
}

export function topicRecord(
  id: string,
  spellings: Map<string, number>,
  definition: TopicDefinition | undefined,
  talkIds: string[],
): Topic {
  const name = definition?.name ?? pickFromCounts(spellings) ?? id;
  const others = [...spellings.keys()].filter((spelling) => spelling !== name);
  const aliases = [...new Set([...(definition?.aliases ?? []), ...others])].sort(compareStrings);
  return { id, name, aliases, talkIds };
}

export function postRecord(path: string, post: ExtractedPost, talkIds: string[]): PostRecord {
  return {
    path,
    title: post.title,
    date: post.date,
    url: post.url,
    language: post.language,
    talkIds,
    warnings: post.warnings,
  };
}

function uniqueBy(values: string[], key: (value: string) => string): string[] {
  const byKey = new Map<string, string[]>();
  for (const value of values) byKey.set(key(value), [...(byKey.get(key(value)) ?? []), value]);
  return [...byKey.values()].map((spellings) => pickCanonical(spellings)!).sort(compareStrings);
}

/** One person from every mention of them (speakers.ts groups the mentions). */
export function speakerRecord(id: string, mentions: SpeakerMention[], talkIds: string[]): Speaker {
  const names = mentions.map((m) => m.name.trim()).filter(Boolean);
  const handles = mentions.flatMap((m) => (m.handle ? [`@${m.handle.trim().replace(/^@+/, '')}`] : []));
  const name = pickCanonical(names, fewerInitials) ?? handles[0] ?? id;
  return {
    id,
    name,
    handles: uniqueBy(handles, handleKey),
    affiliations: uniqueBy(
      mentions.flatMap((m) => (m.affiliation?.trim() ? [m.affiliation.trim()] : [])),
      foldText,
    ),
    aliases: uniqueBy(names, (n) => n).filter((alias) => alias !== name),
    talkIds,
  };
}
