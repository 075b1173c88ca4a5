import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { loadPost } from '../../src/extract/load.ts';
import { extractMeta } from '../../src/extract/meta.ts';

const meta = (source: string, text: string) => {
  const loaded = loadPost(source, text);
  return extractMeta(loaded.$, loaded.frontMatter, source);
};

const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;

describe('extractMeta: title', () => {
  test.each([
    ['front matter wins', 'p.md', '---\ntitle: "dotScale 2016"\n---\n# Other', 'dotScale 2016'],
    [
      'the article heading',
      'p.html',
      page('<title>Post | Site</title>', '<h1>Devoxx UK 2013</h1>'),
      'Devoxx UK 2013',
    ],
    [
      'a heading that links home is the site banner',
      'p.html',
      page(
        '<meta property="og:title" content="Warm Gun 2014 Notes">',
        '<h1><a href="/">Jeff</a></h1><p>x</p>',
      ),
      'Warm Gun 2014 Notes',
    ],
    [
      'a heading that repeats the site name is the banner',
      'p.html',
      page('<meta property="og:site_name" content="blog"><title>My Post | blog</title>', '<h1>blog</h1>'),
      'My Post',
    ],
    [
      'the first line of a text file',
      'p.txt',
      'dotScale 2018 recap\n\nLong text follows.',
      'dotScale 2018 recap',
    ],
  ])('%s', (_name, source, text, expected) => {
    expect(meta(source, text).title).toBe(expected);
  });
});

describe('extractMeta: date', () => {
  test.each([
    [
      '<time datetime>',
      'p.html',
      page('', '<article><time datetime="2018-06-01">Jun 1st</time></article>'),
      '2018-06-01',
    ],
    [
      'article:published_time',
      'p.html',
      page('<meta property="article:published_time" content="2016-11-06T00:00:00+00:00">', ''),
      '2016-11-06',
    ],
    ['DC.date', 'p.html', page('<meta name="DC.date" content="2012-03-27">', ''), '2012-03-27'],
    [
      'JSON-LD datePublished',
      'p.html',
      page('<script type="application/ld+json">{"datePublished":"2015-10-01T10:00:00Z"}</script>', ''),
      '2015-10-01',
    ],
    ['front matter date', 'p.md', '---\ndate: "2000-10-07T09:00:00Z"\n---\ntext', '2000-10-07'],
    ['front matter YAML timestamp', 'p.md', '---\ndate: 2020-11-25\n---\ntext', '2020-11-25'],
    [
      'the URL',
      'p.html',
      page('<link rel="canonical" href="https://x.org/2014/12/06/warm-gun/">', ''),
      '2014-12-06',
    ],
    ['the file name', '_posts/2016-04-25-dotscale.md', 'text', '2016-04-25'],
    ['English text', 'p.html', page('', '<p>Posted on Jun 1st, 2018 by me</p>'), '2018-06-01'],
    ['French text', 'p.html', page('', '<p>Publié le 1er juin 2018</p>'), '2018-06-01'],
    ['Chinese text', 'p.html', page('', '<p>2018年11月26日 | 作者</p>'), '2018-11-26'],
    ['day before month', 'p.html', page('', '<p>15 Mar 2012 events</p>'), '2012-03-15'],
    ['no date at all', 'p.html', page('', '<p>nothing here</p>'), null],
  ])('from %s', (_name, source, text, expected) => {
    expect(meta(source, text).date).toBe(expected);
  });
});

const english =
  '<p>The talk was about the way we build and run the systems that are in production at scale.</p>';
const french =
  '<p>Le talk était sur la façon dont nous construisons les systèmes qui sont en production, avec des exemples pour le public et une démo dans la salle.</p>';

describe('extractMeta: language', () => {
  test.each([
    ['<html lang>', '<html lang="fr-FR"><body><p>x</p></body></html>', 'fr'],
    ['front matter', '---\nlang: en\n---\ntext', 'en'],
    ['Chinese text', page('', '<p>本次大会是由两个大会合并而成的，因此规模空前甚大 Kubernetes</p>'), 'zh'],
    ['French stop words', page('', french.repeat(3)), 'fr'],
    ['English stop words', page('', english.repeat(3)), 'en'],
    [
      'a theme-wide lang contradicted by the text',
      `<html lang="fr"><body>${english.repeat(2)}</body></html>`,
      'en',
    ],
    [
      'a declared lang with a few foreign words',
      `<html lang="fr"><body>${french}<p>the best of the day</p></body></html>`,
      'fr',
    ],
  ])('from %s', (name, text, expected) => {
    expect(meta(name === 'front matter' ? 'p.md' : 'p.html', text).language).toBe(expected);
  });
});

describe('extractMeta: url and tags', () => {
  test('reads the canonical link, then og:url, and ignores relative ones', () => {
    expect(meta('p.html', page('<link rel="canonical" href="https://a.org/p/">', '')).url).toBe(
      'https://a.org/p/',
    );
    expect(meta('p.html', page('<meta property="og:url" content="https://b.org/q">', '')).url).toBe(
      'https://b.org/q',
    );
    expect(meta('p.html', page('<meta property="og:url" content="/blog/x/">', '')).url).toBeNull();
    expect(meta('p.md', '---\nurl: https://c.org/r\n---\nx').url).toBe('https://c.org/r');
  });

  test('collects tags from links, lists, meta keywords and front matter, without duplicates', () => {
    const html = page(
      '<meta name="keywords" content="Docker, Kubernetes">',
      '<a rel="tag" href="/t/k">kubernetes</a><ul class="tags"><li><a>#kubecon</a></li></ul>',
    );
    expect(meta('p.html', html).tags).toEqual(['kubernetes', 'kubecon', 'Docker']);
    expect(meta('p.md', '---\ntags: [meetups, cloud-native]\ncategories: conf\n---\nx').tags).toEqual([
      'meetups',
      'cloud-native',
      'conf',
    ]);
  });
});

describe('extractMeta: numeric dates', () => {
  test.each([
    ['<p>Day 1 (18/10/2018)</p>', '2018-10-18'],
    ['<p>on 10/18/2018</p>', '2018-10-18'],
    ['<p>on 05/06/2018</p>', null],
  ])('reads %s', (body, expected) => {
    expect(meta('p.html', `<html><body>${body}</body></html>`).date).toBe(expected);
  });
});

describe('front matter', () => {
  test('is read afresh for each post: nothing is kept between posts', () => {
    const cache = (matter as unknown as { cache: Record<string, unknown> }).cache;
    const before = Object.keys(cache).length;
    const text = (n: number) => `---\ntitle: Harbourconf notes ${n}\ntags: [harbour]\n---\n\nNotes.`;
    const first = loadPost('a.md', text(1));
    (first.frontMatter['tags'] as string[]).push('changed');
    expect(loadPost('b.md', text(1)).frontMatter['tags']).toEqual(['harbour']);
    for (let n = 2; n < 20; n++) loadPost(`p${n}.md`, text(n));
    expect(Object.keys(cache).length).toBe(before);
  });
});
