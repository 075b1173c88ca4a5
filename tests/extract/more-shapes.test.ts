import { describe, expect, test } from 'vitest';
import { html, summary, talksOf } from './post-helpers.ts';

describe('labelled and listed shapes', () => {
  test.each([
    [
      'bold items whose title opens with a kind label',
      '<ul><li><strong>Charting the tides</strong> — <em>Ada Brightwater</em></li><li><strong>Lightning talk: Knots in five minutes</strong> — <em>Mira Santos</em></li></ul>',
      [
        ['Charting the tides', ['Ada Brightwater']],
        ['Knots in five minutes', ['Mira Santos']],
      ],
    ],
    [
      'headings with the speaker in <small> after the title, and a date in <small> left alone',
      '<h3>Charting the tides <small>Ada Brightwater</small></h3><p>Notes.</p><h3>Lighthouses <small>Oskar Lindqvist</small></h3><p>More.</p><h3>Closing thoughts <small>June 2031</small></h3><p>Bye.</p>',
      [
        ['Charting the tides', ['Ada Brightwater']],
        ['Lighthouses', ['Oskar Lindqvist']],
      ],
    ],
    [
      'items of a linked title line over an italic name line',
      '<ol><li><a href="/1">Charting the tides</a><br><em>Ada Brightwater</em></li><li><a href="/2">Lighthouses</a><br><em>Oskar Lindqvist</em></li></ol>',
      [
        ['Charting the tides', ['Ada Brightwater']],
        ['Lighthouses', ['Oskar Lindqvist']],
      ],
    ],
    [
      'paragraphs of a bold linked title, then a "Speakers:" line',
      '<p><a href="/1"><strong>Charting the tides</strong></a><br>Speakers: Ada Brightwater, Oskar Lindqvist</p><p><a href="/2"><strong>Lighthouses</strong></a><br>Speaker: Mira Santos</p>',
      [
        ['Charting the tides', ['Ada Brightwater', 'Oskar Lindqvist']],
        ['Lighthouses', ['Mira Santos']],
      ],
    ],
    [
      'programme headings "time - kind - title - speaker"',
      '<h2>09:30 - Keynote - Charting the tides - Ada Brightwater</h2><p>Notes.</p><h2>10:30 - Lighthouses - Oskar Lindqvist</h2><p>More.</p>',
      [
        ['Charting the tides', ['Ada Brightwater']],
        ['Lighthouses', ['Oskar Lindqvist']],
      ],
    ],
    [
      'quoted titles by a speaker with the company in square brackets',
      '<ul><li>"Knots in ten minutes" by Mira Santos [Saltworks]</li><li>"Harbour maps" by Tom Baker [Driftwood]</li></ul>',
      [
        ['Knots in ten minutes', ['Mira Santos']],
        ['Harbour maps', ['Tom Baker']],
      ],
    ],
    [
      'speaker lines opened by a pictograph, with or without a label',
      '<h2>Tides of data</h2><p>🎤 Speaker: Ada Brightwater (Saltworks)</p><p>Notes.</p><h2>Lighthouses</h2><p>👤 Oskar Lindqvist</p><p>More.</p>',
      [
        ['Tides of data', ['Ada Brightwater']],
        ['Lighthouses', ['Oskar Lindqvist']],
      ],
    ],
    [
      'headings "Speaker: Name — Talk: Title"',
      '<h2>Speaker: Ada Brightwater — Talk: Tides of data</h2><p>Notes.</p><h2>Speaker: Oskar Lindqvist — Talk: Lighthouses</h2><p>More.</p><h2>Closing thoughts</h2><p>Bye.</p>',
      [
        ['Tides of data', ['Ada Brightwater']],
        ['Lighthouses', ['Oskar Lindqvist']],
      ],
    ],
    [
      'paragraphs of "Talk:" and "Speaker:" lines',
      '<p><strong>Talk:</strong> Knots in ten minutes<br><strong>Speaker:</strong> Mira Santos (Saltworks)<br>Mira tied twelve knots.</p><p><strong>Talk:</strong> Harbour maps<br><strong>Speaker:</strong> Tom Baker<br>Maps everywhere.</p>',
      [
        ['Knots in ten minutes', ['Mira Santos']],
        ['Harbour maps', ['Tom Baker']],
      ],
    ],
    [
      'a definition list of titles and speakers',
      '<dl><dt>Reading the weather</dt><dd>Nadia Coleman — clouds, fronts and barometers.</dd><dt>Sails of the future</dt><dd>Ben Ashford — carbon and kites.</dd></dl>',
      [
        ['Reading the weather', ['Nadia Coleman']],
        ['Sails of the future', ['Ben Ashford']],
      ],
    ],
    [
      'list items "Title, Name" (but not "Event 2031, City")',
      '<ul><li>Paper charts that scale, Greta Holm</li><li>Rope access for beginners, Luis Ortega</li><li>Harbourconf 2031, Santa Clara</li></ul>',
      [
        ['Paper charts that scale', ['Greta Holm']],
        ['Rope access for beginners', ['Luis Ortega']],
      ],
    ],
    [
      'Chinese items "标题 —— 讲师"',
      '<ul><li>云原生网关实践 —— 李明</li><li>服务网格的演进——王芳（某公司）</li></ul>',
      [
        ['云原生网关实践', ['李明']],
        ['服务网格的演进', ['王芳']],
      ],
    ],
    [
      'quoted titles "by" a speaker, with links to slides and a video',
      '<ul><li>“Tides of data” by Ada Brightwater (<a href="/s">slides</a>, <a href="/v">video</a>)</li><li>“Lighthouses” by Oskar Lindqvist — notes on beacons.</li><li>Harbour maps by Tom Baker — <a href="/v2">video</a></li></ul>',
      [
        ['Tides of data', ['Ada Brightwater']],
        ['Lighthouses', ['Oskar Lindqvist']],
        ['Harbour maps', ['Tom Baker']],
      ],
    ],
    [
      '"Keynote by Name: Title" and "Keynote de Nom : Titre"',
      '<h2>Keynote by Ada Brightwater: The state of the harbour</h2><p>Boats.</p><h2>Keynote de Camille Roux : Les phares du futur</h2><p>Lumière.</p>',
      [
        ['The state of the harbour', ['Ada Brightwater']],
        ['Les phares du futur', ['Camille Roux']],
      ],
    ],
    [
      'Chinese headings "主题：… 讲师：…"',
      '<h3>主题：云原生网关实践 讲师：李明</h3><p>介绍了网关。</p><h3>主题：服务网格 | 讲师：王芳（某公司）</h3><p>介绍了网格。</p>',
      [
        ['云原生网关实践', ['李明']],
        ['服务网格', ['王芳']],
      ],
    ],
    [
      'programme items that open with a time slot',
      '<ul><li>10:30 – Tides of data – Ada Brightwater</li><li>11h30 – Harbour maps – Tom Baker</li></ul>',
      [
        ['Tides of data', ['Ada Brightwater']],
        ['Harbour maps', ['Tom Baker']],
      ],
    ],
    [
      'numbered "Talk #1: Title" and "Session 3 – Title – Name" headings',
      '<h2>Talk #1: Les phares du futur</h2><p>Par Camille Roux.</p><h2>Session 3 – Harbour maps – Tom Baker</h2><p>Maps.</p>',
      [
        ['Les phares du futur', ['Camille Roux']],
        ['Harbour maps', ['Tom Baker']],
      ],
    ],
    [
      'French « Titre » de / d’ Nom items',
      '<ul><li>« Les phares du futur » de Camille Roux</li><li>« Cartes marines » d’Inès Morel</li></ul>',
      [
        ['Les phares du futur', ['Camille Roux']],
        ['Cartes marines', ['Inès Morel']],
      ],
    ],
    [
      'Chinese 《标题》 items with a dash or a 讲师 label',
      '<ul><li>《云原生网关实践》—— 李明</li><li>《服务网格的演进》，讲师：王芳</li></ul>',
      [
        ['云原生网关实践', ['李明']],
        ['服务网格的演进', ['王芳']],
      ],
    ],
    [
      'Chinese numbered 《标题》 items with a 讲师 label after a space',
      '<ol><li>《网关的十年》 讲师：王伟</li><li>《日志与告警》 讲师：李娜</li></ol>',
      [
        ['网关的十年', ['王伟']],
        ['日志与告警', ['李娜']],
      ],
    ],
    [
      'linked titles with a nested "Speaker:" item',
      '<ul><li><a href="/v/1">Tides of data</a><ul><li>Speaker: Ada Brightwater</li><li>Charts.</li></ul></li><li><a href="/v/2">Harbour maps</a><ul><li>Speaker: Tom Baker</li></ul></li></ul>',
      [
        ['Tides of data', ['Ada Brightwater']],
        ['Harbour maps', ['Tom Baker']],
      ],
    ],
    [
      'paragraphs "**Title** – *Name*. Notes" (twice or more)',
      '<p><b>Tides of data</b> – <i>Ada Brightwater</i>. Charts and tables.</p><p><b>Harbour maps (video)</b> – <i>Tom Baker</i>. Maps.</p><p><b>Update</b> - the slides are online.</p>',
      [
        ['Tides of data', ['Ada Brightwater']],
        ['Harbour maps', ['Tom Baker']],
      ],
    ],
    [
      "a title heading with the speaker's name in the heading under it",
      '<h3>Reading the weather</h3><h4>Nadia Coleman</h4><p>Clouds.</p><h3>Sails of the future</h3><h4>Ben Ashford</h4><p>Kites.</p>',
      [
        ['Reading the weather', ['Nadia Coleman']],
        ['Sails of the future', ['Ben Ashford']],
      ],
    ],
  ])('reads %s', (_name, inner, expected) => {
    expect(summary('post.html', html(inner))).toEqual(expected);
  });

  test('keeps a "Session 2" heading as a group of talks', () => {
    const inner = '<h2>Session 2</h2><h3>Harbour maps</h3><p>Tom Baker - Driftwood</p><p>Maps.</p>';
    expect(summary('post.html', html(inner))).toEqual([['Harbour maps', ['Tom Baker']]]);
  });

  test('gives the keynote kind to "Keynote by Name: Title"', () => {
    const inner = '<h2>Keynote by Ada Brightwater: The state of the harbour</h2><p>Boats.</p>';
    expect(talksOf('post.html', html(inner)).map((t) => t.kind)).toEqual(['keynote']);
  });

  test('makes the items under a "Lightning talks" heading lightning talks', () => {
    const inner =
      '<h2>Lightning talks</h2><ul><li>Tiny knots by Mira Santos</li><li>A buoy in five minutes by Ada Brightwater</li></ul>' +
      '<h2>Two talks worth more than the keynotes</h2><ul><li>Harbour maps by Tom Baker</li></ul>';
    expect(talksOf('post.html', html(inner)).map((t) => [t.title, t.kind])).toEqual([
      ['Tiny knots', 'lightning'],
      ['A buoy in five minutes', 'lightning'],
      ['Harbour maps', 'talk'],
    ]);
  });

  test("reads no topic from a speaker's name", () => {
    const inner = '<ul><li>Faster builds by Julia Brightwater</li></ul>';
    expect(talksOf('post.html', html(inner))[0]?.topics).not.toContain('Julia');
  });

  test('drops links to slides and a video from the affiliation', () => {
    const inner =
      '<ul><li>“Tides of data” by Ada Brightwater (<a href="/s">slides</a>, <a href="/v">video</a>)</li></ul>';
    expect(talksOf('post.html', html(inner))[0]?.speakers[0]?.affiliation).toBeNull();
  });

  test('leaves the label lines out of the notes', () => {
    const inner =
      '<p><strong>Talk:</strong> Harbour maps<br><strong>Speaker:</strong> Tom Baker<br>Maps everywhere.</p>';
    expect(talksOf('post.html', html(inner))[0]?.text).toBe('Maps everywhere.');
  });
});

