import { describe, expect, test } from 'vitest';
import { html, summary } from './post-helpers.ts';

type Row = [name: string, inner: string, expected: [string | null, string[]][]];

describe('talks named past the opening sentence of a paragraph', () => {
  test.each<Row>([
    [
      'a person who presented, after when it was',
      '<p>The morning started with coffee. Later, Ada Brightwater presented the history of tide tables and their forty years of releases.</p>',
      [[null, ['Ada Brightwater']]],
    ],
    [
      'a talk whose title is quoted right after the verb',
      '<p>We had lunch in the sun. After lunch, Mira Santos gave a talk about "Knots in ten minutes", which was great fun.</p>',
      [['Knots in ten minutes', ['Mira Santos']]],
    ],
    [
      'a talk by a person, in the third sentence',
      '<p>The venue was packed. Coffee ran out early. The closing keynote by Oskar Lindqvist was the highlight of the day.</p>',
      [[null, ['Oskar Lindqvist']]],
    ],
    [
      'a person who explained how something works, or walked us through it',
      '<p>Coffee first. Later, Oskar Lindqvist explained how lighthouses count ships.</p><p>Lunch was late. After lunch, Ana de Souza walked us through her migration of the harbour maps.</p>',
      [
        [null, ['Oskar Lindqvist']],
        [null, ['Ana de Souza']],
      ],
    ],
    [
      'a Chinese sentence that shares a title in 《》',
      '<p>上午的议程很满，会场人很多。随后，张伟分享了《港口地图》，讲得很好。</p>',
      [['港口地图', ['张伟']]],
    ],
    [
      'a person who talked to the room ("talked to us")',
      '<p>Coffee first. Later, Mira Santos talked to us about knots for distributed systems.</p>',
      [[null, ['Mira Santos']]],
    ],
    [
      'one talk per paragraph, the first a later sentence names',
      '<p>It rained. Then Oskar Lindqvist talked about lighthouse drones.</p><p>Back inside. Next, Mira Santos presented her knot library.</p>',
      [
        [null, ['Oskar Lindqvist']],
        [null, ['Mira Santos']],
      ],
    ],
  ])('reads %s', (_name, inner, expected) => {
    expect(summary('p.html', html(inner))).toEqual(expected);
  });

  test.each<Row>([
    [
      'a person thanked for the venue',
      '<p>The venue was lovely. Many thanks to Ada Brightwater for the venue and the coffee.</p>',
      [],
    ],
    [
      'a person met, then quoted',
      '<p>I met Mira Santos at the party. Mira Santos said "ship it" and everyone laughed.</p>',
      [],
    ],
    [
      'a speaker whose words are recalled ("As Jane Doe explained")',
      '<p>Another thing I liked. As Ada Brightwater explained, releasing often is key.</p>',
      [],
    ],
    [
      'a recalled speaker at the opening of a paragraph',
      '<p>As Ada Brightwater explained, releasing often is key. It was good.</p>',
      [],
    ],
    [
      'a person who showed the author around',
      '<p>The doors opened at nine. Then Mira Santos showed us around the venue.</p>',
      [],
    ],
    [
      'a conversation with the author ("talked to me", "spoke with us")',
      '<p>Oskar Lindqvist talked to me about his startup over coffee.</p><p>The queue was long. Then Mira Santos spoke with us about remote teams.</p>',
      [],
    ],
    [
      'a talk the author did not see',
      '<p>The queue was long. Sadly I missed the talk by Oskar Lindqvist on lighthouse drones.</p>',
      [],
    ],
  ])('invents no talk from %s', (_name, inner, expected) => {
    expect(summary('p.html', html(inner))).toEqual(expected);
  });

  test("reads a mention ahead of the speaker's own section as that talk", () => {
    const inner =
      '<p>The line-up was strong. Ada Brightwater presented her tide tables, more on that below.</p>' +
      '<h2>Charting the tides (Ada Brightwater)</h2><p>Notes on tides.</p><h2>Lighthouses (Oskar Lindqvist)</h2><p>More notes.</p>';
    expect(summary('p.html', html(inner))).toEqual([
      ['Charting the tides', ['Ada Brightwater']],
      ['Lighthouses', ['Oskar Lindqvist']],
    ]);
  });

  test('reads a later mention of a speaker who already has a talk as that talk', () => {
    const inner =
      '<h2>Charting the tides (Ada Brightwater)</h2><p>Notes on tides.</p><h2>Lighthouses (Oskar Lindqvist)</h2><p>More notes.</p>' +
      '<h2>Closing thoughts</h2><p>A long day. Later, Ada Brightwater presented her slides again in the hallway.</p>';
    expect(summary('p.html', html(inner))).toEqual([
      ['Charting the tides', ['Ada Brightwater']],
      ['Lighthouses', ['Oskar Lindqvist']],
    ]);
  });
});

