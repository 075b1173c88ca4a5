import { describe, expect, test } from 'vitest';
import { createEncoders } from '../../src/search/config.ts';
import { createSearchIndex } from '../../src/search/index.ts';
import { encodeTerms, makeSnippet } from '../../src/search/snippet.ts';
import { buildArchive, SAMPLE } from './fixture.ts';

const { text } = createEncoders();
const snip = (body: string, ...words: string[]) => makeSnippet(body, encodeTerms(words, text), text);

describe('snippets', () => {
  test.each([
    [
      'HTML in the notes is escaped',
      'Type <script>alert(1)</script> & see',
      ['alert'],
      'Type &lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; &amp; see',
    ],
    [
      'a stemmed form is marked',
      'We were running clusters',
      ['run', 'cluster'],
      'We were <mark>running</mark> <mark>clusters</mark>',
    ],
    [
      'a word after punctuation is marked whole',
      'Ported to .NET (v20) today',
      ['net'],
      'Ported to .<mark>NET</mark> (v20) today',
    ],
    [
      'quotes are escaped',
      'He said "kafka" isn\'t easy',
      ['kafka'],
      'He said &quot;<mark>kafka</mark>&quot; isn&#39;t easy',
    ],
    ['no query gives the start of the text', 'Short <b>notes</b>', [], 'Short &lt;b&gt;notes&lt;/b&gt;'],
  ])('%s', (_name, body, words, expected) => {
    expect(snip(body, ...words)).toBe(expected);
  });

  test('the window moves to where the matches are', () => {
    const body = `${'filler words here. '.repeat(30)}The kafka broker met the kafka consumer. ${'more filler. '.repeat(30)}`;
    const result = snip(body, 'kafka', 'consumer');
    expect(result.startsWith('… ')).toBe(true);
    expect(result.endsWith(' …')).toBe(true);
    expect(result).toContain('<mark>kafka</mark> <mark>consumer</mark>');
    expect(result.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(210);
  });

  test('a search hit for a word in notes with <script> comes out escaped and marked', () => {
    const index = createSearchIndex(buildArchive(SAMPLE));
    const result = index.search({
      q: 'alert sanitize',
      topic: [],
      conference: [],
      year: [],
      speaker: [],
      page: 1,
      limit: 5,
    });
    const snippet = result.hits[0]?.snippet ?? '';
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).toContain('<mark>Sanitize</mark>');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  test('without a query the snippet is the start of the summary, escaped', () => {
    const index = createSearchIndex(buildArchive(SAMPLE));
    const result = index.search({
      q: '',
      topic: ['security'],
      conference: [],
      year: [],
      speaker: [],
      page: 1,
      limit: 5,
    });
    expect(result.hits[0]?.snippet.startsWith('She typed &lt;script&gt;alert(&quot;x&quot;)')).toBe(true);
  });

  test('words whose characters hash alike are still told apart', () => {
    // "Aa" and "BB" have the same 31-based character sum.
    expect(snip('Aa BB kafka', 'bb')).toBe('Aa <mark>BB</mark> kafka');
    expect(snip('BB Aa kafka', 'aa')).toBe('BB <mark>Aa</mark> kafka');
  });

  test('snippets stay right after more distinct words than are remembered', () => {
    const filler = (n: number) => `w${n.toString(36)}x`;
    for (let i = 0; i < 110_000; i += 1000) {
      const words = Array.from({ length: 1000 }, (_, j) => filler(i + j)).join(' ');
      snip(words, 'kafka');
    }
    expect(snip('One kafka talk, Kafka again', 'kafka')).toBe(
      'One <mark>kafka</mark> talk, <mark>Kafka</mark> again',
    );
  });
});
