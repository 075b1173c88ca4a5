import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { ENTITY_PAGE_TALKS } from '../../src/server/routes/pages.ts';
import { fixtureArchive } from './fixture.ts';
import { fixtureApp, fixtureState } from './harness.ts';

const app = fixtureApp();

describe('home page', () => {
  test('shows the search box, newest conferences, popular topics and counts', async () => {
    const res = await request(app).get('/').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain(
      '<form class="search-form" id="search-form" role="search" action="/search" method="get">',
    );
    expect(res.text).toContain('6 talks from 3 conferences by 5 speakers');
    expect(res.text.indexOf('DevDays 2019')).toBeLessThan(res.text.indexOf('StreamConf 2018'));
    expect(res.text).toContain('href="/topics/crdt">CRDT <span class="count">3</span>');
    expect(res.text).toContain('<link rel="search" type="application/opensearchdescription+xml"');
  });
});

describe('search page', () => {
  test('lists hits from several conferences with facets, snippets and recap links', async () => {
    const res = await request(app).get('/search?q=crdt').expect(200);
    expect(res.text).toContain('3 talks for “crdt”');
    for (const conf of ['StreamConf 2018', 'Cloud Summit 2019', 'DevDays 2019'])
      expect(res.text).toContain(conf);
    expect(res.text).toContain('href="/talks/cloudsummit-2019/crdt-sync-at-scale?q=crdt"');
    expect(res.text).toContain('Running <mark>CRDT</mark> based sync');
    expect(res.text).toContain(
      'href="/search?q=crdt&amp;year=2019"><span class="facet-name">2019</span> <span class="count">2</span>',
    );
    expect(res.text).toContain('href="https://blog.example.org/cloudsummit-2019#crdt-sync-at-scale"');
    expect(res.text).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  test('links a source without a URL to the talk page section that holds its notes', async () => {
    const res = await request(app).get('/search?q=local').expect(200);
    expect(res.text).toContain('href="/talks/devdays-2019/local-first-software#source-1"');
  });

  test('marks an active facet and keeps the filter in the form and in the toggle links', async () => {
    const res = await request(app).get('/search?q=crdt&year=2019').expect(200);
    expect(res.text).toContain('2 talks for “crdt”');
    expect(res.text).toContain('<input type="hidden" name="year" value="2019">');
    expect(res.text).toMatch(/class="facet-value active" href="\/search\?q=crdt" aria-current="true"/);
    expect(res.text).toContain('Clear all filters');
  });

  test('offers the suggestion as a link when the query looks misspelt', async () => {
    const res = await request(app).get('/search?q=kubernets').expect(200);
    expect(res.text).toContain('Did you mean <a href="/search?q=kubernetes">kubernetes</a>?');
  });

  test('explains what to try when nothing matches', async () => {
    const res = await request(app).get('/search?q=operators&topic=kafka').expect(200);
    expect(res.text).toContain('No talks found');
    expect(res.text).toContain('href="/search?q=operators">Search again without the filters');
  });

  test('paginates with links that keep the query', async () => {
    const res = await request(app).get('/search?q=&topic=crdt&limit=1&page=2').expect(200);
    expect(res.text).toContain('<span aria-current="page">2</span>');
    expect(res.text).toContain('href="/search?topic=crdt&amp;page=3&amp;limit=1">Next</a>');
    expect(res.text).toContain('href="/search?topic=crdt&amp;limit=1">Previous</a>');
  });

  test('shows an invitation and no results before anything is typed', async () => {
    const res = await request(app).get('/search').expect(200);
    expect(res.text).toContain('Type a topic');
  });

  test('answers 400 with a page naming the parameter for a bad page number', async () => {
    const res = await request(app).get('/search?q=x&page=abc').set('Accept', 'text/html').expect(400);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toContain('parameter &#34;page&#34; must be a whole number');
  });
});

describe('talk page', () => {
  const path = '/talks/cloudsummit-2019/kubernetes-operators';

  test('shows title, speakers, conference, kind, topics, every source and related talks', async () => {
    const res = await request(app).get(path).expect(200);
    expect(res.text).toContain('<h1 id="talk-title">Writing Kubernetes operators</h1>');
    expect(res.text).toContain(
      'By <a href="/speakers/ada-lane">Ada Lane</a>, <a href="/speakers/carl-ortiz">Carl Ortiz</a>',
    );
    expect(res.text).toContain(
      '<a href="/conferences/cloudsummit-2019">Cloud Summit 2019</a> <span class="kind">talk</span>',
    );
    expect(res.text).toContain('Cloud Summit day one');
    expect(res.text).toContain('My notes from Cloud Summit');
    expect(res.text).toContain('href="https://blog.example.org/cloud-summit#kubernetes-operators"');
    expect(res.text).toContain(
      'href="https://notes.example.net/cs19#:~:text=A%20second%20look%20at%20operators"',
    );
    expect(res.text).toContain('Related talks');
    expect(res.text).toContain('href="/talks/cloudsummit-2019/crdt-sync-at-scale"');
  });

  test('highlights the terms of ?q= in the notes', async () => {
    const res = await request(app).get(`${path}?q=operators+database`).expect(200);
    expect(res.text).toContain(
      '<mark>Operators</mark> encode the knowledge of running a <mark>database</mark>',
    );
  });

  test('declares a canonical URL, Open Graph tags and schema.org JSON-LD', async () => {
    const res = await request(app).get(`${path}?q=x`).expect(200);
    const origin = res.text.match(/<link rel="canonical" href="(http:\/\/127\.0\.0\.1:\d+)\/talks/)?.[1];
    expect(origin).toBeDefined();
    expect(res.text).toContain(`<meta property="og:url" content="${origin}${path}">`);
    expect(res.text).toContain('<meta property="og:title" content="Writing Kubernetes operators">');
    const json = res.text.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '';
    const data = JSON.parse(json);
    expect(data['@type']).toBe('Event');
    expect(data.performer.map((p: { name: string }) => p.name)).toEqual(['Ada Lane', 'Carl Ortiz']);
    expect(data.superEvent).toMatchObject({ '@type': 'Event', name: 'Cloud Summit 2019' });
  });

  test('answers 301 to the new URL for a talk whose id changed', async () => {
    const res = await request(app).get('/talks/streamconf-2018/kafka-registry?q=kafka').expect(301);
    expect(res.headers.location).toBe('/talks/streamconf-2018/kafka-schema-registry?q=kafka');
  });

  test('answers 410 for a removed talk, as a page or as JSON', async () => {
    const page = await request(app)
      .get('/talks/streamconf-2018/removed-talk')
      .set('Accept', 'text/html')
      .expect(410);
    expect(page.text).toContain('<h1>Gone</h1>');
    const json = await request(app)
      .get('/talks/streamconf-2018/removed-talk')
      .set('Accept', 'application/json')
      .expect(410);
    expect(json.body).toEqual({ error: 'this talk was removed from the archive' });
  });

  test('answers 404 for an unknown talk', async () => {
    const res = await request(app).get('/talks/streamconf-2018/nope').set('Accept', 'text/html').expect(404);
    expect(res.text).toContain('talk not found');
  });
});

describe('listing pages', () => {
  test.each([
    [
      '/conferences',
      'href="/conferences/cloudsummit-2019">Cloud Summit 2019</a> <span class="count">2 talks</span>',
    ],
    ['/speakers', 'href="/speakers/bo-chen">Bo Chen</a> <span class="count">2 talks</span>'],
    ['/topics', 'href="/topics/kubernetes">Kubernetes</a> <span class="count">2 talks</span>'],
    ['/conferences/devdays-2019', 'href="/talks/devdays-2019/local-first-software"'],
    ['/speakers/ada-lane', 'href="/talks/streamconf-2018/kafka-schema-registry"'],
    ['/topics/kubernetes', 'Also known as k8s, kube'],
  ])('%s lists its entries with counts and links', async (path, expected) => {
    const res = await request(app).get(path).expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain(expected);
  });

  test('a topic with more talks than a page lists the first ones and links the search', async () => {
    const archive = fixtureArchive();
    const topic = archive.topics.find((t) => t.id === 'kubernetes');
    const model = archive.talks.find((t) => t.topicIds.includes('kubernetes'));
    if (!topic || !model) throw new Error('the fixture lost its Kubernetes talks');
    const copies = Array.from({ length: ENTITY_PAGE_TALKS }, (_, i) => ({
      ...model,
      id: `${model.conferenceId}/copy-${i}`,
      title: `Copy number ${i}`,
    }));
    archive.talks.push(...copies);
    topic.talkIds.push(...copies.map((copy) => copy.id));
    const big = fixtureApp({ state: fixtureState(archive) });
    const res = await request(big).get('/topics/kubernetes').expect(200);
    const total = ENTITY_PAGE_TALKS + 2;
    expect(res.text).toContain(`${total} talks · <a href="/search?topic=kubernetes">`);
    expect(res.text.match(/class="talk-item"/g)).toHaveLength(ENTITY_PAGE_TALKS);
    expect(res.text).toContain(`The first ${ENTITY_PAGE_TALKS} of ${total} talks.`);
    expect(res.text).not.toContain(`Copy number ${ENTITY_PAGE_TALKS - 1}<`);
  });

  test('a topic page links its Atom feed', async () => {
    const res = await request(app).get('/topics/crdt').expect(200);
    expect(res.text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="CRDT (Atom)" href="/feed.xml?topic=crdt">',
    );
  });

  test.each(['/conferences/nope', '/speakers/nope', '/topics/nope', '/no/such/page'])(
    '%s answers 404',
    async (path) => {
      const res = await request(app)
        .get(path)
        .set('Accept', 'text/html')
        .expect(404)
        .expect('Content-Type', /html/);
      expect(res.text).toContain('<h1>Not found</h1>');
    },
  );
});
