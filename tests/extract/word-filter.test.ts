import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { wordFilter } from '../../src/extract/word-filter.ts';

const KEYS = ['kubernetes', 'mesh', 'es', 'r', 'go', 'machinelearning'];

function passes(word: string, keys = KEYS): boolean {
  // The word sits inside a longer text, as the matcher reads it.
  const text = `, ${word} .`;
  const read = wordFilter(keys)(text, 2);
  expect(Math.abs(read)).toBe(2 + word.length);
  return read > 0;
}

describe('the word filter of phrase matchers', () => {
  test('lets every key through', () => {
    for (const key of KEYS) expect(passes(key)).toBe(true);
  });

  test('lets through the words looked up under a shorter key', () => {
    expect(passes('meshs')).toBe(true);
    expect(passes('meshes')).toBe(true);
    expect(passes('es2015')).toBe(true);
    expect(passes('rs')).toBe(true);
    expect(passes('go1')).toBe(true);
  });

  test('rules out most words that are no key', () => {
    const others = ['the', 'talk', 'about', 'storage', 'speaker', 'morning', 'conference', 'slides'];
    expect(others.filter((word) => passes(word)).length).toBeLessThanOrEqual(1);
  });

  test('never rules out a word whose lookup keys include one of the keys', () => {
    const word = fc.stringMatching(/^[a-z0-9àé]{1,12}$/);
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 20 }), fc.nat(), (probe, keys, pick) => {
        const lookups = [probe];
        if (probe.endsWith('s') && probe.length > 1) lookups.push(probe.slice(0, -1));
        if (probe.endsWith('es') && probe.length > 2) lookups.push(probe.slice(0, -2));
        if (/\d$/.test(probe) && probe.replace(/\d+$/, '')) lookups.push(probe.replace(/\d+$/, ''));
        const all = [...keys, lookups[pick % lookups.length]!];
        expect(passes(probe, all)).toBe(true);
      }),
    );
  });
});
