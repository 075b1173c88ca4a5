/** Reads archive.json back into the archive (the layout is in snapshot-archive.ts). */
import type { Archive, Conference, PostRecord, Speaker, Talk, TalkSource, Topic } from '../model.ts';
import {
  ELLIPSIS,
  joinSources,
  type NotesOf,
  type PackedArchive,
  type PackedRecords,
  type PackedSources,
  type PackedTalks,
  summaryOf,
} from './snapshot-archive.ts';
import { CodedColumn, decodeLists } from './snapshot-codes.ts';
import { PackReader } from './snapshot-pack.ts';

function unpackSources(packed: PackedSources, input: PackReader, notesOf: NotesOf): TalkSource[] {
  const post = new CodedColumn(input, packed.post);
  const count = post.length;
  const postTitle = new CodedColumn(input, packed.postTitle, count);
  const url = new CodedColumn(input, packed.url, count);
  const date = new CodedColumn(input, packed.date, count);
  const note = input.ints(packed.note);
  const anchor = input.texts(packed.anchor);
  const excerpt = input.strings(packed.excerpt);
  const cut = input.ints(packed.excerptCut);
  if (anchor.length !== count || excerpt.length !== count || note.length !== count || cut.length !== count)
    throw new Error('archive.json lists sources of different lengths');
  const literal = new Map(packed.text);
  const sources: TalkSource[] = [];
  for (let i = 0; i < count; i++) {
    const path = post.at(i);
    const text = literal.get(i) ?? notesOf(path)?.[note[i]!];
    if (text === undefined) throw new Error(`archive.json refers to notes the posts lack (${path})`);
    sources.push({
      post: path,
      postTitle: postTitle.at(i),
      url: url.at(i),
      anchor: anchor[i]!,
      excerpt: cut[i] === 1 ? excerpt[i] + ELLIPSIS : excerpt[i]!,
      text,
      date: date.at(i),
    });
  }
  return sources;
}

function unpackTalks(packed: PackedTalks, input: PackReader, notesOf: NotesOf): Talk[] {
  const id = input.strings(packed.id);
  const count = id.length;
  const conferenceId = new CodedColumn(input, packed.conferenceId, count);
  const kind = new CodedColumn(input, packed.kind, count);
  const date = new CodedColumn(input, packed.date, count);
  const slug = input.strings(packed.slug);
  const title = input.strings(packed.title);
  const titleDerived = input.ints(packed.titleDerived);
  const speakerIds = decodeLists(input, packed.speakerIds, count);
  const topicIds = decodeLists(input, packed.topicIds, count);
  const counts = input.ints(packed.sources.counts);
  const all = unpackSources(packed.sources, input, notesOf);
  const summaries = new Map(packed.summary);
  const joined = new Map(packed.text);
  const talks: Talk[] = [];
  let next = 0;
  for (let i = 0; i < count; i++) {
    const sources = all.slice(next, next + counts[i]!);
    next += sources.length;
    talks.push({
      id: id[i]!,
      conferenceId: conferenceId.at(i),
      slug: slug[i]!,
      title: title[i]!,
      titleDerived: titleDerived[i] === 1,
      speakerIds: speakerIds[i]!,
      topicIds: topicIds[i]!,
      kind: kind.at(i),
      summary: summaries.get(i) ?? summaryOf(sources),
      text: joined.get(i) ?? joinSources(sources),
      date: date.at(i),
      sources,
    });
  }
  if (next !== all.length || counts.length !== count)
    throw new Error('archive.json lists sources no talk has');
  return talks;
}

function unpackRecords<T extends { talkIds: string[] }>(
  packed: PackedRecords<T>,
  input: PackReader,
  talks: Talk[],
): T[] {
  if (!Array.isArray(packed?.records)) throw new Error('archive.json does not hold an archive');
  const counts = input.ints(packed.counts);
  const positions = input.ints(packed.talks);
  let next = 0;
  return packed.records.map((record, index) => {
    const listed = positions.subarray(next, next + (counts[index] ?? 0));
    next += listed.length;
    const talkIds =
      record.talkIds ??
      Array.from(listed, (position) => {
        const talk = talks[position];
        if (!talk) throw new Error('archive.json refers to a talk it lacks');
        return talk.id;
      });
    // Omit<T, 'talkIds'> plus talkIds is T again; TypeScript cannot see it through the generic.
    return { ...record, talkIds } as unknown as T;
  });
}

/** The archive back in full; throws when archive.json is malformed or its notes are missing. */
export function unpackArchive(file: Buffer, notesOf: NotesOf): Archive {
  const { header, columns } = PackReader.open<PackedArchive>(file, 'archive.json');
  if (typeof header.talks !== 'object') throw new Error('archive.json does not hold an archive');
  const talks = unpackTalks(header.talks, columns, notesOf);
  columns.end('archive.json');
  return {
    ...header,
    conferences: unpackRecords<Conference>(header.conferences, columns, talks),
    talks,
    speakers: unpackRecords<Speaker>(header.speakers, columns, talks),
    topics: unpackRecords<Topic>(header.topics, columns, talks),
    posts: unpackRecords<PostRecord>(header.posts, columns, talks),
  };
}
