import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Serving } from '../../src/commands/serve.ts';
import { recapPost, tempDir, word, writePosts } from './posts.ts';
import { eventually, keepSearching, searchFor, serve } from './server.ts';

// Every synthetic talk says "measured the results", so this query counts all talks.
const EVERY_TALK = 'measured';

/** The ids of post n's talks that a search for its conference finds (fuzzy neighbours aside). */
async function talksOf(url: string, n: number): Promise<string[]> {
  const answer = await searchFor(url, `${word(n)}conf`);
  const mine = answer.ids.filter((_, i) => answer.titles[i]?.includes(`lessons from ${word(n)} part`));
  return mine.sort();
}

describe('re-indexing while serving', () => {
  let root: string;
  let postsDir: string;
  let dataDir: string;
  let server: Serving | null = null;

  beforeEach(async () => {
    root = await tempDir('serve');
    postsDir = path.join(root, 'posts');
    dataDir = path.join(root, 'data');
    await writePosts(postsDir, 0, 12);
  });

  afterEach(async () => {
    await server?.close();
    server = null;
    await rm(root, { recursive: true, force: true });
  });

  test('a new post becomes searchable while every search keeps answering, old or new', async () => {
    server = await serve({ postsDir, dataDir, watch: true });
    const { url } = server;
    expect((await searchFor(url, EVERY_TALK)).total).toBe(36);
    const searching = keepSearching(url, EVERY_TALK, (answer) => [36, 39].includes(answer.total));

    await writeFile(path.join(postsDir, 'post-12.md'), recapPost(12));
    await eventually(async () => (await talksOf(url, 12)).length === 3, 'the new post is found');

    const { failures, queries } = await searching.stop();
    expect(failures).toEqual([]);
    expect(queries).toBeGreaterThan(0);
    expect((await searchFor(url, EVERY_TALK)).total).toBe(39);
    const feed = await (await fetch(`${url}/feed.xml`)).text();
    expect(feed).toContain(`${word(12)} part one`);
  });

  test('posts written while the server boots are all searchable once it is up', async () => {
    // Whatever the moment of the write (before, during or after the boot scan), it is not lost.
    const starting = serve({ postsDir, dataDir, watch: true });
    for (const [i, delay] of [0, 30, 100, 250, 500, 1000].entries()) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await writeFile(path.join(postsDir, `post-${12 + i}.md`), recapPost(12 + i));
    }
    server = await starting;
    const { url } = server;
    await eventually(async () => (await searchFor(url, EVERY_TALK)).total === 54, 'every new post is found');
  });

  test('a deleted post leaves search, and its talk pages answer 410 Gone', async () => {
    server = await serve({ postsDir, dataDir, watch: true });
    const { url } = server;
    const before = await talksOf(url, 5);
    expect(before).toHaveLength(3);
    const searching = keepSearching(url, EVERY_TALK, (answer) => [36, 33].includes(answer.total));

    await rm(path.join(postsDir, 'post-5.md'));
    await eventually(async () => (await talksOf(url, 5)).length === 0, 'the post is gone');

    const { failures } = await searching.stop();
    expect(failures).toEqual([]);
    const res = await fetch(`${url}/talks/${before[0]}`, { redirect: 'manual' });
    expect(res.status).toBe(410);
  });

  test('a renamed post keeps the permanent links of its talks', async () => {
    server = await serve({ postsDir, dataDir, watch: true });
    const { url } = server;
    const before = await talksOf(url, 4);
    await writeFile(path.join(postsDir, 'renamed-4.md'), recapPost(4));
    await rm(path.join(postsDir, 'post-4.md'));
    const report = await server.reindex();
    expect(report.posts.renamed).toEqual([{ from: 'post-4.md', to: 'renamed-4.md' }]);
    expect(await talksOf(url, 4)).toEqual(before);
    for (const id of before) expect((await fetch(`${url}/talks/${id}`)).status).toBe(200);
  });

  test('a corrected talk title redirects the old link to the new one', async () => {
    server = await serve({ postsDir, dataDir });
    const { url } = server;
    const [oldId] = await talksOf(url, 2);
    const post = recapPost(2).replace(/lessons from (\w+) part one/, 'lessons learned from $1 part one');
    await writeFile(path.join(postsDir, 'post-2.md'), post);
    await server.reindex();
    const res = await fetch(`${url}/talks/${oldId}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toMatch(/lessons-learned-from/);
  });

  test('a restart boots from the snapshot the last re-index wrote', async () => {
    server = await serve({ postsDir, dataDir, watch: true });
    await writeFile(path.join(postsDir, 'post-12.md'), recapPost(12));
    await eventually(async () => (await talksOf(server!.url, 12)).length === 3, 'indexed');
    await server.close();
    server = await serve({ postsDir, dataDir });
    expect((await searchFor(server.url, EVERY_TALK)).total).toBe(39);
    // Booted from the snapshot: nothing in the folder is new to it.
    const report = await server.reindex();
    expect(report.posts).toMatchObject({ added: [], changed: [], removed: [], unchanged: 13 });
  });
});
