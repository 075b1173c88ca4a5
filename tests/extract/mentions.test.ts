import { describe, expect, test } from 'vitest';
import { loadPost } from '../../src/extract/load.ts';
import { extractTalks } from '../../src/extract/talks/index.ts';

function summary(html: string) {
  const { $, root } = loadPost('post.html', html);
  return extractTalks($, root).map((t) => [t.title, t.speakers.map((s) => s.name)]);
}

// A talk heading first, so that passing mentions are read beside the post's other talks.
const HEADED = '<h2>Tides of data (Ada Brightwater)</h2><p>Notes on tides.</p><h2>Other things</h2>';

describe('talks named in passing in prose', () => {
  test.each([
    [
      'a "talk by Name" sentence',
      '<p>A surprising talk by Oskar Lindqvist from Saltworks. It was about ropes.</p>',
      [[null, ['Oskar Lindqvist']]],
    ],
    [
      'a linked title followed by "by" and a linked name',
      '<p>My favourite was <a href="/s">Harbour maps for everyone</a> by <a href="/m">Mira Santos</a>. Cats.</p>',
      [['Harbour maps for everyone', ['Mira Santos']]],
    ],
    [
      'a "listening to Name" sentence',
      '<p>I enjoyed listening to Nadia Coleman explain her interview method.</p>',
      [[null, ['Nadia Coleman']]],
    ],
    [
      'a possessive "Name’s keynote"',
      '<p>Victor Osei’s closing keynote on model checking was the best.</p>',
      [[null, ['Victor Osei']]],
    ],
    [
      'a paragraph that opens with a speaker who "gave" something',
      '<p>Camille Roux gave great insights into message queues.</p>',
      [[null, ['Camille Roux']]],
    ],
    [
      'a paragraph that says when, then who "talked about" something',
      '<p>On Saturday morning, Camille Roux talked about message queues. Then lunch.</p>',
      [[null, ['Camille Roux']]],
    ],
    [
      'a Chinese paragraph: a name, a verb of sharing, a title in 《》',
      '<p>上午，王伟分享了《网关的十年》，讲了很多经验。</p>',
      [['网关的十年', ['王伟']]],
    ],
    ['a Chinese paragraph whose subject is no person', '<p>上午，会场分享了《日程安排》。</p>', []],
    [
      'a paragraph that says when and then names a day, not a person',
      '<p>After lunch, Saturday Market was busy and we walked around.</p>',
      [],
    ],
    [
      'a paragraph that opens with a person and later says "his talk", then "his second talk"',
      '<p>Hugo Ferrand was on form. The room laughed. In his first talk he spoke about buoys.</p><p>In his second talk, he covered anchors.</p>',
      [
        [null, ['Hugo Ferrand']],
        [null, ['Hugo Ferrand']],
      ],
    ],
    [
      'a French "présenté par" sentence and "Name nous a parlé de"',
      '<p>Un sujet présenté par Inès Morel sur les files.</p><p>Paul Martin nous a parlé de cartes marines.</p>',
      [
        [null, ['Inès Morel']],
        [null, ['Paul Martin']],
      ],
    ],
    [
      '"the morning started with Name" and "Name of Company closed the afternoon"',
      '<p>The morning started with Oskar Lindqvist and a live demo.</p><p>Mira Santos of Saltworks closed the afternoon with war stories.</p>',
      [
        [null, ['Oskar Lindqvist']],
        [null, ['Mira Santos']],
      ],
    ],
    [
      'a bold title followed by ", by Name"',
      '<p>One session stood out: the closing keynote, <strong>Ropes and knots at scale</strong>, by Nadia Coleman.</p>',
      [['Ropes and knots at scale', ['Nadia Coleman']]],
    ],
    [
      'a Latin name in Chinese prose, and a "讲师：" label',
      '<p>首先是基金会执行董事Jim Zemlin的开场演讲，他提到了开源。</p><p>讲师：李明，介绍了网关。</p>',
      [
        [null, ['Jim Zemlin']],
        [null, ['李明']],
      ],
    ],
  ])('reads %s', (_name, prose, expected) => {
    expect(summary(HEADED + prose).slice(1)).toEqual(expected);
  });

  test.each([
    ['a person thanked', '<p>Thanks to Oskar Lindqvist and Mira Santos for the organisation.</p>'],
    [
      'an event named like a person',
      '<p>Harbour Camp in Oslo has a habit of hosting talks that age well.</p>',
    ],
    ['a talk the author missed', '<p>I missed the talk by Oskar Lindqvist, sadly.</p>'],
    ['a person met, with no talk', '<p>Mira Santos was at the party, with Nadia Coleman.</p>'],
    ['the speaker of a talk already found', '<p>Ada Brightwater gave us more tides later.</p>'],
  ])('finds no talk in %s', (_name, prose) => {
    expect(summary(HEADED + prose).slice(1)).toEqual([]);
  });
});

