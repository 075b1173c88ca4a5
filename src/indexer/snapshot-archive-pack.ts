/**
 * Packs the archive into archive.json (the layout is in snapshot-archive.ts), a slice at a time:
 * at 100k talks each column takes tens of milliseconds or more, and a server writing a snapshot
 * goes on answering in between (pacer.ts). The archive and its records are never modified, only
 * replaced, so reading them across turns of the event loop is safe.
 */
import type { Archive, ExtractedPost, Talk, TalkSource } from '../model.ts';
import { Pacer } from './pacer.ts';
import {
  ELLIPSIS,
  joinSources,
  type PackedArchive,
  type PackedRecords,
  type PackedSources,
  type PackedTalks,
  summaryOf,
} from './snapshot-archive.ts';
import { code, codeLists } from './snapshot-codes.ts';
import { PackWriter } from './snapshot-pack.ts';

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
async function literalTexts(
  sources: TalkSource[],
  note: number[],
  pacer: Pacer,
): Promise<[number, string][]> {
  const found: [number, string][] = [];
  await pacer.map(sources, (source, index) => {
    if (note[index] === -1) found.push([index, source.text]);
  });
  return found;
}

/** [position, value] where `value` differs from what `derived` gives, looked at a slice at a time. */
async function exceptions<T>(
  items: readonly T[],
  value: (item: T) => string,
  derived: (item: T) => string,
  pacer: Pacer,
): Promise<[number, string][]> {
  const found: [number, string][] = [];
  await pacer.map(items, (item, index) => {
    if (value(item) !== derived(item)) found.push([index, value(item)]);
  });
  return found;
}

async function packSources(
  talks: readonly Talk[],
  out: PackWriter,
  extracted: Record<string, ExtractedPost>,
  pacer: Pacer,
): Promise<PackedSources> {
  const sources: TalkSource[] = [];
  await pacer.forEach(talks, (talk) => {
    for (const source of talk.sources) sources.push(source);
  });
  const positionOf = notePositions(extracted);
  const note = await pacer.map(sources, (source) => positionOf(source.post, source.text));
  const coded = async <T>(pick: (source: TalkSource) => T) => code(out, await pacer.map(sources, pick));
  const excerpts = await pacer.map(sources, ({ excerpt }) =>
    excerpt.endsWith(ELLIPSIS) ? excerpt.slice(0, -1) : excerpt,
  );
  // Texts are read back in the order they are written: anchors, then excerpts (snapshot-unpack.ts).
  return {
    counts: out.ints(await pacer.map(talks, (talk) => talk.sources.length)),
    post: await coded((source) => source.post),
    postTitle: await coded((source) => source.postTitle),
    url: await coded((source) => source.url),
    anchor: await out.stringsPaced(await pacer.map(sources, (source) => source.anchor), pacer),
    excerpt: await out.stringsPaced(excerpts, pacer),
    excerptCut: out.ints(await pacer.map(sources, ({ excerpt }) => (excerpt.endsWith(ELLIPSIS) ? 1 : 0))),
    note: out.ints(note),
    text: await literalTexts(sources, note, pacer),
    date: await coded((source) => source.date),
  };
}

async function packTalks(
  talks: readonly Talk[],
  out: PackWriter,
  pacer: Pacer,
): Promise<Omit<PackedTalks, 'sources'>> {
  const column = <T>(pick: (talk: Talk) => T) => pacer.map(talks, pick);
  const coded = async <T>(pick: (talk: Talk) => T) => code(out, await column(pick));
  // Texts are read back in the order they are written: ids, slugs, then titles (snapshot-unpack.ts).
  return {
    id: await out.stringsPaced(await column((talk) => talk.id), pacer),
    conferenceId: await coded((talk) => talk.conferenceId),
    slug: await out.stringsPaced(await column((talk) => talk.slug), pacer),
    title: await out.stringsPaced(await column((talk) => talk.title), pacer),
    titleDerived: out.ints(await column((talk) => (talk.titleDerived ? 1 : 0))),
    speakerIds: codeLists(out, await column((talk) => talk.speakerIds)),
    topicIds: codeLists(out, await column((talk) => talk.topicIds)),
    kind: await coded((talk) => talk.kind),
    summary: await exceptions(
      talks,
      (talk) => talk.summary,
      (talk) => summaryOf(talk.sources),
      pacer,
    ),
    text: await exceptions(
      talks,
      (talk) => talk.text,
      (talk) => joinSources(talk.sources),
      pacer,
    ),
    date: await coded((talk) => talk.date),
  };
}

async function packRecords<T extends { talkIds: string[] }>(
  records: readonly T[],
  out: PackWriter,
  positions: Map<string, number>,
  pacer: Pacer,
): Promise<PackedRecords<T>> {
  const counts: number[] = [];
  const talks: number[] = [];
  const packed = await pacer.map(records, (record) => {
    const found = record.talkIds.map((id) => positions.get(id));
    const all = found.every((position) => position !== undefined);
    counts.push(all ? found.length : 0);
    if (all) for (const position of found as number[]) talks.push(position);
    return { ...record, talkIds: all ? null : record.talkIds };
  });
  return { records: packed, counts: out.ints(counts), talks: out.ints(talks) };
}

/** The content of archive.json, its texts encoded as the pieces are written. */
export async function packArchive(
  archive: Archive,
  extracted: Record<string, ExtractedPost>,
  pacer = new Pacer(),
): Promise<Iterable<Buffer>> {
  const out = new PackWriter();
  const talks = await packTalks(archive.talks, out, pacer);
  const sources = await packSources(archive.talks, out, extracted, pacer);
  const positions = new Map<string, number>();
  await pacer.map(archive.talks, (talk, index) => positions.set(talk.id, index));
  const header: PackedArchive = {
    ...archive,
    talks: { ...talks, sources },
    conferences: await packRecords(archive.conferences, out, positions, pacer),
    speakers: await packRecords(archive.speakers, out, positions, pacer),
    topics: await packRecords(archive.topics, out, positions, pacer),
    posts: await packRecords(archive.posts, out, positions, pacer),
  };
  return out.chunks(header);
}
