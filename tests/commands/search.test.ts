import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  formatResults,
  openSnapshotSearch,
  runSearch,
  snippetText,
  toSearchQuery,
} from '../../src/commands/search.ts';
import { ConfigError } from '../../src/config.ts';
import { runIndex } from '../../src/indexer/index.ts';
import { createSearchIndex } from '../../src/search/index.ts';
import { buildArchive, SAMPLE } from '../search/fixture.ts';

const index = createSearchIndex(buildArchive(SAMPLE));
const open = async () => index;

async function run(q: string, options: Parameters<typeof runSearch>[1] = {}): Promise<string> {
  let printed = '';
  await runSearch(q, options, (text) => (printed += text), open);
  return printed;
}

describe('talks search', () => {
  test('--json prints exactly the search result', async () => {
    const printed = await run('kafka', { json: true, topic: ['kafka'], year: ['2019'] });
    expect(JSON.parse(printed)).toEqual(
      index.search(toSearchQuery('kafka', { topic: ['kafka'], year: ['2019'] })),
    );
  });

  test('the readable list shows title, speakers, conference and the snippet with brackets', async () => {
    const printed = await run('autovacuum');
    expect(printed).toContain('1 talk for "autovacuum" (showing 1-1 of 1)');
    expect(printed).toContain('1. Vacuum deep dive');
    expect(printed).toContain('Olga Petrova · PGConf 2020');
    expect(printed).toContain('How [autovacuum] works in Postgres');
  });

  test('a correction is offered', async () => {
    expect(await run('haproy balancing')).toContain('Did you mean: haproxy balancing');
  });

  test('a page past the end says so instead of failing', async () => {
    expect(await run('kafka', { page: '40' })).toContain('(showing none of 3)');
  });

  test.each([
    [{ year: ['18'] }, '--year "18" is not a year (pass --year YYYY, e.g. --year 2018)'],
    [{ page: '0' }, '--page "0" is not a positive whole number (pass --page N, e.g. --page 2)'],
    [{ limit: 'ten' }, '--limit "ten" is not a positive whole number (pass --limit N, e.g. --limit 2)'],
  ])('a bad flag is a usage error naming the value: %o', (options, message) => {
    expect(() => toSearchQuery('x', options)).toThrow(new ConfigError(message));
  });

  test.each([
    ['bold', 'a <mark>b</mark> &lt;c&gt;', 'a \u001b[1mb\u001b[22m <c>'],
    ['brackets', 'x &amp; <mark>y</mark>', 'x & [y]'],
  ] as const)('snippets become terminal text (%s)', (style, html, expected) => {
    expect(snippetText(html, style)).toBe(expected);
  });

  test('an empty result reads plainly', () => {
    const result = index.search(toSearchQuery('zzqxv', {}));
    expect(formatResults(result, 'brackets')).toBe('0 talks for "zzqxv" (showing none of 0)');
  });
});

describe('talks search on a snapshot', () => {
  test('reads the snapshot written by the indexer', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'talks-search-'));
    try {
      const posts = path.join(dir, 'posts');
      await mkdir(posts);
      await copyFile('data/posts/2018-dotscale-paris-notes.html', path.join(posts, 'dotscale.html'));
      await runIndex({ postsDir: posts, dataDir: path.join(dir, 'data') });
      let printed = '';
      await runSearch(
        'haproxy',
        { json: true, data: path.join(dir, 'data') },
        (t) => (printed += t),
        openSnapshotSearch,
      );
      const result = JSON.parse(printed) as { total: number; hits: { title: string }[] };
      expect(result.total).toBeGreaterThan(0);
      expect(result.hits[0]?.title).toMatch(/HAProxy/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an empty data folder says what to run', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'talks-search-'));
    try {
      await expect(openSnapshotSearch(dir)).rejects.toThrow(
        `no talks indexed in "${dir}" (run "talks index" first, or pass --data DIR)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
