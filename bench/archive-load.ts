/**
 * Cost of opening and writing a snapshot on a large archive: indexes the generated archive
 * (100k talks by default) as posts, then times `persist()` after a one-post edit and
 * `Indexer.open()` from the snapshot, split into reading the files and restoring the state.
 *
 *   node --import tsx bench/archive-load.ts [--talks 100000] [--search none|flex]
 *
 * `--search none` leaves the search index out (a stand-in that exports nothing), to time the
 * archive alone; `flex` is the real engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Indexer, loadSnapshot, type SearchBackend } from '../src/indexer/index.ts';
import type { ExtractedPost } from '../src/model.ts';
import type { SearchIndex } from '../src/search/types.ts';
import { generateArchive } from './generate.ts';
import { revisePost, toExtractedPosts } from './lib/extracted.ts';
import { timed } from './lib/measure.ts';

const { values } = parseArgs({
  options: { talks: { type: 'string', default: '100000' }, search: { type: 'string', default: 'none' } },
});

/** A search index that does nothing: isolates the archive's share of the figures. */
const noSearch: SearchBackend = {
  configHash: 'none',
  create: () => nullIndex,
  load: () => nullIndex,
};
const nullIndex = {
  apply: () => {},
  export: () => ({ configHash: 'none', data: {} }),
} as unknown as SearchIndex;

const log = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (t: { ms: number; cpuMs: number }) =>
  `${Math.round(t.ms)} ms wall, ${Math.round(t.cpuMs)} ms cpu`;

const root = mkdtempSync(path.join(os.tmpdir(), 'talks-load-'));
const postsDir = path.join(root, 'posts');
const dataDir = path.join(root, 'index');
try {
  const posts = toExtractedPosts(generateArchive({ talks: Number(values.talks) }));
  await mkdir(postsDir);
  for (const [file, post] of posts) await writeFile(path.join(postsDir, file), JSON.stringify(post));
  const options = {
    postsDir,
    dataDir,
    log,
    // Fixed, so that edits to the extractor during a run do not invalidate the snapshot.
    fingerprint: { extractor: 'bench', archive: 'bench' },
    search: values.search === 'flex' ? undefined : noSearch,
    extract: async (source: string, bytes: Uint8Array) =>
      ({ ...JSON.parse(Buffer.from(bytes).toString('utf8')), source }) as ExtractedPost,
  };
  const first = await timed(async () => (await Indexer.open(options)).update());
  log(`first run (${posts.length} posts, ${first.value.totals.talks} talks): ${fmt(first)}`);

  const indexer = await Indexer.open(options);
  const [file, post] = posts[7]!;
  await writeFile(path.join(postsDir, file), JSON.stringify(revisePost(post, 1)));
  const applied = await timed(async () => indexer.apply(await indexer.scan([file])));
  log(`re-index one post: ${fmt(applied)}`);
  const persisted = await timed(() => indexer.persist());
  log(`persist after it: ${fmt(persisted)}`);

  const current0 = (await readFile(path.join(dataDir, 'current'), 'utf8')).trim();
  const folder = path.join(dataDir, 'snapshots', current0);
  const names = (await readdir(folder)).filter((name) => name !== 'manifest.json');
  for (const kind of ['posts-', 'archive', 'search']) {
    const files = names.filter((name) => name.startsWith(kind)).map((name) => path.join(folder, name));
    const bytes = await timed(() => Promise.all(files.map((file) => readFile(file))));
    const parsed = await timed(() => bytes.value.map((b) => JSON.parse(b.toString('utf8'))));
    const size = bytes.value.reduce((sum, b) => sum + b.length, 0);
    log(
      `${kind}*: ${files.length} files, ${(size / 1e6).toFixed(1)} MB, read ${fmt(bytes)}, parse ${fmt(parsed)}`,
    );
  }
  const current = (await readFile(path.join(dataDir, 'current'), 'utf8')).trim();
  const manifest = JSON.parse(
    await readFile(path.join(dataDir, 'snapshots', current, 'manifest.json'), 'utf8'),
  );
  const read = await timed(() => loadSnapshot(dataDir, manifest.configHash));
  log(`read, verify and parse the files: ${fmt(read)}`);
  const opened = await timed(() => Indexer.open(options));
  log(
    `open (read, verify, parse, restore${values.search === 'flex' ? ', search import' : ''}): ${fmt(opened)}`,
  );
  if (opened.value.archive.talks.length !== first.value.totals.talks) throw new Error('talks lost on open');
} finally {
  rmSync(root, { recursive: true, force: true });
}
