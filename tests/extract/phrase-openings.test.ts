import { describe, expect, test } from 'vitest';
import { mayFollow, openingParts } from '../../src/extract/phrase-openings.ts';

describe('the opening parts of a phrase pattern', () => {
  test.each([
    ['Service[\\s-]?workers(?:e?s)?', ['Service', 'workers']],
    ['Service[\\s-]?Mesh[\\s-]?Interface', ['Service', 'Mesh', 'Interface']],
    ['\\.NET[\\s-]?Core(?:e?s)?', ['.NET', 'Core']],
    ['Kubernetes(?:e?s)?', ['Kubernetes']],
    ['Gos?', ['Go']],
    ['a[0-9]?b', ['a']],
    ['a[-\\s]?b', ['a']],
    ['a[\\s-]*b', ['a']],
    ['[\\s-]?b', ['']],
    ['Go|Golang', ['']],
  ])('of %s are %j', (pattern, parts) => {
    expect(openingParts(pattern)).toEqual(parts);
  });
});

describe('whether a text may go on with the parts after a prefix', () => {
  test.each([
    ['services workers', 7, false],
    ['serviceworkers', 7, true],
    ['service workers', 7, true],
    ['service', 7, true],
    ['has proxy', 2, false],
  ])('"%s" from %i: %s', (text, at, expected) => {
    expect(mayFollow(text, at, ['workers'], false)).toBe(expected);
  });

  test('a case-sensitive part must be spelled as written', () => {
    expect(mayFollow('HAproxy', 2, ['Proxy'], true)).toBe(false);
    expect(mayFollow('HAProxy', 2, ['Proxy'], true)).toBe(true);
  });
});
