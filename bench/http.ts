/**
 * HTTP throughput and latency of the archive's app serving 100k generated talks, against a bare
 * Express JSON route and a bare Express + EJS page that answer bodies of the same size. Both
 * servers run in their own processes on 127.0.0.1, started once; autocannon (this process)
 * loads one target at a time with 50 connections: a 2 s warm-up, then a measured run. Each
 * app target is followed by its bare counterpart, so the pair shares the machine's conditions.
 *
 * The app runs as in production, with its answer cache. Two runs per route:
 *   cached   400 distinct 1- and 2-word queries in rotation (after the warm-up, cache hits);
 *   distinct a new query on every request (thousands of them), so every answer is a miss and
 *            pays for the search (`sent <= distinctPerRoute` in the results: no query twice).
 *
 *   node --import tsx bench/http.ts [--talks N] [--seconds S] [--connections C]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { generateArchive } from './generate.ts';
import { type ChildServer, startServer } from './lib/child.ts';
import { summarise } from './lib/measure.ts';
import { makeQueries } from './lib/queries.ts';
import { isMain, report, saveResults, started } from './lib/results.ts';

interface Load {
  connections: number;
  seconds: number;
}

/** Paths handed out in order, one per request, across the probe, the warm-up and the run. */
class Rotation {
  sent = 0;
  constructor(readonly paths: string[]) {}
  next(): string {
    return this.paths[this.sent++ % this.paths.length] as string;
  }
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system) a process has used, in milliseconds, from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** One request at a time: the cost of a request without queueing behind 49 others. */
async function sequential(url: string, rotation: Rotation, count = 60) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    // Uncompressed, as autocannon asks: fetch would ask for brotli and time its decoding.
    const headers = { 'accept-encoding': 'identity' };
    await (await fetch(`${url}${rotation.next()}`, { headers })).arrayBuffer();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

async function hammer(label: string, server: ChildServer, rotation: Rotation, load: Load) {
  const loadAverage = Number(os.loadavg()[0]?.toFixed(2));
  const requests = [{ setupRequest: (request: Request) => ({ ...request, path: rotation.next() }) }];
  const options = { url: server.url, connections: load.connections, requests };
  await autocannon({ ...options, duration: 2 });
  // After the warm-up, so that the cached run's probe sees the cache as the load run does.
  const oneAtATime = await sequential(server.url, rotation);
  const cpuBefore = cpuMs(server.process.pid ?? 0);
  const result = await autocannon({ ...options, duration: load.seconds });
  const cpu = cpuMs(server.process.pid ?? 0) - cpuBefore;
  const figures = {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    // Server CPU per answered request: what the route costs, whatever else runs on the machine.
    serverCpuMsPerRequest: Number((cpu / Math.max(1, result.requests.total)).toFixed(3)),
    meanBytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    sequentialMs: { p50: oneAtATime.p50, p99: oneAtATime.p99 },
    loadAverage,
  };
  report(`  ${label.padEnd(24)} ${JSON.stringify(figures)}`);
  return figures;
}

/** The bare routes answer the app's median-sized answer among the first 21 queries. */
async function medianSample(url: string, words: string[]) {
  const answers: { json: unknown; bytes: number; htmlBytes: number }[] = [];
  for (const q of words.slice(0, 21)) {
    const text = await (await fetch(`${url}/api/search?q=${q}`)).text();
    const page = await (await fetch(`${url}/search?q=${q}`)).arrayBuffer();
    answers.push({ json: JSON.parse(text) as unknown, bytes: text.length, htmlBytes: page.byteLength });
  }
  const bySize = (key: 'bytes' | 'htmlBytes') => [...answers].sort((a, b) => a[key] - b[key])[10];
  return { json: bySize('bytes')?.json, htmlBytes: bySize('htmlBytes')?.htmlBytes ?? 0 };
}

async function startBare(sample: unknown, dir: string): Promise<ChildServer> {
  writeFileSync(path.join(dir, 'sample.json'), JSON.stringify(sample));
  const script = path.join(import.meta.dirname, 'servers', 'bare.ts');
  return startServer(script, ['--sample', path.join(dir, 'sample.json')], 60_000);
}

