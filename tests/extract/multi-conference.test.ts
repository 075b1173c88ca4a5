import { describe, expect, test } from 'vitest';
import { extractPost } from '../../src/extract/index.ts';

function extract(name: string, text: string) {
  return extractPost(name, new TextEncoder().encode(text));
}

const perTalk = (name: string, text: string) =>
  extract(name, text).talks.map((t) => [t.title, t.conference?.name ?? null, t.conference?.year ?? null]);

const md = (title: string, body: string) => `---\ntitle: "${title}"\ndate: 2019-03-01\n---\n\n${body}\n`;

describe('posts that cover several conferences', () => {
  test('a heading names the conference of the talks grouped under it, an unknown series included', () => {
    const text = md(
      'Distributed systems classics',
      [
        'The talks I send to new colleagues, grouped by event.',
        '## Waza 2012, San Francisco',
        '- **Clocks Are Hard**, Jane Miller: why wall clocks lie to distributed programs.',
        '## GopherCon 2015, Denver',
        '- **Channels All The Way**, Tom Becker: pipelines built from goroutines.',
        '## GopherCon 2016, Denver',
        '- **Tracing the Runtime**, Ana Ruiz: what the execution tracer shows.',
      ].join('\n\n'),
    );
    const post = extract('group.md', text);
    expect(post.conference).toBeNull();
    expect(perTalk('group.md', text)).toEqual([
      ['Clocks Are Hard', 'Waza', 2012],
      ['Channels All The Way', 'GopherCon', 2015],
      ['Tracing the Runtime', 'GopherCon', 2016],
    ]);
    expect(post.talks[0]?.conference?.city).toBe('San Francisco');
  });

  test("a talk's own list item names its conference, year and city", () => {
    const text = md(
      'Ada Stone, three talks',
      [
        'Three talks by the same person, years apart.',
        '1. **Simple Made Easy**, Strange Loop 2011, St. Louis. On simplicity.',
        '2. **Spec-ulation**, Clojure/conj 2016, Austin. On change.',
        '3. **Maybe Not**, Clojure/conj 2018, Durham. On optionality.',
      ].join('\n'),
    );
    const post = extract('items.md', text);
    expect(post.conference).toBeNull();
    expect(post.talks.map((t) => t.conference)).toEqual([
      { name: 'Strange Loop', year: 2011, city: 'St. Louis' },
      { name: 'Clojure/conj', year: 2016, city: 'Austin' },
      { name: 'Clojure/conj', year: 2018, city: 'Durham' },
    ]);
  });

  test('year and city columns of a table date each talk of one series', () => {
    const text = md(
      'PyCon US talks worth rewatching',
      [
        'My list of PyCon US recordings.',
        '',
        '| Year | City | Talk | Speaker |',
        '|------|------|------|---------|',
        '| 2012 | Santa Clara | Stop Writing Classes | Jack Diederich |',
        '| 2015 | Montréal | Super considered super! | Raymond Hettinger |',
        '| 2016 | Portland | Removing the GIL | Larry Hastings |',
      ].join('\n'),
    );
    const post = extract('table.md', text);
    expect(post.conference).toBeNull();
    expect(post.talks.map((t) => [t.conference?.year, t.conference?.city])).toEqual([
      [2012, 'Santa Clara'],
      [2015, 'Montréal'],
      [2016, 'Portland'],
    ]);
    expect(post.talks.every((t) => /pycon/i.test(t.conference?.name ?? ''))).toBe(true);
  });

  test('the first sentence of the notes under a talk heading names its conference', () => {
    const html = `<html><head><title>Two talks on consistency</title></head><body><article>
      <h1>Two talks on consistency</h1><p>Both changed how I think about replication.</p>
      <h2 id="a">Consistency Without Borders (Marc Lee)</h2>
      <p><em>dotScale 2018, Paris.</em> Marc explains when strong consistency is needed.</p>
      <h2 id="b">Merging Is Hard (Eva Stone)</h2>
      <p><em>Hydra 2020, online.</em> Eva goes through the anomalies of text merging.</p>
    </article></body></html>`;
    const post = extract('notes.html', html);
    expect(post.conference).toBeNull();
    expect(perTalk('notes.html', html)).toEqual([
      ['Consistency Without Borders', 'dotScale', 2018],
      ['Merging Is Hard', 'Hydra', 2020],
    ]);
  });

  test('one series in several years covers several editions', () => {
    const html = `<html><head><title>Four JSConf EU talks that aged well</title></head><body><article>
      <h1>Four JSConf EU talks that aged well</h1>
      <h2>JSConf EU 2013</h2><h3>Rethinking Templates</h3><p class="who">Pat Hunter</p><p>Components.</p>
      <h2>JSConf EU 2014</h2><h3>The Event Loop Explained</h3><p class="who">Phil Rogers</p><p>Queues.</p>
    </article></body></html>`;
    const post = extract('series.html', html);
    expect(post.conference).toBeNull();
    expect(post.talks.map((t) => t.conference?.year)).toEqual([2013, 2014]);
  });
});

describe('posts about one conference', () => {
  test('keep the post conference and give none to their talks, even when a note names another event', () => {
    const text = md(
      'Notes from dotScale 2018',
      [
        'A day of talks in Paris.',
        '## Istio, we have a problem (David Gageot)',
        'He gave a shorter version at Devoxx France 2017. Service meshes in practice.',
        '## Scaling Postgres (Ana Lopez)',
        'Sharding and connection pools.',
        '## Queues everywhere (Ben Hart)',
        'Back pressure explained.',
      ].join('\n\n'),
    );
    const post = extract('single.md', text);
    expect(post.conference).toMatchObject({ name: 'dotScale', year: 2018 });
    expect(post.talks.length).toBe(3);
    expect(post.talks.every((t) => t.conference === null)).toBe(true);
  });

  test('a heading that repeats the post title does not make its talks name a conference', () => {
    const html = `<html><head><title>My favourite talks at Strange Loop 2015</title></head><body><article>
      <h1>My favourite talks at Strange Loop 2015</h1>
      <h2>Propositions as Types (Phil Wadler)</h2><p>Logic and programs.</p>
      <h2>Building a Database (Kyle Kingsbury)</h2><p>At QCon London 2014 he showed a first cut.</p>
    </article></body></html>`;
    const post = extract('title.html', html);
    expect(post.conference).toMatchObject({ name: 'Strange Loop', year: 2015 });
    expect(post.talks.every((t) => t.conference === null)).toBe(true);
  });
});

describe('talks named in prose', () => {
  test('the sentence that names a talk also names where it was given', () => {
    const text = md(
      'Ada Stone, two talks',
      [
        'I watched both of her conference talks this week.',
        'The first one I saw was at Strange Loop 2012 in St. Louis. In *Clocks Are Hard*, Ada showed why timestamps lie.',
        'A year later, at CUSEC 2013 in Montreal, she gave *Merging Is Hard*, about concurrent text editing.',
      ].join('\n\n'),
    );
    const post = extract('prose.md', text);
    expect(post.conference).toBeNull();
    expect(post.talks.map((t) => t.conference)).toEqual([
      { name: 'Strange Loop', year: 2012, city: 'St. Louis' },
      { name: 'CUSEC', year: 2013, city: 'Montreal' },
    ]);
  });
});
