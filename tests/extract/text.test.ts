import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { blockText, condense, textLines } from '../../src/extract/text.ts';

/** The plain definition: every run of whitespace or zero-width spaces is one space, none at the ends. */
const plainly = (text: string) => text.replace(/[\s\u200b]+/g, ' ').trim();

const nodesOf = (html: string) => parseDocument(html).children;

describe('condensing', () => {
  test.each([
    ['  Title   by\tJane  ', 'Title by Jane'],
    ['one two', 'one two'],
    ['\n    indented\n    prose\n', 'indented prose'],
    ['no\u00a0break\u200bhere', 'no break here'],
    ['\u200b\u200bzero-width at the ends\u200b', 'zero-width at the ends'],
    ['\u3000ideographic\u2028line\u2029', 'ideographic line'],
    [' \t\n ', ''],
  ])('of %j', (text, expected) => {
    expect(condense(text)).toBe(expected);
  });

  test('is the plain definition on any text', () => {
    const chars = fc.constantFrom(
      'a',
      'b',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      '\u00a0',
      '\u200b',
      '\u2009',
      '\ufeff',
      '—',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(condense(text)).toBe(plainly(text));
      }),
    );
  });
});

describe('block text', () => {
  test.each([
    ['<p>Title</p><p>Speaker</p>', 'Title Speaker', ['Title', 'Speaker']],
    ['<b>Title</b>, Jane<br>Acme', 'Title, Jane Acme', ['Title, Jane', 'Acme']],
    [
      '<p>\n  wrapped\n  prose  </p>\n\n<ul>\n<li> one </li>\n</ul>',
      'wrapped prose one',
      ['wrapped', 'prose', 'one'],
    ],
    ['<span>glued</span><span>words</span>', 'gluedwords', ['gluedwords']],
    ['<p>\u200b</p><p> </p>', '', []],
  ])('of %j', (html, text, lines) => {
    expect(blockText(nodesOf(html))).toBe(text);
    expect(textLines(nodesOf(html))).toEqual(lines);
  });

  test('is its lines joined by spaces, within a limit too', () => {
    const html = '<div><p>A  first\nline</p>\u200b<p>\tand <i>a</i> second</p> tail<br>end</div>';
    for (const limit of [0, 1, 5, 12, 30, Number.POSITIVE_INFINITY]) {
      expect(blockText(nodesOf(html), limit)).toBe(textLines(nodesOf(html), limit).join(' '));
    }
  });
});
