import { describe, expect, test } from 'vitest';
import { ArchiveBuilder, buildArchive } from '../../src/archive/index.ts';
import { WarmUp } from '../../src/indexer/warm-up.ts';
import type { ExtractedPost } from '../../src/model.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';

const NO_VOCABULARY = { series: [], topics: [] };

/** Enough talks for several slices of the background replay. */
function manyPosts(): [string, ExtractedPost][] {
  return Array.from({ length: 12 }, (_, p): [string, ExtractedPost] => {
    const talks = Array.from({ length: 100 }, (_, t) =>
      talk(`Talk ${t} about topic ${p}`, [speaker(`Speaker ${(p * 7 + t) % 40}`)]),
    );
    return [
      `post-${p}.md`,
      { ...post(conf(`Conf ${p % 5}`, 2020 + (p % 3)), talks), source: `post-${p}.md` },
    ];
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

describe('the background replay of a snapshot', () => {
  test('ends in the same archive as a full build', async () => {
    const posts = manyPosts();
    const builder = new ArchiveBuilder(NO_VOCABULARY);
    const warmUp = new WarmUp(builder, [...posts]);
    warmUp.start();
    await untilDone(warmUp);
    expect(builder.toArchive()).toEqual(buildArchive(posts, NO_VOCABULARY));
  });

  test('stands still while paused and goes on once resumed', async () => {
    const posts = manyPosts();
    const builder = new ArchiveBuilder(NO_VOCABULARY);
    const warmUp = new WarmUp(builder, [...posts]);
    const resume = warmUp.pause();
    warmUp.start();
    await turns(20);
    expect(warmUp.done).toBe(false);
    expect(builder.toArchive().talks).toHaveLength(0);
    resume();
    resume();
    await untilDone(warmUp);
    expect(builder.toArchive()).toEqual(buildArchive(posts, NO_VOCABULARY));
  });

  test('replays the rest at once when finished early, even while paused', async () => {
    const posts = manyPosts();
    const builder = new ArchiveBuilder(NO_VOCABULARY);
    const warmUp = new WarmUp(builder, [...posts]);
    warmUp.start();
    await turns(2);
    warmUp.pause();
    warmUp.finish();
    expect(warmUp.done).toBe(true);
    expect(builder.toArchive()).toEqual(buildArchive(posts, NO_VOCABULARY));
  });
});
