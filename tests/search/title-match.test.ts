import { describe, expect, test } from 'vitest';
import type { SearchQuery } from '../../src/model.ts';
import { createSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import { buildArchive, type TalkSpec } from './fixture.ts';

const TALKS: TalkSpec[] = [
  { conf: 'pgconf-2020', title: 'Streaming replication tips and tricks for operators', date: '2020-02-05' },
  { conf: 'pgconf-2020', title: 'Streams', date: '2020-02-04' },
  { conf: 'pgconf-2020', title: 'Streamlined backups', date: '2020-02-03' },
  { conf: 'pgconf-2020', title: 'Stream processing', speakers: ['Ada Streamer'], date: '2020-02-02' },
];

const q = (text: string): SearchQuery => ({
  q: text,
  topic: [],
  conference: [],
  year: [],
  speaker: [],
  page: 1,
  limit: 20,
});
const archive = buildArchive(TALKS);
const built = createSearchIndex(archive);
const loaded = loadSearchIndex(archive, JSON.parse(JSON.stringify(built.export())));
const titles = (index: typeof built, text: string) => index.search(q(text)).hits.map((h) => h.title);

describe.each([
  ['a built index', built],
  ['a loaded index', loaded],
])('title matches in %s', (_, index) => {
  test('a whole title word ranks above a title word that only starts with the query', () => {
    const hits = titles(index, 'stream');
    expect(hits.indexOf('Streamlined backups')).toBeGreaterThan(hits.indexOf('Stream processing'));
  });

  test('among whole-word matches a short title ranks above a long one', () => {
    const hits = titles(index, 'streams');
    expect(hits.indexOf('Streams')).toBeLessThan(
      hits.indexOf('Streaming replication tips and tricks for operators'),
    );
  });

  test('a prefix being typed ranks first the title or speaker starting with it', () => {
    expect(titles(index, 'streamli')[0]).toBe('Streamlined backups');
    expect(titles(index, 'streame')[0]).toBe('Stream processing');
  });
});