describe('"Name on Topic" headings', () => {
  test.each<Row>([
    [
      'two such headings: the topic is the title',
      '<h2>Ada Brightwater on tide tables and serverless</h2><p>Ada showed how to deploy without a cluster.</p><h2>Oskar Lindqvist on observability</h2><p>Oskar explained why dashboards lie.</p>',
      [
        ['tide tables and serverless', ['Ada Brightwater']],
        ['observability', ['Oskar Lindqvist']],
      ],
    ],
    [
      'co-speakers before "on"',
      '<h2>Ada Brightwater and Mira Santos on pairing</h2><p>Notes.</p><h2>Oskar Lindqvist on lighthouses</h2><p>More.</p>',
      [
        ['pairing', ['Ada Brightwater', 'Mira Santos']],
        ['lighthouses', ['Oskar Lindqvist']],
      ],
    ],
    [
      'a lone one among other talk headings of a recap',
      '<h2>Charting the tides (Ada Brightwater)</h2><p>Notes on tides.</p><h2>Mira Santos on knots</h2><p>Notes on knots.</p><h2>Lighthouses (Oskar Lindqvist)</h2><p>More notes.</p>',
      [
        ['Charting the tides', ['Ada Brightwater']],
        ['knots', ['Mira Santos']],
        ['Lighthouses', ['Oskar Lindqvist']],
      ],
    ],
  ])('reads %s', (_name, inner, expected) => {
    expect(summary('p.html', html(inner))).toEqual(expected);
  });

  test('reads no talk on the topic after "on" when a product or a phrase comes before it', () => {
    const inner =
      '<h2>Notes on testing</h2><p>Some notes.</p><h2>Apache Kafka on Kubernetes</h2><p>Operators.</p><h2>Spring Boot on Kubernetes</h2><p>Probes.</p>';
    const titles = summary('p.html', html(inner)).map(([title]) => title);
    expect(titles).not.toContain('Kubernetes');
    expect(titles).not.toContain('testing');
  });

  test('never reads a product before "on" as a speaker', () => {
    const inner =
      '<h2>Apache Kafka on Kubernetes</h2><p>Operators.</p><h2>Spring Boot on Kubernetes</h2><p>Probes.</p>';
    const speakers = summary('p.html', html(inner)).flatMap(([, names]) => names);
    expect(speakers).not.toContain('Apache Kafka');
    expect(speakers).not.toContain('Spring Boot');
  });

  test('leaves "Jane Doe on stage" as the person, not a talk about a stage', () => {
    const inner =
      '<h2>Ada Brightwater on stage</h2><p>Ada talked about tides.</p><h2>Oskar Lindqvist on stage</h2><p>Oskar talked about lighthouses.</p>';
    expect(summary('p.html', html(inner)).map(([title]) => title)).not.toContain('stage');
  });
});

describe('release notes with credits under each change', () => {
  const credits =
    '<h2>Faster startup</h2><p>By Ada Brightwater.</p><p>Startup is 30% faster; we fixed a lock in the loader.</p>' +
    '<h2>New plugin API</h2><p>By Oskar Lindqvist.</p><p>Added hooks for plugins.</p>' +
    '<h2>Bug fixes</h2><p>By Mira Santos.</p><p>Fixed 12 crashes.</p>';

  test('give no talks', () => {
    const page = `<html><head><title>Release notes for version 4.2</title></head><body><article><h1>Release notes for version 4.2</h1><p>This release fixed many bugs and added features.</p>${credits}</article></body></html>`;
    expect(summary('p.html', page)).toEqual([]);
  });

  test('give no talks in Markdown either, where software words look like talk words', () => {
    const markdown =
      '---\ntitle: "What is new in 2.3"\n---\n\nVersion 2.3 is out: the client talks to the registry over HTTP/2 and writes nginx.conf.\n\n' +
      '## Faster startup\n\nBy Ada Brightwater.\n\nStartup is faster.\n\n## New plugin API\n\nBy Oskar Lindqvist.\n\nAdded hooks.\n';
    expect(summary('p.md', markdown)).toEqual([]);
  });

  test('keep their talks in a recap of the same shape', () => {
    expect(
      summary('p.html', html(`<p>The talks of this year fixed my view of releases.</p>${credits}`)),
    ).toEqual([
      ['Faster startup', ['Ada Brightwater']],
      ['New plugin API', ['Oskar Lindqvist']],
      ['Bug fixes', ['Mira Santos']],
    ]);
  });
});
