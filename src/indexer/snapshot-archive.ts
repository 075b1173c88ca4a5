/**
 * The archive as archive.json stores it: columns of numbers and texts (snapshot-pack.ts).
 *
 * Talks and their sources are stored as columns rather than one object each: a column of
 * strings that repeat (conference ids, dates, post paths) as a table of the distinct values and
 * a code per talk, and long strings (ids, titles, excerpts) in the text part of the file. The
 * notes are left out: posts-<xx>.json already hold them, so each source names the talk of its
 * post's extraction it comes from, and a talk's joined text and summary are left out when they
 * are the join of its sources' texts and the first excerpt. Lists of talk ids name talks by
 * position. Anything that cannot be referenced that way is stored as it is, so packing never
 * loses data. Packing is in snapshot-archive-pack.ts, reading in snapshot-unpack.ts.
 */
import type { Archive, Conference, PostRecord, Speaker, Talk, TalkSource, Topic } from '../model.ts';
import type { Coded, CodedLists } from './snapshot-codes.ts';
import type { IntColumn } from './snapshot-pack.ts';

/** A record's talk ids are positions in the talk list (`talks`), or stored as they are when one is not in it. */
export interface PackedRecords<T> {
  records: (Omit<T, 'talkIds'> & { talkIds: string[] | null })[];
  counts: IntColumn;
  talks: IntColumn;
}

export interface PackedSources {
  /** Sources per talk. */
  counts: IntColumn;
  post: Coded<string>;
  postTitle: Coded<string>;
  url: Coded<string | null>;
  anchor: IntColumn;
  excerpt: IntColumn;
  /** 1 where the excerpt's final ellipsis was left out of the texts (see `ELLIPSIS`). */
  excerptCut: IntColumn;
  /** The position of the talk in its post's extraction whose notes are the source's text, or -1. */
  note: IntColumn;
  /** [source position, text] for the texts no extraction holds. */
  text: [number, string][];
  date: Coded<string | null>;
}

export interface PackedTalks {
  id: IntColumn;
  conferenceId: Coded<string>;
  slug: IntColumn;
  title: IntColumn;
  titleDerived: IntColumn;
  speakerIds: CodedLists<string>;
  topicIds: CodedLists<string>;
  kind: Coded<Talk['kind']>;
  /** [talk position, value] where the value is not the one derived from the sources. */
  summary: [number, string][];
  text: [number, string][];
  date: Coded<string | null>;
  sources: PackedSources;
}

export interface PackedArchive
  extends Omit<Archive, 'talks' | 'conferences' | 'speakers' | 'topics' | 'posts'> {
  talks: PackedTalks;
  conferences: PackedRecords<Conference>;
  speakers: PackedRecords<Speaker>;
  topics: PackedRecords<Topic>;
  posts: PackedRecords<PostRecord>;
}

/**
 * Excerpts end with an ellipsis when cut, and this one character outside Latin-1 would make an
 * otherwise ASCII excerpt a text of its own, stored in two bytes per character in memory (50 MB
 * at 100k talks): it is left out and joined back on loading.
 */
export const ELLIPSIS = '…';

/** Looks up the notes of a post's talks, in the order of its extraction. */
export type NotesOf = (post: string) => readonly string[] | undefined;

export function summaryOf(sources: readonly { excerpt: string }[]): string {
  for (const source of sources) if (source.excerpt) return source.excerpt;
  return '';
}

/** The talk's notes as the archive joins them: each source's text once, in source order. */
function joinTexts(texts: readonly string[]): string {
  // Most talks have one source: the set and the join would give its trimmed text.
  if (texts.length === 1) return texts[0]!.trim();
  return [...new Set(texts.map((text) => text.trim()).filter(Boolean))].join('\n\n');
}

/** `joinTexts` of the sources' texts. */
export function joinSources(sources: readonly TalkSource[]): string {
  if (sources.length === 1) return sources[0]!.text.trim();
  return joinTexts(sources.map((source) => source.text));
}
