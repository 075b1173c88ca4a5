import { describe, expect, test } from 'vitest';
import type { SearchQuery } from '../../src/model.ts';
import { createSearchIndex } from '../../src/search/index.ts';
import { buildArchive, SAMPLE } from './fixture.ts';

const index = createSearchIndex(buildArchive(SAMPLE));

function q(text: string, extra: Partial<SearchQuery> = {}): SearchQuery {
  return { q: text, topic: [], conference: [], year: [], speaker: [], page: 1, limit: 20, ...extra };
}

const ids = (text: string, extra: Partial<SearchQuery> = {}) =>
  index.search(q(text, extra)).hits.map((h) => h.id);

describe('ranking', () => {
  test.each([
    ['kafka', 'kafka-summit-2019/kafka-at-scale'],
    ['kafka tkachenko', 'kafka-summit-2019/exactly-once-semantics-in-practice'],
    ['tkachenko kafka', 'kafka-summit-2019/exactly-once-semantics-in-practice'],
    ['vacuum', 'pgconf-2020/vacuum-deep-dive'],
    ['vacu', 'pgconf-2020/vacuum-deep-dive'],
    ['gageot istio', 'dotscale-2018/istio-we-have-a-problem'],
    ['rust postgres', 'pgconf-2020/rust-extensions-for-postgres'],
    ['haproxy', 'dotscale-2019/load-balancing-with-haproxy'],
  ])('"%s" ranks %s first', (query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  test('a match in the title, speaker or topic ranks above a match in the notes only', () => {
    expect(ids('kafka').at(-1)).toBe('pgconf-2020/vacuum-deep-dive');
  });

  test('talks matching every word come before talks matching some, across fields', () => {
    const hits = ids('kafka tkachenko');
    expect(hits[0]).toBe('kafka-summit-2019/exactly-once-semantics-in-practice');
    expect(hits).toContain('pgconf-2020/rust-extensions-for-postgres');
    expect(hits).toContain('kafka-summit-2019/kafka-at-scale');
  });

  test('a handle finds the talks of its speaker', () => {
    expect(ids('@davidgageot')).toHaveLength(2);
  });

  test('an alias finds the talks of its topic', () => {
    expect(ids('k8s').sort()).toEqual([
      'dotscale-2018/istio-we-have-a-problem',
      'dotscale-2019/operators-for-stateful-workloads',
    ]);
  });

  test('a quoted phrase keeps only talks containing the words in that order', () => {
    expect(ids('"stick tables"')).toEqual(['dotscale-2019/load-balancing-with-haproxy']);
    expect(ids('"tables stick"')).toEqual([]);
  });

  test('stop words do not count against coverage', () => {
    expect(ids('the vacuum')[0]).toBe('pgconf-2020/vacuum-deep-dive');
  });
});

describe('typos and suggestions', () => {
  test.each([
    ['kubernets', 'kubernetes'],
    ['postgress', 'postgres'],
    ['haproy', 'haproxy'],
    ['tkachneko', 'tkachenko'],
  ])('"%s" finds talks and suggests "%s"', (query, fixed) => {
    const result = index.search(q(query));
    expect(result.total).toBeGreaterThan(0);
    if (result.total < 3) expect(result.suggestion).toBe(fixed);
  });

  test('a word matching nothing is corrected and the corrected query is suggested', () => {
    const result = index.search(q('haproy balancing'));
    expect(result.hits[0]?.id).toBe('dotscale-2019/load-balancing-with-haproxy');
    expect(result.suggestion).toBe('haproxy balancing');
  });

  test('a query that finds plenty has no suggestion', () => {
    expect(index.search(q('kafka')).suggestion).toBeNull();
  });

  test('gibberish finds nothing and suggests nothing', () => {
    const result = index.search(q('zzqxv'));
    expect(result).toMatchObject({ total: 0, hits: [], suggestion: null });
  });
});

describe('filters and facets', () => {
  test('several values of a filter are OR, filters are AND', () => {
    const both = ids('', { conference: ['pgconf-2020', 'kafka-summit-2019'] });
    expect(both).toHaveLength(4);
    expect(ids('', { conference: ['pgconf-2020', 'kafka-summit-2019'], topic: ['rust'] })).toEqual([
      'pgconf-2020/rust-extensions-for-postgres',
    ]);
  });

  test('facet counts are disjunctive: a selected facet still counts its other values', () => {
    const result = index.search(q('postgres', { conference: ['pgconf-2020'] }));
    expect(result.total).toBe(2);
    expect(result.facets.conference).toEqual([
      { id: 'pgconf-2020', name: 'PGConf 2020', count: 2 },
      { id: 'dotscale-2019', name: 'dotScale 2019', count: 1 },
    ]);
    expect(result.facets.topic.find((t) => t.id === 'kubernetes')).toBeUndefined();
    expect(result.facets.year).toEqual([{ id: '2020', name: '2020', count: 2 }]);
  });

  test('filters accept names, aliases, handles and series as well as ids', () => {
    expect(ids('', { topic: ['K8S'] })).toHaveLength(2);
    expect(ids('', { speaker: ['@davidgageot'] })).toHaveLength(2);
    expect(ids('', { conference: ['dotscale'] })).toHaveLength(4);
    expect(ids('', { year: [2019] })).toHaveLength(4);
  });

  test('an unknown filter value gives no matches rather than an error', () => {
    const result = index.search(q('kafka', { topic: ['no-such-topic'] }));
    expect(result.total).toBe(0);
    expect(result.facets.topic.map((t) => t.id)).toContain('kafka');
  });

  test('facet values are sorted by count', () => {
    const counts = index.search(q('')).facets.speaker.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('browsing and pagination', () => {
  test('an empty query lists every talk newest first, with facets', () => {
    const result = index.search(q('   '));
    expect(result.total).toBe(SAMPLE.length);
    expect(result.hits[0]?.conference.id).toBe('pgconf-2020');
    expect(result.facets.conference).toHaveLength(4);
  });

  test('a page past the end is empty, with the right total', () => {
    const result = index.search(q('', { page: 99, limit: 5 }));
    expect(result).toMatchObject({ total: SAMPLE.length, hits: [], page: 99 });
  });

  test('pages do not overlap and cover every result', () => {
    const pages = [1, 2, 3].flatMap((page) => index.search(q('', { page, limit: 3 })).hits.map((h) => h.id));
    expect(new Set(pages).size).toBe(SAMPLE.length);
  });

  test.each([
    [{ page: 1e308 }, { page: Number.MAX_SAFE_INTEGER, hits: [] }],
    [{ page: -3 }, { page: 1 }],
    [{ limit: 0 }, { limit: 1 }],
    [{ limit: 5000 }, { limit: 100 }],
    [
      { page: Number.NaN, limit: Number.NaN },
      { page: 1, limit: 20 },
    ],
  ])('page and limit are clamped: %o', (input, expected) => {
    expect(index.search(q('', input))).toMatchObject(expected);
  });

  test('any input is accepted: long, control characters, symbols', () => {
    const long = 'kafka '.repeat(500);
    expect(index.search(q(long)).query.length).toBeLessThanOrEqual(200);
    const cleaned = index.search(q('ka\u0000fka\u200b')).query;
    expect([...cleaned].some((c) => c === '\u0000' || c === '\u200b')).toBe(false);
    for (const text of ['"', '""', '((', '*', '\\', '<>', '🚀', 'c++', 'a"b"c']) {
      expect(() => index.search(q(text))).not.toThrow();
    }
  });
});

describe('hits', () => {
  test('a hit has the contract shape', () => {
    const [hit] = index.search(q('vacuum')).hits;
    expect(hit).toEqual({
      id: 'pgconf-2020/vacuum-deep-dive',
      url: '/talks/pgconf-2020/vacuum-deep-dive',
      title: 'Vacuum deep dive',
      speakers: [{ id: 'olga-petrova', name: 'Olga Petrova' }],
      conference: { id: 'pgconf-2020', name: 'PGConf', year: 2020 },
      topics: [{ id: 'postgresql', name: 'PostgreSQL' }],
      snippet: expect.stringContaining('autovacuum') as unknown as string,
      sources: [{ url: 'https://blog.example/pgconf-2020', anchor: 'vacuum-deep-dive' }],
    });
  });
});
