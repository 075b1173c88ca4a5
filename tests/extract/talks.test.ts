import { describe, expect, test } from 'vitest';
import { loadPost } from '../../src/extract/load.ts';
import { extractTalks } from '../../src/extract/talks/index.ts';

function talksOf(html: string, source = 'post.html') {
  const { $, root } = loadPost(source, html);
  return extractTalks($, root);
}

const summary = (html: string, source?: string) =>
  talksOf(html, source).map((t) => [t.title, t.speakers.map((s) => s.name)]);

describe('talk headings', () => {
  test.each([
    [
      'a speaker line under each heading',
      '<h2>Tides of data</h2><p>Ada Brightwater - @adabright - Saltworks</p><p>Notes.</p><h2>Lighthouses</h2><p>Oskar Lindqvist</p><p>More.</p>',
      [
        ['Tides of data', ['Ada Brightwater']],
        ['Lighthouses', ['Oskar Lindqvist']],
      ],
    ],
    [
      '"Title - Speaker" headings',
      '<h3>Knots in ten minutes - Mira Santos</h3><p>Shell tricks.</p>',
      [['Knots in ten minutes', ['Mira Santos']]],
    ],
    [
      '"Title (Speaker)" headings',
      '<h2>Research on a budget (Nadia COLEMAN)</h2><p>Interviews in cafés.</p>',
      [['Research on a budget', ['Nadia Coleman']]],
    ],
    [
      '"Title by Speaker" and "Title par Speaker" headings',
      '<h2>Formal methods by Victor Osei</h2><p>Model checking.</p><h2>Les files de messages par Camille Roux</h2><p>Démo.</p>',
      [
        ['Formal methods', ['Victor Osei']],
        ['Les files de messages', ['Camille Roux']],
      ],
    ],
    [
      '"Talk “Title”" with "Présenté par" bullets',
      '<h2>Talk “Les robots”</h2><p>Salle comble.</p><p>Présenté par</p><ul><li>Inès Morel @inesm</li><li>Hugo Ferrand</li></ul>',
      [['Les robots', ['Inès Morel', 'Hugo Ferrand']]],
    ],
    [
      'a "By Speaker" first line and "Title [Speaker]" headings',
      '<h2>Tidal APIs</h2><p>By Ada Brightwater (@ada)</p><p>Notes.</p><h2>Harbour maps [Oskar Lindqvist]</h2><p>More notes.</p>',
      [
        ['Tidal APIs', ['Ada Brightwater']],
        ['Harbour maps', ['Oskar Lindqvist']],
      ],
    ],
    [
      'an h4 title with a "讲师：" line',
      '<h4>云原生网关实践</h4><p>讲师：李明</p><p>介绍了网关的路由与限流。</p>',
      [['云原生网关实践', ['李明']]],
    ],
    [
      'the talks under a "Day 1" heading, without "Break"',
      '<h1>Day 1</h1><h2>Hexagonal architecture</h2><p>Ports and adapters in practice.</p><h2>Break</h2><p>Coffee and croissants.</p><h2>Server-side Kotlin</h2><p>A migration from Java, step by step.</p>',
      [
        ['Hexagonal architecture', []],
        ['Server-side Kotlin', []],
      ],
    ],
  ])('reads %s', (_name, html, expected) => {
    expect(summary(`<article>${html}</article>`)).toEqual(expected);
  });

  test('keeps sub-headings of a talk inside its notes', () => {
    const [talk, ...rest] = talksOf(
      '<article><h2>Tides of data</h2><p>Ada Brightwater</p><h3>Back-pressure</h3><p>Queues fill up.</p></article>',
    );
    expect(rest).toEqual([]);
    expect(talk?.text).toContain('Back-pressure Queues fill up.');
  });

  test('reads speaker-name headings as talks without a title', () => {
    const html =
      '<h1>Petra Valdez</h1><p>Petra talked about databases.</p><h1>Jonas Eberhardt</h1><p>Jonas showed build graphs.</p>';
    expect(summary(html)).toEqual([
      [null, ['Petra Valdez']],
      [null, ['Jonas Eberhardt']],
    ]);
  });

  test('marks the talks of a lightning section', () => {
    const html =
      '<h2>Lightning</h2><h3>Knots - Mira Santos</h3><p>Shell.</p><h3>Sails - Tom Baker</h3><p>Boats.</p>';
    expect(talksOf(html).map((t) => t.kind)).toEqual(['lightning', 'lightning']);
  });

  test('uses the heading id as anchor, and makes generated ones unique', () => {
    const html =
      '<h2 id="first">Knots - Mira Santos</h2><p>a</p><h2>Knots - Tom Baker</h2><p>b</p><h2>Knots - Ivy Tran</h2><p>c</p>';
    expect(talksOf(html).map((t) => t.anchor)).toEqual(['first', 'knots', 'knots-2']);
  });
});

