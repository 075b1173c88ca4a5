import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Serving } from '../../src/commands/serve.ts';
import { recapPost, tempDir, word, writePosts } from './posts.ts';
import { searchFor, serve } from './server.ts';

const pathological = new URL('../indexer/fixtures/pathological-extract.ts', import.meta.url).href;

describe('faults while indexing and serving', () => {
  let root: string;
  let postsDir: string;
  let dataDir: string;
  let server: Serving | null = null;

  beforeEach(async () => {
    root = await tempDir('faults');
    postsDir = path.join(root, 'posts');
    dataDir = path.join(root, 'data');
    await writePosts(postsDir, 0, 6);
  });

  afterEach(async () => {
    await server?.close();
    server = null;
    await rm(root, { recursive: true, force: true });
  });

  test('a post that hangs or breaks the extractor is skipped, naming it, and the rest is indexed', async () => {
    await writeFile(path.join(postsDir, 'endless.md'), 'loop forever');
    await writeFile(path.join(postsDir, 'broken.md'), 'throw it all away');
    // Long enough for any real post on a busy machine, short enough for a test.
    server = await serve({ postsDir, dataDir, extractModule: pathological, extractTimeoutMs: 2000 });
    expect((await searchFor(server.url, 'measured')).total).toBe(18);
    await writeFile(path.join(postsDir, 'post-6.md'), recapPost(6));
    await writeFile(path.join(postsDir, 'endless.md'), 'loop again, edited');
    const report = await server.reindex();
    expect(report.posts.added).toEqual(['post-6.md']);
    expect(report.posts.skipped).toEqual([
      { path: 'endless.md', reason: 'skipped, extraction took longer than 2000 ms' },
    ]);
    expect(report.totals.talks).toBe(21);
  });

  test('a truncated snapshot is detected at boot and rebuilt from the posts', async () => {
    server = await serve({ postsDir, dataDir });
    await server.close();
    const current = (await readFile(path.join(dataDir, 'current'), 'utf8')).trim();
    await truncate(path.join(dataDir, 'snapshots', current, 'archive.json'), 100);
    server = await serve({ postsDir, dataDir });
    expect((await searchFor(server.url, 'measured')).total).toBe(18);
    const rebuilt = (await readFile(path.join(dataDir, 'current'), 'utf8')).trim();
    expect(rebuilt).not.toBe(current);
  });

  test('a missing posts folder stops the boot with a message saying what to set', async () => {
    await expect(serve({ postsDir: path.join(root, 'nowhere'), dataDir })).rejects.toThrow(
      /posts directory ".*nowhere" does not exist \(pass --posts DIR or set TALKS_POSTS_DIR\)/,
    );
  });

  test('the admin API re-indexes the folder and answers the report', async () => {
    server = await serve({ postsDir, dataDir, adminToken: 'let-me-in' });
    await writeFile(path.join(postsDir, 'post-6.md'), recapPost(6));
    await rm(path.join(postsDir, 'post-0.md'));
    const res = await fetch(`${server.url}/api/reindex`, {
      method: 'POST',
      headers: { Authorization: 'Bearer let-me-in' },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      posts: { added: string[]; removed: string[] };
      totals: { talks: number };
    };
    expect(report.posts).toMatchObject({ added: ['post-6.md'], removed: ['post-0.md'] });
    expect(report.totals.talks).toBe(18);
    const found = await searchFor(server.url, `${word(6)}conf`);
    expect(found.titles.filter((title) => title.includes(`from ${word(6)} part`))).toHaveLength(3);
    const refused = await fetch(`${server.url}/api/reindex`, {
      method: 'POST',
      headers: { Authorization: 'Bearer no' },
    });
    expect(refused.status).toBe(401);
  });
});
