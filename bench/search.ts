/**
 * Search on the generated 100k-talk archive: build time, heap per talk, snapshot export and
 * load, query latency (1-word, 2-word, prefix, filtered) and the update of one post, for the
 * archive's search and, beside it, a bare FlexSearch Document and MiniSearch over the same
 * fields. Each engine runs in its own child process so heap figures and JIT state don't mix.
 *
 *   node --import tsx bench/search.ts [--talks N] [--engines app,flexsearch,minisearch] [--queries N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ArchiveBuilder } from '../src/archive/index.ts';
import type { Archive, Talk } from '../src/model.ts';
import { createAppEngine } from './engines/app.ts';
import { createFlexSearchEngine } from './engines/flexsearch.ts';
import { createMiniSearchEngine } from './engines/minisearch.ts';
import type { Engine } from './engines/types.ts';
import { generateArchive } from './generate.ts';
import { revisePost, toExtractedPosts } from './lib/extracted.ts';
import { latencies, mb, settledHeap, summarise, timed } from './lib/measure.ts';
import { makeQueries, QUERY_KINDS } from './lib/queries.ts';
import { isMain, report, saveResults, started } from './lib/results.ts';

export const ENGINES = ['app', 'flexsearch', 'minisearch'] as const;
const NODE_FLAGS = ['--expose-gc', '--max-old-space-size=8000', '--import', 'tsx'];
/** MiniSearch spends 100s of ms on some queries at 100k: fewer of them keep the run bounded. */
const SLOW_ENGINE_QUERIES = 200;

async function makeEngine(name: string): Promise<Engine> {
  if (name === 'app') return createAppEngine();
  if (name === 'flexsearch') return createFlexSearchEngine();
  if (name === 'minisearch') return createMiniSearchEngine();
  throw new Error(`unknown engine "${name}" (choose from ${ENGINES.join(', ')})`);
}

const progress = (engine: string, message: string) => process.stderr.write(`  [${engine}] ${message}\n`);

/** The generated archive built by the real archive builder, kept for post updates. */
function prepareArchive(talks: number) {
  const posts = toExtractedPosts(generateArchive({ talks }));
  const builder = new ArchiveBuilder();
  const start = performance.now();
  builder.load(posts);
  const archive = builder.toArchive();
  return { builder, posts, archive, buildMs: Math.round(performance.now() - start) };
}

/**
 * Five edits of one post each (every talk's notes revised): the archive update (upsertPost +
 * toArchive) and the index update are timed apart and together.
 */
async function updates(engine: Engine, prepared: ReturnType<typeof prepareArchive>, offset: number) {
  const archiveMs: number[] = [];
  const indexMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [file, post] = prepared.posts[(offset + i * 37) % prepared.posts.length] ?? [];
    if (!file || !post) continue;
    const updated = await timed(() => {
      const change = prepared.builder.upsertPost(file, revisePost(post, offset + i));
      return { change, archive: prepared.builder.toArchive() };
    });
    const { change, archive } = updated.value;
    const changed = [...change.added, ...change.changed].map((id) => prepared.builder.getTalk(id) as Talk);
    indexMs.push((await timed(() => engine.update(archive, changed, change.removed))).ms);
    archiveMs.push(updated.ms);
  }
  return {
    archive: summarise(archiveMs),
    index: summarise(indexMs),
    total: summarise(archiveMs.map((ms, i) => ms + (indexMs[i] ?? 0))),
  };
}

/** The archive half of a snapshot: the server reads it beside the index at start-up. */
function archiveRoundTrip(archive: Archive) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'talks-bench-'));
  try {
    const file = path.join(dir, 'archive.json');
    writeFileSync(file, JSON.stringify(archive));
    const start = performance.now();
    JSON.parse(readFileSync(file, 'utf8'));
    return { mb: mb(statSync(file).size), loadMs: Math.round(performance.now() - start) };
  } finally {
    rmSync(dir, { recursive: true });
  }
}

async function measureEngine(name: string, talks: number, queryCount: number) {
  const engine = await makeEngine(name);
  const prepared = prepareArchive(talks);
  const { archive } = prepared;
  const archiveHeap = settledHeap();
  progress(name, `archive ready (${archive.talks.length} talks, ${prepared.buildMs} ms); building the index`);
  const build = await timed(() => engine.build(archive));
  const indexHeap = settledHeap() - archiveHeap;
  const rss = process.memoryUsage().rss;
  const queries = makeQueries(archive, queryCount);
  const latency: Record<string, unknown> = {};
  progress(name, `index built in ${build.ms} ms; querying`);
  for (const kind of QUERY_KINDS) {
    const count =
      name === 'minisearch' && kind !== 'one' ? Math.min(queryCount, SLOW_ENGINE_QUERIES) : queryCount;
    latency[kind] = latencies(queries[kind].slice(0, count), (q) => engine.search(q));
    progress(name, `${kind}: ${JSON.stringify(latency[kind])}`);
  }
  progress(name, 'queries done; updating posts and saving a snapshot');
  const updateBuilt = await updates(engine, prepared, 1);
  // The snapshot is of the archive as it is after the edits, so a load has nothing to catch up on.
  const current = prepared.builder.toArchive();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'talks-bench-'));
  const snapshot = await engine
    .snapshot(path.join(dir, 'index.json'), current)
    .finally(() => rmSync(dir, { recursive: true }));
  const updateLoaded = await updates(engine, prepared, 500);
  return {
    ...(name === 'app' ? { archiveJson: archiveRoundTrip(archive) } : {}),
    engine: name,
    talks: archive.talks.length,
    archiveBuildMs: prepared.buildMs,
    buildMs: build.ms,
    buildCpuMs: build.cpuMs,
    archiveHeapMb: mb(archiveHeap),
    indexHeapMb: mb(indexHeap),
    heapPerTalkBytes: Math.round(indexHeap / talks),
    rssMb: mb(rss),
    latency,
    updateOnePost: {
      talksPerPost: Math.round(talks / archive.conferences.length),
      built: updateBuilt,
      loaded: updateLoaded,
    },
    snapshot: { ...snapshot, mb: mb(snapshot.bytes) },
  };
}

function runChild(engine: string, talks: number, queries: number): unknown {
  const script = path.join(import.meta.dirname, 'search.ts');
  const args = [
    ...NODE_FLAGS,
    script,
    '--child',
    '--engine',
    engine,
    '--talks',
    String(talks),
    '--queries',
    String(queries),
  ];
  report(`search: ${engine} on ${talks} talks...`);
  // Niceness is inherited: `npm run bench` starts this process under nice already.
  // The child's progress and errors go straight to our stderr; its result comes on stdout.
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) return { engine, error: `exited with status ${child.status} before giving a result` };
  const result = JSON.parse(line.slice('RESULT '.length));
  report(JSON.stringify(result));
  return result;
}

export function runSearch(talks: number, engines: string[], queries: number): void {
  const start = started();
  const results = engines.map((engine) => runChild(engine, talks, queries));
  report(`saved ${saveResults('search', { ...start, talks, queries, results })}`);
}

if (isMain(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      child: { type: 'boolean', default: false },
      engine: { type: 'string', default: 'app' },
      engines: { type: 'string', default: ENGINES.join(',') },
      talks: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '1000' },
    },
  });
  if (values.child) {
    const result = await measureEngine(values.engine, Number(values.talks), Number(values.queries));
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } else {
    runSearch(Number(values.talks), values.engines.split(','), Number(values.queries));
  }
}
