/** Small hand-made archives for the search tests: plain data, no extractor or archive builder. */
import type { Archive, Conference, Speaker, Talk, Topic } from '../../src/model.ts';

export interface TalkSpec {
  conf: string;
  title: string;
  speakers?: string[];
  topics?: string[];
  text?: string;
  summary?: string;
  date?: string;
}

const CONFERENCES: Record<string, Omit<Conference, 'talkIds' | 'id'>> = {
  'dotscale-2018': { name: 'dotScale', year: 2018, city: 'Paris', series: 'dotscale', date: '2018-06-01' },
  'dotscale-2019': { name: 'dotScale', year: 2019, city: 'Paris', series: 'dotscale', date: '2019-06-01' },
  'kafka-summit-2019': {
    name: 'Kafka Summit',
    year: 2019,
    city: 'London',
    series: 'kafka-summit',
    date: '2019-05-13',
  },
  'pgconf-2020': { name: 'PGConf', year: 2020, city: 'Moscow', series: 'pgconf', date: '2020-02-03' },
};

export const TOPICS: Omit<Topic, 'talkIds'>[] = [
  { id: 'kubernetes', name: 'Kubernetes', aliases: ['k8s', 'kube'] },
  { id: 'postgresql', name: 'PostgreSQL', aliases: ['postgres'] },
  { id: 'kafka', name: 'Kafka', aliases: [] },
  { id: 'haproxy', name: 'HAProxy', aliases: [] },
  { id: 'security', name: 'Security', aliases: ['infosec'] },
  { id: 'rust', name: 'Rust', aliases: [] },
];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

export function makeTalk(spec: TalkSpec): Talk {
  const s = slug(spec.title);
  const text = spec.text ?? `Notes about ${spec.title}.`;
  return {
    id: `${spec.conf}/${s}`,
    conferenceId: spec.conf,
    slug: s,
    title: spec.title,
    titleDerived: false,
    speakerIds: (spec.speakers ?? []).map(slug),
    topicIds: (spec.topics ?? []).map(slug),
    kind: 'talk',
    summary: spec.summary ?? text.slice(0, 120),
    text,
    date: spec.date ?? CONFERENCES[spec.conf]?.date ?? null,
    sources: [
      {
        post: `${spec.conf}.md`,
        postTitle: spec.conf,
        url: `https://blog.example/${spec.conf}`,
        anchor: s,
        excerpt: '',
        text,
        date: null,
      },
    ],
  };
}

/** An archive whose conferences, speakers and topics are derived from the talks. */
export function buildArchive(specs: TalkSpec[]): Archive {
  const talks = specs.map(makeTalk);
  const speakers = new Map<string, Speaker>();
  specs.forEach((spec, i) => {
    for (const name of spec.speakers ?? []) {
      const id = slug(name);
      const speaker = speakers.get(id) ?? {
        id,
        name,
        handles: [`@${id.replace(/-/g, '')}`],
        affiliations: [],
        aliases: [],
        talkIds: [],
      };
      speaker.talkIds.push(talks[i]!.id);
      speakers.set(id, speaker);
    }
  });
  const conferences = Object.entries(CONFERENCES).map(([id, c]) => ({
    id,
    ...c,
    talkIds: talks.filter((t) => t.conferenceId === id).map((t) => t.id),
  }));
  const topics = TOPICS.map((t) => ({
    ...t,
    talkIds: talks.filter((talk) => talk.topicIds.includes(t.id)).map((x) => x.id),
  }));
  return { conferences, talks, speakers: [...speakers.values()], topics, posts: [] };
}

export const SAMPLE: TalkSpec[] = [
  {
    conf: 'dotscale-2018',
    title: 'Istio, we have a problem',
    speakers: ['David Gageot'],
    topics: ['Kubernetes'],
    text: 'A service mesh on top of Kubernetes clusters. He showed sidecars and mutual TLS between pods.',
  },
  {
    conf: 'kafka-summit-2019',
    title: 'Exactly-once semantics in practice',
    speakers: ['Anna Tkachenko'],
    topics: ['Kafka'],
    text: 'Transactions, idempotent producers and the pitfalls of exactly-once delivery with Kafka streams.',
  },
  {
    conf: 'kafka-summit-2019',
    title: 'Kafka at scale',
    speakers: ['Bob Stream'],
    topics: ['Kafka'],
    text: 'Running thousands of brokers. Partition counts, rebalancing and monitoring lag.',
  },
  {
    conf: 'pgconf-2020',
    title: 'Vacuum deep dive',
    speakers: ['Olga Petrova'],
    topics: ['PostgreSQL'],
    text: 'How autovacuum works in Postgres, bloat, freezing and wraparound. Kafka is mentioned once.',
  },
  {
    conf: 'dotscale-2019',
    title: 'Load balancing with HAProxy',
    speakers: ['Willy Tarreau'],
    topics: ['HAProxy'],
    text: 'Health checks, stick tables and the runtime API of the load balancer.',
  },
  {
    conf: 'dotscale-2019',
    title: 'Operators for stateful workloads',
    speakers: ['David Gageot'],
    topics: ['Kubernetes', 'PostgreSQL'],
    text: 'Running databases on Kubernetes with operators: backups, failover and upgrades of Postgres.',
  },
  {
    conf: 'dotscale-2018',
    title: 'Escaping the browser sandbox',
    speakers: ['Eve Hacker'],
    topics: ['Security'],
    text: 'She typed <script>alert("x")</script> into the form & the page ran it. Sanitize your inputs.',
  },
  {
    conf: 'pgconf-2020',
    title: 'Rust extensions for Postgres',
    speakers: ['Olga Petrova', 'Anna Tkachenko'],
    topics: ['Rust', 'PostgreSQL'],
    text: 'Writing Postgres extensions in Rust with pgrx. Memory safety without a garbage collector.',
  },
];
