/**
 * The archive's record lists (talks, conferences, speakers, topics, posts) and the postings
 * between them, kept current as talks change: only records an update touched are rebuilt.
 */
import type { Archive, Conference, PostRecord, Speaker, Talk, Topic } from '../model.ts';
import { conferenceRecord, Postings, postRecord, type TopicDefinition, topicRecord } from './records.ts';
import { SortedRecords } from './sorted.ts';
import type { SpeakerRegistry } from './speakers.ts';
import type { EntryStore } from './store.ts';

/** What one update touched, gathered while talks are rebuilt. */
export interface Dirty {
  conferences: Set<string>;
  speakers: Set<string>;
  topics: Set<string>;
  posts: Set<string>;
}

/** Where the tables read what their records are built from. */
export interface TableSources {
  store: EntryStore;
  speakers: SpeakerRegistry;
  vocabulary: Map<string, TopicDefinition>;
  talksOf(conferenceId: string): string[];
  talkOfEntry(entryKey: string): string | undefined;
}

export class RecordTables {
  readonly talks = new SortedRecords<Talk>((t) => t.id);
  private readonly conferences = new SortedRecords<Conference>((c) => c.id);
  private readonly speakers = new SortedRecords<Speaker>((s) => s.id);
  private readonly topics = new SortedRecords<Topic>((t) => t.id);
  private readonly posts = new SortedRecords<PostRecord>((p) => p.path);
  private readonly speakerTalks = new Postings();
  private readonly topicTalks = new Postings();

  constructor(private readonly sources: TableSources) {}

  link(talk: Talk, dirty: Dirty): void {
    this.talks.set(talk);
    this.touch(talk, dirty, (postings, key, id) => postings.add(key, id));
  }

  unlink(talk: Talk, dirty: Dirty): void {
    this.talks.delete(talk.id);
    this.touch(talk, dirty, (postings, key, id) => postings.remove(key, id));
  }

  deletePost(path: string): void {
    this.posts.delete(path);
  }

  lists() {
    return {
      conferences: this.conferences.list(),
      talks: this.talks.list(),
      speakers: this.speakers.list(),
      topics: this.topics.list(),
      posts: this.posts.list(),
    };
  }

  /** Starts from the lists of a saved archive (made by these tables), in place of linking every talk. */
  restore(archive: Pick<Archive, 'talks' | 'conferences' | 'speakers' | 'topics' | 'posts'>): void {
    this.talks.load(archive.talks);
    this.conferences.load(archive.conferences);
    this.speakers.load(archive.speakers);
    this.topics.load(archive.topics);
    this.posts.load(archive.posts);
    for (const speaker of archive.speakers) this.speakerTalks.load(speaker.id, speaker.talkIds);
    for (const topic of archive.topics) this.topicTalks.load(topic.id, topic.talkIds);
  }

  refresh(dirty: Dirty): void {
    const { store, speakers, vocabulary } = this.sources;
    for (const id of dirty.conferences) {
      const entries = store.ofConference(id);
      if (entries.length) this.conferences.set(conferenceRecord(id, entries, this.sources.talksOf(id)));
      else this.conferences.delete(id);
    }
    for (const id of dirty.speakers) {
      const speaker = speakers.speaker(id, this.speakerTalks.sorted(id));
      if (speaker?.talkIds.length) this.speakers.set(speaker);
      else this.speakers.delete(id);
    }
    for (const id of dirty.topics) {
      const talkIds = this.topicTalks.sorted(id);
      if (talkIds.length)
        this.topics.set(topicRecord(id, store.topicSpellings.of(id), vocabulary.get(id), talkIds));
      else this.topics.delete(id);
    }
    for (const path of dirty.posts) {
      const post = store.posts.get(path);
      if (!post) continue;
      const talkIds = (store.byPost.get(path) ?? []).map((e) => this.sources.talkOfEntry(e.key) ?? '');
      this.posts.set(postRecord(path, post, [...new Set(talkIds.filter(Boolean))]));
    }
  }

  private touch(talk: Talk, dirty: Dirty, edit: (postings: Postings, key: string, id: string) => void) {
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
}
