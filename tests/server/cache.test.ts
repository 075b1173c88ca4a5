import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, test } from 'vitest';
import type { Serving } from '../../src/commands/serve.ts';
import { AnswerCache } from '../../src/server/answer-cache.ts';
import { type Answer, answerOf } from '../../src/server/answers.ts';
import { createApp } from '../../src/server/app.ts';
import { tempDir, word, writePosts } from '../integration/posts.ts';
import { serve } from '../integration/server.ts';
import { fixtureArchive } from './fixture.ts';
import { fixtureApp, fixtureState } from './harness.ts';

const answer = (text: string): Answer => answerOf(text);

describe('the answer cache', () => {
  test('keeps an answer for its generation', () => {
    const cache = new AnswerCache({ entries: 10, bytes: 1000 });
    const generation = {};
    const kept = answer('{"total":1}');
    expect(cache.get(generation, 'q')).toBeUndefined();
    cache.set(generation, 'q', kept);
    expect(cache.get(generation, 'q')).toBe(kept);
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
  });

  test('forgets every answer when another generation asks', () => {
    const cache = new AnswerCache({ entries: 10, bytes: 1000 });
    cache.set({}, 'q', answer('old'));
    expect(cache.get({}, 'q')).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  test('drops the least recently used answer past the entry limit', () => {
    const cache = new AnswerCache({ entries: 2, bytes: 1000 });
    const generation = {};
    cache.set(generation, 'a', answer('a'));
    cache.set(generation, 'b', answer('b'));
    cache.get(generation, 'a');
    cache.set(generation, 'c', answer('c'));
    expect(cache.get(generation, 'b')).toBeUndefined();
    expect(cache.get(generation, 'a')?.body.toString()).toBe('a');
    expect(cache.get(generation, 'c')?.body.toString()).toBe('c');
  });

  test('stays within its byte limit, counting keys and bodies', () => {
    const cache = new AnswerCache({ entries: 100, bytes: 100 });
    const generation = {};
    for (let i = 0; i < 20; i++) cache.set(generation, `key-${i}`, answer('x'.repeat(15)));
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
    expect(cache.get(generation, 'key-19')).toBeDefined();
    expect(cache.get(generation, 'key-0')).toBeUndefined();
  });

  test('keeps nothing when its limits are zero', () => {
    const cache = new AnswerCache({ entries: 0, bytes: 0 });
    const generation = {};
    cache.set(generation, 'q', answer('x'));
    expect(cache.get(generation, 'q')).toBeUndefined();
  });
});

describe('cached search answers', () => {
  test('the same query answers the same body and ETag, and 304 when the client has it', async () => {
    const app = fixtureApp();
    const first = await request(app).get('/api/search?q=kafka').expect(200);
    const second = await request(app).get('/api/search?q=kafka').expect(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    await request(app)
      .get('/api/search?q=kafka')
      .set('If-None-Match', String(first.headers.etag))
      .expect(304);
  });

  test('filters given in another order or twice are the same query', async () => {
    const app = fixtureApp();
    const a = await request(app).get('/api/search?q=&topic=kafka&topic=crdt').expect(200);
    const b = await request(app).get('/api/search?topic=crdt&topic=kafka&topic=crdt').expect(200);
    expect(b.text).toBe(a.text);
    expect(a.body.total).toBeGreaterThan(0);
  });

  test('the search page and the feed revalidate with their ETag', async () => {
    // A fixed origin: the feed names its own address, and each supertest call has a new port.
    const state = fixtureState();
    const app = createApp({
      getState: () => state,
      logger: pino({ level: 'silent' }),
      config: { production: false, baseUrl: 'https://talks.example.org' },
    });
    for (const url of ['/search?q=crdt', '/search', '/feed.xml?q=crdt']) {
      const first = await request(app).get(url).expect(200);
      expect(first.headers.etag, url).toBeTruthy();
      const again = await request(app).get(url).expect(200);
      expect(again.text, url).toBe(first.text);
      expect(again.headers['content-security-policy'], url).toContain("default-src 'self'");
      await request(app).get(url).set('If-None-Match', String(first.headers.etag)).expect(304);
    }
  });

  test('a client that accepts compression gets a compressed copy of the same answer', async () => {
    const app = fixtureApp();
    const plain = await request(app).get('/search?q=kafka').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const coding of ['gzip', 'br']) {
      for (let i = 0; i < 2; i++) {
        const res = await request(app).get('/search?q=kafka').set('Accept-Encoding', coding).expect(200);
        expect(res.headers['content-encoding']).toBe(coding);
        expect(res.headers.vary).toBe('Accept-Encoding');
        expect(res.headers.etag).toBe(plain.headers.etag);
        expect(res.text).toBe(plain.text);
      }
    }
  });

  test('a swapped state is searched afresh', async () => {
    let state = fixtureState();
    const app = createApp({
      getState: () => state,
      logger: pino({ level: 'silent' }),
      config: { production: false },
    });
    const before = await request(app).get('/api/search?q=crdt').expect(200);
    expect(before.body.hits.map((hit: { id: string }) => hit.id)).toContain(
      'streamconf-2018/crdts-for-offline-apps',
    );
    const archive = fixtureArchive();
    archive.talks = archive.talks.filter((talk) => talk.id !== 'streamconf-2018/crdts-for-offline-apps');
    state = fixtureState(archive);
    const after = await request(app).get('/api/search?q=crdt').expect(200);
    expect(after.body.total).toBe(before.body.total - 1);
    const page = await request(app).get('/search?q=crdt').set('If-None-Match', String(before.headers.etag));
    expect(page.status).toBe(200);
  });
});

describe('cached answers while serving', () => {
  let server: Serving | null = null;
  let root = '';

  afterEach(async () => {
    await server?.close();
    server = null;
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('a query or page answered before a re-index sees the post the re-index added', async () => {
    root = await tempDir('cache');
    const postsDir = path.join(root, 'posts');
    await writePosts(postsDir, 0, 2);
    server = await serve({ postsDir, dataDir: path.join(root, 'data') });
    const ask = async (url: string) => (await fetch(`${server?.url}${url}`)).text();
    const q = encodeURIComponent(word(7));
    const api = `/api/search?q=${q}`;
    const page = `/search?q=${q}`;
    const feed = `/feed.xml?q=${q}`;
    expect(JSON.parse(await ask(api)).total).toBe(0);
    expect(await ask(page)).toContain('0 talks');
    expect(await ask(feed)).not.toContain('<entry>');
    expect(await ask('/')).toContain('6 talks from 2 conferences');
    expect(await ask('/conferences')).not.toContain(`${word(7)}conf`);

    await writePosts(postsDir, 7, 8);
    const report = await server.reindex();
    expect(report.posts.added).toHaveLength(1);

    expect(JSON.parse(await ask(api)).total).toBe(3);
    expect(await ask(page)).toContain('3 talks');
    expect(await ask(feed)).toContain('<entry>');
    expect(await ask('/')).toContain('9 talks from 3 conferences');
    expect(await ask('/conferences')).toContain(`${word(7)}conf`);
  });
});
