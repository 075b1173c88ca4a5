import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractPost } from '../../src/extract/index.ts';
import { TALK_KINDS } from '../../src/model.ts';

const encode = (text: string) => new TextEncoder().encode(text);

const TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'ul',
  'li',
  'strong',
  'em',
  'a',
  'div',
  'article',
  'nav',
  'table',
  'tr',
  'td',
  'br',
  'pre',
];

/** Random, often unbalanced, HTML built from recap-like pieces. */
const htmlPiece = fc.oneof(
  fc.constantFrom(...TAGS).map((t) => `<${t}>`),
  fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  fc.constantFrom(
    'Talk “A title”',
    'Jane Doe - @jd - Acme',
    'Title (Bo Li)',
    'Day 2',
    '讲师：李明',
    'Présenté par',
    '**Bold by Ann Lee**',
    '&amp;',
    '&#0;',
    '<!--',
    '<![CDATA[',
    '<script>',
    '\u0000',
    '\uFFFD',
  ),
  fc.string({ maxLength: 30 }),
);
const randomHtml = fc.array(htmlPiece, { maxLength: 80 }).map((parts) => parts.join(''));

const SEED = `<html><body><article><h1>Notes 2020</h1><h2 id="a">First talk</h2><p>Jane Doe - @jd</p><p>Notes here.</p>
<h2>Lightning</h2><h3>Short - Bo Li</h3><p>More.</p><ul><li><strong>Listed</strong>, Cy Dorn</li></ul></article></body></html>`;

/** The seed page with a random slice cut out and random text pasted in. */
const mutatedHtml = fc
  .tuple(fc.nat(SEED.length), fc.nat(SEED.length), fc.string({ maxLength: 40 }))
  .map(([a, b, insert]) => SEED.slice(0, Math.min(a, b)) + insert + SEED.slice(Math.max(a, b)));

function expectWellFormed(source: string, bytes: Uint8Array) {
  const post = extractPost(source, bytes);
  expect(post.source).toBe(source);
  // The extractor catches everything, but no input should need that safety net.
  expect(post.warnings.filter((w) => w.includes('could not be parsed'))).toEqual([]);
  expect(typeof post.title).toBe('string');
  expect(Array.isArray(post.tags) && Array.isArray(post.warnings)).toBe(true);
  const anchors = new Set<string>();
  for (const talk of post.talks) {
    expect(talk.title === null || (typeof talk.title === 'string' && talk.title.length > 0)).toBe(true);
    expect(TALK_KINDS).toContain(talk.kind);
    expect(typeof talk.text).toBe('string');
    for (const speaker of talk.speakers) expect(speaker.name.length).toBeGreaterThan(0);
    if (talk.anchor) {
      expect(anchors.has(talk.anchor)).toBe(false);
      anchors.add(talk.anchor);
    }
  }
}

describe('extractPost on arbitrary input', () => {
  test('never throws and returns a well-formed post for random HTML', () => {
    fc.assert(
      fc.property(randomHtml, (html) => expectWellFormed('random.html', encode(html))),
      { numRuns: 300 },
    );
  });

  test('never throws on mutations of a real-looking page', () => {
    fc.assert(
      fc.property(mutatedHtml, (html) => expectWellFormed('mutated.html', encode(html))),
      { numRuns: 300 },
    );
  });

  test('never throws on random Markdown and plain text', () => {
    const markdown = fc
      .array(
        fc.oneof(
          fc.constantFrom('# ', '## ', '- ', '**', '---\n', 'title: x\n', '\n\n', '[a](b)', '`'),
          fc.string({ maxLength: 20 }),
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(markdown, (text) => {
        expectWellFormed('random.md', encode(text));
        expectWellFormed('random.txt', encode(text));
      }),
      { numRuns: 200 },
    );
  });

  test('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => expectWellFormed('bytes.html', bytes)),
      {
        numRuns: 200,
      },
    );
  });
});
