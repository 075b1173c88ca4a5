/**
 * Extraction throughput on one core: `extractPost` over real recap posts (read at run time from
 * the corpus folders, when present) and over generated ~40 KB posts, beside a bare htmlparser2
 * `parseDocument` and a default `cheerio.load` (parse5) of the same posts in the same process.
 * The parsers are the floor: extraction parses once with cheerio, then walks the tree. Extraction
 * and htmlparser2 are also given per CPU-second, which a busy machine does not skew.
 *
 *   node --expose-gc --import tsx bench/extract.ts [--corpus DIR[,DIR...]] [--seconds N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as cheerio from 'cheerio';
import { parseDocument } from 'htmlparser2';
import { extractPost } from '../src/extract/index.ts';
import { createExtractPool, EXTRACT_WORKER_LIMITS } from '../src/indexer/extract-pool.ts';
import { generateArchive } from './generate.ts';
import { throughput } from './lib/measure.ts';
import { renderPosts } from './lib/posts.ts';
import { isMain, report, saveResults, started } from './lib/results.ts';

export const DEFAULT_CORPUS = ['/work/shared/corpus/real', '/work/shared/seed'];
const HTMLPARSER2 = { xml: { xmlMode: false, decodeEntities: true } };
const POST_FILE = /\.(html?|md|markdown|txt)$/i;

interface Post {
  source: string;
  bytes: Uint8Array;
  text: string;
}

function readCorpus(dirs: string[]): Post[] {
  const posts: Post[] = [];
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const name of readdirSync(dir).sort()) {
      if (!POST_FILE.test(name)) continue;
      const bytes = readFileSync(path.join(dir, name));
      posts.push({ source: name, bytes, text: bytes.toString('utf8') });
    }
  }
  return posts;
}

/** 200 posts of ~33 talks each (about 40 KB with chrome), three shapes, fixed seed. */
export function generatedPosts(count = 200): Post[] {
  const archive = generateArchive({ talks: count * 33, conferences: count, seed: 7 });
  const encoder = new TextEncoder();
  return [...renderPosts(archive, 7)].map((post) => ({
    source: post.path,
    bytes: encoder.encode(post.html),
    text: post.html,
  }));
}

/**
 * Posts per CPU-second (user + system) after a warm-up: on a shared machine the wall clock also
 * counts time spent waiting for a core, the CPU time does not. Measured in `SLICES` slices, each
 * of whole passes over the posts, and given as their median and range: a neighbour's burst on
 * the host slows one slice, not the figure.
 */
const SLICES = 5;

interface PerCpuSecond {
  median: number;
  min: number;
  max: number;
}

function perCpuSecond(posts: Post[], run: (post: Post) => unknown, ms: number): PerCpuSecond {
  for (const post of posts.slice(0, 20)) run(post);
  const rates: number[] = [];
  for (let slice = 0; slice < SLICES; slice++) {
    const start = process.cpuUsage();
    let count = 0;
    let usedMs = 0;
    while (usedMs < ms / SLICES || count % posts.length !== 0) {
      run(posts[count % posts.length] as Post);
      count++;
      const used = process.cpuUsage(start);
      usedMs = (used.user + used.system) / 1000;
    }
    rates.push((count * 1000) / usedMs);
  }
  const sorted = rates.sort((a, b) => a - b);
  const round = (rate: number) => Number(rate.toFixed(1));
  return {
    median: round(sorted[Math.floor(SLICES / 2)]!),
    min: round(sorted[0]!),
    max: round(sorted[SLICES - 1]!),
  };
}

/**
 * Posts per CPU-second through the extraction pool the indexer uses (one worker thread, its
 * heap limits), one post at a time: extraction plus sending the post and its result between
 * threads. The CPU time is the whole process's, the waiting main thread included.
 */
