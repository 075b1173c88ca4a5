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

export function speakerKeys(speaker: ExtractedSpeaker): string[] {
  const keys: string[] = [];
  if (speaker.handle && handleKey(speaker.handle)) keys.push(`h:${handleKey(speaker.handle)}`);
  const name = nameKey(speaker.name);
  if (name) keys.push(`n:${name}`);
  return keys;
}

export function postEntries(path: string, post: ExtractedPost, catalog: SeriesCatalog): Entry[] {
  // Talks naming no conference of their own all resolve to the post's: resolved once.
  let shared: ResolvedConference | undefined;
  const conferenceOf = (talk: ExtractedTalk) => {
    if (talk.conference) return resolveConference(post, talk, path, catalog);
    shared ??= resolveConference(post, talk, path, catalog);
    return shared;
  };
  return post.talks.map((talk, index) => {
    const key = `${path}#${String(index).padStart(4, '0')}`;
    const title = talk.title?.trim() || null;
    return {
      key,
      path,
      conference: conferenceOf(talk),
      title,
      words: title ? titleWords(title) : [],
      speakers: talk.speakers
        .filter((speaker) => speaker.name.trim() || speaker.handle)
        .map((speaker, position) => ({ ...speaker, id: `${key}@${position}`, keys: speakerKeys(speaker) })),
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
