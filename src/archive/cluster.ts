/**
 * Groups the entries of one conference into talks: entries from different posts with similar
 * titles, or with a shared speaker when one of them has no title, are one talk. Entries are
 * visited in a fixed order (earliest post first), so the result does not depend on reading order.
 */
import { compareEntries, type Entry } from './entries.ts';
import { relatedTitles, similarTitles } from './similarity.ts';
import { compareStrings, slugify } from './text.ts';

export interface Cluster {
  /** The smallest entry key: orders clusters whose titles give the same slug. */
  key: string;
  /** Earliest source first. */
  entries: Entry[];
  title: string;
  titleDerived: boolean;
  slug: string;
}

function sharesSpeaker(a: Entry, b: Entry): boolean {
  const keys = new Set(a.speakers.flatMap((s) => s.keys));
  return b.speakers.some((s) => s.keys.some((key) => keys.has(key)));
}

function sameTalk(a: Entry, b: Entry): boolean {
  if (a.title && b.title) {
    if (similarTitles(a.words, b.words)) return true;
    return relatedTitles(a.words, b.words) && sharesSpeaker(a, b);
  }
  return sharesSpeaker(a, b);
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Joe Armstrong on Erlang", "Talk by Joe Armstrong", "A talk on Erlang". */
export function derivedTitle(entry: Entry): string {
  const names = entry.speakers.map((s) => s.name.trim() || s.handle || '').filter(Boolean);
  const topic = entry.topics[0];
  if (names.length && topic) return `${joinNames(names)} on ${topic}`;
  if (names.length) return `Talk by ${joinNames(names)}`;
  return topic ? `A talk on ${topic}` : 'Untitled talk';
}

function makeCluster(entries: Entry[]): Cluster {
  const titled = entries.find((entry) => entry.title);
  const title = titled?.title ?? derivedTitle(entries[0]!);
  const key = entries.map((e) => e.key).sort(compareStrings)[0]!;
  return { key, entries, title, titleDerived: !titled, slug: slugify(title) || 'talk' };
}

/** A cluster as a talk made of it records it: for a restore, which skips the grouping. */
export function restoredCluster(
  entries: Entry[],
  talk: { title: string; titleDerived: boolean; slug: string },
): Cluster {
  const key = entries.map((e) => e.key).sort(compareStrings)[0]!;
  return { key, entries, title: talk.title, titleDerived: talk.titleDerived, slug: talk.slug };
}

/** Slugs unique within the conference: the first cluster by key keeps the plain slug. */
function assignSlugs(clusters: Cluster[]): void {
  const byBase = new Map<string, Cluster[]>();
  for (const cluster of clusters) byBase.set(cluster.slug, [...(byBase.get(cluster.slug) ?? []), cluster]);
  const taken = new Set(byBase.keys());
  for (const [base, group] of byBase) {
    if (group.length < 2) continue;
    group.sort((a, b) => compareStrings(a.key, b.key));
    for (const cluster of group.slice(1)) {
      const speaker = slugify(cluster.entries[0]!.speakers[0]?.name ?? '');
      let slug = speaker ? `${base}-${speaker}` : `${base}-2`;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      cluster.slug = slug;
    }
  }
}

/**
 * Groups that could hold the same talk as `entry`: sharing enough title words, a speaker, or a
 * one-word title (typos). Keeps clustering near-linear in big conferences.
 */
class Candidates {
  private readonly byWord = new Map<string, number[]>();
  private readonly bySpeaker = new Map<string, number[]>();
  private readonly words: Set<string>[] = [];
  private readonly oneWord: number[] = [];

  add(group: number, entry: Entry): void {
    if (!this.words[group]) this.words[group] = new Set();
    for (const word of entry.words) {
      this.words[group].add(word);
      push(this.byWord, word, group);
    }
    for (const key of new Set(entry.speakers.flatMap((s) => s.keys))) push(this.bySpeaker, key, group);
    if (entry.words.length <= 1) this.oneWord.push(group);
  }

  of(entry: Entry): number[] {
    const found = new Set<number>();
    const words = [...new Set(entry.words)];
    const needed = Math.max(1, Math.ceil(words.length * 0.4));
    // Prefix filter: a group sharing `needed` words shares one of the rarest (n - needed + 1).
    const rarest = words
      .map((word) => this.byWord.get(word) ?? [])
      .sort((a, b) => a.length - b.length)
      .slice(0, words.length - needed + 1);
    for (const list of rarest)
      for (const group of list) {
        if (found.has(group)) continue;
        let shared = 0;
        for (const word of words) if (this.words[group]!.has(word)) shared++;
        if (shared >= needed) found.add(group);
      }
    for (const key of entry.speakers.flatMap((s) => s.keys))
      for (const g of this.bySpeaker.get(key) ?? []) found.add(g);
    if (entry.words.length <= 1) for (const group of this.oneWord) found.add(group);
    return [...found].sort((a, b) => a - b);
  }
}

function push(index: Map<string, number[]>, key: string, group: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [group]);
  else if (list[list.length - 1] !== group) list.push(group);
}

export function clusterEntries(entries: Entry[]): Cluster[] {
  const groups: Entry[][] = [];
  const candidates = new Candidates();
  for (const entry of [...entries].sort(compareEntries)) {
    const index = candidates.of(entry).find((i) => {
      const members = groups[i]!;
      return !members.some((m) => m.path === entry.path) && members.some((member) => sameTalk(member, entry));
    });
    const target = index ?? groups.push([]) - 1;
    groups[target]!.push(entry);
    candidates.add(target, entry);
  }
  const clusters = groups.map(makeCluster);
  assignSlugs(clusters);
  return clusters;
}
