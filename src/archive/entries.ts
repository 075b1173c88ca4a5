/**
 * One talk as one post reports it: the unit the archive merges. Each post contributes a list
 * of entries; updating a post replaces its entries and nothing else.
 */
import type { ExtractedPost, ExtractedSpeaker, ExtractedTalk, TalkKind } from '../model.ts';
import { type ResolvedConference, resolveConference, type SeriesCatalog } from './conference.ts';
import { titleWords } from './similarity.ts';
import { handleKey, nameKey } from './text.ts';

export interface SpeakerMention extends ExtractedSpeaker {
  /** "<entry key>@<position>", unique in the archive. */
  id: string;
  /** "h:dgageot", "n:david gageot": a mention joins every speaker sharing one of its keys. */
  keys: string[];
}

export interface Entry {
  /** "<post path>#<position in post, zero-padded>", unique and sortable. */
  key: string;
  path: string;
  conference: ResolvedConference;
  title: string | null;
  words: string[];
  speakers: SpeakerMention[];
  topics: string[];
  kind: TalkKind;
  anchor: string | null;
  text: string;
  postTitle: string;
  url: string | null;
  date: string | null;
  /** Set on the copy of an entry without a conference that was placed in a known one. */
  placed?: boolean;
}

/** An entry's key: its post and its position there. */
export function entryKey(path: string, position: number): string {
  return `${path}#${String(position).padStart(4, '0')}`;
}

/** A mention's id: its entry and its position among the entry's speakers. */
export function mentionId(entry: string, position: number): string {
  return `${entry}@${position}`;
}

/** [post path, position] of an entry key, or null when it is not one. */
export function splitEntryKey(key: string): [path: string, position: number] | null {
  const at = key.lastIndexOf('#');
  const position = Number(key.slice(at + 1));
  return at > 0 && Number.isInteger(position) && position >= 0 ? [key.slice(0, at), position] : null;
}

/** [entry key, position] of a mention id, or null when it is not one. */
export function splitMentionId(id: string): [entry: string, position: number] | null {
  const at = id.lastIndexOf('@');
  const position = Number(id.slice(at + 1));
  return at > 0 && Number.isInteger(position) && position >= 0 ? [id.slice(0, at), position] : null;
}

export function speakerKeys(speaker: ExtractedSpeaker): string[] {
  const keys: string[] = [];
  if (speaker.handle && handleKey(speaker.handle)) keys.push(`h:${handleKey(speaker.handle)}`);
  const name = nameKey(speaker.name);
  if (name) keys.push(`n:${name}`);
  return keys;
}

/** `keysOf` may memoise `speakerKeys` (names repeat across thousands of talks). */
export function postEntries(
  path: string,
  post: ExtractedPost,
  catalog: SeriesCatalog,
  keysOf: (speaker: ExtractedSpeaker) => string[] = speakerKeys,
): Entry[] {
  // Talks naming no conference of their own all resolve to the post's: resolved once.
  let shared: ResolvedConference | undefined;
  const conferenceOf = (talk: ExtractedTalk) => {
    if (talk.conference) return resolveConference(post, talk, path, catalog);
    shared ??= resolveConference(post, talk, path, catalog);
    return shared;
  };
  return post.talks.map((talk, index) => {
    const key = entryKey(path, index);
    const title = talk.title?.trim() || null;
    const speakers: SpeakerMention[] = [];
    for (const { name, handle, affiliation } of talk.speakers)
      if (name.trim() || handle)
        speakers.push({
          name,
          handle,
          affiliation,
          id: mentionId(key, speakers.length),
          keys: keysOf({ name, handle, affiliation }),
        });
    return {
      key,
      path,
      conference: conferenceOf(talk),
      title,
      words: title ? titleWords(title) : [],
      speakers,
      topics: talk.topics,
      kind: talk.kind,
      anchor: talk.anchor,
      text: talk.text,
      postTitle: post.title,
      url: post.url,
      date: post.date,
    };
  });
}

/** Sources in a stable order: earliest post first, undated last, then by path. */
export function compareEntries(a: Entry, b: Entry): number {
  const dateA = a.date ?? '9999';
  const dateB = b.date ?? '9999';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sameMention(a: SpeakerMention, b: SpeakerMention): boolean {
  return a.name === b.name && a.handle === b.handle && a.affiliation === b.affiliation;
}

/** The mentions that really differ between two versions of posts: an edit elsewhere costs nothing here. */
export function changedMentions(old: Entry[], next: Entry[]) {
  const before = new Map(old.flatMap((e) => e.speakers).map((m) => [m.id, m]));
  const after = new Map(next.flatMap((e) => e.speakers).map((m) => [m.id, m]));
  const differs = (m: SpeakerMention, other: Map<string, SpeakerMention>) => {
    const counterpart = other.get(m.id);
    return !counterpart || !sameMention(m, counterpart);
  };
  return {
    removed: [...before.values()].filter((m) => differs(m, after)),
    added: [...after.values()].filter((m) => differs(m, before)),
  };
}
