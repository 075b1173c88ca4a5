import { describe, expect, test } from 'vitest';
import type { Archive, SearchQuery } from '../../src/model.ts';
import {
  COMPACT_MIN,
  createSearchIndex,
  loadSearchIndex,
  type SearchCapture,
  type SearchExport,
  type SearchIndex,
} from '../../src/search/index.ts';
import { buildArchive, makeTalk, SAMPLE, type TalkSpec } from './fixture.ts';

function q(text: string): SearchQuery {
  return { q: text, topic: [], conference: [], year: [], speaker: [], page: 1, limit: 20 };
}

const QUERIES = ['', 'kafka', 'k8s', 'kubernets', 'postgres rust', '"stick tables"', 'zookeeper', 'repl'].map(
  q,
);

/** What a snapshot writer does with a capture: every chunk's pieces, in order. */
function serialise(capture: SearchCapture): SearchExport {
  const data: Record<string, string> = {};
  for (const chunk of capture.chunks) data[chunk.key] = [...chunk.pieces()].join('');
  return { configHash: capture.configHash, data };
}

const load = (archive: Archive, saved: SearchExport) =>
  loadSearchIndex(archive, JSON.parse(JSON.stringify(saved)));

const EXTRA: TalkSpec[] = [
  {
    conf: 'dotscale-2019',
    title: 'Zookeeper retirement party',
    speakers: ['Bob Stream'],
    topics: ['Kafka'],
    text: 'KRaft replaces zookeeper in Kafka clusters.',
  },
  { conf: 'pgconf-2020', title: 'Replication slots', topics: ['PostgreSQL'], text: 'Logical replication.' },
];

/** Adds EXTRA, rewrites the first talk's notes and removes the second talk. */
function edit(index: SearchIndex): Archive {
  const [first, , ...rest] = SAMPLE;
  const changed = { ...first!, text: `${first!.text ?? ''} Now with kafka and zookeeper.` };
  const archive = buildArchive([changed, ...rest, ...EXTRA]);
  const removed = makeTalk(SAMPLE[1]!).id;
  index.apply(archive, [makeTalk(changed), ...EXTRA.map(makeTalk)], [removed]);
  return archive;
}

describe('a capture of the index', () => {
  const archive = buildArchive(SAMPLE);

  test('serialises to the export taken at the same moment', () => {
    const index = createSearchIndex(archive);
    expect(serialise(index.capture())).toEqual(index.export());
  });

  test('serialised after later writes, holds the index as it was when taken', () => {
    const index = createSearchIndex(archive);
    const before = index.export();
    const capture = index.capture();
    edit(index);
    expect(serialise(capture)).toEqual(before);
    const loaded = load(archive, serialise(capture));
    const fresh = createSearchIndex(archive);
    for (const query of QUERIES) expect(loaded.search(query)).toEqual(fresh.search(query));
  });

  test('of a loaded index, copies the saved lists and still leaves out later writes', () => {
    const loaded = load(archive, createSearchIndex(archive).export());
    const before = loaded.export();
    const capture = loaded.capture();
    const edited = edit(loaded);
    expect(serialise(capture)).toEqual(before);
    // Read twice, after more writes, it is the same.
    edit(loaded);
    expect(serialise(capture)).toEqual(before);
    const fresh = createSearchIndex(edited);
    for (const query of QUERIES)
      expect(load(edited, loaded.export()).search(query)).toEqual(fresh.search(query));
  });

  test('taken before a compaction, is not changed by it', async () => {
    const index = load(archive, createSearchIndex(archive).export());
    const capture = index.capture();
    const before = index.export();
    const talks = SAMPLE.map(makeTalk);
    for (let round = 0; round * talks.length <= COMPACT_MIN; round++) index.apply(archive, talks, []);
    await (index as unknown as { idle(): Promise<void> }).idle();
    expect(serialise(capture)).toEqual(before);
  });
});
