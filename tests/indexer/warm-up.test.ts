import { describe, expect, test } from 'vitest';
import { ArchiveBuilder, buildArchive } from '../../src/archive/index.ts';
import { type SavedState, WarmUp } from '../../src/indexer/warm-up.ts';
import type { ExtractedPost } from '../../src/model.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';

const NO_VOCABULARY = { series: [], topics: [] };

/** Enough talks for several slices of the background restore. */
function manyPosts(): [string, ExtractedPost][] {
  return Array.from({ length: 12 }, (_, p): [string, ExtractedPost] => {
    const talks = Array.from({ length: 300 }, (_, t) =>
      talk(`Talk ${t} about topic ${p}`, [speaker(`Speaker ${(p * 7 + t) % 40}`)]),
    );
    return [
      `post-${p}.md`,
      { ...post(conf(`Conf ${p % 5}`, 2020 + (p % 3)), talks), source: `post-${p}.md` },
    ];
  });
}

/** What a snapshot of these posts holds. */
function saved(posts: [string, ExtractedPost][]): SavedState {
  const builder = new ArchiveBuilder(NO_VOCABULARY);
  builder.load(posts);
  const byPath = new Map(posts);
  const state = builder.mergeState();
  return {
    archive: builder.toArchive(),
    merge: () => state,
    paths: [...byPath.keys()],
    post: (path) => byPath.get(path),
  };
}

function warmUpOf(state: SavedState, reasons: string[] = []): WarmUp {
  return new WarmUp(new ArchiveBuilder(NO_VOCABULARY), state, (reason) => {
    reasons.push(reason);
    const builder = new ArchiveBuilder(NO_VOCABULARY);
    builder.load(state.paths.map((path) => [path, state.post(path)!]));
    return builder;
  });
}

const turns = (count: number) =>
  new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : setTimeout(() => next(left - 1), 0));
    next(count);
  });

async function untilDone(warmUp: WarmUp): Promise<void> {
  while (!warmUp.done) await turns(1);
}

describe('the background restore of the archive builder', () => {
  test('ends in the same archive as a full build', async () => {
    const posts = manyPosts();
    const warmUp = warmUpOf(saved(posts));
    warmUp.start();
    await untilDone(warmUp);
    expect(warmUp.finish().toArchive()).toEqual(buildArchive(posts, NO_VOCABULARY));
  });

  test('stands still while paused and goes on once resumed', async () => {
    const posts = manyPosts();
    const state = saved(posts);
    const warmUp = warmUpOf(state);
    const resume = warmUp.pause();
    warmUp.start();
    await turns(20);
    expect(warmUp.done).toBe(false);
    expect(warmUp.mergeState()).toBe(state.merge());
    resume();
    resume();
    await untilDone(warmUp);
    expect(warmUp.finish().toArchive()).toEqual(buildArchive(posts, NO_VOCABULARY));
  });

  test('restores the rest at once when finished early, even while paused', async () => {
    const posts = manyPosts();
    const warmUp = warmUpOf(saved(posts));
    warmUp.start();
    await turns(2);
    warmUp.pause();
    const builder = warmUp.finish();
    expect(warmUp.done).toBe(true);
    expect(builder.toArchive()).toEqual(buildArchive(posts, NO_VOCABULARY));
    expect(builder.mergeState()).toEqual(saved(posts).merge());
  });

  test('merges the posts instead when the saved state does not fit them, and says why', () => {
    const posts = manyPosts();
    const state = saved(posts);
    const reasons: string[] = [];
    const warmUp = warmUpOf({ ...state, merge: () => ({ ...state.merge(), speakers: [] }) }, reasons);
    expect(warmUp.finish().toArchive()).toEqual(buildArchive(posts, NO_VOCABULARY));
    expect(reasons).toEqual(['3600 speaker mentions belong to no saved speaker']);
  });
});