/** The 400 queries of the cached run, and thousands of others for the run without repeats. */
function queryWords(talks: number) {
  const archive = generateArchive({ talks });
  const rotation = makeQueries(archive, 200);
  const many = makeQueries(archive, 8000, 7);
  const cached = [...rotation.one, ...rotation.two].map((q) => encodeURIComponent(q.q));
  const seen = new Set(cached);
  const distinct: string[] = [];
  for (let i = 0; i < many.one.length; i++) {
    for (const q of [many.one[i], many.two[i]]) {
      const word = encodeURIComponent(q?.q ?? '');
      if (word && !seen.has(word)) distinct.push(word);
      seen.add(word);
    }
  }
  return { cached, distinct };
}

const apiPaths = (words: string[]) => words.map((q) => `/api/search?q=${q}`);
const pagePaths = (words: string[]) => words.map((q) => `/search?q=${q}`);

async function measure(
  app: ChildServer,
  bare: ChildServer,
  words: ReturnType<typeof queryWords>,
  load: Load,
) {
  const bareJson = new Rotation(['/json']);
  const barePage = new Rotation(['/page']);
  const pair = async (label: string, rotation: Rotation, bareRotation: Rotation) => {
    const appFigures = await hammer(`app ${label}`, app, rotation, load);
    const bareFigures = await hammer(`  bare ${bareRotation.paths[0]}`, bare, bareRotation, load);
    const ratio = Number((appFigures.reqPerSec / Math.max(1, bareFigures.reqPerSec)).toFixed(2));
    // The req/s ratio the two would show if each had a core to itself: the load hardly moves it.
    const cpuRatio = Number(
      (bareFigures.serverCpuMsPerRequest / Math.max(0.001, appFigures.serverCpuMsPerRequest)).toFixed(2),
    );
    report(`  ratio ${ratio}, by server CPU per request ${cpuRatio}`);
    return { app: appFigures, bare: bareFigures, ratio, cpuRatio };
  };
  // Each route gets its own half, so the page run meets no query the API run just searched.
  const half = Math.floor(words.distinct.length / 2);
  const distinctApi = new Rotation(apiPaths(words.distinct.slice(0, half)));
  const distinctPage = new Rotation(pagePaths(words.distinct.slice(half)));
  return {
    cached: {
      api: await pair('/api/search cached', new Rotation(apiPaths(words.cached)), bareJson),
      page: await pair('/search cached', new Rotation(pagePaths(words.cached)), barePage),
    },
    distinct: {
      api: { ...(await pair('/api/search distinct', distinctApi, bareJson)), sent: distinctApi.sent },
      page: { ...(await pair('/search distinct', distinctPage, barePage)), sent: distinctPage.sent },
      distinctPerRoute: distinctApi.paths.length,
    },
  };
}

export async function runHttp(talks: number, load: Load) {
  const start = started();
  const words = queryWords(talks);
  report(`http: ${talks} talks, ${load.connections} connections, ${load.seconds} s per target`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'talks-bench-'));
  const app = await startServer(
    path.join(import.meta.dirname, 'servers', 'app.ts'),
    ['--talks', String(talks)],
    600_000,
  );
  let bare: ChildServer | null = null;
  try {
    const sample = await medianSample(app.url, words.cached);
    bare = await startBare(sample, dir);
    const figures = await measure(app, bare, words, load);
    const method = {
      cached: `${words.cached.length} distinct queries in rotation, answered from the app's cache after the warm-up`,
      distinct: `a new query on every request (${words.distinct.length} distinct, half per route), every answer searched`,
    };
    const file = saveResults('http', {
      ...start,
      talks,
      ...load,
      method,
      sampleHtmlBytes: sample.htmlBytes,
      ...figures,
    });
    report(`saved ${file}`);
  } finally {
    await Promise.all([app.stop(), bare?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      talks: { type: 'string', default: '100000' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
    },
  });
  await runHttp(Number(values.talks), {
    connections: Number(values.connections),
    seconds: Number(values.seconds),
  });
}
