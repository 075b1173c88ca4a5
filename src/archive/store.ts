/**
 * The posts the archive holds and the entries each contributes, indexed by post and by
 * conference: the raw material the builder regroups when something changes.
 *
 * An entry whose post names no conference (a reading list, "talks worth watching") is
 * *floating*: when a talk with a similar title and a shared speaker is known at a conference,
 * a copy of the entry is placed there, so the two become one talk; otherwise it stays under the
 * stand-in conference made from its post. Placement depends only on the known entries sharing
 * a speaker key, so it is re-checked whenever one of those changes.
 */
import type { ExtractedPost, ExtractedSpeaker } from '../model.ts';
import type { ResolvedConference, SeriesCatalog } from './conference.ts';
import { type Entry, postEntries, speakerKeys } from './entries.ts';
import { Spellings } from './records.ts';
import { similarTitles } from './similarity.ts';
import { compareStrings, slugify } from './text.ts';

type KeyIndex = Map<string, Set<Entry>>;

function index(map: KeyIndex, entry: Entry, add: boolean): void {
  for (const speaker of entry.speakers)
    for (const key of speaker.keys) {
      let set = map.get(key);
      if (!set) {
        set = new Set();
        map.set(key, set);
      }
      if (add) set.add(entry);
      else set.delete(entry);
      if (set.size === 0) map.delete(key);
    }
}

export class EntryStore {
  readonly posts = new Map<string, ExtractedPost>();
  readonly byPost = new Map<string, Entry[]>();
  readonly topicSpellings = new Spellings();
  private readonly byConference = new Map<string, Map<string, Entry>>();
  private readonly known: KeyIndex = new Map();
  private readonly floating: KeyIndex = new Map();
  /** Floating entry key -> the entry as placed (itself, or a copy in a known conference). */
  private readonly placement = new Map<string, Entry>();

  /** Speaker keys and topic slugs by spelling: the same few thousand recur in every post. */
  private readonly keysBySpelling = new Map<string, string[]>();
  private readonly topicSlugs = new Map<string, string>();

  constructor(private readonly catalog: SeriesCatalog) {}

  /**
   * Replaces a post's entries (null removes the post). Returns the old and new entries and the
   * conferences whose entries changed; floating entries are placed later, by `place`.
   */
  replace(path: string, post: ExtractedPost | null) {
    const old = this.byPost.get(path) ?? [];
    const next = post ? postEntries(path, post, this.catalog, (speaker) => this.keysOf(speaker)) : [];
    const affected = new Set<string>();
    for (const entry of old) {
      const placed = this.placement.get(entry.key) ?? entry;
      this.placement.delete(entry.key);
      if (this.unfile(placed)) affected.add(placed.conference.id);
      index(entry.conference.known ? this.known : this.floating, entry, false);
      for (const topic of entry.topics) this.topicSpellings.change(this.topicSlug(topic), topic, -1);
    }
    for (const entry of next) {
      index(entry.conference.known ? this.known : this.floating, entry, true);
      if (entry.conference.known) affected.add(this.file(entry));
      for (const topic of entry.topics) this.topicSpellings.change(this.topicSlug(topic), topic, 1);
    }
    if (post) {
      this.posts.set(path, post);
      this.byPost.set(path, next);
    } else {
      this.posts.delete(path);
      this.byPost.delete(path);
    }
    return { old, next, affected };
  }

  /** Floating entries whose placement may depend on known entries with these speaker keys. */
  floatingWith(keys: Iterable<string>): Entry[] {
    const found = new Set<Entry>();
    for (const key of keys) for (const entry of this.floating.get(key) ?? []) found.add(entry);
    return [...found];
  }

  /** (Re)places floating entries; returns the conferences that gained or lost one. */
  place(entries: Iterable<Entry>): Set<string> {
    const affected = new Set<string>();
    for (const entry of entries) {
      const position = Number(entry.key.slice(entry.key.lastIndexOf('#') + 1));
      // Skip known entries and old versions of entries whose post has changed since.
      if (entry.conference.known || this.byPost.get(entry.path)?.[position] !== entry) continue;
      const target = this.targetOf(entry);
      const current = this.placement.get(entry.key);
      if (current?.conference.id === target.id) continue;
      if (current && this.unfile(current)) affected.add(current.conference.id);
      const placed = target === entry.conference ? entry : { ...entry, conference: target, placed: true };
      this.placement.set(entry.key, placed);
      affected.add(this.file(placed));
    }
    return affected;
  }

  /** The entry filed under a conference by its key (a placed copy where it was placed). */
  filed(conferenceId: string, key: string): Entry | undefined {
    return this.byConference.get(conferenceId)?.get(key);
  }

  /** How many entries are filed under conferences, placed copies included. */
  get filedCount(): number {
    let count = 0;
    for (const entries of this.byConference.values()) count += entries.size;
    return count;
  }

  ofConference(conferenceId: string): Entry[] {
    return [...(this.byConference.get(conferenceId)?.values() ?? [])];
  }

  private keysOf(speaker: ExtractedSpeaker): string[] {
    const spelling = `${speaker.handle ?? ''}\n${speaker.name}`;
    let keys = this.keysBySpelling.get(spelling);
    if (!keys) {
      keys = speakerKeys(speaker);
      this.keysBySpelling.set(spelling, keys);
    }
    return keys;
  }

  private topicSlug(topic: string): string {
    let slug = this.topicSlugs.get(topic);
    if (slug === undefined) {
      slug = slugify(topic);
      this.topicSlugs.set(topic, slug);
    }
    return slug;
  }

  /** The known conference with a similar talk by a shared speaker (smallest id), or home. */
  private targetOf(entry: Entry): ResolvedConference {
    if (!entry.title) return entry.conference;
    let best: ResolvedConference | null = null;
    for (const key of entry.speakers.flatMap((s) => s.keys))
      for (const other of this.known.get(key) ?? []) {
        if (!other.title || !similarTitles(entry.words, other.words)) continue;
        if (!best || compareStrings(other.conference.id, best.id) < 0) best = other.conference;
      }
    return best ?? entry.conference;
  }

  private file(entry: Entry): string {
    const id = entry.conference.id;
    if (!this.byConference.has(id)) this.byConference.set(id, new Map());
    this.byConference.get(id)!.set(entry.key, entry);
    return id;
  }

  private unfile(entry: Entry): boolean {
    const entries = this.byConference.get(entry.conference.id);
    const removed = entries?.delete(entry.key) ?? false;
    if (entries?.size === 0) this.byConference.delete(entry.conference.id);
    return removed;
  }
}
