import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ArchiveBuilder, buildArchive, type MergeState } from '../../src/archive/index.ts';
import type { Archive, ExtractedPost } from '../../src/model.ts';
import { arbitraryPost as postArbitrary } from './arbitrary.ts';
import { conf, post, speaker, talk } from './posts.ts';

const TITLES = [
  'Istio: we have a problem',
  'Istio - we have a problem!',
  'Rust in production',
  'Keynote',
  null,
];
const NAMES = ['David Gageot', 'david j. gageot', 'Jane Doe', 'Zoé Martin', 'Zoe Martin'];
const HANDLES = ['@dgageot', null, null, '@zoe', '@gageot'];
const CONFERENCES = [conf('dotScale', 2018), conf('DotScale', 2018), conf('KubeCon EU', 2019), null];
const PATHS = ['a.md', 'b.md', 'c/d.html', 'e.txt'];

const arbitraryPost = postArbitrary({
  titles: TITLES,
  names: NAMES,
  handles: HANDLES,
  conferences: CONFERENCES,
});
const operations = fc.array(
  fc.record({ path: fc.constantFrom(...PATHS), post: fc.option(arbitraryPost, { nil: null }) }),
  { maxLength: 8 },
);

type Operation = { path: string; post: ExtractedPost | null };

function run(builder: ArchiveBuilder, posts: Map<string, ExtractedPost>, steps: Operation[]): void {
  for (const { path, post: next } of steps) {
    if (next) posts.set(path, next);
    else posts.delete(path);
    builder.applyPosts(new Map([[path, next]]));
  }
}

/** A builder started from what a snapshot holds: the archive, the posts and the merge state. */
function restored(archive: Archive, posts: Map<string, ExtractedPost>, state: MergeState): ArchiveBuilder {
  const builder = new ArchiveBuilder({ redirects: archive.redirects, gone: archive.gone });
  const restore = builder.restore(archive, state);
  const entries = [...posts];
  // In two calls, as a restore sliced between turns of the event loop adds them.
  restore.add(entries.slice(0, 1));
  restore.add(entries.slice(1));
  restore.finish();
  return builder;
}

function content({ redirects: _r, gone: _g, ...lists }: Archive) {
  return lists;
}

describe('restoring the archive builder from its merge state', () => {
  test('gives the saved archive back, and then the same changes as the builder it was saved from', () => {
    fc.assert(
      fc.property(operations, operations, (before, after) => {
        const original = new ArchiveBuilder();
        const posts = new Map<string, ExtractedPost>();
        run(original, posts, before);
        const archive = original.toArchive();
        const copy = restored(archive, posts, original.mergeState());
        expect(copy.toArchive()).toEqual(archive);
        const copyPosts = new Map(posts);
        run(original, posts, after);
        run(copy, copyPosts, after);
        expect(copy.toArchive()).toEqual(original.toArchive());
        expect(content(copy.toArchive())).toEqual(content(buildArchive(posts)));
      }),
      { numRuns: 200 },
    );
  });

  test('refuses a merge state that does not fit the posts', () => {
    const posts = new Map<string, ExtractedPost>([
      ['a.md', post(conf('dotScale', 2018), [talk('Rust in production', [speaker('Jane Doe')])])],
    ]);
    const archive = buildArchive(posts);
    const builder = new ArchiveBuilder();
    builder.load(posts);
    const state = builder.mergeState();
    const noTalks: MergeState = { ...state, talks: new Map() };
    expect(() => restored(archive, posts, noTalks)).toThrow(
      'the merge state does not list the 1 entries of talk dotscale-2018/rust-in-production',
    );
    const noSpeakers: MergeState = { ...state, speakers: [] };
    expect(() => restored(archive, posts, noSpeakers)).toThrow(
      '1 speaker mentions belong to no saved speaker',
    );
    const otherPosts = new Map([['b.md', posts.get('a.md')!]]);
    expect(() => restored(archive, otherPosts, state)).toThrow(
      'the merge state lists entry a.md#0000 of talk dotscale-2018/rust-in-production, which its posts lack',
    );
  });
});
