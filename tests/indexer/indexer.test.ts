import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Indexer, runIndex } from '../../src/indexer/index.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';
import { type Folders, jsonExtract, tempFolders, writePost } from './helpers.ts';

const dotscale = post(conf('dotScale', 2018, 'Paris'), [
  talk('Istio: we have a problem!', [speaker('David Gageot', '@dgageot')], { topics: ['Kubernetes'] }),
  talk('Serverless at scale', [speaker('Jane Doe')]),
]);
const kubecon = post(conf('KubeCon EU', 2019), [talk('Operators all the way down', [speaker('Ann Lee')])]);

describe('indexing a posts folder', () => {
  let dirs: Folders;
  beforeEach(async () => {
    dirs = await tempFolders();
  });
  afterEach(async () => {
    await dirs.cleanup();
  });

  const run = (counting = jsonExtract()) =>
    runIndex({
      postsDir: dirs.posts,
      dataDir: dirs.data,
      extract: counting.extract,
      vocabulary: { series: [], topics: [] },
    });

  test('reports every post as added on the first run, and totals', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    await writePost(dirs.posts, 'nested/kubecon.html', kubecon);
    await writeFile(path.join(dirs.posts, 'README.md'), 'not a post');
    await writeFile(path.join(dirs.posts, '.draft.md'), 'not a post');
    await writeFile(path.join(dirs.posts, 'notes.json'), '{}');
    const report = await run();
    expect(report.posts).toMatchObject({
      added: ['dotscale.md', 'nested/kubecon.html'],
      removed: [],
      unchanged: 0,
    });
    expect(report.talks).toEqual({ added: 3, changed: 0, removed: 0 });
    expect(report.totals).toEqual({ posts: 2, talks: 3, speakers: 3, topics: 1, conferences: 2 });
    expect(report.snapshot.written).not.toBeNull();
  });

  test('re-extracts only added and changed posts, and drops the talks of deleted ones', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    await writePost(dirs.posts, 'kubecon.md', kubecon);
    await run();
    const counting = jsonExtract();
    const edited = post(conf('dotScale', 2018), [
      talk('Istio: we have a problem!', [speaker('David Gageot')]),
    ]);
    await writePost(dirs.posts, 'dotscale.md', edited);
    await rm(path.join(dirs.posts, 'kubecon.md'));
    await writePost(dirs.posts, 'new.md', post(conf('dotJS', 2018), [talk('Streams', [speaker('Bo Chen')])]));
    const report = await run(counting);
    expect(counting.calls.sort()).toEqual(['dotscale.md', 'new.md']);
    expect(report.posts).toMatchObject({
      added: ['new.md'],
      changed: ['dotscale.md'],
      removed: ['kubecon.md'],
    });
    expect(report.talks).toEqual({ added: 1, changed: 1, removed: 2 });
    const indexer = await Indexer.open({
      postsDir: dirs.posts,
      dataDir: dirs.data,
      vocabulary: { series: [], topics: [] },
    });
    expect(indexer.archive.gone).toEqual([
      'dotscale-2018/serverless-at-scale',
      'kubecon-eu-2019/operators-all-the-way-down',
    ]);
  });

  test('reads nothing again when files are only touched', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    await run();
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(dirs.posts, 'dotscale.md'), later, later);
    const counting = jsonExtract();
    const report = await run(counting);
    expect(counting.calls).toEqual([]);
    expect(report.posts.unchanged).toBe(1);
  });

  test('recognises a moved post by its content and keeps its talk ids', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    await run();
    await mkdir(path.join(dirs.posts, '2018'));
    await writePost(dirs.posts, '2018/dotscale.md', dotscale);
    await rm(path.join(dirs.posts, 'dotscale.md'));
    const counting = jsonExtract();
    const report = await run(counting);
    expect(counting.calls).toEqual([]);
    expect(report.posts.renamed).toEqual([{ from: 'dotscale.md', to: '2018/dotscale.md' }]);
    expect(report.posts.removed).toEqual([]);
    expect(report.talks).toEqual({ added: 0, changed: 2, removed: 0 });
  });

  test('reports progress as each changed post is extracted', async () => {
    await writePost(dirs.posts, 'a.md', dotscale);
    await writePost(dirs.posts, 'b.md', kubecon);
    const seen: string[] = [];
    const { extract } = jsonExtract();
    await runIndex({
      postsDir: dirs.posts,
      dataDir: dirs.data,
      extract,
      vocabulary: { series: [], topics: [] },
      onProgress: (done, total, file) => seen.push(`${done}/${total} ${file}`),
    });
    expect(seen.map((line) => line.split(' ')[0])).toEqual(['1/2', '2/2']);
  });

  test('looks only at the posts it is told about when given paths', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    const options = { postsDir: dirs.posts, dataDir: dirs.data, extract: jsonExtract().extract };
    const indexer = await Indexer.open({ ...options, vocabulary: { series: [], topics: [] } });
    await indexer.update();
    await writePost(dirs.posts, 'kubecon.md', kubecon);
    await writePost(
      dirs.posts,
      'unseen.md',
      post(conf('dotJS', 2018), [talk('Streams', [speaker('Bo Chen')])]),
    );
    await rm(path.join(dirs.posts, 'dotscale.md'));
    const report = indexer.apply(await indexer.scan(['kubecon.md', 'dotscale.md', '.hidden.md']));
    expect(report.posts).toMatchObject({ added: ['kubecon.md'], removed: ['dotscale.md'], unchanged: 0 });
    expect(indexer.archive.talks.map((t) => t.id)).toEqual(['kubecon-eu-2019/operators-all-the-way-down']);
    expect((await indexer.update()).posts.added).toEqual(['unseen.md']);
  });

  test('lists posts without talks as skipped, with the reason', async () => {
    await writePost(dirs.posts, 'empty.md', post(null, [], { warnings: ['empty.md: no talks found'] }));
    await writePost(dirs.posts, 'quiet.md', post(null, []));
    const report = await run();
    expect(report.posts.skipped).toEqual([
      { path: 'empty.md', reason: 'no talks found' },
      { path: 'quiet.md', reason: 'no talks found' },
    ]);
  });

  test('keeps going when the extractor fails on one post', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    await writeFile(path.join(dirs.posts, 'broken.md'), 'not json');
    const report = await run();
    expect(report.totals.talks).toBe(2);
    expect(report.posts.skipped.map((s) => s.path)).toEqual(['broken.md']);
    expect(report.warnings.some((w) => w.startsWith('broken.md: skipped,'))).toBe(true);
  });

  test('says which flag or variable to set when the posts folder is missing', async () => {
    const missing = path.join(dirs.root, 'nope');
    await expect(runIndex({ postsDir: missing, dataDir: dirs.data })).rejects.toThrow(
      `posts directory "${missing}" does not exist (pass --posts DIR or set TALKS_POSTS_DIR)`,
    );
  });

  test('says which flag or variable to set when the data folder cannot be written', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    const blocked = path.join(dirs.root, 'file');
    await writeFile(blocked, 'not a folder');
    const { extract } = jsonExtract();
    await expect(
      runIndex({ postsDir: dirs.posts, dataDir: blocked, extract, vocabulary: { series: [], topics: [] } }),
    ).rejects.toThrow(
      `data directory "${blocked}" cannot be written (ENOTDIR) (pass --data DIR or set TALKS_DATA_DIR)`,
    );
  });

  test('serves searches from the snapshot it loads', async () => {
    await writePost(dirs.posts, 'dotscale.md', dotscale);
    await run();
    const indexer = await Indexer.open({
      postsDir: dirs.posts,
      dataDir: dirs.data,
      vocabulary: { series: [], topics: [] },
    });
    const result = indexer.search.search({
      q: 'istio',
      topic: [],
      conference: [],
      year: [],
      speaker: [],
      page: 1,
      limit: 10,
    });
    expect(result.hits.map((h) => h.id)).toEqual(['dotscale-2018/istio-we-have-a-problem']);
  });
});
