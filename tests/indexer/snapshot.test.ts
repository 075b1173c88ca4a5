import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Indexer } from '../../src/indexer/index.ts';
import { SNAPSHOT_SCHEMA } from '../../src/indexer/snapshot.ts';
import { shardOf } from '../../src/indexer/snapshot-posts.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';
import { type Folders, jsonExtract, tempFolders, writePost } from './helpers.ts';

const NO_VOCABULARY = { series: [], topics: [] };
const recap = post(conf('dotScale', 2018), [
  talk('Istio: we have a problem!', [speaker('David Gageot')]),
  talk('Serverless at scale', [speaker('Jane Doe')]),
]);

async function currentDir(data: string): Promise<string> {
  return path.join(data, 'snapshots', (await readFile(path.join(data, 'current'), 'utf8')).trim());
}

describe('the snapshot', () => {
  let dirs: Folders;
  let logs: string[];
  const open = (counting = jsonExtract()) =>
    Indexer.open({
      postsDir: dirs.posts,
      dataDir: dirs.data,
      extract: counting.extract,
      vocabulary: NO_VOCABULARY,
      log: (line) => logs.push(line),
    });

  beforeEach(async () => {
    dirs = await tempFolders();
    logs = [];
    await writePost(dirs.posts, 'dotscale.md', recap);
    await (await open()).update();
  });
  afterEach(async () => {
    await dirs.cleanup();
  });

  test('round-trips the archive, the cached extractions and the search index', async () => {
    const first = await open();
    const counting = jsonExtract();
    const again = await open(counting);
    const report = await again.update();
    expect(counting.calls).toEqual([]);
    expect(report.snapshot).toEqual({ start: 'snapshot', reason: null, written: null });
    expect(again.archive).toEqual(first.archive);
    expect(again.extraction('dotscale.md')?.talks).toHaveLength(2);
    expect(logs).toEqual([]);
  });

  test('rebuilds from the posts when a file is truncated, and says so', async () => {
    await truncate(path.join(await currentDir(dirs.data), 'archive.json'), 10);
    const counting = jsonExtract();
    const indexer = await open(counting);
    expect(indexer.archive.talks).toEqual([]);
    const report = await indexer.update();
    expect(counting.calls).toEqual(['dotscale.md']);
    expect(report.snapshot.start).toBe('rebuilt');
    expect(report.totals.talks).toBe(2);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^snapshot \S+: archive\.json is corrupt or truncated \(checksum mismatch\): rebuilding/,
    );
  });

  test('rebuilds when a file was altered but kept its size', async () => {
    const file = path.join(await currentDir(dirs.data), shardOf('dotscale.md'));
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Istio', 'Istyo'));
    await open();
    expect(logs[0]).toContain(`${shardOf('dotscale.md')} is corrupt or truncated`);
  });

  test('rebuilds when the manifest is from another schema or configuration', async () => {
    const manifest = path.join(await currentDir(dirs.data), 'manifest.json');
    const parsed = JSON.parse(await readFile(manifest, 'utf8'));
    await writeFile(manifest, JSON.stringify({ ...parsed, schema: 99 }));
    await open();
    await writeFile(manifest, JSON.stringify({ ...parsed, configHash: 'other' }));
    await open();
    expect(logs[0]).toContain(`it has schema version 99, this version reads ${SNAPSHOT_SCHEMA}`);
    expect(logs[1]).toContain('it was built with configuration other, this version uses');
  });

  test('ignores a half-written snapshot that `current` does not point to', async () => {
    const crashed = path.join(dirs.data, 'snapshots', '999999999999999-1-abcdef');
    await mkdir(crashed);
    await writeFile(path.join(crashed, 'archive.json'), '{"talks": [');
    await writeFile(path.join(dirs.data, 'current.tmp-1'), '999999999999999-1-abcdef');
    const indexer = await open();
    expect(logs).toEqual([]);
    expect(indexer.archive.talks).toHaveLength(2);
  });

  test('keeps the live snapshot and the one before it, and removes older ones', async () => {
    for (const title of ['One', 'Two', 'Three']) {
      await writePost(
        dirs.posts,
        'dotscale.md',
        post(conf('dotScale', 2018), [talk(title, [speaker('Ann Lee')])]),
      );
      await (await open()).update();
    }
    expect(await readdir(path.join(dirs.data, 'snapshots'))).toHaveLength(2);
    expect((await open()).archive.talks.map((t) => t.title)).toEqual(['Three']);
  });

  test('keeps redirects and gone ids across runs', async () => {
    await writePost(
      dirs.posts,
      'dotscale.md',
      post(conf('dotScale', 2018), [talk('Istio: we have problems', [speaker('David Gageot')])]),
    );
    await (await open()).update();
    const archive = (await open()).archive;
    expect(archive.redirects).toEqual({
      'dotscale-2018/istio-we-have-a-problem': 'dotscale-2018/istio-we-have-problems',
    });
    expect(archive.gone).toEqual(['dotscale-2018/serverless-at-scale']);
  });
});