describe('talks in lists and prose', () => {
  test.each([
    [
      '"**Title**, Speaker" items among other bullets',
      '<ul><li><p><strong>Thinking in Streams</strong>, Hana Kowalski</p><p>Stream processing.</p></li><li>The hallway track was great.</li></ul>',
      [['Thinking in Streams', ['Hana Kowalski']]],
    ],
    [
      '"Title (Speaker): comment" items',
      '<ul><li><a href="https://example.org/v/1">Deep Dive into Testing (Sam Brannen)</a>: solid.</li><li>Paris is nice.</li></ul>',
      [['Deep Dive into Testing', ['Sam Brannen']]],
    ],
    [
      'bold "Title by Speaker, Company" inside a paragraph',
      '<p>First was <strong>Mapping the Container Galaxy by Rosa Lindgren, Nebula Labs</strong>. Great.</p>',
      [['Mapping the Container Galaxy', ['Rosa Lindgren']]],
    ],
    [
      'table rows with a title cell and a speaker cell',
      '<table><tr><th>Time</th><th>Talk</th><th>Speaker</th></tr><tr><td>09:30</td><td>Lighting up legacy code</td><td>Yusuf Demir</td></tr><tr><td>11:00</td><td>Coffee break</td><td></td></tr></table>',
      [['Lighting up legacy code', ['Yusuf Demir']]],
    ],
    [
      'paragraphs that open with the speaker, when nothing else names a talk',
      '<p>Maya Okafor, from Lumen Systems, started the morning with meshes.</p><p>Daniel Reyes gave a talk on monitoring.</p>',
      [
        [null, ['Maya Okafor']],
        [null, ['Daniel Reyes']],
      ],
    ],
  ])('reads %s', (_name, html, expected) => {
    expect(summary(`<article>${html}</article>`)).toEqual(expected);
  });

  test('reads linked titles as talks in a list where most items are talks', () => {
    const item = (title: string, rest: string) =>
      `<li><a href="https://example.org">${title}</a>${rest}</li>`;
    const html = `<ul>${[
      item('Kubelets in the wild', ' - slides by @kube'),
      item('Scheduling for humans', ' by @sched'),
      item('Volumes without tears', ' - slides'),
      item('The State of State', ' - no recording'),
      item('Release', ' notes'),
      '<li>Version 2 is out</li>',
    ].join('')}</ul>`;
    expect(summary(`<article>${html}</article>`).map(([title]) => title)).toEqual([
      'Kubelets in the wild',
      'Scheduling for humans',
      'Volumes without tears',
      'The State of State',
    ]);
  });

  test('leaves out the talks the author says they missed', () => {
    const html =
      '<h2>Talks</h2><ul><li><strong>Streams</strong>, Hana Kowalski</li></ul><h2>Talks I missed</h2><ul><li><strong>GC Myths</strong>, Ivy Tran</li></ul>';
    expect(summary(html).map(([title]) => title)).toEqual(['Streams']);
  });

  test('reads plain text: a short line followed by a speaker line opens a talk', () => {
    const text = [
      'Harbour notes',
      'Tides of data',
      'Ada Brightwater - @adabright',
      'Event streams between regions.',
      'Back-pressure',
      'Queues fill up.',
      'Building lighthouses',
      'Oskar Lindqvist',
      'Metrics first.',
    ].join('\n\n');
    const talks = talksOf(text, 'notes.txt');
    expect(talks.map((t) => [t.title, t.speakers.map((s) => s.name)])).toEqual([
      ['Tides of data', ['Ada Brightwater']],
      ['Building lighthouses', ['Oskar Lindqvist']],
    ]);
    expect(talks[0]?.text).toBe('Event streams between regions. Back-pressure Queues fill up.');
  });

  test('finds no talk in a post that lists topics only', () => {
    expect(
      summary(
        '<article><h1>Going to Northconf 2024</h1><ul><li>Kubernetes</li><li>Observability</li></ul></article>',
      ),
    ).toEqual([]);
  });
});
