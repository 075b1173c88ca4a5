/**
 * Cost of opening and writing a snapshot on a large archive: indexes the generated archive
 * (100k talks by default) as posts, then times `persist()` after a one-post edit and
 * `Indexer.open()` from the snapshot, split into reading the files and restoring the state.
 *
 *   node --import tsx bench/archive-load.ts [--talks 100000] [--search none|flex] [--settle MS]
 *
 * `--search none` leaves the search index out (a stand-in that exports nothing), to time the
 * archive alone; `flex` is the real engine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Indexer, loadSnapshot, type SearchBackend } from '../src/indexer/index.ts';
import type { ExtractedPost } from '../src/model.ts';
import type { SearchIndex } from '../src/search/types.ts';
import { generateArchive } from './generate.ts';
import { revisePost, toExtractedPosts } from './lib/extracted.ts';
import { timed } from './lib/measure.ts';

const { values } = parseArgs({
  options: {
    talks: { type: 'string', default: '100000' },
    search: { type: 'string', default: 'none' },
    // Milliseconds to wait before the persist, so background work after the open (decoding
    // the saved postings, encoding short fields) is not counted in the persist's CPU time.
    settle: { type: 'string', default: '0' },
    // Internal: time one open of an existing data folder, in a fresh process.
    open: { type: 'string' },
  },
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
  capture: () => ({ configHash: 'none', chunks: [] }),
} as unknown as SearchIndex;

const log = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (t: { ms: number; cpuMs: number }) =>
  `${Math.round(t.ms)} ms wall, ${Math.round(t.cpuMs)} ms cpu, load average ${os.loadavg()[0]!.toFixed(1)}`;

/**
 * The longest stretch during `run` in which a 5 ms timer could not fire (how long others wait),
 * how many stretches passed 100 ms, and the longest garbage-collection pause, which no pacing
 * of the code can shorten (on a loaded machine a stretch also includes time the process was
 * not scheduled).
 */
async function longestBlock<T>(
  run: () => Promise<T>,
): Promise<{ value: T; blockMs: number; over100: number; gcMs: number }> {
  let longest = 0;
  let over100 = 0;
  let gcMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last > 100) over100++;
    last = now;
  }, 5);
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs = Math.max(gcMs, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  try {
    const value = await run();
    return { value, blockMs: Math.max(longest, performance.now() - last), over100, gcMs };
  } finally {
    clearInterval(timer);
    gc.disconnect();
  }
}

function indexerOptions(postsDir: string, dataDir: string) {
  return {
    postsDir,
    dataDir,
    log,
    // Fixed, so that edits to the extractor during a run do not invalidate the snapshot.
    fingerprint: { extractor: 'bench', archive: 'bench' },
    search: values.search === 'flex' ? undefined : noSearch,
    extract: async (source: string, bytes: Uint8Array) =>
      ({ ...JSON.parse(Buffer.from(bytes).toString('utf8')), source }) as ExtractedPost,
  };
}

/** Opens the snapshot as a server starts: in a process whose heap holds nothing else. */
async function openOnly(root: string): Promise<void> {
  const dataDir = path.join(root, 'index');
  const current = (await readFile(path.join(dataDir, 'current'), 'utf8')).trim();
  const manifest = JSON.parse(
    await readFile(path.join(dataDir, 'snapshots', current, 'manifest.json'), 'utf8'),
  );
  // Not kept: the open below runs in a heap that does not hold this snapshot too.
  log(
    `read, verify, parse and unpack the files: ${fmt(await timed(() => loadSnapshot(dataDir, manifest.configHash)))}`,
  );
  const opened = await timed(() => Indexer.open(indexerOptions(path.join(root, 'posts'), dataDir)));
  const search = values.search === 'flex' ? ', search import' : '';
  log(
    `open (read, verify, parse, unpack${search}): ${fmt(opened)}, ${opened.value.archive.talks.length} talks`,
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'talks-load-'));
  const postsDir = path.join(root, 'posts');
  const dataDir = path.join(root, 'index');
  try {
    const posts = toExtractedPosts(generateArchive({ talks: Number(values.talks) }));
    await mkdir(postsDir);
    for (const [file, post] of posts) await writeFile(path.join(postsDir, file), JSON.stringify(post));
    const options = indexerOptions(postsDir, dataDir);
    const first = await timed(async () => (await Indexer.open(options)).update());
    log(`first run (${posts.length} posts, ${first.value.totals.talks} talks): ${fmt(first)}`);
    const indexer = await Indexer.open(options);
    const [file, post] = posts[7]!;
    await writeFile(path.join(postsDir, file), JSON.stringify(revisePost(post, 1)));
    const applied = await timed(async () => indexer.apply(await indexer.scan([file])));
    log(`re-index one post right after open (replays the snapshot first): ${fmt(applied)}`);
    await writeFile(path.join(postsDir, file), JSON.stringify(revisePost(post, 2)));
    const again = await timed(async () => indexer.apply(await indexer.scan([file])));
    log(`re-index one post again: ${fmt(again)}`);
    await new Promise((resolve) => setTimeout(resolve, Number(values.settle)));
    let syncCpuMs = 0;
    const persisted = await timed(() =>
      longestBlock(() => {
        // The part before persist()'s first await: what it captures of the state.
        const cpu = process.cpuUsage();
        const written = indexer.persist();
        const used = process.cpuUsage(cpu);
        syncCpuMs = (used.user + used.system) / 1000;
        return written;
      }),
    );
    const { blockMs, over100, gcMs } = persisted.value;
    log(`persist's synchronous start (the capture): ${Math.round(syncCpuMs)} ms cpu`);
    log(
      `persist after it: ${fmt(persisted)}, event loop blocked up to ${Math.round(blockMs)} ms (${over100} stretches over 100 ms; longest GC pause ${Math.round(gcMs)} ms)`,
    );
    const args = [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--open',
      root,
      '--search',
      values.search!,
    ];
    process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await (values.open ? openOnly(values.open) : main());
