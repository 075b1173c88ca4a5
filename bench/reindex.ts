/**
 * Time from "a new post lands in the watched folder" to "/api/search returns it", with
 * `talks serve --watch` serving a 100k-talk archive built from generated posts by `talks index`.
 * Each new post carries a made-up word found nowhere else, and the search for it is polled
 * every 10 ms from the moment the file is written.
 *
 *   node --import tsx bench/reindex.ts [--talks N] [--rounds R]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { generateArchive, writePosts } from './generate.ts';
import { summarise } from './lib/measure.ts';
import { renderPost } from './lib/posts.ts';
import { createRandom } from './lib/random.ts';
import { isMain, report, saveResults, started } from './lib/results.ts';

const CLI = path.resolve(import.meta.dirname, '..', 'bin', 'talks.mjs');
const MARKERS = ['quokkazeta', 'wombatquill', 'narwhalfjord', 'axolotlbrim', 'pangolinverve'];
const ENV = { ...process.env, LOG_LEVEL: 'warn' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.once('error', reject);
  });
}

/** Polls `url` until `accept(response body)` holds; returns the elapsed ms since `since`. */
async function waitFor(
  url: string,
  accept: (body: string) => boolean,
  since: number,
  timeoutMs: number,
): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.ok && accept(await response.text())) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`${url} did not answer as expected within ${timeoutMs} ms`);
}

/** A small post (3 talks) whose first talk's title carries `marker`. */
function newPost(marker: string, round: number): string {
  const archive = generateArchive({ talks: 3, conferences: 1, seed: 1000 + round });
  const [first] = archive.talks;
  if (first) first.title = `${first.title} ${marker}`;
  const conference = archive.conferences[0];
  if (!conference) throw new Error('the generated post has no conference');
  const names = {
    speakers: new Map(archive.speakers.map((s) => [s.id, s.name])),
    topics: new Map(archive.topics.map((t) => [t.id, t.name])),
  };
  return renderPost(createRandom(round), conference, archive.talks, names);
}

async function serve(
  postsDir: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const port = await freePort();
  const start = performance.now();
  const args = [CLI, 'serve', '--watch', '--posts', postsDir, '--data', dataDir, '--port', String(port)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: ENV });
  const url = `http://127.0.0.1:${port}`;
  const startMs = await waitFor(`${url}/healthz`, () => true, start, 600_000);
  return { child, url, startMs: Math.round(startMs) };
}

/** SIGTERM, then SIGKILL after 5 s: a server busy in a synchronous rebuild does not see the first. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function runReindex(talks: number, rounds: number, timeoutMs = 60_000) {
  const start = started();
  const root = mkdtempSync(path.join(os.tmpdir(), 'talks-bench-reindex-'));
  const postsDir = path.join(root, 'posts');
  const dataDir = path.join(root, 'index');
  let child: ChildProcess | null = null;
  try {
    mkdirSync(postsDir);
    report(`reindex: wrote ${writePosts(generateArchive({ talks }), postsDir)} posts (${talks} talks)`);
    const indexStart = performance.now();
    const indexed = spawnSync(process.execPath, [CLI, 'index', '--posts', postsDir, '--data', dataDir], {
      encoding: 'utf8',
      env: ENV,
    });
    if (indexed.status !== 0)
      throw new Error(`talks index failed: ${indexed.stderr.trim().split('\n').slice(0, 12).join('\n')}`);
    const indexMs = Math.round(performance.now() - indexStart);
    report(`  talks index: ${indexMs} ms\n${indexed.stdout.trim().split('\n').slice(-4).join('\n')}`);
    const server = await serve(postsDir, dataDir);
    child = server.child;
    report(`  talks serve --watch: healthy after ${server.startMs} ms`);
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const marker = MARKERS[round % MARKERS.length] as string;
      const html = newPost(marker, round);
      const since = performance.now();
      writeFileSync(path.join(postsDir, `new-post-${round}.html`), html);
      const found = (body: string) => (JSON.parse(body) as { total: number }).total > 0;
      samples.push(await waitFor(`${server.url}/api/search?q=${marker}`, found, since, timeoutMs));
      report(`  round ${round + 1}: "${marker}" searchable after ${Math.round(samples[round] as number)} ms`);
      await sleep(1000);
    }
    const result = {
      ...start,
      talks,
      indexMs,
      serveStartMs: server.startMs,
      untilSearchable: summarise(samples),
      samples,
    };
    report(`saved ${saveResults('reindex', result)}`);
  } finally {
    if (child) await stop(child);
    rmSync(root, { recursive: true, force: true });
  }
}

if (isMain(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      talks: { type: 'string', default: '100000' },
      rounds: { type: 'string', default: '5' },
      timeout: { type: 'string', default: '60' },
    },
  });
  await runReindex(Number(values.talks), Number(values.rounds), Number(values.timeout) * 1000);
}
