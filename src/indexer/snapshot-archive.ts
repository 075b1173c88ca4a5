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
 * loses data.
 */
import type {
  Archive,
  Conference,
  ExtractedPost,
  PostRecord,
  Speaker,
  Talk,
  TalkSource,
  Topic,
} from '../model.ts';
import { type Coded, type CodedLists, code, codeLists } from './snapshot-codes.ts';
import { type IntColumn, PackWriter } from './snapshot-pack.ts';

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

/** For each post, the position of the first talk holding a given text (any has the same text). */
function notePositions(extracted: Record<string, ExtractedPost>) {
  const byPost = new Map<string, Map<string, number>>();
  return (post: string, text: string): number => {
    let positions = byPost.get(post);
    if (!positions) {
      positions = new Map();
      for (const [index, talk] of (extracted[post]?.talks ?? []).entries())
        if (!positions.has(talk.text)) positions.set(talk.text, index);
      byPost.set(post, positions);
    }
    return positions.get(text) ?? -1;
  };
}

/** [source position, text] of the sources whose text no extraction holds. */
function literalTexts(sources: TalkSource[], note: number[]): [number, string][] {
  const found: [number, string][] = [];
  sources.forEach((source, index) => {
    if (note[index] === -1) found.push([index, source.text]);
  });
  return found;
}

function packSources(
  talks: Talk[],
  out: PackWriter,
  extracted: Record<string, ExtractedPost>,
): PackedSources {
  const sources: TalkSource[] = [];
  for (const talk of talks) for (const source of talk.sources) sources.push(source);
  const positionOf = notePositions(extracted);
  const note = sources.map((source) => positionOf(source.post, source.text));
  const coded = <T>(pick: (source: TalkSource) => T) => code(out, sources.map(pick));
  return {
    counts: out.ints(talks.map((talk) => talk.sources.length)),
    post: coded((source) => source.post),
    postTitle: coded((source) => source.postTitle),
    url: coded((source) => source.url),
    anchor: out.strings(sources.map((source) => source.anchor)),
    excerpt: out.strings(
      sources.map(({ excerpt }) => (excerpt.endsWith(ELLIPSIS) ? excerpt.slice(0, -1) : excerpt)),
    ),
    excerptCut: out.ints(sources.map(({ excerpt }) => (excerpt.endsWith(ELLIPSIS) ? 1 : 0))),
    note: out.ints(note),
    text: literalTexts(sources, note),
    date: coded((source) => source.date),
  };
}

function packTalks(talks: Talk[], out: PackWriter): Omit<PackedTalks, 'sources'> {
  const exceptions = (value: (talk: Talk) => string, derived: (talk: Talk) => string) => {
    const found: [number, string][] = [];
    talks.forEach((talk, index) => {
      if (value(talk) !== derived(talk)) found.push([index, value(talk)]);
    });
    return found;
  };
  const coded = <T>(pick: (talk: Talk) => T) => code(out, talks.map(pick));
  return {
    id: out.strings(talks.map((talk) => talk.id)),
    conferenceId: coded((talk) => talk.conferenceId),
    slug: out.strings(talks.map((talk) => talk.slug)),
    title: out.strings(talks.map((talk) => talk.title)),
    titleDerived: out.ints(talks.map((talk) => (talk.titleDerived ? 1 : 0))),
    speakerIds: codeLists(
      out,
      talks.map((talk) => talk.speakerIds),
    ),
    topicIds: codeLists(
      out,
      talks.map((talk) => talk.topicIds),
    ),
    kind: coded((talk) => talk.kind),
    summary: exceptions(
      (talk) => talk.summary,
      (talk) => summaryOf(talk.sources),
    ),
    text: exceptions(
      (talk) => talk.text,
      (talk) => joinSources(talk.sources),
    ),
    date: coded((talk) => talk.date),
  };
}

function packRecords<T extends { talkIds: string[] }>(
  records: T[],
  out: PackWriter,
  positions: Map<string, number>,
): PackedRecords<T> {
  const counts: number[] = [];
  const talks: number[] = [];
  const packed = records.map((record) => {
    const found = record.talkIds.map((id) => positions.get(id));
    const all = found.every((position) => position !== undefined);
    counts.push(all ? found.length : 0);
    if (all) for (const position of found as number[]) talks.push(position);
    return { ...record, talkIds: all ? null : record.talkIds };
  });
  return { records: packed, counts: out.ints(counts), talks: out.ints(talks) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The content of archive.json, its texts encoded as the pieces are written. The steps are a
 * turn of the event loop apart (each takes 0.1-0.3 s CPU at 100k talks), so that a server goes
 * on answering; the archive and its records are never modified, only replaced, so waiting is safe.
 */
export async function packArchive(
  archive: Archive,
  extracted: Record<string, ExtractedPost>,
): Promise<Iterable<Buffer>> {
  const out = new PackWriter();
  const talks = packTalks(archive.talks, out);
  await nextTurn();
  const sources = packSources(archive.talks, out, extracted);
  await nextTurn();
  const positions = new Map(archive.talks.map((talk, index) => [talk.id, index]));
  const conferences = packRecords(archive.conferences, out, positions);
  await nextTurn();
  const speakers = packRecords(archive.speakers, out, positions);
  const topics = packRecords(archive.topics, out, positions);
  await nextTurn();
  const posts = packRecords(archive.posts, out, positions);
  const header: PackedArchive = {
    ...archive,
    talks: { ...talks, sources },
    conferences,
    speakers,
    topics,
    posts,
  };
  return out.chunks(header);
}
