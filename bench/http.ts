/**
 * HTTP throughput and latency of the archive's app serving 100k generated talks, against a bare
 * Express JSON route and a bare Express + EJS page that answer bodies of the same size. Each
 * server runs alone in its own process on 127.0.0.1 while autocannon (this process) loads it
 * with 50 connections: a 2 s warm-up, then a measured run.
 *
 *   node --import tsx bench/http.ts [--talks N] [--seconds S] [--connections C]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Cycles through `paths`, one per request, so the app is not answering one cached query. */
function cycling(paths: string[]) {
  let next = 0;
  return [{ setupRequest: (request: Request) => ({ ...request, path: paths[next++ % paths.length] }) }];
}

/** One request at a time: the cost of a request without queueing behind 49 others. */
async function sequential(url: string, paths: string[], count = 60) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await (await fetch(`${url}${paths[i % paths.length]}`)).arrayBuffer();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

async function hammer(label: string, url: string, paths: string[], load: Load) {
  const oneAtATime = await sequential(url, paths);
  const options = { url, connections: load.connections, requests: cycling(paths) };
  await autocannon({ ...options, duration: 2 });
  const result = await autocannon({ ...options, duration: load.seconds });
  const figures = {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    meanBytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    sequentialMs: { p50: oneAtATime.p50, p99: oneAtATime.p99 },
  };
  report(`  ${label.padEnd(16)} ${JSON.stringify(figures)}`);
  return figures;
}

/** The bare routes answer the app's median-sized answer among the first 21 queries. */
async function medianSample(url: string, paths: { api: string[]; page: string[] }) {
  const answers: { json: unknown; bytes: number; htmlBytes: number }[] = [];
  for (let i = 0; i < 21; i++) {
    const text = await (await fetch(`${url}${paths.api[i % paths.api.length]}`)).text();
    const page = await (await fetch(`${url}${paths.page[i % paths.page.length]}`)).arrayBuffer();
    answers.push({ json: JSON.parse(text) as unknown, bytes: text.length, htmlBytes: page.byteLength });
  }
  const bySize = (key: 'bytes' | 'htmlBytes') => [...answers].sort((a, b) => a[key] - b[key])[10];
  return { json: bySize('bytes')?.json, htmlBytes: bySize('htmlBytes')?.htmlBytes ?? 0 };
}

async function measureApp(talks: number, paths: { api: string[]; page: string[] }, load: Load) {
  const script = path.join(import.meta.dirname, 'servers', 'app.ts');
  const server = await startServer(script, ['--talks', String(talks)], 600_000);
  try {
    return {
      sample: await medianSample(server.url, paths),
      api: await hammer('app /api/search', server.url, paths.api, load),
      page: await hammer('app /search', server.url, paths.page, load),
    };
  } finally {
    await server.stop();
  }
}

async function measureBare(sample: unknown, load: Load) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'talks-bench-'));
  let server: ChildServer | null = null;
  try {
    writeFileSync(path.join(dir, 'sample.json'), JSON.stringify(sample));
    server = await startServer(
      path.join(import.meta.dirname, 'servers', 'bare.ts'),
      ['--sample', path.join(dir, 'sample.json')],
      60_000,
    );
    return {
      json: await hammer('bare JSON', server.url, ['/json'], load),
      page: await hammer('bare EJS page', server.url, ['/page'], load),
    };
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true });
  }
}

export async function runHttp(talks: number, load: Load) {
  const start = started();
  const queries = makeQueries(generateArchive({ talks }), 200);
  const words = [...queries.one, ...queries.two].map((q) => encodeURIComponent(q.q));
  const paths = { api: words.map((q) => `/api/search?q=${q}`), page: words.map((q) => `/search?q=${q}`) };
  report(`http: ${talks} talks, ${load.connections} connections, ${load.seconds} s per target`);
  const app = await measureApp(talks, paths, load);
  const bare = await measureBare(app.sample, load);
  const ratios = {
    apiVsBareJson: Number((app.api.reqPerSec / bare.json.reqPerSec).toFixed(2)),
    pageVsBarePage: Number((app.page.reqPerSec / bare.page.reqPerSec).toFixed(2)),
  };
  report(`  ratios ${JSON.stringify(ratios)}`);
  const { sample, ...appFigures } = app;
  report(
    `saved ${saveResults('http', { ...start, talks, ...load, sampleHtmlBytes: sample.htmlBytes, app: appFigures, bare, ratios })}`,
  );
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
