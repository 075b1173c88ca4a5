import { Router } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { fixtureApp, fixtureState } from './harness.ts';

const app = fixtureApp();

function appWithFailingRoute(production: boolean) {
  const adminRouter = Router();
  adminRouter.get('/boom', () => {
    throw new Error('database password is hunter2');
  });
  const state = fixtureState();
  return createApp({
    getState: () => state,
    logger: pino({ level: 'silent' }),
    config: { production, adminRouter },
  });
}

describe('headers', () => {
  test('every page carries a strict content security policy', async () => {
    const res = await request(app).get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('versioned static assets are cached for a year, others revalidate with an ETag', async () => {
    const home = await request(app).get('/').expect(200);
    const css = home.text.match(/href="(\/static\/[0-9a-f]+\/style\.css)"/)?.[1] ?? '';
    const versioned = await request(app).get(css).expect(200).expect('Content-Type', /css/);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await request(app)
      .get('/static/app.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    expect(plain.headers.etag).toBeDefined();
    await request(app)
      .get('/static/app.js')
      .set('If-None-Match', plain.headers.etag ?? '')
      .expect(304);
  });

  test('answers are compressed when the client accepts it', async () => {
    const res = await request(app).get('/static/style.css').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe('a post that tries to inject markup', () => {
  test('comes out escaped on the talk page, with no script, handler or javascript: href', async () => {
    const res = await request(app).get('/talks/devdays-2019/hostile?q=kafka').expect(200);
    expect(res.text).toContain('Hostile &lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(res.text).not.toContain('<script>window.__pwned');
    expect(res.text).not.toMatch(/<img[^>]*onerror/);
    expect(res.text).not.toMatch(/href="javascript:/i);
    expect(res.text).toContain('<mark>Kafka</mark> notes &lt;script&gt;');
    const jsonLd = res.text.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '';
    expect(jsonLd).not.toContain('<');
    expect(JSON.parse(jsonLd).name).toContain('<script>');
  });

  test('comes out escaped in search results and listings', async () => {
    for (const path of ['/search?q=hostile', '/speakers/mallory', '/speakers', '/topics/kafka']) {
      const res = await request(app).get(path).expect(200);
      expect(res.text, path).not.toContain('<script>window.__pwned');
      expect(res.text, path).not.toMatch(/<img[^>]*onerror/);
      expect(res.text, path).not.toMatch(/href="javascript:/i);
    }
  });

  test('comes out escaped in the Atom feed', async () => {
    const res = await request(app).get('/feed.xml?q=hostile').expect(200);
    expect(res.text).toContain('Hostile &lt;script&gt;');
    expect(res.text).not.toContain('<script>');
  });
});

describe('errors', () => {
  test('a failure answers 500 without the stack or message in production', async () => {
    const production = appWithFailingRoute(true);
    const json = await request(production).get('/api/boom').expect(500);
    expect(json.body).toEqual({ error: 'internal error' });
    const page = await request(production).get('/api/boom').set('Accept', 'text/html').expect(500);
    expect(page.text).not.toContain('hunter2');
    expect(page.text).not.toContain('at ');
  });

  test('a failure shows the stack in development', async () => {
    const res = await request(appWithFailingRoute(false)).get('/api/boom').expect(500);
    expect(res.body.stack).toContain('database password is hunter2');
  });
});

describe('request log', () => {
  test('records method, URL and status but no header', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const state = fixtureState();
    const logged = createApp({ getState: () => state, logger, config: { production: true } });
    await request(logged).get('/healthz').set('Authorization', 'Bearer s3cret').expect(200);
    const entry = JSON.parse(lines.find((line) => line.includes('request completed')) ?? '{}');
    expect(entry.req).toEqual({ method: 'GET', url: '/healthz' });
    expect(entry.res).toEqual({ statusCode: 200 });
    expect(lines.join('')).not.toContain('s3cret');
  });
});
