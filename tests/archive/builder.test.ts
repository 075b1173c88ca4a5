import { describe, expect, test } from 'vitest';
import { ArchiveBuilder, buildArchive } from '../../src/archive/index.ts';
import type { ExtractedPost } from '../../src/model.ts';
import { conf, post, shuffled, speaker, talk } from './posts.ts';

const dotscale = post(conf('dotScale', 2018, 'Paris'), [
  talk('Istio: we have a problem!', [speaker('David Gageot', '@dgageot', 'Google')], {
    topics: ['Istio', 'Kubernetes'],
  }),
  talk('Serverless at scale', [speaker('Jane Doe')], { kind: 'keynote' }),
]);
const dotscaleAgain = post(conf('DotScale', 2018), [
  talk('Istio - we have a problem', [speaker('David J. Gageot', '@DGageot')], { topics: ['Kubernetes'] }),
  talk('Serverless at Scale', [speaker('jane doe')]),
  talk('Rust in production', [speaker('Zoé Martin')]),
]);
const kubecon = post(conf('KubeCon + CloudNativeCon Europe', 2019, 'Barcelona'), [
  talk('Operators all the way down', [speaker('Dávid Gageot', null, 'Docker')]),
]);
const kubeconShort = post(conf('KubeCon EU', 2019), [
  talk('Operators all the way down!', [speaker('D. Gageot', '@dgageot')]),
]);

const POSTS: [string, ExtractedPost][] = [
  ['dotscale/2018.md', dotscale],
  ['notes/dotscale-2018.html', dotscaleAgain],
  ['kubecon-2019.md', kubecon],
  ['other/kubecon.md', kubeconShort],
];

