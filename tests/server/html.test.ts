import { describe, expect, test } from 'vitest';
import { highlight, recapHref, safeHref, scriptJson } from '../../src/server/html.ts';

describe('highlight', () => {
  test.each([
    [
      'marks words that start with a term',
      'Kafka streams and kafkaesque',
      'kafka',
      '<mark>Kafka</mark> streams and <mark>kafka</mark>esque',
    ],
    [
      'escapes the text before marking',
      '<script>alert(1)</script>',
      'alert',
      '&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;',
    ],
    ['never matches inside an entity', 'Q&A about amps', 'amp', 'Q&amp;A about <mark>amp</mark>s'],
    ['ignores one-letter terms and punctuation', 'a b c', 'a (', 'a b c'],
    ['does not mark inside a word', 'rekafka', 'kafka', 'rekafka'],
  ])('%s', (_name, text, query, expected) => {
    expect(highlight(text, query)).toBe(expected);
  });
});

describe('scriptJson', () => {
  test('cannot close its script element', () => {
    const out = scriptJson({ name: '</script><script>alert(1)</script>&' });
    expect(out).not.toMatch(/[<>&]/);
    expect(JSON.parse(out).name).toBe('</script><script>alert(1)</script>&');
  });
});

describe('safeHref', () => {
  test.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['http://example.org/', 'http://example.org/'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['/relative', null],
    [null, null],
  ])('%s becomes %s', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});

describe('recapHref', () => {
  test('links the anchor of the section', () => {
    expect(recapHref('https://b.org/post#top', 'my talk', 'x')).toBe('https://b.org/post#my%20talk');
  });

  test('links a text fragment of the excerpt when the section has no anchor', () => {
    expect(recapHref('https://b.org/post', null, 'Real-time sync, at scale with CRDTs today')).toBe(
      'https://b.org/post#:~:text=Real%2Dtime%20sync%2C%20at%20scale%20with%20CRDTs',
    );
  });
});
