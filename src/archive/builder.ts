/**
 * archive/: ExtractedPost[] -> Archive { conferences, talks, speakers, topics, posts }.
 *
 * Pure and incremental. Each post contributes entries (one per talk it reports); a change to a
 * post replaces its entries and recomputes only what they touch: the talks of the conferences
 * involved, the speakers sharing a name or handle with them, the topics and posts of the talks
 * that changed. Ids come from content alone, so any reading order gives the same archive.
 */
import type { Archive, Conference, ExtractedPost, PostRecord, Speaker, Talk, Topic } from '../model.ts';
import { type Cluster, clusterEntries } from './cluster.ts';
import { buildSeriesCatalog, type SeriesEntry } from './conference.ts';
import type { Entry } from './entries.ts';
import { TalkHistory } from './history.ts';
import { matchEntries } from './match.ts';
import { conferenceRecord, Postings, postRecord, type TopicDefinition, topicRecord } from './records.ts';
import { SortedRecords } from './sorted.ts';
import { SpeakerRegistry } from './speakers.ts';
import { EntryStore } from './store.ts';
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

/** What one update touched, gathered while talks are rebuilt. */
interface Dirty {
  conferences: Set<string>;
  speakers: Set<string>;
  topics: Set<string>;
  posts: Set<string>;
}

export class ArchiveBuilder {
  private readonly vocabulary = new Map<string, TopicDefinition>();
  private readonly store: EntryStore;
  private readonly clusters = new Map<string, Cluster>();
  private readonly conferenceTalks = new Map<string, string[]>();
  private readonly talkOfEntry = new Map<string, string>();
  private readonly speakerRegistry = new SpeakerRegistry();
  private readonly speakerTalks = new Postings();
  private readonly topicTalks = new Postings();
  private readonly history: TalkHistory;
  private readonly talks = new SortedRecords<Talk>((t) => t.id);
  private readonly conferences = new SortedRecords<Conference>((c) => c.id);
  private readonly speakers = new SortedRecords<Speaker>((s) => s.id);
  private readonly topics = new SortedRecords<Topic>((t) => t.id);
  private readonly postRecords = new SortedRecords<PostRecord>((p) => p.path);

  constructor(options: ArchiveOptions = {}) {
    this.store = new EntryStore(buildSeriesCatalog(options.series ?? []));
    for (const topic of options.topics ?? []) this.vocabulary.set(slugify(topic.name), topic);
    this.history = new TalkHistory(options.redirects, options.gone);
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
    return this.talks.get(id);
  }

  /** The archive as plain data; arrays are copies, records are shared and never mutated. */
  toArchive(): Archive {
    return {
      conferences: this.conferences.list(),
      talks: this.talks.list(),
      speakers: this.speakers.list(),
      topics: this.topics.list(),
      posts: this.postRecords.list(),
      ...this.history.toJSON(),
    };
  }

  private apply(changes: Map<string, ExtractedPost | null>, track: boolean): ArchiveChange {
    const previous = new Map<string, Entry[]>();
    const added: Entry[] = [];
    const affected = new Set<string>();
    for (const [path, post] of changes) {
      const { old, next } = this.store.replace(path, post);
      for (const entry of old) this.talkOfEntry.delete(entry.key);
      if (!post) this.postRecords.delete(path);
      previous.set(path, old);
      for (const entry of [...old, ...next]) affected.add(entry.conference.id);
      added.push(...next);
    }
    const removedMentions = [...previous.values()].flat().flatMap((e) => e.speakers);
    const { touched, moved } = this.speakerRegistry.update(
      removedMentions,
      added.flatMap((e) => e.speakers),
    );
    const dirty: Dirty = { conferences: affected, speakers: touched, topics: new Set(), posts: new Set() };
    for (const path of changes.keys()) dirty.posts.add(path);
    const oldMembers = new Map<string, string[]>();
    const candidates = this.recluster(affected, oldMembers);
    for (const mentionId of moved) {
      const talkId = this.talkOfEntry.get(mentionId.slice(0, mentionId.lastIndexOf('@')));
      if (talkId) candidates.add(talkId);
    }
    const result = this.rebuildTalks(candidates, dirty, oldMembers);
    if (track) this.recordHistory(result, oldMembers, previous);
    this.refreshRecords(dirty);
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
      const before = this.talks.get(id);
      const after = cluster ? buildTalk(cluster, cluster.entries[0]!.conference.id, idOf) : undefined;
      if (before && after && JSON.stringify(before) === JSON.stringify(after)) continue;
      if (before) this.unlinkTalk(before, dirty);
      if (after) this.linkTalk(after, dirty);
      for (const key of oldMembers.get(id) ?? []) dirty.posts.add(key.slice(0, key.lastIndexOf('#')));
      if (!after) result.removed.push(id);
      else (before ? result.changed : result.added).push(id);
    }
    return result;
  }

  private linkTalk(talk: Talk, dirty: Dirty): void {
    this.talks.set(talk);
    this.touchLinks(talk, dirty, (postings, key, id) => postings.add(key, id));
  }

  private unlinkTalk(talk: Talk, dirty: Dirty): void {
    this.talks.delete(talk.id);
    this.touchLinks(talk, dirty, (postings, key, id) => postings.remove(key, id));
  }

  private touchLinks(talk: Talk, dirty: Dirty, edit: (postings: Postings, key: string, id: string) => void) {
    dirty.conferences.add(talk.conferenceId);
    for (const id of talk.speakerIds) {
      edit(this.speakerTalks, id, talk.id);
      dirty.speakers.add(id);
    }
    for (const id of talk.topicIds) {
      edit(this.topicTalks, id, talk.id);
      dirty.topics.add(id);
    }
    for (const source of talk.sources) dirty.posts.add(source.post);
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
        .find((talkId) => talkId !== undefined && this.talks.has(talkId));
      return { id, successor: successor ?? null };
    });
    this.history.update(departures, change.added);
  }

  private refreshRecords(dirty: Dirty): void {
    for (const id of dirty.conferences) {
      const entries = this.store.ofConference(id);
      if (entries.length)
        this.conferences.set(conferenceRecord(id, entries, this.conferenceTalks.get(id) ?? []));
      else this.conferences.delete(id);
    }
    for (const id of dirty.speakers) {
      const speaker = this.speakerRegistry.speaker(id, this.speakerTalks.sorted(id));
      if (speaker?.talkIds.length) this.speakers.set(speaker);
      else this.speakers.delete(id);
    }
    for (const id of dirty.topics) {
      const talkIds = this.topicTalks.sorted(id);
      if (talkIds.length)
        this.topics.set(topicRecord(id, this.store.topicSpellings.of(id), this.vocabulary.get(id), talkIds));
      else this.topics.delete(id);
    }
    for (const path of dirty.posts) {
      const post = this.store.posts.get(path);
      if (!post) continue;
      const talkIds = (this.store.byPost.get(path) ?? []).map((e) => this.talkOfEntry.get(e.key)!);
      this.postRecords.set(postRecord(path, post, [...new Set(talkIds)]));
    }
  }
}
