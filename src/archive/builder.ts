/**
 * archive/: ExtractedPost[] -> Archive { conferences, talks, speakers, topics, posts }.
 *
 * Pure and incremental. Each post contributes entries (one per talk it reports); a change to a
 * post replaces its entries and recomputes only what they touch: the talks of the conferences
 * involved, the speakers sharing a name or handle with them, the topics and posts of the talks
 * that changed. Ids come from content alone, so any reading order gives the same archive.
 */
import type { Archive, ExtractedPost, Talk } from '../model.ts';
import { type Cluster, clusterEntries } from './cluster.ts';
import { buildSeriesCatalog, type SeriesEntry } from './conference.ts';
import { changedMentions, type Entry } from './entries.ts';
import { TalkHistory } from './history.ts';
import { matchEntries } from './match.ts';
import type { TopicDefinition } from './records.ts';
import { type MergeState, type Restorer, restorer } from './restore.ts';
import { SpeakerRegistry } from './speakers.ts';
import { EntryStore } from './store.ts';
import { type Dirty, RecordTables } from './tables.ts';
import { buildTalk } from './talk.ts';
import { compareStrings, slugify } from './text.ts';

export interface ArchiveOptions {
  /** Known series and their aliases (data/conferences.json). */
  series?: SeriesEntry[];
  /** The topic vocabulary: canonical names and aliases. */
  topics?: TopicDefinition[];
  /** History carried over from a previous run. */
  redirects?: Record<string, string>;
  gone?: string[];
}

/** Talk ids affected by one update, each list sorted. */
export interface ArchiveChange {
  added: string[];
  changed: string[];
  removed: string[];
}

export class ArchiveBuilder {
  private readonly vocabulary = new Map<string, TopicDefinition>();
  private readonly store: EntryStore;
  private readonly clusters = new Map<string, Cluster>();
  private readonly conferenceTalks = new Map<string, string[]>();
  private readonly talkOfEntry = new Map<string, string>();
  private readonly speakerRegistry = new SpeakerRegistry();
  private readonly history: TalkHistory;
  private readonly tables: RecordTables;

  constructor(options: ArchiveOptions = {}) {
    this.store = new EntryStore(buildSeriesCatalog(options.series ?? []));
    for (const topic of options.topics ?? []) this.vocabulary.set(slugify(topic.name), topic);
    this.history = new TalkHistory(options.redirects, options.gone);
    this.tables = new RecordTables({
      store: this.store,
      speakers: this.speakerRegistry,
      vocabulary: this.vocabulary,
      talksOf: (id) => this.conferenceTalks.get(id) ?? [],
      talkOfEntry: (key) => this.talkOfEntry.get(key),
    });
  }

  /** Adds many posts at once (a first run, or a restore): history is not recorded. */
  load(posts: Iterable<[path: string, post: ExtractedPost]>): ArchiveChange {
    return this.apply(new Map(posts), false);
  }

  upsertPost(path: string, post: ExtractedPost): ArchiveChange {
    return this.apply(new Map([[path, post]]), true);
  }

  removePost(path: string): ArchiveChange {
    if (!this.store.posts.has(path)) return { added: [], changed: [], removed: [] };
    return this.apply(new Map([[path, null]]), true);
  }

  /** Applies several post changes as one update. */
  applyPosts(changes: Map<string, ExtractedPost | null>): ArchiveChange {
    return this.apply(changes, true);
  }

  hasPost(path: string): boolean {
    return this.store.posts.has(path);
  }

  postPaths(): string[] {
    return [...this.store.posts.keys()].sort(compareStrings);
  }

  getTalk(id: string): Talk | undefined {
    return this.tables.talks.get(id);
  }

  /** The archive as plain data; arrays are copies, records are shared and never mutated. */
  toArchive(): Archive {
    return { ...this.tables.lists(), ...this.history.toJSON() };
  }

  /** What merging decided beyond the archive, to save with it (restore.ts). */
  mergeState(): MergeState {
    // A cluster's entries are never modified, only replaced with the cluster.
    const talks = new Map<string, readonly Entry[]>();
    for (const [id, cluster] of this.clusters) talks.set(id, cluster.entries);
    return { talks, speakers: this.speakerRegistry.groups() };
  }

  /**
   * Fills an empty builder from a saved archive and its merge state, without merging: `add` the
   * saved posts (in as many calls as wanted), then `step` until it says it is done (a slice of
   * the rest each time) or `finish`. Both throw when the state and the posts do not match; the
   * builder is unusable then: merge the posts into a new one.
   */
  restore(archive: Archive, state: MergeState): Restorer {
    if (this.store.posts.size > 0) throw new Error('only an empty archive builder can be restored');
    const { store, clusters, conferenceTalks, talkOfEntry, tables } = this;
    return restorer(
      { store, clusters, conferenceTalks, talkOfEntry, speakers: this.speakerRegistry, tables },
      archive,
      state,
    );
  }

