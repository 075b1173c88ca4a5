import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { AppState } from '../../src/server/state.ts';
import { fixtureArchive } from './fixture.ts';
import { fixtureState } from './harness.ts';

describe('swapping the state while serving', () => {
  test('the next request sees the new archive', async () => {
    let state = fixtureState();
    const app = createApp({
      getState: () => state,
      logger: pino({ level: 'silent' }),
      config: { production: false },
    });
    await request(app).get('/talks/streamconf-2018/crdts-for-offline-apps').expect(200);
    const archive = fixtureArchive();
    archive.talks = archive.talks.filter((talk) => talk.id !== 'streamconf-2018/crdts-for-offline-apps');
    state = fixtureState(archive);
    await request(app).get('/talks/streamconf-2018/crdts-for-offline-apps').expect(404);
    const health = await request(app).get('/healthz').expect(200);
    expect(health.body.counts.talks).toBe(5);
  });

  test('each request reads the state once', async () => {
    const state = fixtureState();
    let reads = 0;
    const getState = (): AppState => {
      reads += 1;
      return state;
    };
    const app = createApp({ getState, logger: pino({ level: 'silent' }), config: { production: false } });
    for (const path of [
      '/search?q=crdt',
      '/talks/cloudsummit-2019/kubernetes-operators',
      '/api/search?q=kafka',
    ]) {
      reads = 0;
      await request(app).get(path).expect(200);
      expect(reads, path).toBe(1);
    }
  });
});
