import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { fixtureApp } from './harness.ts';

const app = fixtureApp();

describe('GET /api/search', () => {
  test('answers the contract shape with hits, facets and suggestion', async () => {
    const res = await request(app)
      .get('/api/search?q=crdt&year=2019')
      .expect(200)
      .expect('Content-Type', /json/);
    expect(Object.keys(res.body).sort()).toEqual([
      'facets',
      'hits',
      'limit',
      'page',
      'query',
      'suggestion',
      'total',
    ]);
    expect(res.body).toMatchObject({ query: 'crdt', total: 2, page: 1, limit: 20, suggestion: null });
    expect(Object.keys(res.body.hits[0]).sort()).toEqual([
      'conference',
      'id',
      'snippet',
      'sources',
      'speakers',
      'title',
      'topics',
      'url',
    ]);
    expect(res.body.hits[0].conference).toEqual({ id: 'cloudsummit-2019', name: 'Cloud Summit', year: 2019 });
    expect(Object.keys(res.body.facets).sort()).toEqual(['conference', 'speaker', 'topic', 'year']);
    expect(res.headers['cache-control']).toBe('public, max-age=5');
  });

  test('accepts a filter given several times', async () => {
    const res = await request(app).get('/api/search?topic=kafka&topic=kubernetes').expect(200);
    expect(res.body.total).toBe(4);
  });

  test.each([
    ['page=abc', 'page'],
    ['page=0', 'page'],
    ['limit=1000', 'limit'],
    ['year=abcd', 'year'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['topic=', 'topic'],
    ['speaker=a&speaker=', 'speaker'],
  ])('answers 400 naming the parameter for %s', async (query, parameter) => {
    const res = await request(app).get(`/api/search?${query}`).expect(400).expect('Content-Type', /json/);
    expect(res.body.parameter).toBe(parameter);
    expect(res.body.error).toMatch(new RegExp(`^parameter "${parameter}" `));
  });
});

describe('GET /api/talks/:conferenceId/:talkSlug', () => {
  test('answers the talk with its speakers, topics, sources and related talks', async () => {
    const res = await request(app).get('/api/talks/cloudsummit-2019/kubernetes-operators').expect(200);
    expect(res.body).toMatchObject({
      id: 'cloudsummit-2019/kubernetes-operators',
      url: '/talks/cloudsummit-2019/kubernetes-operators',
      title: 'Writing Kubernetes operators',
      kind: 'talk',
      conference: { id: 'cloudsummit-2019', name: 'Cloud Summit', year: 2019 },
      speakers: [
        { id: 'ada-lane', name: 'Ada Lane' },
        { id: 'carl-ortiz', name: 'Carl Ortiz' },
      ],
      topics: [{ id: 'kubernetes', name: 'Kubernetes' }],
    });
    expect(res.body.sources).toHaveLength(2);
    expect(res.body.related.map((t: { id: string }) => t.id)).toContain(
      'cloudsummit-2019/crdt-sync-at-scale',
    );
  });

  test('drops a source URL that is not http(s)', async () => {
    const res = await request(app).get('/api/talks/devdays-2019/hostile').expect(200);
    expect(res.body.sources[0].url).toBeNull();
    const search = await request(app).get('/api/search?q=hostile').expect(200);
    expect(search.body.hits[0].sources).toEqual([{ url: null, anchor: null }]);
  });

  test('answers 404 JSON for an unknown talk even when HTML is preferred', async () => {
    const res = await request(app)
      .get('/api/talks/x/y')
      .set('Accept', 'text/html')
      .expect(404)
      .expect('Content-Type', /json/);
    expect(res.body).toEqual({ error: 'talk not found' });
  });

  test('redirects a moved talk to its new API URL and answers 410 for a removed one', async () => {
    const moved = await request(app).get('/api/talks/streamconf-2018/kafka-registry').expect(301);
    expect(moved.headers.location).toBe('/api/talks/streamconf-2018/kafka-schema-registry');
    await request(app)
      .get('/api/talks/streamconf-2018/removed-talk')
      .expect(410)
      .expect('Content-Type', /json/);
  });
});

describe('entity endpoints', () => {
  test.each([
    ['conferences', 'devdays-2019', 2],
    ['speakers', 'bo-chen', 2],
    ['topics', 'crdt', 3],
  ])(
    '/api/%s lists entities with talk counts, and one of them (%s) with its talks',
    async (kind, id, count) => {
      const list = await request(app).get(`/api/${kind}`).expect(200);
      const entry = list.body[kind].find((e: { id: string }) => e.id === id);
      expect(entry.talkCount).toBe(count);
      expect(entry.talkIds).toBeUndefined();
      const one = await request(app).get(`/api/${kind}/${id}`).expect(200);
      expect(one.body.talks).toHaveLength(count);
      expect(one.body.talks[0].url).toMatch(/^\/talks\//);
      await request(app).get(`/api/${kind}/nope`).expect(404).expect('Content-Type', /json/);
    },
  );

  test('an unknown API path answers 404 JSON', async () => {
    const res = await request(app).get('/api/nothing').expect(404).expect('Content-Type', /json/);
    expect(res.body).toEqual({ error: 'resource not found' });
  });
});

describe('GET /healthz', () => {
  test('answers 200 with the counts of the loaded archive', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      counts: { talks: 6, conferences: 3, speakers: 5, topics: 3, posts: 0 },
    });
  });
});

describe('content negotiation', () => {
  test('a page 404 answers JSON to a client that asks for JSON', async () => {
    const res = await request(app).get('/no/such/page').set('Accept', 'application/json').expect(404);
    expect(res.body).toEqual({ error: 'page not found' });
  });
});