describe('Markdown shapes', () => {
  test('reads "Keynote: Title" as a keynote and co-speakers with their companies', () => {
    const body = [
      '# Harbourconf 2031, day 1',
      '',
      '## Keynote: State of the harbour',
      '',
      '*Speaker: Ada Brightwater, Saltworks*',
      '',
      'Numbers and boats.',
      '',
      '## Talk: Knots in production',
      '',
      '*Speakers: Mira Santos (Driftwood), Tom Baker (Driftwood)*',
      '',
      'Rope all the way.',
      '',
      '## Lunch',
      '',
      'Fish.',
    ].join('\n');
    expect(talksOf('post.md', body).map((t) => [t.title, t.kind, t.speakers.map((s) => s.name)])).toEqual([
      ['State of the harbour', 'keynote', ['Ada Brightwater']],
      ['Knots in production', 'talk', ['Mira Santos', 'Tom Baker']],
    ]);
  });

  test('reads a quoted title followed by "by" and a comment as its own talk', () => {
    const body = [
      '---',
      'title: Harbourconf 2031 recap',
      '---',
      '- "Tides of data" by Ada Brightwater ([slides](https://example.com/s))',
      '- "Reading the weather" by Nadia Coleman — clouds and barometers.',
    ].join('\n');
    expect(summary('post.md', body)).toEqual([
      ['Tides of data', ['Ada Brightwater']],
      ['Reading the weather', ['Nadia Coleman']],
    ]);
  });
});
