import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractPost } from '../../src/extract/index.ts';

const SHAPES = join(import.meta.dirname, '..', 'fixtures', 'shapes');

function extract(name: string) {
  return extractPost(name, readFileSync(join(SHAPES, name)));
}

const people = (name: string) =>
  extract(name).talks.map((t) => [t.title, t.speakers.map((s) => s.name).join(' + ')]);

describe('full pages of each shape', () => {
  test.each([
    [
      'heading-byline.html',
      [
        ['Tides of data', 'Ada Brightwater'],
        ['Building lighthouses', 'Oskar Lindqvist'],
        ['Knots in ten minutes', 'Mira Santos'],
        ['Sailing with schemas', 'Tom Baker'],
      ],
    ],
    [
      'title-parens.html',
      [
        ['Opening remarks', 'Greta Holm'],
        ['Paper prototypes that scale', 'Luis Ortega'],
        ['Research on a budget', 'Nadia Coleman'],
        ['Metrics that matter', 'Ben Ashford + Carla Dunne'],
      ],
    ],
    [
      'list-talks.html',
      [
        ['Thinking in Streams', 'Hana Kowalski'],
        ['Formal Methods for the Rest of Us', 'Victor Osei'],
      ],
    ],
    [
      'talk-quoted-fr.html',
      [
        ['Les files de messages sans douleur', 'Camille Roux + Hugo Ferrand'],
        ['Construire un robot en une heure', 'Inès Morel'],
      ],
    ],
    [
      'speaker-headings.md',
      [
        [null, 'Petra Valdez'],
        [null, 'Jonas Eberhardt'],
        ['Caching', ''],
        [null, 'Farah Nasser'],
      ],
    ],
    [
      'inline-bold.md',
      [
        ['Mapping the Container Galaxy', 'Rosa Lindgren'],
        ['Serverless Without Tears', 'Kofi Mensah + Lea Schulz'],
      ],
    ],
    [
      'chinese-h4.html',
      [
        ['云原生网关实践', '李明'],
        ['服务网格的可观察性', '王芳'],
      ],
    ],
    [
      'day-sections.md',
      [
        ['Architecture hexagonale en pratique', ''],
        ['Kotlin côté serveur', ''],
        ['Sécuriser ses API', ''],
      ],
    ],
    [
      'table.html',
      [
        ['Lighting up legacy code', 'Yusuf Demir'],
        ['Contracts between teams, not services', 'Elena Sokolova + Raj Patel'],
        ['Mutation testing in anger', 'Chloé Martin'],
      ],
    ],
    [
      'contents-list.html',
      [
        ['Sediment layers in your codebase', 'Iris Feld'],
        ['Crushing queues', 'Marco Bellini'],
      ],
    ],
    [
      'prose.txt',
      [
        [null, 'Maya Okafor'],
        [null, 'Daniel Reyes'],
      ],
    ],
  ])('%s gives its talks and speakers', (name, expected) => {
    expect(people(name)).toEqual(expected);
  });

  test('a post without talks gives none, and says why', () => {
    const post = extract('no-talks.html');
    expect(post.talks).toEqual([]);
    expect(post.warnings).toEqual([
      'no-talks.html: no talks found (no heading, list item or paragraph names one)',
    ]);
  });

  test('page chrome never leaks into talks', () => {
    for (const name of ['heading-byline.html', 'title-parens.html']) {
      const text = JSON.stringify(extract(name).talks);
      for (const chrome of [
        'Recent posts',
        'Jo Nobody',
        'Pat Green',
        'Sam Reader',
        'Ann Other',
        'Subscribe',
        '©',
      ])
        expect(text).not.toContain(chrome);
    }
  });

  test('handles, affiliations, kinds and anchors come from the page', () => {
    const talks = extract('heading-byline.html').talks;
    expect(talks[0]?.speakers).toEqual([
      { name: 'Ada Brightwater', handle: '@adabright', affiliation: 'Lead engineer at Saltworks' },
    ]);
    expect(talks.map((t) => t.kind)).toEqual(['talk', 'talk', 'lightning', 'lightning']);
    expect(talks.map((t) => t.anchor)).toEqual([
      'tides-of-data',
      'building-lighthouses',
      'knots-in-ten-minutes',
      'sailing-with-schemas',
    ]);
    expect(extract('talk-quoted-fr.html').talks[1]?.kind).toBe('workshop');
  });

  test('a contents list gives no talk of its own: the sections it links to do', () => {
    expect(extract('contents-list.html').talks.map((t) => t.anchor)).toEqual(['sediment', 'crushing-queues']);
  });

  test('talks carry their conference only in a post that covers several', () => {
    const post = extract('several-conferences.md');
    expect(post.conference).toBeNull();
    expect(post.talks.map((t) => [t.title, t.conference?.name, t.conference?.year])).toEqual([
      ['Gophers for grown-ups', 'DevFest Nantes', 2018],
      ['Terraform at the seaside', 'DevFest Nantes', 2018],
      ['Consistency, just enough', 'dotScale', 2018],
    ]);
    expect(extract('heading-byline.html').talks.every((t) => t.conference === null)).toBe(true);
  });

  test('the notes of a talk are its section, as plain text', () => {
    const [first] = extract('heading-byline.html').talks;
    expect(first?.text).toBe(
      'Ada explained how her team moves event streams between regions without losing ordering. Back-pressure Queues fill up; the trick is to push back before they do.',
    );
    expect(first?.conference).toBeNull();
  });
});
