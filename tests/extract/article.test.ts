import { describe, expect, test } from 'vitest';
import { trimmedLength } from '../../src/extract/article.ts';
import { loadPost } from '../../src/extract/load.ts';

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

describe('the article of a loaded post', () => {
  const articleOf = (html: string) => {
    const { root: $article } = loadPost('post.html', html);
    return `${$article[0]?.name}#${$article.attr('id') ?? ''}`;
  };
  const prose = '<p>A paragraph of prose long enough to count as the body of a post.</p>'.repeat(4);

  test.each([
    [
      'the outer of nested landmarks as long as each other, met first',
      `<body><main id="m"><article id="a">${prose}</article></main></body>`,
      'main#m',
    ],
    [
      'the element with the prose over a landmark holding only the title',
      `<body><article id="a"><h1>Title</h1></article><div id="d">${prose}</div></body>`,
      'div#d',
    ],
    [
      'a landmark whose loose text makes it the longer',
      `<body><main id="m">Loose text that is long enough to matter here. ${prose}</main><section id="s">${prose}</section></body>`,
      'main#m',
    ],
  ])('picks %s', (_name, html, expected) => {
    expect(articleOf(html)).toBe(expected);
  });
});