describe('buildArchive', () => {
  test('derives ids from conference, title and name', () => {
    const archive = buildArchive(POSTS);
    expect(archive.conferences.map((c) => c.id)).toEqual(['dotscale-2018', 'kubecon-eu-2019']);
    expect(archive.talks.map((t) => t.id)).toContain('dotscale-2018/istio-we-have-a-problem');
    expect(archive.speakers.map((s) => s.id)).toContain('david-gageot');
    expect(archive.topics.map((t) => t.id)).toEqual(['istio', 'kubernetes']);
  });

  test('gives the same archive whatever the order posts are read in', () => {
    const reference = JSON.stringify(buildArchive(POSTS));
    for (let seed = 1; seed <= 20; seed++) {
      expect(JSON.stringify(buildArchive(shuffled(POSTS, seed)))).toBe(reference);
    }
  });

  test('merges one talk recapped by two posts into one talk with two sources', () => {
    const archive = buildArchive(POSTS);
    const dotscaleTalks = archive.talks.filter((t) => t.conferenceId === 'dotscale-2018');
    expect(dotscaleTalks.map((t) => t.title)).toEqual([
      'Istio: we have a problem!',
      'Rust in production',
      'Serverless at scale',
    ]);
    const istio = dotscaleTalks[0]!;
    expect(istio.sources.map((s) => s.post).sort()).toEqual(['dotscale/2018.md', 'notes/dotscale-2018.html']);
    expect(dotscaleTalks[2]!.kind).toBe('keynote');
  });

  test('merges one conference across spellings of its name and series', () => {
    const archive = buildArchive(POSTS);
    const kubeconConf = archive.conferences.find((c) => c.id === 'kubecon-eu-2019')!;
    expect(kubeconConf).toMatchObject({ series: 'kubecon-eu', year: 2019, city: 'Barcelona' });
    expect(kubeconConf.talkIds).toEqual(['kubecon-eu-2019/operators-all-the-way-down']);
  });

  test('uses a series catalogue for names no rule would join', () => {
    const posts: [string, ExtractedPost][] = [
      ['a.md', post(conf('JSConf Europe', 2015), [talk('Streams', [speaker('Ann Lee')])])],
      ['b.md', post(conf('JSConf.eu', 2015), [talk('Streams', [speaker('Ann Lee')])])],
    ];
    const series = [{ series: 'jsconf-eu', name: 'JSConf EU', aliases: ['JSConf Europe', 'JSConf.eu'] }];
    const archive = buildArchive(posts, { series });
    expect(archive.conferences.map((c) => [c.id, c.name])).toEqual([['jsconf-eu-2015', 'JSConf EU']]);
    expect(archive.talks).toHaveLength(1);
  });

  test('merges one speaker by handle, then by name ignoring case, accents and initials', () => {
    const archive = buildArchive(POSTS);
    const david = archive.speakers.find((s) => s.id === 'david-gageot')!;
    expect(david.handles).toEqual(['@dgageot']);
    expect(david.affiliations).toEqual(['Docker', 'Google']);
    expect(david.aliases).toEqual(expect.arrayContaining(['David J. Gageot', 'D. Gageot', 'Dávid Gageot']));
    expect(david.talkIds).toHaveLength(2);
    expect(archive.speakers.map((s) => s.id)).toEqual(['david-gageot', 'jane-doe', 'zoe-martin']);
  });

  test('keeps people with one name but different handles apart', () => {
    const posts: [string, ExtractedPost][] = [
      ['a.md', post(conf('Devoxx', 2017), [talk('Streams', [speaker('John Smith', '@jsmith')])])],
      ['b.md', post(conf('Devoxx', 2018), [talk('Lambdas', [speaker('John Smith', '@johnsmith')])])],
      ['c.md', post(conf('Devoxx', 2019), [talk('Records', [speaker('John Smith', '@jsmith')])])],
    ];
    const speakers = buildArchive(posts).speakers;
    expect(speakers.map((s) => [s.id, s.handles, s.talkIds.length])).toEqual([
      ['john-smith', ['@johnsmith'], 1],
      ['john-smith-2', ['@jsmith'], 2],
    ]);
  });

  test('merges a talk without a title with the titled talk of the same speaker', () => {
    const posts: [string, ExtractedPost][] = [
      ['a.md', post(conf('Code Mesh', 2014), [talk('The mess we are in', [speaker('Joe Armstrong')])])],
      [
        'b.md',
        post(conf('Code Mesh', 2014), [talk(null, [speaker('Joe Armstrong')], { topics: ['Erlang'] })]),
      ],
    ];
    const archive = buildArchive(posts);
    expect(archive.talks.map((t) => [t.title, t.sources.length])).toEqual([['The mess we are in', 2]]);
  });

  test('places a talk from a post naming no conference with the same talk at a known conference', () => {
    const readingList = post(
      null,
      [
        talk('Istio: we have a problem', [speaker('David Gageot')]),
        talk('Simple made easy', [speaker('Rich Hickey')]),
      ],
      { title: 'Talks worth watching', date: '2020-01-01' },
    );
    const archive = buildArchive([...POSTS, ['list.md', readingList]]);
    const istio = archive.talks.find((t) => t.id === 'dotscale-2018/istio-we-have-a-problem')!;
    expect(istio.sources.map((s) => s.post)).toContain('list.md');
    expect(archive.talks.map((t) => t.id)).toContain('talks-worth-watching-2020/simple-made-easy');
    expect(archive.conferences.find((c) => c.id === 'dotscale-2018')).toMatchObject({
      name: 'DotScale',
      date: '2018-06-01',
    });
  });

  test('names the stand-in for a post without a conference as a reading list, keeping its id', () => {
    const readingList = post(null, [talk('Simple made easy', [speaker('Rich Hickey')])], {
      title: 'Talks worth watching 2020',
      date: '2020-01-01',
    });
    const archive = buildArchive([['list.md', readingList]]);
    expect(archive.conferences).toMatchObject([
      { id: 'talks-worth-watching-2020', name: 'Reading list: Talks worth watching', year: 2020 },
    ]);
  });

  test('derives a readable title when no post gives one', () => {
    const posts: [string, ExtractedPost][] = [
      [
        'a.md',
        post(conf('Code Mesh', 2014), [
          talk(null, [speaker('Joe Armstrong')], { topics: ['Erlang'] }),
          talk(null, [speaker('Ann Lee'), speaker('Bo Chen')]),
        ]),
      ],
    ];
    const archive = buildArchive(posts);
    expect(archive.talks.map((t) => [t.id, t.title, t.titleDerived])).toEqual([
      ['code-mesh-2014/joe-armstrong-on-erlang', 'Joe Armstrong on Erlang', true],
      ['code-mesh-2014/talk-by-ann-lee-and-bo-chen', 'Talk by Ann Lee and Bo Chen', true],
    ]);
  });

  test('keeps two different talks with one title apart, with distinct ids', () => {
    const posts: [string, ExtractedPost][] = [
      [
        'a.md',
        post(conf('Devoxx', 2017), [
          talk('Keynote', [speaker('Ann Lee')]),
          talk('Keynote', [speaker('Bo Chen')]),
        ]),
      ],
    ];
    const ids = buildArchive(posts).talks.map((t) => t.id);
    expect(ids).toEqual(['devoxx-2017/keynote', 'devoxx-2017/keynote-bo-chen']);
  });

  test('records which talks each post covers', () => {
    const archive = buildArchive(POSTS);
    const record = archive.posts.find((p) => p.path === 'notes/dotscale-2018.html')!;
    expect(record.talkIds).toEqual([
      'dotscale-2018/istio-we-have-a-problem',
      'dotscale-2018/serverless-at-scale',
      'dotscale-2018/rust-in-production',
    ]);
  });
});