describe('posts about the talks of one person', () => {
  function ofPost(title: string, html: string) {
    const { $, root } = loadPost('post.html', html);
    return extractTalks($, root, { title }).map((t) => [t.title, t.speakers.map((s) => s.name)]);
  }

  test('reads bold-led list items as the talks of the person the title names', () => {
    const html =
      '<p>His talks at the same conference, in order.</p><ol><li><strong>Hammocks</strong>, Conf 2010. Think first.</li><li><strong>Maybe Later</strong>, Conf 2018. Optionality.</li></ol>';
    expect(ofPost('Ada Brightwater at Harbour Conf: two talks', html)).toEqual([
      ['Hammocks', ['Ada Brightwater']],
      ['Maybe Later', ['Ada Brightwater']],
    ]);
  });

  test('reads italic titles in paragraphs', () => {
    const html =
      '<p>First came <em>Seeing the Tide</em>, about tools.</p><p>Then he gave <em>Knots on Principle</em> in Montreal.</p>';
    expect(ofPost('Oskar Lindqvist, two talks in', html)).toEqual([
      ['Seeing the Tide', ['Oskar Lindqvist']],
      ['Knots on Principle', ['Oskar Lindqvist']],
    ]);
  });

  test.each([
    ['a title about a person but not about talks', 'Ada Brightwater: favourite tools'],
    ['a title that names no person', 'Notes on two talks'],
  ])('finds nothing under %s', (_name, title) => {
    const html =
      '<ul><li><strong>Hammocks</strong>, great.</li><li><strong>Maybe Later</strong>, good.</li></ul>';
    expect(ofPost(title, html)).toEqual([]);
  });
});

describe('list items with a kind between title and speaker', () => {
  test('reads "**Title** (keynote) by Name"', () => {
    const { $, root } = loadPost(
      'post.html',
      '<ul><li><strong>Writing Ropes</strong> (keynote) by Victor Osei. Long.</li><li><strong>Maps</strong> by Mira Santos.</li></ul>',
    );
    expect(extractTalks($, root).map((t) => [t.title, t.speakers.map((s) => s.name), t.kind])).toEqual([
      ['Writing Ropes', ['Victor Osei'], 'keynote'],
      ['Maps', ['Mira Santos'], 'talk'],
    ]);
  });
});

describe('the author’s own talk and speakers known by their profile link', () => {
  test('reads "my new presentation, [Title]" as the author’s talk', () => {
    const { $, root } = loadPost(
      'post.html',
      `${HEADED}<p>I was giving my new presentation, <a href="/v">Knots You Can Trust</a>. It went well.</p>`,
    );
    const author = { name: 'Ada Brightwater', handle: null, affiliation: null };
    expect(extractTalks($, root, { author }).map((t) => [t.title, t.speakers.map((s) => s.name)])).toEqual([
      ['Tides of data', ['Ada Brightwater']],
      ['Knots You Can Trust', ['Ada Brightwater']],
    ]);
  });

  test('reads a first name linked to a Twitter profile in the section’s first sentence', () => {
    const { $, root } = loadPost(
      'post.html',
      '<h2>Tides of data</h2><p>Ada Brightwater</p><h2>Harbour maps</h2><p>Oskar Lindqvist</p><h2>Buoys at scale</h2><p>I heard <a href="https://twitter.com/#!/mira">Mira</a> mention floating sensors. Great.</p>',
    );
    expect(extractTalks($, root).map((t) => [t.title, t.speakers.map((s) => [s.name, s.handle])])).toEqual([
      ['Tides of data', [['Ada Brightwater', null]]],
      ['Harbour maps', [['Oskar Lindqvist', null]]],
      ['Buoys at scale', [['Mira', '@mira']]],
    ]);
  });

  test('takes no speaker from a share link', () => {
    const { $, root } = loadPost(
      'post.html',
      '<h2>About this blog</h2><p><a href="https://twitter.com/share?url=x">Share</a> this post.</p>',
    );
    expect(extractTalks($, root)).toEqual([]);
  });
});