async function poolPerCpuSecond(posts: Post[], ms: number, limits = EXTRACT_WORKER_LIMITS) {
  const pool = createExtractPool({ size: 1, timeoutMs: 60_000, resourceLimits: limits });
  try {
    // A new thread starts cold: a whole pass lets its JIT settle, as the main thread's has.
    for (const post of posts) await pool.extract(post.source, post.bytes);
    const start = process.cpuUsage();
    let count = 0;
    let usedMs = 0;
    while (usedMs < ms || count < posts.length) {
      const post = posts[count % posts.length] as Post;
      await pool.extract(post.source, post.bytes);
      count++;
      const used = process.cpuUsage(start);
      usedMs = (used.user + used.system) / 1000;
    }
    return Number(((count * 1000) / usedMs).toFixed(1));
  } finally {
    await pool.close();
  }
}

/**
 * Runs the posts for `ms` and at least one whole pass: the first seconds of a new process
 * compile and re-optimise the extractor's code, which is not what a long indexing run pays.
 */
function warmUp(posts: Post[], run: (post: Post) => unknown, ms: number): void {
  const start = performance.now();
  for (let count = 0; count < posts.length || performance.now() - start < ms; count++)
    run(posts[count % posts.length] as Post);
}

async function measureSet(name: string, posts: Post[], ms: number) {
  const size = (post: Post) => post.bytes.length;
  const totalBytes = posts.reduce((sum, post) => sum + post.bytes.length, 0);
  let talks = 0;
  let extracted = 0;
  const extract = (post: Post) => {
    talks += extractPost(post.source, post.bytes).talks.length;
    extracted++;
  };
  warmUp(posts, (post) => extractPost(post.source, post.bytes), Math.min(ms, 2000));
  const result = {
    posts: posts.length,
    meanKb: Number((totalBytes / posts.length / 1024).toFixed(1)),
    extractPost: throughput(posts, size, extract, ms),
    htmlparser2: throughput(posts, size, (post) => parseDocument(post.text), ms),
    cheerioParse5: throughput(posts, size, (post) => cheerio.load(post.text), ms),
    // cheerio's own switch to htmlparser2 in HTML mode: what extraction could build on.
    cheerioHtmlparser2: throughput(posts, size, (post) => cheerio.load(post.text, HTMLPARSER2), ms),
    perCpuSecond: {
      extractPost: perCpuSecond(posts, extract, ms),
      htmlparser2: perCpuSecond(posts, (post) => parseDocument(post.text), ms),
      // The indexer's path: a worker thread with the pool's heap limits, and with V8's defaults.
      pool: await poolPerCpuSecond(posts, ms),
      poolDefaultHeap: await poolPerCpuSecond(posts, ms, {}),
    },
  };
  const talksPerPost = Number((talks / extracted).toFixed(1));
  report(`${name}: ${result.posts} posts, mean ${result.meanKb} KB, ${talksPerPost} talks found per post`);
  for (const key of ['extractPost', 'htmlparser2', 'cheerioParse5', 'cheerioHtmlparser2'] as const) {
    const t = result[key];
    const cpu = key === 'extractPost' || key === 'htmlparser2' ? result.perCpuSecond[key] : null;
    report(
      `  ${key.padEnd(18)} ${String(t.perSecond).padStart(8)} posts/s  ${String(t.mbPerSecond).padStart(6)} MB/s` +
        (cpu === null ? '' : `  ${String(cpu.median).padStart(8)} posts/cpu-s (${cpu.min}-${cpu.max})`),
    );
  }
  const { pool, poolDefaultHeap } = result.perCpuSecond;
  report(
    `  through the pool   ${String(pool).padStart(8)} posts/cpu-s (V8's default heap: ${poolDefaultHeap})`,
  );
  return { ...result, talksPerPost };
}

export async function runExtract(corpus: string[], seconds: number) {
  const start = started();
  const real = readCorpus(corpus);
  const sets: Record<string, unknown> = {};
  if (real.length) sets['real'] = await measureSet('real corpus', real, seconds * 1000);
  else report(`no corpus posts found in ${corpus.join(', ')}: measuring generated posts only`);
  sets['generated'] = await measureSet('generated', generatedPosts(), seconds * 1000);
  const file = saveResults('extract', { ...start, corpus, seconds, sets });
  report(`saved ${file}`);
}

if (isMain(import.meta.filename)) {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, seconds: { type: 'string', default: '5' } },
  });
  await runExtract(values.corpus ? values.corpus.split(',') : DEFAULT_CORPUS, Number(values.seconds));
}
