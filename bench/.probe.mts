import { pino } from 'pino';
import { createSearchIndex } from '../src/search/index.ts';
import { createApp } from '../src/server/app.ts';
import { listen } from '../src/server/listen.ts';
import { createAppState } from '../src/server/state.ts';
import { generateArchive } from './generate.ts';
import { makeQueries } from './lib/queries.ts';
const archive = generateArchive({ talks: 10000 });
const state = createAppState(archive, createSearchIndex(archive));
const app = createApp({ getState: () => state, logger: pino({ level: 'silent' }), config: { production: true } });
const running = await listen(app, { port: 0, host: '127.0.0.1', signals: [] });
const qs = makeQueries(archive, 60).one;
const time = async (label: string, f: (q: string) => Promise<unknown> | unknown) => {
  const t: number[] = [];
  for (const q of qs) { const s = performance.now(); await f(q.q); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(label, 'p50', t[30]?.toFixed(1), 'max', t[59]?.toFixed(1));
};
await time('search()', (q) => state.search.search({ q, topic: [], conference: [], year: [], speaker: [], page: 1, limit: 20 }));
await time('GET /api/search', async (q) => (await fetch(`${running.url}/api/search?q=${q}`)).text());
await time('GET /search', async (q) => (await fetch(`${running.url}/search?q=${q}`)).text());
await time('GET /healthz', async () => (await fetch(`${running.url}/healthz`)).text());
await running.close();
