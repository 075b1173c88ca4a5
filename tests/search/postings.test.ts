import fc from 'fast-check';
import type { Document } from 'flexsearch';
import { describe, expect, test } from 'vitest';
import { createDocument, createEncoders, FIELDS, type IndexedDoc } from '../../src/search/config.ts';
import { addDocument } from '../../src/search/postings.ts';
import { PostingsBuilder } from '../../src/search/postings-builder.ts';
import { exportPostings } from '../../src/search/postings-file.ts';
import { importPostings } from '../../src/search/saved-postings.ts';

/** Every field's term -> posting lists, in map order, and the register, in insertion order. */
function contents(doc: Document<IndexedDoc>) {
  const inner = doc as unknown as { reg: Set<number>; index: Map<string, { map: Map<string, unknown> }> };
  return {
    reg: [...inner.reg],
    fields: FIELDS.map(({ field }) => [...inner.index.get(field)!.map]),
  };
}

const word = fc.oneof(
  fc.constantFrom('kafka', 'Kafkas', 'kube', 'Kubernetes', 'the', 'a', 'x', 'running', 'runs', 'Zoë'),
  fc.constantFrom('Ørsted', 'naïve', 'C++', '.NET', 'v20', '12345', 'abc1234', 'cannot', "don't", '日本語'),
  fc.string({ maxLength: 8 }),
);
const text = fc.array(word, { maxLength: 30 }).map((words) => words.join(' '));
const docs = fc.array(
  fc.record({ title: text, speakers: text, topics: text, conference: text, notes: text }),
  { maxLength: 12 },
);

type Fields = Pick<IndexedDoc, 'title' | 'speakers' | 'topics' | 'conference' | 'notes'>;

function numbered(fields: Fields[]): IndexedDoc[] {
  return fields.map((f, i) => ({ id: i * 3 + 1, ...f }));
}

/**
 * Adds with encoders of their own. FlexSearch's encoder cache ignores the dedupe flag and is
 * only consulted for 50 ms after a first use, so the same text encoded twice through one
 * encoder can give other terms (FlexSearch's own `add` into two documents sharing an encoder
 * does it: "a AA" gives nothing, then "a"). The index never shares encoders (config.ts); these
 * tests compare two indexes, so neither may see the other's encoding history.
 */
function addFresh(doc: Document<IndexedDoc>, talk: IndexedDoc): void {
  addDocument(doc, createEncoders(), talk);
}

describe('postings written directly', () => {
  test('are what FlexSearch itself makes of the same talks, added one by one or in bulk', () => {
    fc.assert(
      fc.property(docs, (fields) => {
        const talks = numbered(fields);
        const expected = createDocument(createEncoders());
        for (const talk of talks) expected.add(talk);
        const encoders = createEncoders();
        const oneByOne = createDocument(encoders);
        for (const talk of talks) addDocument(oneByOne, encoders, talk);
        const bulk = new PostingsBuilder(createEncoders());
        for (const talk of talks) bulk.add(talk);
        const built = createDocument(createEncoders());
        bulk.finish(built);
        expect(contents(oneByOne)).toEqual(contents(expected));
        expect(contents(built)).toEqual(contents(expected));
      }),
      { numRuns: 200 },
    );
  });

  test('come back from an export unchanged, and FlexSearch finds the same talks in them', () => {
    fc.assert(
      fc.property(docs, (fields) => {
        const doc = createDocument(createEncoders());
        for (const talk of numbered(fields)) addFresh(doc, talk);
        const loaded = createDocument(createEncoders());
        importPostings(loaded, JSON.parse(JSON.stringify(exportPostings(doc))));
        // Searched first (lists decoded one by one as looked up), then read whole.
        for (const query of ['kafka', 'kub', 'run', 'zoe', '123']) {
          expect(loaded.search(query, { limit: 1000 })).toEqual(doc.search(query, { limit: 1000 }));
        }
        expect(contents(loaded)).toEqual(contents(doc));
      }),
      { numRuns: 100 },
    );
  });

  test('take writes after a load, before or after their lists are read, like the original index', () => {
    fc.assert(
      fc.property(docs, docs, fc.boolean(), (before, after, readFirst) => {
        const talks = numbered([...before, ...after]);
        const saved = talks.slice(0, before.length);
        const doc = createDocument(createEncoders());
        for (const talk of saved) addFresh(doc, talk);
        const loaded = createDocument(createEncoders());
        importPostings(loaded, exportPostings(doc));
        if (readFirst) loaded.search('kafka', { limit: 1000 });
        for (const talk of talks.slice(before.length)) {
          addFresh(doc, talk);
          addFresh(loaded, talk);
        }
        for (const query of ['kafka', 'kub', 'run', 'zoe', '123']) {
          expect(loaded.search(query, { limit: 1000 })).toEqual(doc.search(query, { limit: 1000 }));
        }
        expect(contents(loaded)).toEqual(contents(doc));
      }),
      { numRuns: 100 },
    );
  });

  test('a damaged export is refused rather than half loaded', () => {
    const encoders = createEncoders();
    const doc = createDocument(encoders);
    addDocument(doc, encoders, {
      id: 1,
      title: 'Kafka streams',
      speakers: '',
      topics: '',
      conference: '',
      notes: 'x',
    });
    const saved = exportPostings(doc);
    const cut = { ...saved, 'postings:title:ids': saved['postings:title:ids']!.slice(0, 2) };
    expect(() => importPostings(createDocument(createEncoders()), cut)).toThrow();
    const { 'postings:notes:terms': _dropped, ...missing } = saved;
    expect(() => importPostings(createDocument(createEncoders()), missing)).toThrow();
  });
});
