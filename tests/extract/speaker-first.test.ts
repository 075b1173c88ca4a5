import { describe, expect, test } from 'vitest';
import { html, summary, talksOf } from './post-helpers.ts';

describe('speaker-first shapes', () => {
  test.each([
    [
      'headings "Name & Name - Short Title" beside one with a longer title',
      '<h2>Ada Brightwater &amp; Oskar Lindqvist - Harbour Lights</h2><p>Notes.</p><h2>Mira Santos - The soul of a lighthouse keeper</h2><p>More.</p>',
      [
        ['Harbour Lights', ['Ada Brightwater', 'Oskar Lindqvist']],
        ['The soul of a lighthouse keeper', ['Mira Santos']],
      ],
    ],
    [
      'list items "Name - Title"',
      '<ul><li>Ada Brightwater - Tides of data at rest</li><li>Oskar Lindqvist - Lighthouses for every port</li></ul>',
      [
        ['Tides of data at rest', ['Ada Brightwater']],
        ['Lighthouses for every port', ['Oskar Lindqvist']],
      ],
    ],
    [
      'linked list items "Name: Title: Subtitle"',
      '<ul><li><a href="/v/1">Mira Santos: Knots: a field guide for sailors</a></li><li><a href="/v/2">Tom Baker: What is a harbour master?</a></li></ul>',
      [
        ['Knots: a field guide for sailors', ['Mira Santos']],
        ['What is a harbour master?', ['Tom Baker']],
      ],
    ],
    [
      'headings "Name (Company) - Title"',
      '<h3>Greta Holm (Saltworks) - Paper charts that scale</h3><p>Greta drew maps live.</p><h3>Luis Ortega (Driftwood) - Rope access for beginners</h3><p>Knots again.</p>',
      [
        ['Paper charts that scale', ['Greta Holm']],
        ['Rope access for beginners', ['Luis Ortega']],
      ],
    ],
    [
      'headings "Name: Title" beside a non-talk heading',
      '<h3>Nadia Coleman: Every tide matters</h3><p>Long talk.</p><h3>Ben Ashford: The future of buoys</h3><p>Short talk.</p><h3>Lunch break</h3><p>Soup.</p>',
      [
        ['Every tide matters', ['Nadia Coleman']],
        ['The future of buoys', ['Ben Ashford']],
      ],
    ],
    [
      'paragraphs led by a bold name, then an italic title',
      '<p><b>Carla Dunne</b> – <i>Measuring the swell</i>. Carla compared buoys.</p><p><b>Hana Kowalski</b> – <i>Streams of plankton</i>. Lots of charts.</p>',
      [
        ['Measuring the swell', ['Carla Dunne']],
        ['Streams of plankton', ['Hana Kowalski']],
      ],
    ],
    [
      'speaker-first headings beside "Keynote — Name" ones',
      '<h3>Keynote — Ada Brightwater</h3><p>Tides.</p><h3>Oskar Lindqvist — Old is the new new</h3><p>History.</p><h3>Lunch</h3><h3>Mira Santos – Knots, knots</h3><p>Rope.</p>',
      [
        ['Keynote', ['Ada Brightwater']],
        ['Old is the new new', ['Oskar Lindqvist']],
        ['Knots, knots', ['Mira Santos']],
      ],
    ],
    [
      'numbered headings "1. Name — Title"',
      '<h2>1. Greta Holm — Paper charts that scale</h2><p>Maps.</p><h2>2. Luis Ortega — Rope access for beginners</h2><p>Ropes.</p>',
      [
        ['Paper charts that scale', ['Greta Holm']],
        ['Rope access for beginners', ['Luis Ortega']],
      ],
    ],
    [
      'short titles once the list reads speaker first',
      '<ul><li><b>Ada Brightwater</b> — Maybe Tomorrow</li><li><b>Oskar Lindqvist</b> — Everything about harbours is slow</li><li><b>Mira Santos</b> — Knots we tie</li></ul>',
      [
        ['Maybe Tomorrow', ['Ada Brightwater']],
        ['Everything about harbours is slow', ['Oskar Lindqvist']],
        ['Knots we tie', ['Mira Santos']],
      ],
    ],
  ])('reads %s', (_name, inner, expected) => {
    expect(summary('post.html', html(inner))).toEqual(expected);
  });

  test('reads Chinese headings "讲师：标题" but not section labels such as "背景：…"', () => {
    const talks =
      '<h2>李明：云原生网关实践</h2><p>介绍了网关。</p><h2>王芳（某公司）：服务网格的演进</h2><p>介绍了网格。</p>';
    const labels = '<h2>背景：为什么需要网关</h2><p>问题。</p><h2>总结：未来的方向</h2><p>展望。</p>';
    expect(summary('post.html', html(talks))).toEqual([
      ['云原生网关实践', ['李明']],
      ['服务网格的演进', ['王芳']],
    ]);
    expect(summary('post.html', html(labels))).toEqual([]);
  });

  test('keeps the company in parentheses as the affiliation', () => {
    const [talk] = talksOf(
      'post.html',
      html('<h3>Greta Holm (Saltworks) - Paper charts that scale</h3><p>x</p>'),
    );
    expect(talk?.speakers).toEqual([{ name: 'Greta Holm', handle: null, affiliation: 'Saltworks' }]);
  });

  test('reads "Name - Company" items as people, not talks', () => {
    const inner =
      '<ul><li>Ada Brightwater - Saltworks Labs</li><li>Oskar Lindqvist - Driftwood Studio</li></ul>';
    expect(summary('post.html', html(inner))).toEqual([]);
  });

  test('keeps "Topic: Subtitle" headings whole when a speaker line under them names the speaker', () => {
    const inner =
      '<h2>Domain Modelling: Where to start</h2><p>Ada Brightwater - Saltworks</p><p>Notes.</p>' +
      '<h2>Tidal Forecasts: A primer for sailors</h2><p>Oskar Lindqvist - Driftwood</p><p>More.</p>' +
      '<h2>Key Takeaways: What I learned</h2><p>Lots.</p>';
    expect(summary('post.html', html(inner))).toEqual([
      ['Domain Modelling: Where to start', ['Ada Brightwater']],
      ['Tidal Forecasts: A primer for sailors', ['Oskar Lindqvist']],
    ]);
  });

  test('reads no talks in lists of people under "Team" or "Sponsors", nor in a line of thanks', () => {
    const inner =
      '<h2>Team</h2><ul><li>Ada Brightwater: Venue and catering</li><li>Oskar Lindqvist: Tickets and the website</li></ul>' +
      '<h2>Sponsors</h2><ul><li>Saltworks (Gold) - Thanks for the coffee</li><li>Driftwood (Silver) - Thanks for the stickers</li></ul>' +
      '<h2>Wrap-up</h2><ul><li>Thanks to the organisers, Mira Santos and Tom Baker</li></ul>';
    expect(summary('post.html', html(inner))).toEqual([]);
  });

  test('reads no talks in a list of quotes or of people with their jobs', () => {
    const inner =
      '<p>Lines I wrote down:</p><ul><li>Ada Brightwater: “Chart the tide before you sail.”</li><li>Oskar Lindqvist: “Every port is a lighthouse.”</li></ul>' +
      '<p>People I met:</p><ul><li>Mira Santos - Developer Advocate at Saltworks</li><li>Tom Baker - Staff engineer, Driftwood</li></ul>';
    expect(summary('post.html', html(inner))).toEqual([]);
  });

  test('reads no talks in section headings such as "Key Takeaways: What I learned"', () => {
    const inner =
      '<h2>Key Takeaways: What I learned</h2><p>A lot.</p><h2>Next Steps: Where to go from here</h2><p>Home.</p>';
    expect(summary('post.html', html(inner))).toEqual([]);
  });

  test('reads no talks in a list of technologies with subtitles', () => {
    const inner =
      '<p>On my radar:</p><ul><li>Apache Kafka: Event streaming at scale</li><li>Spring Boot: Opinionated Java for the cloud</li><li>Event Sourcing: Lessons from production</li></ul>';
    expect(summary('post.html', html(inner))).toEqual([]);
  });

  test('reads "Name: Question" headings as talks only in a post about talks or an edition', () => {
    const headings =
      '<h2>Ada Brightwater: Why do tides matter?</h2><p>A classic.</p><h2>Oskar Lindqvist: Describe a hard storm</h2><p>Another.</p>';
    const page = (title: string) =>
      `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${headings}</article></body></html>`;
    expect(summary('post.html', page('Questions I like to ask'))).toEqual([]);
    expect(summary('post.html', page('Harbourconf 2031'))).toEqual([
      ['Why do tides matter?', ['Ada Brightwater']],
      ['Describe a hard storm', ['Oskar Lindqvist']],
    ]);
  });
});
