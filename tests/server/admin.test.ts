import pino from 'pino';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import type { Archive, SearchQuery } from '../../src/model.ts';
import type { ArchiveSearch } from '../../src/search/types.ts';
import { createAdminRouter } from '../../src/server/admin.ts';
import { createApp } from '../../src/server/app.ts';
import { createAppState } from '../../src/server/state.ts';

const EMPTY: Archive = { conferences: [], talks: [], speakers: [], topics: [], posts: [] };

/** A search over nothing: these tests are about the admin route, not about results. */
const NO_RESULTS: ArchiveSearch = {
  search: (query: SearchQuery) => ({
    query: query.q,
    total: 0,
    page: query.page,
    limit: query.limit,
    hits: [],
    facets: { topic: [], conference: [], year: [], speaker: [] },
    suggestion: null,
  }),
  related: () => [],
};

function appWith(token: string | null, limit = 10) {
  let runs = 0;
  const adminRouter = createAdminRouter({
    token,
    limit,
    reindex: async () => ({ run: ++runs, added: [], changed: [], removed: [] }),
  });
  const state = createAppState(EMPTY, NO_RESULTS);
  const app = createApp({
    getState: () => state,
    logger: pino({ level: 'silent' }),
    config: { production: true, adminRouter },
  });
  return { app, runs: () => runs };
}

describe('POST /api/reindex', () => {
  test('does not exist when no admin token is configured', async () => {
    const { app, runs } = appWith(null);
    await request(app).post('/api/reindex').set('Authorization', 'Bearer anything').expect(404);
    expect(runs()).toBe(0);
  });

  test('answers 401 without a token', async () => {
    const { app, runs } = appWith('s3cret-token');
    const res = await request(app).post('/api/reindex').expect(401);
    expect(res.headers['www-authenticate']).toContain('Bearer');
    expect(res.body.error).toMatch(/admin token/);
    expect(runs()).toBe(0);
  });

  test('answers 401 with a wrong token, whatever its length', async () => {
    const { app, runs } = appWith('s3cret-token');
    for (const wrong of ['s3cret-tokeN', 'x', 's3cret-token-and-more']) {
      await request(app).post('/api/reindex').set('Authorization', `Bearer ${wrong}`).expect(401);
    }
    await request(app).post('/api/reindex').set('Authorization', 'Basic s3cret-token').expect(401);
    expect(runs()).toBe(0);
  });

  test('re-indexes and answers the report with the right token', async () => {
    const { app, runs } = appWith('s3cret-token');
    const res = await request(app)
      .post('/api/reindex')
      .set('Authorization', 'Bearer s3cret-token')
      .expect(200)
      .expect('Content-Type', /json/);
    expect(res.body).toEqual({ run: 1, added: [], changed: [], removed: [] });
    expect(runs()).toBe(1);
  });

  test('limits the number of requests a client can make', async () => {
    const { app } = appWith('s3cret-token', 3);
    for (let i = 0; i < 3; i++) await request(app).post('/api/reindex').expect(401);
    const res = await request(app).post('/api/reindex').set('Authorization', 'Bearer s3cret-token');
    expect(res.status).toBe(429);
  });

  test('is only a POST', async () => {
    const { app } = appWith('s3cret-token');
    await request(app).get('/api/reindex').set('Authorization', 'Bearer s3cret-token').expect(404);
  });
});
