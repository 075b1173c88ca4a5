import { describe, expect, test } from 'vitest';
import { literalPrefix } from '../../src/extract/phrase-index.ts';

describe('the literal prefix of a phrase pattern', () => {
  test.each([
    ['\\.NET[\\s-]?Core(?:e?s)?', '.NET'],
    ['A\\/B[\\s-]?testing', 'A/B'],
    ['Kubernetes(?:e?s)?', 'Kubernetes'],
    ['C\\+\\+', 'C++'],
    ['C#', 'C#'],
    ['dotJS', 'dotJS'],
    ['Vue\\.js', 'Vue.js'],
    ['HA[\\s-]?Proxy', 'HA'],
    ['Gos?', 'Go'],
    ['a{2}b', ''],
    ['\\d+conf', ''],
    ['(?:Go)', ''],
    ['Go|Golang', ''],
    ['[Gg]o', ''],
    ["C(?!['’-])", 'C'],
    ['服务网格', '服务网格'],
    ['\ud83d\ude80?launch', ''],
  ])('of %s is "%s"', (pattern, prefix) => {
    expect(literalPrefix(pattern)).toBe(prefix);
  });
});
