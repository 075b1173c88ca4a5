/** Starts the real server in this process, on 127.0.0.1 and a free port, for end-to-end tests. */
import { pino } from 'pino';
import { type Serving, startServing } from '../../src/commands/serve.ts';
import { resolveConfig } from '../../src/config.ts';

export interface ServerOptions {
  postsDir: string;
  dataDir: string;
  watch?: boolean;
  adminToken?: string;
  extractModule?: string;
  extractTimeoutMs?: number;
}

export function serve(options: ServerOptions): Promise<Serving> {
  const config = resolveConfig(
    {
      postsDir: options.postsDir,
      dataDir: options.dataDir,
      port: 0,
      host: '127.0.0.1',
      watch: options.watch ?? false,
      adminToken: options.adminToken,
      extractTimeoutMs: options.extractTimeoutMs,
    },
    {},
  );
  return startServing(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), {
    signals: [],
    extractModule: options.extractModule,
  });
}

export interface SearchAnswer {
  status: number;
  total: number;
  ids: string[];
  titles: string[];
}

export async function searchFor(url: string, q: string): Promise<SearchAnswer> {
  const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=100`);
  const body = (await res.json()) as { total: number; hits: { id: string; title: string }[] };
  const hits = body.hits ?? [];
  return {
    status: res.status,
    total: body.total,
    ids: hits.map((h) => h.id),
    titles: hits.map((h) => h.title),
  };
}

/** Polls until `check` is true; fails after `limitMs` (the condition, not its timing, is tested). */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  limitMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Queries the server without a pause until stopped; collects every answer that is not sound. */
export function keepSearching(url: string, q: string, sound: (answer: SearchAnswer) => boolean) {
  const failures: string[] = [];
  let queries = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      queries++;
      try {
        const answer = await searchFor(url, q);
        if (answer.status !== 200 || !sound(answer)) failures.push(JSON.stringify(answer));
      } catch (error) {
        failures.push(String(error));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { failures, queries };
    },
  };
}
