import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { fixtureApp } from './harness.ts';

const app = fixtureApp();

describe('GET /feed.xml', () => {
  test('lists the newest talks of the whole archive as Atom', async () => {
    const res = await request(app)
      .get('/feed.xml')
      .expect(200)
      .expect('Content-Type', /application\/atom\+xml/);
    expect(res.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(res.text.match(/<entry>/g)).toHaveLength(6);
    expect(res.text.indexOf('devdays-2019/')).toBeLessThan(res.text.indexOf('streamconf-2018/'));
  });

  test('lists only the talks matching a search, newest first', async () => {
    const res = await request(app).get('/feed.xml?q=crdt').expect(200);
    const titles = [...res.text.matchAll(/<entry><id>[^<]*<\/id><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['Local-first software', 'CRDT sync at scale', 'CRDTs for offline apps']);
    expect(res.text).toContain('<title>Talk Archive: crdt</title>');
  });

  test('follows the filters of a topic page', async () => {
    const res = await request(app).get('/feed.xml?topic=kubernetes').expect(200);
    expect(res.text.match(/<entry>/g)).toHaveLength(2);
  });

  test('answers 400 for a bad parameter', async () => {
    const res = await request(app).get('/feed.xml?year=20x9').expect(400);
    expect(res.body.parameter).toBe('year');
  });
});

describe('GET /opensearch.xml', () => {
  test('describes the search URL template', async () => {
    const res = await request(app)
      .get('/opensearch.xml')
      .expect(200)
      .expect('Content-Type', /opensearchdescription\+xml/);
    expect(res.text).toMatch(/template="http:\/\/127\.0\.0\.1:\d+\/search\?q=\{searchTerms\}"/);
  });
});

describe('GET /sitemap.xml', () => {
  test('lists every talk and entity page', async () => {
    const res = await request(app).get('/sitemap.xml').expect(200).expect('Content-Type', /xml/);
    expect(res.text).toContain('/talks/cloudsummit-2019/kubernetes-operators</loc>');
    expect(res.text).toContain('/topics/crdt</loc>');
    expect(res.text.match(/<url>/g)).toHaveLength(4 + 6 + 3 + 5 + 3);
  });
});