  private apply(changes: Map<string, ExtractedPost | null>, track: boolean): ArchiveChange {
    const previous = new Map<string, Entry[]>();
    const added: Entry[] = [];
    const affected = new Set<string>();
    const keys = new Set<string>();
    const floating: Entry[] = [];
    for (const [path, post] of changes) {
      const { old, next, affected: touchedConferences } = this.store.replace(path, post);
      for (const entry of old) this.talkOfEntry.delete(entry.key);
      if (!post) this.tables.deletePost(path);
      previous.set(path, old);
      for (const id of touchedConferences) affected.add(id);
      for (const entry of [...old, ...next]) {
        if (entry.conference.known) for (const s of entry.speakers) for (const key of s.keys) keys.add(key);
        else if (next.includes(entry)) floating.push(entry);
      }
      added.push(...next);
    }
    for (const id of this.store.place([...floating, ...this.store.floatingWith(keys)])) affected.add(id);
    const mentions = changedMentions([...previous.values()].flat(), added);
    const { touched, moved } = this.speakerRegistry.update(mentions.removed, mentions.added);
    const dirty: Dirty = { conferences: affected, speakers: touched, topics: new Set(), posts: new Set() };
    for (const path of changes.keys()) dirty.posts.add(path);
    // A topic's display name comes from the spellings of every entry, not only of changed talks.
    for (const entry of [...[...previous.values()].flat(), ...added])
      for (const topic of entry.topics) dirty.topics.add(slugify(topic));
    const oldMembers = new Map<string, string[]>();
    const candidates = this.recluster(affected, oldMembers);
    for (const mentionId of moved) {
      const talkId = this.talkOfEntry.get(mentionId.slice(0, mentionId.lastIndexOf('@')));
      if (talkId) candidates.add(talkId);
    }
    const result = this.rebuildTalks(candidates, dirty, oldMembers);
    if (track) this.recordHistory(result, oldMembers, previous);
    this.tables.refresh(dirty);
    return result;
  }

  /** Regroups the entries of the affected conferences; returns every talk id involved. */
  private recluster(conferences: Set<string>, oldMembers: Map<string, string[]>): Set<string> {
    const candidates = new Set<string>();
    for (const conferenceId of conferences) {
      for (const id of this.conferenceTalks.get(conferenceId) ?? []) {
        candidates.add(id);
        oldMembers.set(
          id,
          this.clusters.get(id)!.entries.map((e) => e.key),
        );
        this.clusters.delete(id);
      }
      const entries = this.store.ofConference(conferenceId);
      const ids: string[] = [];
      for (const cluster of clusterEntries(entries)) {
        const id = `${conferenceId}/${cluster.slug}`;
        this.clusters.set(id, cluster);
        for (const entry of cluster.entries) this.talkOfEntry.set(entry.key, id);
        candidates.add(id);
        ids.push(id);
      }
      if (ids.length) this.conferenceTalks.set(conferenceId, ids.sort(compareStrings));
      else this.conferenceTalks.delete(conferenceId);
    }
    return candidates;
  }

  private rebuildTalks(candidates: Set<string>, dirty: Dirty, oldMembers: Map<string, string[]>) {
    const result: ArchiveChange = { added: [], changed: [], removed: [] };
    const idOf = (mentionId: string) => this.speakerRegistry.idOf(mentionId);
    for (const id of [...candidates].sort(compareStrings)) {
      const cluster = this.clusters.get(id);
      const before = this.tables.talks.get(id);
      const after = cluster ? buildTalk(cluster, cluster.entries[0]!.conference.id, idOf) : undefined;
      if (before && after && JSON.stringify(before) === JSON.stringify(after)) continue;
      if (before) this.tables.unlink(before, dirty);
      if (after) this.tables.link(after, dirty);
      for (const key of oldMembers.get(id) ?? []) dirty.posts.add(key.slice(0, key.lastIndexOf('#')));
      if (!after) result.removed.push(id);
      else (before ? result.changed : result.added).push(id);
    }
    return result;
  }

  /** Each removed id goes to the talk its entries now belong to (a 301), or to `gone` (a 410). */
  private recordHistory(
    change: ArchiveChange,
    oldMembers: Map<string, string[]>,
    previous: Map<string, Entry[]>,
  ): void {
    const renamed = new Map<string, string>();
    for (const [path, old] of previous) {
      for (const [from, to] of matchEntries(old, this.store.byPost.get(path) ?? [])) renamed.set(from, to);
    }
    const departures = change.removed.map((id) => {
      const successor = (oldMembers.get(id) ?? [])
        .map((key) => this.talkOfEntry.get(renamed.get(key) ?? key))
        .find((talkId) => talkId !== undefined && this.tables.talks.has(talkId));
      return { id, successor: successor ?? null };
    });
    this.history.update(departures, change.added);
  }
}
