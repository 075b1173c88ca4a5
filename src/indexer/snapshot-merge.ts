/**
 * merge.json: what the archive builder decided when it merged the posts (archive/restore.ts),
 * so that opening a snapshot restores the builder instead of merging every post again (seconds
 * at 100k talks). Laid out as snapshot-pack.ts describes:
 *
 *   entries   per source of each talk, in the archive's order, the position in the source's
 *             post of the entry it comes from (-1 for a key of another form: never found)
 *   speakers  each speaker's id and mention count, then per mention its post (coded), the
 *             position of its entry in the post and its own position among the entry's speakers
 */
import { entryKey, type MergeState, mentionId, splitEntryKey, splitMentionId } from '../archive/index.ts';
import type { Talk } from '../model.ts';
import { Pacer } from './pacer.ts';
import { type Coded, CodedColumn, code } from './snapshot-codes.ts';
import { type IntColumn, PackReader, PackWriter } from './snapshot-pack.ts';

export interface PackedMerge {
  entries: IntColumn;
  speakers: { ids: IntColumn; counts: IntColumn; post: Coded<string>; entry: IntColumn; position: IntColumn };
}

/** The position of `key` in `post`, or -1 when the key is not that post's. */
function positionIn(post: string, key: string | undefined): number {
  const split = key === undefined ? null : splitEntryKey(key);
  return split && split[0] === post && entryKey(post, split[1]) === key ? split[1] : -1;
}

async function packEntries(
  state: MergeState,
  talks: readonly Talk[],
  out: PackWriter,
  pacer: Pacer,
): Promise<IntColumn> {
  const positions: number[] = [];
  await pacer.forEach(talks, (talk) => {
    const keys = state.talks.get(talk.id);
    talk.sources.forEach((source, index) => {
      positions.push(positionIn(source.post, keys?.[index]?.key));
    });
  });
  return out.ints(positions);
}

async function packSpeakers(
  state: MergeState,
  out: PackWriter,
  pacer: Pacer,
): Promise<PackedMerge['speakers']> {
  const posts: string[] = [];
  const entries: number[] = [];
  const positions: number[] = [];
  const mentions = function* () {
    for (const [, list] of state.speakers) yield* list;
  };
  await pacer.forEach(mentions(), ({ id }) => {
    const [key, position] = splitMentionId(id) ?? ['', -1];
    const [post, entry] = splitEntryKey(key) ?? ['', -1];
    const exact = mentionId(entryKey(post, entry), position) === id;
    posts.push(post);
    entries.push(exact ? entry : -1);
    positions.push(exact ? position : -1);
  });
  return {
    ids: out.strings(state.speakers.map(([id]) => id)),
    counts: out.ints(state.speakers.map(([, mentions]) => mentions.length)),
    post: code(out, posts),
    entry: out.ints(entries),
    position: out.ints(positions),
  };
}

/** The content of merge.json for the archive whose talks are `talks`. */
export async function packMerge(
  state: MergeState,
  talks: readonly Talk[],
  pacer = new Pacer(),
): Promise<Iterable<Buffer>> {
  const out = new PackWriter();
  const entries = await packEntries(state, talks, out, pacer);
  const header: PackedMerge = { entries, speakers: await packSpeakers(state, out, pacer) };
  return out.chunks(header);
}

function unpackTalks(packed: PackedMerge, input: PackReader, talks: readonly Talk[]): MergeState['talks'] {
  const positions = input.ints(packed.entries);
  const byTalk = new Map<string, { key: string }[]>();
  let next = 0;
  for (const talk of talks) {
    if (next + talk.sources.length > positions.length)
      throw new Error('merge.json lists fewer entries than the talks have');
    byTalk.set(
      talk.id,
      talk.sources.map((source) => ({ key: entryKey(source.post, positions[next++]!) })),
    );
  }
  if (next !== positions.length) throw new Error('merge.json lists more entries than the talks have');
  return byTalk;
}

function unpackSpeakers(packed: PackedMerge['speakers'], input: PackReader): MergeState['speakers'] {
  const ids = input.strings(packed.ids);
  const counts = input.ints(packed.counts);
  const post = new CodedColumn(input, packed.post);
  const entry = input.ints(packed.entry);
  const position = input.ints(packed.position);
  if (counts.length !== ids.length || entry.length !== post.length || position.length !== post.length)
    throw new Error('merge.json lists speakers in columns of different lengths');
  let next = 0;
  const speakers = ids.map((id, index): [string, { id: string }[]] => {
    const mentions: { id: string }[] = [];
    const end = next + counts[index]!;
    if (end > post.length) throw new Error('merge.json lists more mentions than it holds');
    for (; next < end; next++)
      mentions.push({ id: mentionId(entryKey(post.at(next), entry[next]!), position[next]!) });
    return [id, mentions];
  });
  if (next !== post.length) throw new Error('merge.json lists mentions no speaker has');
  return speakers;
}

/** The merge state back, for the archive whose talks are `talks`; throws when malformed. */
export function unpackMerge(file: Buffer, talks: readonly Talk[]): MergeState {
  const { header, columns } = PackReader.open<PackedMerge>(file, 'merge.json');
  if (typeof header.speakers !== 'object' || !Array.isArray(header.entries))
    throw new Error('merge.json does not hold a merge state');
  const state = {
    talks: unpackTalks(header, columns, talks),
    speakers: unpackSpeakers(header.speakers, columns),
  };
  columns.end('merge.json');
  return state;
}
