import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { SearchQuery } from '../../src/model.ts';
import { createSearchIndex } from '../../src/search/index.ts';
import { buildArchive, SAMPLE } from './fixture.ts';

const index = createSearchIndex(buildArchive(SAMPLE));

describe('any request', () => {
  test('never throws, and pages are consistent with the total', () => {
    const words = fc.constantFrom('kafka', 'k8s', 'haproy', '"stick tables"', 'the', 'c++', '<script>', '');
    const request = fc.record({
      q: fc.oneof(
        fc.string({ maxLength: 300 }),
        words,
        fc.array(words).map((w) => w.join(' ')),
      ),
      topic: fc.array(fc.oneof(fc.string(), fc.constantFrom('kafka', 'kubernetes', 'k8s'))),
      conference: fc.array(fc.oneof(fc.string(), fc.constantFrom('dotscale', 'pgconf-2020'))),
      year: fc.array(fc.oneof(fc.integer(), fc.constantFrom(2018, 2019))),
      speaker: fc.array(fc.string()),
      page: fc.oneof(fc.integer(), fc.double()),
      limit: fc.oneof(fc.integer(), fc.double()),
    });
    fc.assert(
      fc.property(request, (query: SearchQuery) => {
        const result = index.search(query);
        expect(result.hits.length).toBeLessThanOrEqual(result.limit);
        expect(result.limit).toBeGreaterThanOrEqual(1);
        expect(result.limit).toBeLessThanOrEqual(100);
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
        expect(result.query.length).toBeLessThanOrEqual(200);
        for (const hit of result.hits) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('spelling', () => {
  test('a title that only sounds like the word ranks below notes that spell it', () => {
    const sounds = createSearchIndex(
      buildArchive([
        { conf: 'dotscale-2018', title: 'Node.js tips', text: 'Event loop internals.' },
        { conf: 'dotscale-2018', title: 'Components', text: 'We wrote JSX everywhere.' },
      ]),
    );
    const result = sounds.search({
      q: 'jsx',
      topic: [],
      conference: [],
      year: [],
      speaker: [],
      page: 1,
      limit: 5,
    });
    expect(result.hits.map((h) => h.title)).toEqual(['Components', 'Node.js tips']);
  });
});
