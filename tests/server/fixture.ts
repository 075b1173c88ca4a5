/**
 * A small hand-made archive for the site's tests: three conferences over two years, topics that
 * span them, a talk recapped by two posts, one with no post URL, and a hostile talk whose every
 * field tries to inject markup or script.
 */
import type { Archive, Conference, Speaker, Talk, TalkKind, TalkSource, Topic } from '../../src/model.ts';

interface TalkSpec {
  conference: string;
  slug: string;
  title: string;
  speakers: string[];
  topics: string[];
  text: string;
  kind?: TalkKind;
  sources?: Partial<TalkSource>[];
}

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const TALKS: TalkSpec[] = [
  {
    conference: 'streamconf-2018',
    slug: 'kafka-schema-registry',
    title: 'Kafka schema registry in practice',
    speakers: ['ada-lane'],
    topics: ['kafka'],
    text: 'How the schema registry keeps Kafka producers and consumers compatible as events evolve.',
  },
  {
    conference: 'streamconf-2018',
    slug: 'crdts-for-offline-apps',
    title: 'CRDTs for offline apps',
    speakers: ['bo-chen'],
    topics: ['crdt'],
    text: 'Conflict-free replicated data types let offline clients merge edits without a server.',
    kind: 'keynote',
  },
  {
    conference: 'cloudsummit-2019',
    slug: 'kubernetes-operators',
    title: 'Writing Kubernetes operators',
    speakers: ['ada-lane', 'carl-ortiz'],
    topics: ['kubernetes'],
    text: 'Operators encode the knowledge of running a database on Kubernetes as a controller.',
    sources: [
      {
        post: 'a.md',
        postTitle: 'Cloud Summit day one',
        url: 'https://blog.example.org/cloud-summit',
        anchor: 'kubernetes-operators',
        excerpt: 'Operators encode the knowledge',
      },
      {
        post: 'b.md',
        postTitle: 'My notes from Cloud Summit',
        url: 'https://notes.example.net/cs19',
        anchor: null,
        excerpt: 'A second look at operators',
      },
    ],
  },
  {
    conference: 'cloudsummit-2019',
    slug: 'crdt-sync-at-scale',
    title: 'CRDT sync at scale',
    speakers: ['bo-chen'],
    topics: ['crdt', 'kubernetes'],
    text: 'Running CRDT based sync servers on Kubernetes with hundreds of thousands of clients.',
  },
  {
    conference: 'devdays-2019',
    slug: 'local-first-software',
    title: 'Local-first software',
    speakers: ['dana-roy'],
    topics: ['crdt'],
    text: 'Local-first software uses CRDT merges so that data lives on the device first.',
    sources: [
      {
        post: 'local.md',
        postTitle: 'Devdays, unpublished notes',
        url: null,
        anchor: null,
        excerpt: 'Local-first software',
      },
    ],
  },
  {
    conference: 'devdays-2019',
    slug: 'hostile',
    title: `Hostile ${HOSTILE}`,
    speakers: ['mallory'],
    topics: ['kafka'],
    text: `Kafka notes ${HOSTILE} end.`,
    sources: [
      {
        post: 'evil.html',
        postTitle: `Evil ${HOSTILE}`,
        url: 'javascript:window.__pwned=3',
        anchor: null,
        excerpt: HOSTILE,
      },
    ],
  },
];

const SPEAKERS: Record<string, string> = {
  'ada-lane': 'Ada Lane',
  'bo-chen': 'Bo Chen',
  'carl-ortiz': 'Carl Ortiz',
  'dana-roy': 'Dana Roy',
  mallory: `Mallory ${HOSTILE}`,
};

const TOPICS: Record<string, [string, string[]]> = {
  kafka: ['Kafka', []],
  crdt: ['CRDT', ['crdts']],
  kubernetes: ['Kubernetes', ['k8s', 'kube']],
};

const CONFERENCES: Record<string, [string, number, string | null, string]> = {
  'streamconf-2018': ['StreamConf', 2018, 'Lyon', '2018-05-04'],
  'cloudsummit-2019': ['Cloud Summit', 2019, 'Berlin', '2019-03-10'],
  'devdays-2019': ['DevDays', 2019, null, '2019-10-01'],
};

function talkOf(spec: TalkSpec): Talk {
  const id = `${spec.conference}/${spec.slug}`;
  const date = CONFERENCES[spec.conference]?.[3] ?? null;
  const sources = (
    spec.sources ?? [
      {
        post: `${spec.conference}.md`,
        postTitle: `${spec.conference} recap`,
        url: `https://blog.example.org/${spec.conference}`,
        anchor: spec.slug,
        excerpt: spec.text.slice(0, 60),
      },
    ]
  ).map(
    (source): TalkSource => ({
      post: '',
      postTitle: '',
      url: null,
      anchor: null,
      excerpt: '',
      text: spec.text,
      date,
      ...source,
    }),
  );
  return {
    id,
    conferenceId: spec.conference,
    slug: spec.slug,
    title: spec.title,
    titleDerived: false,
    speakerIds: spec.speakers,
    topicIds: spec.topics,
    kind: spec.kind ?? 'talk',
    summary: spec.text.slice(0, 80),
    text: spec.text,
    date,
    sources,
  };
}

const idsWhere = (talks: Talk[], test: (talk: Talk) => boolean) => talks.filter(test).map((t) => t.id);

export function fixtureArchive(): Archive & { redirects: Record<string, string>; gone: string[] } {
  const talks = TALKS.map(talkOf);
  const conferences = Object.entries(CONFERENCES).map(
    ([id, [name, year, city, date]]): Conference => ({
      id,
      name,
      year,
      city,
      series: id.replace(/-\d+$/, ''),
      date,
      talkIds: idsWhere(talks, (t) => t.conferenceId === id),
    }),
  );
  const speakers = Object.entries(SPEAKERS).map(
    ([id, name]): Speaker => ({
      id,
      name,
      handles: [],
      affiliations: [],
      aliases: [],
      talkIds: idsWhere(talks, (t) => t.speakerIds.includes(id)),
    }),
  );
  const topics = Object.entries(TOPICS).map(
    ([id, [name, aliases]]): Topic => ({
      id,
      name,
      aliases,
      talkIds: idsWhere(talks, (t) => t.topicIds.includes(id)),
    }),
  );
  return {
    conferences,
    talks,
    speakers,
    topics,
    posts: [],
    redirects: { 'streamconf-2018/kafka-registry': 'streamconf-2018/kafka-schema-registry' },
    gone: ['streamconf-2018/removed-talk'],
  };
}
