import { describe, expect, test } from 'vitest';
import { phraseMatcher } from '../../src/extract/phrases.ts';

const matcher = phraseMatcher(
  [
    { phrase: '.NET', pattern: '\\.NET', caseSensitive: true },
    { phrase: '.NET Core', pattern: '\\.NET[\\s-]?Core', caseSensitive: true },
    { phrase: '服务网格', pattern: '服务网格', caseSensitive: false },
    { phrase: 'Service mesh', pattern: 'Service[\\s-]?mesh(?:e?s)?', caseSensitive: false },
  ].map((p) => ({ ...p, value: p.phrase })),
);

const found = (text: string) => matcher.find(text).map((h) => [h.value, h.start, h.text]);

describe('a phrase matcher', () => {
  test.each([
    [
      'Moving to .NET Core. Then .NET 5.',
      [
        ['.NET Core', 10, '.NET Core'],
        ['.NET', 26, '.NET'],
      ],
    ],
    [
      'Service meshes and .NET.',
      [
        ['Service mesh', 0, 'Service meshes'],
        ['.NET', 19, '.NET'],
      ],
    ],
    // With CJK in the text, phrases that open with any other character are still found.
    [
      '服务网格 and .NET Core',
      [
        ['服务网格', 0, '服务网格'],
        ['.NET Core', 9, '.NET Core'],
      ],
    ],
    ['a.NET, not a.NETwork', [['.NET', 1, '.NET']]],
    ['no phrase... at all.', []],
  ])('finds in %j', (text, hits) => {
    expect(found(text)).toEqual(hits);
  });
});

describe('a phrase that opens with a character beyond the BMP', () => {
  const rockets = phraseMatcher([
    { phrase: '🚀发布', pattern: '🚀发布', caseSensitive: false, value: 'launch' },
    { phrase: '云', pattern: '云', caseSensitive: false, value: 'cloud' },
  ]);

  test('is found at its first code unit in a CJK text', () => {
    const hits = rockets.find('云上 🚀发布 and 🚀 alone');
    expect(hits.map((h) => [h.value, h.start, h.text])).toEqual([
      ['cloud', 0, '云'],
      ['launch', 3, '🚀发布'],
    ]);
  });
});
