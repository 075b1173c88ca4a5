import { describe, expect, test } from 'vitest';
import { trimmedLength } from '../../src/extract/article.ts';

describe('the article finder', () => {
  test('measures text as trim() would, for every UTF-16 code unit around a word', () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `${c}word${c}`, `word${c}`, `${c}${c}`])
        if (trimmedLength(text) !== text.trim().length) differing.push(code);
    }
    expect(differing).toEqual([]);
  });
});
