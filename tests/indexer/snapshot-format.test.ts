import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/index.ts';
import { type Snapshot, writeSnapshot } from '../../src/indexer/snapshot.ts';
import { loadSnapshot } from '../../src/indexer/snapshot-load.ts';
import { shardOf } from '../../src/indexer/snapshot-posts.ts';
import type { Archive, ExtractedPost } from '../../src/model.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';

const extracted: Record<string, ExtractedPost> = {
  'paris.md': post(conf('Devoxx France', 2019, 'Paris'), [
    talk('Écrire du code lisible', [speaker('Hélène Dupré', '@helene')], {
      text: 'Des notes accentuées : « déjà vu », œuvre, naïveté.\nUne deuxième ligne.',
      topics: ['Kotlin'],
    }),
    talk('Plain ASCII talk', [speaker('Ann Lee')], { text: 'Only ASCII here.' }),
  ]),
  'beijing.md': post(conf('QCon', 2020, 'Beijing'), [
    talk('分布式系统', [speaker('王伟')], { text: '关于分布式系统的笔记 🚀 with some English.' }),
    talk(null, [speaker('李娜')], { text: '' }),
  ]),
};

function snapshotOf(archive: Archive): Snapshot {
  return {
    configHash: 'format-test',
    fingerprint: { extractor: 'x', archive: 'y' },
    posts: {},
    archive,
    extracted,
    merge: null,
    search: { configHash: 'format-test', data: {} },
  };
}

async function roundTrip(dataDir: string, archive: Archive) {
  await writeSnapshot(dataDir, snapshotOf(archive));
  const loaded = await loadSnapshot(dataDir, 'format-test');
  if (!loaded.ok) throw new Error(`not loaded: ${loaded.reason}`);
  return loaded.snapshot;
}

describe('the snapshot files', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'talks-format-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('give back the archive and the extractions with texts in any script', async () => {
    const archive = buildArchive(Object.entries(extracted));
    const loaded = await roundTrip(dataDir, archive);
    expect(loaded.archive).toEqual(archive);
    expect(loaded.extracted.toRecord()).toEqual(extracted);
  });

  test('keep what cannot be derived or referenced as it was', async () => {
    const archive = buildArchive(Object.entries(extracted));
    const [first, second] = archive.talks;
    first!.text = 'A text that is not the join of the sources.';
    first!.summary = 'A summary of its own';
    first!.sources[0]!.text = 'Notes no extraction holds, façon « texte ».';
    second!.id = 'an-id/that-is-not-derived';
    archive.speakers[0]!.talkIds.push('a-talk/not-in-the-list');
    archive.posts[0]!.talkIds = [];
    const loaded = await roundTrip(dataDir, archive);
    expect(loaded.archive).toEqual(archive);
  });

  test('give back the search export, whatever its chunks hold', async () => {
    const archive = buildArchive(Object.entries(extracted));
    const search = {
      configHash: 'format-test',
      data: {
        plain: 'a plain chunk, 1 2 3',
        quoted: 'a "quoted" \\ chunk\nover two lines\u0001',
        scripts: 'déjà 分布式 🚀 and a lone \ud800 half',
        empty: '',
      },
    };
    await writeSnapshot(dataDir, { ...snapshotOf(archive), search });
    const loaded = await loadSnapshot(dataDir, 'format-test');
    if (!loaded.ok) throw new Error(`not loaded: ${loaded.reason}`);
    expect(loaded.snapshot.search).toEqual(JSON.parse(JSON.stringify(search)));
  });

  test('store each note once, in the posts files', async () => {
    const ending = 'and this ending is past any excerpt.';
    const long = `${'Some long notes about the talk. '.repeat(20)}${ending}`;
    const posts = {
      'long.md': post(conf('dotScale', 2018), [talk('Long', [speaker('Ann Lee')], { text: long })]),
    };
    const archive = buildArchive(Object.entries(posts));
    await writeSnapshot(dataDir, { ...snapshotOf(archive), extracted: posts });
    const folder = path.join(dataDir, 'snapshots', (await readdir(path.join(dataDir, 'snapshots')))[0]!);
    const files = await readdir(folder);
    const holding = [];
    for (const file of files)
      if ((await readFile(path.join(folder, file), 'utf8')).includes(ending)) holding.push(file);
    expect(holding).toEqual([shardOf('long.md')]);
  });

  test('give each post its notes before its extraction is parsed', async () => {
    const loaded = await roundTrip(dataDir, buildArchive(Object.entries(extracted)));
    expect(loaded.extracted.notes('beijing.md')).toEqual(extracted['beijing.md']!.talks.map((t) => t.text));
    expect(loaded.extracted.size).toBe(2);
    expect(loaded.extracted.get('paris.md')).toEqual(extracted['paris.md']);
    expect(loaded.extracted.get('missing.md')).toBeUndefined();
  });

  test('let a post set after loading win over its saved extraction', async () => {
    const loaded = await roundTrip(dataDir, buildArchive(Object.entries(extracted)));
    const edited = post(conf('QCon', 2020, 'Beijing'), [talk('Edited', [speaker('王伟')])]);
    loaded.extracted.set('beijing.md', edited);
    loaded.extracted.delete('paris.md');
    expect(loaded.extracted.toRecord()).toEqual({ 'beijing.md': edited });
  });
});
