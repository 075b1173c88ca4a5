import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { correctWord, editDistance } from '../../src/search/fuzzy.ts';
import { Vocabulary } from '../../src/search/vocabulary.ts';

const vocabulary = new Map([
  ['kubernetes', 5],
  ['postgres', 3],
  ['postgresql', 4],
  ['haproxy', 1],
  ['kafka', 7],
  ['rust', 2],
  ['trust', 9],
]);

describe('edit distance', () => {
  test.each([
    ['kitten', 'sitting', 3, 3],
    ['abcd', 'abdc', 2, 1],
    ['same', 'same', 1, 0],
    ['short', 'much longer', 2, 3],
    ['', 'ab', 2, 2],
  ])('%s -> %s (max %i) is %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});

describe('correcting a word against the vocabulary', () => {
  test.each([
    ['kubernets', 'kubernetes'],
    ['Kubrenetes', 'kubernetes'],
    ['postgress', 'postgres'],
    ['haproy', 'haproxy'],
    ['kafak', 'kafka'],
  ])('%s -> %s', (word, expected) => {
    expect(correctWord(word, vocabulary)).toBe(expected);
  });

  test.each([
    ['kafka', 'a known word'],
    ['kube', 'the start of a known word (still typing)'],
    ['rst', 'a word shorter than four letters'],
    ['zzzzzz', 'nothing close'],
    ['c++', 'a word with symbols'],
  ])('%s is left alone: %s', (word) => {
    expect(correctWord(word, vocabulary)).toBeNull();
  });
});

describe('the indexed vocabulary', () => {
  const letters = fc.constantFrom(...'abcdeiklnorstu'.split(''));
  const word = fc.array(letters, { minLength: 2, maxLength: 10 }).map((l) => l.join(''));

  test('corrects exactly as the plain scan does', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 60 }),
        fc.array(word, { maxLength: 20 }),
        (known, typed) => {
          const indexed = new Vocabulary();
          indexed.add(known);
          const counts = new Map(indexed.counts);
          for (const w of typed) expect(indexed.correct(w)).toBe(correctWord(w, counts));
        },
      ),
    );
  });

  test('forgets the words of removed talks', () => {
    const indexed = new Vocabulary();
    indexed.add(['kubernetes', 'kafka']);
    indexed.add(['kafka']);
    expect(indexed.correct('kubernets')).toBe('kubernetes');
    indexed.remove(['kubernetes', 'kafka']);
    expect(indexed.correct('kubernets')).toBeNull();
    expect(indexed.correct('kafak')).toBe('kafka');
  });
});
