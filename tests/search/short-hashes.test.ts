import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createEncoders, type IndexedDoc } from '../../src/search/config.ts';
import { FacetTally } from '../../src/search/facet-tally.ts';
import { encodeShortFields, holdsWhole, shortSlot, tokenCount } from '../../src/search/short-fields.ts';
import { hash16, PIECE, ShortHashes, UNKNOWN } from '../../src/search/short-hashes.ts';
import { TalkTable } from '../../src/search/tables.ts';
import { vocabularyWords } from '../../src/search/vocabulary.ts';

const encoders = createEncoders();
const SYLLABLES = [
  'ka',
  'fka',
  'kub',
  'er',
  'net',
  'es',
  'post',
  'gres',
  'js',
  'node',
  'x',
  'ré',
  'ü',
  '8s',
  'go',
];
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
const text = fc.array(word, { maxLength: 7 }).map((w) => w.join(' '));
const doc = fc.record({ title: text, speakers: text, topics: text, conference: text });

function indexed(fields: {
  title: string;
  speakers: string;
  topics: string;
  conference: string;
}): IndexedDoc {
  return { id: 1, notes: '', ...fields };
}

describe('short field hashes', () => {
  test('they answer the spelling check exactly as a search in the vocabulary words', () => {
    fc.assert(
      fc.property(doc, fc.array(word, { minLength: 1, maxLength: 3 }), (fields, query) => {
        const hashes = new ShortHashes(new TalkTable());
        const d = indexed(fields);
        const words = ` ${vocabularyWords(d).join(' ')}`;
        const entry = hashes.add(1, encodeShortFields(d, encoders), words);
        const pieces = query.filter((p) => p.length >= PIECE);
        const expected = pieces.every((p) => words.includes(` ${p}`));
        const found = hashes.spells(
          entry,
          { words },
          pieces,
          pieces.map((p) => hash16(p, 0, PIECE)),
        );
        expect(found).toBe(expected);
      }),
    );
  });

  test('they never rule out a whole token that the encoded fields hold, and keep each field size', () => {
    fc.assert(
      fc.property(doc, word, (fields, query) => {
        const hashes = new ShortHashes(new TalkTable());
        const d = indexed(fields);
        const encoded = encodeShortFields(d, encoders);
        const entry = hashes.add(1, encoded, ` ${vocabularyWords(d).join(' ')}`);
        for (const field of ['title', 'speakers', 'topics', 'conference'] as const) {
          const slot = shortSlot(field)!;
          const tokens = encoders[field === 'title' ? 'text' : 'name'].encode(query);
          const whole = holdsWhole(
            encoded,
            slot,
            tokens.map((t) => ` ${t} `),
          );
          if (whole)
            expect(
              hashes.mayHold(
                entry,
                slot.segment,
                tokens.map((t) => hash16(t)),
              ),
            ).toBe(true);
          expect(hashes.size(entry, slot.count)).toBe(tokenCount(encoded, slot));
        }
      }),
    );
  });

  test('a number is unknown until added, and stays exact when the pool starts over', () => {
    const hashes = new ShortHashes(new TalkTable());
    expect(hashes.find(5)).toBe(UNKNOWN);
    const d = indexed({ title: 'Kafka streams', speakers: 'Ada Lovelace', topics: 'kafka', conference: 'x' });
    const encoded = encodeShortFields(d, encoders);
    const words = ` ${vocabularyWords(d).join(' ')}`;
    // An empty table allows a small pool: thousands of talks make it start over several times.
    for (let num = 1; num <= 5000; num++) {
      const entry = hashes.find(num) === UNKNOWN ? hashes.add(num, encoded, words) : hashes.find(num);
      expect(hashes.spells(entry, { words }, ['kafka'], [hash16('kafka', 0, PIECE)])).toBe(true);
      expect(hashes.spells(entry, { words }, ['lovel'], [hash16('lovel', 0, PIECE)])).toBe(true);
      expect(hashes.spells(entry, { words }, ['kafkas'], [hash16('kafkas', 0, PIECE)])).toBe(false);
    }
  });

  test('a talk without vocabulary words has no entry and is left to the string checks', () => {
    const hashes = new ShortHashes(new TalkTable());
    const d = indexed({ title: 'Go', speakers: '', topics: '', conference: '' });
    expect(hashes.add(3, encodeShortFields(d, encoders), '')).toBe(-1);
    expect(hashes.find(3)).toBe(-1);
    expect(hashes.mayHold(-1, 0, [1])).toBe(true);
  });
});

describe('facet tallies', () => {
  test('counts list each touched value once and clear back to zero', () => {
    const tally = new FacetTally();
    tally.prepare(10);
    for (const v of [3, 1, 3, 3, 7, 1]) tally.add(v);
    tally.set(9, 4);
    tally.set(8, 0);
    const listed = [...tally.touched.subarray(0, tally.size)];
    expect(listed).toEqual([3, 1, 7, 9]);
    expect(listed.map((v) => tally.counts[v])).toEqual([3, 2, 1, 4]);
    tally.clear();
    expect(tally.size).toBe(0);
    expect([...tally.counts].every((c) => c === 0)).toBe(true);
  });
});
