import { describe, expect, test } from 'vitest';
import { inferConference, parseConferenceMention } from '../../src/extract/conference.ts';
import { loadPost } from '../../src/extract/load.ts';
import { extractMeta } from '../../src/extract/meta.ts';

const infer = (source: string, text: string) => {
  const loaded = loadPost(source, text);
  return inferConference(loaded.$, extractMeta(loaded.$, loaded.frontMatter, source));
};

const html = (title: string, body: string, head = '') =>
  `<html><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1>${body}</article></body></html>`;

describe('inferConference', () => {
  test.each([
    [
      'canonical spelling of a known series',
      html('DotScale 2018 (Yet Another Conference Blogpost)', '<p>A day in Paris.</p>'),
      { name: 'dotScale', year: 2018, city: 'Paris' },
    ],
    [
      'an alias glued to its region',
      html("I'm going to KubeConEU 2024", '<p>See you in Paris!</p>'),
      { name: 'KubeCon + CloudNativeCon Europe', year: 2024, city: 'Paris' },
    ],
    [
      'the name a series had that year',
      html('Kubecon EU 2016', '<p>notes</p>'),
      { name: 'KubeCon EU', year: 2016, city: null },
    ],
    [
      'a regional edition',
      html('Retour sur QCon London 2012', '<p>trois jours</p>'),
      { name: 'QCon London', year: 2012, city: 'London' },
    ],
    [
      'a one-word alias',
      html('Notes from Strangeloop 2015', '<p>I went.</p>'),
      { name: 'Strange Loop', year: 2015, city: 'St. Louis' },
    ],
    [
      'the brand alone',
      html(
        'Devoxx Aftermath',
        '<p>Devoxx was great.</p>',
        '<meta property="article:published_time" content="2011-11-18">',
      ),
      { name: 'Devoxx', year: 2011, city: null },
    ],
    [
      'a city in the title refining the brand',
      html('Devoxx Anvers', '<p>Devoxx 2016 was great.</p>'),
      { name: 'Devoxx Belgium', year: 2016, city: 'Antwerp' },
    ],
    [
      'a slug heading',
      '# devfest-nantes-2018\nCompte-rendu des sessions.',
      { name: 'DevFest Nantes', year: 2018, city: 'Nantes' },
    ],
    [
      'a city spelled in the local language',
      '---\ntitle: PHP Kongress Köln\ndate: 2000-10-07\n---\ntext',
      { name: 'PHP Kongress', year: 2000, city: 'Cologne' },
    ],
    [
      'a Chinese title with a meetup',
      html('第四届Service Mesh Meetup上海站回顾', '<p>2018年11月26日</p>'),
      { name: 'Service Mesh Meetup', year: 2018, city: 'Shanghai' },
    ],
    [
      'keywords naming the edition',
      html(
        '2019 KubeCon + CloudNativeCon + Open Source Summit有感',
        '<p>大会在上海举行</p>',
        '<meta name="keywords" content="KubeCon China">',
      ),
      { name: 'KubeCon + CloudNativeCon + Open Source Summit China', year: 2019, city: 'Shanghai' },
    ],
    [
      'an unknown conference with a conference word',
      html('Notes from Foo Summit 2019', '<p>talks</p>'),
      { name: 'Foo Summit', year: 2019, city: null },
    ],
    [
      'an unknown camel-cased conference',
      html(
        'My week at BarConf',
        '<p>talks</p>',
        '<meta property="article:published_time" content="2017-05-02">',
      ),
      { name: 'BarConf', year: 2017, city: null },
    ],
    [
      'an unknown name before a year',
      html('Highlights of Wonderful Tech 2021 in Berlin', '<p>talks</p>'),
      { name: 'Wonderful Tech', year: 2021, city: 'Berlin' },
    ],
    [
      'a regional edition from the city that hosted it',
      html('KubeCon San Diego 2019', '<p>notes</p>'),
      { name: 'KubeCon + CloudNativeCon North America', year: 2019, city: 'San Diego' },
    ],
    [
      'an unknown title conference over a known one the text mentions',
      html('Notes from Foo Summit 2019', '<p>Smaller than Devoxx 2018, and cosier than Devoxx.</p>'),
      { name: 'Foo Summit', year: 2019, city: null },
    ],
    [
      'an unknown conference named at the start of the text',
      html('Day one notes', '<p>Yesterday I attended Acme Data Conference 2019 in Lyon.</p>'),
      { name: 'Acme Data Conference', year: 2019, city: 'Lyon' },
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(infer(_name === 'a slug heading' || _name.includes('local') ? 'p.md' : 'p.html', text)).toEqual(
      expected,
    );
  });

  test.each([
    ['a post about a technology', html('Kubernetes 2019 roadmap', '<p>What changes in the scheduler.</p>')],
    ['a post without any event', html('Why I like tea', '<p>It is warm.</p>')],
    ['a date in the title', html('Published June 2018', '<p>A post.</p>')],
    [
      'a post covering several conferences',
      html('My autumn', '<h2>Devoxx Belgium 2016</h2><p>a</p><h2>DevFest Nantes 2018</h2><p>b</p>'),
    ],
    [
      'a post that mentions a conference once in passing',
      html('Tuning the JVM', '<p>I first heard of it at Devoxx.</p>'),
    ],
  ])('gives null for %s', (_name, text) => {
    expect(infer('p.html', text)).toBeNull();
  });
});

describe('parseConferenceMention', () => {
  test.each([
    ['At Devoxx France 2018, Nicolas showed', { name: 'Devoxx France', year: 2018, city: 'Paris' }],
    ['QCon SF 2019: Keynote', { name: 'QCon San Francisco', year: 2019, city: 'San Francisco' }],
    ["dotJS '17", { name: 'dotJS', year: 2017, city: 'Paris' }],
    ['Lessons from Acme Conf 2020', { name: 'Acme Conf', year: 2020, city: null }],
    ['A talk about Rust', null],
  ])('reads "%s"', (text, expected) => {
    expect(parseConferenceMention(text)).toEqual(expected);
  });
});
