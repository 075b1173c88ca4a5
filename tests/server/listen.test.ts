import express from 'express';
import { describe, expect, test } from 'vitest';
import { listen } from '../../src/server/listen.ts';

describe('listen', () => {
  test('listens on 127.0.0.1 by default and answers', async () => {
    const app = express().get('/', (_req, res) => {
      res.send('ok');
    });
    const running = await listen(app, { port: 0, signals: [] });
    expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
    expect(await (await fetch(running.url)).text()).toBe('ok');
    await running.close();
  });

  test('a shutdown lets the request in flight finish and then refuses new connections', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const app = express().get('/slow', async (_req, res) => {
      arrived();
      await gate;
      res.send('finished');
    });
    const running = await listen(app, { port: 0, signals: [] });
    const inFlight = fetch(`${running.url}/slow`).then((res) => res.text());
    await started;
    const closed = running.close();
    release();
    expect(await inFlight).toBe('finished');
    await closed;
    await expect(fetch(`${running.url}/slow`)).rejects.toThrow();
  });

  test('closes on SIGTERM', async () => {
    const app = express();
    const running = await listen(app, { port: 0, signals: ['SIGTERM'] });
    const closed = new Promise<void>((resolve) => running.server.once('close', () => resolve()));
    process.emit('SIGTERM');
    await closed;
    expect(running.server.listening).toBe(false);
  });
});
