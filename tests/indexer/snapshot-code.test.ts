import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/archive/index.ts';
import { codeFingerprint } from '../../src/indexer/fingerprint.ts';
import { type CodeFingerprint, Indexer } from '../../src/indexer/index.ts';
import { shardOf } from '../../src/indexer/snapshot-posts.ts';
import type { Archive, ExtractedPost } from '../../src/model.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';
import { type Folders, jsonExtract, tempFolders, writePost } from './helpers.ts';

const NO_VOCABULARY = { series: [], topics: [] };
const CODE: CodeFingerprint = { extractor: 'extractor-1', archive: 'archive-1' };
const posts: Record<string, ExtractedPost> = {
  'dotscale.md': post(conf('dotScale', 2018), [
    talk('Istio: we have a problem!', [speaker('David Gageot')], { text: '  Service mesh notes.  ' }),
    talk('Serverless at scale', [speaker('Jane Doe')], { text: '' }),
  ]),
  'blog/dotscale.md': post(conf('dotScale', 2018), [
    talk('Istio - we have a problem', [speaker('David Gageot')], { text: 'A second view of the mesh.' }),
  ]),
  'reading-list.md': post(null, [talk('Why CRDTs matter', [speaker('Ann Lee')])], { date: '2020-02-02' }),
};

/** What the site shows, without the history a sequence of runs accumulates. */
function records({ redirects: _r, gone: _g, ...lists }: Archive) {
  return lists;
}

