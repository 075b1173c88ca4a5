import { describe, expect, test } from 'vitest';
import type { Archive, SearchQuery } from '../../src/model.ts';
import {
  COMPACT_MIN,
  createSearchIndex,
  loadSearchIndex,
  SEARCH_CONFIG_HASH,
  SearchConfigMismatch,
  type SearchIndex,
} from '../../src/search/index.ts';
import { buildArchive, makeTalk, SAMPLE, type TalkSpec } from './fixture.ts';

function q(text: string, extra: Partial<SearchQuery> = {}): SearchQuery {
  return { q: text, topic: [], conference: [], year: [], speaker: [], page: 1, limit: 20, ...extra };
}

const QUERIES: SearchQuery[] = [
  ...[
    '',
    'kafka',
    'kafka tkachenko',
    'k8s',
    'kubernets',
    'haproy',
    'vacu',
    'postgres rust',
    '"stick tables"',
    'zzz',
    'the',
  ].map((text) => q(text)),
  q('postgres', { conference: ['pgconf-2020'] }),
  q('', { year: [2019], topic: ['kafka'] }),
  q('', { page: 2, limit: 3 }),
];

/** Through JSON, as the snapshot stores it. */
function roundTrip(index: SearchIndex, archive: Archive): SearchIndex {
  return loadSearchIndex(archive, JSON.parse(JSON.stringify(index.export())));
}

const EXTRA: TalkSpec = {
  conf: 'dotscale-2019',
  title: 'Zookeeper retirement party',
  speakers: ['Bob Stream'],
  topics: ['Kafka'],
  text: 'KRaft replaces zookeeper in Kafka clusters.',
};

describe('export and load', () => {
  const archive = buildArchive(SAMPLE);
  const built = createSearchIndex(archive);

  test('a loaded index answers every query exactly like the built one', () => {
    const loaded = roundTrip(built, archive);
    for (const query of QUERIES) expect(loaded.search(query)).toEqual(built.search(query));
    expect(loaded.related(archive.talks[0]!.id, 5)).toEqual(built.related(archive.talks[0]!.id, 5));
  });

  test('the export carries the configuration hash', () => {
    expect(built.export().configHash).toBe(SEARCH_CONFIG_HASH);
  });

  test('an index saved with another configuration is refused with what to run', () => {
    const saved = { ...built.export(), configHash: 'old' };
    expect(() => loadSearchIndex(archive, saved)).toThrow(SearchConfigMismatch);
    expect(() => loadSearchIndex(archive, saved)).toThrow(
      `saved search index has configuration "old" but this version uses "${SEARCH_CONFIG_HASH}": ` +
        'rebuild the snapshot by running "talks index"',
    );
  });

  test('an export without its talk table is refused', () => {
    const saved = built.export();
    delete saved.data.tables;
    expect(() => loadSearchIndex(archive, saved)).toThrow('saved search index has no readable talk table');
  });

  test('loading against a newer archive re-indexes what changed since the export', () => {
    const newer = buildArchive(
      [...SAMPLE.slice(1), EXTRA].map((s, i) => (i === 0 ? { ...s, text: 'Now about quorum.' } : s)),
    );
    const loaded = loadSearchIndex(newer, built.export());
    const fresh = createSearchIndex(newer);
    for (const query of [...QUERIES, q('quorum'), q('zookeeper'), q('istio'), q('idempotent')]) {
      expect(loaded.search(query)).toEqual(fresh.search(query));
    }
  });
});

describe('apply', () => {
  test.each([
    ['a built index', (a: Archive) => createSearchIndex(a)],
    ['a loaded index', (a: Archive) => roundTrip(createSearchIndex(a), a)],
  ])('adds, changes and removes talks in %s like a rebuild would', (_name, make) => {
    const index = make(buildArchive(SAMPLE));
    const specs = [...SAMPLE.slice(0, 6), { ...SAMPLE[6]!, title: 'Escaping the sandbox, revisited' }, EXTRA];
    const next = buildArchive(specs);
    const removed = [makeTalk(SAMPLE[6]!).id, makeTalk(SAMPLE[7]!).id];
    index.apply(next, [makeTalk(specs[6]!), makeTalk(EXTRA)], removed);
    const fresh = createSearchIndex(next);
    for (const query of [...QUERIES, q('zookeeper'), q('revisited'), q('pgrx'), q('escaping'), q('olga')]) {
      expect(index.search(query)).toEqual(fresh.search(query));
    }
  });

  test('a word only a removed talk had no longer matches, nor is suggested', () => {
    const index = createSearchIndex(buildArchive(SAMPLE));
    const gone = buildArchive(SAMPLE.slice(0, 4));
    index.apply(
      gone,
      [],
      SAMPLE.slice(4).map((s) => makeTalk(s).id),
    );
    expect(index.search(q('haproxy')).total).toBe(0);
    expect(index.search(q('haproy')).suggestion).toBeNull();
    expect(index.search(q('', { topic: ['haproxy'] })).total).toBe(0);
  });

  test('a large batch on a loaded index gives the same answers as a rebuild', () => {
    const many = Array.from({ length: 205 }, (_, i) => ({
      conf: 'pgconf-2020',
      title: `Replication trick number ${i}`,
      topics: ['PostgreSQL'],
      text: `Logical replication slot ${i}.`,
    }));
    const archive = buildArchive(SAMPLE);
    const index = roundTrip(createSearchIndex(archive), archive);
    const next = buildArchive([...SAMPLE, ...many]);
    index.apply(next, many.map(makeTalk), []);
    const fresh = createSearchIndex(next);
    for (const query of [...QUERIES, q('replication'), q('trick 7')]) {
      expect(index.search(query)).toEqual(fresh.search(query));
    }
  });
});

describe('compaction', () => {
  test('after many rewrites the index compacts in the background and answers as a rebuild', async () => {
    const archive = buildArchive(SAMPLE);
    const index = roundTrip(createSearchIndex(archive), archive);
    const talks = SAMPLE.map(makeTalk);
    for (let round = 0; round * talks.length <= COMPACT_MIN; round++) {
      index.apply(archive, talks, []);
      // Searches stay right while retired numbers pile up and while the rebuild runs.
      if (round % 97 === 0)
        expect(index.search(q('kafka'))).toEqual(createSearchIndex(archive).search(q('kafka')));
    }
    await (index as unknown as { idle(): Promise<void> }).idle();
    const fresh = createSearchIndex(archive);
    for (const query of QUERIES) expect(index.search(query)).toEqual(fresh.search(query));
    const saved = JSON.parse(index.export().data.tables ?? '{}') as { retired: number };
    expect(saved.retired).toBeLessThan(COMPACT_MIN);
    for (const query of QUERIES) expect(roundTrip(index, archive).search(query)).toEqual(fresh.search(query));
  });
});

describe('related', () => {
  const index = createSearchIndex(buildArchive(SAMPLE));

  test('the same speaker and shared topics come first, never the talk itself', () => {
    const related = index.related('dotscale-2018/istio-we-have-a-problem', 3).map((t) => t.id);
    expect(related[0]).toBe('dotscale-2019/operators-for-stateful-workloads');
    expect(related).not.toContain('dotscale-2018/istio-we-have-a-problem');
    expect(related).toEqual([
      'dotscale-2019/operators-for-stateful-workloads',
      'dotscale-2018/escaping-the-browser-sandbox',
    ]);
  });

  test('an unknown talk or a zero limit gives nothing', () => {
    expect(index.related('nope/nope', 5)).toEqual([]);
    expect(index.related('dotscale-2018/istio-we-have-a-problem', 0)).toEqual([]);
  });
});
