/**
 * The archive as archive.json stores it: without the notes, which posts.json already holds.
 * A talk's notes are most of an archive's bytes and were stored three times (the extraction,
 * each source, the talk); here each source names the talk of its post's extraction it comes
 * from, and the talk's joined text is left out when it is the join of its sources. Anything
 * that cannot be referenced that way is stored as it is, so packing never loses data.
 */
import type { Archive, Conference, ExtractedPost, Speaker, Talk, TalkSource, Topic } from '../model.ts';

type PackedSource = Omit<TalkSource, 'text'> & { text: number | string };
/**
 * Fields are null when derivable (kept as keys so that fields keep their order): `id` from the
 * conference and slug, `summary` as the first source's non-empty excerpt, `text` as the join of
 * the sources' texts.
 */
type PackedTalk = Omit<Talk, 'id' | 'summary' | 'text' | 'sources'> & {
  id: string | null;
  summary: string | null;
  text: string | null;
  sources: PackedSource[];
};

function summaryOf(sources: { excerpt: string }[]): string {
  return sources.find((source) => source.excerpt)?.excerpt ?? '';
}
/** `talkIds` is null when it lists, in id order, the talks that name the record. */
type Packed<T> = Omit<T, 'talkIds'> & { talkIds: string[] | null };
export type PackedArchive = Omit<Archive, 'talks' | 'conferences' | 'speakers' | 'topics'> & {
  talks: PackedTalk[];
  conferences: Packed<Conference>[];
  speakers: Packed<Speaker>[];
  topics: Packed<Topic>[];
};

type Lists = Record<'conferences' | 'speakers' | 'topics', Map<string, string[]>>;

/** The talk ids naming each conference, speaker and topic; talks come sorted by id, so are these. */
function talkLists(talks: Talk[]): Lists {
  const lists: Lists = { conferences: new Map(), speakers: new Map(), topics: new Map() };
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const talk of talks) {
    add(lists.conferences, talk.conferenceId, talk.id);
    for (const id of talk.speakerIds) add(lists.speakers, id, talk.id);
    for (const id of talk.topicIds) add(lists.topics, id, talk.id);
  }
  return lists;
}

function sameList(a: string[], b: string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);
}

function packLists<T extends { id: string; talkIds: string[] }>(
  records: T[],
  derived: Map<string, string[]>,
) {
  return records.map((record) => ({
    ...record,
    talkIds: sameList(record.talkIds, derived.get(record.id)) ? null : record.talkIds,
  }));
}

function unpackLists<T extends { id: string; talkIds: string[] }>(
  records: Packed<T>[],
  derived: Map<string, string[]>,
): T[] {
  // Omit<T, 'talkIds'> plus talkIds is T again; TypeScript cannot see it through the generic.
  return records.map(
    (record) => ({ ...record, talkIds: record.talkIds ?? derived.get(record.id) ?? [] }) as unknown as T,
  );
}

/** The talk's notes as the archive joins them: each source's text once, in source order. */
function joinTexts(texts: string[]): string {
  return [...new Set(texts.map((text) => text.trim()).filter(Boolean))].join('\n\n');
}

function textPositions(extracted: Record<string, ExtractedPost>) {
  const byPost = new Map<string, Map<string, number>>();
  return (post: string): Map<string, number> => {
    let positions = byPost.get(post);
    if (!positions) {
      positions = new Map();
      // The first talk with a given text answers for it: any of them has the same text.
      for (const [index, talk] of (extracted[post]?.talks ?? []).entries())
        if (!positions.has(talk.text)) positions.set(talk.text, index);
      byPost.set(post, positions);
    }
    return positions;
  };
}

export function packArchive(archive: Archive, extracted: Record<string, ExtractedPost>): PackedArchive {
  const positionsOf = textPositions(extracted);
  const talks = archive.talks.map((talk): PackedTalk => {
    const { sources } = talk;
    const derivable = talk.text === joinTexts(sources.map((source) => source.text));
    return {
      ...talk,
      id: talk.id === `${talk.conferenceId}/${talk.slug}` ? null : talk.id,
      summary: talk.summary === summaryOf(sources) ? null : talk.summary,
      text: derivable ? null : talk.text,
      sources: sources.map((source) => ({
        ...source,
        text: positionsOf(source.post).get(source.text) ?? source.text,
      })),
    };
  });
  const lists = talkLists(archive.talks);
  return {
    ...archive,
    conferences: packLists(archive.conferences, lists.conferences),
    talks,
    speakers: packLists(archive.speakers, lists.speakers),
    topics: packLists(archive.topics, lists.topics),
  };
}

/** The archive back in full; throws when a reference points at nothing (a mismatched pair of files). */
export function unpackArchive(packed: PackedArchive, extracted: Record<string, ExtractedPost>): Archive {
  const talks = packed.talks.map((talk): Talk => {
    const full = talk.sources.map((source) => {
      if (typeof source.text === 'string') return source as TalkSource;
      const found = extracted[source.post]?.talks[source.text]?.text;
      if (found === undefined)
        throw new Error(`archive.json refers to a talk posts.json lacks (${source.post})`);
      return { ...source, text: found };
    });
    return {
      ...talk,
      id: talk.id ?? `${talk.conferenceId}/${talk.slug}`,
      summary: talk.summary ?? summaryOf(full),
      text: talk.text ?? joinTexts(full.map((source) => source.text)),
      sources: full,
    };
  });
  const lists = talkLists(talks);
  return {
    ...packed,
    conferences: unpackLists<Conference>(packed.conferences, lists.conferences),
    talks,
    speakers: unpackLists<Speaker>(packed.speakers, lists.speakers),
    topics: unpackLists<Topic>(packed.topics, lists.topics),
  };
}
