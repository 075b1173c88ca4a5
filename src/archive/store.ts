/**
 * The posts the archive holds and the entries each contributes, indexed by post and by
 * conference: the raw material the builder regroups when something changes.
 */
import type { ExtractedPost } from '../model.ts';
import type { SeriesCatalog } from './conference.ts';
import { type Entry, postEntries } from './entries.ts';
import { Spellings } from './records.ts';
import { slugify } from './text.ts';

export class EntryStore {
  readonly posts = new Map<string, ExtractedPost>();
  readonly byPost = new Map<string, Entry[]>();
  readonly topicSpellings = new Spellings();
  private readonly byConference = new Map<string, Map<string, Entry>>();

  constructor(private readonly catalog: SeriesCatalog) {}

  /** Replaces a post's entries (null removes the post); returns the old and the new entries. */
  replace(path: string, post: ExtractedPost | null): { old: Entry[]; next: Entry[] } {
    const old = this.byPost.get(path) ?? [];
    const next = post ? postEntries(path, post, this.catalog) : [];
    for (const entry of old) {
      const entries = this.byConference.get(entry.conference.id);
      entries?.delete(entry.key);
      if (entries?.size === 0) this.byConference.delete(entry.conference.id);
      for (const topic of entry.topics) this.topicSpellings.change(slugify(topic), topic, -1);
    }
    for (const entry of next) {
      if (!this.byConference.has(entry.conference.id)) this.byConference.set(entry.conference.id, new Map());
      this.byConference.get(entry.conference.id)!.set(entry.key, entry);
      for (const topic of entry.topics) this.topicSpellings.change(slugify(topic), topic, 1);
    }
    if (post) {
      this.posts.set(path, post);
      this.byPost.set(path, next);
    } else {
      this.posts.delete(path);
      this.byPost.delete(path);
    }
    return { old, next };
  }

  ofConference(conferenceId: string): Entry[] {
    return [...(this.byConference.get(conferenceId)?.values() ?? [])];
  }
}
