import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Indexer } from '../../src/indexer/index.ts';
import { writeSummed } from '../../src/indexer/snapshot-files.ts';
import { packMerge } from '../../src/indexer/snapshot-merge.ts';
import type { Archive, ExtractedPost, SearchQuery } from '../../src/model.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';
import { type Folders, jsonExtract, tempFolders, writePost } from './helpers.ts';

const NO_VOCABULARY = { series: [], topics: [] };
const CODE = { extractor: 'extractor-1', archive: 'archive-1' };

const before: Record<string, ExtractedPost> = {
  'dotscale.md': post(conf('dotScale', 2018, 'Paris'), [
    talk('Istio: we have a problem!', [speaker('David Gageot', '@dgageot')], { topics: ['Kubernetes'] }),
    talk('Serverless at scale', [speaker('Jane Doe')], { text: 'Functions and cold starts.' }),
  ]),
  'blog/dotscale.md': post(conf('DotScale', 2018), [
    talk('Istio - we have a problem', [speaker('david gageot')], { text: 'A second view of the mesh.' }),
  ]),
  'kubecon.md': post(conf('KubeCon EU', 2019), [
    talk('Operators all the way down', [speaker('Ann Lee', '@annlee')], { topics: ['kubernetes'] }),
  ]),
  'reading-list.md': post(null, [talk('Operators all the way down', [speaker('Ann Lee')])], {
    date: '2020-02-02',
  }),
};

/** Edits, an addition and a deletion, applied together. */
const after: Record<string, ExtractedPost | null> = {
  'blog/dotscale.md': post(conf('DotScale', 2018), [
    talk('Istio - we have a problem', [speaker('David Gageot', '@dgageot')], { text: 'Revised notes.' }),
    talk('Serverless at scale', [speaker('J. Doe')]),
  ]),
  'kubecon.md': null,
  'rustconf.md': post(conf('RustConf', 2019), [
    talk('Operators all the way down', [speaker('Ann Lee', '@annlee')], { topics: ['Rust'] }),
  ]),
};

const QUERIES = ['istio', 'operators', 'serverless', 'mesh', 'kubernetes', 'revised'];

function query(q: string): SearchQuery {
  return { q, topic: [], conference: [], year: [], speaker: [], page: 1, limit: 20 };
}

/** What the site shows, without the history that depends on the runs taken. */
function records({ redirects: _r, gone: _g, ...lists }: Archive) {
  return lists;
}

describe('changing posts right after a snapshot opens', () => {
  let dirs: Folders;
  let logs: string[];
  const open = (dataDir = dirs.data, rebuild = false) =>
    Indexer.open({
      postsDir: dirs.posts,
      dataDir,
      extract: jsonExtract().extract,
      vocabulary: NO_VOCABULARY,
      fingerprint: CODE,
      log: (line) => logs.push(line),
      warmUp: false,
      rebuild,
    });
  const change = async () => {
    for (const [file, content] of Object.entries(after))
      if (content) await writePost(dirs.posts, file, content);
      else await rm(`${dirs.posts}/${file}`);
  };

  beforeEach(async () => {
    dirs = await tempFolders();
    logs = [];
    for (const [file, content] of Object.entries(before)) await writePost(dirs.posts, file, content);
  });
  afterEach(async () => {
    await dirs.cleanup();
  });

  test('gives the archive and the search results of a build from scratch', async () => {
    const first = await open();
    await first.update();
    await change();
    const opened = await open();
    opened.apply(await opened.scan());
    // Restored from the merge state: nothing had to be merged again.
    expect(logs).toEqual([]);
    // The same changes applied by an indexer that never went through the snapshot.
    first.apply(await first.scan());
    const scratch = await open(`${dirs.root}/scratch`, true);
    await scratch.update();
    expect(opened.archive).toEqual(first.archive);
    expect(records(opened.archive)).toEqual(records(scratch.archive));
    // The talk of the deleted post goes on at the conference its reading-list entry now joins.
    expect(opened.archive.redirects).toEqual({
      'kubecon-eu-2019/operators-all-the-way-down': 'rustconf-2019/operators-all-the-way-down',
    });
    for (const q of QUERIES) expect(opened.search.search(query(q))).toEqual(scratch.search.search(query(q)));
  });

  test('merges the saved posts again when the merge state does not fit them, and says why', async () => {
    await (await open()).update();
    const current = (await readFile(path.join(dirs.data, 'current'), 'utf8')).trim();
    const folder = path.join(dirs.data, 'snapshots', current);
    // A merge state that names no speakers, saved as a writer would (checksum and all).
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    const archive = (await open()).archive;
    const empty = await packMerge({ talks: new Map(), speakers: [] }, archive.talks);
    manifest.files['merge.json'] = await writeSummed(path.join(folder, 'merge.json'), empty);
    await writeFile(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
    await change();
    const opened = await open();
    opened.apply(await opened.scan());
    expect(logs).toEqual([
      `snapshot ${current}: the merge state lists entry blog/dotscale.md#00-1 of talk dotscale-2018/istio-we-have-a-problem, which its posts lack: merging the cached extractions again`,
    ]);
    const scratch = await open(`${dirs.root}/scratch`, true);
    await scratch.update();
    expect(records(opened.archive)).toEqual(records(scratch.archive));
  });

  test('saves a merge state the next open restores from', async () => {
    await (await open()).update();
    await change();
    const opened = await open();
    await opened.update();
    const reopened = await open();
    expect(reopened.archive).toEqual(opened.archive);
    await writePost(dirs.posts, 'kubecon.md', before['kubecon.md']!);
    reopened.apply(await reopened.scan());
    opened.apply(await opened.scan());
    expect(reopened.archive).toEqual(opened.archive);
    expect(logs).toEqual([]);
  });
});
