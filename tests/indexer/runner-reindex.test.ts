import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Indexer } from '../../src/indexer/index.ts';
import { createReindexer } from '../../src/indexer/runner.ts';
import { recapPost, tempDir, writePosts } from '../integration/posts.ts';

describe('re-indexing with the runner', () => {
  let root: string;
  let postsDir: string;
  let dataDir: string;

  beforeEach(async () => {
    root = await tempDir('reindexer');
    postsDir = path.join(root, 'posts');
    dataDir = path.join(root, 'data');
    await writePosts(postsDir, 0, 3);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function openIndexer(): Promise<Indexer> {
    const indexer = await Indexer.open({ postsDir, dataDir });
    await indexer.update();
    return indexer;
  }

  const snapshotFile = () => path.join(dataDir, 'current');
  const currentSnapshot = () => readFile(snapshotFile(), 'utf8');

  test('swaps the new archive in before the snapshot is written', async () => {
    const indexer = await openIndexer();
    const before = await currentSnapshot();
    const seen: { talks: number; snapshot: string }[] = [];
    const reindexer = createReindexer({
      indexer,
      onApplied: () => {
        // Synchronous with the change: readers get the new archive before anything is saved.
        seen.push({ talks: indexer.archive.talks.length, snapshot: readFileSync(snapshotFile(), 'utf8') });
      },
    });
    await writeFile(path.join(postsDir, 'post-3.md'), recapPost(3));
    const report = await reindexer.all();
    expect(seen).toEqual([{ talks: 12, snapshot: before }]);
    expect(report.talks.added).toBe(3);
    expect(await currentSnapshot()).not.toBe(before);
  });

  test('runs requests made during a run once more, together, and never two at a time', async () => {
    const indexer = await openIndexer();
    let runs = 0;
    const reindexer = createReindexer({ indexer, onApplied: () => runs++ });
    for (const n of [3, 4, 5]) await writeFile(path.join(postsDir, `post-${n}.md`), recapPost(n));
    // The first run starts at once and takes its paths before the next requests come.
    const first = reindexer.paths(['post-3.md']);
    const during = [reindexer.paths(['post-4.md']), reindexer.paths(['post-5.md'])];
    expect((await first).posts.added).toEqual(['post-3.md']);
    const [second, third] = await Promise.all(during);
    expect(second).toBe(third);
    expect(second?.posts.added).toEqual(['post-4.md', 'post-5.md']);
    expect(runs).toBe(2);
  });

  test('looks only at the paths it is given, unless a full scan is asked for', async () => {
    const indexer = await openIndexer();
    const reindexer = createReindexer({ indexer, onApplied: () => {} });
    await writeFile(path.join(postsDir, 'post-3.md'), recapPost(3));
    await writeFile(path.join(postsDir, 'post-4.md'), recapPost(4));
    expect((await reindexer.paths(['post-3.md'])).posts.added).toEqual(['post-3.md']);
    expect((await reindexer.all()).posts.added).toEqual(['post-4.md']);
  });

  test('after a failed run, the next one scans the whole folder', async () => {
    const indexer = await openIndexer();
    const reindexer = createReindexer({ indexer, onApplied: () => {} });
    await rm(postsDir, { recursive: true });
    await expect(reindexer.paths(['post-0.md'])).rejects.toThrow(/posts directory ".*" does not exist/);
    await writePosts(postsDir, 1, 5);
    const report = await reindexer.paths(['post-4.md']);
    expect(report.posts).toMatchObject({ added: ['post-3.md', 'post-4.md'], removed: ['post-0.md'] });
  });

  test('a change is live before its snapshot is written, and idle() writes it', async () => {
    const indexer = await openIndexer();
    const before = await currentSnapshot();
    const written: string[] = [];
    const reindexer = createReindexer({
      indexer,
      onApplied: () => {},
      onPersisted: (id) => written.push(id),
      persistDelayMs: 60_000,
    });
    await writeFile(path.join(postsDir, 'post-3.md'), recapPost(3));
    const report = await reindexer.paths(['post-3.md']);
    expect(report.snapshot.written).toBeNull();
    expect(indexer.archive.talks).toHaveLength(12);
    expect(await currentSnapshot()).toBe(before);
    await reindexer.idle();
    expect(written).toHaveLength(1);
    expect((await currentSnapshot()).trim()).toBe(written[0]);
  });

  test('changes that come one after another are written in one snapshot', async () => {
    const indexer = await openIndexer();
    const written: string[] = [];
    const reindexer = createReindexer({
      indexer,
      onApplied: () => {},
      onPersisted: (id) => written.push(id),
      persistDelayMs: 60_000,
    });
    for (const n of [3, 4, 5]) {
      await writeFile(path.join(postsDir, `post-${n}.md`), recapPost(n));
      await reindexer.paths([`post-${n}.md`]);
    }
    await reindexer.idle();
    expect(written).toHaveLength(1);
    const reopened = await Indexer.open({ postsDir, dataDir });
    expect(reopened.archive.talks).toHaveLength(18);
  });

  test('a full re-index answers once its snapshot is written, with its id', async () => {
    const indexer = await openIndexer();
    const reindexer = createReindexer({ indexer, onApplied: () => {}, persistDelayMs: 60_000 });
    await writeFile(path.join(postsDir, 'post-3.md'), recapPost(3));
    const report = await reindexer.all();
    expect(report.snapshot.written).not.toBeNull();
    expect((await currentSnapshot()).trim()).toBe(report.snapshot.written);
  });
});
