import { describe, expect, test } from 'vitest';
import { correctWord, editDistance } from '../../src/search/fuzzy.ts';

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
