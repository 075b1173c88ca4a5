import { Buffer } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { ArchiveBuilder, type MergeState } from '../../src/archive/index.ts';
import { packMerge, unpackMerge } from '../../src/indexer/snapshot-merge.ts';
import type { ExtractedPost } from '../../src/model.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';

const posts: [string, ExtractedPost][] = [
  [
    'paris#2019@home.md',
    post(conf('Devoxx France', 2019), [
      talk('Écrire du code lisible', [speaker('Hélène Dupré', '@helene'), speaker('Ann Lee')]),
      talk('Plain talk', [speaker('Ann Lee')]),
    ]),
  ],
  [
    'blog/paris.md',
    post(conf('Devoxx France', 2019), [talk('Ecrire du code lisible', [speaker('Ann Lee')])]),
  ],
];

/** Keys and ids only: what the file holds. */
function names(state: MergeState) {
  return {
    talks: [...state.talks].map(([id, entries]) => [id, entries.map((e) => e.key)]),
    speakers: state.speakers.map(([id, mentions]) => [id, mentions.map((m) => m.id)]),
  };
}

describe('merge.json', () => {
  test('gives back the entries of each talk and the mentions of each speaker, for any post path', async () => {
    const builder = new ArchiveBuilder();
    builder.load(posts);
    const { talks } = builder.toArchive();
    const state = builder.mergeState();
    const loaded = unpackMerge(Buffer.concat([...(await packMerge(state, talks))]), talks);
    expect(names(loaded)).toEqual(names(state));
    expect(names(loaded).talks).toContainEqual([
      'devoxx-france-2019/ecrire-du-code-lisible',
      ['blog/paris.md#0000', 'paris#2019@home.md#0000'],
    ]);
  });

  test('is refused when it lists entries the talks do not have', async () => {
    const builder = new ArchiveBuilder();
    builder.load(posts);
    const { talks } = builder.toArchive();
    const file = Buffer.concat([...(await packMerge(builder.mergeState(), talks))]);
    expect(() => unpackMerge(file, talks.slice(1))).toThrow(
      'merge.json lists more entries than the talks have',
    );
  });
});