describe('ArchiveBuilder updates', () => {
  function builderWith(posts: [string, ExtractedPost][]) {
    const builder = new ArchiveBuilder();
    builder.load(posts);
    return builder;
  }

  test('reports the talks a new post adds and changes', () => {
    const builder = builderWith(POSTS.slice(0, 1));
    const change = builder.upsertPost('notes/dotscale-2018.html', dotscaleAgain);
    expect(change).toEqual({
      added: ['dotscale-2018/rust-in-production'],
      changed: ['dotscale-2018/istio-we-have-a-problem', 'dotscale-2018/serverless-at-scale'],
      removed: [],
    });
  });

  test('ends in the same archive as a full build after adds, changes and deletes', () => {
    const builder = builderWith(POSTS);
    builder.upsertPost('x.md', post(conf('dotScale', 2018), [talk('Extra', [speaker('Ann Lee')])]));
    builder.removePost('x.md');
    builder.upsertPost('kubecon-2019.md', kubecon);
    const { redirects, gone, ...incremental } = builder.toArchive();
    const { redirects: _r, gone: _g, ...full } = buildArchive(POSTS);
    expect(incremental).toEqual(full);
    expect(gone).toEqual(['dotscale-2018/extra']);
    expect(redirects).toEqual({});
  });

  test('keeps a talk id when its post changes but its title does not', () => {
    const builder = builderWith(POSTS);
    const edited = post(conf('dotScale', 2018, 'Paris'), [
      talk('Istio: we have a problem!', [speaker('David Gageot')], { text: 'New notes.' }),
      talk('Serverless at scale', [speaker('Jane Doe')]),
    ]);
    const change = builder.upsertPost('dotscale/2018.md', edited);
    expect(change.removed).toEqual([]);
    expect(builder.getTalk('dotscale-2018/istio-we-have-a-problem')?.text).toContain('New notes.');
  });

  test('redirects the old id when a title is corrected', () => {
    const builder = builderWith([
      ['a.md', post(conf('Devoxx', 2017), [talk('Rust for begginers', [speaker('Ann Lee')])])],
    ]);
    const change = builder.upsertPost(
      'a.md',
      post(conf('Devoxx', 2017), [talk('Learning Rust', [speaker('Ann Lee')])]),
    );
    expect(change).toEqual({
      added: ['devoxx-2017/learning-rust'],
      changed: [],
      removed: ['devoxx-2017/rust-for-begginers'],
    });
    builder.upsertPost(
      'a.md',
      post(conf('Devoxx', 2017), [talk('Learning Rust, the hard way', [speaker('Ann Lee')])]),
    );
    const archive = builder.toArchive();
    expect(archive.redirects).toEqual({
      'devoxx-2017/learning-rust': 'devoxx-2017/learning-rust-the-hard-way',
      'devoxx-2017/rust-for-begginers': 'devoxx-2017/learning-rust-the-hard-way',
    });
    expect(archive.gone).toEqual([]);
  });

  test('lists the talks of a deleted post as gone, and forgets them when they come back', () => {
    const builder = builderWith(POSTS);
    const change = builder.removePost('kubecon-2019.md');
    expect(change).toEqual({
      added: [],
      changed: ['kubecon-eu-2019/operators-all-the-way-down'],
      removed: [],
    });
    builder.removePost('other/kubecon.md');
    expect(builder.toArchive().gone).toEqual(['kubecon-eu-2019/operators-all-the-way-down']);
    expect(builder.toArchive().conferences.map((c) => c.id)).toEqual(['dotscale-2018']);
    builder.upsertPost('other/kubecon.md', kubeconShort);
    expect(builder.toArchive().gone).toEqual([]);
  });

  test('carries redirects and gone ids over from a previous run', () => {
    const builder = new ArchiveBuilder({ redirects: { 'a/old': 'a/new' }, gone: ['b/deleted'] });
    expect(builder.toArchive()).toMatchObject({ redirects: { 'a/old': 'a/new' }, gone: ['b/deleted'] });
  });
});
