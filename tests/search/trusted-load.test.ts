import { describe, expect, test } from 'vitest';
import type { Archive, SearchQuery } from '../../src/model.ts';
import { createSearchIndex, loadSearchIndex, type SearchIndex } from '../../src/search/index.ts';
import { buildArchive, makeTalk, SAMPLE, type TalkSpec } from './fixture.ts';

function q(text: string, extra: Partial<SearchQuery> = {}): SearchQuery {
  return { q: text, topic: [], conference: [], year: [], speaker: [], page: 1, limit: 20, ...extra };
}

const QUERIES: SearchQuery[] = [
  ...['', 'kafka', 'kafka tkachenko', 'k8s', 'kubernets', 'postgres rust', '"stick tables"', 'quorum'].map(
    (text) => q(text),
  ),
  q('postgres', { conference: ['pgconf-2020'] }),
  q('', { year: [2019], topic: ['kafka'] }),
  q('', { speaker: ['olga'] }),
];

/** Through JSON, as the snapshot stores it. */
function trustedLoad(index: SearchIndex, archive: Archive): SearchIndex {
  return loadSearchIndex(archive, JSON.parse(JSON.stringify(index.export())), { trusted: true });
}

const CHANGED = 'Now all about quorum reads.';

describe('a trusted load', () => {
  const archive = buildArchive(SAMPLE);
  const built = createSearchIndex(archive);

  test('of the archive the index was saved with answers every query like the built index', () => {
    const loaded = trustedLoad(built, archive);
    for (const query of QUERIES) expect(loaded.search(query)).toEqual(built.search(query));
    const first = archive.talks[0]!.id;
    expect(loaded.related(first, 5)).toEqual(built.related(first, 5));
  });

  test('still checks a changed talk that is no longer at its saved position', () => {
    // A new talk first shifts every saved talk by one: none sits at its saved position.
    const extra: TalkSpec = { conf: 'dotscale-2019', title: 'Aaa first of all', topics: ['Rust'] };
    const specs = [extra, ...SAMPLE.map((s, i) => (i === 2 ? { ...s, text: CHANGED } : s))];
    const newer = buildArchive(specs);
    const loaded = trustedLoad(built, newer);
    const fresh = createSearchIndex(newer);
    for (const query of [...QUERIES, q('aaa'), q(makeTalk(SAMPLE[2]!).title)]) {
      expect(loaded.search(query)).toEqual(fresh.search(query));
    }
    expect(loaded.search(q('quorum')).hits.map((h) => h.id)).toContain(makeTalk(SAMPLE[2]!).id);
  });

  test('takes a talk under its saved id at its saved position as saved, even if its text changed', () => {
    // What `trusted` promises the caller checked: here it did not hold, and the change is missed.
    const newer = buildArchive(SAMPLE.map((s, i) => (i === 2 ? { ...s, text: CHANGED } : s)));
    expect(trustedLoad(built, newer).search(q('quorum')).total).toBe(0);
    expect(loadSearchIndex(newer, built.export()).search(q('quorum')).total).toBe(1);
  });

  test('takes in removed talks, and talks changed or removed right after the load', () => {
    const fewer = buildArchive(SAMPLE.slice(0, 5));
    const loaded = trustedLoad(built, fewer);
    // Before any query: the facet sets of the loaded talks are still being filled in.
    const specs = SAMPLE.slice(0, 4).map((s, i) => (i === 1 ? { ...s, topics: ['Rust'], text: CHANGED } : s));
    const next = buildArchive(specs);
    loaded.apply(next, [makeTalk(specs[1]!)], [makeTalk(SAMPLE[4]!).id]);
    const fresh = createSearchIndex(next);
    for (const query of [...QUERIES, q('', { topic: ['rust'] })]) {
      expect(loaded.search(query)).toEqual(fresh.search(query));
    }
  });
});

describe('apply', () => {
  test('re-indexes the talks of a speaker whose names changed with another talk', () => {
    const first: TalkSpec = { conf: 'dotscale-2018', title: 'Streams at scale', speakers: ['Jane Roe'] };
    const second: TalkSpec = { conf: 'pgconf-2020', title: 'Vacuum deep dive', speakers: ['Jane Roe'] };
    const before = buildArchive([first]);
    const index = createSearchIndex(before);
    const after = buildArchive([first, second]);
    after.speakers[0]!.aliases.push('Janette');
    index.apply(after, [makeTalk(second)], []);
    expect(index.search(q('janette')).hits.map((h) => h.title)).toEqual(
      createSearchIndex(after)
        .search(q('janette'))
        .hits.map((h) => h.title),
    );
    expect(index.search(q('janette')).total).toBe(2);
  });
});