describe('a snapshot and the code that made it', () => {
  let dirs: Folders;
  let logs: string[];
  const open = (counting = jsonExtract(), fingerprint = CODE) =>
    Indexer.open({
      postsDir: dirs.posts,
      dataDir: dirs.data,
      extract: counting.extract,
      vocabulary: NO_VOCABULARY,
      fingerprint,
      log: (line) => logs.push(line),
    });

  beforeEach(async () => {
    dirs = await tempFolders();
    logs = [];
    for (const [file, content] of Object.entries(posts)) await writePost(dirs.posts, file, content);
    await (await open()).update();
  });
  afterEach(async () => {
    await dirs.cleanup();
  });

  test('opens to the archive a full build gives', async () => {
    const opened = await open();
    const sources = Object.entries(posts).map(([file, p]): [string, ExtractedPost] => [
      file,
      { ...p, source: file },
    ]);
    expect(opened.archive).toEqual(buildArchive(sources));
    expect(opened.archive.talks.find((t) => t.sources.length === 2)?.text).toBe(
      'A second view of the mesh.\n\nService mesh notes.',
    );
  });

  test.each([
    ['at once', 0],
    ['after the background warm-up', 30],
  ])('merges changes into an opened archive exactly as a full build would (%s)', async (_when, waitMs) => {
    const indexer = await open();
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const edited = post(conf('dotScale', 2018), [talk('Serverless at scale', [speaker('Jane Doe')])]);
    await writePost(dirs.posts, 'dotscale.md', edited);
    const report = await indexer.update();
    expect(report.talks).toEqual({ added: 0, changed: 2, removed: 0 });
    const after = Object.entries({ ...posts, 'dotscale.md': edited }).map(
      ([file, p]): [string, ExtractedPost] => [file, { ...p, source: file }],
    );
    expect(records(indexer.archive)).toEqual(records(buildArchive(after)));
    expect(records((await open()).archive)).toEqual(records(buildArchive(after)));
  });

  test('scans an unchanged folder before the warm-up starts, and merges a later change exactly', async () => {
    const indexer = await Indexer.open({
      ...{ postsDir: dirs.posts, dataDir: dirs.data, extract: jsonExtract().extract },
      ...{ vocabulary: NO_VOCABULARY, fingerprint: CODE, warmUp: false },
    });
    const unchanged = await indexer.update();
    expect(unchanged.talks).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(unchanged.snapshot.written).toBeNull();
    indexer.warmUp();
    const edited = post(conf('dotScale', 2018), [talk('Serverless at scale', [speaker('Jane Doe')])]);
    await writePost(dirs.posts, 'dotscale.md', edited);
    await indexer.update();
    const after = Object.entries({ ...posts, 'dotscale.md': edited }).map(
      ([file, p]): [string, ExtractedPost] => [file, { ...p, source: file }],
    );
    expect(records(indexer.archive)).toEqual(records(buildArchive(after)));
  });

  test('writes only the extractions that changed and links the others from the last snapshot', async () => {
    const first = (await readFile(path.join(dirs.data, 'current'), 'utf8')).trim();
    const indexer = await open();
    await writePost(dirs.posts, 'reading-list.md', post(null, [talk('Local-first', [speaker('Ann Lee')])]));
    await indexer.update();
    const second = (await readFile(path.join(dirs.data, 'current'), 'utf8')).trim();
    const inode = async (id: string, file: string) =>
      (await stat(path.join(dirs.data, 'snapshots', id, shardOf(file)))).ino;
    expect(shardOf('reading-list.md')).not.toBe(shardOf('dotscale.md'));
    expect(await inode(second, 'dotscale.md')).toBe(await inode(first, 'dotscale.md'));
    expect(await inode(second, 'reading-list.md')).not.toBe(await inode(first, 'reading-list.md'));
    const reopened = await open();
    expect(reopened.extraction('reading-list.md')?.talks[0]?.title).toBe('Local-first');
    expect(reopened.extraction('dotscale.md')?.talks).toHaveLength(2);
  });

  test('extracts every post again when the extractor changed, and says why', async () => {
    const counting = jsonExtract();
    const report = await (await open(counting, { ...CODE, extractor: 'extractor-2' })).update();
    expect(counting.calls.sort()).toEqual(['blog/dotscale.md', 'dotscale.md', 'reading-list.md']);
    expect(report.snapshot.start).toBe('rebuilt');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^snapshot \S+: the extractor changed since it was built \(code extractor-1, now extractor-2\), so every post is extracted again: rebuilding from the posts in/,
    );
  });

  test('merges the cached extractions again when the archive code changed', async () => {
    const counting = jsonExtract();
    const indexer = await open(counting, { ...CODE, archive: 'archive-2' });
    expect(logs).toEqual([
      expect.stringMatching(
        /the archive code changed since it was built: merging the cached extractions again$/,
      ),
    ]);
    const report = await indexer.update();
    expect(counting.calls).toEqual([]);
    expect(report.snapshot.written).not.toBeNull();
    logs = [];
    await open(counting, { ...CODE, archive: 'archive-2' });
    expect(logs).toEqual([]);
  });

  test('fingerprints the extractor and its data files apart from the archive code', async () => {
    const src = path.join(dirs.root, 'src');
    const data = path.join(dirs.root, 'data');
    await mkdir(path.join(src, 'extract', 'talks'), { recursive: true });
    await mkdir(path.join(src, 'archive'), { recursive: true });
    await mkdir(data);
    await writeFile(path.join(src, 'extract', 'talks', 'headings.ts'), 'export const a = 1;');
    await writeFile(path.join(src, 'archive', 'builder.ts'), 'export const b = 1;');
    await writeFile(path.join(data, 'topics.json'), '[]');
    const before = await codeFingerprint(src, data);
    await writeFile(path.join(src, 'extract', 'talks', 'headings.ts'), 'export const a = 2;');
    const edited = await codeFingerprint(src, data);
    await writeFile(path.join(data, 'topics.json'), '[{"name": "Rust"}]');
    const retuned = await codeFingerprint(src, data);
    expect(new Set([before.extractor, edited.extractor, retuned.extractor]).size).toBe(3);
    expect(retuned.archive).toBe(before.archive);
    expect(await codeFingerprint(src, data)).toEqual(retuned);
  });
});
