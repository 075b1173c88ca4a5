import { describe, expect, test } from 'vitest';
import { seriesKey } from '../../src/archive/conference.ts';
import { nameKey, slugify } from '../../src/archive/text.ts';

describe('slugify', () => {
  test.each([
    ['Istio: we have a problem!', 'istio-we-have-a-problem'],
    ['Écrire du code « propre »', 'ecrire-du-code-propre'],
    ['Straße & Œuvre', 'strasse-oeuvre'],
    ["Don't panic", 'dont-panic'],
    ['Kubernetes 入門', 'kubernetes-入門'],
    ['データベース設計', 'データベース設計'],
    ['  --  ', ''],
  ])('turns %j into %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  test('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('nameKey', () => {
  test('ignores case, accents and middle initials', () => {
    expect(nameKey('David J. Gageot')).toBe('david gageot');
    expect(nameKey('DÁVID gageot')).toBe('david gageot');
  });
});

describe('seriesKey', () => {
  test.each([
    ['DotScale', 'dotscale'],
    ['dotScale 2018', 'dotscale'],
    ['KubeCon + CloudNativeCon Europe', 'kubecon-eu'],
    ['KubeCon EU', 'kubecon-eu'],
    ['KubeCon + CloudNativeCon North America 2019', 'kubecon-na'],
    ['The Strange Loop Conference', 'strange-loop'],
  ])('reads %j as the series %j', (name, expected) => {
    expect(seriesKey(name)).toBe(expected);
  });
});
