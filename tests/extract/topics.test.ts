import { describe, expect, test } from 'vitest';
import { loadTopicVocabulary, MAX_TOPICS, matchTopics } from '../../src/extract/topics.ts';

describe('matchTopics', () => {
  test.each([
    ['an alias gives the canonical name', 'We run k8s in production.', ['Kubernetes']],
    [
      'plurals and case variants',
      'Why CRDTs? A crdt converges. Postgres or HAproxy?',
      ['CRDTs', 'PostgreSQL', 'HAProxy'],
    ],
    ['hyphenated and spaced spellings', 'A service-mesh and a Service Mesh.', ['Service mesh']],
    [
      'Latin terms inside Chinese text',
      '基于Kubernetes自研的PaaS平台和Istio',
      ['Kubernetes', 'PaaS', 'Istio'],
    ],
    ['Chinese terms', '微服务和服务网格', ['Microservices', 'Service mesh']],
    ['the language Go mid-sentence', 'The service is written in Go and Rust.', ['Go', 'Rust']],
    ['no language Go at the start of a sentence', 'Go to the venue early.', []],
    ['no language in ordinary lower-case words', 'I had a java and went to rust-proof the swift car.', []],
    ['no C in French elisions', "C'est une belle conférence.", []],
    ['the longest name wins', 'Kafka Streams on Apache Kafka', ['Kafka Streams', 'Kafka']],
    [
      'acronyms only in capitals',
      'ai and ml are words; AI and ML are topics.',
      ['Artificial intelligence', 'Machine learning'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(matchTopics(text)).toEqual(expected);
  });

  test('orders by count, then by first position', () => {
    expect(matchTopics('Docker. Then Kafka, Kafka and Kafka. Then Docker again.')).toEqual([
      'Kafka',
      'Docker',
    ]);
  });

  test(`returns at most ${MAX_TOPICS} topics`, () => {
    const text = 'Kafka Redis Docker Istio Envoy Prometheus Grafana Zipkin Helm etcd Debian Git GraphQL';
    expect(matchTopics(text)).toHaveLength(MAX_TOPICS);
  });

  test('surfaces an unknown product name repeated three times, not one said once', () => {
    expect(matchTopics('DragonflyDB is fast. DragonflyDB scales. We love DragonflyDB.')).toEqual([
      'DragonflyDB',
    ]);
    expect(matchTopics('We met at DragonflyDB once.')).toEqual([]);
    expect(matchTopics('YouTube YouTube YouTube')).toEqual([]);
  });

  test.each([
    // Glued to a digit or an accented letter, or inside a longer word, the name is another word.
    ['DragonflyDB2 DragonflyDB2 DragonflyDB2', []],
    ['éDragonflyDB DragonflyDBé xDragonflyDB', []],
    ['2DragonflyDB, DragonflyDB and DragonflyDB', []],
    ['(DragonflyDB) "DragonflyDB" DragonflyDB.', ['DragonflyDB']],
    ['DragonflyDB-DragonflyDB/DragonflyDB', ['DragonflyDB']],
  ])('reads a repeated name only as a whole word in %j', (text, topics) => {
    expect(matchTopics(text)).toEqual(topics);
  });
});

describe('loadTopicVocabulary', () => {
  test('holds at least 300 topics with unique canonical names', () => {
    const vocabulary = loadTopicVocabulary();
    expect(vocabulary.length).toBeGreaterThanOrEqual(300);
    expect(new Set(vocabulary.map((t) => t.name)).size).toBe(vocabulary.length);
  });

  test('lets search map an alias to its topic', () => {
    const kubernetes = loadTopicVocabulary().find((t) => t.aliases.includes('k8s'));
    expect(kubernetes?.name).toBe('Kubernetes');
  });
});
